package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"byline/news"
)

// List returns the articles matching q, newest first, skipping offset and
// returning at most limit (all when limit ≤ 0). Articles come without body
// and entities; tags and notes are filled.
func (s *Store) List(ctx context.Context, q news.Query, offset, limit int) ([]*news.Article, error) {
	where, args := whereClause(q)
	if limit <= 0 {
		limit = -1
	}
	query := `SELECT ` + articleColumns + ` FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id` +
		where + ` ORDER BY a.sort_time DESC, a.id DESC LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, query, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("list %q: %w", q.String(), explain(err))
	}
	defer rows.Close()
	var out []*news.Article
	for rows.Next() {
		a := &news.Article{}
		dest := scanTargets(a)
		var pub sql.NullInt64
		var added int64
		dest[publishedCol], dest[addedCol] = &pub, &added
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		setTimes(a, pub, added)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.fillMarks(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Count returns how many articles match q and how many of those are unread.
// The two are counted apart so each can use an index (the unread count has
// its own partial index) instead of reading every row of a large library.
func (s *Store) Count(ctx context.Context, q news.Query) (total, unread int, err error) {
	where, args := whereClause(q)
	unreadWhere := " WHERE a.read = 0"
	if where != "" {
		unreadWhere = where + " AND a.read = 0"
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+where, args...).Scan(&total)
	if err == nil {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+unreadWhere, args...).Scan(&unread)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("count %q: %w", q.String(), explain(err))
	}
	return total, unread, nil
}

// whereClause translates a query into SQL over "articles a". Values always
// travel as parameters.
//
// Sub-query terms are written "+a.id IN (…)": the "+" stops SQLite from
// driving the query from the matching ids (fetch each, then sort them all
// by date, 1.4 s for a word in every one of 100,000 articles). It walks
// the date index instead and checks each article against the matches,
// which stops after a page for common words and stays near 20 ms for rare
// ones.
func whereClause(q news.Query) (string, []any) {
	var conds []string
	var args []any
	for _, t := range q.Terms {
		cond, targs := termCondition(t)
		if cond == "" {
			continue
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

func termCondition(t news.Term) (string, []any) {
	switch t.Field {
	case news.FieldText:
		m := ftsPhrase(t.Value)
		if m == "" {
			return "", nil
		}
		return "+a.id IN (SELECT rowid FROM search WHERE search MATCH ?)", []any{m}
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
		return "EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)", nil
	case news.FieldTag:
		return "EXISTS (SELECT 1 FROM tags g WHERE g.article_id = a.id AND g.name = ?)", []any{strings.ToLower(t.Value)}
	case news.FieldPerson:
		return entityCondition("person", t.Value)
	case news.FieldPlace:
		return entityCondition("place", t.Value)
	case news.FieldSource:
		return `a.source LIKE ? ESCAPE '\'`, []any{likeContains(t.Value)}
	case news.FieldFeed:
		return `a.feed_id IN (SELECT id FROM feeds WHERE title LIKE ? ESCAPE '\')`, []any{likeContains(t.Value)}
	case news.FieldAfter:
		return "a.sort_time >= ?", []any{t.Time.Unix()}
	case news.FieldBefore:
		return "a.sort_time < ?", []any{t.Time.Unix()}
	}
	return "", nil
}

// entityCondition matches articles naming an entity by its full name, an
// alias, or (for people) its last word: "Trump" finds "Donald Trump".
func entityCondition(kind, name string) (string, []any) {
	return `+a.id IN (SELECT article_id FROM entity_names WHERE kind = ? AND name = ?)`,
		[]any{kind, strings.ToLower(strings.TrimSpace(name))}
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func likeContains(s string) string { return "%" + likeEscape(s) + "%" }

// ftsPhrase turns a word or phrase typed by a reader into an FTS5 query
// that cannot be a syntax error: each token is quoted, and a single word
// matches as a prefix ("elect" finds "election") as a reader expects while
// typing.
func ftsPhrase(v string) string {
	tokens := strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if len(tokens) == 0 {
		return ""
	}
	phrase := `"` + strings.Join(tokens, " ") + `"`
	if len(tokens) == 1 {
		phrase += "*"
	}
	return phrase
}
