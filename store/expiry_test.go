package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"byline/news"
)

// feedWithArticles follows a feed and saves n articles in it, published a
// day apart, the newest first; it returns their ids in that order.
func feedWithArticles(t *testing.T, s *Store, n int, newest time.Time) (int64, []int64) {
	t.Helper()
	ctx := context.Background()
	f := &news.Feed{URL: "https://harbour.example/feed.xml", Title: "Harbour Gazette"}
	if err := s.AddFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	for i := range n {
		a := article(fmt.Sprintf("Tide table for day %d", i), fmt.Sprintf("High water on day %d was at the usual hour, the harbour master said.", i))
		a.FeedID, a.GUID = f.ID, fmt.Sprintf("tide-%d", i)
		a.Published = newest.AddDate(0, 0, -i)
		arts = append(arts, a)
	}
	var ids []int64
	for _, r := range save(t, s, arts...) {
		ids = append(ids, r.ID)
	}
	return f.ID, ids
}

func remaining(t *testing.T, s *Store, ids []int64) map[int64]bool {
	t.Helper()
	left := map[int64]bool{}
	for _, id := range ids {
		if _, err := s.Article(context.Background(), id); err == nil {
			left[id] = true
		}
	}
	return left
}

func TestExpireKeepsTheNewestAndWhatTheReaderMarked(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	feedID, ids := feedWithArticles(t, s, 10, now)
	// The three oldest are starred, tagged and annotated.
	if err := s.SetStarred(ctx, ids[9], true); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTags(ctx, ids[8], "tides"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote(ctx, ids[7], "compare with last spring"); err != nil {
		t.Fatal(err)
	}

	n, err := s.Expire(ctx, feedID, Keep{MaxItems: 3}, now)
	if err != nil {
		t.Fatal(err)
	}
	left := remaining(t, s, ids)
	if n != 4 || len(left) != 6 || !left[ids[0]] || !left[ids[2]] || left[ids[3]] || !left[ids[7]] || !left[ids[8]] || !left[ids[9]] {
		t.Errorf("max 3: expired %d, left %v; want the 3 newest and the 3 marked", n, left)
	}
	if got := list(t, s, "tide"); len(got) != 6 {
		t.Errorf("search still finds %d articles, want 6", len(got))
	}

	n, err = s.Expire(ctx, feedID, Keep{Days: 1}, now)
	if err != nil {
		t.Fatal(err)
	}
	left = remaining(t, s, ids)
	if n != 1 || !left[ids[0]] || !left[ids[1]] || left[ids[2]] || !left[ids[9]] {
		t.Errorf("1 day: expired %d, left %v; want the articles of the last day and the marked ones", n, left)
	}
	if n, err := s.Expire(ctx, feedID, Keep{}, now); n != 0 || err != nil {
		t.Errorf("no limit expired %d, %v", n, err)
	}
}

func TestKeepSettingsPerFeedAndDefault(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	feedID, _ := feedWithArticles(t, s, 1, time.Now())
	if k, own, err := s.FeedKeep(ctx, feedID); err != nil || own || k.Limited() {
		t.Fatalf("a new feed: %+v own %v, %v; want the unlimited default", k, own, err)
	}
	if err := s.SetKeepDefault(ctx, Keep{MaxItems: 500, Days: 90}); err != nil {
		t.Fatal(err)
	}
	if k, own, _ := s.FeedKeep(ctx, feedID); own || k != (Keep{500, 90}) {
		t.Errorf("after a default: %+v own %v", k, own)
	}
	if err := s.SetFeedKeep(ctx, feedID, &Keep{MaxItems: 50}); err != nil {
		t.Fatal(err)
	}
	if k, own, _ := s.FeedKeep(ctx, feedID); !own || k != (Keep{50, 0}) {
		t.Errorf("own rule: %+v own %v", k, own)
	}
	if err := s.SetFeedKeep(ctx, feedID, nil); err != nil {
		t.Fatal(err)
	}
	if k, own, _ := s.FeedKeep(ctx, feedID); own || k != (Keep{500, 90}) {
		t.Errorf("back to the default: %+v own %v", k, own)
	}
	if err := s.SetFeedKeep(ctx, 99, &Keep{}); err == nil {
		t.Error("a rule for a feed that does not exist was accepted")
	}
	if err := s.SetKeepDefault(ctx, Keep{MaxItems: -1}); err == nil {
		t.Error("a negative limit was accepted")
	}
}
