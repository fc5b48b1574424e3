package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/remote"
	"byline/store"
)

func (a *app) syncCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sync [ACCOUNT-ID...]",
		Short: "Sync with every account's server now (byline refresh does too)",
		Long: `Send the read marks and stars made here, then pull each account's
subscriptions, new articles and the marks made elsewhere. A server that
cannot be reached costs nothing: the marks wait and go at the next sync.
One sync of an account runs at a time: when another byline (the reader,
a cron job) is syncing it, that account is left to it, with a line
saying so, unless --wait is given. The exit status is 1 when a sync
failed or was left to another.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseFeedIDs(args)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			a.bulk = true
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			return a.sync(ctx, lib, ids)
		},
	}
	cmd.Flags().BoolVar(&a.syncWait, "wait", false, "wait for another byline's sync of the same account to end, then sync")
	return cmd
}

// sync syncs the accounts (all when ids is empty), reporting a line for
// each, then finds people, places and quotes of what arrived and indexes
// it, as refresh does.
func (a *app) sync(ctx context.Context, lib *store.Store, ids []int64) error {
	start := time.Now()
	n, failed, err := a.syncAccounts(ctx, lib, ids)
	if err != nil {
		return err
	}
	if n == 0 && failed == 0 {
		fmt.Fprintln(a.stdout, "no accounts: byline account add miniflux|greader URL")
		return nil
	}
	if err := a.finishAfter(ctx, lib, start, ""); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

// syncAccounts syncs accounts one after the other, printing what each
// did or why it failed; it returns how many were synced and how many
// failed. err is only for the library itself.
func (a *app) syncAccounts(ctx context.Context, lib *store.Store, ids []int64) (synced, failed int, err error) {
	accounts, err := a.accountsFor(ctx, lib, ids)
	if err != nil {
		return 0, 0, err
	}
	for _, acct := range accounts {
		res, err := a.syncOne(ctx, lib, acct)
		if err != nil {
			failed++
			fmt.Fprintf(a.stderr, "byline: %s\n", termtext.Line(syncFailure(acct, res, err)))
			continue
		}
		synced++
		fmt.Fprintf(a.stdout, "account %d  %s: %s\n", acct.ID, termtext.Line(acct.URL), syncSummary(res))
	}
	return synced, failed, nil
}

func (a *app) accountsFor(ctx context.Context, lib *store.Store, ids []int64) ([]store.Account, error) {
	if len(ids) == 0 {
		return lib.Accounts(ctx)
	}
	var out []store.Account
	for _, id := range ids {
		acct, err := lib.Account(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, acct)
	}
	return out, nil
}

// syncOne syncs an account, getting its secret once no other sync of it
// is running: a refused sync never runs the token command. With --wait, a
// sync another process is running is waited for, a second at a time, and
// then this one runs.
func (a *app) syncOne(ctx context.Context, lib *store.Store, acct store.Account) (remote.Result, error) {
	connect := func() (remote.Client, error) { return a.client(ctx, acct) }
	told := false
	for {
		res, err := remote.SyncWith(ctx, lib, acct, connect)
		var busy *store.SyncBusyError
		if !a.syncWait || !errors.As(err, &busy) {
			return res, err
		}
		if !told {
			fmt.Fprintf(a.stderr, "byline: waiting: %s\n", termtext.Line(syncFailure(acct, res, err)))
			told = true
		}
		select {
		case <-ctx.Done():
			return res, err
		case <-time.After(time.Second):
		}
	}
}

// syncFailure says which account failed, why, and what waits; or which
// process is syncing it when that is why.
func syncFailure(acct store.Account, res remote.Result, err error) string {
	var busy *store.SyncBusyError
	if errors.As(err, &busy) {
		return fmt.Sprintf("another sync of account %d (%s %s) is running (%s)", acct.ID, acct.Kind, acct.URL, busy.Holder())
	}
	msg := fmt.Sprintf("sync account %d (%s %s): %v", acct.ID, acct.Kind, acct.URL, err)
	if res.Waiting > 0 {
		msg += "; " + plural(res.Waiting, "change") + " waiting"
	}
	return msg
}

func syncSummary(r remote.Result) string {
	var parts []string
	parts = append(parts, plural(r.New, "new article"))
	if r.Matched > 0 {
		parts = append(parts, plural(r.Matched, "article")+" already here linked")
	}
	if r.Sent > 0 {
		parts = append(parts, plural(r.Sent, "change")+" sent")
	}
	if r.Marked > 0 {
		parts = append(parts, plural(r.Marked, "mark")+" from the server")
	}
	if r.FeedsAdded > 0 {
		parts = append(parts, plural(r.FeedsAdded, "feed")+" added")
	}
	if r.FeedsRemoved > 0 {
		parts = append(parts, plural(r.FeedsRemoved, "feed")+" removed")
	}
	return strings.Join(parts, ", ")
}

// finishAfter finds people, places and quotes and indexes what a refresh
// or sync saved, saying how long it took from start; whose names the
// articles in those lines ("" for none: they are the run's own).
func (a *app) finishAfter(ctx context.Context, lib *store.Store, start time.Time, whose string) error {
	n, err := a.extract(ctx, lib)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(a.stdout, "people, places and quotes of %s%s found at %.1fs\n", plural(n, "article"), whose, time.Since(start).Seconds())
	}
	n, err = a.index(ctx, lib)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(a.stdout, "%s%s indexed for search at %.1fs\n", plural(n, "article"), whose, time.Since(start).Seconds())
	}
	return nil
}

// readerSync is the sync part of r in the reader: quiet, and on failure
// one short reason with the changes still waiting, for the status line.
func (a *app) readerSync(ctx context.Context, lib *store.Store) (int, error) {
	a.inReader = true
	accounts, err := lib.Accounts(ctx)
	if err != nil || len(accounts) == 0 {
		return 0, err
	}
	n := 0
	var failures []string
	var busy []string
	waiting := 0
	for _, acct := range accounts {
		res, err := a.syncOne(ctx, lib, acct)
		n += res.New
		var b *store.SyncBusyError
		switch {
		case errors.As(err, &b):
			// Not a failure: the other byline is bringing the
			// articles, and the reader shows them as they land.
			busy = append(busy, b.Error())
		case err != nil:
			failures = append(failures, err.Error())
			waiting += res.Waiting
		}
	}
	if len(failures) == 0 && len(busy) == 0 {
		return n, nil
	}
	if len(failures) == 0 {
		return n, errors.New(termtext.Line(busy[0]))
	}
	msg := "sync failed: " + termtext.Line(failures[0])
	if waiting > 0 {
		msg += " — " + plural(waiting, "change") + " waiting"
	}
	return n, fmt.Errorf("%s", msg)
}
