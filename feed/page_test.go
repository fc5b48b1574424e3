package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestFetchPageCapturesTheArticle(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/s/42", http.RedirectHandler("/2024/storm-closes-the-ports?utm_source=feed", http.StatusFound))
	srv := netSite(t, map[string][2]string{"/2024/storm-closes-the-ports": {"article.html", "text/html; charset=utf-8"}})
	mux.Handle("/", srv.Config.Handler)
	site := httptest.NewServer(mux)
	defer site.Close()

	a, err := testFetcher().FetchPage(context.Background(), site.URL+"/s/42")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Storm closes the ports" {
		t.Errorf("title %q", a.Title)
	}
	if want := site.URL + "/2024/storm-closes-the-ports"; a.URL != want {
		t.Errorf("URL %q, want the canonical %q", a.URL, want)
	}
	for _, want := range []string{"All three ports", "Ewan Tolley", "[grain ship](" + site.URL + "/2024/grain-ship)"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, chrome := range []string{"Most read", "All rights reserved", "window.tracking"} {
		if strings.Contains(a.Body, chrome) {
			t.Errorf("body keeps %q", chrome)
		}
	}
}

func TestFetchPageRefusesWhatIsNotAPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.7\n"))
		case "/feed":
			w.Header().Set("Content-Type", "text/xml")
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`))
		case "/data.json":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id": 1}`))
		case "/notes.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte("Just some notes, no markup."))
		}
	}))
	defer srv.Close()
	tests := map[string]string{
		"/report.pdf": "not a web page (application/pdf)",
		"/feed":       "a feed, not a web page (follow it with byline subscribe)",
		"/data.json":  "not a web page (application/json)",
		"/notes.txt":  "not a web page (text/plain)",
	}
	f := testFetcher()
	for path, want := range tests {
		_, err := f.FetchPage(context.Background(), srv.URL+path)
		if !errors.Is(err, ErrNotHTML) || err.Error() != want {
			t.Errorf("%s: error %v, want %q", path, err, want)
		}
	}
}

func TestFetchPageHTTPError(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, err := testFetcher().FetchPage(context.Background(), srv.URL+"/gone")
	if err == nil || err.Error() != "HTTP 404 Not Found" {
		t.Errorf("error %v, want HTTP 404 Not Found", err)
	}
}
