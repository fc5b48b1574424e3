package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// extract --explain answers "why is this a person?": each person and
// place with the rules that decided it and the words they keyed on, and
// each quote with its speaker. Text from the article reaches the terminal
// without its control sequences.
func TestExtractExplain(t *testing.T) {
	story := filepath.Join(t.TempDir(), "story.txt")
	writeFile(t, story, "Council backs the harbour plan\n\n"+
		"Mayor Carla Ruiz opened the new ferry terminal in Pellowick, the council said.\n\n"+
		"\"This is a good day for the town,\" Ruiz said.\n\n"+
		"The shipping firm Blue Moon\x1b[31m Lines will run the crossings.\n")
	out := mustRun(t, "extract", "--explain", story)
	for _, want := range []string{
		"People (1)", "Carla Ruiz", `title "Mayor"`, `given-name "Carla"`,
		"Places (1)", "Pellowick", `in-unknown-name "in Pellowick"`,
		"Quotes (1)", "This is a good day for the town", "— Carla Ruiz",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Blue Moon") && strings.Contains(out, "People (2)") {
		t.Errorf("a firm after 'shipping firm' came out a person:\n%s", out)
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Errorf("explain printed a control sequence from the article:\n%q", out)
	}
	if _, errs, code := run(t, "", "extract", "--explain", "--json", story); code == 0 || !strings.Contains(errs, "choose one") {
		t.Errorf("--explain with --json: exit %d, %q; want an error", code, errs)
	}
}

// A one-line .txt is its own title: the names in that line are counted
// once, not once for the title and again for the body.
func TestExtractOneLineFileCountsOnce(t *testing.T) {
	story := filepath.Join(t.TempDir(), "note.txt")
	writeFile(t, story, "Mayor Carla Ruiz opened the ferry terminal in Pellowick on Monday.\n")
	out := mustRun(t, "extract", "--json", story)
	for _, want := range []string{`"name": "Carla Ruiz",
      "mentions": 1,`, `"name": "Pellowick",
      "mentions": 1,`} {
		if !strings.Contains(out, want) {
			t.Errorf("want %s in:\n%s", want, out)
		}
	}
}
