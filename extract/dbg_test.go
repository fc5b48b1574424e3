package extract

import (
	"fmt"
	"os"
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
