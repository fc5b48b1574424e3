package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

// The explorer is the library seen by who is in it: every person, every
// place or every quote of the library, over the whole screen. Enter on a
// person or place opens their page — their stories, their quotes, and the
// people and places most often in the same stories — and enter on a story
// or a quote opens it in the reader, at the quote. Esc goes back a level.

// Explorer is what the explorer needs from the library; *store.Store has
// it. A Library without it has no people, places or quotes views.
type Explorer interface {
	Subjects(ctx context.Context, f store.SubjectFilter, offset, limit int) ([]news.Subject, int, error)
	FillWeekly(ctx context.Context, subs []news.Subject, weeks int) error
	FindSubject(ctx context.Context, kind news.Kind, name string) (news.Subject, error)
	SubjectStories(ctx context.Context, id int64, offset, limit int) ([]*news.Article, error)
	Related(ctx context.Context, id int64, limit int) (people, places []news.Subject, err error)
	Quotes(ctx context.Context, f store.QuoteFilter, offset, limit int) ([]news.LibraryQuote, int, error)
	Merge(ctx context.Context, kind news.Kind, into, from string) (news.Subject, error)
}

// explorerRows is how many rows a list view loads: a screenful and more;
// a filter narrows it.
const explorerRows = 500

// sparkWeeks is how many weeks a person's sparkline covers.
const sparkWeeks = 12

// view is what the explorer shows.
type view int

const (
	viewPeople view = iota
	viewPlaces
	viewQuotes
	viewPage // one person's or place's page
)

// pageSection is a part of a person's page the cursor can be in.
type pageSection int

const (
	sectionStories pageSection = iota
	sectionQuotes
	sectionPeople
	sectionPlaces
	sectionCount
)

// explorerKeys are the explorer's own keys; movement, open, back and
// help are the reader's.
type explorerKeys struct {
	Sort, Filter, Merge, NextSection, PrevSection key.Binding
}

func defaultExplorerKeys() explorerKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return explorerKeys{
		Sort:        b("s", "sort by stories/latest", "s"),
		Filter:      b("/", "filter", "/"),
		Merge:       b("+", "merge into marked", "+"),
		NextSection: b("tab", "next section", "tab"),
		PrevSection: b("shift+tab", "previous section", "shift+tab"),
	}
}

type explorer struct {
	*common
	lib    Explorer
	ekeys  explorerKeys
	active bool
	view   view
	gen    int // bumped on every load; older results are dropped

	// The list views.
	order    store.SubjectOrder
	subjects []news.Subject
	quotes   []news.LibraryQuote
	total    int
	cursor   int
	filter   textinput.Model
	typing   bool
	marked   *news.Subject // the person + merges others into
	loading  bool
	listView view // the list a page was opened from

	// A page, and the pages it was reached from.
	page    *subjectPage
	history []*subjectPage

	width, height int
}

// subjectPage is one person's or place's page.
type subjectPage struct {
	subject        news.Subject
	stories        []*news.Article
	quotes         []news.LibraryQuote
	quotesTotal    int // the person's quotes, of which quotes are the newest
	people, places []news.Subject
	section        pageSection
	cursor         [sectionCount]int
}

func newExplorer(c *common, lib Library) explorer {
	in := textinput.New()
	in.Prompt = "/ "
	x, _ := lib.(Explorer)
	return explorer{common: c, lib: x, ekeys: defaultExplorerKeys(), filter: in, width: 80, height: 24}
}

func (x *explorer) SetSize(w, h int) {
	x.width, x.height = w, h
	x.filter.SetWidth(max(w-6, 10))
}

// Results of the explorer's loads.
type subjectsLoadedMsg struct {
	gen      int
	subjects []news.Subject
	quotes   []news.LibraryQuote
	total    int
	err      error
}

type subjectPageMsg struct {
	gen  int
	page *subjectPage
	err  error
}

// openStoryMsg asks the reader to open a story, at a quote when there is one.
type openStoryMsg struct {
	id    int64
	quote *news.Quote
}

// merged reports a merge made in the people view.
type mergedMsg struct {
	status string
	err    error
}

// openList shows a list view from its top.
func (x *explorer) openList(v view) tea.Cmd {
	if x.lib == nil {
		return reportStatus("this library has no index of people, places and quotes", true)
	}
	x.active, x.view, x.page, x.history, x.cursor = true, v, nil, nil, 0
	x.marked = nil
	x.filter.SetValue("")
	return x.load()
}

// openPage shows the page of the person or place called name.
func (x *explorer) openPage(kind news.Kind, name string) tea.Cmd {
	if x.lib == nil {
		return reportStatus("this library has no index of people, places and quotes", true)
	}
	x.active, x.history = true, nil
	if x.view != viewPage {
		x.listView = viewPeople
		if kind == news.KindPlace {
			x.listView = viewPlaces
		}
	}
	x.gen++
	lib, gen := x.lib, x.gen
	return func() tea.Msg {
		s, err := lib.FindSubject(context.Background(), kind, name)
		if err != nil {
			return subjectPageMsg{gen: gen, err: err}
		}
		return loadSubjectPage(lib, gen, s)()
	}
}

func (x *explorer) load() tea.Cmd {
	x.gen++
	x.loading = true
	lib, gen, v, order, words := x.lib, x.gen, x.view, x.order, strings.TrimSpace(x.filter.Value())
	return func() tea.Msg {
		ctx := context.Background()
		msg := subjectsLoadedMsg{gen: gen}
		if v == viewQuotes {
			msg.quotes, msg.total, msg.err = lib.Quotes(ctx, store.QuoteFilter{Words: words}, 0, explorerRows)
			return msg
		}
		kind := news.KindPerson
		if v == viewPlaces {
			kind = news.KindPlace
		}
		msg.subjects, msg.total, msg.err = lib.Subjects(ctx, store.SubjectFilter{Kind: kind, Name: words, Order: order}, 0, explorerRows)
		if msg.err == nil {
			// Sparklines for a screenful; the rest are drawn without.
			msg.err = lib.FillWeekly(ctx, msg.subjects[:min(len(msg.subjects), 60)], sparkWeeks)
		}
		return msg
	}
}

// pageItems is how many stories and quotes a person's or place's page
// shows, the newest; its headings say when there are more.
const pageItems = 200

func loadSubjectPage(lib Explorer, gen int, s news.Subject) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		p := &subjectPage{subject: s}
		var err error
		if p.stories, err = lib.SubjectStories(ctx, s.ID, 0, pageItems); err != nil {
			return subjectPageMsg{gen: gen, err: err}
		}
		if s.Kind == news.KindPerson {
			if p.quotes, p.quotesTotal, err = lib.Quotes(ctx, store.QuoteFilter{SpeakerID: s.ID}, 0, pageItems); err != nil {
				return subjectPageMsg{gen: gen, err: err}
			}
		}
		if p.people, p.places, err = lib.Related(ctx, s.ID, 10); err != nil {
			return subjectPageMsg{gen: gen, err: err}
		}
		return subjectPageMsg{gen: gen, page: p}
	}
}

// Update handles the explorer's results and keys while it is active.
func (x explorer) Update(msg tea.Msg) (explorer, tea.Cmd) {
	switch msg := msg.(type) {
	case subjectsLoadedMsg:
		if msg.gen != x.gen {
			return x, nil
		}
		x.loading = false
		if msg.err != nil {
			return x, reportStatus(msg.err.Error(), true)
		}
		x.subjects, x.quotes, x.total = msg.subjects, msg.quotes, msg.total
		x.cursor = max(0, min(x.cursor, x.rows()-1))
	case subjectPageMsg:
		if msg.gen != x.gen {
			return x, nil
		}
		if msg.err != nil {
			return x, reportStatus(msg.err.Error(), true)
		}
		if x.page != nil {
			x.history = append(x.history, x.page)
		}
		x.page, x.view = msg.page, viewPage
		if len(x.page.stories) == 0 && len(x.page.quotes) > 0 {
			x.page.section = sectionQuotes
		}
	case mergedMsg:
		if msg.err != nil {
			return x, reportStatus(msg.err.Error(), true)
		}
		return x, tea.Batch(reportStatus(msg.status, false), x.load())
	case tea.KeyPressMsg:
		return x.key(msg)
	case tea.MouseWheelMsg:
		x.moveBy(wheelStep(msg))
	case tea.MouseClickMsg:
		return x.click(msg)
	default:
		if x.typing {
			var cmd tea.Cmd
			x.filter, cmd = x.filter.Update(msg)
			return x, cmd
		}
	}
	return x, nil
}

func (x explorer) key(msg tea.KeyPressMsg) (explorer, tea.Cmd) {
	if x.typing {
		switch msg.String() {
		case "enter", "esc":
			x.typing = false
			x.filter.Blur()
			if msg.String() == "esc" {
				x.filter.SetValue("")
			}
			x.cursor = 0
			return x, x.load()
		}
		var cmd tea.Cmd
		x.filter, cmd = x.filter.Update(msg)
		return x, cmd
	}
	k, ek := x.keys, x.ekeys
	switch {
	case key.Matches(msg, k.Back):
		return x.back()
	case key.Matches(msg, k.Open):
		return x.open()
	case x.view == viewPage && key.Matches(msg, ek.NextSection):
		x.page.section = x.nextSection(1)
	case x.view == viewPage && key.Matches(msg, ek.PrevSection):
		x.page.section = x.nextSection(-1)
	case x.view != viewPage && key.Matches(msg, ek.Filter):
		x.typing = true
		x.filter.CursorEnd()
		return x, x.filter.Focus()
	case (x.view == viewPeople || x.view == viewPlaces) && key.Matches(msg, ek.Sort):
		x.order = 1 - x.order
		x.cursor = 0
		return x, x.load()
	case (x.view == viewPeople || x.view == viewPlaces) && key.Matches(msg, ek.Merge):
		return x.merge()
	default:
		if c, ok := k.moves().move(msg, x.cur(), x.rows(), max(x.height-4, 1)); ok {
			x.setCur(c)
		}
	}
	return x, nil
}

// merge marks the person under the cursor, or merges them into the one
// marked before.
func (x explorer) merge() (explorer, tea.Cmd) {
	if x.cursor >= len(x.subjects) {
		return x, nil
	}
	s := x.subjects[x.cursor]
	if x.marked == nil || x.marked.ID == s.ID {
		x.marked = &s
		return x, reportStatus(fmt.Sprintf("marked %s: + on another merges them into %s", termtext.Line(s.Name), termtext.Line(s.Name)), false)
	}
	into, lib := *x.marked, x.lib
	x.marked = nil
	return x, func() tea.Msg {
		m, err := lib.Merge(context.Background(), into.Kind, into.Name, s.Name)
		if err != nil {
			return mergedMsg{err: err}
		}
		return mergedMsg{status: fmt.Sprintf("merged %s into %s: %d stories", s.Name, m.Name, m.Stories)}
	}
}

func (x explorer) back() (explorer, tea.Cmd) {
	switch {
	case x.view == viewPage && len(x.history) > 0:
		x.page = x.history[len(x.history)-1]
		x.history = x.history[:len(x.history)-1]
	case x.view == viewPage && len(x.subjects)+len(x.quotes) > 0:
		x.view, x.page = x.listView, nil
	case x.marked != nil:
		x.marked = nil
	default:
		x.active = false
	}
	return x, nil
}

func (x explorer) open() (explorer, tea.Cmd) {
	switch x.view {
	case viewQuotes:
		if x.cursor < len(x.quotes) {
			return x.openStory(x.quotes[x.cursor].ArticleID, &x.quotes[x.cursor].Quote)
		}
	case viewPeople, viewPlaces:
		if x.cursor < len(x.subjects) {
			x.listView = x.view
			x.gen++
			return x, loadSubjectPage(x.lib, x.gen, x.subjects[x.cursor])
		}
	case viewPage:
		p := x.page
		i := p.cursor[p.section]
		switch p.section {
		case sectionStories:
			if i < len(p.stories) {
				return x.openStory(p.stories[i].ID, nil)
			}
		case sectionQuotes:
			if i < len(p.quotes) {
				return x.openStory(p.quotes[i].ArticleID, &p.quotes[i].Quote)
			}
		case sectionPeople, sectionPlaces:
			list := p.people
			if p.section == sectionPlaces {
				list = p.places
			}
			if i < len(list) {
				x.gen++
				return x, loadSubjectPage(x.lib, x.gen, list[i])
			}
		}
	}
	return x, nil
}

func (x explorer) openStory(id int64, q *news.Quote) (explorer, tea.Cmd) {
	x.active = false
	return x, func() tea.Msg { return openStoryMsg{id: id, quote: q} }
}

func (x explorer) nextSection(step int) pageSection {
	s := x.page.section
	for range sectionCount {
		s = (s + pageSection(step) + sectionCount) % sectionCount
		if x.sectionLen(s) > 0 {
			return s
		}
	}
	return x.page.section
}

func (x explorer) sectionLen(s pageSection) int {
	p := x.page
	switch s {
	case sectionStories:
		return len(p.stories)
	case sectionQuotes:
		return len(p.quotes)
	case sectionPeople:
		return len(p.people)
	}
	return len(p.places)
}

// rows, cur and setCur are the cursor of whatever is on screen.
func (x explorer) rows() int {
	switch x.view {
	case viewQuotes:
		return len(x.quotes)
	case viewPage:
		return x.sectionLen(x.page.section)
	}
	return len(x.subjects)
}

func (x explorer) cur() int {
	if x.view == viewPage {
		return x.page.cursor[x.page.section]
	}
	return x.cursor
}

func (x *explorer) setCur(c int) {
	if x.view == viewPage {
		x.page.cursor[x.page.section] = c
		return
	}
	x.cursor = c
}

func (x *explorer) moveBy(step int) {
	x.setCur(max(0, min(x.cur()+step, x.rows()-1)))
}

// click selects the row clicked, and opens it when it was selected.
func (x explorer) click(msg tea.MouseClickMsg) (explorer, tea.Cmd) {
	if msg.Button != tea.MouseLeft || x.view == viewPage {
		return x, nil
	}
	row := (msg.Y - x.firstRowY()) / x.linesPerRow()
	if row < 0 {
		return x, nil
	}
	i := x.listTop() + row
	if i >= x.rows() {
		return x, nil
	}
	if i == x.cursor {
		return x.open()
	}
	x.cursor = i
	return x, nil
}

// firstRowY is the screen row of the list's first entry: below the top
// border, the column heads of a names list, and the filter line.
func (x explorer) firstRowY() int {
	y := 1
	if x.view != viewQuotes {
		y++
	}
	if x.typing || x.filter.Value() != "" {
		y++
	}
	return y
}

// listHeight is how many entries of the list are on screen.
func (x explorer) listHeight() int {
	h := x.height - 2 - x.firstRowY() // the bottom border and the status line
	return max(h/x.linesPerRow(), 1)
}

// linesPerRow: a quote is its text and, under it, its speaker and story.
func (x explorer) linesPerRow() int {
	if x.view == viewQuotes {
		return 2
	}
	return 1
}

func (x explorer) listTop() int { return scrollStart(x.cursor, x.rows(), x.listHeight()) }

// View draws the explorer over the whole screen but the status line.
func (x explorer) View() string {
	title := x.title()
	inner := x.width - 2
	var lines []string
	switch x.view {
	case viewPage:
		lines = x.pageLines(inner, x.height-3)
	default:
		if x.typing || x.filter.Value() != "" {
			lines = append(lines, " "+x.filter.View())
		}
		lines = append(lines, x.listLines(inner)...)
	}
	return x.frame(title, lines)
}

func (x explorer) title() string {
	switch x.view {
	case viewPage:
		s := x.page.subject
		span := s.FirstSeen.Format("2 Jan 2006")
		if s.LastSeen.Format("2 Jan 2006") != span {
			span += " – " + s.LastSeen.Format("2 Jan 2006")
		}
		return fmt.Sprintf("%s · %s · %s · %s", termtext.Line(s.Name), plural(s.Stories, "story", "stories"), plural(s.Mentions, "mention", "mentions"), span)
	case viewQuotes:
		return fmt.Sprintf("Quotes %d", x.total)
	}
	name := "People"
	if x.view == viewPlaces {
		name = "Places"
	}
	order := "most stories first"
	if x.order == store.ByRecent {
		order = "latest first"
	}
	return fmt.Sprintf("%s %d · %s", name, x.total, order)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// frame draws lines in a focused box the size of the explorer.
func (x explorer) frame(title string, lines []string) string {
	innerW, innerH := max(x.width-2, 0), max(x.height-3, 0)
	border := x.styles.BorderFocused
	t := ansi.Truncate(x.styles.TitleFocused.Render(title), max(innerW-2, 0), "…")
	var b strings.Builder
	b.WriteString(border.Render("╭ ") + t + border.Render(" "+strings.Repeat("─", max(innerW-ansi.StringWidth(t)-2, 0))+"╮"))
	side := border.Render("│")
	for i := range innerH {
		line := ""
		if i < len(lines) {
			line = ansi.Truncate(lines[i], innerW, "")
		}
		b.WriteString("\n" + side + line + strings.Repeat(" ", max(innerW-ansi.StringWidth(line), 0)) + side)
	}
	b.WriteString("\n" + border.Render("╰"+strings.Repeat("─", innerW)+"╯"))
	return b.String()
}

func (x explorer) listLines(w int) []string {
	var out []string
	if x.view == viewQuotes {
		if len(x.quotes) == 0 && !x.loading {
			return []string{x.styles.Dim.Render(" No quotes.")}
		}
		top := x.listTop()
		for i := top; i < len(x.quotes) && i < top+x.listHeight(); i++ {
			q := x.quotes[i]
			text, meta := quoteLines(q, w, x.styles.Speaker.Render, true)
			if i == x.cursor {
				text, meta = x.selectedRow(text, w, true), x.selectedRow(meta, w, true)
			}
			out = append(out, text, meta)
		}
		return out
	}
	out = append(out, x.styles.Dim.Render(fmt.Sprintf(" %7s %8s  %-11s  %-*s  %s", "STORIES", "MENTIONS", "LATEST", sparkWeeks, "WEEKLY", "NAME")))
	if len(x.subjects) == 0 && !x.loading {
		return append(out, x.styles.Dim.Render(" Nobody here yet: people and places appear as articles are read."))
	}
	top := x.listTop()
	for i := top; i < len(x.subjects) && i < top+x.listHeight(); i++ {
		s := x.subjects[i]
		spark := strings.Repeat(" ", sparkWeeks)
		if s.Weekly != nil {
			spark = Sparkline(s.Weekly)
		}
		mark := " "
		if x.marked != nil && x.marked.ID == s.ID {
			mark = "+"
		}
		line := fmt.Sprintf("%s%7d %8d  %s  %s  %s", mark, s.Stories, s.Mentions, s.LastSeen.Format("02 Jan 2006"), spark, termtext.Line(s.Name))
		if i == x.cursor {
			line = x.selectedRow(line, w, true)
		}
		out = append(out, line)
	}
	return out
}

// quoteLines draws a quote and, under it, who said it in which story.
func quoteLines(q news.LibraryQuote, w int, speakerStyle func(...string) string, withSpeaker bool) (string, string) {
	text := ansi.Truncate(" “"+termtext.Line(q.Text)+"”", w, "…”")
	meta := "   "
	if withSpeaker {
		speaker := "unattributed"
		if q.Speaker != "" {
			speaker = termtext.Line(q.Speaker)
		}
		meta += "— " + speaker + " · "
	}
	meta += termtext.Line(q.Title) + " · " + q.Date.Format("2 Jan 2006")
	return text, speakerStyle(ansi.Truncate(meta, w, "…"))
}

// Sparkline draws counts as a row of block characters: the lowest for
// none, the highest for the largest count. `byline people` draws the same.
func Sparkline(counts []int) string {
	bars := []rune("▁▂▃▄▅▆▇█")
	top := 0
	for _, c := range counts {
		top = max(top, c)
	}
	var b strings.Builder
	for _, c := range counts {
		i := 0
		if c > 0 {
			i = 1 + (c*7-1)/top
		}
		b.WriteRune(bars[min(i, 7)])
	}
	return b.String()
}

// pageLines draws a page: stories and quotes side by side where there is
// room, the people and places they share stories with below the stories.
func (x explorer) pageLines(w, h int) []string {
	p := x.page
	left, right := w, 0
	if w >= 78 {
		left = w / 2
		right = w - left - 1
	}
	// A heading counts what its section shows, and the whole when that is
	// more: "Stories (200)" of Tony Blair's 3,703 read as all of them.
	heading := func(s pageSection, label string, shown, total int) string {
		st := x.styles.Title
		if p.section == s {
			st = x.styles.TitleFocused
		}
		if shown < total {
			return st.Render(fmt.Sprintf(" %s (newest %d of %d)", label, shown, total))
		}
		return st.Render(fmt.Sprintf(" %s (%d)", label, shown))
	}
	row := func(s pageSection, i int, line string, width int) string {
		if p.section == s && p.cursor[s] == i {
			return x.selectedRow(line, width, true)
		}
		return line
	}
	var storyCol []string
	storyRows := h
	company := len(p.people) + len(p.places)
	if company > 0 {
		storyRows = max(h-min(len(p.people), 5)-min(len(p.places), 5)-4, 3)
	}
	storyCol = append(storyCol, heading(sectionStories, "Stories", len(p.stories), p.subject.Stories))
	first := scrollStart(p.cursor[sectionStories], len(p.stories), storyRows-1)
	for i := first; i < len(p.stories) && len(storyCol) < storyRows; i++ {
		a := p.stories[i]
		line := fmt.Sprintf("  %s  %s", a.Date().Format("02 Jan 2006"), termtext.Line(a.Title))
		storyCol = append(storyCol, row(sectionStories, i, ansi.Truncate(line, left, "…"), left))
	}
	names := func(s pageSection, label string, list []news.Subject) {
		if len(list) == 0 {
			return
		}
		storyCol = append(storyCol, "", heading(s, label, len(list), len(list)))
		first := scrollStart(p.cursor[s], len(list), 5)
		for i := first; i < len(list) && i < first+5; i++ {
			c := fmt.Sprintf("%d", list[i].Stories)
			name := ansi.Truncate("  "+termtext.Line(list[i].Name), max(left-len(c)-2, 1), "…")
			line := name + strings.Repeat(" ", max(left-ansi.StringWidth(name)-len(c)-1, 1)) + x.styles.Count.Render(c)
			storyCol = append(storyCol, row(s, i, line, left))
		}
	}
	names(sectionPeople, "Often with", p.people)
	names(sectionPlaces, "Often in", p.places)

	var quoteCol []string
	if p.subject.Kind == news.KindPerson {
		quoteCol = append(quoteCol, heading(sectionQuotes, "Quotes", len(p.quotes), p.quotesTotal))
		qw := right
		if right == 0 {
			qw = w
		}
		if len(p.quotes) == 0 {
			quoteCol = append(quoteCol, x.styles.Dim.Render("  no quotes"))
		}
		first := scrollStart(p.cursor[sectionQuotes], len(p.quotes), (h-1)/2)
		for i := first; i < len(p.quotes) && len(quoteCol)+1 < h; i++ {
			text, meta := quoteLines(p.quotes[i], qw, x.styles.Speaker.Render, false)
			quoteCol = append(quoteCol, row(sectionQuotes, i, text, qw), row(sectionQuotes, i, meta, qw))
		}
	}
	if right == 0 {
		// One column: the focused section's column only, so every
		// section stays reachable on a narrow screen.
		if p.section == sectionQuotes {
			return quoteCol
		}
		return storyCol
	}
	out := make([]string, max(len(storyCol), len(quoteCol)))
	sep := x.styles.Border.Render("│")
	for i := range out {
		l, r := "", ""
		if i < len(storyCol) {
			l = ansi.Truncate(storyCol[i], left, "")
		}
		if i < len(quoteCol) {
			r = quoteCol[i]
		}
		out[i] = l + strings.Repeat(" ", max(left-ansi.StringWidth(l), 0)) + sep + r
	}
	return out
}

// ShortHelp is the explorer's part of the status line.
func (x explorer) ShortHelp() []key.Binding {
	k, ek := x.keys, x.ekeys
	open := withDesc(k.Open, "their page")
	switch x.view {
	case viewQuotes:
		return []key.Binding{k.Down, withDesc(k.Open, "open at the quote"), ek.Filter, withDesc(k.Back, "back"), k.Help}
	case viewPage:
		if x.page.section == sectionStories || x.page.section == sectionQuotes {
			open = withDesc(k.Open, "read it")
		}
		return []key.Binding{k.Down, open, ek.NextSection, withDesc(k.Back, "back"), k.Help}
	}
	return []key.Binding{k.Down, open, ek.Sort, ek.Filter, ek.Merge, withDesc(k.Back, "back"), k.Help}
}
