package ui

import (
	"strings"
	"testing"

	"byline/news"
)

// longQuoteLibrary has one article whose quote is long enough to wrap
// over several lines, far enough down to need scrolling.
func longQuoteLibrary() *fakeLibrary {
	quote := "We will keep the ferries running through the winter whatever the union decides, because the islands cannot wait for another round of talks"
	body := strings.Repeat("The harbour was quiet on Monday morning as the talks went on.\n\n", 30) +
		`"` + quote + `," said Fiona MacRae.` + "\n\nThe union did not reply."
	return &fakeLibrary{articles: []*news.Article{{
		ID: 1, Title: "Ferries to run all winter", Source: "Meridian Wire", Body: body, Words: 400,
		Entities: news.Entities{
			People: []news.Person{{Name: "Fiona MacRae", Mentions: 1}},
			Quotes: []news.Quote{{Text: quote, Speaker: "Fiona MacRae", Paragraph: 31}},
		},
	}}}
}

func TestEnterOnQuoteScrollsToItAndMarksIt(t *testing.T) {
	m := sized(t, longQuoteLibrary(), 140, 30)
	m = drive(t, m, press("enter"))
	if strings.Contains(screenText(m), "islands cannot") {
		t.Fatal("the quote is on screen before jumping: the test shows nothing")
	}
	m = drive(t, m, press("shift+tab"), press("shift+tab")) // back past the list to the quotes
	if m.focus != paneQuotes {
		t.Fatalf("focus %v, want the quotes", m.focus)
	}
	m = drive(t, m, press("enter"))
	lines := strings.Split(screenText(m), "\n")
	marked := 0
	for _, l := range lines {
		if strings.Contains(l, "▌") {
			marked++
		}
	}
	// Article pane lines read "…││▌ …": the bar starts the article's line.
	if marked < 2 || !strings.Contains(screenText(m), "islands cannot") {
		t.Errorf("the quote should be on screen with a bar on each of its %d+ lines, got %d:\n%s", 2, marked, screenText(m))
	}
	// Under NO_COLOR the quote's words are in reverse video.
	if raw := m.screen(); !strings.Contains(raw, "\x1b[7m") {
		t.Errorf("the quote is not drawn in reverse video without colour")
	}
	if strings.Count(screenText(m), "▌") > marked {
		t.Error("a line has more than one bar")
	}
}

func TestQuoteStaysMarkedAfterResize(t *testing.T) {
	m := sized(t, longQuoteLibrary(), 100, 30) // the panels are tabs beside the list
	m = drive(t, m, press("enter"), press("shift+tab"), press("shift+tab"), press("enter"))
	if m.focus != paneArticle {
		t.Fatalf("where the quotes hide the article, enter on a quote must show the article; focus %v", m.focus)
	}
	m = drive(t, m, windowSize(160, 40))
	if !strings.Contains(screenText(m), "▌") {
		t.Errorf("the mark was lost when the article was wrapped again:\n%s", screenText(m))
	}
}

func TestFindQuoteAcrossWrappedLines(t *testing.T) {
	rendered := "  Talks ended. \"We came\n  ready to compromise,\" said\n  Fiona."
	spans := findQuote(rendered, "We came ready to compromise,")
	want := []cellSpan{{0, 16, 23}, {1, 2, 22}}
	if len(spans) != len(want) || spans[0] != want[0] || spans[1] != want[1] {
		t.Errorf("spans = %v, want %v", spans, want)
	}
	if findQuote(rendered, "never said") != nil {
		t.Error("found a quote that is not there")
	}
}
