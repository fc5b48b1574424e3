package ingest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"byline/news"
	"byline/store"
)

func pipelineArticles(feedID int64, n int) []*news.Article {
	arts := make([]*news.Article, n)
	for i := range arts {
		arts[i] = &news.Article{
			FeedID: feedID,
			GUID:   fmt.Sprintf("item-%d", i),
			URL:    fmt.Sprintf("https://ledger.example/%d/%d", feedID, i),
			Title:  fmt.Sprintf("Ferry timetable %d changes", i),
			Body:   fmt.Sprintf(`"The crossings will run every hour," said Ingrid Solberg, the harbour master in Stavanger, on day %d.`, i),
		}
	}
	return arts
}

// TestPipelineSavesWholeArticlesInOrder: what a source puts comes out
// saved, in the order put, each batch told its ids; after Close every
// article can be found by its words and by the people in it; the same
// articles again change nothing and cost no extraction.
func TestPipelineSavesWholeArticlesInOrder(t *testing.T) {
	ctx := context.Background()
	st := openLibrary(t)
	f := news.Feed{URL: "https://ledger.example/feed"}
	if err := st.AddFeed(ctx, &f); err != nil {
		t.Fatal(err)
	}
	p := Start(ctx, st, Options{})
	var order []int
	var ids []int64
	for b := range 5 {
		arts := pipelineArticles(f.ID, 300)[b*60 : (b+1)*60]
		if err := p.Put(Batch{Articles: arts, Saved: func(res []store.SaveResult) error {
			order = append(order, b)
			for i, r := range res {
				if !r.New || r.ID != arts[i].ID {
					return fmt.Errorf("batch %d result %d: %+v for article %d", b, i, r, arts[i].ID)
				}
				ids = append(ids, r.ID)
			}
			return nil
		}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(order) != "[0 1 2 3 4]" || len(ids) != 300 {
		t.Fatalf("batches saved in order %v with %d ids; want 0 to 4 and 300", order, len(ids))
	}
	for _, q := range []string{"crossings", `person:"Ingrid Solberg"`, "place:Stavanger"} {
		query, _ := news.ParseQuery(q)
		n, _, err := st.Count(ctx, query)
		if err != nil || n != 300 {
			t.Errorf("%s finds %d (%v), want all 300", q, n, err)
		}
	}

	again := pipelineArticles(f.ID, 300)
	p = Start(ctx, st, Options{})
	changed := 0
	if err := p.Put(Batch{Articles: again, Saved: func(res []store.SaveResult) error {
		for _, r := range res {
			if r.New || r.Changed {
				changed++
			}
		}
		return nil
	}}); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if changed != 0 || again[0].EntitiesVersion != 0 {
		t.Errorf("the same 300 articles again: %d changed, extraction version %d; want nothing done", changed, again[0].EntitiesVersion)
	}
}

// TestPipelineStopsAtTheFirstError: a Saved callback's error stops the
// pipeline; Put and Close return it.
func TestPipelineStopsAtTheFirstError(t *testing.T) {
	ctx := context.Background()
	st := openLibrary(t)
	boom := errors.New("boom")
	p := Start(ctx, st, Options{})
	if err := p.Put(Batch{Articles: pipelineArticles(0, 3), Saved: func([]store.SaveResult) error { return boom }}); err != nil {
		t.Fatal(err)
	}
	var err error
	for deadline := time.Now().Add(10 * time.Second); err == nil && time.Now().Before(deadline); {
		err = p.Put(Batch{})
		time.Sleep(time.Millisecond)
	}
	if !errors.Is(err, boom) {
		t.Errorf("Put after the error: %v, want boom", err)
	}
	if err := p.Close(); !errors.Is(err, boom) {
		t.Errorf("Close: %v, want boom", err)
	}
}
