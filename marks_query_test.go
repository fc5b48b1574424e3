package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// read, star and tag take a query as well as ids.
func TestMarksTakeAQuery(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	all := listJSON(t, lib)
	before := listJSON(t, lib, "before:2026-06")
	if len(before) == 0 || len(before) == len(all) {
		t.Fatalf("the samples should straddle June 2026: %d of %d", len(before), len(all))
	}
	out := mustRun(t, "--library", lib, "read", "is:unread", "before:2026-06")
	if !strings.Contains(out, "articles read") {
		t.Errorf("read QUERY printed %q", out)
	}
	for _, a := range listJSON(t, lib) {
		old := a.Published != nil && a.Published.Before(before[0].Published.AddDate(0, 0, 1))
		if a.Read != old {
			t.Errorf("%q (%v): read=%v", a.Title, a.Published, a.Read)
		}
	}
	mustRun(t, "--library", lib, "star", "-is:read")
	mustRun(t, "--library", lib, "tag", "is:starred", "later")
	for _, a := range listJSON(t, lib) {
		if a.Starred == a.Read || contains(a.Tags, "later") != a.Starred {
			t.Errorf("%q: read=%v starred=%v tags=%v; the unread ones were to be starred and tagged", a.Title, a.Read, a.Starred, a.Tags)
		}
	}
	if _, errs, code := run(t, "", "--library", lib, "read", "colour:red"); code == 0 || !strings.Contains(errs, "colour") {
		t.Errorf("a malformed query must be refused with a reason: %d %q", code, errs)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// o opens the article with the browser set in config.toml, the reader
// suspended while it runs and back when it exits.
func TestOpenLinkWithTheConfiguredBrowser(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	newest := listJSON(t, lib)[0]
	opened := filepath.Join(dir, "opened")
	browser := filepath.Join(dir, "browser")
	if err := os.WriteFile(browser, []byte("#!/bin/sh\necho \"$1\" > "+opened+"\necho TERMINAL BROWSER\nsleep 1\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "config", "byline"), 0o700)
	if err := os.WriteFile(filepath.Join(dir, "config", "byline", "config.toml"), []byte("[reader]\nbrowser = \""+browser+" %u\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	s := newTmuxSession(t, 120, 30, "--library", lib)
	s.waitFor("Library")
	s.keys("o")
	s.waitFor("TERMINAL BROWSER") // the reader gave the screen up
	s.waitFor("? help")           // and took it back
	got, _ := os.ReadFile(opened)
	if strings.TrimSpace(string(got)) != newest.URL {
		t.Errorf("the browser was given %q, want %q", got, newest.URL)
	}
	s.keys("Q")
	s.waitGone()
}
