package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkEntities runs a 1,000-word article written for the package:
// the budget is 2 ms per article, the aim 0.5 ms.
func BenchmarkEntities(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "bench_article.md"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Entities(title, body)
	}
}

// BenchmarkEntitiesBBC reports the median time per article over the BBC
// corpus, scaled to 1,000 words; skipped when the corpus is absent.
func BenchmarkEntitiesBBC(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "bbc", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("BBC corpus not present")
	}
	type article struct {
		title, body string
		words       int
	}
	var arts []article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		arts = append(arts, article{title, body, len(strings.Fields(body))})
	}
	per := make([]float64, 0, len(arts))
	for b.Loop() {
		per = per[:0]
		for _, a := range arts {
			start := time.Now()
			Entities(a.title, a.body)
			per = append(per, float64(time.Since(start).Nanoseconds())*1000/float64(max(a.words, 1)))
		}
	}
	slices.Sort(per)
	b.ReportMetric(per[len(per)/2], "ns/1000words-median")
}
