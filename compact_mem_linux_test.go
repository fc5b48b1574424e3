//go:build linux

// Peak memory is read from Linux's rusage.

package main

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"byline/news"
	"byline/store"
)

// TestCompactMemory: compacting rebuilds the file through a temporary copy
// of it, which was kept in memory: a large library needed its own size in
// memory again to compact. The copy goes to a temporary file now, and
// what is packed is packed a few hundred rows a transaction.
func TestCompactMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 70 MB library")
	}
	ctx := context.Background()
	lib := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(ctx, lib, store.ForBulkWrites())
	if err != nil {
		t.Fatal(err)
	}
	// Bodies that do not pack smaller, so the file is as large as its text.
	rng := rand.New(rand.NewPCG(1, 2))
	raw := make([]byte, 9000)
	for n := 0; n < 6000; {
		var batch []*news.Article
		for ; n < 6000 && len(batch) < 500; n++ {
			for i := range raw {
				raw[i] = byte(rng.Uint32())
			}
			batch = append(batch, &news.Article{
				Title: fmt.Sprintf("Ledger %d", n), URL: fmt.Sprintf("https://ledger.example/%d", n), Source: "Ledger",
				Body: base64.StdEncoding.EncodeToString(raw), Published: time.Date(2026, 1, 1, 0, n, 0, 0, time.UTC),
			})
		}
		if _, err := st.SaveUnindexed(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	// Text hashes in hexadecimal, as bylines before 5 December 2026 wrote
	// them: packing them in one statement journalled every page of the
	// articles in memory.
	db, err := sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE articles SET content_hash = lower(hex(content_hash))`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	fi, err := os.Stat(lib)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bylineBinary(t), "--library", lib, "compact")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("compact: %v\n%s", err, out)
	}
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // kilobytes on Linux
	// Opening indexes the articles saved unindexed, which takes its own
	// memory: 57-76 MB here with the copy on disk, 158 with it in memory.
	if peak > fi.Size()+24<<20 {
		t.Errorf("compact of a %d MB library peaked at %d MB", fi.Size()>>20, peak>>20)
	}
}
