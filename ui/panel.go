package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

// entityPanel is one of the panels beside the article: its people, its
// places or its quotes. One type serves all three; kind says which, and a
// quote takes two lines where a name takes one.
type entityPanel struct {
	*common
	kind    pane // panePeople, panePlaces or paneQuotes
	entries []entity
	cursor  int

	width, height int // inside the border
	focused       bool
}

// entity is one row of a panel: a person or place with its mentions, or a
// quote with its speaker.
type entity struct {
	name     string
	mentions int
	quote    news.Quote
}

func newEntityPanel(c *common, kind pane) entityPanel {
	return entityPanel{common: c, kind: kind, width: 30, height: 10}
}

func (p *entityPanel) SetSize(w, h int) { p.width, p.height = w, h }

// show fills the panel from an article; a new article starts at the top.
func (p *entityPanel) show(a *news.Article, same bool) {
	p.entries = p.entries[:0]
	if a != nil {
		e := a.Entities
		switch p.kind {
		case panePeople:
			for _, x := range e.People {
				p.entries = append(p.entries, entity{name: x.Name, mentions: x.Mentions})
			}
		case panePlaces:
			for _, x := range e.Places {
				p.entries = append(p.entries, entity{name: x.Name, mentions: x.Mentions})
			}
		case paneQuotes:
			for _, q := range e.Quotes {
				p.entries = append(p.entries, entity{quote: q})
			}
		}
	}
	if p.kind != paneQuotes {
		// Who matters most in the story first; the article's order, which
		// the store keeps, breaks ties.
		slices.SortStableFunc(p.entries, func(a, b entity) int { return b.mentions - a.mentions })
	}
	if !same {
		p.cursor = 0
	}
	p.cursor = max(0, min(p.cursor, len(p.entries)-1))
}

func (p entityPanel) Len() int { return len(p.entries) }

// selected is the entry under the cursor.
func (p entityPanel) selected() (entity, bool) {
	if p.cursor < len(p.entries) {
		return p.entries[p.cursor], true
	}
	return entity{}, false
}

// term is the filter enter on a person or place applies to the library.
func (p entityPanel) term() (news.Term, bool) {
	e, ok := p.selected()
	if !ok || p.kind == paneQuotes {
		return news.Term{}, false
	}
	field := news.FieldPerson
	if p.kind == panePlaces {
		field = news.FieldPlace
	}
	return news.Term{Field: field, Value: e.name}, true
}

// Update moves the panel's cursor.
func (p entityPanel) Update(msg tea.Msg) (entityPanel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if c, ok := p.keys.moves().move(msg, p.cursor, len(p.entries), 5); ok {
			p.cursor = c
		}
	case tea.MouseWheelMsg:
		p.cursor = max(0, min(p.cursor+wheelStep(msg), len(p.entries)-1))
	}
	return p, nil
}

// rowsPerEntry: a quote is its text and its speaker.
func (p entityPanel) rowsPerEntry() int {
	if p.kind == paneQuotes {
		return 2
	}
	return 1
}

// click puts the cursor on the entry drawn at line y of the pane.
func (p *entityPanel) click(y int) {
	per := p.rowsPerEntry()
	i := scrollStart(p.cursor, len(p.entries), p.height/per) + y/per
	p.cursor = max(0, min(i, len(p.entries)-1))
}

func (p entityPanel) Title() string {
	if n := len(p.entries); n > 0 {
		return fmt.Sprintf("%s %d", p.kind.title(), n)
	}
	return p.kind.title()
}

// View is the pane's inside. hasArticle false: nothing is open, the
// panel is blank.
func (p entityPanel) View(hasArticle bool) string {
	if !hasArticle {
		return ""
	}
	w, h := p.width, p.height
	if len(p.entries) == 0 {
		none := map[pane]string{panePeople: " nobody named", panePlaces: " no places", paneQuotes: " no quotes"}[p.kind]
		return p.styles.Dim.Render(none)
	}
	row := func(i int, s string) string {
		if i == p.cursor && p.focused {
			return p.selectedRow(s, w, true)
		}
		return s
	}
	per := p.rowsPerEntry()
	var out []string
	first := scrollStart(p.cursor, len(p.entries), h/per)
	for i := first; i < len(p.entries) && len(out)+per <= h; i++ {
		e := p.entries[i]
		if p.kind != paneQuotes {
			out = append(out, row(i, p.nameRow(e.name, e.mentions)))
			continue
		}
		speaker := "unattributed"
		if e.quote.Speaker != "" {
			speaker = termtext.Line(e.quote.Speaker)
		}
		text := ansi.Truncate(" “"+termtext.Line(e.quote.Text)+"”", w, "…”")
		out = append(out, row(i, text), row(i, p.styles.Speaker.Render(ansi.Truncate("   — "+speaker, w, "…"))))
	}
	return strings.Join(out, "\n")
}

func (p entityPanel) nameRow(name string, n int) string {
	w := p.width
	count := fmt.Sprintf("%d", n)
	name = ansi.Truncate(" "+termtext.Line(name), max(w-len(count)-2, 1), "…")
	return name + strings.Repeat(" ", max(w-ansi.StringWidth(name)-len(count)-1, 1)) + p.styles.Count.Render(count)
}

// ShortHelp is the panel's part of the status line.
func (p entityPanel) ShortHelp() []key.Binding {
	k := p.keys
	open := "stories with them"
	if p.kind == paneQuotes {
		open = "go to quote"
	}
	return []key.Binding{k.Down, withDesc(k.Open, open), k.NextPane, k.Back, k.Help, k.Quit}
}

// scrollStart keeps the cursor visible in a list of n rows shown h at a time.
func scrollStart(cursor, n, h int) int {
	if h <= 0 || cursor < h {
		return 0
	}
	return min(cursor-h+1, max(n-h, 0))
}
