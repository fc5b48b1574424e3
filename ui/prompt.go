package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// promptKind says what a prompt asks for.
type promptKind int

const (
	promptSearch promptKind = iota
	promptTags
	promptLink
)

// prompt is the one-line input over the status line: a search or an
// article's tags. The root reads its value when the reader accepts it.
type prompt struct {
	*common
	kind   promptKind
	active bool
	input  textinput.Model
	width  int
}

func newPrompt(c *common) prompt {
	in := textinput.New()
	in.Prompt = ""
	return prompt{common: c, input: in, width: 80}
}

func (p *prompt) SetWidth(w int) {
	p.width = w
	p.input.SetWidth(max(w-10, 10)) // errors show on the line above
}

// open shows the prompt holding value.
func (p *prompt) open(kind promptKind, value string) tea.Cmd {
	p.kind, p.active = kind, true
	p.input.SetValue(value)
	p.input.CursorEnd()
	return p.input.Focus()
}

func (p *prompt) close() {
	p.active = false
	p.input.Blur()
}

func (p prompt) Value() string { return p.input.Value() }

// Update edits the text; esc closes the prompt, ctrl+c quits.
func (p prompt) Update(msg tea.Msg) (prompt, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.Cancel):
			p.close()
			return p, nil
		case key.Matches(k, p.keys.Interrupt):
			return p, tea.Quit
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

// View is the prompt as the status line.
func (p prompt) View() string {
	label := [...]string{promptSearch: "/ ", promptTags: "tags: ", promptLink: "open link number: "}[p.kind]
	return ansi.Truncate(p.styles.Prompt.Render(label)+p.input.View(), p.width, "…")
}

// isAccept says the key accepts what is typed.
func (p prompt) isAccept(msg tea.KeyPressMsg) bool {
	return key.Matches(msg, p.keys.Accept)
}
