package news

import "strings"

// WordCount counts the words of a text the way a reader would, ignoring
// Markdown punctuation such as "#" and "*" that stands alone.
func WordCount(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, isWordRune) >= 0 {
			n++
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
