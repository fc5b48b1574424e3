package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// mode is what keys go to: the panes, or a prompt or editor on top.
type mode int

const (
	modeNormal mode = iota
	modeSearch
	modeTags
	modeNote  // writing a new note or changing one
	modeNotes // choosing one of the article's notes to change or delete
	modeHelp
)

// Model is the reader. It is a value: Update returns the changed copy.
type Model struct {
	ctx    context.Context // for work that outlives a command: a refresh
	lib    Library
	opts   Options
	keys   KeyMap
	styles Styles
	isDark bool
	width  int
	height int
	focus  pane
	mode   mode

	// The list: the user's search, a person/place filter chip, unread only.
	search     news.Query
	filter     *news.Term
	unreadOnly bool
	gen        int // bumped when the query changes; older pages are dropped
	items      []*news.Article
	base       int // the row of the whole list that items[0] is (list.go)
	total      int
	unread     int
	cursor     int
	top        int // first visible row
	loading    bool
	ahead      int // a row a move typed past the loaded window aims at; -1: none
	loaded     bool

	// The open article.
	article     *news.Article
	opening     int64       // the article last asked for; others arriving late are dropped
	rendered    string      // glamour's output for it
	quote       *news.Quote // the quote last jumped to, highlighted (quote.go)
	quoteAt     int         // its first line in rendered, or -1
	highlighted string      // the quote text marked in the viewport's content
	render      *renderer
	vp          viewport.Model

	panel [paneCount]int // cursor in each panel

	input textinput.Model
	help  help.Model

	// The note editor (notes.go).
	note        textarea.Model
	noteArticle int64       // the article the notes belong to
	notes       []news.Note // its notes, as the editor lists them
	noteSel     int         // the note chosen in modeNotes
	editing     *news.Note  // the note being changed; nil: a new one
	confirmDel  bool        // d was pressed once on the chosen note

	helpTop int // the first line of the help page shown, when it scrolls

	refreshing                bool
	refreshDone, refreshTotal int

	status    string
	statusErr bool
	statusSeq int
}

// New builds the reader's model; Run runs it.
func New(lib Library, opts Options) Model {
	km := DefaultKeyMap()
	if opts.KeyMap != nil {
		km = *opts.KeyMap
	}
	in := textinput.New()
	in.Prompt = ""
	ta := textarea.New()
	ta.Placeholder = "Type a note…"
	ta.ShowLineNumbers = false
	m := Model{
		ctx:     context.Background(),
		lib:     lib,
		opts:    opts,
		keys:    km,
		isDark:  true,
		search:  opts.Query,
		render:  newRenderer(),
		vp:      viewport.New(),
		input:   in,
		note:    ta,
		help:    help.New(),
		width:   100,
		height:  30,
		loading: true,
		ahead:   -1,
		gen:     1,
	}
	m.styles = DefaultStyles(m.isDark, opts.NoColor)
	return m
}

// Init asks for the background colour and the first page of the library.
func (m Model) Init() tea.Cmd {
	// Init cannot change the model, so New set loading and gen for this.
	return tea.Batch(tea.RequestBackgroundColor, loadWindow(m.lib, m.gen, m.query(), 0, 0, 0))
}

// query is the list's effective query: the search, the filter chip and the
// unread toggle together.
func (m Model) query() news.Query {
	q := m.search
	if m.filter != nil {
		q = q.And(*m.filter)
	}
	if m.unreadOnly {
		q = q.And(news.Term{Field: news.FieldIs, Value: "unread"})
	}
	return q
}

// Update routes a message: the root claims what concerns it, results go to
// the part that asked, keys go to the focused pane or the open prompt.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.resize()
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.styles = DefaultStyles(m.isDark, m.opts.NoColor)
		return m, m.rerender()
	case listLoadedMsg:
		return m.listLoaded(msg)
	case articleLoadedMsg:
		return m.articleLoaded(msg)
	case articleRenderedMsg:
		if m.article != nil && msg.key == m.renderKey() {
			if msg.err != nil {
				return m, m.setStatus("render: "+msg.err.Error(), true)
			}
			m.setRendered(msg.content)
		}
		return m, nil
	case savedMsg:
		if msg.err != nil {
			return m, m.setStatus(msg.err.Error(), true)
		}
		return m, m.setStatus(msg.status, false)
	case noteSavedMsg:
		return m.noteSaved(msg)
	case refreshProgressMsg:
		return m.refreshProgress(msg)
	case refreshedMsg:
		return m.refreshed(msg)
	case statusClearMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m.mouseWheel(msg)
	case tea.MouseClickMsg:
		return m.mouseClick(msg)
	case tea.PasteMsg:
		return m.keyInMode(msg)
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	}
	return m.keyInMode(msg)
}

func (m Model) articleLoaded(msg articleLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		return m, m.setStatus(msg.err.Error(), true)
	}
	if msg.article.ID != m.opening {
		return m, nil // the reader has asked for another article since
	}
	same := m.article != nil && m.article.ID == msg.article.ID
	m.article = msg.article
	if !same {
		// Opening the article already on screen keeps the reader's place.
		m.quote = nil
		m.panel = [paneCount]int{}
		m.vp.GotoTop()
	}
	return m, m.rerender()
}

// rerender shows the open article at the current width, from the cache
// when it is there, else rendered in a command.
func (m *Model) rerender() tea.Cmd {
	if m.article == nil {
		return nil
	}
	k := m.renderKey()
	if s, ok := m.render.cached(k); ok {
		m.setRendered(s)
		return nil
	}
	return m.render.renderArticle(k, m.article)
}

func (m Model) renderKey() renderKey {
	r := computeLayout(m.width, m.height, paneArticle).panes[paneArticle]
	w := r.w - 2
	if w <= 0 {
		w = m.width - 2
	}
	return renderKey{id: m.article.ID, width: w, style: m.styles.Glamour, notes: notesKey(m.article.Notes), star: m.article.Starred,
		tags: strings.Join(m.article.Tags, " ")}
}

func (m *Model) setRendered(s string) {
	if s == m.rendered && m.highlighted == quoteText(m.quote) {
		return // the viewport already holds it; setting it again measures every line
	}
	lines, off := m.vp.TotalLineCount(), m.vp.YOffset()
	quoteInView := m.quoteAt >= off && m.quoteAt < off+m.vp.Height()
	m.rendered = s
	m.showArticle()
	// Wrapped again at another width: stay with the quote being read, or
	// at the same point of the article.
	switch {
	case quoteInView && m.quoteAt >= 0:
		m.vp.SetYOffset(max(m.quoteAt-1, 0))
	case lines > 0 && m.vp.TotalLineCount() != lines:
		m.vp.SetYOffset(off * m.vp.TotalLineCount() / lines)
	}
}

func quoteText(q *news.Quote) string {
	if q == nil {
		return ""
	}
	return q.Text
}

func (m *Model) resize() tea.Cmd {
	m.help.SetWidth(m.width)
	r := computeLayout(m.width, m.height, paneArticle).panes[paneArticle]
	if r.w == 0 {
		r = rect{0, 0, m.width, m.height - 1}
	}
	m.vp.SetWidth(max(r.w-2, 1))
	m.vp.SetHeight(max(r.h-2, 1))
	m.note.SetWidth(max(r.w-4, 10))
	m.note.SetHeight(max(min(r.h/3, 10), 3))
	m.input.SetWidth(max(m.width-10, 10)) // errors show on the line above
	m.clampList()
	return m.rerender()
}

func (m *Model) setStatus(s string, isErr bool) tea.Cmd {
	if s == "" {
		return nil
	}
	m.status, m.statusErr = s, isErr
	m.statusSeq++
	return clearStatusAfter(m.statusSeq)
}

// editingNotes says the note editor has the article pane.
func (m Model) editingNotes() bool { return m.mode == modeNote || m.mode == modeNotes }

// target is the article marks apply to: the open one when the article or a
// panel has focus, else the one under the cursor.
func (m Model) target() *news.Article {
	if m.focus != paneList && m.article != nil {
		return m.article
	}
	return m.selected()
}

func (m Model) keyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch m.mode {
	case modeSearch, modeTags:
		return m.promptKey(msg)
	case modeNote:
		return m.noteKey(msg)
	case modeNotes:
		return m.notesKey(msg)
	case modeHelp:
		return m.helpKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
		return m, nil
	case key.Matches(msg, k.NextPane):
		m.focus = m.nextPane(1)
		return m, m.resize()
	case key.Matches(msg, k.PrevPane):
		m.focus = m.nextPane(-1)
		return m, m.resize()
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		m.input.SetValue(m.search.String())
		m.input.CursorEnd()
		return m, m.input.Focus()
	case key.Matches(msg, k.UnreadOnly):
		m.unreadOnly = !m.unreadOnly
		return m, tea.Batch(m.reloadCmd(), m.resize())
	case key.Matches(msg, k.Star):
		return m.toggleStar()
	case key.Matches(msg, k.Read):
		return m.toggleRead()
	case key.Matches(msg, k.Tags):
		if a := m.target(); a != nil {
			m.mode = modeTags
			m.input.SetValue(strings.Join(a.Tags, " "))
			m.input.CursorEnd()
			return m, m.input.Focus()
		}
		return m, nil
	case key.Matches(msg, k.Note):
		return m.startNote()
	case key.Matches(msg, k.OpenLink):
		if a := m.target(); a != nil && a.URL != "" {
			return m, openInBrowser(a.URL)
		}
		return m, m.setStatus("this article has no link", true)
	case key.Matches(msg, k.CopyLink):
		if a := m.target(); a != nil && a.URL != "" {
			return m, tea.Batch(tea.SetClipboard(a.URL), m.setStatus("link copied", false))
		}
		return m, m.setStatus("this article has no link", true)
	case key.Matches(msg, k.Refresh):
		return m.refreshKey()
	case key.Matches(msg, k.Back):
		return m.back()
	}
	switch m.focus {
	case paneList:
		return m.listKey(msg)
	case paneArticle:
		return m.articleKey(msg)
	default:
		return m.panelKey(msg)
	}
}

func (m Model) nextPane(step int) pane {
	p := m.focus
	for range paneCount {
		p = (p + pane(step) + paneCount) % paneCount
		if p == paneArticle && m.article == nil {
			continue
		}
		return p
	}
	return m.focus
}

func (m Model) back() (tea.Model, tea.Cmd) {
	switch {
	case m.focus != paneList && m.width < narrowWidth:
		m.focus = paneList
		return m, m.resize()
	case m.filter != nil:
		m.filter = nil
		return m, tea.Batch(m.reloadCmd(), m.resize())
	case !m.search.Empty():
		m.search = news.Query{}
		return m, tea.Batch(m.reloadCmd(), m.resize())
	case m.focus != paneList:
		m.focus = paneList
		return m, m.resize()
	}
	return m, nil
}

// move applies the movement keys to a cursor over n rows; page is a page's
// height in rows.
func (m Model) move(msg tea.KeyPressMsg, cursor, n, page int) (int, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		cursor--
	case key.Matches(msg, k.Down):
		cursor++
	case key.Matches(msg, k.Top):
		cursor = 0
	case key.Matches(msg, k.Bottom):
		cursor = n - 1
	case key.Matches(msg, k.HalfDown):
		cursor += max(page/2, 1)
	case key.Matches(msg, k.HalfUp):
		cursor -= max(page/2, 1)
	case key.Matches(msg, k.PageDown):
		cursor += page
	case key.Matches(msg, k.PageUp):
		cursor -= page
	default:
		return cursor, false
	}
	return max(0, min(cursor, n-1)), true
}

func (m Model) openSelected() (tea.Model, tea.Cmd) {
	a := m.selected()
	if a == nil {
		return m, nil
	}
	m.focus = paneArticle
	m.opening = a.ID
	cmds := []tea.Cmd{loadArticle(m.lib, a.ID), m.resize()}
	if !a.Read {
		a.Read = true
		m.unread--
		id := a.ID
		cmds = append(cmds, save("", func(ctx context.Context) error { return m.lib.SetRead(ctx, id, true) }))
	}
	return m, tea.Batch(cmds...)
}

func (m Model) articleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	case key.Matches(msg, k.HalfDown):
		m.vp.HalfPageDown()
	case key.Matches(msg, k.HalfUp):
		m.vp.HalfPageUp()
	case key.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case key.Matches(msg, k.PageUp):
		m.vp.PageUp()
	}
	return m, nil
}

func (m Model) panelLen(p pane) int {
	if m.article == nil {
		return 0
	}
	e := m.article.Entities
	switch p {
	case panePeople:
		return len(e.People)
	case panePlaces:
		return len(e.Places)
	case paneQuotes:
		return len(e.Quotes)
	}
	return 0
}

func (m Model) panelKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	n := m.panelLen(m.focus)
	if c, ok := m.move(msg, m.panel[m.focus], n, 5); ok {
		m.panel[m.focus] = c
		return m, nil
	}
	if !key.Matches(msg, m.keys.Open) || n == 0 {
		return m, nil
	}
	e := m.article.Entities
	i := m.panel[m.focus]
	switch m.focus {
	case panePeople:
		return m.filterBy(news.Term{Field: news.FieldPerson, Value: e.People[i].Name})
	case panePlaces:
		return m.filterBy(news.Term{Field: news.FieldPlace, Value: e.Places[i].Name})
	case paneQuotes:
		m.scrollToQuote(e.Quotes[i])
		if m.width < wideWidth {
			m.focus = paneArticle
			return m, m.resize()
		}
	}
	return m, nil
}

// filterBy shows every article that mentions a person or place, with a
// chip saying so; esc clears it.
func (m Model) filterBy(t news.Term) (tea.Model, tea.Cmd) {
	m.filter = &t
	m.focus = paneList
	return m, tea.Batch(m.reloadCmd(), m.resize())
}

func (m Model) toggleStar() (tea.Model, tea.Cmd) {
	a := m.target()
	if a == nil {
		return m, nil
	}
	on := !a.Starred
	m.setMark(a.ID, func(x *news.Article) { x.Starred = on })
	id := a.ID
	status := "starred"
	if !on {
		status = "unstarred"
	}
	return m, tea.Batch(save(status, func(ctx context.Context) error { return m.lib.SetStarred(ctx, id, on) }), m.rerender())
}

func (m Model) toggleRead() (tea.Model, tea.Cmd) {
	a := m.target()
	if a == nil {
		return m, nil
	}
	on := !a.Read
	m.setMark(a.ID, func(x *news.Article) { x.Read = on })
	if on {
		m.unread--
	} else {
		m.unread++
	}
	id := a.ID
	status := "marked read"
	if !on {
		status = "marked unread"
	}
	return m, save(status, func(ctx context.Context) error { return m.lib.SetRead(ctx, id, on) })
}

// setMark changes an article in the list and the open copy alike, so the
// screen shows a mark at once; the store write follows in a command.
func (m *Model) setMark(id int64, set func(*news.Article)) {
	for _, a := range m.items {
		if a.ID == id {
			set(a)
		}
	}
	if m.article != nil && m.article.ID == id {
		set(m.article)
	}
}

func (m Model) promptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.mode = modeNormal
		m.input.Blur()
		return m, nil
	case "ctrl+c":
		return m, tea.Quit
	case "enter":
		if m.mode == modeSearch {
			q, err := news.ParseQuery(m.input.Value())
			var qe *news.QueryError
			if errors.As(err, &qe) {
				// The query is in the prompt: say only where and what.
				return m, m.setStatus(fmt.Sprintf("column %d: %s", qe.Pos, qe.Msg), true)
			}
			if err != nil {
				return m, m.setStatus(err.Error(), true)
			}
			m.search = q
			m.mode = modeNormal
			m.input.Blur()
			m.focus = paneList
			return m, tea.Batch(m.reloadCmd(), m.resize())
		}
		return m.saveTags()
	}
	if m.statusErr {
		m.status = "" // the query is being corrected
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m Model) saveTags() (tea.Model, tea.Cmd) {
	m.mode = modeNormal
	m.input.Blur()
	a := m.target()
	if a == nil {
		return m, nil
	}
	want := strings.Fields(strings.ToLower(strings.ReplaceAll(m.input.Value(), ",", " ")))
	var add, remove []string
	has := map[string]bool{}
	for _, t := range a.Tags {
		has[t] = true
	}
	keep := map[string]bool{}
	for _, t := range want {
		t = strings.TrimPrefix(t, "#")
		keep[t] = true
		if !has[t] {
			add = append(add, t)
		}
	}
	for _, t := range a.Tags {
		if !keep[t] {
			remove = append(remove, t)
		}
	}
	tags := make([]string, 0, len(keep))
	for _, t := range want {
		tags = append(tags, strings.TrimPrefix(t, "#"))
	}
	m.setMark(a.ID, func(x *news.Article) { x.Tags = tags })
	id := a.ID
	return m, tea.Batch(m.rerender(), save("tags saved", func(ctx context.Context) error {
		if len(add) > 0 {
			if err := m.lib.AddTags(ctx, id, add...); err != nil {
				return err
			}
		}
		if len(remove) > 0 {
			return m.lib.RemoveTags(ctx, id, remove...)
		}
		return nil
	}))
}

// keyInMode passes anything else (paste, cursor blinks) to the open
// prompt or editor.
func (m Model) keyInMode(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.mode {
	case modeSearch, modeTags:
		m.input, cmd = m.input.Update(msg)
	case modeNote:
		m.note, cmd = m.note.Update(msg)
	}
	return m, cmd
}

func (m Model) paneAt(x, y int) (pane, bool) {
	l := computeLayout(m.width, m.height, m.focus)
	for p := range paneCount {
		if l.panes[p].contains(x, y) {
			return p, true
		}
	}
	return 0, false
}

func (m Model) mouseWheel(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok || m.mode != modeNormal {
		return m, nil
	}
	step := 1
	if msg.Button == tea.MouseWheelUp {
		step = -1
	}
	switch {
	case p == paneList:
		m.cursor += step
		m.clampList()
		return m, m.moreIfNeeded()
	case p == paneArticle:
		if step > 0 {
			m.vp.ScrollDown(3)
		} else {
			m.vp.ScrollUp(3)
		}
	default:
		m.panel[p] = max(0, min(m.panel[p]+step, m.panelLen(p)-1))
	}
	return m, nil
}

func (m Model) mouseClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok || m.mode != modeNormal || msg.Button != tea.MouseLeft {
		return m, nil
	}
	m.focus = p
	r := computeLayout(m.width, m.height, m.focus).panes[p]
	row := msg.Y - r.y - 1
	switch {
	case p == paneList:
		if m.hasChips() {
			row-- // the chip line is above the first article
		}
		if row < 0 {
			break
		}
		i := m.top + row/2
		if m.row(i) != nil {
			if i == m.cursor {
				return m.openSelected()
			}
			m.cursor = i
			m.clampList()
		}
	case p.isPanel() && row >= 0:
		m.panel[p] = max(0, min(m.panelRowToIndex(p, row), m.panelLen(p)-1))
	}
	return m, m.resize()
}
