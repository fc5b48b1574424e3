package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func sampleLibrary(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	return lib
}

func TestPeoplePlacesAndQuotesCommands(t *testing.T) {
	lib := sampleLibrary(t)
	var people []listedSubject
	if err := json.Unmarshal([]byte(mustRun(t, "--library", lib, "people", "--json")), &people); err != nil {
		t.Fatal(err)
	}
	if len(people) < 10 || people[0].Stories < 1 || people[0].FirstSeen.IsZero() {
		t.Fatalf("people --json: %+v", people)
	}
	out := mustRun(t, "--library", lib, "people", "--name", "macrae")
	if !strings.Contains(out, "Fiona MacRae") || strings.Count(out, "\n") != 1 {
		t.Errorf("people --name macrae:\n%s", out)
	}
	if out := mustRun(t, "--library", lib, "places", "ferry", "--sort", "recent"); !strings.Contains(out, "Glasgow") || strings.Contains(out, "Berlin") {
		t.Errorf("places of the stories with ferry:\n%s", out)
	}
	var quotes []listedQuote
	if err := json.Unmarshal([]byte(mustRun(t, "--library", lib, "quotes", "--by", "MacRae", "--json")), &quotes); err != nil {
		t.Fatal(err)
	}
	if len(quotes) == 0 || *quotes[0].Speaker != "Fiona MacRae" || quotes[0].Article.ID == 0 {
		t.Errorf("quotes --by MacRae: %+v", quotes)
	}
	if out := mustRun(t, "--library", lib, "quotes", "compromise"); !strings.Contains(out, "ready to compromise") || !strings.Contains(out, "— Fiona MacRae") {
		t.Errorf("quotes compromise:\n%s", out)
	}
	if _, errs, code := run(t, "", "--library", lib, "people", "--sort", "size"); code == 0 || !strings.Contains(errs, "--sort") {
		t.Errorf("a bad --sort: exit %d, %s", code, errs)
	}
}

func TestPeopleMergeAndSplitCommands(t *testing.T) {
	lib := sampleLibrary(t)
	out := mustRun(t, "--library", lib, "people", "merge", "Fiona MacRae", "Ewan Baird")
	if !strings.Contains(out, `merged "Ewan Baird" into Fiona MacRae`) {
		t.Errorf("merge said %q", out)
	}
	if out := mustRun(t, "--library", lib, "people", "--name", "Ewan"); out != "" {
		t.Errorf("Ewan Baird is still listed after the merge:\n%s", out)
	}
	if out := mustRun(t, "--library", lib, "people", "split", "Fiona MacRae"); !strings.Contains(out, "Ewan Baird") || !strings.Contains(out, "set by hand") {
		t.Errorf("the forms of Fiona MacRae:\n%s", out)
	}
	mustRun(t, "--library", lib, "people", "split", "Fiona MacRae", "Ewan Baird")
	if out := mustRun(t, "--library", lib, "people", "--name", "Ewan"); !strings.Contains(out, "Ewan Baird") {
		t.Errorf("Ewan Baird is not back after the split:\n%s", out)
	}
	if _, errs, code := run(t, "", "--library", lib, "people", "merge", "Fiona MacRae", "Nobody Here"); code != 1 || !strings.Contains(errs, `no person called "Nobody Here"`) {
		t.Errorf("merging someone unknown: exit %d, %s", code, errs)
	}
}

func TestHighlightRoundTripCommands(t *testing.T) {
	lib := sampleLibrary(t)
	ferry := listJSON(t, lib, "ferry")[0].ID
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	out := mustRun(t, "--library", lib, "highlight", id(ferry), "ready to COMPROMISE", "--note", "was it, though?")
	if !strings.HasPrefix(out, "highlight 1 on article") {
		t.Fatalf("highlight said %q", out)
	}
	if _, errs, code := run(t, "", "--library", lib, "highlight", id(ferry), "words that are not there"); code != 1 || !strings.Contains(errs, "is not in its text") {
		t.Errorf("a passage not in the text: exit %d, %s", code, errs)
	}
	if got := listJSON(t, lib, "has:highlight"); len(got) != 1 || got[0].ID != ferry {
		t.Errorf("has:highlight: %+v", got)
	}
	if out := mustRun(t, "--library", lib, "show", id(ferry)); !strings.Contains(out, "ready to compromise") || !strings.Contains(out, "was it, though?") {
		t.Errorf("show does not show the highlight:\n%s", out)
	}
	if out := mustRun(t, "--library", lib, "highlights"); !strings.Contains(out, "#1  “ready to compromise”") {
		t.Errorf("highlights:\n%s", out)
	}
	dir := t.TempDir()
	mustRun(t, "--library", lib, "export", "has:highlight", "--to", dir)
	mustRun(t, "--library", lib, "export", "has:highlight", "--to", dir, "--format", "json")
	md, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	js, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(md) != 1 || len(js) != 1 {
		t.Fatalf("exported %v %v", md, js)
	}
	mdText, _ := os.ReadFile(md[0])
	if !strings.Contains(string(mdText), "## Highlights\n\n> ready to compromise\n\nwas it, though?\n") {
		t.Errorf("the Markdown export has no quote block with the note:\n%s", mdText)
	}
	var shown struct {
		Highlights []shownHighlight `json:"highlights"`
	}
	jsText, _ := os.ReadFile(js[0])
	if err := json.Unmarshal(jsText, &shown); err != nil || len(shown.Highlights) != 1 || shown.Highlights[0].Note != "was it, though?" {
		t.Errorf("the JSON export's highlights: %+v, %v", shown.Highlights, err)
	}
	mustRun(t, "--library", lib, "highlight", "delete", "1")
	if got := listJSON(t, lib, "has:highlight"); len(got) != 0 {
		t.Errorf("has:highlight after delete: %+v", got)
	}
	if _, errs, code := run(t, "", "--library", lib, "highlight", "delete", "1"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("deleting it twice: exit %d, %s", code, errs)
	}
}

func TestExportDossier(t *testing.T) {
	lib := sampleLibrary(t)
	ferry := strconv.FormatInt(listJSON(t, lib, "ferry")[0].ID, 10)
	mustRun(t, "--library", lib, "highlight", ferry, "the same offer", "--note", "which offer?")
	mustRun(t, "--library", lib, "note", ferry, "call the union")
	out := mustRun(t, "--library", lib, "export", `person:"Fiona MacRae"`, "--format", "md")
	for _, want := range []string{"person: \"Fiona MacRae\"", "# Fiona MacRae", "## Quotes", "> “We came to these talks ready to compromise,”",
		"## Stories", "### Ferry strike talks", "> the same offer", "which offer?", "call the union", "Often in: "} {
		if !strings.Contains(out, want) {
			t.Errorf("the dossier lacks %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	mustRun(t, "--library", lib, "export", "place:Glasgow", "--format", "json", "--dossier", "--to", dir)
	var d dossier
	data, err := os.ReadFile(filepath.Join(dir, "place-glasgow.json"))
	if err != nil || json.Unmarshal(data, &d) != nil || d.Name != "Glasgow" || len(d.Articles) == 0 {
		t.Errorf("place dossier: %+v, %v", d, err)
	}
	if _, errs, code := run(t, "", "--library", lib, "export", "person:Nobody"); code != 1 || !strings.Contains(errs, "no person called") {
		t.Errorf("a dossier of nobody: exit %d, %s", code, errs)
	}
}
