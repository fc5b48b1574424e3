package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"byline/news"
)

// person: and place: find articles through the index of subjects: a name
// a reader types resolves to the people or places it names, and the
// articles are theirs (appearances). A reader's merge or split moves the
// forms a subject is known by, so the filter follows it as the views do.
//
// What a name resolves to:
//   - the subject it is a form of: a full name, a longer alias, a place,
//     or a story's lone one-word name (subject_keys);
//   - for a person named by one word, every person with that surname or
//     one-word alias (short_names): "Trump" finds Donald and Melania
//     Trump, as a search would; the people view asks which one;
//   - for a person named by several words, anyone whose full name ends
//     with them: "Ocasio-Cortez" finds Alexandria Ocasio-Cortez;
//   - the subjects a story called by that name as an alias (aliases):
//     "Britain" finds the stories that called the United Kingdom "UK"
//     first and "Britain" after; and where the story's own name for them
//     was one word ("Lord Falconer" is Falconer), the people stories
//     naming them by that word alone were given to (Charles Falconer).
//
// Each broadens what the filter finds beyond the stories that used the
// very words, to every story of the person or place they name: that is
// what the people view counts, and what a reader's merge changes.

// aliasRow is one row of aliases: a story called the entity whose name
// is nameKey by key too.
type aliasRow struct {
	kind         news.Kind
	key, nameKey string
}

// queueAliases queues the aliases of an article's people and places that
// the index of subjects does not know by itself: a person's one-word
// aliases are short names already.
func queueAliases(w *wtx, e news.Entities) {
	add := func(kind news.Kind, name string, aliases []string) {
		if len(aliases) == 0 {
			return // most names; keying them cost more than their aliases
		}
		nameKey := subjectKey(name)
		if nameKey == "" {
			return
		}
		for _, al := range aliases {
			key := subjectKey(al)
			if key == "" || key == nameKey || kind == news.KindPerson && !strings.Contains(key, " ") && strings.Contains(nameKey, " ") {
				continue
			}
			r := aliasRow{kind, key, nameKey}
			if w.aliasSeen == nil {
				w.aliasSeen = map[aliasRow]bool{}
			}
			if !w.aliasSeen[r] {
				w.aliasSeen[r] = true
				w.aliases = append(w.aliases, string(kind), key, nameKey)
			}
		}
	}
	for _, p := range e.People {
		add(news.KindPerson, p.Name, p.Aliases)
	}
	for _, p := range e.Places {
		add(news.KindPlace, p.Name, p.Aliases)
	}
}

// flushAliases inserts the queued aliases. The table only grows: an alias
// of an article deleted since names no article by itself, only subjects.
func flushAliases(w *wtx) error {
	if err := insertRows(w, `INSERT OR IGNORE INTO aliases(kind, key, name_key) VALUES `, 3, w.aliases); err != nil {
		return err
	}
	w.aliases = w.aliases[:0]
	return nil
}

// rebuildAliases fills aliases from every stored article: the migration
// that adds the table runs it for a library that has articles.
func rebuildAliases(w *wtx) error {
	return eachStoredBatch(w, func(batch []indexedArticle) error {
		for _, a := range batch {
			queueAliases(w, a.e)
		}
		return flushAliases(w)
	})
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// subjectSet is the subjects a term names: their ids as a JSON array for
// json_each (one parameter, however many: "Smith" may name hundreds of
// people), and how many.
type subjectSet struct {
	ids string
	n   int
	// match is a word term's query of the search index, its prefix
	// spelled out as the words the index has (wordMatch).
	match string
}

// namedSubjects returns the subjects a person: or place: term names.
func namedSubjects(ctx context.Context, db querier, kind news.Kind, name string) (subjectSet, error) {
	key := subjectKey(name)
	ids := map[int64]bool{}
	collect := func(query string, args ...any) error {
		rows, err := db.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids[id] = true
		}
		return rows.Err()
	}
	if key == "" {
		return subjectSet{ids: "[]"}, nil
	}
	keys := []string{key}
	var lone []string // one-word names of people the name was an alias of
	rows, err := db.QueryContext(ctx, `SELECT name_key FROM aliases WHERE kind = ? AND key = ?`, string(kind), key)
	if err != nil {
		return subjectSet{}, err
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return subjectSet{}, err
		}
		if kind == news.KindPerson && !strings.Contains(k, " ") {
			lone = append(lone, k)
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return subjectSet{}, err
	}
	jkeys, _ := json.Marshal(keys)
	if err := collect(`SELECT subject_id FROM subject_keys WHERE kind = ? AND key IN (SELECT value FROM json_each(?))`, string(kind), string(jkeys)); err != nil {
		return subjectSet{}, err
	}
	if kind == news.KindPerson {
		if i := strings.LastIndexByte(key, ' '); i < 0 {
			err = collect(`SELECT subject_id FROM short_names WHERE key = ?`, key)
		} else {
			tail := " " + key
			err = collect(`SELECT k.subject_id FROM short_names n JOIN subject_keys k ON k.subject_id = n.subject_id
				WHERE n.key = ? AND k.kind = 'person' AND substr(k.key, -?) = ?`, key[i+1:], utf8.RuneCountInString(tail), tail)
		}
		if err != nil {
			return subjectSet{}, err
		}
		// A story that named its person by one word alone (and the rest
		// by a title: "Lord Falconer") may have been given to a person
		// known by that word, with no form of its own: the people whose
		// stories used the word alone.
		for _, k := range lone {
			if err := collect(`SELECT n.subject_id FROM short_names n WHERE n.key = ?1
				AND EXISTS (SELECT 1 FROM appearances ap WHERE ap.subject_id = n.subject_id AND ap.key = ?1)`, k); err != nil {
				return subjectSet{}, err
			}
		}
	}
	j, _ := json.Marshal(slices.Sorted(maps.Keys(ids)))
	return subjectSet{ids: string(j), n: len(ids)}, nil
}
