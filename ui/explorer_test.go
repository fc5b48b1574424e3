package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"byline/news"
	"byline/store"
)

// explorerLibrary is a real library of four stories written for these
// tests, so the views show what the store's index makes of them.
func explorerLibrary(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	p := func(name string, n int, aliases ...string) news.Person {
		return news.Person{Name: name, Mentions: n, Aliases: aliases}
	}
	pl := func(names ...string) []news.Place {
		var out []news.Place
		for _, n := range names {
			out = append(out, news.Place{Name: n, Mentions: 1})
		}
		return out
	}
	arts := []*news.Article{
		{Title: "Ferry strike begins", Source: "Meridian Wire", Published: day(2),
			Body: "Crews walked out at dawn.\n\n\"Nobody wanted this,\" said Fiona MacRae of the union.",
			Entities: news.Entities{People: []news.Person{p("Fiona MacRae", 2, "MacRae"), p("Callum Strachan", 1)}, Places: pl("Oban", "Glasgow"),
				Quotes: []news.Quote{{Text: "Nobody wanted this,", Speaker: "Fiona MacRae", Paragraph: 2}}}},
		{Title: "Talks resume in Glasgow", Source: "Northline News", Published: day(9),
			Body: "The two sides met again.\n\n\"We are listening,\" Callum Strachan said.\n\n\"So are we,\" said MacRae.",
			Entities: news.Entities{People: []news.Person{p("Callum Strachan", 2, "Strachan"), p("MacRae", 1)}, Places: pl("Glasgow"),
				Quotes: []news.Quote{{Text: "We are listening,", Speaker: "Callum Strachan", Paragraph: 2}, {Text: "So are we,", Speaker: "MacRae", Paragraph: 3}}}},
		{Title: "Islands run short of fuel", Source: "The Harbour Gazette", Published: day(16),
			Body:     "Stornoway has two days of diesel left, Isla Grant said.",
			Entities: news.Entities{People: []news.Person{p("Isla Grant", 1)}, Places: pl("Stornoway")}},
		{Title: "Strike ends with a deal", Source: "Meridian Wire", Published: day(23),
			Body: "The ferries sail again on Monday.\n\n\"It is a fair deal,\" said Fiona MacRae.",
			Entities: news.Entities{People: []news.Person{p("Fiona MacRae", 3)}, Places: pl("Oban"),
				Quotes: []news.Quote{{Text: "It is a fair deal,", Speaker: "Fiona MacRae", Paragraph: 2}}}},
	}
	for _, a := range arts {
		a.EntitiesVersion = 1
	}
	if _, err := s.Save(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return s
}

func runExplorer(t *testing.T, w, h int, steps func(tm *teatest.TestModel)) Model {
	t.Helper()
	tm := teatest.NewTestModel(t, probed{New(explorerLibrary(t), Options{NoColor: true})}, teatest.WithInitialTermSize(w, h))
	waitLoaded(t, tm)
	steps(tm)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probed).Model
}

var sizes = []struct {
	name string
	w, h int
}{{"120x36", 120, 36}, {"80x24", 80, 24}}

func TestExplorerPeopleView(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			m := runExplorer(t, sz.w, sz.h, func(tm *teatest.TestModel) {
				keys(tm, "P")
				waitFor(t, tm, "Isla Grant")
			})
			scr := finalScreen(m)
			if !strings.Contains(scr, "People 3") || strings.Index(scr, "Fiona MacRae") > strings.Index(scr, "Isla Grant") {
				t.Errorf("the people view does not list Fiona MacRae (merged with MacRae) first:\n%s", scr)
			}
			golden.RequireEqual(t, scr)
		})
	}
}

func TestExplorerPlacesView(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			m := runExplorer(t, sz.w, sz.h, func(tm *teatest.TestModel) {
				keys(tm, "L", "s")
				waitFor(t, tm, "latest first")
				// The heading changes at the key, the rows when the
				// re-sorted page arrives.
				// By stories Oban and Glasgow (2 each) come before
				// Stornoway (1), so only Stornoway above Glasgow shows
				// the new order.
				waitUntil(t, tm, "Oban, Stornoway, Glasgow", func(m Model) bool {
					scr := ansi.Strip(m.screen())
					o, s, g := strings.Index(scr, "Oban"), strings.Index(scr, "Stornoway"), strings.Index(scr, "Glasgow")
					return o >= 0 && s > o && g > s
				})
			})
			scr := finalScreen(m)
			if !strings.Contains(scr, "Places 3") || strings.Index(scr, "Oban") > strings.Index(scr, "Stornoway") {
				t.Errorf("the places view by latest story does not list Oban first:\n%s", scr)
			}
			golden.RequireEqual(t, scr)
		})
	}
}

func TestExplorerQuotesView(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			m := runExplorer(t, sz.w, sz.h, func(tm *teatest.TestModel) {
				keys(tm, "\"")
				waitFor(t, tm, "listening")
			})
			golden.RequireEqual(t, finalScreen(m))
		})
	}
}

func TestExplorerPersonPage(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			m := runExplorer(t, sz.w, sz.h, func(tm *teatest.TestModel) {
				keys(tm, "P")
				waitFor(t, tm, "Isla Grant")
				keys(tm, "enter")
				waitFor(t, tm, "Often")
			})
			scr := finalScreen(m)
			for _, want := range []string{"Fiona MacRae · 3 stories", "Strike ends with a deal", "Callum Strachan", "Oban"} {
				if !strings.Contains(scr, want) {
					t.Errorf("the page lacks %q:\n%s", want, scr)
				}
			}
			golden.RequireEqual(t, scr)
		})
	}
}

// Enter on a quote of a person's page opens the story scrolled to it.
func TestExplorerQuoteOpensTheStory(t *testing.T) {
	m := runExplorer(t, 120, 36, func(tm *teatest.TestModel) {
		keys(tm, "P")
		waitFor(t, tm, "Isla Grant")
		keys(tm, "enter")
		waitFor(t, tm, "Often")
		keys(tm, "tab", "j", "j", "enter")
		waitFor(t, tm, "walked")
	})
	if m.explorer.active || m.article.article == nil || m.article.article.Title != "Ferry strike begins" || m.article.quote == nil ||
		m.article.quote.Text != "Nobody wanted this," {
		t.Errorf("after enter on the second quote: explorer %v, article %+v, quote %+v", m.explorer.active, m.article.article, m.article.quote)
	}
}

// A person in the panel beside the article opens their page with P.
func TestExplorerFromThePeoplePanel(t *testing.T) {
	m := runExplorer(t, 120, 36, func(tm *teatest.TestModel) {
		keys(tm, "enter")
		waitUntil(t, tm, "the article to open", func(m Model) bool { return m.focus == paneArticle && m.article.article != nil })
		keys(tm, "tab", "P")
		waitFor(t, tm, "Often")
	})
	if !m.explorer.active || m.explorer.view != viewPage || m.explorer.page.subject.Name != "Fiona MacRae" {
		t.Errorf("P on the people panel: view %v", m.explorer.view)
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]int{0, 1, 7, 14, 3}); got != "▁▂▅█▃" {
		t.Errorf("Sparkline = %q", got)
	}
}

// A person with more stories and quotes than their page shows: its
// headings say how many of how many, rather than count only those shown.
func TestExplorerPersonPageSaysWhatItLeavesOut(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	const n = pageItems + 5
	var arts []*news.Article
	for i := range n {
		arts = append(arts, &news.Article{
			Title: fmt.Sprintf("Harbour report %d", i), Source: "Meridian Wire",
			Published: time.Date(2026, 3, 1, 0, i, 0, 0, time.UTC),
			Body:      fmt.Sprintf("\"Tide %d is late,\" said Fiona MacRae.", i),
			Entities: news.Entities{People: []news.Person{{Name: "Fiona MacRae", Mentions: 1}},
				Quotes: []news.Quote{{Text: fmt.Sprintf("Tide %d is late,", i), Speaker: "Fiona MacRae", Paragraph: 1}}},
			EntitiesVersion: 1,
		})
	}
	if _, err := s.Save(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, probed{New(s, Options{NoColor: true})}, teatest.WithInitialTermSize(160, 40))
	waitLoaded(t, tm)
	keys(tm, "P")
	waitFor(t, tm, "Fiona MacRae")
	keys(tm, "enter")
	waitFor(t, tm, "Harbour report")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	scr := finalScreen(tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probed).Model)
	for _, want := range []string{fmt.Sprintf("Stories (newest %d of %d)", pageItems, n), fmt.Sprintf("Quotes (newest %d of %d)", pageItems, n)} {
		if !strings.Contains(scr, want) {
			t.Errorf("the page lacks %q:\n%s", want, scr)
		}
	}
}
