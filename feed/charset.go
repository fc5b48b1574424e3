package feed

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode"
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
// charset> or http-equiv anywhere in the head; for undeclared bytes, what
// detectUndeclared recognises (Chinese, Japanese, Korean, Cyrillic,
// Greek); else Windows-1252. A page that declares UTF-8 but is not
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
		if e, name = detectUndeclared(data); e == nil {
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

// detectUndeclared guesses the charset of text that declares none and is
// not UTF-8, by ICU's statistical detector (gogs/chardet), where the guess
// has earned it:
//   - a Chinese, Japanese or Korean charset recognised with confidence,
//     which read as Windows-1252 would be nothing but mojibake;
//   - Cyrillic (Windows-1251, KOI8-R/U, ISO-8859-5) or Greek (ISO-8859-7,
//     Windows-1253) when the detector ranks it above every Latin charset
//     and the text read that way is words of one script. Western text
//     read as Cyrillic or Greek puts letters of that script inside Latin
//     words ("cafй"), which real Cyrillic and Greek text almost never
//     does: that is the veto that keeps Windows-1252 for Latin-1 pages
//     the detector misjudged.
//
// Anything else (nil) is Windows-1252, what the HTML standard's fallback
// would read for a western locale, and still what most undeclared pages
// mean.
func detectUndeclared(data []byte) (encoding.Encoding, string) {
	sample := data[:min(len(data), 64<<10)]
	if mostlyUTF8(sample) {
		return nil, ""
	}
	results, err := chardet.NewHtmlDetector().DetectAll(sample)
	if err != nil || len(results) == 0 {
		return nil, ""
	}
	if name := cjkCharset(results[0].Charset); name != "" && results[0].Confidence >= 50 {
		return charset.Lookup(name)
	}
	for _, r := range results {
		name := strings.ToLower(r.Charset)
		switch name {
		case "windows-1251", "koi8-r", "iso-8859-5", "iso-8859-7", "windows-1253":
		case "iso-8859-1", "windows-1252", "iso-8859-2", "iso-8859-9", "utf-8":
			return nil, "" // a Latin charset ranks first
		default:
			continue // Hebrew, Arabic, EBCDIC…: not byline's to guess
		}
		if r.Confidence < 10 {
			return nil, ""
		}
		if name == "koi8-r" && koi8U(sample) {
			name = "koi8-u"
		}
		if e, name := charset.Lookup(name); e != nil && oneScriptWords(e, sample) {
			return e, name
		}
		// Vetoed: the next guess may be the right reading (KOI8-R text
		// looks like Greek to the detector, but not read as Greek).
	}
	return nil, ""
}

// cjkCharset is the label of a Chinese, Japanese or Korean charset the
// detector names, or "".
func cjkCharset(detected string) string {
	switch name := strings.ToLower(detected); name {
	case "gb-18030":
		return "gb18030"
	case "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp":
		return name
	}
	return ""
}

// mostlyUTF8 reports whether text that is not valid UTF-8 is UTF-8 with
// stray bytes pasted in: more valid multi-byte sequences than bad bytes.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			// A sequence cut off at the end of a sample is not a stray.
			if len(data)-i < utf8.UTFMax && utf8.RuneStart(data[i]) && !utf8.FullRune(data[i:]) {
				bad--
			}
			i++
			continue
		}
		good++
		i += n
	}
	return good > bad
}

// koi8U reports whether KOI8 text has bytes that are Ukrainian letters in
// KOI8-U and box-drawing characters in KOI8-R, which no text uses inside
// a word.
func koi8U(data []byte) bool {
	for i, c := range data {
		switch c {
		case 0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD:
			if i > 0 && data[i-1] >= 0xC0 || i+1 < len(data) && data[i+1] >= 0xC0 {
				return true
			}
		}
	}
	return false
}

// oneScriptWords reports whether data read with e is words as people
// write them: no byte the charset leaves undefined or reads as a control
// character, and of the words with letters beyond ASCII in them, at most
// one in eight either mixes them with ASCII letters or has a capital
// after a small letter. Cyrillic and Greek words have no ASCII letters; a
// western word read as Cyrillic or Greek keeps its ASCII ones around the
// misread accented letter. A Cyrillic charset misread as another swaps
// the cases ("сТАРЫЙ"), and Cyrillic read as Greek hits its holes.
func oneScriptWords(e encoding.Encoding, data []byte) bool {
	text, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return false
	}
	for _, r := range string(text) {
		if r == utf8.RuneError || r >= 0x80 && r < 0xA0 {
			return false
		}
	}
	words, odd := 0, 0
	for _, w := range strings.FieldsFunc(string(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		ascii, other, caseFlip := false, false, false
		prevLower := false
		for _, r := range w {
			if r < utf8.RuneSelf {
				ascii = true
			} else {
				other = true
			}
			if prevLower && unicode.IsUpper(r) {
				caseFlip = true
			}
			prevLower = unicode.IsLower(r)
		}
		if other {
			words++
			if ascii || caseFlip {
				odd++
			}
		}
	}
	return words > 0 && odd*8 <= words
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
