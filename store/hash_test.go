package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"byline/news"
)

// The text hash stored in every library must not change between
// versions: it is how an article added twice is recognised. It is the
// first 16 bytes of the SHA-256 of the words joined by single spaces
// (stored as those bytes; older libraries hold them in hexadecimal).
func FuzzContentHash(f *testing.F) {
	f.Add("The council  voted\n\nto delay\u00a0the bridge.")
	f.Add(" \t\xff\xfe word\u2003more ")
	f.Fuzz(func(t *testing.T, s string) {
		want := ""
		if w := strings.Fields(s); len(w) > 0 {
			sum := sha256.Sum256([]byte(strings.Join(w, " ")))
			want = hex.EncodeToString(sum[:16])
		}
		if got := hex.EncodeToString([]byte(contentHash(s))); got != want {
			t.Errorf("contentHash(%q) = %s, want %s", s, got, want)
		}
	})
}

// An article whose hash an older byline stored in hexadecimal is still
// recognised: added again it is the same article, and a feed repeating it
// unchanged rewrites nothing. New hashes take their 16 bytes.
func TestHexHashesOfOlderLibraries(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	body := "The regatta was moved to Sunday because of the forecast gales."
	added := article("Regatta moved", body)
	item := article("Regatta", body+" Entries close on Friday.")
	item.GUID, item.FeedID = "regatta-1", addFeed(t, s)
	save(t, s, added, item)
	var kind string
	var n int
	if err := s.db.QueryRow(`SELECT typeof(content_hash), length(content_hash) FROM articles WHERE id = ?`, added.ID).Scan(&kind, &n); err != nil {
		t.Fatal(err)
	}
	if kind != "blob" || n != 16 {
		t.Errorf("a new hash is stored as %s of %d bytes, want a 16-byte blob", kind, n)
	}
	if _, err := s.db.Exec(`UPDATE articles SET content_hash = lower(hex(content_hash))`); err != nil {
		t.Fatal(err)
	}

	again := article("Regatta moved", "The regatta  was moved to Sunday\nbecause of the forecast gales.")
	if r := save(t, s, again); r[0].New || r[0].ID != added.ID {
		t.Errorf("the same text added again: %+v, want article %d", r[0], added.ID)
	}
	repeat := article(item.Title, item.Body)
	repeat.GUID, repeat.FeedID = item.GUID, item.FeedID
	same, err := s.Unchanged(ctx, []*news.Article{repeat})
	if err != nil || !same[0] {
		t.Errorf("Unchanged of a repeated item = %v, %v; want true", same, err)
	}
	if r := save(t, s, repeat); r[0].New || r[0].Changed {
		t.Errorf("a repeated item: %+v, want it left alone", r[0])
	}
}
