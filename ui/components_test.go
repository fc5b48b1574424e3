package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"byline/news"
)

// Each pane drawn on its own at a fixed size, after the keys that concern
// it; the golden files are the panes' insides without styling (go test
// ./ui -run Component -update rewrites them).

func plainComponent(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func testCommon() *common {
	return &common{keys: DefaultKeyMap(), styles: DefaultStyles(true, true)}
}

func TestComponentList(t *testing.T) {
	lib := sampleLibrary()
	l := newListPane(testCommon(), lib, sampleQuery(t, ""))
	l.SetSize(40, 8)
	l.focused = true
	for _, msg := range run(l.initCmd()) {
		l, _ = l.Update(msg)
	}
	l, _ = l.Update(press("j"))
	if a := l.selected(); a == nil || a.ID != 2 {
		t.Fatalf("j moved the list's cursor to %v, want the second article", a)
	}
	golden.RequireEqual(t, plainComponent(l.Title()+"\n"+l.View()))
}

func TestComponentArticle(t *testing.T) {
	lib := sampleLibrary()
	v := newArticleView(testCommon(), lib)
	v.SetSize(50, 12)
	msgs := run(v.open(3))
	for len(msgs) > 0 {
		var cmd tea.Cmd
		v, cmd = v.Update(msgs[0])
		msgs = append(msgs[1:], run(cmd)...)
	}
	golden.RequireEqual(t, plainComponent(v.Title()+"\n"+v.View(false)))
}

func TestComponentEntityPanels(t *testing.T) {
	a, _ := sampleLibrary().Article(t.Context(), 3)
	var out []string
	for _, kind := range []pane{panePeople, panePlaces, paneQuotes} {
		p := newEntityPanel(testCommon(), kind)
		p.SetSize(30, 4)
		p.focused = true
		p.show(a, false)
		p, _ = p.Update(press("j"))
		out = append(out, p.Title(), p.View(true), "")
	}
	golden.RequireEqual(t, plainComponent(strings.Join(out, "\n")))
}

func TestComponentNoteEditor(t *testing.T) {
	lib := withNotes()
	a, _ := lib.Article(t.Context(), 3)
	e := newNoteEditor(testCommon(), lib)
	e.SetSize(50, 14)
	e.open(a)
	e, _ = e.Update(press("up"))
	if !e.choosing || e.sel != 1 {
		t.Fatalf("↑ in an empty note should choose the newest note; choosing %v, note %d", e.choosing, e.sel)
	}
	golden.RequireEqual(t, plainComponent(e.Title()+"\n"+e.View()))
}

func TestComponentPrompt(t *testing.T) {
	p := newPrompt(testCommon())
	p.SetWidth(40)
	p.open(promptSearch, "person:")
	for _, msg := range typeText("Fiona") {
		p, _ = p.Update(msg)
	}
	if p.Value() != "person:Fiona" {
		t.Fatalf("the prompt holds %q", p.Value())
	}
	golden.RequireEqual(t, plainComponent(p.View()))
	p, _ = p.Update(press("esc"))
	if p.active {
		t.Error("esc did not close the prompt")
	}
}

func TestComponentHelp(t *testing.T) {
	t.Setenv("HOME", "/home/reader")
	t.Setenv("XDG_CONFIG_HOME", "")
	h := newHelpPage(testCommon())
	h.SetSize(90, 24)
	h.active = true
	golden.RequireEqual(t, plainComponent(h.View()))
}

func sampleQuery(t *testing.T, s string) news.Query {
	t.Helper()
	q, err := news.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
