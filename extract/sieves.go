package extract

// The mention decisions are ordered sieves in the manner of Lee et al.
// (2013): each rule is a small named function, the precise ones run
// first, and a later rule only decides what the earlier ones left open.
// When the article is explained, every decision is recorded on the mention
// as a reason — the rule's name and the tokens it keyed on — so `byline
// extract --explain` can say why "Blue Moon" is a person, and a reviewer
// can see what a new rule moves.

// verdict is what one sieve says about a candidate.
type verdict uint8

const (
	pass   verdict = iota // no opinion: the next rule decides
	accept                // the candidate is what this sieve looks for
	reject                // it is not, whatever later rules would say
)

// why is one recorded reason: a rule and the tokens [A, B) it keyed on.
type why struct {
	Rule string
	A, B int32
}

// reasons keeps a mention's first reasons in order. Only an explained
// article records them (Explain): Entities runs on every article of a
// refresh and keeps none, so a mention carries a nil list and the rules
// record into it for free. When full, the last slot holds the latest
// reason, the one that decided.
type reasons struct {
	list [4]why
	n    uint8
}

// reasonsFor is the reason list of a new mention starting at toks[a]: a
// fresh one when the article is being explained, else nil.
func reasonsFor(toks []token, a int) *reasons {
	if a >= 0 && a < len(toks) && toks[a].explain {
		return new(reasons)
	}
	return nil
}

func (r *reasons) add(rule string, a, b int) {
	if r == nil {
		return
	}
	w := why{rule, int32(a), int32(b)}
	if int(r.n) < len(r.list) {
		r.list[r.n] = w
		r.n++
		return
	}
	r.list[len(r.list)-1] = w
}

func (r *reasons) all() []why {
	if r == nil {
		return nil
	}
	return r.list[:r.n]
}

// decide sets the mention's kind and records the rule that set it and the
// tokens it keyed on.
func (m *mention) decide(k mentionKind, rule string, a, b int) {
	m.Kind = k
	m.Why.add(rule, a, b)
}

// because records evidence that did not change the kind.
func (m *mention) because(rule string, a, b int) { m.Why.add(rule, a, b) }
