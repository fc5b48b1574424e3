package feed

import (
	"bytes"

	"golang.org/x/net/html"
)

// htmlTokens is what simpleMarkdown reads of an item's HTML, with the
// meaning x/net/html's Tokenizer gives each method.
type htmlTokens interface {
	Next() html.TokenType
	Text() []byte
	TagName() (name []byte, hasAttr bool)
	TagAttr() (key, val []byte, moreAttr bool)
}

// fastTokens tokenizes the plain HTML of feed items — text and tags with
// quoted attributes — as x/net/html's Tokenizer does, several times
// faster: it looks for "<" and "&" a stretch at a time where the Tokenizer
// reads a byte at a time through a reader. On anything else (comments,
// doctypes, script and the other raw-text elements, unquoted attributes,
// stray "</") it stops with bail set, and the caller
// tokenizes the whole item with x/net/html instead. A tag whose
// attributes need decoding is handed to x/net/html alone.
type fastTokens struct {
	b    []byte
	i    int
	bail bool

	tt    html.TokenType
	text  []byte
	name  []byte
	attrs [][2][]byte
	next  int // the next attribute TagAttr returns

	buf   []byte // Text's unescaped text
	lower []byte // a tag name in lower case
}

func (z *fastTokens) reset(src []byte) {
	*z = fastTokens{b: src, attrs: z.attrs[:0], buf: z.buf[:0], lower: z.lower[:0]}
}

func isASCIILetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// rawTextTags are the elements whose content the Tokenizer reads as raw
// text.
var rawTextTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

func (z *fastTokens) stop() html.TokenType {
	z.bail = true
	z.tt = html.ErrorToken
	return z.tt
}

func (z *fastTokens) Next() html.TokenType {
	z.text, z.name, z.attrs, z.next = nil, nil, z.attrs[:0], 0
	if z.bail || z.i >= len(z.b) {
		z.tt = html.ErrorToken
		return z.tt
	}
	// Text runs to the first "<" that opens markup: before a letter, "/",
	// "!" or "?".
	j := z.i
	for {
		k := bytes.IndexByte(z.b[j:], '<')
		if k < 0 || j+k+1 >= len(z.b) {
			j = len(z.b)
			break
		}
		j += k
		if c := z.b[j+1]; isASCIILetter(c) || c == '/' || c == '!' || c == '?' {
			break
		}
		j++
	}
	if j > z.i {
		z.text = z.b[z.i:j]
		z.i = j
		z.tt = html.TextToken
		return z.tt
	}
	switch c := z.b[j+1]; {
	case isASCIILetter(c):
		return z.tag(j, j+1, false)
	case c == '/' && j+2 < len(z.b) && isASCIILetter(z.b[j+2]):
		return z.tag(j, j+2, true)
	}
	return z.stop()
}

// tag reads the tag at lt, its name at p.
func (z *fastTokens) tag(lt, p int, end bool) html.TokenType {
	b := z.b
	q := p
	for q < len(b) && (isASCIILetter(b[q]) || '0' <= b[q] && b[q] <= '9') {
		q++
	}
	if q >= len(b) || !isHTMLSpace(b[q]) && b[q] != '/' && b[q] != '>' {
		return z.stop()
	}
	z.name = b[p:q]
	if bytes.ContainsAny(z.name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		z.lower = append(z.lower[:0], z.name...)
		for i, c := range z.lower {
			if 'A' <= c && c <= 'Z' {
				z.lower[i] = c + 'a' - 'A'
			}
		}
		z.name = z.lower
	}
	if !end && rawTextTags[string(z.name)] {
		return z.stop()
	}
	exact := false // an attribute value to be decoded
	for {
		sp := q
		for q < len(b) && isHTMLSpace(b[q]) {
			q++
		}
		if q >= len(b) {
			return z.stop()
		}
		switch {
		case b[q] == '>':
			z.i = q + 1
			z.tt = html.StartTagToken
			if end {
				z.tt = html.EndTagToken
			}
		case b[q] == '/' && q+1 < len(b) && b[q+1] == '>' && !end:
			z.i = q + 2
			z.tt = html.SelfClosingTagToken
		case end || q == sp || !isNameStart(b[q]):
			return z.stop()
		default:
			k := q
			for q < len(b) && isNameByteASCII(b[q]) {
				q++
			}
			key := b[k:q]
			for q < len(b) && isHTMLSpace(b[q]) {
				q++
			}
			if q >= len(b) || b[q] != '=' {
				return z.stop()
			}
			q++
			for q < len(b) && isHTMLSpace(b[q]) {
				q++
			}
			if q >= len(b) || b[q] != '"' && b[q] != '\'' {
				return z.stop()
			}
			v := bytes.IndexByte(b[q+1:], b[q])
			if v < 0 {
				return z.stop()
			}
			val := b[q+1 : q+1+v]
			q += v + 2
			if bytes.ContainsAny(val, "&\r\x00") {
				exact = true
			}
			z.addAttr(key, val)
			continue
		}
		break
	}
	if exact {
		return z.exactAttrs(lt)
	}
	return z.tt
}

// addAttr keeps an attribute, its key in lower case, unless one of the
// same key came before: the Tokenizer keeps the first.
func (z *fastTokens) addAttr(key, val []byte) {
	if bytes.ContainsAny(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		key = bytes.ToLower(key)
	}
	for _, a := range z.attrs {
		if bytes.Equal(a[0], key) {
			return
		}
	}
	z.attrs = append(z.attrs, [2][]byte{key, val})
}

// exactAttrs has x/net/html read the tag at lt alone, for its decoded
// attribute values: a tag's tokens do not depend on what comes before it
// outside raw text.
func (z *fastTokens) exactAttrs(lt int) html.TokenType {
	t := html.NewTokenizer(bytes.NewReader(z.b[lt:z.i]))
	if t.Next() != z.tt {
		return z.stop()
	}
	z.attrs = z.attrs[:0]
	for more := true; more; {
		var k, v []byte
		k, v, more = t.TagAttr()
		if k == nil {
			break
		}
		z.attrs = append(z.attrs, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
	}
	return z.tt
}

// Text is the text token with its character references decoded as the
// Tokenizer decodes them: the commonest here, the rest by html itself.
func (z *fastTokens) Text() []byte {
	s := z.text
	z.text = nil
	if bytes.IndexByte(s, '\r') >= 0 {
		// "\r\n" and a lone "\r" are "\n", as in the Tokenizer (no
		// reference holds a "\r", so before decoding is as good as after).
		s = bytes.ReplaceAll(s, []byte("\r\n"), []byte("\n"))
		s = bytes.ReplaceAll(s, []byte("\r"), []byte("\n"))
	}
	a := bytes.IndexByte(s, '&')
	if a < 0 {
		return s
	}
	z.buf = z.buf[:0]
	for a >= 0 {
		z.buf = append(z.buf, s[:a]...)
		s = s[a:]
		ref, c := commonRef(s)
		if ref == 0 {
			// html.UnescapeString decodes each "&" from what follows it
			// alone: the rest can go to it whole.
			return append(z.buf, html.UnescapeString(string(s))...)
		}
		z.buf = append(z.buf, c)
		s = s[ref:]
		a = bytes.IndexByte(s, '&')
	}
	return append(z.buf, s...)
}

// commonRef reads the character references escaped HTML is full of,
// which html decodes to one ASCII byte; 0 for any other.
func commonRef(s []byte) (n int, c byte) {
	switch {
	case bytes.HasPrefix(s, []byte("&amp;")):
		return 5, '&'
	case bytes.HasPrefix(s, []byte("&lt;")):
		return 4, '<'
	case bytes.HasPrefix(s, []byte("&gt;")):
		return 4, '>'
	case bytes.HasPrefix(s, []byte("&quot;")):
		return 6, '"'
	case bytes.HasPrefix(s, []byte("&#39;")):
		return 5, '\''
	case bytes.HasPrefix(s, []byte("&#x27;")):
		return 6, '\''
	}
	return 0, 0
}

func (z *fastTokens) TagName() (name []byte, hasAttr bool) {
	return z.name, z.next < len(z.attrs)
}

func (z *fastTokens) TagAttr() (key, val []byte, moreAttr bool) {
	if z.next >= len(z.attrs) {
		return nil, nil, false
	}
	a := z.attrs[z.next]
	z.next++
	return a[0], a[1], z.next < len(z.attrs)
}
