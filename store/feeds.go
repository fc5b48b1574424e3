package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"byline/news"
)

// AddFeed follows a feed and sets f.ID. A feed already followed keeps its
// row; f.ID is set to it and the error wraps ErrExists.
func (s *Store) AddFeed(ctx context.Context, f *news.Feed) error {
	if f.Added.IsZero() {
		f.Added = time.Now()
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, f.URL).Scan(&f.ID)
		if err == nil {
			return fmt.Errorf("feed %s: %w", f.URL, ErrExists)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO feeds(url, title, site_url, etag, last_modified, full_text, last_refresh, last_error, added)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			f.URL, f.Title, f.SiteURL, f.ETag, f.LastModified, f.FullText, nullTime(f.LastRefresh), f.LastError, f.Added.Unix())
		if err != nil {
			return err
		}
		f.ID, err = res.LastInsertId()
		return err
	})
}

const feedColumns = `f.id, f.url, f.title, f.site_url, f.etag, f.last_modified, f.full_text, f.last_refresh, f.last_error, f.added,
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id),
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0)`

func scanFeed(row interface{ Scan(...any) error }) (news.Feed, error) {
	var f news.Feed
	var refreshed sql.NullInt64
	var added int64
	err := row.Scan(&f.ID, &f.URL, &f.Title, &f.SiteURL, &f.ETag, &f.LastModified, &f.FullText, &refreshed, &f.LastError, &added, &f.Articles, &f.Unread)
	if refreshed.Valid {
		f.LastRefresh = time.Unix(refreshed.Int64, 0)
	}
	f.Added = time.Unix(added, 0)
	return f, err
}

// Feeds lists every feed, by title, with its article and unread counts.
func (s *Store) Feeds(ctx context.Context) ([]news.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.title COLLATE NOCASE, f.id`)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []news.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Feed returns one feed.
func (s *Store) Feed(ctx context.Context, id int64) (news.Feed, error) {
	return s.oneFeed(ctx, `f.id = ?`, id, fmt.Sprintf("feed %d", id))
}

// FeedByURL returns the feed with this URL.
func (s *Store) FeedByURL(ctx context.Context, url string) (news.Feed, error) {
	return s.oneFeed(ctx, `f.url = ?`, url, "feed "+url)
}

func (s *Store) oneFeed(ctx context.Context, cond string, arg any, what string) (news.Feed, error) {
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE `+cond, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return f, explain(err)
}

// UpdateFeed saves what a refresh learned about a feed.
func (s *Store) UpdateFeed(ctx context.Context, f *news.Feed) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET url = ?, title = ?, site_url = ?, etag = ?, last_modified = ?, full_text = ?,
			last_refresh = ?, last_error = ? WHERE id = ?`,
			f.URL, f.Title, f.SiteURL, f.ETag, f.LastModified, f.FullText, nullTime(f.LastRefresh), f.LastError, f.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("feed %d: %w", f.ID, ErrNotFound)
		}
		return nil
	})
}

// RemoveFeed stops following a feed and deletes its articles, except those
// the reader starred, tagged or annotated: they stay, with no feed.
func (s *Store) RemoveFeed(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error { return removeFeed(ctx, tx, id) })
}

func removeFeed(ctx context.Context, tx *sql.Tx, id int64) error {
	doomed := `SELECT a.id FROM articles a WHERE a.feed_id = ? AND a.starred = 0
		AND NOT EXISTS (SELECT 1 FROM tags g WHERE g.article_id = a.id)
		AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)`
	if _, err := tx.ExecContext(ctx, `DELETE FROM search WHERE rowid IN (`+doomed+`)`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+doomed+`)`, id); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	return nil
}
