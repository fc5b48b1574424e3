package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/news"
)

// story is an article with the people, places and quotes the extractor
// would have found in it, dated day days into March 2026.
func story(day int, title string, people []news.Person, places []string, quotes ...news.Quote) *news.Article {
	a := article(title, "Text of "+title+".")
	a.Published = time.Date(2026, 3, day, 9, 0, 0, 0, time.UTC)
	a.Entities.People = people
	for _, p := range places {
		a.Entities.Places = append(a.Entities.Places, news.Place{Name: p, Mentions: 1})
	}
	a.Entities.Quotes = quotes
	a.EntitiesVersion = 1
	return a
}

func person(name string, mentions int, aliases ...string) news.Person {
	return news.Person{Name: name, Mentions: mentions, Aliases: aliases}
}

// people is the library's people as "Name stories/mentions", most stories first.
func people(t *testing.T, s *Store) string {
	t.Helper()
	subs, _, err := s.Subjects(context.Background(), SubjectFilter{Kind: news.KindPerson}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range subs {
		out = append(out, fmt.Sprintf("%s %d/%d", p.Name, p.Stories, p.Mentions))
	}
	return strings.Join(out, ", ")
}

func TestNamesMergeAcrossStories(t *testing.T) {
	s := openTemp(t)
	save(t, s,
		story(1, "Summit at the border", []news.Person{person("Donald Trump", 4, "President Trump", "Trump"), person("Kim Jong Un", 3, "Kim")}, []string{"Panmunjom"}),
		story(2, "Talks resume", []news.Person{person("Trump", 2), person("Kim Jong Un", 1)}, nil),
		story(3, "Envoys meet", []news.Person{person("Kim Jong-un", 1)}, []string{"Panmunjom"}),
	)
	// A later batch: the alias a story gave is a form of the person too.
	save(t, s, story(4, "A letter", []news.Person{person("President Trump", 1), person("Kim", 2)}, nil))
	if got, want := people(t, s), "Kim Jong Un 4/7, Donald Trump 3/7"; got != want {
		t.Errorf("people = %s\nwant %s", got, want)
	}
	places, _, _ := s.Subjects(context.Background(), SubjectFilter{Kind: news.KindPlace}, 0, 0)
	if len(places) != 1 || places[0].Stories != 2 || places[0].FirstSeen.Day() != 1 || places[0].LastSeen.Day() != 3 {
		t.Errorf("places = %+v", places)
	}
}

func TestSameSurnameInOneStoryStaysTwo(t *testing.T) {
	s := openTemp(t)
	save(t, s,
		story(1, "State visit", []news.Person{person("Donald Trump", 5, "Trump"), person("Melania Trump", 2, "Mrs Trump")}, nil),
		story(2, "Rally", []news.Person{person("Donald Trump", 3, "Trump")}, nil),
		story(3, "Campaign", []news.Person{person("Donald Trump", 3, "Trump")}, nil),
	)
	if got, want := people(t, s), "Donald Trump 3/11, Melania Trump 1/2"; got != want {
		t.Errorf("people = %s\nwant %s", got, want)
	}
	// A story naming only "Trump" goes to the Trump the library knows
	// best, three stories to one; with two Trumps equally known it would
	// stay a person of its own.
	save(t, s, story(4, "Statement", []news.Person{person("Trump", 1)}, nil))
	if got, want := people(t, s), "Donald Trump 4/12, Melania Trump 1/2"; got != want {
		t.Errorf("after a one-word story: %s\nwant %s", got, want)
	}
	save(t, s, story(5, "Gala", []news.Person{person("Melania Trump", 2, "Trump")}, nil),
		story(6, "Gala again", []news.Person{person("Melania Trump", 2, "Trump")}, nil))
	save(t, s, story(7, "Who?", []news.Person{person("Trump", 1)}, nil))
	if got, want := people(t, s), "Donald Trump 4/12, Melania Trump 3/6, Trump 1/1"; got != want {
		t.Errorf("an ambiguous one-word story: %s\nwant %s", got, want)
	}
}

func TestOneWordStoryBeforeTheFullNameJoinsIt(t *testing.T) {
	s := openTemp(t)
	save(t, s, story(1, "Briefing", []news.Person{person("Okafor", 2), person("Ruth Ames", 1)}, nil))
	save(t, s, story(2, "Profile", []news.Person{person("David Okafor", 3, "Okafor"), person("Ruth Ames", 1)}, nil))
	if got, want := people(t, s), "Ruth Ames 2/2, David Okafor 2/5"; got != want {
		t.Errorf("people = %s\nwant %s", got, want)
	}
}

func reextract(t *testing.T, s *Store, arts ...*news.Article) {
	t.Helper()
	up := map[int64]news.Entities{}
	for _, a := range arts {
		up[a.ID] = a.Entities
	}
	if err := s.SetEntities(context.Background(), 2, up); err != nil {
		t.Fatal(err)
	}
}

func TestMergeAndSplitSurviveReextraction(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := story(1, "Port strike", []news.Person{person("Fiona MacRae", 2, "MacRae")}, nil,
		news.Quote{Text: "We are ready", Speaker: "Fiona MacRae"})
	b := story(2, "Union vote", []news.Person{person("Fi MacRae", 1)}, nil,
		news.Quote{Text: "The vote is clear", Speaker: "Fi MacRae"})
	save(t, s, a, b)
	if got := people(t, s); got != "Fiona MacRae 1/2, Fi MacRae 1/1" {
		t.Fatalf("before the merge: %s", got)
	}
	if _, err := s.Merge(ctx, news.KindPerson, "Fiona MacRae", "Fi MacRae"); err != nil {
		t.Fatal(err)
	}
	want := "Fiona MacRae 2/3"
	if got := people(t, s); got != want {
		t.Errorf("after the merge: %s, want %s", got, want)
	}
	fiona, err := s.FindSubject(ctx, news.KindPerson, "Fi MacRae")
	if err != nil {
		t.Fatal(err)
	}
	if qs, _, _ := s.Quotes(ctx, QuoteFilter{SpeakerID: fiona.ID}, 0, 0); len(qs) != 2 {
		t.Errorf("quotes of the merged person: %+v", qs)
	}
	reextract(t, s, a, b)
	if got := people(t, s); got != want {
		t.Errorf("after re-extraction: %s, want %s", got, want)
	}
	save(t, s, story(3, "Later", []news.Person{person("Fi MacRae", 1)}, nil))
	if got, want := people(t, s), "Fiona MacRae 3/4"; got != want {
		t.Errorf("a later story: %s, want %s", got, want)
	}

	if _, err := s.Split(ctx, news.KindPerson, "Fiona MacRae", []string{"Fi MacRae"}); err != nil {
		t.Fatal(err)
	}
	want = "Fi MacRae 2/2, Fiona MacRae 1/2"
	if got := people(t, s); got != want {
		t.Errorf("after the split: %s, want %s", got, want)
	}
	reextract(t, s, a, b)
	save(t, s, story(4, "Even later", []news.Person{person("Fi MacRae", 1)}, nil))
	if got, want := people(t, s), "Fi MacRae 3/3, Fiona MacRae 1/2"; got != want {
		t.Errorf("after the split, re-extraction and a new story: %s, want %s", got, want)
	}
	if _, err := s.Split(ctx, news.KindPerson, "Fiona MacRae", []string{"Nobody"}); !errors.Is(err, ErrNotAForm) {
		t.Errorf("splitting off a form the person does not have: %v", err)
	}
}

// A one-word form joined by dominance can be split off, and the stories
// that name only that word keep going to the new person.
func TestSplitOneWordForm(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	save(t, s, story(1, "Profile", []news.Person{person("David Okafor", 3, "Okafor"), person("Ruth Ames", 1)}, nil),
		story(2, "Match report", []news.Person{person("Okafor", 1), person("Ruth Ames", 1)}, nil))
	if got := people(t, s); got != "David Okafor 2/4, Ruth Ames 2/2" {
		t.Fatalf("before: %s", got)
	}
	if _, err := s.Split(ctx, news.KindPerson, "David Okafor", []string{"Okafor"}); err != nil {
		t.Fatal(err)
	}
	save(t, s, story(3, "Another match", []news.Person{person("Okafor", 2)}, nil))
	if got, want := people(t, s), "Ruth Ames 2/2, Okafor 2/3, David Okafor 1/3"; got != want {
		t.Errorf("after the split: %s, want %s", got, want)
	}
}

func TestSubjectsOfAQueryAndTheirCompany(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	save(t, s,
		story(1, "Ferry strike", []news.Person{person("Fiona MacRae", 2), person("Callum Strachan", 1)}, []string{"Glasgow"}),
		story(2, "Ferry talks", []news.Person{person("Fiona MacRae", 1), person("Callum Strachan", 1)}, []string{"Oban"}),
		story(20, "Bridge", []news.Person{person("Fiona MacRae", 1), person("Isla Grant", 1)}, []string{"Glasgow"}),
	)
	q, _ := news.ParseQuery("after:2026-03-10")
	subs, total, err := s.Subjects(ctx, SubjectFilter{Kind: news.KindPerson, Query: q}, 0, 0)
	if err != nil || total != 2 || len(subs) != 2 || subs[0].Stories != 1 {
		t.Errorf("people after the 10th: %+v (%d), %v", subs, total, err)
	}
	fiona, _ := s.FindSubject(ctx, news.KindPerson, "MacRae")
	ppl, places, err := s.Related(ctx, fiona.ID, 5)
	if err != nil || len(ppl) != 2 || ppl[0].Name != "Callum Strachan" || ppl[0].Stories != 2 || len(places) != 2 || places[0].Name != "Glasgow" {
		t.Errorf("company of Fiona MacRae: %+v %+v %v", ppl, places, err)
	}
	arts, err := s.SubjectStories(ctx, fiona.ID, 0, 0)
	if err != nil || len(arts) != 3 || arts[0].Title != "Bridge" {
		t.Errorf("stories of Fiona MacRae: %d, %v", len(arts), err)
	}
	subs = []news.Subject{fiona}
	if err := s.FillWeekly(ctx, subs, 4); err != nil || fmt.Sprint(subs[0].Weekly) != "[0 2 0 1]" {
		t.Errorf("weekly = %v, %v", subs[0].Weekly, err)
	}
}

func TestDeletedArticlesLeaveTheCounts(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := save(t, s, story(1, "One", []news.Person{person("Isla Grant", 2)}, nil, news.Quote{Text: "We stay", Speaker: "Isla Grant"}),
		story(5, "Two", []news.Person{person("Isla Grant", 1)}, nil, news.Quote{Text: "We go", Speaker: "Isla Grant"}))
	if _, err := s.db.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, r[1].ID); err != nil {
		t.Fatal(err)
	}
	isla, err := s.FindSubject(ctx, news.KindPerson, "Isla Grant")
	if err != nil || isla.Stories != 1 || isla.Mentions != 2 || isla.LastSeen.Day() != 1 {
		t.Errorf("after deleting a story: %+v, %v", isla, err)
	}
	if qs, total, err := s.Quotes(ctx, QuoteFilter{}, 0, 0); err != nil || total != 1 || qs[0].Text != "We stay" {
		t.Errorf("quotes after deleting a story: %+v %d %v", qs, total, err)
	}
	if qs, _, _ := s.Quotes(ctx, QuoteFilter{SpeakerID: isla.ID}, 0, 0); len(qs) != 1 {
		t.Errorf("Isla Grant's quotes after deleting a story: %+v", qs)
	}
	// A subject deleted outright takes its stories with it and leaves
	// its quotes to the name the story gave.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM subjects WHERE id = ?`, isla.ID); err != nil {
		t.Fatal(err)
	}
	if qs, _, err := s.Quotes(ctx, QuoteFilter{}, 0, 0); err != nil || len(qs) != 1 || qs[0].SpeakerID != 0 || qs[0].Speaker != "Isla Grant" {
		t.Errorf("quotes after deleting their speaker: %+v %v", qs, err)
	}
	var left int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM appearances`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d appearances after deleting their subject (%v)", left, err)
	}
}

func TestQuotesByWordsAndSpeaker(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	save(t, s,
		story(1, "Harbour", []news.Person{person("Fiona MacRae", 1)}, nil,
			news.Quote{Text: "The harbour stays open", Speaker: "Fiona MacRae", Paragraph: 2},
			news.Quote{Text: "no comment", Speaker: "the council", Partial: true}),
		story(2, "Bridge", []news.Person{person("Callum Strachan", 1)}, nil,
			news.Quote{Text: "The bridge is safe", Speaker: "Callum Strachan"}),
	)
	all, total, err := s.Quotes(ctx, QuoteFilter{}, 0, 0)
	if err != nil || total != 3 || all[0].Text != "The bridge is safe" || all[0].Title != "Bridge" || all[0].SpeakerID == 0 {
		t.Errorf("all quotes: %+v %d %v", all, total, err)
	}
	if qs, _, _ := s.Quotes(ctx, QuoteFilter{Words: "harbour open"}, 0, 0); len(qs) != 1 || qs[0].Paragraph != 2 {
		t.Errorf("quotes with harbour and open: %+v", qs)
	}
	if qs, _, _ := s.Quotes(ctx, QuoteFilter{Words: "council"}, 0, 0); len(qs) != 1 || !qs[0].Partial || qs[0].SpeakerID != 0 {
		t.Errorf("quotes by the council: %+v", qs)
	}
}

// A library from before the index gets it from its stored entities,
// merged as the save path merges.
func TestMigrationBuildsTheIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	save(t, s,
		story(1, "Summit", []news.Person{person("Kim Jong Un", 3, "Kim"), person("Moon Jae-in", 1)}, []string{"Seoul"}, news.Quote{Text: "Peace", Speaker: "Kim Jong Un"}),
		story(2, "Letter", []news.Person{person("Kim", 1), person("Moon Jae-in", 1)}, nil))
	// Back to the schema before the index, as an older byline left it:
	// entities as JSON documents, quotes and all.
	var docs []string
	for id := int64(1); id <= 2; id++ {
		a, err := s.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := json.Marshal(a.Entities)
		docs = append(docs, fmt.Sprintf(`UPDATE entities SET data = '%s' WHERE article_id = %d`, doc, id))
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append(docs, `DROP TABLE library_quotes`, `DROP TABLE appearances`, `DROP TABLE short_names`, `DROP TABLE subject_keys`,
		`DROP TABLE subjects`, `DROP TABLE highlights`, fmt.Sprintf(`PRAGMA user_version = %d`, subjectsMigration()-1)) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := people(t, s), "Kim Jong Un 2/4, Moon Jae-in 2/2"; got != want {
		t.Errorf("people after the migration: %s, want %s", got, want)
	}
	if qs, _, _ := s.Quotes(context.Background(), QuoteFilter{Words: "peace"}, 0, 0); len(qs) != 1 || qs[0].SpeakerID == 0 {
		t.Errorf("quotes after the migration: %+v", qs)
	}
	// The migrations after it keep what deleting an article does.
	if _, err := s.db.Exec(`DELETE FROM articles WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if got, want := people(t, s), "Kim Jong Un 1/1, Moon Jae-in 1/1"; got != want {
		t.Errorf("people after deleting a story: %s, want %s", got, want)
	}
	if qs, total, _ := s.Quotes(context.Background(), QuoteFilter{}, 0, 0); total != 0 {
		t.Errorf("quotes after deleting their story: %+v", qs)
	}
}

// subjectsMigration is the schema version the index arrives with.
func subjectsMigration() int {
	names, _ := migrationFS.ReadDir("migrations")
	for i, n := range names {
		if strings.HasSuffix(n.Name(), "_subjects.sql") {
			return i + 1
		}
	}
	return 0
}

func TestHighlightRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r := save(t, s, article("Ferry talks", "The talks collapsed at noon. Both sides blamed the weather."), article("Other", "Nothing."))
	h, err := s.AddHighlight(ctx, news.Highlight{ArticleID: r[0].ID, Start: 0, End: 28, Text: "The talks collapsed at noon.", Note: "check the time"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(ctx, r[0].ID)
	if len(a.Highlights) != 1 || a.Highlights[0].Text != "The talks collapsed at noon." || a.Highlights[0].Note != "check the time" {
		t.Errorf("highlights = %+v", a.Highlights)
	}
	if got := list(t, s, "has:highlight"); len(got) != 1 || got[0].ID != r[0].ID {
		t.Errorf("has:highlight found %d", len(got))
	}
	if got := list(t, s, "-has:highlight"); len(got) != 1 || got[0].ID != r[1].ID {
		t.Errorf("-has:highlight found %d", len(got))
	}
	if err := s.SetHighlightNote(ctx, h.ID, "noon, not one"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteHighlight(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	if got := list(t, s, "has:highlight"); len(got) != 0 {
		t.Errorf("has:highlight after delete found %d", len(got))
	}
	if err := s.DeleteHighlight(ctx, h.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v", err)
	}
	if _, err := s.AddHighlight(ctx, news.Highlight{ArticleID: 999, Text: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a highlight on no article: %v", err)
	}
}

// Two people of one story merged by mistake come apart again whole.
func TestSplitUndoesAMergeWithinOneStory(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	save(t, s, story(1, "Talks", []news.Person{person("Fiona MacRae", 2), person("Callum Strachan", 3, "Mr Strachan")}, nil,
		news.Quote{Text: "No deal", Speaker: "Callum Strachan"}))
	if _, err := s.Merge(ctx, news.KindPerson, "Fiona MacRae", "Callum Strachan"); err != nil {
		t.Fatal(err)
	}
	if got := people(t, s); got != "Fiona MacRae 1/5" {
		t.Fatalf("after the merge: %s", got)
	}
	if _, err := s.Split(ctx, news.KindPerson, "Fiona MacRae", []string{"Callum Strachan"}); err != nil {
		t.Fatal(err)
	}
	if got, want := people(t, s), "Fiona MacRae 1/2, Callum Strachan 1/3"; got != want {
		t.Errorf("after the split: %s, want %s", got, want)
	}
	callum, _ := s.FindSubject(ctx, news.KindPerson, "Callum Strachan")
	if qs, _, _ := s.Quotes(ctx, QuoteFilter{SpeakerID: callum.ID}, 0, 0); len(qs) != 1 {
		t.Errorf("Callum's quotes after the split: %+v", qs)
	}
}

// TestCountsMatchTheStories: the counters a save adds up per batch are what
// counting the stories gives, whatever order the stories come in, across
// batches, after a merge and after a deletion.
func TestCountsMatchTheStories(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	save(t, s,
		story(9, "Late", []news.Person{person("Ada Byrne", 2), person("Tom Quill", 1)}, []string{"Derry"}),
		story(3, "Early", []news.Person{person("Ada Byrne", 1)}, []string{"Derry", "Sligo"}),
		story(6, "Middle", []news.Person{person("Byrne", 4), person("Tom Quill", 1)}, nil))
	r := save(t, s,
		story(1, "Earliest", []news.Person{person("Ada Byrne", 3), person("Tom Quill", 2)}, []string{"Sligo"}),
		story(12, "Latest", []news.Person{person("Thomas Quill", 1)}, nil))
	if _, err := s.Merge(ctx, news.KindPerson, "Tom Quill", "Thomas Quill"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, r[0].ID); err != nil {
		t.Fatal(err)
	}
	var wrong int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM subjects s LEFT JOIN (
			SELECT subject_id, count(*) n, sum(mentions) m, min(sort_time) lo, max(sort_time) hi FROM appearances GROUP BY subject_id) a
			ON a.subject_id = s.id
		WHERE s.stories <> COALESCE(a.n, 0) OR s.mentions <> COALESCE(a.m, 0)
			OR (a.n > 0 AND (s.first_seen <> a.lo OR s.last_seen <> a.hi))`).Scan(&wrong)
	if err != nil || wrong != 0 {
		t.Errorf("%d subjects whose counts differ from their stories (%v)", wrong, err)
	}
	if got, want := people(t, s), "Ada Byrne 3/7, Tom Quill 3/3"; got != want {
		t.Errorf("people = %s\nwant %s", got, want)
	}
}

// TestSubjectKeyOfASCIINames checks the one-pass key of an ASCII name
// against the general one: a name keyed two ways would be two people.
func TestSubjectKeyOfASCIINames(t *testing.T) {
	names := []string{"", " ", "Kim Jong-un", "kim  jong un", "  Dr. J. R. R. Tolkien ", "O'Neill", "Smith,John",
		"A\tB\nC", "--x--", "MacRae", "ALL CAPS", "Jean-Luc Picard.", "x..y", "1984 Group"}
	// And every mix of letters, separators and digits a random walk finds.
	const alphabet = "aZq '-.,\t\n\v\f\r09_"
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		names = append(names, string(b))
	}
	for _, n := range names {
		if got, want := subjectKey(n), subjectKeyUnicode(n); got != want {
			t.Errorf("subjectKey(%q) = %q, want %q", n, got, want)
		}
	}
	// Names beyond ASCII take the general path.
	for n, want := range map[string]string{"Kim Jong‐un": "kim jong un", "O’Neill": "o'neill", "ÉMILE ZOLA": "émile zola", "A\u00a0B": "a b"} {
		if got := subjectKey(n); got != want {
			t.Errorf("subjectKey(%q) = %q, want %q", n, got, want)
		}
	}
}

// A story that names a person by one word only is given to the person the
// library knows by it only on evidence: the story shares someone with
// theirs, or the word is the surname of a person of several stories. A
// story of another Hartley, or one that says only "Alan", keeps its own.
func TestOneWordStoryJoinsOnEvidence(t *testing.T) {
	s := openTemp(t)
	save(t, s,
		story(1, "Budget row", []news.Person{person("Alan Hartley", 3, "Hartley", "Alan"), person("Rosa Mendes", 1)}, nil),
		story(2, "Conference", []news.Person{person("Alan Hartley", 2, "Hartley")}, nil))
	save(t, s,
		story(4, "Fannie bosses go", []news.Person{person("Hartley", 1, "Mr Hartley"), person("Tim Quill", 2)}, nil),
		story(3, "Reply", []news.Person{person("Hartley", 2, "Mr Hartley"), person("Rosa Mendes", 1)}, nil),
		story(5, "Chat show", []news.Person{person("Alan", 3)}, nil))
	if got, want := people(t, s), "Alan Hartley 3/7, Rosa Mendes 2/2, Tim Quill 1/2, Hartley 1/1, Alan 1/3"; got != want {
		t.Errorf("people = %s\nwant %s", got, want)
	}
	// Known from three stories, his surname alone is taken for him; his
	// given name still is not.
	save(t, s,
		story(6, "Vote", []news.Person{person("Hartley", 1)}, nil),
		story(7, "Talk show", []news.Person{person("Alan", 1)}, nil))
	if got, want := people(t, s), "Alan Hartley 4/8, Rosa Mendes 2/2, Alan 2/4, Tim Quill 1/2, Hartley 1/1"; got != want {
		t.Errorf("after a well-known surname: %s\nwant %s", got, want)
	}
	// A full name met after one-word stories takes them only with company.
	save(t, s, story(8, "Quiz", []news.Person{person("Okafor", 1)}, nil))
	save(t, s, story(9, "Profile", []news.Person{person("David Okafor", 2, "Okafor")}, nil))
	if got := people(t, s); !strings.Contains(got, "David Okafor 1/2") || !strings.Contains(got, "Okafor 1/1") {
		t.Errorf("a lone Okafor with no company was adopted: %s", got)
	}
	// Once he is known well, his surname's stories are his.
	save(t, s, story(10, "Interview", []news.Person{person("David Okafor", 1)}, nil),
		story(11, "Transfer", []news.Person{person("David Okafor", 1)}, nil))
	if got := people(t, s); !strings.Contains(got, "David Okafor 4/5") || strings.Contains(got, "Okafor 1/1") {
		t.Errorf("a well-known surname did not take its lone story: %s", got)
	}
}
