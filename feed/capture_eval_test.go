package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The capture evaluation: news pages written for byline in the shapes of
// common publishing systems (WordPress, Arc, Drupal, Ghost, Medium, a
// public broadcaster's blocks, a live blog, a wire story, a table-laid
// regional paper), with navigation, cookie banners, share bars, ads,
// related links, newsletters and comments around the story, in several
// charsets. Each page.html has a page.want beside it: the title, the
// Content-Type it is served with, how many tables the story holds, then
// the text a reader should get. Pages are captured over loopback as
// `byline add URL` captures them and scored by word F1.

// evalPage is one page of testdata/capture-eval and what is expected of it.
type evalPage struct {
	name, contentType string
	html              []byte
	title, text       string
	tables            int
}

func loadEvalPages(t testing.TB) []evalPage {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "capture-eval", "*.html"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no evaluation pages: %v", err)
	}
	sort.Strings(names)
	var pages []evalPage
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(name, ".html") + ".want")
		if err != nil {
			t.Fatal(err)
		}
		p := evalPage{name: strings.TrimSuffix(filepath.Base(name), ".html"), html: data, contentType: "text/html"}
		header, text, ok := strings.Cut(string(want), "\n---\n")
		if !ok {
			t.Fatalf("%s.want: no --- line after the header", p.name)
		}
		p.text = text
		for _, line := range strings.Split(header, "\n") {
			k, v, _ := strings.Cut(line, ": ")
			switch k {
			case "title":
				p.title = v
			case "content-type":
				p.contentType = v
			case "tables":
				p.tables, _ = strconv.Atoi(v)
			}
		}
		pages = append(pages, p)
	}
	return pages
}

var (
	// A word is a run of letters or digits; each Han, kana or Hangul
	// character is a word of its own, since those scripts do not space
	// their words.
	evalWord = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]|[\p{L}\p{N}]+`)
	// Images are not text (a reader view shows the picture), and link
	// targets are not words of the story.
	evalImage      = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	evalLinkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	evalTableRule  = regexp.MustCompile(`(?m)^[> ]*\|[-:| ]+\|\s*$`)
)

func evalWords(s string) map[string]int {
	m := map[string]int{}
	for _, w := range evalWord.FindAllString(strings.ToLower(s), -1) {
		m[w]++
	}
	return m
}

// wordF1 is the harmonic mean of the share of captured words that are
// expected and the share of expected words that were captured, counting
// repeats.
func wordF1(got, want string) float64 {
	g := evalWords(evalLinkTarget.ReplaceAllString(evalImage.ReplaceAllString(got, " "), "]"))
	w := evalWords(want)
	gn, wn, both := 0, 0, 0
	for k, n := range g {
		gn += n
		both += min(n, w[k])
	}
	for _, n := range w {
		wn += n
	}
	if gn == 0 || wn == 0 || both == 0 {
		return 0
	}
	p, r := float64(both)/float64(gn), float64(both)/float64(wn)
	return 2 * p * r / (p + r)
}

func TestCaptureEvaluation(t *testing.T) {
	pages := loadEvalPages(t)
	served := map[string]evalPage{}
	for _, p := range pages {
		served["/"+p.name] = p
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := served[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.contentType)
		w.Write(p.html)
	}))
	defer srv.Close()

	// Floors a change may not go below; the figures in the README are
	// what the test logs with -v.
	const meanFloor, pageFloor = 0.975, 0.92
	sum, lowest, lowestName := 0.0, 1.0, ""
	titles, tables, tablesKept := 0, 0, 0
	for _, p := range pages {
		a, err := testFetcher().FetchPage(context.Background(), srv.URL+"/"+p.name)
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
			continue
		}
		f1 := wordF1(a.Body, p.text)
		sum += f1
		if f1 < lowest {
			lowest, lowestName = f1, p.name
		}
		if f1 < pageFloor {
			t.Errorf("%s: word F1 %.3f, below %.2f:\n%s", p.name, f1, pageFloor, a.Body)
		}
		if a.Title == p.title {
			titles++
		} else {
			t.Errorf("%s: title %q, want %q", p.name, a.Title, p.title)
		}
		kept := min(len(evalTableRule.FindAllString(a.Body, -1)), p.tables)
		tables += p.tables
		tablesKept += kept
		if kept < p.tables {
			t.Errorf("%s: %d of %d tables kept:\n%s", p.name, kept, p.tables, a.Body)
		}
	}
	mean := sum / float64(len(pages))
	if mean < meanFloor {
		t.Errorf("mean word F1 %.3f, below %.3f", mean, meanFloor)
	}
	t.Logf("capture evaluation: %d pages, mean word F1 %.3f, lowest %.3f (%s), titles %d/%d, tables kept %d/%d",
		len(pages), mean, lowest, lowestName, titles, len(pages), tablesKept, tables)
}
