package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	kflate "github.com/klauspost/compress/flate"

	"byline/news"
)

// packTestBodies are bodies a reader must get back byte for byte.
func packTestBodies() map[string]string {
	para := "The ferry operator said on Tuesday that the harbour crossing would reopen next week, " +
		"after engineers finished checking the new landing stage.\n\n"
	return map[string]string{
		"empty":   "",
		"short":   "Ferry delayed.",
		"unicode": strings.Repeat("Zoë Ångström told the Ōsaka café: « ça va » — 東京の港は静かです 🚢.\n", 20),
		"spacing": "  leading spaces\r\n\ttabs\u00a0and no-break spaces, trailing  \n\n\n",
		"nul":     "\x00starts with a NUL byte, as a damaged feed might send",
		"huge":    strings.Repeat(para, 30_000), // ~4 MB
		"article": strings.Repeat(para, 12),
	}
}

// Every way a body is read back gives the text that was saved.
func TestBodiesRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	bodies := packTestBodies()
	ids := map[string]int64{}
	for name, body := range bodies {
		a := article("Story "+name, body)
		a.GUID = name
		save(t, s, a)
		ids[name] = a.ID
	}
	for name, id := range ids {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Body != bodies[name] {
			t.Errorf("%s: Article's body differs (%d bytes, want %d)", name, len(a.Body), len(bodies[name]))
		}
	}
	seen := 0
	if err := s.EachWhole(ctx, news.Query{}, func(a *news.Article) error {
		seen++
		if want := bodies[a.GUID]; a.Body != want {
			t.Errorf("%s: EachWhole's body differs (%d bytes, want %d)", a.GUID, len(a.Body), len(want))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if seen != len(bodies) {
		t.Errorf("EachWhole gave %d articles, want %d", seen, len(bodies))
	}
	arts, err := s.Unextracted(ctx, 1, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if want := bodies[strings.TrimPrefix(a.Title, "Story ")]; a.Body != want {
			t.Errorf("%s: Unextracted's body differs", a.Title)
		}
	}
	// The long bodies take less room than their text.
	var stored int
	if err := s.db.QueryRow(`SELECT length(body) FROM articles WHERE id = ?`, ids["article"]).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored*2 > len(bodies["article"]) {
		t.Errorf("a %d-byte body takes %d bytes in the library", len(bodies["article"]), stored)
	}
}

// Words of a packed body are found, whichever way its search row was
// written: with the save, after a bulk save, and again when a note changes.
func TestSearchFindsWordsOfPackedBodies(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	filler := strings.Repeat("The council met again on Thursday evening to discuss the budget. ", 10)
	now := article("Council budget", filler+"Residents asked about the lighthouse.")
	later := article("Council budget again", filler+"Residents asked about the cormorants.")
	save(t, s, now)
	if _, err := s.SaveUnindexed(ctx, []*news.Article{later}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IndexPending(ctx, 10); err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"lighthouse", "cormorants", `"discuss the budget"`} {
		if got := list(t, s, word); len(got) == 0 {
			t.Errorf("%s: not found", word)
		}
	}
	if _, err := s.AddNote(ctx, now.ID, "ask about parking"); err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"lighthouse", "parking"} {
		if got := list(t, s, word); len(got) != 1 || got[0].ID != now.ID {
			t.Errorf("%s after a note: found %d articles", word, len(got))
		}
	}
}

// A library whose bodies were stored as plain text, as every byline
// before packing wrote them, reads, searches and exports as before, and
// an article of it saved again is packed.
func TestPlainTextBodiesStillRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	body := strings.Repeat("The old quay was rebuilt in stone after the storm of that winter. ", 8)
	if _, err := s.db.Exec(`INSERT INTO articles(id, guid, title, added, sort_time, body) VALUES (7, 'quay', 'Quay', 0, 0, ?)`, body); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO search(rowid, title, body, notes) VALUES (7, 'Quay', ?, '')`, body); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != body {
		t.Fatalf("plain body read back as %q", a.Body)
	}
	if got := list(t, s, "quay storm"); len(got) != 1 {
		t.Errorf("search found %d articles in a plain body", len(got))
	}
	if _, err := s.AddNote(ctx, 7, "visit"); err != nil { // rewrites the search row from the plain body
		t.Fatal(err)
	}
	if got := list(t, s, "stone"); len(got) != 1 {
		t.Errorf("search after a note found %d articles", len(got))
	}

	again := article("Quay", body+" It reopened in spring.")
	again.GUID = "quay"
	save(t, s, again)
	var kind string
	if err := s.db.QueryRow(`SELECT typeof(body) FROM articles WHERE id = 7`).Scan(&kind); err != nil {
		t.Fatal(err)
	}
	if kind != "blob" {
		t.Errorf("a body saved again is stored as %s, want packed", kind)
	}
	if a, err := s.Article(ctx, 7); err != nil || a.Body != again.Body {
		t.Errorf("after saving again: %v, body %q", err, a.Body)
	}
}

// packFormat1 packs body as bylines before format 2 did: DEFLATE with
// bodyDict.
func packFormat1(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteByte(packedDeflate)
	buf.Write(binary.AppendUvarint(nil, uint64(len(body))))
	w, err := kflate.NewWriterDict(&buf, packLevel, []byte(bodyDict))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, body)
	w.Close()
	return buf.Bytes()
}

// A library whose bodies were packed with the first dictionary reads them
// back as they were, beside bodies packed now, and search finds them.
func TestFormat1BodiesStillRead(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := map[string]int64{}
	id := int64(100)
	for name, body := range packTestBodies() {
		id++
		packed := packFormat1(t, body)
		if _, err := s.db.Exec(`INSERT INTO articles(id, guid, title, added, sort_time, body) VALUES (?, ?, ?, 0, 0, ?)`, id, "old-"+name, "Old "+name, packed); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`INSERT INTO search(rowid, title, body, notes) VALUES (?, ?, ?, '')`, id, "Old "+name, body); err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	now := article("New ferry", packTestBodies()["article"])
	save(t, s, now)
	var first []byte
	if err := s.db.QueryRow(`SELECT substr(body, 1, 1) FROM articles WHERE id = ?`, now.ID).Scan(&first); err != nil {
		t.Fatal(err)
	}
	if len(first) != 1 || first[0] != packedDeflate2 {
		t.Errorf("a body saved now starts with %v, want format %d", first, packedDeflate2)
	}
	for name, body := range packTestBodies() {
		a, err := s.Article(ctx, ids[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Body != body {
			t.Errorf("%s: a format-1 body read back as %d bytes, want %d", name, len(a.Body), len(body))
		}
	}
	if a, err := s.Article(ctx, now.ID); err != nil || a.Body != now.Body {
		t.Errorf("the body saved now: %v", err)
	}
	want := 1 // the body saved now
	for _, body := range packTestBodies() {
		if strings.Contains(body, "harbour crossing") {
			want++
		}
	}
	if got := list(t, s, `"harbour crossing"`); len(got) != want {
		t.Errorf("a phrase in old and new bodies found %d articles, want %d", len(got), want)
	}
}

// A body packed in a way this byline does not know is an error naming the
// cause, never garbage on screen.
func TestUnknownBodyFormatIsAnError(t *testing.T) {
	s := openTemp(t)
	a := article("Future", "text")
	save(t, s, a)
	if _, err := s.db.Exec(`UPDATE articles SET body = x'09abcdef' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Article(context.Background(), a.ID)
	if err == nil || !strings.Contains(err.Error(), "format 9") {
		t.Errorf("Article of an unknown format: %v", err)
	}
	if _, err := s.db.Exec(`UPDATE articles SET body = x'01ff7f000000' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(context.Background(), a.ID); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Article of a damaged body: %v", err)
	}
}

var _ sql.Scanner = bodyCol{}

// packTestEntities are people, places and quotes as extraction gives them.
func packTestEntities(n int) news.Entities {
	return news.Entities{
		People: []news.Person{
			{Name: "Siobhán Ní Bhraonáin", Mentions: 4, Aliases: []string{"Ní Bhraonáin", "Dr Ní Bhraonáin"}},
			{Name: "Tomasz Wójcik", Mentions: 1},
		},
		Places: []news.Place{{Name: "Ōsaka", Mentions: 2}, {Name: "the Western Isles", Mentions: 1, Aliases: []string{"the Isles"}}},
		Quotes: []news.Quote{
			{Text: fmt.Sprintf("We will open the pier %d days early", n), Speaker: "Siobhán Ní Bhraonáin", Paragraph: 3},
			{Text: "not before spring", Speaker: "the harbour board", Partial: true, Paragraph: 5},
			{Text: "Nobody told us — « rien »", Paragraph: 9},
		},
	}
}

// People, places and quotes come back as they were saved, from Article,
// from EachWhole across its pages, and after a merge re-indexes them; and
// they take a fraction of the room their JSON took.
func TestEntitiesRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const n = eachPage + 20
	arts := make([]*news.Article, n)
	for i := range arts {
		arts[i] = article(fmt.Sprintf("Pier %d", i), "The pier reopens.")
		arts[i].GUID = fmt.Sprint(i)
		arts[i].Entities = packTestEntities(i)
		arts[i].EntitiesVersion = 1
	}
	// One article with quotes alone, one with nobody at all.
	arts[1].Entities = news.Entities{Quotes: arts[1].Entities.Quotes}
	arts[2].Entities = news.Entities{}
	save(t, s, arts...)
	want := map[int64]news.Entities{}
	for _, a := range arts {
		want[a.ID] = a.Entities
	}
	check := func(how string, id int64, got news.Entities) {
		t.Helper()
		if !reflect.DeepEqual(got, want[id]) {
			t.Errorf("%s of article %d:\n got %+v\nwant %+v", how, id, got, want[id])
		}
	}
	for _, id := range []int64{arts[0].ID, arts[1].ID, arts[2].ID, arts[n-1].ID} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		check("Article", id, a.Entities)
	}
	seen := 0
	if err := s.EachWhole(ctx, news.Query{}, func(a *news.Article) error {
		seen++
		check("EachWhole", a.ID, a.Entities)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if seen != n {
		t.Errorf("EachWhole gave %d articles, want %d", seen, n)
	}

	// A merge indexes the stories again from their stored entities.
	if _, err := s.Merge(ctx, news.KindPerson, "Siobhán Ní Bhraonáin", "Tomasz Wójcik"); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, arts[n-1].ID)
	if err != nil {
		t.Fatal(err)
	}
	check("Article after a merge", a.ID, a.Entities)
	if qs, total, err := s.Quotes(ctx, QuoteFilter{Words: "pier"}, 0, 0); err != nil || total != n-1 || len(qs) == 0 {
		t.Errorf("quotes about the pier after a merge: %d, %v", total, err)
	}

	var stored int
	if err := s.db.QueryRow(`SELECT length(data) FROM entities WHERE article_id = ?`, arts[0].ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if doc, _ := json.Marshal(arts[0].Entities); stored*3 > len(doc) {
		t.Errorf("the entities of an article take %d bytes, their JSON %d", stored, len(doc))
	}
}

// Entities stored as JSON, as every byline before packing stored them,
// read as before, quotes included.
func TestJSONEntitiesStillRead(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := article("Pier", "The pier reopens.")
	a.Entities, a.EntitiesVersion = packTestEntities(7), 1
	save(t, s, a)
	doc, _ := json.Marshal(a.Entities)
	if _, err := s.db.Exec(`UPDATE entities SET data = ? WHERE article_id = ?`, string(doc), a.ID); err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"Article", "EachWhole"} {
		var got news.Entities
		if how == "Article" {
			b, err := s.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			got = b.Entities
		} else if err := s.EachWhole(ctx, news.Query{}, func(b *news.Article) error { got = b.Entities; return nil }); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, a.Entities) {
			t.Errorf("%s of a JSON document:\n got %+v\nwant %+v", how, got, a.Entities)
		}
	}
}

// A damaged packed document is an error, not a panic or a wrong list.
func TestDamagedEntitiesAreAnError(t *testing.T) {
	good := packEntities(packTestEntities(1))
	for cut := 1; cut < len(good); cut++ {
		if _, _, err := unpackEntities(good[:cut]); err == nil {
			t.Fatalf("a document cut to %d of %d bytes read without error", cut, len(good))
		}
	}
	if _, _, err := unpackEntities([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f}); err == nil {
		t.Error("a count larger than the document read without error")
	}
	if _, _, err := unpackEntities([]byte{2}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("an unknown format: %v", err)
	}
}

// A body packed ahead by Prepare is saved as it is; one changed after it
// was prepared is saved as changed, never as the older text.
func TestPreparedBodies(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	first := strings.Repeat("The lifeboat crew trained at dawn off the north pier. ", 6)
	kept, changed := article("Lifeboat", first), article("Lifeboat drill", first)
	kept.GUID, changed.GUID = "kept", "changed"
	s.Prepare(kept)
	s.Prepare(changed)
	changed.Body = first + "The drill was cut short by fog."
	save(t, s, kept, changed)
	for _, want := range []*news.Article{kept, changed} {
		got, err := s.Article(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != want.Body {
			t.Errorf("%s: saved body %q, want %q", want.GUID, got.Body, want.Body)
		}
	}
	if got := list(t, s, "fog"); len(got) != 1 || got[0].ID != changed.ID {
		t.Errorf("search for a word of the changed body found %d articles", len(got))
	}
	if len(s.prep) != 0 {
		t.Errorf("%d preparations left behind after their Save", len(s.prep))
	}
}

// A new library uses 8 KB pages, which leave less of each page unused by
// articles' rows; one made with SQLite's 4 KB pages keeps them and reads
// its articles as before.
func TestPageSize(t *testing.T) {
	s := openTemp(t)
	var size int
	if err := s.db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil || size != pageSize {
		t.Errorf("a new library's page size is %d (%v), want %d", size, err, pageSize)
	}

	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t(x); DROP TABLE t`); err != nil { // a 4 KB file, as SQLite makes one
		t.Fatal(err)
	}
	db.Close()
	old, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	a := article("Ferry", strings.Repeat("The ferry sailed late. ", 40))
	save(t, old, a)
	if got, err := old.Article(context.Background(), a.ID); err != nil || got.Body != a.Body {
		t.Errorf("an article of a 4 KB-page library: %v", err)
	}
	if err := old.db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil || size != 4096 {
		t.Errorf("an existing library's page size became %d (%v)", size, err)
	}
}
