package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/news"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "lib", "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func article(title, body string) *news.Article {
	return &news.Article{Title: title, Body: body, Source: "Northline News"}
}

func save(t *testing.T, s *Store, arts ...*news.Article) []SaveResult {
	t.Helper()
	r, err := s.Save(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func list(t *testing.T, s *Store, query string) []*news.Article {
	t.Helper()
	q, err := news.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := s.List(context.Background(), q, 0, 0)
	if err != nil {
		t.Fatalf("List(%q): %v", query, err)
	}
	return arts
}

func TestNewLibraryIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "byline")
	s, err := Open(context.Background(), filepath.Join(dir, "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.Created() {
		t.Error("Created() = false for a new library")
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
	again, err := Open(context.Background(), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.Created() {
		t.Error("Created() = true when reopening")
	}
}

func TestResavingKeepsMarksTagsAndNotes(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		first, next news.Article
	}{
		{"same guid", news.Article{GUID: "g1", Title: "A", Body: "one"}, news.Article{GUID: "g1", Title: "A2", Body: "two"}},
		{"same url", news.Article{URL: "https://Example.com/a/?utm_source=x#top", Title: "B", Body: "one"}, news.Article{URL: "https://example.com/a", Title: "B2", Body: "two"}},
		{"same text", news.Article{Title: "C", Body: "the same  words\nhere"}, news.Article{Title: "C2", Body: "the same words here"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			first, next := tt.first, tt.next
			id := save(t, s, &first)[0].ID
			if err := s.SetStarred(ctx, id, true); err != nil {
				t.Fatal(err)
			}
			s.SetRead(ctx, id, true)
			s.AddTags(ctx, id, "Work", " work ", "#later")
			s.AddNote(ctx, id, "check the figures")
			r := save(t, s, &next)[0]
			if r.New || r.ID != id {
				t.Fatalf("re-save gave %+v, want an update of %d", r, id)
			}
			a, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != next.Title || !a.Starred || !a.Read || len(a.Notes) != 1 || strings.Join(a.Tags, ",") != "later,work" {
				t.Errorf("after re-save: %+v", a)
			}
			if n := len(list(t, s, "")); n != 1 {
				t.Errorf("library holds %d articles, want 1", n)
			}
		})
	}
}

func TestEntitiesSurviveAndReset(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := article("Summit", "Kim met Moon in Seoul.")
	a.URL = "https://example.com/summit"
	a.EntitiesVersion = 3
	a.Entities = news.Entities{
		People: []news.Person{{Name: "Kim Jong Un", Mentions: 2, Aliases: []string{"Kim"}}},
		Places: []news.Place{{Name: "Seoul", Mentions: 1}},
		Quotes: []news.Quote{{Text: "We will meet again", Speaker: "Kim Jong Un", Paragraph: 2}},
	}
	id := save(t, s, a)[0].ID
	got, _ := s.Article(ctx, id)
	if got.EntitiesVersion != 3 || len(got.Entities.People) != 1 || got.Entities.People[0].Aliases[0] != "Kim" || got.Entities.Quotes[0].Paragraph != 2 {
		t.Fatalf("entities not stored: %+v", got.Entities)
	}
	same := article("Summit", "Kim met Moon in Seoul.")
	same.URL = a.URL
	save(t, s, same)
	if got, _ := s.Article(ctx, id); got.EntitiesVersion != 3 || len(got.Entities.People) != 1 {
		t.Errorf("an unchanged re-save without entities dropped them: %+v", got.Entities)
	}
	changed := article("Summit", "Kim met Trump in Hanoi.")
	changed.URL = a.URL
	save(t, s, changed)
	if got, _ := s.Article(ctx, id); got.EntitiesVersion != 0 || len(got.Entities.People) != 0 {
		t.Errorf("new text kept stale entities: v%d %+v", got.EntitiesVersion, got.Entities)
	}
	pending, _ := s.Unextracted(ctx, 3, 0, 10)
	if len(pending) != 1 || pending[0].Body != "Kim met Trump in Hanoi." {
		t.Fatalf("Unextracted = %+v", pending)
	}
	if err := s.SetEntities(ctx, 3, map[int64]news.Entities{id: {Places: []news.Place{{Name: "Hanoi", Mentions: 1}}}}); err != nil {
		t.Fatal(err)
	}
	if n := len(list(t, s, "place:hanoi")); n != 1 {
		t.Errorf("place:hanoi after SetEntities matched %d", n)
	}
}

func TestQueries(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	a := &news.Article{Title: "Storm closes ports", Body: "Gales shut the harbour at Dover.", Source: "Meridian Wire", Published: day(1),
		Entities: news.Entities{People: []news.Person{{Name: "Donald Trump", Mentions: 3, Aliases: []string{"President Trump"}}}, Places: []news.Place{{Name: "Dover", Mentions: 1}}}, EntitiesVersion: 1}
	b := &news.Article{Title: "Council votes on bridge", Body: "The bridge vote 100% passed; costs_rise.", Source: "Northline News", Published: day(5),
		Entities: news.Entities{People: []news.Person{{Name: "Kim Jong Un", Mentions: 1}}}, EntitiesVersion: 1}
	c := &news.Article{Title: "Élection à Paris", Body: "Les électeurs de Paris ont voté.", Source: "CNN", Published: day(9)}
	save(t, s, a, b, c)
	s.SetRead(ctx, b.ID, true)
	s.SetStarred(ctx, c.ID, true)
	s.AddTags(ctx, a.ID, "weather")
	s.AddNote(ctx, b.ID, "ask about the toll")

	tests := []struct {
		query string
		want  []int64
	}{
		{"", []int64{c.ID, b.ID, a.ID}},
		{"harbour", []int64{a.ID}},
		{"harb", []int64{a.ID}},
		{`"closes ports"`, []int64{a.ID}},
		{"election", []int64{c.ID}},
		{"toll", []int64{b.ID}},
		{"-harbour", []int64{c.ID, b.ID}},
		{`100% "*" AND OR NEAR(`, nil},
		{"is:unread", []int64{c.ID, a.ID}},
		{"is:read", []int64{b.ID}},
		{"is:starred", []int64{c.ID}},
		{"-is:starred", []int64{b.ID, a.ID}},
		{"has:note", []int64{b.ID}},
		{"tag:Weather", []int64{a.ID}},
		{"person:trump", []int64{a.ID}},
		{`person:"President Trump"`, []int64{a.ID}},
		{`person:"kim jong un"`, []int64{b.ID}},
		{"person:Don", nil},
		{"place:dover", []int64{a.ID}},
		{"source:wire", []int64{a.ID}},
		{"source:%", nil},
		{"after:2026-03-05", []int64{c.ID, b.ID}},
		{"before:2026-03-05", []int64{a.ID}},
		{"after:2026-03-02 before:2026-03-06", []int64{b.ID}},
		{"is:unread -source:cnn", []int64{a.ID}},
	}
	for _, tt := range tests {
		got := list(t, s, tt.query)
		var ids []int64
		for _, g := range got {
			ids = append(ids, g.ID)
		}
		if !equalIDs(ids, tt.want) {
			t.Errorf("List(%q) = %v, want %v", tt.query, ids, tt.want)
		}
		q, _ := news.ParseQuery(tt.query)
		total, _, err := s.Count(ctx, q)
		if err != nil || total != len(tt.want) {
			t.Errorf("Count(%q) = %d, %v; want %d", tt.query, total, err, len(tt.want))
		}
	}
	_, unread, _ := s.Count(ctx, news.Query{})
	if unread != 2 {
		t.Errorf("unread = %d, want 2", unread)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestListPagesNewestFirst(t *testing.T) {
	s := openTemp(t)
	var arts []*news.Article
	for i := range 25 {
		arts = append(arts, &news.Article{Title: "story", Body: strings.Repeat("word ", i+1), Published: time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC)})
	}
	save(t, s, arts...)
	page, err := s.List(context.Background(), news.Query{}, 10, 10)
	if err != nil || len(page) != 10 {
		t.Fatalf("page = %d articles, %v", len(page), err)
	}
	if page[0].Published.Day() != 15 || page[9].Published.Day() != 6 {
		t.Errorf("second page runs %v … %v", page[0].Published, page[9].Published)
	}
}

func TestNotesEditAndDelete(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	id := save(t, s, article("Bridge", "The bridge reopened."))[0].ID
	n, err := s.AddNote(ctx, id, "first thought")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateNote(ctx, n.ID, "second thought"); err != nil {
		t.Fatal(err)
	}
	if len(list(t, s, "first")) != 0 || len(list(t, s, "second")) != 1 {
		t.Error("search does not follow an edited note")
	}
	if err := s.DeleteNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if len(list(t, s, "second")) != 0 || len(list(t, s, "has:note")) != 0 {
		t.Error("a deleted note is still found")
	}
	if _, err := s.AddNote(ctx, 999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("note on a missing article: %v", err)
	}
	if err := s.SetStarred(ctx, 999, true); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "999") {
		t.Errorf("star a missing article: %v", err)
	}
}

func TestRemoveFeedKeepsWhatTheReaderMarked(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	f := &news.Feed{URL: "https://example.com/feed.xml", Title: "Example"}
	if err := s.AddFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	dup := &news.Feed{URL: f.URL}
	if err := s.AddFeed(ctx, dup); !errors.Is(err, ErrExists) || dup.ID != f.ID {
		t.Errorf("adding a feed twice: %v, id %d", err, dup.ID)
	}
	plain := &news.Article{FeedID: f.ID, GUID: "1", Title: "Plain", Body: "plain"}
	starred := &news.Article{FeedID: f.ID, GUID: "2", Title: "Starred", Body: "starred"}
	noted := &news.Article{FeedID: f.ID, GUID: "3", Title: "Noted", Body: "noted"}
	save(t, s, plain, starred, noted)
	s.SetStarred(ctx, starred.ID, true)
	s.AddNote(ctx, noted.ID, "keep")
	feeds, _ := s.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].Articles != 3 || feeds[0].Unread != 3 {
		t.Fatalf("Feeds = %+v", feeds)
	}
	if n := len(list(t, s, "feed:exam")); n != 3 {
		t.Errorf("feed:exam matched %d", n)
	}
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	left := list(t, s, "")
	if len(left) != 2 || len(list(t, s, "plain")) != 0 {
		t.Errorf("after removing the feed: %d articles left", len(left))
	}
}

func TestOpenRefusesWhatIsNotALibrary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte(strings.Repeat("shopping list\n", 100)), 0o600)
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 42")
	s.Close()
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o700)

	for path, cause := range map[string]string{notDB: "not a database", newer: "newer byline (schema 42", folder: "directory"} {
		before, _ := os.ReadFile(path)
		_, err := Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), cause) {
			t.Errorf("Open(%s) = %v, want the path and %q", path, err, cause)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("Open(%s) changed the file", path)
		}
	}
}

func TestSetReadMatchingMarksOnlyTheMatches(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	f := &news.Feed{URL: "https://example.com/harbour.xml", Title: "Harbour Gazette"}
	if err := s.AddFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2024, 1, d, 9, 0, 0, 0, time.UTC) }
	if _, err := s.Save(ctx, []*news.Article{
		{GUID: "a", FeedID: f.ID, Title: "Ferry fares rise", Body: "Fares rise.", Published: day(3)},
		{GUID: "b", FeedID: f.ID, Title: "Bridge vote", Body: "The vote passed.", Published: day(20)},
		{GUID: "c", Title: "Glacier study", Body: "Ice melts.", Published: day(4)},
	}); err != nil {
		t.Fatal(err)
	}
	q, err := news.ParseQuery(fmt.Sprintf("feed:#%d before:2024-01-10", f.ID))
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.SetReadMatching(ctx, q, true)
	if err != nil || n != 1 {
		t.Fatalf("marked %d (%v), want only the early harbour story", n, err)
	}
	all, _ := s.List(ctx, news.Query{}, 0, 0)
	for _, a := range all {
		if a.Read != (a.Title == "Ferry fares rise") {
			t.Errorf("%q read=%v", a.Title, a.Read)
		}
	}
}
