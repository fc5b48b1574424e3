package store

import (
	"strings"
	"testing"
)

// TestDeduplicationUsesIndexes guards import speed: every article saved
// looks for its earlier copy, and a look-up that scans the table makes an
// import quadratic (it once made a 100,000-article import take an hour).
func TestDeduplicationUsesIndexes(t *testing.T) {
	s := openTemp(t)
	for _, q := range []string{dedupeByGUID, dedupeByURL, dedupeByHash} {
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+q, "x", nil)
		if err != nil {
			rows, err = s.db.Query("EXPLAIN QUERY PLAN "+q, "x")
		}
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "; ")
		if !strings.Contains(p, "INDEX articles_by_") || strings.Contains(p, "articles_by_feed") {
			t.Errorf("%s\nplan: %s", q, p)
		}
	}
}

// TestNameLookUpUsesIndex guards person: and place: at 100,000 articles:
// the names are keyed by article, and a look-up by name must go through
// the (kind, name) index rather than read every name.
func TestNameLookUpUsesIndex(t *testing.T) {
	s := openTemp(t)
	cond, args := entityCondition("person", "Trump")
	q := "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE " + cond
	rows, err := s.db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		rows.Scan(&id, &parent, &unused, &detail)
		plan = append(plan, detail)
	}
	if p := strings.Join(plan, "; "); !strings.Contains(p, "entity_names_by_name") {
		t.Errorf("person look-up plan: %s", p)
	}
}
