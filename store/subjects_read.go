package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"byline/news"
)

// SubjectOrder is how a list of subjects is sorted.
type SubjectOrder int

// The orders of a list of subjects.
const (
	ByStories SubjectOrder = iota // most stories first
	ByRecent                      // latest story first
)

// SubjectFilter selects subjects: those of one kind in the articles
// matching Query, whose name contains Name.
type SubjectFilter struct {
	Kind  news.Kind
	Query news.Query
	Name  string
	Order SubjectOrder
}

// Subjects lists the people or places of the library (or of the articles
// matching f.Query), with their stories, mentions and first and last
// story, skipping offset and returning at most limit (all when limit ≤ 0),
// and says how many there are in all. Without a query the counts are read
// from the index as they are; with one they are counted over the matching
// articles.
func (s *Store) Subjects(ctx context.Context, f SubjectFilter, offset, limit int) ([]news.Subject, int, error) {
	if limit <= 0 {
		limit = -1
	}
	nameCond, nameArgs := "", []any{}
	if n := strings.TrimSpace(f.Name); n != "" {
		nameCond = ` AND s.name LIKE ? ESCAPE '\'`
		nameArgs = append(nameArgs, likeContains(n))
	}
	order := "g.stories DESC, s.name"
	if f.Order == ByRecent {
		order = "g.last_seen DESC, s.name"
	}
	var query, countQuery string
	var args []any
	if f.Query.Empty() {
		if f.Order == ByRecent {
			order = "s.last_seen DESC, s.id"
		} else {
			order = "s.stories DESC, s.id" // the index's order
		}
		// "+": by recency SQLite would otherwise take the stories index
		// for the condition and sort every subject by date.
		query = `SELECT s.id, s.name, s.stories, s.mentions, s.first_seen, s.last_seen FROM subjects s
			WHERE s.kind = ? AND +s.stories > 0` + nameCond + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
		countQuery = `SELECT count(*) FROM subjects s WHERE s.kind = ? AND s.stories > 0` + nameCond
		args = append([]any{string(f.Kind)}, nameArgs...)
	} else {
		// Counted over the matching articles' appearances, then named:
		// one pass, paged here, since the count needs every group anyway.
		where, wargs, err := s.where(ctx, f.Query)
		if err != nil {
			return nil, 0, err
		}
		query = `SELECT s.id, s.name, g.stories, g.mentions, g.first_seen, g.last_seen
			FROM (SELECT ap.subject_id, count(*) AS stories, sum(ap.mentions) AS mentions, min(ap.sort_time) AS first_seen, max(ap.sort_time) AS last_seen
				FROM articles a CROSS JOIN appearances ap ON ap.article_id = a.id` + where + ` GROUP BY ap.subject_id) g
			CROSS JOIN subjects s ON s.id = g.subject_id WHERE s.kind = ?` + nameCond + ` ORDER BY ` + order
		args = append(append(wargs, string(f.Kind)), nameArgs...)
	}
	var total int
	var rows *sql.Rows
	var err error
	if countQuery != "" {
		if err := s.db.QueryRowContext(ctx, countQuery, args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("count %ss: %w", f.Kind, explain(err))
		}
		rows, err = s.db.QueryContext(ctx, query, append(args, limit, offset)...)
	} else {
		rows, err = s.db.QueryContext(ctx, query, args...)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("list %ss: %w", f.Kind, explain(err))
	}
	defer rows.Close()
	var out []news.Subject
	n := 0
	for rows.Next() {
		n++
		if countQuery == "" && (n <= offset || limit >= 0 && len(out) == limit) {
			continue
		}
		sub := news.Subject{Kind: f.Kind}
		var first, last int64
		if err := rows.Scan(&sub.ID, &sub.Name, &sub.Stories, &sub.Mentions, &first, &last); err != nil {
			return nil, 0, err
		}
		sub.FirstSeen, sub.LastSeen = time.Unix(first, 0), time.Unix(last, 0)
		out = append(out, sub)
	}
	if countQuery == "" {
		total = n
	}
	return out, total, rows.Err()
}

const week = 7 * 24 * 60 * 60

// FillWeekly sets each subject's Weekly to its stories in each of the
// weeks weeks up to the library's newest article, oldest first.
func (s *Store) FillWeekly(ctx context.Context, subs []news.Subject, weeks int) error {
	var newest sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(sort_time) FROM articles`).Scan(&newest); err != nil {
		return explain(err)
	}
	start := newest.Int64 - int64(weeks)*week + 1
	for i := range subs {
		subs[i].Weekly = make([]int, weeks)
		rows, err := s.db.QueryContext(ctx, `SELECT (sort_time - ?) / ?, count(*) FROM appearances
			WHERE subject_id = ? AND sort_time >= ? GROUP BY 1`, start, week, subs[i].ID, start)
		if err != nil {
			return explain(err)
		}
		for rows.Next() {
			var w, n int
			if err := rows.Scan(&w, &n); err != nil {
				rows.Close()
				return err
			}
			if w >= 0 && w < weeks {
				subs[i].Weekly[w] = n
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// AmbiguousError says a name could be several subjects.
type AmbiguousError struct {
	Name       string
	Candidates []news.Subject
}

func (e *AmbiguousError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		names[i] = fmt.Sprintf("%q (%d stories)", c.Name, c.Stories)
	}
	return fmt.Sprintf("%q could be %s: give the full name", e.Name, strings.Join(names, " or "))
}

// FindSubject finds the person or place a reader names: by any of their
// forms, or for a person by a single word only one person dominates.
func (s *Store) FindSubject(ctx context.Context, kind news.Kind, name string) (news.Subject, error) {
	key := subjectKey(name)
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT subject_id FROM subject_keys WHERE kind = ? AND key = ?`, string(kind), key).Scan(&id)
	if err == nil {
		return s.Subject(ctx, id)
	}
	if err != sql.ErrNoRows {
		return news.Subject{}, explain(err)
	}
	if kind == news.KindPerson && !strings.Contains(key, " ") {
		rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.name, s.stories FROM short_names n JOIN subjects s ON s.id = n.subject_id
			WHERE n.key = ? AND s.stories > 0 ORDER BY s.stories DESC, s.id`, key)
		if err != nil {
			return news.Subject{}, explain(err)
		}
		var cands []news.Subject
		for rows.Next() {
			c := news.Subject{Kind: kind}
			if err := rows.Scan(&c.ID, &c.Name, &c.Stories); err != nil {
				rows.Close()
				return news.Subject{}, err
			}
			cands = append(cands, c)
		}
		rows.Close()
		switch {
		case len(cands) == 1 || len(cands) > 1 && cands[0].Stories >= dominance*max(cands[1].Stories, 1):
			return s.Subject(ctx, cands[0].ID)
		case len(cands) > 1:
			return news.Subject{}, &AmbiguousError{Name: name, Candidates: cands}
		}
	}
	return news.Subject{}, fmt.Errorf("no %s called %q in the library: %w", kind, name, ErrNotFound)
}

// Subject returns one subject by its id.
func (s *Store) Subject(ctx context.Context, id int64) (news.Subject, error) {
	sub := news.Subject{ID: id}
	var first, last int64
	var kind string
	err := s.db.QueryRowContext(ctx, `SELECT kind, name, stories, mentions, first_seen, last_seen FROM subjects WHERE id = ?`, id).
		Scan(&kind, &sub.Name, &sub.Stories, &sub.Mentions, &first, &last)
	if err == sql.ErrNoRows {
		return sub, fmt.Errorf("subject %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return sub, explain(err)
	}
	sub.Kind = news.Kind(kind)
	sub.FirstSeen, sub.LastSeen = time.Unix(first, 0), time.Unix(last, 0)
	return sub, nil
}

// SubjectStories returns a subject's stories, newest first, as List does.
func (s *Store) SubjectStories(ctx context.Context, id int64, offset, limit int) ([]*news.Article, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+` FROM appearances ap JOIN articles a ON a.id = ap.article_id
		LEFT JOIN feeds f ON f.id = a.feed_id WHERE ap.subject_id = ? ORDER BY ap.sort_time DESC, ap.article_id DESC LIMIT ? OFFSET ?`, id, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("stories of subject %d: %w", id, explain(err))
	}
	return s.scanArticles(ctx, rows)
}

// relatedWindow is how many of a subject's latest stories their company
// is counted over: a person in a third of 100,000 stories would otherwise
// cost a join of every one.
const relatedWindow = 1000

// Related returns the people and the places most often in the same
// stories as a subject (in their latest 1,000), at most limit of each,
// with Stories counting the stories they share.
func (s *Store) Related(ctx context.Context, id int64, limit int) (people, places []news.Subject, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.kind, s.name, c.n
		FROM (SELECT ap.subject_id, count(*) AS n
			FROM (SELECT article_id FROM appearances WHERE subject_id = ? ORDER BY sort_time DESC LIMIT ?) mine
			CROSS JOIN appearances ap ON ap.article_id = mine.article_id
			WHERE ap.subject_id <> ? GROUP BY ap.subject_id) c
		CROSS JOIN subjects s ON s.id = c.subject_id ORDER BY c.n DESC, s.name`, id, relatedWindow, id)
	if err != nil {
		return nil, nil, explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var sub news.Subject
		var kind string
		if err := rows.Scan(&sub.ID, &kind, &sub.Name, &sub.Stories); err != nil {
			return nil, nil, err
		}
		sub.Kind = news.Kind(kind)
		if sub.Kind == news.KindPerson && len(people) < limit {
			people = append(people, sub)
		} else if sub.Kind == news.KindPlace && len(places) < limit {
			places = append(places, sub)
		}
	}
	return people, places, rows.Err()
}

// QuoteFilter selects quotes: by a speaker's subject, by words in the
// quote or its speaker's name, and by the articles they are in.
type QuoteFilter struct {
	SpeakerID int64
	Words     string
	Query     news.Query
}

// Quotes lists the library's quotes, newest story first, skipping offset
// and returning at most limit (all when limit ≤ 0), and counts them.
func (s *Store) Quotes(ctx context.Context, f QuoteFilter, offset, limit int) ([]news.LibraryQuote, int, error) {
	from, args, err := s.quotesFrom(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	count := `SELECT count(*)` + from
	if f.Query.Empty() {
		count = `SELECT count(*) FROM library_quotes q` + strings.TrimPrefix(from, quotesJoin)
	}
	var total int
	if err := s.db.QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count quotes: %w", explain(err))
	}
	var out []news.LibraryQuote
	err = s.eachQuote(ctx, from, args, offset, limit, func(q news.LibraryQuote) error {
		out = append(out, q)
		return nil
	})
	return out, total, err
}

// EachQuote hands fn the quotes f matches, newest story first, at most
// limit (all when limit ≤ 0), as they are read: byline quotes prints a
// library's hundreds of thousands without holding them.
func (s *Store) EachQuote(ctx context.Context, f QuoteFilter, limit int, fn func(news.LibraryQuote) error) error {
	from, args, err := s.quotesFrom(ctx, f)
	if err != nil {
		return err
	}
	return s.eachQuote(ctx, from, args, 0, limit, fn)
}

const quotesJoin = ` FROM library_quotes q JOIN articles a ON a.id = q.article_id`

// quotesFrom is the FROM and WHERE of the quotes f matches.
func (s *Store) quotesFrom(ctx context.Context, f QuoteFilter) (string, []any, error) {
	var conds []string
	var args []any
	if f.SpeakerID != 0 {
		conds = append(conds, "q.speaker_id = ?")
		args = append(args, f.SpeakerID)
	}
	for _, w := range strings.Fields(f.Words) {
		conds = append(conds, `(q.text LIKE ? ESCAPE '\' OR q.speaker LIKE ? ESCAPE '\')`)
		args = append(args, likeContains(strings.Trim(w, `"`)), likeContains(strings.Trim(w, `"`)))
	}
	qwhere, wargs, err := s.where(ctx, f.Query)
	if err != nil {
		return "", nil, err
	}
	if qwhere != "" {
		conds = append(conds, strings.TrimPrefix(qwhere, " WHERE "))
		args = append(args, wargs...)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return quotesJoin + where, args, nil
}

func (s *Store) eachQuote(ctx context.Context, from string, args []any, offset, limit int, fn func(news.LibraryQuote) error) error {
	if limit <= 0 {
		limit = -1
	}
	// The speaker by the name the library knows them by: "MacRae" in a
	// story is Fiona MacRae.
	rows, err := s.db.QueryContext(ctx, `SELECT q.article_id, q.ord, q.sort_time, COALESCE(q.speaker_id, 0),
		COALESCE((SELECT name FROM subjects WHERE id = q.speaker_id), q.speaker), q.text, q.partial, q.paragraph,
		a.title, a.source`+from+` ORDER BY q.sort_time DESC, q.article_id, q.ord LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return fmt.Errorf("list quotes: %w", explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		var q news.LibraryQuote
		var t int64
		if err := rows.Scan(&q.ArticleID, &q.Ord, &t, &q.SpeakerID, &q.Speaker, &q.Text, &q.Partial, &q.Paragraph, &q.Title, &q.Source); err != nil {
			return err
		}
		q.Date = time.Unix(t, 0)
		if err := fn(q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SubjectForm is one of the forms a subject is known by, with the number
// of its stories that used it.
type SubjectForm struct {
	Name    string
	Stories int
	Manual  bool // a reader's merge or split put it here
}

// Forms lists the forms a subject is known by, most used first: those
// recorded for them and those their stories used.
func (s *Store) Forms(ctx context.Context, id int64) ([]SubjectForm, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, name, manual, 0 FROM subject_keys WHERE subject_id = ?
		UNION ALL SELECT key, '', 0, count(*) FROM appearances WHERE subject_id = ? GROUP BY key`, id, id)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	byKey := map[string]*SubjectForm{}
	var keys []string
	for rows.Next() {
		var key, name string
		var manual bool
		var n int
		if err := rows.Scan(&key, &name, &manual, &n); err != nil {
			return nil, err
		}
		f := byKey[key]
		if f == nil {
			f = &SubjectForm{}
			byKey[key] = f
			keys = append(keys, key)
		}
		if name != "" {
			f.Name, f.Manual = name, manual
		}
		f.Stories += n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]SubjectForm, 0, len(keys))
	for _, k := range keys {
		f := byKey[k]
		if f.Name == "" {
			f.Name = titleCase(k)
		}
		out = append(out, *f)
	}
	slices.SortStableFunc(out, func(a, b SubjectForm) int { return b.Stories - a.Stories })
	return out, nil
}

// titleCase writes a form known only by its key as a name.
func titleCase(key string) string {
	f := strings.Fields(key)
	for i, w := range f {
		r := []rune(w)
		f[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	return strings.Join(f, " ")
}

// Merge makes from and into one subject, named as into: its stories,
// forms and quotes become into's, and stories that arrive later naming
// any of from's forms go to into. Re-extracting an article keeps it so.
func (s *Store) Merge(ctx context.Context, kind news.Kind, into, from string) (news.Subject, error) {
	a, err := s.FindSubject(ctx, kind, into)
	if err != nil {
		return news.Subject{}, err
	}
	b, err := s.FindSubject(ctx, kind, from)
	if err != nil {
		return news.Subject{}, err
	}
	if a.ID == b.ID {
		return news.Subject{}, fmt.Errorf("%q and %q are already one %s, %s", into, from, kind, a.Name)
	}
	err = s.writeStmts(ctx, func(w *wtx) error { return mergeSubjects(w, a.ID, b.ID, true) })
	if err != nil {
		return news.Subject{}, fmt.Errorf("merge %q into %q: %w", from, into, explain(err))
	}
	return s.Subject(ctx, a.ID)
}

// ErrNotAForm is returned by Split for a form the subject is not known by.
var ErrNotAForm = errors.New("not one of its forms")

// Split takes forms away from the subject called name: each becomes a
// subject of its own with the stories that used it, and keeps them as
// later stories arrive. It returns the new subjects.
func (s *Store) Split(ctx context.Context, kind news.Kind, name string, forms []string) ([]news.Subject, error) {
	sub, err := s.FindSubject(ctx, kind, name)
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = s.writeStmts(ctx, func(w *wtx) error {
		stories, err := subjectArticles(w, sub.ID)
		if err != nil {
			return err
		}
		for _, form := range forms {
			key := subjectKey(form)
			var owner int64
			err := w.scan(`SELECT subject_id FROM subject_keys WHERE kind = ? AND key = ?`, []any{string(kind), key}, &owner)
			switch {
			case err == sql.ErrNoRows:
				// A one-word form its stories joined them by: it
				// becomes a form of the new subject.
				var used bool
				if err := w.scan(`SELECT EXISTS (SELECT 1 FROM appearances WHERE subject_id = ? AND key = ?)`, []any{sub.ID, key}, &used); err != nil {
					return err
				}
				if !used {
					return fmt.Errorf("%q: %w of %s", form, ErrNotAForm, sub.Name)
				}
			case err != nil:
				return err
			case owner != sub.ID:
				return fmt.Errorf("%q: %w of %s", form, ErrNotAForm, sub.Name)
			}
			var id int64
			if err := w.scan(`INSERT INTO subjects(kind, name) VALUES (?, ?) RETURNING id`, []any{string(kind), strings.TrimSpace(form)}, &id); err != nil {
				return err
			}
			if _, err := w.exec(`INSERT INTO subject_keys(kind, key, subject_id, name, manual) VALUES (?, ?, ?, ?, 1)
				ON CONFLICT DO UPDATE SET subject_id = excluded.subject_id, manual = 1`, string(kind), key, id, strings.TrimSpace(form)); err != nil {
				return err
			}
			// What is left is the reader's choice too: no automatic
			// merge gives the form back.
			if _, err := w.exec(`UPDATE subject_keys SET manual = 1 WHERE subject_id = ?`, sub.ID); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		// Its stories resolve again, now the forms are elsewhere.
		return reindexArticles(w, stories)
	})
	if err != nil {
		return nil, fmt.Errorf("split %q: %w", name, explain(err))
	}
	var out []news.Subject
	for _, id := range ids {
		n, err := s.Subject(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// scanArticles reads rows of articleColumns and fills their marks.
func (s *Store) scanArticles(ctx context.Context, rows *sql.Rows) ([]*news.Article, error) {
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		a := &news.Article{}
		if err := scanArticle(rows, a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, s.fillMarks(ctx, out)
}
