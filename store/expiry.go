package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Keep is how long a feed's articles stay in the library: the newest
// MaxItems of them, none older than Days days (by publication date, or the
// day they were added when the feed gave none). Zero is no limit. Starred,
// tagged and annotated articles are kept whatever their age and never
// counted.
type Keep struct {
	MaxItems int
	Days     int
}

// Limited reports whether k expires anything.
func (k Keep) Limited() bool { return k.MaxItems > 0 || k.Days > 0 }

// KeepDefault is the library's rule for feeds without one of their own.
func (s *Store) KeepDefault(ctx context.Context) (Keep, error) {
	var k Keep
	err := s.db.QueryRowContext(ctx, `SELECT max_items, keep_days FROM keep_default WHERE id = 1`).Scan(&k.MaxItems, &k.Days)
	if errors.Is(err, sql.ErrNoRows) {
		return Keep{}, nil
	}
	return k, explain(err)
}

// SetKeepDefault sets the library's rule.
func (s *Store) SetKeepDefault(ctx context.Context, k Keep) error {
	if err := k.check(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO keep_default(id, max_items, keep_days) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET max_items = excluded.max_items, keep_days = excluded.keep_days`, k.MaxItems, k.Days)
		return err
	})
}

// FeedKeep is a feed's own rule; own is false when it follows the
// library's default, which is then what k holds.
func (s *Store) FeedKeep(ctx context.Context, feedID int64) (k Keep, own bool, err error) {
	var maxItems, days sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT k.max_items, k.keep_days, d.max_items, d.keep_days
		FROM feeds f LEFT JOIN feed_keep k ON k.feed_id = f.id LEFT JOIN keep_default d ON d.id = 1
		WHERE f.id = ?`, feedID).Scan(&maxItems, &days, &k.MaxItems, &k.Days)
	if errors.Is(err, sql.ErrNoRows) {
		return Keep{}, false, fmt.Errorf("feed %d: %w", feedID, ErrNotFound)
	}
	if err != nil {
		return Keep{}, false, explain(err)
	}
	if maxItems.Valid {
		return Keep{MaxItems: int(maxItems.Int64), Days: int(days.Int64)}, true, nil
	}
	return k, false, nil
}

// SetFeedKeep gives a feed a rule of its own, or with nil returns it to
// the library's default.
func (s *Store) SetFeedKeep(ctx context.Context, feedID int64, k *Keep) error {
	if k != nil {
		if err := k.check(); err != nil {
			return err
		}
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM feeds WHERE id = ?)`, feedID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return fmt.Errorf("feed %d: %w", feedID, ErrNotFound)
		}
		if k == nil {
			_, err := tx.ExecContext(ctx, `DELETE FROM feed_keep WHERE feed_id = ?`, feedID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO feed_keep(feed_id, max_items, keep_days) VALUES (?, ?, ?)
			ON CONFLICT(feed_id) DO UPDATE SET max_items = excluded.max_items, keep_days = excluded.keep_days`, feedID, k.MaxItems, k.Days)
		return err
	})
}

func (k Keep) check() error {
	if k.MaxItems < 0 || k.Days < 0 {
		return errors.New("keep limits cannot be negative (0 is no limit)")
	}
	return nil
}

// Expire deletes the feed's articles that rule k no longer keeps as of
// now, and returns how many went. Starred, tagged and annotated articles
// stay and do not count towards MaxItems.
func (s *Store) Expire(ctx context.Context, feedID int64, k Keep, now time.Time) (int, error) {
	if !k.Limited() {
		return 0, nil
	}
	cutoff := int64(-1 << 62)
	if k.Days > 0 {
		cutoff = now.AddDate(0, 0, -k.Days).Unix()
	}
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		expendable := `SELECT a.id, a.sort_time FROM articles a WHERE a.feed_id = ?1 AND a.starred = 0
			AND NOT EXISTS (SELECT 1 FROM tags g WHERE g.article_id = a.id)
			AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)`
		doomed := `SELECT id FROM (` + expendable + `) WHERE sort_time < ?2`
		args := []any{feedID, cutoff}
		if k.MaxItems > 0 {
			doomed += ` UNION SELECT id FROM (` + expendable + ` ORDER BY a.sort_time DESC, a.id DESC LIMIT -1 OFFSET ?3)`
			args = append(args, k.MaxItems)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM search WHERE rowid IN (`+doomed+`)`, args...); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+doomed+`)`, args...)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}
