package feed

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestReadabilityJSPages scores capture against the test pages of
// Readability.js as go-readability ships them (source.html, expected.html
// from Readability.js, expected-metadata.json), the closest public
// relative of the suite byline is judged on. The pages are published text
// and stay out of this tree: point BYLINE_READABILITY_PAGES at the
// test-pages folder of the module, e.g.
//
//	BYLINE_READABILITY_PAGES=$(go env GOMODCACHE)/codeberg.org/readeck/go-readability/v2@v2.1.3/test-pages \
//	  go test ./feed -run ReadabilityJSPages -v
func TestReadabilityJSPages(t *testing.T) {
	dir := os.Getenv("BYLINE_READABILITY_PAGES")
	if dir == "" {
		t.Skip("BYLINE_READABILITY_PAGES is not set")
	}
	sources, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(sources) == 0 {
		t.Fatalf("no */source.html under %s", dir)
	}
	sort.Strings(sources)
	sum, lowest, lowestName := 0.0, 1.0, ""
	titles, tables, tablesKept := 0, 0, 0
	for _, src := range sources {
		page := filepath.Dir(src)
		name := filepath.Base(page)
		data, _ := os.ReadFile(src)
		expected, _ := os.ReadFile(filepath.Join(page, "expected.html"))
		var meta struct{ Title string }
		if m, err := os.ReadFile(filepath.Join(page, "expected-metadata.json")); err == nil {
			json.Unmarshal(m, &meta)
		}
		var body, title string
		if a, err := ParseHTML(data, "http://fakehost/test/page.html"); err == nil {
			body, title = a.Body, a.Title
		}
		f1 := wordF1(body, readerText(expected))
		sum += f1
		if f1 < lowest {
			lowest, lowestName = f1, name
		}
		if strings.TrimSpace(title) == strings.TrimSpace(meta.Title) {
			titles++
		}
		want := strings.Count(string(expected), "<table")
		tables += want
		tablesKept += min(want, len(evalTableRule.FindAllString(body, -1)))
		if testing.Verbose() && f1 < 0.98 {
			t.Logf("%s: word F1 %.3f", name, f1)
		}
	}
	t.Logf("Readability.js pages: %d, mean word F1 %.4f, lowest %.3f (%s), titles %d/%d, tables kept %d/%d",
		len(sources), sum/float64(len(sources)), lowest, lowestName, titles, len(sources), tablesKept, tables)
}

// readerText is the text of Readability.js's output as a browser lays it
// out: inline elements run on, every other element parts words.
func readerText(page []byte) string {
	z := html.NewTokenizer(strings.NewReader(string(page)))
	var b strings.Builder
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "span", "a", "b", "i", "em", "strong", "sup", "sub", "font", "small", "abbr", "code", "u", "s", "mark", "time", "cite", "q":
			default:
				b.WriteByte(' ')
			}
		}
	}
	return html.UnescapeString(b.String())
}
