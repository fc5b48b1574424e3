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

// highlights returns an article's highlights in the order of the text.
func (s *Store) highlights(ctx context.Context, id int64) ([]news.Highlight, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, start, end, text, note, created, updated FROM highlights
		WHERE article_id = ? ORDER BY start, id`, id)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []news.Highlight
	for rows.Next() {
		h := news.Highlight{ArticleID: id}
		var created, updated int64
		if err := rows.Scan(&h.ID, &h.Start, &h.End, &h.Text, &h.Note, &created, &updated); err != nil {
			return nil, err
		}
		h.Created, h.Updated = time.Unix(created, 0), time.Unix(updated, 0)
		out = append(out, h)
	}
	return out, rows.Err()
}
