package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// The text hash stored in every library must not change between
// versions: it is how an article added twice is recognised. It is the
// SHA-256 of the words joined by single spaces.
func FuzzContentHash(f *testing.F) {
	f.Add("The council  voted\n\nto delay\u00a0the bridge.")
	f.Add(" \t\xff\xfe word\u2003more ")
	f.Fuzz(func(t *testing.T, s string) {
		want := ""
		if w := strings.Fields(s); len(w) > 0 {
			sum := sha256.Sum256([]byte(strings.Join(w, " ")))
			want = hex.EncodeToString(sum[:16])
		}
		if got := contentHash(s); got != want {
			t.Errorf("contentHash(%q) = %s, want %s", s, got, want)
		}
	})
}
