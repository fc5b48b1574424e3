package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/news"
)

func readFixture(t *testing.T, name string) *news.Article {
	t.Helper()
	a, err := ReadFile(filepath.Join("testdata", "files", name))
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", name, err)
	}
	return a
}

func TestImportDropsPageChrome(t *testing.T) {
	a := readFixture(t, "cnn-style-copy.txt")
	if a.Title != "Storm Elin closes ports along the Channel coast" {
		t.Errorf("title = %q", a.Title)
	}
	for _, chrome := range []string{"Skip to main content", "Listen Live", "Home >", "Advertisement", "Image caption", "PHOTO:", "Getty", "Updated 6:42", "(CNN)", "By Marie"} {
		if strings.Contains(a.Body, chrome) {
			t.Errorf("body keeps %q:\n%s", chrome, a.Body)
		}
	}
	if !strings.HasPrefix(a.Body, "Ports from Calais to Cherbourg closed on Sunday") {
		t.Errorf("body starts %q", a.Body[:min(60, len(a.Body))])
	}
	if !strings.HasSuffix(a.Body, "cancelled until Monday.") {
		t.Errorf("body ends %q", a.Body[max(0, len(a.Body)-60):])
	}
}

func TestBylineGivesAuthorAndSource(t *testing.T) {
	a := readFixture(t, "cnn-style-copy.txt")
	if a.Author != "Marie Dubois and Peter Hall" || a.Source != "CNN" {
		t.Errorf("author %q, source %q", a.Author, a.Source)
	}
	if want := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published = %v, want %v", a.Published, want)
	}
}

func TestDatelineGivesSourceNotTitle(t *testing.T) {
	a := readFixture(t, "reuters-dateline.txt")
	if a.Title != "Copper hits record as Chilean mine strike drags on" || a.Source != "Reuters" {
		t.Errorf("title %q, source %q", a.Title, a.Source)
	}
	// The place stays with the story; the outlet went to the source.
	if !strings.Contains(a.Body[:80], "— Copper prices hit a record high") || strings.Contains(a.Body[:80], "Reuters") {
		t.Errorf("body starts %q, want the dateline's place without its outlet", a.Body[:80])
	}
	// A story that starts with its dateline has no title line: the
	// dateline must not become the title.
	b, err := ParseText([]byte("LONDON (Reuters) - Shares rose on Monday. Traders were cheerful.\n\nMore followed.\n"), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Shares rose on Monday" || b.Source != "Reuters" {
		t.Errorf("title %q, source %q", b.Title, b.Source)
	}
}

func TestHeadlineFromFirstSentence(t *testing.T) {
	a := readFixture(t, "no-title.txt")
	if !strings.HasPrefix(a.Title, "The town council of Ashford voted on Tuesday night") || !strings.HasSuffix(a.Title, "…") {
		t.Errorf("title = %q", a.Title)
	}
	if n := len([]rune(a.Title)); n > 91 {
		t.Errorf("title is %d characters, want at most 91", n)
	}
	if strings.Contains(a.Title, "Residents") {
		t.Errorf("title runs past the first sentence: %q", a.Title)
	}
	if !strings.HasPrefix(a.Body, "The town council of Ashford") {
		t.Errorf("the first sentence must stay in the body")
	}
}

func TestHardWrappedLinesJoin(t *testing.T) {
	a := readFixture(t, "hard-wrapped.txt")
	want := "The central library reopened on Saturday after six months of repairs to the damage done by last winter's flood.\n\nStaff said about 4,000 books had been lost, but the local history archive was saved."
	if a.Body != want {
		t.Errorf("body =\n%q\nwant\n%q", a.Body, want)
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	a := readFixture(t, "front-matter.md")
	if a.Title != "Council approves: new cycle lanes" || a.Source != "Northline News" || a.Author != "Ann O'Neill" || a.URL != "https://example.org/cycle-lanes" {
		t.Errorf("front matter read as %+v", a)
	}
	if strings.Join(a.Tags, ",") != "transport,Local" || a.Published.Format(time.DateOnly) != "2026-04-02" {
		t.Errorf("tags %v, date %v", a.Tags, a.Published)
	}
	if !strings.Contains(a.Body, "# A heading that is not the title") {
		t.Errorf("a heading that differs from the title must stay: %q", a.Body)
	}
	b := readFixture(t, "heading-title.md")
	if b.Title != "Fishermen return to sea after pact" || strings.Contains(b.Body, "# ") {
		t.Errorf("heading title %q, body %q", b.Title, b.Body)
	}
}

func TestHTMLPageKeepsTheArticleOnly(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "files", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseHTML(data, "https://example.com/valley/rail-line?utm_source=feed")
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://example.com/valley/rail-line" {
		t.Errorf("URL = %q, want the page's canonical link", a.URL)
	}
	if !strings.Contains(a.Title, "Rail line to reopen after 60 years") || a.Source != "The Valley Post" {
		t.Errorf("title %q, source %q", a.Title, a.Source)
	}
	if a.Published.IsZero() {
		t.Error("published time not read from the page")
	}
	for _, want := range []string{"Passenger trains will run again", "[January](https://example.com/news/track-work)", "A test train at Allendale station", "Now their grandchildren will ride it."} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, junk := range []string{"tracker", "font-family", "buy a sofa", "Privacy"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body keeps page furniture %q:\n%s", junk, a.Body)
		}
	}
}

func TestBinaryFileIsSkipped(t *testing.T) {
	tests := map[string]error{"picture.txt": ErrBinary}
	for name, want := range tests {
		_, err := ReadFile(filepath.Join("testdata", "files", name))
		if !errors.Is(err, want) || !strings.Contains(err.Error(), name) {
			t.Errorf("ReadFile(%s) = %v, want %v naming the file", name, err, want)
		}
	}
	if _, err := ReadFile("notes.docx"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("a .docx: %v", err)
	}
	if _, err := ParseText([]byte("Title\n\n\x01\x02\x03\x04 body\x05\x06\x07\x08\n"), "x.txt"); !errors.Is(err, ErrBinary) {
		t.Errorf("text full of control bytes: %v, want ErrBinary", err)
	}
}

func TestLatin1FileReadsAsWindows1252(t *testing.T) {
	a, err := ReadFile(filepath.Join("testdata", "files", "latin1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café owners protest rent rise" || !strings.Contains(a.Body, "the cafés on the square") || strings.ContainsRune(a.Title+a.Body, '\uFFFD') {
		t.Errorf("a Latin-1 file: title %q, body %q", a.Title, a.Body)
	}
	// A UTF-8 Markdown file with one Latin-1 line pasted in keeps both.
	m, err := ParseMarkdown([]byte("# Na\xefve plans\n\nThe mayor’s plan for the caf\xe9 was approved.\n"), "x.md")
	if err != nil || m.Title != "Naïve plans" || !strings.Contains(m.Body, "mayor’s plan for the café") {
		t.Errorf("mixed UTF-8 and Latin-1: %+v, %v", m, err)
	}
}

func TestByteOrderMarkAndDeclaredCharset(t *testing.T) {
	a, err := ParseText([]byte("\xef\xbb\xbfSaved by Notepad\n\nThe body follows here.\n"), "x.txt")
	if err != nil || a.Title != "Saved by Notepad" {
		t.Errorf("a UTF-8 file with a BOM: title %q, %v", a.Title, err)
	}
	// A page in ISO-8859-1 that says so is read, not refused.
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 reopens</title></head><body><article><p>The caf\xe9 in the square reopened on Monday after a long refit, its owner said, and queues formed early.</p></article></body></html>"
	b, err := ParseHTML([]byte(page), "https://example.com/cafe")
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Café reopens" || !strings.Contains(b.Body, "The café in the square") {
		t.Errorf("Latin-1 page read as title %q, body %q", b.Title, b.Body)
	}
}

func TestControlSequencesNeverStored(t *testing.T) {
	a, err := ParseText([]byte("Title \x1b]0;owned\x07here\n\nBody \x1b[2J text \u202e with tricks.\n"), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(a.Title+a.Body, "\x1b\x07\u202e") {
		t.Errorf("control sequences kept: %q / %q", a.Title, a.Body)
	}
}

func TestFilesWalksFoldersSkippingHidden(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.md", "sub/c.html", ".hidden/d.txt", ".e.txt", "f.pdf"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	got, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, g := range got {
		r, _ := filepath.Rel(dir, g)
		rel = append(rel, r)
	}
	if strings.Join(rel, " ") != "a.md b.txt sub/c.html" {
		t.Errorf("Files = %v", rel)
	}
}
