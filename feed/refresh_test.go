package feed

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"byline/news"
)

// largeFeed is an RSS feed of n items of about 1.5 KB of HTML each.
func largeFeed(feed, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Large %d</title><link>https://large.example/</link>`, feed)
	para := strings.Repeat("The harbour board met again on Tuesday to hear the engineers&#39; report on the sea wall. ", 4)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Sea wall report, part %d</title><link>https://large.example/%d/%d</link><guid>large-%d-%d</guid><description>`, i, feed, i, feed, i)
		for range 4 {
			b.WriteString("&lt;p&gt;" + para + "&lt;/p&gt;")
		}
		b.WriteString("</description></item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// liveHeap is the Go heap still in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// A refresh of a few large feeds holds about one of them in memory at a
// time, whatever the number fetched at once: the others wait with their
// answer unread, and the one being read comes in parts. Before, every
// feed fetched was read whole and waited, and each was handed over whole:
// the reader's r of 50,000 items peaked at 250-290 MB.
func TestFetchFeedsHoldsOneLargeFeedAtATime(t *testing.T) {
	const feeds, items = 4, 2000
	bodies := make([][]byte, feeds) // written as they are: the server holds no copy
	for i := range bodies {
		bodies[i] = []byte(largeFeed(i, items))
	}
	size := uint64(len(bodies[0]))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/%d.xml", &i)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(bodies[i])
	}))
	defer srv.Close()
	list := make([]news.Feed, feeds)
	for i := range list {
		list[i] = news.Feed{ID: int64(i + 1), URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)}
	}
	base := liveHeap()
	var peak uint64
	got := make([]int, feeds)
	parts := 0
	err := FetchFeeds(context.Background(), list, FetchOptions{Reading: 1}, func(i int, f Fetched) error {
		if f.Err != nil {
			return f.Err
		}
		if len(f.Items) > PartItems {
			t.Errorf("feed %d handed over %d items at once, want at most %d", i, len(f.Items), PartItems)
		}
		got[i] += len(f.Items)
		parts++
		peak = max(peak, liveHeap())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range got {
		if n != items {
			t.Errorf("feed %d: %d items, want %d", i, n, items)
		}
	}
	held := peak - min(peak, base)
	t.Logf("%d parts; at most %.1f MB held beyond the feeds served, each %.1f MB of XML", parts, float64(held)/(1<<20), float64(size)/(1<<20))
	// One feed's gofeed tree (a little more than its XML), the part
	// being handed over and the next being made: about two feeds' worth.
	if held > 3*size {
		t.Errorf("%.1f MB held while the feeds were handed over: more than three feeds' worth (%.1f MB each)", float64(held)/(1<<20), float64(size)/(1<<20))
	}
}

// Feeds of summaries have their pages captured at the same time, even
// when only one feed is read at a time: a feed gives back its reading
// slot once its items are articles, before it waits on their pages.
func TestFetchFeedsCapturesPagesOfSummaryFeedsTogether(t *testing.T) {
	const feeds, items = 3, 6
	var mu sync.Mutex
	active := map[int]int{} // feed -> its pages being served
	most := 0
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var f, n int
		if _, err := fmt.Sscanf(r.URL.Path, "/page/%d/%d", &f, &n); err == nil {
			mu.Lock()
			active[f]++
			most = max(most, len(active))
			mu.Unlock()
			time.Sleep(150 * time.Millisecond)
			mu.Lock()
			if active[f]--; active[f] == 0 {
				delete(active, f)
			}
			mu.Unlock()
			fmt.Fprintf(w, "<html><body><article><h1>Story %d</h1><p>The ferry ran late again.</p></article></body></html>", n)
			return
		}
		fmt.Sscanf(r.URL.Path, "/%d.xml", &f)
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries %d</title><link>%s/</link>`, f, srv.URL)
		for i := range items {
			fmt.Fprintf(&b, `<item><title>Ferry late, day %d</title><link>%s/page/%d/%d</link><description>The ferry ran late.</description></item>`, i, srv.URL, f, i)
		}
		b.WriteString("</channel></rss>")
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, b.String())
	}))
	defer srv.Close()
	list := make([]news.Feed, feeds)
	for i := range list {
		list[i] = news.Feed{ID: int64(i + 1), URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)}
	}
	fetcher := NewFetcher()
	fetcher.PerHost = 4
	err := FetchFeeds(context.Background(), list, FetchOptions{Fetcher: fetcher, Reading: 1}, func(i int, f Fetched) error { return f.Err })
	if err != nil {
		t.Fatal(err)
	}
	if most < 2 {
		t.Errorf("the pages of at most %d feed were fetched at a time, want the feeds' pages fetched together", most)
	}
}

// Only a large body waits for room to be read: most feeds are small, and
// one feed read at a time (the reader's r) must not make a refresh of a
// hundred small feeds read them one after another.
func TestOnlyALargeFeedWaitsToBeRead(t *testing.T) {
	small := []byte(largeFeed(0, 10))
	large := []byte(largeFeed(1, 400))
	if len(small) > smallBody || len(large) <= smallBody {
		t.Fatalf("feeds of %d and %d bytes", len(small), len(large))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := small
		if strings.Contains(r.URL.Path, "large") {
			body = large
		}
		if r.URL.Query().Has("length") {
			w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		}
		for rest := body; len(rest) > 0; rest = rest[min(len(rest), 4096):] {
			w.Write(rest[:min(len(rest), 4096)])
		}
	}))
	defer srv.Close()
	f := NewFetcher()
	for _, path := range []string{"/small", "/small?length", "/large", "/large?length"} {
		waited := 0
		resp, err := f.fetch(context.Background(), srv.URL+path, request{accept: feedAccept, beforeBody: func(context.Context) error {
			waited++
			return nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		want, wantWaits := small, 0
		if strings.HasPrefix(path, "/large") {
			want, wantWaits = large, 1
		}
		if !bytes.Equal(resp.Body, want) {
			t.Errorf("%s: %d bytes read, want %d", path, len(resp.Body), len(want))
		}
		if waited != wantWaits {
			t.Errorf("%s: waited %d times for room, want %d", path, waited, wantWaits)
		}
	}
}
