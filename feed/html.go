package feed

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"byline/internal/termtext"
	"byline/news"
)

// ParseHTML captures the article in a web page: readability finds the
// story among the navigation and advertising, and it is kept as Markdown
// with links made absolute against pageURL.
func ParseHTML(data []byte, pageURL string) (*news.Article, error) {
	if bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 {
		return nil, ErrBinary
	}
	utf8Data, err := toUTF8(data)
	if err != nil {
		return nil, err
	}
	base, _ := url.Parse(pageURL)
	// Parsed here rather than by readability.FromReader, which guesses the
	// charset again and would decode an already decoded page twice.
	doc, err := html.Parse(bytes.NewReader(utf8Data))
	if err != nil {
		return nil, fmt.Errorf("parse the page: %w", err)
	}
	parser := readability.NewParser()
	page, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("find the article in the page: %w", err)
	}
	var content bytes.Buffer
	if err := page.RenderHTML(&content); err != nil {
		return nil, fmt.Errorf("find the article in the page: %w", err)
	}
	body, err := HTMLToMarkdown(content.Bytes(), pageURL)
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
	a.Body = dropBylines(body, a)
	if c := canonicalURL(utf8Data, base); c != "" {
		// The page's own address, so the same story saved twice, or
		// saved once and captured once, is one article.
		a.URL = c
	}
	if t, err := page.PublishedTime(); err == nil {
		a.Published = t
	}
	if a.Source == "" && base != nil && base.Host != "" {
		a.Source = strings.TrimPrefix(base.Host, "www.")
	}
	if a.Title == "" {
		a.Title = headlineFrom(body)
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

// toUTF8 decodes a page in the charset it declares (or UTF-8).
func toUTF8(data []byte) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], "text/html")
	if name == "utf-8" {
		return data, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode page from %s: %w", name, err)
	}
	return out, nil
}

// HTMLToMarkdown converts an HTML fragment or page to Markdown: links kept
// and made absolute against pageURL, images as their alt text and link,
// scripts and styles gone. The result is free of terminal controls.
func HTMLToMarkdown(html []byte, pageURL string) (string, error) {
	var opts []converter.ConvertOptionFunc
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts = append(opts, converter.WithDomain(u.Scheme+"://"+u.Host))
	}
	md, err := htmltomarkdown.ConvertString(string(html), opts...)
	if err != nil {
		return "", fmt.Errorf("convert HTML to Markdown: %w", err)
	}
	return strings.TrimSpace(termtext.Clean(md)), nil
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
