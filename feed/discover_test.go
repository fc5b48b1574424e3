package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// netSite serves files from testdata/net at the paths given, with the
// content types given; anything else is a 404.
func netSite(t *testing.T, files map[string][2]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join("testdata", "net", f[0]))
		if err != nil {
			t.Error(err)
			return
		}
		if f[1] != "" {
			w.Header().Set("Content-Type", f[1])
		} else {
			// Keep net/http from sniffing one: the test is about a missing type.
			w.Header()["Content-Type"] = nil
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDiscoverFindsTheFeed(t *testing.T) {
	srv := netSite(t, map[string][2]string{
		"/":                    {"blog-home.html", "text/html; charset=utf-8"},
		"/council":             {"base-href.html", "text/html"},
		"/notes":               {"json-feed-link.html", "text/html"},
		"/feed/":               {"rss.xml", "application/rss+xml; charset=UTF-8"},
		"/blog/feeds/atom.xml": {"atom.xml", "application/atom+xml"},
		"/weekly.rdf":          {"rdf.xml", "application/rdf+xml"},
		"/feed.json":           {"feed.json", "application/feed+json"},
		"/mislabelled":         {"rss.xml", "text/html"},
		"/untyped":             {"atom.xml", ""},
		"/json-as-text":        {"feed.json", "text/plain"},
	})
	tests := []struct{ name, path, want string }{
		{"page linking RSS with a relative href, after a WordPress JSON link", "/", srv.URL + "/feed/?format=rss&lang=en"},
		{"href relative to a base href that comes after it", "/council", srv.URL + "/blog/feeds/atom.xml"},
		{"JSON Feed link, in capitals", "/notes", "https://tidewater.example/feed.json"},
		{"RSS itself", "/feed/", srv.URL + "/feed/"},
		{"Atom itself", "/blog/feeds/atom.xml", srv.URL + "/blog/feeds/atom.xml"},
		{"RDF itself, in Latin-1", "/weekly.rdf", srv.URL + "/weekly.rdf"},
		{"JSON Feed itself", "/feed.json", srv.URL + "/feed.json"},
		{"RSS served as text/html", "/mislabelled", srv.URL + "/mislabelled"},
		{"Atom with no content type", "/untyped", srv.URL + "/untyped"},
		{"JSON Feed served as text/plain", "/json-as-text", srv.URL + "/json-as-text"},
	}
	f := testFetcher()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, resp, err := f.Discover(context.Background(), srv.URL+tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("feed %q, want %q", got, tt.want)
			}
			if resp == nil || len(resp.Body) == 0 {
				t.Errorf("no response given back")
			}
		})
	}
}

func TestDiscoverWithoutAFeed(t *testing.T) {
	srv := netSite(t, map[string][2]string{
		"/contact":     {"no-feed.html", "text/html"},
		"/sitemap.xml": {"sitemap.xml", "application/xml"},
		"/wp-json/12":  {"not-a-feed.json", "application/json"},
		"/logo.png":    {"not-a-feed.json", "image/png"},
	})
	tests := map[string]string{
		"/contact":     "no feed found: the page links to none",
		"/sitemap.xml": "no feed found: the address gives application/xml, neither a feed nor a web page",
		"/wp-json/12":  "no feed found: the address gives application/json, neither a feed nor a web page",
		"/logo.png":    "no feed found: the address gives image/png, neither a feed nor a web page",
	}
	f := testFetcher()
	for path, want := range tests {
		_, _, err := f.Discover(context.Background(), srv.URL+path)
		if !errors.Is(err, ErrNoFeed) || err.Error() != want {
			t.Errorf("%s: error %v, want %q", path, err, want)
		}
	}
	_, _, err := f.Discover(context.Background(), srv.URL+"/missing")
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 404 {
		t.Errorf("missing page: error %v, want HTTP 404", err)
	}
}

func TestDiscoverCompletesTypedAddresses(t *testing.T) {
	tests := map[string]string{
		"example.com/blog":               "https://example.com/blog",
		"  https://example.com/feed  ":   "https://example.com/feed",
		"feed://example.com/rss":         "http://example.com/rss",
		"feed:https://example.com/rss":   "https://example.com/rss",
		"http://localhost:8080/feed.xml": "http://localhost:8080/feed.xml",
	}
	for typed, want := range tests {
		if got := normalizeTyped(typed); got != want {
			t.Errorf("%q became %q, want %q", typed, got, want)
		}
	}
}

func TestLooksLikeFeed(t *testing.T) {
	tests := map[string]bool{
		"\xef\xbb\xbf\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>":                                                                                                     true,
		"<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"/>": true,
		`<feed xmlns="http://www.w3.org/2005/Atom"></feed>`:                                                                                                                                true,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`:                                                                                                               true,
		`{"version": "http://jsonfeed.org/version/1", "items": []}`:                                                                                                                        true,
		`<!DOCTYPE html><html><head><title>rss</title></head></html>`:                                                                                                                      false,
		`<?xml version="1.0"?><urlset/>`:                                                                                                                                                   false,
		`{"version": "2.0"}`:                                                                                                                                                               false,
		`not markup at all`:                                                                                                                                                                false,
		``:                                                                                                                                                                                 false,
	}
	for data, want := range tests {
		if got := LooksLikeFeed([]byte(data)); got != want {
			t.Errorf("LooksLikeFeed(%.40q) = %v", data, got)
		}
	}
}

func TestFeedLinkSkipsWhatIsNotAFeed(t *testing.T) {
	page := `<html><head>
<link rel="stylesheet" type="application/rss+xml" href="/not-alternate.xml">
<link rel="alternate" type="text/html" href="/fr/">
<link rel="alternate" type="application/atom+xml" href="">
</head><body><link rel="alternate" type="application/atom+xml" href="/late.xml"></body></html>`
	got := feedLink([]byte(page), "https://example.com/dir/page")
	if want := "https://example.com/late.xml"; got != want {
		t.Errorf("feed %q, want %q", got, want)
	}
	if got := feedLink([]byte(strings.ReplaceAll(page, "/late.xml", "javascript:void(0)")), "https://example.com/"); got != "" {
		t.Errorf("feed %q from a javascript: link", got)
	}
}
