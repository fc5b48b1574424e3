package store

import (
	"context"
	"testing"

	"byline/news"
)

// A bulk refresh lists its articles at once and makes them searchable when
// their entities are stored.
func TestSaveUnindexedThenIndex(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := article("Harbour bridge vote delayed", "Councillors postponed the vote on the swing bridge.")
	a.GUID, a.FeedID = "item-1", addFeed(t, s)
	if _, err := s.SaveUnindexed(ctx, []*news.Article{a}); err != nil {
		t.Fatal(err)
	}
	if got := list(t, s, ""); len(got) != 1 {
		t.Fatalf("listed %d articles, want the new one", len(got))
	}
	if got := list(t, s, "councillors"); len(got) != 0 {
		t.Fatalf("an unindexed article was found by search")
	}
	if n, _ := s.Unfinished(ctx, 1); n != 1 {
		t.Fatalf("Unfinished = %d, want 1", n)
	}
	ents := news.Entities{People: []news.Person{{Name: "Ann Lowry", Mentions: 1}}}
	if err := s.SetEntities(ctx, 1, map[int64]news.Entities{a.ID: ents}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Unindexed(ctx); n != 1 {
		t.Fatalf("Unindexed = %d, want 1", n)
	}
	if n, err := s.IndexPending(ctx, 100); err != nil || n != 1 {
		t.Fatalf("IndexPending = %d, %v; want 1", n, err)
	}
	if got := list(t, s, "councillors"); len(got) != 1 {
		t.Fatalf("search after IndexPending found %d, want 1", len(got))
	}
	if got := list(t, s, `person:lowry`); len(got) != 1 {
		t.Fatalf("person:lowry found %d, want 1", len(got))
	}
	if n, _ := s.Unfinished(ctx, 1); n != 0 {
		t.Fatalf("Unfinished = %d after SetEntities, want 0", n)
	}

	// The same item again: nothing is rewritten, the entities stay.
	again := article(a.Title, a.Body)
	again.GUID, again.FeedID = a.GUID, a.FeedID
	res, err := s.SaveUnindexed(ctx, []*news.Article{again})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].New || res[0].Changed || res[0].ID != a.ID {
		t.Fatalf("unchanged item: %+v, want the same article untouched", res[0])
	}
	if n, _ := s.Unfinished(ctx, 1); n != 0 {
		t.Fatalf("an unchanged item lost its entities")
	}

	// New text: searchable by the new words once extracted again, not by
	// the old ones.
	edited := article(a.Title, "The ferry timetable was rewritten overnight.")
	edited.GUID, edited.FeedID = a.GUID, a.FeedID
	if _, err := s.SaveUnindexed(ctx, []*news.Article{edited}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Unfinished(ctx, 1); n != 1 {
		t.Fatalf("edited text should wait for extraction again")
	}
	if err := s.SetEntities(ctx, 1, map[int64]news.Entities{a.ID: {}}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.IndexPending(ctx, 100); err != nil || n != 1 {
		t.Fatalf("IndexPending = %d, %v; want 1", n, err)
	}
	if got := list(t, s, "ferry"); len(got) != 1 {
		t.Fatalf("new words not found")
	}
	if got := list(t, s, "councillors"); len(got) != 0 {
		t.Fatalf("old words still found")
	}
}

func addFeed(t *testing.T, s *Store) int64 {
	t.Helper()
	f := &news.Feed{URL: "http://127.0.0.1/feed.xml", Title: "Test feed"}
	if err := s.AddFeed(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	return f.ID
}
