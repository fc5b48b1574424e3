package feed

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
)

// itemPage is the page feed items are resolved against in these tests.
func itemPage(t testing.TB) *url.URL {
	t.Helper()
	u, err := url.Parse("https://harbour.example/news/2025/storm")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSimpleMarkdown(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs", "<p>First.</p>\n<p>Second\n  wrapped   line.</p>", "First.\n\nSecond wrapped line."},
		{"bare text", "Just a sentence &amp; an entity.", "Just a sentence & an entity."},
		{"div and p mixed", "<div>Above<p>Inside</p>Below</div>", "Above\n\nInside\n\nBelow"},
		{"line break", "<p>Line one<br>Line two<br/>Line three</p>", "Line one  \nLine two  \nLine three"},
		{"leading break", "<p><br>Text</p>", "Text"},
		{"absolute link", `<p>See <a href="https://other.example/x">the report</a>.</p>`, "See [the report](https://other.example/x)."},
		{"relative link", `<p>See <a href="../2024/flood">last year</a>.</p>`, "See [last year](https://harbour.example/news/2024/flood)."},
		{"root-relative link", `<p><a href="/about">About us</a></p>`, "[About us](https://harbour.example/about)"},
		{"link target with spaces and parentheses", `<p><a href="/a b(c)">odd</a></p>`, "[odd](https://harbour.example/a%20b%28c%29)"},
		{"mailto link", `<p><a href="mailto:desk@harbour.example">Email the desk</a></p>`, "[Email the desk](mailto:desk@harbour.example)"},
		{"javascript link dropped", `<p>Click <a href="javascript:alert(1)">here</a> now</p>`, "Click here now"},
		{"data link dropped", `<p><a href="data:text/html,<script>x</script>">here</a></p>`, "here"},
		{"fragment link dropped", `<p>Back to <a href="#top">top</a></p>`, "Back to top"},
		{"link without text dropped", `<p>a<a href="/x"> </a>b</p>`, "a b"},
		{"emphasis", "<p>An <em>important</em> and <strong>bold</strong> claim, <i>really</i> <b>big</b>.</p>", "An *important* and **bold** claim, *really* **big**."},
		{"emphasis with inner spaces", "<p>a<em> word </em>b and <strong>bold </strong>text</p>", "a *word* b and **bold** text"},
		{"emphasis of nothing", "<p>a <em> </em> b</p>", "a b"},
		{"nested inline", `<p><a href="/x"><strong>Big</strong> link</a></p>`, "[**Big** link](https://harbour.example/x)"},
		{"headings", "<h1>One</h1><h2>Two</h2><p>Text</p><h6>Six</h6>", "# One\n\n## Two\n\nText\n\n###### Six"},
		{"unordered list", "<p>Items:</p><ul><li>bread</li>\n<li>milk</li></ul><p>After.</p>", "Items:\n- bread\n- milk\n\nAfter."},
		{"ordered list", "<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"},
		{"ten items", "<ol>" + strings.Repeat("<li>x</li>", 10) + "</ol>", "1. x\n2. x\n3. x\n4. x\n5. x\n6. x\n7. x\n8. x\n9. x\n10. x"},
		{"blockquote", "<blockquote><p>We will rebuild.</p></blockquote><p>She said.</p>", "> We will rebuild.\n\nShe said."},
		{"blockquote of two paragraphs is one quote", "<blockquote><p>One.</p><p>Two.</p></blockquote>", "> One.\n>\n> Two."},
		{"list in a blockquote", "<blockquote><p>Ask:</p><ul><li>who</li><li>why</li></ul><p>Then act.</p></blockquote>", "> Ask:\n> - who\n> - why\n>\n> Then act."},
		{"blockquote with a break", "<blockquote>Line<br>next</blockquote>", "> Line  \n> next"},
		{"image", `<p><img src="/img/quay.jpg" alt="The quay at dawn"></p>`, "![The quay at dawn](https://harbour.example/img/quay.jpg)"},
		{"image in text", `<p>Look <img src="x.png" alt="[map]"/> here</p>`, `Look ![\[map\]](https://harbour.example/news/2025/x.png) here`},
		{"image without source dropped", `<p><img alt="nothing"></p>`, ""},
		{"image with javascript source dropped", `<p>x <img src="javascript:x" alt="y"> z</p>`, "x z"},
		{"linked image", `<a href="/big.jpg"><img src="/small.jpg" alt="Quay"></a>`, "[![Quay](https://harbour.example/small.jpg)](https://harbour.example/big.jpg)"},
		{"script and style dropped", "<p>Before</p><script>document.write('<p>ad</p>')</script><style>p { color: red }</style><noscript><p>Enable JS</p></noscript><p>After</p>", "Before\n\nAfter"},
		{"iframe and form dropped", `<p>Text</p><iframe src="https://video.example/"><p>fallback</p></iframe><form><button>Go</button></form>`, "Text"},
		{"transparent elements", "<p><span>Quote:</span> <q>hi</q> <time>today</time> <sup>1</sup></p>", "Quote: hi today 1"},
		{"stars and underscores", "<p>5 * 3 = 15 and snake_case_name</p>", `5 \* 3 = 15 and snake\_case\_name`},
		{"brackets and backslash", `<p>[citation needed] C:\temp</p>`, `\[citation needed\] C:\\temp`},
		{"angle brackets and backticks", "<p>&lt;b&gt; is markup, `x` is code</p>", "\\<b> is markup, \\`x\\` is code"},
		{"lone star", "<p>*</p>", `\*`},
		{"paragraph starting 1.", "<p>1. This is no list.</p>", `1\. This is no list.`},
		{"paragraph starting 1)", "<p>1) Nor this.</p>", `1\) Nor this.`},
		{"paragraph starting year.", "<p>2024. A year to forget.</p>", `2024\. A year to forget.`},
		{"number inside paragraph", "<p>It rose 1. Then 2.</p>", "It rose 1. Then 2."},
		{"paragraph starting #", "<p># not a heading</p>", `\# not a heading`},
		{"hashtag", "<p>#StormWatch trends</p>", `\#StormWatch trends`},
		{"paragraph starting -", "<p>- not a list</p>", `\- not a list`},
		{"paragraph starting +", "<p>+ not a list</p>", `\+ not a list`},
		{"paragraph starting >", "<p>&gt; not a quote</p>", `\> not a quote`},
		{"paragraph of dashes", "<p>---</p>", `\---`},
		{"code fence", "<p>~~~ no code</p>", `\~~~ no code`},
		{"negative number", "<p>-5 degrees</p>", "-5 degrees"},
		{"line after break", "<p>Scores<br>1. Smith<br>- Jones<br># three</p>", "Scores  \n1\\. Smith  \n\\- Jones  \n\\# three"},
		{"list item starting 1.", "<ul><li>1. first</li></ul>", `- 1\. first`},
		{"heading starting #", "<h2>#1 story</h2>", `## #1 story`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := simpleMarkdown(tt.html, itemPage(t))
			if !ok {
				t.Fatalf("ok = false for simple HTML %q", tt.html)
			}
			if got != tt.want {
				t.Errorf("simpleMarkdown(%q)\n got %q\nwant %q", tt.html, got, tt.want)
			}
		})
	}
}

// TestSimpleMarkdownDeclines: HTML the fast path cannot render right goes
// to html-to-markdown.
func TestSimpleMarkdownDeclines(t *testing.T) {
	tests := map[string]string{
		"table":               "<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Rovers</td><td>12</td></tr></table>",
		"pre":                 "<pre>line one\n    indented</pre>",
		"code block":          "<pre><code>x := 1</code></pre>",
		"inline code":         "<p>Call <code>refresh()</code> again.</p>",
		"nested list":         "<ul><li>one<ul><li>inner</li></ul></li></ul>",
		"nested blockquote":   "<blockquote><blockquote>deep</blockquote></blockquote>",
		"heading in a list":   "<ul><li><h3>x</h3></li></ul>",
		"paragraphs in items": "<ul><li><p>one</p></li><li><p>two</p></li></ul>",
		"item outside a list": "<li>stray</li>",
		"mis-nested inline":   "<p><b><i>both</b></i></p>",
		"close without open":  "<p>text</em> more</p>",
		"unclosed inline":     "<p>An <em>unclosed emphasis</p>",
		"block inside link":   `<a href="/x"><p>para</p></a>`,
		"definition list":     "<dl><dt>Term</dt><dd>Meaning</dd></dl>",
		"horizontal rule":     "<p>a</p><hr><p>b</p>",
		"strikethrough":       "<p><del>old</del> new</p>",
		"unknown element":     "<p><custom-widget>x</custom-widget></p>",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if md, ok := simpleMarkdown(src, itemPage(t)); ok {
				t.Errorf("ok = true, output %q; want the fallback for %q", md, src)
			}
			// And the fallback does produce the words.
			md, err := HTMLToMarkdown([]byte(src), itemPage(t).String())
			if err != nil || strings.TrimSpace(md) == "" {
				t.Errorf("HTMLToMarkdown: %q, %v", md, err)
			}
		})
	}
}

func TestBodyMarkdownFallsBackForTables(t *testing.T) {
	body := bodyMarkdown("<p>Results:</p><table><tr><td>Rovers</td><td>12</td></tr></table>", itemPage(t))
	for _, w := range []string{"Results:", "Rovers", "12"} {
		if !strings.Contains(body, w) {
			t.Errorf("body %q lacks %q", body, w)
		}
	}
}

// renderedWords renders Markdown as a reader sees it and returns its words:
// the text of the HTML goldmark makes, markup and escapes gone. Inline
// elements join their text to what is around them, so a space lost at
// the edge of an emphasis shows; link targets and images are kept as
// words too, so a lost or changed link shows.
func renderedWords(t *testing.T, md string) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	z := html.NewTokenizer(&buf)
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "em", "strong", "a", "code":
			default:
				text.WriteByte(' ') // a block or a line break
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if k := string(k); k == "href" || k == "src" || k == "alt" {
					text.WriteString(" " + k + "=" + string(v) + " ")
				}
			}
		}
	}
	return strings.Fields(text.String())
}

// structure is the sequence of block and inline elements goldmark makes
// of Markdown: what the reader sees as headings, lists, quotes, emphasis.
func structure(t *testing.T, md string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	var tags []string
	z := html.NewTokenizer(&buf)
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			name, _ := z.TagName()
			tags = append(tags, string(name))
		}
	}
	return strings.Join(tags, " ")
}

// TestSimpleMarkdownMatchesHTMLToMarkdown: for the HTML the fast path
// takes, a reader sees the same words, links and structure as
// html-to-markdown would give.
func TestSimpleMarkdownMatchesHTMLToMarkdown(t *testing.T) {
	inputs := []string{
		"<p>The harbour master closed all three ports at dawn.</p><p>Ferries will not sail before Tuesday.</p>",
		"<p>Winds of <strong>90 mph</strong> were <em>recorded</em> at the pier head.</p>",
		`<p>Read the <a href="/news/2025/warning">Met Office warning</a> and <a href="https://other.example/map">the map</a>.</p>`,
		"<h2>What we know</h2><p>Two boats sank.</p><h3>Who to call</h3><p>The coastguard.</p>",
		"<p>Closed roads:</p><ul><li>Quay Street</li><li>Marine Parade</li><li>Harbour Road</li></ul>",
		"<ol><li>Stay indoors</li><li>Charge your phone</li><li>Check on neighbours</li></ol>",
		"<blockquote><p>We have never seen waves like it.</p></blockquote><p>said a fisherman.</p>",
		"<blockquote><p>First paragraph of the quote.</p><p>Second paragraph.</p></blockquote>",
		"<blockquote><p>Three things:</p><ul><li>food</li><li>water</li></ul><p>And shelter.</p></blockquote>",
		`<figure><img src="/img/waves.jpg" alt="Waves over the sea wall"><figcaption>Waves at noon</figcaption></figure>`,
		"<p>Line one<br>Line two<br>Line three</p>",
		"<p>Prices rose 5 * 2 per cent; see note [1] and file_name_here.</p>",
		"<p>1. This paragraph is not a list.</p><p># Nor is this a heading.</p><p>- Nor this a list.</p>",
		"<p>&lt;script&gt; in text is text, and so is &amp;amp;.</p>",
		"<p>The <span class=\"caps\">RNLI</span> launched at 04:10<sup>1</sup>.</p>",
		"<p>Before</p><script>alert('x')</script><style>.x{}</style><p>After</p>",
		"<div><div><p>Deeply</p></div><p>wrapped</p></div>",
		`<p><a href="/gallery"><img src="/thumb.jpg" alt="Gallery"></a> More pictures</p>`,
		"<p>a<em> spaced </em>b</p>",
		"<p>Scores<br>1. Smith<br>- Jones</p>",
	}
	for _, src := range inputs {
		fast, ok := simpleMarkdown(src, itemPage(t))
		if !ok {
			t.Errorf("fast path declined %q", src)
			continue
		}
		full, err := HTMLToMarkdown([]byte(src), itemPage(t).String())
		if err != nil {
			t.Fatal(err)
		}
		gotWords, wantWords := strings.Join(renderedWords(t, fast), " "), strings.Join(renderedWords(t, full), " ")
		if gotWords != wantWords {
			t.Errorf("%q\nfast path shows: %s\n  fallback shows: %s\n(markdown %q and %q)", src, gotWords, wantWords, fast, full)
		}
		if got, want := structure(t, fast), structure(t, full); got != want {
			t.Errorf("%q\nfast path structure: %s\n  fallback structure: %s\n(markdown %q and %q)", src, got, want, fast, full)
		}
	}
}
