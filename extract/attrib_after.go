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
		return a.afterInverted(q.Open, i, end)
	case l == "but" || l == "and" || l == "while" || l == "as" || l == "which" || l == "that":
		return nobody, false // a new clause, not an attribution
	}
	if w, ok := a.quotedAs(i, end, q.Open); ok {
		w.rule = a.joinRule("quoted as saying / ", w.rule)
		return w, true
	}
	return a.afterSubjectVerb(q.Open, i, end)
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
	inside := lastInside(toks, q)
	closesClause := inside.Kind == tPunct && strings.ContainsAny(inside.Text, ",.?!…:;-—")
	switch {
	case i < len(toks) && toks[i].Para == para && (toks[i].Sent != sent || isStop(&inside) && toks[i].cap()):
		// `“Will we step across?” Trump said.`: the question mark ended
		// the sentence, but a bare attribution after it still belongs to
		// the quote.
		if !closesClause || !tailAttribution(toks, i) {
			return 0, 0, false
		}
		sent = toks[i].Sent
	case !closesClause && !dashOrComma(toks, i) && !saidName(toks, i, sent) && !tailAttribution(toks, i):
		return 0, 0, false
	}
	for i < len(toks) && toks[i].Kind == tPunct && (dashOrComma(toks, i) || toks[i].Text == "–") {
		i++
	}
	end := i
	// A quote mark ends the window only if it opens a quote: `the "Pose"
	// actor said` is a name in quotes.
	for end < len(toks) && toks[end].Sent == sent && toks[end].Para == para && !opensQuote(toks, end) && end < i+25 {
		end++
	}
	return i, end, i < end
}

// lastInside is the last token inside the quote, past the closing marks
// of a quote nested at its end (`‘…attention,’ ”`).
func lastInside(toks []token, q *quoteSpan) token {
	k := q.End - 1
	for k > q.Open+1 && (toks[k].Kind == tCloseQ || toks[k].Text == "’" || toks[k].Text == "'") {
		k--
	}
	return toks[k]
}

// tailAttribution: the words from token i to the end of their clause are
// a bare attribution — a speech verb and its subject, nothing else: `Trump
// said.`, `Brooke tearfully asked before apologising`, `said Mr Holt, 52.`
// Only plain verbs of saying count: "claims", "comments" and "described"
// are as often nouns or the start of a new sentence about the quote.
func tailAttribution(toks []token, i int) bool {
	if i >= len(toks) || !subjectStart(&toks[i]) && !tailVerbs.has(toks[i].low) {
		return false
	}
	sent := toks[i].Sent
	v := i
	for ; v < len(toks) && toks[v].Sent == sent && !tailVerbs.has(toks[v].low); v++ {
		if toks[v].Text == "," && v > i {
			v = appositiveName(toks, v) // "the union's treasurer, Ana Beltrão, said"
			break
		}
		if v >= i+5 || toks[v].Kind != tWord && toks[v].Kind != tPoss {
			return false // a subject of at most five words
		}
	}
	if v < 0 || v >= len(toks) || toks[v].Sent != sent || !tailVerbs.has(toks[v].low) {
		return false
	}
	if v > i && toks[v-1].low == "had" {
		return false // "Gerrard had said before the game…": an earlier remark
	}
	if v == i {
		// "said Mr Holt"; not "told Reuters", whose name is the listener.
		return v+1 < len(toks) && toks[v+1].Sent == sent && toks[v].speechVerb() == verbSay && subjectStart(&toks[v+1])
	}
	return attributionEnds(toks, v+1, sent)
}

// appositiveName: the comma at c opens a name set off by commas and
// followed by a speech verb (", Ana Beltrão, said"); it returns the
// verb's index, or -1.
func appositiveName(toks []token, c int) int {
	k := c + 1
	for k < len(toks) && k < c+6 && toks[k].Kind == tWord && toks[k].cap() {
		k++
	}
	if k == c+1 || k+1 >= len(toks) || toks[k].Text != "," || !tailVerbs.has(toks[k+1].low) {
		return -1
	}
	return k + 1
}

// subjectStart: a word that can open the subject of an attribution — a
// name, a pronoun or a determiner.
func subjectStart(t *token) bool {
	if t.Kind != tWord {
		return false
	}
	if _, pron := pronounGender[t.low]; pron || t.cap() {
		return true
	}
	switch t.low {
	case "the", "a", "an", "his", "her", "its", "their", "one", "another":
		return true
	}
	return false
}

// tailVerbs are the verbs of a bare attribution.
var tailVerbs = setOf("said", "says", "asked", "asks", "added", "adds", "replied", "replies", "told",
	"tells", "wrote", "writes", "explained", "explains", "continued", "insisted", "answered",
	"recalled", "noted", "joked", "laughed", "shouted", "whispered", "exclaimed", "wondered",
	"quipped", "conceded", "admitted", "warned", "responded", "tweeted", "testified", "stated",
	"cautioned", "sighed", "snapped", "retorted", "posted", "texted", "emailed")

// attributionEnds: after a speech verb at v-1 the clause ends, perhaps
// after an object ("told reporters", "asked her") or a time ("said on
// Monday").
func attributionEnds(toks []token, v, sent int) bool {
	for k := v; k < v+4; k++ {
		if k >= len(toks) || toks[k].Sent != sent {
			return true
		}
		t := &toks[k]
		if t.Kind == tPunct {
			return t.Text != ":" && t.Text != "-" && t.Text != "'" && !introducesQuote(toks, k, sent)
		}
		if tailWords.has(t.low) && !t.cap() {
			return !introducesQuote(toks, k, sent) && !quoteLater(toks, k, sent)
		}
		if t.Kind != tWord || !t.cap() && !objectWords.has(t.low) {
			return false
		}
	}
	return false
}

// tailWords may follow an attribution that closes a clause: `asked
// before apologising`, `said as he left`, `said on Monday`.
var tailWords = setOf("before", "after", "as", "while", "when", "on", "in", "at", "during",
	"adding", "later", "then", "yesterday", "today", "tonight", "afterwards", "recently", "earlier")

// objectWords are the objects a speech verb takes before the clause ends.
var objectWords = setOf("him", "her", "them", "me", "us", "reporters", "journalists", "the", "a",
	"an", "his", "their", "its", "supporters", "lawmakers", "senators", "fans", "viewers", "listeners", "readers")

func dashOrComma(toks []token, i int) bool {
	return i < len(toks) && (toks[i].Text == "," || toks[i].Text == "—" || toks[i].Text == "-")
}

// saidName: "said Guscott", "told Reuters" at token i, in sentence sent.
func saidName(toks []token, i, sent int) bool {
	if i+1 >= len(toks) || toks[i].Sent != sent || toks[i].Kind != tWord || !isSpeechVerbAt(toks, i) {
		return false
	}
	return (toks[i].speechVerb() == verbSay || toks[i].low == "told") && toks[i+1].cap()
}

// afterAccording: `"…," according to X`. In "He Lifeng described the
// talks as '…', according to Xinhua" a person who speaks before the quote
// said it; the outlet only reports it.
func (a *attribution) afterAccording(q *quoteSpan, i, end int) (who, bool) {
	if w, ok := a.before(q); ok && w.per >= 0 {
		w.rule = a.joinRule("reported by an outlet / ", w.rule)
		return w, true
	}
	e := nounPhraseEnd(a.toks, i+2, end)
	w, ok := a.subject(i+2, e, q.Open)
	w.rule, w.cue = a.joinRule("according to / ", w.rule), a.cue(i, e)
	return w, ok
}

// afterInverted: `"…," said Mr Smith, 34, a nurse`. A cue after the quote
// settles it even when the speaker is unnamed (`"…," a spokesman said`):
// nothing earlier may claim the quote.
func (a *attribution) afterInverted(at, i, end int) (who, bool) {
	toks := a.toks
	j := i + 1
	if toks[i].lower() == "went" {
		j++
	}
	e := nounPhraseEnd(toks, j, end)
	// "…," said its managing director, Callum Strachan: a description,
	// then the name it describes. The name speaks, not whoever the
	// description would otherwise be taken to mean.
	// "said another witness in the inquiry, adviser Fiona Hill": the
	// description may run on to the comma.
	c := e
	for c < end && c < e+8 && toks[c].Text != "," && toks[c].Kind != tPunct {
		c++
	}
	if a.personIn(j, c) < 0 && c < end && toks[c].Text == "," {
		ne := nounPhraseEnd(toks, c+1, end)
		if p := a.personIn(c+1, ne); p >= 0 {
			return who{name: a.people[p].Name, per: p, rule: "said X / appositive name", cue: a.cue(i, ne)}, true
		}
	}
	w, _ := a.subject(j, e, at)
	w.rule, w.cue = a.joinRule("said X / ", w.rule), a.cue(i, e)
	return w, true
}

// afterSubjectVerb: `"…" to boost jobs, Mr Weise added` — the subject
// right before the verb — or `"…," Michael Rabb, an analyst with X, told
// Reuters` — the subject opens the window with an appositive after it.
func (a *attribution) afterSubjectVerb(at, i, end int) (who, bool) {
	toks := a.toks
	for v := i; v < end; v++ {
		if isSpeechVerbAt(toks, v) {
			w, ok := a.subjectOfVerbAfter(at, i, v)
			w.cue = a.cue(i, v+1)
			return w, ok
		}
		if t := toks[v]; t.Kind == tPunct && !strings.Contains(",-'()[]&", t.Text) || t.Kind == tCloseQ && toks[v-1].Quote > 0 {
			break
		}
	}
	return nobody, false
}

// subjectOfVerbAfter names the subject of the speech verb at v in the
// window that starts at i: "Jeff Joseph, from the CEA, told" is Jeff
// Joseph; "to boost jobs, Mr Weise added" is Mr Weise.
func (a *attribution) subjectOfVerbAfter(at, i, v int) (who, bool) {
	toks := a.toks
	first, firstOK := a.subject(i, subjectEnd(toks, i, v), at)
	first.rule = a.joinRule("X said / ", first.rule)
	if first.per >= 0 {
		return first, true
	}
	// "the union's treasurer, Ana Beltrão, said": the name in the appositive.
	if se := subjectEnd(toks, i, v); se < v {
		if p := a.personIn(se+1, v); p >= 0 {
			return who{name: a.people[p].Name, per: p, rule: "X said / appositive name"}, true
		}
	}
	c := v - 1
	for c > i && toks[c].Text != "," {
		c--
	}
	if toks[c].Text == "," && c+1 < v {
		if w, ok := a.subject(c+1, v, at); ok {
			w.rule = a.joinRule("X said / ", w.rule)
			return w, true
		}
	}
	if firstOK {
		return first, true
	}
	return who{per: -1, rule: "X said / nobody named"}, true
}

// sentenceFinal reads an attribution that closes the quote's sentence
// after a comma: `Sondland was known for telling others "…" despite his
// post, said another witness, Fiona Hill.`, `It is vital to "take
// detailed histories" of patients, Dempsey said.` It names the speaker of
// the quotes of the sentence before it, unless a speech verb before the
// quote reports whose words they are (`The barrister had said the rules
// were "…", said Mr Clarke`: the barrister's). It settles a quote only
// when it names someone.
func (a *attribution) sentenceFinal(q *quoteSpan) (who, bool) {
	toks := a.toks
	if q.End+1 >= len(toks) || a.reportedBefore(q) {
		return nobody, false
	}
	if in := lastInside(toks, q); (isStop(&in) || strings.HasSuffix(in.Text, ".")) && toks[q.End+1].cap() {
		return nobody, false // `…Cell Block H." Labour had…`: the sentence ended with the quote
	}
	sent := toks[q.Open].Sent
	for k := q.End + 1; k+1 < len(toks) && toks[k].Sent == sent && k < q.End+maxLookBack; k++ {
		if toks[k].Kind == tOpenQ && toks[k+1].Quote > 0 {
			return nobody, false // a later quote owns the attribution
		}
		if toks[k].Text != "," || !tailAttribution(toks, k+1) {
			continue
		}
		end := k + 1
		for end < len(toks) && toks[end].Sent == sent {
			end++
		}
		// The speaker is found before the sentence: in "Mr Blair has 'the
		// same passion', he said", he is not Mr Blair.
		at := a.clauseStart(q.Open)
		var w who
		if tailVerbs.has(toks[k+1].low) {
			w, _ = a.afterInverted(at, k+1, end)
		} else {
			w, _ = a.afterSubjectVerb(at, k+1, end)
		}
		return w, w.name != ""
	}
	return nobody, false
}

// reportedBefore: a speech verb (not a participle) stands before the
// quote in its sentence.
func (a *attribution) reportedBefore(q *quoteSpan) bool {
	start := a.clauseStart(q.Open)
	for v := start; v < q.Open; v++ {
		if isSpeechVerbAt(a.toks, v) && !strings.HasSuffix(a.toks[v].low, "ing") && !nounUse(a.toks, v) {
			return true
		}
	}
	return false
}

// opensQuote: token k is an opening mark of a kept quote.
func opensQuote(toks []token, k int) bool {
	return toks[k].Kind == tOpenQ && k+1 < len(toks) && toks[k+1].Quote > 0
}

// introducesQuote: the clause from token k goes on to a colon that opens
// a quote of its own ("said on Saturday: \"…"): the attribution belongs
// to that quote, not to the one before it. ("she said, \"…" interrupts
// one quotation and belongs to both halves.)
func introducesQuote(toks []token, k, sent int) bool {
	for end := k + 12; k < len(toks) && k < end && toks[k].Sent == sent; k++ {
		if toks[k].Text == ":" {
			return true
		}
	}
	return false
}

// quoteLater: a quote opens later in the sentence from token k ("said
// earlier it was \"…\""): the clause reports words of its own.
func quoteLater(toks []token, k, sent int) bool {
	for ; k < len(toks) && toks[k].Sent == sent; k++ {
		if toks[k].Kind == tOpenQ {
			return true
		}
	}
	return false
}
