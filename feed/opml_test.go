package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func readOPMLFixture(t *testing.T, name string) []Outline {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "net", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feeds, err := ReadOPML(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return feeds
}

func TestReadOPMLFromOtherReaders(t *testing.T) {
	tests := map[string][]Outline{
		// newsboat -e: flat, title only, empty htmlUrl, its tags lost.
		"newsboat.opml": {
			{Title: "The Harbour Gazette", XMLURL: "https://harbour.example/feed/"},
			{XMLURL: "https://council.example/blog/feeds/atom.xml"},
			{Title: `Tides & "Notes"`, XMLURL: "https://tidewater.example/feed.json?a=1&b=2"},
		},
		// Feedly: one level of folders; a feed in two folders comes once.
		"feedly.opml": {
			{Title: "The Harbour Gazette", XMLURL: "https://harbour.example/feed/", HTMLURL: "https://harbour.example/", Category: "Local"},
			{Title: "Council Watch", XMLURL: "https://council.example/blog/feeds/atom.xml", HTMLURL: "https://council.example/blog/", Category: "Local"},
			{Title: "Tidewater Notes", XMLURL: "https://tidewater.example/feed.json", HTMLURL: "https://tidewater.example/", Category: "Weather"},
		},
		// Thunderbird: the account is a folder, fz: attributes, nesting.
		"thunderbird.opml": {
			{Title: "The Weekly", XMLURL: "https://weekly.example/rss", HTMLURL: "https://weekly.example/", Category: "Blogs & News Feeds"},
			{Title: "Council Watch", XMLURL: "https://council.example/blog/feeds/atom.xml", HTMLURL: "https://council.example/blog/", Category: "Coast"},
		},
		// Inoreader: folders and top-level feeds mixed.
		"inoreader.opml": {
			{Title: "Tidewater Notes", XMLURL: "https://tidewater.example/feed.json", HTMLURL: "https://tidewater.example/", Category: "Coast"},
			{Title: "The Weekly", XMLURL: "https://weekly.example/rss", HTMLURL: "https://weekly.example/"},
		},
		// Older tools: Latin-1, lower-case and upper-case attribute names,
		// url instead of xmlUrl, bare ampersands, an HTML entity, and
		// outlines that are not feeds.
		"old-reader.opml": {
			{Title: "Café news", XMLURL: "https://cafe.example/rss.xml", HTMLURL: "https://cafe.example/"},
			{Title: "Tom & Jerry\u00a0Weekly", XMLURL: "https://toons.example/index.rdf"},
			{Title: "Shouty", XMLURL: "https://shout.example/FEED?x=1&y=2"},
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			if got := readOPMLFixture(t, name); !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	feeds := []Outline{
		{Title: "The Harbour Gazette", XMLURL: "https://harbour.example/feed/?a=1&b=2", HTMLURL: "https://harbour.example/", Category: "Local"},
		{Title: "", XMLURL: "https://untitled.example/rss"},
		{Title: `Quotes "&" <angles> 'and' tabs	and
newlines`, XMLURL: "https://odd.example/feed", Category: `R&D <lab>`},
		{Title: "Council Watch", XMLURL: "https://council.example/atom.xml", Category: "Local"},
		{Title: "Ünïcödé 新聞", XMLURL: "https://unicode.example/rss"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "byline subscriptions", feeds); err != nil {
		t.Fatal(err)
	}
	got, err := ReadOPML(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	// Folders gather their feeds where the first one stood.
	want := []Outline{feeds[0], feeds[3], feeds[1], feeds[2], feeds[4]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v\nfrom\n%s", got, want, buf.Bytes())
	}

	out := buf.String()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, "<title>byline subscriptions</title>", `type="rss"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	start := strings.Index(out, "<dateCreated>") + len("<dateCreated>")
	end := strings.Index(out, "</dateCreated>")
	if start < len("<dateCreated>") || end < start {
		t.Fatalf("no dateCreated:\n%s", out)
	}
	if _, err := time.Parse(time.RFC1123, out[start:end]); err != nil {
		t.Errorf("dateCreated %q is not RFC 822: %v", out[start:end], err)
	}
}

func TestOPMLUntitledFeedHasItsAddressAsText(t *testing.T) {
	// OPML 2.0 requires text; ReadOPML knows such a text is no title.
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "x", []Outline{{XMLURL: "https://untitled.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	if want := `<outline text="https://untitled.example/rss" type="rss" xmlUrl="https://untitled.example/rss"></outline>`; !strings.Contains(buf.String(), want) {
		t.Errorf("output lacks %s:\n%s", want, buf.String())
	}
}

func TestReadOPMLRefusesWhatIsNotOPML(t *testing.T) {
	broken, err := os.ReadFile(filepath.Join("testdata", "net", "broken.opml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		string(broken): "not valid OPML: XML syntax error on line 7: element <outline> closed by </body>",
		`<?xml version="1.0"?><rss version="2.0"/>`: "not an OPML file: it starts with <rss>, not <opml>",
		"":                                   "not an OPML file: no XML elements in it",
		"just some words":                    "not an OPML file: no XML elements in it",
		`<opml version="2.0"><body><outline`: "not valid OPML: XML syntax error on line 1: unexpected EOF",
	}
	for in, want := range tests {
		_, err := ReadOPML(strings.NewReader(in))
		if err == nil || err.Error() != want {
			t.Errorf("%.30q: error %v, want %q", in, err, want)
		}
	}
}
