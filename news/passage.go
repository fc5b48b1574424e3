package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindPassage finds text in body as a reader would, ignoring case and
// treating any run of white space as one space, and returns its byte
// offsets in body.
func FindPassage(body, text string) (start, end int, ok bool) {
	want := strings.Fields(strings.ToLower(text))
	if len(want) == 0 {
		return 0, 0, false
	}
	// Word by word from each place the first word could start.
	for i := 0; i < len(body); {
		if s, e, ok := matchWords(body, i, want); ok {
			return s, e, true
		}
		_, size := utf8.DecodeRuneInString(body[i:])
		i += size
	}
	return 0, 0, false
}

func matchWords(body string, i int, words []string) (start, end int, ok bool) {
	start = i
	for wi, w := range words {
		if wi > 0 {
			// At least one space between words.
			j := i
			for j < len(body) {
				r, size := utf8.DecodeRuneInString(body[j:])
				if !unicode.IsSpace(r) {
					break
				}
				j += size
			}
			if j == i {
				return 0, 0, false
			}
			i = j
		}
		for _, wr := range w {
			if i >= len(body) {
				return 0, 0, false
			}
			r, size := utf8.DecodeRuneInString(body[i:])
			if unicode.ToLower(r) != wr {
				return 0, 0, false
			}
			i += size
		}
	}
	return start, i, true
}
