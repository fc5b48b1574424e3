package remote

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"byline/feed"
	"byline/ingest"
	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

// New returns the client for an account, given its secret: an API key for
// Miniflux, a password for a Google Reader server.
func New(a store.Account, secret string, opts Options) (Client, error) {
	switch a.Kind {
	case "miniflux":
		return NewMiniflux(a.URL, secret, opts), nil
	case "greader":
		return NewGReader(a.URL, a.Username, secret, opts), nil
	}
	return nil, fmt.Errorf("account %d: unknown kind %q (miniflux or greader)", a.ID, a.Kind)
}

// Result is what one sync did.
type Result struct {
	Sent         int // local changes the server accepted
	FeedsAdded   int
	FeedsRemoved int
	New          int // articles added
	Matched      int // local copies linked to their server entry
	Marked       int // articles whose marks the server changed
	Waiting      int // local changes still waiting (after a failure)
}

// Sync brings one account and the library into step: first the outbox is
// sent (so nothing pulled afterwards predates it), then the subscriptions
// and the entries changed since the account's cursor are pulled, then
// (every sync for Google Reader, hourly for Miniflux) the server's unread
// and starred sets are compared with the library's. New
// articles are saved like a refresh saves them, without their people,
// places, quotes and search rows: the caller runs the same finishing pass
// as after a refresh. On failure the error says how many changes wait.
//
// Only one sync of an account runs at a time, across processes: when
// another holds the account's lease, Sync returns its *store.SyncBusyError
// at once, having touched nothing (not even the account's last error,
// which is the other sync's to write).
func Sync(ctx context.Context, st *store.Store, a store.Account, c Client) (Result, error) {
	return SyncWith(ctx, st, a, func() (Client, error) { return c, nil })
}

// SyncWith is Sync for a caller whose client costs something to make: its
// secret comes from a command such as pass, which may ask for a
// passphrase. connect is called only once the lease is held, so a sync
// refused because another is running asks for nothing; its error is the
// account's, as a failed sync's is.
func SyncWith(ctx context.Context, st *store.Store, a store.Account, connect func() (Client, error)) (Result, error) {
	var res Result
	lease, err := st.LeaseSync(ctx, a.ID)
	if err != nil {
		return res, err
	}
	defer lease.Release()
	lctx := lease.Context()
	// The cursor and reconcile time are read again under the lease: a
	// sync that ran while the caller held a stale copy has moved them.
	if a, err = st.Account(lctx, a.ID); err != nil {
		return res, err
	}
	c, err := connect()
	if err == nil {
		err = syncAccount(lctx, st, a, c, &res)
	}
	if cause := context.Cause(lctx); err != nil && (errors.Is(cause, store.ErrLeaseLost) || errors.Is(cause, store.ErrAccountRemoved)) {
		err = cause
	}
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	if serr := st.SetSyncResult(context.WithoutCancel(ctx), a.ID, "", msg); serr != nil && err == nil {
		err = serr
	}
	if err != nil {
		res.Waiting, _ = st.Waiting(context.WithoutCancel(ctx), a.ID)
		return res, err
	}
	return res, nil
}

func syncAccount(ctx context.Context, st *store.Store, a store.Account, c Client, res *Result) error {
	n, err := Push(ctx, st, a.ID, c)
	res.Sent = n
	if err != nil {
		return err
	}
	feeds, err := c.Feeds(ctx)
	if err != nil {
		return err
	}
	remote := make([]store.RemoteFeed, len(feeds))
	titles := map[string]string{}
	for i, f := range feeds {
		remote[i] = store.RemoteFeed{RemoteID: f.ID, URL: f.URL, Title: feed.PlainText(f.Title), SiteURL: f.SiteURL, Category: feed.PlainText(f.Category)}
		titles[f.ID] = remote[i].Title
	}
	if res.FeedsAdded, res.FeedsRemoved, err = st.SetAccountFeeds(ctx, a.ID, remote); err != nil {
		return err
	}
	known := func(ids []string) (map[string]bool, error) { return st.KnownRemote(ctx, a.ID, ids) }
	var cursor string
	err = pipeline(ctx, st, a.ID, titles, res, func(save func([]Entry) error) (err error) {
		cursor, err = c.Pull(ctx, a.Cursor, known, save)
		return err
	})
	if err != nil {
		return err
	}
	// The cursor is kept as soon as the pull is stored: a failure of the
	// comparison below must not make the next sync pull it all again.
	if err := st.SetSyncResult(ctx, a.ID, cursor, ""); err != nil {
		return err
	}
	if c.Kind() == "miniflux" && time.Since(a.LastReconcile) < ReconcileEvery {
		return nil
	}
	var unread, starred []string
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { unread, err = c.UnreadIDs(gctx); return err })
	g.Go(func() (err error) { starred, err = c.StarredIDs(gctx); return err })
	if err := g.Wait(); err != nil {
		return err
	}
	changed, missing, err := st.Reconcile(ctx, a.ID, unread, starred)
	res.Marked += changed
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		err := pipeline(ctx, st, a.ID, titles, res, func(save func([]Entry) error) error {
			entries, err := c.Entries(ctx, missing)
			if err != nil {
				return err
			}
			return save(entries)
		})
		if err != nil {
			return err
		}
	}
	return st.SetReconciled(ctx, a.ID)
}

// ReconcileEvery is how often a Miniflux account's unread and starred
// sets are compared with the library's. Its changed_at cursor brings
// marks made elsewhere at every sync; the comparison catches what a
// cursor can miss (an entry deleted and made again, a clock step on the
// server) and costs two requests of every id, so it runs hourly. A Google
// Reader server has no change cursor: it is compared at every sync.
const ReconcileEvery = time.Hour

// pipeline runs pull with a save function that hands the server's
// entries to the ingest pipeline, as every source of articles does: marks
// of entries already here are set at once (store.PrepareRemote), new ones
// are saved by the pipeline and then linked to their entries
// (store.LinkRemote). It returns once every article is saved and listed;
// people, places, quotes and the search index are left for the caller's
// finishing pass, as after a refresh.
func pipeline(ctx context.Context, st *store.Store, account int64, titles map[string]string, res *Result, pull func(save func([]Entry) error) error) error {
	p := ingest.Start(ctx, st, ingest.Options{Later: true})
	save := func(entries []Entry) error {
		toSave, marked, err := st.PrepareRemote(ctx, account, storeEntries(entries, titles))
		res.Marked += marked
		if err != nil || len(toSave) == 0 {
			return err
		}
		arts := make([]*news.Article, len(toSave))
		for i, e := range toSave {
			arts[i] = e.Article
		}
		return p.Put(ingest.Batch{Articles: arts, Saved: func(saved []store.SaveResult) error {
			linked, err := st.LinkRemote(ctx, account, toSave, saved)
			res.New += linked.New
			res.Matched += linked.Matched
			return err
		}})
	}
	err := pull(save)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	return err
}

// storeEntries makes the server's entries into articles, converted the
// way a feed's items are.
func storeEntries(entries []Entry, titles map[string]string) []store.RemoteEntry {
	out := make([]store.RemoteEntry, len(entries))
	for i, e := range entries {
		a := &news.Article{
			URL:       termtext.Line(strings.TrimSpace(e.URL)),
			Title:     feed.PlainText(e.Title),
			Author:    feed.PlainText(e.Author),
			Published: e.Published,
			Source:    titles[e.FeedID],
			Body:      feed.ItemBody(e.Content, e.URL),
		}
		if a.Title == "" {
			a.Title = a.URL
		}
		a.Words = news.WordCount(a.Body)
		out[i] = store.RemoteEntry{RemoteID: e.ID, RemoteFeedID: e.FeedID, GUIDHash: e.GUIDHash, Article: a, Read: e.Read, Starred: e.Starred}
	}
	return out
}

// pushBatch is how many marks go to the server in one request.
const pushBatch = 250

// Push sends the account's waiting changes, oldest first, a batch of the
// same kind at a time; each batch leaves the outbox only when the server
// answered 2xx. It returns how many were sent.
func Push(ctx context.Context, st *store.Store, account int64, c Client) (int, error) {
	sent := 0
	for {
		changes, err := st.Outbox(ctx, account, 1000)
		if err != nil || len(changes) == 0 {
			return sent, err
		}
		for len(changes) > 0 {
			n := 1
			for n < len(changes) && n < pushBatch && changes[n].Action == changes[0].Action && changes[0].ArticleID != 0 {
				n++
			}
			batch := changes[:n]
			if err := send(ctx, c, batch); err != nil {
				return sent, err
			}
			ids := make([]int64, n)
			for i, ch := range batch {
				ids[i] = ch.ID
			}
			if err := st.Sent(ctx, ids); err != nil {
				return sent, err
			}
			sent += n
			changes = changes[n:]
		}
	}
}

func send(ctx context.Context, c Client, batch []store.Change) error {
	ids := make([]string, len(batch))
	for i, ch := range batch {
		ids[i] = ch.RemoteID
	}
	switch batch[0].Action {
	case "read":
		return c.SetRead(ctx, ids, true)
	case "unread":
		return c.SetRead(ctx, ids, false)
	case "star":
		return c.SetStarred(ctx, ids, true)
	case "unstar":
		return c.SetStarred(ctx, ids, false)
	case "feed-read", "all-read":
		ch := batch[0]
		b := Bound{}
		b.EntryID, _ = strconv.ParseInt(ch.UptoID, 10, 64)
		if ch.UptoTime > 0 {
			b.Published = time.UnixMicro(ch.UptoTime)
		}
		feedID := ch.RemoteID
		if ch.Action == "all-read" {
			feedID = ""
		}
		return c.MarkFeedRead(ctx, feedID, b)
	}
	return fmt.Errorf("unknown change %q in the outbox", batch[0].Action)
}
