package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"byline/news"
	"byline/store"
)

func TestCompletionOffersFeedIDsAndFlagValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*news.Feed{{URL: "https://example.com/a.xml", Title: "Harbour Gazette"}, {URL: "https://example.com/b.xml", Title: "Coast Weather"}} {
		if err := lib.AddFeed(context.Background(), f); err != nil {
			t.Fatal(err)
		}
	}
	lib.Close()
	for _, c := range []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"__complete", "refresh", ""}, []string{"1\tHarbour Gazette", "2\tCoast Weather"}, nil},
		{[]string{"__complete", "feeds", "remove", "1", ""}, []string{"2\tCoast Weather"}, []string{"1\tHarbour"}},
		{[]string{"__complete", "feeds", "full-text", "2", ""}, []string{"on\t", "off\t"}, nil},
		{[]string{"__complete", "read", "--feed", ""}, []string{"1\tHarbour Gazette"}, nil},
		{[]string{"__complete", "export", "--format", ""}, []string{"md\t", "json\t"}, nil},
	} {
		out, errs, code := run(t, "", append([]string{"--library", path}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v offers %q, want %q in it", c.args, out, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(out, n) {
				t.Errorf("%v offers %q, which was already given", c.args, n)
			}
		}
	}
}

// byline show on a terminal goes through $PAGER when the article is
// taller than the screen.
func TestShowPagesThroughThePager(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	pager := filepath.Join(dir, "pager")
	if err := os.WriteFile(pager, []byte("#!/bin/sh\necho \"paged: $(wc -l) lines\"\nsleep 30\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PAGER", pager) // the test's own tmux server starts with it
	id := listJSON(t, lib)[0].ID
	s := newTmuxSession(t, 80, 12, "--library", lib, "show", strconv.FormatInt(id, 10))
	s.waitFor("paged: ")
}
