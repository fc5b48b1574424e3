package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"byline/ingest"
	"byline/news"
	"byline/store"
)

// syntheticLibrary writes n short articles, newest last, straight through
// the store (saved as a refresh saves them: listed, not yet indexed), with
// a tag on every 1,000th and a note on every 5,000th so their marks must
// be read for pages all through the library.
func syntheticLibrary(t *testing.T, n int) string {
	t.Helper()
	ctx := context.Background()
	lib := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(ctx, lib, store.ForBulkWrites())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; {
		batch := make([]*news.Article, 0, 2000)
		for ; i < n && len(batch) < cap(batch); i++ {
			batch = append(batch, &news.Article{
				Title:     fmt.Sprintf("Harbour story %d", i),
				URL:       fmt.Sprintf("https://gazette.example/%d", i),
				Source:    "Gazette",
				Body:      fmt.Sprintf("The harbour master said on day %d that the tide was late.", i),
				Published: start.Add(time.Duration(i) * time.Minute),
			})
		}
		if _, err := st.SaveUnindexed(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	for id := int64(1000); id <= int64(n); id += 1000 {
		if err := st.AddTags(ctx, id, "harbour"); err != nil {
			t.Fatal(err)
		}
		if id%5000 == 0 {
			if _, err := st.AddNote(ctx, id, fmt.Sprintf("note on %d", id)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return lib
}

// TestListAndExportAbove33000Articles: SQLite takes at most 32,766
// variables in a statement, and listing once built one from every id.
// list, list --json and export print or write every article of a larger
// library, newest first, with their tags and notes.
func TestListAndExportAbove33000Articles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 34,000-article library")
	}
	const n = 34000
	lib := syntheticLibrary(t, n)

	out := mustRun(t, "--library", lib, "list")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("list printed %d lines, want %d", len(lines), n)
	}
	if !strings.Contains(lines[0], fmt.Sprintf("Harbour story %d", n-1)) || !strings.Contains(lines[n-1], "Harbour story 0") {
		t.Errorf("list is not newest first: %q … %q", lines[0], lines[n-1])
	}
	if !strings.Contains(lines[n-1000], "#harbour") {
		t.Errorf("article 1000's tag is missing: %q", lines[n-1000])
	}

	arts := listJSON(t, lib)
	if len(arts) != n {
		t.Fatalf("list --json printed %d articles, want %d", len(arts), n)
	}
	tagged, noted := 0, 0
	for i, a := range arts {
		if a.ID != int64(n-i) {
			t.Fatalf("list --json element %d is article %d, want %d", i, a.ID, n-i)
		}
		if len(a.Tags) == 1 && a.Tags[0] == "harbour" {
			tagged++
		}
		if len(a.Notes) == 1 && a.Notes[0].Text == fmt.Sprintf("note on %d", a.ID) {
			noted++
		}
	}
	if tagged != n/1000 || noted != n/5000 {
		t.Errorf("list --json: %d tagged, %d with notes; want %d and %d", tagged, noted, n/1000, n/5000)
	}

	dir := filepath.Join(t.TempDir(), "out")
	got := mustRun(t, "--library", lib, "export", "--to", dir)
	if want := fmt.Sprintf("%d articles written", n); !strings.Contains(got, want) {
		t.Errorf("export printed %q, want %q", got, want)
	}
	files, err := os.ReadDir(dir)
	if err != nil || len(files) != n {
		t.Fatalf("export wrote %d files (%v), want %d", len(files), err, n)
	}
	data, err := os.ReadFile(filepath.Join(dir, "5000-harbour-story-4999.md"))
	if err != nil || !strings.Contains(string(data), "note on 5000") || !strings.Contains(string(data), `tags: ["harbour"]`) {
		t.Errorf("exported article 5000 lacks its tag or note: %v\n%s", err, data)
	}
}

// TestListEmptyLibraryJSON: streaming keeps the empty array scripts parse.
func TestListEmptyLibraryJSON(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	newLibrary(t, lib) // list would not create it
	if out := mustRun(t, "--library", lib, "list", "--json"); out != "[]\n" {
		t.Errorf("list --json of an empty library printed %q, want \"[]\\n\"", out)
	}
}

// TestSearchSaysWhatIsNotYetSearchable: articles a refresh saved but has
// not indexed yet cannot be found by their words; list and export say so
// rather than print a silently partial answer, and stop saying it once
// they are indexed.
func TestSearchSaysWhatIsNotYetSearchable(t *testing.T) {
	lib := syntheticLibrary(t, 30)
	_, errs, code := run(t, "", "--library", lib, "list", "tide")
	if code != 0 || !strings.Contains(errs, "30 articles not yet searchable") {
		t.Errorf("list tide: exit %d, stderr %q; want it to say 30 articles are not yet searchable", code, errs)
	}
	_, errs, _ = run(t, "", "--library", lib, "export", "person:Smith", "--to", t.TempDir())
	if !strings.Contains(errs, "30 articles not yet searchable") {
		t.Errorf("export person:Smith: stderr %q; want the not-yet-searchable count", errs)
	}
	if _, errs, _ := run(t, "", "--library", lib, "list", "is:unread"); strings.Contains(errs, "searchable") {
		t.Errorf("list is:unread needs no index but warned: %q", errs)
	}

	ctx := context.Background()
	st, err := store.Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Finish(ctx, st, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, errs, _ := run(t, "", "--library", lib, "list", "tide")
	if errs != "" || strings.Count(out, "\n") != 30 {
		t.Errorf("after indexing, list tide printed %d lines, stderr %q; want all 30 and no warning", strings.Count(out, "\n"), errs)
	}
}
