package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copiedStory is a news story as a reader copies it out of a browser:
// page chrome above, a dateline, a picture credit below.
const copiedStory = `Skip to content
Advertisement

Harbour authority delays vote on new ferry terminal

PORTSMOUTH, England (Meridian Wire) — The harbour authority postponed a vote on Tuesday over plans for a new ferry terminal, after residents packed the council chamber to object.

"We were told this was a done deal," said Margaret Ellison, 61, who has lived on the seafront for thirty years. "It is nothing of the sort."

Council leader David Okafor said the authority would publish a fresh traffic study before any decision. "Nobody wants lorries queuing through the old town," he said.

Image caption: The seafront at dusk. PHOTO: Meridian Wire
`

func TestAddCopiedStoryGivesTitleSourceAndBody(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	story := filepath.Join(dir, "ferry.txt")
	writeFile(t, story, copiedStory)

	out := mustRun(t, "--library", lib, "add", story)
	if !strings.Contains(out, "added") {
		t.Fatalf("add printed %q, want an 'added' line", out)
	}
	list := listJSON(t, lib)
	if len(list) != 1 {
		t.Fatalf("library holds %d articles, want 1", len(list))
	}
	a := list[0]
	if a.Title != "Harbour authority delays vote on new ferry terminal" {
		t.Errorf("title = %q", a.Title)
	}
	if !strings.Contains(a.Source, "Meridian Wire") {
		t.Errorf("source = %q, want the dateline's outlet", a.Source)
	}
	shown := mustRun(t, "--library", lib, "show", "1")
	for _, chrome := range []string{"Skip to content", "Advertisement", "PHOTO:", "Image caption"} {
		if strings.Contains(shown, chrome) {
			t.Errorf("show keeps page chrome %q:\n%s", chrome, shown)
		}
	}
	if !strings.Contains(shown, "The harbour authority postponed a vote") {
		t.Errorf("show lost the first paragraph:\n%s", shown)
	}
}

func TestAddAgainUpdatesAndKeepsMarks(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	story := filepath.Join(dir, "ferry.txt")
	writeFile(t, story, copiedStory)
	mustRun(t, "--library", lib, "add", story)
	mustRun(t, "--library", lib, "star", "1")
	mustRun(t, "--library", lib, "note", "1", "ask", "the", "council", "for", "the", "study")
	mustRun(t, "--library", lib, "tag", "1", "Local", "transport")

	writeFile(t, story, strings.Replace(copiedStory, "thirty years", "forty years", 1))
	out := mustRun(t, "--library", lib, "add", story)
	if !strings.Contains(out, "updated") {
		t.Errorf("second add printed %q, want 'updated'", out)
	}
	list := listJSON(t, lib)
	if len(list) != 1 {
		t.Fatalf("library holds %d articles after re-adding, want 1", len(list))
	}
	a := list[0]
	if !a.Starred || len(a.Notes) != 1 || a.Notes[0].Text != "ask the council for the study" {
		t.Errorf("re-adding lost marks or notes: %+v", a)
	}
	if strings.Join(a.Tags, ",") != "local,transport" {
		t.Errorf("tags = %v, want [local transport]", a.Tags)
	}
	if shown := mustRun(t, "--library", lib, "show", "1"); !strings.Contains(shown, "forty years") {
		t.Errorf("re-adding did not update the body")
	}
}

func TestAddSkipsBadFilesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.txt"), copiedStory)
	writeFile(t, filepath.Join(in, "b.md"), "---\ntitle: Bridge reopens\nsource: Northline News\n---\n\nThe old bridge reopened on Monday.\n")
	writeFile(t, filepath.Join(in, "c.txt"), "\x00\x01\x02binary\x00\x00\x00")
	writeFile(t, filepath.Join(in, "d.txt"), "\n  \n\t\n")

	out, errs, code := run(t, "", "--library", lib, "add", in)
	if code == 0 {
		t.Errorf("add with unreadable files exited 0, want non-zero")
	}
	for _, bad := range []string{"c.txt", "d.txt"} {
		if !strings.Contains(errs, bad) {
			t.Errorf("stderr does not name %s:\n%s", bad, errs)
		}
	}
	if n := strings.Count(strings.TrimSpace(errs), "\n") + 1; n != 2 {
		t.Errorf("want one error line per bad file, got:\n%s", errs)
	}
	if got := listJSON(t, lib); len(got) != 2 {
		t.Errorf("library holds %d articles, want the 2 good ones; add printed:\n%s", len(got), out)
	}
}

func TestListQueries(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	writeFile(t, filepath.Join(dir, "ferry.txt"), copiedStory)
	writeFile(t, filepath.Join(dir, "bridge.md"), "---\ntitle: Bridge reopens\nsource: Northline News\ndate: 2026-03-02\n---\n\nThe old bridge over the River Avon reopened on Monday, said engineer Priya Natarajan.\n")
	mustRun(t, "--library", lib, "add", dir)
	mustRun(t, "--library", lib, "read", "2")

	count := func(q ...string) int { return len(listJSON(t, lib, q...)) }
	if n := count("ferry"); n != 1 {
		t.Errorf("free text 'ferry' matched %d, want 1", n)
	}
	if n := count("is:unread"); n != 1 {
		t.Errorf("is:unread matched %d, want 1", n)
	}
	if n := count("source:northline"); n != 1 {
		t.Errorf("source:northline matched %d, want 1", n)
	}
	if n := count("-ferry"); n != 1 {
		t.Errorf("-ferry matched %d, want 1", n)
	}
	_, errs, code := run(t, "", "--library", lib, "list", "colour:red")
	if code != 1 || !strings.Contains(errs, "column 1") || strings.Count(errs, "\n") != 1 {
		t.Errorf("malformed query: exit %d, stderr %q; want exit 1 and one line saying where", code, errs)
	}
}

func TestExtractJSONContract(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "ferry.txt")
	writeFile(t, story, copiedStory)
	out := mustRun(t, "extract", "--json", story)
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("extract --json printed %q: %v", out, err)
	}
	for _, key := range []string{"title", "source", "published", "people", "places", "quotes"} {
		if _, ok := got[key]; !ok {
			t.Errorf("extract --json lacks %q", key)
		}
	}
	var x extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	if x.People == nil || x.Places == nil || x.Quotes == nil {
		t.Errorf("lists must be arrays, never null: %s", out)
	}
	// Storing nothing: extract must not have created a library.
	if _, err := os.Stat(filepath.Join(os.Getenv("XDG_DATA_HOME"), "byline")); err == nil {
		t.Errorf("extract created a library")
	}
}

func TestExportMarkdownCarriesMarksAndNotes(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	writeFile(t, filepath.Join(dir, "ferry.txt"), copiedStory)
	mustRun(t, "--library", lib, "add", filepath.Join(dir, "ferry.txt"))
	mustRun(t, "--library", lib, "star", "1")
	mustRun(t, "--library", lib, "note", "1", "follow up in May")
	out := filepath.Join(dir, "out")
	mustRun(t, "--library", lib, "export", "is:starred", "--to", out)
	files, _ := filepath.Glob(filepath.Join(out, "*.md"))
	if len(files) != 1 {
		t.Fatalf("export wrote %v, want one .md file", files)
	}
	b, _ := os.ReadFile(files[0])
	text := string(b)
	for _, want := range []string{"title: \"Harbour authority", "starred: true", "follow up in May", "The harbour authority postponed"} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q:\n%s", want, text)
		}
	}
	// The export reads back into another library.
	other := filepath.Join(dir, "other.db")
	mustRun(t, "--library", other, "add", files[0])
	if got := listJSON(t, other); len(got) != 1 || !strings.HasPrefix(got[0].Title, "Harbour authority") {
		t.Errorf("re-import of the export gave %+v", got)
	}
}

func TestMarksOnUnknownArticleFail(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	_, errs, code := run(t, "", "--library", lib, "star", "99")
	if code == 0 || !strings.Contains(errs, "99") {
		t.Errorf("star 99 on an empty library: exit %d, stderr %q", code, errs)
	}
	_, errs, code = run(t, "", "--library", lib, "show", "seven")
	if code == 0 || !strings.Contains(errs, "not an article id") {
		t.Errorf("show seven: exit %d, stderr %q", code, errs)
	}
}

func TestDefaultLibraryGetsSamplesOnce(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	first := mustRun(t, "list", "--json")
	var arts []listedArticle
	if err := json.Unmarshal([]byte(first), &arts); err != nil {
		t.Fatal(err)
	}
	if len(arts) < 8 {
		t.Fatalf("a new default library holds %d samples, want at least 8", len(arts))
	}
	if _, err := os.Stat(filepath.Join(data, "byline", "library.db")); err != nil {
		t.Fatalf("default library not at $XDG_DATA_HOME/byline/library.db: %v", err)
	}
	mustRun(t, "read", "1")
	again := mustRun(t, "list", "--json")
	var arts2 []listedArticle
	json.Unmarshal([]byte(again), &arts2)
	if len(arts2) != len(arts) {
		t.Errorf("samples loaded again: %d then %d articles", len(arts), len(arts2))
	}
	dir := t.TempDir()
	explicit := filepath.Join(dir, "mine.db")
	writeFile(t, filepath.Join(dir, "story.txt"), "Ferry fares rise\n\nFares on the island ferry rise in May, the operator said.\n")
	mustRun(t, "--library", explicit, "add", filepath.Join(dir, "story.txt"))
	if got := listJSON(t, explicit); len(got) != 1 {
		t.Errorf("an explicit --library got %d articles after adding one, want 1 (no samples)", len(got))
	}
}

// byline show (which builds the same article document as the reader's
// panels) and byline extract give one answer for an article.
func TestShowAndExtractAgree(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"seoul-summit.md", "ferry-strike-talks.md", "cup-final.md"} {
		lib := filepath.Join(dir, name+".db")
		path := filepath.Join("samples", name)
		mustRun(t, "--library", lib, "add", path)
		var extracted, shown struct {
			People json.RawMessage `json:"people"`
			Places json.RawMessage `json:"places"`
			Quotes json.RawMessage `json:"quotes"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, "extract", "--json", path)), &extracted); err != nil {
			t.Fatal(err)
		}
		id := listJSON(t, lib)[0].ID
		if err := json.Unmarshal([]byte(mustRun(t, "--library", lib, "show", "--json", fmt.Sprint(id))), &shown); err != nil {
			t.Fatal(err)
		}
		if string(extracted.People) != string(shown.People) || string(extracted.Places) != string(shown.Places) ||
			string(extracted.Quotes) != string(shown.Quotes) {
			t.Errorf("%s: extract and show differ\nextract: %s %s %s\nshow:    %s %s %s", name,
				extracted.People, extracted.Places, extracted.Quotes, shown.People, shown.Places, shown.Quotes)
		}
	}
}
