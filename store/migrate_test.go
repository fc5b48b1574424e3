package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// A library written before entities became one JSON document per article
// keeps its people, places and quotes, in order, and its name look-ups.
func TestMigrationKeepsEntities(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"migrations/001_init.sql", "migrations/002_guid_feed_index.sql"} {
		script, err := migrationFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(script)); err != nil {
			t.Fatal(err)
		}
	}
	// Schema 2, with rows as byline wrote them then; migration 003 builds
	// the name look-ups from them.
	for _, q := range []string{
		`INSERT INTO articles(id, title, added, sort_time, body, entities_version) VALUES (1, 'Summit', 0, 0, 'text', 3)`,
		`INSERT INTO search(rowid, title, body, notes) VALUES (1, 'Summit', 'text', '')`,
		`INSERT INTO people VALUES (1, 1, 'Kim Jong Un', 4, '["Kim"]'), (1, 0, 'Donald Trump', 6, '["Trump","President Donald Trump"]')`,
		`INSERT INTO places VALUES (1, 0, 'North Korea', 3, '["the North"]')`,
		`INSERT INTO quotes VALUES (1, 0, 'Would you like me to step across?', 'Donald Trump', 0, 5), (1, 1, 'no problem', '', 1, 6)`,
		`PRAGMA user_version = 2`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Article(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	e := a.Entities
	if len(e.People) != 2 || e.People[0].Name != "Donald Trump" || e.People[0].Mentions != 6 ||
		len(e.People[0].Aliases) != 2 || e.People[1].Name != "Kim Jong Un" {
		t.Errorf("people = %+v", e.People)
	}
	if len(e.Places) != 1 || e.Places[0].Aliases[0] != "the North" {
		t.Errorf("places = %+v", e.Places)
	}
	if len(e.Quotes) != 2 || e.Quotes[0].Speaker != "Donald Trump" || e.Quotes[0].Paragraph != 5 ||
		e.Quotes[0].Partial || !e.Quotes[1].Partial {
		t.Errorf("quotes = %+v", e.Quotes)
	}
	for _, q := range []string{"person:kim", "person:trump", `place:"the north"`, "summit"} {
		if got := list(t, s, q); len(got) != 1 {
			t.Errorf("%s found %d articles after migrating", q, len(got))
		}
	}
}
