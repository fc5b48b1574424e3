package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"byline/news"
)

// packTestBodies are bodies a reader must get back byte for byte.
func packTestBodies() map[string]string {
	para := "The ferry operator said on Tuesday that the harbour crossing would reopen next week, " +
		"after engineers finished checking the new landing stage.\n\n"
	return map[string]string{
		"empty":   "",
		"short":   "Ferry delayed.",
		"unicode": strings.Repeat("Zoë Ångström told the Ōsaka café: « ça va » — 東京の港は静かです 🚢.\n", 20),
		"spacing": "  leading spaces\r\n\ttabs\u00a0and no-break spaces, trailing  \n\n\n",
		"nul":     "\x00starts with a NUL byte, as a damaged feed might send",
		"huge":    strings.Repeat(para, 30_000), // ~4 MB
		"article": strings.Repeat(para, 12),
	}
}

// Every way a body is read back gives the text that was saved.
func TestBodiesRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	bodies := packTestBodies()
	ids := map[string]int64{}
	for name, body := range bodies {
		a := article("Story "+name, body)
		a.GUID = name
		save(t, s, a)
		ids[name] = a.ID
	}
	for name, id := range ids {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Body != bodies[name] {
			t.Errorf("%s: Article's body differs (%d bytes, want %d)", name, len(a.Body), len(bodies[name]))
		}
	}
	seen := 0
	if err := s.EachWhole(ctx, news.Query{}, func(a *news.Article) error {
		seen++
		if want := bodies[a.GUID]; a.Body != want {
			t.Errorf("%s: EachWhole's body differs (%d bytes, want %d)", a.GUID, len(a.Body), len(want))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if seen != len(bodies) {
		t.Errorf("EachWhole gave %d articles, want %d", seen, len(bodies))
	}
	arts, err := s.Unextracted(ctx, 1, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if want := bodies[strings.TrimPrefix(a.Title, "Story ")]; a.Body != want {
			t.Errorf("%s: Unextracted's body differs", a.Title)
		}
	}
	// The long bodies take less room than their text.
	var stored int
	if err := s.db.QueryRow(`SELECT length(body) FROM articles WHERE id = ?`, ids["article"]).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored*2 > len(bodies["article"]) {
		t.Errorf("a %d-byte body takes %d bytes in the library", len(bodies["article"]), stored)
	}
}

// Words of a packed body are found, whichever way its search row was
// written: with the save, after a bulk save, and again when a note changes.
func TestSearchFindsWordsOfPackedBodies(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	filler := strings.Repeat("The council met again on Thursday evening to discuss the budget. ", 10)
	now := article("Council budget", filler+"Residents asked about the lighthouse.")
	later := article("Council budget again", filler+"Residents asked about the cormorants.")
	save(t, s, now)
	if _, err := s.SaveUnindexed(ctx, []*news.Article{later}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IndexPending(ctx, 10); err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"lighthouse", "cormorants", `"discuss the budget"`} {
		if got := list(t, s, word); len(got) == 0 {
			t.Errorf("%s: not found", word)
		}
	}
	if _, err := s.AddNote(ctx, now.ID, "ask about parking"); err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"lighthouse", "parking"} {
		if got := list(t, s, word); len(got) != 1 || got[0].ID != now.ID {
			t.Errorf("%s after a note: found %d articles", word, len(got))
		}
	}
}

// A library whose bodies were stored as plain text, as every byline
// before packing wrote them, reads, searches and exports as before, and
// an article of it saved again is packed.
func TestPlainTextBodiesStillRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	body := strings.Repeat("The old quay was rebuilt in stone after the storm of that winter. ", 8)
	if _, err := s.db.Exec(`INSERT INTO articles(id, guid, title, added, sort_time, body) VALUES (7, 'quay', 'Quay', 0, 0, ?)`, body); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO search(rowid, title, body, notes) VALUES (7, 'Quay', ?, '')`, body); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != body {
		t.Fatalf("plain body read back as %q", a.Body)
	}
	if got := list(t, s, "quay storm"); len(got) != 1 {
		t.Errorf("search found %d articles in a plain body", len(got))
	}
	if _, err := s.AddNote(ctx, 7, "visit"); err != nil { // rewrites the search row from the plain body
		t.Fatal(err)
	}
	if got := list(t, s, "stone"); len(got) != 1 {
		t.Errorf("search after a note found %d articles", len(got))
	}

	again := article("Quay", body+" It reopened in spring.")
	again.GUID = "quay"
	save(t, s, again)
	var kind string
	if err := s.db.QueryRow(`SELECT typeof(body) FROM articles WHERE id = 7`).Scan(&kind); err != nil {
		t.Fatal(err)
	}
	if kind != "blob" {
		t.Errorf("a body saved again is stored as %s, want packed", kind)
	}
	if a, err := s.Article(ctx, 7); err != nil || a.Body != again.Body {
		t.Errorf("after saving again: %v, body %q", err, a.Body)
	}
}

// A body packed in a way this byline does not know is an error naming the
// cause, never garbage on screen.
func TestUnknownBodyFormatIsAnError(t *testing.T) {
	s := openTemp(t)
	a := article("Future", "text")
	save(t, s, a)
	if _, err := s.db.Exec(`UPDATE articles SET body = x'09abcdef' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Article(context.Background(), a.ID)
	if err == nil || !strings.Contains(err.Error(), "format 9") {
		t.Errorf("Article of an unknown format: %v", err)
	}
	if _, err := s.db.Exec(`UPDATE articles SET body = x'01ff7f000000' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(context.Background(), a.ID); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Article of a damaged body: %v", err)
	}
}

var _ sql.Scanner = bodyCol{}
