package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// articleView is the article pane: the article rendered by glamour in a
// viewport, with a quote jumped to from the quotes panel marked in it.
type articleView struct {
	*common
	render *renderer

	article     *news.Article
	lib         Library
	opening     int64       // the article last asked for; others arriving late are dropped
	loading     int64       // the article being loaded; 0: none
	rendered    string      // glamour's output for it
	quote       *news.Quote // the quote last jumped to, highlighted (quote.go)
	quoteAt     int         // its first line in rendered, or -1
	highlighted string      // the quote text marked in the viewport's content
	links       []string    // the body's links, numbered from 1 in the text
	jumpTo      *news.Quote // a quote to scroll to once the article asked for is shown
	sel         selection   // a passage being highlighted (highlight.go)
	hkeys       highlightKeys
	vp          viewport.Model

	width, height int // inside the border
}

func newArticleView(c *common, lib Library) articleView {
	return articleView{common: c, lib: lib, render: newRenderer(), vp: viewport.New(), quoteAt: -1, width: 60, height: 20, hkeys: defaultHighlightKeys()}
}

// SetSize sizes the pane; the caller re-renders (rerender) at the new width.
func (v *articleView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.vp.SetWidth(max(w, 1))
	v.vp.SetHeight(max(h, 1))
}

// open asks the store for an article. One load is under way at a time:
// holding j asks for an article a move, and only the one under the cursor
// when the load under way comes back is loaded next, so the loads never
// pile up behind the keys.
func (v *articleView) open(id int64) tea.Cmd {
	v.opening = id
	v.jumpTo = nil
	if v.loading != 0 {
		return nil
	}
	v.loading = id
	return loadArticle(v.lib, id)
}

// openAt asks for an article to be shown at a quote (nil: at its top).
func (v *articleView) openAt(id int64, q *news.Quote) tea.Cmd {
	cmd := v.open(id)
	v.jumpTo = q
	return cmd
}

// Update takes the loaded and rendered article and scrolls it.
func (v articleView) Update(msg tea.Msg) (articleView, tea.Cmd) {
	switch msg := msg.(type) {
	case articleLoadedMsg:
		return v.loaded(msg)
	case articleRenderedMsg:
		if v.article != nil && msg.key == v.renderKey() {
			if msg.err != nil {
				return v, reportStatus("render: "+msg.err.Error(), true)
			}
			v.setRendered(msg.content)
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			v.vp.ScrollUp(3)
		} else {
			v.vp.ScrollDown(3)
		}
	case tea.KeyPressMsg:
		v.scroll(msg)
	}
	return v, nil
}

func (v *articleView) scroll(msg tea.KeyPressMsg) {
	k := v.keys
	switch {
	case key.Matches(msg, k.Up):
		v.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		v.vp.ScrollDown(1)
	case key.Matches(msg, k.Top):
		v.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		v.vp.GotoBottom()
	case key.Matches(msg, k.HalfDown):
		v.vp.HalfPageDown()
	case key.Matches(msg, k.HalfUp):
		v.vp.HalfPageUp()
	case key.Matches(msg, k.PageDown):
		v.vp.PageDown()
	case key.Matches(msg, k.PageUp):
		v.vp.PageUp()
	}
}

func (v articleView) loaded(msg articleLoadedMsg) (articleView, tea.Cmd) {
	if msg.id == v.loading {
		v.loading = 0
	}
	if msg.id != v.opening {
		// The reader has asked for another article since: that one next.
		if v.loading != 0 {
			return v, nil
		}
		v.loading = v.opening
		return v, loadArticle(v.lib, v.opening)
	}
	if msg.err != nil {
		return v, reportStatus(msg.err.Error(), true)
	}
	same := v.article != nil && v.article.ID == msg.article.ID
	v.article = msg.article
	if !same {
		// Opening the article already on screen keeps the reader's place.
		v.links = nil
		v.quote = nil
		v.sel = selection{}
		v.vp.GotoTop()
	}
	return v, v.rerender()
}

// setMark changes the open article, so a mark shows at once.
func (v *articleView) setMark(id int64, set func(*news.Article)) {
	if v.article != nil && v.article.ID == id {
		set(v.article)
	}
}

// rerender shows the open article at the current width, from the cache
// when it is there, else rendered in a command.
func (v *articleView) rerender() tea.Cmd {
	if v.article == nil {
		return nil
	}
	k := v.renderKey()
	if s, ok := v.render.cached(k); ok {
		v.setRendered(s)
		return nil
	}
	return v.render.renderArticle(k, v.article, v.styles)
}

func (v articleView) renderKey() renderKey {
	a := v.article
	return renderKey{id: a.ID, width: v.width, style: v.styles.Glamour, notes: notesKey(a.Notes), star: a.Starred,
		tags: strings.Join(a.Tags, " ")}
}

func (v *articleView) setRendered(r rendering) {
	v.links = r.links
	s := r.text
	if v.sel.active && s != v.rendered {
		v.rendered = s
		v.mapSentences() // wrapped anew: the passage is drawn elsewhere
	}
	if v.jumpTo != nil && v.article.ID == v.opening {
		// Asked to show a quote: the article may be the one on screen.
		v.rendered = s
		v.scrollToQuote(*v.jumpTo)
		v.jumpTo = nil
		return
	}
	if s == v.rendered && v.highlighted == quoteText(v.quote) {
		return // the viewport already holds it; setting it again measures every line
	}
	lines, off := v.vp.TotalLineCount(), v.vp.YOffset()
	quoteInView := v.quoteAt >= off && v.quoteAt < off+v.vp.Height()
	v.rendered = s
	v.showArticle()
	// Wrapped again at another width: stay with the quote being read, or
	// at the same point of the article.
	switch {
	case quoteInView && v.quoteAt >= 0:
		v.vp.SetYOffset(max(v.quoteAt-1, 0))
	case lines > 0 && v.vp.TotalLineCount() != lines:
		v.vp.SetYOffset(off * v.vp.TotalLineCount() / lines)
	}
}

func quoteText(q *news.Quote) string {
	if q == nil {
		return ""
	}
	return q.Text
}

func (v articleView) Title() string {
	if v.article != nil {
		return fmt.Sprintf("Article %d%%", int(v.vp.ScrollPercent()*100))
	}
	return "Article"
}

// View is the pane's inside. empty says there is nothing to select, so
// no hint is shown either.
func (v articleView) View(empty bool) string {
	switch {
	case v.article == nil && empty:
		return ""
	case v.article == nil:
		return "\n" + v.styles.Dim.Render("  Select an article and press enter to read it.")
	case v.rendered == "":
		return "\n" + v.styles.Dim.Render("  Rendering…")
	}
	return v.selectionView(v.vp.View())
}

// ShortHelp is the article's part of the status line.
func (v articleView) ShortHelp() []key.Binding {
	if v.sel.active {
		return v.selectionHelp()
	}
	k := v.keys
	keys := []key.Binding{k.PageDown, k.NextUnread, k.NextArticle, k.Star, k.Note, k.OpenLink}
	if len(v.links) > 0 {
		keys = append(keys, k.LinkNumber)
	}
	return append(keys, k.Back, k.Help, k.Quit)
}
