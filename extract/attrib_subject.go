package extract

import "strings"

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
		if k > i && toks[k].Kind == tWord && !toks[k].cap() && (toks[k].lower() == "who" || toks[k].lower() == "that" || toks[k].speechVerb() != 0 || toks[k].lower() == "in" || toks[k].lower() == "on") {
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
	if toks[i].speechVerb() != 0 {
		return true
	}
	if (l == "went" || l == "goes" || l == "pointed" || l == "points") && i+1 < len(toks) {
		n := toks[i+1].lower()
		return n == "on" || n == "out"
	}
	if l == "alleged" && i > 0 && i+1 < len(toks) {
		// "Prosecutors alleged that…", not "the alleged attacker" or
		// "his alleged role".
		return toks[i-1].Kind == tWord && !determiners.has(toks[i-1].low) && !titlePreps.has(toks[i-1].low) &&
			(toks[i+1].low == "that" || toks[i+1].Kind == tOpenQ || toks[i+1].Kind == tWord && toks[i+1].cap())
	}
	return false
}

// phrase is the noun phrase toks[s:e] that names who speaks a quote
// opening at token at, with what the resolvers ask of it worked out once.
type phrase struct {
	s, e      int
	at        int
	first     string // its first word, lower case
	head      string // its last word, lower case
	spokes    bool   // a spokesman, an official, a statement
	hasPerson bool   // a person's mention in it, named or not
	per       int    // the first named person in it, or -1
	org       int    // the first mention of anything else in it (index into a.ms), or -1
}

// outcome is what a phrase resolver makes of a phrase.
type outcome int8

const (
	tryNext   outcome = iota // the rule does not apply: ask the next one
	decided                  // the rule decides (perhaps: nobody the article names)
	noSpeaker                // the rule applies and can name nobody: the phrase names no speaker
)

// resolver is one rule for turning a phrase into a speaker.
type resolver struct {
	name    string
	resolve func(a *attribution, p *phrase) (who, outcome)
}

// resolvers run in this order on a phrase; the first that decides wins.
// (Set in init: "the statement" resolves through subject, which reads
// the list.)
var resolvers []resolver

func init() {
	resolvers = []resolver{
		{"description", (*attribution).byDescription},
		{"named person", (*attribution).byName},
		{"the statement", (*attribution).byStatement},
		{"spokesperson", (*attribution).bySpokesperson},
		{"unnamed member", (*attribution).byUnnamedMember},
		{"office", (*attribution).byOffice},
		{"organisation", (*attribution).byOrganisation},
		{"it", (*attribution).byIt},
		{"pronoun", (*attribution).byPronoun},
		{"demonym", (*attribution).byDemonym},
		{"institution named before", (*attribution).byInstitutionNamed},
		{"institution", (*attribution).byInstitution},
		{"spokesperson for", (*attribution).bySpokespersonFor},
		{"role", (*attribution).byRole},
	}
}

// subject names the speaker of toks[s:e].
func (a *attribution) subject(s, e, quoteAt int) (who, bool) {
	if s >= e {
		return nobody, false
	}
	p := a.newPhrase(s, e, quoteAt)
	for _, r := range resolvers {
		switch w, o := r.resolve(a, &p); o {
		case decided:
			w.rule, w.cue = r.name, a.cue(s, e)
			return w, true
		case noSpeaker:
			return nobody, false
		}
	}
	return nobody, false
}

func (a *attribution) newPhrase(s, e, at int) phrase {
	toks := a.toks
	p := phrase{s: s, e: e, at: at, first: toks[s].lower(), head: toks[e-1].lower(), per: -1, org: -1}
	for k := s; k < e; k++ {
		if spokesWords.has(toks[k].lower()) {
			p.spokes = true
		}
		mi, ok := a.mentAt.get(k)
		if !ok {
			continue
		}
		m := a.ms[mi]
		p.hasPerson = p.hasPerson || m.Kind == mPerson
		if p.per < 0 && m.Kind == mPerson && m.Ent >= 0 {
			p.per = m.Ent
		}
		if p.org < 0 && m.Kind != mPerson && !m.Calendar && modifierPrefix(toks[m.Start].Text) == "" && !isDemonym(m.Name) {
			// "a report by UK-based consultancy Analysys": the place in a
			// modifier is not who speaks.
			p.org = mi
		}
	}
	return p
}

// person is the verdict for person index p.
func (a *attribution) person(p int) who { return who{name: a.people[p].Name, per: p} }

// roleGender is the gender a role word gives ("spokeswoman", "king"), or 0.
func roleGender(l string) byte {
	switch {
	case femaleRoles.has(l):
		return 'f'
	case maleRoles.has(l):
		return 'm'
	}
	return 0
}

// byDescription: "the European cross-country champion" — the head noun
// decides, not the adjectives ("European") inside the description.
func (a *attribution) byDescription(p *phrase) (who, outcome) {
	h := a.toks[p.e-1]
	if h.Kind != tWord || h.cap() || !(personRoles.has(p.head) || strings.HasSuffix(p.head, "-old")) ||
		p.first != "the" && p.first != "this" || spokesWords.has(p.head) || p.hasPerson {
		return nobody, tryNext
	}
	if per := a.describedPerson(p.head, roleGender(p.head), p.at); per >= 0 {
		return a.person(per), decided
	}
	return nobody, tryNext
}

// byName: a named person speaks for themselves even as a spokesman
// ("Revolution Studios spokesman Sean Dudas said").
func (a *attribution) byName(p *phrase) (who, outcome) {
	if p.per >= 0 {
		return a.person(p.per), decided
	}
	return nobody, tryNext
}

// bySpokesperson: "a spokesman said" with no name is the organisation the
// last sentences were about.
func (a *attribution) bySpokesperson(p *phrase) (who, outcome) {
	if !p.spokes || p.org >= 0 || institutionNouns.has(p.head) && !spokesWords.has(p.head) {
		return nobody, tryNext
	}
	if o := a.recentOrgNear(p.at); o != "" {
		return who{name: o, per: -1}, decided
	}
	return nobody, noSpeaker
}

// byUnnamedMember: "one Bombay trader said", "a Tesco shopper said" —
// someone the article does not name, from that place or firm (but "a
// Tesco spokesman" speaks for Tesco, above).
func (a *attribution) byUnnamedMember(p *phrase) (who, outcome) {
	d := p.first
	if p.org < 0 || d != "a" && d != "an" && d != "one" && d != "another" || p.e-p.s < 3 {
		return nobody, tryNext
	}
	if h := a.toks[p.e-1]; h.Kind == tWord && !h.cap() && !institutionNouns.has(h.low) && !spokesWords.has(h.low) {
		return nobody, decided
	}
	return nobody, tryNext
}

// byOffice: "The Conservative Party Co-Chairman said" is a capitalised
// office, not an organisation.
func (a *attribution) byOffice(p *phrase) (who, outcome) {
	if p.org < 0 || p.per >= 0 {
		return nobody, tryNext
	}
	if r := roleHead(a.ms[p.org].Words); r != "" {
		if per := a.describedPerson(r, 0, p.at); per >= 0 {
			return a.person(per), decided
		}
	}
	return nobody, tryNext
}

// byOrganisation: an organisation, place or body named in the phrase.
func (a *attribution) byOrganisation(p *phrase) (who, outcome) {
	if p.org < 0 {
		return nobody, tryNext
	}
	m := a.ms[p.org]
	switch {
	case m.Kind == mPlace && m.End < p.e && institutionNouns.has(p.head):
		// "the US military", "the Kenyan health ministry": the body, not the country.
		return who{name: describe(a.toks, p.s, p.e), per: -1}, decided
	case m.Kind == mPlace && m.Ent >= 0:
		return who{name: a.places[m.Ent].Name, per: -1}, decided
	case m.Kind == mOther && m.Full != "":
		return who{name: m.Full, per: -1}, decided // "Scottish Executive", not "Executive"
	}
	return who{name: m.Name, per: -1}, decided
}

// byIt: `"…," it said` — an organisation that opened a sentence since the
// last quote ("The UNECE warned that…"), else the statement or
// organisation that spoke last.
func (a *attribution) byIt(p *phrase) (who, outcome) {
	if p.head != "it" || p.e-p.s != 1 {
		return nobody, tryNext
	}
	since := 0
	if a.last != nil {
		since = a.last.End
	}
	if o := a.orgSubjectSince(since, p.at); o != "" {
		return who{name: o, per: -1}, decided
	}
	if l := a.last; l != nil && l.Speaker != "" && a.toks[l.Open].Para >= a.toks[p.at].Para-2 {
		return who{name: l.Speaker, per: l.spk}, decided
	}
	if o := a.recentOrg(p.at, ""); o != "" {
		return who{name: o, per: -1}, decided
	}
	return nobody, noSpeaker
}

// byPronoun: "he said", "she added" — a spokesperson's organisation, the
// speaker who goes on, or the nearest person of that gender.
func (a *attribution) byPronoun(p *phrase) (who, outcome) {
	g, ok := pronounGender[p.head]
	if !ok || p.e-p.s > 2 {
		return nobody, tryNext
	}
	if p.head == "they" {
		if o := a.pluralOrgSubject(p.at); o != "" {
			return who{name: o, per: -1}, decided
		}
	}
	if g == 'p' || p.head == "i" {
		return nobody, noSpeaker
	}
	if o, ok := a.recentSpokes(p.at, g); ok {
		return who{name: o, per: -1}, decided
	}
	if per := a.continuingSpeaker(p.at, g); per >= 0 {
		return a.person(per), decided
	}
	if per := a.recentPerson(p.at, g, ""); per >= 0 {
		return a.person(per), decided
	}
	return nobody, noSpeaker
}

// byDemonym: "the Dutchman" is the person the story is about.
func (a *attribution) byDemonym(p *phrase) (who, outcome) {
	if p.first != "the" || !demonymNoun(a.toks[p.e-1].Text) {
		return nobody, tryNext
	}
	if per := a.describedPerson(p.head, 0, p.at); per >= 0 {
		return a.person(per), decided
	}
	return nobody, tryNext
}

// byInstitutionNamed: "the department said", "a spokeswoman for the
// department" — the organisation last named with that word ("Department
// for Environment"); "the organisation said" — the one last named.
func (a *attribution) byInstitutionNamed(p *phrase) (who, outcome) {
	// "the doctors stated" after "the group Doctors for Camp Closure": a
	// plural noun that is a word of an organisation's name speaks for it.
	plural := p.first == "the" && p.e-p.s == 2 && strings.HasSuffix(p.head, "s") && !a.toks[p.e-1].cap()
	if !institutionNouns.has(p.head) && !orgHeads.has(p.head) && !plural {
		return nobody, tryNext
	}
	if o := a.recentOrg(p.at, p.head); o != "" {
		return who{name: o, per: -1}, decided
	}
	if o := a.recentOrg(p.at, ""); o != "" && orgHeads.has(p.head) {
		return who{name: o, per: -1}, decided
	}
	return nobody, tryNext
}

// byInstitution: "the German government said", with no name for it.
func (a *attribution) byInstitution(p *phrase) (who, outcome) {
	if p.e-p.s > 4 {
		return nobody, tryNext
	}
	for k := p.s; k < p.e; k++ {
		if l := a.toks[k].lower(); institutionNouns.has(l) && !spokesWords.has(l) {
			return who{name: describe(a.toks, p.s, p.e), per: -1}, decided
		}
	}
	return nobody, tryNext
}

// bySpokespersonFor: "a spokesman for the ministry".
func (a *attribution) bySpokespersonFor(p *phrase) (who, outcome) {
	if !p.spokes || !institutionNouns.has(p.head) {
		return nobody, tryNext
	}
	for k := p.s; k < p.e; k++ {
		if l := a.toks[k].lower(); l == "for" || l == "from" {
			return who{name: describe(a.toks, k+1, p.e), per: -1}, decided
		}
	}
	return nobody, tryNext
}

// byRole: "the defender said" — the person who holds the role; "a
// defender said" is someone the article does not name.
func (a *attribution) byRole(p *phrase) (who, outcome) {
	if !personRoles.has(p.head) && !strings.HasSuffix(p.head, "-old") {
		return nobody, tryNext
	}
	if p.first == "a" || p.first == "an" {
		return nobody, noSpeaker
	}
	if per := a.describedPerson(p.head, roleGender(p.head), p.at); per >= 0 {
		return a.person(per), decided
	}
	return nobody, tryNext
}

// pluralOrgSubject is the organisation "they" stands for at token pos:
// the one that opened a clause in this or the last two sentences ("Big
// Machine have denied it. … they said"), when no person was named after
// it; else "".
func (a *attribution) pluralOrgSubject(pos int) string {
	if pos >= len(a.toks) {
		return ""
	}
	sent := a.toks[pos].Sent
	for i := a.mentionBefore(pos); i >= 0 && a.toks[a.ms[i].Start].Sent >= sent-2; i-- {
		m := a.ms[i]
		if m.InQuote || m.InTitle || m.Calendar {
			continue
		}
		if m.Kind == mPerson || m.Kind == mPlace {
			return "" // people, or a country, are who "they" are
		}
		if !outlets.has(m.Name) && !isDemonym(m.Name) && a.subjectOrg(m) {
			return m.Name
		}
	}
	return ""
}

// subjectOrg: the organisation's mention opens its sentence ("The Tories
// have promised…") or is the subject of a verb after a comma ("…, MPs
// said"), not an appositive ("with his other band, Fightstar.").
func (a *attribution) subjectOrg(m mention) bool {
	toks := a.toks
	j := m.Start - 1
	if j >= 0 && toks[j].low == "the" {
		j--
	}
	if j < 0 || toks[j].Sent != toks[m.Start].Sent {
		return true
	}
	return toks[j].Text == "," && m.End < len(toks) && (isSpeechVerbAt(toks, m.End) || auxiliaries.has(toks[m.End].low))
}

// byStatement: "the statement said" is whoever the article said made it
// ("…, the US military said in a statement").
func (a *attribution) byStatement(p *phrase) (who, outcome) {
	if p.head != "statement" || p.e-p.s > 2 || p.at >= len(a.toks) {
		return nobody, tryNext
	}
	toks := a.toks
	sent := toks[p.at].Sent
	for k := p.s - 1; k > 0 && toks[k].Sent >= sent-3 && k > p.s-maxLookBack; k-- {
		if toks[k].low != "statement" || toks[k].Quote > 0 {
			continue
		}
		start := a.clauseStart(k)
		for v := k - 1; v >= start; v-- {
			if isSpeechVerbAt(toks, v) && !strings.HasSuffix(toks[v].low, "ing") {
				if w, ok := a.subjectBefore(v, start, p.at); ok && w.name != "" {
					return w, decided
				}
				return nobody, tryNext
			}
		}
		return nobody, tryNext
	}
	return nobody, tryNext
}
