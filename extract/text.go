package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraph is one blank-line separated block of the body with its
// Markdown removed. Number counts body paragraphs from 1 as the reader sees
// them, so dropped noise lines never shift the numbers quotes report.
type paragraph struct {
	Text   string
	Number int
}

// paragraphs splits a Markdown body at blank lines, strips the markup that
// would otherwise look like words or quote marks, and drops page chrome
// copied along with the story. Number 0 is the title.
func paragraphs(title, body string) []paragraph {
	out := []paragraph{}
	if t := cleanLine(title); t != "" && !isNoise(t) {
		out = append(out, paragraph{Text: t, Number: 0})
	}
	body = strings.ReplaceAll(body, "\r\n", "\n")
	n := 0
	var lines []string
	flush := func() {
		if len(lines) == 0 {
			return
		}
		n++
		var kept []string
		for _, l := range lines {
			if l = cleanLine(l); l != "" && !isNoise(l) {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			out = append(out, paragraph{Text: strings.Join(kept, " "), Number: n})
		}
		lines = lines[:0]
	}
	for _, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		lines = append(lines, l)
	}
	flush()
	if len(out) >= 2 && out[0].Number == 0 && repeatsBody(out[0].Text, out[1].Text) {
		// A file with no headline is titled by its first sentence: the
		// same words read twice would count each name in them twice.
		out = out[1:]
	}
	return out
}

// repeatsBody: the title is the opening of the first paragraph, whole
// words of it (a title cut short ends in "…").
func repeatsBody(title, first string) bool {
	t := strings.TrimRight(strings.TrimSuffix(title, "…"), " .,;:!?—–-")
	if t == "" || !strings.HasPrefix(first, t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(first[len(t):])
	return len(first) == len(t) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// cleanLine removes the Markdown of one line: block markers (headings,
// blockquotes, list bullets), images, link targets, emphasis and code
// marks. Quote marks inside a blockquote are kept: they are quotes.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = latin1Fallback(s)
	}
	s = stripBlockMarkers(strings.TrimSpace(s))
	if !hasInlineMarkup(s) {
		return collapseSpace(s)
	}
	return collapseSpace(stripInlineMarkup(s))
}

// hasInlineMarkup: s has a byte that can open inline markup. It is
// strings.ContainsAny(s, "[]*_`<") with a table load per byte, which
// costs half as much over the whole text of an article.
func hasInlineMarkup(s string) bool {
	for i := 0; i < len(s); i++ {
		if inlineMarkupByte[s[i]] {
			return true
		}
	}
	return false
}

var inlineMarkupByte = func() (t [256]bool) {
	for _, c := range []byte("[]*_`<") {
		t[c] = true
	}
	return t
}()

// stripBlockMarkers drops what opens a Markdown block: heading and
// blockquote marks (nested ones too), a list bullet, a list number.
func stripBlockMarkers(s string) string {
	for {
		t := strings.TrimLeft(s, "#> \t")
		if t == s {
			break
		}
		s = t
	}
	if len(s) > 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		s = s[2:]
	}
	if i := strings.IndexByte(s, '.'); i > 0 && i <= 3 && i+1 < len(s) && s[i+1] == ' ' && allDigits(s[:i]) {
		s = s[i+2:]
	}
	return s
}

// stripInlineMarkup drops images, link targets, emphasis, code marks and
// HTML tags, keeping the text of links. The bytes are copied one at a
// time; only the few that can open markup are looked at further.
func stripInlineMarkup(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if markupByte[c] {
			if next, keep := markupAt(s, i); next > 0 {
				b.WriteString(keep)
				i = next
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// markupByte marks the bytes markupAt decides on.
var markupByte = func() (t [256]bool) {
	for _, c := range []byte("![*`_<") {
		t[c] = true
	}
	return t
}()

// markupAt: when Markdown or HTML that is not prose starts at s[i], it
// returns the index after it and the part of it that is prose (a link's
// text, else ""); next is 0 when s[i] is prose.
func markupAt(s string, i int) (next int, keep string) {
	switch s[i] {
	case '!':
		// An image: its alt text is a caption, not prose.
		if i+1 < len(s) && s[i+1] == '[' {
			return linkEnd(s, i+1), ""
		}
	case '[':
		return linkText(s, i)
	case '*', '`':
		return i + 1, ""
	case '_':
		// Emphasis underscores sit at word edges; snake_case stays.
		if !(i > 0 && isWordByte(s[i-1]) && i+1 < len(s) && isWordByte(s[i+1])) {
			return i + 1, ""
		}
	case '<':
		return tagEnd(s, i), ""
	}
	return 0, ""
}

// linkText returns the end of the link "[text](target)" at s[i] and its
// text, or 0 when s[i:] is not a link.
func linkText(s string, i int) (int, string) {
	close := strings.IndexByte(s[i:], ']')
	if close <= 0 {
		return 0, ""
	}
	end := linkEnd(s, i)
	if end == 0 {
		return 0, ""
	}
	return end, s[i+1 : i+close]
}

// tagEnd returns the index after an HTML tag or an autolink at s[i]
// ("<br>", "</p>", "<https://…>"), or 0 when the '<' is prose ("a < b").
func tagEnd(s string, i int) int {
	end := strings.IndexByte(s[i:], '>')
	if end > 0 && (strings.HasPrefix(s[i+1:], "http") || strings.HasPrefix(s[i+1:], "/") || isASCIIAlpha(s, i+1)) {
		return i + end + 1
	}
	return 0
}

// linkEnd returns the index after "[text](target)" starting at s[i]=='[',
// or 0 when s[i:] is not a link.
func linkEnd(s string, i int) int {
	close := strings.IndexByte(s[i:], ']')
	if close < 0 || i+close+1 >= len(s) || s[i+close+1] != '(' {
		return 0
	}
	end := strings.IndexByte(s[i+close+1:], ')')
	if end < 0 {
		return 0
	}
	return i + close + 1 + end + 1
}

func isASCIIAlpha(s string, i int) bool {
	return i < len(s) && (s[i]|0x20) >= 'a' && (s[i]|0x20) <= 'z'
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '\'' || (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func collapseSpace(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !spaceCheck[c] {
			continue // most bytes: one table load
		}
		if c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if ascii || spacedOnce(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// spaceCheck marks the bytes collapseSpace looks at: the ASCII spaces it
// collapses and the bytes of non-ASCII runes.
var spaceCheck = func() (t [256]bool) {
	for _, c := range []byte{'\t', '\r', '\v', '\f', ' '} {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// spacedOnce: s, which has no double ASCII space, is already what
// collapsing its Unicode spaces gives, so collapseSpace can skip the
// split and join (most lines with curly quotes or a pound sign). That is
// so when its only space is ' ', and not at either end.
func spacedOnce(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' {
			return false
		} else if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// noisePrefixes open lines that copied web pages carry around a story:
// picture credits, player widgets, share buttons. They name agencies and
// photographers, never the story's people.
var noisePrefixes = []string{
	"image caption", "image source", "image copyright", "picture:", "photo:", "pictured:",
	"getty images", "media caption", "listen live", "watch live", "share this", "share on",
	"related topics", "related links", "read more", "more on this story", "advertisement",
	"sign up", "subscribe", "copyright", "©", "follow us", "click here", "skip to",
	"play video", "video caption", "top stories", "most read", "published", "updated",
}

// isNoise reports a short line of page chrome.
func isNoise(line string) bool {
	// Only the ends of the line are compared, so only they are lowered:
	// strings.ToLower maps rune by rune, so the lower case of the first
	// (last) 24 runes is the start (end) of the lowered line, and it is
	// longer than any prefix or suffix looked for. Lowering whole
	// paragraphs was a visible share of the profile.
	var hb, tb [96]byte
	tail := lowerTail(line, 24, tb[:0])
	getty := hasSuffix(tail, "/getty images")
	if len(line) >= 200 && !getty {
		// Most lines: a prefix would say no at this length and no suffix
		// can say yes, so the head need not be lowered.
		return false
	}
	head := lowerHead(line, 24, hb[:0])
	for _, p := range noisePrefixes {
		if len(head) >= len(p) && string(head[:len(p)]) == p {
			return len(line) < 200
		}
	}
	return getty || hasSuffix(tail, "/reuters") && len(line) < 80
}

func hasSuffix(b []byte, suf string) bool {
	return len(b) >= len(suf) && string(b[len(b)-len(suf):]) == suf
}

// lowerHead appends the lower case of the first n runes of s to buf,
// each rune as strings.ToLower maps it.
func lowerHead(s string, n int, buf []byte) []byte {
	for _, r := range s {
		if n == 0 {
			break
		}
		buf = appendLowerRune(buf, r)
		n--
	}
	return buf
}

// lowerTail appends the lower case of the last n runes of s to buf.
func lowerTail(s string, n int, buf []byte) []byte {
	start := len(s)
	for ; n > 0 && start > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	for _, r := range s[start:] {
		buf = appendLowerRune(buf, r)
	}
	return buf
}

func appendLowerRune(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	return utf8.AppendRune(buf, unicode.ToLower(r))
}

// latin1Fallback reads the bytes that are not UTF-8 as Latin-1: old pages
// and archives mix the two ("\xa3" is "£").
func latin1Fallback(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if c := s[i]; c >= 0xa0 {
				b.WriteRune(rune(c))
			} else {
				b.WriteByte(' ')
			}
			i++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}
