package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
)

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
	if m.help.active {
		return m.help.View()
	}
	if m.explorer.active {
		return m.explorer.View() + "\n" + m.statusLine()
	}
	l := computeLayout(m.width, m.height, m.focus)
	canvas := make([]string, m.height)
	for p := range paneCount {
		r := l.panes[p]
		if r.w == 0 {
			continue
		}
		for i, line := range strings.Split(m.box(p, r), "\n") {
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
	focused := p == m.focus && m.mode() == modeNormal || p == paneArticle && m.editor.active
	border, titleStyle := m.styles.Border, m.styles.Title
	if focused {
		border, titleStyle = m.styles.BorderFocused, m.styles.TitleFocused
	}
	title := ansi.Truncate(m.titleBar(p, titleStyle), max(innerW-2, 0), "…")
	top := border.Render("╭ ") + title + border.Render(" "+strings.Repeat("─", max(innerW-ansi.StringWidth(title)-2, 0))+"╮")
	if innerW < 2 {
		top = border.Render("╭" + strings.Repeat("─", innerW) + "╮")
	}
	lines := strings.Split(m.paneView(p), "\n")
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

// paneView is the inside of a pane, from the pane itself.
func (m Model) paneView(p pane) string {
	switch {
	case p == paneList && m.feeds.shown:
		return m.feeds.View()
	case p == paneList:
		return m.list.View()
	case p == paneArticle && m.editor.active:
		return m.editor.View()
	case p == paneArticle:
		return m.article.View(m.list.loaded && m.list.total == 0)
	default:
		return m.panels[p-panePeople].View(m.article.article != nil)
	}
}

func (m Model) paneTitle(p pane) string {
	switch {
	case p == paneList && m.feeds.shown:
		return m.feeds.Title()
	case p == paneList:
		return m.list.Title()
	case p == paneArticle && m.editor.active:
		return m.editor.Title()
	case p == paneArticle:
		return m.article.Title()
	default:
		return m.panels[p-panePeople].Title()
	}
}

// titleBar is a pane's title; where panes share the screen as tabs it
// names the others too, so a reader sees what tab reaches.
func (m Model) titleBar(p pane, st lipgloss.Style) string {
	var tabs []pane
	switch {
	case p == paneArticle && m.editor.active:
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
	if p.isPanel() {
		return m.panels[p-panePeople].Title()
	}
	return p.title()
}

func padTo(s string, w int) string {
	s = ansi.Truncate(s, w, "")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// cutFrom is the plain text of s from cell from to cell to.
func cutFrom(s string, from, to int) string { return ansi.Cut(ansi.Strip(s), from, to) }

// promptError says an error about the text in the prompt is showing.
func (m Model) promptError() bool {
	return m.prompt.active && m.status != "" && m.statusErr
}

func (m Model) statusLine() string {
	if m.prompt.active {
		return m.prompt.View()
	}
	var left []string
	for _, r := range []string{m.refreshStatus(), m.workStatus()} {
		if r != "" {
			left = append(left, m.styles.Status.Render(r))
		}
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
	if m.mode() == modeNormal {
		pinned := []key.Binding{m.keys.Help, m.keys.Quit}
		tail = m.keyHelp.ShortHelpView(pinned)
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
	m.keyHelp.SetWidth(0)
	for n := len(keys); n > 0; n-- {
		s := m.keyHelp.ShortHelpView(keys[:n])
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
func (m Model) shortHelp() []key.Binding {
	switch {
	case m.explorer.active:
		return m.explorer.ShortHelp()
	case m.editor.active:
		return m.editor.ShortHelp()
	case m.focus.isPanel():
		return m.panels[m.focus-panePeople].ShortHelp()
	case m.focus == paneArticle:
		return m.article.ShortHelp()
	case m.feeds.shown:
		return m.feeds.ShortHelp()
	}
	return m.list.ShortHelp()
}
