package feed

import (
	"bytes"
	"encoding/binary"
	"html"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/rss"
)

// fastRSS reads an RSS 2.0 feed of the common shape straight from its
// bytes, to the same gofeed.Feed fields byline reads of what gofeed's
// parser makes of it (titles, links, authors, dates, bodies, GUIDs), in a
// tenth of the CPU: gofeed tokenizes every item's text through
// encoding/xml, a byte at a time, then decodes the raw text again.
//
// It is a small scanner, not an XML library, because what it must
// guarantee is narrow: every document it accepts, encoding/xml (as gofeed
// configures it) reads the same way, and every value comes out as gofeed
// would make it. So it accepts a strict subset of XML — UTF-8 without
// controls, no DOCTYPE, no xml:base, no default namespace on the feed's
// own elements, quoted attributes, matched tags — and any document
// outside it, or any value it is not sure of, sends the whole document to
// gofeed (ok false). Values gofeed derives by rules too long to mirror
// (dates in rarer formats, "name (address)" authors) are asked of gofeed
// itself on a one-item document.
func fastRSS(data []byte) (*gofeed.Feed, bool) {
	if !plainUTF8(data) {
		return nil, false
	}
	s := &rssScan{b: data, dates: map[string]*time.Time{}, names: map[string]string{}}
	f, ok := s.feed()
	if !ok {
		return nil, false
	}
	return f, true
}

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// plainUTF8: valid UTF-8 with no character encoding/xml refuses (C0
// controls other than tab and newlines, U+FFFE, U+FFFF) and none gofeed
// filters out before parsing.
func plainUTF8(b []byte) bool {
	// Eight bytes at a time: a word with no byte below 0x20 (the most by
	// far, newlines being rare in feeds' escaped HTML) needs no look at
	// each byte.
	const highs, space = 0x8080808080808080, 0x20 * 0x0101010101010101
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if (w-space)&^w&highs == 0 {
			continue
		}
		for _, c := range b[i : i+8] {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
		}
	}
	for _, c := range b[i:] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return utf8.Valid(b) && !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF"))
}

// rssScan is one document being read; i is the position of the next byte.
type rssScan struct {
	b  []byte
	i  int
	ns []nsBind // the namespace bindings in scope, innermost last

	dates map[string]*time.Time // pubDate text: what gofeed's ParseDate made of it (nil: nothing)
	names map[string]string     // author text: the name gofeed finds in it
	fail  bool                  // a value gofeed itself could not be asked about
	asked int                   // namespaces asked of gofeed (see maxAsked)
}

// maxAsked bounds the namespaces one feed has gofeed asked about: past it,
// gofeed may as well read the whole feed.
const maxAsked = 200

type nsBind struct{ prefix, uri string }

// tag is one start tag as scanned.
type tag struct {
	prefix, local string
	attrs         []byte // the raw attributes
	empty         bool   // <x/>
}

func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':'
}

func isNameByteASCII(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// name reads an ASCII XML name at i.
func (s *rssScan) name() (string, bool) {
	j := s.i
	if j >= len(s.b) || !isNameStart(s.b[j]) {
		return "", false
	}
	for j < len(s.b) && isNameByteASCII(s.b[j]) {
		j++
	}
	if j < len(s.b) && s.b[j] >= utf8.RuneSelf {
		return "", false // encoding/xml would take it into the name
	}
	n := string(s.b[s.i:j])
	s.i = j
	return n, true
}

func (s *rssScan) skipSpace() {
	for s.i < len(s.b) && isSpaceByte(s.b[s.i]) {
		s.i++
	}
}

// splitName parts "a:b"; a name with more colons, or one at an end, is
// outside the subset.
func splitName(n string) (prefix, local string, ok bool) {
	p, l, found := strings.Cut(n, ":")
	if !found {
		return "", n, true
	}
	if p == "" || l == "" || strings.Contains(l, ":") {
		return "", "", false
	}
	return p, l, true
}

// startTag reads a start tag, s.i at its "<".
func (s *rssScan) startTag() (tag, bool) {
	s.i++
	n, ok := s.name()
	if !ok {
		return tag{}, false
	}
	var t tag
	if t.prefix, t.local, ok = splitName(n); !ok {
		return tag{}, false
	}
	from := s.i
	for {
		sp := s.i
		s.skipSpace()
		if s.i >= len(s.b) {
			return tag{}, false
		}
		switch s.b[s.i] {
		case '>':
			t.attrs = s.b[from:s.i]
			s.i++
			return t, true
		case '/':
			if s.i+1 >= len(s.b) || s.b[s.i+1] != '>' {
				return tag{}, false
			}
			t.attrs, t.empty = s.b[from:s.i], true
			s.i += 2
			return t, true
		}
		if s.i == sp {
			return tag{}, false // attributes are parted by space here
		}
		an, ok := s.name()
		if !ok {
			return tag{}, false
		}
		if _, _, ok := splitName(an); !ok {
			return tag{}, false
		}
		s.skipSpace()
		if s.i >= len(s.b) || s.b[s.i] != '=' {
			return tag{}, false
		}
		s.i++
		s.skipSpace()
		if s.i >= len(s.b) || s.b[s.i] != '"' && s.b[s.i] != '\'' {
			return tag{}, false
		}
		q := s.b[s.i]
		end := bytes.IndexByte(s.b[s.i+1:], q)
		if end < 0 {
			return tag{}, false
		}
		val := s.b[s.i+1 : s.i+1+end]
		if bytes.IndexByte(val, '<') >= 0 || !charRefsOK(val) {
			return tag{}, false
		}
		s.i += end + 2
	}
}

// attrs lists a start tag's attributes as name, raw value pairs.
func attrList(raw []byte) [][2]string {
	var out [][2]string
	for {
		raw = bytes.TrimLeft(raw, " \t\r\n")
		eq := bytes.IndexByte(raw, '=')
		if eq < 0 {
			return out
		}
		name := string(bytes.TrimRight(raw[:eq], " \t\r\n"))
		raw = bytes.TrimLeft(raw[eq+1:], " \t\r\n")
		q := raw[0]
		end := bytes.IndexByte(raw[1:], q)
		out = append(out, [2]string{name, string(raw[1 : 1+end])})
		raw = raw[end+2:]
	}
}

// charRefsOK: no numeric character reference in text or an attribute
// value names a character encoding/xml refuses (it fails the document
// then, strict or not).
func charRefsOK(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return true
		}
		b = b[i+1:]
		if len(b) == 0 || b[0] != '#' {
			continue
		}
		j, base := 1, uint64(10)
		if j < len(b) && b[j] == 'x' {
			j, base = 2, 16
		}
		var n uint64
		digits, overflow := 0, false
		for ; j < len(b); j++ {
			d, ok := digitVal(b[j], base)
			if !ok {
				break
			}
			digits++
			if n > (1<<60)/base {
				overflow = true
			}
			n = n*base + d
		}
		if j >= len(b) || b[j] != ';' || digits == 0 || overflow || n > utf8.MaxRune {
			continue // left as text
		}
		r := rune(n)
		if r >= 0xD800 && r <= 0xDFFF {
			continue // becomes U+FFFD
		}
		if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000) {
			return false
		}
	}
}

func digitVal(c byte, base uint64) (uint64, bool) {
	switch {
	case '0' <= c && c <= '9':
		return uint64(c - '0'), true
	case base == 16 && 'a' <= c && c <= 'f':
		return uint64(c-'a') + 10, true
	case base == 16 && 'A' <= c && c <= 'F':
		return uint64(c-'A') + 10, true
	}
	return 0, false
}

// textOK checks character data between markup.
func textOK(b []byte) bool {
	return !bytes.Contains(b, []byte("]]>")) && charRefsOK(b)
}

// markup reads a comment, a CDATA section or a processing instruction at
// s.i ("<!" or "<?"); a DOCTYPE or any other directive is outside the
// subset, and so is a second XML declaration.
func (s *rssScan) markup() bool {
	rest := s.b[s.i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		// encoding/xml ends a comment at its first "--", which must be
		// followed by ">".
		k := bytes.Index(rest[4:], []byte("--"))
		if k < 0 || 4+k+2 >= len(rest) || rest[4+k+2] != '>' {
			return false
		}
		s.i += 4 + k + 3
		return true
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		k := bytes.Index(rest[9:], []byte("]]>"))
		if k < 0 {
			return false
		}
		s.i += 9 + k + 3
		return true
	case bytes.HasPrefix(rest, []byte("<?")):
		s.i += 2
		target, ok := s.name()
		if !ok || strings.EqualFold(target, "xml") {
			return false
		}
		k := bytes.Index(s.b[s.i:], []byte("?>"))
		if k < 0 {
			return false
		}
		s.i += k + 2
		return true
	}
	return false
}

// content walks an element's content up to and past its end tag, s.i
// just after its start tag, checking everything on the way; it reports
// the raw content and whether it holds elements.
func (s *rssScan) content(t tag) (inner []byte, elems bool, ok bool) {
	if t.empty {
		return nil, false, true
	}
	from := s.i
	var open []string // elements open inside, innermost last
	for {
		k := bytes.IndexByte(s.b[s.i:], '<')
		if k < 0 || !textOK(s.b[s.i:s.i+k]) {
			return nil, false, false
		}
		s.i += k
		if s.i+1 >= len(s.b) {
			return nil, false, false
		}
		switch s.b[s.i+1] {
		case '!', '?':
			if !s.markup() {
				return nil, false, false
			}
		case '/':
			end := s.i
			s.i += 2
			n, ok := s.name()
			if !ok {
				return nil, false, false
			}
			s.skipSpace()
			if s.i >= len(s.b) || s.b[s.i] != '>' {
				return nil, false, false
			}
			s.i++
			if len(open) == 0 {
				if n != t.qname() {
					return nil, false, false
				}
				return s.b[from:end], elems, true
			}
			if n != open[len(open)-1] {
				return nil, false, false // encoding/xml, not strict, would mend it
			}
			open = open[:len(open)-1]
		default:
			c, ok := s.startTag()
			if !ok {
				return nil, false, false
			}
			elems = true
			if !c.empty {
				open = append(open, c.qname())
			}
		}
	}
}

func (t tag) qname() string {
	if t.prefix == "" {
		return t.local
	}
	return t.prefix + ":" + t.local
}

// skip walks past an element's content, checking it.
func (s *rssScan) skip(t tag) bool {
	_, _, ok := s.content(t)
	return ok
}

// children calls fn for each child element of the element whose start
// tag s.i is just past, up to and past its end tag. fn must read or skip
// the child's content.
func (s *rssScan) children(parent tag, fn func(t tag) bool) bool {
	if parent.empty {
		return true
	}
	for {
		k := bytes.IndexByte(s.b[s.i:], '<')
		if k < 0 || !textOK(s.b[s.i:s.i+k]) {
			return false
		}
		s.i += k
		if s.i+1 >= len(s.b) {
			return false
		}
		switch s.b[s.i+1] {
		case '!', '?':
			if !s.markup() {
				return false
			}
		case '/':
			s.i += 2
			n, ok := s.name()
			if !ok || n != parent.qname() {
				return false
			}
			s.skipSpace()
			if s.i >= len(s.b) || s.b[s.i] != '>' {
				return false
			}
			s.i++
			return true
		default:
			t, ok := s.startTag()
			if !ok {
				return false
			}
			mark := len(s.ns)
			if !s.bind(t) || !fn(t) {
				return false
			}
			s.ns = s.ns[:mark]
			if s.fail {
				return false
			}
		}
	}
}

// bind takes the namespace declarations of a tag whose name and children
// are read. A default namespace would move the feed's own elements out of
// RSS's, and an xml:base would change its links: gofeed's rules for those
// are left to gofeed. (Only these tags matter: gofeed reads an xml:base
// or a namespace deeper down only as part of an element's raw text.)
func (s *rssScan) bind(t tag) bool {
	if !bytes.Contains(t.attrs, []byte("xmlns")) && !bytes.Contains(t.attrs, []byte("base")) {
		return true
	}
	for _, a := range attrList(t.attrs) {
		prefix, local, _ := splitName(a[0])
		switch {
		case prefix != "" && local == "base":
			return false
		case prefix == "" && local == "xmlns":
			return false
		case prefix == "xmlns":
			v := a[1]
			if strings.ContainsAny(v, "&\"'<") || strings.TrimSpace(v) != v || v == xmlNS {
				return false
			}
			s.ns = append(s.ns, nsBind{local, v})
		}
	}
	return true
}

// nsOf is a tag's namespace as encoding/xml gives it: the URI bound to
// its prefix, or the prefix itself when none is bound.
func (s *rssScan) nsOf(t tag) (string, bool) {
	if t.prefix == "" {
		return "", true
	}
	if t.prefix == "xml" || t.prefix == "xmlns" {
		return "", false
	}
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == t.prefix {
			return s.ns[i].uri, true
		}
	}
	return t.prefix, true
}

// rssNative are the namespaces gofeed's RSS parser reads as RSS itself.
var rssNative = map[string]bool{
	"": true, "rss": true, "rdf": true,
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#": true,
	"http://purl.org/rss/1.0/":                    true,
	"http://channel.netscape.com/rdf/simple/0.9/": true,
	"http://my.netscape.com/rdf/simple/0.9/":      true,
}

// extKey is the name gofeed files an extension element of namespace uri
// under: the namespace's usual prefix when gofeed knows it, else the
// prefix the feed last bound to it, else the namespace itself.
func (s *rssScan) extKey(uri string) (string, bool) {
	if _, known := canonicalPrefixes.Load(uri); !known {
		if s.asked++; s.asked > maxAsked {
			return "", false
		}
	}
	canon, ok := canonicalPrefix(uri)
	if !ok {
		return "", false
	}
	if canon != "" {
		return canon, true
	}
	for i := len(s.ns) - 1; i >= 0; i-- {
		b := s.ns[i]
		if b.uri != uri || b.prefix == "" {
			continue
		}
		// Only if no later binding of the same prefix shadows it.
		shadowed := false
		for _, c := range s.ns[i+1:] {
			if c.prefix == b.prefix {
				shadowed = true
			}
		}
		if !shadowed {
			return b.prefix, true
		}
	}
	return uri, true
}

// canonicalPrefixes caches what gofeed calls each namespace it was asked
// about ("" for a namespace it has no name of its own for), up to
// maxPrefixes of them: a feed can name any number.
var (
	canonicalPrefixes sync.Map
	prefixesKept      atomic.Int32
)

const maxPrefixes = 1000

// canonicalPrefix asks gofeed, once per namespace, which prefix it files
// the namespace's elements under whatever prefix a feed gives it: its
// table of them is its own.
func canonicalPrefix(uri string) (string, bool) {
	if uri == "" {
		return "", true
	}
	if v, ok := canonicalPrefixes.Load(uri); ok {
		return v.(string), true
	}
	if strings.ContainsAny(uri, "&\"'<") {
		return "", false
	}
	const probe = "bylineprobe"
	f, err := (&rss.Parser{}).Parse(strings.NewReader(`<rss version="2.0" xmlns:` + probe + `="` + uri +
		`"><channel><item><` + probe + `:x>1</` + probe + `:x></item></channel></rss>`))
	if err != nil || len(f.Items) != 1 || len(f.Items[0].Extensions) != 1 {
		return "", false
	}
	canon := ""
	for k := range f.Items[0].Extensions {
		if k != probe {
			canon = k
		}
	}
	if prefixesKept.Add(1) <= maxPrefixes {
		canonicalPrefixes.Store(uri, canon)
	}
	return canon, true
}

// parseText is what gofeed makes of an element's raw content (its
// shared.ParseText): trimmed; CDATA sections verbatim; everything else
// with HTML entities decoded, once.
func parseText(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	if !strings.Contains(s, "<![CDATA[") {
		return decodeEntities(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		start := strings.Index(s, "<![CDATA[")
		if start < 0 {
			b.WriteString(decodeEntities(s))
			return b.String()
		}
		b.WriteString(decodeEntities(s[:start]))
		end := strings.Index(s[start+9:], "]]>")
		if end < 0 {
			b.WriteString(decodeEntities(s[start:]))
			return b.String()
		}
		b.WriteString(s[start+9 : start+9+end])
		s = s[start+9+end+3:]
	}
}

// entityWindow is how far past "&" gofeed looks for the ";" that ends an
// entity.
const entityWindow = 64

// decodeEntities decodes entities the way gofeed does (html.UnescapeString
// on each "&…;" within reach, taken only where the ";" belongs to the
// entity), with the five XML entities that fill escaped HTML decoded
// directly.
func decodeEntities(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		b.WriteString(s[:i])
		s = s[i:]
		w := s[:min(len(s), entityWindow)]
		end := strings.IndexByte(w, ';')
		switch {
		case end < 0 && len(w) == len(s):
			b.WriteString(s)
			return b.String()
		case end >= 0 && xmlEntity(s[1:end]) != 0:
			b.WriteByte(xmlEntity(s[1:end]))
			s = s[end+1:]
		case end < 0 || strings.ContainsAny(s[1:end], " \t\r\n"):
			b.WriteByte('&')
			s = s[1:]
		default:
			span := s[:end+1]
			dec := html.UnescapeString(span)
			if dec == html.UnescapeString(span[:end])+";" {
				b.WriteByte('&')
				s = s[1:]
				break
			}
			b.WriteString(dec)
			s = s[end+1:]
		}
		if i = strings.IndexByte(s, '&'); i < 0 {
			b.WriteString(s)
			return b.String()
		}
	}
}

func xmlEntity(name string) byte {
	switch name {
	case "lt":
		return '<'
	case "gt":
		return '>'
	case "amp":
		return '&'
	case "quot":
		return '"'
	case "apos":
		return '\''
	}
	return 0
}

// xmlText is an extension element's text as gofeed reads it (through
// encoding/xml, then trimmed), for content of text, CDATA, comments and
// processing instructions only. An entity encoding/xml would leave as it
// is, or a carriage return it would rewrite, is not read here.
func xmlText(raw []byte) (string, bool) {
	var b []byte
	for len(raw) > 0 {
		k := bytes.IndexByte(raw, '<')
		if k < 0 {
			k = len(raw)
		}
		text := raw[:k]
		if bytes.IndexByte(text, '\r') >= 0 {
			return "", false
		}
		for {
			a := bytes.IndexByte(text, '&')
			if a < 0 {
				b = append(b, text...)
				break
			}
			b = append(b, text[:a]...)
			text = text[a+1:]
			semi := bytes.IndexByte(text, ';')
			if semi < 0 {
				return "", false
			}
			ref := string(text[:semi])
			text = text[semi+1:]
			if c := xmlEntity(ref); c != 0 {
				b = append(b, c)
				continue
			}
			r, ok := charRef(ref)
			if !ok {
				return "", false
			}
			b = utf8.AppendRune(b, r)
		}
		raw = raw[k:]
		switch {
		case len(raw) == 0:
		case bytes.HasPrefix(raw, []byte("<![CDATA[")):
			end := bytes.Index(raw, []byte("]]>"))
			cdata := raw[9:end]
			if bytes.IndexByte(cdata, '\r') >= 0 {
				return "", false
			}
			b = append(b, cdata...)
			raw = raw[end+3:]
		case bytes.HasPrefix(raw, []byte("<!--")):
			raw = raw[bytes.Index(raw[4:], []byte("--"))+4+3:]
		case bytes.HasPrefix(raw, []byte("<?")):
			raw = raw[bytes.Index(raw, []byte("?>"))+2:]
		default:
			return "", false
		}
	}
	return strings.TrimSpace(string(b)), true
}

// charRef is the character of "#65" or "#x41", as encoding/xml reads one.
func charRef(ref string) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	digits, base := ref[1:], uint64(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" || len(digits) > 8 {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(digits); i++ {
		d, ok := digitVal(digits[i], base)
		if !ok {
			return 0, false
		}
		n = n*base + d
	}
	if n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true // a surrogate becomes U+FFFD, as in encoding/xml
}

// rssItem is what byline reads of one <item>, as gofeed's RSS parser and
// translator would fill it.
type rssItem struct {
	title, link, desc, content, author, guid string
	links                                    []string
	pub                                      *time.Time // the last <pubDate> gofeed could read

	dcTitle, dcCreator, dcAuthor, dcDesc, dcDate string
	hasCreator, hasDCAuthor, hasDCDesc           bool
	dc                                           map[string]bool // dc elements seen: gofeed keeps the first
	itunesAuthor, itunesSummary                  string
	itunes                                       map[string]bool
}

// feed reads the document: prolog, <rss>, its one <channel>.
func (s *rssScan) feed() (*gofeed.Feed, bool) {
	if bytes.HasPrefix(s.b, []byte("\uFEFF")) {
		s.i = 3 // text before the root, to encoding/xml
	}
	s.skipSpace()
	if !s.xmlDecl() {
		return nil, false
	}
	for {
		s.skipSpace()
		if s.i+1 >= len(s.b) || s.b[s.i] != '<' {
			return nil, false
		}
		if c := s.b[s.i+1]; c != '!' && c != '?' {
			break
		}
		if !s.markup() {
			return nil, false
		}
	}
	root, ok := s.startTag()
	if !ok || root.prefix != "" || !strings.EqualFold(root.local, "rss") || root.empty || !s.bind(root) {
		return nil, false
	}
	var f *gofeed.Feed
	ok = s.children(root, func(t tag) bool {
		space, ok := s.nsOf(t)
		if !ok {
			return false
		}
		if !rssNative[strings.TrimSpace(space)] {
			return s.skip(t)
		}
		switch strings.ToLower(t.local) {
		case "channel":
			if f != nil || t.empty {
				return false // gofeed keeps the last channel's items only
			}
			f = s.channel(t)
			return f != nil
		case "item":
			return false // items outside the channel
		}
		return s.skip(t)
	})
	if !ok || f == nil || s.fail {
		return nil, false
	}
	return f, true
}

// xmlDecl reads an XML declaration, if any, of version 1.0 and UTF-8:
// encoding/xml would decode any other through a charset reader.
func (s *rssScan) xmlDecl() bool {
	rest := s.b[s.i:]
	if !bytes.HasPrefix(rest, []byte("<?xml")) || len(rest) < 6 || isNameByteASCII(rest[5]) {
		return true
	}
	end := bytes.Index(rest, []byte("?>"))
	if end < 0 {
		return false
	}
	probe := &rssScan{b: append(append([]byte("<x"), rest[5:end]...), '>')}
	if t, ok := probe.startTag(); !ok || t.empty || probe.i != len(probe.b) {
		return false
	}
	for _, a := range attrList(rest[5:end]) {
		switch {
		case a[0] == "version" && a[1] == "1.0":
		case a[0] == "encoding" && strings.EqualFold(a[1], "utf-8"):
		case a[0] == "standalone" && (a[1] == "yes" || a[1] == "no"):
		default:
			return false
		}
	}
	s.i += end + 2
	return true
}

func (s *rssScan) channel(ch tag) *gofeed.Feed {
	f := &gofeed.Feed{FeedType: "rss", Items: []*gofeed.Item{}}
	var dcTitle, itunesAuthor string
	var haveDCTitle, haveItunesAuthor, atomLink bool
	ok := s.children(ch, func(t tag) bool {
		space, ok := s.nsOf(t)
		if !ok {
			return false
		}
		if !rssNative[strings.TrimSpace(space)] {
			key, ok := s.extKey(space)
			if !ok {
				return false
			}
			switch {
			case key == "itunes" && t.local == "author" && !haveItunesAuthor:
				haveItunesAuthor = true
				itunesAuthor, ok = s.extText(t)
				return ok
			case key == "dc" && t.local == "title" && !haveDCTitle:
				haveDCTitle = true
				dcTitle, ok = s.extText(t)
				return ok
			case (key == "atom" || key == "atom10" || key == "atom03") && t.local == "link":
				atomLink = true
			}
			return s.skip(t)
		}
		switch strings.ToLower(t.local) {
		case "title":
			raw, _, ok := s.content(t)
			f.Title = parseText(raw)
			return ok
		case "link":
			f.Link, ok = s.link(t)
			return ok
		case "item":
			it, ok := s.item(t)
			if ok {
				f.Items = append(f.Items, it)
			}
			return ok
		}
		return s.skip(t)
	})
	if !ok {
		return nil
	}
	if f.Title == "" {
		f.Title = dcTitle
	}
	if f.Link == "" && atomLink {
		return nil // gofeed would take the site from the atom:link
	}
	if itunesAuthor != "" {
		f.ITunesExt = &ext.ITunesFeedExtension{Author: itunesAuthor}
	}
	return f
}

// extText reads an extension element's text, which must be only text.
func (s *rssScan) extText(t tag) (string, bool) {
	raw, elems, ok := s.content(t)
	if !ok || elems {
		return "", false
	}
	return xmlText(raw)
}

// link reads an RSS <link>. One empty but for an href attribute gofeed
// reads from the attribute, resolved; that is left to gofeed.
func (s *rssScan) link(t tag) (string, bool) {
	raw, _, ok := s.content(t)
	if !ok {
		return "", false
	}
	l := parseText(raw)
	if l == "" && bytes.Contains(t.attrs, []byte("href")) {
		return "", false
	}
	return l, true
}

func (s *rssScan) item(t tag) (*gofeed.Item, bool) {
	var r rssItem
	ok := s.children(t, func(t tag) bool {
		space, ok := s.nsOf(t)
		if !ok {
			return false
		}
		native := rssNative[strings.TrimSpace(space)]
		lname := strings.ToLower(t.local)
		key := ""
		if !native || lname == "encoded" {
			if key, ok = s.extKey(space); !ok {
				return false
			}
		}
		if lname == "encoded" && key == "content" {
			raw, _, ok := s.content(t)
			r.content = parseText(raw)
			return ok
		}
		if !native {
			return s.itemExt(&r, key, t)
		}
		var raw []byte
		switch lname {
		case "title", "description", "author", "pubdate", "guid":
			if raw, _, ok = s.content(t); !ok {
				return false
			}
		case "link":
			l, ok := s.link(t)
			r.link = l
			r.links = append(r.links, l)
			return ok
		default:
			return s.skip(t)
		}
		v := parseText(raw)
		switch lname {
		case "title":
			r.title = v
		case "description":
			r.desc = v
		case "author":
			r.author = v
		case "guid":
			r.guid = v
		case "pubdate":
			if d := s.pubDate(v); d != nil {
				r.pub = d
			}
		}
		return true
	})
	if !ok {
		return nil, false
	}
	return s.translate(&r), !s.fail
}

// itemExt reads the extension elements of an item gofeed's translator
// reads, and skips the rest.
func (s *rssScan) itemExt(r *rssItem, key string, t tag) bool {
	switch key {
	case "dc":
		switch t.local {
		case "title", "creator", "author", "description", "date":
			if r.dc[t.local] {
				return s.skip(t)
			}
			if r.dc == nil {
				r.dc = map[string]bool{}
			}
			r.dc[t.local] = true
			v, ok := s.extText(t)
			switch t.local {
			case "title":
				r.dcTitle = v
			case "creator":
				r.dcCreator, r.hasCreator = v, true
			case "author":
				r.dcAuthor, r.hasDCAuthor = v, true
			case "description":
				r.dcDesc, r.hasDCDesc = v, true
			case "date":
				r.dcDate = v
			}
			return ok
		}
	case "itunes":
		switch t.local {
		case "author", "summary":
			if r.itunes[t.local] {
				return s.skip(t)
			}
			if r.itunes == nil {
				r.itunes = map[string]bool{}
			}
			r.itunes[t.local] = true
			v, ok := s.extText(t)
			if t.local == "author" {
				r.itunesAuthor = v
			} else {
				r.itunesSummary = v
			}
			return ok
		}
	case "atom", "atom10", "atom03":
		switch t.local {
		case "content", "summary", "published", "updated", "author":
			return false // gofeed falls back on these: leave it to gofeed
		}
	}
	return s.skip(t)
}

// translate does what gofeed's RSS translator does with the fields
// byline reads.
func (s *rssScan) translate(r *rssItem) *gofeed.Item {
	it := &gofeed.Item{Title: r.title, Link: r.link, Links: r.links, Content: r.content, GUID: r.guid, PublishedParsed: r.pub}
	if it.Title == "" {
		it.Title = r.dcTitle
	}
	switch {
	case r.desc != "":
		it.Description = r.desc
	case r.hasDCDesc:
		it.Description = r.dcDesc
	default:
		it.Description = r.itunesSummary
	}
	switch {
	case r.author != "":
		it.Author = &gofeed.Person{Name: s.personName(r.author)}
	case r.hasDCAuthor:
		it.Author = &gofeed.Person{Name: s.personName(r.dcAuthor)}
	case r.hasCreator:
		it.Author = &gofeed.Person{Name: s.personName(r.dcCreator)}
	case r.itunesAuthor != "":
		it.Author = &gofeed.Person{Name: s.personName(r.itunesAuthor)}
	}
	if it.PublishedParsed == nil && r.dcDate != "" {
		it.PublishedParsed = s.dcDate(r.dcDate)
	}
	return it
}

// pubDate is gofeed's reading of a <pubDate>, in UTC, or nil.
func (s *rssScan) pubDate(v string) *time.Time {
	if d, ok := s.dates[v]; ok {
		return d
	}
	var d *time.Time
	if t, ok := commonDate(strings.TrimSpace(v)); ok {
		t = t.UTC()
		d = &t
	} else {
		it, ok := s.ask("<pubDate>" + cdata(v) + "</pubDate>")
		if !ok {
			s.fail = true
			return nil
		}
		d = it.PublishedParsed
	}
	s.dates[v] = d
	return d
}

// dcDate is gofeed's reading of a dc:date, which it leaves in the zone
// the date gives, or nil.
func (s *rssScan) dcDate(v string) *time.Time {
	if t, ok := commonDate(v); ok {
		return &t
	}
	it, ok := s.ask("<dc:date>" + cdata(v) + "</dc:date>")
	if !ok {
		s.fail = true
		return nil
	}
	return it.PublishedParsed
}

// personName is the name gofeed finds in an author's text: all of it
// unless it has an address ("a@b.example (Name)").
func (s *rssScan) personName(v string) string {
	if !strings.ContainsAny(v, "@()") {
		return v
	}
	if n, ok := s.names[v]; ok {
		return n
	}
	it, ok := s.ask("<author>" + cdata(v) + "</author>")
	if !ok || it.Author == nil {
		s.fail = true
		return ""
	}
	s.names[v] = it.Author.Name
	return it.Author.Name
}

// ask is gofeedItem. Unbounded: a look-up costs about what gofeed's own
// reading of the same value does (its date parser's search through its
// formats), so a feed of rarer dates gains nothing by going to gofeed.
func (s *rssScan) ask(item string) (*gofeed.Item, bool) {
	return gofeedItem(item)
}

// cdata is text as a CDATA section, which gofeed takes as it is.
func cdata(v string) string {
	return "<![CDATA[" + strings.ReplaceAll(v, "]]>", "]]]]><![CDATA[>") + "]]>"
}

// gofeedItem is gofeed's reading of a one-item feed: for the values its
// rules decide (ParseDate's hundred formats, ParseNameAddress), which
// the fast path asks of gofeed rather than copying.
func gofeedItem(item string) (*gofeed.Item, bool) {
	rf, err := (&rss.Parser{}).Parse(strings.NewReader(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item>` +
		item + `</item></channel></rss>`))
	if err != nil {
		return nil, false
	}
	f, err := (&gofeed.DefaultRSSTranslator{DisableContentImageScan: true}).Translate(rf)
	if err != nil || len(f.Items) != 1 {
		return nil, false
	}
	return f.Items[0], true
}

// commonDate reads the date formats nearly every feed uses — RFC 1123
// with a numeric zone or GMT (and a one-digit day), and RFC 3339 — as
// gofeed's ParseDate
// does: its formats are tried in order, and none before the one used
// here reads these shapes (the differential tests check it).
func commonDate(v string) (time.Time, bool) {
	var layout string
	switch {
	case shape(v, "Aaa, 00 Aaa 0000 00:00:00 +0000"):
		layout = time.RFC1123Z
	case shape(v, "Aaa, 00 Aaa 0000 00:00:00 GMT"):
		layout = time.RFC1123
	case shape(v, "Aaa, 0 Aaa 0000 00:00:00 +0000"):
		layout = "Mon, 2 Jan 2006 15:04:05 -0700"
	case shape(v, "Aaa, 0 Aaa 0000 00:00:00 GMT"):
		layout = "Mon, 2 Jan 2006 15:04:05 MST"
	case shape(v, "0000-00-00T00:00:00Z"), shape(v, "0000-00-00T00:00:00+00:00"):
		layout = time.RFC3339
	default:
		return time.Time{}, false
	}
	t, err := time.Parse(layout, v)
	if err != nil {
		return time.Time{}, false
	}
	if name, off := t.Zone(); name == "GMT" && off != 0 {
		// gofeed gives GMT its own zero offset whatever the host's zone.
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, 0))
	}
	return t, true
}

// shape: v is pattern with "A" any ASCII letter, "0" any digit, "+" a
// sign; the other bytes as they are.
func shape(v, pattern string) bool {
	if len(v) != len(pattern) {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch pattern[i] {
		case 'A', 'a':
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return false
			}
		case '0':
			if c < '0' || c > '9' {
				return false
			}
		case '+':
			if c != '+' && c != '-' {
				return false
			}
		default:
			if c != pattern[i] {
				return false
			}
		}
	}
	return true
}
