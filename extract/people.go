package extract

import (
	"strings"

	"byline/extract/lexicon"
	"byline/news"
)

// person is one individual being built from mentions.
type person struct {
	Name     string
	Words    []string
	Mentions int
	Aliases  []string
	Gender   byte
	Roles    []string // title words seen with the name, for "the president said"
	First    int      // token of the first mention, for ordering
}

// resolvePeople decides which person candidates are people and merges
// their mentions. Full names come first: a candidate of two or more name
// words is a person unless its words are common words with no title to
// vouch for them. Then single words join the full name whose first or last
// word they are — the most recent such person before them, so a surname
// shared by two people follows the story — and a single word that joins
// nobody is a person only with a title ("Lord Falconer", "wife Ffion").
func resolvePeople(toks []token, ms []mention) []person {
	people := resolveFullNames(toks, ms)
	people = resolveSingles(toks, ms, people)
	people = dropThings(toks, ms, people)
	countMentions(ms, people)
	collectAliases(ms, people)
	return people
}

// peopleByWords finds the person a full name is another form of.
func peopleByWords(people []person, words []string) int {
	for i, p := range people {
		if sameOrLonger(p.Words, words) || sameOrLonger(words, p.Words) || endsWith(p.Words, words) || endsWith(words, p.Words) || nameOrderVariant(p.Words, words) {
			return i
		}
	}
	return -1
}

// resolveFullNames makes people of the body's full-name candidates.
func resolveFullNames(toks []token, ms []mention) []person {
	var people []person
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPerson || len(m.Words) < 2 || m.InTitle {
			continue
		}
		if !plausibleFullName(toks, m) {
			if !sharesSurname(people, m.Words) {
				m.Kind = mOther
				continue
			}
			m.because("relative-shares-surname", m.End-1, m.End)
		}
		j := peopleByWords(people, m.Words)
		if j < 0 && articleAndWord(toks, m) {
			m.decide(mOther, "article-and-word", m.Start, m.Start+1)
			continue
		}
		if j >= 0 {
			p := &people[j]
			if len(m.Words) > len(p.Words) {
				p.Name, p.Words = m.Name, m.Words
			}
			m.Ent = j
			m.because("same-person", m.Start, m.End)
			continue
		}
		people = append(people, person{Name: m.Name, Words: m.Words, First: m.Start})
		m.Ent = len(people) - 1
	}
	return people
}

// articleAndWord: "Le Figaro", "La Scala" — an article and a word, nobody's
// surname in this story, unless they speak ("De Zeeuw said"). "Al" and
// "Del" are English given names too ("Al Jolson").
func articleAndWord(toks []token, m *mention) bool {
	return inLower(nameParticles, m.Words[0]) && m.Words[0] != "Al" && m.Words[0] != "Del" && m.Title == "" &&
		!speaksHere(toks, m.Start, m.End) && !firstNameBefore(toks, m.Start)
}

// resolveSingles joins single words and headline mentions to the people
// found, now that every full name is known, and keeps a single word that
// joins nobody only when a title vouches for it.
func resolveSingles(toks []token, ms []mention, people []person) []person {
	for i := range ms {
		m := &ms[i]
		if m.Ent >= 0 || (m.Kind != mPerson && m.Kind != mOther && m.Kind != mPlace) {
			continue
		}
		if m.Kind == mPlace && len(m.Words) != 1 {
			continue
		}
		j := matchPerson(toks, people, ms, i)
		if j < 0 && len(m.Words) == 1 {
			j = singleNamed(people, m.Words[0]) // "Falconer" after "Lord Falconer"
		}
		if j < 0 && m.InTitle && len(m.Words) >= 2 {
			j = peopleByWords(people, m.Words)
		}
		if j >= 0 {
			m.Ent = j
			m.decide(mPerson, "part-of-a-full-name", m.Start, m.End)
			continue
		}
		if m.Kind == mPerson && len(m.Words) == 1 && !m.InTitle && standaloneSingle(toks, m) {
			m.because("single-name-vouched", m.Start, m.End)
			if k := singleNamed(people, m.Name); k >= 0 {
				m.Ent = k
				continue
			}
			people = append(people, person{Name: m.Name, Words: m.Words, First: m.Start})
			m.Ent = len(people) - 1
			continue
		}
		if m.Kind == mPerson {
			m.decide(mOther, "single-word-unvouched", m.Start, m.End)
		}
	}
	placesNamedLater(ms, people)
	return people
}

// placesNamedLater: a town's name met before the job that made it a
// person ("his divorce from Diana" before "Diana, princess of Wales") is
// that person too; a country keeps its meaning.
func placesNamedLater(ms []mention, people []person) {
	for i := range ms {
		if m := &ms[i]; m.Kind == mPlace && m.Ent < 0 && len(m.Words) == 1 && m.Place.Kind != lexicon.Country {
			if j := singleNamed(people, m.Words[0]); j >= 0 {
				m.Ent = j
				m.decide(mPerson, "part-of-a-full-name", m.Start, m.End)
			}
		}
	}
}

// countMentions counts each person's mentions and takes gender, first
// position and roles from them.
func countMentions(ms []mention, people []person) {
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPerson || m.Ent < 0 {
			continue
		}
		p := &people[m.Ent]
		p.Mentions++
		if m.Start < p.First {
			p.First = m.Start
		}
		if p.Gender == 0 && !(m.GenderByName && m.Words[0] != p.Words[0]) {
			p.Gender = m.Gender
		}
		if m.Title != "" && !contains(p.Roles, m.Title) {
			p.Roles = append(p.Roles, m.Title)
		}
	}
}

// collectAliases lists the other forms each person is named by.
func collectAliases(ms []mention, people []person) {
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPerson || m.Ent < 0 {
			continue
		}
		p := &people[m.Ent]
		for _, form := range []string{m.Name, m.Full} {
			if form != p.Name && !contains(p.Aliases, form) {
				p.Aliases = append(p.Aliases, form)
			}
		}
	}
}

// dropThings removes the person candidates that the article treats as
// things and returns the people left; headline mentions do not count.
func dropThings(toks []token, ms []mention, people []person) []person {
	if len(people) == 0 {
		return people
	}
	const (
		determined = 1 << iota // a mention after "the", "a" or "an"
		bare                   // a mention without one
		titled                 // a mention with a title
		traded                 // a mention with shares or profits
	)
	// One allocation: the flags of each person, then the new indices.
	buf := make([]int, 2*len(people))
	flags, remap := buf[:len(people)], buf[len(people):]
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPerson || m.Ent < 0 || m.InTitle {
			continue
		}
		f := &flags[m.Ent]
		if m.Title != "" {
			*f |= titled
		}
		if tradedAfter(toks, m.End) || tradedBefore(toks, m.Start) {
			*f |= traded
		}
		if m.Title == "" && m.Start > 0 && toks[m.Start-1].Sent == toks[m.Start].Sent && determiners.has(toks[m.Start-1].low) {
			*f |= determined
		} else {
			*f |= bare
		}
	}
	kept := people[:0]
	for j, p := range people {
		// A name only ever written after "the", "a" or "an" ("the Dow Jones
		// index", "a Subaru Impreza", "the Nou Camp") names a thing, unless
		// it opens with a given name ("a Paul Scholes header", "the Michael
		// Winterbottom film"). A name with shares or profits ("Pernod
		// shares", "Sony Ericsson's profits", "shares in Krispy Kreme") is
		// a company, unless a title vouches for a person.
		if f := flags[j]; f&(determined|bare) == determined && !knownName(p.Words[0]) || f&(traded|titled) == traded {
			remap[j] = -1
			continue
		}
		remap[j] = len(kept)
		kept = append(kept, p)
	}
	if len(kept) == len(flags) {
		return kept
	}
	for i := range ms {
		m := &ms[i]
		if m.Kind == mPerson && m.Ent >= 0 {
			if m.Ent = remap[m.Ent]; m.Ent < 0 {
				m.decide(mOther, "named-like-a-thing-or-company", m.Start, m.End)
			}
		}
	}
	return kept
}

// tradedAfter: what follows a name at b is a company's — its shares,
// profits or sales ("Pernod shares", "Cadbury's profits").
func tradedAfter(toks []token, b int) bool {
	if b < len(toks) && toks[b].Kind == tPoss {
		b++
	}
	if b >= len(toks) || toks[b].Kind != tWord || toks[b].cap() {
		return false
	}
	if tradedNouns.has(toks[b].low) {
		return true
	}
	return toks[b].low == "share" && b+1 < len(toks) && (toks[b+1].low == "price" || toks[b+1].low == "prices")
}

// tradedBefore: "shares in X", "a stake in X".
//
// "a stake in Kylie Jenner's cosmetics company" is a stake in what she
// owns: a possessive after the name moves the stake off it.
func tradedBefore(toks []token, a int) bool {
	if a < 2 || toks[a-1].low != "in" || toks[a-2].low != "shares" && toks[a-2].low != "stake" {
		return false
	}
	for k := a; k < len(toks) && k < a+5 && toks[k].cap(); k++ {
		if k+1 < len(toks) && toks[k+1].Kind == tPoss {
			return false
		}
	}
	return true
}

var tradedNouns = setOf("shares", "shareholders", "profit", "profits", "sales", "earnings", "revenue",
	"revenues", "turnover", "subsidiary", "subsidiaries", "stock")

var determiners = setOf("the", "a", "an")

// fullNameRule judges a candidate of two or more name words.
type fullNameRule struct {
	name string
	run  func(toks []token, m *mention) verdict
	no   string // the reason recorded when the rule rejects
}

func init() {
	for i := range fullNameSieves {
		fullNameSieves[i].no = "not-a-full-name:" + fullNameSieves[i].name
	}
}

// fullNameSieves reject capitalised runs that are phrases rather than
// names, in order; the last weighs common words against the evidence.
var fullNameSieves = []fullNameRule{
	{name: "too-long-for-a-name", run: func(_ []token, m *mention) verdict { return rejectIf(len(m.Words) > 5) }},
	{name: "office-without-name", run: func(_ []token, m *mention) verdict { return rejectIf(roleHead(m.Words) != "") }},
	{name: "named-after-it", run: namedAfterRule},
	{name: "seat-of-government", run: func(_ []token, m *mention) verdict { return rejectIf(seatsOfGovernment.has(m.Name)) }},
	{name: "demonym", run: func(_ []token, m *mention) verdict { return rejectIf(isDemonym(strings.Join(m.Words, " "))) }},
	{name: "country-inside", run: countryInside},
	{name: "place-first", run: placeFirst},
	{name: "firm-before-big-city", run: firmBeforeCity},
	{name: "not-name-shaped", run: notNameShaped},
	{name: "common-words", run: commonWords},
}

func rejectIf(b bool) verdict {
	if b {
		return reject
	}
	return pass
}

// plausibleFullName rejects capitalised runs that are phrases rather than
// names: any word a common English word that is not also a known name,
// unless a title or a role vouches for the person. It records the rule
// that decided on the mention.
func plausibleFullName(toks []token, m *mention) bool {
	for _, r := range fullNameSieves {
		switch r.run(toks, m) {
		case accept:
			m.because("full-name", m.Start, m.End)
			return true
		case reject:
			m.because(r.no, m.Start, m.End)
			return false
		}
	}
	return false
}

// namedAfterRule: "Johnny Carson Theater" is named after him.
func namedAfterRule(_ []token, m *mention) verdict {
	last := m.Words[len(m.Words)-1]
	return rejectIf(inLower(landmarkSuffixes, last) && !surname(last))
}

// countryInside: "Lycos Europe", "Black America", "Las Vegas Microsoft",
// "Agence France Presse" —
// a country, continent or region inside the run makes it no person's name.
func countryInside(_ []token, m *mention) verdict {
	for i, w := range m.Words {
		if i > 0 {
			// A country that is also a name ("Jason Scotland", "Jools
			// Holland") is a firm's or a show's inside the name ("Agence
			// France Presse") or after a common word ("Little Britain").
			if p, ok := lookupPlace(w); ok && (p.Kind == lexicon.Country || p.Kind == lexicon.Continent) &&
				(!knownName(w) && !surname(w) || !knownName(m.Words[0]) && (i < len(m.Words)-1 || commonOf(m.Words[0]))) {
				return reject
			}
		}
		if i+1 < len(m.Words) {
			if p, ok := lookupPlace(w + " " + m.Words[i+1]); ok && p.Kind != lexicon.Feature {
				return reject
			}
		}
	}
	return pass
}

// placeFirst: "England Under-21", "Iran Air".
//
// A small town proves little against a role: "rapper Kanye West" starts
// with a town in Botswana.
func placeFirst(_ []token, m *mention) verdict {
	p, ok := lookupPlace(m.Words[0])
	if !ok || knownName(m.Words[0]) || m.Title != "" {
		return pass
	}
	smallTown := p.Kind == lexicon.City && p.Population < 100000
	return rejectIf(!smallTown || m.Evidence < 2 || !surname(m.Words[len(m.Words)-1]))
}

// firmBeforeCity: "Atletico Madrid", "Steaua Bucharest", "Mitsubishi
// Tokyo" — a word that is no given name before a big city is a club or a
// firm. (People take a city's name only as a surname after a given name:
// "Whitney Houston", "Michael London".)
func firmBeforeCity(_ []token, m *mention) verdict {
	if m.Title != "" || knownName(m.Words[0]) {
		return pass
	}
	p, ok := lookupPlace(m.Words[len(m.Words)-1])
	return rejectIf(ok && p.Kind == lexicon.City && p.Population >= 1000000)
}

// notNameShaped: digits, acronyms, lower-case words that are no particle,
// a pronoun or month that does not open a known name ("May Day"; "Brian
// May" and "Theresa May" are names), a demonym.
func notNameShaped(toks []token, m *mention) verdict {
	for i := m.Start; i < m.End; i++ {
		if toks[i].Kind != tWord {
			continue
		}
		w := strings.TrimSuffix(toks[i].Text, ".")
		if hasDigit(w) || isAcronym(w) || !firstRuneUpper(w) && !nameParticles.has(w) && particleStem(w) == "" {
			return reject
		}
		if i == m.Start && modifierPrefix(w) != "" {
			return reject // "NBA-leading Lakers", "Texas-based Dell"
		}
		// "Vice Premier He Lifeng": an office vouches for a name that reads
		// as a pronoun.
		if (inLower(openers, w) || inLower(calendarWords, w)) && (i == m.Start && !knownName(w) || i > m.Start && !knownName(m.Words[0])) &&
			!(m.Title != "" && !toks[i].SentStart && i == m.Start && m.End-m.Start >= 2) {
			return reject
		}
		if isDemonym(w) {
			return reject
		}
	}
	return pass
}

// commonWords: a run of no common words is a name; common words need a
// title or a role to vouch for them — or, for "Spike Lee says" and "Sandy
// Cumming said", a first name that is also a word before a surname, and
// speaking.
func commonWords(toks []token, m *mention) verdict {
	common := 0
	for i := m.Start; i < m.End; i++ {
		w := strings.TrimSuffix(toks[i].Text, ".")
		if toks[i].Kind == tWord && commonWord(toks[i]) && !knownName(w) && !surname(w) {
			common++
		}
	}
	last := m.Words[len(m.Words)-1]
	switch {
	case common == 0:
		return accept
	case len(m.Words) == 2 && common == 1 && m.Evidence >= 1 && (surname(last) || knownName(m.Words[0]) && !commonLower(strings.ToLower(last))):
		return accept
	case m.Evidence >= 2 && common < len(m.Words):
		return accept
	}
	return reject
}

// headOfState titles are followed by a surname, never by a thing, so the
// word after them is a name even when it is also a word ("President
// Bush", "President Trump"); "General Election" shows why "general" is not
// among them.
var headOfState = setOf("president", "chancellor", "premier", "senator", "sen", "governor", "gov",
	"mayor", "congressman", "congresswoman", "rep", "ayatollah", "emir", "sultan", "sheikh")

// standaloneSingle: a one-word person with nobody to join needs a title or
// role before it, or a given name and a speech verb.
func standaloneSingle(toks []token, m *mention) bool {
	w := m.Words[0]
	if isAcronym(strings.TrimSuffix(w, "s")) || inLower(calendarWords, w) || inLower(openers, w) {
		return false
	}
	if m.Title != "" && m.Evidence >= 2 {
		// An honorific vouches even for a word ("Lord Falconer"); an office
		// only for a word that is no common word ("General Election"); a
		// loose role ("Rival Sony", "Mother Nature") for nothing.
		last := lastWord(m.Title)
		if honorific(last) && !officeTitles.has(last) || last == "lord" || last == "sir" {
			return true
		}
		if headOfState.has(last) && !inLower(calendarWords, w) && !inLower(openers, w) {
			return true // "President Trump", "Chancellor Kohl": even a word is a name here
		}
		if officeTitles.has(last) && (!commonLower(strings.ToLower(w)) || surname(w)) {
			return true
		}
		// "U2 frontman Bono", "rapper Eminem": a job only a person has,
		// written in lower case just before the one word.
		return m.Title == last && (personOnlyRoleBefore(toks, m.Start) || roleAppositive(toks, m.End)) && !commonLower(strings.ToLower(w))
	}
	return knownName(w) && m.Evidence >= 3
}

// matchPerson finds the person a one-word (or headline) mention refers to:
// the most recently mentioned person whose first or last name it is,
// otherwise the first such person of the article.
func matchPerson(toks []token, people []person, ms []mention, i int) int {
	m := &ms[i]
	if len(m.Words) != 1 {
		return -1
	}
	w := m.Words[0]
	// Candidates and how often each was named so far: with two people of
	// one surname, a bare surname is the one named in the sentence before,
	// else the story's main subject ("Galloway disagreed" in an obituary
	// that also names his daughter Aoife Galloway).
	var cand [4]struct{ ent, n int }
	nc, recent, recentSent := 0, -1, -1
	named := namedBy{people: people, m: m, w: w}
	for k := i - 1; k >= 0 && k >= i-maxMentionsBack; k-- {
		if ms[k].Kind != mPerson || ms[k].Ent < 0 || !named.has(ms[k].Ent) {
			continue
		}
		e := ms[k].Ent
		if recent < 0 {
			recent, recentSent = e, toks[ms[k].Start].Sent
		}
		j := 0
		for j < nc && cand[j].ent != e {
			j++
		}
		if j == nc && nc < len(cand) {
			cand[nc].ent = e
			nc++
		}
		if j < nc {
			cand[j].n++
		}
	}
	if recent >= 0 {
		if nc == 1 || toks[m.Start].Sent == recentSent {
			return recent
		}
		best := 0 // cand[0] is the most recent
		for j := 1; j < nc; j++ {
			if cand[j].n > cand[best].n {
				best = j
			}
		}
		return cand[best].ent
	}
	for j := range people {
		if named.has(j) {
			return j
		}
	}
	return -1
}

// joinsName: the one-word mention m of w can be the person called name.
// "Mr Howard" is a Howard by surname, never Howard Flight: a surname
// honorific takes the family name, which opens a name only in East-Asian
// order ("Mr Wang" is Wang Xuebing). "Sir Howard" is Howard Newby.
func joinsName(m *mention, name []string, w string) bool {
	if !nameHasWord(name, w) {
		return false
	}
	if name[0] != w || name[len(name)-1] == w || !surnameHonorifics.has(lastWord(m.Title)) {
		return true
	}
	return familyNameFirst(name)
}

// surnameHonorifics come before a family name.
var surnameHonorifics = setOf("mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "prof", "professor",
	"madame", "monsieur", "herr", "frau", "senor", "senora", "signor")

// familyNameFirst: the name reads family name first — its first word is
// no given name, or the rest are romanised Chinese or Korean syllables
// ("Wang Xuebing", "Park Seung", "Moon Jae-in").
func familyNameFirst(name []string) bool {
	if !knownName(name[0]) {
		return true
	}
	for _, w := range name[1:] {
		if !syllablesShaped(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// syllablesShaped: one or two romanised syllables, or hyphenated ones
// ("yan", "xuebing", "jae-in").
func syllablesShaped(w string) bool {
	if strings.Contains(w, "-") {
		return romanisedSyllables(w)
	}
	if oneSyllable(w) {
		return true
	}
	for i := 1; i < len(w); i++ {
		if oneSyllable(w[:i]) && oneSyllable(w[i:]) {
			return true
		}
	}
	return false
}

// namedBy answers joinsName(m, people[e].Words, w) once per person:
// matchPerson looks back over hundreds of mentions of the same few people.
type namedBy struct {
	people []person
	m      *mention
	w      string
	known  [64]int8 // per person: 0 not asked yet, 1 yes, -1 no
}

func (n *namedBy) has(e int) bool {
	if e >= len(n.known) {
		return joinsName(n.m, n.people[e].Words, n.w)
	}
	if n.known[e] == 0 {
		n.known[e] = -1
		if joinsName(n.m, n.people[e].Words, n.w) {
			n.known[e] = 1
		}
	}
	return n.known[e] > 0
}

func nameHasWord(name []string, w string) bool {
	if len(name) < 2 {
		return false
	}
	last := name[len(name)-1]
	// "Assad" is "Bashar al-Assad", and so is "Al-Assad" opening a sentence.
	if last == w || name[0] == w || particleStem(last) == w || len(w) > 3 && w[0] == 'A' && strings.EqualFold(last, w) {
		return true
	}
	// "Ochoa" is "María Fernanda Ochoa Restrepo", "García" is "Gabriel
	// García Márquez", "Lula" is "Luiz Inácio Lula da Silva": a word
	// inside a long name.
	if len(name) < 3 || len(w) < 2 || inLower(nameParticles, w) {
		return false
	}
	for _, n := range name[1 : len(name)-1] {
		if n == w {
			return true
		}
	}
	return false
}

// sameOrLonger: long is short with words added inside or after ("George
// Bush" → "George W Bush", "William Pitt" → "William Pitt the Younger").
func sameOrLonger(long, short []string) bool {
	if len(short) > len(long) || len(short) < 2 || long[0] != short[0] {
		return false
	}
	j := 0
	for _, w := range long {
		if j < len(short) && w == short[j] {
			j++
		}
	}
	return j == len(short)
}

// sharesSurname: a two-word name whose last word is the surname of a
// person already found ("Ivanka Trump" after "Donald Trump") is a relative,
// whatever the lexicon thinks of "Trump".
func sharesSurname(people []person, words []string) bool {
	if len(words) != 2 || !firstRuneUpper(words[0]) || isAcronym(words[0]) || commonLower(strings.ToLower(words[0])) {
		return false
	}
	for _, p := range people {
		if len(p.Words) >= 2 && p.Words[len(p.Words)-1] == words[1] && p.Words[0] != words[0] {
			return true
		}
	}
	return false
}

// endsWith: short is the last words of long, a name of three words or
// more: "de Vabres" of "Renaud Donnedieu de Vabres", "Lloyd Webber" of
// "Andrew Lloyd Webber", "García Márquez" of "Gabriel García Márquez".
func endsWith(long, short []string) bool {
	if len(short) < 2 || len(long) < 3 || len(short) >= len(long) {
		return false
	}
	tail := long[len(long)-len(short):]
	for i := range short {
		if !strings.EqualFold(tail[i], short[i]) {
			return false
		}
	}
	return true
}

// firstNameBefore: a given name just before token i ("Jean-Marie Le Pen"
// split by the particle rule keeps its person).
func firstNameBefore(toks []token, i int) bool {
	return i > 0 && toks[i-1].cap() && toks[i-1].knownName()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func toPeople(people []person) []news.Person {
	out := make([]news.Person, 0, len(people))
	for _, p := range people {
		if p.Mentions == 0 {
			continue
		}
		out = append(out, news.Person{Name: p.Name, Mentions: p.Mentions, Aliases: p.Aliases})
	}
	return out
}

// singleNamed finds a one-word person ("Lord Falconer" → Falconer).
func singleNamed(people []person, name string) int {
	for i, p := range people {
		if len(p.Words) == 1 && p.Name == name {
			return i
		}
	}
	return -1
}

// romanisedSyllables: w is one or more single syllables of romanised
// Korean or Chinese joined by hyphens — "Kun-hee", "Jae-yong", "Sui-Lee",
// "Jae-in" — the given names that East-Asian names put after or before
// the family name. "Coca-Cola" and "Rolls-Royce" are two syllables a part.
func romanisedSyllables(w string) bool {
	parts := 0
	for _, p := range strings.Split(strings.ToLower(w), "-") {
		if !oneSyllable(p) {
			return false
		}
		parts++
	}
	return parts >= 2
}

// oneSyllable: an optional initial consonant cluster, one vowel group and
// an optional n, ng, m, l, k, p or t — the shape of a romanised Korean or
// Chinese syllable.
func oneSyllable(s string) bool {
	i := 0
	for i < len(s) && strings.IndexByte("bcdfghjklmnpqrstwxyz", s[i]) >= 0 && i < 2 {
		i++
	}
	v := i
	for i < len(s) && strings.IndexByte("aeiou", s[i]) >= 0 {
		i++
	}
	if i == v || i-v > 3 {
		return false
	}
	switch s[i:] {
	case "", "n", "ng", "m", "l", "k", "p", "t":
		return true
	}
	return false
}

// nameOrderVariant: "Sung-Hoon Park" is "Park Sung-hoon" written in the
// Western order — the same two words swapped, a romanised given name
// among them, its capitals aside.
func nameOrderVariant(a, b []string) bool {
	if len(a) != 2 || len(b) != 2 || !strings.EqualFold(a[0], b[1]) || !strings.EqualFold(a[1], b[0]) {
		return false
	}
	return romanisedSyllables(a[0]) || romanisedSyllables(a[1])
}
