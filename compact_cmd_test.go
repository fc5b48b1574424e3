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
