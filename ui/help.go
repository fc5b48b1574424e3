package ui

import (
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// withDesc is b with another description: the same key does different
// things in different panes, and the help says which.
func withDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// helpPage is the page of every key, over the whole screen.
type helpPage struct {
	*common
	active        bool
	top           int // the first line shown, when it scrolls
	help          help.Model
	width, height int
}

func newHelpPage(c *common) helpPage {
	return helpPage{common: c, help: help.New(), width: 80, height: 24}
}

func (h *helpPage) SetSize(w, ht int) { h.width, h.height = w, ht }

// Update scrolls the page when it is taller than the terminal; any other
// key closes it.
func (h helpPage) Update(msg tea.Msg) (helpPage, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	k := h.keys
	page := max(h.height-2, 1)
	scrolls := len(h.lines()) > page
	switch {
	case key.Matches(km, k.QuitNow):
		return h, tea.Quit
	case !scrolls:
		// It all shows: any key closes it, as the page says.
		h.active = false
		return h, nil
	case key.Matches(km, k.Down):
		h.top++
	case key.Matches(km, k.Up):
		h.top--
	case key.Matches(km, k.PageDown), key.Matches(km, k.HalfDown):
		h.top += page
	case key.Matches(km, k.PageUp), key.Matches(km, k.HalfUp):
		h.top -= page
	default:
		h.active = false
		h.top = 0
		return h, nil
	}
	h.top = max(0, min(h.top, len(h.lines())-page))
	return h, nil
}

// lines is the help page: the key columns side by side as far as the
// width allows, then below one another, then the query language.
func (h helpPage) lines() []string {
	width := max(h.width-4, 20)
	h.help.ShowAll = true
	var cols []string
	for _, group := range h.keys.FullHelp() {
		cols = append(cols, h.help.FullHelpView([][]key.Binding{group}))
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
	query := wrapWords(`Search (/): words, "phrases", is:unread is:read is:starred has:note has:highlight tag:NAME `+
		`person:"Name" place:NAME source:NAME feed:NAME after:2024-01-31 before:2024-06, and -term to negate.`, wrap) +
		"\n" + wrapWords("Keys can be changed in "+homeTilde(ConfigPath())+" under [keys].", wrap)
	content := strings.Join(rows, "\n\n") + "\n\n" + h.styles.Dim.Render(query)
	return strings.Split(content, "\n")
}

// View draws the help page centred, or from top with a note that it
// scrolls when it does not fit.
func (h helpPage) View() string {
	hint := "   any key closes"
	lines := h.lines()
	body := h.height - 2 // the title and a blank line
	if len(lines) > body {
		hint = "   j/k scroll · any other key closes"
		lines = lines[min(h.top, len(lines)-1):]
		lines = lines[:min(body, len(lines))]
	}
	title := h.styles.TitleFocused.Render("byline — keys") + h.styles.Dim.Render(hint)
	content := lipgloss.JoinVertical(lipgloss.Left, append([]string{title, ""}, lines...)...)
	content = lipgloss.Place(h.width, h.height, lipgloss.Center, lipgloss.Center, content)
	out := strings.Split(content, "\n")
	for i, l := range out {
		out[i] = ansi.Truncate(l, h.width, "")
	}
	return strings.Join(out[:min(len(out), h.height)], "\n")
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
