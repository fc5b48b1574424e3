package news

import (
	"unicode"
	"unicode/utf8"
)

// WordCount counts the words of a text the way a reader would, ignoring
// Markdown punctuation such as "#" and "*" that stands alone.
func WordCount(text string) int {
	// One pass without splitting, and a table for ASCII: this runs over
	// the whole body of every article a refresh saves.
	n := 0
	counted := false // the current word has been counted
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			switch asciiClass[c] {
			case asciiSpace:
				counted = false
			case asciiWord:
				if !counted {
					n++
					counted = true
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			counted = false
		case !counted && isWordRune(r):
			n++
			counted = true
		}
	}
	return n
}

const (
	asciiSpace = 1 + iota
	asciiWord
)

// asciiClass is unicode.IsSpace and isWordRune for ASCII.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsSpace(c):
			t[c] = asciiSpace
		case isWordRune(c):
			t[c] = asciiWord
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f
}

// ReadingMinutes is how long the article takes to read at 230 words a
// minute, at least one.
func ReadingMinutes(words int) int {
	m := (words + 229) / 230
	if m < 1 {
		return 1
	}
	return m
}
