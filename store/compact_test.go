package store

import (
	"context"
	"encoding/json"
	"fmt"
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
