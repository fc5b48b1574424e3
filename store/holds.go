package store

import (
	"context"
	"database/sql"
	"time"
)

// HostHold is a host's request to be left alone: the status it answered
// with (429 or 503) and the time its Retry-After named.
type HostHold struct {
	Until  time.Time
	Status int
}

// HostHolds returns the holds that have not yet run out, by host.
func (s *Store) HostHolds(ctx context.Context, now time.Time) (map[string]HostHold, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT host, until, status FROM host_holds WHERE until > ?`, now.Unix())
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	holds := map[string]HostHold{}
	for rows.Next() {
		var host string
		var until int64
		var h HostHold
		if err := rows.Scan(&host, &until, &h.Status); err != nil {
			return nil, err
		}
		h.Until = time.Unix(until, 0)
		holds[host] = h
	}
	return holds, rows.Err()
}

// SetHostHolds replaces the stored holds with these, dropping those that
// have run out by now.
func (s *Store) SetHostHolds(ctx context.Context, holds map[string]HostHold, now time.Time) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM host_holds`); err != nil {
			return err
		}
		for host, h := range holds {
			if !h.Until.After(now) {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO host_holds(host, until, status) VALUES (?, ?, ?)`, host, h.Until.Unix(), h.Status); err != nil {
				return err
			}
		}
		return nil
	})
}
