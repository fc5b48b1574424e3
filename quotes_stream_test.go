package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"byline/news"
	"byline/store"
)

// heapWatcher is standard output that keeps only a count of the quotes
// printed, and the live heap, after a collection, once half are out.
type heapWatcher struct {
	lines, at int
	heap      uint64
}

func (w *heapWatcher) Write(p []byte) (int, error) {
	before := w.lines
	w.lines += bytes.Count(p, []byte("\n"))
	if before < w.at && w.lines >= w.at {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.heap = m.HeapAlloc
	}
	return len(p), nil
}

// TestQuotesStream: byline quotes prints every quote of the library (a
// large one has hundreds of thousands) without holding them all; it held
// 174 MB for 222,000 quotes, and 417 MB for them as JSON.
func TestQuotesStream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a library of 24,000 quotes")
	}
	ctx := context.Background()
	lib := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(ctx, lib, store.ForBulkWrites())
	if err != nil {
		t.Fatal(err)
	}
	const stories, each = 1200, 20
	var arts []*news.Article
	for i := range stories {
		arts = append(arts, &news.Article{
			Title: fmt.Sprintf("Harbour story %d", i), URL: fmt.Sprintf("https://gazette.example/%d", i), Source: "Gazette",
			Body: fmt.Sprintf("The harbour master spoke on day %d.", i), Published: time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC),
		})
	}
	saved, err := st.SaveUnindexed(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	ents := map[int64]news.Entities{}
	for i, r := range saved {
		var e news.Entities
		for j := range each {
			e.Quotes = append(e.Quotes, news.Quote{Text: fmt.Sprintf("%d/%d %s", i, j, strings.Repeat("The tide will turn at the harbour wall. ", 12)), Speaker: "Ann Tidewell", Paragraph: j})
		}
		ents[r.ID] = e
	}
	if err := st.SetEntities(ctx, 1, ents); err != nil {
		t.Fatal(err)
	}
	st.Close()

	for _, args := range [][]string{{"quotes"}, {"quotes", "--json"}} {
		w := &heapWatcher{at: stories * each}
		cmd := newRootCommand(strings.NewReader(""), w, &bytes.Buffer{})
		cmd.SetArgs(append([]string{"--library", lib}, args...))
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if err := cmd.ExecuteContext(ctx); err != nil {
			t.Fatal(err)
		}
		if w.heap == 0 {
			t.Fatalf("%s printed %d lines, want at least %d", args, w.lines, w.at)
		}
		// The quotes' text alone is 12 MB.
		if grew := int64(w.heap) - int64(m.HeapAlloc); grew > 4<<20 {
			t.Errorf("%s held %d MB while printing", args, grew>>20)
		}
	}
}
