package feed

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"sync"

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
	c := mdConvs.Get().(*mdConv)
	defer func() {
		if cap(c.para) <= 64<<10 && cap(c.scratch) <= 64<<10 && cap(c.fast.buf) <= 64<<10 {
			c.out = strings.Builder{} // the Markdown is the caller's now
			c.fast.b = nil
			mdConvs.Put(c)
		}
	}()
	c.fast.reset([]byte(src))
	if md, ok = c.convert(&c.fast, base, len(src)); !c.fast.bail {
		return md, ok
	}
	// HTML the fast tokenizer does not read: the same again through
	// x/net/html's.
	return c.convert(html.NewTokenizer(strings.NewReader(src)), base, len(src))
}

// convert reads the tokens of an item's HTML as Markdown.
func (c *mdConv) convert(z htmlTokens, base *url.URL, size int) (md string, ok bool) {
	*c = mdConv{base: base, para: c.para[:0], attrs: c.attrs[:0], scratch: c.scratch[:0], inline: c.inline[:0], fast: c.fast}
	// The Markdown is about as long as the HTML less its tags: one
	// allocation, and no spare capacity held by the article for its life.
	c.out.Grow(size)
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
				c.text(z.Text())
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
			c.attrs = c.attrs[:0]
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if a == atom.A && string(k) == "href" || a == atom.Img && imageAttrs[string(k)] {
					c.attrs = append(c.attrs, [2]string{string(k), string(v)})
				}
			}
			c.start(a, tt == html.SelfClosingTagToken)
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

// mdConvs keep a converter's buffers from one item to the next: a large
// feed converts thousands of items, each growing its paragraph buffer
// from nothing otherwise.
var mdConvs = sync.Pool{New: func() any { return new(mdConv) }}

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
	para      []byte      // the block being built
	attrs     [][2]string // the current tag's attributes that matter: href, or an image's
	scratch   []byte
	prefix    string    // "> " inside a block quote
	list      atom.Atom // Ul or Ol while inside one
	item      int       // the number of the current ordered item
	inline    []inlineOpen
	depthSkip int
	bail      bool
	space     bool // a space is owed before the next word
	lineStart int  // where the current line's text starts in para: after a list marker or a line break
	quoted    int  // blocks written so far inside the current block quote
	fast      fastTokens
}

// attr is the current tag's attribute k; the last one when it repeats.
func (c *mdConv) attr(k string) string {
	for i := len(c.attrs) - 1; i >= 0; i-- {
		if c.attrs[i][0] == k {
			return c.attrs[i][1]
		}
	}
	return ""
}

func (c *mdConv) start(a atom.Atom, selfClosing bool) {
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
		if len(c.para) > 0 {
			c.para = append(c.para, "  \n"...)
			c.space = false
			c.lineStart = len(c.para)
		}
	case a == atom.A:
		c.inline = append(c.inline, inlineOpen{tag: a, pos: c.mark(), href: c.attr("href")})
	case a == atom.Em || a == atom.I || a == atom.Strong || a == atom.B:
		c.inline = append(c.inline, inlineOpen{tag: a, pos: c.mark()})
	case a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6:
		if c.list != 0 || c.prefix != "" {
			c.bail = true
			return
		}
		c.endBlock()
		for range a.String()[1] - '0' {
			c.para = append(c.para, '#')
		}
		c.para = append(c.para, ' ')
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
			c.para = append(strconv.AppendInt(c.para, int64(c.item), 10), ". "...)
		} else {
			c.para = append(c.para, "- "...)
		}
		c.lineStart = len(c.para)
	case a == atom.Blockquote:
		if c.prefix != "" || c.list != 0 {
			c.bail = true
			return
		}
		c.endBlock()
		c.prefix, c.quoted = "> ", 0
	case a == atom.Img:
		src := c.abs(imageSource(c.attr))
		if src == "" {
			return
		}
		c.word("![" + escapeMarkdown(collapseSpace(c.attr("alt"))) + "](" + src + ")")
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
	if c.space && len(c.para) > 0 && !c.atLineStart() {
		c.para = append(c.para, ' ')
	}
	c.space = false
	return len(c.para)
}

func (c *mdConv) closeInline(a atom.Atom) {
	n := len(c.inline)
	if n == 0 || c.inline[n-1].tag != a {
		c.bail = true // mis-nested: <b><i></b></i>
		return
	}
	open := c.inline[n-1]
	c.inline = c.inline[:n-1]
	raw := c.para[open.pos:]
	content := bytes.TrimSpace(raw)
	if len(content) == 0 {
		c.space = c.space || len(raw) != 0
		c.para = c.para[:open.pos]
		return
	}
	// The content is rewritten in place, inside its markup: keep it aside.
	c.scratch = append(c.scratch[:0], content...)
	content = c.scratch
	lead := raw[0] == ' '
	c.para = c.para[:open.pos]
	if lead {
		// "a<em> word</em>": the space is the text's, not the emphasis's.
		c.para = append(c.para, ' ')
	}
	switch a {
	case atom.A:
		if href := c.abs(open.href); href != "" {
			c.para = append(append(append(append(append(c.para, '['), content...), "]("...), href...), ')')
		} else {
			c.para = append(c.para, content...)
		}
	case atom.Em, atom.I:
		c.para = append(append(append(c.para, '*'), content...), '*')
	default:
		c.para = append(append(append(c.para, "**"...), content...), "**"...)
	}
}

// atLineStart: nothing, a line break or a list marker comes before, so no
// space is owed.
func (c *mdConv) atLineStart() bool {
	b := c.para
	return len(b) == 0 || b[len(b)-1] == '\n' || b[len(b)-1] == ' '
}

// text adds a run of text, its white space collapsed as a browser would
// and Markdown's characters escaped. It runs over every byte of every item
// of a refresh, so past the first word, which may need a space before it
// or a backslash to start a line, it copies whole stretches of text: up
// to a byte to escape or white space other than one space between words.
func (c *mdConv) text(s []byte) {
	i := 0
	for i < len(s) && mdClass[s[i]] == mdSpace {
		i++
	}
	if i > 0 {
		c.space = true
	}
	if i == len(s) {
		return
	}
	j := i
	for j < len(s) && mdClass[s[j]] != mdSpace {
		j++
	}
	esc := -1
	if c.startWord() {
		esc = lineEscape(s[i:j])
	}
	from := i
	for k := i; k < j; k++ {
		if mdClass[s[k]] == mdEscape || k-i == esc {
			c.para = append(append(c.para, s[from:k]...), '\\')
			from = k
		}
	}
	// The words after the first, each after one space.
	for i = j; i < len(s); {
		switch mdClass[s[i]] {
		case 0:
			i++
			continue
		case mdEscape:
			c.para = append(append(c.para, s[from:i]...), '\\')
			from = i
			i++
			continue
		}
		if s[i] == ' ' && i+1 < len(s) && mdClass[s[i+1]] == 0 {
			i += 2 // one space, then a byte that needs nothing
			continue
		}
		c.para = append(c.para, s[from:i]...)
		for i < len(s) && mdClass[s[i]] == mdSpace {
			i++
		}
		if i == len(s) {
			c.space = true
			return
		}
		c.para = append(c.para, ' ')
		from = i
	}
	c.para = append(c.para, s[from:]...)
}

// mdClass sorts the bytes text looks at: white space, and the bytes that
// would turn text into Markdown syntax.
var mdClass = [256]uint8{
	' ': mdSpace, '\n': mdSpace, '\t': mdSpace, '\r': mdSpace, '\f': mdSpace,
	'\\': mdEscape, '`': mdEscape, '*': mdEscape, '_': mdEscape, '[': mdEscape, ']': mdEscape, '<': mdEscape,
}

const (
	mdSpace = 1 + iota
	mdEscape
)

// startWord writes the space owed before a word, and says whether the
// word starts a line, where it may need a backslash (lineEscape).
func (c *mdConv) startWord() (lineStart bool) {
	lineStart = len(c.para) == c.lineStart
	if !lineStart && c.space && !c.atLineStart() {
		c.para = append(c.para, ' ')
	}
	c.space = false
	return lineStart
}

// word adds w, already in Markdown, as one word.
func (c *mdConv) word(w string) {
	c.startWord()
	c.para = append(c.para, w...)
}

func (c *mdConv) endBlock() {
	if len(c.inline) > 0 {
		c.bail = true // a block inside a link or emphasis
		return
	}
	text := bytes.TrimSpace(c.para)
	c.para = c.para[:0]
	c.space = false
	c.lineStart = 0
	if len(text) == 0 || string(text) == "-" || string(text) == "#" {
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
		c.out.WriteString(c.prefix)
		for {
			i := bytes.IndexByte(text, '\n')
			if i < 0 {
				break
			}
			c.out.Write(text[:i+1])
			c.out.WriteString(c.prefix)
			text = text[i+1:]
		}
		c.quoted++
	}
	c.out.Write(text)
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
	return linkTarget.Replace(u.String())
}

// linkTarget escapes what would end a Markdown link target: a space or a
// closing parenthesis.
var linkTarget = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29")

// escapeMarkdown backslash-escapes the characters that would turn text
// into Markdown syntax.
func escapeMarkdown(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if mdClass[w[i]] == mdEscape {
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
func lineEscape(w []byte) int {
	switch w[0] {
	case '#', '>':
		return 0
	case '-', '+', '=', '~':
		if allSame(w) { // a list mark, a rule, an underline, a code fence
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

func allSame(w []byte) bool {
	for _, b := range w {
		if b != w[0] {
			return false
		}
	}
	return true
}
