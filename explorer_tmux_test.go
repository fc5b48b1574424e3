package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// From an article to a person's quotes and back into a story, in a real
// terminal: enter opens the newest story, tab reaches its people, P opens
// the first person's page, tab reaches their quotes and enter opens the
// story at the quote chosen.
func TestReaderReachesAPersonsQuotesInRealTerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	arts := listJSON(t, lib)
	var shown shownArticle
	if err := json.Unmarshal([]byte(mustRun(t, "--library", lib, "show", fmt.Sprint(arts[0].ID), "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	saidBy := map[string][]string{}
	for _, q := range shown.Quotes {
		if q.Speaker != nil {
			saidBy[*q.Speaker] = append(saidBy[*q.Speaker], q.Text)
		}
	}

	s := newTmuxSession(t, 160, 45, "--library", lib)
	s.waitFor(fmt.Sprintf("Library %d", len(arts)))
	s.keys("Enter")
	s.waitFor("People")
	s.keys("Tab", "P")
	scr := s.waitFor("Quotes (")
	// The page is of the person first in the panel: its title names them.
	title := strings.TrimPrefix(strings.SplitN(scr, "\n", 2)[0], "╭ ")
	person, _, _ := strings.Cut(title, " · ")
	said := saidBy[person]
	if len(said) < 2 || !strings.Contains(scr, firstWords(said[0], 4)) {
		t.Fatalf("P on %s did not show their page with their quotes %q:\n%s", person, said, scr)
	}
	s.keys("Tab", "j", "Enter")
	// The story opens scrolled to the quote, marked with a bar; the
	// first lines of the story are above it, out of view.
	scr = s.waitFor("Article ")
	for deadline := time.Now().Add(5 * time.Second); strings.Contains(scr, "Article 0%") && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		scr = s.screen()
	}
	if strings.Contains(scr, "Quotes (") || !strings.Contains(scr, firstWords(said[1], 3)) || strings.Contains(scr, "Article 0%") {
		t.Errorf("enter on %s's second quote did not open the story at it:\n%s", person, scr)
	}
	s.keys("Q")
	s.waitGone()
}
