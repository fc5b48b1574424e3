// Package store owns the library on disk: one SQLite file holding articles,
// their people, places and quotes, marks, tags, notes and feeds. It creates
// and migrates the schema, de-duplicates articles, translates the query
// language to SQL and searches full text. Every write is one transaction,
// durable when the call returns.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver: SQLite without cgo

	"byline/news"
)

// Errors callers can test for with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already exists")
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open library. It is safe for concurrent use, and other
// processes may use the same file at the same time.
type Store struct {
	db       *sql.DB
	path     string
	created  bool
	readOnly bool
	notices  []string
	watch    watcher       // DataVersion's connection
	ckpt     *checkpointer // nil unless ForBulkWrites

	prepMu sync.Mutex
	prep   map[*news.Article]prepared // bodies Prepare packed for a Save to come
}

// DefaultPath is where the library lives unless told otherwise:
// $BYLINE_LIBRARY, else $XDG_DATA_HOME/byline/library.db, else
// ~/.local/share/byline/library.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("BYLINE_LIBRARY"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "byline", "library.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the library: %w", err)
	}
	return filepath.Join(home, ".local", "share", "byline", "library.db"), nil
}

// pageSize is the page size of a new library. An article's row is about
// 1.2 KB with its body packed: three fit a 4 KB page with a fifth of it
// left over, six an 8 KB page with a tenth. On the 10,000-story bench
// the articles took 12.6 MiB instead of 13.7 and the file 46.5 MB instead
// of 47.5, for the same refresh CPU (7.6 s against 7.7); 16 KB saved
// 0.1 MB more. Older libraries keep the size they were made with.
const pageSize = 8192

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// applicationID is byline's mark in the SQLite header ("BYLN"), set when a
// library is created or first opened by this version: a SQLite file of
// another program is never mistaken for a library and changed.
const applicationID = 0x42594c4e

// ErrNoLibrary is returned by Open with ForReading when there is no
// library at the path: a command that only reads never creates one.
var ErrNoLibrary = errors.New("no library")

// ErrReadOnly is every write to a library opened read-only.
var ErrReadOnly = errors.New("the library is read-only here: its file or folder cannot be written")

// Option changes how Open opens a library.
type Option func(*options)

type options struct {
	cacheKB    int
	bulk       bool // checkpoint in the background (ForBulkWrites)
	noCreate   bool // a missing library is ErrNoLibrary
	roFallback bool // a library that cannot be written is opened read-only
	ownDir     bool // the folder is byline's own
}

// ForBulkWrites is for a program about to write tens of thousands of
// articles (byline refresh, add, sync): the write-ahead log is copied into
// the library by a goroutine of its own, beside the writer, instead of by
// the writer after its commits (see checkpointer).
//
// It once gave each connection a 64 MB page cache, when a refresh rewrote
// every article's row to store its entities; since articles are written
// once, whole, that cache no longer paid for itself: a 10,000-article
// refresh took the same CPU (9.0 s against 9.4 s) with SQLite's 2 MB and
// peaked at 174 MB instead of 251 MB.
func ForBulkWrites() Option { return func(o *options) { o.bulk = true } }

// ForReading is for commands that only read (list, show, export): a
// missing library is ErrNoLibrary rather than a new one at a mistyped
// path, and a library whose file or folder cannot be written is opened
// read-only instead of failing.
func ForReading() Option { return func(o *options) { o.noCreate, o.roFallback = true, true } }

// NoCreate makes a missing library ErrNoLibrary instead of a new one.
func NoCreate() Option { return func(o *options) { o.noCreate = true } }

// ReadOnlyIfUnwritable opens a library whose file or folder cannot be
// written read-only, instead of failing: the reader shows such a library,
// and says so when a mark or note cannot be saved.
func ReadOnlyIfUnwritable() Option { return func(o *options) { o.roFallback = true } }

// OwnFolder says the library's folder is byline's own (the default
// path's): one that others may read or write is tightened to 0700.
func OwnFolder() Option { return func(o *options) { o.ownDir = true } }

// Open opens the library at path, creating it (folders 0700, file 0600)
// when it does not exist. A file that is not a library (another program's
// SQLite database included), or one written by a newer byline, is refused
// before a byte of it is written.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	s, err := open(ctx, path, o)
	if errors.Is(err, ErrNoLibrary) {
		return nil, fmt.Errorf("no library at %s%s", path, strings.TrimPrefix(err.Error(), ErrNoLibrary.Error()))
	}
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	return s, nil
}

func open(ctx context.Context, path string, o options) (*Store, error) {
	created, err := prepareFile(path, o.noCreate)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, created: created}
	readOnly := o.roFallback && !created && !writable(path)
	// Per-connection settings go in the DSN so every pooled connection has
	// them. IMMEDIATE transactions take the write lock up front: a deferred
	// one that upgrades later fails with "database is locked" at once,
	// whatever the busy timeout, when another process is writing. SQLite
	// spills a transaction's dirty pages to the WAL once the page cache
	// is full (its default): kept in memory instead (cache_spill off), a
	// refresh's 1,000-article transaction held 23 MB more, outside the Go
	// heap and its limit, for no less CPU.
	dsn := "file:" + path + "?_txlock=immediate" +
		"&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(2)"
	if created {
		// Set on every connection, as whichever writes first creates the
		// file; once it exists the pragma changes nothing.
		dsn += fmt.Sprintf("&_pragma=page_size(%d)", pageSize)
	}
	if o.cacheKB > 0 {
		dsn += fmt.Sprintf("&_pragma=cache_size(-%d)", o.cacheKB)
	}
	if o.bulk {
		dsn += fmt.Sprintf("&_pragma=wal_autocheckpoint(%d)", bulkCheckpointPages)
	}
	if readOnly {
		// A WAL library in a folder that cannot be written has no -shm file
		// and SQLite cannot make one: read it as immutable, which is true
		// while nobody can write beside it. With a -wal file present (a
		// writer elsewhere has the rights), read through it.
		dsn += "&mode=ro"
		if _, err := os.Stat(path + "-wal"); err != nil && !dirWritable(filepath.Dir(path)) {
			dsn += "&immutable=1"
		}
	}
	s.db, err = sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := s.checkLibrary(ctx, readOnly); err != nil {
		s.db.Close()
		return nil, s.cause(err)
	}
	s.tighten(o.ownDir) // only once it is known to be a library
	if readOnly {
		return s, nil
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		s.db.Close()
		return nil, s.cause(err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, s.cause(err)
	}
	if o.bulk {
		s.ckpt = startCheckpointer(s.db)
	}
	return s, nil
}

// prepareFile makes sure path is a file SQLite may open: it creates a
// missing one with safe permissions (unless the command only reads), and
// checks an existing one's header so a stray file is never turned into a
// database. It reads the header even of a file whose size is 0: files in
// /proc say so and are not empty.
func prepareFile(path string, reading bool) (created bool, err error) {
	if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			target, _ := os.Readlink(path)
			return false, fmt.Errorf("a symbolic link to %s, which does not exist", target)
		}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && reading:
		return false, ErrNoLibrary
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return false, err
		}
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil && !errors.Is(err, fs.ErrExist) { // another process may win the race
			return false, err
		}
		if f != nil {
			f.Close()
		}
		return err == nil, nil
	case err != nil:
		return false, err
	case fi.IsDir():
		return false, errors.New("is a directory, not a library file")
	case !fi.Mode().IsRegular():
		return false, fmt.Errorf("is a %s, not a library file", fileKind(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && reading:
		return false, fmt.Errorf("%w (the file is empty)", ErrNoLibrary)
	case n == 0:
		return true, nil
	case err != nil || !bytes.Equal(head, sqliteHeader):
		return false, errors.New("file is not a database")
	}
	return false, nil
}

// fileKind names what a path is when it is no regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// tighten makes a library others may read private again: the file 0600,
// and its folder 0700 when the folder is byline's own. It says so once, in
// Notices; the next open finds nothing to do. A chmod that fails (the file
// is someone else's) changes nothing and is not an error.
func (s *Store) tighten(ownDir bool) {
	if fi, err := os.Stat(s.path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if os.Chmod(s.path, 0o600) == nil {
			s.notices = append(s.notices, fmt.Sprintf("%s was mode %04o, readable by others: made it 0600", s.path, fi.Mode().Perm()))
		}
	}
	if !ownDir {
		return
	}
	dir := filepath.Dir(s.path)
	if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if os.Chmod(dir, 0o700) == nil {
			s.notices = append(s.notices, fmt.Sprintf("the library folder %s was mode %04o, open to others: made it 0700", dir, fi.Mode().Perm()))
		}
	}
}

// Notices are things Open changed that the user should hear of, once:
// permissions tightened.
func (s *Store) Notices() []string { return s.notices }

// ReadOnly reports whether the library was opened read-only: ForReading
// on a file or folder that cannot be written.
func (s *Store) ReadOnly() bool { return s.readOnly }

// schemaVersion is the newest schema this program knows.
func schemaVersion() int {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	return len(names)
}

// checkLibrary refuses, by reading alone, a file that is not a byline
// library: one written by a newer byline, or a SQLite database of another
// program. A library is one with byline's application id; one made before
// byline set it (user_version above 0 and byline's tables); or a database
// with nothing in it yet, which is how a new library starts.
func (s *Store) checkLibrary(ctx context.Context, readOnly bool) error {
	var app, v, objects int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	// Reading the schema also proves the file is whole enough to use.
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&objects); err != nil {
		return err
	}
	switch {
	case app != applicationID && app != 0:
		return fmt.Errorf("a SQLite database of another program (application id %#x), not a byline library; byline leaves it as it is", app)
	case app == 0 && objects > 0 && (v == 0 || !s.hasBylineTables(ctx)):
		return fmt.Errorf("a SQLite database of another program (%d tables and indexes, none of them byline's), not a byline library; byline leaves it as it is", objects)
	case v > schemaVersion():
		return fmt.Errorf("written by a newer byline (schema %d; this one reads up to %d)", v, schemaVersion())
	case readOnly && v < schemaVersion():
		return fmt.Errorf("needs updating to this byline's schema (%d to %d), and it cannot be written", v, schemaVersion())
	}
	s.readOnly = readOnly
	return nil
}

// hasBylineTables reports whether the database has the tables every byline
// library has had since its first schema, with the columns of its
// articles.
func (s *Store) hasBylineTables(ctx context.Context) bool {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('feeds', 'articles', 'tags', 'notes', 'search')) +
		(SELECT count(*) FROM pragma_table_info('articles') WHERE name IN ('sort_time', 'entities_version', 'content_hash'))`).Scan(&n)
	return err == nil && n == 8
}

// migrate applies every migration newer than the file's user_version, all
// in one transaction.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	return s.write(ctx, func(tx *sql.Tx) error {
		var v int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return err
		}
		var app int
		if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
			return err
		}
		if app != applicationID {
			// A new library, or one made before byline marked its files.
			if _, err := tx.ExecContext(ctx, "PRAGMA application_id = "+strconv.Itoa(applicationID)); err != nil {
				return err
			}
		}
		for i := v; i < len(names); i++ {
			script, err := migrationFS.ReadFile(names[i])
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(script)); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", i+1, err)
			}
			if err := afterMigration(ctx, tx, names[i]); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", i+1, err)
			}
			if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(i+1)); err != nil {
				return err
			}
		}
		return nil
	})
}

// writable reports whether SQLite could write the library: the file, and
// its folder, where the -wal and -shm files live.
func writable(path string) bool {
	return access(path) == nil && dirWritable(filepath.Dir(path))
}

func dirWritable(dir string) bool { return access(dir) == nil }

// cause turns a failure to open into the one that is true of this path:
// SQLite says "unable to open" for a file it cannot read, a file it cannot
// write and a folder it cannot write alike.
func (s *Store) cause(err error) error {
	err = explain(err)
	if !errors.Is(err, errCannotOpen) {
		return err
	}
	dir := filepath.Dir(s.path)
	if f, oerr := os.Open(s.path); oerr != nil {
		return fmt.Errorf("permission denied: it cannot be read (%v)", unwrapPath(oerr))
	} else {
		f.Close()
	}
	if aerr := access(s.path); aerr != nil {
		return fmt.Errorf("permission denied: the file cannot be written (%v)", aerr)
	}
	if aerr := access(dir); aerr != nil {
		return fmt.Errorf("permission denied: its folder %s cannot be written, and SQLite keeps its journal there (%v)", dir, aerr)
	}
	return err
}

// unwrapPath drops the path from an *fs.PathError: the caller names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// errCannotOpen is SQLite's "unable to open" and "readonly": the file or
// its folder could not be opened or written.
var errCannotOpen = errors.New("permission denied or unwritable folder")

// afterMigration finishes in Go what a migration's SQL cannot do: the
// index of subjects merges names, and aliases normalises them, with the
// rules the save path uses.
func afterMigration(ctx context.Context, tx *sql.Tx, name string) error {
	var rebuild func(*wtx) error
	switch {
	case strings.HasSuffix(name, "_subjects.sql"):
		rebuild = func(w *wtx) error {
			// The index is built by the save path's code, which now adds up the
			// counters itself (migration subject_counts drops the trigger that
			// did; it comes later, so drop it here too or the counts double).
			if _, err := w.exec(`DROP TRIGGER IF EXISTS appearance_added`); err != nil {
				return err
			}
			return rebuildSubjects(w)
		}
	case strings.HasSuffix(name, "_aliases.sql"):
		rebuild = rebuildAliases
	case strings.HasSuffix(name, "_search_detail_none.sql"):
		rebuild = rebuildSearch
	default:
		return nil
	}
	w := newWTX(ctx, tx)
	defer w.close()
	return rebuild(w)
}

// explain turns SQLite's messages into the cause a reader can act on.
func explain(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "(26)"):
		return errors.New("file is not a database")
	case strings.Contains(msg, "malformed"):
		return fmt.Errorf("the library file is damaged: %w", err)
	case strings.Contains(msg, "unable to open"), strings.Contains(msg, "readonly"):
		return fmt.Errorf("%w: %w", errCannotOpen, err)
	}
	return err
}

// Close closes the library.
func (s *Store) Close() error {
	s.watch.close()
	s.ckpt.close()
	return s.db.Close()
}

// Path is the library's file.
func (s *Store) Path() string { return s.path }

// Created reports whether this Open created a new, empty library.
func (s *Store) Created() bool { return s.created }

// write runs fn in one IMMEDIATE transaction and commits it.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return explain(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return explain(err)
	}
	s.ckpt.committed()
	return nil
}
