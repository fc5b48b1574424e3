package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The search index made from an article's terms is the index made from
// its body: the same words, each for the same articles. The index is
// asked for every word it holds and how many articles hold each.
func TestSearchTermsIndexLikeTheBody(t *testing.T) {
	bodies := []string{
		"The council backed the bridge, Fiona MacRae said. THE COUNCIL; the Council!",
		"Café owners in Sète said the café's “new” tax — 12.5% — hit cafés hard; CAFÉ.",
		"Don't, won't, can't: O'Neill's e-mail (re: ferry) at 09:30/10:45 on 2026-03-08.",
		"Ünïcödé wörds: straße STRASSE Straße İstanbul ıstanbul Ωmega ωmega ΩMEGA.",
		"数字 3.14 and 3,14 and x² and ½ and Ⅻ and ＡＢＣ and ａｂｃ, ＡＢＣ.",
		"tabs\tand\nnewlines\r\nand\x00nul and \u00a0no-break\u00a0spaces and \u200bzero width",
		"repeat repeat Repeat REPEAT rePeat repeat. repeat",
		"",
		"   ...   ",
		"a",
		"€100, £5, $3 — #hashtag @name under_score back\\slash [brackets] {braces} <angles>",
	}
	if stories := bbcStories(t); stories != nil {
		for _, s := range stories[:min(len(stories), 800)] {
			bodies = append(bodies, s[1])
		}
	}
	raw := indexVocab(t, bodies, func(s string) string { return s })
	terms := indexVocab(t, bodies, searchTerms)
	if len(raw) < 50 {
		t.Fatalf("the index holds %d words: %v", len(raw), raw)
	}
	if !slices.Equal(raw, terms) {
		for i := range min(len(raw), len(terms)) {
			if raw[i] != terms[i] {
				t.Fatalf("the indexes differ first at %q (body) against %q (terms)", raw[i], terms[i])
			}
		}
		t.Fatalf("the body's index has %d words, the terms' %d", len(raw), len(terms))
	}
}

func TestSearchTermsKeepEachWordOnce(t *testing.T) {
	got := searchTerms("The cat saw the CAT. Café, café! CAFÉ The end")
	if want := "the cat saw café cafÉ end"; got != want {
		// "CAFÉ" differs from "café" outside ASCII: the tokenizer folds that.
		t.Errorf("searchTerms = %q, want %q", got, want)
	}
	long := strings.Repeat("alpha beta gamma ", 10000) + strings.Repeat("w", 5000)
	if got := searchTerms(long); got != "alpha beta gamma "+strings.Repeat("w", 5000) {
		t.Errorf("a long body's terms are %d bytes", len(got))
	}
	// Enough distinct words to make the set grow many times over.
	var many strings.Builder
	distinct := map[string]bool{}
	for i := range 40000 {
		w := strings.Repeat("x", i%7+1) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
		distinct[w] = true
		many.WriteString(strings.ToUpper(w[:1]) + w[1:] + ", ")
	}
	if n := len(strings.Fields(searchTerms(many.String()))); n != len(distinct) {
		t.Errorf("%d distinct words kept, want %d", n, len(distinct))
	}
}

// indexVocab indexes each body as an article of a search table made as
// the library makes it (migration 016), and lists "word count" for every
// word of the index.
func indexVocab(t *testing.T, bodies []string, text func(string) string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "vocab.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, q := range []string{
		`CREATE VIRTUAL TABLE search USING fts5(title, body, notes, content = '', contentless_delete = 1, detail = none,
			tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE vocab USING fts5vocab(search, 'row')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for i, b := range bodies {
		if _, err := db.ExecContext(ctx, `INSERT INTO search(rowid, title, body, notes) VALUES (?, '', ?, '')`, i+1, text(b)); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.QueryContext(ctx, `SELECT term || ' ' || doc FROM vocab ORDER BY term`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// bbcStories is ../shared's BBC corpus when it is there, else nil.
func bbcStories(t *testing.T) [][2]string {
	if m, _ := filepath.Glob("../../shared/corpus/bbc/*"); len(m) == 0 {
		return nil
	}
	return loadBBC(t)
}
