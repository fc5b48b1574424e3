package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/extract/lexicon"
)

type mentionKind uint8

const (
	mOther  mentionKind = iota // a capitalised name we cannot place: a company, a band
	mPerson                    // a person candidate (decided in people.go)
	mPlace
	mOrg
)

// mention is one capitalised segment with what the rules concluded about
// it. Name is the segment without titles; Full keeps them ("Mr Greenspan").
type mention struct {
	Kind       mentionKind
	Start, End int // tokens of the name itself, titles excluded
	Name, Full string
	Words      []string
	Title      string // role and honorific words before the name, lower case
	Gender     byte   // 'm', 'f' or 0
	Evidence   int    // how strongly the context says "person"
	Place      lexicon.Place
	InTitle    bool // in the headline: counts only for entities the body confirms
	InQuote    bool
	Calendar   bool // a weekday or month: may only join a person ("May")
	// GenderByName: Gender comes from the first word read as a given name,
	// which says nothing when that word is someone's surname ("Gallagher").
	GenderByName bool
	Ent          int // person or place index once merged; -1 before
	// Why: the rules that decided Kind and the evidence, in order; nil
	// unless the article is being explained.
	Why *reasons
}

// classify turns capitalised spans into mentions. Order matters: a whole
// span that is a gazetteer place wins; a span that names a work or an
// epithet with an inner "the" ("America the Beautiful") is kept whole; a
// span whose head (before "of", "for"…) holds an organisation word or an
// outlet, or that follows "band", "firm"…, is an organisation, and a place
// inside it is no place mention ("UK Athletics", "University of London");
// the rest is split at connectors ("Zara Hyde Peters of UK Athletics") and
// each part judged on its own. Then the context passes revise the kinds
// with what the whole article says.
//
// The mentions are appended to out, which the caller may reuse.
func classify(paras []paragraph, toks []token, spans []span, out []mention) []mention {
	// Most spans make one mention; sizing for that saves growing a slice
	// of large structs several times per article.
	out = slices.Grow(out[:0], len(spans)+len(spans)/8+8)
	var segs []span
	for _, s := range spans {
		out, segs = classifySpan(toks, s, paras[toks[s.Start].Para].Number == 0, out, segs[:0])
	}
	out = append(out, modifierPlaces(toks)...)
	sortByStart(out)
	for i := range out {
		out[i].InTitle = paras[toks[out[i].Start].Para].Number == 0
		out[i].InQuote = toks[out[i].Start].Quote > 0
		out[i].Ent = -1
	}
	for _, pass := range contextPasses {
		pass(toks, out)
	}
	return out
}

// contextPasses revise mention kinds by the rest of the article, in
// order: places by their neighbours first, then organisations by what
// they do, then what one mention showed spreads to the others.
var contextPasses = []func(toks []token, ms []mention){
	bylines,
	regionAfterPlace,
	listedWithPlaces,
	actorsNotPlaces,
	pluralNames,
	orgsByContext,
	func(_ []token, ms []mention) { propagateOrgs(ms) },
	func(_ []token, ms []mention) { propagatePlaces(ms) },
}

// classifySpan appends the mentions of one capitalised span to out; segs
// is scratch space for its segments, returned for reuse. headline: the
// span is in the title.
func classifySpan(toks []token, s span, headline bool, out []mention, segs []span) ([]mention, []span) {
	if k := nameAfterOfficeOfThe(toks, s); k > 0 {
		// "Chancellor of the Exchequer Gordon Brown": the run after
		// "of the" is the office's object, then the name.
		return appendOfficeHolder(out, toks, s.Start, k, s.End), segs
	}
	if m, ok := placeMention(toks, s.Start, s.End); ok {
		return append(out, m), segs
	}
	if k := officeObjectThenName(toks, s); k > 0 {
		// "ambassador to Britain Kim Soo-hyun": the office's country,
		// then the holder.
		if m, ok := placeMention(toks, s.Start, k); ok {
			out = append(out, m)
		}
		return appendOfficeHolder(out, toks, s.Start, k, s.End), segs
	}
	segs, innerThe := splitAtConnectors(toks, s, segs)
	if len(segs) == 0 {
		return out, segs
	}
	headPlace := false
	if segs[0] != s { // the whole span was asked already
		_, headPlace = placeMention(toks, segs[0].Start, segs[0].End)
	}
	// "Martin & Co", "Ernst & Young": prose joins people with "and"; an
	// ampersand joins the names of a firm, even when one is a town.
	firm := ampersandFirm(toks, segs, headline)
	if firm || !headPlace && (isOrgSpan(toks, segs[0], true) || hasAnd(toks, s) && isOrgSpan(toks, segs[len(segs)-1], false) && !(givenAndSurname(toks, segs[0]) && !innerThe)) && !namedMembers(toks, s, segs) {
		// ("the Czech Republic and Slovenia" is two places.)
		// The head decides for "of"/"for" ("Zara Hyde Peters of UK
		// Athletics"); the tail for "and" ("Free Mojtaba and Arash Day").
		return append(out, ruled(mOrg, toks, s.Start, s.End, "organisation-name")), segs
	}
	if innerThe {
		// "William Pitt the Younger" is a person with an epithet; any
		// other "X the Y" is the name of a work or a thing.
		if m, ok := classifySegment(toks, segs[0].Start, segs[0].End); ok && m.Kind == mPerson && m.Evidence >= 2 && len(m.Words) >= 2 {
			return append(out, m), segs
		}
		return append(out, ruled(mOther, toks, s.Start, s.End, "work-title-with-the")), segs
	}
	return classifySegments(toks, s, segs, out), segs
}

// ampersandFirm: the span is "X & Co" (a company word after the
// ampersand), or single words joined by one that are not all places nor
// all given names: "Marks & Spencer", "Ernst & Young". A headline short
// of room joins two surnames so too ("Henman & Murray win").
func ampersandFirm(toks []token, segs []span, headline bool) bool {
	if len(segs) < 2 || toks[segs[len(segs)-1].Start-1].Text != "&" {
		return false
	}
	if isOrgSpan(toks, segs[len(segs)-1], false) {
		return true
	}
	if headline {
		return false
	}
	places, given := 0, 0
	for _, g := range segs {
		if g.End-g.Start != 1 {
			return false
		}
		if isPlaceAt(toks[g.Start].Text) {
			places++
		}
		if personFirst(toks[g.Start].Text) {
			given++
		}
	}
	// "Serbia & Montenegro" is a country, "Richard & Judy" a couple.
	return places < len(segs) && given < len(segs)
}

// splitAtConnectors cuts a span at "of", "and", "the"… (not at name
// particles) and says whether an inner "the" was among them.
func splitAtConnectors(toks []token, s span, segs []span) ([]span, bool) {
	a := s.Start
	innerThe := false
	for i := s.Start; i <= s.End; i++ {
		if i < s.End && !(connectors.has(toks[i].Text) && !nameParticles.has(toks[i].Text)) {
			continue
		}
		if i < s.End && toks[i].Text == "the" {
			innerThe = true
		}
		if a < i {
			segs = append(segs, span{a, i})
		}
		a = i + 1
	}
	return segs, innerThe
}

// classifySegments judges each segment of a span that was split.
func classifySegments(toks []token, s span, segs []span, out []mention) []mention {
	for gi, g := range segs {
		if gi > 0 {
			if k := nameAfterOffice(toks, segs[gi-1], g); k > 0 {
				// "Secretary of State Mike Pompeo": the office runs over "of".
				out = appendOfficeHolder(out, toks, s.Start, k, g.End)
				continue
			}
		}
		if g != s {
			if m, ok := placeMention(toks, g.Start, g.End); ok {
				out = append(out, m)
				continue
			}
		}
		switch {
		case isOrgSpan(toks, g, false):
			out = append(out, ruled(mOrg, toks, g.Start, g.End, "organisation-name"))
		case gi > 0 && toks[g.Start-1].Text == "of" && fullNameLast(out, segs[gi-1]):
			// "analyst Mike Powell of Dresdner Kleinwort Wasserstein":
			// what a person's full name is "of", when no place, is
			// where they work.
			m := newMention(mOrg, toks, g.Start, g.End, spanText(toks, g.Start, g.End))
			m.because("employer-of-a-person", g.Start-1, g.End)
			out = append(out, m)
		default:
			if m, ok := classifyName(toks, g.Start, g.End); ok {
				out = append(out, m)
				out = placesInTitle(toks, g.Start, m, out)
			}
		}
	}
	return out
}

// appendOfficeHolder appends the name at toks[k:b] with the office at
// toks[a:k] as its title.
func appendOfficeHolder(out []mention, toks []token, a, k, b int) []mention {
	m, ok := classifyName(toks, k, b)
	if !ok {
		return out
	}
	m.Title = strings.ToLower(spanText(toks, a, k))
	m.Evidence += 2
	m.because("office-of-title", a, k)
	return append(out, m)
}

// ruled is a mention of kind k over toks[a:b], decided by rule.
func ruled(k mentionKind, toks []token, a, b int, rule string) mention {
	m := newMention(k, toks, a, b, spanText(toks, a, b))
	m.because(rule, a, b)
	return m
}

// actorsNotPlaces: a town that speaks ("Halifax said house prices rose")
// or is traded ("shares in Halifax", "Halifax profits") is a company named
// after it, here and wherever the article names it
// without "in" or "near" before it ("figures from Nationwide and
// Halifax"). Big cities keep their meaning: "Beijing said" is China's
// government, and Beijing is still a place of the story.
func actorsNotPlaces(toks []token, ms []mention) {
	speaking := map[string]bool{}
	for j := range ms {
		m := &ms[j]
		if len(m.Words) != 1 || m.Title != "" {
			continue
		}
		p, ok := lookupPlace(m.Name)
		small := ok && p.Kind == lexicon.City && p.Population < 1000000
		// "shares in Equant", "Toyota sales jumped": what is traded is a
		// firm; a country's or a big city's sales are its market's.
		if small && (speaksHere(toks, m.Start, m.End) || tradedAfter(toks, m.End) && !stockMarket(toks, m.End)) || stakeIn(toks, m.Start) && !(ok && p.Kind == lexicon.Country) {
			speaking[m.Name] = true
		}
	}
	if len(speaking) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		// ("in Equant", when the gazetteer has no Equant, was a place by
		// that "in" alone.)
		if m.Kind == mPlace && speaking[m.Name] && (stakeIn(toks, m.Start) || !isPlaceAt(m.Name) ||
			!(m.Start > 0 && (toks[m.Start-1].low == "in" || toks[m.Start-1].low == "near"))) {
			ms[i].decide(mOrg, "a-town-that-speaks-is-a-firm", m.Start, m.End)
		}
	}
}

// pluralNames: a name that takes a plural verb ("Black Sabbath are one of
// Britain's most successful bands") is a band or a team, not a person.
func pluralNames(toks []token, ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPerson || m.Title != "" || m.End >= len(toks) {
			continue
		}
		if v := toks[m.End].low; (v == "are" || v == "were" && !subjunctive(toks, m.Start) || v == "have") && !coordinated(toks, m.Start) {
			ms[i].decide(mOrg, "plural-verb-after", m.End, m.End+1)
		}
	}
}

// coordinated: the name at toks[a] is the last of a coordinated subject,
// "and" before it or before its lower-case job ("Ann Lowe and chief
// financial officer Tim Hale have left"), so a plural verb after it is
// the pair's.
func coordinated(toks []token, a int) bool {
	for i := a - 1; i >= 0 && i >= a-5 && toks[i].Sent == toks[a].Sent; i-- {
		if l := toks[i].low; l == "and" || l == "or" || toks[i].Text == "&" {
			return true
		}
		if toks[i].Kind != tWord || toks[i].cap() {
			return false
		}
	}
	return false
}

// subjunctive: "if" opens the clause of the name at toks[a], so "were"
// after it is a wish or a supposition ("If the young Ann Lowe were
// starting today…"), not a plural.
func subjunctive(toks []token, a int) bool {
	for i := a - 1; i >= 0 && i >= a-8 && toks[i].Sent == toks[a].Sent; i-- {
		if l := toks[i].low; l == "if" || l == "wish" || l == "though" {
			return true
		}
		if toks[i].Kind == tPunct {
			return false
		}
	}
	return false
}

// orgsByContext turns person candidates into organisations when the words
// around them say so, for names with no given name or title to vouch for
// a person:
//   - an office and a name follow: "Neath-Swansea Ospreys forward Ryan
//     Jones", "Lincoln boss Mark Doyle";
//   - "its" follows in the clause: "Sony Ericsson has unveiled its phone",
//     "Krispy Kreme said its figures…";
//   - it owns a part: "a subsidiary of Deutsche Telekom";
//   - someone is with it: "Simon Wheatley, from Goldman Sachs,".
func orgsByContext(toks []token, ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPerson || m.Title != "" || m.End >= len(toks) {
			continue
		}
		if employerAt(toks, m.Start) {
			ms[i].decide(mOrg, "employer-after-job", m.Start-2, m.Start) // even "Morgan Stanley", two given names
			continue
		}
		if knownName(m.Words[0]) {
			continue
		}
		if orgBefore(toks, m.Start) {
			ms[i].decide(mOrg, "organisation-context-before", max(0, m.Start-3), m.Start)
		} else if officeAfter(toks, m.End) {
			ms[i].decide(mOrg, "office-and-name-after", m.End, min(len(toks), m.End+3))
		} else if itsAfter(toks, m.End) {
			ms[i].decide(mOrg, "its-after", m.End, min(len(toks), m.End+6))
		}
	}
}

// employerAt: "an analyst at X", "a fellow with X", "a researcher for X":
// a job and a preposition put an employer after them, never a person.
func employerAt(toks []token, a int) bool {
	if a < 2 {
		return false
	}
	p := toks[a-1].low
	if p != "at" && p != "with" && p != "for" {
		return false
	}
	// "best actor for Paul Giamatti" is an award, so a looser role only
	// counts before "at".
	j := toks[a-2]
	return j.Kind == tWord && !j.cap() && (jobNouns.has(j.low) || p == "at" && personRoles.has(j.low) && !maleRoles.has(j.low) && !femaleRoles.has(j.low))
}

// jobNouns are jobs done for an employer that personRoles lacks.
var jobNouns = setOf("fellow", "researcher", "professor", "lecturer", "strategist", "consultant",
	"partner", "economist", "analyst", "scientist", "engineer", "trader", "banker", "associate")

// partNouns are what an organisation has: "a subsidiary of X".
var partNouns = setOf("subsidiary", "division", "unit", "arm", "affiliate", "parent", "shareholders",
	"shares", "owners", "staff", "employees")

func orgBefore(toks []token, a int) bool {
	if a >= 2 && toks[a-1].low == "of" && (partNouns.has(toks[a-2].low) || toks[a-2].low == "company") {
		return true
	}
	// "Simon Wheatley, from Goldman Sachs, told Reuters": an affiliation
	// after a person's name.
	if a >= 3 && (toks[a-1].low == "from" || toks[a-1].low == "at" || toks[a-1].low == "of") && toks[a-2].Text == "," && toks[a-3].cap() {
		return true
	}
	return false
}

// officeAfter: toks[b:] is a lower-case office and a capitalised name.
func officeAfter(toks []token, b int) bool {
	k := b
	for k < len(toks) && k < b+2 && toks[k].Kind == tWord && !toks[k].cap() && (personRoles.has(toks[k].low) || roleWords.has(toks[k].low)) {
		k++
	}
	return k > b && k < len(toks) && toks[k].cap() && toks[k].Sent == toks[b].Sent && toks[b].low != "member"
}

// itsAfter: "its" within a few words of the same clause.
func itsAfter(toks []token, b int) bool {
	for k := b; k < len(toks) && k < b+6 && toks[k].Sent == toks[b].Sent; k++ {
		t := toks[k]
		if t.low == "its" {
			return true
		}
		if t.cap() || t.Kind == tPunct || t.Kind == tOpenQ || t.Kind == tCloseQ {
			return false
		}
	}
	return false
}

// nameAfterOffice: prev ends in an office ("Secretary", "Minister") and g,
// after "of"/"for", holds the office's object and then a given name with
// a surname ("State Mike Pompeo"); it returns where the name starts, or 0.
func nameAfterOffice(toks []token, prev, g span) int {
	if !officeTitles.has(toks[prev.End-1].low) && !roleWords.has(toks[prev.End-1].low) {
		return 0
	}
	for k := g.Start + 1; k+1 < g.End; k++ {
		if toks[k].knownName() {
			if hasOrgWord(toks, k, g.End) || isPlaceWord(toks, span{k - 1, g.End}) {
				return 0 // "the San Francisco Police Department", "the New York Public Library"
			}
			return k
		}
	}
	return 0
}

// nameAfterOfficeOfThe: the span follows "Office of the" ("Chancellor of
// the Exchequer Gordon Brown") and holds a given name after its first
// word; it returns where the name starts, or 0.
func nameAfterOfficeOfThe(toks []token, s span) int {
	a := s.Start
	if a < 3 || toks[a-1].low != "the" || toks[a-2].low != "of" && toks[a-2].low != "for" {
		return 0
	}
	if o := toks[a-3]; !officeTitles.has(o.low) && !roleWords.has(o.low) && !personRoles.has(o.low) {
		return 0 // "Chancellor of the Exchequer", "leader of the Commons"
	}
	return nameAfterOffice(toks, span{a - 3, a - 2}, span{a - 1, s.End})
}

// propagatePlaces: a place the context revealed once ("the village of
// Happisburgh") is that place at every other bare mention.
func propagatePlaces(ms []mention) {
	found := map[string]lexicon.Place{}
	for j := range ms {
		m := &ms[j]
		if m.Kind == mPlace && len(m.Words) == 1 {
			found[m.Name] = m.Place
		}
	}
	for i := range ms {
		m := &ms[i]
		if p, ok := found[m.Name]; ok && len(m.Words) == 1 && m.Title == "" && (m.Kind == mOther || m.Kind == mPerson && m.Evidence < 2) {
			m.Place = p
			m.decide(mPlace, "same-word-a-place-elsewhere", m.Start, m.End)
		}
	}
}

// modifierPlaces finds the places inside adjectives such as
// "California-based" and "Seoul-born".
func modifierPlaces(toks []token) []mention {
	var out []mention
	for i := range toks {
		// A pointer and the cached capital first: this runs on every token.
		t := &toks[i]
		if !t.cap() || !strings.Contains(t.Text, "-") || i > 0 && toks[i-1].cap() && !openers.has(toks[i-1].lower()) {
			continue // "George Bush-style": part of a name, not a place
		}
		if pre := modifierPrefix(t.Text); pre != "" {
			if p, ok := lookupPlace(pre); ok {
				m := mention{Kind: mPlace, Start: i, End: i + 1, Name: pre, Full: pre, Words: []string{pre}, Place: p, Why: reasonsFor(toks, i)}
				m.because("place-in-a-modifier", i, i+1)
				out = append(out, m)
			}
		}
	}
	return out
}

// regionAfterPlace reads "Richmond, North Yorks" as a place and its region
// even when the gazetteer lacks the abbreviation.
func regionAfterPlace(toks []token, ms []mention) {
	for i := 1; i < len(ms); i++ {
		m, prev := &ms[i], ms[i-1]
		// Only a region-shaped name: compass-led ("North Yorks") or an
		// abbreviation ("Mass."); a list of surnames after a place stays.
		regional := len(m.Words) > 0 && inLower(compassWords, m.Words[0]) || strings.HasSuffix(m.Name, ".")
		if prev.Kind != mPlace || prev.Place.Kind == 0 || m.Kind == mPlace || m.Kind == mOrg || !regional {
			continue
		}
		if m.Start >= 2 && prev.End == m.Start-1 && toks[m.Start-1].Text == "," &&
			(m.End >= len(toks) || toks[m.End].Kind == tPunct || toks[m.End].Sent != toks[m.Start].Sent) {
			m.Place = lexicon.Place{Name: m.Name, Kind: lexicon.Region}
			m.decide(mPlace, "region-after-place", m.Start-2, m.End)
		}
	}
}

// propagateOrgs: a name the article once shows to be an organisation ("US
// bank Wells Fargo") is one everywhere in it.
func propagateOrgs(ms []mention) {
	orgs := map[string]bool{}
	for j := range ms {
		m := &ms[j]
		if m.Kind == mOrg {
			orgs[m.Name] = true
		}
	}
	for i := range ms {
		// A landmark-shaped name ("Freedom House") follows too; a gazetteer
		// place keeps its meaning ("London" after "London Stock Exchange").
		if ms[i].Kind != mOrg && (ms[i].Kind != mPlace || ms[i].Place.Kind == lexicon.Feature) && orgs[ms[i].Name] {
			ms[i].decide(mOrg, "named-as-organisation-elsewhere", ms[i].Start, ms[i].End)
		}
	}
}

// sortByStart orders mentions by their first token, stably. They mostly
// come in order already, and a mention is too large to swap needlessly.
func sortByStart(ms []mention) {
	byStart := func(x, y mention) int { return cmp.Compare(x.Start, y.Start) }
	if !slices.IsSortedFunc(ms, byStart) {
		slices.SortStableFunc(ms, byStart)
	}
}

func newMention(k mentionKind, toks []token, a, b int, text string) mention {
	m := mention{Kind: k, Start: a, End: b, Name: text, Full: text, Why: reasonsFor(toks, a)}
	m.Words = appendWords(nil, toks, a, b, false)
	return m
}

// appendWords appends the words of toks[a:b] to ws, without an
// abbreviation's final period when trim is set, growing ws once; no
// words leave ws as it was (nil stays nil).
func appendWords(ws []string, toks []token, a, b int, trim bool) []string {
	n := 0
	for i := a; i < b; i++ {
		if toks[i].Kind == tWord {
			n++
		}
	}
	if n == 0 {
		return ws
	}
	ws = slices.Grow(ws, n)
	for i := a; i < b; i++ {
		if w := toks[i].Text; toks[i].Kind == tWord {
			if trim {
				w = strings.TrimSuffix(w, ".")
			}
			ws = append(ws, w)
		}
	}
	return ws
}

// isOrgSpan: an organisation, outlet, event or programme. Titles are set
// aside first so "Labour MP George Foulkes" and "Defence Secretary Geoff
// Hoon" stay people; a trailing landmark word keeps named buildings
// ("Freedom House") as places.
// placeThenWord: the span is a place's name and a common word, as a firm
// or a channel is named ("broadcaster France Televisions"); a given name
// that is also a place keeps a person's surname ("producer Chad Smith").
func placeThenWord(toks []token, s span) bool {
	if s.End-s.Start != 2 || surname(toks[s.Start+1].Text) || !commonOf(toks[s.Start+1].Text) {
		return false
	}
	_, ok := lookupPlace(toks[s.Start].Text)
	return ok
}

func isOrgSpan(toks []token, s span, cue bool) bool {
	if cue && s.Start > 0 && toks[s.Start-1].Kind == tWord && toks[s.Start-1].Sent == toks[s.Start].Sent {
		// "US bank Wells Fargo", "rock band Korn"; but a cue that can also
		// be a person's job ("games maker Peter Molyneux") yields to a
		// given name or an honorific.
		c := toks[s.Start-1].lower()
		if orgCues.has(c) && !(personCues.has(c) && (toks[s.Start].knownName() && !placeThenWord(toks, s) || honorific(toks[s.Start].lower()))) {
			return true
		}
	}
	from := s.Start
	if k := lastTitle(toks, s.Start, s.End); k >= 0 {
		from = k + 1
	}
	last := toks[s.End-1].lower()
	if i := strings.LastIndexByte(last, '-'); i >= 0 && personRoles.has(last[i+1:]) {
		return false // "Conservative Party Co-Chairman" is a person's office
	}
	for i := s.Start; i < s.End; i++ {
		t := toks[i]
		// Outlets that are also words or surnames (Fox, Sky, Times) count
		// only at the head of the name: "Fox News" but not "Liam Fox".
		if outlets.has(t.Text) && (i == s.Start || isAcronym(t.Text)) && (from == s.Start || i >= from) {
			return true
		}
		if i == from && t.knownName() {
			continue // "Bill Gammell", "Mark Post"
		}
		if i >= from && orgWords.has(t.lower()) && !(i > s.Start && landmarkSuffixes.has(last)) {
			return true
		}
	}
	return false
}

// clubContext: a match report, or an article that names football clubs
// ("Manchester United", "Bolton Wanderers", "Arsenal FC").
func clubContext(toks []token) bool {
	for i, t := range toks {
		switch t.Text {
		case "Rovers", "Wanderers", "FC", "Athletic", "Villa", "Albion", "Hotspur", "Premiership", "Championship":
			return true
		case "United":
			if i > 0 && toks[i-1].cap() && (i+1 == len(toks) || !toks[i+1].cap()) {
				return true // "Manchester United", not "United States"
			}
		}
	}
	// Losing "Gaza City" to a sports page costs less than a club becoming
	// a place, so a little match vocabulary is enough here.
	return matchVocabulary(toks, 3)
}

// pairedPlural: "the Carolinas", "the Koreas", "the Dakotas" — the plural
// of a name that a North and a South place share.
func pairedPlural(toks []token, a int) bool {
	w := toks[a].Text
	if a == 0 || toks[a-1].low != "the" || len(w) < 4 || w[len(w)-1] != 's' {
		return false
	}
	stem := w[:len(w)-1]
	return isPlaceAt("North "+stem) && isPlaceAt("South "+stem)
}

// datelineAt: toks[a:b] are words in capitals that open a paragraph and
// are followed by ", Region", "(Agency)" or a dash.
func datelineAt(toks []token, a, b int) bool {
	if !firstInPara(toks, a) || b >= len(toks) || b-a > 4 {
		return false
	}
	switch toks[b].Text {
	case ",":
		if b+1 >= len(toks) || !toks[b+1].cap() {
			return false
		}
	case "(", "—", "–", ":":
	default:
		return false
	}
	for i := a; i < b; i++ {
		if !allCapitals(toks[i].Text) {
			return false
		}
	}
	return true
}

// allCapitals: two or more letters, every one a capital ("GRASS",
// "WILKES-BARRE").
func allCapitals(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r != '-' && r != '.' && r != '\'':
			return false
		}
	}
	return n >= 2
}

// singleFeature: one unknown word that the text calls a geographic
// feature or an area by a lower-case noun around it — "the Po valley",
// "Hudspeth county", "Hudspeth and Presidio counties", "the Tigray
// region", "the river Rhône". Adjective-shaped words ("the Alpine
// region") and organisations are not places.
func singleFeature(toks []token, a int) bool {
	t := toks[a]
	b := a + 1
	named := a > 0 && (toks[a-1].Text == "river" || toks[a-1].Text == "lake") ||
		b+2 < len(toks) && (toks[b].Text == "and" || toks[b].Text == ",") && toks[b+1].cap() && areaPlurals.has(toks[b+2].Text) ||
		b < len(toks) && toks[b].Kind == tWord && toks[b].Sent == t.Sent && (featureNouns.has(toks[b].Text) && toks[b].Text != "range" || areaPlurals.has(toks[b].Text))
	return named && !orgWords.has(t.lower()) && !outlets.has(t.Text) && !calendarWords.has(t.lower()) && !isAcronym(t.Text) && !adjectiveShaped(t.Text)
}

// areaPlurals close a list of areas: "Hudspeth and Presidio counties".
var areaPlurals = setOf("counties", "provinces", "regions", "districts", "valleys", "prefectures",
	"governorates", "oblasts", "cantons", "parishes")

// adjectiveShaped: the endings of adjectives and languages ("Alpine",
// "Siberian", "Kurdish", "Arabic", "Western").
func adjectiveShaped(w string) bool {
	for _, suf := range []string{"an", "ese", "ish", "ic", "ine", "ern", "al", "ian"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nounCompound: toks[i] goes on a noun phrase — "stadium manager",
// "prison officers" — so the venue noun before it is a modifier.
func nounCompound(toks []token, i int) bool {
	if i >= len(toks) || toks[i].Kind != tWord || toks[i].cap() {
		return false
	}
	l := toks[i].low
	if roleWords.has(l) || personRoles.has(l) {
		return true
	}
	return strings.HasSuffix(l, "s") && !auxiliaries.has(l) && l != "is" && l != "was" && l != "has" && l != "this"
}

// venueNouns after a name in lower case make a place of it.
var venueNouns = setOf("prison", "jail", "stadium", "arena", "airport")

// buildingNouns are the landmark words that are never verbs, so a name
// before them in lower case names the building.
var buildingNouns = setOf("bridge", "airport", "stadium", "station", "square", "street", "avenue",
	"road", "tower", "palace", "castle", "cathedral", "mosque", "temple", "church", "arena", "dam",
	"memorial", "monument", "highway", "motorway", "tunnel", "harbour", "harbor")

func namelike(toks []token, a int) bool {
	return toks[a].knownName() && toks[a+1].surname() && !toks[a+1].isPlace()
}

func isPlaceAt(w string) bool {
	_, ok := lookupPlace(w)
	return ok
}

func honorific(l string) bool {
	_, ok := honorifics[l]
	return ok
}

// locativePreps put a following name in a place: "in Reading", "MP for
// Richmond".
var locativePreps = setOf("in", "at", "from", "to", "near", "across", "into", "outside",
	"inside", "around", "via", "towards", "throughout", "visit", "visited", "visiting", "for",
	"of", "between", "through", "toward", "across", "leave", "left", "reach", "reached")

// adjectiveCompass words name a part of a region, not a new place.
var adjectiveCompass = setOf("northern", "southern", "eastern", "western", "central")

// homeContext: "in X", "near X", "at X" or "X, Region".
func homeContext(toks []token, a, b int) bool {
	if a > 0 {
		if l := toks[a-1].low; l == "in" || l == "near" || l == "at" || l == "outside" {
			return true
		}
	}
	return b+1 < len(toks) && toks[b].Text == "," && toks[b+1].isPlace()
}

// locativeContext: a place name that is also a person's name or a word
// counts only after a locative preposition or before ", Region".
func locativeContext(toks []token, a, b int) bool {
	if a > 0 && locativePreps.has(toks[a-1].lower()) {
		return true
	}
	// "in the Andes", "across the Carolinas".
	if a > 1 && toks[a-1].lower() == "the" && locativePreps.has(toks[a-2].lower()) {
		return true
	}
	// Listed with a place: "in Cornwall and Somerset", "Kingsbridge, Devon".
	if a > 1 {
		if l := toks[a-1].lower(); l == "and" || l == "or" || l == "," {
			if _, ok := toks[a-2].place(); ok && !toks[a-2].ambiguousPlace() {
				return true
			}
			if isAcronym(toks[a-2].Text) && len(toks[a-2].Text) >= 4 {
				return true // a dateline in capitals: "KINGSBRIDGE, Devon"
			}
		}
	}
	if b+1 < len(toks) && toks[b].Text == "," {
		if _, ok := toks[b+1].place(); ok {
			return true
		}
	}
	return false
}

// classifySegment judges one part of a span between connectors.
func classifySegment(toks []token, a, b int) (mention, bool) {
	if m, ok := placeMention(toks, a, b); ok {
		return m, true
	}
	return classifyName(toks, a, b)
}

// classifyName judges a segment that is not a place by its name alone.
func classifyName(toks []token, a, b int) (mention, bool) {
	text := spanText(toks, a, b)
	if b-a == 1 {
		if m, v := classifySingle(toks, a, b, text); v != pass {
			return m, v == accept
		}
	}
	asked := b-a == 1 // placeByContext said no above
	for b-a > 1 && postNominals.has(strings.TrimSuffix(toks[b-1].Text, ".")) {
		b-- // "Guy Mansfield QC", "Martin Luther King Jr"
	}
	if !asked {
		if m, ok := placeByContext(toks, a, b); ok {
			return m, true
		}
	}
	m := mention{Kind: mPerson, Start: a, End: b, Why: reasonsFor(toks, a)}
	if compassWords.has(toks[a].lower()) && lastTitle(toks, a, b) < 0 {
		// Names of people do not start with "North" or "West"; titles may
		// ("South Korean President Moon Jae-in").
		m.decide(mOther, "compass-word-opens-no-name", a, a+1)
	}
	if ok := toks[a].demonym(); ok && b-a >= 2 && !toks[a].knownName() && lastTitle(toks, a, b) < 0 {
		// "Australian Lynton Crosby": a nationality, not part of the name
		// and no evidence of a person ("Scottish Regiments" is none).
		m.Start = a + 1
		m.Title = strings.ToLower(toks[a].Text)
		m.because("nationality-before", a, a+1)
	}
	titleEvidence(toks, &m, a, b)
	if a > 0 && toks[a-1].lower() == "the" && strings.Count(m.Title, " ") == 0 && b-m.Start == 1 {
		// "in the Queen Vic", "at the General Election", "the Ritz": a
		// determiner before a title or a lone word makes a thing, not a
		// person ("the Defence Secretary Geoff Hoon" stays one).
		m.decide(mOther, "the-before-one-word", a-1, b)
	}
	roleBeforeEvidence(toks, &m, a, b)
	m.Name = spanText(toks, m.Start, b)
	m.Full = text
	m.Words = appendWords(nil, toks, m.Start, b, true)
	if len(m.Words) == 0 {
		return mention{}, false
	}
	if len(m.Words) == 1 && (inLower(roleWords, m.Words[0]) || inLower(personRoles, m.Words[0])) {
		m.decide(mOther, "office-without-name", m.Start, b) // "Home Secretary" with no name after it
	}
	givenNameEvidence(&m)
	afterNameEvidence(toks, &m, a, b)
	return m, true
}

// classifySingle decides the one-word segments that are no name: a
// demonym, a weekday or month, a place by its context, an acronym.
func classifySingle(toks []token, a, b int, text string) (mention, verdict) {
	w := toks[a].Text
	if demonymNoun(w) {
		return mention{}, reject
	}
	if inLower(calendarWords, w) {
		// Kept only so that "May said" can join "Brian May"; never a
		// person or an organisation on its own.
		m := newMention(mOther, toks, a, b, text)
		m.Calendar = true
		m.because("calendar-word", a, b)
		return m, accept
	}
	if m, ok := placeByContext(toks, a, b); ok {
		return m, accept
	}
	if isAcronym(strings.TrimSuffix(w, "s")) {
		m := newMention(mOrg, toks, a, b, text)
		m.because("acronym", a, b)
		return m, accept
	}
	return mention{}, pass
}

// titleEvidence: honorifics and offices before the name ("Mr", "Defence
// Secretary") say a person, and some say which gender.
func titleEvidence(toks []token, m *mention, a, b int) {
	k := lastTitle(toks, m.Start, b)
	if k < 0 {
		return
	}
	var title []string
	for i := a; i <= k; i++ {
		l := toks[i].lower()
		title = append(title, l)
		if g, ok := honorifics[l]; ok {
			m.Gender = g
			m.Evidence += 3
		}
		if femaleRoles.has(l) {
			m.Gender = 'f'
		} else if maleRoles.has(l) {
			m.Gender = 'm'
		}
	}
	m.Title = strings.Join(title, " ")
	m.Evidence += 2
	m.Start = k + 1
	m.because("title", a, k+1)
}

// roleBeforeEvidence: a lower-case role just before ("analyst Alex
// Potter", "wife Ffion"), or in an appositive ("his wife, Bridget, died
// in 2015").
func roleBeforeEvidence(toks []token, m *mention, a, b int) {
	r := a - 1
	if a >= 2 && toks[a-1].Text == "," && (femaleRoles.has(toks[a-2].low) || maleRoles.has(toks[a-2].low)) &&
		b < len(toks) && toks[b].Text == "," {
		r = a - 2
	}
	if r < 0 || toks[r].Kind != tWord || toks[r].Sent != toks[a].Sent || toks[r].cap() {
		return
	}
	l := toks[r].lower()
	// "Lakers great Magic Johnson", "Liverpool legend X": a team and a
	// word of praise make a role.
	teamPraise := (l == "great" || l == "legend") && r > 0 && toks[r-1].cap() && toks[r-1].Sent == toks[r].Sent
	if !(personRoles.has(l) || femaleRoles.has(l) || maleRoles.has(l) || l == "member" || strings.HasSuffix(l, "-old") || jobShaped(l) || teamPraise) {
		return
	}
	m.Evidence += 2
	m.because("role-before", r, r+1)
	if m.Title == "" {
		m.Title = l
	}
	if femaleRoles.has(l) {
		m.Gender = 'f'
	} else if maleRoles.has(l) {
		m.Gender = 'm'
	}
}

// givenNameEvidence: the first word is a given name in the lexicon.
func givenNameEvidence(m *mention) {
	g, ok := givenName(m.Words[0])
	if !ok {
		// "Sui-Lee Wee", "Lee Kun-hee": a romanised East-Asian given name,
		// before or after the family name.
		for i, w := range m.Words[:min(2, len(m.Words))] {
			if len(m.Words) >= 2 && romanisedSyllables(w) {
				m.Evidence += 2
				m.because("romanised-given-name", m.Start+i, m.Start+i+1)
				break
			}
		}
		return
	}
	m.Evidence += 2
	m.because("given-name", m.Start, m.Start+1)
	if m.Gender == 0 && g != lexicon.Unisex {
		if g == lexicon.Female {
			m.Gender = 'f'
		} else {
			m.Gender = 'm'
		}
		m.GenderByName = true
	}
}

// afterNameEvidence reads the words right after the name: a speech verb
// or an age says a person; a lower-case building noun says the name is a
// building's ("the Golden Gate bridge").
func afterNameEvidence(toks []token, m *mention, a, b int) {
	if a > 0 && toks[a-1].Sent == toks[a].Sent && invertedSaid.has(toks[a-1].low) &&
		(b >= len(toks) || toks[b].Kind == tPunct || toks[b].Sent != toks[a].Sent) {
		// "…, said Serene Gregg, local president": the inverted attribution
		// of wire copy, closed by punctuation.
		m.Evidence++
		m.because("speech-verb-before", a-1, a)
	}
	if b >= len(toks) || toks[b].Sent != toks[a].Sent {
		return
	}
	roleInApposition(toks, m, b)
	if toks[b].speechVerb() != 0 {
		m.Evidence++
		m.because("speech-verb-after", b, b+1)
	}
	if toks[b].Text == "," && b+2 < len(toks) && toks[b+1].Kind == tNum && toks[b+2].Text == "," {
		m.Evidence += 2 // "Mr Hague, 43,"
		m.because("age-after", b+1, b+2)
	}
	if m.Title == "" && toks[b].Kind == tWord && !toks[b].cap() && venueNouns.has(toks[b].Text) && !nounCompound(toks, b+1) {
		// "the city's Hoa Lo prison", "the Belmarsh jail": the venue is a
		// place, named with its noun.
		m.Name = m.Name + " " + toks[b].Text
		m.Words = append(m.Words, toks[b].Text)
		m.Place = lexicon.Place{Name: m.Name, Kind: lexicon.Feature}
		m.decide(mPlace, "venue-noun-after", a, b+1)
	} else if m.Title == "" && toks[b].Kind == tWord && !toks[b].cap() && buildingNouns.has(toks[b].Text) {
		m.decide(mOther, "building-noun-after", b, b+1)
	}
}

// roleInApposition: "Diana, princess of Wales", "Marlow, a singer, said":
// the job in apposition to one word is that person's.
func roleInApposition(toks []token, m *mention, b int) {
	if m.Title != "" || b-m.Start != 1 || !roleAppositive(toks, b) {
		return
	}
	r := b + 1
	if !personOnlyRoles.has(toks[r].low) && !royalTitles.has(toks[r].low) {
		r++ // past the determiner
	}
	m.Title = toks[r].low
	m.Evidence += 2
	m.because("role-in-apposition", b, r+1)
}

// fullNameLast: the last mention made is a person's full name ending
// where segment g does ("The Diary of Alicia Keys" has none).
func fullNameLast(out []mention, g span) bool {
	if len(out) == 0 {
		return false
	}
	m := out[len(out)-1]
	return m.Kind == mPerson && m.End == g.End && len(m.Words) >= 2 && !inLower(openers, m.Words[0])
}

// lastTitle returns the index of the last title word of a[:b] that has a
// name after it ("Armed Forces Minister Adam Ingram" → Minister), or -1.
// A span that starts with a given name has no title ("Kim Jong Un").
func lastTitle(toks []token, a, b int) int {
	if k := positionTitle(toks, a, b); k >= 0 {
		return k
	}
	k := -1
	for i := a; i < b-1; i++ {
		l := toks[i].lower()
		if honorific(l) || roleWords.has(l) || strings.HasSuffix(l, "-winner") || strings.HasSuffix(l, "-winning") {
			k = i
			continue
		}
		if ok := toks[i].demonym(); ok && k == i-1 {
			continue
		}
		if k >= 0 && !(isAcronym(toks[i].Text) && i+2 < b) {
			break // ("Sports NFL Insider": a league between two titles)
		}
		if _, ok := toks[i].givenName(); ok && k < 0 {
			return -1
		}
		if _, ok := toks[i].place(); ok || isAcronym(toks[i].Text) || i < a+3 {
			// "London UKIP MEP Gerard Batten", "Tesco Chief Executive Terry
			// Leahy", "Senate Majority Leader Carol Brennan": a few words of
			// body or party before the office.
			continue
		}
		break
	}
	return k
}

// hasConnector: "and" or "the" inside a run joins several names or makes a
// title ("Beyond the Sea"), so a landmark suffix says nothing about it.
func hasConnector(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if l := toks[i].Text; l == "and" || l == "the" || l == "&" || l == "to" {
			return true
		}
	}
	return false
}

// titleCase turns "NEW YORK" into "New York".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// personFirst: a given name that is not also a place opens a person's name
// ("Jerry Hall", but "Leicester Square").
func personFirst(w string) bool {
	if !knownName(w) {
		return false
	}
	_, place := lookupPlace(w)
	return !place
}

func hasAnd(toks []token, s span) bool {
	for i := s.Start; i < s.End; i++ {
		if toks[i].Text == "and" || toks[i].Text == "&" {
			return true
		}
	}
	return false
}

func hasOrgWord(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if orgWords.has(toks[i].lower()) || outlets.has(toks[i].Text) {
			return true
		}
	}
	return false
}

// speaksHere: the name is the subject of a speech verb ("Halifax said",
// "Halifax has said", "says Halifax").
func speaksHere(toks []token, a, b int) bool {
	if a > 0 {
		// "Carol Brennan of Ohio called…": the name is the object of a
		// preposition; the speaker is whoever it belongs to.
		if l := toks[a-1].lower(); l == "of" || l == "in" || l == "from" || l == "at" || l == "near" {
			return false
		}
	}
	for b < len(toks) && auxiliaries.has(toks[b].lower()) {
		b++
	}
	if b < len(toks) && isSpeechVerbAt(toks, b) {
		return true
	}
	return a > 0 && isSpeechVerbAt(toks, a-1) && (b >= len(toks) || toks[b].Kind == tPunct)
}

// placeNouns before "of" name a settlement: "the village of Happisburgh".
var placeNouns = setOf("village", "town", "city", "county", "region", "province", "state",
	"district", "island", "suburb", "borough", "port", "hamlet", "capital")

// appositivePlace: toks[b:] is ", the/a <modifiers> village" with the
// place noun heading the phrase (followed by punctuation or a
// preposition), not modifying another noun ("a town councillor").
func appositivePlace(toks []token, b int) bool {
	if b+2 >= len(toks) || toks[b].Text != "," {
		return false
	}
	if d := toks[b+1].lower(); d != "the" && d != "a" && d != "an" {
		return false
	}
	for k := b + 2; k < len(toks) && k <= b+5 && toks[k].Sent == toks[b].Sent; k++ {
		t := toks[k]
		if t.Kind != tWord || t.cap() {
			return false
		}
		if placeNouns.has(t.low) {
			if k+1 >= len(toks) || toks[k+1].Sent != t.Sent {
				return true
			}
			n := toks[k+1]
			return n.Kind == tPunct || locativePreps.has(n.low) || n.low == "on" || compassWords.has(n.low) || n.low == "where" || n.low == "that"
		}
	}
	return false
}

// namedAsPerson: somewhere near at, w follows a given name, an honorific
// or a title, or comes before a speech verb — it is someone's name.
func namedAsPerson(toks []token, w string, at int) bool {
	for i := max(1, at-2000); i < len(toks) && i < at+2000; i++ {
		if toks[i].Text != w {
			continue
		}
		p := toks[i-1]
		if p.cap() && (p.knownName() || honorific(p.low) || roleWords.has(p.low)) || i+1 < len(toks) && isSpeechVerbAt(toks, i+1) {
			return true
		}
	}
	return false
}

// stakeIn: "a stake in X", "bought shares in X" — but "Pernod shares in
// Paris", "Carnival's shares in London" are where a firm's shares trade;
// "BT's shares in Cegetel", a name no gazetteer has, are a holding.
func stakeIn(toks []token, a int) bool {
	return tradedBefore(toks, a) && !(a >= 3 && (toks[a-3].cap() || toks[a-3].Kind == tPoss) && isPlaceAt(toks[a].Text))
}

// stockMarket: "the Lisbon stock exchange" is a market, not a firm's stock.
func stockMarket(toks []token, b int) bool {
	return b < len(toks) && toks[b].low == "stock"
}

// placeByContext accepts a place the gazetteer lacks when the text says
// what it is: "the village of Happisburgh", "a dateline KINGSBRIDGE, Devon",
// or "in Kingsbridge" / "on Dartmoor" for a single word that is no common
// word, no first name or surname, no acronym and never a speaker.
func placeByContext(toks []token, a, b int) (mention, bool) {
	if b-a != 1 || a == 0 {
		return mention{}, false
	}
	w := toks[a].Text
	if appositivePlace(toks, b) && !commonWord(toks[a]) && !orgWords.has(toks[a].lower()) && !outlets.has(w) && !isDemonym(w) && !isAcronym(w) {
		// "Panmunjom, the truce village", "Cheadle, a town south of
		// Stockport": the appositive says what it is, even for a word
		// that is also a surname.
		return contextPlace(toks, a, w, "appositive-place-noun", b, min(len(toks), b+4)), true
	}
	if !unknownWord(toks, a) {
		return mention{}, false
	}
	rule := placeContextRule(toks, a, b)
	if rule == "" {
		return mention{}, false
	}
	if toks[a-1].low != "of" && actsElsewhere(toks, w, a) || stakeIn(toks, a) {
		return mention{}, false // "shares in Barclays" when "Barclays said"; "a stake in Equant"
	}
	if rule == "capitals-dateline" {
		w = titleCase(w)
	}
	return contextPlace(toks, a, w, rule, a-1, b), true
}

// unknownWord: toks[a] may be a place the gazetteer lacks — no common
// word, given name, organisation word, outlet, month or demonym. A
// surname after "in" is a town ("in Cheadle") unless the article names a
// person by it ("confidence in Brown" after "Gordon Brown").
func unknownWord(toks []token, a int) bool {
	t := toks[a]
	w := t.Text
	prev := toks[a-1].lower()
	townSurname := t.surname() && (prev == "in" || prev == "near" || prev == "outside") && !namedAsPerson(toks, w, a)
	if commonWord(t) || t.knownName() || t.surname() && !townSurname || orgWords.has(t.lower()) || outlets.has(w) || calendarWords.has(t.lower()) {
		return false
	}
	return !t.demonym()
}

// placeContextRule names the context that makes the unknown word at a a
// place, or returns "".
func placeContextRule(toks []token, a, b int) string {
	w := toks[a].Text
	prev := toks[a-1].lower()
	switch {
	case prev == "of" && a >= 2 && placeNouns.has(toks[a-2].lower()):
		return "the-village-of"
	case isAcronym(w) && len(w) >= 4 && b+1 < len(toks) && toks[b].Text == "," && (toks[a].SentStart || a == 0) &&
		(isPlaceAt(toks[b+1].Text) || stateAbbreviations[strings.TrimSuffix(toks[b+1].Text, ".")] != ""):
		// A region follows a dateline's town ("KINGSWEAR, Devon"); not
		// a firm's description ("KPMG, Fannie Mae's auditor").
		return "capitals-dateline"
	case (prev == "in" || prev == "near" || prev == "outside") && plainName(w) &&
		(b >= len(toks) || toks[b].Kind == tPunct && toks[b].Text != "-" || toks[b].Kind == tWord && openers.has(toks[b].lower())):
		// "in Kingsbridge.", "in Neasden and…"; not "in Brent crude",
		// "in Hindi", "in Oscars", "in PCs".
		return "in-unknown-name"
	case plainName(w) && fromToPlace(toks, a, b):
		// "flights from Inverness to Kirkwall": a route's other end is a
		// place too.
		return "route-end"
	}
	return ""
}

// contextPlace is a place the gazetteer lacks, named w, at toks[a], made
// by rule keying on toks[ca:cb].
func contextPlace(toks []token, a int, w, rule string, ca, cb int) mention {
	m := newMention(mPlace, toks, a, a+1, w)
	m.Name, m.Full = w, w
	m.Place = lexicon.Place{Name: w, Kind: lexicon.City}
	m.because(rule, ca, cb)
	return m
}

// fromToPlace: toks[a:b] is one end of a route whose other end is a
// gazetteer place: "from Inverness to Kirkwall", "from Ullapool to
// Stornoway". The word after "to" ends the phrase.
func fromToPlace(toks []token, a, b int) bool {
	switch toks[a-1].low {
	case "to":
		if a < 3 || toks[a-3].low != "from" || !toks[a-2].isPlace() {
			return false
		}
		return b >= len(toks) || toks[b].Kind == tPunct && toks[b].Text != "-" || toks[b].Kind == tWord && !toks[b].cap()
	case "from":
		return b+2 < len(toks) && toks[b].low == "to" && toks[b+1].isPlace() &&
			(b+2 >= len(toks) || !toks[b+2].cap())
	}
	return false
}

func speechVerbsOrAux(toks []token, i int) bool {
	return isSpeechVerbAt(toks, i) || auxiliaries.has(toks[i].lower())
}

// actsElsewhere: somewhere in the article the word is followed by a verb
// or a possessive ("Barclays said", "Barclays has", "Barclays' profits"),
// or follows an organisation cue: it names an actor, not a place.
func actsElsewhere(toks []token, w string, at int) bool {
	weak := 0
	// An article-sized window around the mention keeps huge inputs linear.
	for i := max(0, at-2000); i < len(toks) && i < at+2000; i++ {
		if toks[i].Text != w || i+1 >= len(toks) {
			continue // (not a copy of the token: this runs on thousands)
		}
		n := &toks[i+1]
		if n.Kind == tPoss || isSpeechVerbAt(toks, i+1) || i > 0 && orgCues.has(toks[i-1].lower()) {
			return true
		}
		if auxiliaries.has(n.lower()) || n.Kind == tWord && !n.cap() && strings.HasSuffix(n.low, "ed") {
			weak++ // "Barclays had held talks"; but "Kingsbridge would be given"
		}
	}
	return weak >= 2
}

// plainName: a word shaped like a place name the gazetteer may lack —
// capitalised, lower case after, no digits, not a plural and not shaped
// like an adjective or a language (-an, -ese, -ish, -i).
func plainName(w string) bool {
	if len(w) < 3 || strings.ContainsAny(w, "0123456789-'’") {
		return false // "I'm", "ITV1"
	}
	rest := w[1:]
	if strings.ToLower(rest) != rest {
		return false
	}
	for _, suf := range []string{"s", "an", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// listOpens: a list that prep opens with the place first may close on an
// unknown word: "in Gaza City and Jabalia", "every sailing from Oban and
// Ullapool". After "from", "to" or "outside" the first place must be a
// town, which pairs with towns; a country pairs with firms too often
// ("orders from Britain and Vexor").
func listOpens(prep string, first mention) bool {
	switch prep {
	case "in", "near":
		return true
	case "from", "to", "outside":
		return first.Place.Kind == lexicon.City
	}
	return false
}

// listedWithPlaces accepts names that stand in a list of places:
// "Aberdeen South, Dumfriesshire, Dundee East and West, South West
// Edinburgh, Ochil, Stirling…". A member joins when it is an ambiguous
// gazetteer name ("Stirling") or a plain unknown word — no common word,
// given name or surname, so a team line-up of surnames does not turn into
// towns.
func listedWithPlaces(toks []token, ms []mention) {
	for pass := 0; pass < 3; pass++ {
		changed := false
		for i := range ms {
			m := &ms[i]
			if m.Kind == mPlace || m.Kind == mOrg || m.Title != "" || len(m.Words) != 1 {
				continue
			}
			if p, ok := listMemberPlace(toks, ms, i); ok {
				m.Place = p
				m.decide(mPlace, "listed-with-places", m.Start, m.End)
				changed = true
			}
		}
		if !changed {
			break
		}
	}
}

// listCandidate: an ambiguous gazetteer name ("Stirling"), a town that is
// a surname, or a plain unknown word — no common word, given name or
// surname, so a team line-up of surnames does not turn into towns.
func listCandidate(toks []token, m *mention, known bool) bool {
	if known {
		return ambiguousPlace(m.Name) || surname(m.Name)
	}
	return plainName(m.Name) && !knownName(m.Name) && !surname(m.Name) && !commonWord(toks[m.Start])
}

// joinedInList: x ends right before y, joined by ",", "and" or "or".
func joinedInList(toks []token, x, y mention) bool {
	if x.End+1 != y.Start || x.End >= len(toks) {
		return false
	}
	l := toks[x.End].lower()
	return l == "," || l == "and" || l == "or"
}

// listMemberPlace: the one-word mention ms[i] stands in a list of places
// and is one of them.
func listMemberPlace(toks []token, ms []mention, i int) (lexicon.Place, bool) {
	m := &ms[i]
	p, known := lookupPlace(m.Name)
	if !listCandidate(toks, m, known) {
		return p, false
	}
	before := i > 0 && ms[i-1].Kind == mPlace && joinedInList(toks, ms[i-1], *m)
	after := i+1 < len(ms) && ms[i+1].Kind == mPlace && joinedInList(toks, *m, ms[i+1])
	// An unknown word needs places on both sides: "Ochil" between
	// Edinburgh and Stirling, not "Microsoft" after "Japan"; or to
	// close a list that "in" opened: "in Gaza City and Jabalia".
	closes := before && toks[m.Start-1].low == "and" && (m.End >= len(toks) || toks[m.End].Kind == tPunct || !toks[m.End].cap()) &&
		ms[i-1].Start > 0 && listOpens(toks[ms[i-1].Start-1].low, ms[i-1])
	if known && (before || after) || before && after || closes {
		if !known {
			p = lexicon.Place{Name: m.Name, Kind: lexicon.Region}
		}
		return p, true
	}
	return p, false
}

// invertedSaid are the verbs of an inverted attribution ("said Jane
// Roe,"); "called" and "named" before a name are not speech.
var invertedSaid = setOf("said", "says", "added", "asked", "explained", "wrote", "recalled", "continued", "noted")

// jobShaped: a lower-case word shaped like a profession — "geologist",
// "paediatrician", "cardiologist" — that the role lists lack.
func jobShaped(l string) bool {
	if len(l) < 7 {
		return false
	}
	switch {
	case strings.HasSuffix(l, "ologist"), strings.HasSuffix(l, "ician"):
		return true
	case strings.HasSuffix(l, "ist"):
		return !notJobsInIst.has(l)
	}
	return false
}

// notJobsInIst end in -ist and are verbs or things, not professions.
var notJobsInIst = setOf("insist", "resist", "persist", "consist", "assist", "exist", "checklist",
	"playlist", "wishlist", "shortlist", "blacklist", "whitelist", "waitlist", "amidst")

// givenAndSurname: the segment is a given name and at least one more
// capitalised word ("Joe Biden" of "Joe Biden and Democrats").
func givenAndSurname(toks []token, g span) bool {
	return g.End-g.Start >= 2 && personFirst(toks[g.Start].Text) && !commonWord(toks[g.Start]) && toks[g.End-1].cap()
}

// positions are the abbreviations of players' positions that sports copy
// writes before a name: "Browns DL Sheldon Reed", "Thunder: F Ali Diop".
var positions = setOf("QB", "RB", "WR", "TE", "OL", "OT", "OG", "DL", "DE", "DT", "LB", "ILB",
	"OLB", "CB", "DB", "FS", "SS", "PG", "SG", "SF", "PF", "GK", "RHP", "LHP", "F", "G", "C")

// positionTitle returns the index of a position abbreviation in a[:b]
// that has a name of two words or more after it, or -1. A single letter
// is a position only after a colon or a team's name: "F Scott
// Fitzgerald" and "J Edgar Hoover" are initials.
func positionTitle(toks []token, a, b int) int {
	for i := a; i+2 < b; i++ {
		w := toks[i].Text
		if !positions.has(w) {
			continue
		}
		if len(w) == 1 && !(i > a || a > 0 && toks[a-1].Text == ":") {
			continue
		}
		return i
	}
	return -1
}

// officeObjectThenName: the span follows "ambassador to", "envoy to" or
// "minister for" and opens with a gazetteer country or city, then a given
// name or a name of two words: it returns where the name starts, or 0.
func officeObjectThenName(toks []token, s span) int {
	a := s.Start
	if a < 2 || (toks[a-1].low != "to" && toks[a-1].low != "for" && toks[a-1].low != "in") || !personRoles.has(toks[a-2].low) {
		return 0
	}
	for k := a + 1; k+1 < s.End && k <= a+3; k++ {
		p, ok := lookupPlace(spanText(toks, a, k))
		if ok && (p.Kind == lexicon.Country || p.Kind == lexicon.City && p.Population >= 100000) && toks[k+1].cap() && !hasOrgWord(toks, k, s.End) {
			return k
		}
	}
	return 0
}

// pairCues name two or three people: "the French duo A and B".
var pairCues = setOf("duo", "pair", "couple", "siblings", "trio", "brothers", "sisters")

// namedMembers: a pair cue before a span of full names joined by "and"
// or commas ("the duo Amélie Farge and Jules Carrel") names its members.
func namedMembers(toks []token, s span, segs []span) bool {
	if s.Start == 0 || !pairCues.has(toks[s.Start-1].low) || len(segs) < 2 {
		return false
	}
	for _, g := range segs {
		if !givenAndSurname(toks, g) {
			return false
		}
	}
	return true
}

// bylines: "By Colin Ashdown" or "By Colin Ashdown, Staff Writer" as the
// first or the last paragraph of the body (the headline may come before
// the first) names the writer, not a person in the story.
func bylines(toks []token, ms []mention) {
	if len(ms) == 0 {
		return
	}
	starts := 0 // paragraphs seen from the top
	last := toks[len(toks)-1].Para
	for i := range toks {
		if i > 0 && toks[i].Para == toks[i-1].Para {
			continue
		}
		starts++
		if starts > 2 && toks[i].Para != last {
			continue
		}
		if n := bylineEnd(toks, i); n > 0 {
			markByline(ms, i, n)
		}
	}
}

// bylineEnd: the paragraph at i is a byline — "By", a capitalised name and
// at most a short title after a comma — and ends at the returned token,
// or 0.
func bylineEnd(toks []token, i int) int {
	p := toks[i].Para
	if toks[i].Text != "By" {
		return 0
	}
	k := i + 1
	for k < len(toks) && toks[k].Para == p {
		t := toks[k]
		if t.Kind == tWord && !t.cap() && t.low != "and" || k-i > 12 {
			return 0
		}
		k++
	}
	return k
}

func markByline(ms []mention, a, b int) {
	for j := range ms {
		if ms[j].Start >= a && ms[j].Start < b {
			ms[j].decide(mOther, "byline", a, b)
		}
	}
}

// placesInTitle: the office before a person's name may hold a state or a
// country — "Kentucky Gov. Andy Beshear", "London UKIP MEP Gerard
// Batten" — which is a place of the story.
func placesInTitle(toks []token, a int, m mention, out []mention) []mention {
	if m.Kind != mPerson || m.Start-a < 2 {
		return out
	}
	// Only the title's first word: in "Credit Suisse analyst" the country
	// is part of a firm's name.
	p, ok := toks[a].place()
	if !ok || p.Kind != lexicon.Region && p.Kind != lexicon.Country || toks[a].ambiguousPlace() || !toks[a].cap() {
		return out
	}
	pm := newMention(mPlace, toks, a, a+1, toks[a].Text)
	pm.Place = p
	pm.because("place-in-a-title", a, m.Start)
	return append(out, pm)
}
