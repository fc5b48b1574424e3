package extract

import (
	"sort"
	"strings"
)

// Explanation says, for every person, place and quote of an article, which
// rules decided it and on what words: the answer to "why is Blue Moon a
// person?", and how the rules are debugged.
type Explanation struct {
	People []EntityWhy
	Places []EntityWhy
	Quotes []QuoteWhy
	// Others are the capitalised names that became neither: why "Diallo"
	// is no person is the other half of the question.
	Others []MentionWhy
}

// EntityWhy is one person or place and each of its mentions.
type EntityWhy struct {
	Name     string
	Mentions []MentionWhy
}

// MentionWhy is one mention as written, its paragraph (0 is the
// headline) and the reasons recorded on it in the order they were given;
// the last one that changed its kind decided it.
type MentionWhy struct {
	Text string
	Kind string // for Others: "organisation" or "other"

	Paragraph int
	Reasons   []Reason
}

// Reason is a rule and the words of the article it keyed on.
type Reason struct {
	Rule  string
	Words string
}

// QuoteWhy is one quote, its speaker and the attribution rule that chose
// the speaker (empty when the rule was not recorded).
type QuoteWhy struct {
	Text      string
	Speaker   string
	Paragraph int
	Rule      string
	Cue       string
}

// Explain extracts an article as Entities does and returns the reasons.
func Explain(title, body string) Explanation {
	var ex Explanation
	entities(title, body, &ex)
	return ex
}

// fill records the explanation while the tokens are still alive.
func (ex *Explanation) fill(paras []paragraph, toks []token, ms []mention, people []person, places []place, quotes []quoteSpan) {
	pw := make([]EntityWhy, len(people))
	lw := make([]EntityWhy, len(places))
	for i, p := range people {
		pw[i].Name = p.Name
	}
	for i, p := range places {
		lw[i].Name = p.Name
	}
	for i := range ms {
		m := &ms[i]
		mw := MentionWhy{Text: m.Full, Paragraph: paras[toks[m.Start].Para].Number}
		for _, w := range m.Why.all() {
			mw.Reasons = append(mw.Reasons, Reason{Rule: w.Rule, Words: tokenWords(toks, int(w.A), int(w.B))})
		}
		switch {
		case m.Kind == mPerson && m.Ent >= 0 && m.Ent < len(pw):
			pw[m.Ent].Mentions = append(pw[m.Ent].Mentions, mw)
		case m.Kind == mPlace && m.Ent >= 0 && m.Ent < len(lw):
			lw[m.Ent].Mentions = append(lw[m.Ent].Mentions, mw)
		case m.Kind == mOrg:
			mw.Kind = "organisation"
			ex.Others = append(ex.Others, mw)
		default:
			mw.Kind = "other"
			ex.Others = append(ex.Others, mw)
		}
	}
	ex.People = orderByFirst(pw, people, func(p person) int { return p.First }, func(p person) bool { return p.Mentions > 0 })
	ex.Places = orderByFirst(lw, places, func(p place) int { return p.First }, func(place) bool { return true })
	for i := range quotes {
		q := &quotes[i]
		rule, cue := quoteReason(q)
		ex.Quotes = append(ex.Quotes, QuoteWhy{Text: q.Text, Speaker: q.Speaker, Paragraph: paras[q.Para].Number, Rule: rule, Cue: cue})
	}
}

// quoteReason is the attribution sieve (and phrase resolver) recorded on
// a quote and the words it keyed on; "" when no sieve settled it.
func quoteReason(q *quoteSpan) (rule, cue string) { return q.speakerRule, q.speakerCue }

// orderByFirst keeps the entities the output keeps, in the output's
// order: by their first mention.
func orderByFirst[E any](ws []EntityWhy, es []E, first func(E) int, kept func(E) bool) []EntityWhy {
	idx := make([]int, 0, len(es))
	for i, e := range es {
		if kept(e) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return first(es[idx[a]]) < first(es[idx[b]]) })
	out := make([]EntityWhy, 0, len(idx))
	for _, i := range idx {
		out = append(out, ws[i])
	}
	return out
}

// tokenWords is the text of toks[a:b], clamped to the article.
func tokenWords(toks []token, a, b int) string {
	a, b = max(a, 0), min(b, len(toks))
	if a >= b {
		return ""
	}
	return strings.TrimSpace(spanText(toks, a, b))
}
