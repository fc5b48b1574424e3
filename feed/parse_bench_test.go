package feed

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"byline/internal/cputime"
)

// bbcFeed is one feed of ../shared/bench: BBC stories (2,500 in the bench) as RSS 2.0,
// each item's whole text as escaped HTML in its description (6.6 MB), as
// BenchmarkRefreshBBC in ingest serves twenty of them.
func bbcFeed(b testing.TB, items int) []byte {
	gen, _ := filepath.Abs("../../shared/bench/gen_feeds.py")
	corpus, _ := filepath.Abs(bbcCorpus)
	if _, err := os.Stat(gen); err != nil {
		b.Skip("../shared/bench is not here")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		b.Skip("python3 is not installed")
	}
	dir := b.TempDir()
	if out, err := exec.Command("python3", gen, corpus, dir, "1", strconv.Itoa(items), "9").CombinedOutput(); err != nil {
		b.Fatalf("gen_feeds.py: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "feed-0.xml"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParseFeedBBC is a large feed turned into articles, whole and
// in its two parts: the parse ("parse", by fastRSS; "gofeed", the same
// feed through gofeed as before it), then each item's title, link, date
// and body, HTML to Markdown ("items"). A refresh of the bench's 50,000
// items does this twenty times. cpu-ms/op is the process's CPU time (the
// collector's included) per feed, which the load of a shared machine
// changes much less than ns/op.
func BenchmarkParseFeedBBC(b *testing.B) {
	data := bbcFeed(b, 2500)
	const feedURL = "http://127.0.0.1:9/feed-0.xml"
	b.Run("whole", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		cpu := cputime.Process()
		for b.Loop() {
			p, err := ParseFeed(data, feedURL)
			if err != nil {
				b.Fatal(err)
			}
			if len(p.Items) != 2500 || p.Items[0].Words < 100 {
				b.Fatalf("%d items, the first of %d words", len(p.Items), p.Items[0].Words)
			}
		}
		reportCPU(b, cpu)
	})
	for _, fast := range []bool{true, false} {
		name := "parse"
		if !fast {
			name = "gofeed"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu := cputime.Process()
			for b.Loop() {
				d, err := parseDocWith(data, feedURL, "", fast)
				if err != nil || len(d.items) != 2500 || d.fast != fast {
					b.Fatalf("%v", err)
				}
			}
			reportCPU(b, cpu)
		})
	}
	b.Run("items", func(b *testing.B) {
		parsed, err := parseDoc(data, feedURL, "")
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		cpu := cputime.Process()
		for b.Loop() {
			d := *parsed
			d.items = slices.Clone(parsed.items) // next lets each go
			d.seen = map[string]bool{}
			if got := d.next(len(d.items)); len(got) != 2500 || got[0].Words < 100 {
				b.Fatalf("%d items", len(got))
			}
		}
		reportCPU(b, cpu)
	})
}

func reportCPU(b *testing.B, before time.Duration) {
	if cpu := cputime.Process() - before; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
