package ingest

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"byline/extract"
	"byline/feed"
	"byline/news"
	"byline/store"
)

// openLibrary opens an empty library in a temporary directory.
func openLibrary(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// follow subscribes the library to url.
func follow(t *testing.T, st *store.Store, url string) int64 {
	t.Helper()
	f := news.Feed{URL: url}
	if err := st.AddFeed(context.Background(), &f); err != nil {
		t.Fatal(err)
	}
	return f.ID
}

// publisher is a loopback web site whose answers the test changes between
// refreshes. It counts the requests each path gets.
type publisher struct {
	*httptest.Server
	mu       sync.Mutex
	handlers map[string]http.HandlerFunc
	hits     map[string]int
	requests map[string][]http.Header
}

func newPublisher(t *testing.T) *publisher {
	t.Helper()
	p := &publisher{handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}, requests: map[string][]http.Header{}}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		h := p.handlers[r.URL.Path]
		p.hits[r.URL.Path]++
		p.requests[r.URL.Path] = append(p.requests[r.URL.Path], r.Header.Clone())
		p.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(p.Close)
	return p
}

// serve answers path with h from now on.
func (p *publisher) serve(path string, h http.HandlerFunc) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.handlers[path] = h
}

// serveFile answers path with a fixture from testdata/feeds, as a real
// server would: with validators, and 304 to a request that has them.
func (p *publisher) serveFile(t *testing.T, path, fixture, contentType string) {
	data := feedFixture(t, fixture)
	p.serveBytes(path, data, contentType)
}

func (p *publisher) serveBytes(path string, data []byte, contentType string) {
	etag := `"` + strings.ReplaceAll(filepath.Base(path), ".", "-") + "-" + strconv.Itoa(len(data)) + `"`
	modified := time.Date(2025, 3, 12, 8, 0, 0, 0, time.UTC).Add(time.Duration(len(data)) * time.Second).Format(http.TimeFormat)
	p.serve(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	})
}

// atHome is a fixture with its publisher's addresses moved to the test's
// site: its short items have their pages captured, and those requests
// must stay on the machine.
func atHome(t *testing.T, fixture, site string) []byte {
	data := feedFixture(t, fixture)
	for _, host := range []string{"https://cdn.longread-audio.example", "https://longread-audio.example", "https://northern-ledger.example"} {
		data = bytes.ReplaceAll(data, []byte(host), []byte(site))
	}
	return data
}

func (p *publisher) count(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hits[path]
}

func (p *publisher) lastRequest(path string) http.Header {
	p.mu.Lock()
	defer p.mu.Unlock()
	reqs := p.requests[path]
	if len(reqs) == 0 {
		return nil
	}
	return reqs[len(reqs)-1]
}

// refresh runs Refresh and fails the test on an error of the library.
func refresh(t *testing.T, st *store.Store, opts RefreshOptions) map[string]FeedResult {
	t.Helper()
	if opts.Fetcher == nil {
		opts.Fetcher = testFetcher()
	}
	results, err := refreshOnly(context.Background(), st, opts)
	if err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	byURL := map[string]FeedResult{}
	for _, r := range results {
		byURL[r.Feed.URL] = r
	}
	if len(byURL) != len(results) {
		t.Fatalf("%d results for %d feeds", len(results), len(byURL))
	}
	return byURL
}

// feedArticles lists a feed's articles, newest first, with their bodies.
func feedArticles(t *testing.T, st *store.Store, feedID int64) []*news.Article {
	t.Helper()
	ctx := context.Background()
	all, err := st.List(ctx, news.Query{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []*news.Article
	for _, a := range all {
		if a.FeedID != feedID {
			continue
		}
		full, err := st.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, full)
	}
	return out
}

func byGUID(arts []*news.Article) map[string]*news.Article {
	m := map[string]*news.Article{}
	for _, a := range arts {
		m[a.GUID] = a
	}
	return m
}

func lastError(t *testing.T, st *store.Store, id int64) string {
	t.Helper()
	f, err := st.Feed(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f.LastError
}

// TestRefreshRecordsEachFailureAndKeepsTheLibrary: one healthy feed among
// feeds that fail in every way a web server can; each failure is recorded
// on its feed in one line, the others load, and what earlier refreshes
// stored stays with the reader's marks and notes.
func TestRefreshRecordsEachFailureAndKeepsTheLibrary(t *testing.T) {
	ctx := context.Background()
	site := newPublisher(t)
	st := openLibrary(t)

	site.serveFile(t, "/healthy.xml", "gazette.xml", "application/rss+xml; charset=utf-8")
	site.serve("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	site.serve("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	})
	site.serve("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel>`))
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the rest never comes
	})
	bomb := bytes.Repeat(gzipMember(t), 20) // 20 MB of zeros in 20 KB
	site.serve("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	hugeSent := make(chan int64, 10) // what each request for it was sent
	site.serve("/huge.xml", func(w http.ResponseWriter, r *http.Request) {
		var sent int64
		defer func() { hugeSent <- sent }()
		w.Header().Set("Content-Type", "application/rss+xml")
		chunk := bytes.Repeat([]byte("<item><title>more</title></item>\n"), 2048)
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel>`))
		for sent < 100<<20 {
			n, err := w.Write(chunk)
			sent += int64(n)
			if err != nil {
				return
			}
		}
	})
	latin1 := bytes.Replace(feedFixture(t, "summaries.xml"), []byte("Mill reopens as a bakery"), []byte("Caf\xe9 opens in the old mill"), 1)
	latin1 = bytes.ReplaceAll(latin1, []byte("/stories/"), []byte("/latin1/")) // pages of its own, which 404: summaries kept
	site.serveBytes("/latin1.xml", latin1, "application/rss+xml")
	site.serveBytes("/becomes-page.xml", atHome(t, "rss20-podcast.xml", site.URL), "application/rss+xml")
	site.serveBytes("/becomes-500.xml", atHome(t, "atom-newspaper.xml", site.URL), "application/atom+xml")

	ids := map[string]int64{}
	for _, path := range []string{"/healthy.xml", "/loop/a", "/slow.xml", "/bomb.xml", "/huge.xml", "/latin1.xml", "/becomes-page.xml", "/becomes-500.xml"} {
		ids[path] = follow(t, st, site.URL+path)
	}
	fetcher := testFetcher()
	// Long enough for /huge.xml to send its first 10 MB on a loaded machine
	// (at 500 ms it timed out there instead of being refused as too large),
	// short enough that /slow.xml does not hold up the suite.
	fetcher.Timeout = 2 * time.Second
	opts := RefreshOptions{Fetcher: fetcher}

	start := time.Now()
	first := refresh(t, st, opts)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the first refresh took %v", took)
	}
	if len(first) != len(ids) {
		t.Fatalf("%d results for %d feeds", len(first), len(ids))
	}
	select {
	case n := <-hugeSent:
		if n >= 100<<20 {
			t.Errorf("the whole 100 MB feed was downloaded")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the 100 MB feed was still being sent 5 s after the refresh")
	}

	wantErr := map[string]struct {
		msg  string
		kind error
	}{
		"/loop/a":   {"too many redirects", feed.ErrTooManyRedirects},
		"/slow.xml": {"timed out after 2s", feed.ErrTimeout},
		"/bomb.xml": {"larger than 10 MB", feed.ErrTooLarge},
		"/huge.xml": {"larger than 10 MB", feed.ErrTooLarge},
	}
	for path, want := range wantErr {
		r := first[site.URL+path]
		if !errors.Is(r.Err, want.kind) || r.New != 0 {
			t.Errorf("%s: error %v, %d new; want %v", path, r.Err, r.New, want.kind)
		}
		if got := lastError(t, st, ids[path]); got != want.msg {
			t.Errorf("%s: LastError %q, want %q", path, got, want.msg)
		}
	}
	for _, path := range []string{"/healthy.xml", "/latin1.xml", "/becomes-page.xml", "/becomes-500.xml"} {
		r := first[site.URL+path]
		if r.Err != nil || r.New == 0 {
			t.Errorf("%s: error %v, %d new; want it loaded", path, r.Err, r.New)
		}
		if got := lastError(t, st, ids[path]); got != "" {
			t.Errorf("%s: LastError %q after a good refresh", path, got)
		}
	}

	healthy := feedArticles(t, st, ids["/healthy.xml"])
	if len(healthy) != 3 || first[site.URL+"/healthy.xml"].New != 3 {
		t.Fatalf("healthy feed: %d articles listed, %d new; want 3", len(healthy), first[site.URL+"/healthy.xml"].New)
	}
	lifeboat := byGUID(healthy)["gazette-2001"]
	if lifeboat == nil || lifeboat.Title != "Lifeboat crew rescue four from drifting yacht" ||
		lifeboat.Source != "The Porthallow Gazette" || lifeboat.Author != "Kerenza Vosper" ||
		lifeboat.URL != site.URL+"/news/lifeboat-rescue" || !strings.Contains(lifeboat.Body, "said Alan Pengelly, the coxswain") {
		t.Errorf("healthy feed's article: %+v", lifeboat)
	}
	f, err := st.Feed(ctx, ids["/healthy.xml"])
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "The Porthallow Gazette" || f.ETag == "" || f.LastModified == "" || f.LastRefresh.IsZero() || f.Articles != 3 {
		t.Errorf("healthy feed after refresh: %+v", f)
	}

	latin := byGUID(feedArticles(t, st, ids["/latin1.xml"]))
	if a := latin["valley-501"]; a == nil || a.Title != "Café opens in the old mill" {
		t.Errorf("feed with invalid UTF-8: %+v", a)
	}
	if r := first[site.URL+"/latin1.xml"]; r.PagesFailed != 3 || r.New != 3 {
		t.Errorf("feed with invalid UTF-8: %d new, %d pages failed; want 3 and 3 (its pages 404)", r.New, r.PagesFailed)
	}

	// The reader stars one article and notes another, then the two feeds
	// go bad.
	podcast := feedArticles(t, st, ids["/becomes-page.xml"])
	ledger := feedArticles(t, st, ids["/becomes-500.xml"])
	if len(podcast) != 2 || len(ledger) != 3 {
		t.Fatalf("%d podcast and %d ledger articles, want 2 and 3", len(podcast), len(ledger))
	}
	starred, noted := podcast[0], ledger[1]
	if err := st.SetStarred(ctx, starred.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddNote(ctx, noted.ID, "Ask the yard about apprentices."); err != nil {
		t.Fatal(err)
	}
	site.serveFile(t, "/becomes-page.xml", "moved-blog.html", "text/html; charset=utf-8")
	site.serve("/becomes-500.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream database is down", http.StatusInternalServerError)
	})

	second := refresh(t, st, opts)
	for path, want := range map[string]string{
		"/becomes-page.xml": "not an RSS, Atom or JSON feed: the server sent a web page",
		"/becomes-500.xml":  "HTTP 500 Internal Server Error",
	} {
		if r := second[site.URL+path]; r.Err == nil || r.Err.Error() != want {
			t.Errorf("%s: error %v, want %q", path, r.Err, want)
		}
		if got := lastError(t, st, ids[path]); got != want {
			t.Errorf("%s: LastError %q, want %q", path, got, want)
		}
	}
	if !errors.Is(second[site.URL+"/becomes-page.xml"].Err, feed.ErrWebPage) {
		t.Errorf("feed turned page: %v, want feed.ErrWebPage", second[site.URL+"/becomes-page.xml"].Err)
	}
	var he *feed.HTTPError
	if !errors.As(second[site.URL+"/becomes-500.xml"].Err, &he) || he.Status != 500 {
		t.Errorf("HTTP 500: %v, want an *feed.HTTPError", second[site.URL+"/becomes-500.xml"].Err)
	}
	if r := second[site.URL+"/healthy.xml"]; !r.NotModified || r.Err != nil {
		t.Errorf("healthy feed on the second refresh: %+v, want not modified", r)
	}

	// What was there is still there, with the reader's marks.
	for path, before := range map[string][]*news.Article{"/becomes-page.xml": podcast, "/becomes-500.xml": ledger, "/healthy.xml": healthy} {
		after := byGUID(feedArticles(t, st, ids[path]))
		if len(after) != len(before) {
			t.Errorf("%s: %d articles after the failure, %d before", path, len(after), len(before))
		}
		for _, b := range before {
			a := after[b.GUID]
			if a == nil || a.ID != b.ID || a.Body != b.Body || a.Title != b.Title {
				t.Errorf("%s: article %q changed or went: %+v", path, b.Title, a)
			}
		}
	}
	if a, err := st.Article(ctx, starred.ID); err != nil || !a.Starred {
		t.Errorf("the starred article after its feed failed: %+v, %v", a, err)
	}
	if a, err := st.Article(ctx, noted.ID); err != nil || len(a.Notes) != 1 || a.Notes[0].Text != "Ask the yard about apprentices." {
		t.Errorf("the noted article after its feed failed: %+v, %v", a, err)
	}

	// The server mends; the error goes.
	site.serveBytes("/becomes-500.xml", atHome(t, "atom-newspaper.xml", site.URL), "application/atom+xml")
	third := refresh(t, st, RefreshOptions{Fetcher: fetcher, FeedIDs: []int64{ids["/becomes-500.xml"]}})
	if r := third[site.URL+"/becomes-500.xml"]; r.Err != nil || r.New != 0 || len(third) != 1 {
		t.Errorf("mended feed: %+v (%d results)", r, len(third))
	}
	if got := lastError(t, st, ids["/becomes-500.xml"]); got != "" {
		t.Errorf("LastError %q after the feed mended", got)
	}
	if a, err := st.Article(ctx, noted.ID); err != nil || len(a.Notes) != 1 {
		t.Errorf("the noted article after its feed came back: %+v, %v", a, err)
	}
}

// TestRefreshCutsOffA100MBFeedQuickly: the real 10 MB cap, against a feed
// streamed without a declared length.
func TestRefreshCutsOffA100MBFeedQuickly(t *testing.T) {
	site := newPublisher(t)
	var sent atomic.Int64
	site.serve("/everything.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		chunk := bytes.Repeat([]byte("<item><title>x</title><description>padding padding padding</description></item>\n"), 1024)
		for sent.Load() < 100<<20 {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	st := openLibrary(t)
	id := follow(t, st, site.URL+"/everything.xml")

	start := time.Now()
	res := refresh(t, st, RefreshOptions{Fetcher: feed.NewFetcher()}) // the default limits
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("refused after %v", took)
	}
	if r := res[site.URL+"/everything.xml"]; !errors.Is(r.Err, feed.ErrTooLarge) {
		t.Fatalf("error %v, want feed.ErrTooLarge", r.Err)
	}
	if got := lastError(t, st, id); got != "larger than 10 MB" {
		t.Errorf("LastError %q", got)
	}
	if n := sent.Load(); n >= 100<<20 {
		t.Errorf("all %d MB were sent", n>>20)
	}
}

func TestRefreshNothingNewFetchesNothing(t *testing.T) {
	site := newPublisher(t)
	site.serveFile(t, "/gazette.xml", "gazette.xml", "application/rss+xml")
	site.serveFile(t, "/wire.xml", "summaries.xml", "application/rss+xml")
	site.serveFile(t, "/stories/mill-bakery", "page-mill-bakery.html", "text/html; charset=utf-8")
	st := openLibrary(t)
	gazette := follow(t, st, site.URL+"/gazette.xml")
	follow(t, st, site.URL+"/wire.xml")

	first := refresh(t, st, RefreshOptions{})
	if r := first[site.URL+"/gazette.xml"]; r.New != 3 || r.NotModified {
		t.Fatalf("first refresh: %+v", r)
	}
	if h := site.lastRequest("/gazette.xml"); h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
		t.Errorf("the first fetch was conditional: %v", h)
	}
	pages := site.count("/stories/mill-bakery")
	f, _ := st.Feed(context.Background(), gazette)

	second := refresh(t, st, RefreshOptions{})
	for url, r := range second {
		if !r.NotModified || r.New != 0 || r.Updated != 0 || r.Err != nil {
			t.Errorf("%s on the second refresh: %+v, want not modified", url, r)
		}
	}
	h := site.lastRequest("/gazette.xml")
	if h.Get("If-None-Match") != f.ETag || h.Get("If-Modified-Since") != f.LastModified || f.ETag == "" {
		t.Errorf("second fetch sent If-None-Match %q, If-Modified-Since %q; the feed has %q and %q",
			h.Get("If-None-Match"), h.Get("If-Modified-Since"), f.ETag, f.LastModified)
	}
	if site.count("/stories/mill-bakery") != pages {
		t.Error("a page was fetched again for a feed that had not changed")
	}
	if n := len(feedArticles(t, st, gazette)); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	if after, _ := st.Feed(context.Background(), gazette); after.ETag != f.ETag || after.LastModified != f.LastModified || after.LastError != "" {
		t.Errorf("validators after a 304: %q %q %q, want %q %q", after.ETag, after.LastModified, after.LastError, f.ETag, f.LastModified)
	}
}

func TestRefreshUpdatesChangedItemsWithoutDuplicates(t *testing.T) {
	ctx := context.Background()
	site := newPublisher(t)
	site.serveFile(t, "/gazette.xml", "gazette.xml", "application/rss+xml")
	st := openLibrary(t)
	id := follow(t, st, site.URL+"/gazette.xml")

	refresh(t, st, RefreshOptions{})
	before := byGUID(feedArticles(t, st, id))
	dues := before["gazette-2002"]
	if dues == nil {
		t.Fatal("gazette-2002 was not saved")
	}
	if err := st.SetStarred(ctx, dues.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRead(ctx, dues.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddNote(ctx, dues.ID, "Compare with Coverack's dues."); err != nil {
		t.Fatal(err)
	}

	// The publisher corrects one story and adds another.
	site.serveFile(t, "/gazette.xml", "gazette-corrected.xml", "application/rss+xml")
	res := refresh(t, st, RefreshOptions{})[site.URL+"/gazette.xml"]
	if res.New != 1 || res.Updated != 1 || res.Err != nil {
		t.Errorf("refresh of the corrected feed: %d new, %d updated, %v; want 1 and 1", res.New, res.Updated, res.Err)
	}
	after := feedArticles(t, st, id)
	if len(after) != 4 {
		t.Fatalf("%d articles, want 4: the three and the new one, no copies", len(after))
	}
	got := byGUID(after)["gazette-2002"]
	if got.ID != dues.ID {
		t.Errorf("the corrected story has ID %d, was %d", got.ID, dues.ID)
	}
	if got.Title != "Harbour dues to rise by a fifth (corrected)" || !strings.Contains(got.Body, "the sea wall must be repaired") {
		t.Errorf("the correction was not saved: %q\n%s", got.Title, got.Body)
	}
	if !got.Starred || !got.Read || len(got.Notes) != 1 || got.Notes[0].Text != "Compare with Coverack's dues." {
		t.Errorf("marks after the correction: starred %v, read %v, notes %v", got.Starred, got.Read, got.Notes)
	}
	for _, guid := range []string{"gazette-2001", "gazette-2003"} {
		if a := byGUID(after)[guid]; a.ID != before[guid].ID || a.Body != before[guid].Body {
			t.Errorf("%s changed though its item did not", guid)
		}
	}

	// The same corrected feed again, fetched in full: nothing changes.
	site.serve("/gazette.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write(feedFixture(t, "gazette-corrected.xml"))
	})
	res = refresh(t, st, RefreshOptions{})[site.URL+"/gazette.xml"]
	if res.New != 0 || res.Updated != 0 || res.NotModified {
		t.Errorf("refetching the same items: %+v, want nothing new or updated", res)
	}
	if n := len(feedArticles(t, st, id)); n != 4 {
		t.Errorf("%d articles after fetching the same feed again, want 4", n)
	}
}

func TestRefreshCapturesPagesOfSummaryOnlyFeeds(t *testing.T) {
	site := newPublisher(t)
	// Served without validators, so every refresh fetches the feed in full.
	site.serve("/wire.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feedFixture(t, "summaries.xml"))
	})
	site.serveFile(t, "/stories/mill-bakery", "page-mill-bakery.html", "text/html; charset=utf-8")
	site.serveFile(t, "/stories/flood-defences", "page-flood-defences.html", "text/html")
	// /stories/withdrawn is a 404.
	st := openLibrary(t)
	id := follow(t, st, site.URL+"/wire.xml")

	res := refresh(t, st, RefreshOptions{})[site.URL+"/wire.xml"]
	if res.New != 3 || res.PagesFailed != 1 || res.Err != nil {
		t.Errorf("first refresh: %d new, %d pages failed, %v; want 3, 1", res.New, res.PagesFailed, res.Err)
	}
	arts := byGUID(feedArticles(t, st, id))
	mill := arts["valley-501"]
	if mill == nil || !strings.Contains(mill.Body, "It turned on the first morning we opened the sluice.") || mill.Words < feed.SummaryWords {
		t.Fatalf("the mill story's page was not captured: %+v", mill)
	}
	if strings.Contains(mill.Body, "Most read") || strings.Contains(mill.Body, "Subscribe") {
		t.Errorf("the page's furniture came with the story:\n%s", mill.Body)
	}
	if mill.Author != "Hedra Blewett" || mill.Title != "Mill reopens as a bakery" || mill.URL != site.URL+"/stories/mill-bakery" {
		t.Errorf("mill story: title %q, author %q, URL %q", mill.Title, mill.Author, mill.URL)
	}
	if flood := arts["valley-502"]; flood == nil || !strings.Contains(flood.Body, "This year I might put the sandbags away.") ||
		strings.Contains(flood.Body, "cookies") || strings.Contains(flood.Body, "analytics") {
		t.Errorf("the flood story's page: %+v", flood)
	}
	withdrawn := arts["valley-503"]
	if withdrawn == nil || withdrawn.Body != "This week's parish council meeting has been moved to Thursday." {
		t.Errorf("an item whose page 404s should keep its summary: %+v", withdrawn)
	}

	pages := []string{"/stories/mill-bakery", "/stories/flood-defences", "/stories/withdrawn"}
	for _, p := range pages {
		if n := site.count(p); n != 1 {
			t.Errorf("%s fetched %d times on the first refresh", p, n)
		}
	}
	res = refresh(t, st, RefreshOptions{})[site.URL+"/wire.xml"]
	if res.New != 0 || res.Updated != 0 || res.PagesFailed != 0 || res.Err != nil {
		t.Errorf("second refresh: %+v, want nothing new", res)
	}
	for _, p := range pages {
		if n := site.count(p); n != 1 {
			t.Errorf("%s fetched again on the second refresh (%d times in all)", p, n)
		}
	}
	again := byGUID(feedArticles(t, st, id))
	if again["valley-501"].Body != mill.Body {
		t.Errorf("the captured page was replaced by the feed's summary:\n%s", again["valley-501"].Body)
	}
	if len(again) != 3 {
		t.Errorf("%d articles, want 3", len(again))
	}
}

func TestRefreshThenFinishMakesArticlesSearchable(t *testing.T) {
	ctx := context.Background()
	site := newPublisher(t)
	site.serveFile(t, "/gazette.xml", "gazette.xml", "application/rss+xml")
	site.serveFile(t, "/wire.xml", "summaries.xml", "application/rss+xml")
	site.serveFile(t, "/stories/mill-bakery", "page-mill-bakery.html", "text/html")
	st := openLibrary(t)
	follow(t, st, site.URL+"/gazette.xml")
	follow(t, st, site.URL+"/wire.xml")

	refresh(t, st, RefreshOptions{})
	if n, err := st.Unfinished(ctx, extract.Version); err != nil || n != 6 {
		t.Errorf("Unfinished after Refresh: %d, %v; want all 6 articles", n, err)
	}
	find := func(q string) []string {
		t.Helper()
		query, err := news.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := st.List(ctx, query, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range arts {
			titles = append(titles, a.Title)
		}
		return titles
	}
	if got := find(""); len(got) != 6 {
		t.Errorf("%d articles listed before Finish, want 6: %q", len(got), got)
	}

	var calls int
	n, err := Finish(ctx, st, func(done, total int) {
		calls++
		if done > total || total != 6 {
			t.Errorf("progress %d of %d", done, total)
		}
	})
	if err != nil || n != 6 || calls == 0 {
		t.Fatalf("Finish: %d done, %v, %d progress calls", n, err, calls)
	}
	if n, err := st.Unfinished(ctx, extract.Version); err != nil || n != 0 {
		t.Errorf("Unfinished after Finish: %d, %v", n, err)
	}
	for q, want := range map[string]string{
		`person:"Alan Pengelly"`:    "Lifeboat crew rescue four from drifting yacht",
		`person:"Morwenna Tregear"`: "Harbour dues to rise by a fifth",
		`person:"Loveday Penhale"`:  "Mill reopens as a bakery", // from the captured page
		`coxswain`:                  "Lifeboat crew rescue four from drifting yacht",
		`sluice`:                    "Mill reopens as a bakery",
		`place:Porthallow`:          "Harbour dues to rise by a fifth",
	} {
		got := find(q)
		if !slices.Contains(got, want) {
			t.Errorf("%s finds %q, want %q among them", q, got, want)
		}
	}
	if n, err := Finish(ctx, st, nil); err != nil || n != 0 {
		t.Errorf("a second Finish did %d, %v; want nothing to do", n, err)
	}
}
