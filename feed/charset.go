package feed

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// decodePage turns a web page into UTF-8. Its charset is, in order: a
// byte-order mark; UTF-8 when the bytes are valid UTF-8 with letters beyond
// ASCII in them (text really written in Latin-1, GBK or Shift_JIS is
// practically never valid UTF-8, while a page saved as UTF-8 under a stale
// declaration is common); the charset of the Content-Type header; a <meta
// charset> or http-equiv anywhere in the head; for undeclared bytes, a
// Chinese, Japanese or Korean charset when one is recognised with
// confidence; else Windows-1252. A page that declares UTF-8 but is not
// keeps its UTF-8 and has each stray byte read as Windows-1252, which is
// what such publishers mean.
func decodePage(data []byte, contentType string) ([]byte, error) {
	switch bom := bomCharset(data); bom {
	case "":
	case "utf-8":
		return repairUTF8(data[3:]), nil
	default:
		e, _ := charset.Lookup(bom)
		return decodeWith(e, bom, data[2:])
	}
	if utf8.Valid(data) {
		return data, nil
	}
	label := headerCharset(contentType)
	if label == "" {
		label = metaCharset(data)
	}
	e, name := charset.Lookup(label)
	switch {
	case e == nil:
		if e, name = detectCJK(data); e == nil {
			return repairUTF8(data), nil
		}
	case name == "utf-8" || strings.HasPrefix(name, "utf-16"):
		// A meta tag cannot really mean UTF-16 (it is read as ASCII), and
		// a page that says UTF-8 is UTF-8 with stray Latin-1 bytes.
		return repairUTF8(data), nil
	case e == charmap.Windows1252:
		return repairUTF8(data), nil
	}
	return decodeWith(e, name, data)
}

func decodeWith(e encoding.Encoding, name string, data []byte) ([]byte, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode the page from %s: %w", name, err)
	}
	return out, nil
}

func bomCharset(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return "utf-8"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return "utf-16be"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return "utf-16le"
	}
	return ""
}

// headerCharset is the charset parameter of a Content-Type, or "".
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	return ""
}

// metaCharset finds the charset a page's head declares, in <meta charset>
// or <meta http-equiv="Content-Type" content="…; charset=…">, however far
// into the head it stands (the HTML standard's prescan stops at 1,024
// bytes, and real pages put scripts and styles before it).
func metaCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body, atom.Div, atom.P, atom.Article, atom.Main:
				return ""
			case atom.Meta:
			default:
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs = strings.TrimSpace(cs); cs != "" {
				return cs
			}
			if pragma {
				if cs := headerCharset(content); cs != "" {
					return cs
				}
				// "text/html; charset=gbk" parses; "charset=gbk" alone does not.
				if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					return strings.Trim(strings.Fields(after + " ")[0], `"';`)
				}
			}
		}
	}
}

// detectCJK recognises a page in an undeclared Chinese, Japanese or Korean
// charset, which read as Windows-1252 would be nothing but mojibake.
// Single-byte guesses are left alone: for those Windows-1252 is right far
// more often than a statistical detector.
func detectCJK(data []byte) (encoding.Encoding, string) {
	r, err := chardet.NewHtmlDetector().DetectBest(data[:min(len(data), 64<<10)])
	if err != nil || r.Confidence < 50 {
		return nil, ""
	}
	switch strings.ToLower(r.Charset) {
	case "gb-18030", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp":
		name := strings.ToLower(r.Charset)
		if name == "gb-18030" {
			name = "gb18030"
		}
		return charset.Lookup(name)
	}
	return nil, ""
}

// repairUTF8 keeps the valid UTF-8 in data and reads every byte that is
// not part of a valid sequence as Windows-1252: a Latin-1 page, or a UTF-8
// one with the odd Latin-1 byte pasted in, comes out as its author wrote
// it instead of with replacement characters.
func repairUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	dec := charmap.Windows1252
	out := make([]byte, 0, len(data)+len(data)/8)
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			out = utf8.AppendRune(out, dec.DecodeByte(data[i]))
			i++
			continue
		}
		out = append(out, data[i:i+n]...)
		i += n
	}
	return out
}
