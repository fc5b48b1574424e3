package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Outline is one subscription in an OPML file.
type Outline struct {
	Title    string
	XMLURL   string // the feed
	HTMLURL  string // the site
	Category string // the folder it was in; "" at the top level
}

// opmlOutline reads any reader's <outline>: attribute names are matched
// without regard to case (xmlUrl, xmlurl, xmlURL all occur), and
// namespaced extras such as Thunderbird's fz:* are ignored.
type opmlOutline struct {
	Attrs    []xml.Attr    `xml:",any,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

func (o *opmlOutline) attr(name string) string {
	for _, a := range o.Attrs {
		if a.Name.Space == "" && strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// label is what a reader shows for the outline: text, or title when text
// is missing (newsboat writes only title).
func (o *opmlOutline) label() string {
	if t := o.attr("text"); t != "" {
		return t
	}
	return o.attr("title")
}

// feedURL is the outline's feed address: xmlUrl, or url on the outlines
// of old exporters that mark a feed only by type="rss".
func (o *opmlOutline) feedURL() string {
	if u := o.attr("xmlUrl"); u != "" {
		return u
	}
	if strings.EqualFold(o.attr("type"), "rss") {
		return o.attr("url")
	}
	return ""
}

// ReadOPML reads the subscriptions in an OPML file from any reader
// (newsboat, Feedly, Inoreader, Thunderbird, ...). Folders are flattened:
// a feed's Category is the text of the folder that holds it. A feed listed
// twice, as Feedly does for a feed in two folders, is returned once, in
// its first folder.
func ReadOPML(r io.Reader) ([]Outline, error) {
	var doc struct {
		XMLName xml.Name
		Body    struct {
			Outlines []opmlOutline `xml:"outline"`
		} `xml:"body"`
	}
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLSize+1))
	if err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	if len(data) > maxOPMLSize {
		return nil, fmt.Errorf("not an OPML file: larger than %d MB", maxOPMLSize>>20)
	}
	// Exporters leave bare ampersands and HTML entities in titles; those
	// are mended, while broken structure (a file cut short) stays an error.
	d := xml.NewDecoder(bytes.NewReader(escapeBareAmpersands(data)))
	d.CharsetReader = charset.NewReaderLabel
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("not an OPML file: no XML elements in it")
		}
		return nil, fmt.Errorf("not valid OPML: %w", err)
	}
	if !strings.EqualFold(doc.XMLName.Local, "opml") {
		return nil, fmt.Errorf("not an OPML file: it starts with <%s>, not <opml>", doc.XMLName.Local)
	}
	var feeds []Outline
	seen := map[string]bool{}
	var walk func(outlines []opmlOutline, category string)
	walk = func(outlines []opmlOutline, category string) {
		for i := range outlines {
			o := &outlines[i]
			u := o.feedURL()
			if u == "" {
				walk(o.Outlines, o.label())
				continue
			}
			if seen[u] {
				continue
			}
			seen[u] = true
			title := o.label()
			if title == u {
				// Written that way because OPML requires text; no real title.
				title = ""
			}
			feeds = append(feeds, Outline{Title: title, XMLURL: u, HTMLURL: o.attr("htmlUrl"), Category: category})
		}
	}
	walk(doc.Body.Outlines, "")
	return feeds, nil
}

// maxOPMLSize bounds an OPML file; thousands of subscriptions take a
// megabyte.
const maxOPMLSize = 16 << 20

// escapeBareAmpersands turns each & that starts no entity or character
// reference into &amp;.
func escapeBareAmpersands(data []byte) []byte {
	if !bytes.Contains(data, []byte("&")) {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data) + 64)
	for i := 0; i < len(data); i++ {
		out.WriteByte(data[i])
		if data[i] == '&' && !startsReference(data[i+1:]) {
			out.WriteString("amp;")
		}
	}
	return out.Bytes()
}

// startsReference reports whether b begins with the rest of a reference:
// "name;", "#123;" or "#x1F;".
func startsReference(b []byte) bool {
	b = b[:min(len(b), 40)]
	end := bytes.IndexByte(b, ';')
	if end < 1 {
		return false
	}
	ref := b[:end]
	if ref[0] == '#' {
		digits, isDigit := ref[1:], func(c byte) bool { return c >= '0' && c <= '9' }
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits = digits[1:]
			isDigit = func(c byte) bool {
				return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
			}
		}
		if len(digits) == 0 {
			return false
		}
		for _, c := range digits {
			if !isDigit(c) {
				return false
			}
		}
		return true
	}
	for i, c := range ref {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

type opmlOut struct {
	XMLName     xml.Name     `xml:"opml"`
	Version     string       `xml:"version,attr"`
	Title       string       `xml:"head>title"`
	DateCreated string       `xml:"head>dateCreated"`
	Outlines    []outlineOut `xml:"body>outline"`
}

type outlineOut struct {
	Text     string       `xml:"text,attr"`
	Title    string       `xml:"title,attr,omitempty"`
	Type     string       `xml:"type,attr,omitempty"`
	XMLURL   string       `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string       `xml:"htmlUrl,attr,omitempty"`
	Outlines []outlineOut `xml:"outline"`
}

// WriteOPML writes feeds as an OPML 2.0 file, each category a folder
// placed where its first feed was, feeds without one at the top level.
func WriteOPML(w io.Writer, title string, feeds []Outline) error {
	doc := opmlOut{
		Version:     "2.0",
		Title:       title,
		DateCreated: time.Now().UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT"),
	}
	folders := map[string]int{} // category -> index in doc.Outlines
	for _, f := range feeds {
		o := outlineOut{Text: f.Title, Title: f.Title, Type: "rss", XMLURL: f.XMLURL, HTMLURL: f.HTMLURL}
		if o.Text == "" {
			// OPML 2.0 requires text; the address is better than nothing
			// for readers that show it, and ReadOPML knows it is no title.
			o.Text = f.XMLURL
		}
		if f.Category == "" {
			doc.Outlines = append(doc.Outlines, o)
			continue
		}
		i, ok := folders[f.Category]
		if !ok {
			i = len(doc.Outlines)
			folders[f.Category] = i
			doc.Outlines = append(doc.Outlines, outlineOut{Text: f.Category, Title: f.Category})
		}
		doc.Outlines[i].Outlines = append(doc.Outlines[i].Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	e := xml.NewEncoder(w)
	e.Indent("", "  ")
	if err := e.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
