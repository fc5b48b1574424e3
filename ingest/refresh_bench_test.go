package ingest

import (
	"context"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/extract"
	"byline/news"
	"byline/store"
)

// Sentences for synthetic news items, written for these benchmarks; names
// and places vary so extraction does real work.
var benchSentences = []string{
	`%s told reporters in %s that the plan would be published next week.`,
	`"We will not be rushed into a decision that affects every family in %[2]s," said %[1]s.`,
	`The council in %[2]s voted by nine votes to four to delay the scheme, according to %[1]s.`,
	`Officials said the cost had risen by a third since the first estimate was made in the spring.`,
	`%s, who chairs the committee, said the figures had been checked twice by independent auditors.`,
	`Residents of %[2]s have complained for years about the state of the roads and the lack of buses.`,
	`"It is a good day for %[2]s and a better one for the people who live there," %[1]s added.`,
	`The minister is expected to visit %[2]s on Thursday, her office said in a statement.`,
	`Shares in the company fell by four per cent after the announcement, before recovering later in the day.`,
	`%s said the talks had been "constructive" but that several questions remained unanswered.`,
}

var benchPeople = []string{"Maria Lindqvist", "Tomas Okafor", "Helen Marsh", "Arjun Mehta", "Claire Dubois", "Owen Pritchard", "Yuki Tanaka", "Samuel Achebe"}
var benchPlaces = []string{"Leeds", "Cardiff", "Glasgow", "Belfast", "Bristol", "Norwich", "Aberdeen", "Plymouth"}

// benchFeeds serves n feeds of items items each from loopback, each item
// about 400 words of HTML paragraphs, and answers conditional requests
// with 304 as a real server would.
func benchFeeds(tb testing.TB, n, items int) *httptest.Server {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	feeds := make([][]byte, n)
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	k := 0
	for f := range feeds {
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed %d</title><link>http://bench.example/%d/</link><description>bench</description>`, f, f)
		for range items {
			var body strings.Builder
			for range 8 {
				body.WriteString("<p>")
				for range 3 {
					s := benchSentences[rng.IntN(len(benchSentences))]
					if strings.Contains(s, "%") {
						s = fmt.Sprintf(s, benchPeople[rng.IntN(len(benchPeople))], benchPlaces[rng.IntN(len(benchPlaces))])
					}
					body.WriteString(html.EscapeString(s) + " ")
				}
				body.WriteString("</p>")
			}
			fmt.Fprintf(&b, `<item><title>Council delays scheme, story %d</title><link>http://bench.example/a/%d</link><guid isPermaLink="false">bench-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
				k, k, k, now.Add(-time.Duration(k)*time.Minute).Format(time.RFC1123Z), html.EscapeString(body.String()))
			k++
		}
		b.WriteString("</channel></rss>")
		feeds[f] = []byte(b.String())
	}
	modified := now.Format(http.TimeFormat)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed-%d.xml", &i); err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Last-Modified", modified)
		w.Write(feeds[i])
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func subscribeAll(tb testing.TB, st *store.Store, srv *httptest.Server, n int) {
	tb.Helper()
	for i := range n {
		if err := st.AddFeed(context.Background(), &news.Feed{URL: fmt.Sprintf("%s/feed-%d.xml", srv.URL, i)}); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkRefresh: 200 feeds of 50 items into an empty library, as byline
// refresh runs it. first-s is when the first feed's articles are listed,
// whole-s when every article is saved with its people, places and quotes
// and searchable.
func BenchmarkRefresh(b *testing.B) {
	const feeds, items = 200, 50
	srv := benchFeeds(b, feeds, items)
	benchRefresh(b, srv, feeds, feeds*items)
}

// benchRefresh refreshes srv's feeds (/feed-N.xml) into a new library b.N
// times, checks that want articles arrived whole, and reports the times.
func benchRefresh(b *testing.B, srv *httptest.Server, feeds, want int) {
	ctx := context.Background()
	var first, whole time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "lib.db"), store.ForBulkWrites()) // as byline refresh opens it
		if err != nil {
			b.Fatal(err)
		}
		subscribeAll(b, st, srv, feeds)
		b.StartTimer()
		start := time.Now()
		var firstAt time.Duration
		p := Start(ctx, st, Options{})
		res, err := Refresh(ctx, st, p, RefreshOptions{Progress: func(done, total int, r FeedResult) {
			if firstAt == 0 && r.New > 0 {
				firstAt = time.Since(start)
			}
		}})
		if cerr := p.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
		whole += time.Since(start)
		first += firstAt
		b.StopTimer()
		total := 0
		for _, r := range res {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			total += r.New
		}
		if total != want {
			b.Fatalf("%d new articles, want %d", total, want)
		}
		if n, err := st.Unsearchable(ctx, news.Query{Terms: []news.Term{{Value: "x"}, {Field: news.FieldPerson, Value: "x"}}}, extract.Version); err != nil || n != 0 {
			b.Fatalf("%d articles not yet searchable after the refresh (%v)", n, err)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "first-s")
	b.ReportMetric(whole.Seconds()/float64(b.N), "whole-s")
}

// BenchmarkRefreshNothingNew: the same feeds again, every one answering
// 304.
func BenchmarkRefreshNothingNew(b *testing.B) {
	const feeds, items = 200, 50
	srv := benchFeeds(b, feeds, items)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "lib.db"), store.ForBulkWrites()) // as byline refresh opens it
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	subscribeAll(b, st, srv, feeds)
	if _, err := refreshOnly(ctx, st, RefreshOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := refreshOnly(ctx, st, RefreshOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if !r.NotModified {
				b.Fatalf("feed %s was fetched again: %+v", r.Feed.URL, r)
			}
		}
	}
}

// BenchmarkRefreshBBC runs ../shared/bench's 20 feeds of 2,500 items each
// (50,000 BBC stories, served from loopback) through the pipeline in this
// process, for profiles (-cpuprofile, -memprofile) and the time to the
// first feed listed. The reference figures, beside newsboat's, are the
// root package's BenchmarkVsNewsboat, which runs the built byline as a
// user does and also measures peak memory and the library file. It needs
// ../shared and python3.
func BenchmarkRefreshBBC(b *testing.B) {
	gen, _ := filepath.Abs("../../shared/bench/gen_feeds.py")
	corpus, _ := filepath.Abs("../../shared/corpus/bbc")
	if _, err := os.Stat(gen); err != nil {
		b.Skip("../shared/bench is not here")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		b.Skip("python3 is not installed")
	}
	dir := b.TempDir()
	// The port in the generated links is never dialled: items carry
	// their whole text.
	if out, err := exec.Command("python3", gen, corpus, dir, "20", "2500", "9").CombinedOutput(); err != nil {
		b.Fatalf("gen_feeds.py: %v\n%s", err, out)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	benchRefresh(b, srv, 20, 50000)
}
