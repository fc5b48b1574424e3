package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"byline/internal/termtext"
	"byline/news"
)

// SetRead marks an article read or unread.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	return s.setFlag(ctx, id, "read", read)
}

// SetStarred stars or unstars an article.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error {
	return s.setFlag(ctx, id, "starred", starred)
}

// setFlag changes a mark. On an article synced with an account's server
// the change also goes into the outbox, in the same transaction, so it
// reaches the server however the program ends.
func (s *Store) setFlag(ctx context.Context, id int64, column string, on bool) error {
	return s.writeStmts(ctx, func(w *wtx) error {
		res, err := w.exec("UPDATE articles SET "+column+" = ? WHERE id = ? AND "+column+" <> ?", on, id, on)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return exists(ctx, w.tx, id) // already so: nothing to send
		}
		return queueMark(w, id, markAction(column, on), time.Now())
	})
}

func mustAffect(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return nil
}

// normalTags trims, lower-cases and de-duplicates tags, dropping empty ones.
func normalTags(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(termtext.Line(t)), "#")))
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// AddTags tags an article.
func (s *Store) AddTags(ctx context.Context, id int64, tags ...string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, id); err != nil {
			return err
		}
		return addTags(ctx, tx, id, tags)
	})
}

func addTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	for _, t := range normalTags(tags) {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO tags(article_id, name) VALUES (?, ?)`, id, t); err != nil {
			return err
		}
	}
	return nil
}

// RemoveTags takes tags off an article.
func (s *Store) RemoveTags(ctx context.Context, id int64, tags ...string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, id); err != nil {
			return err
		}
		for _, t := range normalTags(tags) {
			if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE article_id = ? AND name = ?`, id, t); err != nil {
				return err
			}
		}
		return nil
	})
}

func exists(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return err
}

// AddNote adds a note to an article.
func (s *Store) AddNote(ctx context.Context, id int64, text string) (news.Note, error) {
	text = termtext.Clean(text) // notes are shown and exported: no escape sequences
	now := time.Now()
	n := news.Note{ArticleID: id, Text: text, Created: time.Unix(now.Unix(), 0), Updated: time.Unix(now.Unix(), 0)}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO notes(article_id, text, created, updated) VALUES (?, ?, ?, ?)`, id, text, now.Unix(), now.Unix())
		if err != nil {
			return err
		}
		if n.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return reindexNotes(ctx, tx, id)
	})
	return n, err
}

// UpdateNote replaces a note's text.
func (s *Store) UpdateNote(ctx context.Context, noteID int64, text string) error {
	text = termtext.Clean(text)
	return s.write(ctx, func(tx *sql.Tx) error {
		var article int64
		if err := tx.QueryRowContext(ctx, `UPDATE notes SET text = ?, updated = ? WHERE id = ? RETURNING article_id`,
			text, time.Now().Unix(), noteID).Scan(&article); err == sql.ErrNoRows {
			return fmt.Errorf("note %d: %w", noteID, ErrNotFound)
		} else if err != nil {
			return err
		}
		return reindexNotes(ctx, tx, article)
	})
}

// DeleteNote removes a note.
func (s *Store) DeleteNote(ctx context.Context, noteID int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var article int64
		if err := tx.QueryRowContext(ctx, `DELETE FROM notes WHERE id = ? RETURNING article_id`, noteID).Scan(&article); err == sql.ErrNoRows {
			return fmt.Errorf("note %d: %w", noteID, ErrNotFound)
		} else if err != nil {
			return err
		}
		return reindexNotes(ctx, tx, article)
	})
}

// reindexNotes keeps the search row's notes column equal to the article's
// notes, so a search finds words the reader wrote. The index keeps no
// copy of what it indexed, so the row is written again whole; an article
// still waiting for its first row gets it, notes and all, when indexed.
func reindexNotes(ctx context.Context, tx *sql.Tx, id int64) error {
	var waiting bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM unindexed WHERE article_id = ?)`, id).Scan(&waiting); err != nil || waiting {
		return err
	}
	w := newWTX(ctx, tx)
	defer w.close()
	return reindex(w, id)
}

// fillMarks loads tags, notes and highlights for a page of articles with
// one query each.
func (s *Store) fillMarks(ctx context.Context, arts []*news.Article) error {
	// A page at a time: the ids travel as parameters, and SQLite takes
	// no more than 32,766 in a statement.
	for len(arts) > 0 {
		n := min(len(arts), eachPage)
		if err := s.fillMarksPage(ctx, arts[:n]); err != nil {
			return err
		}
		arts = arts[n:]
	}
	return nil
}

func (s *Store) fillMarksPage(ctx context.Context, page []*news.Article) error {
	byID := make(map[int64]*news.Article, len(page))
	ids := make([]any, len(page))
	for i, a := range page {
		byID[a.ID] = a
		ids[i] = a.ID
	}
	in := "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")"
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, name FROM tags WHERE article_id IN `+in+` ORDER BY name`, ids...)
	if err != nil {
		return explain(err)
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		byID[id].Tags = append(byID[id].Tags, name)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT id, article_id, text, created, updated FROM notes WHERE article_id IN `+in+` ORDER BY created, id`, ids...)
	if err != nil {
		return explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n news.Note
		var created, updated int64
		if err := rows.Scan(&n.ID, &n.ArticleID, &n.Text, &created, &updated); err != nil {
			return err
		}
		n.Created, n.Updated = time.Unix(created, 0), time.Unix(updated, 0)
		byID[n.ArticleID].Notes = append(byID[n.ArticleID].Notes, n)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT id, article_id, start, end, text, note, created, updated FROM highlights WHERE article_id IN `+in+` ORDER BY start, id`, ids...)
	if err != nil {
		return explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h news.Highlight
		var created, updated int64
		if err := rows.Scan(&h.ID, &h.ArticleID, &h.Start, &h.End, &h.Text, &h.Note, &created, &updated); err != nil {
			return err
		}
		h.Created, h.Updated = time.Unix(created, 0), time.Unix(updated, 0)
		byID[h.ArticleID].Highlights = append(byID[h.ArticleID].Highlights, h)
	}
	return rows.Err()
}
