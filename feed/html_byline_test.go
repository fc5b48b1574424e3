package feed

import (
	"strings"
	"testing"
)

// The reporter's byline, which readability keeps with the story, names
// the author and is not a person in the story.
func TestPageBylineIsTheAuthor(t *testing.T) {
	page := `<!doctype html><html><head><title>Harbour master retires</title></head><body>
<article><h1>Harbour master retires</h1><p>By Ruth Abernathy</p>
<p>Kestrel Bay's harbour master, Graham Pellow, retired on Friday after thirty years of guiding fishing boats and ferries in and out of the port, and the whole quay turned out to wave him off.</p>
<p>"I have seen the harbour through three storms that I thought would finish it, and it is still here," Mr Pellow said at a gathering on the quay.</p>
<p>His successor, Anita Sorensen, joins from the port of Aberdeen, where she ran the small-boat marina for a decade and sat on the harbour board.</p></article></body></html>`
	a, err := ParseHTML([]byte(page), "https://gazette.example/news/harbour-master")
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Ruth Abernathy" {
		t.Errorf("author = %q", a.Author)
	}
	if strings.Contains(a.Body, "By Ruth Abernathy") {
		t.Errorf("the byline stayed in the body:\n%s", a.Body)
	}
	if !strings.Contains(a.Body, "Graham Pellow, retired on Friday") {
		t.Errorf("the story lost its first paragraph:\n%s", a.Body)
	}
}
