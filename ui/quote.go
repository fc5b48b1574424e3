package ui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

// Enter on a quote scrolls the article to it and marks it: its words are
// drawn in the Quote style and a bar in the margin flags each of its
// lines, so it shows without colour too.

// cellSpan is part of one rendered line, in cells: [from, to).
type cellSpan struct{ line, from, to int }

// scrollToQuote highlights q in the article and scrolls to its first line.
func (v *articleView) scrollToQuote(q news.Quote) tea.Cmd {
	v.quote = &q
	v.showArticle()
	if v.quoteAt < 0 {
		return reportStatus("this quote is not in the text as shown", true)
	}
	v.vp.SetYOffset(max(v.quoteAt-1, 0))
	return nil
}

// showArticle puts the rendered article in the viewport with the chosen
// quote marked, keeping the scroll position.
func (v *articleView) showArticle() {
	content := v.rendered
	v.quoteAt = -1
	v.highlighted = ""
	if v.quote != nil {
		// The rendered text was cleaned of controls; so must the quote be
		// to be found in it.
		if spans := findQuote(v.rendered, termtext.Clean(v.quote.Text)); len(spans) > 0 {
			content = highlightSpans(v.rendered, spans, v.styles)
			v.quoteAt = spans[0].line
			v.highlighted = v.quote.Text
		}
	}
	content = v.markHighlights(content)
	off := v.vp.YOffset()
	v.vp.SetContent(content)
	v.vp.SetYOffset(off)
}

// findQuote finds text in the rendered article however glamour wrapped it:
// whitespace, line ends and the margin count as one space and case is
// ignored. When the whole quote is not there (Markdown may have changed a
// character) it looks for its first words and its last words instead.
func findQuote(rendered, text string) []cellSpan {
	flat, at := flatten(rendered)
	want := []rune(normalize(text))
	if len(want) == 0 {
		return nil
	}
	start, end := indexRunes(flat, want, 0), 0
	if start >= 0 {
		end = start + len(want)
	} else {
		words := strings.Fields(string(want))
		n := min(len(words), 4)
		head := []rune(strings.Join(words[:n], " "))
		if start = indexRunes(flat, head, 0); start < 0 {
			return nil
		}
		end = start + len(head)
		tail := []rune(strings.Join(words[len(words)-n:], " "))
		if t := indexRunes(flat, tail, end); t >= 0 && t-start < 2*len(want)+20 {
			end = t + len(tail)
		}
	}
	return spansOf(at[start:end])
}

// cellAt is where one rune of the flattened article is on screen.
type cellAt struct {
	line, col, width int
	space            bool
}

// flatten turns the rendered article into one lower-case line with every
// run of spaces as one space, remembering where each rune came from.
func flatten(rendered string) ([]rune, []cellAt) {
	var flat []rune
	var at []cellAt
	space := true // drop leading space
	for i, line := range strings.Split(ansi.Strip(rendered), "\n") {
		col := 0
		for _, r := range line {
			w := ansi.StringWidth(string(r))
			if unicode.IsSpace(r) {
				if !space {
					flat = append(flat, ' ')
					at = append(at, cellAt{i, col, w, true})
				}
				space = true
			} else {
				flat = append(flat, unicode.ToLower(r))
				at = append(at, cellAt{i, col, w, false})
				space = false
			}
			col += w
		}
		if !space {
			flat = append(flat, ' ')
			at = append(at, cellAt{i, col, 0, true})
			space = true
		}
	}
	return flat, at
}

func normalize(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func indexRunes(s, sub []rune, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && string(s[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

// spansOf groups matched runes into one span per line, from its first
// word to its last: a space where a line wraps is not marked.
func spansOf(cells []cellAt) []cellSpan {
	var out []cellSpan
	for _, c := range cells {
		if c.width == 0 || c.space {
			continue
		}
		if n := len(out); n > 0 && out[n-1].line == c.line {
			out[n-1].to = c.col + c.width
			continue
		}
		out = append(out, cellSpan{c.line, c.col, c.col + c.width})
	}
	return out
}

// highlightSpans redraws the spans of rendered in the Quote style, with a
// bar in the first column of each of their lines.
func highlightSpans(rendered string, spans []cellSpan, st Styles) string {
	lines := strings.Split(rendered, "\n")
	for _, sp := range spans {
		l := lines[sp.line]
		w := ansi.StringWidth(l)
		from := max(sp.from, 1) // the bar takes the first column
		seg := ansi.Cut(ansi.Strip(l), from, sp.to)
		lines[sp.line] = st.QuoteBar.Render("▌") + ansi.Cut(l, 1, from) + st.Quote.Render(seg) + ansi.Cut(l, sp.to, w)
	}
	return strings.Join(lines, "\n")
}
