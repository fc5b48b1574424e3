package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// page200KB is an evaluation page grown to the weight of a real news page:
// 100 KB of inline script in the head, as analytics and ad code add, and
// the story and its comments repeated until the page reaches 200 KB.
func page200KB(tb testing.TB) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "capture-eval", "01-wordpress-council.html"))
	if err != nil {
		tb.Fatal(err)
	}
	page := string(data)
	script := "<script>var adSlots = [" + strings.Repeat(`{"id": "div-gpt-ad-1589", "sizes": [[300, 250], [728, 90]], "targeting": {"section": "news"}},`, 1100) + "];</script>"
	page = strings.Replace(page, "</head>", script+"</head>", 1)
	start := strings.Index(page, `<div class="entry-content">`)
	end := strings.Index(page[start:], "</div>") + start
	story := page[start+len(`<div class="entry-content">`) : end]
	cstart := strings.Index(page, `<section id="comments"`)
	cend := strings.Index(page[cstart:], "</section>") + cstart
	comments := page[cstart:cend]
	for len(page) < 200<<10 {
		page = page[:end] + story + page[end:]
		end += len(story)
		page = strings.Replace(page, comments, comments+comments[strings.Index(comments, "<div"):], 1)
	}
	return []byte(page)
}

// BenchmarkCapture200KBPage is the whole capture of a page: charset,
// parse, readability, tidying and Markdown.
func BenchmarkCapture200KBPage(b *testing.B) {
	page := page200KB(b)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := ParseHTML(page, "https://kestrelcourier.example/2026/03/council-approves-sea-wall")
		if err != nil || a.Words < 1000 {
			b.Fatalf("%v, %d words", err, a.Words)
		}
	}
}
