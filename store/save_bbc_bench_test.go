package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/extract"
	"byline/internal/cputime"
	"byline/news"
)

// BenchmarkSaveBBC is the writer of a refresh alone: 20,000 BBC stories
// (the corpus taken in turn, as ../shared/bench's feeds are), extracted
// before the timer starts, saved in transactions of 1,000 into an empty
// library, as ingest's writer saves a feed. Each batch is prepared first,
// as the pipeline's workers do, and only the saves are timed. It reports
// articles/s, the CPU of the saves and the library's size. It needs
// ../shared.
func BenchmarkSaveBBC(b *testing.B) {
	stories := loadBBC(b)
	const total, batch = 20_000, 1000
	arts := make([]*news.Article, total)
	start := time.Now()
	ents := make([]news.Entities, len(stories))
	for i, s := range stories {
		ents[i] = extract.Entities(s[0], s[1])
	}
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		for i := range arts {
			s := stories[i%len(stories)]
			arts[i] = &news.Article{GUID: fmt.Sprintf("bbc-%d", i), URL: fmt.Sprintf("http://127.0.0.1:9/a/%d", i),
				Title: fmt.Sprintf("%s #%d", s[0], i), Body: s[1], FeedID: 0,
				Published: start.Add(-time.Duration(i) * 10 * time.Minute),
				Entities:  ents[i%len(stories)], EntitiesVersion: extract.Version}
		}
		path := filepath.Join(b.TempDir(), "library.db")
		s, err := Open(context.Background(), path, ForBulkWrites())
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < total; i += batch {
			// The pipeline's workers pack the articles before the writer
			// sees them.
			for _, a := range arts[i : i+batch] {
				s.Prepare(a)
			}
			cpu0 := cputime.Process()
			b.StartTimer()
			if _, err := s.Save(context.Background(), arts[i:i+batch]); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			cpu += cputime.Process() - cpu0
		}
		s.Close()
		var size int64
		for _, f := range []string{path, path + "-wal"} {
			if fi, err := os.Stat(f); err == nil {
				size += fi.Size()
			}
		}
		b.ReportMetric(float64(size)/(1<<20), "MiB")
		b.StartTimer()
	}
	b.ReportMetric(float64(total*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s")
}

// loadBBC reads the BBC corpus of ../shared as title and body pairs.
func loadBBC(b testing.TB) [][2]string {
	b.Helper()
	dirs, _ := filepath.Glob("../../shared/corpus/bbc/*")
	var out [][2]string
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			title, body, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
			out = append(out, [2]string{strings.TrimSpace(title), strings.TrimSpace(body)})
		}
	}
	if len(out) == 0 {
		b.Skip("../shared/corpus/bbc is not here")
	}
	return out
}
