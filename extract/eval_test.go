package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"byline/news"
)

// This file scores Entities against labelled articles the way
// ../shared/eval/score_extract.py does (same matching rules), so quality
// regressions fail `go test` without Python or a built binary.

type goldEntity struct {
	Name string   `json:"name"`
	Alts []string `json:"alts"`
}

type goldQuote struct {
	Text        string   `json:"text"`
	Speaker     string   `json:"speaker"`
	SpeakerAlts []string `json:"speaker_alts"`
}

type goldFile struct {
	TextFile         string       `json:"text_file"`
	People           []goldEntity `json:"people"`
	OptionalPeople   []string     `json:"optional_people"`
	Places           []goldEntity `json:"places"`
	OptionalPlaces   []string     `json:"optional_places"`
	Speakers         []goldEntity `json:"speakers"`
	Quotes           []goldQuote  `json:"quotes"`
	OptionalQuotes   []goldQuote  `json:"optional_quotes"`
	ForbiddenEnities []string     `json:"forbidden_entities"`
}

var (
	reQuoteMarks = regexp.MustCompile(`[\x{201c}\x{201d}"]`)
	reThe        = regexp.MustCompile(`^(the)\s+`)
	reNonWord    = regexp.MustCompile(`[^\w\s'.-]`)
	reSpace      = regexp.MustCompile(`\s+`)
	reWord       = regexp.MustCompile(`\w+`)
)

func normName(s string) string {
	s = strings.ToLower(s) // the gold files are NFKC already
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = reQuoteMarks.ReplaceAllString(s, "")
	s = reThe.ReplaceAllString(strings.TrimSpace(s), "")
	s = reNonWord.ReplaceAllString(s, " ")
	s = reSpace.ReplaceAllString(s, " ")
	return strings.Trim(s, " .")
}

func namesOf(g goldEntity) map[string]bool {
	m := map[string]bool{normName(g.Name): true}
	for _, a := range g.Alts {
		m[normName(a)] = true
	}
	return m
}

type tally struct{ tp, fp, fn, spk int }

func (t *tally) add(o tally) { t.tp += o.tp; t.fp += o.fp; t.fn += o.fn; t.spk += o.spk }

func (t tally) f1() float64 {
	if t.tp == 0 {
		return 0
	}
	p := float64(t.tp) / float64(t.tp+t.fp)
	r := float64(t.tp) / float64(t.tp+t.fn)
	return 2 * p * r / (p + r)
}

func scoreEntities(pred []string, gold []goldEntity, optional []string) (tally, []string) {
	var t tally
	var notes []string
	matched := make([]bool, len(gold))
	opt := map[string]bool{}
	for _, o := range optional {
		opt[normName(o)] = true
	}
	for _, p := range pred {
		n := normName(p)
		hit := -1
		for i, g := range gold {
			if namesOf(g)[n] {
				hit = i
				break
			}
		}
		switch {
		case hit >= 0 && !matched[hit]:
			matched[hit] = true
			t.tp++
		case hit >= 0:
			t.fp++
			notes = append(notes, "duplicate:"+p)
		case opt[n]:
		default:
			t.fp++
			notes = append(notes, "extra:"+p)
		}
	}
	for i, m := range matched {
		if !m {
			t.fn++
			notes = append(notes, "missed:"+gold[i].Name)
		}
	}
	return t, notes
}

func quoteWords(s string) []string { return reWord.FindAllString(normName(s), -1) }

func quoteMatch(a, b string) bool {
	wa, wb := quoteWords(a), quoteWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	sa, sb := map[string]bool{}, map[string]bool{}
	for _, w := range wa {
		sa[w] = true
	}
	for _, w := range wb {
		sb[w] = true
	}
	inter := 0
	for w := range sa {
		if sb[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	small := min(len(sa), len(sb))
	return float64(inter)/float64(union) >= 0.6 || inter == small && small >= 3
}

func speakerOK(pred string, g goldQuote, people []goldEntity) bool {
	if g.Speaker == "" {
		return pred == ""
	}
	if pred == "" {
		return false
	}
	ok := map[string]bool{normName(g.Speaker): true}
	for _, a := range g.SpeakerAlts {
		ok[normName(a)] = true
	}
	for _, p := range people {
		if normName(p.Name) == normName(g.Speaker) {
			for n := range namesOf(p) {
				ok[n] = true
			}
		}
	}
	return ok[normName(pred)]
}

func scoreQuotes(pred []news.Quote, g goldFile) (tally, []string) {
	var t tally
	var notes []string
	matched := make([]bool, len(g.Quotes))
	people := append(append([]goldEntity(nil), g.People...), g.Speakers...)
	for _, q := range pred {
		hit := -1
		for i, gq := range g.Quotes {
			if !matched[i] && quoteMatch(q.Text, gq.Text) {
				hit = i
				break
			}
		}
		if hit >= 0 {
			matched[hit] = true
			t.tp++
			if speakerOK(q.Speaker, g.Quotes[hit], people) {
				t.spk++
			} else {
				notes = append(notes, "speaker:"+q.Text[:min(30, len(q.Text))]+" -> "+q.Speaker+" want "+g.Quotes[hit].Speaker)
			}
			continue
		}
		optional := false
		for _, o := range g.OptionalQuotes {
			optional = optional || quoteMatch(q.Text, o.Text)
		}
		if !optional {
			t.fp++
			notes = append(notes, "extra-quote:"+q.Text[:min(40, len(q.Text))])
		}
	}
	for i, m := range matched {
		if !m {
			t.fn++
			notes = append(notes, "missed-quote:"+g.Quotes[i].Text[:min(40, len(g.Quotes[i].Text))])
		}
	}
	return t, notes
}

// readArticle splits a .txt file as the byline reader does: the first line
// is the title, the rest the body.
func readArticle(t *testing.T, path string) (string, string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read article: %v", err)
	}
	title, body, _ := strings.Cut(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	return strings.TrimSpace(title), body
}

type evalResult struct {
	people, places, quotes tally
	articles               int
}

func (r evalResult) speakers() float64 {
	n := r.quotes.tp + r.quotes.fn
	if n == 0 {
		return 0
	}
	return float64(r.quotes.spk) / float64(n)
}

func runEval(t *testing.T, dir string) evalResult {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r evalResult
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		path := strings.TrimSuffix(f, ".gold.json") + ".txt"
		if g.TextFile != "" {
			path = filepath.Join(dir, g.TextFile)
		}
		title, body := readArticle(t, path)
		e := Entities(title, body)
		pt, pn := scoreEntities(peopleNames(e), g.People, g.OptionalPeople)
		lt, ln := scoreEntities(placeNames(e), g.Places, g.OptionalPlaces)
		qt, qn := scoreQuotes(e.Quotes, g)
		r.people.add(pt)
		r.places.add(lt)
		r.quotes.add(qt)
		r.articles++
		if notes := append(append(pn, ln...), qn...); len(notes) > 0 {
			t.Logf("%s: %s", filepath.Base(f), strings.Join(notes, "; "))
		}
	}
	t.Logf("people F1 %.3f places F1 %.3f quotes F1 %.3f speakers %.3f over %d articles",
		r.people.f1(), r.places.f1(), r.quotes.f1(), r.speakers(), r.articles)
	return r
}

func assertFloors(t *testing.T, r evalResult, people, places, quotes, speakers float64) {
	t.Helper()
	check := func(what string, got, floor float64) {
		if got < floor {
			t.Errorf("%s %.3f fell below %.2f", what, got, floor)
		}
	}
	check("people F1", r.people.f1(), people)
	check("places F1", r.places.f1(), places)
	check("quotes F1", r.quotes.f1(), quotes)
	check("speaker accuracy", r.speakers(), speakers)
}

// TestDevSetQuality scores the shared dev set (hand-labelled BBC
// articles); it is skipped outside the full workspace.
func TestDevSetQuality(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "eval", "dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("shared eval set not present")
	}
	r := runEval(t, dir)
	// Measured 1.00 on all four at Version 2; the floors leave room for one
	// or two misses, not for a regression.
	assertFloors(t, r, 0.97, 0.95, 0.97, 0.95)
}

// TestDev2SetQuality scores ../shared/eval/dev2, 25 news stories of 2019
// from many outlets. Its blind figures, taken before any rule was written
// against it, were people 0.93, places 0.90, quotes 0.99, speakers 0.82.
// People and places are held to the floors; quotes and speakers to
// a little under what they measure while the attribution work raises them.
func TestDev2SetQuality(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "eval", "dev2")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("shared eval set not present")
	}
	r := runEval(t, dir)
	assertFloors(t, r, 0.95, 0.90, 0.97, 0.80)
}

// TestOwnSetQuality scores the articles written and labelled for this
// package: testdata/eval (a labelled set written for byline) and
// testdata/own (the benchmark article and thirteen wire-style stories
// written to look like held-out copy: US politics, Korean, Chinese, Arabic
// and Spanish names, courts, business, a match report, science). The
// issue's floors are people 0.95, places 0.90, quotes 0.95, speakers
// 0.90; the own set is held a little above them, near what it measures.
func TestOwnSetQuality(t *testing.T) {
	for _, set := range []struct {
		dir   string
		floor [4]float64 // people, places, quotes, speakers
	}{
		{filepath.Join("testdata", "eval"), [4]float64{0.90, 0.85, 0.90, 0.85}},
		{filepath.Join("testdata", "own"), [4]float64{0.97, 0.95, 0.97, 0.95}},
	} {
		t.Run(filepath.Base(set.dir), func(t *testing.T) {
			if files, _ := filepath.Glob(filepath.Join(set.dir, "*.gold.json")); len(files) == 0 {
				t.Skip("no labelled articles yet")
			}
			r := runEval(t, set.dir)
			assertFloors(t, r, set.floor[0], set.floor[1], set.floor[2], set.floor[3])
		})
	}
}
