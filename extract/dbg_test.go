package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	f := os.Getenv("DBG")
	if f == "" {
		t.Skip()
	}
	title, body := readArticle(t, f)
	paras := paragraphs(title, body)
	var toks []token
	for i, p := range paras {
		toks = tokenize(p.Text, i, toks)
	}
	markLowerSeen(toks)
	markSentences(toks, func(l string) bool { return openers[l] || commonLower(l) })
	markCapSeen(toks, 0)
	findQuotes(paras, toks)
	sp := capSpans(toks)
	for _, s := range sp {
		fmt.Printf("span %q\n", spanText(toks, s.Start, s.End))
	}
	ms := classify(paras, toks, sp)
	for _, m := range ms {
		fmt.Printf("m kind=%d %q title=%q ev=%d g=%c place=%+v\n", m.Kind, m.Name, m.Title, m.Evidence, m.Gender, m.Place)
	}
}

func TestDbg2(t *testing.T) {
	f := os.Getenv("DBG")
	if f == "" {
		t.Skip()
	}
	title, body := readArticle(t, f)
	e := Entities(title, body)
	fmt.Printf("%+v\n", e)
}

func TestDbg3(t *testing.T) {
	s := os.Getenv("DBGS")
	if s == "" {
		t.Skip()
	}
	e := Entities("Title", s)
	fmt.Printf("P: %+v\nL: %+v\n", e.People, e.Places)
	for _, q := range e.Quotes {
		fmt.Printf("Q: %q -> %q partial=%v\n", q.Text, q.Speaker, q.Partial)
	}
}

func TestDbgCorpus(t *testing.T) {
	if os.Getenv("DBGC") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../shared/corpus/bbc/*/*.txt")
	for _, f := range files {
		title, body := readArticle(t, f)
		e := Entities(title, body)
		for _, p := range e.People {
			fmt.Printf("P\t%s\t%s\n", p.Name, f)
		}
		for _, p := range e.Places {
			fmt.Printf("L\t%s\t%s\n", p.Name, f)
		}
		for _, q := range e.Quotes {
			fmt.Printf("Q\t%s\t%s\t%v\n", q.Speaker, f, q.Partial)
		}
	}
}

func TestDbgQuotes(t *testing.T) {
	f := os.Getenv("DBGQ")
	if f == "" {
		t.Skip()
	}
	title, body := readArticle(t, f)
	e := Entities(title, body)
	paras := paragraphs(title, body)
	for _, q := range e.Quotes {
		var pt string
		for _, p := range paras {
			if p.Number == q.Paragraph {
				pt = p.Text
			}
		}
		i := strings.Index(pt, q.Text)
		lo, hi := max(0, i-90), min(len(pt), i+len(q.Text)+70)
		ctx := pt[lo:hi]
		if i < 0 {
			ctx = "?"
		}
		fmt.Printf("[%s] <= %s\n", q.Speaker, ctx)
	}
}
