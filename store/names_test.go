package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"byline/news"
)

// nameStories is a small library of the name shapes a person: or place:
// filter meets: one person named in full, by a title and by the surname
// alone; two people who share a surname; a hyphenated surname; a peer
// known by a title; places known by several forms.
func nameStories(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	arts := []*news.Article{
		story(1, "Summit", []news.Person{person("Donald Trump", 4, "President Trump", "Trump"), person("Kim Jong-un", 3, "Kim")},
			[]string{"North Korea", "Singapore"}),
		story(2, "Rally", []news.Person{person("Donald Trump", 3, "Trump"), person("Melania Trump", 1, "Mrs Trump")}, []string{"United States"}),
		story(3, "Statement", []news.Person{person("Trump", 1)}, []string{"US"}),
		story(4, "Hearing", []news.Person{person("Alexandria Ocasio-Cortez", 2, "Ocasio-Cortez")}, nil),
		story(5, "Peers", []news.Person{person("Falconer", 2, "Lord Falconer")}, nil),
		story(6, "Books", []news.Person{person("J.K. Rowling", 2, "Rowling")}, nil),
		story(7, "Weather", nil, []string{"Dover"}),
	}
	arts[0].Entities.Places[0].Aliases = []string{"the North"}
	arts[1].Entities.Places[0].Aliases = []string{"US"}
	arts[2].Entities.Places[0].Aliases = []string{"America"}
	ids := map[string]int64{}
	for i, r := range save(t, s, arts...) {
		ids[arts[i].Title] = r.ID
	}
	return ids
}

// titles lists the titles of the articles q finds, in date order.
func titles(t *testing.T, s *Store, q string) string {
	t.Helper()
	var out []string
	for _, a := range list(t, s, q) {
		out = append(out, a.Title)
	}
	slices.Reverse(out)
	return strings.Join(out, ", ")
}

// walkTitles is titles by where, as a name in many articles is matched:
// article by article.
func walkTitles(t *testing.T, s *Store, q news.Query) string {
	t.Helper()
	where, args, err := s.where(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query(`SELECT a.title FROM articles a`+where+` ORDER BY a.sort_time`, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var title string
		if err := rows.Scan(&title); err != nil {
			t.Fatal(err)
		}
		out = append(out, title)
	}
	return strings.Join(out, ", ")
}

// TestPersonAndPlaceFilters holds what person: and place: find: the full
// name, an alias, the surname alone, any case. Written against the
// per-article name table these filters read before, and kept when they
// moved to the index of subjects; the rows that changed say so.
func TestPersonAndPlaceFilters(t *testing.T) {
	s := openTemp(t)
	nameStories(t, s)
	ctx := context.Background()
	for _, tt := range []struct{ query, want string }{
		// Every person with the surname, and a story naming only it.
		{"person:Trump", "Summit, Rally, Statement"},
		{"person:TRUMP", "Summit, Rally, Statement"},
		{`person:"Donald Trump"`, "Summit, Rally"},
		{`person:"donald trump"`, "Summit, Rally"},
		// An alias names the person: all their stories, not only those
		// that used it (before the index of subjects, only Summit).
		{`person:"President Trump"`, "Summit, Rally"},
		{`person:"Melania Trump"`, "Rally"},
		{`person:"Mrs Trump"`, "Rally"},
		{"person:Kim", "Summit"},
		{`person:"Kim Jong-un"`, "Summit"},
		{"person:jong-un", "Summit"},
		// Hyphens, dots and spaces are one (before, none of these
		// matched).
		{`person:"Kim Jong Un"`, "Summit"},
		{`person:"kim jong-un"`, "Summit"},
		{`person:"jong un"`, "Summit"},
		{`person:"J. K. Rowling"`, "Books"},
		{`person:"Ocasio Cortez"`, "Hearing"},
		{"person:Ocasio-Cortez", "Hearing"},
		{`person:"Alexandria Ocasio-Cortez"`, "Hearing"},
		{`person:"Lord Falconer"`, "Peers"},
		{"person:falconer", "Peers"},
		{`person:"J.K. Rowling"`, "Books"},
		{"person:rowling", "Books"},
		{"person:Donald", ""},
		{"person:Singapore", ""},
		{"place:singapore", "Summit"},
		{`place:"North Korea"`, "Summit"},
		{`place:"the North"`, "Summit"},
		{"place:US", "Rally, Statement"},
		{"place:america", "Statement"},
		{`place:"United States"`, "Rally"},
		{"place:Trump", ""},
		// Negated, and with other terms.
		{"-person:Trump", "Hearing, Peers, Books, Weather"},
		{"-place:US -person:Trump", "Hearing, Peers, Books, Weather"},
		{"person:Trump place:US", "Rally, Statement"},
		{`person:Trump -person:"Melania Trump"`, "Summit, Statement"},
		{"person:Melania", ""},
		{"person:Trump summit", "Summit"},
		{"person:Trump after:2026-03-02", "Rally, Statement"},
		{"person:Trump -summit", "Rally, Statement"},
	} {
		if got := titles(t, s, tt.query); got != tt.want {
			t.Errorf("%s found %q, want %q", tt.query, got, tt.want)
		}
		q, err := news.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		// A list drives from a rare name's matches; the walk of the date
		// index a common name takes (and the views' queries) finds the same.
		if got := walkTitles(t, s, q); got != tt.want {
			t.Errorf("%s walking the date index found %q, want %q", tt.query, got, tt.want)
		}
		n, _, err := s.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(strings.Split(tt.want, ", ")); n != want && tt.want != "" || tt.want == "" && n != 0 {
			t.Errorf("Count(%s) = %d, want %d", tt.query, n, want)
		}
	}
}

// A reader's merge is what the people view shows, and person: follows
// it: the stories of both names, and later stories under either.
func TestPersonFilterFollowsMerge(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	save(t, s,
		story(1, "Ferry talks", []news.Person{person("Ada Quill", 2)}, nil),
		story(2, "Harbour vote", []news.Person{person("Ada Quill-Barnes", 1)}, nil),
		story(3, "Weather", nil, []string{"Dover"}),
	)
	if got := titles(t, s, `person:"Ada Quill"`); got != "Ferry talks" {
		t.Fatalf("before the merge: %q", got)
	}
	if _, err := s.Merge(ctx, news.KindPerson, "Ada Quill", "Ada Quill-Barnes"); err != nil {
		t.Fatal(err)
	}
	save(t, s, story(4, "Pier reopens", []news.Person{person("Ada Quill-Barnes", 1)}, nil))
	for _, tt := range []struct{ query, want string }{
		{`person:"Ada Quill"`, "Ferry talks, Harbour vote, Pier reopens"},
		{`person:"ada quill-barnes"`, "Ferry talks, Harbour vote, Pier reopens"},
		{"person:Quill", "Ferry talks, Harbour vote, Pier reopens"},
		{`-person:"Ada Quill"`, "Weather"},
	} {
		if got := titles(t, s, tt.query); got != tt.want {
			t.Errorf("after the merge %s found %q, want %q", tt.query, got, tt.want)
		}
	}
	if _, err := s.Split(ctx, news.KindPerson, "Ada Quill", []string{"Ada Quill-Barnes"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, want string }{
		{`person:"Ada Quill"`, "Ferry talks"},
		{`person:"Ada Quill-Barnes"`, "Harbour vote, Pier reopens"},
	} {
		if got := titles(t, s, tt.query); got != tt.want {
			t.Errorf("after the split %s found %q, want %q", tt.query, got, tt.want)
		}
	}
}

// A surname many people share is checked through each article's
// appearances rather than a look-up per person, and finds the same.
func TestSurnameOfManyPeople(t *testing.T) {
	s := openTemp(t)
	var arts []*news.Article
	var want []string
	for i, first := range []string{"Ann", "Ben", "Cal", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jon"} {
		title := "Story " + first
		arts = append(arts, story(i+1, title, []news.Person{person(first+" Penrose", 1)}, nil))
		want = append(want, title)
	}
	arts = append(arts, story(11, "Weather", nil, []string{"Dover"}))
	save(t, s, arts...)
	q, _ := news.ParseQuery("person:Penrose")
	named, err := s.resolveNames(context.Background(), q)
	if err != nil || named[0].n != 10 || named[0].n <= fewSubjects {
		t.Fatalf("person:Penrose names %+v, %v; want 10 people", named, err)
	}
	if got := walkTitles(t, s, q); got != strings.Join(want, ", ") {
		t.Errorf("person:Penrose walking found %q", got)
	}
	if got := titles(t, s, "-person:Penrose"); got != "Weather" {
		t.Errorf("-person:Penrose found %q", got)
	}
}

// A story that names its person by a title and the surname ("Lord
// Falconer", extracted as Falconer) is given to the one person the library
// knows by that surname; person: by that title finds it there.
func TestTitleOfAPersonKnownByOneWord(t *testing.T) {
	s := openTemp(t)
	save(t, s,
		story(1, "Courts bill", []news.Person{person("Charles Falconer", 3), person("Ruth Ames", 1)}, nil),
		story(2, "Judges", []news.Person{person("Charles Falconer", 1)}, nil),
		story(3, "Peers", []news.Person{person("Falconer", 2, "Lord Falconer"), person("Ruth Ames", 1)}, nil),
		story(4, "Weather", nil, []string{"Dover"}),
	)
	if got := people(t, s); got != "Charles Falconer 3/6, Ruth Ames 2/2" {
		t.Fatalf("people = %s", got)
	}
	for _, tt := range []struct{ query, want string }{
		{`person:"Lord Falconer"`, "Courts bill, Judges, Peers"},
		{"person:Falconer", "Courts bill, Judges, Peers"},
		{`-person:"Lord Falconer"`, "Weather"},
	} {
		if got := titles(t, s, tt.query); got != tt.want {
			t.Errorf("%s found %q, want %q", tt.query, got, tt.want)
		}
	}
}
