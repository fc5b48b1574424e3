package extract

import (
	"sort"
	"strings"
)

// attribution resolves who speaks each quote. It works like a set of
// sieves, strictest first:
//  1. the words right after the quote: `"…," X said`, `"…," said X`,
//     `"…," he added`, `"…," according to X`;
//  2. the words before it in the same sentence: `X said: "…"`,
//     `X told Y: "…"`, `X said the talks were "…"`;
//  3. a quote with no cue of its own continues the speech of the quote
//     before it in the same or the previous paragraph.
//
// A subject is a person (through their mention), a pronoun (the most
// recent person of that gender outside quotes), a description ("the
// lord chancellor", "the 34-year-old": the person holding that role or the
// most recent person), or an organisation ("a spokesman for Tesco").
type attribution struct {
	toks   []token
	ms     []mention
	people []person
	places []place
	mentAt mentionIndex // token index → mention index, for every token of a mention
	last   *quoteSpan   // the quote attributed before the current one
}

func attribute(toks []token, ms []mention, people []person, places []place, qs []quoteSpan) {
	a := &attribution{toks: toks, ms: ms, people: people, places: places, mentAt: newMentionIndex(len(toks))}
	if d := a.descriptions(); len(d) > 0 {
		a.ms = append(append([]mention(nil), ms...), d...)
		sort.SliceStable(a.ms, func(i, j int) bool { return a.ms[i].Start < a.ms[j].Start })
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
	inherited := make([]bool, len(qs)) // speaker taken from the quote before
	for qi := range qs {
		q := &qs[qi]
		spk, per, ok := a.after(q)
		if !ok {
			spk, per, ok = a.before(q)
		}
		if !ok {
			spk, per, ok = a.accordingLater(q)
		}
		if !ok {
			spk, per, ok = a.introduced(q)
		}
		if !ok {
			spk, per, ok = a.reported(q)
		}
		if !ok && qi > 0 && qs[qi-1].Para >= q.Para-1 {
			spk, per, ok = qs[qi-1].Speaker, qs[qi-1].spk, true
			inherited[qi] = true
		}
		if ok {
			q.Speaker, q.spk = spk, per
		}
		a.last = q
	}
	// A quotation over several paragraphs is attributed once, usually at
	// its end: the earlier paragraphs take that speaker.
	for qi := len(qs) - 2; qi >= 0; qi-- {
		if next := qs[qi+1]; next.Continues && next.Speaker != "" && (qs[qi].Speaker == "" || inherited[qi]) {
			qs[qi].Speaker, qs[qi].spk = next.Speaker, next.spk
		}
	}
}

// after looks at the words between the closing mark and the end of the
// sentence (or the next quote).
func (a *attribution) after(q *quoteSpan) (string, int, bool) {
	toks := a.toks
	if q.End >= len(toks) || toks[q.End].Kind != tCloseQ {
		return "", -1, false
	}
	sent, para := toks[q.End].Sent, toks[q.End].Para
	i := q.End + 1
	// Only a quote that closes a clause takes an attribution after it:
	// `"…," he said` or `"…", he said`, not `"livid" after his side were
	// denied two tries`.
	inside := toks[q.End-1]
	closesClause := inside.Kind == tPunct && strings.ContainsAny(inside.Text, ",.?!…:;-—")
	// A missing comma still attributes when the verb follows at once:
	// `"The obvious choice is Dawson" said Guscott.`
	if !closesClause && (i >= len(toks) || toks[i].Text != "," && toks[i].Text != "—" && toks[i].Text != "-") &&
		!(i < len(toks) && toks[i].Sent == sent && (isSpeechVerbAt(toks, i) && (speechVerbs[toks[i].low] == verbSay || toks[i].low == "told") && toks[i].Kind == tWord && i+1 < len(toks) && toks[i+1].cap())) {
		return "", -1, false
	}
	for i < len(toks) && toks[i].Kind == tPunct && (toks[i].Text == "," || toks[i].Text == "-" || toks[i].Text == "—" || toks[i].Text == "–") {
		i++
	}
	end := i
	for end < len(toks) && toks[end].Sent == sent && toks[end].Para == para && toks[end].Kind != tOpenQ && end < i+25 {
		end++
	}
	if i >= end {
		return "", -1, false
	}
	if toks[i].lower() == "according" && i+1 < end && toks[i+1].lower() == "to" {
		// "He Lifeng described the talks as '…', according to Xinhua": a
		// person who speaks before the quote said it; the outlet only
		// reports it.
		if spk, per, ok := a.before(q); ok && per >= 0 {
			return spk, per, true
		}
		return a.subject(i+2, nounPhraseEnd(toks, i+2, end), q.Open)
	}
	// A cue after the quote settles it even when the speaker is unnamed
	// ("…," a spokesman said): nothing earlier may claim the quote.
	if isSpeechVerbAt(toks, i) {
		// "…," said Mr Smith, 34, a nurse.
		j := i + 1
		if toks[i].lower() == "went" {
			j++
		}
		e := nounPhraseEnd(toks, j, end)
		// "…," said its managing director, Callum Strachan: a description,
		// then the name it describes. The name speaks, not whoever the
		// description would otherwise be taken to mean.
		if a.personIn(j, e) < 0 && e < end && toks[e].Text == "," {
			if p := a.personIn(e+1, nounPhraseEnd(toks, e+1, end)); p >= 0 {
				return a.people[p].Name, p, true
			}
		}
		spk, per, _ := a.subject(j, e, q.Open)
		return spk, per, true
	}
	if l := toks[i].lower(); l == "but" || l == "and" || l == "while" || l == "as" || l == "which" || l == "that" {
		return "", -1, false // a new clause, not an attribution
	}
	if spk, per, ok := a.quotedAs(i, end, q.Open); ok {
		return spk, per, true
	}
	for v := i; v < end; v++ {
		if isSpeechVerbAt(toks, v) {
			// The subject sits right before the verb ("…" to boost jobs,
			// Mr Weise added) or opens the window with an appositive after
			// it ("…," Michael Rabb, an analyst with X, told Reuters).
			first, firstPer, firstOK := a.subject(i, subjectEnd(toks, i, v), q.Open)
			if firstPer >= 0 {
				return first, firstPer, true // "Jeff Joseph, from the CEA, told"
			}
			c := v - 1
			for c > i && toks[c].Text != "," {
				c--
			}
			if toks[c].Text == "," && c+1 < v {
				if spk, per, ok := a.subject(c+1, v, q.Open); ok {
					return spk, per, true
				}
			}
			if firstOK {
				return first, firstPer, true
			}
			return "", -1, true
		}
		if t := toks[v]; t.Kind == tPunct && !strings.Contains(",-'()[]", t.Text) || t.Kind == tCloseQ {
			break
		}
	}
	return "", -1, false
}

// before looks for the last speech verb of the quote's sentence before the
// opening mark, and the subject in front of that verb.
func (a *attribution) before(q *quoteSpan) (string, int, bool) {
	toks := a.toks
	sent := toks[q.Open].Sent
	start := q.Open
	for start > 0 && toks[start-1].Sent == sent && toks[start-1].Kind != tCloseQ {
		start--
	}
	// Attribution sits near the quote: a bounded look-back keeps run-on
	// text (a paragraph with no full stops) linear.
	start = max(start, q.Open-maxLookBack)
	// A speech verb whose subject is a thing the article does not name as
	// a speaker ("The lawsuit said Willis had endured '…'") settles the
	// quote as unattributed rather than letting an earlier speaker claim it.
	unnamed := false
	participle := -1 // the speech verb in -ing nearest the quote
	for v := q.Open - 1; v >= start; v-- {
		l := toks[v].lower()
		if l == "saying" && v > start && toks[v-1].low == "as" {
			if spk, per, ok := a.quotedAs(start, v+1, q.Open); ok {
				return spk, per, true
			}
		}
		if l == "according" && v+1 < q.Open && toks[v+1].lower() == "to" {
			spk, per, _ := a.subject(v+2, nounPhraseEnd(toks, v+2, q.Open), q.Open)
			return spk, per, true
		}
		if !isSpeechVerbAt(toks, v) || passiveAt(toks, v, start) || nounUse(toks, v) {
			continue
		}
		if strings.HasSuffix(l, "ing") {
			// "…, saying his chief had 'a keen command'": a participle shares
			// the subject of an earlier verb.
			if participle < 0 {
				participle = v
			}
			continue
		}
		if elided(toks, v, start) {
			// "…said he was 'disappointed', but insisted that…": the subject
			// is the earlier quote's speaker in the same sentence.
			if a.last != nil && a.last.End < len(toks) && toks[a.last.End].Sent == sent && a.last.Speaker != "" {
				return a.last.Speaker, a.last.spk, true
			}
			// "Thomas Whitfield visited the town and promised '…'": the
			// person who opens the sentence.
			if p := a.sentenceSubject(v, start); p >= 0 {
				return a.people[p].Name, p, true
			}
			continue
		}
		if outer := reportingVerb(toks, v, start); outer >= 0 {
			// "Menzies Campbell said he thought the comments were '…'": the
			// pronoun is the subject of the verb that reports it.
			if spk, per, ok := a.subjectBefore(outer, start, q.Open); ok && per >= 0 {
				return spk, per, ok
			}
		}
		if spk, per, ok := a.subjectBefore(v, start, q.Open); ok {
			return spk, per, ok
		}
		// "…said they hoped Welch …": look for an earlier verb.
		if e := v - 1; e >= start {
			if _, pron := pronounGender[toks[e].lower()]; !pron && toks[e].Kind == tWord {
				unnamed = true
			}
		}
	}
	if participle >= 0 && !unnamed {
		// "with Oliver Letwin branding it a 'stealth tax'": the person
		// just before the participle; "Mr Kilroy-Silk was heard saying he
		// was irritated by '…'": the person who opens the sentence.
		if mi, ok := a.mentAt.get(participle - 1); ok && a.ms[mi].Kind == mPerson && a.ms[mi].Ent >= 0 {
			return a.people[a.ms[mi].Ent].Name, a.ms[mi].Ent, true
		}
		if p := a.sentenceSubject(participle, start); p >= 0 {
			return a.people[p].Name, p, true
		}
	}
	return "", -1, unnamed
}

// reportingVerb: the verb at v has a he/she subject that follows another
// speech verb ("said he thought", "said that she felt"); it returns that
// outer verb, or -1.
func reportingVerb(toks []token, v, start int) int {
	k := v - 1
	for k > start && auxiliaries.has(toks[k].low) {
		k--
	}
	if k <= start || toks[k].low != "he" && toks[k].low != "she" {
		return -1
	}
	k--
	if k > start && toks[k].low == "that" {
		k--
	}
	if k > start && isSpeechVerbAt(toks, k) && !strings.HasSuffix(toks[k].low, "ing") {
		return k
	}
	return -1
}

// passiveAt: the verb at v follows a form of "be" ("The Tories are also
// thought likely to…", "he was told"): its subject is not the speaker.
func passiveAt(toks []token, v, start int) bool {
	for k := v - 1; k >= start && k >= v-3; k-- {
		switch toks[k].low {
		case "is", "are", "was", "were", "be", "been", "being":
			return true
		case "also", "widely", "reportedly", "not", "never", "often", "generally", "later":
			continue
		}
		return false
	}
	return false
}

// nounUse: "comments", "claims", "calls" after a determiner or a modifier
// are nouns ("in off-air comments", "his claims"), not speech.
func nounUse(toks []token, v int) bool {
	if v == 0 || !strings.HasSuffix(toks[v].low, "s") {
		return false
	}
	p := toks[v-1]
	if p.Kind == tPoss {
		return true // "Lord Butler's comments"
	}
	if p.Kind != tWord || p.cap() {
		return false
	}
	switch p.low {
	case "the", "a", "his", "her", "their", "its", "our", "my", "your", "these", "those", "such",
		"some", "any", "no", "new", "recent", "earlier", "further", "of", "in", "similar":
		return true
	}
	return strings.Contains(p.low, "-")
}

// sentenceSubject is the person who opens the sentence of token v (no
// earlier mention in it since start), in subject position, or -1.
func (a *attribution) sentenceSubject(v, start int) int {
	toks := a.toks
	sent := toks[v].Sent
	for i := a.mentionBefore(v); i >= 0 && a.ms[i].Start >= start; i-- {
		if m := a.ms[i]; m.Kind == mPerson && m.Ent >= 0 && toks[m.Start].Sent == sent && a.isSubject(m) && !m.InQuote {
			if j := i - 1; j < 0 || a.ms[j].Start < start || toks[a.ms[j].Start].Sent != sent {
				return m.Ent
			}
		}
	}
	return -1
}

// quotedAs reads "Reuters quoted a central bank official as saying" in
// toks[s:e]: the speaker is the one quoted, not the outlet.
func (a *attribution) quotedAs(s, e, quoteAt int) (string, int, bool) {
	toks := a.toks
	for k := s; k < e; k++ {
		if toks[k].low != "quoted" {
			continue
		}
		for j := k + 2; j+1 < e && j < k+12; j++ {
			if toks[j].low == "as" && (toks[j+1].low == "saying" || toks[j+1].low == "telling") {
				spk, per, _ := a.subject(k+1, j, quoteAt)
				return spk, per, true
			}
		}
	}
	return "", -1, false
}

// accordingLater reads `The band have done "everything in their powers"
// to stay on top, according to Q editor Paul Rees`: "according to" later
// in the quote's sentence names its speaker.
func (a *attribution) accordingLater(q *quoteSpan) (string, int, bool) {
	toks := a.toks
	if q.End >= len(toks) {
		return "", -1, false
	}
	sent := toks[q.End].Sent
	for k := q.End + 1; k+2 < len(toks) && toks[k].Sent == sent && k < q.End+maxLookBack; k++ {
		if toks[k].Kind == tOpenQ {
			return "", -1, false
		}
		if toks[k].low == "according" && toks[k+1].low == "to" {
			e := nounPhraseEnd(toks, k+2, len(toks))
			return a.subject(k+2, e, q.Open)
		}
	}
	return "", -1, false
}

// introduced attributes a quote that opens its paragraph after a paragraph
// ending "She went on:" or "Mr Park told reporters:": the speaker is the
// subject of the speech verb in that last sentence.
func (a *attribution) introduced(q *quoteSpan) (string, int, bool) {
	toks := a.toks
	c := q.Open - 1
	if c < 0 || toks[c].Text != ":" || toks[c].Para != toks[q.Open].Para-1 {
		return "", -1, false
	}
	sent := toks[c].Sent
	start := c
	for start > 0 && toks[start-1].Sent == sent && toks[start-1].Kind != tCloseQ {
		start--
	}
	start = max(start, c-maxLookBack)
	for v := c - 1; v >= start; v-- {
		if isSpeechVerbAt(toks, v) && !strings.HasSuffix(toks[v].lower(), "ing") {
			if toks[v].lower() == "on" && v > start && toks[v-1].lower() == "went" {
				v--
			}
			return a.subjectBefore(v, start, q.Open)
		}
	}
	return "", -1, false
}

// elided: the verb follows "but" or "and" directly, so its subject is the
// one of the clause before.
func elided(toks []token, v, start int) bool {
	e := v
	for e > start && auxiliaries.has(toks[e-1].lower()) {
		e--
	}
	if e <= start {
		return false
	}
	l := toks[e-1].lower()
	return l == "but" || l == "and" || l == "yet"
}

// subjectBefore names the subject in front of the speech verb at v,
// looking no further back than start. Adverbs and auxiliaries may stand
// between ("also said", "has told"); an appositive between commas is
// passed over ("Mr Hague, 43, told", "Korn, who are …, said") unless it
// holds the name ("the chairman, Ambassador Stefan Johannesson, warned").
func (a *attribution) subjectBefore(v, start, quoteAt int) (string, int, bool) {
	toks := a.toks
	end := v
	for end > start && auxiliaries.has(toks[end-1].lower()) {
		end--
	}
	if end > start && toks[end-1].Text == "," {
		k := end - 2
		for k > start && toks[k].Text != "," {
			k--
		}
		if k > start {
			// "the chairman, Ambassador Stefan Johannesson, warned": the
			// name in the appositive speaks; "Sir Ed Davey, who joined Mr
			// Foord at the count, called": a relative clause does not.
			if r := toks[k+1].low; r != "who" && r != "which" && r != "whose" && r != "whom" {
				if spk, per, ok := a.subject(k+1, end-1, quoteAt); ok && per >= 0 {
					return spk, per, ok
				}
			}
			end = k
		}
	}
	if end <= start {
		// "Speaking on Tuesday, he said" ends at the comma; nothing left.
		return "", -1, false
	}
	s := end - 1
	if _, pron := pronounGender[toks[s].lower()]; !pron {
		for s > start && s > end-maxSubject && !clauseBreak(toks[s-1]) {
			s--
		}
	}
	return a.subject(headPhrase(toks, s, end), end, quoteAt)
}

// headPhrase drops an introductory phrase before the subject: in "In a
// filing to US regulators the airline warned", the subject is "the
// airline", not the US. It returns the start of the last noun phrase
// that opens with a determiner after a preposition, or s.
func headPhrase(toks []token, s, end int) int {
	for d := end - 1; d > s; d-- {
		switch toks[d].low {
		case "the", "a", "an":
			if d > s && (titlePreps.has(toks[d-1].low) || toks[d-1].low == "in") {
				return s // "D'Amuro of the FBI": the determiner is inside a phrase
			}
			if toks[d].Text != "The" || toks[d].SentStart {
				for k := s; k < d; k++ {
					if titlePreps.has(toks[k].low) || toks[k].low == "in" {
						return d
					}
				}
			}
			return s
		case "of", "for", "from", "at", "with", "to", "in", "by":
			return s // "a spokesman for the company": the determiner is inside
		}
	}
	return s
}

// reported finds the speaker of the sentence before a quote that has no cue
// of its own, when that sentence reports speech: `Curt Hopkins said the
// sentence would not dent their resolve. "The eyes of…"`.
func (a *attribution) reported(q *quoteSpan) (string, int, bool) {
	toks := a.toks
	i := q.Open - 1
	if i < 0 || toks[i].Para != q.Para {
		return "", -1, false
	}
	sent := toks[i].Sent
	start := i
	for start > 0 && toks[start-1].Sent == sent && start > i-maxLookBack {
		start--
	}
	for v := start; v <= i; v++ {
		if toks[v].Quote > 0 {
			// The sentence attributed a quote of its own ("He added: '…
			// themselves. 'As such…"): this one goes on with its speaker.
			if a.last != nil && a.last.Speaker != "" && toks[a.last.Open].Sent == sent {
				return a.last.Speaker, a.last.spk, true
			}
			return "", -1, false
		}
	}
	for v := start + 1; v <= i; v++ {
		if isSpeechVerbAt(toks, v) && !elided(toks, v, start) {
			return a.subjectBefore(v, start, q.Open)
		}
	}
	return "", -1, false
}

// maxLookBack bounds how far before a quote its attribution is sought, and
// maxSubject how long a subject phrase may be, in tokens.
const (
	maxLookBack     = 80
	maxSubject      = 16
	maxMentionsBack = 300
)

// auxiliaries sit between a subject and its speech verb.
var auxiliaries = setOf("also", "has", "had", "have", "was", "is", "later", "then", "previously",
	"recently", "once", "further", "publicly", "repeatedly", "earlier", "had", "reportedly",
	"simply", "just", "only", "always", "often", "never", "would", "will", "could", "did", "does")

// clauseBreak ends a subject going backwards: punctuation, a conjunction
// or a verb-like function word.
func clauseBreak(t token) bool {
	if t.Kind == tPunct || t.Kind == tOpenQ || t.Kind == tCloseQ {
		return t.Text != "-" && t.Text != "'"
	}
	switch t.lower() {
	case "and", "but", "that", "as", "when", "while", "because", "after", "before", "where", "which",
		"who", "said", "told", "says", "if", "although", "though", "since", "so", "yet", "while,":
		return true
	}
	return false
}

// personIn is the first named person mentioned in toks[s:e], or -1.
func (a *attribution) personIn(s, e int) int {
	for k := s; k < e; k++ {
		if mi, ok := a.mentAt.get(k); ok && a.ms[mi].Kind == mPerson && a.ms[mi].Ent >= 0 {
			return a.ms[mi].Ent
		}
	}
	return -1
}

// subjectEnd: the subject after a quote runs to the verb, cut at the first
// comma (an appositive follows it) and without auxiliaries ("he had said").
func subjectEnd(toks []token, i, v int) int {
	for k := i; k < v; k++ {
		if toks[k].Text == "," {
			return k
		}
	}
	for v > i+1 && auxiliaries.has(toks[v-1].lower()) {
		v--
	}
	return v
}

// nounPhraseEnd: a subject after the verb runs to a comma, a full stop or
// a lower-case verb-like word.
func nounPhraseEnd(toks []token, i, end int) int {
	k := i
	for k < end && toks[k].Kind != tPunct || k < end && (toks[k].Text == "-" || toks[k].Text == "'s") {
		if k > i && toks[k].Kind == tWord && !toks[k].cap() && (toks[k].lower() == "who" || toks[k].lower() == "that" || speechVerbs[toks[k].lower()] != 0 || toks[k].lower() == "in" || toks[k].lower() == "on") {
			break
		}
		k++
	}
	return k
}

// isSpeechVerbAt: a speech verb, or the phrases "went on" and "pointed out".
func isSpeechVerbAt(toks []token, i int) bool {
	l := toks[i].lower()
	if toks[i].Kind != tWord {
		return false
	}
	if speechVerbs[l] != 0 {
		return true
	}
	if (l == "went" || l == "goes" || l == "pointed" || l == "points") && i+1 < len(toks) {
		n := toks[i+1].lower()
		return n == "on" || n == "out"
	}
	return false
}

// subject names the speaker of toks[s:e].
func (a *attribution) subject(s, e, quoteAt int) (string, int, bool) {
	toks := a.toks
	if s >= e {
		return "", -1, false
	}
	// Mentions inside the phrase: a person first, unless someone speaks
	// for an organisation ("a spokesman for Tesco", "Tesco officials").
	spokes := false
	for k := s; k < e; k++ {
		if spokesWords.has(toks[k].lower()) {
			spokes = true
		}
	}
	if h := toks[e-1]; h.Kind == tWord && !h.cap() && (personRoles.has(h.lower()) || strings.HasSuffix(h.lower(), "-old")) &&
		(toks[s].lower() == "the" || toks[s].lower() == "this") && !spokesWords.has(h.lower()) {
		// "the European cross-country champion": the head noun decides, not
		// the adjectives ("European") inside the description.
		hasPerson := false
		for k := s; k < e; k++ {
			if mi, ok := a.mentAt.get(k); ok && a.ms[mi].Kind == mPerson {
				hasPerson = true
			}
		}
		if !hasPerson {
			g := byte(0)
			if femaleRoles.has(h.lower()) {
				g = 'f'
			} else if maleRoles.has(h.lower()) {
				g = 'm'
			}
			if p := a.describedPerson(h.lower(), g, quoteAt); p >= 0 {
				return a.people[p].Name, p, true
			}
		}
	}
	org, per := -1, -1
	for k := s; k < e; k++ {
		mi, ok := a.mentAt.get(k)
		if !ok {
			continue
		}
		m := a.ms[mi]
		if per < 0 && m.Kind == mPerson && m.Ent >= 0 {
			per = m.Ent
		}
		if org < 0 && m.Kind != mPerson && !m.Calendar && modifierPrefix(toks[m.Start].Text) == "" {
			// "a report by UK-based consultancy Analysys": the place in a
			// modifier is not who speaks.
			org = mi
		}
	}
	if per >= 0 {
		// A named person speaks for themselves even as a spokesman
		// ("Revolution Studios spokesman Sean Dudas said").
		return a.people[per].Name, per, true
	}
	if spokes && org < 0 && per < 0 && !institutionNouns.has(toks[e-1].lower()) || spokes && org < 0 && spokesWords.has(toks[e-1].lower()) {
		// "a spokesman said" with no name: the organisation the last
		// sentences were about.
		if o := a.recentOrgNear(quoteAt); o != "" {
			return o, -1, true
		}
		return "", -1, false
	}
	if d := toks[s].low; org >= 0 && (d == "a" || d == "an" || d == "one" || d == "another") && e-s >= 3 {
		// "one Bombay trader said", "a Tesco shopper said": someone the
		// article does not name, from that place or firm; but "a Tesco
		// spokesman" speaks for Tesco (handled above).
		if h := toks[e-1]; h.Kind == tWord && !h.cap() && !institutionNouns.has(h.low) && !spokesWords.has(h.low) {
			return "", -1, true
		}
	}
	if org >= 0 && per < 0 {
		// "The Conservative Party Co-Chairman said": a capitalised office,
		// not an organisation.
		if r := roleHead(a.ms[org].Words); r != "" {
			if p := a.describedPerson(r, 0, quoteAt); p >= 0 {
				return a.people[p].Name, p, true
			}
		}
	}
	if org >= 0 {
		m := a.ms[org]
		if m.Kind == mPlace && m.Ent >= 0 {
			return a.places[m.Ent].Name, -1, true
		}
		if m.Kind == mOther && m.Full != "" {
			return m.Full, -1, true // "Scottish Executive", not "Executive"
		}
		return m.Name, -1, true
	}
	head := toks[e-1].lower()
	if head == "it" && e-s == 1 {
		// "…," it said: an organisation that opened a sentence since the
		// last quote ("The UNECE warned that…"), else the statement or
		// organisation that spoke last.
		since := 0
		if a.last != nil {
			since = a.last.End
		}
		if o := a.orgSubjectSince(since, quoteAt); o != "" {
			return o, -1, true
		}
		if a.last != nil && a.last.Speaker != "" && a.toks[a.last.Open].Para >= a.toks[quoteAt].Para-1 {
			return a.last.Speaker, a.last.spk, true
		}
		if o := a.recentOrg(quoteAt, ""); o != "" {
			return o, -1, true
		}
		return "", -1, false
	}
	if g, ok := pronounGender[head]; ok && e-s <= 2 {
		if g == 'p' || head == "i" {
			return "", -1, false
		}
		if o, ok := a.recentSpokes(quoteAt, g); ok {
			return o, -1, true
		}
		if p := a.continuingSpeaker(quoteAt, g); p >= 0 {
			return a.people[p].Name, p, true
		}
		p := a.recentPerson(quoteAt, g, "")
		if p < 0 {
			return "", -1, false
		}
		return a.people[p].Name, p, true
	}
	first := toks[s].lower()
	if first == "the" && demonymNoun(toks[e-1].Text) {
		if p := a.describedPerson(head, 0, quoteAt); p >= 0 {
			return a.people[p].Name, p, true
		}
	}
	if institutionNouns.has(head) || orgHeads.has(head) {
		// "the department said", "a spokeswoman for the department": the
		// organisation last named with that word ("Department for
		// Environment"); "the organisation said": the one last named.
		if o := a.recentOrg(quoteAt, head); o != "" {
			return o, -1, true
		}
		if o := a.recentOrg(quoteAt, ""); o != "" && orgHeads.has(head) {
			return o, -1, true
		}
	}
	for k := s; k < e && e-s <= 4; k++ {
		if institutionNouns.has(toks[k].lower()) && !spokesWords.has(toks[k].lower()) {
			return describe(toks, s, e), -1, true
		}
	}
	if spokes && institutionNouns.has(head) {
		for k := s; k < e; k++ {
			if toks[k].lower() == "for" || toks[k].lower() == "from" {
				return describe(toks, k+1, e), -1, true // "a spokesman for the ministry"
			}
		}
	}
	if personRoles.has(head) || strings.HasSuffix(head, "-old") {
		if first == "a" || first == "an" {
			return "", -1, false // someone the article does not name
		}
		g := byte(0)
		if femaleRoles.has(head) {
			g = 'f'
		} else if maleRoles.has(head) {
			g = 'm'
		}
		if p := a.describedPerson(head, g, quoteAt); p >= 0 {
			return a.people[p].Name, p, true
		}
	}
	return "", -1, false
}

// continuingSpeaker: a pronoun right after a quote goes on with that
// quote's speaker ("…," according to editor Paul Rees. "…" He added: "…")
// when no other person has opened a sentence since, outside quotes, and
// the gender fits.
func (a *attribution) continuingSpeaker(pos int, g byte) int {
	last := a.last
	if last == nil || last.spk < 0 || last.End >= pos || a.toks[last.Open].Para < a.toks[pos].Para-1 {
		return -1
	}
	if p := a.people[last.spk]; g != 0 && p.Gender != 0 && p.Gender != g {
		return -1
	}
	for i := a.mentionBefore(pos); i >= 0 && a.ms[i].Start > last.End; i-- {
		if m := a.ms[i]; m.Kind == mPerson && m.Ent >= 0 && m.Ent != last.spk && !m.InQuote && a.isSubject(m) {
			return -1
		}
	}
	return last.spk
}

// describedPerson finds who "the <role>" means at token pos: the last
// person who carried that role word, else the most talked-about person so
// far (a story's "the defender" is its subject), leaving aside people known
// by another role.
func (a *attribution) describedPerson(head string, g byte, pos int) int {
	if p := a.recentPerson(pos, g, head); p >= 0 {
		return p
	}
	if p := a.recentSubject(pos, g, head); p >= 0 {
		return p
	}
	score := make([]int, len(a.people))
	for i := a.mentionBefore(pos); i >= a.windowStart(pos); i-- {
		if m := a.ms[i]; m.Kind == mPerson && m.Ent >= 0 && !m.InQuote {
			score[m.Ent] += 2
		}
	}
	best := -1
	for i, p := range a.people {
		if g != 0 && p.Gender != 0 && p.Gender != g || score[i] == 0 {
			continue
		}
		if otherRole(p.Roles, head) {
			score[i]--
		}
		if best < 0 || score[i] > score[best] || score[i] == score[best] && p.First < a.people[best].First {
			best = i
		}
	}
	return best
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// demonymNoun: "the Dutchman", "the Scot", "the Dubliner" describe a person.
func demonymNoun(w string) bool {
	if !firstRuneUpper(w) {
		return false
	}
	if ok := isDemonym(w); ok {
		return true
	}
	for _, suf := range []string{"man", "woman"} {
		if strings.HasSuffix(w, suf) {
			if ok := isDemonym(strings.TrimSuffix(w, suf)); ok {
				return true
			}
			if ok := isDemonym(strings.TrimSuffix(w, suf) + "ish"); ok {
				return true
			}
		}
	}
	if strings.HasSuffix(w, "er") {
		_, ok := lookupPlace(strings.TrimSuffix(w, "er"))
		return ok
	}
	return false
}

// descriptions adds a person mention for each "the <role>" phrase outside
// quotes that opens a clause ("But the 25-year-old Dubliner underlined…"),
// so pronouns after it find the person it describes.
func (a *attribution) descriptions() []mention {
	toks := a.toks
	var out []mention
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower() != "the" || toks[i].Quote > 0 || toks[i].Text == "The" && !toks[i].SentStart {
			continue // a capital "The" inside a sentence names a title: "of The Scotsman"
		}
		for h := i + 1; h < len(toks) && h <= i+4 && toks[h].Sent == toks[i].Sent; h++ {
			l := toks[h].lower()
			if toks[h].Kind == tPunct || openers.has(l) || auxiliaries.has(l) || isSpeechVerbAt(toks, h) {
				break // only modifiers stand between "the" and its noun
			}
			if !(personRoles.has(l) || strings.HasSuffix(l, "-old") || demonymNoun(toks[h].Text)) {
				continue
			}
			if l == "executive" && toks[h-1].low != "chief" {
				break // "the Scottish Executive" is a government
			}
			if h+1 < len(toks) && toks[h+1].Sent == toks[h].Sent && (personRoles.has(toks[h+1].lower()) || demonymNoun(toks[h+1].Text)) {
				continue // "the 25-year-old Dubliner": the head is the last noun
			}
			if !personRoles.has(l) && !strings.HasSuffix(l, "-old") && h+1 < len(toks) && toks[h+1].Kind == tWord && !toks[h+1].cap() {
				continue // "the Spanish critic": a nationality before a noun is an adjective
			}
			if h+2 < len(toks) && toks[h+1].Text == "," && toks[h+2].cap() && knownName(toks[h+2].Text) {
				break // "the film's director, Tomasz Wierzbicki,": the name says who
			}
			if h+1 < len(toks) && (toks[h+1].Kind == tWord && !toks[h+1].cap() && !connectors.has(toks[h+1].lower()) || toks[h+1].Text == ",") {
				g := byte(0)
				if femaleRoles.has(l) {
					g = 'f'
				} else if maleRoles.has(l) {
					g = 'm'
				}
				if p := a.describedPerson(l, g, i); p >= 0 {
					out = append(out, mention{Kind: mPerson, Start: i, End: h + 1, Name: a.people[p].Name, Ent: p})
				}
			}
			break
		}
	}
	return out
}

// describe renders an unnamed institutional speaker without its article:
// "the German government" → "German government".
func describe(toks []token, s, e int) string {
	if l := toks[s].lower(); l == "the" || l == "a" || l == "an" {
		s++
	}
	for e > s && toks[e-1].Kind == tPunct {
		e--
	}
	return spanText(toks, s, e)
}

// orgHeads are descriptions that stand for an organisation named earlier.
var orgHeads = setOf("organisation", "organization", "group", "company", "firm", "band",
	"club", "charity", "agency", "network", "broadcaster", "bank", "retailer", "airline",
	"watchdog", "body", "campaign", "channel", "newspaper", "paper", "union", "party",
	"monopoly", "operator", "giant", "carrier", "insurer", "lender", "maker", "chain",
	"supermarket", "manufacturer", "producer", "exporter", "utility", "conglomerate",
	"regulator", "studio", "label", "publisher", "website", "site", "team", "side", "league")

// recentOrg is the organisation named last before token pos, outside
// quotes; with word set, only one whose name holds that word.
func (a *attribution) recentOrg(pos int, word string) string {
	for i := a.mentionBefore(pos); i >= a.windowStart(pos); i-- {
		m := a.ms[i]
		if m.Kind != mOrg && m.Kind != mOther || m.InQuote || m.InTitle || m.Calendar || isDemonym(m.Name) {
			continue
		}
		if word == "" {
			return m.Name
		}
		for _, w := range m.Words {
			if strings.EqualFold(w, word) {
				return m.Name
			}
		}
	}
	return ""
}

// recentPerson is the person a pronoun or description before token pos
// refers to: the most recent person, outside quotes, whose gender fits g
// (0 fits anyone) and, with role set, who carried that role word. A
// person in subject position wins over one named inside a clause ("the
// biography of William Pitt"), as long as they were named in the last
// few sentences.
func (a *attribution) recentPerson(pos int, g byte, role string) int {
	fallback := -1
	sent := -1
	if pos < len(a.toks) {
		sent = a.toks[pos].Sent
	}
	for i := a.mentionBefore(pos); i >= a.windowStart(pos); i-- {
		m := a.ms[i]
		if m.Kind != mPerson || m.Ent < 0 || m.InQuote || m.InTitle {
			continue
		}
		p := a.people[m.Ent]
		if g != 0 && p.Gender != 0 && p.Gender != g {
			continue
		}
		if role != "" && !hasRole(p.Roles, role) {
			continue
		}
		if a.isSubject(m) {
			if role == "" && m.Start > 0 && a.toks[m.Start-1].Text == "," && (m.End >= len(a.toks) || a.toks[m.End].Kind == tPunct) {
				// "Krejcikova dedicated the win to her late coach, Jana
				// Novotna": an appositive of an object yields to the
				// person who opens the sentence.
				if o := a.openingPerson(i, g); o >= 0 {
					return o
				}
			}
			return m.Ent
		}
		if fallback < 0 {
			fallback = m.Ent
		}
		if sent >= 0 && a.toks[m.Start].Sent < sent-4 {
			break
		}
	}
	return fallback
}

// openingPerson is the person mentioned first in the sentence of mention
// i, before it, when that mention opens the sentence and fits gender g;
// else -1.
func (a *attribution) openingPerson(i int, g byte) int {
	sent := a.toks[a.ms[i].Start].Sent
	first := -1
	for j := i - 1; j >= 0 && a.toks[a.ms[j].Start].Sent == sent; j-- {
		first = j
	}
	if first < 0 {
		return -1
	}
	m := a.ms[first]
	if m.Kind != mPerson || m.Ent < 0 || m.InQuote || m.Ent == a.ms[i].Ent || m.Words == nil || !a.isSubject(m) {
		return -1 // (a description, "the film's director", is only a guess)
	}
	// Only an object's appositive yields: "dedicated the win to her
	// coach, X" has a preposition between; "Kenteris's lawyer, X," does
	// not.
	prep := false
	for k := m.End; k < a.ms[i].Start; k++ {
		if a.toks[k].Kind == tPoss {
			return -1
		}
		switch a.toks[k].low {
		case "to", "for", "with", "by", "from", "on", "at", "of", "against":
			prep = true
		}
	}
	if !prep {
		return -1
	}
	if p := a.people[m.Ent]; g != 0 && p.Gender != 0 && p.Gender != g {
		return -1
	}
	return m.Ent
}

// isSubject: the mention opens its clause — nothing but a title, a
// conjunction or a comma before it — rather than following a preposition
// or a verb.
func (a *attribution) isSubject(m mention) bool {
	if m.End < len(a.toks) {
		if n := a.toks[m.End]; isSpeechVerbAt(a.toks, m.End) || auxiliaries.has(n.lower()) {
			return true // "Peter Duncan said", "Mr Hague had"
		}
	}
	i := m.Start - 1
	for i >= 0 {
		if mi, ok := a.mentAt.get(i); !ok || mi != a.mentAt.at(m.Start) {
			break
		}
		i--
	}
	if i < 0 || a.toks[i].Sent != a.toks[m.Start].Sent {
		return true
	}
	t := a.toks[i]
	if t.Kind == tPunct || t.Kind == tOpenQ || t.Kind == tCloseQ {
		return t.Text == "," || t.Text == ";" || t.Text == ":" || t.Text == "-" || t.Text == "—"
	}
	switch t.lower() {
	case "and", "but", "while", "when", "as", "then", "because", "although", "though", "member":
		return true
	}
	if !personRoles.has(t.low) && !roleWords.has(t.low) {
		return false
	}
	// A title before the name ("Defence Secretary Geoff Hoon said",
	// "shadow chancellor Oliver Letwin"): the title's own context decides,
	// so "posing as Real Madrid sporting director Emilio Butragueno" is
	// no subject.
	for k := i - 1; k >= 0 && k >= i-6 && a.toks[k].Sent == t.Sent; k-- {
		c := a.toks[k]
		switch {
		case c.cap() || personRoles.has(c.low) || roleWords.has(c.low) || c.low == "the" || c.low == "a" || c.low == "an":
			continue
		case (c.low == "and" || c.Text == "&") && k > 0 && a.toks[k-1].cap() && a.toks[k+1].cap():
			continue // "for England and Real Madrid striker Michael Owen"
		case titlePreps.has(c.low):
			return false
		case c.Kind == tWord && !c.cap() && (personRoles.has(a.toks[k+1].low) || roleWords.has(a.toks[k+1].low)) && !auxiliaries.has(c.low) && !isSpeechVerbAt(a.toks, k):
			continue // "sporting director", "shadow chancellor"
		}
		return true
	}
	return true
}

// titlePreps before a title make the person it names an object: "posing
// as sporting director X", "a letter from Home Secretary Y".
var titlePreps = setOf("as", "of", "by", "for", "with", "to", "from", "at", "against", "about",
	"like", "than", "on", "behind", "under")

func hasRole(roles []string, role string) bool {
	for _, r := range roles {
		for _, w := range strings.Fields(r) {
			if w == role {
				return true
			}
		}
	}
	return false
}

// recentSubject is a person in subject position in the sentence of pos or
// the one before, not known by a role other than head: "British team
// member Hayley Yelling said… 'It would be fantastic,' said the European
// champion."
func (a *attribution) recentSubject(pos int, g byte, head string) int {
	if pos >= len(a.toks) {
		return -1
	}
	sent := a.toks[pos].Sent
	for i := a.mentionBefore(pos); i >= a.windowStart(pos); i-- {
		m := a.ms[i]
		if m.Kind != mPerson || m.Ent < 0 || m.InQuote || m.InTitle {
			continue
		}
		if a.toks[m.Start].Sent < sent-1 {
			break
		}
		p := a.people[m.Ent]
		if g != 0 && p.Gender != 0 && p.Gender != g || !a.isSubject(m) || otherRole(p.Roles, head) {
			continue
		}
		return m.Ent
	}
	return -1
}

// otherRole: the person is known by a role that is not head ("City boss
// Kevin Keegan" is not "the defender"). A nationality ("the Scot") is no
// role: anyone may hold it besides their job.
func otherRole(roles []string, head string) bool {
	if !personRoles.has(head) {
		return false
	}
	for _, r := range roles {
		if l := lastWord(r); personRoles.has(l) && l != head {
			return true
		}
	}
	return false
}

// roleHead returns the office a capitalised phrase ends in ("Party
// Co-Chairman" → "chairman"), or "".
func roleHead(words []string) string {
	if len(words) == 0 {
		return ""
	}
	l := strings.ToLower(words[len(words)-1])
	if i := strings.LastIndexByte(l, '-'); i >= 0 {
		l = l[i+1:]
	}
	if l == "executive" && (len(words) < 2 || !strings.EqualFold(words[len(words)-2], "chief")) {
		return "" // "the Scottish Executive" governs; a chief executive is a person
	}
	if personRoles.has(l) && l != "man" && l != "woman" {
		return l
	}
	return ""
}

// mentionBefore is the index of the last mention starting before token pos
// (-1 when none); mentions are sorted by position.
func (a *attribution) mentionBefore(pos int) int {
	return sort.Search(len(a.ms), func(i int) bool { return a.ms[i].Start >= pos }) - 1
}

// windowStart bounds the look-back for pronouns and descriptions to the
// last few hundred mentions: a real antecedent is never further away, and
// the bound keeps huge inputs linear.
func (a *attribution) windowStart(pos int) int {
	return max(0, a.mentionBefore(pos)-maxMentionsBack)
}

// orgSubjectSince is the last organisation, between token from and pos
// and outside quotes, that opens its sentence or clause, or "".
func (a *attribution) orgSubjectSince(from, pos int) string {
	for i := a.mentionBefore(pos); i >= 0 && a.ms[i].Start > from; i-- {
		m := a.ms[i]
		if (m.Kind == mOrg || m.Kind == mOther) && !m.InQuote && !m.InTitle && !m.Calendar && !isDemonym(m.Name) && a.opensClause(m.Start) {
			return m.Name
		}
	}
	return ""
}

// opensClause: only "the" or nothing stands between the start of the
// sentence (or a comma) and token i.
func (a *attribution) opensClause(i int) bool {
	j := i - 1
	if j >= 0 && a.toks[j].low == "the" {
		j--
	}
	return j < 0 || a.toks[j].Sent != a.toks[i].Sent || a.toks[j].Text == ","
}

// recentOrgNear is an organisation named outside quotes in the sentence of
// pos or the one before.
func (a *attribution) recentOrgNear(pos int) string {
	if pos >= len(a.toks) {
		return ""
	}
	sent := a.toks[pos].Sent
	for i := a.mentionBefore(pos); i >= a.windowStart(pos); i-- {
		m := a.ms[i]
		if a.toks[m.Start].Sent < sent-1 {
			break
		}
		if m.Kind == mOrg && !m.InQuote && !m.InTitle && !outlets.has(m.Name) {
			return m.Name
		}
	}
	return ""
}

// recentSpokes resolves "she said" after "A Tesco spokeswoman said…": when
// the last speaker introduced in this or the previous sentence is a
// spokesperson (no person named since), the pronoun is the organisation
// they speak for, or nobody the article names.
func (a *attribution) recentSpokes(pos int, g byte) (string, bool) {
	toks := a.toks
	if pos >= len(toks) {
		return "", false
	}
	sent := toks[pos].Sent
	laterSubject := -1 // sentence of the last person in subject position seen
	for i := pos - 1; i >= 0 && toks[i].Sent >= sent-1 && i > pos-maxLookBack; i-- {
		t := toks[i]
		if t.Quote > 0 {
			continue
		}
		if mi, ok := a.mentAt.get(i); ok && a.ms[mi].Kind == mPerson && a.ms[mi].Start == i && a.isSubject(a.ms[mi]) {
			laterSubject = max(laterSubject, t.Sent)
		}
		l := t.lower()
		if l != "spokesman" && l != "spokeswoman" && l != "spokesperson" {
			continue
		}
		named := a.personIn(i+1, min(i+2, len(toks))) >= 0 ||
			i+2 < len(toks) && toks[i+1].Text == "," && a.personIn(i+2, i+3) >= 0
		if l == "spokesman" && g == 'f' || l == "spokeswoman" && g == 'm' || laterSubject > t.Sent || named {
			// A named spokesperson ("spokeswoman Zhao Lirong", "spokesman,
			// Tom Reed,") is a person the pronoun can take.
			// The wrong gender, or a person spoke in a later sentence: the
			// pronoun is theirs. (People in the spokesperson's own sentence
			// are what was said: "a spokeswoman said Lord Woolf agreed".)
			return "", false
		}
		// The organisation: just before ("a Tesco spokeswoman") or after
		// "for" ("a spokesman for Tesco").
		for k := i - 1; k >= 0 && k >= i-4 && toks[k].Sent == t.Sent; k-- {
			if mi, ok := a.mentAt.get(k); ok && a.ms[mi].Kind != mPerson {
				return a.ms[mi].Name, true
			}
		}
		if i+2 < len(toks) && (toks[i+1].lower() == "for" || toks[i+1].lower() == "at") {
			if mi, ok := a.mentAt.get(i + 2); ok && a.ms[mi].Kind != mPerson {
				return a.ms[mi].Name, true
			}
		}
		return "", true
	}
	return "", false
}

// mentionIndex maps a token to the mention covering it.
type mentionIndex []int32

func newMentionIndex(n int) mentionIndex {
	x := make(mentionIndex, n)
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
