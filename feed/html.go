package feed

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"byline/internal/termtext"
	"byline/news"
)

// ParseHTML captures the article in a web page: readability finds the
// story among the navigation and advertising, and it is kept as Markdown
// with links made absolute against pageURL.
func ParseHTML(data []byte, pageURL string) (*news.Article, error) {
	return parseHTML(data, pageURL, "")
}

// parseHTML is ParseHTML for a page served with this Content-Type, whose
// charset comes first.
func parseHTML(data []byte, pageURL, contentType string) (*news.Article, error) {
	if bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 && bomCharset(data) == "" {
		return nil, ErrBinary
	}
	utf8Data, err := decodePage(data, contentType)
	if err != nil {
		return nil, err
	}
	base, _ := url.Parse(pageURL)
	canonical := canonicalURL(utf8Data, base)
	if base != nil && base.Scheme == "file" && canonical != "" {
		// A saved page's "/img/roof.jpg" is on its web site, not at the
		// root of this disk.
		base, _ = url.Parse(canonical)
	}
	// Parsed here rather than by readability.FromReader, which guesses the
	// charset again and would decode an already decoded page twice.
	doc, err := html.Parse(bytes.NewReader(utf8Data))
	if err != nil {
		return nil, fmt.Errorf("parse the page: %w", err)
	}
	prepPage(doc)
	parser := readability.NewParser()
	page, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("find the article in the page: %w", err)
	}
	if page.Node == nil {
		return nil, ErrEmpty
	}
	body, err := nodeMarkdown(page.Node, base)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(body) == "" {
		return nil, ErrEmpty
	}
	a := &news.Article{
		URL:    pageURL,
		Title:  termtext.Line(strings.TrimSpace(page.Title())),
		Author: termtext.Line(strings.TrimSpace(strings.TrimPrefix(page.Byline(), "By "))),
		Source: termtext.Line(strings.TrimSpace(page.SiteName())),
	}
	a.Body = dropLinkLists(dropTitleHeading(dropBylines(body, a), a.Title))
	if canonical != "" {
		// The page's own address, so the same story saved twice, or
		// saved once and captured once, is one article.
		a.URL = canonical
	}
	if t, err := page.PublishedTime(); err == nil {
		a.Published = t
	}
	if a.Source == "" && base != nil && base.Host != "" {
		a.Source = strings.TrimPrefix(base.Host, "www.")
	}
	if a.Title == "" {
		a.Title = termtext.Line(markdownEscape.ReplaceAllString(headlineFrom(body), "$1"))
	}
	a.Words = news.WordCount(body)
	return a, nil
}

// canonicalURL returns the absolute href of the page's
// <link rel="canonical">, looking only in the head; "" when there is none.
func canonicalURL(page []byte, base *url.URL) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Link:
				var rel, href string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "rel":
						rel = strings.ToLower(string(v))
					case "href":
						href = strings.TrimSpace(string(v))
					}
				}
				if rel != "canonical" || href == "" {
					continue
				}
				return absURL(base, href)
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		}
	}
}

// HTMLToMarkdown converts an HTML fragment or page to Markdown: links kept
// and made absolute against pageURL, images as their alt text and link,
// tables as tables, scripts, styles, comments and hidden elements gone.
// The result is free of terminal controls.
func HTMLToMarkdown(src []byte, pageURL string) (string, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return "", fmt.Errorf("convert HTML to Markdown: %w", err)
	}
	base, _ := url.Parse(pageURL)
	return nodeMarkdown(doc, base)
}

// dropTitleHeading removes a heading that repeats the title at the top of
// the body. Readability drops it by comparing words, which it finds only in
// Latin script: a Chinese or Russian page kept its headline twice.
func dropTitleHeading(body, title string) string {
	first, rest, _ := strings.Cut(body, "\n\n")
	heading := strings.TrimLeft(first, "#")
	if title == "" || len(heading) == len(first) || collapseSpace(markdownEscape.ReplaceAllString(heading, "$1")) != collapseSpace(title) {
		return body
	}
	return strings.TrimSpace(rest)
}

// linkItem is a list item that is nothing but a link.
var linkItem = regexp.MustCompile(`^(?:[-*+]|\d+\.) \[[^\]]+\]\([^)]+\)$`)

// dropLinkLists removes what trails the story when readability took the
// page's container: lists whose every item is a link ("More on this
// story", topic tags, "Most read"), with the heading above each.
func dropLinkLists(body string) string {
	blocks := strings.Split(body, "\n\n")
	end := len(blocks)
	for end > 1 {
		b := blocks[end-1]
		if isLinkList(b) || strings.HasPrefix(b, "#") && end < len(blocks) {
			end--
			continue
		}
		break
	}
	if end == len(blocks) {
		return body
	}
	return strings.Join(blocks[:end], "\n\n")
}

func isLinkList(block string) bool {
	for _, l := range strings.Split(block, "\n") {
		if !linkItem.MatchString(strings.TrimSpace(l)) {
			return false
		}
	}
	return true
}

// dropBylines removes "By Ruth Abernathy" lines that readability left
// among the first paragraphs: the reporter is not a person in the story.
func dropBylines(body string, a *news.Article) string {
	paras := strings.Split(body, "\n\n")
	for i := 0; i < len(paras) && i < 4; i++ {
		p := strings.Trim(strings.TrimSpace(paras[i]), "*_")
		m := bylineLine.FindStringSubmatch(p)
		if len(p) >= 100 || m == nil || len(strings.Fields(m[1])) > 8 {
			continue
		}
		if a.Author == "" {
			a.Author = strings.TrimSpace(m[1])
		}
		paras = append(paras[:i], paras[i+1:]...)
		i--
	}
	return strings.Join(paras, "\n\n")
}
