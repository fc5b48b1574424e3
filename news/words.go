package news

import "unicode"

// WordCount counts the words of a text the way a reader would, ignoring
// Markdown punctuation such as "#" and "*" that stands alone.
func WordCount(text string) int {
	// One pass without splitting: this runs for every article a refresh
	// saves, and strings.Fields allocated a slice of all its words.
	n := 0
	counted := false // the current word has been counted
	for _, r := range text {
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
