package feed

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"byline/extract"
)

// FuzzReadFile is byline add on a file of any bytes under any name: it
// reads (or refuses with an error naming the file), never panics, and what
// it keeps is valid UTF-8 with no terminal control sequence. The people,
// places and quotes are found as add does.
//
//	go test ./feed -run '^$' -fuzz FuzzReadFile -fuzztime 60s -fuzzminimizetime 5s
func FuzzReadFile(f *testing.F) {
	for _, name := range []string{"cnn-style-copy.txt", "front-matter.md", "article.html"} {
		if data, err := os.ReadFile(filepath.Join("testdata", "files", name)); err == nil {
			f.Add(data, name)
		}
	}
	f.Add([]byte("Ferry fares rise\n\n\"It is too much,\" said Fiona MacRae in Oban.\n"), "story.txt")
	f.Add([]byte("---\ntitle: \"x\x1b]52;c;AAAA\x07\"\ndate: 2026-13-45\n---\n# \xff\xfe\n"), "weird name\u202e.md")
	f.Add([]byte("<html><head><title>\x9b2J</title></head><body><p>caf\xe9</p></body></html>"), "page.HTM")
	f.Add([]byte{0, 1, 2, 3}, "binary.txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		// A FIFO or a parser gone quadratic hangs rather than fails: make
		// a hang a crash the fuzzer records.
		slow := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("add took over 30s on %q", name)) })
		defer slow.Stop()
		name = fileName(name)
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Skip(err) // a name this file system refuses
		}
		a, err := ReadFile(path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error %q does not name %s", err, path)
			}
			return
		}
		for field, s := range map[string]string{"title": a.Title, "body": a.Body, "author": a.Author, "source": a.Source} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", field, s)
			}
			if strings.ContainsAny(s, "\x1b\x07\u009b\u009d\u202e") {
				t.Fatalf("%s keeps a control sequence: %q", field, s)
			}
		}
		extract.Entities(a.Title, a.Body)
	})
}

// fileName makes a fuzzed name one a file system takes, keeping the
// extension that picks the parser when there is one.
func fileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == 0 || r == '\\' {
			return '_'
		}
		return r
	}, name)
	if len(name) > 200 {
		name = name[len(name)-200:]
	}
	if name == "" || name == "." || name == ".." {
		name = "x.txt"
	}
	return name
}

// FuzzReadOPML is byline feeds import on any file: ReadOPML returns
// outlines or an error, never panics; every address CheckFeedURL accepts
// is http or https with a host; and what WriteOPML writes, ReadOPML reads
// back to the same feeds.
//
//	go test ./feed -run '^$' -fuzz FuzzReadOPML -fuzztime 60s -fuzzminimizetime 5s
func FuzzReadOPML(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="News"><outline type="rss" text="Gazette &amp; Co" xmlUrl="https://example.org/rss" htmlUrl="https://example.org/"/></outline>
<outline text="bad" xmlUrl="file:///etc/passwd"/><outline xmlUrl="feed://example.com/atom"/><outline xmlUrl="/etc/passwd"/>
</body></opml>`))
	f.Add([]byte(`<opml><body><outline title="R&D news" xmlurl="http://a.example/x?a=1&b=2"/></body></opml>`))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="caf` + "\xe9" + `" xmlUrl="javascript:alert(1)"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		outlines, err := ReadOPML(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, o := range outlines {
			u, err := CheckFeedURL(o.XMLURL)
			if err != nil {
				continue
			}
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("CheckFeedURL(%q) accepted %q", o.XMLURL, u)
			}
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, "byline feeds", outlines); err != nil {
			t.Fatalf("WriteOPML: %v", err)
		}
		back, err := ReadOPML(&buf)
		if err != nil {
			t.Fatalf("ReadOPML cannot read what WriteOPML wrote: %v\n%s", err, buf.String())
		}
		if len(back) != len(outlines) {
			t.Fatalf("%d feeds written, %d read back\n%s", len(outlines), len(back), buf.String())
		}
		for i := range back {
			if back[i].XMLURL != outlines[i].XMLURL {
				t.Fatalf("feed %d: wrote %q, read back %q", i, outlines[i].XMLURL, back[i].XMLURL)
			}
		}
	})
}
