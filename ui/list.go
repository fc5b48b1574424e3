package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// The list holds a window of the library, never all of it: items are the
// rows from base on, paged in from the store as the cursor nears either end
// of the window, and trimmed at the far end so a long scroll stays small.
// cursor and top count rows from the start of the whole list.

// maxWindow is the most rows the reader keeps: five pages.
const maxWindow = 5 * pageSize

// row is the article at position i of the whole list, nil when that part
// of the list is not loaded.
func (m Model) row(i int) *news.Article {
	i -= m.base
	if i < 0 || i >= len(m.items) {
		return nil
	}
	return m.items[i]
}

func (m Model) selected() *news.Article { return m.row(m.cursor) }

// windowEnd is one past the last loaded row.
func (m Model) windowEnd() int { return m.base + len(m.items) }

// reloadCmd starts the list over at its top, for a new query.
func (m *Model) reloadCmd() tea.Cmd {
	m.gen++
	m.loading = true
	m.ahead = -1
	m.cursor, m.top = 0, 0
	return loadWindow(m.lib, m.gen, m.query(), 0, 0, 0)
}

// jumpTo loads the page holding row i of the whole list and puts the
// cursor there: g and G over a library of any size.
func (m *Model) jumpTo(i int) tea.Cmd {
	m.gen++
	m.loading = true
	m.ahead = i // moves typed before the page comes go on from row i
	offset := 0
	if i >= pageSize {
		offset = i - pageSize + 1
	}
	return loadWindow(m.lib, m.gen, m.query(), offset, 0, i)
}

// reloadAround reloads the window after the library changed under it,
// keeping the cursor on its article; shift is how many rows may have been
// added above it.
func (m *Model) reloadAround(shift int) tea.Cmd {
	m.gen++
	m.loading = true
	m.ahead = -1
	var keep int64
	if a := m.selected(); a != nil {
		keep = a.ID
	}
	offset := max(m.cursor+shift-pageSize/2, 0)
	return loadWindow(m.lib, m.gen, m.query(), offset, keep, m.cursor)
}

func (m Model) listLoaded(msg listLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil // a page for a query or window the reader has left
	}
	m.loading = false
	if msg.err != nil {
		return m, m.setStatus(msg.err.Error(), true)
	}
	switch {
	case msg.replace:
		m.total, m.unread = msg.total, msg.unread
		m.base, m.items = msg.offset, msg.items
		m.cursor = msg.cursorAt
		for i, a := range m.items {
			if a.ID == msg.keep && msg.keep != 0 {
				m.cursor = m.base + i
			}
		}
	case msg.offset == m.windowEnd():
		m.items = append(m.items, msg.items...)
		if drop := len(m.items) - maxWindow; drop > 0 && m.cursor-m.base-drop > pageSize {
			// A fresh slice: re-slicing would keep the dropped rows alive.
			m.items = slices.Clone(m.items[drop:])
			m.base += drop
		}
	case msg.offset+len(msg.items) == m.base:
		m.items = append(slices.Clone(msg.items), m.items...)
		m.base = msg.offset
		if len(m.items) > maxWindow && m.windowEnd()-m.cursor > pageSize {
			m.items = slices.Clone(m.items[:maxWindow])
		}
	default:
		return m, nil // does not join the window: it moved meanwhile
	}
	first := !m.loaded
	m.loaded = true
	m.clampList()
	m.catchUp()
	if first && len(m.items) > 0 && m.width >= narrowWidth {
		// Show the newest story at once where there is room for it.
		m.opening = m.items[0].ID
		return m, loadArticle(m.lib, m.opening)
	}
	return m, m.moreIfNeeded()
}

// listRows is how many articles fit in the list pane, under the filter
// chips when there are any.
func (m Model) listRows() int {
	r := computeLayout(m.width, m.height, paneList).panes[paneList]
	h := r.h - 2
	if m.hasChips() {
		h--
	}
	return max(h/2, 1) // two lines per article
}

func (m Model) hasChips() bool {
	return m.filter != nil || !m.search.Empty() || m.unreadOnly
}

// clampList keeps the cursor on a loaded row and on screen, and the screen
// inside the loaded window.
func (m *Model) clampList() {
	end := m.windowEnd()
	m.cursor = max(m.base, min(m.cursor, end-1))
	rows := m.listRows()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	m.top = max(m.base, min(m.top, max(end-rows, m.base)))
}

// moreIfNeeded loads the page past either end of the window when the
// cursor comes within two screens of it.
func (m *Model) moreIfNeeded() tea.Cmd {
	if m.loading {
		return nil
	}
	near := m.listRows() * 2
	switch {
	case m.windowEnd() < m.total && m.cursor >= m.windowEnd()-near:
		m.loading = true
		return loadPage(m.lib, m.gen, m.query(), m.windowEnd(), pageSize)
	case m.base > 0 && m.cursor < m.base+near:
		m.loading = true
		offset := max(m.base-pageSize, 0)
		return loadPage(m.lib, m.gen, m.query(), offset, m.base-offset)
	}
	return nil
}

func (m Model) listKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Bottom) && m.windowEnd() < m.total:
		return m, m.jumpTo(m.total - 1)
	case key.Matches(msg, k.Top) && m.base > 0:
		return m, m.jumpTo(0)
	case key.Matches(msg, k.Open):
		return m.openSelected()
	}
	// Moves stop at the window's ends, and the page past them is on its
	// way; a move typed past them is kept and finished when it arrives,
	// so keys pressed faster than the library answers are not lost.
	from := m.cursor
	if m.ahead >= 0 {
		from = m.ahead
	}
	if c, ok := m.move(msg, from, m.total, m.listRows()); ok {
		m.ahead = -1
		if c < m.base || c >= m.windowEnd() {
			m.ahead = c
		}
		m.cursor = c
		m.clampList()
		return m, m.moreIfNeeded()
	}
	return m, nil
}

// catchUp moves the cursor on towards a move typed past the window's end
// once a page has extended the window.
func (m *Model) catchUp() {
	if m.ahead < 0 {
		return
	}
	m.ahead = min(m.ahead, max(m.total-1, 0)) // the list may have shrunk
	m.cursor = m.ahead
	if m.ahead >= m.base && m.ahead < m.windowEnd() {
		m.ahead = -1
	}
	m.clampList()
}
