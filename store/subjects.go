package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/news"
)

// The library-wide index of people, places and quotes (migration
// "subjects"). Every article whose entities are stored is indexed in the
// same transaction: each of its people and places is resolved to a
// subject, and its quotes are listed with their speaker's subject.
//
// Names merge across stories the way the extractor merges them inside
// one: by their normalised full form ("Kim Jong-un" is "kim jong un"), by
// a longer form another story gave as an alias, and a story that names a
// person by one word only ("Trump") joins the person the library knows by
// that word — when one person clearly dominates it and the story's
// company or the person's fame vouches for it (lone). Two people of one
// story are two subjects, however alike their names, since each has its
// own full form. A reader's merge or split re-points forms and pins them
// (manual), so later articles and a re-extraction follow it.

// subjectKey is the form a name is recognised by: lower case, with
// hyphens, dots and runs of space as one space.
//
// A save keys every name of every article, and splitting, lowering and
// joining was 8% of BenchmarkSaveBBC's writer (0.34 s of 4.1 for 20,000
// stories; 0.16 s in one pass): a name in ASCII, nearly all of them, is
// keyed in one pass instead.
func subjectKey(name string) string {
	key := make([]byte, 0, len(name))
	gap := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return subjectKeyUnicode(name)
		case asciiSpace[c] || c == '-' || c == '.' || c == ',':
			gap = len(key) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if gap {
			key = append(key, ' ')
			gap = false
		}
		key = append(key, c)
	}
	return string(key)
}

// subjectKeyUnicode is subjectKey of any name.
func subjectKeyUnicode(name string) string {
	f := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(name, "’", "'")), func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '.' || r == '‐' || r == ','
	})
	return strings.Join(f, " ")
}

// indexedArticle is an article waiting for its subjects to be indexed.
type indexedArticle struct {
	id       int64
	sortTime int64
	e        news.Entities
}

// dominance is how many times more stories the leading person known by a
// single word must have than the next before a story naming only that
// word is given to them.
const dominance = 3

type keyRow struct {
	id     int64
	manual bool
}

type candidate struct {
	id      int64
	stories int
	surname bool // the word is the last of their name, not a given name or another alias
}

// wellKnown is how many stories a person needs before their surname
// alone, in a story that names nobody they were ever named with, is
// taken for them.
const wellKnown = 3

// subjectIndexer resolves the names of a batch of articles to subjects,
// reading what the library knows with a few IN queries and writing new
// subjects, forms and appearances as multi-row inserts.
type subjectIndexer struct {
	w      *wtx
	nextID int64
	keys   map[kindKey]keyRow
	short  map[string][]candidate // person short names
	fresh  map[int64]int          // stories of each subject in this batch
	adopt  map[string]int64       // a lone subject's key and the person now known by it
	rows   struct{ subjects, keys, short []any }
	// people of the batch's stories by their full names, and the
	// stories of each: the company a one-word name is judged by.
	people  [][]int64
	storyOf map[int64][]int
	// surnames of the batch's people: a lone subject of one of them
	// may be theirs now that they are known well.
	surnames map[string]int64
}

// kindKey is a form of a person or of a place.
type kindKey struct {
	kind news.Kind
	key  string
}

// indexSubjects indexes the queued articles and empties the queue.
func indexSubjects(w *wtx) error {
	arts := w.subjects
	if len(arts) == 0 {
		return nil
	}
	w.subjects = nil // a merge below may index other articles meanwhile
	x := &subjectIndexer{w: w, keys: map[kindKey]keyRow{}, short: map[string][]candidate{}, fresh: map[int64]int{}, adopt: map[string]int64{}}
	if err := w.scan(`SELECT COALESCE(max(id), 0) FROM subjects`, nil, &x.nextID); err != nil {
		return err
	}
	forms := make([]articleForms, len(arts))
	for i, a := range arts {
		forms[i] = formsOf(a.e)
	}
	if err := x.prefetch(forms); err != nil {
		return err
	}
	// Full names first, across the whole batch, so a one-word name is
	// matched against every person the batch brings too.
	ids := make([][]int64, len(arts))
	for i, a := range arts {
		ids[i] = make([]int64, len(a.e.People)+len(a.e.Places))
		for j, p := range a.e.People {
			if f := forms[i].people[j]; strings.Contains(f.key, " ") {
				ids[i][j] = x.full(news.KindPerson, f.key, p.Name)
				x.learnForms(ids[i][j], p, f)
			}
		}
		for j, p := range a.e.Places {
			if key := forms[i].places[j]; key != "" {
				ids[i][len(a.e.People)+j] = x.full(news.KindPlace, key, p.Name)
			}
		}
	}
	x.people, x.storyOf = make([][]int64, len(arts)), map[int64][]int{}
	for i, a := range arts {
		for j := range a.e.People {
			if id := ids[i][j]; id != 0 {
				x.people[i] = append(x.people[i], id)
				x.storyOf[id] = append(x.storyOf[id], i)
			}
		}
	}
	for i, a := range arts {
		for j, p := range a.e.People {
			if key := forms[i].people[j].key; key != "" && !strings.Contains(key, " ") {
				id, err := x.lone(key, p.Name, x.people[i])
				if err != nil {
					return err
				}
				ids[i][j] = id
			}
		}
	}
	if err := x.flush(); err != nil {
		return err
	}
	names, said := 0, 0
	for _, a := range arts {
		names += len(a.e.People) + len(a.e.Places)
		said += len(a.e.Quotes)
	}
	appearances := make([]appearance, 0, names)
	quotes := make([]any, 0, 9*said)
	counts := subjectCounts{}
	for i, a := range arts {
		appearances = appendAppearances(appearances, a, forms[i], ids[i], counts)
		quotes = appendQuotes(quotes, a, forms[i], ids[i])
	}
	if err := insertAppearances(w, appearances); err != nil {
		return err
	}
	if err := addCounts(w, counts); err != nil {
		return err
	}
	if err := insertRows(w, `INSERT INTO library_quotes(article_id, ord, sort_time, speaker_id, speaker_key, speaker, text, partial, paragraph) VALUES `, 9, quotes); err != nil {
		return err
	}
	return x.adoptLoneSubjects()
}

// articleForms are the forms (subjectKey) of an article's names, worked
// out once for the several passes over them.
type articleForms struct {
	people []personForms
	places []string
}

type personForms struct {
	key     string
	aliases []string // of each alias, in order
	short   []string // shortForms
}

func formsOf(e news.Entities) articleForms {
	f := articleForms{people: make([]personForms, len(e.People)), places: make([]string, len(e.Places))}
	for i, p := range e.People {
		pf := personForms{key: subjectKey(p.Name), aliases: make([]string, len(p.Aliases))}
		for j, al := range p.Aliases {
			pf.aliases[j] = subjectKey(al)
		}
		pf.short = shortForms(pf.key, pf.aliases)
		f.people[i] = pf
	}
	for i, p := range e.Places {
		f.places[i] = subjectKey(p.Name)
	}
	return f
}

// prefetch reads the library's knowledge of every form the batch uses.
func (x *subjectIndexer) prefetch(forms []articleForms) error {
	byKind := map[news.Kind]map[string]bool{news.KindPerson: {}, news.KindPlace: {}}
	short := map[string]bool{}
	for _, f := range forms {
		for _, p := range f.people {
			byKind[news.KindPerson][p.key] = true
			for _, s := range p.short {
				short[s] = true
				byKind[news.KindPerson][s] = true
			}
			for _, k := range p.aliases {
				byKind[news.KindPerson][k] = true
			}
			if !strings.Contains(p.key, " ") {
				short[p.key] = true
			}
		}
		for _, k := range f.places {
			byKind[news.KindPlace][k] = true
		}
	}
	for kind, set := range byKind {
		err := eachOf(x.w, `SELECT k.key, k.subject_id, k.manual FROM json_each(?) j CROSS JOIN subject_keys k ON k.kind = '`+string(kind)+`' AND k.key = j.value`, set, func(rows *sql.Rows) error {
			var key string
			var r keyRow
			if err := rows.Scan(&key, &r.id, &r.manual); err != nil {
				return err
			}
			x.keys[kindKey{kind, key}] = r
			return nil
		})
		if err != nil {
			return err
		}
	}
	return eachOf(x.w, `SELECT n.key, n.subject_id, s.stories, s.name FROM json_each(?) j CROSS JOIN short_names n ON n.key = j.value JOIN subjects s ON s.id = n.subject_id`, short, func(rows *sql.Rows) error {
		var key, name string
		var c candidate
		if err := rows.Scan(&key, &c.id, &c.stories, &name); err != nil {
			return err
		}
		c.surname = lastKeyWord(subjectKey(name)) == key
		x.short[key] = append(x.short[key], c)
		return nil
	})
}

// eachOf runs query, whose one parameter is a JSON array, for the keys of
// set and hands each row to each. A batch's thousands of names as one
// parameter, walked in order, took 0.27 s of 20,000 articles' save where
// IN lists of 500 parameters took 0.38: no statement to prepare for each
// list, no parameters to bind, no list to sort into a temporary index.
func eachOf(w *wtx, query string, set map[string]bool, each func(*sql.Rows) error) error {
	keys := make([]string, 0, len(set))
	for k := range set {
		if k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys) // neighbours in the index, looked up in turn
	list, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	rows, err := w.tx.QueryContext(w.ctx, query, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// shortForms are the single words a person of an article is also called:
// the last word of their name and any one-word alias ("Kim"), from the
// forms of their name and aliases.
func shortForms(key string, aliases []string) []string {
	if !strings.Contains(key, " ") {
		return nil
	}
	out := []string{key[strings.LastIndexByte(key, ' ')+1:]}
	for _, k := range aliases {
		if k != "" && !strings.Contains(k, " ") && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// full resolves a full name: the subject it is a form of, or a new one.
func (x *subjectIndexer) full(kind news.Kind, key, name string) int64 {
	if r, ok := x.keys[kindKey{kind, key}]; ok {
		x.fresh[r.id]++
		return r.id
	}
	id := x.newSubject(kind, key, name)
	x.fresh[id]++
	return id
}

func (x *subjectIndexer) newSubject(kind news.Kind, key, name string) int64 {
	x.nextID++
	id := x.nextID
	x.rows.subjects = append(x.rows.subjects, id, string(kind), name)
	x.addKey(kind, key, name, id)
	return id
}

func (x *subjectIndexer) addKey(kind news.Kind, key, name string, id int64) {
	x.keys[kindKey{kind, key}] = keyRow{id: id}
	x.rows.keys = append(x.rows.keys, string(kind), key, id, name)
}

// learnForms records what else a person is called: longer aliases become
// forms of theirs when no one else has them, and their short names make
// them a candidate for stories that name them by one word.
func (x *subjectIndexer) learnForms(id int64, p news.Person, f personForms) {
	if x.surnames == nil {
		x.surnames = map[string]int64{}
	}
	x.surnames[lastKeyWord(f.key)] = id
	for j, al := range p.Aliases {
		if k := f.aliases[j]; strings.Contains(k, " ") {
			if _, taken := x.keys[kindKey{news.KindPerson, k}]; !taken {
				x.addKey(news.KindPerson, k, al, id)
			}
		}
	}
	for _, s := range f.short {
		if slices.ContainsFunc(x.short[s], func(c candidate) bool { return c.id == id }) {
			continue
		}
		x.short[s] = append(x.short[s], candidate{id: id, surname: s == lastKeyWord(f.key)})
		x.rows.short = append(x.rows.short, s, id)
		// A story of the past that named only this word has a subject
		// of its own: it is theirs, if they are the only one so called.
		if r, ok := x.keys[kindKey{news.KindPerson, s}]; ok && !r.manual && len(x.short[s]) == 1 {
			x.adopt[s] = id
		} else {
			delete(x.adopt, s)
		}
	}
}

// lone resolves a one-word name of a story whose other people are
// company: a form the reader pinned, else the person who dominates that
// word when the evidence says the story is theirs, else whoever was last
// named so alone.
//
// A story that named the person in full had the word joined to that
// name by the extractor; one that names only "Howard" may be about any
// Howard. The word is theirs when the story shares a person with theirs
// (a "Mr Howard" beside a Tony Blair whom Michael Howard's stories name
// too), or when it is the surname of someone the library knows well. A
// given name or another one-word alias ("Harry" of Harry Potter) never
// suffices alone.
func (x *subjectIndexer) lone(key, name string, company []int64) (int64, error) {
	r, known := x.keys[kindKey{news.KindPerson, key}]
	if known && r.manual {
		x.fresh[r.id]++
		return r.id, nil
	}
	if c, ok := x.dominant(key); ok {
		yes := x.wellKnown(c)
		if !yes {
			var err error
			if yes, err = x.together(c.id, company); err != nil {
				return 0, err
			}
		}
		if yes {
			x.fresh[c.id]++
			return c.id, nil
		}
	}
	return x.full(news.KindPerson, key, name), nil
}

// wellKnown: the word is the surname of a person of wellKnown stories.
func (x *subjectIndexer) wellKnown(c candidate) bool {
	return c.surname && c.stories+x.fresh[c.id] >= wellKnown
}

// dominant is the person known by the word with dominance times the
// stories of the next.
func (x *subjectIndexer) dominant(key string) (candidate, bool) {
	cands := x.short[key]
	switch len(cands) {
	case 0:
		return candidate{}, false
	case 1:
		return cands[0], true
	}
	stories := func(c candidate) int { return c.stories + x.fresh[c.id] }
	sorted := slices.Clone(cands)
	slices.SortFunc(sorted, func(a, b candidate) int { return stories(b) - stories(a) })
	if stories(sorted[0]) >= dominance*max(stories(sorted[1]), 1) {
		return sorted[0], true
	}
	return candidate{}, false
}

// together: the person appeared, in this batch or before it, in a story
// with one of company.
func (x *subjectIndexer) together(id int64, company []int64) (bool, error) {
	if len(company) == 0 {
		return false, nil
	}
	for _, i := range x.storyOf[id] {
		for _, o := range x.people[i] {
			if o != id && slices.Contains(company, o) {
				return true, nil
			}
		}
	}
	list, err := json.Marshal(company)
	if err != nil {
		return false, err
	}
	var found bool
	err = x.w.scan(`SELECT EXISTS(SELECT 1 FROM appearances a JOIN appearances b ON b.article_id = a.article_id
		WHERE a.subject_id = ? AND b.subject_id IN (SELECT value FROM json_each(?)))`, []any{id, string(list)}, &found)
	return found, err
}

func lastKeyWord(key string) string { return key[strings.LastIndexByte(key, ' ')+1:] }

func (x *subjectIndexer) flush() error {
	w := x.w
	if err := insertRows(w, `INSERT INTO subjects(id, kind, name) VALUES `, 3, x.rows.subjects); err != nil {
		return err
	}
	if err := insertRows(w, `INSERT OR IGNORE INTO subject_keys(kind, key, subject_id, name) VALUES `, 4, x.rows.keys); err != nil {
		return err
	}
	return insertRows(w, `INSERT OR IGNORE INTO short_names(key, subject_id) VALUES `, 2, x.rows.short)
}

// adoptLoneSubjects gives a subject made of one-word stories to the
// person the batch made the only one known by that word, on the evidence
// lone asks for: one of those stories names someone the person was named
// with, or the word is the surname of a person known well. A person of
// the batch who has become known well, and dominates their surname, takes
// the stories that named them by it alone before.
func (x *subjectIndexer) adoptLoneSubjects() error {
	for s, id := range x.surnames {
		if _, pending := x.adopt[s]; pending {
			continue
		}
		r, ok := x.keys[kindKey{news.KindPerson, s}]
		if !ok || r.manual || r.id == id {
			continue
		}
		if c, ok := x.dominant(s); ok && c.id == id && x.wellKnown(c) {
			if err := mergeSubjects(x.w, id, r.id, false); err != nil {
				return err
			}
		}
	}
	for key, into := range x.adopt {
		r := x.keys[kindKey{news.KindPerson, key}]
		if r.id == into {
			continue
		}
		if !x.wellKnown(x.short[key][0]) { // the only one, as learnForms made sure
			var shared bool
			err := x.w.scan(`SELECT EXISTS(SELECT 1 FROM appearances a
				JOIN appearances b ON b.article_id = a.article_id AND b.subject_id NOT IN (a.subject_id, ?2)
				JOIN subjects s ON s.id = b.subject_id AND s.kind = 'person'
				JOIN appearances c ON c.subject_id = b.subject_id
				JOIN appearances d ON d.article_id = c.article_id AND d.subject_id = ?2
				WHERE a.subject_id = ?1)`, []any{r.id, into}, &shared)
			if err != nil {
				return err
			}
			if !shared {
				continue
			}
		}
		if err := mergeSubjects(x.w, into, r.id, false); err != nil {
			return err
		}
	}
	return nil
}

// appearance is one row of appearances.
type appearance struct {
	subject, sortTime, article int64
	key                        string
	mentions                   int
}

// appendAppearances appends an article's subjects, one row each: two
// people of the story resolved to one subject (by a reader's merge) count
// once, their mentions added. Each row is added to its subject's counts too.
func appendAppearances(out []appearance, a indexedArticle, f articleForms, ids []int64, counts subjectCounts) []appearance {
	start := len(out)
	add := func(id int64, key string, mentions int) {
		if id == 0 {
			return
		}
		for i := start; i < len(out); i++ {
			if out[i].subject == id {
				out[i].mentions += mentions
				return
			}
		}
		out = append(out, appearance{subject: id, sortTime: a.sortTime, article: a.id, key: key, mentions: mentions})
	}
	for j, p := range a.e.People {
		add(ids[j], f.people[j].key, p.Mentions)
	}
	for j, p := range a.e.Places {
		add(ids[len(a.e.People)+j], f.places[j], p.Mentions)
	}
	for _, r := range out[start:] {
		counts.add(r.subject, r.sortTime, r.mentions)
	}
	return out
}

// insertAppearances inserts a batch's appearances. (Sorting them by the
// table's key first saved the inserts about what the sort cost.)
func insertAppearances(w *wtx, rows []appearance) error {
	args := make([]any, 0, 5*len(rows))
	for _, r := range rows {
		args = append(args, r.subject, r.sortTime, r.article, r.key, r.mentions)
	}
	return insertRows(w, `INSERT INTO appearances(subject_id, sort_time, article_id, key, mentions) VALUES `, 5, args)
}

// subjectCount is what a batch of appearances adds to one subject.
type subjectCount struct {
	stories, mentions int
	first, last       int64
}

// subjectCounts are what a batch of appearances adds to each subject.
type subjectCounts map[int64]*subjectCount

// add counts one story of subject id, at time t, with m mentions.
func (counts subjectCounts) add(id, t int64, m int) {
	c, ok := counts[id]
	if !ok {
		c = &subjectCount{first: t, last: t}
		counts[id] = c
	}
	c.stories++
	c.mentions += m
	c.first, c.last = min(c.first, t), max(c.last, t)
}

// addCounts adds a batch's counts to the subjects, a hundred subjects to a
// statement, each subject once however many of the batch's stories it is in.
func addCounts(w *wtx, counts subjectCounts) error {
	ids := slices.Sorted(maps.Keys(counts))
	const perStmt = 100
	for len(ids) > 0 {
		n := min(len(ids), perStmt)
		args := make([]any, 0, 5*n)
		for _, id := range ids[:n] {
			c := counts[id]
			args = append(args, id, c.stories, c.mentions, c.first, c.last)
		}
		// In an UPDATE every expression sees the row as it was: stories = 0
		// is a subject with no story before this batch.
		_, err := w.exec(`UPDATE subjects SET stories = stories + d.n, mentions = mentions + d.m,
			first_seen = CASE WHEN stories = 0 OR d.lo < first_seen THEN d.lo ELSE first_seen END,
			last_seen = CASE WHEN stories = 0 OR d.hi > last_seen THEN d.hi ELSE last_seen END
			FROM (SELECT column1 AS id, column2 AS n, column3 AS m, column4 AS lo, column5 AS hi FROM (VALUES `+
			valueRows(5, n)+`)) AS d
			WHERE subjects.id = d.id`, args...)
		if err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// appendQuotes appends the rows of an article's quotes to out.
func appendQuotes(out []any, a indexedArticle, f articleForms, ids []int64) []any {
	for i, q := range a.e.Quotes {
		var speaker any
		key := ""
		if j := slices.IndexFunc(a.e.People, func(p news.Person) bool { return p.Name == q.Speaker }); j >= 0 && q.Speaker != "" {
			speaker, key = ids[j], f.people[j].key
			if ids[j] == 0 {
				speaker = nil
			}
		}
		out = append(out, a.id, i, a.sortTime, speaker, key, q.Speaker, q.Text, q.Partial, q.Paragraph)
	}
	return out
}

// mergeSubjects gives every form of from to into and indexes from's
// stories again, which then resolve to into. A reader's merge pins the
// forms (manual) so nothing automatic undoes it.
func mergeSubjects(w *wtx, into, from int64, manual bool) error {
	if into == from {
		return nil
	}
	ids, err := subjectArticles(w, from)
	if err != nil {
		return err
	}
	if _, err := w.exec(`UPDATE subject_keys SET subject_id = ?, manual = manual OR ? WHERE subject_id = ?`, into, manual, from); err != nil {
		return err
	}
	if _, err := w.exec(`INSERT OR IGNORE INTO short_names(key, subject_id) SELECT key, ? FROM short_names WHERE subject_id = ?`, into, from); err != nil {
		return err
	}
	if err := reindexArticles(w, ids); err != nil {
		return err
	}
	_, err = w.exec(`DELETE FROM subjects WHERE id = ? AND stories = 0 AND NOT EXISTS (SELECT 1 FROM subject_keys WHERE subject_id = ?)`, from, from)
	return err
}

// subjectArticles lists the articles a subject appears in.
func subjectArticles(w *wtx, id int64) ([]int64, error) {
	return queryIDs(w, `SELECT article_id FROM appearances WHERE subject_id = ?`, id)
}

// queryIDs runs a query of one integer column and returns its values.
func queryIDs(w *wtx, query string, args ...any) ([]int64, error) {
	rows, err := w.tx.QueryContext(w.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// reindexArticles indexes articles again from their stored entities,
// after the forms their names resolve by have changed.
func reindexArticles(w *wtx, ids []int64) error {
	slices.Sort(ids)
	return inIDs(ids, func(in string, args []any) error {
		// Read before the delete: library_quotes holds the quotes.
		arts, err := storedEntitiesOf(w, in, args)
		if err != nil {
			return err
		}
		for _, table := range []string{"appearances", "library_quotes"} {
			if _, err := w.tx.ExecContext(w.ctx, "DELETE FROM "+table+" WHERE article_id IN "+in, args...); err != nil {
				return err
			}
		}
		w.subjects = arts
		return indexSubjects(w)
	})
}

// unindexArticle removes an article's appearances and quotes before its
// entities are written again.
func unindexArticle(w *wtx, id int64) error {
	for _, table := range []string{"appearances", "library_quotes"} {
		if _, err := w.exec("DELETE FROM "+table+" WHERE article_id = ?", id); err != nil {
			return err
		}
	}
	return nil
}

// rebuildSubjects indexes every stored article, in the order they
// arrived, as the save path would have: the migration that adds the index
// runs it for a library that already has articles.
func rebuildSubjects(w *wtx) error {
	return eachStoredBatch(w, func(batch []indexedArticle) error {
		w.subjects = append(w.subjects[:0], batch...)
		return indexSubjects(w)
	})
}

// eachStoredBatch hands fn every stored article's entities, 2,000 at a
// time in id order: the rebuilds of the indexes made from them.
func eachStoredBatch(w *wtx, fn func([]indexedArticle) error) error {
	var after int64
	for {
		batch, err := queryEntities(w, `WHERE e.article_id > ? ORDER BY e.article_id LIMIT ?`, []any{after, 2000})
		if err != nil || len(batch) == 0 {
			return err
		}
		after = batch[len(batch)-1].id
		if err := fn(batch); err != nil {
			return err
		}
	}
}

// storedEntitiesOf reads the entities of the articles whose ids are args,
// in is "(?, …)".
func storedEntitiesOf(w *wtx, in string, args []any) ([]indexedArticle, error) {
	return queryEntities(w, `WHERE e.article_id IN `+in+` ORDER BY e.article_id`, args)
}

func queryEntities(w *wtx, cond string, args []any) ([]indexedArticle, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT e.article_id, a.sort_time, e.data FROM entities e JOIN articles a ON a.id = e.article_id `+cond, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []indexedArticle
	var apart []int // indexes in out of the packed documents
	for rows.Next() {
		var a indexedArticle
		var quotesApart bool
		if err := rows.Scan(&a.id, &a.sortTime, entitiesCol{&a.e, &quotesApart}); err != nil {
			return nil, fmt.Errorf("read the people, places and quotes of article %d: %w", a.id, err)
		}
		if quotesApart {
			apart = append(apart, len(out))
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// The quotes of packed documents, from library_quotes.
	need := make(map[int64]*news.Entities, len(apart))
	for _, i := range apart {
		need[out[i].id] = &out[i].e
	}
	return out, fillQuotes(w.ctx, w.tx, need)
}
