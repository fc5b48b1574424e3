package feed

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// simpleMarkdown converts the plain HTML most feed items carry —
// paragraphs, links, emphasis, headings, flat lists, block quotes, images —
// to Markdown in one pass over the tokens. ok is false when the HTML holds
// anything else (tables, code, nested lists…); the caller then uses
// html-to-markdown, which handles everything but costs about ten times as
// much: 4.5 s of CPU for the 50,000 items of a large refresh, against a
// budget of 5 s for the whole refresh.
func simpleMarkdown(src string, base *url.URL) (md string, ok bool) {
	c := mdConv{base: base}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if c.depthSkip > 0 || len(c.inline) > 0 {
				// Unclosed inline elements: let the full converter decide.
				return "", false
			}
			c.endBlock()
			return strings.TrimSpace(c.out.String()), !c.bail
		case html.TextToken:
			if c.depthSkip == 0 {
				c.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if c.depthSkip > 0 {
				if skipped[a] && tt == html.StartTagToken {
					c.depthSkip++
				}
				continue
			}
			var attrs map[string]string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if a == atom.A && string(k) == "href" || a == atom.Img && imageAttrs[string(k)] {
					if attrs == nil {
						attrs = map[string]string{}
					}
					attrs[string(k)] = string(v)
				}
			}
			c.start(a, attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if c.depthSkip > 0 {
				if skipped[a] {
					c.depthSkip--
				}
				continue
			}
			c.end(a)
		}
		if c.bail {
			return "", false
		}
	}
}

// imageAttrs are the attributes imageSource reads, and alt.
var imageAttrs = map[string]bool{"src": true, "alt": true, "srcset": true, "data-srcset": true, "data-lazy-srcset": true}

func init() {
	for _, k := range lazySources {
		imageAttrs[k] = true
	}
}

// skipped elements are dropped with everything inside them.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Object: true,
	atom.Form: true, atom.Button: true, atom.Svg: true, atom.Template: true, atom.Select: true, atom.Head: true,
}

// transparent elements add nothing of their own.
var transparent = map[atom.Atom]bool{
	atom.Span: true, atom.Font: true, atom.Small: true, atom.U: true, atom.Abbr: true, atom.Time: true,
	atom.Cite: true, atom.Mark: true, atom.Html: true, atom.Body: true, atom.Sup: true, atom.Sub: true,
	atom.Ins: true, atom.Picture: true, atom.Source: true, atom.Wbr: true, atom.Bdi: true, atom.Q: true,
}

// blocks separate paragraphs.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true,
	atom.Center: true, atom.Address: true,
}

type inlineOpen struct {
	tag  atom.Atom
	pos  int // where its content starts in para
	href string
}

type mdConv struct {
	base      *url.URL
	out       strings.Builder
	para      bytes.Buffer // the block being built
	prefix    string       // "> " inside a block quote
	list      atom.Atom    // Ul or Ol while inside one
	item      int          // the number of the current ordered item
	inline    []inlineOpen
	depthSkip int
	bail      bool
	space     bool // a space is owed before the next word
	lineStart int  // where the current line's text starts in para: after a list marker or a line break
	quoted    int  // blocks written so far inside the current block quote
}

func (c *mdConv) start(a atom.Atom, attrs map[string]string, selfClosing bool) {
	switch {
	case skipped[a]:
		if !selfClosing {
			c.depthSkip++
		}
	case transparent[a]:
	case blocks[a]:
		if c.list != 0 {
			c.bail = true // <li><p>: the item's marker would be lost
			return
		}
		c.endBlock()
	case a == atom.Br:
		if c.para.Len() > 0 {
			c.para.WriteString("  \n")
			c.space = false
			c.lineStart = c.para.Len()
		}
	case a == atom.A:
		c.inline = append(c.inline, inlineOpen{tag: a, pos: c.mark(), href: attrs["href"]})
	case a == atom.Em || a == atom.I || a == atom.Strong || a == atom.B:
		c.inline = append(c.inline, inlineOpen{tag: a, pos: c.mark()})
	case a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6:
		if c.list != 0 || c.prefix != "" {
			c.bail = true
			return
		}
		c.endBlock()
		c.para.WriteString(strings.Repeat("#", int(a.String()[1]-'0')) + " ")
	case a == atom.Ul || a == atom.Ol:
		if c.list != 0 {
			c.bail = true // nested lists need indentation rules
			return
		}
		c.endBlock()
		c.list, c.item = a, 0
	case a == atom.Li:
		if c.list == 0 {
			c.bail = true
			return
		}
		c.endBlock()
		c.item++
		if c.list == atom.Ol {
			c.para.WriteString(strconv.Itoa(c.item) + ". ")
		} else {
			c.para.WriteString("- ")
		}
		c.lineStart = c.para.Len()
	case a == atom.Blockquote:
		if c.prefix != "" || c.list != 0 {
			c.bail = true
			return
		}
		c.endBlock()
		c.prefix, c.quoted = "> ", 0
	case a == atom.Img:
		src := c.abs(imageSource(func(k string) string { return attrs[k] }))
		if src == "" {
			return
		}
		c.word("![" + escapeMarkdown(collapseSpace(attrs["alt"])) + "](" + src + ")")
	default:
		c.bail = true
	}
}

func (c *mdConv) end(a atom.Atom) {
	switch {
	case transparent[a], a == atom.Br, a == atom.Img:
	case blocks[a], a == atom.H1, a == atom.H2, a == atom.H3, a == atom.H4, a == atom.H5, a == atom.H6, a == atom.Li:
		c.endBlock()
	case a == atom.Ul || a == atom.Ol:
		c.endBlock()
		c.list = 0
	case a == atom.Blockquote:
		c.endBlock()
		c.prefix = ""
	case a == atom.A || a == atom.Em || a == atom.I || a == atom.Strong || a == atom.B:
		c.closeInline(a)
	default:
		c.bail = true
	}
}

// mark is where the next inline element's content starts: after the space
// owed to the text before it, so the space falls outside the markup.
func (c *mdConv) mark() int {
	if c.space && c.para.Len() > 0 && !c.atLineStart() {
		c.para.WriteByte(' ')
	}
	c.space = false
	return c.para.Len()
}

func (c *mdConv) closeInline(a atom.Atom) {
	n := len(c.inline)
	if n == 0 || c.inline[n-1].tag != a {
		c.bail = true // mis-nested: <b><i></b></i>
		return
	}
	open := c.inline[n-1]
	c.inline = c.inline[:n-1]
	raw := string(c.para.Bytes()[open.pos:])
	content := strings.TrimSpace(raw)
	c.para.Truncate(open.pos)
	if content == "" {
		c.space = c.space || raw != ""
		return
	}
	if raw[0] == ' ' {
		// "a<em> word</em>": the space is the text's, not the emphasis's.
		c.para.WriteByte(' ')
	}
	switch a {
	case atom.A:
		if href := c.abs(open.href); href != "" {
			content = "[" + content + "](" + href + ")"
		}
	case atom.Em, atom.I:
		content = "*" + content + "*"
	default:
		content = "**" + content + "**"
	}
	c.para.WriteString(content)
}

// atLineStart: nothing, a line break or a list marker comes before, so no
// space is owed.
func (c *mdConv) atLineStart() bool {
	b := c.para.Bytes()
	return len(b) == 0 || b[len(b)-1] == '\n' || b[len(b)-1] == ' '
}

// text adds a run of text, its white space collapsed as a browser would
// and Markdown's characters escaped. It runs over every byte of every item
// of a refresh, so it writes straight into the paragraph.
func (c *mdConv) text(s string) {
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			c.space = true
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		esc := c.startWord(s[i:j])
		for k := i; k < j; k++ {
			if mdSpecial[s[k]] || k-i == esc {
				c.para.WriteByte('\\')
			}
			c.para.WriteByte(s[k])
		}
		i = j
	}
}

// mdSpecial are the bytes that would turn text into Markdown syntax.
var mdSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true, '<': true}

// startWord writes the space owed before word w. At the start of a line
// it returns where in w a backslash keeps w from opening a heading, quote
// or list, or -1.
func (c *mdConv) startWord(w string) (escape int) {
	escape = -1
	if c.para.Len() == c.lineStart {
		escape = lineEscape(w)
	} else if c.space && !c.atLineStart() {
		c.para.WriteByte(' ')
	}
	c.space = false
	return escape
}

// word adds w, already in Markdown, as one word.
func (c *mdConv) word(w string) {
	c.startWord(w)
	c.para.WriteString(w)
}

func (c *mdConv) endBlock() {
	if len(c.inline) > 0 {
		c.bail = true // a block inside a link or emphasis
		return
	}
	text := strings.TrimSpace(c.para.String())
	c.para.Reset()
	c.space = false
	c.lineStart = 0
	if text == "" || text == "-" || text == "#" {
		return
	}
	if c.out.Len() > 0 {
		switch {
		case c.list != 0:
			c.out.WriteString("\n")
		case c.prefix != "" && c.quoted > 0:
			c.out.WriteString("\n>\n") // the next paragraph of the same quote
		default:
			c.out.WriteString("\n\n")
		}
	}
	if c.prefix != "" {
		text = c.prefix + strings.ReplaceAll(text, "\n", "\n"+c.prefix)
		c.quoted++
	}
	c.out.WriteString(text)
}

// abs resolves a link against the item's page; links that would run
// script, and fragments that point into a page we do not have, are dropped.
func (c *mdConv) abs(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if c.base != nil {
		u = c.base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https", "mailto":
	default:
		return ""
	}
	// Markdown link targets end at a space or a closing parenthesis.
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29").Replace(u.String())
}

// escapeMarkdown backslash-escapes the characters that would turn text
// into Markdown syntax.
func escapeMarkdown(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if mdSpecial[w[i]] {
			b.WriteByte('\\')
		}
		b.WriteByte(w[i])
	}
	return b.String()
}

// lineEscape is where a word at the start of a line needs a backslash so
// as not to open a heading, quote, list or rule, or -1: before the mark
// itself ("\#", "\-"), or before the dot of a number ("1\.": a backslash
// before a digit would be shown).
func lineEscape(w string) int {
	switch w[0] {
	case '#', '>':
		return 0
	case '-', '+', '=', '~':
		if strings.Trim(w, w[:1]) == "" { // a list mark, a rule, an underline, a code fence
			return 0
		}
	}
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i > 0 && i == len(w)-1 && (w[i] == '.' || w[i] == ')') {
		return i
	}
	return -1
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' }
