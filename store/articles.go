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
	err := s.writeStmts(ctx, func(w *wtx) error {
		for i, a := range arts {
			r, err := saveOne(w, a, now, deferIndex)
			if err != nil {
				return fmt.Errorf("save article %q: %w", a.Title, err)
			}
			results[i] = r
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, a := range arts {
		a.ID = results[i].ID
	}
	return results, nil
}

func saveOne(w *wtx, a *news.Article, now time.Time, deferIndex bool) (SaveResult, error) {
	if a.Added.IsZero() {
		a.Added = now
	}
	if a.Words == 0 {
		a.Words = news.WordCount(a.Body)
	}
	canon := CanonicalURL(a.URL)
	hash := contentHash(a.Body)
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
			a.GUID, a.URL, canon, hash, nullID(a.FeedID), a.Title, a.Source, a.Author, published, a.Added.Unix(), sortTime,
			a.Body, a.Words, a.Read, a.Starred, a.EntitiesVersion)
		if err != nil {
			return SaveResult{}, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return SaveResult{}, err
		}
		if err := addTags(w.ctx, w.tx, id, a.Tags); err != nil {
			return SaveResult{}, err
		}
		if err := writeEntities(w, id, a.Entities); err != nil {
			return SaveResult{}, err
		}
		if deferIndex {
			_, err = w.exec(`INSERT OR IGNORE INTO unindexed(article_id) VALUES (?)`, id)
		} else {
			_, err = w.exec(`INSERT INTO search(rowid, title, body, notes) VALUES (?, ?, ?, '')`, id, a.Title, a.Body)
		}
		return SaveResult{ID: id, New: true, Changed: true}, err
	}

	// An update keeps what the reader did (marks, tags, notes) and when the
	// article first arrived; the text and its entities are the new ones.
	a.Added = time.Unix(old.added, 0)
	if err := addTags(w.ctx, w.tx, old.id, a.Tags); err != nil {
		return SaveResult{}, err
	}
	textChanged := old.hash != hash || old.title != a.Title
	if !textChanged && a.EntitiesVersion == 0 {
		// The same story again, as a feed repeats its items on every
		// fetch: leave it alone, so an unchanged refresh costs a look-up.
		return SaveResult{ID: old.id}, nil
	}
	sortTime := a.Date().Unix()
	_, err = w.exec(`UPDATE articles SET guid = ?, url = ?, canonical_url = ?, content_hash = ?,
		feed_id = COALESCE(?, feed_id), title = ?, source = ?, author = ?, published = ?, sort_time = ?, body = ?, words = ?
		WHERE id = ?`,
		a.GUID, a.URL, canon, hash, nullID(a.FeedID), a.Title, a.Source, a.Author, published, sortTime, a.Body, a.Words, old.id)
	if err != nil {
		return SaveResult{}, err
	}
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
		_, err = w.exec(`INSERT OR IGNORE INTO unindexed(article_id) VALUES (?)`, old.id)
	} else {
		err = reindex(w, old.id)
	}
	return SaveResult{ID: old.id, Changed: true}, err
}

// reindex rewrites an article's search row from what is stored: its title,
// body and notes. An article saved unindexed has no row yet; the delete
// costs nothing then.
func reindex(w *wtx, id int64) error {
	if _, err := w.exec(`DELETE FROM search WHERE rowid = ?`, id); err != nil {
		return err
	}
	_, err := w.exec(`INSERT INTO search(rowid, title, body, notes)
		SELECT a.id, a.title, a.body, (SELECT COALESCE(group_concat(text, char(10)), '') FROM notes WHERE article_id = a.id)
		FROM articles a WHERE a.id = ?`, id)
	return err
}

// The look-ups of an article's earlier copy. Each repeats its partial
// index's condition that the key is not empty: SQLite uses a partial index
// only when the query implies the index's WHERE.
const (
	dedupeByGUID = `SELECT id, content_hash, title, added FROM articles WHERE guid = ? AND guid <> '' AND feed_id IS ? LIMIT 1`
	dedupeByURL  = `SELECT id, content_hash, title, added FROM articles WHERE canonical_url = ? AND canonical_url <> '' LIMIT 1`
	dedupeByHash = `SELECT id, content_hash, title, added FROM articles WHERE content_hash = ? AND content_hash <> '' LIMIT 1`
)

// stored is what a save needs to know of an article's earlier copy.
type stored struct {
	id    int64
	hash  string
	title string
	added int64
}

// findExisting looks for the stored copy of a: by GUID within its feed,
// then by canonical URL, then by the hash of its text. A zero id: none.
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
		{hash != "", dedupeByHash, []any{hash}},
	} {
		if !q.ok {
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

// contentHash identifies an article's text regardless of spacing.
func contentHash(body string) string {
	f := strings.Fields(body)
	if len(f) == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(strings.Join(f, " ")))
	return hex.EncodeToString(sum[:16])
}

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
	for _, table := range []string{"people", "places", "quotes", "entity_names"} {
		if _, err := w.exec("DELETE FROM "+table+" WHERE article_id = ?", id); err != nil {
			return err
		}
	}
	if _, err := w.exec(`UPDATE articles SET entities_version = ? WHERE id = ?`, version, id); err != nil {
		return err
	}
	return writeEntities(w, id, e)
}

func writeEntities(w *wtx, id int64, e news.Entities) error {
	for i, p := range e.People {
		if _, err := w.exec(`INSERT INTO people(article_id, ord, name, mentions, aliases) VALUES (?, ?, ?, ?, ?)`,
			id, i, p.Name, p.Mentions, aliasJSON(p.Aliases)); err != nil {
			return err
		}
		names := append([]string{p.Name}, p.Aliases...)
		if f := strings.Fields(p.Name); len(f) > 1 {
			names = append(names, f[len(f)-1])
		}
		if err := writeNames(w, id, "person", names); err != nil {
			return err
		}
	}
	for i, p := range e.Places {
		if _, err := w.exec(`INSERT INTO places(article_id, ord, name, mentions, aliases) VALUES (?, ?, ?, ?, ?)`,
			id, i, p.Name, p.Mentions, aliasJSON(p.Aliases)); err != nil {
			return err
		}
		if err := writeNames(w, id, "place", append([]string{p.Name}, p.Aliases...)); err != nil {
			return err
		}
	}
	for i, q := range e.Quotes {
		if _, err := w.exec(`INSERT INTO quotes(article_id, ord, text, speaker, partial, paragraph) VALUES (?, ?, ?, ?, ?, ?)`,
			id, i, q.Text, q.Speaker, q.Partial, q.Paragraph); err != nil {
			return err
		}
	}
	return nil
}

// writeNames records the forms an entity is found by (see migration 003).
func writeNames(w *wtx, id int64, kind string, names []string) error {
	for _, n := range names {
		if _, err := w.exec(`INSERT OR IGNORE INTO entity_names(article_id, kind, name) VALUES (?, ?, ?)`,
			id, kind, strings.ToLower(n)); err != nil {
			return err
		}
	}
	return nil
}

func aliasJSON(a []string) string {
	if len(a) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(a)
	return string(b)
}

// Article returns one article with everything about it: body, entities,
// tags, notes and its feed's title.
func (s *Store) Article(ctx context.Context, id int64) (*news.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+`, a.body, a.entities_version
		FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?`, id)
	a := &news.Article{}
	dest := append(scanTargets(a), &a.Body, &a.EntitiesVersion)
	var pub sql.NullInt64
	var added int64
	dest[publishedCol], dest[addedCol] = &pub, &added
	if err := row.Scan(dest...); err == sql.ErrNoRows {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	} else if err != nil {
		return nil, fmt.Errorf("read article %d: %w", id, explain(err))
	}
	setTimes(a, pub, added)
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

// articleColumns are the listing fields, in the order scanTargets expects.
const articleColumns = `a.id, a.guid, a.url, COALESCE(a.feed_id, 0), COALESCE(f.title, ''), a.title, a.source, a.author,
	a.published, a.added, a.words, a.read, a.starred`

const (
	publishedCol = 8
	addedCol     = 9
)

func scanTargets(a *news.Article) []any {
	return []any{&a.ID, &a.GUID, &a.URL, &a.FeedID, &a.Feed, &a.Title, &a.Source, &a.Author,
		nil, nil, &a.Words, &a.Read, &a.Starred}
}

func setTimes(a *news.Article, pub sql.NullInt64, added int64) {
	if pub.Valid {
		a.Published = time.Unix(pub.Int64, 0)
	}
	a.Added = time.Unix(added, 0)
}

func (s *Store) entities(ctx context.Context, id int64) (news.Entities, error) {
	var e news.Entities
	named := func(table string, add func(name string, mentions int, aliases []string)) error {
		rows, err := s.db.QueryContext(ctx, `SELECT name, mentions, aliases FROM `+table+` WHERE article_id = ? ORDER BY ord`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var name, aliases string
			var mentions int
			if err := rows.Scan(&name, &mentions, &aliases); err != nil {
				return err
			}
			var list []string
			json.Unmarshal([]byte(aliases), &list)
			add(name, mentions, list)
		}
		return rows.Err()
	}
	if err := named("people", func(n string, m int, al []string) {
		e.People = append(e.People, news.Person{Name: n, Mentions: m, Aliases: al})
	}); err != nil {
		return e, err
	}
	if err := named("places", func(n string, m int, al []string) {
		e.Places = append(e.Places, news.Place{Name: n, Mentions: m, Aliases: al})
	}); err != nil {
		return e, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT text, speaker, partial, paragraph FROM quotes WHERE article_id = ? ORDER BY ord`, id)
	if err != nil {
		return e, err
	}
	defer rows.Close()
	for rows.Next() {
		var q news.Quote
		if err := rows.Scan(&q.Text, &q.Speaker, &q.Partial, &q.Paragraph); err != nil {
			return e, err
		}
		e.Quotes = append(e.Quotes, q)
	}
	return e, rows.Err()
}

// Unextracted returns up to limit articles whose entities come from an
// extractor older than version, with their title and body.
func (s *Store) Unextracted(ctx context.Context, version, limit int) ([]*news.Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, body FROM articles WHERE entities_version < ? ORDER BY id LIMIT ?`, version, limit)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		a := &news.Article{}
		if err := rows.Scan(&a.ID, &a.Title, &a.Body); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetEntities stores freshly extracted entities for many articles in one
// transaction, and writes the search rows of those saved unindexed.
// Articles deleted meanwhile are skipped.
func (s *Store) SetEntities(ctx context.Context, version int, updates map[int64]news.Entities) error {
	ids := make([]int64, 0, len(updates))
	for id := range updates {
		ids = append(ids, id)
	}
	// In id order the search index's pages are written in order too.
	slices.Sort(ids)
	return s.writeStmts(ctx, func(w *wtx) error {
		for _, id := range ids {
			if err := replaceEntities(w, id, version, updates[id]); err != nil {
				return fmt.Errorf("store entities of article %d: %w", id, err)
			}
			res, err := w.exec(`DELETE FROM unindexed WHERE article_id = ?`, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				if err := reindex(w, id); err != nil {
					return fmt.Errorf("index article %d: %w", id, err)
				}
			}
		}
		return nil
	})
}

// Unfinished counts the articles still waiting for extraction by version
// (or for their search row): the work a refresh left to do in the background.
func (s *Store) Unfinished(ctx context.Context, version int) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE entities_version < ?`, version).Scan(&n)
	return n, explain(err)
}
