package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"byline/extract"
	"byline/news"
	"byline/store"
)

// storyFiles writes n distinct small news stories into dir.
func storyFiles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		text := fmt.Sprintf("Council %d approves harbour plan\n\nThe council of ward %d approved the harbour plan on Monday, Mayor Helen Carter said. \"It is a good day for ward %d,\" she said.\n\nThe plan now goes to ministers in London for a final decision in story %d.\n", i, i, i, i)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("story-%04d.txt", i)), text)
	}
}

func TestUnopenableLibraryIsOneLineAndUntouched(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	writeFile(t, corrupt, strings.Repeat("this is not a database\n", 400))
	newer := filepath.Join(dir, "newer.db")
	newLibrary(t, newer)
	setUserVersion(t, newer, 9999)
	folder := filepath.Join(dir, "folder.db")
	os.Mkdir(folder, 0o700)

	cases := map[string]string{
		corrupt: "not a database",
		newer:   "newer",
		folder:  "directory",
	}
	if os.Geteuid() != 0 { // root reads any file, so only others can test this
		noperm := filepath.Join(dir, "noperm.db")
		newLibrary(t, noperm)
		os.Chmod(noperm, 0)
		cases[noperm] = "permission denied"
	}
	for path, cause := range cases {
		before := snapshot(t, path)
		_, errs, code := run(t, "", "--library", path, "list")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", path, code)
		}
		if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, cause) {
			t.Errorf("%s: stderr %q, want one line naming the path and %q", path, errs, cause)
		}
		if after := snapshot(t, path); after != before {
			t.Errorf("%s: the library changed on a failed open", path)
		}
	}
}

// newLibrary makes an empty library at path, as any writing command would.
func newLibrary(t *testing.T, path string) {
	t.Helper()
	lib, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
}

func setUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
}

// snapshot is the content of a file (or a folder's listing) and its mode.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		return "missing"
	}
	if fi.IsDir() {
		entries, _ := os.ReadDir(path)
		return fmt.Sprintf("dir %v %d", fi.Mode(), len(entries))
	}
	b, _ := os.ReadFile(path)
	return fmt.Sprintf("%v %x", fi.Mode(), b)
}

// TestKilledImportLeavesWholeArticles kills an import of 1,000 files part
// way; the library must open, pass an integrity check and hold only whole
// articles.
func TestKilledImportLeavesWholeArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := bylineBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	storyFiles(t, in, 1000)
	lib := filepath.Join(dir, "library.db")

	cmd := exec.Command(bin, "--library", lib, "add", in)
	var out syncBuffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some articles are in, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	for strings.Count(out.String(), "\n") < 50 && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	written := strings.Count(out.String(), "\n")
	if written >= 1000 {
		t.Skip("the import finished before it could be killed")
	}

	db, err := sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	db.Close()

	ctx := context.Background()
	st, err := store.Open(ctx, lib)
	if err != nil {
		t.Fatalf("library does not open after the kill: %v", err)
	}
	defer st.Close()
	arts, err := st.List(ctx, news.Query{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < written || len(arts) >= 1000 {
		t.Errorf("library holds %d articles; %d were reported added before the kill", len(arts), written)
	}
	for _, l := range arts {
		a, err := st.Article(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title == "" || !strings.Contains(a.Body, "harbour plan") || a.EntitiesVersion != extract.Version || len(a.Entities.People) == 0 {
			t.Errorf("article %d is not whole: title %q, %d body bytes, entities v%d %+v", a.ID, a.Title, len(a.Body), a.EntitiesVersion, a.Entities)
		}
	}
}

// TestTwoProcessesAddAtOnce: a cron refresh and a hand-run add may write at
// the same moment; both must succeed.
func TestTwoProcessesAddAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := bylineBinary(t)
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	newLibrary(t, lib) // create it first, as a reader would have
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	storyFiles(t, a, 300)
	for i := range 300 {
		writeFile(t, filepath.Join(b, fmt.Sprintf("other-%d.md", i)), fmt.Sprintf("---\ntitle: Ferry timetable %d\n---\n\nThe ferry leaves at %d o'clock from Dover.\n", i, i))
	}
	var wg sync.WaitGroup
	errs := make([]string, 2)
	for i, in := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stderr bytes.Buffer
			c := exec.Command(bin, "--library", lib, "add", in)
			c.Stderr = &stderr
			if err := c.Run(); err != nil {
				errs[i] = fmt.Sprintf("%v: %s", err, stderr.String())
			}
		}()
	}
	wg.Wait()
	for i, e := range errs {
		if e != "" {
			t.Errorf("process %d failed: %s", i, e)
		}
	}
	if got := listJSON(t, lib); len(got) != 600 {
		t.Errorf("library holds %d articles, want 600", len(got))
	}
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
