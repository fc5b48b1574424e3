package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"byline/news"
)

func TestSentencesOf(t *testing.T) {
	body := "The talks collapsed. \"Nobody wanted this,\" she said.\n\nA new paragraph without a stop\n\nDr. Who? Yes!"
	var got []string
	for _, s := range sentencesOf(body) {
		if body[s.start:s.end] != s.text {
			t.Errorf("offsets of %q give %q", s.text, body[s.start:s.end])
		}
		got = append(got, s.text)
	}
	want := []string{"The talks collapsed.", "\"Nobody wanted this,\" she said.", "A new paragraph without a stop", "Dr.", "Who?", "Yes!"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q", got)
	}
}

// H chooses the first sentence in view, j takes in the next, enter asks
// for a note and enter keeps both; the highlight is stored, marked in the
// article and listed with the notes.
func TestHighlightByKeyboard(t *testing.T) {
	lib := explorerLibrary(t)
	tm := teatest.NewTestModel(t, probed{New(lib, Options{NoColor: true})}, teatest.WithInitialTermSize(120, 36))
	waitLoaded(t, tm)
	waitUntil(t, tm, "the newest article to show", func(m Model) bool { return m.article.rendered != "" })
	keys(tm, "tab", "H")
	waitUntil(t, tm, "a sentence to be chosen", func(m Model) bool { return m.article.sel.active })
	keys(tm, "j", "enter")
	waitFor(t, tm, "note (optional)")
	for _, r := range "check the date" {
		keys(tm, string(r))
	}
	keys(tm, "enter")
	waitFor(t, tm, "highlighted")
	keys(tm, "N")
	waitFor(t, tm, "Highlights (1)")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t).(probed).Model
	q, _ := news.ParseQuery("has:highlight")
	arts, _ := lib.List(context.Background(), q, 0, 0)
	if len(arts) != 1 || len(arts[0].Highlights) != 1 {
		t.Fatalf("stored: %+v", arts)
	}
	h := arts[0].Highlights[0]
	if h.Text != "The ferries sail again on Monday.\n\n\"It is a fair deal,\" said Fiona MacRae." || h.Note != "check the date" {
		t.Errorf("highlight = %q, note %q", h.Text, h.Note)
	}
	if scr := ansi.Strip(m.screen()); !strings.Contains(scr, "“The ferries sail again on Monday.") || !strings.Contains(scr, "check the date") {
		t.Errorf("the notes panel does not list the highlight:\n%s", scr)
	}
}

// Dragging over the article chooses the sentences under the pointer.
func TestHighlightByMouseDrag(t *testing.T) {
	m := New(explorerLibrary(t), Options{NoColor: true})
	m = drive(t, m, run(m.Init())...)
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 36})
	if m.article.rendered == "" {
		t.Fatal("the newest article did not render")
	}
	r := computeLayout(m.width, m.height, m.focus).panes[paneArticle]
	lineOf := func(text string) (int, int) {
		for i, l := range strings.Split(ansi.Strip(m.article.vp.View()), "\n") {
			if c := strings.Index(l, text); c >= 0 {
				return r.x + 1 + ansi.StringWidth(l[:c]), r.y + 1 + i
			}
		}
		t.Fatalf("%q is not in view", text)
		return 0, 0
	}
	x1, y1 := lineOf("ferries")
	x2, y2 := lineOf("fair deal")
	m = drive(t, m, tea.MouseClickMsg{X: x1, Y: y1, Button: tea.MouseLeft}, tea.MouseMotionMsg{X: x2, Y: y2, Button: tea.MouseLeft})
	s := m.article.sel
	if !s.active || s.sentences[s.from].text != "The ferries sail again on Monday." || !strings.Contains(s.sentences[s.to].text, "fair deal") {
		t.Fatalf("selection after the drag: %+v", s)
	}
	if !strings.Contains(m.article.vp.View(), "▌") {
		t.Errorf("the passage chosen is not marked:\n%s", m.article.vp.View())
	}
}
