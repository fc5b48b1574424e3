package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"byline/feed"
	"byline/store"
)

const bbcCorpus = "../../shared/corpus/bbc"

func TestAddReportsInOrderAndUpdatesOnReadd(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files := filepath.Join("..", "feed", "testdata", "files")
	var reports []AddResult
	opts := AddOptions{
		Stdin:  strings.NewReader("Piped story\n\nIt came from standard input.\n"),
		Report: func(r AddResult) { reports = append(reports, r) },
	}
	added, updated, failed, err := Add(ctx, st, []string{files, "-", "https://example.com/page", "missing.txt"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if added != 9 || updated != 0 || failed != 3 {
		t.Errorf("added %d, updated %d, failed %d; want 9, 0, 3", added, updated, failed)
	}
	if len(reports) != 12 || !strings.HasSuffix(reports[0].Input, "article.html") || reports[9].Input != "-" || reports[11].Input != "missing.txt" {
		t.Errorf("reports out of order: %+v", reports)
	}
	a, err := st.Article(ctx, reports[0].ID)
	if err != nil || a.EntitiesVersion == 0 || len(a.Entities.People) == 0 {
		t.Errorf("added article lacks extraction: %+v, %v", a, err)
	}
	reports = nil
	added, updated, _, _ = Add(ctx, st, []string{files}, AddOptions{Report: func(r AddResult) { reports = append(reports, r) }})
	if added != 0 || updated != 8 {
		t.Errorf("re-adding: added %d, updated %d; want 0, 8", added, updated)
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
	files, _ := feed.Files(src)
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
