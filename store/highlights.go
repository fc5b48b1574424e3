package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"byline/news"
)

// AddHighlight keeps a passage of an article the reader marked, with an
// optional note, and returns it with its id.
func (s *Store) AddHighlight(ctx context.Context, h news.Highlight) (news.Highlight, error) {
	if strings.TrimSpace(h.Text) == "" {
		return h, fmt.Errorf("highlight in article %d: the passage is empty", h.ArticleID)
	}
	now := time.Unix(time.Now().Unix(), 0)
	h.Created, h.Updated = now, now
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, h.ArticleID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO highlights(article_id, start, end, text, note, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, h.ArticleID, h.Start, h.End, h.Text, h.Note, now.Unix(), now.Unix()).Scan(&h.ID)
	})
	if err != nil {
		return h, fmt.Errorf("highlight in article %d: %w", h.ArticleID, explain(err))
	}
	return h, nil
}

// SetHighlightNote changes the note on a highlight ("" removes it).
func (s *Store) SetHighlightNote(ctx context.Context, id int64, note string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE highlights SET note = ?, updated = ? WHERE id = ?`, note, time.Now().Unix(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("highlight %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// DeleteHighlight removes a highlight.
func (s *Store) DeleteHighlight(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM highlights WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("highlight %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// ArticleHighlights is an article's title with its highlights.
type ArticleHighlights struct {
	ArticleID  int64
	Title      string
	Highlights []news.Highlight
}

// Highlights lists the highlights of the articles matching q, newest
// article first, each article's in the order of its text.
func (s *Store) Highlights(ctx context.Context, q news.Query) ([]ArticleHighlights, error) {
	where, args, err := s.where(ctx, q)
	if err != nil {
		return nil, err
	}
	cond := " WHERE "
	if where != "" {
		cond = where + " AND "
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, h.id, h.start, h.end, h.text, h.note, h.created, h.updated
		FROM articles a JOIN highlights h ON h.article_id = a.id`+cond+`1 ORDER BY a.sort_time DESC, a.id DESC, h.start, h.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("highlights of %q: %w", q.String(), explain(err))
	}
	defer rows.Close()
	var out []ArticleHighlights
	for rows.Next() {
		var id int64
		var title string
		var h news.Highlight
		var created, updated int64
		if err := rows.Scan(&id, &title, &h.ID, &h.Start, &h.End, &h.Text, &h.Note, &created, &updated); err != nil {
			return nil, err
		}
		h.ArticleID = id
		h.Created, h.Updated = time.Unix(created, 0), time.Unix(updated, 0)
		if n := len(out); n == 0 || out[n-1].ArticleID != id {
			out = append(out, ArticleHighlights{ArticleID: id, Title: title})
		}
		out[len(out)-1].Highlights = append(out[len(out)-1].Highlights, h)
	}
	return out, rows.Err()
}
