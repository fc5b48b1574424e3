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

	_ "modernc.org/sqlite" // registers the "sqlite" driver: SQLite without cgo
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
	db      *sql.DB
	path    string
	created bool
	watch   watcher // DataVersion's connection
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

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Option changes how Open opens a library.
type Option func(*options)

type options struct {
	cacheKB int
}

// ForBulkWrites gives each connection a 64 MB page cache instead of
// SQLite's 2 MB, for a program about to write tens of thousands of
// articles (byline refresh): storing a 50,000-article refresh's entities
// rewrites each article's row, and with the small cache each of those
// pages was read back from the file. A reader left open keeps the default.
func ForBulkWrites() Option { return func(o *options) { o.cacheKB = 64 << 10 } }

// Open opens the library at path, creating it (folders 0700, file 0600)
// when it does not exist. A file that is not a library, or one written by
// a newer byline, is refused before anything is written to it.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	s, err := open(ctx, path, o)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	return s, nil
}

func open(ctx context.Context, path string, o options) (*Store, error) {
	created, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	// Per-connection settings go in the DSN so every pooled connection has
	// them. IMMEDIATE transactions take the write lock up front: a deferred
	// one that upgrades later fails with "database is locked" at once,
	// whatever the busy timeout, when another process is writing.
	dsn := "file:" + path + "?_txlock=immediate" +
		"&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_spill(0)&_pragma=temp_store(2)"
	if o.cacheKB > 0 {
		dsn += fmt.Sprintf("&_pragma=cache_size(-%d)", o.cacheKB)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, created: created}
	if err := s.checkVersion(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		db.Close()
		return nil, explain(err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// prepareFile makes sure path is a file SQLite may open: it creates a
// missing one with safe permissions, and checks an existing one's header so
// a stray file is never turned into a database.
func prepareFile(path string) (created bool, err error) {
	fi, err := os.Stat(path)
	switch {
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
	case fi.Size() == 0:
		return true, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return false, errors.New("file is not a database")
	}
	return false, nil
}

// schemaVersion is the newest schema this program knows.
func schemaVersion() int {
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	return len(names)
}

func (s *Store) checkVersion(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return explain(err)
	}
	if v > schemaVersion() {
		return fmt.Errorf("written by a newer byline (schema %d; this one reads up to %d)", v, schemaVersion())
	}
	// Reading the schema proves the file is whole enough to use.
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return explain(err)
	}
	return nil
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
		for i := v; i < len(names); i++ {
			script, err := migrationFS.ReadFile(names[i])
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(script)); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", i+1, err)
			}
			if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(i+1)); err != nil {
				return err
			}
		}
		return nil
	})
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
		return fmt.Errorf("permission denied or unwritable folder: %w", err)
	}
	return err
}

// Close closes the library.
func (s *Store) Close() error {
	s.watch.close()
	return s.db.Close()
}

// Path is the library's file.
func (s *Store) Path() string { return s.path }

// Created reports whether this Open created a new, empty library.
func (s *Store) Created() bool { return s.created }

// write runs fn in one IMMEDIATE transaction and commits it.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return explain(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return explain(tx.Commit())
}
