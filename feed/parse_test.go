package feed

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"byline/news"
)

// feedFixture reads a fixture from testdata/feeds.
func feedFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// parseFixture parses a fixture as if fetched from feedURL, which is
// never the site's own address, so links resolved against the wrong one
// show.
func parseFixture(t *testing.T, name string) *Parsed {
	t.Helper()
	p, err := ParseFeed(feedFixture(t, name), "https://feeds.example/"+name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

// want is what a test checks of one parsed item; empty fields are not
// checked, except Published, which is checked when set or when NoDate.
type want struct {
	GUID, URL, Title, Author string
	Published                time.Time
	NoDate                   bool
	BodyHas                  []string
	BodyHasNot               []string
}

func checkItems(t *testing.T, got []*news.Article, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		var titles []string
		for _, a := range got {
			titles = append(titles, a.Title)
		}
		t.Fatalf("%d items %q, want %d", len(got), titles, len(wants))
	}
	for i, w := range wants {
		a := got[i]
		check := func(field, got, want string) {
			if want != "" && got != want {
				t.Errorf("item %d %s = %q, want %q", i, field, got, want)
			}
		}
		check("GUID", a.GUID, w.GUID)
		check("URL", a.URL, w.URL)
		check("Title", a.Title, w.Title)
		check("Author", a.Author, w.Author)
		switch {
		case w.NoDate && !a.Published.IsZero():
			t.Errorf("item %d Published = %v, want zero (the feed gives no date)", i, a.Published)
		case !w.Published.IsZero() && !a.Published.Equal(w.Published):
			t.Errorf("item %d Published = %v, want %v", i, a.Published, w.Published)
		}
		for _, s := range w.BodyHas {
			if !strings.Contains(a.Body, s) {
				t.Errorf("item %d body lacks %q:\n%s", i, s, a.Body)
			}
		}
		for _, s := range w.BodyHasNot {
			if strings.Contains(a.Body, s) {
				t.Errorf("item %d body has %q:\n%s", i, s, a.Body)
			}
		}
		if a.Words != news.WordCount(a.Body) {
			t.Errorf("item %d Words = %d, the body has %d", i, a.Words, news.WordCount(a.Body))
		}
	}
}

func TestParseRSS091Newspaper(t *testing.T) {
	p := parseFixture(t, "rss091-newspaper.xml")
	if p.Title != "The Millbrook Courier" || p.SiteURL != "https://courier.example/" {
		t.Errorf("feed %q at %q", p.Title, p.SiteURL)
	}
	checkItems(t, p.Items, []want{
		{GUID: "https://courier.example/news/bypass-opens.html", URL: "https://courier.example/news/bypass-opens.html",
			Title: "Bypass opens six months late", NoDate: true, BodyHas: []string{"Drivers queued from first light"}},
		// A relative link is made absolute against the site, not the feed's address.
		{GUID: "https://courier.example/news/library-hours.html", URL: "https://courier.example/news/library-hours.html", NoDate: true},
		{Title: "Letters: the bus timetable", NoDate: true, BodyHas: []string{`calls "a puzzle set by a sadist".`}},
	})
	letters := p.Items[2]
	if letters.URL != "" || !strings.HasPrefix(letters.GUID, "sha256:") {
		t.Errorf("item without link or GUID: URL %q, GUID %q; want no URL and a hash", letters.URL, letters.GUID)
	}
	again := parseFixture(t, "rss091-newspaper.xml")
	if again.Items[2].GUID != letters.GUID {
		t.Errorf("the hash GUID changed between fetches: %q then %q", letters.GUID, again.Items[2].GUID)
	}
	for _, a := range p.Items {
		if a.Source != "The Millbrook Courier" {
			t.Errorf("%q: Source %q, want the feed's title", a.Title, a.Source)
		}
	}
}

func TestParseRSS10RDF(t *testing.T) {
	p := parseFixture(t, "rss10-rdf-weekly.xml")
	if p.Title != "Fenland Weekly" {
		t.Errorf("title %q", p.Title)
	}
	checkItems(t, p.Items, []want{
		{GUID: "https://fenland-weekly.example/2025/03/drainage-board", URL: "https://fenland-weekly.example/2025/03/drainage-board",
			Title: "Drainage board raises its levy for the first time in a decade", Author: "Ruth Ashworth",
			Published: time.Date(2025, 3, 14, 7, 30, 0, 0, time.UTC),
			BodyHas:   []string{"eight per cent more & the pumping stations"}, BodyHasNot: []string{"&amp;"}},
		{Title: "Sugar beet campaign ends early", Author: "Ben Oduya", Published: time.Date(2025, 3, 7, 18, 5, 0, 0, time.UTC)},
	})
}

func TestParseRSS20WordPress(t *testing.T) {
	p := parseFixture(t, "rss20-wordpress.xml")
	if p.Title != "Allotment Diaries – Notes from Plot 14" {
		t.Errorf("title %q: the entity should be a dash", p.Title)
	}
	checkItems(t, p.Items, []want{
		{
			GUID:      "https://allotment-diaries.example/?p=1482",
			URL:       "https://allotment-diaries.example/2025/03/15/broad-beans/",
			Title:     "Why my broad beans failed – again", // HTML in the title is text, not tags
			Author:    "Margaret Okonjo",                   // dc:creator in CDATA
			Published: time.Date(2025, 3, 15, 9, 12, 41, 0, time.UTC),
			BodyHas: []string{
				// content:encoded wins over the shorter description.
				"but this year they arrived together.",
				"**Aquadulce Claudia**", "*flattened*",
				// Relative links and images are absolute against the site.
				"[his greenhouse tour](https://allotment-diaries.example/2024/04/02/greenhouse-tour/)",
				"![Eleven sad bean plants](https://allotment-diaries.example/wp-content/uploads/2025/03/beans-1024x768.jpg)",
				// HTML entities in the CDATA are characters.
				"Costs £3 for the seed & about ½ a bag",
			},
			BodyHasNot: []string{"<p>", "&pound;", "&#8211;", "[&#8230;]", "](/"},
		},
		// The second item with GUID ?p=1471 is dropped: the first is kept.
		{GUID: "https://allotment-diaries.example/?p=1471", Title: "Rhubarb, forced", BodyHas: []string{"terracotta forcer costing £60"}},
		{Title: "Seed swap on Sunday", NoDate: true, BodyHas: []string{"Tea & cake from ten."}},
	})
}

func TestParseRSS20Podcast(t *testing.T) {
	p := parseFixture(t, "rss20-podcast.xml")
	// The channel's itunes:author is the author of items that name none.
	checkItems(t, p.Items, []want{
		{GUID: "a3f9c2d0-longread-212", URL: "https://longread-audio.example/episodes/212", Author: "Longread Audio",
			Title: "Episode 212: The lighthouse keepers' last winter", Published: time.Date(2025, 3, 13, 5, 0, 0, 0, time.UTC),
			BodyHas: []string{"Hamish Calder stayed one more winter. Read by **Isla Mercer**.", "[Transcript](https://longread-audio.example/transcripts/212)"}},
		{GUID: "a3f9c2d0-longread-211", Title: "Episode 211: Salt", Author: "Longread Audio", BodyHas: []string{"shaped a county & its rivers."}},
	})
}

func TestParseChannelAuthorYieldsToTheItems(t *testing.T) {
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Harbour Voices</title>
<itunes:author>Harbour Voices Team</itunes:author>
<item><title>Nets and knots</title><guid>hv-2</guid><itunes:author>Morwenna Tre</itunes:author><description>Mending nets.</description></item>
<item><title>Quay walls</title><guid>hv-1</guid><description>Stone by stone.</description></item>
</channel></rss>`)
	p, err := ParseFeed(data, "https://voices.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || p.Items[0].Author != "Morwenna Tre" || p.Items[1].Author != "Harbour Voices Team" {
		t.Errorf("authors: %+v", p.Items)
	}
}

func TestParseAtomWithXMLBase(t *testing.T) {
	p := parseFixture(t, "atom-newspaper.xml")
	if p.Title != "The Northern Ledger" || p.SiteURL != "https://northern-ledger.example/" {
		t.Errorf("feed %q at %q", p.Title, p.SiteURL)
	}
	checkItems(t, p.Items, []want{
		{
			GUID:      "tag:northern-ledger.example,2025:article-30419",
			URL:       "https://northern-ledger.example/politics/2025/03/16/budget-agreed",
			Title:     "Mayor & council agree a budget", // type="html": escaped markup is markup, then text
			Author:    "Priya Raman",
			Published: time.Date(2025, 3, 16, 7, 45, 0, 0, time.UTC),
			BodyHas: []string{"[day of talks](https://northern-ledger.example/politics/2025/03/15/talks)",
				"Council tax rises by 4.9 per cent."},
			BodyHasNot: []string{"<p>", "&lt;"},
		},
		{
			// The entry's own xml:base, and type="xhtml" content.
			URL:     "https://northern-ledger.example/business/2025/03/15/frigates",
			Title:   "Shipyard wins frigate order",
			Author:  "Tom Ellery",
			BodyHas: []string{"**three frigates**", "[yard's history](https://northern-ledger.example/business/yard-history)"},
		},
		{URL: "https://northern-ledger.example/letters/2025/03/14", NoDate: true, BodyHas: []string{"a very long letter about starlings"}},
	})
}

func TestParseJSONFeed11(t *testing.T) {
	p := parseFixture(t, "jsonfeed11-blog.json")
	if p.Title != "Small Type" || p.SiteURL != "https://smalltype.example/" {
		t.Errorf("feed %q at %q", p.Title, p.SiteURL)
	}
	checkItems(t, p.Items, []want{
		{
			GUID: "https://smalltype.example/2025/letterpress", URL: "https://smalltype.example/2025/letterpress",
			Title: "Buying a letterpress by accident", Author: "Dev Anand Kapoor",
			Published:  time.Date(2025, 3, 12, 19, 0, 0, 0, time.UTC),
			BodyHas:    []string{"“printing equipment, sold as seen”", "*two-tonne*", "[printing](https://smalltype.example/tags/printing)"},
			BodyHasNot: []string{"&ldquo;"},
		},
		{
			// content_text is text: its paragraphs stay, its asterisks
			// are asterisks, and a title is made from its first sentence.
			GUID: "note-88", Title: "Plain text notes keep their line breaks",
			BodyHas: []string{"Plain text notes keep their line breaks.\n\nAnd \\*asterisks\\* stay asterisks."},
		},
	})
}

func TestParseJSONFeedTextIsNotMarkup(t *testing.T) {
	data := []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "Code Notes",
		"items": [{"id": "1", "url": "https://code-notes.example/1",
			"content_text": "Wrap it in <b>bold</b> & see.\nA second line.\n\nA second paragraph."}]}`)
	p, err := ParseFeed(data, "https://code-notes.example/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	a := p.Items[0]
	if want := "Wrap it in \\<b>bold\\</b> & see.  \nA second line.\n\nA second paragraph."; a.Body != want {
		t.Errorf("body %q, want %q", a.Body, want)
	}
	if a.Title != "Wrap it in <b>bold</b> & see" {
		t.Errorf("title %q: a title made from the body should carry no Markdown escapes", a.Title)
	}
}

func TestParseInvalidUTF8StillLoads(t *testing.T) {
	data := feedFixture(t, "rss20-wordpress.xml")
	// A CMS that pasted Latin-1 into a UTF-8 feed: "Café" and "naïve".
	data = bytes.Replace(data, []byte("Seed swap on Sunday"), []byte("Seed swap at the Caf\xe9 on Sunday"), 1)
	data = bytes.Replace(data, []byte("Bring your spare seed"), []byte("Bring your na\xefve spare seed"), 1)
	if utf8.Valid(data) {
		t.Fatal("the fixture should be invalid UTF-8")
	}
	p, err := ParseFeed(data, "https://allotment-diaries.example/feed/")
	if err != nil {
		t.Fatalf("one bad byte lost the whole feed: %v", err)
	}
	if len(p.Items) != 3 {
		t.Fatalf("%d items, want 3", len(p.Items))
	}
	a := p.Items[2]
	if a.Title != "Seed swap at the Café on Sunday" || !strings.Contains(a.Body, "naïve") {
		t.Errorf("title %q, body %q: want each bad byte read as Windows-1252", a.Title, a.Body)
	}
	for _, a := range p.Items {
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
			t.Errorf("%q is still invalid UTF-8", a.Title)
		}
	}
}

func TestParseWebPageIsErrWebPage(t *testing.T) {
	_, err := ParseFeed(feedFixture(t, "moved-blog.html"), "https://harbourside-runners.example/rss")
	if !errors.Is(err, ErrWebPage) || !errors.Is(err, ErrNotFeed) {
		t.Fatalf("error %v, want ErrWebPage (which is also ErrNotFeed)", err)
	}
	if err.Error() != "not an RSS, Atom or JSON feed: the server sent a web page" {
		t.Errorf("message %q", err)
	}
}

func TestParseGarbageIsErrNotFeed(t *testing.T) {
	tests := map[string]string{
		"empty":          "  \n ",
		"prose":          "Service temporarily unavailable. Please try again later.",
		"binary":         "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"other XML":      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/</loc></url></urlset>`,
		"other JSON":     `{"status": "error", "message": "rate limited"}`,
		"truncated feed": `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off</title><item><title>Half`,
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			p, err := ParseFeed([]byte(data), "https://x.example/feed")
			if !errors.Is(err, ErrNotFeed) {
				t.Fatalf("error %v, items %v; want ErrNotFeed", err, p)
			}
			if errors.Is(err, ErrWebPage) {
				t.Errorf("error %v: this is no web page", err)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\x1b") || len(msg) > 200 {
				t.Errorf("message %q is not one short line", msg)
			}
		})
	}
}

// controlsIn lists the characters of s a terminal would act on instead of
// showing: C0 controls but newline, DEL, C1 controls, and bidi controls.
func controlsIn(s string) []string {
	var found []string
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c {
			found = append(found, fmt.Sprintf("%U", r))
		}
	}
	return found
}

func checkNoControls(t *testing.T, p *Parsed) {
	t.Helper()
	if c := controlsIn(p.Title + p.SiteURL); c != nil {
		t.Errorf("feed title %q keeps %v", p.Title, c)
	}
	for _, a := range p.Items {
		for field, s := range map[string]string{"GUID": a.GUID, "URL": a.URL, "Title": a.Title, "Author": a.Author, "Source": a.Source, "Body": a.Body} {
			if c := controlsIn(s); c != nil {
				t.Errorf("%s %q keeps %v", field, s, c)
			}
			if strings.ContainsAny(s, "\t") && field != "Body" {
				t.Errorf("%s %q is not one line", field, s)
			}
		}
	}
}

func TestParseStripsTerminalControls(t *testing.T) {
	t.Run("JSON escapes", func(t *testing.T) {
		p := parseFixture(t, "controls.json")
		checkNoControls(t, p)
		if len(p.Items) != 2 {
			t.Fatalf("%d items, want 2", len(p.Items))
		}
		a := p.Items[0]
		// The whole sequence goes, payload and all, not just the ESC.
		if a.Title != "Clipboard hijack and gnp.exe" {
			t.Errorf("title %q", a.Title)
		}
		if want := "The screen clears, the title changes, red, and isolated text."; a.Body != want {
			t.Errorf("body %q, want %q", a.Body, want)
		}
		if a.Author != "Eve Hidden" || p.Title != "Prank Wire" || a.GUID != "prank-1" {
			t.Errorf("author %q, feed %q, GUID %q", a.Author, p.Title, a.GUID)
		}
		if b := p.Items[1].Body; !strings.Contains(b, "colour.") || strings.Contains(b, "[31m") {
			t.Errorf("text body %q", b)
		}
	})
	t.Run("XML character references", func(t *testing.T) {
		p := parseFixture(t, "controls-rss.xml")
		checkNoControls(t, p)
		if a := p.Items[0]; !strings.Contains(a.Title, "Invoice fdp.exe attached") || a.Author != "Mallory Smith" {
			t.Errorf("title %q, author %q", a.Title, a.Author)
		}
	})
	t.Run("raw bytes", func(t *testing.T) {
		data := []byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Raw\x1b[31m</title>" +
			"<item><title>Bell\x07 \x1b]0;title\x07 \xc2\x9b2J</title><link>https://raw.example/1\x1b[m</link>" +
			"<description><![CDATA[<p>Body \x1b[2J\x1b[H with \xe2\x80\xae bidi</p>]]></description></item></channel></rss>")
		p, err := ParseFeed(data, "https://raw.example/feed")
		if err != nil {
			t.Fatal(err)
		}
		checkNoControls(t, p)
	})
}
