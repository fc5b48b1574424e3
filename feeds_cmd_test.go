package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// gazette is a small news site written for these tests: a home page that
// names its feed, the feed, and one item that grows a correction.
type gazette struct {
	srv       *httptest.Server
	corrected atomic.Bool
	broken    atomic.Bool // the feed address serves an error page
}

const gazetteItem = `<item><title>%s</title><link>/news/%s</link><guid>%s</guid><pubDate>Tue, 24 Nov 2026 09:00:00 +0000</pubDate><description>%s</description></item>`

func newGazette(t *testing.T) *gazette {
	g := &gazette{}
	g.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<!doctype html><html><head><title>Kestrel Bay Gazette</title>
<link rel="alternate" type="application/rss+xml" href="/feeds/news.xml"></head><body>News</body></html>`)
		case "/feeds/news.xml":
			if g.broken.Load() {
				http.Error(w, "gone fishing", http.StatusInternalServerError)
				return
			}
			etag := `"v1"`
			if g.corrected.Load() {
				etag = `"v2"`
			}
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-2")
			wall := "Councillors in Kestrel Bay voted on Monday to spend four million pounds on a new sea wall along the Esplanade. " +
				`"This is the most important thing we will do this year," said the council leader, Priya Natarajan. ` +
				strings.Repeat("Work is due to start in March and to finish before the winter. ", 10)
			if g.corrected.Load() {
				wall += "Correction: an earlier version of this story gave the wrong month."
			}
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Kestrel Bay Gazette</title><link>`+g.srv.URL+`/</link>`)
			fmt.Fprintf(w, gazetteItem, "Council funds a new sea wall", "sea-wall", "kbg-1", "&lt;p&gt;"+wall+"&lt;/p&gt;")
			fmt.Fprintf(w, gazetteItem, "Lifeboat crew rescue two kayakers", "lifeboat", "kbg-2",
				"&lt;p&gt;Two kayakers were rescued off Penrith Point on Monday, the lifeboat station said. "+
					strings.Repeat("The crew reached them within twenty minutes and both were unhurt. ", 10)+"&lt;/p&gt;")
			fmt.Fprint(w, `</channel></rss>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(g.srv.Close)
	return g
}

type listedFeed struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Articles  int    `json:"articles"`
	Unread    int    `json:"unread"`
	LastError string `json:"last_error"`
}

func feedsJSON(t *testing.T, lib string) []listedFeed {
	t.Helper()
	var feeds []listedFeed
	out := mustRun(t, "--library", lib, "feeds", "--json")
	if err := json.Unmarshal([]byte(out), &feeds); err != nil {
		t.Fatalf("feeds --json printed %q: %v", out, err)
	}
	return feeds
}

func TestSubscribeRefreshAndFeeds(t *testing.T) {
	g := newGazette(t)
	lib := filepath.Join(t.TempDir(), "library.db")

	// The site's home page is enough: its feed is found.
	out := mustRun(t, "--library", lib, "subscribe", g.srv.URL+"/")
	if !strings.Contains(out, "following 1  Kestrel Bay Gazette") || !strings.Contains(out, "2 articles") {
		t.Fatalf("subscribe printed %q", out)
	}
	feeds := feedsJSON(t, lib)
	if len(feeds) != 1 || feeds[0].URL != g.srv.URL+"/feeds/news.xml" || feeds[0].Articles != 2 || feeds[0].Unread != 2 {
		t.Fatalf("feeds = %+v", feeds)
	}
	// Articles went through extraction like any other.
	if got := listJSON(t, lib, "person:natarajan"); len(got) != 1 {
		t.Fatalf("person:natarajan found %d articles, want the sea wall story", len(got))
	}
	if _, errs, code := run(t, "", "--library", lib, "subscribe", g.srv.URL+"/feeds/news.xml"); code != 1 || !strings.Contains(errs, "already followed as feed 1") {
		t.Errorf("subscribing twice: exit %d, %q", code, errs)
	}

	// Nothing new: the server answers 304 and nothing changes.
	wall := listJSON(t, lib, "wall")[0]
	mustRun(t, "--library", lib, "star", fmt.Sprint(wall.ID))
	out = mustRun(t, "--library", lib, "refresh")
	if !strings.Contains(out, "not modified") || !strings.Contains(out, "0 new articles from 1 feed ") {
		t.Errorf("refresh with nothing new printed %q", out)
	}

	// A corrected item updates its article in place: same id, star kept.
	g.corrected.Store(true)
	out = mustRun(t, "--library", lib, "refresh")
	if !strings.Contains(out, "1 updated") {
		t.Errorf("refresh after a correction printed %q", out)
	}
	all := listJSON(t, lib)
	if len(all) != 2 {
		t.Fatalf("library holds %d articles after the correction, want 2", len(all))
	}
	if got := listJSON(t, lib, "correction"); len(got) != 1 || got[0].ID != wall.ID || !got[0].Starred {
		t.Errorf("corrected article = %+v, want id %d still starred", got, wall.ID)
	}

	// A feed that fails is reported, recorded, and costs nothing stored.
	g.broken.Store(true)
	stdout, stderr, code := run(t, "", "--library", lib, "refresh")
	if code != 1 {
		t.Errorf("refresh with its only feed failing: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "HTTP 500") {
		t.Errorf("refresh output does not name the failure: %q", stdout)
	}
	feeds = feedsJSON(t, lib)
	if feeds[0].LastError != "HTTP 500 Internal Server Error" || feeds[0].Articles != 2 {
		t.Errorf("after a failed refresh: %+v", feeds[0])
	}
	if text := mustRun(t, "--library", lib, "feeds"); !strings.Contains(text, "last error: HTTP 500") {
		t.Errorf("feeds does not show the last error:\n%s", text)
	}
}

func TestFeedsExportImportRemove(t *testing.T) {
	g := newGazette(t)
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	mustRun(t, "--library", lib, "subscribe", g.srv.URL+"/feeds/news.xml")

	opml := mustRun(t, "--library", lib, "feeds", "export")
	if !strings.Contains(opml, `xmlUrl="`+g.srv.URL+`/feeds/news.xml"`) || !strings.Contains(opml, `<opml version="2.0">`) {
		t.Fatalf("export printed:\n%s", opml)
	}
	file := filepath.Join(dir, "feeds.opml")
	writeFile(t, file, opml)

	other := filepath.Join(dir, "other.db")
	out := mustRun(t, "--library", other, "feeds", "import", file)
	if !strings.Contains(out, "following 1 new feeds") {
		t.Errorf("import printed %q", out)
	}
	if feeds := feedsJSON(t, other); len(feeds) != 1 || feeds[0].Articles != 2 {
		t.Errorf("imported library: %+v", feeds)
	}
	// Importing again follows nothing twice.
	if out := mustRun(t, "--library", other, "feeds", "import", file); !strings.Contains(out, "following 0 new feeds") {
		t.Errorf("second import printed %q", out)
	}

	if out := mustRun(t, "--library", other, "feeds", "full-text", "1", "on"); !strings.Contains(out, "full text on") {
		t.Errorf("full-text on printed %q", out)
	}
	if text := mustRun(t, "--library", other, "feeds"); !strings.Contains(text, "full text") {
		t.Errorf("feeds does not say the feed is full text:\n%s", text)
	}

	// Removing a feed keeps what the reader starred.
	starred := listJSON(t, other, "lifeboat")[0]
	mustRun(t, "--library", other, "star", fmt.Sprint(starred.ID))
	mustRun(t, "--library", other, "feeds", "remove", "1")
	if feeds := feedsJSON(t, other); len(feeds) != 0 {
		t.Errorf("feeds after remove: %+v", feeds)
	}
	if left := listJSON(t, other); len(left) != 1 || left[0].ID != starred.ID {
		t.Errorf("after removing the feed the library holds %+v, want only the starred article", left)
	}
	if _, errs, code := run(t, "", "--library", other, "feeds", "remove", "7"); code != 1 || !strings.Contains(errs, "feed 7") {
		t.Errorf("removing a missing feed: exit %d, %q", code, errs)
	}
}

func TestSubscribeErrorsAreOneLine(t *testing.T) {
	g := newGazette(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, tc := range []struct{ url, want string }{
		{g.srv.URL + "/missing.xml", "HTTP 404 Not Found"},
		{"ftp://example.org/feed", "only http and https"},
	} {
		_, errs, code := run(t, "", "--library", lib, "subscribe", tc.url)
		if code != 1 || !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("subscribe %s: exit %d, stderr %q; want one line with %q", tc.url, code, errs, tc.want)
		}
	}
	if feeds := feedsJSON(t, lib); len(feeds) != 0 {
		t.Errorf("a feed that failed was followed: %+v", feeds)
	}
}

func TestFeedsKeepExpiresAtRefresh(t *testing.T) {
	g := newGazette(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "subscribe", g.srv.URL+"/feeds/news.xml")

	if out := mustRun(t, "--library", lib, "feeds", "keep", "1"); !strings.Contains(out, "keeps every article (the default)") {
		t.Errorf("a new feed's rule: %q", out)
	}
	out := mustRun(t, "--library", lib, "feeds", "keep", "1", "--max-items", "1")
	if !strings.Contains(out, "1  Kestrel Bay Gazette: keeps the newest 1 article, and every starred, tagged or annotated one (its own rule)") {
		t.Errorf("feeds keep 1 --max-items 1 printed %q", out)
	}
	g.corrected.Store(true) // a new ETag: the feed is fetched in full
	if out := mustRun(t, "--library", lib, "refresh"); !strings.Contains(out, "1 expired") {
		t.Errorf("refresh printed %q, want the expired article counted", out)
	}
	left := listJSON(t, lib)
	if len(left) != 1 || feedsJSON(t, lib)[0].Articles != 1 {
		t.Fatalf("after max-items 1: %d articles", len(left))
	}

	// The library's default: a week. The gazette's stories are older, but
	// the one the reader starred stays.
	mustRun(t, "--library", lib, "star", fmt.Sprint(left[0].ID))
	if out := mustRun(t, "--library", lib, "feeds", "keep", "--days", "7"); !strings.Contains(out, "default: keeps none older than 7 days") {
		t.Errorf("feeds keep --days 7 printed %q", out)
	}
	if out := mustRun(t, "--library", lib, "feeds", "keep", "1", "--inherit"); !strings.Contains(out, "none older than 7 days, and every starred, tagged or annotated one (the default)") {
		t.Errorf("feeds keep 1 --inherit printed %q", out)
	}
	mustRun(t, "--library", lib, "refresh")
	if got := listJSON(t, lib); len(got) != 1 || !got[0].Starred {
		t.Errorf("after a 7-day default: %+v, want only the starred story", got)
	}

	for _, bad := range [][]string{{"feeds", "keep", "--inherit"}, {"feeds", "keep", "1", "--days", "-3"}, {"feeds", "keep", "9", "--days", "3"}} {
		_, errs, code := run(t, "", append([]string{"--library", lib}, bad...)...)
		if code == 0 || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("byline %s: exit %d, stderr %q; want one error line", strings.Join(bad, " "), code, errs)
		}
	}
}

// A feed that names its charset only in the Content-Type header reads the
// same when it is followed as on every refresh after: ISO-8859-2, which
// nothing would guess from the bytes.
func TestSubscribeReadsTheHeadersCharset(t *testing.T) {
	title := "Żółć na Wiśle" // written for this test
	body := "Mieszkańcy Gdańska mówią, że rzeka jest czysta."
	enc := func(s string) string {
		out, err := charmap.ISO8859_2.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>` + enc("Gazeta Łódzka") + `</title><link>/</link>` +
		fmt.Sprintf(gazetteItem, enc(title), "zolc", "zolc-1", enc(body)) + `</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-2")
		fmt.Fprint(w, doc)
	}))
	defer srv.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	if out := mustRun(t, "--library", lib, "subscribe", srv.URL+"/feed.xml"); !strings.Contains(out, "Gazeta Łódzka") {
		t.Errorf("subscribe printed %q, want the feed's title in its charset", out)
	}
	arts := listJSON(t, lib)
	if len(arts) != 1 || arts[0].Title != title {
		t.Fatalf("articles after subscribe: %+v, want %q", arts, title)
	}
}
