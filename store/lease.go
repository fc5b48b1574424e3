package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// A sync lease is held in the library, not in the process, so that every
// byline using the file sees it: the reader, a cron job's sync, a
// refresh. The row is renewed while the sync runs; a holder that died is
// recognised by its pid when it ran on this machine, and by a renewal
// older than leaseTTL otherwise (a library on a shared disk, a reused
// pid), so a killed sync never blocks the next one for long.
var (
	leaseTTL   = 90 * time.Second
	leaseRenew = 15 * time.Second
)

// ErrLeaseLost is the cause of a lease's context when another process
// took the lease over (this one stopped renewing it for leaseTTL, say
// while the machine slept).
var ErrLeaseLost = errors.New("another byline took over this sync after it stalled")

// ErrAccountRemoved is the cause of a lease's context when the account
// was removed (byline account remove) while it synced.
var ErrAccountRemoved = errors.New("the account was removed while it synced")

// SyncBusyError says that another process is syncing the account.
type SyncBusyError struct {
	Account int64
	PID     int
	Host    string // "" when it is this machine
	Since   time.Time
}

func (e *SyncBusyError) Error() string {
	return fmt.Sprintf("another sync of account %d is running (%s)", e.Account, e.Holder())
}

// Holder names the process syncing and since when: "pid 4242, since
// 03:04:05".
func (e *SyncBusyError) Holder() string {
	who := fmt.Sprintf("pid %d", e.PID)
	if e.Host != "" {
		who += " on " + e.Host
	}
	return fmt.Sprintf("%s, since %s", who, clockTime(e.Since))
}

// clockTime is a time of day, with the date when it is not today.
func clockTime(t time.Time) string {
	now := time.Now()
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return t.Format("15:04:05")
	}
	return t.Format("2006-01-02 15:04:05")
}

// heldHere is the tokens of the leases this process holds: a row with
// this process's pid and another token was left by an earlier process
// that had the same pid.
var heldHere sync.Map

var hostName = sync.OnceValue(func() string {
	h, _ := os.Hostname()
	return h
})

// SyncLease is this process's hold on syncing one account.
type SyncLease struct {
	s       *Store
	account int64
	token   string
	ctx     context.Context
	cancel  context.CancelCauseFunc
	done    chan struct{}
	once    sync.Once
}

// LeaseSync takes the account's sync lease, or returns a *SyncBusyError
// naming the process that has it. The lease's Context is ctx, cancelled
// with ErrLeaseLost should another process take the lease over; Release
// gives it back.
func (s *Store) LeaseSync(ctx context.Context, account int64) (*SyncLease, error) {
	var b [16]byte
	rand.Read(b[:])
	l := &SyncLease{s: s, account: account, token: hex.EncodeToString(b[:]), done: make(chan struct{})}
	pid, host := os.Getpid(), hostName()
	err := s.write(ctx, func(tx *sql.Tx) error {
		var token, holderHost string
		var holderPID int
		var started, renewed int64
		err := tx.QueryRowContext(ctx, `SELECT token, pid, host, started, renewed FROM sync_leases WHERE account_id = ?`, account).
			Scan(&token, &holderPID, &holderHost, &started, &renewed)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		case !leaseStale(token, holderPID, holderHost, renewed, pid, host):
			busy := &SyncBusyError{Account: account, PID: holderPID, Since: time.UnixMilli(started)}
			if holderHost != host {
				busy.Host = holderHost
			}
			return busy
		}
		now := time.Now().UnixMilli()
		_, err = tx.ExecContext(ctx, `INSERT INTO sync_leases(account_id, token, pid, host, started, renewed) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (account_id) DO UPDATE SET token = excluded.token, pid = excluded.pid, host = excluded.host,
				started = excluded.started, renewed = excluded.renewed`, account, l.token, pid, host, now, now)
		return err
	})
	if err != nil {
		return nil, explain(err)
	}
	heldHere.Store(l.token, true)
	l.ctx, l.cancel = context.WithCancelCause(ctx)
	go l.renew()
	return l, nil
}

// leaseStale reports whether a lease row no longer stands for a sync
// under way.
func leaseStale(token string, holderPID int, holderHost string, renewed int64, pid int, host string) bool {
	if time.Since(time.UnixMilli(renewed)) > leaseTTL {
		return true
	}
	if holderHost != host {
		return false
	}
	if holderPID == pid {
		_, ours := heldHere.Load(token)
		return !ours
	}
	return !processAlive(holderPID)
}

// renew keeps the lease fresh until Release, and cancels the lease's
// context once the row is no longer this lease's.
func (l *SyncLease) renew() {
	defer close(l.done)
	t := time.NewTicker(leaseRenew)
	defer t.Stop()
	for {
		select {
		case <-l.ctx.Done():
			return
		case <-t.C:
		}
		var n int64
		err := l.s.write(l.ctx, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(l.ctx, `UPDATE sync_leases SET renewed = ? WHERE account_id = ? AND token = ?`,
				time.Now().UnixMilli(), l.account, l.token)
			if err == nil {
				n, err = res.RowsAffected()
			}
			return err
		})
		// A failed write (the library busy past its timeout) is tried
		// again at the next tick: only a row that is gone is a lost lease.
		if err == nil && n == 0 {
			cause := ErrLeaseLost
			var one int
			if err := l.s.db.QueryRowContext(l.ctx, `SELECT 1 FROM accounts WHERE id = ?`, l.account).Scan(&one); errors.Is(err, sql.ErrNoRows) {
				cause = ErrAccountRemoved
			}
			l.cancel(cause)
			return
		}
	}
}

// Context is cancelled when the lease is lost or released.
func (l *SyncLease) Context() context.Context { return l.ctx }

// Release gives the lease back; the next sync of the account may start
// at once. It may be called more than once.
func (l *SyncLease) Release() {
	l.once.Do(func() {
		l.cancel(context.Canceled)
		<-l.done
		heldHere.Delete(l.token)
		ctx := context.WithoutCancel(l.ctx)
		l.s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM sync_leases WHERE account_id = ? AND token = ?`, l.account, l.token)
			return err
		})
	})
}
