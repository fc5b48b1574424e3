package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"byline/internal/termtext"
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

// Model is the reader: the panes, which has focus, where they go, and the
// status line. It is a value: Update returns the changed copy.
type Model struct {
	ctx  context.Context // for work that outlives a command: a refresh
	lib  Library
	opts Options
	*common
	isDark bool
	width  int
	height int
	focus  pane

	cfg      Config
	list     listPane
	feeds    feedList
	article  articleView
	panels   [3]entityPanel // people, places, quotes: panels[p-panePeople]
	editor   noteEditor
	prompt   prompt
	explorer explorer // the people, places and quotes views
	help     helpPage
	keyHelp  help.Model // the status line's keys

	refreshing                bool
	refreshDone, refreshTotal int
	failed                    []FeedFailure // the feeds the last refresh could not fetch
	work                      Work          // background work, for the status line

	// The library's data version when the list was last loaded (watch.go).
	dataVersion  int64
	versionKnown bool

	status    string
	statusErr bool
	statusSeq int
}

// New builds the reader's model; Run runs it.
func New(lib Library, opts Options) Model {
	cfg := DefaultConfig()
	if opts.Config != nil {
		cfg = *opts.Config
	}
	c := &common{keys: cfg.Keys, styles: DefaultStyles(true, opts.NoColor)}
	m := Model{
		ctx:      context.Background(),
		lib:      lib,
		opts:     opts,
		cfg:      cfg,
		common:   c,
		isDark:   true,
		list:     newListPane(c, lib, opts.Query),
		feeds:    newFeedList(c),
		article:  newArticleView(c, lib),
		editor:   newNoteEditor(c, lib),
		prompt:   newPrompt(c),
		explorer: newExplorer(c, lib),
		help:     newHelpPage(c),
		keyHelp:  help.New(),
		width:    100,
		height:   30,
	}
	for i := range m.panels {
		m.panels[i] = newEntityPanel(c, panePeople+pane(i))
	}
	m.list.compact = cfg.Compact
	m.refreshing = cfg.RefreshOnStart && opts.Refresh != nil
	m.layoutPanes()
	return m
}

// Init asks for the background colour and the first page of the library,
// and starts what the settings ask for at start.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, watchLibrary(m.lib, 0), m.list.initCmd(), waitWork(m.opts.Work), reloadEvery(m.cfg.ReloadEvery)}
	if m.refreshing {
		// New set refreshing for this: Init cannot change the model.
		cmds = append(cmds, startRefresh(m.ctx, m.opts.Refresh, nil))
	}
	return tea.Batch(cmds...)
}

func (m Model) mode() mode {
	switch {
	case m.help.active:
		return modeHelp
	case m.prompt.active && m.prompt.kind == promptSearch:
		return modeSearch
	case m.prompt.active:
		return modeTags
	case m.editor.active && m.editor.choosing:
		return modeNotes
	case m.editor.active:
		return modeNote
	}
	return modeNormal
}

func (m *Model) panel(p pane) *entityPanel { return &m.panels[p-panePeople] }

// Update routes a message: the root claims what concerns it, results go to
// the pane that asked, keys go to the focused pane or the open prompt.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	mm, cmd, ok := m.explorerMsg(msg)
	if ok {
		return mm, cmd
	}
	m = mm.(Model) // a press in the article is remembered for a drag
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.resize()
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.common.styles = DefaultStyles(m.isDark, m.opts.NoColor)
		return m, m.article.rerender()
	case listLoadedMsg:
		return m.listLoaded(msg)
	case articleLoadedMsg:
		return m.articleLoaded(msg)
	case articleRenderedMsg:
		var cmd tea.Cmd
		m.article, cmd = m.article.Update(msg)
		return m, cmd
	case statusMsg:
		return m, m.setStatus(msg.text, msg.isErr)
	case feedsLoadedMsg:
		var cmd tea.Cmd
		m.feeds, cmd = m.feeds.Update(msg)
		return m, cmd
	case workMsg:
		if !msg.ok {
			m.work = Work{}
			return m, nil
		}
		m.work = msg.work
		return m, waitWork(m.opts.Work)
	case reloadTickMsg:
		mm, cmd := m.refresh()
		return mm, tea.Batch(cmd, reloadEvery(m.cfg.ReloadEvery))
	case browserDoneMsg:
		if msg.err != nil {
			return m, m.setStatus(msg.what+": "+msg.err.Error(), true)
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
	case dataVersionMsg:
		return m.libraryChanged(msg)
	case markedMsg:
		return m.marked(msg)
	case statusClearMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m.mouseWheel(msg)
	case tea.MouseClickMsg:
		return m.mouseClick(msg)
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	}
	return m.toOverlay(msg)
}

func (m Model) listLoaded(msg listLoadedMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	if msg.replace && msg.gen == m.list.gen && msg.unsearchable > 0 {
		// A search is never silently partial.
		what := fmt.Sprintf("%d articles", msg.unsearchable)
		if msg.unsearchable == 1 {
			what = "1 article"
		}
		cmd = tea.Batch(cmd, m.setStatus(what+" not yet searchable", false))
	}
	return m.afterListMove(cmd)
}

// afterListMove follows the list's cursor: an unread article a search for
// one has reached is opened; otherwise the article pane, where it is on
// screen, shows the article under the cursor as a preview, which does
// not mark it read.
func (m Model) afterListMove(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	switch {
	case m.list.arrived:
		m.list.arrived = false
		mm, open := m.openSelected()
		return mm, tea.Batch(cmd, open)
	case m.list.ended:
		m.list.ended = false
		return m, tea.Batch(cmd, m.setStatus("no more unread articles", false))
	}
	return m, tea.Batch(cmd, m.preview())
}

// preview loads the article under the cursor into the article pane when
// the pane is on screen beside the list.
func (m *Model) preview() tea.Cmd {
	a := m.list.selected()
	if a == nil || m.editor.active || m.feeds.shown || m.list.seek != 0 || m.focus != paneList {
		return nil
	}
	if computeLayout(m.width, m.height, m.focus).panes[paneArticle].w == 0 || a.ID == m.article.opening {
		return nil
	}
	return m.article.open(a.ID)
}

func (m Model) articleLoaded(msg articleLoadedMsg) (tea.Model, tea.Cmd) {
	prev := m.article.article
	var cmd tea.Cmd
	m.article, cmd = m.article.Update(msg)
	if a := m.article.article; a != nil && a != prev {
		same := prev != nil && prev.ID == a.ID
		for i := range m.panels {
			m.panels[i].show(a, same)
		}
	}
	return m, cmd
}

// resize lays the panes out for the window and re-renders the article at
// its new width.
func (m *Model) resize() tea.Cmd {
	m.layoutPanes()
	return m.article.rerender()
}

// layoutPanes gives every pane its size and focus from computeLayout.
func (m *Model) layoutPanes() {
	l := computeLayout(m.width, m.height, m.focus)
	inner := func(r rect) (int, int) { return max(r.w-2, 0), max(r.h-2, 0) }
	m.list.SetSize(inner(l.panes[paneList]))
	m.feeds.SetSize(inner(l.panes[paneList]))
	// The article keeps the size it has when shown, so its rendering is
	// ready when tab brings it on screen.
	r := computeLayout(m.width, m.height, paneArticle).panes[paneArticle]
	if r.w == 0 {
		r = rect{0, 0, m.width, m.height - 1}
	}
	m.article.SetSize(inner(r))
	m.editor.SetSize(inner(r))
	for i := range m.panels {
		p := panePeople + pane(i)
		r := l.panes[p]
		if r.w == 0 {
			r = computeLayout(m.width, m.height, p).panes[p]
		}
		m.panels[i].SetSize(inner(r))
		m.panels[i].focused = m.focus == p && m.mode() == modeNormal
	}
	m.list.focused = m.focus == paneList && m.mode() == modeNormal
	m.feeds.focused = m.list.focused
	m.list.clamp()
	m.prompt.SetWidth(m.width)
	m.explorer.SetSize(m.width, m.height)
	m.help.SetSize(m.width, m.height)
	m.keyHelp.SetWidth(m.width)
}

func (m *Model) setStatus(s string, isErr bool) tea.Cmd {
	if s == "" {
		return nil
	}
	m.status, m.statusErr = s, isErr
	m.statusSeq++
	return clearStatusAfter(m.statusSeq)
}

// target is the article marks apply to: the open one when the article or a
// panel has focus, else the one under the cursor.
func (m Model) target() *news.Article {
	if m.focus != paneList && m.article.article != nil {
		return m.article.article
	}
	return m.list.selected()
}

// toOverlay passes anything else (paste, cursor blinks) to the open prompt
// or editor.
func (m Model) toOverlay(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.prompt.active:
		m.prompt, cmd = m.prompt.Update(msg)
	case m.editor.active:
		m.editor, cmd = m.editor.Update(msg)
	}
	return m, cmd
}

func (m Model) keyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.prompt.active:
		return m.promptKey(msg)
	case m.editor.active:
		var cmd tea.Cmd
		m.editor, cmd = m.editor.Update(msg)
		m.layoutPanes()
		return m, cmd
	case m.help.active:
		var cmd tea.Cmd
		m.help, cmd = m.help.Update(msg)
		return m, cmd
	}
	if m, cmd, ok := m.openExplorer(msg); ok {
		return m, cmd
	}
	if m.feeds.shown && m.focus == paneList {
		if mm, cmd, ok := m.feedKey(msg); ok {
			return mm, cmd
		}
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.QuitNow):
		return m, tea.Quit
	case key.Matches(msg, k.Quit):
		// newsboat's q: back a level, and out only from the top.
		if mm, cmd, ok := m.back(); ok {
			return mm, cmd
		}
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		mm, cmd, _ := m.back()
		return mm, cmd
	case key.Matches(msg, k.Help):
		m.help.active = true
		return m, nil
	case key.Matches(msg, k.NextPane):
		return m.setFocus(m.nextPane(1))
	case key.Matches(msg, k.PrevPane):
		return m.setFocus(m.nextPane(-1))
	case key.Matches(msg, k.Search):
		return m, m.openPrompt(promptSearch, m.list.search.String())
	case key.Matches(msg, k.UnreadOnly):
		m.list.unreadOnly = !m.list.unreadOnly
		return m, tea.Batch(m.list.reload(), m.resize())
	case key.Matches(msg, k.Compact):
		m.list.compact = !m.list.compact
		m.layoutPanes()
		return m, nil
	case key.Matches(msg, k.Feeds):
		return m.showFeeds()
	case key.Matches(msg, k.NextUnread):
		return m.seek(1, false)
	case key.Matches(msg, k.PrevUnread):
		return m.seek(-1, false)
	case key.Matches(msg, k.NextArticle):
		return m.seek(1, true)
	case key.Matches(msg, k.PrevArticle):
		return m.seek(-1, true)
	case key.Matches(msg, k.Star):
		return m.toggleStar()
	case key.Matches(msg, k.Read):
		return m.toggleRead()
	case key.Matches(msg, k.MarkAllRead):
		return m.markRead(m.list.query(), "the list")
	case key.Matches(msg, k.MarkAllFeeds):
		return m.markRead(news.Query{}, "every article")
	case key.Matches(msg, k.Tags):
		if a := m.target(); a != nil {
			return m, m.openPrompt(promptTags, strings.Join(a.Tags, " "))
		}
		return m, nil
	case key.Matches(msg, k.Note):
		return m.startNote()
	case key.Matches(msg, k.OpenLink):
		if a := m.target(); a != nil && a.URL != "" {
			return m, m.openURL(a.URL)
		}
		return m, m.setStatus("this article has no link", true)
	case key.Matches(msg, k.LinkNumber) && m.focus == paneArticle && len(m.article.links) > 0:
		if len(m.article.links) < 10 {
			return m, m.openLinkNumber(msg.String())
		}
		return m, m.openPrompt(promptLink, msg.String())
	case key.Matches(msg, k.CopyLink):
		if a := m.target(); a != nil && a.URL != "" {
			return m, tea.Batch(tea.SetClipboard(a.URL), m.setStatus("link copied", false))
		}
		return m, m.setStatus("this article has no link", true)
	case key.Matches(msg, k.Refresh), key.Matches(msg, k.RefreshAll):
		return m.refresh()
	case key.Matches(msg, k.Open):
		return m.open()
	}
	return m.toFocused(msg)
}

// feedKey handles the keys the feed view gives a meaning of its own;
// ok false passes the key on.
func (m Model) feedKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	k := m.keys
	f := m.feeds.selected()
	switch {
	case key.Matches(msg, k.Open) && f != nil:
		feed := *f
		m.list.feed = &feed
		m.feeds.shown = false
		return m, tea.Batch(m.list.reload(), m.resize()), true
	case key.Matches(msg, k.Refresh) && f != nil:
		mm, cmd := m.refresh(f.ID)
		return mm, cmd, true
	case key.Matches(msg, k.MarkAllRead) && f != nil:
		mm, cmd := m.markRead(news.Query{Terms: []news.Term{feedTerm(f.ID)}}, termtext.Line(f.Title))
		return mm, cmd, true
	case key.Matches(msg, k.Feeds):
		return m, nil, true
	}
	if _, ok := m.keys.moves().move(msg, 0, 1, 1); ok {
		var cmd tea.Cmd
		m.feeds, cmd = m.feeds.Update(msg)
		return m, cmd, true
	}
	return m, nil, false
}

// showFeeds puts the feed view in the list's place.
func (m Model) showFeeds() (tea.Model, tea.Cmd) {
	m.feeds.shown = true
	m.focus = paneList
	if m.list.feed != nil {
		m.feeds.point(m.list.feed.ID)
	}
	return m, tea.Batch(m.feeds.load(m.lib), m.resize())
}

// toFocused passes a key to the focused pane.
func (m Model) toFocused(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.focus {
	case paneList:
		m.list, cmd = m.list.Update(msg)
		return m.afterListMove(cmd)
	case paneArticle:
		m.article, cmd = m.article.Update(msg)
	default:
		*m.panel(m.focus), cmd = m.panel(m.focus).Update(msg)
	}
	return m, cmd
}

// seek opens the next or previous unread article (or any article), from
// the article on screen or under the cursor, as newsboat's n, p, J, K do.
func (m Model) seek(dir int, any bool) (tea.Model, tea.Cmd) {
	if m.list.selected() == nil {
		return m, nil
	}
	cmd := m.list.seekNext(dir, any)
	return m.afterListMove(cmd)
}

// markRead marks every article of q read, in the list at once and in the
// store in one write, then reloads the counts.
func (m Model) markRead(q news.Query, what string) (tea.Model, tea.Cmd) {
	for _, a := range m.list.items {
		a.Read = true // what is loaded is what the query covers or less
	}
	if m.article.article != nil {
		m.article.article.Read = true
	}
	lib := m.lib
	return m, func() tea.Msg {
		ctx := context.Background()
		var n int
		var err error
		// A whole feed or the whole library is one change on a sync
		// server (newsboat marks only what it holds); a narrower list is
		// marked article by article.
		if feedID, ok := bareFeed(q); ok {
			n, err = lib.MarkFeedRead(ctx, feedID)
		} else if q.Empty() {
			n, err = lib.MarkAllRead(ctx)
		} else {
			n, err = lib.SetReadMatching(ctx, q, true)
		}
		return markedMsg{what: what, n: n, err: err}
	}
}

// bareFeed reports the feed of a query that is that feed and nothing else.
func bareFeed(q news.Query) (int64, bool) {
	if len(q.Terms) != 1 {
		return 0, false
	}
	t := q.Terms[0]
	if t.Field != news.FieldFeed || t.Negate || !strings.HasPrefix(t.Value, "#") {
		return 0, false
	}
	id, err := strconv.ParseInt(t.Value[1:], 10, 64)
	return id, err == nil
}

// markedMsg reports a mark-all-read: the list and feeds reload their
// counts.
type markedMsg struct {
	what string
	n    int
	err  error
}

func (m Model) marked(msg markedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		return m, m.setStatus(msg.err.Error(), true)
	}
	status := fmt.Sprintf("marked %d read in %s", msg.n, msg.what)
	cmds := []tea.Cmd{m.setStatus(status, false), m.list.reloadAround(0)}
	if m.feeds.shown || m.feeds.loaded {
		cmds = append(cmds, m.feeds.load(m.lib))
	}
	return m, tea.Batch(cmds...)
}

func (m Model) openURL(link string) tea.Cmd {
	if m.opts.Browser != nil {
		return m.opts.Browser(link)
	}
	return openLink(m.cfg.Browser, link)
}

// openLinkNumber opens the article's link numbered s.
func (m Model) openLinkNumber(s string) tea.Cmd {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > len(m.article.links) {
		return reportStatus(fmt.Sprintf("no link %s: the article has %d", s, len(m.article.links)), true)
	}
	return m.openURL(m.article.links[n-1])
}

func (m Model) setFocus(p pane) (tea.Model, tea.Cmd) {
	m.focus = p
	return m, m.resize()
}

func (m Model) nextPane(step int) pane {
	p := m.focus
	for range paneCount {
		p = (p + pane(step) + paneCount) % paneCount
		if p == paneArticle && m.article.article == nil {
			continue
		}
		return p
	}
	return m.focus
}

func (m *Model) openPrompt(kind promptKind, value string) tea.Cmd {
	cmd := m.prompt.open(kind, value)
	m.layoutPanes()
	return cmd
}

// back steps back one level: from the article or a panel to the list,
// then off the person/place filter, the search, the feed (to the feed
// view), the feed view. ok false: the reader is at the top.
func (m Model) back() (tea.Model, tea.Cmd, bool) {
	switch {
	case m.focus != paneList:
		mm, cmd := m.setFocus(paneList)
		return mm, cmd, true
	case m.feeds.shown:
		m.feeds.shown = false
		return m, m.resize(), true
	case m.list.filter != nil:
		m.list.filter = nil
	case !m.list.search.Empty():
		m.list.search = news.Query{}
	case m.list.feed != nil:
		m.feeds.shown = true
		m.feeds.point(m.list.feed.ID)
		m.list.feed = nil
		return m, tea.Batch(m.list.reload(), m.feeds.load(m.lib), m.resize()), true
	default:
		return m, nil, false
	}
	return m, tea.Batch(m.list.reload(), m.resize()), true
}

// open is enter: the article under the cursor in the list, the stories
// with a person or place, the quote in the article.
func (m Model) open() (tea.Model, tea.Cmd) {
	switch {
	case m.focus == paneList:
		return m.openSelected()
	case m.focus.isPanel():
		return m.openEntity()
	}
	return m, nil
}

// openSelected opens the article under the cursor to read: it takes focus
// and is marked read.
func (m Model) openSelected() (tea.Model, tea.Cmd) {
	a := m.list.selected()
	if a == nil {
		return m, nil
	}
	m.focus = paneArticle
	cmds := []tea.Cmd{m.resize()}
	if a.ID != m.article.opening || m.article.article == nil {
		cmds = append(cmds, m.article.open(a.ID))
	}
	if !a.Read {
		a.Read = true
		m.article.setMark(a.ID, func(x *news.Article) { x.Read = true })
		m.list.unread--
		id := a.ID
		cmds = append(cmds, save("", func(ctx context.Context) error { return m.lib.SetRead(ctx, id, true) }))
	}
	return m, tea.Batch(cmds...)
}

func (m Model) openEntity() (tea.Model, tea.Cmd) {
	p := m.panel(m.focus)
	if t, ok := p.term(); ok {
		return m.filterBy(t)
	}
	e, ok := p.selected()
	if !ok {
		return m, nil
	}
	cmd := m.article.scrollToQuote(e.quote)
	if m.width < wideWidth {
		m.focus = paneArticle
		return m, tea.Batch(cmd, m.resize())
	}
	return m, cmd
}

// filterBy shows every article that mentions a person or place, with a
// chip saying so; esc clears it.
func (m Model) filterBy(t news.Term) (tea.Model, tea.Cmd) {
	m.list.filter = &t
	m.focus = paneList
	return m, tea.Batch(m.list.reload(), m.resize())
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
	return m, tea.Batch(save(status, func(ctx context.Context) error { return m.lib.SetStarred(ctx, id, on) }), m.article.rerender())
}

func (m Model) toggleRead() (tea.Model, tea.Cmd) {
	a := m.target()
	if a == nil {
		return m, nil
	}
	on := !a.Read
	m.setMark(a.ID, func(x *news.Article) { x.Read = on })
	if on {
		m.list.unread--
	} else {
		m.list.unread++
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
	m.list.setMark(id, set)
	m.article.setMark(id, set)
}

func (m Model) promptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if !m.prompt.isAccept(msg) {
		if m.statusErr {
			m.status = "" // the query is being corrected
		}
		var cmd tea.Cmd
		m.prompt, cmd = m.prompt.Update(msg)
		m.layoutPanes()
		return m, cmd
	}
	switch m.prompt.kind {
	case promptTags:
		return m.saveTags()
	case promptLink:
		m.prompt.close()
		m.layoutPanes()
		return m, m.openLinkNumber(m.prompt.Value())
	}
	q, err := news.ParseQuery(m.prompt.Value())
	var qe *news.QueryError
	if errors.As(err, &qe) {
		// The query is in the prompt: say only where and what.
		return m, m.setStatus(fmt.Sprintf("column %d: %s", qe.Pos, qe.Msg), true)
	}
	if err != nil {
		return m, m.setStatus(err.Error(), true)
	}
	m.list.search = q
	m.prompt.close()
	m.focus = paneList
	return m, tea.Batch(m.list.reload(), m.resize())
}

func (m Model) saveTags() (tea.Model, tea.Cmd) {
	m.prompt.close()
	m.layoutPanes()
	a := m.target()
	if a == nil {
		return m, nil
	}
	want := strings.Fields(strings.ToLower(strings.ReplaceAll(m.prompt.Value(), ",", " ")))
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
	return m, tea.Batch(m.article.rerender(), save("tags saved", func(ctx context.Context) error {
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

// startNote opens the editor on the target article, opening the article
// first when it is not the one on screen.
func (m Model) startNote() (tea.Model, tea.Cmd) {
	a := m.target()
	if a == nil {
		return m, nil
	}
	var cmds []tea.Cmd
	if a.ID != m.article.opening {
		// Shown, not read: writing a note on a story is no sign of having
		// read it.
		cmds = append(cmds, m.article.open(a.ID))
	}
	m.focus = paneArticle // the editor lives in the article pane
	cmds = append(cmds, m.editor.open(a), m.resize())
	return m, tea.Batch(cmds...)
}

// noteSaved applies a saved change to every copy of the article's notes:
// the editor's, the open article's and the list's.
func (m Model) noteSaved(msg noteSavedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		if cmd, ok := m.editor.failed(msg); ok {
			m.focus = paneArticle
			return m, tea.Batch(cmd, m.resize(), m.setStatus("note not saved: "+msg.err.Error()+" — esc tries again", true))
		}
		return m, m.setStatus("note not saved: "+msg.err.Error(), true)
	}
	m.setMark(msg.note.ArticleID, func(a *news.Article) { a.Notes = msg.apply(a.Notes) })
	m.editor.applySaved(msg)
	m.layoutPanes()
	status := [...]string{noteAdded: "note saved", noteUpdated: "note changed", noteDeleted: "note deleted"}[msg.op]
	return m, tea.Batch(m.setStatus(status, false), m.article.rerender())
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
	if !ok || m.mode() != modeNormal {
		return m, nil
	}
	var cmd tea.Cmd
	switch {
	case p == paneList && m.feeds.shown:
		m.feeds, cmd = m.feeds.Update(msg)
	case p == paneList:
		m.list, cmd = m.list.Update(msg)
		return m.afterListMove(cmd)
	case p == paneArticle:
		m.article, cmd = m.article.Update(msg)
	default:
		*m.panel(p), cmd = m.panel(p).Update(msg)
	}
	return m, cmd
}

func (m Model) mouseClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(msg.X, msg.Y)
	if !ok || m.mode() != modeNormal || msg.Button != tea.MouseLeft {
		return m, nil
	}
	m.focus = p
	r := computeLayout(m.width, m.height, m.focus).panes[p]
	row := msg.Y - r.y - 1
	switch {
	case p == paneList && m.feeds.shown:
		if i := m.feeds.rowAt(row); i >= 0 {
			m.feeds.cursor = i
			m.feeds.clamp()
		}
	case p == paneList:
		if i := m.list.rowAt(row); i >= 0 {
			if i == m.list.cursor {
				return m.openSelected()
			}
			m.list.cursor = i
			m.list.moved = true
			m.layoutPanes()
			return m.afterListMove(nil)
		}
	case p.isPanel() && row >= 0:
		m.panel(p).click(row)
	}
	return m, m.resize()
}
