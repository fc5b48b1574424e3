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
		{dedupeByHash, []any{[]byte("x"), "78"}},
		{dedupeByGUIDs, []any{`["x"]`, nil}},
		{dedupeByURLs, []any{`["x"]`}},
	} {
		p := queryPlan(t, s, q.query, q.args...)
		if !strings.Contains(p, "INDEX articles_by_") || strings.Contains(p, "articles_by_feed") {
			t.Errorf("%s\nplan: %s", q.query, p)
		}
	}
}

// TestNameLookUpUsesIndex guards person: and place: at 100,000 articles:
// a rare name reads its subjects' appearances, a common one is checked
// article by article with a look-up in appearances' key for each of a
// few subjects, or for many a read of the article's appearances; none
// reads every appearance.
func TestNameLookUpUsesIndex(t *testing.T) {
	s := openTemp(t)
	for _, c := range []struct {
		drive bool
		n     int
		want  string
	}{
		{true, 2, "appearances USING PRIMARY KEY (subject_id=?)"},
		{false, 2, "sa EXISTS USING PRIMARY KEY (subject_id=? AND sort_time=? AND article_id=?)"},
		{false, fewSubjects + 1, "appearances_by_article (article_id=?)"},
	} {
		p := queryPlan(t, s, "SELECT a.id FROM articles a WHERE "+subjectCondition(c.drive, c.n)+" ORDER BY a.sort_time DESC", "[1, 2]")
		if !strings.Contains(p, c.want) {
			t.Errorf("drive %v, %d subjects: plan %s\nwant %s", c.drive, c.n, p, c.want)
		}
	}
}
