package main

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// byline compact packs the text an older byline stored plainly and says
// what it did; the article reads the same afterwards.
func TestCompactCommand(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	body := strings.Repeat("The lock keepers on the canal voted to strike over the new rota, their union said. ", 12)
	writeFile(t, filepath.Join(dir, "lock.txt"), "Lock keepers to strike\n\n"+body+"\n")
	mustRun(t, "--library", lib, "add", filepath.Join(dir, "lock.txt"))
	id := fmt.Sprint(listJSON(t, lib)[0].ID)
	shown := mustRun(t, "--library", lib, "show", id)

	db, err := sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	// The body as an older byline stored it: plain text.
	if _, err := db.Exec(`UPDATE articles SET body = ?`, strings.TrimSpace(body)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	out := mustRun(t, "--library", lib, "compact")
	if !strings.HasPrefix(out, lib+": ") || !strings.Contains(out, "packed 1 article texts") || strings.Count(out, "\n") != 1 {
		t.Errorf("compact said %q", out)
	}
	if again := mustRun(t, "--library", lib, "show", id); again != shown {
		t.Errorf("show after compact:\n%s\nbefore:\n%s", again, shown)
	}
	if got := listJSON(t, lib, "rota"); len(got) != 1 {
		t.Errorf("search after compact found %d articles", len(got))
	}
}

// byline compact rebuilds a library made with 4 KB pages with 8 KB ones,
// says so, and the article reads the same afterwards.
func TestCompactCommandMakesPagesOf8KB(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	db, err := sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t`); err != nil { // as SQLite made libraries
		t.Fatal(err)
	}
	db.Close()
	writeFile(t, filepath.Join(dir, "lock.txt"), "Lock keepers to strike\n\n"+strings.Repeat("The lock keepers on the canal voted to strike. ", 12)+"\n")
	mustRun(t, "--library", lib, "add", filepath.Join(dir, "lock.txt"))
	id := fmt.Sprint(listJSON(t, lib)[0].ID)
	shown := mustRun(t, "--library", lib, "show", id)

	out := mustRun(t, "--library", lib, "compact")
	if !strings.Contains(out, "; pages of 4 KB made 8 KB") || strings.Count(out, "\n") != 1 {
		t.Errorf("compact said %q", out)
	}
	db, err = sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var size int
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil || size != 8192 {
		t.Errorf("page size after compact: %d (%v)", size, err)
	}
	if again := mustRun(t, "--library", lib, "show", id); again != shown {
		t.Errorf("show after compact:\n%s\nbefore:\n%s", again, shown)
	}
}
