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
	checkSearchIndex(t, s)
}

func addFeed(t *testing.T, s *Store) int64 {
	t.Helper()
	f := &news.Feed{URL: "http://127.0.0.1/feed.xml", Title: "Test feed"}
	if err := s.AddFeed(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	return f.ID
}

// checkSearchIndex runs FTS5's own consistency check of the search index.
func checkSearchIndex(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO search(search) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("search index: %v", err)
	}
}

// An article saved unindexed, then saved again from a file before the
// index caught up, is indexed once, with its new words.
func TestUnindexedThenSavedIsIndexedOnce(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := article("Ferry timetable", "The winter timetable starts in November.")
	a.URL = "https://example.org/ferry"
	if _, err := s.SaveUnindexed(ctx, []*news.Article{a}); err != nil {
		t.Fatal(err)
	}
	again := article("Ferry timetable", "The winter timetable starts in December.")
	again.URL, again.EntitiesVersion = a.URL, 1
	save(t, s, again)
	if n, err := s.IndexPending(ctx, 100); err != nil || n != 0 {
		t.Fatalf("IndexPending = %d, %v; the article was indexed when saved", n, err)
	}
	if got := list(t, s, "december"); len(got) != 1 {
		t.Errorf("new words found in %d articles, want 1", len(got))
	}
	if got := list(t, s, "november"); len(got) != 0 {
		t.Errorf("old words still found")
	}
	s.AddNote(ctx, a.ID, "ask about the Sunday sailings")
	if got := list(t, s, "sailings"); len(got) != 1 {
		t.Errorf("note words found in %d articles, want 1", len(got))
	}
	checkSearchIndex(t, s)
}

// Notes written, changed and deleted, and a feed removed, leave the search
// index whole and finding what the library now says.
func TestSearchFollowsNotesAndRemovals(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	feedID := addFeed(t, s)
	kept := article("Harbour dredging", "Dredging of the harbour mouth began on Monday.")
	kept.GUID, kept.FeedID = "d-1", feedID
	gone := article("Lighthouse repaint", "The lighthouse will be repainted in spring.")
	gone.GUID, gone.FeedID = "d-2", feedID
	if _, err := s.SaveUnindexed(ctx, []*news.Article{kept, gone}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IndexPending(ctx, 10); err != nil {
		t.Fatal(err)
	}
	note, err := s.AddNote(ctx, kept.ID, "silt figures from the port authority")
	if err != nil {
		t.Fatal(err)
	}
	if got := list(t, s, "silt"); len(got) != 1 {
		t.Fatalf("a new note's words found in %d articles", len(got))
	}
	if err := s.UpdateNote(ctx, note.ID, "sediment figures"); err != nil {
		t.Fatal(err)
	}
	if len(list(t, s, "silt")) != 0 || len(list(t, s, "sediment")) != 1 {
		t.Errorf("an edited note is searched by its old words or not by its new ones")
	}
	if err := s.DeleteNote(ctx, note.ID); err != nil {
		t.Fatal(err)
	}
	if len(list(t, s, "sediment")) != 0 || len(list(t, s, "dredging")) != 1 {
		t.Errorf("a deleted note is still found, or the article lost its words")
	}
	if err := s.SetStarred(ctx, kept.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, feedID); err != nil {
		t.Fatal(err)
	}
	if len(list(t, s, "lighthouse")) != 0 || len(list(t, s, "dredging")) != 1 {
		t.Errorf("after removing the feed: the removed article is found, or the starred one is not")
	}
	checkSearchIndex(t, s)
}
