package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"byline/internal/termtext"
	"byline/news"
)

// ErrNotFeed is a response that is no feed at all: most often a web page
// where the feed used to be (a moved blog, a login wall, a parked domain).
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// ErrWebPage is ErrNotFeed for an HTML page, which usually means the feed
// moved; `byline subscribe` with the page's address finds the new one.
var ErrWebPage = fmt.Errorf("%w: the server sent a web page", ErrNotFeed)

// Parsed is a feed as fetched: its own title and site, and its items as
// articles, newest first as the feed lists them, without entities.
type Parsed struct {
	Title   string
	SiteURL string
	Items   []*news.Article
}

// ParseFeed reads RSS 0.9x/1.0/2.0, Atom or JSON Feed through gofeed (RSS
// 2.0 of the common shape through fastRSS, to the same articles) and
// turns each item into an article: its body as Markdown, links made
// absolute against the feed's address, text free of terminal controls.
// Items without a GUID get one from their link, or else from their title
// and date; an item that repeats an earlier GUID is dropped.
func ParseFeed(data []byte, feedURL string) (*Parsed, error) {
	d, err := parseDoc(data, feedURL, "")
	if err != nil {
		return nil, err
	}
	p := &Parsed{Title: d.title, SiteURL: d.siteURL}
	for part := d.next(len(d.items)); len(part) > 0; part = d.next(len(d.items)) {
		p.Items = append(p.Items, part...)
	}
	return p, nil
}

// detectBytes is how much of a document gofeed's Parse reads to tell
// RSS, Atom and JSON apart (its detectionPeekSize).
const detectBytes = 4096

// doc is a feed as gofeed parsed it, its items turned into articles a part
// at a time: a feed of thousands of items never holds gofeed's tree and
// every article at once, and its raw text is not kept at all.
type doc struct {
	title, siteURL string
	items          []*gofeed.Item // nil once converted
	plain          []bool         // JSON Feed items that are text, not HTML
	done           int            // items converted
	base           *url.URL
	source         string
	channelAuthor  string
	seen           map[string]bool
	fast           bool // read by fastRSS
}

// parseDoc parses data (which it may change): an RSS 2.0 feed of the
// common shape through fastRSS, anything else with gofeed. contentType is
// the response's, whose charset counts when the document declares none.
func parseDoc(data []byte, feedURL, contentType string) (*doc, error) {
	return parseDocWith(data, feedURL, contentType, true)
}

// parseDocWith is parseDoc with the fast path on or off: the tests hold
// the two to the same articles.
func parseDocWith(data []byte, feedURL, contentType string, fast bool) (*doc, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the response was empty", ErrNotFeed)
	}
	if !utf8.Valid(data) && declaresUTF8(data) {
		data = decodeFeed(data, contentType)
	}
	if hasTerminalEscape(data) && declaresUTF8(data) {
		// The XML decoder drops a raw ESC byte (not a legal XML character)
		// but keeps the rest of its sequence, which would show as "[31m":
		// take whole sequences out before parsing.
		data = []byte(termtext.Clean(string(data)))
	}
	// gofeed's Parse knows a feed by its first 4 KB; DetectFeedType given
	// the whole would copy all of it (megabytes, for a large feed) first.
	kind := gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), detectBytes)]))
	if kind == gofeed.FeedTypeUnknown {
		if looksLikeHTML(data) {
			return nil, ErrWebPage
		}
		return nil, ErrNotFeed
	}
	var f *gofeed.Feed
	read := false // by fastRSS
	if fast && kind == gofeed.FeedTypeRSS {
		f, read = fastRSS(data)
	}
	if f == nil {
		parser := gofeed.NewParser()
		// gofeed otherwise parses every item's HTML to find a picture for
		// it, which byline never shows: an eighth of the parse.
		parser.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
		var err error
		if f, err = parser.Parse(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("%w: %s", ErrNotFeed, termtext.Line(firstLine(err.Error())))
		}
	}
	if f.FeedType == "json" && len(f.Items) == 0 && !strings.Contains(f.FeedVersion, "jsonfeed.org/version/") {
		// gofeed takes any JSON object for a feed: an API's error
		// message would be a feed that never has news.
		return nil, ErrNotFeed
	}
	base, _ := url.Parse(feedURL)
	d := &doc{title: plainText(f.Title), siteURL: absURL(base, f.Link), items: f.Items, fast: read}
	if d.siteURL != "" {
		// Item links are relative to the site more often than to the
		// feed file (xml:base aside, which gofeed applies itself).
		if u, err := url.Parse(d.siteURL); err == nil {
			base = u
		}
	}
	d.base = base
	d.source = d.title
	if d.source == "" && base != nil {
		d.source = strings.TrimPrefix(base.Host, "www.")
	}
	if f.FeedType == "json" {
		d.plain = jsonPlainItems(data)
	}
	// A podcast or newsletter names its author once, on the channel
	// (itunes:author), and that is every item's author.
	if f.ITunesExt != nil {
		d.channelAuthor = plainText(f.ITunesExt.Author)
	}
	d.seen = make(map[string]bool, len(f.Items))
	return d, nil
}

// next converts up to n more items into articles, in the feed's order,
// and lets gofeed's copy of them go; none once every item is converted.
func (d *doc) next(n int) []*news.Article {
	var out []*news.Article
	for ; d.done < len(d.items) && n > 0; d.done++ {
		i, it := d.done, d.items[d.done]
		d.items[i] = nil
		if i < len(d.plain) && d.plain[i] {
			it.Content = textHTML(it.Content)
		}
		a := itemArticle(it, d.base, d.source)
		if a == nil || d.seen[a.GUID] {
			continue
		}
		if a.Author == "" {
			a.Author = d.channelAuthor
		}
		d.seen[a.GUID] = true
		out = append(out, a)
		n--
	}
	return out
}

func itemArticle(it *gofeed.Item, base *url.URL, source string) *news.Article {
	a := &news.Article{
		Title:  plainText(it.Title),
		URL:    absURL(base, it.Link),
		Source: source,
	}
	if a.URL == "" && len(it.Links) > 0 {
		a.URL = absURL(base, it.Links[0])
	}
	if it.Author != nil {
		a.Author = plainText(it.Author.Name)
	} else if len(it.Authors) > 0 && it.Authors[0] != nil {
		a.Author = plainText(it.Authors[0].Name)
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.Published = *it.UpdatedParsed
	}
	// content:encoded and Atom content hold the story; description is
	// often only its summary.
	body := it.Content
	if len(strings.TrimSpace(it.Description)) > len(strings.TrimSpace(body)) {
		body = it.Description
	}
	a.Body = bodyMarkdown(body, base)
	if a.Title == "" {
		// The body is Markdown; a title is shown as it is.
		a.Title = markdownEscape.ReplaceAllString(headlineFrom(a.Body), "$1")
	}
	if a.Title == "" && a.URL == "" {
		return nil // nothing to show and nothing to fetch
	}
	a.GUID = termtext.Line(strings.TrimSpace(it.GUID))
	if a.GUID == "" {
		a.GUID = a.URL
	}
	if a.GUID == "" {
		h := sha256.Sum256([]byte(a.Title + "\x00" + a.Published.String()))
		a.GUID = "sha256:" + hex.EncodeToString(h[:12])
	}
	a.Words = news.WordCount(a.Body)
	return a
}

// markdownEscape is a backslash before a punctuation mark in Markdown.
var markdownEscape = regexp.MustCompile(`\\([!-/:-@[-` + "`" + `{-~])`)

// bodyMarkdown converts an item's HTML (or plain text) to Markdown.
func bodyMarkdown(src string, base *url.URL) string {
	// Controls go first: escaping "[" after an ESC would leave "[2J" behind.
	src = strings.TrimSpace(termtext.Clean(src))
	if src == "" {
		return ""
	}
	if md, ok := simpleMarkdown(src, base); ok {
		return termtext.Clean(md)
	}
	page := ""
	if base != nil {
		page = base.String()
	}
	md, err := HTMLToMarkdown([]byte(src), page)
	if err != nil {
		return termtext.Clean(plainText(src))
	}
	return md
}

// jsonPlainItems tells which items of a JSON Feed carry content_text but
// no content_html: gofeed hands either over as Content, and text read as
// HTML loses its paragraphs and takes "<b>" for markup.
func jsonPlainItems(data []byte) []bool {
	var doc struct {
		Items []struct {
			HTML string `json:"content_html"`
			Text string `json:"content_text"`
		} `json:"items"`
	}
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	plain := make([]bool, len(doc.Items))
	for i, it := range doc.Items {
		plain[i] = it.HTML == "" && it.Text != ""
	}
	return plain
}

// textHTML is plain text as HTML: a blank line parts paragraphs, a single
// newline breaks a line.
func textHTML(s string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(p), "\n", "<br>") + "</p>")
		}
	}
	return b.String()
}

// plainText is the text of an HTML fragment (titles and names sometimes
// carry markup or entities), on one line, free of terminal controls.
func plainText(s string) string {
	if strings.ContainsAny(s, "<&") {
		var b strings.Builder
		z := xhtml.NewTokenizer(strings.NewReader(s))
		for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
			if tt == xhtml.TextToken {
				b.Write(z.Text())
			}
		}
		s = b.String()
	}
	return termtext.Line(strings.Join(strings.Fields(s), " "))
}

func absURL(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return termtext.Line(u.String())
}

// decodeFeed turns a feed that is not valid UTF-8 and declares UTF-8 or
// no encoding into UTF-8. One that says UTF-8 and sends Latin-1, whole or
// a stray byte, means Windows-1252 by it: "café", not "caf\uFFFD". One
// that says nothing is read in the charset of its Content-Type, else in
// the one detectUndeclared recognises (a Russian or Greek feed), else as
// Windows-1252 too.
func decodeFeed(data []byte, contentType string) []byte {
	if !xmlEncodingDeclared(data) {
		e, name := charset.Lookup(headerCharset(contentType))
		if e == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") {
			e, _ = detectUndeclared(data)
		}
		if e != nil {
			if out, err := e.NewDecoder().Bytes(data); err == nil {
				return out
			}
		}
	}
	return repairUTF8(data)
}

// xmlEncodingDeclared reports whether data starts with an XML declaration
// naming an encoding.
func xmlEncodingDeclared(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 200)])
	if !bytes.HasPrefix(bytes.TrimSpace(head), []byte("<?xml")) {
		return false
	}
	end := bytes.Index(head, []byte("?>"))
	return end >= 0 && bytes.Contains(head[:end], []byte("encoding"))
}

// declaresUTF8: no XML declaration, or one naming UTF-8. Feeds in other
// charsets are decoded by gofeed itself.
func declaresUTF8(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 200)])
	if !bytes.HasPrefix(bytes.TrimSpace(head), []byte("<?xml")) {
		return true
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return true
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	return i < 0 || bytes.Contains(decl[i:], []byte("utf-8")) || bytes.Contains(decl[i:], []byte("utf8"))
}

func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// hasTerminalEscape: ESC, or a C1 sequence introducer encoded in UTF-8.
func hasTerminalEscape(data []byte) bool {
	if bytes.IndexByte(data, 0x1b) >= 0 {
		return true
	}
	for i := bytes.IndexByte(data, 0xc2); i >= 0 && i+1 < len(data); {
		switch data[i+1] {
		case 0x90, 0x98, 0x9b, 0x9d, 0x9e, 0x9f:
			return true
		}
		j := bytes.IndexByte(data[i+1:], 0xc2)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
