package feed

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// tokenStream is every token and what simpleMarkdown reads of it.
func tokenStream(z htmlTokens) []string {
	var out []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			out = append(out, fmt.Sprintf("text %q", z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			tok := fmt.Sprintf("%v %q", tt, name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				tok += fmt.Sprintf(" %q=%q", k, v)
			}
			out = append(out, tok)
		default:
			out = append(out, tt.String())
		}
	}
}

// sameTokens fails the test if fastTokens, where it does not give up,
// tokenizes src otherwise than x/net/html, or if simpleMarkdown's
// Markdown differs from what x/net/html's tokens make. It reports
// whether fastTokens read all of src.
func sameTokens(t testing.TB, src string) (read bool) {
	t.Helper()
	var z fastTokens
	z.reset([]byte(src))
	fast := tokenStream(&z)
	slow := tokenStream(html.NewTokenizer(strings.NewReader(src)))
	if !z.bail {
		if strings.Join(fast, "\n") != strings.Join(slow, "\n") {
			t.Fatalf("tokens of %q\nfast:       %q\nx/net/html: %q", src, fast, slow)
		}
	} else if len(fast) > len(slow) || strings.Join(fast, "\n") != strings.Join(slow[:len(fast)], "\n") {
		t.Fatalf("tokens of %q before giving up\nfast:       %q\nx/net/html: %q", src, fast, slow)
	}
	base, _ := url.Parse("https://herald.example/news/")
	md, ok := simpleMarkdown(src, base)
	c := new(mdConv)
	wantMD, wantOK := c.convert(html.NewTokenizer(strings.NewReader(src)), base, len(src))
	if md != wantMD || ok != wantOK {
		t.Fatalf("Markdown of %q\nfast:       %v %q\nx/net/html: %v %q", src, ok, md, wantOK, wantMD)
	}
	return !z.bail
}

var trickyHTML = []struct {
	src  string
	read bool // by fastTokens itself
}{
	{`<p>The <b>crane</b> is back, said Ewan Tait.</p><p>Work took &quot;six weeks&quot; &amp; cost &pound;40,000 &#39;n&#x27; &#8217; &nbsp;&amp;amp; &ampx &amp</p>`, true},
	{`<P CLASS="x">Upper <A HREF="/a?b=1&amp;c=2">link</A> <IMG SRC='/i.jpg' ALT="a &lt; b"/> <br/><br /> <a href="x" href="y">dup</a></p>`, true},
	{`<p>a < b and c <= d, 1<2 &lt;tag&gt; <</p><`, true},
	{`<ul><li>one</li><li>two <em>em</em></li></ul><h2 id=h>Heading</h2>`, false},
	{"<p>line\r\nbreak\rand\r\r\n\n&amp;\r</p>\r", true},
	{`<p>x</p><!-- comment --><p>y</p>`, false},
	{`<p>x</p><script>if (a<b) {}</script><style>p{}</style>`, false},
	{`<title>t</title><textarea><b></textarea>`, false},
	{`<p>x</> y </ z> </3></p>`, false},
	{`<div data-x = "1" data-y= '2'>spaced</div><img src="/a.jpg" srcset="/b.jpg 2x" data-src="/c.jpg">`, true},
	{`<p>unclosed <b>bold`, true},
	{`<p>tag at the end <a href="/x"`, false},
	{`<a href="https://herald.example/?a=1&b=2&copy=3">amp in attr</a>`, true},
	{"<p>nul \x00 byte</p>", true},
	{`<img alt="<b>" src="/x.png"><p title=">">gt in attr</p>`, true},
	{`<x-tag>custom</x-tag><svg><path d="M0"/></svg>`, false},
	{`plain text, no tags at all`, true},
	{``, true},
}

// TestFastTokensMatchXNetHTML holds fastTokens to x/net/html's tokens,
// and simpleMarkdown to the Markdown of x/net/html's tokens, on HTML
// written for it and on every item body of the feed fixtures.
func TestFastTokensMatchXNetHTML(t *testing.T) {
	for _, tc := range trickyHTML {
		if read := sameTokens(t, tc.src); read != tc.read {
			t.Errorf("%q: read by fastTokens %v, want %v", tc.src, read, tc.read)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "feeds", "*"))
	pages, _ := filepath.Glob(filepath.Join("testdata", "files", "*.html"))
	read := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parseDocWith(data, "https://feeds.example/x", "", false)
		if err != nil {
			continue
		}
		for _, it := range d.items {
			for _, s := range []string{it.Content, it.Description} {
				if sameTokens(t, s) {
					read++
				}
			}
		}
	}
	for _, path := range pages {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sameTokens(t, string(data))
	}
	if read == 0 {
		t.Error("fastTokens read none of the fixtures' item bodies")
	}
}

// TestFastTokensOnTheBench compares the two on the bench's BBC bodies.
func TestFastTokensOnTheBench(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a feed")
	}
	d, err := parseDocWith(bbcFeed(t, 300), "http://127.0.0.1:9/feed-0.xml", "", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range d.items {
		if !sameTokens(t, it.Description) {
			t.Fatalf("a bench body is not read by fastTokens: %.300q", it.Description)
		}
	}
}

// FuzzFastTokens holds fastTokens to x/net/html on any HTML.
//
//	go test ./feed -run '^$' -fuzz FuzzFastTokens -fuzztime 60s -fuzzminimizetime 5s
func FuzzFastTokens(f *testing.F) {
	for _, tc := range trickyHTML {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sameTokens(t, src)
	})
}

// genHTML writes a random item body from pieces that stress fastTokens:
// mostly the plain HTML it reads, now and then what it leaves to
// x/net/html.
func genHTML(r *rand.Rand, depth int) string {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	for range r.IntN(7) {
		switch r.IntN(12) {
		case 0, 1:
			b.WriteString(pick("The crane", " is back ", "caf\u00e9", "  ", "\n", "\t", "a > b", "1<2", "x;y", "\u00a0", "*stars* _under_ [br]", "# not a heading", "1. not a list"))
		case 2:
			b.WriteString(pick("&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;", "&#8217;", "&nbsp;", "&copy", "&amp;amp;", "&ampx", "&bogus;", "& ", "&#;", "&notit;", "&"))
		case 3, 4:
			if depth < 3 {
				n := pick("p", "b", "em", "a", "strong", "i", "span", "div", "li", "ul", "h2", "blockquote", "P", "A")
				attrs := ""
				for range r.IntN(3) {
					attrs += pick(` href="/rel?a=1&amp;b=2"`, ` href='https://x.example/a b'`, ` class="visually-hidden"`, ` HREF="/UP"`, ` href="/dup"`,
						` title="a > b"`, ` data-x = "1"`, ` alt="<b>"`, ` href="&#x6a;avascript:x"`, ` src="/i.jpg"`)
				}
				b.WriteString("<" + n + attrs + ">" + genHTML(r, depth+1) + pick("</"+n+">", "</"+n+">", "</"+n+" >", ""))
			}
		case 5:
			b.WriteString(pick("<br/>", "<br>", "<BR />", `<img src="/i.jpg" alt="An &amp; image"/>`, `<img src='/j.jpg' srcset="/k.jpg 2x">`, "<hr/>"))
		case 6:
			if r.IntN(4) == 0 {
				b.WriteString(pick("<!-- c -->", "<script>a<b</script>", "<style>p{}</style>", "<title>t</title>", "</>", "</ x>", "<p a=1>", "<p a>",
					"\r\n", "<?pi?>", "<!DOCTYPE html>", "<x-y>", "<a href=\"unterminated", "<", "<p\x00>"))
			}
		default:
			b.WriteString(pick("Lifeboat", "crew", "said Morag Linklater", "1,200", "http://x.example/?a=1&b=2"))
		}
	}
	return b.String()
}

// TestFastTokensOnGeneratedHTML compares fastTokens with x/net/html, and
// the Markdown of both, on random bodies built from tricky pieces.
func TestFastTokensOnGeneratedHTML(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, *genSeed))
	n, read := 3000, 0
	if testing.Short() {
		n = 300
	}
	for range n {
		if sameTokens(t, genHTML(r, 0)) {
			read++
		}
	}
	if read < n/3 {
		t.Errorf("fastTokens read %d of %d generated bodies", read, n)
		return
	}
	t.Logf("fastTokens read %d of %d generated bodies", read, n)
}
