package store

import (
	"strings"
	"testing"
)

// queryPlan is SQLite's plan for query, its steps joined by "; ".
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.db.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}

// TestDeduplicationUsesIndexes guards import speed: every article saved
// looks for its earlier copy, and a look-up that scans the table makes an
// import quadratic (it once made a 100,000-article import take an hour).
func TestDeduplicationUsesIndexes(t *testing.T) {
	s := openTemp(t)
	for _, q := range []struct {
		query string
		args  []any
	}{
		{dedupeByGUID, []any{"x", nil}},
		{dedupeByURL, []any{"x"}},
		{dedupeByHash, []any{"x"}},
	} {
		p := queryPlan(t, s, q.query, q.args...)
		if !strings.Contains(p, "INDEX articles_by_") || strings.Contains(p, "articles_by_feed") {
			t.Errorf("%s\nplan: %s", q.query, p)
		}
	}
}

// TestNameLookUpUsesIndex guards person: and place: at 100,000 articles:
// the names are keyed by article, and a look-up by name must go through
// the (kind, name) index rather than read every name.
func TestNameLookUpUsesIndex(t *testing.T) {
	s := openTemp(t)
	cond, args := entityCondition("person", "Trump")
	if p := queryPlan(t, s, "SELECT a.id FROM articles a WHERE "+cond, args...); !strings.Contains(p, "entity_names_by_name") {
		t.Errorf("person look-up plan: %s", p)
	}
}
