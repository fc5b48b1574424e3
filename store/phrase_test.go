package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"byline/news"
)

// TestPhrases: a phrase finds the articles where its words stand together,
// in the title, the body or the notes, whatever the case, accents or
// punctuation between them, and not the articles that merely have its
// words; the index itself keeps no positions.
func TestPhrases(t *testing.T) {
	s := openTemp(t)
	long := strings.Repeat("The council met again to discuss the ferry timetable and the harbour dues. ", 40) // packed when stored
	r := save(t, s,
		article("Trade deal signed", "Ministers signed the agreement on Tuesday."),
		article("Harbour news", "A deal on fish and a trade in quotas were both discussed, separately."),
		article("Council in Zürich", long+"Officials of the Zurich city council declined to comment."),
		article("Late edition", "They spoke of a trade-deal that could follow. "+long),
		article("Notes only", "Nothing here about it."),
	)
	if _, err := s.AddNote(context.Background(), r[4].ID, "Ask about the TRADE   DEAL later"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{`"trade deal"`, []string{"Trade deal signed", "Late edition", "Notes only"}},
		{`"deal trade"`, nil},
		{`trade deal`, []string{"Trade deal signed", "Harbour news", "Late edition", "Notes only"}},
		{`"zurich city council"`, []string{"Council in Zürich"}},
		{`"Zürich City Council"`, []string{"Council in Zürich"}},
		{`"council met again"`, []string{"Council in Zürich", "Late edition"}},
		{`"council met" -"trade deal"`, []string{"Council in Zürich"}},
		{`"signed the agreement on tuesday"`, []string{"Trade deal signed"}},
		{`"the the"`, nil},
	} {
		var got []string
		for _, a := range list(t, s, c.query) {
			got = append(got, a.Title)
		}
		if strings.Join(sorted(got), "|") != strings.Join(sorted(c.want), "|") {
			t.Errorf("%s found %q, want %q", c.query, got, c.want)
		}
	}
}

func sorted(v []string) []string {
	out := append([]string(nil), v...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestHasPhrase(t *testing.T) {
	for _, c := range []struct {
		text, phrase string
		want         bool
	}{
		{"a a b", "a b", true},
		{"a c a b", "a b", true},
		{"a, b", "a b", true},
		{"ab", "a b", false},
		{"Crème brûlée", "creme brulee", true},
		{"x y", "x y z", false},
		{"", "x", false},
	} {
		if got := hasPhrase(c.text, strings.Fields(phraseKey(searchWords(c.phrase)))); got != c.want {
			t.Errorf("hasPhrase(%q, %q) = %v", c.text, c.phrase, got)
		}
	}
}

// TestCountReadsEachArticleOnce: the reader counts a query's articles and
// its unread ones each time it searches; a phrase is checked by reading the
// article, so counting must read each candidate once, not once per count.
func TestCountReadsEachArticleOnce(t *testing.T) {
	s := openTemp(t)
	var arts []*news.Article
	for i := range 30 {
		body := fmt.Sprintf("The deal was about trade, said witness %d.", i)
		if i%3 == 0 {
			body = fmt.Sprintf("A trade deal was signed by %d ministers.", i)
		}
		arts = append(arts, article(fmt.Sprintf("Story %d", i), body))
	}
	r := save(t, s, arts...)
	if err := s.SetRead(context.Background(), r[0].ID, true); err != nil {
		t.Fatal(err)
	}
	q, err := news.ParseQuery(`"trade deal"`)
	if err != nil {
		t.Fatal(err)
	}
	before := phraseChecks.Load()
	total, unread, err := s.Count(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if total != 10 || unread != 9 {
		t.Errorf("count = %d, %d unread; want 10, 9", total, unread)
	}
	if n := phraseChecks.Load() - before; n != 30 {
		t.Errorf("counting read %d articles for the phrase; want each of the 30 with its words once", n)
	}
}

// TestCountIsDrivenByItsMatches: a count has no page to stop after, so a
// term with many matches still drives it rather than a walk of every
// article.
func TestCountIsDrivenByItsMatches(t *testing.T) {
	s := openTemp(t)
	var arts []*news.Article
	for i := range fewMatches + 10 {
		arts = append(arts, article(fmt.Sprintf("Harbour %d", i), fmt.Sprintf("The harbour had %d boats.", i)))
	}
	save(t, s, arts...)
	q, err := news.ParseQuery(`harbour`)
	if err != nil {
		t.Fatal(err)
	}
	where, args, err := s.planWhere(context.Background(), q, true)
	if err != nil {
		t.Fatal(err)
	}
	if p := queryPlan(t, s, "SELECT count(*) FROM articles a"+where, args...); strings.Contains(p, "SCAN a") {
		t.Errorf("count of a common word walks every article: %s", p)
	}
}

// TestPrefixes: a word finds the words it begins, whether the index spells
// them out (a few) or takes the prefix as it is (many), and nothing else.
func TestPrefixes(t *testing.T) {
	s := openTemp(t)
	var arts []*news.Article
	arts = append(arts, article("Election night", "The electoral roll closed."), article("Electric buses", "A depot opened."),
		article("Selection", "The squad was named."))
	for i := range 20 { // twenty words that begin "para"
		arts = append(arts, article(fmt.Sprintf("Para story %d", i), fmt.Sprintf("A paragraph%c of note.", 'a'+i)))
	}
	save(t, s, arts...)
	for _, c := range []struct {
		query string
		want  int
	}{
		{"elect", 2}, {"electo", 1}, {"ELECTRIC", 1}, {"lection", 0}, {"para", 20}, {"paragraphc", 1}, {"zzz", 0},
	} {
		if got := len(list(t, s, c.query)); got != c.want {
			t.Errorf("%s found %d articles, want %d", c.query, got, c.want)
		}
	}
}

// TestPhraseCountAndPageReadEachArticleOnce: the reader counts a search and
// then lists its first page; for a rare phrase of common words both check
// every article with the words, and the second finds the first's answers.
// An article whose text changed is read again.
func TestPhraseCountAndPageReadEachArticleOnce(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var arts []*news.Article
	for i := range 40 {
		body := fmt.Sprintf("The deal was about trade in grain, lot %d.", i)
		if i%8 == 0 {
			body = fmt.Sprintf("They signed the trade deal at noon, lot %d.", i)
		}
		arts = append(arts, article(fmt.Sprintf("Grain story %d", i), body))
	}
	r := save(t, s, arts...)
	q, _ := news.ParseQuery(`"trade deal"`)
	before := phraseReads.Load()
	if total, _, err := s.Count(ctx, q); err != nil || total != 5 {
		t.Fatalf("count = %d, %v; want 5", total, err)
	}
	if got, err := s.List(ctx, q, 0, 200); err != nil || len(got) != 5 {
		t.Fatalf("list = %d, %v; want 5", len(got), err)
	}
	if n := phraseReads.Load() - before; n != 40 {
		t.Errorf("the count and the page read %d articles; want each of the 40 once", n)
	}
	changed := arts[1]
	changed.Body = "Now it is a trade deal after all."
	changed.ID = 0
	if _, err := s.Save(ctx, []*news.Article{changed}); err != nil {
		t.Fatal(err)
	}
	if got := list(t, s, `"trade deal"`); len(got) != 6 {
		t.Errorf("after an article's text changed to have the phrase: %d articles, want 6 (%d)", len(got), r[1].ID)
	}
}
