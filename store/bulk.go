package store

import (
	"context"
	"fmt"
	"time"

	"byline/news"
)

// SetReadMatching marks every article matching q read or unread in one
// transaction — the reader's "mark all read" and `byline read QUERY` — and
// returns how many articles changed.
func (s *Store) SetReadMatching(ctx context.Context, q news.Query, read bool) (int, error) {
	where, args, err := s.where(ctx, q)
	if err != nil {
		return 0, err
	}
	cond := " WHERE a.read <> ?"
	if where != "" {
		cond = where + " AND a.read <> ?"
	}
	matches := `SELECT a.id FROM articles a` + cond
	margs := append(append([]any{}, args...), read)
	action := markAction("read", read)
	var n int64
	err = s.writeStmts(ctx, func(w *wtx) error {
		// Articles synced with an account's server tell it, as SetRead
		// does one at a time (queueMark): earlier read/unread changes of
		// theirs are overtaken.
		if _, err := w.exec(`DELETE FROM outbox WHERE action IN ('read', 'unread') AND article_id IN (`+matches+`)`, margs...); err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO outbox(account_id, article_id, action, remote_id, created)
			SELECT account_id, article_id, ?, remote_id, ? FROM remote_entries WHERE article_id IN (`+matches+`)`,
			append([]any{action, time.Now().Unix()}, margs...)...); err != nil {
			return err
		}
		res, err := w.exec(`UPDATE articles SET read = ? WHERE id IN (`+matches+`)`, append([]any{read}, margs...)...)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("mark %q %s: %w", q.String(), action, explain(err))
	}
	return int(n), nil
}
