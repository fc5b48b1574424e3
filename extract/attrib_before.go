package extract

import "strings"

// before looks for the last speech verb of the quote's sentence before the
// opening mark, and the subject in front of that verb.
func (a *attribution) before(q *quoteSpan) (who, bool) {
	toks := a.toks
	start := a.clauseStart(q.Open)
	// A speech verb whose subject is a thing the article does not name as
	// a speaker ("The lawsuit said Willis had endured '…'") settles the
	// quote as unattributed rather than letting an earlier speaker claim it.
	unnamed := false
	participle := -1 // the speech verb in -ing nearest the quote
	for v := q.Open - 1; v >= start; v-- {
		if w, ok := a.leadingPhrase(q, v, start); ok {
			return w, true
		}
		if !isSpeechVerbAt(toks, v) || passiveAt(toks, v, start) || nounUse(toks, v) {
			continue
		}
		if strings.HasSuffix(toks[v].lower(), "ing") {
			if participle < 0 {
				participle = v
			}
			continue
		}
		if w, ok := a.verbBefore(q, v, start); ok {
			w.cue = a.cue(start, v+1)
			return w, true
		}
		if e := v - 1; e >= start && !elided(toks, v, start) {
			// "…said they hoped Welch …": look for an earlier verb.
			if _, pron := pronounGender[toks[e].lower()]; !pron && toks[e].Kind == tWord {
				unnamed = true
			}
		}
	}
	if participle >= 0 && !unnamed {
		if w, ok := a.participleSubject(participle, start); ok {
			return w, true
		}
	}
	return nobody, unnamed
}

// clauseStart is where the attribution of a quote opening at token open
// may start: the start of its sentence or the last closing quote mark.
// Attribution sits near the quote: a bounded look-back keeps run-on text
// (a paragraph with no full stops) linear.
func (a *attribution) clauseStart(open int) int {
	toks := a.toks
	sent := toks[open].Sent
	start := open
	for start > 0 && toks[start-1].Sent == sent && toks[start-1].Kind != tCloseQ {
		start--
	}
	return max(start, open-maxLookBack)
}

// leadingPhrase reads the phrases that name a speaker before a quote
// without a speech verb of their own: "Reuters quoted X as saying '…'",
// "according to X, '…'".
func (a *attribution) leadingPhrase(q *quoteSpan, v, start int) (who, bool) {
	toks := a.toks
	l := toks[v].lower()
	if l == "saying" && v > start && toks[v-1].low == "as" {
		if w, ok := a.quotedAs(start, v+1, q.Open); ok {
			w.rule, w.cue = a.joinRule("quoted as saying / ", w.rule), a.cue(start, v+1)
			return w, true
		}
	}
	if l == "according" && v+1 < q.Open && toks[v+1].lower() == "to" {
		e := nounPhraseEnd(toks, v+2, q.Open)
		w, _ := a.subject(v+2, e, q.Open)
		w.rule, w.cue = a.joinRule("according to / ", w.rule), a.cue(v, e)
		return w, true
	}
	return nobody, false
}

// verbBefore names the subject of the speech verb at v before a quote.
func (a *attribution) verbBefore(q *quoteSpan, v, start int) (who, bool) {
	toks := a.toks
	if elided(toks, v, start) {
		return a.elidedSubject(q, v, start)
	}
	if outer := reportingVerb(toks, v, start); outer >= 0 {
		// "Menzies Campbell said he thought the comments were '…'": the
		// pronoun is the subject of the verb that reports it.
		if w, ok := a.subjectBefore(outer, start, q.Open); ok && w.per >= 0 {
			w.rule = a.joinRule("X said he thought / ", w.rule)
			return w, ok
		}
	}
	w, ok := a.subjectBefore(v, start, q.Open)
	w.rule = a.joinRule("X said / ", w.rule)
	return w, ok
}

// elidedSubject: "…said he was 'disappointed', but insisted that…" — the
// verb after "but" or "and" shares its subject with the clause before: the
// earlier quote's speaker in the same sentence, else the person who opens
// the sentence ("Thomas Whitfield visited the town and promised '…'").
func (a *attribution) elidedSubject(q *quoteSpan, v, start int) (who, bool) {
	toks := a.toks
	if l := a.last; l != nil && l.End < len(toks) && toks[l.End].Sent == toks[q.Open].Sent && l.Speaker != "" {
		return who{name: l.Speaker, per: l.spk, rule: "and said / the sentence's earlier speaker"}, true
	}
	if p := a.sentenceSubject(v, start); p >= 0 {
		return who{name: a.people[p].Name, per: p, rule: "and said / the sentence's subject"}, true
	}
	return nobody, false
}

// participleSubject: "…, saying his chief had 'a keen command'" — a
// participle shares the subject of an earlier verb: the person just
// before it ("with Oliver Letwin branding it a 'stealth tax'") or the
// person who opens the sentence ("Mr Kilroy-Silk was heard saying…").
func (a *attribution) participleSubject(v, start int) (who, bool) {
	if mi, ok := a.mentAt.get(v - 1); ok && a.ms[mi].Kind == mPerson && a.ms[mi].Ent >= 0 {
		p := a.ms[mi].Ent
		return who{name: a.people[p].Name, per: p, rule: "X saying / the person before", cue: a.cue(v-1, v+1)}, true
	}
	if p := a.sentenceSubject(v, start); p >= 0 {
		return who{name: a.people[p].Name, per: p, rule: "X saying / the sentence's subject", cue: a.cue(start, v+1)}, true
	}
	return nobody, false
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
func (a *attribution) quotedAs(s, e, quoteAt int) (who, bool) {
	toks := a.toks
	for k := s; k < e; k++ {
		if toks[k].low != "quoted" {
			continue
		}
		for j := k + 2; j+1 < e && j < k+12; j++ {
			if toks[j].low == "as" && (toks[j+1].low == "saying" || toks[j+1].low == "telling") {
				w, _ := a.subject(k+1, j, quoteAt)
				w.cue = a.cue(k, j+2)
				return w, true
			}
		}
	}
	return nobody, false
}

// accordingLater reads `The band have done "everything in their powers"
// to stay on top, according to Q editor Paul Rees`: "according to" later
// in the quote's sentence names its speaker.
func (a *attribution) accordingLater(q *quoteSpan) (who, bool) {
	toks := a.toks
	if q.End >= len(toks) {
		return nobody, false
	}
	sent := toks[q.End].Sent
	for k := q.End + 1; k+2 < len(toks) && toks[k].Sent == sent && k < q.End+maxLookBack; k++ {
		if toks[k].Kind == tOpenQ {
			return nobody, false
		}
		if toks[k].low == "according" && toks[k+1].low == "to" {
			e := nounPhraseEnd(toks, k+2, len(toks))
			w, ok := a.subject(k+2, e, q.Open)
			w.cue = a.cue(k, e)
			return w, ok
		}
	}
	return nobody, false
}

// introduced attributes a quote that opens its paragraph after a paragraph
// ending "She went on:" or "Mr Park told reporters:": the speaker is the
// subject of the speech verb in that last sentence.
func (a *attribution) introduced(q *quoteSpan) (who, bool) {
	toks := a.toks
	c := q.Open - 1
	if c < 0 || toks[c].Text != ":" || toks[c].Para != toks[q.Open].Para-1 {
		return nobody, false
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
			w, ok := a.subjectBefore(v, start, q.Open)
			w.cue = a.cue(start, c+1)
			return w, ok
		}
	}
	return nobody, false
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
func (a *attribution) subjectBefore(v, start, quoteAt int) (who, bool) {
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
				if w, ok := a.subject(k+1, end-1, quoteAt); ok && w.per >= 0 {
					w.rule = a.joinRule("appositive / ", w.rule)
					return w, ok
				}
			}
			end = k
		}
	}
	if end <= start {
		// "Speaking on Tuesday, he said" ends at the comma; nothing left.
		return nobody, false
	}
	s := end - 1
	if _, pron := pronounGender[toks[s].lower()]; !pron {
		for s > start && s > end-maxSubject && !clauseBreak(toks[s-1]) {
			s--
		}
	}
	s = headPhrase(toks, s, end)
	w, ok := a.subject(s, end, quoteAt)
	if w.per < 0 {
		if p := a.nameBeforeAppositives(s, start); p >= 0 {
			return who{name: a.people[p].Name, per: p, rule: "name before appositives"}, true
		}
	}
	return w, ok
}

// nameBeforeAppositives: "Omar Lamrani, an analyst at Stratfor, the
// Texas-based firm, told": when the phrase before the verb is an
// appositive that names no one, the person named alone in one of the two
// comma-separated segments before it speaks. It returns -1 when there is
// none.
func (a *attribution) nameBeforeAppositives(s, start int) int {
	toks := a.toks
	for n := 0; n < 2 && s-1 > start && toks[s-1].Text == ","; n++ {
		c := s - 1
		k := c - 1
		for k > start && toks[k-1].Text != "," && !clauseBreak(toks[k-1]) {
			k--
		}
		if mi, ok := a.mentAt.get(k); ok && a.ms[mi].Kind == mPerson && a.ms[mi].Ent >= 0 && a.ms[mi].End == c {
			return a.ms[mi].Ent
		}
		s = k
	}
	return -1
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
func (a *attribution) reported(q *quoteSpan) (who, bool) {
	toks := a.toks
	i := q.Open - 1
	if i < 0 || toks[i].Para != q.Para {
		return nobody, false
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
				return who{name: a.last.Speaker, per: a.last.spk, rule: "the sentence's quote before", cue: a.last.speakerCue}, true
			}
			return nobody, false
		}
	}
	for v := start + 1; v <= i; v++ {
		if isSpeechVerbAt(toks, v) && !elided(toks, v, start) {
			w, ok := a.subjectBefore(v, start, q.Open)
			w.cue = a.cue(start, v+1)
			return w, ok
		}
	}
	return nobody, false
}
