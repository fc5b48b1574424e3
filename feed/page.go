package feed

import (
	"context"
	"fmt"
	"strings"

	"byline/news"
)

const pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// FetchPage captures one web page as an article (readability, then
// Markdown), for `byline add URL` and for feeds that carry only summaries.
// The article's URL is the page's canonical address, or where the
// redirects ended. Anything but HTML is refused with ErrNotHTML, most of
// it before its body is downloaded.
func (f *Fetcher) FetchPage(ctx context.Context, url string) (*news.Article, error) {
	resp, err := f.fetch(ctx, url, request{accept: pageAccept, checkType: checkPageType})
	if err != nil {
		return nil, err
	}
	if !isHTML(resp.ContentType, resp.Body) {
		if LooksLikeFeed(resp.Body) {
			return nil, fetchFailure("a feed, not a web page (follow it with byline subscribe)", ErrNotHTML)
		}
		return nil, notHTML(resp.ContentType)
	}
	return parseHTML(resp.Body, resp.URL, resp.ContentType)
}

// checkPageType refuses, from the headers alone, what can be neither a
// page nor a feed that was given by mistake (which gets its own message).
func checkPageType(contentType string) error {
	t := contentMediaType(contentType)
	switch {
	case t == "", t == "text/html", t == "application/xhtml+xml",
		t == "text/plain", t == "application/octet-stream",
		t == "text/xml", t == "application/xml", strings.HasSuffix(t, "+xml"),
		t == "application/json", strings.HasSuffix(t, "+json"):
		return nil
	}
	return notHTML(contentType)
}

func notHTML(contentType string) error {
	t := contentMediaType(contentType)
	if t == "" {
		t = "no content type"
	}
	return fetchFailure(fmt.Sprintf("not a web page (%s)", t), ErrNotHTML)
}
