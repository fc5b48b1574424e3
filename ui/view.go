package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

func stripANSI(s string) string { return ansi.Strip(s) }

// View draws the panes where computeLayout puts them, then the status line.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "byline"
	return v
}

func (m Model) screen() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.mode == modeHelp {
		return m.helpScreen()
	}
	l := computeLayout(m.width, m.height, m.focus)
	canvas := make([]string, m.height)
	for p := range paneCount {
		r := l.panes[p]
		if r.w == 0 {
			continue
		}
		box := strings.Split(m.box(p, r), "\n")
		for i, line := range box {
			y := r.y + i
			if y >= l.status {
				break
			}
			canvas[y] += line
		}
	}
	canvas[l.status] = m.statusLine()
	if m.promptError() && l.status > 0 {
		// Above the prompt, over the panes' bottom edge, so the prompt keeps
		// its width for the query being corrected.
		canvas[l.status-1] = ansi.Truncate(m.styles.Error.Render(" "+termtext.Line(m.status)+" "), m.width, "…")
	}
	return strings.Join(canvas, "\n")
}

// box draws one pane: a rounded border with the title in its top edge.
func (m Model) box(p pane, r rect) string {
	innerW, innerH := max(r.w-2, 0), max(r.h-2, 0)
	focused := p == m.focus && m.mode == modeNormal || p == paneArticle && m.editingNotes()
	border, titleStyle := m.styles.Border, m.styles.Title
	if focused {
		border, titleStyle = m.styles.BorderFocused, m.styles.TitleFocused
	}
	title := ansi.Truncate(m.titleBar(p, titleStyle), max(innerW-2, 0), "…")
	top := border.Render("╭ ") + title + border.Render(" "+strings.Repeat("─", max(innerW-ansi.StringWidth(title)-2, 0))+"╮")
	if innerW < 2 {
		top = border.Render("╭" + strings.Repeat("─", innerW) + "╮")
	}
	lines := m.paneLines(p, innerW, innerH)
	side := border.Render("│") // styled once: Render is costly per line
	var b strings.Builder
	b.WriteString(top)
	for i := range innerH {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		line = ansi.Truncate(line, innerW, "")
		pad := innerW - ansi.StringWidth(line)
		b.WriteString("\n" + side + line + strings.Repeat(" ", max(pad, 0)) + side)
	}
	b.WriteString("\n" + border.Render("╰"+strings.Repeat("─", innerW)+"╯"))
	return b.String()
}

// titleBar is a pane's title; where panes share the screen as tabs it
// names the others too, so a reader sees what tab reaches.
func (m Model) titleBar(p pane, st lipgloss.Style) string {
	var tabs []pane
	switch {
	case p == paneArticle && m.editingNotes():
		return st.Render(m.paneTitle(p)) // the editor is not one of the tabs
	case m.width < narrowWidth:
		tabs = []pane{paneList, paneArticle, panePeople, panePlaces, paneQuotes}
	case m.width < wideWidth && p != paneList:
		tabs = []pane{paneArticle, panePeople, panePlaces, paneQuotes}
	default:
		return st.Render(m.paneTitle(p))
	}
	parts := make([]string, len(tabs))
	for i, t := range tabs {
		if t == p {
			// Brackets as well as the style: the tab shown is plain
			// without colour or bold too.
			parts[i] = st.Render("[" + m.paneTitle(t) + "]")
		} else {
			parts[i] = m.styles.Dim.Render(m.tabTitle(t))
		}
	}
	return strings.Join(parts, m.styles.Dim.Render(" · "))
}

// tabTitle is the short title of a pane not on screen.
func (m Model) tabTitle(p pane) string {
	if n := m.panelLen(p); p.isPanel() && n > 0 {
		return fmt.Sprintf("%s %d", p.title(), n)
	}
	return p.title()
}

func (m Model) paneTitle(p pane) string {
	switch p {
	case paneList:
		t := fmt.Sprintf("Library %d · %d unread", m.total, m.unread)
		if m.loading && !m.loaded {
			t = "Library · loading"
		}
		return t
	case paneArticle:
		if m.editingNotes() && m.article != nil {
			return "Notes · " + termtext.Line(m.article.Title)
		}
		if m.article != nil {
			return fmt.Sprintf("Article %d%%", int(m.vp.ScrollPercent()*100))
		}
	case panePeople, panePlaces, paneQuotes:
		if n := m.panelLen(p); n > 0 {
			return fmt.Sprintf("%s %d", p.title(), n)
		}
	}
	return p.title()
}

func (m Model) paneLines(p pane, w, h int) []string {
	switch p {
	case paneList:
		return m.listLines(w, h)
	case paneArticle:
		return m.articleLines(w, h)
	default:
		return m.panelLines(p, w, h)
	}
}

func (m Model) listLines(w, h int) []string {
	var out []string
	if m.hasChips() {
		out = append(out, m.chips(w))
	}
	if len(m.items) == 0 {
		if m.loaded {
			empty := "No articles yet. Add some from a shell: byline add FILE|URL, or byline subscribe FEED-URL"
			if m.hasChips() {
				empty = "Nothing matches. esc clears the filter."
			}
			for _, l := range strings.Split(ansi.Wordwrap(empty, max(w-2, 8), ""), "\n") {
				out = append(out, m.styles.Dim.Render(" "+l))
			}
		}
		return out
	}
	for i := m.top; i < m.top+m.listRows(); i++ {
		a := m.row(i)
		if a == nil {
			break
		}
		mark, star := "  ", "  "
		title := m.styles.Read
		if !a.Read {
			mark = "● "
			title = m.styles.Unread
		}
		if a.Starred {
			star = m.styles.Star.Render("★ ")
		}
		line1 := " " + mark + star + title.Render(ansi.Truncate(termtext.Line(a.Title), max(w-6, 1), "…"))
		meta := a.Date().Format("2 Jan 2006")
		if a.Source != "" {
			meta = termtext.Line(a.Source) + " · " + meta
		}
		if len(a.Tags) > 0 {
			meta += " · #" + termtext.Line(strings.Join(a.Tags, " #"))
		}
		line2 := "     " + m.styles.Dim.Render(ansi.Truncate(meta, max(w-5, 1), "…"))
		if i == m.cursor {
			line1 = m.selectedRow(line1, w, m.focus == paneList)
			line2 = m.selectedRow(line2, w, m.focus == paneList)
		}
		out = append(out, line1, line2)
	}
	return out
}

func (m Model) chips(w int) string {
	var parts []string
	if m.filter != nil {
		label := "person"
		if m.filter.Field == news.FieldPlace {
			label = "place"
		}
		parts = append(parts, m.styles.Chip.Render(label+": "+termtext.Line(m.filter.Value)+" ✕"))
	}
	if !m.search.Empty() {
		parts = append(parts, m.styles.Chip.Render("/ "+termtext.Line(m.search.String())))
	}
	if m.unreadOnly {
		parts = append(parts, m.styles.Chip.Render("unread"))
	}
	return ansi.Truncate(" "+strings.Join(parts, " "), w, "…")
}

// selectedRow draws the row under a cursor: highlighted, with a bar in
// its first column so it shows without colour as well. A cursor in a pane
// without focus is drawn fainter.
func (m Model) selectedRow(s string, w int, focused bool) string {
	bar, st := "▌", m.styles.Selected
	if !focused {
		bar, st = "▏", m.styles.SelectedBlur
	}
	return st.Render(padTo(bar+ansi.Cut(ansi.Strip(s), 1, w), w))
}

func padTo(s string, w int) string {
	s = ansi.Truncate(s, w, "")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

func (m Model) articleLines(w, h int) []string {
	if m.editingNotes() {
		return m.notesLines(w, h)
	}
	if m.article == nil {
		if m.loaded && m.total == 0 {
			return nil // the list says how to add articles
		}
		return []string{"", m.styles.Dim.Render("  Select an article and press enter to read it.")}
	}
	if m.rendered == "" {
		return []string{"", m.styles.Dim.Render("  Rendering…")}
	}
	return strings.Split(m.vp.View(), "\n")
}

func (m Model) panelLines(p pane, w, h int) []string {
	if m.article == nil {
		return nil
	}
	e := m.article.Entities
	var out []string
	cursor := m.panel[p]
	focused := m.focus == p
	row := func(i int, s string) string {
		if i == cursor && focused {
			return m.selectedRow(s, w, true)
		}
		return s
	}
	nameRow := func(name string, n int) string {
		count := fmt.Sprintf("%d", n)
		name = ansi.Truncate(" "+termtext.Line(name), max(w-len(count)-2, 1), "…")
		return name + strings.Repeat(" ", max(w-ansi.StringWidth(name)-len(count)-1, 1)) + m.styles.Count.Render(count)
	}
	switch p {
	case panePeople:
		if len(e.People) == 0 {
			return []string{m.styles.Dim.Render(" nobody named")}
		}
		first := scrollStart(cursor, len(e.People), h)
		for i := first; i < len(e.People) && len(out) < h; i++ {
			out = append(out, row(i, nameRow(e.People[i].Name, e.People[i].Mentions)))
		}
	case panePlaces:
		if len(e.Places) == 0 {
			return []string{m.styles.Dim.Render(" no places")}
		}
		first := scrollStart(cursor, len(e.Places), h)
		for i := first; i < len(e.Places) && len(out) < h; i++ {
			out = append(out, row(i, nameRow(e.Places[i].Name, e.Places[i].Mentions)))
		}
	case paneQuotes:
		if len(e.Quotes) == 0 {
			return []string{m.styles.Dim.Render(" no quotes")}
		}
		first := scrollStart(cursor, len(e.Quotes), h/2)
		for i := first; i < len(e.Quotes) && len(out)+1 < h; i++ {
			q := e.Quotes[i]
			speaker := "unattributed"
			if q.Speaker != "" {
				speaker = termtext.Line(q.Speaker)
			}
			text := ansi.Truncate(" “"+termtext.Line(q.Text)+"”", w, "…”")
			out = append(out, row(i, text), row(i, m.styles.Speaker.Render(ansi.Truncate("   — "+speaker, w, "…"))))
		}
	}
	return out
}

// panelRowToIndex maps a clicked row inside a panel to an entry.
func (m Model) panelRowToIndex(p pane, row int) int {
	r := computeLayout(m.width, m.height, m.focus).panes[p]
	h := max(r.h-2, 1)
	if p == paneQuotes {
		return scrollStart(m.panel[p], m.panelLen(p), h/2) + row/2
	}
	return scrollStart(m.panel[p], m.panelLen(p), h) + row
}

// scrollStart keeps the cursor visible in a list of n rows shown h at a time.
func scrollStart(cursor, n, h int) int {
	if h <= 0 || cursor < h {
		return 0
	}
	return min(cursor-h+1, max(n-h, 0))
}

// promptError says an error about the text in the prompt is showing.
func (m Model) promptError() bool {
	return (m.mode == modeSearch || m.mode == modeTags) && m.status != "" && m.statusErr
}

func (m Model) statusLine() string {
	switch m.mode {
	case modeSearch, modeTags:
		label := "/ "
		if m.mode == modeTags {
			label = "tags: "
		}
		line := m.styles.Prompt.Render(label) + m.input.View()
		return ansi.Truncate(line, m.width, "…")
	}
	var left []string
	if r := m.refreshStatus(); r != "" {
		left = append(left, m.styles.Status.Render(r))
	}
	if m.status != "" {
		st := m.styles.Status
		if m.statusErr {
			st = m.styles.Error
		}
		left = append(left, st.Render(termtext.Line(m.status)))
	}
	line := ""
	if len(left) > 0 {
		line = " " + strings.Join(left, "  ") + "  "
	}
	// "? help" and "q quit" are pinned to the end: however narrow the terminal, the way
	// to every other key stays on screen.
	keys := m.shortHelp()
	tail := ""
	if m.mode == modeNormal {
		pinned := []key.Binding{m.keys.Help, m.keys.Quit}
		tail = m.help.ShortHelpView(pinned)
		keys = slices.DeleteFunc(keys, func(b key.Binding) bool {
			return b.Help() == pinned[0].Help() || b.Help() == pinned[1].Help()
		})
	}
	room := m.width - ansi.StringWidth(line) - ansi.StringWidth(tail) - 4
	if keys := m.fittingHelp(keys, room); keys != "" {
		line += keys
		if tail != "" {
			line += m.styles.HelpDe.Render(" • ")
		}
	}
	return ansi.Truncate(line+tail, m.width, "…")
}

// fittingHelp is as many of keys as fit in width cells, whole, with an
// ellipsis when some are left out. (help.ShortHelpView overflows when its
// ellipsis does not fit, so the fitting is done here.)
func (m Model) fittingHelp(keys []key.Binding, width int) string {
	m.help.SetWidth(0)
	for n := len(keys); n > 0; n-- {
		s := m.help.ShortHelpView(keys[:n])
		if n < len(keys) {
			s += m.styles.HelpDe.Render(" …")
		}
		if ansi.StringWidth(s) <= width {
			return s
		}
	}
	return ""
}

// shortHelp composes the root's keys with the focused pane's.
func (m Model) shortHelp() []helpBinding {
	k := m.keys
	switch {
	case m.mode == modeNote:
		return []helpBinding{noteKey("esc", "save note"), noteKey("ctrl+c", "save and quit")}
	case m.mode == modeNotes:
		return []helpBinding{k.Up, k.Down, withDesc(k.Open, "change"), noteKey("d", "delete"), noteKey("esc", "close")}
	case m.focus.isPanel():
		return []helpBinding{k.Down, withDesc(k.Open, m.panelOpenHelp()), k.NextPane, k.Back, k.Help, k.Quit}
	case m.focus == paneArticle:
		return []helpBinding{k.Down, k.PageDown, k.NextPane, k.Star, k.Note, k.Tags, k.OpenLink, k.Help, k.Quit}
	}
	return k.ShortHelp()
}

// noteKey describes a key of the note editor, which the textarea owns.
func noteKey(k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc))
}

func (m Model) panelOpenHelp() string {
	if m.focus == paneQuotes {
		return "go to quote"
	}
	return "stories with them"
}
