package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const discoverAccept = "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, application/xhtml+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.8, */*;q=0.5"

// Discover finds the feed for an address the user typed. When the
// response is a feed (RSS, Atom, RDF or JSON Feed, told by its body, not
// its Content-Type) the feed URL is the address itself; when it is a web
// page, the first feed its <link rel="alternate"> elements name, resolved
// against the page's address and <base href>. resp is the response for
// the address, so a caller that got a feed need not fetch it again.
//
// An address without a scheme is taken as https ("example.com/blog"), and
// feed:// addresses as http.
func (f *Fetcher) Discover(ctx context.Context, url string) (feedURL string, resp *Response, err error) {
	url = normalizeTyped(url)
	resp, err = f.fetch(ctx, url, request{accept: discoverAccept})
	if err != nil {
		return "", nil, err
	}
	if LooksLikeFeed(resp.Body) {
		return url, resp, nil
	}
	if !isHTML(resp.ContentType, resp.Body) {
		kind := contentMediaType(resp.ContentType)
		if kind == "" {
			kind = contentMediaType(http.DetectContentType(resp.Body))
		}
		return "", resp, fetchFailure(fmt.Sprintf("no feed found: the address gives %s, neither a feed nor a web page", kind), ErrNoFeed)
	}
	href := feedLink(resp.Body, resp.URL)
	if href == "" {
		return "", resp, fetchFailure("no feed found: the page links to none", ErrNoFeed)
	}
	return href, resp, nil
}

// normalizeTyped completes the addresses people type and paste.
func normalizeTyped(s string) string {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "feed://"):
		return "http://" + s[len("feed://"):]
	case strings.HasPrefix(lower, "feed:"):
		return s[len("feed:"):]
	case !strings.Contains(s, "://"):
		return "https://" + s
	}
	return s
}

// LooksLikeFeed reports whether data is an RSS, Atom or RDF document or a
// JSON Feed, judged by its root element or its "version" field.
func LooksLikeFeed(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(data) == 0:
		return false
	case data[0] == '{':
		var doc struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(data, &doc) != nil {
			return false
		}
		v := strings.TrimPrefix(strings.TrimPrefix(doc.Version, "https://"), "http://")
		return strings.HasPrefix(v, "jsonfeed.org/version/")
	case data[0] == '<':
		switch xmlRoot(data) {
		case "rss", "feed", "RDF", "rdf":
			return true
		}
	}
	return false
}

// xmlRoot returns the local name of the first element in data, or "" when
// data does not start as XML.
func xmlRoot(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// Only the element's name is wanted, so any declared charset will do.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if el, ok := tok.(xml.StartElement); ok {
			return el.Name.Local
		}
	}
	return ""
}

func contentMediaType(contentType string) string {
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(contentType))
	}
	return t
}

// isHTML reports whether a response is a web page: by its Content-Type,
// or by its body when the type is missing or the generic text/plain or
// application/octet-stream.
func isHTML(contentType string, body []byte) bool {
	switch contentMediaType(contentType) {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "text/plain", "application/octet-stream":
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}

// feedTypes rank the feeds a page may advertise. application/json comes
// last: WordPress also links its REST API with it, and a real feed of the
// page, when there is one, is the better answer.
var feedTypes = map[string]int{
	"application/rss+xml":   1,
	"application/atom+xml":  1,
	"application/feed+json": 1,
	"application/rdf+xml":   1,
	"application/json":      2,
}

// feedLink returns the absolute URL of the first feed the page links to
// with <link rel="alternate">, or "".
func feedLink(page []byte, pageURL string) string {
	var base, best string
	bestRank := 0
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		if a != atom.Base && a != atom.Link {
			continue
		}
		attrs := map[string]string{}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			attrs[string(k)] = strings.TrimSpace(string(v))
		}
		switch {
		case a == atom.Base:
			// The first <base href> sets the document's base for every
			// link, even those before it.
			if base == "" {
				base = attrs["href"]
			}
		case relHas(attrs["rel"], "alternate") && attrs["href"] != "":
			rank := feedTypes[contentMediaType(attrs["type"])]
			if rank != 0 && (bestRank == 0 || rank < bestRank) {
				best, bestRank = attrs["href"], rank
			}
		}
	}
	if best == "" {
		return ""
	}
	return resolveFeedHref(pageURL, base, best)
}

// relHas reports whether the space-separated list (a rel value) holds
// token, in any case.
func relHas(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

// resolveFeedHref makes href absolute against the base (itself relative to the
// page); "" when the result is not an http or https URL.
func resolveFeedHref(pageURL, base, href string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	if base != "" {
		if b, err := url.Parse(base); err == nil {
			u = u.ResolveReference(b)
		}
	}
	h, err := url.Parse(normalizeFeedScheme(href))
	if err != nil {
		return ""
	}
	abs := u.ResolveReference(h)
	if abs.Scheme != "http" && abs.Scheme != "https" {
		return ""
	}
	return abs.String()
}

// normalizeFeedScheme turns the old feed: pseudo-scheme into http.
func normalizeFeedScheme(href string) string {
	if strings.HasPrefix(strings.ToLower(href), "feed:") {
		return normalizeTyped(href)
	}
	return href
}
