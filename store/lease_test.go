package store

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func leaseLibrary(t *testing.T) (*Store, *Store, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := Account{Kind: "miniflux", URL: "http://mf.example", SecretSource: "env"}
	if err := s.AddAccount(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	// A second handle on the file, as another command would have.
	other, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return s, other, a.ID
}

// setHolder writes the lease row as another process would have left it.
func setHolder(t *testing.T, s *Store, account int64, pid int, host string, renewed time.Time) {
	t.Helper()
	_, err := s.db.Exec(`INSERT INTO sync_leases(account_id, token, pid, host, started, renewed) VALUES (?, 'theirs', ?, ?, ?, ?)
		ON CONFLICT (account_id) DO UPDATE SET token = 'theirs', pid = excluded.pid, host = excluded.host, started = excluded.started, renewed = excluded.renewed`,
		account, pid, host, renewed.Add(-time.Minute).UnixMilli(), renewed.UnixMilli())
	if err != nil {
		t.Fatal(err)
	}
}

// exitedPID is the id of a process that has ended.
func exitedPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestSyncLeaseIsOneAtATime(t *testing.T) {
	ctx := context.Background()
	s, other, id := leaseLibrary(t)
	l, err := s.LeaseSync(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.LeaseSync(ctx, id)
	var busy *SyncBusyError
	if !errors.As(err, &busy) || busy.PID != os.Getpid() || busy.Host != "" || time.Since(busy.Since) > time.Minute {
		t.Fatalf("a second lease while one is held: %v, want busy naming pid %d on this machine", err, os.Getpid())
	}
	l.Release()
	l.Release() // harmless
	l2, err := other.LeaseSync(ctx, id)
	if err != nil {
		t.Fatalf("a lease after the holder released it: %v", err)
	}
	l2.Release()
}

// A killed sync leaves its row; whether the next one may take it over
// depends on whether its holder can still be working.
func TestStaleSyncLeases(t *testing.T) {
	ctx := context.Background()
	host := hostName()
	for _, c := range []struct {
		name    string
		pid     int
		host    string
		renewed time.Duration // ago
		stale   bool
	}{
		{"a live process here", os.Getppid(), host, 0, false},
		{"a process here that has ended", exitedPID(t), host, 0, true},
		{"this process's pid, but not one of its leases (an earlier process had the pid)", os.Getpid(), host, 0, true},
		{"a process on another machine, renewing", 4242, "elsewhere", 10 * time.Second, false},
		{"a process on another machine that stopped renewing", 4242, "elsewhere", 2 * leaseTTL, true},
		{"a live process here that stopped renewing (its pid reused)", os.Getppid(), host, 2 * leaseTTL, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _, id := leaseLibrary(t)
			setHolder(t, s, id, c.pid, c.host, time.Now().Add(-c.renewed))
			l, err := s.LeaseSync(ctx, id)
			if c.stale {
				if err != nil {
					t.Fatalf("a stale lease blocks the sync: %v", err)
				}
				l.Release()
				return
			}
			var busy *SyncBusyError
			if !errors.As(err, &busy) || busy.PID != c.pid {
				t.Fatalf("got %v, want busy naming pid %d", err, c.pid)
			}
			if c.host != host && busy.Host != c.host {
				t.Fatalf("%q does not name the other machine %s", err, c.host)
			}
		})
	}
}

// A long sync keeps its lease by renewing it; one whose lease was taken
// over (it stalled past the TTL) is told through its context.
func TestSyncLeaseRenewsAndKnowsWhenLost(t *testing.T) {
	shortLeases(t)
	ctx := context.Background()
	s, other, id := leaseLibrary(t)
	l, err := s.LeaseSync(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	time.Sleep(2 * leaseTTL)
	if _, err := other.LeaseSync(ctx, id); err == nil {
		t.Fatal("a lease renewed all along was taken over")
	}
	setHolder(t, other, id, 4242, "elsewhere", time.Now())
	select {
	case <-l.Context().Done():
		if !errors.Is(context.Cause(l.Context()), ErrLeaseLost) {
			t.Fatalf("lost lease's cause: %v", context.Cause(l.Context()))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the holder was not told that its lease was taken over")
	}
}

// An account removed while it syncs stops the sync, saying so.
func TestSyncLeaseOfARemovedAccount(t *testing.T) {
	shortLeases(t)
	ctx := context.Background()
	s, other, id := leaseLibrary(t)
	l, err := s.LeaseSync(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if err := other.RemoveAccount(ctx, id); err != nil {
		t.Fatal(err)
	}
	select {
	case <-l.Context().Done():
		if !errors.Is(context.Cause(l.Context()), ErrAccountRemoved) {
			t.Fatalf("cause: %v, want the account removed", context.Cause(l.Context()))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the sync of a removed account was not stopped")
	}
}

// shortLeases makes leases expire and renew in test time. The TTL is
// twenty renewals long, so a machine busy enough to hold the renewing
// goroutine back for a while does not take a live lease for a stale one.
func shortLeases(t *testing.T) {
	ttl, renew := leaseTTL, leaseRenew
	leaseTTL, leaseRenew = time.Second, 50*time.Millisecond
	t.Cleanup(func() { leaseTTL, leaseRenew = ttl, renew })
}
