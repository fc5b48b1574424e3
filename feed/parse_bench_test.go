package feed

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// bbcFeed is one feed of ../shared/bench: 2,500 BBC stories as RSS 2.0,
// each item's whole text as escaped HTML in its description (6.6 MB), as
// BenchmarkRefreshBBC in ingest serves twenty of them.
func bbcFeed(b *testing.B) []byte {
	gen, _ := filepath.Abs("../../shared/bench/gen_feeds.py")
	corpus, _ := filepath.Abs(bbcCorpus)
	if _, err := os.Stat(gen); err != nil {
		b.Skip("../shared/bench is not here")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		b.Skip("python3 is not installed")
	}
	dir := b.TempDir()
	if out, err := exec.Command("python3", gen, corpus, dir, "1", "2500", "9").CombinedOutput(); err != nil {
		b.Fatalf("gen_feeds.py: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "feed-0.xml"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParseFeedBBC is a large feed turned into articles: gofeed's
// parse, then each item's title, link, date and body (HTML to Markdown).
// A refresh of the bench's 50,000 items does this twenty times. cpu-ms/op
// is the process's CPU time (the collector's included) per feed, which the
// load of a shared machine changes much less than ns/op.
func BenchmarkParseFeedBBC(b *testing.B) {
	data := bbcFeed(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		p, err := ParseFeed(data, "http://127.0.0.1:9/feed-0.xml")
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Items) != 2500 || p.Items[0].Words < 100 {
			b.Fatalf("%d items, the first of %d words", len(p.Items), p.Items[0].Words)
		}
	}
	if cpu := processCPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
