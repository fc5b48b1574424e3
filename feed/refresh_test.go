package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

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
