package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// The root's side of the explorer (explorer.go): the keys that open it,
// and the story it asks the reader to open.

// explorerMsg routes the explorer's results, and whatever the explorer
// needs while it has the screen; handled reports whether msg was one.
func (m Model) explorerMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case subjectsLoadedMsg, subjectPageMsg, mergedMsg:
		var cmd tea.Cmd
		m.explorer, cmd = m.explorer.Update(msg)
		return m, cmd, true
	case highlightSavedMsg:
		var cmd tea.Cmd
		m.article, cmd = m.article.highlightSaved(msg)
		return m, cmd, true
	case openStoryMsg:
		m.focus = paneArticle
		cmds := []tea.Cmd{m.article.openAt(msg.id, msg.quote), m.resize()}
		return m, tea.Batch(cmds...), true
	case tea.KeyPressMsg:
		if m.article.sel.active && !m.explorer.active && !m.help.active {
			if key.Matches(msg, m.keys.QuitNow) && msg.String() != "Q" {
				return m, tea.Quit, true // ctrl+c
			}
			var cmd tea.Cmd
			m.article, cmd = m.article.selectionKey(m.lib, msg)
			return m, cmd, true
		}
		if !m.explorer.active || m.help.active {
			return m, nil, false
		}
		if key.Matches(msg, m.keys.QuitNow) && (!m.explorer.typing || msg.String() == "ctrl+c") {
			return m, tea.Quit, true
		}
		if !m.explorer.typing && key.Matches(msg, m.keys.Quit) {
			// newsboat's q: back a level, as esc.
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		}
		if !m.explorer.typing && key.Matches(msg, m.keys.Help) {
			m.help.active = true
			return m, nil, true
		}
		var cmd tea.Cmd
		m.explorer, cmd = m.explorer.Update(msg)
		return m, cmd, true
	case tea.MouseClickMsg, tea.MouseMotionMsg, tea.MouseReleaseMsg:
		if !m.explorer.active {
			m.articleMouse(msg.(tea.MouseMsg))
			return m, nil, false // the root focuses the pane clicked
		}
		var cmd tea.Cmd
		m.explorer, cmd = m.explorer.Update(msg)
		return m, cmd, true
	case tea.MouseWheelMsg, tea.PasteMsg:
		if !m.explorer.active || m.help.active {
			return m, nil, false
		}
		var cmd tea.Cmd
		m.explorer, cmd = m.explorer.Update(msg)
		return m, cmd, true
	}
	return m, nil, false
}

// openExplorer is P, L and ": the people, places or quotes of the
// library; on a person or place of the panels, their page.
func (m Model) openExplorer(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := m.keys
	var v view
	var kind news.Kind
	switch {
	case key.Matches(msg, k.PeopleView):
		v, kind = viewPeople, news.KindPerson
	case key.Matches(msg, k.PlacesView):
		v, kind = viewPlaces, news.KindPlace
	case key.Matches(msg, k.QuotesView):
		v = viewQuotes
	case key.Matches(msg, k.Highlight) && m.focus == paneArticle:
		return m, m.article.startSelection(), true
	default:
		return m, nil, false
	}
	want := map[news.Kind]pane{news.KindPerson: panePeople, news.KindPlace: panePlaces}[kind]
	if kind != "" && m.focus == want {
		if e, ok := m.panel(want).selected(); ok {
			return m, m.explorer.openPage(kind, e.name), true
		}
	}
	return m, m.explorer.openList(v), true
}

// articleMouse is a drag over the article: the sentences from where the
// button went down to the pointer are chosen to highlight.
func (m *Model) articleMouse(msg tea.MouseMsg) {
	mouse := msg.Mouse()
	r := computeLayout(m.width, m.height, m.focus).panes[paneArticle]
	x, y := mouse.X-r.x-1, mouse.Y-r.y-1
	inside := r.contains(mouse.X, mouse.Y) && x >= 0 && y >= 0
	switch msg.(type) {
	case tea.MouseClickMsg:
		m.article.sel.press = nil
		if inside && mouse.Button == tea.MouseLeft && m.article.article != nil {
			m.article.sel.press = &[2]int{m.article.vp.YOffset() + y, x}
		}
	case tea.MouseMotionMsg:
		if inside && mouse.Button == tea.MouseLeft {
			m.article.drag(x, y)
		}
	}
}
