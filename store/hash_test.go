package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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

// Unchanged answers for a batch as Save would find each item: by GUID
// within its own feed, then by canonical URL, then (for an item without a
// GUID) by its text; the copy found must have the same title and text.
func TestUnchangedFindsCopiesAsSaveDoes(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	one, two := addFeed(t, s), 0
	f := &news.Feed{URL: "http://127.0.0.1/other.xml", Title: "Other feed"}
	if err := s.AddFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	two = int(f.ID)
	item := func(feed int64, guid, url, title, body string) *news.Article {
		a := article(title, body)
		a.FeedID, a.GUID, a.URL = feed, guid, url
		return a
	}
	save(t, s,
		item(one, "g1", "http://127.0.0.1/a/1?utm_source=x", "Ferry", "The ferry sails at nine."),
		item(int64(two), "g1", "", "Bridge", "The bridge opens at ten."),
		item(0, "", "http://127.0.0.1/a/3", "Pier", "The pier closes at six."),
		item(0, "", "", "Quay", "The quay is quiet."))
	for _, c := range []struct {
		name string
		a    *news.Article
		want bool
	}{
		{"the same item again", item(one, "g1", "", "Ferry", "The ferry sails at nine."), true},
		{"its title changed", item(one, "g1", "", "Ferry late", "The ferry sails at nine."), false},
		{"the other feed's g1", item(int64(two), "g1", "", "Bridge", "The bridge opens at ten."), true},
		{"the other feed's g1 with the first's text", item(int64(two), "g1", "", "Ferry", "The ferry sails at nine."), false},
		{"a new GUID at a known page", item(one, "g9", "http://127.0.0.1/a/1#top", "Ferry", "The ferry sails at nine."), true},
		{"a known page without a GUID", item(0, "", "http://127.0.0.1/a/3/", "Pier", "The pier  closes at six."), true},
		{"known text without a GUID or page", item(0, "", "", "Quay", "The quay\nis quiet."), true},
		{"known text with a GUID of its own", item(one, "g5", "", "Quay", "The quay is quiet."), false},
		{"a new story", item(one, "g6", "http://127.0.0.1/a/6", "Harbour", "The harbour is full."), false},
	} {
		got, err := s.Unchanged(ctx, []*news.Article{c.a})
		if err != nil || got[0] != c.want {
			t.Errorf("%s: Unchanged = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	var batch []*news.Article
	var want []bool
	for _, c := range []struct {
		a    *news.Article
		want bool
	}{
		{item(one, "g1", "", "Ferry", "The ferry sails at nine."), true},
		{item(int64(two), "g1", "", "Ferry", "The ferry sails at nine."), false},
		{item(one, "g1", "", "Ferry late", "The ferry sails at nine."), false},
		{item(one, "g9", "http://127.0.0.1/a/3", "Pier", "The pier closes at six."), true},
		{item(0, "", "", "Quay", "The quay is quiet."), true},
	} {
		batch = append(batch, c.a)
		want = append(want, c.want)
	}
	if got, err := s.Unchanged(ctx, batch); err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Unchanged of a batch = %v, %v; want %v", got, err, want)
	}
}

// Items saved in one batch find the copies the same batch wrote before
// them, and not those it took a GUID or page away from: Save answers as
// if each had been saved on its own, in order.
func TestSaveBatchFindsWhatItWrote(t *testing.T) {
	s := openTemp(t)
	feed := addFeed(t, s)
	item := func(guid, url, title string) *news.Article {
		a := article(title, "Text of "+title+".")
		a.FeedID, a.GUID, a.URL = feed, guid, url
		return a
	}
	first := save(t, s, item("old", "http://127.0.0.1/old", "Old"))
	r := save(t, s,
		item("g1", "http://127.0.0.1/1", "One"),
		item("g2", "http://127.0.0.1/1?utm_medium=x", "Two"),   // the first's page: it becomes g2
		item("g1", "", "One again"),                            // so g1 is free: new
		item("renamed", "http://127.0.0.1/old", "Old renamed"), // takes the old article's GUID away
		item("old", "", "Old returns"),                         // so this is new
		item("", "http://127.0.0.1/old", "Old once more"),
		item("g2", "", "Two again"), // a GUID this batch gave
	)
	want := []struct {
		id  int64
		new bool
	}{{r[0].ID, true}, {r[0].ID, false}, {r[2].ID, true}, {first[0].ID, false}, {r[4].ID, true}, {first[0].ID, false}, {r[0].ID, false}}
	for i, w := range want {
		if r[i].ID != w.id || r[i].New != w.new {
			t.Errorf("item %d: %+v, want article %d, new %v", i, r[i], w.id, w.new)
		}
	}
	if ids := map[int64]bool{first[0].ID: true, r[0].ID: true, r[2].ID: true, r[4].ID: true}; len(ids) != 4 {
		t.Errorf("articles %d, %d, %d, %d: want four", first[0].ID, r[0].ID, r[2].ID, r[4].ID)
	}
}

// A GUID or page that a JSON array cannot carry byte for byte (invalid
// UTF-8, a NUL) is still found again, not saved as a second article.
func TestOddKeysAreFoundAgain(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	feed := addFeed(t, s)
	for _, key := range []string{"x\xff\xfe", "a\x00b"} {
		for _, byGUID := range []bool{true, false} {
			item := func(title string) *news.Article {
				a := article(title, "Text of the item "+title+".")
				a.FeedID = feed
				if byGUID {
					a.GUID = "tag:" + key
				} else {
					a.URL = "http://127.0.0.1/" + key
				}
				return a
			}
			first := save(t, s, item("One "+key))
			if same, err := s.Unchanged(ctx, []*news.Article{item("One " + key)}); err != nil || !same[0] {
				t.Errorf("%q (GUID %v): Unchanged = %v, %v; want true", key, byGUID, same, err)
			}
			r := save(t, s, item("Two"), item("Three"))
			if r[0].ID != first[0].ID || r[0].New || r[1].ID != first[0].ID || r[1].New {
				t.Errorf("%q (GUID %v) saved again: %+v, want article %d", key, byGUID, r, first[0].ID)
			}
		}
	}
}
