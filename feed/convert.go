package feed

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/internal/termtext"
)

// markdownConverter is built once: html-to-markdown converters are safe
// for concurrent use, and building one registers every renderer anew.
var markdownConverter = sync.OnceValue(func() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		// Cells with several paragraphs are still a table to a reader;
		// the default drops such tables' structure.
		table.NewTablePlugin(
			table.WithNewlineBehavior(table.NewlineBehaviorPreserve),
			table.WithSpanCellBehavior(table.SpanBehaviorEmpty),
			table.WithHeaderPromotion(true),
			table.WithSkipEmptyRows(true),
		),
	))
})

// nodeMarkdown converts an article's HTML, already parsed, to Markdown
// after tidying it for a reader (see tidyArticle).
func nodeMarkdown(n *html.Node, base *url.URL) (string, error) {
	tidyArticle(n, base)
	md, err := markdownConverter().ConvertNode(n)
	if err != nil {
		return "", fmt.Errorf("convert HTML to Markdown: %w", err)
	}
	return strings.TrimSpace(quoteContinuations(angleEscapes(termtext.Clean(string(md))))), nil
}

// angleEscapes writes the "<" and ">" of the text as Markdown escapes
// ("\<") rather than the HTML entities html-to-markdown writes ("&lt;"): a
// stored body is read as text too (search, people and quotes, export), and
// "&lt;img&gt;" there reads as the words "lt img gt". Code is left alone.
func angleEscapes(md string) string {
	if !strings.Contains(md, "&lt;") && !strings.Contains(md, "&gt;") {
		return md
	}
	lines := strings.Split(md, "\n")
	fenced := false
	for i, l := range lines {
		if _, rest := quotePrefix(l); isFence(rest) || isFence(l) {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		parts := strings.Split(l, "`")
		for j := 0; j < len(parts); j += 2 { // outside `code` spans
			parts[j] = angleReplacer.Replace(parts[j])
		}
		lines[i] = strings.Join(parts, "`")
	}
	return strings.Join(lines, "\n")
}

var angleReplacer = strings.NewReplacer("&lt;", `\<`, "&gt;", `\>`)

// prepPage readies a whole page for readability, which judges elements
// by their class and drops images it cannot see: headings and labels
// meant for screen readers only and the captions of video players go, and
// lazily loaded or srcset-only images get the address they show.
func prepPage(doc *html.Node) {
	var doomed []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if isHidden(n) || isPlayerCaption(n) {
				doomed = append(doomed, n)
				return
			}
			if n.DataAtom == atom.Img {
				fixImage(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// tidyArticle does to the article what a browser's reader view does and
// plain HTML-to-Markdown does not: comments and hidden elements go;
// anchors that are only targets lose their link; every link and image
// address is made absolute against the page (a "#notes" link points into
// this page, not the site's front page); "<" in alt text stays text.
func tidyArticle(root *html.Node, base *url.URL) {
	var doomed, unwrap, tables []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.CommentNode:
			doomed = append(doomed, n)
			return
		case html.ElementNode:
			if isHidden(n) || isPlayerCaption(n) {
				doomed = append(doomed, n)
				return
			}
			switch n.DataAtom {
			case atom.A:
				if !fixLink(n, base) {
					unwrap = append(unwrap, n)
				}
			case atom.Img:
				fixImage(n)
				absImage(n, base)
			case atom.Table:
				tables = append(tables, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, t := range tables {
		if isLayoutTable(t) {
			dissolveTable(t)
		} else {
			flattenCells(t)
		}
	}
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	for _, n := range unwrap {
		if p := n.Parent; p != nil {
			for c := n.FirstChild; c != nil; c = n.FirstChild {
				n.RemoveChild(c)
				p.InsertBefore(c, n)
			}
			p.RemoveChild(n)
		}
	}
}

// isLayoutTable: a table that lays out a page rather than holding data —
// one with a table inside, one marked as presentation, one of a single
// row, or one whose cells hold whole passages of the story.
func isLayoutTable(t *html.Node) bool {
	if role, _ := attr(t, "role"); role == "presentation" {
		return true
	}
	layout, rows := false, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !layout; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				layout = true
			case atom.Tr:
				rows++
			case atom.Td, atom.Th:
				if len(strings.Fields(textOf(c))) > 150 {
					layout = true
				}
			}
			walk(c)
		}
	}
	walk(t)
	return layout || rows == 1
}

// dissolveTable replaces a layout table with its cells' contents, in
// order, each as a block of its own.
func dissolveTable(t *html.Node) {
	var cells []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th || c.DataAtom == atom.Caption) {
				cells = append(cells, c)
				continue
			}
			if c.Type == html.ElementNode && c.DataAtom != atom.Table {
				walk(c)
			}
		}
	}
	walk(t)
	for _, cell := range cells {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for c := cell.FirstChild; c != nil; c = cell.FirstChild {
			cell.RemoveChild(c)
			div.AppendChild(c)
		}
		t.Parent.InsertBefore(div, t)
	}
	t.Parent.RemoveChild(t)
}

// cellBlocks are the elements that would break a Markdown table row.
var cellBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Section: true, atom.Figure: true, atom.Figcaption: true,
}

// flattenCells makes a data table's cells fit on one line, as Markdown
// table cells must: headings become bold, paragraphs and list items are
// parted by "; ", line breaks by a space, rules go. A cell left holding a
// list or two paragraphs would make html-to-markdown give up the table
// and run all its cells together.
func flattenCells(t *html.Node) {
	var walk func(n *html.Node, inCell bool)
	walk = func(n *html.Node, inCell bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch {
				case c.DataAtom == atom.Td || c.DataAtom == atom.Th:
					walk(c, true)
					next = c.NextSibling
					c = next
					continue
				case !inCell:
				case c.DataAtom == atom.Br:
					c.Type, c.Data, c.DataAtom, c.Attr = html.TextNode, " ", 0, nil
				case c.DataAtom == atom.Hr:
					n.RemoveChild(c)
				case isHeading(c.DataAtom):
					c.Data, c.DataAtom = "strong", atom.Strong
				case cellBlocks[c.DataAtom]:
					if prev := previousContent(c); prev != nil {
						n.InsertBefore(&html.Node{Type: html.TextNode, Data: "; "}, c)
					}
					c.Data, c.DataAtom = "span", atom.Span
				}
			}
			walk(c, inCell)
			c = next
		}
	}
	walk(t, false)
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// previousContent is the nearest earlier sibling with any text, or nil.
func previousContent(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if strings.TrimSpace(textOf(p)) != "" {
			return p
		}
	}
	return nil
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// visuallyHidden are class names sites give text meant for screen readers
// only ("Media caption", "Image source", a heading repeating the title).
var visuallyHidden = regexp.MustCompile(`(?i)(?:^|\s)(?:visually-?hidden|sr-only|screen-?reader(?:-text|-only)?|off-?screen|a11y-hidden|u-hidden|hidden-text|element-invisible)(?:\s|$)`)

var displayNone = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// isHidden: an element a browser does not show, as Readability.js judges
// it, and a heading or label only screen readers are given.
func isHidden(n *html.Node) bool {
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if v, _ := attr(n, "aria-hidden"); v == "true" {
		class, _ := attr(n, "class")
		if !strings.Contains(class, "fallback-image") {
			return true
		}
	}
	if style, ok := attr(n, "style"); ok && displayNone.MatchString(style) {
		return true
	}
	class, _ := attr(n, "class")
	if class == "" || !visuallyHidden.MatchString(class) {
		return false
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return isFurnitureLabel(textOf(n))
}

// isFurnitureLabel: the labels players and galleries put before a caption.
func isFurnitureLabel(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "media caption", "image caption", "video caption", "image source", "image copyright",
		"caption", "play video", "video", "audio", "close", "share", "copy link":
		return true
	}
	return false
}

// isPlayerCaption: the caption of a video or audio player, which a reader
// view drops with the player it describes.
func isPlayerCaption(n *html.Node) bool {
	if n.DataAtom != atom.Figcaption && !hasClassWord(n, "media-caption") {
		return false
	}
	text := strings.ToLower(strings.TrimSpace(textOf(n)))
	if strings.HasPrefix(text, "media caption") || strings.HasPrefix(text, "video caption") {
		return true
	}
	fig := n.Parent
	return fig != nil && fig.DataAtom == atom.Figure && holdsPlayer(fig)
}

func holdsPlayer(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Figcaption {
			continue
		}
		switch c.DataAtom {
		case atom.Video, atom.Audio, atom.Iframe, atom.Object, atom.Embed:
			return true
		}
		if v, _ := attr(c, "data-media-type"); v == "video" || v == "audio" {
			return true
		}
		if holdsPlayer(c) {
			return true
		}
	}
	return false
}

func hasClassWord(n *html.Node, word string) bool {
	class, _ := attr(n, "class")
	for _, w := range strings.Fields(class) {
		if w == word {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// fixLink makes a link's address absolute and reports whether the element
// is still a link: an anchor with no address (<a name>, <a id>) or one
// that runs script is only its text.
func fixLink(n *html.Node, base *url.URL) bool {
	href, ok := attr(n, "href")
	href = strings.TrimSpace(href)
	if !ok || href == "" {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch {
	case u.Scheme == "http", u.Scheme == "https", u.Scheme == "mailto":
	case u.Scheme == "file" && base != nil && base.Scheme == "file": // a saved page's links to its neighbours
	default:
		return false
	}
	setAttr(n, "href", u.String())
	return true
}

// lazySources are the attributes lazy-loading scripts read the real
// address from, most specific first.
var lazySources = []string{"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-lazy", "data-echo"}

// fixImage gives an image the address it shows (see imageSource).
func fixImage(n *html.Node) {
	src := imageSource(func(k string) string { v, _ := attr(n, k); return v })
	if src == "" && n.Parent != nil && n.Parent.DataAtom == atom.Picture {
		for c := n.Parent.FirstChild; c != nil && src == ""; c = c.NextSibling {
			if c.DataAtom == atom.Source {
				v, _ := attr(c, "srcset")
				src = firstSrcset(v)
			}
		}
	}
	if src != "" {
		setAttr(n, "src", src)
	}
}

// absImage makes an image's address absolute and its alt text safe to
// write into Markdown.
func absImage(n *html.Node, base *url.URL) {
	if src, _ := attr(n, "src"); src != "" && base != nil {
		if u, err := url.Parse(src); err == nil {
			setAttr(n, "src", base.ResolveReference(u).String())
		}
	}
	if alt, ok := attr(n, "alt"); ok {
		// "<" in alt text would open an HTML tag in the Markdown.
		setAttr(n, "alt", strings.ReplaceAll(strings.Join(strings.Fields(alt), " "), "<", `\<`))
	}
}

// imageSource is the address an image shows: its src unless that is
// missing or a placeholder, else a lazy-loading attribute, else the first
// candidate of its srcset.
func imageSource(get func(key string) string) string {
	if src := strings.TrimSpace(get("src")); src != "" && !isPlaceholder(src) {
		return src
	}
	for _, k := range lazySources {
		if v := strings.TrimSpace(get(k)); v != "" && !isPlaceholder(v) {
			return v
		}
	}
	for _, k := range []string{"srcset", "data-srcset", "data-lazy-srcset"} {
		if v := firstSrcset(get(k)); v != "" {
			return v
		}
	}
	return ""
}

func isPlaceholder(src string) bool {
	s := strings.ToLower(src)
	return strings.HasPrefix(s, "data:") && len(s) < 200 ||
		strings.Contains(s, "placeholder") || strings.Contains(s, "blank.gif") ||
		strings.Contains(s, "spacer.gif") || strings.Contains(s, "pixel.gif") || strings.Contains(s, "grey.gif")
}

// firstSrcset is the first address of a srcset ("a.jpg 1x, b.jpg 2x").
func firstSrcset(srcset string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(srcset), ",")
	f := strings.Fields(first)
	if len(f) == 0 || isPlaceholder(f[0]) {
		return ""
	}
	return f[0]
}

// quoteContinuations repairs what html-to-markdown writes for a code block
// inside a block quote: it quotes only the first line of the block, so the
// rest of the quote would show as code outside it. Every line between a
// quoted fence and its closing fence is quoted.
func quoteContinuations(md string) string {
	if !strings.Contains(md, "> ```") && !strings.Contains(md, "> ~~~") {
		return md
	}
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		prefix, rest := quotePrefix(l)
		if prefix == "" || !isFence(rest) {
			continue
		}
		fence := strings.TrimSpace(rest)[:3]
		for i++; i < len(lines); i++ {
			if !strings.HasPrefix(lines[i], prefix) {
				lines[i] = prefix + lines[i]
			}
			_, inner := quotePrefix(lines[i])
			if strings.HasPrefix(strings.TrimSpace(inner), fence) && strings.Trim(strings.TrimSpace(inner), fence[:1]) == "" {
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

func quotePrefix(l string) (prefix, rest string) {
	i := 0
	for i < len(l) && (l[i] == '>' || l[i] == ' ') {
		i++
	}
	if !strings.Contains(l[:i], ">") {
		return "", l
	}
	return l[:i], l[i:]
}

func isFence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}
