package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"byline/news"
)

// SaveResult says what Save did with one article.
type SaveResult struct {
	ID  int64
	New bool // false: an article already in the library was updated
	// Changed is false when an article already in the library came again
	// with the same title and text: nothing was rewritten.
	Changed bool
}

// Save adds or updates articles, all in one transaction. An article already
// in the library — the same feed GUID, then the same canonical URL, then
// the same text — is updated in place: its marks, tags, notes and the time
// it was first added stay. Save sets each article's ID.
func (s *Store) Save(ctx context.Context, arts []*news.Article) ([]SaveResult, error) {
	return s.save(ctx, arts, false)
}

// SaveUnindexed is Save for a bulk refresh: the articles are listed and
// readable at once, but their search rows are written later, by
// SetEntities, together with their people, places and quotes. Full-text
// indexing costs more than everything else in a save, and a reader waiting
// for 50,000 new articles wants to see them before it can search them.
func (s *Store) SaveUnindexed(ctx context.Context, arts []*news.Article) ([]SaveResult, error) {
	return s.save(ctx, arts, true)
}

func (s *Store) save(ctx context.Context, arts []*news.Article, deferIndex bool) ([]SaveResult, error) {
	results := make([]SaveResult, len(arts))
	now := time.Now()
	preps := s.takePrepared(arts)
	err := s.writeStmts(ctx, func(w *wtx) error {
		var err error
		if w.held, err = heldKeys(w, arts); err != nil {
			return err
		}
		for i, a := range arts {
			r, err := saveOne(w, a, preps[i], now, deferIndex)
			if err != nil {
				return fmt.Errorf("save article %q: %w", a.Title, err)
			}
			results[i] = r
		}
		if err := flushEntities(w); err != nil {
			return err
		}
		return flushSearch(w)
	})
	if err != nil {
		return nil, err
	}
	for i, a := range arts {
		a.ID = results[i].ID
	}
	return results, nil
}

func saveOne(w *wtx, a *news.Article, p prepared, now time.Time, deferIndex bool) (SaveResult, error) {
	if a.Added.IsZero() {
		a.Added = now
	}
	if a.Words == 0 {
		a.Words = news.WordCount(a.Body)
	}
	if p.body != a.Body || p.packed == nil {
		// Not prepared, or its body changed since: packed below only if
		// it is written.
		p = prepared{body: a.Body, hash: contentHash(a.Body)}
	}
	canon := CanonicalURL(a.URL)
	hash := p.hash
	old, err := findExisting(w, a, canon, hash)
	if err != nil {
		return SaveResult{}, err
	}
	published := nullTime(a.Published)
	if old.id == 0 {
		sortTime := a.Date().Unix()
		res, err := w.exec(`INSERT INTO articles
			(guid, url, canonical_url, content_hash, feed_id, title, source, author, published, added, sort_time, body, words, read, starred, entities_version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.GUID, a.URL, canon, hashArg(hash), nullID(a.FeedID), a.Title, a.Source, a.Author, published, a.Added.Unix(), sortTime,
			p.pack(), a.Words, a.Read, a.Starred, a.EntitiesVersion)
		if err != nil {
			return SaveResult{}, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return SaveResult{}, err
		}
		w.held.give(a.GUID, canon)
		if err := addTags(w.ctx, w.tx, id, a.Tags); err != nil {
			return SaveResult{}, err
		}
		if err := writeEntities(w, id, sortTime, a.Entities); err != nil {
			return SaveResult{}, err
		}
		if deferIndex {
			_, err = w.exec(`INSERT OR IGNORE INTO unindexed(article_id, stale) VALUES (?, 0)`, id)
		} else {
			w.search = append(w.search, searchRow{id: id, title: a.Title, body: p.searchBody()})
		}
		return SaveResult{ID: id, New: true, Changed: true}, err
	}

	// An update keeps what the reader did (marks, tags, notes) and when the
	// article first arrived; the text and its entities are the new ones.
	a.Added = time.Unix(old.added, 0)
	if err := addTags(w.ctx, w.tx, old.id, a.Tags); err != nil {
		return SaveResult{}, err
	}
	textChanged := !sameHash(old.hash, hash) || old.title != a.Title
	if !textChanged && a.EntitiesVersion == 0 {
		// The same story again, as a feed repeats its items on every
		// fetch: leave it alone, so an unchanged refresh costs a look-up.
		return SaveResult{ID: old.id}, nil
	}
	sortTime := a.Date().Unix()
	_, err = w.exec(`UPDATE articles SET guid = ?, url = ?, canonical_url = ?, content_hash = ?,
		feed_id = COALESCE(?, feed_id), title = ?, source = ?, author = ?, published = ?, sort_time = ?, body = ?, words = ?
		WHERE id = ?`,
		a.GUID, a.URL, canon, hashArg(hash), nullID(a.FeedID), a.Title, a.Source, a.Author, published, sortTime, p.pack(), a.Words, old.id)
	if err != nil {
		return SaveResult{}, err
	}
	w.held.give(a.GUID, canon)
	switch {
	case a.EntitiesVersion > 0:
		if err := replaceEntities(w, old.id, a.EntitiesVersion, a.Entities); err != nil {
			return SaveResult{}, err
		}
	case textChanged:
		// New text without entities: the old ones no longer fit; the
		// extraction pass fills them in again.
		if err := replaceEntities(w, old.id, 0, news.Entities{}); err != nil {
			return SaveResult{}, err
		}
	}
	if !textChanged {
		return SaveResult{ID: old.id, Changed: true}, nil
	}
	if deferIndex {
		// OR IGNORE: an article already waiting keeps what it knew of
		// its search row.
		_, err = w.exec(`INSERT OR IGNORE INTO unindexed(article_id, stale) VALUES (?, 1)`, old.id)
	} else {
		// Indexed now: a row written later for an earlier unindexed
		// save would index the article twice.
		if _, err = w.exec(`DELETE FROM unindexed WHERE article_id = ?`, old.id); err != nil {
			return SaveResult{}, err
		}
		r := searchRow{id: old.id, title: a.Title, body: p.searchBody(), stale: true}
		err = w.scan(`SELECT COALESCE(group_concat(text, char(10)), '') FROM notes WHERE article_id = ?`, []any{old.id}, &r.notes)
		w.search = append(w.search, r)
	}
	return SaveResult{ID: old.id, Changed: true}, err
}

// searchRow is an article's search row waiting to be written.
type searchRow struct {
	id                 int64
	title, body, notes string
	stale              bool // the article has an older row to delete first
}

// flushSearch writes the search rows a save queued, after everything else
// it wrote. The full-text index keeps the terms of consecutive inserts in
// memory and writes them as one segment at the next statement that is not
// one of them; a search row written with each article made a segment per
// article, hundreds to merge for every thousand saved.
func flushSearch(w *wtx) error {
	// An article saved twice in one transaction (two feeds carry the same
	// story) gets one row, of its last text; it had an older row only if
	// its first save here found one.
	last := make(map[int64]int, len(w.search))
	rows := w.search[:0:0]
	for _, r := range w.search {
		if i, ok := last[r.id]; ok {
			r.stale = rows[i].stale
			rows[i] = r
			continue
		}
		last[r.id] = len(rows)
		rows = append(rows, r)
	}
	w.search = w.search[:0]
	return writeSearchRows(w, rows)
}

// writeSearchRows deletes the older rows first and then inserts every new
// one back to back: the full-text index keeps consecutive inserts in
// memory and writes them as one segment.
func writeSearchRows(w *wtx, rows []searchRow) error {
	for _, r := range rows {
		if r.stale {
			if _, err := w.exec(`DELETE FROM search WHERE rowid = ?`, r.id); err != nil {
				return err
			}
		}
	}
	for _, r := range rows {
		if _, err := w.exec(`INSERT INTO search(rowid, title, body, notes) VALUES (?, ?, ?, ?)`, r.id, r.title, r.body, r.notes); err != nil {
			return fmt.Errorf("index article %d: %w", r.id, err)
		}
	}
	return nil
}

// reindex rewrites an article's search row from what is stored: its title,
// body and notes. An article saved unindexed has no row yet; the delete
// costs nothing then.
func reindex(w *wtx, id int64) error {
	if _, err := w.exec(`DELETE FROM search WHERE rowid = ?`, id); err != nil {
		return err
	}
	// Indexed now: a row written later for an earlier unindexed save
	// would index the article twice.
	if _, err := w.exec(`DELETE FROM unindexed WHERE article_id = ?`, id); err != nil {
		return err
	}
	// The body is read here, not inside the INSERT: SQL cannot unpack it.
	r := searchRow{id: id}
	err := w.scan(`SELECT a.title, a.body, (SELECT COALESCE(group_concat(text, char(10)), '') FROM notes WHERE article_id = a.id)
		FROM articles a WHERE a.id = ?`, []any{id}, &r.title, bodyCol{&r.body}, &r.notes)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return writeSearchRows(w, []searchRow{r})
}

// The look-ups of an article's earlier copy. Each repeats its partial
// index's condition that the key is not empty: SQLite uses a partial index
// only when the query implies the index's WHERE.
const (
	dedupeByGUID = `SELECT id, content_hash, title, added FROM articles WHERE guid = ? AND guid <> '' AND feed_id IS ? LIMIT 1`
	dedupeByURL  = `SELECT id, content_hash, title, added FROM articles WHERE canonical_url = ? AND canonical_url <> '' LIMIT 1`
	dedupeByHash = `SELECT id, content_hash, title, added FROM articles WHERE content_hash IN (?, ?) AND content_hash <> '' LIMIT 1`

	// The first two for a JSON array of keys (?1), the feed ?2.
	dedupeByGUIDs = `SELECT j.value, a.id, a.content_hash, a.title, a.added FROM json_each(?1) j
		CROSS JOIN articles a ON a.guid = j.value AND a.guid <> '' AND a.feed_id IS ?2`
	dedupeByURLs = `SELECT j.value, a.id, a.content_hash, a.title, a.added FROM json_each(?1) j
		CROSS JOIN articles a ON a.canonical_url = j.value AND a.canonical_url <> ''`
)

// stored is what a save needs to know of an article's earlier copy.
type stored struct {
	id    int64
	hash  string
	title string
	added int64
}

// heldSet is which GUIDs (in their feed) and pages articles had when a
// save's transaction began, asked for the whole batch at once, and which
// the save has given to articles since. For a GUID or page in neither
// there is nothing to look up: a refresh's new items, nearly all it saves,
// are each found new without a query. (The transaction has the library
// to itself, so nothing else adds a key meanwhile.)
type heldSet struct {
	guids map[guidKey]bool
	urls  map[string]bool
	given map[string]bool // GUIDs and pages written in this transaction
}

type guidKey struct {
	feed int64
	guid string
}

func heldKeys(w *wtx, arts []*news.Article) (*heldSet, error) {
	h := &heldSet{guids: map[guidKey]bool{}, urls: map[string]bool{}, given: map[string]bool{}}
	byFeed := map[int64][]string{}
	var urls []string
	for _, a := range arts {
		switch {
		case a.GUID == "":
		case jsonSafe(a.GUID):
			byFeed[a.FeedID] = append(byFeed[a.FeedID], a.GUID)
		default:
			h.give(a.GUID, "") // looked up as it is
		}
		switch canon := CanonicalURL(a.URL); {
		case canon == "":
		case jsonSafe(canon):
			urls = append(urls, canon)
		default:
			h.give("", canon)
		}
	}
	for feed, guids := range byFeed {
		held, err := storedBy(w.ctx, w.tx, dedupeByGUIDs, guids, nullID(feed))
		if err != nil {
			return nil, err
		}
		for g := range held {
			h.guids[guidKey{feed, g}] = true
		}
	}
	if len(urls) > 0 {
		held, err := storedBy(w.ctx, w.tx, dedupeByURLs, urls)
		if err != nil {
			return nil, err
		}
		for u := range held {
			h.urls[u] = true
		}
	}
	return h, nil
}

// mayHave says whether the look-up query (dedupeByGUID or dedupeByURL) of
// a could find an article; any other query always may. A nil set knows
// nothing.
func (h *heldSet) mayHave(query string, a *news.Article, canon string) bool {
	switch {
	case h == nil:
		return true
	case query == dedupeByGUID:
		// A save may have given the GUID to an article of another feed
		// that kept its own (an update without a feed): any feed counts.
		return h.guids[guidKey{a.FeedID, a.GUID}] || h.given["guid\x00"+a.GUID]
	case query == dedupeByURL:
		return h.urls[canon] || h.given["url\x00"+canon]
	}
	return true
}

// give records the GUID and page a save has just written to an article.
func (h *heldSet) give(guid, canon string) {
	if h == nil {
		return
	}
	if guid != "" {
		h.given["guid\x00"+guid] = true
	}
	if canon != "" {
		h.given["url\x00"+canon] = true
	}
}

// findExisting looks for the stored copy of a: by GUID within its feed,
// then by canonical URL, then by the hash of its text. The text is no
// evidence for a feed item: its GUID says which item it is, and two items
// with their own GUIDs and links are two articles even when they share a
// body (a correction notice, a recurring briefing). A zero id: none.
func findExisting(w *wtx, a *news.Article, canon, hash string) (stored, error) {
	var old stored
	try := func(query string, args ...any) (bool, error) {
		err := w.scan(query, args, &old.id, &old.hash, &old.title, &old.added)
		if err == sql.ErrNoRows {
			return false, nil
		}
		return err == nil, err
	}
	for _, q := range []struct {
		ok    bool
		query string
		args  []any
	}{
		{a.GUID != "", dedupeByGUID, []any{a.GUID, nullID(a.FeedID)}},
		{canon != "", dedupeByURL, []any{canon}},
		{hash != "" && a.GUID == "", dedupeByHash, []any{hashArg(hash), hex.EncodeToString([]byte(hash))}},
	} {
		if !q.ok || !w.held.mayHave(q.query, a, canon) {
			continue
		}
		if found, err := try(q.query, q.args...); found || err != nil {
			return old, err
		}
	}
	return stored{}, nil
}

// trackingParams are query parameters that say how a reader arrived, not
// which page it is.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "smid"}

// CanonicalURL is the form of a URL used to recognise the same page: scheme
// and host in lower case, no fragment, no tracking parameters, no trailing
// slash. It returns "" for an empty or unparseable URL.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	u.RawFragment = ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			for _, p := range trackingParams {
				if lk == p || (strings.HasSuffix(p, "_") && strings.HasPrefix(lk, p)) {
					q.Del(k)
				}
			}
		}
		u.RawQuery = q.Encode()
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u.String()
}

// contentHash identifies an article's text regardless of spacing: the
// first 16 bytes of the SHA-256 of its words joined by single spaces.
func contentHash(body string) string {
	// The words joined by single spaces, built in one pass into one
	// buffer: this runs for every article a refresh saves, inside the
	// write transaction.
	norm := make([]byte, 0, len(body))
	gap := false // white space seen since the last word
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				gap = true
				i++
				continue
			}
			if gap && len(norm) > 0 {
				norm = append(norm, ' ')
			}
			gap = false
			norm = append(norm, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		if unicode.IsSpace(r) {
			gap = true
		} else {
			if gap && len(norm) > 0 {
				norm = append(norm, ' ')
			}
			gap = false
			norm = append(norm, body[i:i+size]...)
		}
		i += size
	}
	if len(norm) == 0 {
		return ""
	}
	sum := sha256.Sum256(norm)
	return string(sum[:16])
}

// A text hash is stored as its 16 bytes, a BLOB; libraries before that
// hold it as 32 hexadecimal digits, TEXT, and keep them until the article
// is saved again. The two never compare equal in SQL, so a look-up asks
// for both.

// hashArg is a hash as a statement's parameter: a BLOB, or for no hash
// the empty text, which the partial index leaves out.
func hashArg(h string) any {
	if h == "" {
		return ""
	}
	return []byte(h)
}

// sameHash says whether a hash read from the library, in either form, is h.
func sameHash(stored, h string) bool {
	return stored == h || len(stored) == 2*len(h) && stored == hex.EncodeToString([]byte(h))
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func replaceEntities(w *wtx, id int64, version int, e news.Entities) error {
	// Version 0 means the article has no entity rows (a new article, or one
	// whose text changed and whose rows were cleared then): a bulk refresh
	// skips four deletes per article.
	var old int
	var sortTime int64
	if err := w.scan(`SELECT entities_version, sort_time FROM articles WHERE id = ?`, []any{id}, &old, &sortTime); err != nil {
		if err == sql.ErrNoRows {
			return nil // deleted meanwhile
		}
		return err
	}
	if old != 0 {
		// Rows of this article may still be queued (saved twice in one
		// batch): insert them before deleting.
		if err := flushEntities(w); err != nil {
			return err
		}
		if _, err := w.exec("DELETE FROM entities WHERE article_id = ?", id); err != nil {
			return err
		}
		if err := unindexArticle(w, id); err != nil {
			return err
		}
	}
	if _, err := w.exec(`UPDATE articles SET entities_version = ? WHERE id = ?`, version, id); err != nil {
		return err
	}
	return writeEntities(w, id, sortTime, e)
}

// writeEntities queues an article's people, places and quotes, as one
// JSON document, their aliases, and the article for the library's index
// of subjects (which person: and place: read); flushEntities inserts the queue, a hundred
// rows to a statement. A statement per row made storing entities cost more
// than extracting them.
func writeEntities(w *wtx, id, sortTime int64, e news.Entities) error {
	if len(e.People)+len(e.Places)+len(e.Quotes) == 0 {
		return nil
	}
	q := &w.entities
	q.docs = append(q.docs, id, packEntities(e))
	w.subjects = append(w.subjects, indexedArticle{id: id, sortTime: sortTime, e: e})
	queueAliases(w, e)
	return nil
}

// entityQueue holds entity rows not yet inserted, as flat argument lists.
type entityQueue struct {
	docs []any
}

func flushEntities(w *wtx) error {
	q := &w.entities
	if err := insertRows(w, `INSERT INTO entities(article_id, data) VALUES `, 2, q.docs); err != nil {
		return err
	}
	q.docs = q.docs[:0]
	if err := flushAliases(w); err != nil {
		return err
	}
	return indexSubjects(w)
}

// insertRows inserts len(args)/cols rows, up to 100 in one statement
// (SQLite allows 32,766 parameters; 100 rows keeps the statement cache
// small).
func insertRows(w *wtx, head string, cols int, args []any) error {
	const maxRows = 100
	for len(args) > 0 {
		n := min(len(args)/cols, maxRows)
		query := head + valueRows(cols, n)
		if _, err := w.exec(query, args[:n*cols]...); err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}

// Article returns one article with everything about it: body, entities,
// tags, notes and its feed's title.
func (s *Store) Article(ctx context.Context, id int64) (*news.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+`, a.body, a.entities_version
		FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?`, id)
	a := &news.Article{}
	if err := scanArticle(row, a, bodyCol{&a.Body}, &a.EntitiesVersion); err == sql.ErrNoRows {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	} else if err != nil {
		return nil, fmt.Errorf("read article %d: %w", id, explain(err))
	}
	page := []*news.Article{a}
	if err := s.fillMarks(ctx, page); err != nil {
		return nil, err
	}
	var err error
	if a.Entities, err = s.entities(ctx, id); err != nil {
		return nil, err
	}
	return a, nil
}

// articleColumns are the listing fields, in the order scanArticle expects.
const articleColumns = `a.id, a.guid, a.url, COALESCE(a.feed_id, 0), COALESCE(f.title, ''), a.title, a.source, a.author,
	a.published, a.added, a.words, a.read, a.starred`

// scanArticle reads a row of articleColumns, then of extra, into a.
func scanArticle(row interface{ Scan(...any) error }, a *news.Article, extra ...any) error {
	var pub sql.NullInt64
	var added int64
	dest := append([]any{&a.ID, &a.GUID, &a.URL, &a.FeedID, &a.Feed, &a.Title, &a.Source, &a.Author,
		&pub, &added, &a.Words, &a.Read, &a.Starred}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	if pub.Valid {
		a.Published = time.Unix(pub.Int64, 0)
	}
	a.Added = time.Unix(added, 0)
	return nil
}

func (s *Store) entities(ctx context.Context, id int64) (news.Entities, error) {
	var e news.Entities
	var apart bool
	err := s.db.QueryRowContext(ctx, `SELECT data FROM entities WHERE article_id = ?`, id).Scan(entitiesCol{&e, &apart})
	if err == sql.ErrNoRows {
		return e, nil
	}
	if err == nil && apart {
		err = fillQuotes(ctx, s.db, map[int64]*news.Entities{id: &e})
	}
	if err != nil {
		return e, fmt.Errorf("read the people, places and quotes of article %d: %w", id, explain(err))
	}
	return e, nil
}

// Unextracted returns up to limit articles after afterID, in id order,
// whose entities come from an extractor older than version, with their
// title and body. Passing the last id seen pages through them while the
// earlier pages are still being written.
func (s *Store) Unextracted(ctx context.Context, version int, afterID int64, limit int) ([]*news.Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, body FROM articles WHERE entities_version < ? AND id > ? ORDER BY id LIMIT ?`, version, afterID, limit)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		a := &news.Article{}
		if err := rows.Scan(&a.ID, &a.Title, bodyCol{&a.Body}); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// KnownGUIDs says which of guids a feed's articles already have. A refresh
// uses it to skip fetching the pages of items it captured before.
func (s *Store) KnownGUIDs(ctx context.Context, feedID int64, guids []string) (map[string]bool, error) {
	return s.knownKeys(ctx, `SELECT guid FROM articles WHERE feed_id = ? AND guid <> '' AND guid IN `, feedID, guids)
}

// knownKeys runs query, which ends in "IN " and selects one text column,
// for owner and keys in batches of 500, and tells which keys it returned.
func (s *Store) knownKeys(ctx context.Context, query string, owner int64, keys []string) (map[string]bool, error) {
	known := make(map[string]bool, len(keys))
	for len(keys) > 0 {
		n := min(len(keys), 500)
		args := make([]any, 0, n+1)
		args = append(args, owner)
		for _, k := range keys[:n] {
			args = append(args, k)
		}
		rows, err := s.db.QueryContext(ctx, query+placeholders(n), args...)
		if err != nil {
			return nil, explain(err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, err
			}
			known[k] = true
		}
		rows.Close()
		// A read that failed part way (a cancelled refresh, an I/O error)
		// must not pass for "not held": sync would store those entries a
		// second time.
		if err := rows.Err(); err != nil {
			return nil, explain(err)
		}
		keys = keys[n:]
	}
	return known, nil
}

// SetEntities stores freshly extracted entities for many articles in one
// transaction. Articles deleted meanwhile are skipped.
func (s *Store) SetEntities(ctx context.Context, version int, updates map[int64]news.Entities) error {
	ids := make([]int64, 0, len(updates))
	for id := range updates {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return s.writeStmts(ctx, func(w *wtx) error {
		for _, id := range ids {
			if err := replaceEntities(w, id, version, updates[id]); err != nil {
				return fmt.Errorf("store entities of article %d: %w", id, err)
			}
		}
		if err := flushEntities(w); err != nil {
			return fmt.Errorf("store entities: %w", err)
		}
		return nil
	})
}

// IndexPending writes the search rows of up to limit articles saved
// unindexed, oldest first, in one transaction, and says how many it wrote.
func (s *Store) IndexPending(ctx context.Context, limit int) (int, error) {
	n := 0
	err := s.writeStmts(ctx, func(w *wtx) error {
		var err error
		n, err = indexNextPending(w, limit)
		return err
	})
	return n, err
}

// indexNextPending writes the search rows of up to limit articles waiting
// for them, the oldest first, and says how many it took.
func indexNextPending(w *wtx, limit int) (int, error) {
	ids, err := queryIDs(w, `SELECT article_id FROM unindexed ORDER BY article_id LIMIT ?`, limit)
	if err != nil {
		return 0, err
	}
	return len(ids), indexPending(w, ids)
}

// Unindexed counts the articles whose search rows are still to be written.
func (s *Store) Unindexed(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM unindexed`).Scan(&n)
	return n, explain(err)
}

// indexPending writes the search rows of those of ids that wait for one.
// The search index keeps new terms in memory until the next statement
// that is not one of its own inserts; written one after another, a batch
// becomes one segment instead of hundreds that must then be merged.
func indexPending(w *wtx, ids []int64) error {
	var rows []searchRow
	for _, id := range ids {
		var r searchRow
		err := w.scan(`SELECT u.stale, a.title, a.body,
				(SELECT COALESCE(group_concat(text, char(10)), '') FROM notes WHERE article_id = a.id)
			FROM unindexed u JOIN articles a ON a.id = u.article_id WHERE u.article_id = ?`, []any{id},
			&r.stale, &r.title, bodyCol{&r.body}, &r.notes)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return err
		}
		r.id = id
		rows = append(rows, r)
	}
	for _, r := range rows {
		if _, err := w.exec(`DELETE FROM unindexed WHERE article_id = ?`, r.id); err != nil {
			return err
		}
	}
	return writeSearchRows(w, rows)
}

// rebuildSearch indexes every article waiting for its search row, a
// thousand at a time: the migration that made the index anew marks them all.
func rebuildSearch(w *wtx) error {
	for {
		if n, err := indexNextPending(w, 1000); err != nil || n == 0 {
			return err
		}
	}
}

// Unfinished counts the articles still waiting for extraction by version:
// the work a refresh left to do in the background.
func (s *Store) Unfinished(ctx context.Context, version int) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE entities_version < ?`, version).Scan(&n)
	return n, explain(err)
}

// Unchanged says, for each article, whether the library already holds it
// (by the keys Save matches on) with the same title and text: saving it
// would change nothing but add its tags. A pipeline asks before it spends
// an extraction on each item of a feed that repeats its whole history.
// It only reads, and hashes an article's text only when it has a copy to
// compare it with.
func (s *Store) Unchanged(ctx context.Context, arts []*news.Article) ([]bool, error) {
	out := make([]bool, len(arts))
	olds := make([]stored, len(arts))
	found := make([]bool, len(arts))
	// One look-up of one article: a text hash, or a key a JSON array
	// cannot carry as it is.
	one := func(i int, query string, args ...any) error {
		err := s.db.QueryRowContext(ctx, query, args...).Scan(&olds[i].id, &olds[i].hash, &olds[i].title, &olds[i].added)
		if err != nil && err != sql.ErrNoRows {
			return explain(err)
		}
		found[i] = err == nil
		return nil
	}
	// By GUID within each feed, then by canonical URL, each asked once for
	// the whole batch: a query per article cost more than its look-up.
	byFeed := map[int64][]int{}
	for i, a := range arts {
		if a.GUID != "" && jsonSafe(a.GUID) {
			byFeed[a.FeedID] = append(byFeed[a.FeedID], i)
		}
	}
	for feed, idx := range byFeed {
		keys := make([]string, len(idx))
		for j, i := range idx {
			keys[j] = arts[i].GUID
		}
		held, err := storedBy(ctx, s.db, dedupeByGUIDs, keys, nullID(feed))
		if err != nil {
			return nil, err
		}
		for _, i := range idx {
			olds[i], found[i] = held[arts[i].GUID]
		}
	}
	for i, a := range arts {
		if a.GUID != "" && !jsonSafe(a.GUID) {
			if err := one(i, dedupeByGUID, a.GUID, nullID(a.FeedID)); err != nil {
				return nil, err
			}
		}
	}
	canon := make([]string, len(arts))
	var urls []string
	for i, a := range arts {
		if !found[i] {
			if canon[i] = CanonicalURL(a.URL); canon[i] != "" && jsonSafe(canon[i]) {
				urls = append(urls, canon[i])
			}
		}
	}
	if len(urls) > 0 {
		held, err := storedBy(ctx, s.db, dedupeByURLs, urls)
		if err != nil {
			return nil, err
		}
		for i := range arts {
			if !found[i] && canon[i] != "" && jsonSafe(canon[i]) {
				olds[i], found[i] = held[canon[i]]
			}
		}
	}
	for i := range arts {
		if !found[i] && canon[i] != "" && !jsonSafe(canon[i]) {
			if err := one(i, dedupeByURL, canon[i]); err != nil {
				return nil, err
			}
		}
	}
	for i, a := range arts {
		if !found[i] && a.GUID == "" {
			if hash := contentHash(a.Body); hash != "" {
				if err := one(i, dedupeByHash, hashArg(hash), hex.EncodeToString([]byte(hash))); err != nil {
					return nil, err
				}
			}
		}
		out[i] = found[i] && olds[i].title == a.Title && sameHash(olds[i].hash, contentHash(a.Body))
	}
	return out, nil
}

// jsonSafe says whether a key comes back from a JSON array (json_each)
// byte for byte: Go's encoder replaces invalid UTF-8, and SQLite's text
// stops at a NUL.
func jsonSafe(k string) bool { return utf8.ValidString(k) && !strings.ContainsRune(k, 0) }

// storedBy runs query, whose first parameter is a JSON array of keys and
// whose rows are a key and the stored article it finds, and returns for
// each key found its article of the lowest id, as the look-up of one key
// (LIMIT 1 over an index of key and id) finds it.
func storedBy(ctx context.Context, db queryer, query string, keys []string, args ...any) (map[string]stored, error) {
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, query, append([]any{string(list)}, args...)...)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	held := map[string]stored{}
	for rows.Next() {
		var key string
		var old stored
		if err := rows.Scan(&key, &old.id, &old.hash, &old.title, &old.added); err != nil {
			return nil, err
		}
		if h, ok := held[key]; !ok || old.id < h.id {
			held[key] = old
		}
	}
	return held, explain(rows.Err())
}
