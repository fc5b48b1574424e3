package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"byline/internal/cputime"
	"byline/news"
)

// The scaling benchmark: libraries of 10,000, 100,000 and 300,000
// articles, built once each and kept in the temporary folder (keyed by
// size and schema version), show that what a reader waits for stays flat
// as the library grows. A size whose build would take longer than
// BYLINE_SCALE_BUILD (a duration, 3m when unset), judged from the rate of
// the sizes built before it, is skipped and says so.
//
//	go test ./store -run XXX -bench Scale -benchtime 20x

var scaleSizes = []int{10_000, 100_000, 300_000}

// scaleLayout names how buildScaleLibrary writes a row, beside the schema
// version in the cached file's name: a library written an older way (b3:
// bodies in pack format 1; b2: hashes as 16-byte text; before it, plain
// bodies) is built again rather than measured.
const scaleLayout = "b4"

// BenchmarkScale/N/step:
//   - open: open the library and count it, as the reader's first frame
//     waits for, with the first page of 200 rows (first-frame).
//   - first-page, search (a word in most articles, newest 200), rare (a
//     word in one), person (person:"…", newest 200, and person-rare, a
//     person in one story of 1,000), list-move (the next
//     page of 200 from the middle of the library, as j at a page boundary
//     loads it), list-all (every article streamed, as byline list reads
//     them).
func BenchmarkScale(b *testing.B) {
	budget := 3 * time.Minute
	if v := os.Getenv("BYLINE_SCALE_BUILD"); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			budget = d
		}
	}
	rate := 0.0015 // seconds per article of the last build; a guess until one is made
	for _, n := range scaleSizes {
		path := filepath.Join(os.TempDir(), fmt.Sprintf("byline-scale-%d-v%d-%s.db", n, schemaVersion(), scaleLayout))
		if _, err := os.Stat(path + ".done"); err != nil {
			if time.Duration(rate*float64(n)*float64(time.Second)) > budget {
				b.Logf("%d articles: building would take about %v, more than BYLINE_SCALE_BUILD=%v; skipped", n, time.Duration(rate*float64(n))*time.Second, budget)
				continue
			}
			start := time.Now()
			if err := buildScaleLibrary(path, n); err != nil {
				b.Fatal(err)
			}
			rate = time.Since(start).Seconds() / float64(n)
		}
		scaleSteps(b, path, n)
	}
}

func scaleSteps(b *testing.B, path string, n int) {
	ctx := context.Background()
	name := fmt.Sprintf("%dk", n/1000)
	q := func(s string) news.Query {
		query, err := news.ParseQuery(s)
		if err != nil {
			b.Fatal(err)
		}
		return query
	}
	b.Run(name+"/first-frame", func(b *testing.B) {
		defer cputime.PerOp(b)()
		for b.Loop() {
			s, err := Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			if total, _, err := s.Count(ctx, news.Query{}); err != nil || total != n {
				b.Fatalf("Count = %d, %v; want %d", total, err, n)
			}
			if arts, err := s.List(ctx, news.Query{}, 0, 200); err != nil || len(arts) != 200 {
				b.Fatalf("first page: %d, %v", len(arts), err)
			}
			s.Close()
		}
	})
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	list := func(step, query string, offset int) {
		b.Run(name+"/"+step, func(b *testing.B) {
			qq := q(query)
			defer cputime.PerOp(b)()
			for b.Loop() {
				phraseMemo.reset() // each time as a new search: a phrase's articles are read again
				arts, err := s.List(ctx, qq, offset, 200)
				if err != nil || len(arts) == 0 {
					b.Fatalf("%s: %d articles, %v", query, len(arts), err)
				}
			}
		})
	}
	list("first-page", "", 0)
	list("search", "harbour", 0)
	list("rare-word", "story"+strconv.Itoa(n/2), 0)
	// Two words of most articles, side by side in a few hundred per
	// 100,000: the index has no positions, so every article with both
	// words is read and checked for the phrase (byline_phrase).
	list("phrase", `"harbour minister"`, 0)
	list("person", `person:"Helen Carter"`, 0)
	list("person-rare", `person:Duarte`, 0)
	list("list-move", "", n/2)
	b.Run(name+"/list-all", func(b *testing.B) {
		// What byline list streams: every article, with tags and notes.
		defer cputime.PerOp(b)()
		for b.Loop() {
			rows := 0
			if err := s.Each(ctx, news.Query{}, 0, func(*news.Article) error { rows++; return nil }); err != nil || rows != n {
				b.Fatalf("Each: %d rows, %v; want %d", rows, err, n)
			}
		}
	})
}

// buildScaleLibrary writes n short articles straight into a new library,
// with the rows a save makes (article, search row, entities, subjects), in
// one statement cache: it is the size that matters here, not the text.
// Bodies and hashes are stored as Save stores them (packed; 16 bytes).
func buildScaleLibrary(path string, n int) error {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + ".done"} {
		os.Remove(p)
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 5000
	for i := 0; i < n; i += batch {
		err := s.write(ctx, func(tx *sql.Tx) error {
			w := newWTX(ctx, tx)
			defer w.close()
			var rows []searchRow
			for j := i; j < min(i+batch, n); j++ {
				a := syntheticArticle(rng, j, start)
				words := strings.Fields(a.Body)
				a.Body = strings.Join(words[:min(len(words), 60)], " ") // short: the size, not the text, is under test
				a.Title += " story" + strconv.Itoa(j)
				if j%1000 == 7 {
					// A person in fewer than fewMatches stories at every size.
					a.Entities.People = append(a.Entities.People, news.Person{Name: "Ines Duarte", Mentions: 2, Aliases: []string{"Dr Duarte"}})
				}
				res, err := w.exec(`INSERT INTO articles (guid, url, canonical_url, content_hash, title, source, author, published, added, sort_time, body, words, read, starred, entities_version)
					VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, 0, 1)`,
					a.GUID, "https://wire.example/"+a.GUID, "https://wire.example/"+a.GUID, hashArg(contentHash(a.Body)), a.Title, a.Source,
					a.Published.Unix(), a.Published.Unix(), a.Published.Unix(), packBody(a.Body), len(words), a.Read)
				if err != nil {
					return err
				}
				id, _ := res.LastInsertId()
				if err := writeEntities(w, id, a.Published.Unix(), a.Entities); err != nil {
					return err
				}
				rows = append(rows, searchRow{id: id, title: a.Title, body: a.Body})
			}
			if err := flushEntities(w); err != nil {
				return err
			}
			w.search = rows
			return flushSearch(w)
		})
		if err != nil {
			return err
		}
	}
	return os.WriteFile(path+".done", nil, 0o600)
}
