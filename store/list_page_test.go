package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"byline/news"
)

// TestListPagesAreSlicesOfTheWholeList: a page from anywhere in the list,
// filtered or not, holds the articles the whole list has there, in order.
func TestListPagesAreSlicesOfTheWholeList(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	start := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var arts []*news.Article
	for i := range 120 {
		arts = append(arts, &news.Article{
			Title:     fmt.Sprintf("Tide report %d", i),
			URL:       fmt.Sprintf("https://tides.example/%d", i),
			Body:      fmt.Sprintf("The tide on day %d was %s.", i, []string{"high", "low"}[i%2]),
			Published: start.Add(time.Duration(i%40) * time.Hour), // ties: the id decides
			Read:      i%3 == 0,
		})
	}
	if _, err := s.Save(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, qs := range []string{"", "is:unread", "high"} {
		q, _ := news.ParseQuery(qs)
		all, err := s.List(ctx, q, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, off := range []int{1, 7, 33, len(all) - 5, len(all) + 3} {
			page, err := s.List(ctx, q, off, 10)
			if err != nil {
				t.Fatal(err)
			}
			want := all[min(off, len(all)):min(off+10, len(all))]
			if len(page) != len(want) {
				t.Fatalf("%q at %d: %d articles, want %d", qs, off, len(page), len(want))
			}
			for i := range page {
				if page[i].ID != want[i].ID {
					t.Errorf("%q at %d: row %d is article %d, want %d", qs, off, i, page[i].ID, want[i].ID)
				}
			}
		}
	}
}
