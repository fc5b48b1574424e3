package feed

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"byline/store"
)

const bbcCorpus = "../../shared/corpus/bbc"

// TestBBCCorpusTitles: every story in the public BBC corpus (a title line,
// a blank line, paragraphs) imports with its first line as the title.
func TestBBCCorpusTitles(t *testing.T) {
	files, err := Files(bbcCorpus)
	if err != nil {
		t.Skip("../shared/corpus/bbc is absent")
	}
	for _, f := range files {
		if strings.EqualFold(filepath.Base(f), "README.TXT") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first := strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])
		a, err := ReadFile(f)
		if errors.Is(err, ErrNotUTF8) {
			continue // the corpus has a Latin-1 file; refusing it is right
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if a.Title != first {
			t.Errorf("%s: title %q, want the first line %q", f, a.Title, first)
		}
	}
}

// BenchmarkAddBBC imports the BBC corpus (or 500 generated stories when it
// is absent) into a fresh library, extraction included; articles/s is the
// figure that matters (target ≥ 500 on 2 cores).
func BenchmarkAddBBC(b *testing.B) {
	src := bbcCorpus
	if _, err := os.Stat(src); err != nil {
		src = b.TempDir()
		for i := range 500 {
			text := fmt.Sprintf("Council %d approves plan\n\nThe council approved the plan on Monday, Mayor Helen Carter said. \"It is a good day,\" she said in London.\n\n%s\n", i, strings.Repeat("The scheme will cost more than expected, officials said. ", 40))
			os.WriteFile(filepath.Join(src, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644)
		}
	}
	files, _ := Files(src)
	ctx := context.Background()
	total := 0
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "library.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		added, _, failed, err := Add(ctx, st, []string{src}, AddOptions{})
		if err != nil || added == 0 {
			b.Fatalf("added %d, failed %d: %v", added, failed, err)
		}
		total += len(files)
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}
