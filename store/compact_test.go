package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"byline/news"
)

// A library as an older byline left it (plain bodies, JSON documents,
// hexadecimal hashes) is packed by Compact, reads exactly as before, and
// takes less room on disk.
func TestCompactPacksAnOlderLibrary(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var arts []*news.Article
	for i := range 300 {
		a := article(fmt.Sprintf("Heat network, part %d", i), fmt.Sprintf("Part %d. %s", i, benchBody()))
		a.GUID, a.Entities, a.EntitiesVersion = fmt.Sprint(i), packTestEntities(i), 1
		arts = append(arts, a)
	}
	arts = append(arts, article("Brief", "Short."))
	save(t, s, arts...)
	// Back to the forms of older libraries.
	for _, a := range arts {
		doc, _ := json.Marshal(a.Entities)
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE articles SET body = ?, content_hash = lower(hex(content_hash)) WHERE id = ?`, []any{a.Body, a.ID}},
			{`UPDATE entities SET data = ? WHERE article_id = ?`, []any{string(doc), a.ID}},
		} {
			if _, err := s.db.Exec(q.sql, q.args...); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A document whose quotes library_quotes lacks must keep them.
	if _, err := s.db.Exec(`DELETE FROM library_quotes WHERE article_id = ?`, arts[5].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`VACUUM`); err != nil { // the older library's size, with no free pages
		t.Fatal(err)
	}

	c, err := s.Compact(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Bodies != 300 || c.Documents != 299 || c.Hashes != 301 {
		t.Errorf("packed %d bodies, %d documents, %d hashes; want 300, 299, 301", c.Bodies, c.Documents, c.Hashes)
	}
	if c.After >= c.Before*3/4 {
		t.Errorf("the library went from %d to %d bytes", c.Before, c.After)
	}
	for _, a := range arts {
		got, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != a.Body || !reflect.DeepEqual(got.Entities, a.Entities) {
			t.Fatalf("article %d reads differently after Compact", a.ID)
		}
	}
	if got := list(t, s, `"part 7"`); len(got) != 1 {
		t.Errorf("search after Compact found %d articles", len(got))
	}
	again := article(arts[3].Title, arts[3].Body)
	again.GUID = arts[3].GUID
	if r := save(t, s, again); r[0].New || r[0].Changed {
		t.Errorf("an article saved again after Compact: %+v, want it recognised unchanged", r[0])
	}
	if c, err := s.Compact(ctx, nil); err != nil || c.Bodies+c.Documents+c.Hashes != 0 {
		t.Errorf("a second Compact packed %+v (%v), want nothing", c, err)
	}
}

// openOld4K opens a library made with SQLite's 4 KB pages, as bylines
// before 8 KB pages made them, holding n articles.
func openOld4K(t *testing.T, n int, opts ...Option) (*Store, string, []*news.Article) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var arts []*news.Article
	for i := range n {
		a := article(fmt.Sprintf("Heat network, part %d", i), fmt.Sprintf("Part %d. %s", i, benchBody()))
		a.GUID = fmt.Sprint(i)
		arts = append(arts, a)
	}
	save(t, s, arts...)
	return s, path, arts
}

func pragma(t *testing.T, s *Store, name string) string {
	t.Helper()
	var v string
	if err := s.db.QueryRow(`PRAGMA ` + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// Compact rebuilds a library of 4 KB pages with 8 KB ones, which leave
// less of each page unused: the articles take less room, and the library
// reads, searches and saves as before, still in WAL mode. The Store is
// opened for bulk writes, as byline compact opens it, with a checkpointer
// of its own.
func TestCompactMakesPagesOf8KB(t *testing.T) {
	s, path, arts := openOld4K(t, 600, ForBulkWrites())
	ctx := context.Background()
	articlesBytes := func() int {
		var n int
		if err := s.db.QueryRow(`SELECT sum(pgsize) FROM dbstat WHERE name = 'articles'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := articlesBytes()
	c, err := s.Compact(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.PageBefore != 4096 || c.PageAfter != pageSize || c.PagesKept {
		t.Errorf("Compact says pages of %d → %d bytes, want 4096 → %d", c.PageBefore, c.PageAfter, pageSize)
	}
	if got := pragma(t, s, "page_size"); got != fmt.Sprint(pageSize) {
		t.Errorf("page size after Compact: %s", got)
	}
	if got := pragma(t, s, "journal_mode"); got != "wal" {
		t.Errorf("journal mode after Compact: %s", got)
	}
	if after := articlesBytes(); after*100 > before*95 {
		t.Errorf("the articles took %d bytes in 4 KB pages and %d in 8 KB ones", before, after)
	}
	for _, a := range arts[:50] {
		if got, err := s.Article(ctx, a.ID); err != nil || got.Body != a.Body {
			t.Fatalf("article %d after Compact: %v", a.ID, err)
		}
	}
	if got := list(t, s, `"part 7"`); len(got) != 1 {
		t.Errorf("search after Compact found %d articles", len(got))
	}
	save(t, s, article("Ferry", "The ferry sailed late."))
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := pragma(t, again, "page_size"); got != fmt.Sprint(pageSize) {
		t.Errorf("page size when opened again: %s", got)
	}
}

// With another program's connection open, Compact cannot change the page
// size: it still packs and vacuums, says the pages stayed, and neither
// side loses anything.
func TestCompactKeepsPagesWhileOpenElsewhere(t *testing.T) {
	s, path, arts := openOld4K(t, 50)
	ctx := context.Background()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Article(ctx, arts[0].ID); err != nil {
		t.Fatal(err)
	}
	c, err := s.Compact(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.PageBefore != 4096 || c.PageAfter != 4096 || !c.PagesKept {
		t.Errorf("Compact says pages of %d → %d bytes (kept: %v), want 4096 kept", c.PageBefore, c.PageAfter, c.PagesKept)
	}
	if got := pragma(t, s, "journal_mode"); got != "wal" {
		t.Errorf("journal mode after Compact: %s", got)
	}
	for _, st := range []*Store{s, other} {
		if got, err := st.Article(ctx, arts[9].ID); err != nil || got.Body != arts[9].Body {
			t.Errorf("article after Compact: %v", err)
		}
	}
	save(t, other, article("Ferry", "The ferry sailed late."))
}
