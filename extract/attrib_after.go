package extract

import "strings"

// The sieve that reads the words after a quote's closing mark, up to the
// end of the sentence or the next quote: `"…," X said`, `"…," said X`,
// `"…," he added`, `"…," according to X`, `"…," Reuters quoted X as
// saying`.

// after runs the rules of the words after a quote; the first word of the
// window picks the rule.
func (a *attribution) after(q *quoteSpan) (who, bool) {
	i, end, ok := a.afterWindow(q)
	if !ok {
		return nobody, false
	}
	toks := a.toks
	switch l := toks[i].lower(); {
	case l == "according" && i+1 < end && toks[i+1].lower() == "to":
		return a.afterAccording(q, i, end)
	case isSpeechVerbAt(toks, i):
		return a.afterInverted(q, i, end)
	case l == "but" || l == "and" || l == "while" || l == "as" || l == "which" || l == "that":
		return nobody, false // a new clause, not an attribution
	}
	if w, ok := a.quotedAs(i, end, q.Open); ok {
		w.rule = "quoted as saying / " + w.rule
		return w, true
	}
	return a.afterSubjectVerb(q, i, end)
}

// afterWindow is the run of tokens after the closing mark that may hold
// an attribution: [i, end). It is empty unless the quote closes a clause
// (`"…," he said`, `"…", he said`) or a speech verb and a name follow at
// once (`"The obvious choice is Dawson" said Guscott.`) — `"livid" after
// his side were denied two tries` has none.
func (a *attribution) afterWindow(q *quoteSpan) (int, int, bool) {
	toks := a.toks
	if q.End >= len(toks) || toks[q.End].Kind != tCloseQ {
		return 0, 0, false
	}
	sent, para := toks[q.End].Sent, toks[q.End].Para
	i := q.End + 1
	inside := toks[q.End-1]
	closesClause := inside.Kind == tPunct && strings.ContainsAny(inside.Text, ",.?!…:;-—")
	if !closesClause && !dashOrComma(toks, i) && !saidName(toks, i, sent) {
		return 0, 0, false
	}
	for i < len(toks) && toks[i].Kind == tPunct && (dashOrComma(toks, i) || toks[i].Text == "–") {
		i++
	}
	end := i
	for end < len(toks) && toks[end].Sent == sent && toks[end].Para == para && toks[end].Kind != tOpenQ && end < i+25 {
		end++
	}
	return i, end, i < end
}

func dashOrComma(toks []token, i int) bool {
	return i < len(toks) && (toks[i].Text == "," || toks[i].Text == "—" || toks[i].Text == "-")
}

// saidName: "said Guscott", "told Reuters" at token i, in sentence sent.
func saidName(toks []token, i, sent int) bool {
	if i+1 >= len(toks) || toks[i].Sent != sent || toks[i].Kind != tWord || !isSpeechVerbAt(toks, i) {
		return false
	}
	return (speechVerbs[toks[i].low] == verbSay || toks[i].low == "told") && toks[i+1].cap()
}

// afterAccording: `"…," according to X`. In "He Lifeng described the
// talks as '…', according to Xinhua" a person who speaks before the quote
// said it; the outlet only reports it.
func (a *attribution) afterAccording(q *quoteSpan, i, end int) (who, bool) {
	if w, ok := a.before(q); ok && w.per >= 0 {
		w.rule = "reported by an outlet / " + w.rule
		return w, true
	}
	e := nounPhraseEnd(a.toks, i+2, end)
	w, ok := a.subject(i+2, e, q.Open)
	w.rule, w.cue = "according to / "+w.rule, a.cue(i, e)
	return w, ok
}

// afterInverted: `"…," said Mr Smith, 34, a nurse`. A cue after the quote
// settles it even when the speaker is unnamed (`"…," a spokesman said`):
// nothing earlier may claim the quote.
func (a *attribution) afterInverted(q *quoteSpan, i, end int) (who, bool) {
	toks := a.toks
	j := i + 1
	if toks[i].lower() == "went" {
		j++
	}
	e := nounPhraseEnd(toks, j, end)
	// "…," said its managing director, Callum Strachan: a description,
	// then the name it describes. The name speaks, not whoever the
	// description would otherwise be taken to mean.
	if a.personIn(j, e) < 0 && e < end && toks[e].Text == "," {
		ne := nounPhraseEnd(toks, e+1, end)
		if p := a.personIn(e+1, ne); p >= 0 {
			return who{name: a.people[p].Name, per: p, rule: "said X / appositive name", cue: a.cue(i, ne)}, true
		}
	}
	w, _ := a.subject(j, e, q.Open)
	w.rule, w.cue = "said X / "+w.rule, a.cue(i, e)
	return w, true
}

// afterSubjectVerb: `"…" to boost jobs, Mr Weise added` — the subject
// right before the verb — or `"…," Michael Rabb, an analyst with X, told
// Reuters` — the subject opens the window with an appositive after it.
func (a *attribution) afterSubjectVerb(q *quoteSpan, i, end int) (who, bool) {
	toks := a.toks
	for v := i; v < end; v++ {
		if isSpeechVerbAt(toks, v) {
			w, ok := a.subjectOfVerbAfter(q, i, v)
			w.cue = a.cue(i, v+1)
			return w, ok
		}
		if t := toks[v]; t.Kind == tPunct && !strings.Contains(",-'()[]", t.Text) || t.Kind == tCloseQ {
			break
		}
	}
	return nobody, false
}

// subjectOfVerbAfter names the subject of the speech verb at v in the
// window that starts at i: "Jeff Joseph, from the CEA, told" is Jeff
// Joseph; "to boost jobs, Mr Weise added" is Mr Weise.
func (a *attribution) subjectOfVerbAfter(q *quoteSpan, i, v int) (who, bool) {
	toks := a.toks
	first, firstOK := a.subject(i, subjectEnd(toks, i, v), q.Open)
	first.rule = "X said / " + first.rule
	if first.per >= 0 {
		return first, true
	}
	c := v - 1
	for c > i && toks[c].Text != "," {
		c--
	}
	if toks[c].Text == "," && c+1 < v {
		if w, ok := a.subject(c+1, v, q.Open); ok {
			w.rule = "X said / " + w.rule
			return w, true
		}
	}
	if firstOK {
		return first, true
	}
	return who{per: -1, rule: "X said / nobody named"}, true
}
