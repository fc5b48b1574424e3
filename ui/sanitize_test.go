package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// Only SGR (colour and emphasis) sequences and glamour's OSC 8 hyperlinks
// may appear in the reader's output; anything else came from article
// content and must never reach the terminal. A hyperlink's target is
// cleaned text, so it cannot end the sequence early and smuggle another.
var (
	sgr       = regexp.MustCompile(`\x1b\[[0-9;:]*m`)
	hyperlink = regexp.MustCompile(`\x1b\]8;[^\x1b\x07\x{9c}]*(\x1b\\|\x07)`)
)

func assertNoEscapes(t *testing.T, where, out string) {
	t.Helper()
	rest := hyperlink.ReplaceAllString(sgr.ReplaceAllString(out, ""), "")
	if i := strings.IndexAny(rest, "\x1b\x07\u009b\u009d\u202e\u2066\r\b"); i >= 0 {
		t.Fatalf("%s: control sequence reached the view near %q", where, rest[max(0, i-20):min(len(rest), i+20)])
	}
}

func hostileLibrary(payload string) *fakeLibrary {
	return &fakeLibrary{articles: []*news.Article{{
		ID: 1, Title: "Title" + payload, Source: "Src" + payload, Tags: []string{"t" + payload},
		Body: "Body " + payload + "\n\n\"Hi" + payload + "\" said Ann.\n\nMore " + payload, URL: "https://example.com/" + payload,
		Entities: news.Entities{
			People: []news.Person{{Name: "Ann" + payload, Mentions: 1}},
			Places: []news.Place{{Name: "Oslo" + payload, Mentions: 1}},
			Quotes: []news.Quote{{Text: "Hi" + payload, Speaker: "Ann" + payload}},
		},
		Notes: []news.Note{{Text: "note" + payload}},
	}}}
}

var hostile = []string{
	"\x1b]52;c;ZXZpbA==\x07",   // write the clipboard
	"\x1b]0;pwned\x1b\\",       // set the window title
	"\x1b[2J\x1b[H",            // clear the screen, move the cursor
	"\u202eevil\u202c",         // bidi override
	"\u009b31m\u009d0;x\u009c", // C1 controls
	"\x1b[8mhidden\x1b[28m",    // hide text
	"a\rb\bc\x07",
}

func TestArticleContentCannotEscape(t *testing.T) {
	for i, p := range hostile {
		// Alternate colour and NO_COLOR: glamour styles differ.
		m := startWith(t, hostileLibrary(p), Options{NoColor: i%2 == 0})
		m = drive(t, m, tea.WindowSizeMsg{Width: 140, Height: 40}, press("enter"))
		for range paneCount {
			assertNoEscapes(t, "view", m.View().Content)
			m = drive(t, m, press("tab"))
		}
		m = drive(t, m, press("shift+tab"), press("shift+tab"), press("enter")) // the quote, marked in the article
		if m.article.quoteAt < 0 {
			t.Errorf("payload %d: the quote was not found in the article", i)
		}
		assertNoEscapes(t, "quote", m.View().Content)
		m = drive(t, m, press("N"), press("up")) // the notes, listed in the editor
		assertNoEscapes(t, "notes", m.View().Content)
		m = drive(t, m, press("esc"), tea.WindowSizeMsg{Width: 60, Height: 20})
		assertNoEscapes(t, "narrow view", m.View().Content)
	}
}

func FuzzViewNeverEmitsControls(f *testing.F) {
	for _, p := range hostile {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		m := sized(t, hostileLibrary(payload), 130, 30)
		m = drive(t, m, press("enter"))
		assertNoEscapes(t, "view", m.View().Content)
	})
}
