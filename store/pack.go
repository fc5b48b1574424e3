package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unsafe"

	kflate "github.com/klauspost/compress/flate"

	"byline/news"
)

// How an article's body is kept. A body is read whole and rarely (the
// reader's article pane, an export, extraction), and it was three fifths
// of a library: 2.2 KB of text a row, one row to a 4 KB page. Stored
// packed, a body takes 0.46 of that.
//
// The column holds either TEXT, the body as it is (every library before
// packing, and a body too short to gain), or a BLOB whose first byte says
// how the rest is packed:
//
//	1: the text's length in bytes (a uvarint), then the text as raw
//	   DEFLATE (RFC 1951) with bodyDict as its preset dictionary.
//	2: the same with bodyDict2 as the dictionary. What packBody writes.
//
// A format, once written, is read forever: a new dictionary or method
// takes a new first byte. SQL cannot read a packed body; code that needs
// the text reads it through bodyCol.
//
// Measured on the 2,225 bodies of ../shared/corpus/bbc (2.2 KB on
// average), every body in turn, the packed size over the text's and the
// process's CPU time per body to pack and to unpack, at a load of 5:
//
//	                                           ratio   pack   unpack
//	klauspost flate level 4 + bodyDict (4 KB)  0.466   42 µs   17 µs  format 1
//	klauspost flate level 4 + bodyDict2        0.465   33 µs   17 µs  format 2
//	  the same at level 3 / level 5            0.470 / 0.460   28 / 38 µs
//	klauspost zstd fastest + bodyDict (raw)    0.491   27 µs    9 µs
//	zstd fastest, no dictionary                0.530   17 µs    8 µs
//	zstd default / better + bodyDict (raw)     0.495 / 0.478   66 / 114 µs
//
// and earlier, at a load of 10–16: compress/flate level 5 + bodyDict
// 0.453 in 78 µs (21 to unpack); brotli 5 / 11 0.458 / 0.375 in 120 µs /
// 4 ms. DEFLATE with a dictionary packs smallest at a speed a refresh can
// pay, and the standard library's decoder (or any DEFLATE tool) reads it.
// zstd reads in half the time and packs a little cheaper, but 6% larger
// (its fast encoder restores a 256 KB table of the dictionary for every
// body). Much of DEFLATE's cost is the dictionary, which the encoder takes
// in again before every body (a 4 KB one was 43% of packing), so format
// 2's dictionary is the 2.4 KB of format 1's that earn their bytes: packed
// as small, in a fifth less CPU.
const (
	packedDeflate  = 1
	packedDeflate2 = 2
)

// packMin is the shortest body worth packing: below it the few bytes
// saved cost a BLOB's marker and the CPU.
const packMin = 128

// packLevel is DEFLATE's level: 4 packs news bodies to 0.465 in 33 µs,
// 5 to 0.460 in 38, 3 to 0.470 in 28.
const packLevel = 4

// bodyDicts are the dictionaries of the DEFLATE formats, by first byte.
var bodyDicts = [...][]byte{
	packedDeflate:  []byte(bodyDict),
	packedDeflate2: []byte(bodyDict2),
}

var deflaters = sync.Pool{New: func() any {
	w, err := kflate.NewWriterDict(io.Discard, packLevel, bodyDicts[packedDeflate2])
	if err != nil {
		panic(err) // only for a level out of range
	}
	return w
}}

// inflaters read packed bodies with klauspost/compress's decoder too: the
// standard library's took 13–18 µs a body, this one 9, and reading bodies
// is what a phrase search and an export do most. Each Reset names the
// body's dictionary.
var inflaters = sync.Pool{New: func() any {
	return kflate.NewReaderDict(bytes.NewReader(nil), bodyDicts[packedDeflate2])
}}

// prepared is an article's body made ready for the library: packed and
// hashed.
type prepared struct {
	body   string // the Body it was made from
	packed any    // packBody(body); nil until packed
	hash   string
	terms  string // searchTerms(body); "" when not made
}

// searchBody is what the search index is given for the body: its terms
// when Prepare made them, else the body, which indexes the same.
func (p *prepared) searchBody() string {
	if p.terms != "" {
		return p.terms
	}
	return p.body
}

func (p *prepared) pack() any {
	if p.packed == nil {
		p.packed = packBody(p.body)
	}
	return p.packed
}

// maxPrepared bounds the preparations a Store holds for Saves still to
// come: those of articles whose Save never came (a pipeline stopped by an
// error) stay until the Store is closed.
const maxPrepared = 8192

// Prepare packs and hashes a's body, and lists its words for the search
// index (searchTerms), ahead of its Save, which then has only to write it. A pipeline calls it on the goroutines that extract people,
// places and quotes, so that the one goroutine that writes the library
// does not pack: at 30–40 µs a body that is 2 s of a 50,000-article
// refresh. A Save that finds a's body changed since prepares it again.
func (s *Store) Prepare(a *news.Article) {
	p := prepared{body: a.Body, hash: contentHash(a.Body), terms: searchTerms(a.Body)}
	p.pack()
	s.prepMu.Lock()
	defer s.prepMu.Unlock()
	if s.prep == nil {
		s.prep = map[*news.Article]prepared{}
	}
	if len(s.prep) < maxPrepared {
		s.prep[a] = p
	}
}

// takePrepared hands over what Prepare made for arts, in their order: the
// zero prepared for an article it did not see.
func (s *Store) takePrepared(arts []*news.Article) []prepared {
	out := make([]prepared, len(arts))
	s.prepMu.Lock()
	defer s.prepMu.Unlock()
	if len(s.prep) == 0 {
		return out
	}
	for i, a := range arts {
		if p, ok := s.prep[a]; ok {
			out[i] = p
			delete(s.prep, a)
		}
	}
	return out
}

// packBody is body as the articles table keeps it: a string (TEXT) when
// packing would not pay, else the packed bytes (a BLOB). A body whose
// first byte is 0 is packed whatever its length, so that no plain body is
// ever mistaken for a format byte by a reader of the raw column.
func packBody(body string) any {
	if len(body) < packMin && !strings.HasPrefix(body, "\x00") {
		return body
	}
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 16)
	buf.WriteByte(packedDeflate2)
	buf.Write(binary.AppendUvarint(nil, uint64(len(body))))
	w := deflaters.Get().(*kflate.Writer)
	// Reset primes the writer with the dictionary it was made with, as
	// every body must be packed to be read on its own.
	w.Reset(&buf)
	// Writes to a bytes.Buffer do not fail.
	io.WriteString(w, body)
	w.Close()
	deflaters.Put(w)
	if buf.Len() >= len(body) && !strings.HasPrefix(body, "\x00") {
		return body
	}
	return buf.Bytes()
}

// unpackBody is the text of a stored body, whichever way it was kept.
func unpackBody(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []byte:
		if len(v) == 0 {
			return "", nil
		}
		if int(v[0]) >= len(bodyDicts) || bodyDicts[v[0]] == nil {
			return "", fmt.Errorf("a body packed in format %d, which this byline does not know (a newer one wrote it)", v[0])
		}
		n, k := binary.Uvarint(v[1:])
		if k <= 0 || n > uint64(len(v))*1032 { // DEFLATE packs at most 1032 to 1
			return "", errDamagedBody
		}
		r := inflaters.Get().(io.ReadCloser)
		defer inflaters.Put(r)
		if err := r.(kflate.Resetter).Reset(bytes.NewReader(v[1+k:]), bodyDicts[v[0]]); err != nil {
			return "", err
		}
		out := make([]byte, n)
		if _, err := io.ReadFull(r, out); err != nil {
			return "", fmt.Errorf("%w: %w", errDamagedBody, err)
		}
		var more [1]byte
		if _, err := r.Read(more[:]); err != io.EOF {
			return "", errDamagedBody
		}
		if n == 0 {
			return "", nil
		}
		// out is this body's alone and never written again: the string
		// can be it, not a second copy.
		return unsafe.String(&out[0], len(out)), nil
	}
	return "", fmt.Errorf("a body stored as %T", v)
}

var errDamagedBody = errors.New("a damaged packed body")

// bodyCol scans a body column into *dst, unpacking it: pass bodyCol{&s}
// to Scan where the column is a.body.
type bodyCol struct{ dst *string }

func (c bodyCol) Scan(src any) error {
	s, err := unpackBody(src)
	if err != nil {
		return fmt.Errorf("read an article's text: %w", err)
	}
	*c.dst = s
	return nil
}

// bodyDict primes DEFLATE with words and phrases common in English news,
// so a 2 KB body finds matches from its first line instead of only after
// it has repeated itself. Written for byline, not taken from any text; it
// is part of format 1 and never changes.
const bodyDict = "" +
	"environment, technology, research, university, education, schools, teachers, students, " +
	"children, families, health service, hospital, patients, doctors, treatment, the NHS, " +
	"the economy, inflation, unemployment, jobs, workers, wages, taxes, spending, budget, " +
	"the Treasury, the Chancellor, the Home Office, the Foreign Office, the White House, Washington, " +
	"Congress, the Senate, Moscow, Beijing, Paris, Berlin, Brussels, Europe, China, Japan, India, " +
	"Russia, France, Germany, Iraq, Afghanistan, Scotland, Wales, Northern Ireland, England, the UK, " +
	"the US, the EU, the UN, Nato, officials, authorities, security, military, troops, forces, " +
	"attack, killed, injured, war, peace, talks, agreement, deal, plans, proposals, decision, " +
	"policy, issue, problem, crisis, situation, changes, support, opposition, critics, concerns, " +
	"warned, claimed, added, explained, announced, confirmed, denied, insisted, suggested, believed, " +
	"expected, reported, revealed, launched, released, published, increased, decreased, reduced, " +
	"raised, rising, falling, growth, record, figures, data, survey, report, study, statement, " +
	"interview, website, online, internet, mobile, phone, computer, software, digital, music, album, " +
	"single, song, band, singer, film, movie, actor, actress, director, star, stars, Oscar, awards, " +
	"festival, television, TV, radio, channel, audience, viewers, football, rugby, cricket, tennis, " +
	"athletics, Olympic, Premiership, League, Cup, England coach, manager, captain, striker, " +
	"victory, defeat, win, won, lost, beat, scored, goals, points, minutes, injury, fitness, " +
	"match against, chief executive, chairman, company said, firm said, shares, stock market, " +
	"profits, revenues, sales, customers, consumers, prices, costs, oil prices, dollar, euro, pound, " +
	"markets, investors, analysts, economists, the Bank, banks, financial, business, companies, " +
	"industry, trade, exports, imports, deficit, debt, loans, mortgage, housing, property, energy, " +
	"gas, electricity, airline, airport, travel, transport, cars, car, vehicles, " +
	"according to the report, chief executive of the company, " +
	"the government is expected to announce, spokesman for the department, prime minister, " +
	"secretary, president, election campaign, the opposition party, Labour, Conservative, " +
	"Liberal Democrats, members of parliament, the European Union, the United States, Britain, " +
	"London, international, national, economic growth, interest rates, the Bank of England, " +
	"shares rose, profits fell, sales, billion, million, thousand, per cent, percentage, " +
	"analysts said, the market, investors, the firm, business, industry, the music, the film, " +
	"the award, the best, the show, the game, the team, the match, the players, the coach, " +
	"the season, the championship, the first, the second, the third, the final, the world, " +
	"the country, the people, the public, the police, the court, the law, the new, the next, " +
	"the last, the other, however, although, because, before, after, during, between, against, " +
	"without, through, including, another, because of, as well as, in order to, at the end of, " +
	"on Monday, on Tuesday, on Wednesday, on Thursday, on Friday, on Saturday, on Sunday, January, " +
	"February, March, April, May, June, July, August, September, October, November, December, " +
	"this year, last year, next year, this week, last week, said on, told the, told reporters, " +
	"he said, she said, they said, it said, we are, we have, we will, I think, I have, I am, " +
	"would be, could be, should be, will be, has been, have been, had been, it is, it was, there is, " +
	"there are, there was, which is, which was, that the, of the, in the, to the, for the, on the, " +
	"at the, by the, from the, with the, and the, is the, was the, as the, said the, said that, " +
	"that it, that he, that they, and a, in a, of a, to be, to do, to have, to make, to take, " +
	"to get, to see, more than, less than, up to, such as, so far, around, about, also, only, still, " +
	"just, even, where, while, there, their, these, those, which, would, could, should, people, " +
	"time, years, number, government, minister, Mr, Mrs, Ms, The, It, He, She, They, But, And, In, " +
	"A, \" said"

// bodyDict2 is format 2's dictionary: the words and phrases of bodyDict
// that earned their bytes, found by dropping in turn those whose absence
// cost least per byte in packing half of ../shared/corpus/bbc and checking
// the size on the other half (0.4657 with bodyDict, 0.4646 with this). A
// gap, such as months or days missing from their lists, is where the text
// around a word supplied it as cheaply. Part of format 2; never changes.
const bodyDict2 = "" +
	"environment, technology, research, university, schools, teachers, students, children, " +
	"families, health service, hospital, inflation, unemployment, workers, spending, budget, " +
	"the Treasury, the Chancellor, the Foreign Office, Congress, Paris, Berlin, Russia, France, " +
	"Germany, Scotland, Wales, Northern Ireland, the UK, Nato, officials, authorities, security, " +
	"attack, killed, agreement, plans, proposals, decision, policy, issue, problem, crisis, " +
	"situation, changes, support, critics, concerns, warned, claimed, added, explained, " +
	"confirmed, denied, insisted, suggested, believed, expected, revealed, launched, released, " +
	"published, increased, reduced, raised, falling, record, figures, data, survey, statement, " +
	"website, online, mobile, phone, computer, software, digital, single, singer, movie, " +
	"director, star, festival, television, audience, viewers, football, cricket, Olympic, " +
	"Premiership, League, Cup, manager, striker, victory, defeat, points, minutes, injury, " +
	"match against, chairman, shares, stock market, revenues, customers, consumers, prices, " +
	"costs, dollar, financial, business, imports, housing, property, transport, vehicles, " +
	"according to the report, chief executive of the company, " +
	"the government is expected to announce, spokesman for the department, prime minister, " +
	"secretary, president, election campaign, the opposition party, Labour, Conservative, " +
	"Liberal Democrats, members of parliament, the European Union, the United States, Britain, " +
	"London, international, economic growth, interest rates, the Bank of England, profits fell, " +
	"million, percentage, analysts said, the music, the award, the game, the players, " +
	"the season, the championship, the first, the second, the third, the world, the country, " +
	"the people, the public, the new, however, although, before, after, during, between, " +
	"without, through, including, another, because of, as well as, at the end of, on Monday, " +
	"on Wednesday, on Thursday, on Friday, on Saturday, on Sunday, January, February, March, " +
	"September, October, November, December, this year, last year, next year, last week, " +
	"he said, I think, would be, could be, should be, will be, has been, have been, had been, " +
	"there was, which was, in the, on the, by the, from the, with the, and the, was the, " +
	"said that, that they, of a, to make, to take, to get, more than, up to, such as, around, " +
	"about, also, only, still, just, even, where, while, time, years, number, They, But, And, A, " +
	"\" said"

// How an article's people, places and quotes are kept in entities.data:
// TEXT, the JSON of news.Entities (libraries before packing), or a BLOB
// whose first byte says how the rest is packed:
//
//	1: the people, then the places, each a count and then per entity its
//	   name, mentions and aliases (a count, then each); counts and
//	   mentions are uvarints, strings a uvarint length and the bytes.
//	   The quotes are not in it: library_quotes holds every field of
//	   each (ord is its place in the list), and they are read from there.
//
// The JSON spelled every key of every entity and repeated each quote
// library_quotes already keeps: 1,160 bytes an article, 850 of them the
// quotes. Packed, the document is 0.15 of that. Anything that rebuilds
// library_quotes must read the documents (storedEntities) before it
// deletes the quotes they now live in.
const packedEntities = 1

// packEntities is e as entities.data keeps it, without its quotes.
func packEntities(e news.Entities) []byte {
	b := make([]byte, 0, 64)
	b = append(b, packedEntities)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	entity := func(name string, mentions int, aliases []string) {
		str(name)
		b = binary.AppendUvarint(b, uint64(max(mentions, 0)))
		b = binary.AppendUvarint(b, uint64(len(aliases)))
		for _, a := range aliases {
			str(a)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(e.People)))
	for _, p := range e.People {
		entity(p.Name, p.Mentions, p.Aliases)
	}
	b = binary.AppendUvarint(b, uint64(len(e.Places)))
	for _, p := range e.Places {
		entity(p.Name, p.Mentions, p.Aliases)
	}
	return b
}

var errDamagedEntities = errors.New("a damaged packed document")

// unpackEntities reads a stored entities document. quotesApart says its
// quotes are in library_quotes, to be read from there.
func unpackEntities(v any) (e news.Entities, quotesApart bool, err error) {
	switch v := v.(type) {
	case nil:
		return e, false, nil
	case string:
		if v == "" {
			return e, false, nil
		}
		err := json.Unmarshal([]byte(v), &e)
		return e, false, err
	case []byte:
		if len(v) == 0 || v[0] != packedEntities {
			return e, false, errors.New("a document packed in a format this byline does not know (a newer one wrote it)")
		}
		d := unpacker{b: v[1:]}
		n := d.count()
		e.People = make([]news.Person, n)
		for i := range e.People {
			e.People[i] = news.Person(d.entity())
		}
		n = d.count()
		e.Places = make([]news.Place, n)
		for i := range e.Places {
			e.Places[i] = news.Place(d.entity())
		}
		if d.bad || len(d.b) > 0 {
			return news.Entities{}, false, errDamagedEntities
		}
		if len(e.People) == 0 {
			e.People = nil
		}
		if len(e.Places) == 0 {
			e.Places = nil
		}
		return e, true, nil
	}
	return e, false, fmt.Errorf("a document stored as %T", v)
}

// unpacker reads packEntities' encoding; bad is set at the first thing
// that does not fit, and every read after it gives zero values.
type unpacker struct {
	b   []byte
	bad bool
}

func (d *unpacker) uvarint() uint64 {
	if d.bad {
		return 0
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[k:]
	return n
}

// count is a list's length, which cannot exceed the bytes left: every
// item takes at least one.
func (d *unpacker) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad = true
		return 0
	}
	return int(n)
}

func (d *unpacker) str() string {
	n := d.count()
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *unpacker) entity() (e struct {
	Name     string
	Mentions int
	Aliases  []string
}) {
	e.Name = d.str()
	e.Mentions = int(min(d.uvarint(), 1<<31))
	if n := d.count(); n > 0 {
		e.Aliases = make([]string, n)
		for i := range e.Aliases {
			e.Aliases[i] = d.str()
		}
	}
	return e
}

// entitiesCol scans an entities.data column, which may be NULL (no
// document), into *e; *apart says its quotes are to be read from
// library_quotes.
type entitiesCol struct {
	e     *news.Entities
	apart *bool
}

func (c entitiesCol) Scan(src any) error {
	e, apart, err := unpackEntities(src)
	if err != nil {
		return err
	}
	*c.e, *c.apart = e, apart
	return nil
}

// queryer is a database or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// fillQuotes reads from library_quotes the quotes of the articles in
// need, whose documents leave them out, in their order.
func fillQuotes(ctx context.Context, q queryer, need map[int64]*news.Entities) error {
	ids := make([]int64, 0, len(need))
	for id := range need {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return inIDs(ids, func(in string, args []any) error {
		rows, err := q.QueryContext(ctx, `SELECT article_id, speaker, text, partial, paragraph FROM library_quotes
			WHERE article_id IN `+in+` ORDER BY article_id, ord`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var qt news.Quote
			if err := rows.Scan(&id, &qt.Speaker, &qt.Text, &qt.Partial, &qt.Paragraph); err != nil {
				return err
			}
			e := need[id]
			e.Quotes = append(e.Quotes, qt)
		}
		return rows.Err()
	})
}
