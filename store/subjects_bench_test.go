package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"byline/news"
)

// The views' benchmarks use their own 100,000-article library whose people
// and places look like a real library's: 30,000 people and 3,000 places
// named with Zipf's law (a few in thousands of stories, most in one or
// two), one person in ten named by their surname alone, and quotes.

var (
	subjectsBenchOnce sync.Once
	subjectsBenchPath string
	subjectsBenchErr  error
)

var benchGiven = []string{"Helen", "David", "Priya", "Min", "Margaret", "Tomas", "Amara", "Lucia", "Kenji", "Sofia",
	"Omar", "Grace", "Fiona", "Callum", "Isla", "Ewan", "Ines", "Hugo", "Nadia", "Pavel",
	"Chloe", "Rafael", "Yara", "Jonas", "Leila", "Mateo", "Ava", "Felix", "Zara", "Arjun"}

func benchSurname(i int) string {
	syll := []string{"ka", "mo", "ri", "ten", "val", "dor", "lin", "mar", "sen", "tov", "ber", "cas", "del", "fen", "gar", "hol"}
	return string(rune('A'+i%26)) + syll[i/26%16] + syll[i/416%16]
}

func subjectsBenchLibrary(b *testing.B) string {
	b.Helper()
	subjectsBenchOnce.Do(func() {
		subjectsBenchPath = filepath.Join(os.TempDir(), fmt.Sprintf("byline-bench-subjects-%d-v%d.db", benchArticles, schemaVersion()))
		if _, err := os.Stat(subjectsBenchPath + ".done"); err == nil {
			return
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(subjectsBenchPath + suffix)
		}
		subjectsBenchErr = buildSubjectsBenchLibrary(subjectsBenchPath)
		if subjectsBenchErr == nil {
			subjectsBenchErr = os.WriteFile(subjectsBenchPath+".done", nil, 0o600)
		}
	})
	if subjectsBenchErr != nil {
		b.Fatal(subjectsBenchErr)
	}
	return subjectsBenchPath
}

func buildSubjectsBenchLibrary(path string) error {
	ctx := context.Background()
	s, err := Open(ctx, path, ForBulkWrites())
	if err != nil {
		return err
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	peopleZipf := rand.NewZipf(rng, 1.1, 2, 30_000-1)
	placesZipf := rand.NewZipf(rng, 1.2, 2, 3_000-1)
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 2000
	for i := 0; i < benchArticles; i += batch {
		arts := make([]*news.Article, 0, batch)
		for j := i; j < i+batch; j++ {
			a := syntheticArticle(rng, j, start)
			var e news.Entities
			seen := map[uint64]bool{}
			for range 3 + rng.IntN(5) {
				n := peopleZipf.Uint64()
				if seen[n] {
					continue
				}
				seen[n] = true
				given, surname := benchGiven[n%uint64(len(benchGiven))], benchSurname(int(n))
				p := news.Person{Name: given + " " + surname, Mentions: 1 + rng.IntN(6), Aliases: []string{surname}}
				if rng.IntN(10) == 0 {
					p = news.Person{Name: surname, Mentions: 1}
				}
				e.People = append(e.People, p)
			}
			for range 2 + rng.IntN(4) {
				e.Places = append(e.Places, news.Place{Name: fmt.Sprintf("%s %d", benchPlaces[placesZipf.Uint64()%uint64(len(benchPlaces))], placesZipf.Uint64()), Mentions: 1 + rng.IntN(3)})
			}
			for q := range rng.IntN(5) {
				speaker := ""
				if len(e.People) > 0 {
					speaker = e.People[rng.IntN(len(e.People))].Name
				}
				e.Quotes = append(e.Quotes, news.Quote{Text: fmt.Sprintf("the %s %s %s, said in story %d", benchWords[rng.IntN(len(benchWords))],
					benchWords[rng.IntN(len(benchWords))], benchWords[rng.IntN(len(benchWords))], j), Speaker: speaker, Paragraph: q + 1})
			}
			a.Entities = e
			a.Published = start.Add(time.Duration(j) * 9 * time.Minute) // 100,000 stories over 21 months
			arts = append(arts, a)
		}
		if _, err := s.Save(ctx, arts); err != nil {
			return err
		}
	}
	return nil
}

func openSubjectsBench(b *testing.B) *Store {
	s, err := Open(context.Background(), subjectsBenchLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchView is what a view does when it opens: the first screen of rows,
// the count for its title and the sparklines of the rows on screen.
func benchView(b *testing.B, f SubjectFilter) {
	s := openSubjectsBench(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		subs, total, err := s.Subjects(ctx, f, 0, 50)
		if err != nil || len(subs) != 50 || total < 1000 {
			b.Fatalf("Subjects = %d of %d, %v", len(subs), total, err)
		}
		if err := s.FillWeekly(ctx, subs[:34], 12); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPeopleView(b *testing.B) { benchView(b, SubjectFilter{Kind: news.KindPerson}) }
func BenchmarkPeopleViewRecent(b *testing.B) {
	benchView(b, SubjectFilter{Kind: news.KindPerson, Order: ByRecent})
}
func BenchmarkPlacesView(b *testing.B) { benchView(b, SubjectFilter{Kind: news.KindPlace}) }

// BenchmarkPeopleOfAQuery counts people over the articles of a query (a
// month of 100,000), which the index cannot answer as it stands.
func BenchmarkPeopleOfAQuery(b *testing.B) {
	q, err := news.ParseQuery("after:2024-06 before:2024-07")
	if err != nil {
		b.Fatal(err)
	}
	benchView(b, SubjectFilter{Kind: news.KindPerson, Query: q})
}

func BenchmarkQuotesView(b *testing.B) {
	s := openSubjectsBench(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		qs, total, err := s.Quotes(ctx, QuoteFilter{}, 0, 50)
		if err != nil || len(qs) != 50 || total < 1000 {
			b.Fatalf("Quotes = %d of %d, %v", len(qs), total, err)
		}
	}
}

// BenchmarkPersonPage opens the page of the person in the most stories:
// their first stories, their quotes and the people and places around them.
func BenchmarkPersonPage(b *testing.B) {
	s := openSubjectsBench(b)
	ctx := context.Background()
	top, _, err := s.Subjects(ctx, SubjectFilter{Kind: news.KindPerson}, 0, 1)
	if err != nil || len(top) == 0 {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		p, err := s.FindSubject(ctx, news.KindPerson, top[0].Name)
		if err != nil {
			b.Fatal(err)
		}
		arts, err := s.SubjectStories(ctx, p.ID, 0, 50)
		if err != nil || len(arts) != 50 {
			b.Fatalf("stories = %d, %v", len(arts), err)
		}
		if _, _, err := s.Quotes(ctx, QuoteFilter{SpeakerID: p.ID}, 0, 50); err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.Related(ctx, p.ID, 10); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(top[0].Stories), "stories")
}
