package extract

import "slices"

// attribution resolves who speaks each quote. It is a list of sieves in
// the manner of Muzny et al. (2017): the strictest pass first, each later
// pass asked only about a quote every earlier pass left open.
//
// A sieve finds the words that name the speaker; a phrase resolver
// (attrib_subject.go) turns them into a speaker: a person through their
// mention, a pronoun (the most recent person of that gender outside
// quotes), a description ("the lord chancellor", "the 34-year-old": the
// person holding that role or the most recent person), or an
// organisation ("a spokesman for Tesco").
type attribution struct {
	toks   []token
	ms     []mention
	people []person
	places []place
	mentAt mentionIndex // token index → mention index, for every token of a mention
	qs     []quoteSpan
	last   *quoteSpan // the quote attributed before the current one
	// explain: record each quote's rule and cue words (Explain); Entities
	// leaves them empty and builds no strings for them.
	explain bool
}

// who is a sieve's verdict: the speaker's name as shown, their person
// index (-1 for an organisation or nobody the article names), and why —
// the resolver that named them and the words it keyed on, which
// `byline extract --explain` prints.
type who struct {
	name string
	per  int
	rule string
	cue  string
}

// nobody is the verdict that names no speaker.
var nobody = who{per: -1}

// sieve is one pass of attribution. find reports ok when it settles the
// quote — with a speaker, or as said by nobody the article names.
type sieve struct {
	name string
	find func(a *attribution, qi int) (who, bool)
}

// sieves run in this order on each quote.
var sieves = []sieve{
	{"after the quote", func(a *attribution, qi int) (who, bool) { return a.after(&a.qs[qi]) }},
	{"attribution closing the sentence", func(a *attribution, qi int) (who, bool) { return a.sentenceFinal(&a.qs[qi]) }},
	{"before the quote", func(a *attribution, qi int) (who, bool) { return a.before(&a.qs[qi]) }},
	{"according to, later", func(a *attribution, qi int) (who, bool) { return a.accordingLater(&a.qs[qi]) }},
	{"colon introduction", func(a *attribution, qi int) (who, bool) { return a.introduced(&a.qs[qi]) }},
	{"reported just before", func(a *attribution, qi int) (who, bool) { return a.reported(&a.qs[qi]) }},
	{"follow-on", (*attribution).followOn},
}

// attribute gives each quote its speaker; sc lends the working memory.
func attribute(sc *scratch, toks []token, ms []mention, people []person, places []place, qs []quoteSpan) {
	sc.mentAt = newMentionIndex(sc.mentAt, len(toks))
	a := &attribution{toks: toks, ms: ms, people: people, places: places, qs: qs, mentAt: sc.mentAt}
	a.explain = len(toks) > 0 && toks[0].explain
	a.indexMentions(&sc.described)
	for qi := range qs {
		q := &qs[qi]
		q.Speaker, q.spk, q.inherited, q.speakerRule, q.speakerCue = "", -1, false, "", ""
		for _, s := range sieves {
			if w, ok := s.find(a, qi); ok {
				q.settle(s.name, w, a.explain)
				break
			}
		}
		a.last = q
	}
	continuedParagraphs(qs)
}

// settle records the verdict of sieve name on the quote, and why when
// explaining.
func (q *quoteSpan) settle(name string, w who, explain bool) {
	q.Speaker, q.spk = w.name, w.per
	if !explain {
		return
	}
	q.speakerRule, q.speakerCue = name, w.cue
	if w.rule != "" {
		q.speakerRule = name + ": " + w.rule
	}
}

// indexMentions adds the descriptions ("the 25-year-old Dubliner") to the
// mentions, in buf so the article's own stay as they are, and maps every
// token to the mention that covers it.
func (a *attribution) indexMentions(buf *[]mention) {
	toks := a.toks
	if d := a.descriptions(); len(d) > 0 {
		*buf = append(append((*buf)[:0], a.ms...), d...)
		a.ms = *buf
		sortByStart(a.ms)
	}
	for i, m := range a.ms {
		for t := m.Start; t < m.End; t++ {
			a.mentAt.set(t, i)
		}
		// Titles belong to the mention too ("Lord Falconer said").
		for t := m.Start - 1; t >= 0 && t >= m.Start-4 && toks[t].cap() && toks[t].Sent == toks[m.Start].Sent; t-- {
			if _, taken := a.mentAt.get(t); taken {
				break
			}
			a.mentAt.set(t, i)
		}
	}
}

// followOn: a quote with no cue of its own continues the speech of the
// quote before it in the same or the previous paragraph.
func (a *attribution) followOn(qi int) (who, bool) {
	if qi == 0 || a.qs[qi-1].Para < a.qs[qi].Para-1 {
		return nobody, false
	}
	prev := a.qs[qi-1]
	a.qs[qi].inherited = true
	return who{name: prev.Speaker, per: prev.spk, cue: prev.speakerCue}, true
}

// continuedParagraphs: a quotation over several paragraphs is attributed
// once, usually at its end; the earlier paragraphs take that speaker.
func continuedParagraphs(qs []quoteSpan) {
	for qi := len(qs) - 2; qi >= 0; qi-- {
		next := qs[qi+1]
		if next.Continues && next.Speaker != "" && (qs[qi].Speaker == "" || qs[qi].inherited) {
			qs[qi].Speaker, qs[qi].spk = next.Speaker, next.spk
			qs[qi].speakerRule, qs[qi].speakerCue = "continued quotation", next.speakerCue
		}
	}
}

// cue is the text of toks[s:e] that a rule keyed on, cut to its last
// dozen tokens so an explanation stays on a line; "" unless explaining.
func (a *attribution) cue(s, e int) string {
	if !a.explain {
		return ""
	}
	s, e = max(s, 0), min(e, len(a.toks))
	if e-s > 12 {
		s = e - 12
	}
	if s >= e {
		return ""
	}
	return spanText(a.toks, s, e)
}

// joinRule names a resolver's rule after the sieve's words that led to
// it ("X said / the sentence's subject"); "" unless explaining.
func (a *attribution) joinRule(head, rule string) string {
	if !a.explain {
		return ""
	}
	return head + rule
}

// mentionIndex maps a token to the mention covering it.
type mentionIndex []int32

// newMentionIndex is an index of n tokens covered by no mention, in buf's
// memory.
func newMentionIndex(buf mentionIndex, n int) mentionIndex {
	x := slices.Grow(buf[:0], n)[:n]
	for i := range x {
		x[i] = -1
	}
	return x
}

func (x mentionIndex) set(tok, mention int) { x[tok] = int32(mention) }

func (x mentionIndex) get(tok int) (int, bool) {
	if tok < 0 || tok >= len(x) || x[tok] < 0 {
		return -1, false
	}
	return int(x[tok]), true
}

func (x mentionIndex) at(tok int) int { m, _ := x.get(tok); return m }
