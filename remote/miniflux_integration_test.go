package remote_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"byline/ingest"
	"byline/internal/minifluxtest"
	"byline/news"
	"byline/remote"
	"byline/store"
)

// A first sync brings every entry with its feed, category and marks; a
// second one brings only what is new, and one with nothing new changes
// nothing.
func TestMinifluxFirstAndIncrementalSync(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	harbour := u.CreateFeed(t, pub.feed("harbour", 12), "Coast")
	u.CreateFeed(t, pub.feed("valley", 5), "")
	server := serverEntries(t, u, "")
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{server["Harbour story 3: the harbour council meets"].ID}, "status": "read"}, nil)
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{server["Valley story 2: the harbour council meets"].ID}, "starred": true}, nil)

	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, recording(t, "miniflux", pub.URL))
	res := syncOK(t, st, acct.ID, c)
	if res.New != 17 || res.FeedsAdded != 2 {
		t.Fatalf("first sync: %+v, want 17 new articles from 2 feeds", res)
	}
	if got := len(articles(t, st, "tag:coast")); got != 12 {
		t.Errorf("%d articles tagged with the feed's category coast, want 12", got)
	}
	if a := byTitle(t, st, "Harbour story 3: the harbour council meets"); !a.Read {
		t.Error("an entry read on the server is unread in the library")
	}
	if a := byTitle(t, st, "Valley story 2: the harbour council meets"); !a.Starred {
		t.Error("an entry starred on the server is not starred in the library")
	}
	if a := byTitle(t, st, "Harbour story 4: the harbour council meets"); a.Read || a.Starred {
		t.Error("an untouched entry came marked")
	}
	full, err := st.Article(context.Background(), byTitle(t, st, "Harbour story 4: the harbour council meets").ID)
	if err != nil || !strings.Contains(full.Body, "the old pier would reopen") {
		t.Fatalf("the article's body did not come through: %q, %v", full.Body, err)
	}
	if account(t, st, acct.ID).Cursor == "" {
		t.Error("no cursor kept after the first sync")
	}

	pub.feed("harbour", 15)
	u.RefreshFeed(t, harbour)
	if res := syncOK(t, st, acct.ID, c); res.New != 3 || res.Marked != 0 {
		t.Fatalf("incremental sync: %+v, want the 3 new entries only", res)
	}
	if res := syncOK(t, st, acct.ID, c); res.New != 0 || res.Marked != 0 || res.Sent != 0 {
		t.Fatalf("sync with nothing new: %+v", res)
	}
	if n := len(articles(t, st, "")); n != 20 {
		t.Fatalf("%d articles after three syncs, want 20: duplicates or losses", n)
	}
}

// Marks made here reach the server; marks made on the server (another
// reader, a phone) reach the library.
func TestMinifluxMarksBothWays(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	u.CreateFeed(t, pub.feed("harbour", 6), "")
	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	syncOK(t, st, acct.ID, c)
	ctx := context.Background()

	one := byTitle(t, st, "Harbour story 1: the harbour council meets")
	two := byTitle(t, st, "Harbour story 2: the harbour council meets")
	if err := st.SetRead(ctx, one.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetStarred(ctx, two.ID, true); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.Waiting(ctx, acct.ID); n != 2 {
		t.Fatalf("%d changes waiting after two marks, want 2", n)
	}
	if res := syncOK(t, st, acct.ID, c); res.Sent != 2 {
		t.Fatalf("sync sent %d changes, want 2", res.Sent)
	}
	server := serverEntries(t, u, "")
	if server[one.Title].Status != "read" || !server[two.Title].Starred {
		t.Fatalf("the server did not take the marks: %+v %+v", server[one.Title], server[two.Title])
	}
	if n, _ := st.Waiting(ctx, acct.ID); n != 0 {
		t.Fatalf("%d changes still waiting after they were sent", n)
	}

	three := server["Harbour story 3: the harbour council meets"]
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{three.ID, server[one.Title].ID}, "status": "unread"}, nil)
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{three.ID}, "status": "read"}, nil)
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{three.ID}, "starred": true}, nil)
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{server[two.Title].ID}, "starred": false}, nil)
	syncOK(t, st, acct.ID, c)
	if a := byTitle(t, st, three.Title); !a.Read || !a.Starred {
		t.Errorf("marks made on the server did not arrive: read %v starred %v", a.Read, a.Starred)
	}
	if a := byTitle(t, st, one.Title); a.Read {
		t.Error("an entry marked unread on the server is still read here")
	}
	if a := byTitle(t, st, two.Title); a.Starred {
		t.Error("a star taken off on the server is still here")
	}
}

// A mark made while the server is down waits in the outbox, the sync
// fails saying so, and the mark is sent when the server is back.
func TestMinifluxOfflineMarkReplayed(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	u.CreateFeed(t, pub.feed("harbour", 4), "")
	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	syncOK(t, st, acct.ID, c)
	ctx := context.Background()
	a := byTitle(t, st, "Harbour story 2: the harbour council meets")

	s.StopMiniflux()
	stopped := true
	defer func() {
		if stopped {
			s.StartMiniflux()
		}
	}()
	if err := st.SetRead(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	res, err := remote.Sync(ctx, st, account(t, st, acct.ID), c)
	var down *remote.Unreachable
	if !errors.As(err, &down) || !strings.Contains(err.Error(), "unreachable") {
		t.Fatalf("sync with the server down: %v, want server unreachable", err)
	}
	if res.Waiting != 1 {
		t.Fatalf("after the failed sync %d changes wait, want 1", res.Waiting)
	}
	if got := byTitle(t, st, a.Title); !got.Read {
		t.Fatal("the local mark was lost when the sync failed")
	}
	if err := s.StartMiniflux(); err != nil {
		t.Fatal(err)
	}
	stopped = false
	if res := syncOK(t, st, acct.ID, c); res.Sent != 1 {
		t.Fatalf("the waiting mark was not sent: %+v", res)
	}
	if e := serverEntries(t, u, "")[a.Title]; e.Status != "read" {
		t.Fatalf("the server has %q after the replay, want read", e.Status)
	}
}

// racingClient makes a local mark while the pull is under way, after the
// outbox was sent and before the first page pulled is stored: the state
// pulled is older than the mark.
type racingClient struct {
	remote.Client
	during func()
}

func (r racingClient) Pull(ctx context.Context, cursor string, known func([]string) (map[string]bool, error), page func([]remote.Entry) error) (string, error) {
	once := sync.OnceFunc(r.during)
	return r.Client.Pull(ctx, cursor, known, func(e []remote.Entry) error {
		once()
		return page(e)
	})
}

func TestMinifluxPullDoesNotFlipPendingMark(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	u.CreateFeed(t, pub.feed("harbour", 4), "")
	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	syncOK(t, st, acct.ID, c)
	ctx := context.Background()
	a := byTitle(t, st, "Harbour story 2: the harbour council meets")
	racing := racingClient{Client: c, during: func() {
		if err := st.SetRead(ctx, a.ID, true); err != nil {
			t.Error(err)
		}
		if err := st.SetStarred(ctx, a.ID, true); err != nil {
			t.Error(err)
		}
	}}
	// The server's copy changes (changed_at moves), so the pull brings
	// it; the comparison of unread sets runs too.
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{serverEntries(t, u, "")[a.Title].ID}, "status": "unread"}, nil)
	racingAcct := account(t, st, acct.ID)
	racingAcct.LastReconcile = time.Time{}
	if _, err := remote.Sync(ctx, st, racingAcct, racing); err != nil {
		t.Fatal(err)
	}
	if got := byTitle(t, st, a.Title); !got.Read || !got.Starred {
		t.Fatalf("the pull flipped back marks made during it: read %v starred %v", got.Read, got.Starred)
	}
	syncOK(t, st, acct.ID, c)
	if e := serverEntries(t, u, "")[a.Title]; e.Status != "read" || !e.Starred {
		t.Fatalf("the marks made during the pull did not reach the server: %+v", e)
	}
	if got := byTitle(t, st, a.Title); !got.Read || !got.Starred {
		t.Fatal("the marks were lost after they were sent")
	}
}

// Marking a feed read reaches every entry the server had when the key was
// pressed, including those this library no longer holds, and none that
// arrived afterwards.
func TestMinifluxMarkFeedReadBeyondLocal(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	harbour := u.CreateFeed(t, pub.feed("harbour", 30), "")
	u.CreateFeed(t, pub.feed("valley", 3), "")
	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	syncOK(t, st, acct.ID, c)
	ctx := context.Background()
	held := articles(t, st, `feed:harbour`)
	var forget []int64
	for _, a := range held[:25] {
		forget = append(forget, a.ID)
	}
	forgetArticles(t, st, forget)
	if n := len(articles(t, st, `feed:harbour`)); n != 5 {
		t.Fatalf("library holds %d of the feed's entries, want 5", n)
	}
	f, err := st.FeedByURL(ctx, pub.URL+"/harbour.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.MarkFeedRead(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	// Two entries arrive on the server after the key press.
	pub.feed("harbour", 32)
	u.RefreshFeed(t, harbour)
	syncOK(t, st, acct.ID, c)
	unread := 0
	for title, e := range serverEntries(t, u, "") {
		switch {
		case strings.HasPrefix(title, "Valley"):
			if e.Status != "unread" {
				t.Errorf("%s of another feed was marked read", title)
			}
		case title == "Harbour story 31: the harbour council meets", title == "Harbour story 32: the harbour council meets":
			if e.Status != "unread" {
				t.Errorf("%s arrived after the key press and was marked read", title)
			}
		case e.Status != "read":
			unread++
		}
	}
	if unread > 0 {
		t.Fatalf("%d of the feed's 30 entries known at the key press are still unread on the server", unread)
	}
	if a := byTitle(t, st, "Harbour story 32: the harbour council meets"); a.Read {
		t.Error("the entry that arrived after the key press is read in the library")
	}
}

// A library that already follows the account's feeds gets no duplicates:
// each local copy is linked to its entry (by the GUID's hash), and a mark
// on either side wins on both.
func TestMinifluxFirstConnectionMatchesLocalCopies(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	url := pub.feed("harbour", 6)
	st := openLibrary(t)
	ctx := context.Background()
	f := news.Feed{URL: url}
	if err := st.AddFeed(ctx, &f); err != nil {
		t.Fatal(err)
	}
	p := ingest.Start(ctx, st, ingest.Options{Later: true})
	if _, err := ingest.Refresh(ctx, st, p, ingest.RefreshOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	local := byTitle(t, st, "Harbour story 1: the harbour council meets")
	st.SetRead(ctx, local.ID, true)
	st.AddTags(ctx, local.ID, "pier")

	u.CreateFeed(t, url, "")
	server := serverEntries(t, u, "")
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{server["Harbour story 2: the harbour council meets"].ID}, "starred": true}, nil)

	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	res := syncOK(t, st, acct.ID, c)
	if res.New != 0 || res.Matched != 6 {
		t.Fatalf("first sync over local copies: %+v, want 6 matched and none new", res)
	}
	if n := len(articles(t, st, "")); n != 6 {
		t.Fatalf("%d articles, want 6: duplicates", n)
	}
	if a := byTitle(t, st, "Harbour story 2: the harbour council meets"); !a.Starred {
		t.Error("the server's star did not reach the local copy")
	}
	a := byTitle(t, st, local.Title)
	if !a.Read || len(a.Tags) != 1 || a.Tags[0] != "pier" {
		t.Errorf("the local copy lost its mark or tag: read %v tags %v", a.Read, a.Tags)
	}
	syncOK(t, st, acct.ID, c)
	if e := serverEntries(t, u, "")[local.Title]; e.Status != "read" {
		t.Errorf("the local read mark did not reach the server: %q", e.Status)
	}
	if n, _ := st.Waiting(ctx, acct.ID); n != 0 {
		t.Errorf("%d changes still waiting", n)
	}
	// The feed is the server's now: byline refresh leaves it alone.
	synced, _ := st.SyncedFeeds(ctx)
	if !synced[f.ID] {
		t.Error("the local feed was not taken over by the account")
	}
}

// A wrong API key is one clear error, and nothing is pulled.
func TestMinifluxBadToken(t *testing.T) {
	s := minifluxtest.Shared(t)
	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	_, err := remote.Sync(context.Background(), st, acct, remote.NewMiniflux(s.URL, "not-a-key", quick))
	if !errors.Is(err, remote.ErrAuth) {
		t.Fatalf("sync with a wrong key: %v, want ErrAuth", err)
	}
	if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "401") {
		t.Fatalf("error is not one line naming the refusal: %q", err)
	}
}

// With no server at the address, the sync fails at once saying so.
func TestSyncServerDownAtStart(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("http://%s", l.Addr())
	l.Close()
	st := openLibrary(t)
	for _, kind := range []string{"miniflux", "greader"} {
		acct := addAccount(t, st, kind, url, "reader")
		c, _ := remote.New(acct, "secret", quick)
		_, err := remote.Sync(context.Background(), st, acct, c)
		var down *remote.Unreachable
		if !errors.As(err, &down) || !strings.Contains(err.Error(), "connection refused") {
			t.Errorf("%s: sync with nothing listening: %v", kind, err)
		}
		if a := account(t, st, acct.ID); a.LastError == "" {
			t.Errorf("%s: the failure was not recorded on the account", kind)
		}
	}
}

var _ = store.ErrNotFound

// heldClient stops in Feeds, after the sync has sent its marks, until
// the test lets it go.
type heldClient struct {
	remote.Client
	entered, proceed chan struct{}
}

func (c heldClient) Feeds(ctx context.Context) ([]remote.Feed, error) {
	c.entered <- struct{}{}
	<-c.proceed
	return c.Client.Feeds(ctx)
}

// countingClient counts the marks a sync sends.
type countingClient struct {
	remote.Client
	mu   sync.Mutex
	sent int
}

func (c *countingClient) SetRead(ctx context.Context, ids []string, read bool) error {
	c.mu.Lock()
	c.sent += len(ids)
	c.mu.Unlock()
	return c.Client.SetRead(ctx, ids, read)
}

// Two syncs of one account at once (the reader's and a cron job's, each
// with its own handle on the library): the second is refused while the
// first runs, sends nothing, pulls nothing and leaves the account's state
// alone; afterwards every entry is in the library once.
func TestMinifluxConcurrentSyncsDoNotDouble(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	pub := newPublisher(t)
	harbour := u.CreateFeed(t, pub.feed("harbour", 6), "")
	st := openLibrary(t)
	acct := addAccount(t, st, "miniflux", s.URL, "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	syncOK(t, st, acct.ID, c)
	ctx := context.Background()
	other, err := store.Open(ctx, st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	pub.feed("harbour", 9)
	u.RefreshFeed(t, harbour)
	one := byTitle(t, st, "Harbour story 1: the harbour council meets")
	if err := st.SetRead(ctx, one.ID, true); err != nil {
		t.Fatal(err)
	}
	held := heldClient{Client: c, entered: make(chan struct{}), proceed: make(chan struct{})}
	type outcome struct {
		res remote.Result
		err error
	}
	first := make(chan outcome, 1)
	go func() {
		res, err := remote.Sync(ctx, st, account(t, st, acct.ID), held)
		first <- outcome{res, err}
	}()
	<-held.entered

	counting := &countingClient{Client: c}
	res, err := remote.Sync(ctx, other, account(t, other, acct.ID), counting)
	var busy *store.SyncBusyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "another sync of account") {
		t.Fatalf("a second sync while one runs: %+v, %v; want it refused", res, err)
	}
	if counting.sent != 0 || res.New != 0 {
		t.Fatalf("the refused sync sent %d marks and saved %d articles", counting.sent, res.New)
	}
	if a := account(t, st, acct.ID); a.LastError != "" {
		t.Fatalf("the refused sync wrote the account's last error: %q", a.LastError)
	}
	close(held.proceed)
	got := <-first
	if got.err != nil || got.res.Sent != 1 || got.res.New != 3 {
		t.Fatalf("the first sync: %+v, %v; want 1 mark sent and 3 new articles", got.res, got.err)
	}
	res, err = remote.Sync(ctx, other, account(t, other, acct.ID), counting)
	if err != nil || res.New != 0 || res.Sent != 0 || counting.sent != 0 {
		t.Fatalf("the second sync once the first ended: %+v, %v (%d marks sent)", res, err, counting.sent)
	}
	if n := len(articles(t, st, "")); n != 9 {
		t.Fatalf("%d articles after the syncs, want the server's 9 once each", n)
	}
	if e := serverEntries(t, u, "")[one.Title]; e.Status != "read" {
		t.Fatalf("the mark made here is %q on the server", e.Status)
	}
}
