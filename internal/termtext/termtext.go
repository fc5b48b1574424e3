// Package termtext makes text from the outside world safe to show in a
// terminal. Feed items, web pages and files can carry escape sequences that
// move the cursor, retitle the window, write the clipboard (OSC 52) or hide
// text with bidi overrides; Clean removes every one of them, once, where the
// text enters byline, and again where it is shown.
package termtext

import (
	"strings"
	"unicode/utf8"
)

// Clean returns s without terminal control sequences: ESC sequences (CSI,
// OSC, DCS, APC, PM, SOS and two-byte escapes, with their payloads), C0
// controls other than newline and tab, DEL, C1 controls, and the Unicode
// bidi embedding, override and isolate marks. "\r\n" and a lone "\r" become
// "\n". Invalid UTF-8 becomes U+FFFD. Clean allocates only when it changes s.
func Clean(s string) string {
	if safe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			// C1 introducers of CSI, OSC, DCS, SOS, PM, APC: drop the sequence.
			i += size + payloadLen(s[i+size:], r == 0x9b)
			continue
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r):
			// dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Line is Clean for text shown on one line, such as a title in a list:
// newlines and tabs become spaces.
func Line(s string) string {
	s = Clean(s)
	if strings.ContainsAny(s, "\n\t") {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// safe reports whether s needs no change: the common case, checked without
// allocating. It runs over every byte of every article a refresh brings
// in, twice, so it looks at eight bytes at a time while they are all
// printable ASCII.
func safe(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			del := x ^ 0x7f*ones
			// No byte with its high bit set, none below 0x20, none DEL.
			if (x|(x-0x20*ones)&^x|(del-ones)&^del)&highs == 0 {
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			return false
		}
		i += size
	}
	return true
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// escapeLen is the length of the escape sequence at the start of s, which
// begins with ESC. An unfinished sequence runs to the end of s.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + payloadLen(s[2:], true)
	case ']', 'P', 'X', '^', '_':
		return 2 + payloadLen(s[2:], false)
	}
	// ESC followed by intermediate bytes (0x20–0x2f) and one final byte.
	i := 1
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// payloadLen measures the body of a control sequence. A CSI ends at its
// final byte (0x40–0x7e); string sequences (OSC, DCS, APC, PM, SOS) end at
// BEL, ESC \ or the C1 ST. Either also ends at any other C0 or ESC, which
// aborts a sequence in real terminals.
func payloadLen(s string, csi bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if csi {
			if c >= 0x40 && c <= 0x7e {
				return i + 1
			}
			if c < 0x20 || c > 0x7e {
				return i
			}
			continue
		}
		switch {
		case c == 0x07:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // U+009C, the C1 string terminator
			return i + 2
		}
	}
	return len(s)
}
