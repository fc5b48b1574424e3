package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"byline/news"
)

// List returns the articles matching q, newest first, skipping offset and
// returning at most limit (all when limit ≤ 0). Articles come without body
// and entities; tags and notes are filled. For a whole library use Each,
// which holds one page in memory instead of every article.
func (s *Store) List(ctx context.Context, q news.Query, offset, limit int) ([]*news.Article, error) {
	var out []*news.Article
	err := s.each(ctx, q, offset, limit, false, func(page []*news.Article) error {
		out = append(out, page...)
		return nil
	})
	return out, err
}

// eachPage is how many articles Each reads before filling their tags and
// notes and handing them over: the memory it holds whatever the library's
// size, and well under SQLite's limit of variables per statement.
const eachPage = 500

// Each calls fn with every article matching q, newest first, at most limit
// (all when limit ≤ 0), as List returns them, holding no more than a page
// of them in memory. It stops at fn's first error and returns it.
func (s *Store) Each(ctx context.Context, q news.Query, limit int, fn func(*news.Article) error) error {
	return s.each(ctx, q, 0, limit, false, eachOne(fn))
}

// EachWhole is Each with every article whole, as Article returns it: body,
// people, places and quotes too. It reads them in the same statement, for
// an export of a whole library.
func (s *Store) EachWhole(ctx context.Context, q news.Query, fn func(*news.Article) error) error {
	return s.each(ctx, q, 0, 0, true, eachOne(fn))
}

func eachOne(fn func(*news.Article) error) func(page []*news.Article) error {
	return func(page []*news.Article) error {
		for _, a := range page {
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	}
}

// fewMatches is how many matches of a word, a person or a place make a
// term rare: fewer, and the query starts from them (reading and sorting a
// few hundred articles costs less than a millisecond); more, and it walks
// the date index and stops after a page. Walking for a rare word read the
// whole library: 20 ms at 10,000 articles, 600 at 300,000.
const fewMatches = 500

// planWhere is where for a query about to run: the rarest of its word,
// person: and place: terms, when it is rare, drives the query. A count
// (counting) has no page to stop after, so it is always driven by one of
// them when there is one: walking the date index instead checked every
// article against the matches, 150 ms for person:Blair at 50,000.
func (s *Store) planWhere(ctx context.Context, q news.Query, counting bool) (string, []any, error) {
	named, err := s.resolveNames(ctx, q)
	if err != nil {
		return "", nil, err
	}
	drive, least, first := -1, fewMatches, -1
	for i, t := range q.Terms {
		if t.Negate {
			continue
		}
		var probe string
		var args []any
		switch t.Field {
		case news.FieldText:
			m := named[i].match
			if m == "" {
				continue
			}
			probe, args = `SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)`, []any{m}
		case news.FieldPerson, news.FieldPlace:
			probe = `SELECT count(*) FROM (SELECT 1 FROM appearances WHERE subject_id IN (SELECT value FROM json_each(?)) LIMIT ?)`
			args = []any{named[i].ids}
		default:
			continue
		}
		if first < 0 {
			first = i
		}
		var n int
		if err := s.db.QueryRowContext(ctx, probe, append(args, least)...).Scan(&n); err != nil {
			continue // the query itself will say what is wrong
		}
		if n < least {
			drive, least = i, n
		}
	}
	if counting && drive < 0 {
		drive = first
	}
	where, args := whereClauseDriven(q, drive, named)
	return where, args, nil
}

// where is whereClause for a query with person: or place: terms, whose
// names it resolves to subjects first.
func (s *Store) where(ctx context.Context, q news.Query) (string, []any, error) {
	named, err := s.resolveNames(ctx, q)
	if err != nil {
		return "", nil, err
	}
	where, args := whereClauseDriven(q, -1, named)
	return where, args, nil
}

// resolveNames gives each person: and place: term of q the subjects it
// names (namedSubjects), by the term's index.
func (s *Store) resolveNames(ctx context.Context, q news.Query) (map[int]subjectSet, error) {
	var named map[int]subjectSet
	for i, t := range q.Terms {
		if t.Field == news.FieldText {
			if named == nil {
				named = map[int]subjectSet{}
			}
			named[i] = subjectSet{match: s.wordMatch(ctx, t.Value)}
			continue
		}
		if t.Field != news.FieldPerson && t.Field != news.FieldPlace {
			continue
		}
		ids, err := namedSubjects(ctx, s.db, news.Kind(t.Field), t.Value)
		if err != nil {
			return nil, fmt.Errorf("look up %s:%s: %w", t.Field, t.Value, explain(err))
		}
		if named == nil {
			named = map[int]subjectSet{}
		}
		named[i] = ids
	}
	return named, nil
}

// each reads the matching rows in one statement and hands them on a page
// at a time, with their tags and notes, and when whole with their body and
// entities.
func (s *Store) each(ctx context.Context, q news.Query, offset, limit int, whole bool, fn func(page []*news.Article) error) error {
	where, args, err := s.planWhere(ctx, q, false)
	if err != nil {
		return err
	}
	if limit <= 0 {
		limit = -1
	}
	cols, join := articleColumns, ""
	if whole {
		cols += `, a.body, a.entities_version, e.data`
		join = ` LEFT JOIN entities e ON e.article_id = a.id`
	}
	const order = ` ORDER BY a.sort_time DESC, a.id DESC`
	query := `SELECT ` + cols + ` FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id` + join +
		where + order + ` LIMIT ? OFFSET ?`
	if offset > 0 {
		// Rows skipped by OFFSET are made whole and thrown away, join and
		// all: a page from the middle of 300,000 articles took as long as
		// reading them. The ids of the page come from the date index alone,
		// and only they are read.
		query = `SELECT ` + cols + ` FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id` + join +
			` WHERE a.id IN (SELECT a.id FROM articles a` + where + order + ` LIMIT ? OFFSET ?)` + order
	}
	rows, err := s.db.QueryContext(ctx, query, append(args, limit, offset)...)
	if err != nil {
		return fmt.Errorf("list %q: %w", q.String(), explain(err))
	}
	defer rows.Close()
	page := make([]*news.Article, 0, eachPage)
	quotesApart := map[int64]*news.Entities{} // of the page's articles
	flush := func() error {
		if len(page) == 0 {
			return nil
		}
		if err := s.fillMarks(ctx, page); err != nil {
			return err
		}
		if err := fillQuotes(ctx, s.db, quotesApart); err != nil {
			return fmt.Errorf("read quotes: %w", explain(err))
		}
		clear(quotesApart)
		if err := fn(page); err != nil {
			return err
		}
		page = make([]*news.Article, 0, eachPage)
		return nil
	}
	for rows.Next() {
		a := &news.Article{}
		var apart bool
		var extra []any
		if whole {
			extra = []any{bodyCol{&a.Body}, &a.EntitiesVersion, entitiesCol{&a.Entities, &apart}}
		}
		if err := scanArticle(rows, a, extra...); err != nil {
			return fmt.Errorf("list %q: %w", q.String(), err)
		}
		if apart {
			quotesApart[a.ID] = &a.Entities
		}
		page = append(page, a)
		if len(page) == eachPage {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list %q: %w", q.String(), explain(err))
	}
	return flush()
}

// Count returns how many articles match q and how many of those are unread.
// The whole library's two are counted apart so each can use an index (the
// unread count has its own partial index) instead of reading every row. A
// query's are counted in one pass: a phrase is checked by reading the
// article, and a second pass for the unread read them all again (a rare
// phrase of common words took twice as long to count as to list).
func (s *Store) Count(ctx context.Context, q news.Query) (total, unread int, err error) {
	where, args, err := s.planWhere(ctx, q, true)
	if err != nil {
		return 0, 0, err
	}
	if where == "" {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a`).Scan(&total)
		if err == nil {
			err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE a.read = 0`).Scan(&unread)
		}
	} else {
		err = s.db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE a.read = 0) FROM articles a`+where, args...).Scan(&total, &unread)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("count %q: %w", q.String(), explain(err))
	}
	return total, unread, nil
}

// whereClauseDriven translates a query into SQL over "articles a", with
// the subjects each person: and place: term names (by the term's index in
// q, see resolveNames). Values always travel as parameters.
//
// Sub-query terms are written "+a.id IN (…)": the "+" stops SQLite from
// driving the query from the matching ids (fetch each, then sort them all
// by date, 1.4 s for a word in every one of 100,000 articles). It walks
// the date index instead and checks each article against the matches,
// which stops after a page for common words. A rare term is better read
// from its matches: the sub-query of term drive (none when -1) is
// written without its "+", and SQLite then reads that term's few matches
// and sorts them.
func whereClauseDriven(q news.Query, drive int, named map[int]subjectSet) (string, []any) {
	var conds []string
	var args []any
	for i, t := range q.Terms {
		cond, targs := termCondition(t)
		if m := named[i].match; t.Field == news.FieldText && m != "" && len(targs) > 0 {
			targs[0] = m
		}
		if t.Field == news.FieldPerson || t.Field == news.FieldPlace {
			cond, targs = subjectCondition(i == drive, named[i].n), []any{named[i].ids}
		}
		if cond == "" {
			continue
		}
		if i == drive {
			cond = strings.TrimPrefix(cond, "+")
		}
		if t.Negate {
			cond = "NOT (" + cond + ")"
		}
		conds = append(conds, cond)
		args = append(args, targs...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// subjectCondition matches the articles of n subjects, whose ids are a
// JSON array. Driving, it reads their appearances. Else it is checked
// article by article as the date index is walked: for a few subjects a
// look-up of each in appearances' key (its sort_time is the article's,
// written together), for more a read of the article's appearances
// through appearances_by_article, rather than hundreds of look-ups for
// every article walked. "IN" instead would first read every article of a
// common name.
func subjectCondition(drive bool, n int) string {
	switch {
	case drive:
		return `a.id IN (SELECT article_id FROM appearances WHERE subject_id IN (SELECT value FROM json_each(?)))`
	case n <= fewSubjects:
		return `EXISTS (SELECT 1 FROM appearances sa WHERE sa.subject_id IN (SELECT value FROM json_each(?)) AND sa.sort_time = a.sort_time AND sa.article_id = a.id)`
	}
	return `EXISTS (SELECT 1 FROM appearances sa WHERE sa.article_id = a.id AND sa.subject_id IN (SELECT value FROM json_each(?)))`
}

// fewSubjects is the most subjects looked up one by one for each article
// walked; an article has about ten appearances to read instead. 100k
// articles, a person in a fifth of them: 1.7 ms of CPU either way for one
// subject, where reading the appearances took 2.3.
const fewSubjects = 8

func termCondition(t news.Term) (string, []any) {
	switch t.Field {
	case news.FieldText:
		m := ftsPhrase(t.Value)
		if m == "" {
			return "", nil
		}
		cond, args := "+a.id IN (SELECT rowid FROM search WHERE search MATCH ?)", []any{m}
		if words := searchWords(t.Value); len(words) > 1 {
			// The index has the articles with every word of the phrase;
			// byline_phrase keeps those where the words stand together.
			cond += " AND " + phraseFunc + "(?, a.title, a.body, (SELECT group_concat(n.text, char(10)) FROM notes n WHERE n.article_id = a.id))"
			args = append(args, phraseKey(words))
		}
		return cond, args
	case news.FieldIs:
		switch t.Value {
		case "read":
			return "a.read = 1", nil
		case "unread":
			return "a.read = 0", nil
		default:
			return "a.starred = 1", nil
		}
	case news.FieldHas:
		if t.Value == "highlight" {
			return "EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)", nil
		}
		return "EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)", nil
	case news.FieldTag:
		return "EXISTS (SELECT 1 FROM tags g WHERE g.article_id = a.id AND g.name = ?)", []any{strings.ToLower(t.Value)}
	case news.FieldSource:
		return `a.source LIKE ? ESCAPE '\'`, []any{likeContains(t.Value)}
	case news.FieldFeed:
		// feed:#12 is one feed by its id (the reader's feed view, `byline
		// feeds`); any other value is part of a feed's title.
		if id, err := strconv.ParseInt(strings.TrimPrefix(t.Value, "#"), 10, 64); err == nil && strings.HasPrefix(t.Value, "#") {
			return "a.feed_id = ?", []any{id}
		}
		return `a.feed_id IN (SELECT id FROM feeds WHERE title LIKE ? ESCAPE '\')`, []any{likeContains(t.Value)}
	case news.FieldAfter:
		return "a.sort_time >= ?", []any{t.Time.Unix()}
	case news.FieldBefore:
		return "a.sort_time < ?", []any{t.Time.Unix()}
	}
	return "", nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func likeContains(s string) string { return "%" + likeEscape(s) + "%" }

// maxSpelledOut is the most words a prefix is spelled out as. A prefix
// query of an index without positions (detail=none) gathers the articles
// of all its words into one list before the first row: 60 ms of CPU for a
// word in every one of 100,000 articles, where the same words joined by OR
// are read as they are needed (23.5 ms against 5.1 for the word alone).
const maxSpelledOut = 16

// wordMatch is a word term's query of the search index: for one word, the
// words of the index it begins (search_vocab), joined by OR, unless there
// are more than maxSpelledOut or none; otherwise ftsPhrase's.
func (s *Store) wordMatch(ctx context.Context, v string) string {
	words := searchWords(v)
	if len(words) != 1 {
		return ftsPhrase(v)
	}
	p := foldWord(words[0])
	rows, err := s.db.QueryContext(ctx, `SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?`,
		p, p+"\U0010FFFF", maxSpelledOut+1)
	if err != nil {
		return ftsPhrase(v)
	}
	defer rows.Close()
	var terms []string
	for rows.Next() {
		var t string
		if rows.Scan(&t) != nil || strings.ContainsRune(t, '"') {
			return ftsPhrase(v)
		}
		terms = append(terms, `"`+t+`"`)
	}
	if rows.Err() != nil || len(terms) == 0 || len(terms) > maxSpelledOut {
		return ftsPhrase(v)
	}
	return strings.Join(terms, " OR ")
}

// ftsPhrase turns a word or phrase typed by a reader into an FTS5 query
// of the words it is made of, as the index splits them. One word is also a
// prefix ("elect" finds "election"); the words of a phrase must all be in
// the article, and whereClause checks that they stand together (the index
// keeps no positions: see byline_phrase).
func ftsPhrase(v string) string {
	words := searchWords(v)
	if len(words) == 0 {
		return ""
	}
	if len(words) == 1 {
		return `"` + words[0] + `"*`
	}
	return `"` + strings.Join(words, `" AND "`) + `"`
}

// Unsearchable counts the articles q cannot find yet though it may match
// them: for words, those saved and not yet indexed for search; for person:
// and place:, those whose people and places an extractor of version has
// not stored yet. Zero for a query with neither. Both counts use an index,
// and both are small but for the minutes after a large refresh.
func (s *Store) Unsearchable(ctx context.Context, q news.Query, version int) (int, error) {
	var words, names bool
	for _, t := range q.Terms {
		switch t.Field {
		case news.FieldText:
			words = words || ftsPhrase(t.Value) != ""
		case news.FieldPerson, news.FieldPlace:
			names = true
		}
	}
	n := 0
	if words {
		u, err := s.Unindexed(ctx)
		if err != nil {
			return 0, err
		}
		n = u
	}
	if names {
		u, err := s.Unfinished(ctx, version)
		if err != nil {
			return 0, err
		}
		n = max(n, u)
	}
	return n, nil
}
