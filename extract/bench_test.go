package extract

import (
	"os"
	"path/filepath"
	"runtime"
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
//
// Beside the wall time it reports the median of the CPU time the article
// took (Linux), which leaves out the time it waited for a core on a busy
// machine. Compare either only with figures taken at the same load: a
// core shared with other work also runs slower.
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
	// The thread's CPU clock is only the article's while the goroutine
	// stays on it.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	_, haveCPU := threadCPU()
	per := make([]float64, 0, len(arts))
	perCPU := make([]float64, 0, len(arts))
	for b.Loop() {
		per, perCPU = per[:0], perCPU[:0]
		for _, a := range arts {
			cpu0, _ := threadCPU()
			start := time.Now()
			Entities(a.title, a.body)
			wall := time.Since(start)
			cpu1, _ := threadCPU()
			per = append(per, float64(wall.Nanoseconds())*1000/float64(max(a.words, 1)))
			perCPU = append(perCPU, float64((cpu1-cpu0).Nanoseconds())*1000/float64(max(a.words, 1)))
		}
	}
	slices.Sort(per)
	b.ReportMetric(per[len(per)/2], "ns/1000words-median")
	if haveCPU {
		slices.Sort(perCPU)
		b.ReportMetric(perCPU[len(perCPU)/2], "cpu-ns/1000words-median")
	}
}
