package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"byline/internal/cputime"
	"byline/news"
)

// The benchmarks run against a library of 100,000 synthetic articles,
// built once and kept in the temporary folder between runs (it takes a
// while to make), keyed by schema version so a schema change rebuilds it.

const benchArticles = 100_000

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

var benchWords = strings.Fields(`the council harbour minister said market shares rose fell storm ferry bridge
election vote court judge police report government plan budget tax school hospital river coast city
village company chief executive profit loss quarter season match goal coach player striker team
league final scientists study research climate energy power water price rent housing transport rail
airport flight border trade talks summit leader president prime treaty agreement week month year
today yesterday morning evening night officials residents workers union strike protest crowd`)

var benchNames = strings.Fields(`Helen Carter David Okafor Priya Natarajan Kim Jong Park Min Margaret Ellison
Tomas Weber Amara Diallo Lucia Romano Kenji Watanabe Sofia Lindqvist Omar Haddad Grace Mensah`)

var benchPlaces = strings.Fields(`London Paris Seoul Dover Lagos Lisbon Oslo Cairo Lima Quebec Hanoi Perth Bristol Glasgow`)

func benchLibrary(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchPath = filepath.Join(os.TempDir(), fmt.Sprintf("byline-bench-%d-v%d.db", benchArticles, schemaVersion()))
		if _, err := os.Stat(benchPath + ".done"); err == nil {
			return
		}
		os.Remove(benchPath)
		os.Remove(benchPath + "-wal")
		os.Remove(benchPath + "-shm")
		benchErr = buildBenchLibrary(benchPath)
		if benchErr == nil {
			benchErr = os.WriteFile(benchPath+".done", nil, 0o600)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func buildBenchLibrary(path string) error {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 2000
	for i := 0; i < benchArticles; i += batch {
		arts := make([]*news.Article, 0, batch)
		for j := i; j < i+batch; j++ {
			arts = append(arts, syntheticArticle(rng, j, start))
		}
		if _, err := s.Save(ctx, arts); err != nil {
			return err
		}
	}
	return nil
}

func syntheticArticle(rng *rand.Rand, n int, start time.Time) *news.Article {
	var body strings.Builder
	words := 300 + rng.IntN(200)
	for w := range words {
		if w > 0 && w%60 == 0 {
			body.WriteString(".\n\n")
		}
		body.WriteString(benchWords[rng.IntN(len(benchWords))])
		body.WriteByte(' ')
	}
	var e news.Entities
	for range 3 + rng.IntN(5) {
		i := rng.IntN(len(benchNames) / 2)
		e.People = append(e.People, news.Person{Name: benchNames[2*i] + " " + benchNames[2*i+1], Mentions: 1 + rng.IntN(5)})
		e.Places = append(e.Places, news.Place{Name: benchPlaces[rng.IntN(len(benchPlaces))], Mentions: 1 + rng.IntN(3)})
	}
	return &news.Article{
		GUID:            fmt.Sprintf("bench-%d", n),
		Title:           fmt.Sprintf("%s %s %s, story %d", benchWords[rng.IntN(len(benchWords))], benchWords[rng.IntN(len(benchWords))], benchWords[rng.IntN(len(benchWords))], n),
		Source:          []string{"Meridian Wire", "Northline News", "The Harbour Gazette"}[n%3],
		Published:       start.Add(time.Duration(n) * 17 * time.Minute),
		Body:            body.String(),
		Read:            rng.IntN(3) == 0,
		Entities:        e,
		EntitiesVersion: 1,
	}
}

func openBench(b *testing.B) *Store {
	path := benchLibrary(b)
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkOpen(b *testing.B) {
	path := benchLibrary(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		// Opening includes the first read a reader makes.
		if _, _, err := s.Count(ctx, news.Query{}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func benchList(b *testing.B, query string, offset int) {
	s := openBench(b)
	q, err := news.ParseQuery(query)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ResetTimer()
	defer cputime.PerOp(b)()
	for b.Loop() {
		arts, err := s.List(ctx, q, offset, 50)
		if err != nil || len(arts) == 0 {
			b.Fatalf("List(%q) = %d articles, %v", query, len(arts), err)
		}
	}
}

func BenchmarkListFirstPage(b *testing.B)  { benchList(b, "", 0) }
func BenchmarkListDeepPage(b *testing.B)   { benchList(b, "", 50_000) }
func BenchmarkListUnread(b *testing.B)     { benchList(b, "is:unread", 0) }
func BenchmarkListPerson(b *testing.B)     { benchList(b, `person:"Kenji Watanabe"`, 0) }
func BenchmarkSearch(b *testing.B)         { benchList(b, "harbour", 0) } // a word in every article: the worst case
func BenchmarkSearchRareWord(b *testing.B) { benchList(b, "99999", 0) }

func BenchmarkCount(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := s.Count(ctx, news.Query{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveBatch saves batches of 200 articles with entities, as an
// import does; articles/s is reported.
func BenchmarkSaveBatch(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	start := time.Now()
	n := 0
	b.ResetTimer()
	for b.Loop() {
		arts := make([]*news.Article, 200)
		for i := range arts {
			arts[i] = syntheticArticle(rng, n, start)
			n++
		}
		if _, err := s.Save(context.Background(), arts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
