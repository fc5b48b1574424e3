package news

import (
	"strings"
	"testing"
)

func TestWordCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"The council voted.", 3},
		{"# Heading\n\n* one — two   three\t£4m", 6},
		{"  leading and trailing  ", 3},
		{"naïve café, Zürich\u00a0Bahnhof", 4},
		{"- * # > --- ***", 0},
	} {
		if got := WordCount(tc.text); got != tc.want {
			t.Errorf("WordCount(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// The one-pass count agrees with counting strings.Fields that hold a
// letter or digit, which is what a word is here.
func FuzzWordCount(f *testing.F) {
	f.Add("The council voted — 9 to 4.\n\n## Next")
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for _, w := range strings.Fields(s) {
			if strings.IndexFunc(w, isWordRune) >= 0 {
				want++
			}
		}
		if got := WordCount(s); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
