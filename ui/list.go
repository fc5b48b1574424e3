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

// listPane is the library list. It holds a window of the library, never
// all of it: items are the rows from base on, paged in from the store as
// the cursor nears either end of the window, and trimmed at the far end so
// a long scroll stays small. cursor and top count rows from the start of
// the whole list.
type listPane struct {
	*common
	lib Library

	// What the list shows: the reader's search, a person or place picked in
	// a panel (a chip), unread only.
	search     news.Query
	filter     *news.Term
	feed       *news.Feed // a feed picked in the feed view
	unreadOnly bool
	compact    bool // one row per article

	gen     int // bumped when the query changes; older pages are dropped
	items   []*news.Article
	base    int // the row of the whole list that items[0] is
	total   int
	unread  int
	cursor  int
	top     int // first visible row
	loading bool
	ahead   int // a row a move typed past the loaded window aims at; -1: none
	loaded  bool
	moved   bool // the reader has moved the cursor since the list was loaded

	// A search for the next (seek 1) or previous (-1) unread article, or
	// any article with seekAny, that goes on as pages arrive; arrived says
	// it found one, ended that it ran out of list.
	seek     int
	seekAny  bool
	seekFrom int
	arrived  bool
	ended    bool

	width, height int // inside the border
	focused       bool
}

// maxWindow is the most rows the reader keeps: five pages.
const maxWindow = 5 * pageSize

func newListPane(c *common, lib Library, q news.Query) listPane {
	// gen and loading are set for the load Init starts.
	return listPane{common: c, lib: lib, search: q, gen: 1, loading: true, ahead: -1, width: 40, height: 20}
}

// initCmd loads the first page; Init cannot change the model, so
// newListPane set gen and loading for it.
func (l listPane) initCmd() tea.Cmd {
	return loadWindow(l.lib, l.gen, l.query(), 0, 0, 0)
}

// query is the list's effective query: the search, the filter chip and the
// unread toggle together.
func (l listPane) query() news.Query {
	q := l.search
	if l.filter != nil {
		q = q.And(*l.filter)
	}
	if l.feed != nil {
		q = q.And(feedTerm(l.feed.ID))
	}
	if l.unreadOnly {
		q = q.And(news.Term{Field: news.FieldIs, Value: "unread"})
	}
	return q
}

func (l *listPane) SetSize(w, h int) {
	l.width, l.height = w, h
	l.clamp()
}

// row is the article at position i of the whole list, nil when that part
// of the list is not loaded.
func (l listPane) row(i int) *news.Article {
	i -= l.base
	if i < 0 || i >= len(l.items) {
		return nil
	}
	return l.items[i]
}

func (l listPane) selected() *news.Article { return l.row(l.cursor) }

// windowEnd is one past the last loaded row.
func (l listPane) windowEnd() int { return l.base + len(l.items) }

// reload starts the list over at its top, for a new query.
func (l *listPane) reload() tea.Cmd {
	l.gen++
	l.loading = true
	l.ahead = -1
	l.seek = 0
	l.moved = false
	l.cursor, l.top = 0, 0
	return loadWindow(l.lib, l.gen, l.query(), 0, 0, 0)
}

// jumpTo loads the page holding row i of the whole list and puts the
// cursor there: g and G over a library of any size.
func (l *listPane) jumpTo(i int) tea.Cmd {
	l.gen++
	l.loading = true
	l.ahead = i // moves typed before the page comes go on from row i
	offset := 0
	if i >= pageSize {
		offset = i - pageSize + 1
	}
	return loadWindow(l.lib, l.gen, l.query(), offset, 0, i)
}

// reloadAround reloads the window after the library changed under it,
// keeping the cursor on its article; shift is how many rows may have been
// added above it.
func (l *listPane) reloadAround(shift int) tea.Cmd {
	l.gen++
	l.loading = true
	l.ahead = -1
	var keep int64
	if a := l.selected(); a != nil {
		keep = a.ID
	}
	offset := max(l.cursor+shift-pageSize/2, 0)
	return loadWindow(l.lib, l.gen, l.query(), offset, keep, l.cursor)
}

// setMark changes an article in the window, so the list shows a mark at
// once; the store write follows in a command.
func (l *listPane) setMark(id int64, set func(*news.Article)) {
	for _, a := range l.items {
		if a.ID == id {
			set(a)
		}
	}
}

// Update pages the list and moves its cursor.
func (l listPane) Update(msg tea.Msg) (listPane, tea.Cmd) {
	switch msg := msg.(type) {
	case listLoadedMsg:
		return l.loadedPage(msg)
	case tea.KeyPressMsg:
		return l.key(msg)
	case tea.MouseWheelMsg:
		l.cursor += wheelStep(msg)
		l.moved = true
		l.clamp()
		return l, l.moreIfNeeded()
	}
	return l, nil
}

func (l listPane) loadedPage(msg listLoadedMsg) (listPane, tea.Cmd) {
	if msg.gen != l.gen {
		return l, nil // a page for a query or window the reader has left
	}
	l.loading = false
	if msg.err != nil {
		return l, reportStatus(msg.err.Error(), true)
	}
	switch {
	case msg.replace:
		l.total, l.unread = msg.total, msg.unread
		l.base, l.items = msg.offset, msg.items
		l.cursor = msg.cursorAt
		for i, a := range l.items {
			if a.ID == msg.keep && msg.keep != 0 {
				l.cursor = l.base + i
			}
		}
	case msg.offset == l.windowEnd():
		l.items = append(l.items, msg.items...)
		if drop := len(l.items) - maxWindow; drop > 0 && l.cursor-l.base-drop > pageSize {
			// A fresh slice: re-slicing would keep the dropped rows alive.
			l.items = slices.Clone(l.items[drop:])
			l.base += drop
		}
	case msg.offset+len(msg.items) == l.base:
		l.items = append(slices.Clone(msg.items), l.items...)
		l.base = msg.offset
		if len(l.items) > maxWindow && l.windowEnd()-l.cursor > pageSize {
			l.items = slices.Clone(l.items[:maxWindow])
		}
	default:
		return l, nil // does not join the window: it moved meanwhile
	}
	l.loaded = true
	l.clamp()
	l.catchUp()
	if l.seek != 0 {
		return l, l.continueSeek()
	}
	return l, l.moreIfNeeded()
}

func (l listPane) key(msg tea.KeyPressMsg) (listPane, tea.Cmd) {
	k := l.keys
	switch {
	case key.Matches(msg, k.Bottom) && l.windowEnd() < l.total:
		return l, l.jumpTo(l.total - 1)
	case key.Matches(msg, k.Top) && l.base > 0:
		return l, l.jumpTo(0)
	}
	// Moves stop at the window's ends, and the page past them is on its
	// way; a move typed past them is kept and finished when it arrives,
	// so keys pressed faster than the library answers are not lost.
	from := l.cursor
	if l.ahead >= 0 {
		from = l.ahead
	}
	if c, ok := k.moves().move(msg, from, l.total, l.rows()); ok {
		l.ahead = -1
		if c < l.base || c >= l.windowEnd() {
			l.ahead = c
		}
		l.cursor = c
		l.moved = true
		l.seek = 0
		l.clamp()
		return l, l.moreIfNeeded()
	}
	return l, nil
}

// seekNext starts a search for the next (dir 1) or previous (-1) unread
// article, or any article with any; it goes on through pages not loaded
// yet, and sets arrived or ended when it is done.
func (l *listPane) seekNext(dir int, any bool) tea.Cmd {
	l.seek, l.seekAny, l.seekFrom = dir, any, l.cursor+dir
	l.arrived, l.ended = false, false
	l.moved = true
	return l.continueSeek()
}

func (l *listPane) continueSeek() tea.Cmd {
	dir := l.seek
	for i := l.seekFrom; i >= l.base && i < l.windowEnd(); i += dir {
		if a := l.row(i); l.seekAny || !a.Read {
			l.seek, l.cursor, l.arrived = 0, i, true
			l.clamp()
			return l.moreIfNeeded()
		}
	}
	more := dir > 0 && l.windowEnd() < l.total || dir < 0 && l.base > 0
	if !more {
		l.seek, l.ended = 0, true
		return nil
	}
	// The cursor goes along, so the window trims behind it as it would
	// for a reader paging through.
	if dir > 0 {
		l.cursor, l.seekFrom = l.windowEnd()-1, l.windowEnd()
	} else {
		l.cursor, l.seekFrom = l.base, l.base-1
	}
	l.clamp()
	if l.loading {
		return nil // the page on its way carries the search on
	}
	l.loading = true
	if dir > 0 {
		return loadPage(l.lib, l.gen, l.query(), l.windowEnd(), pageSize)
	}
	offset := max(l.base-pageSize, 0)
	return loadPage(l.lib, l.gen, l.query(), offset, l.base-offset)
}

// feedTerm is the query term for one feed, by its id.
func feedTerm(id int64) news.Term {
	return news.Term{Field: news.FieldFeed, Value: fmt.Sprintf("#%d", id)}
}

// rows is how many articles fit in the pane, under the filter chips when
// there are any.
func (l listPane) rows() int {
	h := l.height
	if l.hasChips() {
		h--
	}
	return max(h/l.rowLines(), 1)
}

// rowLines is how many lines an article takes: two, or one in compact.
func (l listPane) rowLines() int {
	if l.compact {
		return 1
	}
	return 2
}

func (l listPane) hasChips() bool {
	return l.filter != nil || !l.search.Empty() || l.unreadOnly || l.feed != nil
}

// clamp keeps the cursor on a loaded row and on screen, and the screen
// inside the loaded window.
func (l *listPane) clamp() {
	end := l.windowEnd()
	l.cursor = max(l.base, min(l.cursor, end-1))
	rows := l.rows()
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+rows {
		l.top = l.cursor - rows + 1
	}
	l.top = max(l.base, min(l.top, max(end-rows, l.base)))
}

// moreIfNeeded loads the page past either end of the window when the
// cursor comes within two screens of it.
func (l *listPane) moreIfNeeded() tea.Cmd {
	if l.loading {
		return nil
	}
	near := l.rows() * 2
	switch {
	case l.windowEnd() < l.total && l.cursor >= l.windowEnd()-near:
		l.loading = true
		return loadPage(l.lib, l.gen, l.query(), l.windowEnd(), pageSize)
	case l.base > 0 && l.cursor < l.base+near:
		l.loading = true
		offset := max(l.base-pageSize, 0)
		return loadPage(l.lib, l.gen, l.query(), offset, l.base-offset)
	}
	return nil
}

// catchUp moves the cursor on towards a move typed past the window's end
// once a page has extended the window.
func (l *listPane) catchUp() {
	if l.ahead < 0 {
		return
	}
	l.ahead = min(l.ahead, max(l.total-1, 0)) // the list may have shrunk
	l.cursor = l.ahead
	if l.ahead >= l.base && l.ahead < l.windowEnd() {
		l.ahead = -1
	}
	l.clamp()
}

// rowAt is the row of the whole list drawn at line y of the pane, or -1.
func (l listPane) rowAt(y int) int {
	if l.hasChips() {
		y-- // the chip line is above the first article
	}
	if y < 0 {
		return -1
	}
	i := l.top + y/l.rowLines()
	if l.row(i) == nil {
		return -1
	}
	return i
}

func (l listPane) Title() string {
	name := "Library"
	if l.feed != nil {
		name = termtext.Line(l.feed.Title)
	}
	if l.loading && !l.loaded {
		return name + " · loading"
	}
	return fmt.Sprintf("%s %d · %d unread", name, l.total, l.unread)
}

// View is the pane's inside: the chips, then two lines per article.
func (l listPane) View() string {
	w := l.width
	var out []string
	if l.hasChips() {
		out = append(out, l.chips(w))
	}
	if len(l.items) == 0 {
		if l.loaded {
			empty := "No articles yet. Add some from a shell: byline add FILE|URL, or byline subscribe FEED-URL"
			if l.hasChips() {
				empty = "Nothing matches. esc clears the filter."
			}
			for _, line := range strings.Split(ansi.Wordwrap(empty, max(w-2, 8), ""), "\n") {
				out = append(out, l.styles.Dim.Render(" "+line))
			}
		}
		return strings.Join(out, "\n")
	}
	for i := l.top; i < l.top+l.rows(); i++ {
		a := l.row(i)
		if a == nil {
			break
		}
		out = append(out, l.articleRows(i, a, w)...)
	}
	return strings.Join(out, "\n")
}

func (l listPane) articleRows(i int, a *news.Article, w int) []string {
	mark, star, note := "  ", "  ", ""
	title := l.styles.Read
	if !a.Read {
		mark = "● "
		title = l.styles.Unread
	}
	if a.Starred {
		star = l.styles.Star.Render("★ ")
	}
	if len(a.Notes) > 0 {
		note = l.styles.Star.Render("✎ ")
	}
	if l.compact {
		// One row: the title, then the day (and time where the day has
		// several); the source is the feed chip's or the article's.
		meta := l.date(i, a, "2 Jan 2006", "2 Jan 15:04")
		room := max(w-5-ansi.StringWidth(note)-1-ansi.StringWidth(meta), 1)
		t := ansi.Truncate(termtext.Line(a.Title), room, "…")
		line := " " + mark + star + note + title.Render(t) + strings.Repeat(" ", max(room-ansi.StringWidth(t), 0)+1) + l.styles.Dim.Render(meta)
		if i == l.cursor {
			line = l.selectedRow(line, w, l.focused)
		}
		return []string{line}
	}
	meta := l.date(i, a, "2 Jan 2006", "2 Jan 2006 15:04")
	if a.Source != "" {
		meta = termtext.Line(a.Source) + " · " + meta
	}
	if len(a.Tags) > 0 {
		meta += " · #" + termtext.Line(strings.Join(a.Tags, " #"))
	}
	line1 := " " + mark + star + title.Render(ansi.Truncate(termtext.Line(a.Title), max(w-6, 1), "…"))
	lead := "     "
	if note != "" {
		lead = "   " + note
	}
	line2 := lead + l.styles.Dim.Render(ansi.Truncate(meta, max(w-5, 1), "…"))
	if i == l.cursor {
		line1 = l.selectedRow(line1, w, l.focused)
		line2 = l.selectedRow(line2, w, l.focused)
	}
	return []string{line1, line2}
}

// date is an article's day, with the time where the articles next to it
// are of the same day, so a busy day's stories can be told apart.
func (l listPane) date(i int, a *news.Article, day, withTime string) string {
	d := a.Date()
	sameDay := func(b *news.Article) bool {
		if b == nil {
			return false
		}
		y1, m1, d1 := b.Date().Date()
		y2, m2, d2 := d.Date()
		return y1 == y2 && m1 == m2 && d1 == d2
	}
	if sameDay(l.row(i-1)) || sameDay(l.row(i+1)) {
		return d.Format(withTime)
	}
	return d.Format(day)
}

func (l listPane) chips(w int) string {
	var parts []string
	if l.filter != nil {
		label := "person"
		if l.filter.Field == news.FieldPlace {
			label = "place"
		}
		parts = append(parts, l.styles.Chip.Render(label+": "+termtext.Line(l.filter.Value)+" ✕"))
	}
	if !l.search.Empty() {
		parts = append(parts, l.styles.Chip.Render("/ "+termtext.Line(l.search.String())))
	}
	if l.feed != nil {
		parts = append(parts, l.styles.Chip.Render("feed: "+termtext.Line(l.feed.Title)))
	}
	if l.unreadOnly {
		parts = append(parts, l.styles.Chip.Render("unread"))
	}
	return ansi.Truncate(" "+strings.Join(parts, " "), w, "…")
}

// ShortHelp is the list's part of the status line.
func (l listPane) ShortHelp() []key.Binding {
	k := l.keys
	return []key.Binding{k.Down, k.Open, k.NextUnread, k.Star, k.Read, k.Note, k.Feeds, k.Search, k.Help, k.Quit}
}
