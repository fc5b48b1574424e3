package store

import (
	"context"
	"database/sql"
	"sync"
)

// watcher holds the one connection DataVersion asks: SQLite's data_version
// is per connection, so numbers from two pooled connections cannot be
// compared.
type watcher struct {
	mu   sync.Mutex
	conn *sql.Conn
}

// DataVersion is a number that changes whenever anything commits to the
// library: another process (a cron add or refresh), or this one. It costs
// one PRAGMA on a connection kept for it, so a reader can ask every second
// and reload only when it changed.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.watch.mu.Lock()
	defer s.watch.mu.Unlock()
	if s.watch.conn == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, explain(err)
		}
		s.watch.conn = c
	}
	var v int64
	if err := s.watch.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, explain(err)
	}
	return v, nil
}

func (w *watcher) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
}
