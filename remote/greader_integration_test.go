package remote_test

import (
	"context"
	"errors"
	"testing"

	"byline/internal/minifluxtest"
	"byline/remote"
)

// The Google Reader client against Miniflux's Google Reader endpoint:
// first sync, marks both ways, mark feed read, incremental sync, a wrong
// password.
func TestGReaderSync(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	u.EnableGoogleReader(t)
	pub := newPublisher(t)
	harbour := u.CreateFeed(t, pub.feed("harbour", 8), "Coast")
	u.CreateFeed(t, pub.feed("valley", 4), "")
	server := serverEntries(t, u, "")
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{server["Valley story 1: the harbour council meets"].ID}, "status": "read"}, nil)

	st := openLibrary(t)
	acct := addAccount(t, st, "greader", s.URL, u.Name)
	c := remote.NewGReader(s.URL, u.Name, u.Password, recording(t, "greader", pub.URL))
	res := syncOK(t, st, acct.ID, c)
	if res.New != 12 || res.FeedsAdded != 2 {
		t.Fatalf("first sync: %+v, want 12 new from 2 feeds", res)
	}
	if n := len(articles(t, st, "tag:coast")); n != 8 {
		t.Errorf("%d articles tagged coast, want 8", n)
	}
	if a := byTitle(t, st, "Valley story 1: the harbour council meets"); !a.Read {
		t.Error("an entry read on the server is unread here")
	}

	ctx := context.Background()
	mine := byTitle(t, st, "Harbour story 5: the harbour council meets")
	st.SetRead(ctx, mine.ID, true)
	st.SetStarred(ctx, mine.ID, true)
	theirs := server["Harbour story 6: the harbour council meets"]
	u.Call(t, "PUT", "/v1/entries", map[string]any{"entry_ids": []int64{theirs.ID}, "starred": true}, nil)
	if res := syncOK(t, st, acct.ID, c); res.Sent != 2 {
		t.Fatalf("sent %d changes, want 2", res.Sent)
	}
	if e := serverEntries(t, u, "")[mine.Title]; e.Status != "read" || !e.Starred {
		t.Errorf("local marks did not reach the server: %+v", e)
	}
	if a := byTitle(t, st, theirs.Title); !a.Starred {
		t.Error("a star made on the server did not arrive")
	}

	pub.feed("harbour", 10)
	u.RefreshFeed(t, harbour)
	if res := syncOK(t, st, acct.ID, c); res.New != 2 {
		t.Fatalf("incremental sync: %+v, want 2 new", res)
	}
	if res := syncOK(t, st, acct.ID, c); res.New != 0 || res.Marked != 0 {
		t.Fatalf("sync with nothing new: %+v", res)
	}

	f, err := st.FeedByURL(ctx, pub.URL+"/harbour.xml")
	if err != nil {
		t.Fatal(err)
	}
	st.MarkFeedRead(ctx, f.ID)
	syncOK(t, st, acct.ID, c)
	for title, e := range serverEntries(t, u, "feed_id="+itoa(harbour)) {
		if e.Status != "read" {
			t.Errorf("%s is still unread on the server after mark feed read", title)
		}
	}

	_, err = remote.Sync(ctx, st, account(t, st, acct.ID), remote.NewGReader(s.URL, u.Name, "wrong password", quick))
	if !errors.Is(err, remote.ErrAuth) {
		t.Fatalf("a wrong password: %v, want ErrAuth", err)
	}
}

// A feed subscribed from byline is added on the server, through either
// API, and its entries come with the next sync.
func TestSubscribeOnServer(t *testing.T) {
	s := minifluxtest.Shared(t)
	u := s.NewUser(t)
	u.EnableGoogleReader(t)
	pub := newPublisher(t)
	st := openLibrary(t)
	ctx := context.Background()

	mf := remote.NewMiniflux(s.URL, u.APIKey, quick)
	if err := mf.Subscribe(ctx, pub.feed("cove", 3)); err != nil {
		t.Fatal(err)
	}
	acct := addAccount(t, st, "miniflux", s.URL, "")
	if res := syncOK(t, st, acct.ID, mf); res.New != 3 || res.FeedsAdded != 1 {
		t.Fatalf("after subscribing through the REST API: %+v, want the feed's 3 entries", res)
	}
	gr := remote.NewGReader(s.URL, u.Name, u.Password, quick)
	if err := gr.Subscribe(ctx, pub.feed("marsh", 2)); err != nil {
		t.Fatal(err)
	}
	if res := syncOK(t, st, acct.ID, mf); res.New != 2 || res.FeedsAdded != 1 {
		t.Fatalf("after subscribing through the Google Reader API: %+v, want the feed's 2 entries", res)
	}
}

// Mark all read reaches every feed's entries the server had at the key
// press, held here or not, through either API; entries that arrive after
// stay unread.
func TestMarkAllReadOnServer(t *testing.T) {
	s := minifluxtest.Shared(t)
	for _, kind := range []string{"miniflux", "greader"} {
		t.Run(kind, func(t *testing.T) {
			u := s.NewUser(t)
			u.EnableGoogleReader(t)
			pub := newPublisher(t)
			harbour := u.CreateFeed(t, pub.feed("harbour", 12), "")
			u.CreateFeed(t, pub.feed("valley", 6), "Inland")
			st := openLibrary(t)
			acct := addAccount(t, st, kind, s.URL, u.Name)
			var c remote.Client = remote.NewMiniflux(s.URL, u.APIKey, quick)
			if kind == "greader" {
				c = remote.NewGReader(s.URL, u.Name, u.Password, quick)
			}
			syncOK(t, st, acct.ID, c)
			ctx := context.Background()
			var forget []int64
			for _, a := range articles(t, st, "")[:10] {
				forget = append(forget, a.ID)
			}
			forgetArticles(t, st, forget)
			if _, err := st.MarkAllRead(ctx); err != nil {
				t.Fatal(err)
			}
			pub.feed("harbour", 13) // one more after the key press
			u.RefreshFeed(t, harbour)
			syncOK(t, st, acct.ID, c)
			for title, e := range serverEntries(t, u, "") {
				late := title == "Harbour story 13: the harbour council meets"
				if late && e.Status != "unread" {
					t.Errorf("%s arrived after the key press and was marked read", title)
				}
				if !late && e.Status != "read" {
					t.Errorf("%s is still unread on the server after mark all read", title)
				}
			}
		})
	}
}
