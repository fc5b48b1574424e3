package ui

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

// Highlights in the article. H starts a selection at the first sentence
// in view; j and k move its end a sentence at a time, enter asks for an
// optional note and enter again keeps it. Dragging with the mouse over
// the article selects the sentences from where the button went down to
// where it is. Kept highlights are marked in the text and listed in the
// notes panel.

// Highlighter is what highlighting needs from the library; *store.Store
// has it.
type Highlighter interface {
	AddHighlight(ctx context.Context, h news.Highlight) (news.Highlight, error)
}

// sentence is one sentence of an article's body, by byte offsets.
type sentence struct {
	start, end int
	text       string
}

// sentencesOf splits a body into sentences: at a blank line, and after
// ., ! or ? (and any closing quote or bracket) followed by white space.
func sentencesOf(body string) []sentence {
	var out []sentence
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if t := strings.TrimSpace(body[start:end]); t != "" {
				out = append(out, sentence{start, start + len(strings.TrimRight(body[start:end], " \t\n")), t})
			}
		}
		start = -1
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		if r == '\n' && strings.HasPrefix(body[i+size:], "\n") {
			flush(i)
		}
		i += size
		if r == '.' || r == '!' || r == '?' {
			j := i
			for j < len(body) && strings.ContainsRune("\"”’')]", rune(body[j])) {
				j++
			}
			if j == len(body) || body[j] == ' ' || body[j] == '\n' {
				flush(j)
				i = j
			}
		}
	}
	flush(len(body))
	return out
}

// selection is a passage being chosen in the article.
type selection struct {
	active    bool
	sentences []sentence
	spans     [][]cellSpan // where each sentence is drawn; nil when it is not found
	from, to  int          // the sentences chosen, inclusive, from ≤ to
	noting    bool         // the note is being typed
	note      textinput.Model
	press     *[2]int // where the mouse button went down in the article: line, column
}

// highlightKeys are the keys of a selection.
type highlightKeys struct {
	Longer, Shorter, Keep, Cancel key.Binding
}

func defaultHighlightKeys() highlightKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return highlightKeys{
		Longer:  b("j", "one sentence more", "j", "down"),
		Shorter: b("k", "one less", "k", "up"),
		Keep:    b("enter", "highlight (then a note, optional)", "enter"),
		Cancel:  b("esc", "cancel", "esc"),
	}
}

// mapSentences finds every sentence of the article in its rendering.
func (v *articleView) mapSentences() {
	s := &v.sel
	s.sentences = sentencesOf(v.article.Body)
	s.spans = make([][]cellSpan, len(s.sentences))
	flat, at := flatten(v.rendered)
	from := 0
	for i, sen := range s.sentences {
		want := []rune(normalize(termtext.Clean(stripMarkdown(sen.text))))
		if len(want) == 0 {
			continue
		}
		if j := indexRunes(flat, want, from); j >= 0 {
			s.spans[i] = spansOf(at[j : j+len(want)])
			from = j + len(want)
		}
	}
}

// stripMarkdown drops the marks glamour does not draw: emphasis, heading
// and list markers, and a link's address.
func stripMarkdown(s string) string {
	s = strings.TrimLeft(s, "#>-*+ ")
	s = strings.NewReplacer("**", "", "__", "", "*", "", "_", "", "`", "").Replace(s)
	for {
		open := strings.Index(s, "](")
		end := strings.Index(s[max(open, 0):], ")")
		if open < 0 || end < 0 {
			break
		}
		s = strings.Replace(s[:open]+s[open+end+1:], "[", "", 1)
	}
	return s
}

// startSelection chooses the first sentence in view.
func (v *articleView) startSelection() tea.Cmd {
	if v.article == nil || v.rendered == "" {
		return nil
	}
	v.mapSentences()
	first := -1
	for i, sp := range v.sel.spans {
		if len(sp) > 0 && sp[0].line >= v.vp.YOffset() {
			first = i
			break
		}
	}
	if first < 0 {
		return reportStatus("no sentence of the text is in view", true)
	}
	v.sel.active, v.sel.from, v.sel.to = true, first, first
	v.showArticle()
	return nil
}

func (v *articleView) cancelSelection() {
	v.sel.active, v.sel.noting, v.sel.press = false, false, nil
	v.sel.note.Blur()
	v.showArticle()
}

// selectionKey handles a key while a passage is chosen.
func (v articleView) selectionKey(lib Library, msg tea.KeyPressMsg) (articleView, tea.Cmd) {
	s := &v.sel
	hk := v.hkeys
	if s.noting {
		switch {
		case key.Matches(msg, hk.Cancel):
			v.cancelSelection()
			return v, nil
		case key.Matches(msg, hk.Keep):
			return v.keepSelection(lib)
		}
		var cmd tea.Cmd
		s.note, cmd = s.note.Update(msg)
		return v, cmd
	}
	switch {
	case key.Matches(msg, hk.Cancel):
		v.cancelSelection()
	case key.Matches(msg, hk.Longer):
		s.to = min(s.to+1, len(s.sentences)-1)
		v.showArticle()
		v.scrollToSelectionEnd()
	case key.Matches(msg, hk.Shorter):
		s.to = max(s.to-1, s.from)
		v.showArticle()
	case key.Matches(msg, hk.Keep):
		s.noting = true
		s.note = textinput.New()
		s.note.Prompt = "note (optional): "
		s.note.SetWidth(max(v.width-20, 10))
		return v, s.note.Focus()
	}
	return v, nil
}

func (v *articleView) scrollToSelectionEnd() {
	sp := v.sel.spans[v.sel.to]
	if len(sp) == 0 {
		return
	}
	if last := sp[len(sp)-1].line; last >= v.vp.YOffset()+v.vp.Height() {
		v.vp.SetYOffset(last - v.vp.Height() + 1)
	}
}

// highlightSavedMsg reports a highlight kept by the store.
type highlightSavedMsg struct {
	highlight news.Highlight
	err       error
}

func (v articleView) keepSelection(lib Library) (articleView, tea.Cmd) {
	s := v.sel
	h := news.Highlight{ArticleID: v.article.ID, Start: s.sentences[s.from].start, End: s.sentences[s.to].end,
		Note: strings.TrimSpace(s.note.Value())}
	h.Text = v.article.Body[h.Start:h.End]
	v.cancelSelection()
	hl, ok := lib.(Highlighter)
	if !ok {
		return v, reportStatus("this library keeps no highlights", true)
	}
	return v, func() tea.Msg {
		saved, err := hl.AddHighlight(context.Background(), h)
		return highlightSavedMsg{highlight: saved, err: err}
	}
}

// highlightSaved shows a kept highlight at once.
func (v articleView) highlightSaved(msg highlightSavedMsg) (articleView, tea.Cmd) {
	if msg.err != nil {
		return v, reportStatus(msg.err.Error(), true)
	}
	if v.article != nil && v.article.ID == msg.highlight.ArticleID {
		v.article.Highlights = append(v.article.Highlights, msg.highlight)
		v.showArticle()
	}
	return v, reportStatus("highlighted", false)
}

// sentenceAt is the sentence drawn at a line and column of the rendering,
// or the last one starting before it.
func (v articleView) sentenceAt(line, col int) int {
	best := -1
	for i, sp := range v.sel.spans {
		for _, c := range sp {
			if c.line < line || c.line == line && c.from <= col {
				best = i
			}
		}
	}
	return best
}

// drag selects from where the button went down to the pointer; x and y
// are inside the pane.
func (v *articleView) drag(x, y int) {
	line := v.vp.YOffset() + y
	if v.sel.press == nil {
		return
	}
	if !v.sel.active {
		if v.rendered == "" {
			return
		}
		v.mapSentences()
		start := v.sentenceAt(v.sel.press[0], v.sel.press[1])
		if start < 0 {
			return
		}
		v.sel.active, v.sel.from, v.sel.to = true, start, start
	}
	if i := v.sentenceAt(line, x); i >= 0 {
		a, b := v.sentenceAt(v.sel.press[0], v.sel.press[1]), i
		v.sel.from, v.sel.to = min(a, b), max(a, b)
		v.sel.from = max(v.sel.from, 0)
	}
	v.showArticle()
}

// markHighlights draws the kept highlights and the passage being chosen
// over the rendered article.
func (v articleView) markHighlights(content string) string {
	if v.article == nil {
		return content
	}
	for _, h := range v.article.Highlights {
		if spans := findQuote(v.rendered, termtext.Clean(stripMarkdown(h.Text))); len(spans) > 0 {
			content = markSpans(content, spans, v.styles.QuoteBar, v.styles.SelectedBlur, "▍")
		}
	}
	if s := v.sel; s.active {
		for i := s.from; i <= s.to && i < len(s.spans); i++ {
			content = markSpans(content, s.spans[i], v.styles.QuoteBar, v.styles.Selected, "▌")
		}
	}
	return content
}

// markSpans redraws spans of content in style, with bar in the first
// column of each of their lines.
func markSpans(content string, spans []cellSpan, barStyle, style lipgloss.Style, bar string) string {
	lines := strings.Split(content, "\n")
	for _, sp := range spans {
		if sp.line >= len(lines) {
			continue
		}
		l := lines[sp.line]
		w := ansi.StringWidth(l)
		from := max(sp.from, 1)
		seg := ansi.Cut(ansi.Strip(l), from, sp.to)
		lines[sp.line] = barStyle.Render(bar) + ansi.Cut(l, 1, from) + style.Render(seg) + ansi.Cut(l, sp.to, w)
	}
	return strings.Join(lines, "\n")
}

// selectionView is the note being typed, over the pane's last line.
func (v articleView) selectionView(view string) string {
	if !v.sel.noting {
		return view
	}
	lines := strings.Split(view, "\n")
	if len(lines) > 0 {
		lines[len(lines)-1] = " " + v.sel.note.View()
	}
	return strings.Join(lines, "\n")
}

// selectionHelp is the status line's keys while a passage is chosen.
func (v articleView) selectionHelp() []key.Binding {
	hk := v.hkeys
	if v.sel.noting {
		return []key.Binding{withDesc(hk.Keep, "keep the highlight"), hk.Cancel}
	}
	return []key.Binding{hk.Longer, hk.Shorter, hk.Keep, hk.Cancel}
}
