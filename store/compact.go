package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"reflect"

	"byline/news"
)

// Compacted says what Compact did.
type Compacted struct {
	Bodies, Documents, Hashes int   // rows packed
	Before, After             int64 // the file's size in bytes, with its WAL
	// PageBefore and PageAfter are the library's page size in bytes. A
	// library made before 8 KB pages is rebuilt with them, unless another
	// connection has it open: PagesKept says so.
	PageBefore, PageAfter int
	PagesKept             bool
}

// compactBatch is how many rows one transaction of Compact rewrites: the
// reader and a refresh wait for no more than that.
const compactBatch = 500

// Compact packs what older versions of byline stored plainly (bodies as
// TEXT, entities as JSON, text hashes in hexadecimal), in transactions of
// a few hundred rows, and then gives the space freed back to the disk
// (VACUUM). A library goes on working without it: every article is
// packed when it is next saved, and the space stays free for new ones.
// progress, when not nil, is told the rows packed so far.
func (s *Store) Compact(ctx context.Context, progress func(done int)) (Compacted, error) {
	var c Compacted
	if s.readOnly {
		return c, ErrReadOnly
	}
	c.Before = s.fileSize()
	report := func() {
		if progress != nil {
			progress(c.Bodies + c.Documents + c.Hashes)
		}
	}
	steps := []struct {
		what  string
		count *int
		pack  func(ctx context.Context, afterID int64) (n int, last int64, err error)
	}{
		{"pack article texts", &c.Bodies, s.compactBodies},
		{"pack people, places and quotes", &c.Documents, s.compactDocuments},
		{"pack text hashes", &c.Hashes, s.compactHashes},
	}
	for _, step := range steps {
		for after := int64(0); ; {
			n, last, err := step.pack(ctx, after)
			*step.count += n
			if err != nil {
				return c, fmt.Errorf("%s: %w", step.what, explain(err))
			}
			report()
			if last == 0 {
				break
			}
			after = last
		}
	}
	report()
	if err := s.vacuum(ctx, &c); err != nil {
		return c, fmt.Errorf("give the free space back (VACUUM): %w", explain(err))
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return c, explain(err)
	}
	c.After = s.fileSize()
	return c, nil
}

// vacuum rebuilds the file, and with pages of pageSize when they were
// smaller: a library made before 8 KB pages left a fifth of each 4 KB
// page of articles unused. VACUUM builds the new copy as a temporary
// database, which the library's temp_store(2) kept in memory: compacting
// a 150 MB library took 256 MB. On this one connection the copy goes to a
// temporary file instead.
func (s *Store) vacuum(ctx context.Context, c *Compacted) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&c.PageBefore); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = MEMORY`)
	if c.PageBefore < pageSize {
		undo, err := s.leaveWAL(ctx, conn)
		if err != nil {
			return err
		}
		c.PagesKept = undo == nil
		if undo != nil {
			defer undo()
			if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA page_size = %d`, pageSize)); err != nil {
				return err
			}
		}
	}
	if _, err = conn.ExecContext(ctx, `VACUUM`); err != nil {
		return err
	}
	return conn.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&c.PageAfter)
}

// leaveWAL puts the library in rollback-journal mode on conn for a VACUUM
// that changes its page size, which SQLite does only out of WAL; undo puts
// it back. SQLite leaves WAL only when no other connection has the
// library open. Of this Store's, the pool's idle ones are closed, and a
// bulk writer's checkpointer, which may still be copying the last commit
// into the library on a connection of its own (it was, in one of two runs
// on a 50,000-article library), is stopped until undo. With another program's
// connection open undo is nil and the library stays as it was. The
// VACUUM rewrites every page in place, so its journal is synced as a
// commit is.
func (s *Store) leaveWAL(ctx context.Context, conn *sql.Conn) (undo func(), err error) {
	ckpt := s.ckpt != nil
	if ckpt {
		s.ckpt.close()
		s.ckpt = nil
	}
	s.db.SetMaxIdleConns(0) // closes the idle ones
	restore := func() {
		s.db.SetMaxIdleConns(2) // database/sql's default
		if ckpt {
			s.ckpt = startCheckpointer(s.db)
		}
	}
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil || mode != "delete" {
		restore()
		return nil, nil // another connection has the library open
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = FULL`); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA journal_mode = WAL`)
		restore()
		return nil, err
	}
	return func() {
		ctx := context.WithoutCancel(ctx)
		conn.ExecContext(ctx, `PRAGMA synchronous = NORMAL`)
		conn.ExecContext(ctx, `PRAGMA journal_mode = WAL`)
		restore()
	}, nil
}

// compactBodies packs up to compactBatch bodies stored as text after the
// article afterID, in one transaction. last is the last article looked
// at, 0 when there were none.
func (s *Store) compactBodies(ctx context.Context, afterID int64) (n int, last int64, err error) {
	err = s.writeStmts(ctx, func(w *wtx) error {
		rows, err := w.tx.QueryContext(ctx, `SELECT id, body FROM articles
			WHERE id > ? AND typeof(body) = 'text' ORDER BY id LIMIT ?`, afterID, compactBatch)
		if err != nil {
			return err
		}
		type row struct {
			id   int64
			body string
		}
		var todo []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.body); err != nil {
				rows.Close()
				return err
			}
			todo = append(todo, r)
			last = r.id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range todo {
			packed, ok := packBody(r.body).([]byte)
			if !ok {
				continue // too short to gain: stays text
			}
			if _, err := w.exec(`UPDATE articles SET body = ? WHERE id = ?`, packed, r.id); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, last, err
}

// compactHashes packs up to compactBatch text hashes written in
// hexadecimal after the article afterID, in one transaction. In one
// statement over all of them, the 50,000-article library's took 340 MB:
// SQLite journals every page a statement changes, in memory under the
// library's temp_store. last is the last article looked at, 0 when there
// were none.
func (s *Store) compactHashes(ctx context.Context, afterID int64) (n int, last int64, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		var end sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT max(id) FROM (SELECT id FROM articles
			WHERE id > ? AND typeof(content_hash) = 'text' AND length(content_hash) = 32
			ORDER BY id LIMIT ?)`, afterID, compactBatch).Scan(&end); err != nil || !end.Valid {
			return err
		}
		last = end.Int64
		res, err := tx.ExecContext(ctx, `UPDATE articles SET content_hash = unhex(content_hash)
			WHERE id > ? AND id <= ? AND typeof(content_hash) = 'text' AND length(content_hash) = 32`, afterID, last)
		if err != nil {
			return err
		}
		k, err := res.RowsAffected()
		n = int(k)
		return err
	})
	return n, last, err
}

// compactDocuments packs up to compactBatch JSON entity documents after
// the article afterID, in one transaction. A document's quotes are left
// out only when library_quotes holds each of them, field for field;
// otherwise it stays JSON. last is the last article looked at, 0 when
// there were none.
func (s *Store) compactDocuments(ctx context.Context, afterID int64) (n int, last int64, err error) {
	err = s.writeStmts(ctx, func(w *wtx) error {
		rows, err := w.tx.QueryContext(ctx, `SELECT article_id, data FROM entities
			WHERE typeof(data) = 'text' AND article_id > ? ORDER BY article_id LIMIT ?`, afterID, compactBatch)
		if err != nil {
			return err
		}
		docs := map[int64]*news.Entities{}
		var ids []int64
		for rows.Next() {
			var id int64
			var data string
			if err := rows.Scan(&id, &data); err != nil {
				rows.Close()
				return err
			}
			e, _, err := unpackEntities(data)
			if err != nil {
				continue // unreadable: left as it is
			}
			docs[id] = &e
			ids = append(ids, id)
			last = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		held := make(map[int64]*news.Entities, len(docs))
		for id := range docs {
			held[id] = &news.Entities{}
		}
		if err := fillQuotes(ctx, w.tx, held); err != nil {
			return err
		}
		for _, id := range ids {
			e := docs[id]
			if !reflect.DeepEqual(nonNilQuotes(e.Quotes), nonNilQuotes(held[id].Quotes)) {
				continue
			}
			if _, err := w.exec(`UPDATE entities SET data = ? WHERE article_id = ?`, packEntities(*e), id); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, last, err
}

func nonNilQuotes(q []news.Quote) []news.Quote {
	if q == nil {
		return []news.Quote{}
	}
	return q
}

// fileSize is the library's size on disk, with its WAL.
func (s *Store) fileSize() int64 {
	var n int64
	for _, p := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}
