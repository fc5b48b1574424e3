package news

import (
	"unicode"
	"unicode/utf8"
)

// WordCount counts the words of a text the way a reader would, ignoring
// Markdown punctuation such as "#" and "*" that stands alone.
func WordCount(text string) int {
	// One pass without splitting, and for ASCII a table and no branches:
	// this runs over the whole body of every article a refresh saves.
	n := 0
	var counted uint8 // 1: the current word has been counted
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			class := asciiClass[c]
			word := class & asciiWord
			n += int(word &^ counted)
			counted = (counted | word) &^ (class >> 1)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			counted = 0
		case counted == 0 && isWordRune(r):
			n++
			counted = 1
		}
	}
	return n
}

const (
	asciiWord  = 1
	asciiSpace = 2
)

// asciiClass is isWordRune and unicode.IsSpace for ASCII.
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
