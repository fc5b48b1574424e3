package extract

import (
	"strings"
	"sync"

	"byline/extract/lexicon"
	"byline/news"
)

type place struct {
	Name     string
	Key      string
	Mentions int
	Aliases  []string
	First    int
}

// resolvePlaces groups place mentions into places. Every form of one
// country ("US", "U.S.", "America", "the United States") is one place,
// named by the form the article uses first. "the North" and "the South"
// are a country only when the article names one starting with that word.
// Headline mentions count only for places the body names too.
func resolvePlaces(toks []token, ms []mention) []place {
	var places []place
	idx := map[string]int{}
	for pass := 0; pass < 2; pass++ {
		for i := range ms {
			m := &ms[i]
			if m.Kind != mPlace || m.InTitle != (pass == 1) {
				continue
			}
			key := placeKey(m)
			j, ok := idx[key]
			if !ok {
				if m.InTitle && (m.Place.Kind == 0 || m.Place.Kind == lexicon.Feature) {
					// A headline is set in title case more often than not: only
					// gazetteer places are trusted there.
					m.decide(mOther, "headline-place-unconfirmed", m.Start, m.End)
					continue
				}
				places = append(places, place{Name: m.Name, Key: key, First: m.Start})
				j = len(places) - 1
				idx[key] = j
			}
			m.Ent = j
			p := &places[j]
			p.Mentions++
			if m.Start < p.First {
				p.First = m.Start
			}
			if m.Name != p.Name && !contains(p.Aliases, m.Name) {
				p.Aliases = append(p.Aliases, m.Name)
			}
		}
	}
	addCompassShortForms(toks, places)
	return places
}

// placeKey groups the forms of one place: the gazetteer's canonical name
// ("U.S." and "America" are both "United States").
func placeKey(m *mention) string {
	if m.Place.Name != "" {
		return strings.ToLower(m.Place.Name)
	}
	return strings.ToLower(m.Name)
}

// addCompassShortForms counts "the North" as North Korea (and the like)
// when the article names that country.
func addCompassShortForms(toks []token, places []place) {
	for i := 1; i < len(toks); i++ {
		w := toks[i].Text
		if !toks[i].isCap || w != "North" && w != "South" || toks[i-1].lower() != "the" {
			continue
		}
		if i+1 < len(toks) && toks[i+1].cap() {
			continue
		}
		for j := range places {
			if strings.HasPrefix(places[j].Name, w+" ") {
				places[j].Mentions++
				if form := "the " + w; !contains(places[j].Aliases, form) {
					places[j].Aliases = append(places[j].Aliases, form)
				}
				break
			}
		}
	}
}

func toPlaces(places []place) []news.Place {
	out := make([]news.Place, 0, len(places))
	for _, p := range places {
		out = append(out, news.Place{Name: p.Name, Mentions: p.Mentions, Aliases: p.Aliases})
	}
	return out
}

// placeCand is a capitalised run being judged as a place by the place
// sieves: the text the gazetteer is asked for and what it answered.
//
// The sieves are called through a table, so the candidate escapes to the
// heap (placeDecision takes one from a pool): it holds what they need and
// no mention, which placeDecision makes once a sieve accepts.
type placeCand struct {
	toks  []token
	a, b  int
	text  string
	p     lexicon.Place
	known bool   // the gazetteer knows text (as p)
	rule  string // the accepting sieve's reason, set by place
}

// lex is lex(c.text), from the token's spelling when the text is the
// one word as written (gazetteerSpelling may have respelt it).
func (c *placeCand) lex() *memoEntry {
	if c.b-c.a == 1 && c.text == c.toks[c.a].Text {
		return c.toks[c.a].lexText()
	}
	return lex(c.text)
}

// accept makes the candidate a place of kind p under the rule's name.
func (c *placeCand) place(rule string, p lexicon.Place) verdict {
	c.p, c.rule = p, rule
	return accept
}

type placeRule struct {
	name string
	run  func(c *placeCand) verdict
}

// placeSieves judge a run as a place, in order: what is never a place
// first, then the gazetteer and its spellings, then the shapes of places
// the gazetteer lacks. The first rule to accept or reject decides.
var placeSieves = []placeRule{
	{"compass-region", compassRegion},
	{"time-zone", timeZone},
	{"not-a-demonym-or-code", notDemonymOrCode},
	{"a-town-does-not-speak", townDoesNotSpeak},
	{"a-role-names-a-person", roleNamesPerson},
	{"court-district", courtDistrict},
	{"seat-of-government", seatOfGovernment},
	{"gazetteer-spelling", gazetteerSpelling},
	{"wire-dateline", wireDateline},
	{"ambiguous-needs-locative", ambiguousNeedsLocative},
	{"gazetteer", gazetteerPlace},
	{"organisation-cue-before", orgCueBefore},
	{"venue", venueRule},
	{"place-then-region", placeThenRegion},
	{"area-of-a-place", areaOfPlace},
	{"x-city-abroad", cityAbroad},
	{"paired-plural", pairedPluralRule},
	{"named-feature", singleFeatureRule},
	{"compass-around-place", compassAroundPlace},
	{"landmark-prefix", landmarkPrefixRule},
	{"the-name-feature-noun", theFeatureNoun},
	{"landmark-suffix", landmarkSuffixRule},
}

// placeMention: the tokens name a place in the gazetteer, alone or with a
// compass word ("South West Edinburgh", "Aberdeen South"), or end in a
// landmark word ("Leicester Square", "the Demilitarized Zone").
func placeMention(toks []token, a, b int) (mention, bool) {
	m, ok, _ := placeDecision(toks, a, b)
	return m, ok
}

// placeDecision is placeMention that also names the sieve that decided,
// "" when none did.
func placeDecision(toks []token, a, b int) (mention, bool, string) {
	c := placeCands.Get().(*placeCand)
	defer c.release()
	*c = placeCand{toks: toks, a: a, b: b, text: spanText(toks, a, b)}
	for _, r := range placeSieves {
		switch r.run(c) {
		case accept:
			m := newMention(mPlace, toks, a, b, c.text)
			m.Place = c.p
			m.because(c.rule, a, b)
			return m, true, r.name
		case reject:
			return mention{}, false, r.name
		}
	}
	return mention{}, false, ""
}

// placeCands are candidates for reuse: the sieves' table call makes a
// candidate escape, and one allocated for every capitalised run was a
// quarter of the bytes an extraction allocated.
var placeCands = sync.Pool{New: func() any { return new(placeCand) }}

// release returns c to the pool holding no article text.
func (c *placeCand) release() {
	*c = placeCand{}
	placeCands.Put(c)
}

// compassRegion: "the South West", "the North-East" are regions of a
// country; "West", "north-west" alone are directions.
func compassRegion(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	for i := a; i < b; i++ {
		if !compassWords.has(toks[i].lower()) {
			return pass
		}
	}
	if a > 0 && toks[a-1].low == "the" && (b-a >= 2 || strings.Contains(toks[a].Text, "-")) && toks[a].cap() && toks[b-1].cap() {
		return c.place("compass-region", lexicon.Place{Name: c.text, Kind: lexicon.Region})
	}
	return reject
}

// notDemonymOrCode: "Thai", "Brits", "ITV1".
func notDemonymOrCode(c *placeCand) verdict {
	if c.b-c.a == 1 && (c.lex().demonym() || hasDigit(c.text)) {
		return reject
	}
	return pass
}

// townDoesNotSpeak: "Halifax said" — a town does not speak; a company
// named after one does. Countries speak through their governments ("the
// US said").
func townDoesNotSpeak(c *placeCand) verdict {
	if c.b-c.a == 1 && speaksHere(c.toks, c.a, c.b) {
		if p, ok := c.lex().lookupPlace(); ok && p.Kind != lexicon.Country {
			return reject
		}
	}
	return pass
}

// roleNamesPerson: "U2 frontman Bono", "the singer Shakira" — the one
// word after a job only a person has is their name, whatever region of
// Ghana or town of Colombia shares it. Countries keep their meaning.
func roleNamesPerson(c *placeCand) verdict {
	if c.b-c.a == 1 && (personOnlyRoleBefore(c.toks, c.a) || roleAppositive(c.toks, c.b)) {
		if p, ok := lookupPlace(c.text); !ok || p.Kind != lexicon.Country {
			return reject
		}
	}
	return pass
}

// roleAppositive: toks[b:] is ", (the/his/her) <job only a person has or
// royal title>" closing the phrase: "Diana, princess of Wales", "Paterson,
// the scrum-half's partner," is not; "Marlow, a singer, said".
func roleAppositive(toks []token, b int) bool {
	if b+2 >= len(toks) || toks[b].Text != "," {
		return false
	}
	i := b + 1
	if l := toks[i].low; l == "the" || l == "a" || l == "an" || l == "his" || l == "her" || l == "their" {
		i++
	}
	if i+1 >= len(toks) || toks[i].Kind != tWord || toks[i].cap() || toks[i].Sent != toks[b].Sent {
		return false
	}
	if l := toks[i].low; !personOnlyRoles.has(l) && !royalTitles.has(l) {
		return false
	}
	n := toks[i+1]
	return n.low == "of" || n.low == "who" || n.Kind == tPunct
}

var royalTitles = setOf("princess", "prince", "queen", "king", "duchess", "duke", "countess", "earl")

// personOnlyRoleBefore: toks[a-1] is a lower-case job only a person has,
// in the same sentence.
func personOnlyRoleBefore(toks []token, a int) bool {
	if a == 0 || toks[a-1].Kind != tWord || toks[a-1].cap() || toks[a-1].Sent != toks[a].Sent || !personOnlyRoles.has(toks[a-1].low) {
		return false
	}
	// "the best actress Oscar", "a supporting actor Bafta": an award
	// for the job, not a name.
	return a < 2 || !awardAdjectives.has(toks[a-2].low)
}

var awardAdjectives = setOf("best", "supporting", "leading", "lead", "top", "outstanding")

// gazetteerSpelling asks the gazetteer for the run as written, then for
// the spellings news uses that it lacks: an AP state after a city
// ("Fresno, Calif."), "St." for "Saint", a dateline in capitals
// ("KINGSBRIDGE, Devon —"). It only looks up; later rules decide.
func gazetteerSpelling(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	c.p, c.known = c.lex().lookupPlace()
	if !c.known && a > 0 && toks[a-1].Text == "The" && !toks[a-1].SentStart {
		// "from The Hague": the article is part of the name.
		if c.p, c.known = lookupPlace("The " + c.text); c.known {
			c.text = "The " + c.text
		}
	}
	if !c.known && b-a == 1 && strings.HasSuffix(c.text, ".") && a > 0 && toks[a-1].Text == "," {
		if full := stateAbbreviations[strings.TrimSuffix(c.text, ".")]; full != "" {
			if c.p, c.known = lookupPlace(full); c.known {
				c.text = full
			}
		}
	}
	if !c.known && b-a >= 2 && (toks[a].Text == "St." || toks[a].Text == "St") {
		c.p, c.known = lookupPlace("Saint " + spanText(toks, a+1, b))
	}
	if !c.known && b-a <= 3 && isAcronym(c.text) && len(c.text) >= 4 {
		if c.p, c.known = lookupPlace(titleCase(c.text)); c.known {
			c.text = titleCase(c.text)
		}
	}
	return pass
}

// wireDateline: "GRASS VALLEY, Calif. (AP) —" names the place even when
// the gazetteer does not know it.
func wireDateline(c *placeCand) verdict {
	if c.known || !datelineAt(c.toks, c.a, c.b) {
		return pass
	}
	c.text = titleCase(c.text)
	return c.place("wire-dateline", lexicon.Place{Name: c.text, Kind: lexicon.City})
}

// ambiguousNeedsLocative: a gazetteer name that is also a word or a
// common surname ("Hartley", "Lombard") is a place only in a place's
// context. A longer name may still be a landmark — the small town
// "Stamford Bridge" is also the stadium, "White House" the residence — so
// the later rules judge it as if unknown.
func ambiguousNeedsLocative(c *placeCand) verdict {
	if !c.known {
		return pass
	}
	toks, a, b := c.toks, c.a, c.b
	surnameTown := b-a == 1 && c.p.Kind == lexicon.City && c.p.Population < 200000 && c.lex().surname()
	theFeature := c.p.Kind == lexicon.Feature && a > 0 && toks[a-1].low == "the" // "protect the Amazon"
	if (c.lex().placeOf().ambiguous || surnameTown) && !locativeContext(toks, a, b) && !datelineAt(toks, a, b) && !theFeature {
		if b-a == 1 {
			return reject
		}
		c.known = false
	}
	return pass
}

// gazetteerPlace: a place the gazetteer knows. A small town named like a
// person ("a message from Ellie") needs a place's own preposition: "in
// Ellie". (Regions are left alone: the gazetteer's "Florida" is a region
// of Puerto Rico.)
func gazetteerPlace(c *placeCand) verdict {
	if !c.known {
		return pass
	}
	if c.b-c.a == 1 && c.lex().knownName() && !homeContext(c.toks, c.a, c.b) && c.p.Kind == lexicon.City && c.p.Population < 100000 {
		return reject
	}
	return c.place("gazetteer", c.p)
}

// orgCueBefore: "the watchdog Freedom House", "the band Deep Sea" — the cue
// says what the name is, whatever its last word.
func orgCueBefore(c *placeCand) verdict {
	if c.a > 0 && !c.toks[c.a-1].cap() && orgCues.has(c.toks[c.a-1].lower()) {
		return reject
	}
	return pass
}

// cityAbroad: "Gaza City", "Kuwait City" — a place abroad and "City" is
// that city; a British town and "City" is its football club. The
// gazetteer cannot tell Gaza from Manchester (both a region abroad), so a
// match report's "X City" stays a club.
func cityAbroad(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a != 2 || toks[b-1].Text != "City" {
		return pass
	}
	if p, ok := toks[a].place(); ok && p.Country != "United Kingdom" && p.Name != "United Kingdom" &&
		!toks[a].ambiguousPlace() && !clubContext(toks) {
		return c.place("x-city-abroad", lexicon.Place{Name: c.text, Kind: lexicon.City, Country: p.Country})
	}
	return pass
}

func pairedPluralRule(c *placeCand) verdict {
	if c.b-c.a == 1 && pairedPlural(c.toks, c.a) {
		return c.place("paired-plural", lexicon.Place{Name: c.text, Kind: lexicon.Region})
	}
	return pass
}

func singleFeatureRule(c *placeCand) verdict {
	if c.b-c.a == 1 && singleFeature(c.toks, c.a) {
		return c.place("named-feature", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
	}
	return pass
}

// compassAroundPlace: compass words around a known place. Only a sizeable
// place takes them: "Kanye West" is a singer, not a district of a town in
// Botswana. "Northern California" is California for the list of places;
// "Aberdeen South" is a constituency of its own.
func compassAroundPlace(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a < 2 {
		return pass
	}
	i, j := a, b
	for i < j && compassWords.has(toks[i].lower()) {
		i++
	}
	for j > i && compassWords.has(toks[j-1].lower()) {
		j--
	}
	if (i == a && j == b) || i >= j {
		return pass
	}
	p, ok := lookupPlace(spanText(toks, i, j))
	if !ok || p.Kind == lexicon.City && p.Population < 100000 || toks[i].knownName() {
		return pass
	}
	if i == a+1 && j == b && adjectiveCompass.has(toks[a].low) && p.Kind == lexicon.Country {
		return c.place("compass-around-place", p) // "northern Syria" is Syria
	}
	return c.place("compass-around-place", lexicon.Place{Name: c.text, Kind: lexicon.Region, Country: p.Country})
}

// landmarkPrefixRule: "Mount X", "Lake X". A prefix that is also a given
// name ("Sierra", "River") leads a place only before a place or a word
// that is no surname: "Sierra Nevada", not "Sierra Smith" or "River
// Phoenix".
func landmarkPrefixRule(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a >= 2 && landmarkPrefixes.has(toks[a].lower()) && !namelike(toks, a) && !hasConnector(toks, a, b) && !hasOrgWord(toks, a, b) && !commonWord(toks[a+1]) {
		return c.place("landmark-prefix", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
	}
	return pass
}

// theFeatureNoun: "the Mont Blanc massif", "the Hohe Tauern range" — a
// name between "the" and a lower-case geographic noun names that feature.
func theFeatureNoun(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a >= 2 && a > 0 && toks[a-1].lower() == "the" && b < len(toks) && toks[b].Kind == tWord && !toks[b].cap() &&
		featureNouns.has(toks[b].lower()) && !hasOrgWord(toks, a, b) {
		return c.place("the-name-feature-noun", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
	}
	return pass
}

// landmarkSuffixRule: "Leicester Square", "the Guthrie Theater". A given
// name does not stop a natural feature ("Magdalena River", "Victoria
// Falls"); it does stop a building ("Jerry Hall"), and so does a role
// before the name ("spokesman David Heath"). Nobody's name takes "the".
func landmarkSuffixRule(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a < 2 || !landmarkSuffixes.has(toks[b-1].lower()) {
		return pass
	}
	last := toks[b-1].lower()
	roleBefore := a > 0 && !toks[a-1].cap() && (personRoles.has(toks[a-1].low) || roleWords.has(toks[a-1].low))
	theBefore := a > 0 && toks[a-1].low == "the"
	if last == "channel" && !isPlaceAt(spanText(toks, a, b-1)) && !isDemonym(spanText(toks, a, b-1)) {
		return pass // "the English Channel", but "the Disney Channel"
	}
	// "Chairman Park", "Sung-Hoon Park": an office or a romanised given
	// name before "Park" makes a person.
	personal := roleBefore || honorific(toks[a].lower()) || personRoles.has(toks[a].low) || officeTitles.has(toks[a].low) || romanisedSyllables(toks[a].Text)
	if (!personFirst(toks[a].Text) || naturalFeatures.has(last) || theBefore) && !personal && !hasConnector(toks, a, b) && !hasOrgWord(toks, a, b-1) {
		return c.place("landmark-suffix", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
	}
	return pass
}

// courtDistrict: "the Southern District of New York", "the Eastern
// District court" — a court's district is no place of the story, even
// when the gazetteer knows a district of that name.
func courtDistrict(c *placeCand) verdict {
	toks, b := c.toks, c.b
	last := toks[b-1].low
	if last != "district" && last != "circuit" && last != "division" || b >= len(toks) {
		return pass
	}
	n := toks[b].low
	return rejectIf(n == "of" || n == "court" || n == "courts" || n == "judge" || n == "attorney")
}

// seatsOfGovernment stand for a government more often than for a
// building: "concern to the White House", "the Kremlin said".
var seatsOfGovernment = setOf("White House", "Kremlin", "Pentagon", "Elysee", "Élysée", "Blue House")

// seatOfGovernment: such a name is a place only where something happens
// at it: "at the White House", "outside the Kremlin".
func seatOfGovernment(c *placeCand) verdict {
	if !seatsOfGovernment.has(c.text) {
		return pass
	}
	k := c.a - 1
	if k >= 0 && c.toks[k].low == "the" {
		k--
	}
	if k >= 0 && atPreps.has(c.toks[k].low) {
		return c.place("seat-of-government-as-place", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
	}
	return reject
}

// atPreps put something physically at a building.
var atPreps = setOf("at", "in", "inside", "outside", "near", "into", "around")

// venueWords end the names of venues that sports and court copy use as
// locations: "at Staples Center", "at the Metropolitan Correctional
// Center", "HMP Belmarsh".
var venueWords = setOf("center", "centre", "arena", "stadium", "coliseum", "dome", "ballpark",
	"speedway", "garden", "gardens", "prison", "jail", "penitentiary", "facility")

// venueRule: a run ending in a venue word after "at", "in", "inside" or
// "outside" (with or without "the"), and not a body "for" or "of"
// something ("the Center for Strategic Studies"); or a prison named with
// "HMP".
func venueRule(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a >= 2 && toks[a].Text == "HMP" {
		return c.place("venue", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
	}
	if b-a < 2 || !venueWords.has(toks[b-1].low) || b < len(toks) && (toks[b].low == "for" || toks[b].low == "of") {
		return pass
	}
	k := a - 1
	if k >= 0 && toks[k].low == "the" {
		k--
	}
	if k < 0 || !(toks[k].low == "at" || toks[k].low == "in" || toks[k].low == "inside" || toks[k].low == "outside") {
		return pass
	}
	// A centre is also a think tank or a charity: only a bare "at X
	// Center" (the arena's way) or a kind of building says venue.
	if l := toks[b-1].low; (l == "center" || l == "centre") && k == a-2 && !buildingCentres.has(toks[b-2].low) {
		return pass
	}
	return c.place("venue", lexicon.Place{Name: c.text, Kind: lexicon.Feature})
}

// placeThenRegion: a run the gazetteer lacks, put somewhere by a
// preposition (or listed after a place) and followed by ", <state or
// country>": "in Palm Beach, Florida", "at the San Ysidro, California,
// port", "of Sarkh, Logar".
func placeThenRegion(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a > 3 || b+1 >= len(toks) || toks[b].Text != "," || hasOrgWord(toks, a, b) || !locatedBefore(toks, a) {
		return pass
	}
	if !regionCloses(toks, b+1) {
		return pass
	}
	for i := a; i < b; i++ {
		if t := toks[i]; t.Kind != tWord || !t.cap() || isAcronym(t.Text) || calendarWords.has(t.low) || i == a && t.knownName() && (b-a == 1 || toks[b-1].surname()) {
			return pass
		}
	}
	return c.place("place-then-region", lexicon.Place{Name: c.text, Kind: lexicon.City})
}

// regionCloses: toks[r:] is a state or a country (or an AP state) that
// closes the phrase: "Palm Beach, Florida, and", not "Roy Keane, Paul
// Scholes" or "Borussia Dortmund, Germany's only…".
func regionCloses(toks []token, r int) bool {
	end := r + 1
	p, ok := toks[r].place()
	if !ok && r+1 < len(toks) && toks[r+1].cap() {
		p, ok = lookupPlace(toks[r].Text + " " + toks[r+1].Text)
		end = r + 2
	}
	if !ok && strings.HasSuffix(toks[r].Text, ".") {
		ok = stateAbbreviations[strings.TrimSuffix(toks[r].Text, ".")] != ""
		p.Kind = lexicon.Region
	}
	if !ok || p.Kind != lexicon.Region && p.Kind != lexicon.Country {
		return false
	}
	return end >= len(toks) || toks[end].Kind != tPoss && !toks[end].cap()
}

// locatedBefore: a locative preposition (maybe with "the") before a, or
// "and" after a gazetteer place ("in Manhattan and Palm Beach").
func locatedBefore(toks []token, a int) bool {
	k := a - 1
	if k >= 0 && toks[k].low == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	if l := toks[k].low; l == "in" || l == "at" || l == "near" || l == "of" || l == "outside" || l == "from" {
		return true
	}
	return toks[k].low == "and" && k > 0 && toks[k-1].isPlace()
}

// areaOfPlace: "the San Francisco Bay Area", "the Dallas-Fort Worth
// Metroplex" — a gazetteer place and an area word make one area.
func areaOfPlace(c *placeCand) verdict {
	toks, a, b := c.toks, c.a, c.b
	if b-a < 2 || toks[b-1].Text != "Area" && toks[b-1].Text != "Metroplex" {
		return pass
	}
	for k := b - 1; k > a; k-- {
		if isPlaceAt(spanText(toks, a, k)) {
			return c.place("area-of-a-place", lexicon.Place{Name: c.text, Kind: lexicon.Region})
		}
	}
	return pass
}

// buildingCentres are the kinds of centre that are buildings.
var buildingCentres = setOf("correctional", "detention", "shopping", "convention", "medical",
	"conference", "leisure", "sports", "community", "exhibition", "trade", "aquatics", "holding")

// timeZones are written after a time, never as places: "11 p.m. ET".
var timeZones = setOf("ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
	"PDT", "GMT", "BST", "CET", "CEST", "UTC", "JST", "KST", "IST", "AEST", "AEDT")

func timeZone(c *placeCand) verdict { return rejectIf(c.b-c.a == 1 && timeZones.has(c.text)) }
