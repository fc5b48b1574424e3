package ui

import (
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

type helpBinding = key.Binding

// withDesc is b with another description: the same key does different
// things in different panes, and the help says which.
func withDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// helpKey scrolls the help page when it is taller than the terminal; any
// other key closes it.
func (m Model) helpKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	page := max(m.height-2, 1)
	switch {
	case msg.String() == "ctrl+c":
		return m, tea.Quit
	case key.Matches(msg, k.Down):
		m.helpTop++
	case key.Matches(msg, k.Up):
		m.helpTop--
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		m.helpTop += page
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
		m.helpTop -= page
	default:
		m.mode = modeNormal
		m.helpTop = 0
		return m, nil
	}
	m.helpTop = max(0, min(m.helpTop, len(m.helpLines())-page))
	return m, nil
}

// helpLines is the help page: the key columns side by side as far as the
// width allows, then below one another, then the query language.
func (m Model) helpLines() []string {
	width := max(m.width-4, 20)
	m.help.ShowAll = true
	var cols []string
	for _, group := range m.keys.FullHelp() {
		cols = append(cols, m.help.FullHelpView([][]key.Binding{group}))
	}
	var rows []string
	var row []string
	rowW := 0
	for _, c := range cols {
		w := lipgloss.Width(c)
		if len(row) > 0 && rowW+4+w > width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			c = lipgloss.NewStyle().PaddingLeft(4).Render(c)
			w += 4
		}
		row = append(row, c)
		rowW += w
	}
	rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	wrap := min(width, 100)
	query := wrapWords(`Search (/): words, "phrases", is:unread is:read is:starred has:note tag:NAME `+
		`person:"Name" place:NAME source:NAME feed:NAME after:2024-01-31 before:2024-06, and -term to negate.`, wrap) +
		"\n" + wrapWords("Keys can be changed in "+homeTilde(ConfigPath())+" under [keys].", wrap)
	content := strings.Join(rows, "\n\n") + "\n\n" + m.styles.Dim.Render(query)
	return strings.Split(content, "\n")
}

// helpScreen draws the help page centred, or from helpTop with a note
// that it scrolls when it does not fit.
func (m Model) helpScreen() string {
	hint := "   any key closes"
	lines := m.helpLines()
	body := m.height - 2 // the title and a blank line
	if len(lines) > body {
		hint = "   j/k scroll · any other key closes"
		lines = lines[min(m.helpTop, len(lines)-1):]
		lines = lines[:min(body, len(lines))]
	}
	title := m.styles.TitleFocused.Render("byline — keys") + m.styles.Dim.Render(hint)
	content := lipgloss.JoinVertical(lipgloss.Left, append([]string{title, ""}, lines...)...)
	content = lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, content)
	out := strings.Split(content, "\n")
	for i, l := range out {
		out[i] = ansi.Truncate(l, m.width, "")
	}
	return strings.Join(out[:min(len(out), m.height)], "\n")
}

// homeTilde writes a path under the home folder as ~/…, as a reader would.
func homeTilde(path string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || !strings.HasPrefix(path, home+"/") {
		return path
	}
	return "~" + path[len(home):]
}

// wrapWords breaks text at spaces only: the query syntax has hyphens and
// colons that must stay on one line with their word.
func wrapWords(text string, width int) string {
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(text) {
		ww := ansi.StringWidth(w)
		switch {
		case col == 0:
		case col+1+ww > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += ww
	}
	return b.String()
}
