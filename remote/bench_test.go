package remote_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"byline/internal/minifluxtest"
	"byline/remote"
	"byline/store"
)

// bigMiniflux is a Miniflux API holding n entries in 20 feeds, every
// third one unread and one in fifty starred, with each page of
// /v1/entries encoded once up front: the benchmarks measure byline, not
// the fake.
func bigMiniflux(b *testing.B, n int) *httptest.Server {
	b.Helper()
	type entry struct {
		ID        int64     `json:"id"`
		FeedID    int64     `json:"feed_id"`
		Hash      string    `json:"hash"`
		URL       string    `json:"url"`
		Title     string    `json:"title"`
		Content   string    `json:"content"`
		Published time.Time `json:"published_at"`
		Changed   time.Time `json:"changed_at"`
		Status    string    `json:"status"`
		Starred   bool      `json:"starred"`
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	entries := make([]entry, n)
	var unread, starred []int64
	for i := range entries {
		id := int64(i + 1)
		e := entry{ID: id, FeedID: id%20 + 1, Hash: fmt.Sprintf("%064x", id), URL: fmt.Sprintf("http://news.example/%d/story-%d", id%20+1, id),
			Title:     fmt.Sprintf("Harbour council meeting number %d", id),
			Content:   fmt.Sprintf("<p>Mayor Ada Quill told the council at meeting %d that the pier in Port Wren would reopen.</p><p>\"We have waited long enough,\" she said. Fishermen welcomed the news and the ferry company said it would add sailings.</p>", id),
			Published: base.Add(time.Duration(i) * time.Minute), Changed: base.Add(time.Duration(i) * time.Minute), Status: "read"}
		if i%3 == 0 {
			e.Status = "unread"
			unread = append(unread, id)
		}
		if i%50 == 0 {
			e.Starred = true
			starred = append(starred, id)
		}
		entries[i] = e
	}
	pages := map[int64][]byte{} // after_entry_id → page
	for start := 0; start < n; start += remote.PageSize {
		page := entries[start:min(start+remote.PageSize, n)]
		data, _ := json.Marshal(map[string]any{"total": n, "entries": page})
		pages[int64(start)] = data
	}
	empty := []byte(`{"total":0,"entries":[]}`)
	unreadJSON, _ := json.Marshal(map[string]any{"total": len(unread), "entry_ids": unread})
	starredJSON, _ := json.Marshal(map[string]any{"total": len(starred), "entry_ids": starred})
	var feeds []map[string]any
	for f := 1; f <= 20; f++ {
		feeds = append(feeds, map[string]any{"id": f, "feed_url": fmt.Sprintf("http://news.example/%d/rss", f), "title": fmt.Sprintf("Gazette %d", f), "category": map[string]string{"title": "All"}})
	}
	feedsJSON, _ := json.Marshal(feeds)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch r.URL.Path {
		case "/v1/feeds":
			w.Write(feedsJSON)
		case "/v1/entries":
			after, _ := strconv.ParseInt(q.Get("after_entry_id"), 10, 64)
			if since, _ := strconv.ParseInt(q.Get("changed_after"), 10, 64); since > 0 {
				// Only the few entries changed since: encoded as asked.
				var changed []entry
				for i := n - 1; i >= 0 && entries[i].Changed.Unix() > since; i-- {
					if entries[i].ID > after {
						changed = append([]entry{entries[i]}, changed...)
					}
				}
				data, _ := json.Marshal(map[string]any{"total": len(changed), "entries": changed})
				w.Write(data)
				return
			}
			if p, ok := pages[after]; ok {
				w.Write(p)
				return
			}
			w.Write(empty)
		case "/v1/entries/ids":
			if q.Get("starred") == "true" {
				w.Write(starredJSON)
			} else {
				w.Write(unreadJSON)
			}
		default:
			http.NotFound(w, r)
		}
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkFirstSync10k: a first sync of a 10,000-entry Miniflux account
// into an empty library, until every article is listed and readable
// (people, places, quotes and the search index follow, as after a
// refresh).
func BenchmarkFirstSync10k(b *testing.B) {
	srv := bigMiniflux(b, 10000)
	c := remote.NewMiniflux(srv.URL, "key", quick)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		st := openLibrary(b)
		acct := addAccount(b, st, "miniflux", srv.URL, "")
		b.StartTimer()
		res, err := remote.Sync(ctx, st, acct, c)
		if err != nil || res.New != 10000 {
			b.Fatalf("first sync: %+v, %v", res, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkIncrementalSyncNothingNew10k: the same account synced again
// with nothing new: the pull from the cursor, the comparison of the
// server's unread and starred sets with 10,000 articles (target ≤ 0.3 s).
func BenchmarkIncrementalSyncNothingNew10k(b *testing.B) {
	srv := bigMiniflux(b, 10000)
	c := remote.NewMiniflux(srv.URL, "key", quick)
	ctx := context.Background()
	st := openLibrary(b)
	acct := addAccount(b, st, "miniflux", srv.URL, "")
	if _, err := remote.Sync(ctx, st, acct, c); err != nil {
		b.Fatal(err)
	}
	for _, reconcile := range []bool{false, true} {
		name := "pull"
		if reconcile {
			name = "pull+compare-sets"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				a, err := st.Account(ctx, acct.ID)
				if err != nil {
					b.Fatal(err)
				}
				if reconcile {
					a.LastReconcile = time.Time{} // the hourly comparison is due
				}
				res, err := remote.Sync(ctx, st, a, c)
				if err != nil || res.New != 0 || res.Marked != 0 {
					b.Fatalf("sync with nothing new: %+v, %v", res, err)
				}
			}
		})
	}
}

var _ = store.ErrNotFound

// BenchmarkRealMiniflux10k is the first and the incremental sync against
// the real Miniflux 2.3.5 (skipped when it cannot start), with one feed of
// 10,000 items: the server's own answer times included.
func BenchmarkRealMiniflux10k(b *testing.B) {
	s := minifluxtest.Shared(b)
	u := s.NewUser(b)
	pub := newPublisher(b)
	u.CreateFeed(b, pub.feed("harbour", 10000), "")
	c := remote.NewMiniflux(s.URL, u.APIKey, quick)
	ctx := context.Background()
	var st *store.Store
	var acct store.Account
	outer := b
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			st = openLibrary(outer) // open until nothing-new is done
			acct = addAccount(b, st, "miniflux", s.URL, "")
			b.StartTimer()
			if res, err := remote.Sync(ctx, st, acct, c); err != nil || res.New != 10000 {
				b.Fatalf("first sync: %+v, %v", res, err)
			}
		}
	})
	for _, reconcile := range []bool{false, true} {
		name := "nothing-new"
		if reconcile {
			name = "nothing-new+compare-sets"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				a, _ := st.Account(ctx, acct.ID)
				if reconcile {
					a.LastReconcile = time.Time{}
				}
				if res, err := remote.Sync(ctx, st, a, c); err != nil || res.New != 0 {
					b.Fatalf("incremental sync: %+v, %v", res, err)
				}
			}
		})
	}
	// The same account through the Google Reader API, which compares id
	// sets at every sync.
	u.EnableGoogleReader(b)
	g := remote.NewGReader(s.URL, u.Name, u.Password, quick)
	var gacct store.Account
	b.Run("greader-first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			st = openLibrary(outer)
			gacct = addAccount(b, st, "greader", s.URL, u.Name)
			b.StartTimer()
			if res, err := remote.Sync(ctx, st, gacct, g); err != nil || res.New != 10000 {
				b.Fatalf("first sync: %+v, %v", res, err)
			}
		}
	})
	b.Run("greader-nothing-new", func(b *testing.B) {
		for b.Loop() {
			a, _ := st.Account(ctx, gacct.ID)
			if res, err := remote.Sync(ctx, st, a, g); err != nil || res.New != 0 {
				b.Fatalf("incremental sync: %+v, %v", res, err)
			}
		}
	})
}
