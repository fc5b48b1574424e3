package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// common is what every pane shares with the root: the keys and the styles.
// The root owns it and changes it only in Update (a new background colour,
// say); panes read it and never write it.
type common struct {
	keys   KeyMap
	styles Styles
}

// statusMsg is how a pane puts a line in the status bar: the root owns it.
type statusMsg struct {
	text  string
	isErr bool
}

func reportStatus(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusMsg{text, isErr} }
}

// moveKeys are the movement keys every scrolling pane shares.
type moveKeys struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp, PageDown, PageUp key.Binding
}

func (k KeyMap) moves() moveKeys {
	return moveKeys{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp}
}

// move applies a movement key to a cursor over n rows; page is a page's
// height in rows.
func (k moveKeys) move(msg tea.KeyPressMsg, cursor, n, page int) (int, bool) {
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

// wheelStep is the rows a wheel turn moves a cursor: up one, else down one.
func wheelStep(msg tea.MouseWheelMsg) int {
	if msg.Button == tea.MouseWheelUp {
		return -1
	}
	return 1
}

// selectedRow draws the row under a cursor: highlighted, with a bar in
// its first column so it shows without colour as well. A cursor in a pane
// without focus is drawn fainter.
func (c *common) selectedRow(s string, w int, focused bool) string {
	bar, st := "▌", c.styles.Selected
	if !focused {
		bar, st = "▏", c.styles.SelectedBlur
	}
	return st.Render(padTo(bar+cutFrom(s, 1, w), w))
}
