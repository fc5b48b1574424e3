package extract

import (
	"sort"
	"strings"
)

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
		if m, ok := a.description(i); ok {
			out = append(out, m)
		}
	}
	return out
}

// description reads the phrase after "the" at token i as a description
// of a person and finds who it describes.
func (a *attribution) description(i int) (mention, bool) {
	toks := a.toks
	h := descriptionHead(toks, i)
	if h < 0 || h+1 >= len(toks) {
		return mention{}, false
	}
	// A description is followed by its verb or a comma, not a name.
	if n := toks[h+1]; !(n.Kind == tWord && !n.cap() && !connectors.has(n.lower()) || n.Text == ",") {
		return mention{}, false
	}
	l := toks[h].lower()
	if p := a.describedPerson(l, roleGender(l), i); p >= 0 {
		return mention{Kind: mPerson, Start: i, End: h + 1, Name: a.people[p].Name, Ent: p}, true
	}
	return mention{}, false
}

// descriptionHead is the token of the noun that heads a description of a
// person after "the" at token i ("the 25-year-old Dubliner", "the
// defender"), or -1.
func descriptionHead(toks []token, i int) int {
	for h := i + 1; h < len(toks) && h <= i+4 && toks[h].Sent == toks[i].Sent; h++ {
		l := toks[h].lower()
		if toks[h].Kind == tPunct || openers.has(l) || auxiliaries.has(l) || isSpeechVerbAt(toks, h) {
			return -1 // only modifiers stand between "the" and its noun
		}
		role := personRoles.has(l) || strings.HasSuffix(l, "-old")
		if !role && !demonymNoun(toks[h].Text) {
			continue
		}
		if l == "executive" && toks[h-1].low != "chief" {
			return -1 // "the Scottish Executive" is a government
		}
		if h+1 < len(toks) && toks[h+1].Sent == toks[h].Sent && (personRoles.has(toks[h+1].lower()) || demonymNoun(toks[h+1].Text)) {
			continue // "the 25-year-old Dubliner": the head is the last noun
		}
		if !role && h+1 < len(toks) && toks[h+1].Kind == tWord && !toks[h+1].cap() {
			continue // "the Spanish critic": a nationality before a noun is an adjective
		}
		if h+2 < len(toks) && toks[h+1].Text == "," && toks[h+2].cap() && toks[h+2].knownName() {
			return -1 // "the film's director, Tomasz Wierzbicki,": the name says who
		}
		return h
	}
	return -1
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
	return a.titleOpensClause(i)
}

// titleOpensClause: the title that ends at token i before a name
// ("Defence Secretary Geoff Hoon said", "shadow chancellor Oliver
// Letwin") stands in subject position, so "posing as Real Madrid sporting
// director Emilio Butragueno" is no subject.
func (a *attribution) titleOpensClause(i int) bool {
	toks := a.toks
	for k := i - 1; k >= 0 && k >= i-6 && toks[k].Sent == toks[i].Sent; k-- {
		c := toks[k]
		switch {
		case c.cap() || personRoles.has(c.low) || roleWords.has(c.low) || c.low == "the" || c.low == "a" || c.low == "an":
			continue
		case (c.low == "and" || c.Text == "&") && k > 0 && toks[k-1].cap() && toks[k+1].cap():
			continue // "for England and Real Madrid striker Michael Owen"
		case titlePreps.has(c.low):
			return false
		case c.Kind == tWord && !c.cap() && (personRoles.has(toks[k+1].low) || roleWords.has(toks[k+1].low)) && !auxiliaries.has(c.low) && !isSpeechVerbAt(toks, k):
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
		return a.spokespersonFor(i), true
	}
	return "", false
}

// spokespersonFor is the organisation the spokesperson at token i speaks
// for: named just before ("a Tesco spokeswoman") or after "for" ("a
// spokesman for Tesco"); "" when none is named.
func (a *attribution) spokespersonFor(i int) string {
	toks := a.toks
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].Sent == toks[i].Sent; k-- {
		if mi, ok := a.mentAt.get(k); ok && a.ms[mi].Kind != mPerson {
			return a.ms[mi].Name
		}
	}
	if i+2 < len(toks) && (toks[i+1].lower() == "for" || toks[i+1].lower() == "at") {
		if mi, ok := a.mentAt.get(i + 2); ok && a.ms[mi].Kind != mPerson {
			return a.ms[mi].Name
		}
	}
	return ""
}
