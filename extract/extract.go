// Package extract finds the people, places and quotes of a news article.
// It is pure functions over strings with embedded word lists: no I/O, no
// model files, fast enough to run on every article at refresh time.
//
// The pipeline: Markdown and page chrome are stripped per paragraph
// (text.go), paragraphs become tokens and sentences (tokens.go,
// sentences.go), quote marks are paired (quotes.go), capitalised spans are
// judged as people, places or organisations (spans.go, mentions.go),
// mentions are merged into people and places (people.go, places.go), and
// each quote gets its speaker (speakers.go). The closed word classes the
// rules rely on are in lists.go; open ones come from byline/extract/lexicon
// through a small memo (lexcache.go).
package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"byline/extract/lexicon"

	"byline/news"
)

// Version changes whenever the extractor's output can change, so stored
// articles extracted by an older version are extracted again.
const Version = 19

// Entities returns the people, places and quotes of an article from its
// title and Markdown body.
func Entities(title, body string) news.Entities { return entities(title, body, nil) }

// entities is Entities; with ex it also records why each person, place
// and quote came out as it did.
func entities(title, body string, ex *Explanation) news.Entities {
	paras := paragraphs(title, body)
	// The token list and the spelling table are the largest allocations
	// of an extraction (a 1,000-word article has 1,300 tokens of 80
	// bytes); they are reused across articles so a refresh does not make
	// the garbage collector clear and sweep them for every article. They
	// hold nothing the result keeps.
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	toks := sc.tokens(paras, len(title)+len(body), ex != nil)
	forms := &sc.forms
	internForms(toks, forms)
	markSentences(toks, func(l string) bool { return openers.has(l) || commonLower(l) })
	titlePara := -1
	if len(paras) > 0 && paras[0].Number == 0 {
		titlePara = 0
	}
	forms.markCapSeen(toks, titlePara)
	quotes := findQuotes(paras, toks)
	ms := classify(paras, toks, capSpans(toks), sc.ms[:0])
	sc.ms = ms
	for i := range ms {
		if toks[ms[i].Start].Work && (ms[i].Kind == mPerson || ms[i].Kind == mPlace) {
			ms[i].decide(mOther, "inside-a-work-title", ms[i].Start, ms[i].End)
		}
	}
	shortOrgNames(toks, ms)
	townClubs(toks, ms)
	people := resolvePeople(toks, ms)
	places := resolvePlaces(toks, ms)
	attribute(sc, toks, ms, people, places, quotes)
	if promoteSpeakers(toks, ms, &people, quotes) {
		for i := range quotes {
			quotes[i].Speaker, quotes[i].spk = "", -1
		}
		attribute(sc, toks, ms, people, places, quotes)
	}
	if ex != nil {
		ex.fill(paras, toks, ms, people, places, quotes)
	}
	sort.SliceStable(people, func(i, j int) bool { return people[i].First < people[j].First })
	sort.SliceStable(places, func(i, j int) bool { return places[i].First < places[j].First })
	out := news.Entities{People: toPeople(people), Places: toPlaces(places)}
	for _, q := range quotes {
		out.Quotes = append(out.Quotes, news.Quote{Text: q.Text, Speaker: q.Speaker, Partial: q.Partial, Paragraph: paras[q.Para].Number})
	}
	return out
}

// scratch is the reusable working memory of Entities.
type scratch struct {
	toks  []token
	forms forms
	// ms are the article's mentions; described, the mentions with the
	// descriptions attribution adds; mentAt, attribution's token index.
	// A mention is a large struct and an article has hundreds.
	ms, described []mention
	mentAt        mentionIndex
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release returns the scratch to the pool holding no article text.
func (sc *scratch) release() {
	clear(sc.toks)
	clear(sc.forms.all)
	clear(sc.ms)
	clear(sc.described)
	sc.toks, sc.ms, sc.described = sc.toks[:0], sc.ms[:0], sc.described[:0]
	scratchPool.Put(sc)
}

// tokens splits the paragraphs into the scratch token list; size is the
// length of the article's text.
func (sc *scratch) tokens(paras []paragraph, size int, explain bool) []token {
	toks := slices.Grow(sc.toks[:0], size/5+16)
	for i, p := range paras {
		toks = splitTokens(p.Text, i, toks)
	}
	if explain {
		for i := range toks {
			toks[i].explain = true
		}
	}
	sc.toks = toks
	return toks
}

// shortOrgNames: after "Northfield Foods" or "Millbrook Rovers", a bare
// "Northfield" is the company or the club, not the small town of that name
// the gazetteer knows (nor, by shortFirmNames, a person). Countries and big cities keep their own meaning
// ("London" after "London Stock Exchange").
func shortOrgNames(toks []token, ms []mention) {
	firstWords := map[string]bool{}
	for j := range ms {
		m := &ms[j]
		// Person candidates count too: "Northfield Foods" is one until
		// people.go rejects it.
		if (m.Kind == mOrg || m.Kind == mOther || m.Kind == mPerson) && len(m.Words) >= 2 {
			firstWords[m.Words[0]] = true
		}
	}
	shortFirmNames(ms)
	clubs := -1 // clubContext, asked only when a region needs it
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPlace || len(m.Words) != 1 || !firstWords[m.Words[0]] || m.Start > 0 && homePreps.has(toks[m.Start-1].low) {
			continue // ("in Northfield" is the town)
		}
		// A state stays a state after "Iowa Soybean Association"; on a
		// sports page "Bayern" and "Ulster" are the teams.
		region := m.Place.Kind == lexicon.Region
		if region && clubs < 0 {
			clubs = 0
			if clubContext(toks) {
				clubs = 1
			}
		}
		if m.Place.Kind == lexicon.City && m.Place.Population < 100000 || region && clubs == 1 {
			ms[i].decide(mOrg, "short-form-of-an-organisation", m.Start, m.End)
		}
	}
}

// shortFirmNames: "Warner said" after "Warner Bros" is the studio, when no
// person of the story is called Warner.
func shortFirmNames(ms []mention) {
	firms, named := map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		if len(m.Words) >= 2 && m.Kind == mOrg {
			firms[m.Words[0]] = true
		} else if len(m.Words) >= 2 && m.Kind == mPerson {
			for _, w := range m.Words {
				named[w] = true
			}
		}
	}
	if len(firms) == 0 {
		return
	}
	for i, m := range ms {
		if m.Kind == mPerson && len(m.Words) == 1 && m.Title == "" && firms[m.Words[0]] && !named[m.Words[0]] {
			ms[i].decide(mOrg, "short-form-of-an-organisation", m.Start, m.End)
		}
	}
}

// townClubs: in a match report "Doncaster", "Lincoln" and "Barnsley" are
// clubs, not towns. In an article with the vocabulary of football or rugby,
// a town named without a locative preposition before it ("in Lincoln",
// "from Barnsley") or a region after it ("Lincoln, Lincolnshire") is taken
// for the club. Countries and regions keep their meaning: national teams
// are named after places an editor still lists.
func townClubs(toks []token, ms []mention) {
	report := -1 // not yet known: most articles have no candidate to ask about
	for i := range ms {
		m := &ms[i]
		if m.Kind != mPlace || len(m.Words) != 1 || m.Place.Kind != lexicon.City || m.InQuote {
			continue
		}
		if m.Start > 0 && homePreps.has(toks[m.Start-1].low) {
			continue
		}
		if m.End+1 < len(toks) && toks[m.End].Text == "," && toks[m.End+1].isPlace() {
			continue
		}
		if report < 0 {
			report = 0
			if matchReport(toks) {
				report = 1
			}
		}
		if report == 0 {
			return
		}
		ms[i].decide(mOrg, "town-club-in-match-report", m.Start, m.End)
	}
}

// homePreps put a town on the map rather than on a fixture list.
var homePreps = setOf("in", "near", "from", "outside", "around", "across", "throughout", "of", "inside")

// matchWeight weighs the vocabulary of football and rugby reports: 2 for
// words only a match report uses, 1 for looser ones (a "goal" of policy,
// a "season" of films). A switch, not a map: it runs on every word.
func matchWeight(w string) int {
	switch w {
	case "striker", "midfielder", "defender", "goalkeeper", "winger", "full-back", "fly-half",
		"scrum-half", "centre-back", "penalty", "penalties", "equaliser", "equalizer", "free-kick",
		"kick-off", "half-time", "stoppage-time", "injury-time", "substitute", "referee",
		"relegation", "premiership", "goalless", "hat-trick", "scorer", "derby", "sin-bin",
		"touchline", "header":
		return 2
	case "goal", "goals", "boss", "manager", "midfield", "keeper", "fixture", "fixtures", "league",
		"cup", "match", "season", "squad", "scored", "draw", "drew", "tries", "try":
		return 1
	}
	return 0
}

// matchReport weighs the match vocabulary of the article; measured on the
// BBC corpus the threshold takes a third of the sport section and 5 of
// 1,700 other articles (reports on football's business).
func matchReport(toks []token) bool { return matchVocabulary(toks, 6) }

// matchVocabulary: the article's match words weigh at least threshold.
func matchVocabulary(toks []token, threshold int) bool {
	score := 0
	for i := range toks {
		if t := &toks[i]; t.Kind == tWord && len(t.low) >= 3 {
			if score += matchWeight(t.low); score >= threshold {
				return true
			}
		}
	}
	return false
}

// promoteSpeakers makes a person of a bare surname that speaks in the
// first person singular: `Wenger said: "You don't think I would…"`. A
// sports or arts story often names its subject by surname alone, which
// is too little for a person without a title; a company quoted in a
// statement says "we". It reports whether anyone was promoted, so the
// quotes can be attributed again with the new person.
func promoteSpeakers(toks []token, ms []mention, people *[]person, quotes []quoteSpan) bool {
	promoted := false
	for _, q := range quotes {
		if q.Speaker == "" || q.spk >= 0 || !firstPersonSingular(toks, q) {
			continue
		}
		w := q.Speaker
		if matchesPerson(*people, w) {
			continue
		}
		if strings.ContainsAny(w, " .-0123456789") || isAcronym(w) || outlets.has(w) || orgWords.has(strings.ToLower(w)) ||
			calendarWords.has(strings.ToLower(w)) || isPlaceAt(w) || isDemonym(w) || commonOf(w) && !surname(w) {
			continue
		}
		idx := -1
		for i := range ms {
			m := &ms[i]
			if m.Name != w || len(m.Words) != 1 || m.Ent >= 0 || m.Kind != mOther && m.Kind != mPerson {
				continue
			}
			if idx < 0 {
				*people = append(*people, person{Name: w, Words: m.Words, First: m.Start})
				idx = len(*people) - 1
			}
			m.Ent = idx
			m.decide(mPerson, "speaks-in-first-person", m.Start, m.End)
			(*people)[idx].Mentions++
		}
		promoted = promoted || idx >= 0
	}
	return promoted
}

func matchesPerson(people []person, w string) bool {
	for _, p := range people {
		if contains(p.Words, w) {
			return true
		}
	}
	return false
}

// firstPersonSingular: the quote has "I", "I'm", "my" or "me" in it.
func firstPersonSingular(toks []token, q quoteSpan) bool {
	for i := q.Open + 1; i < q.End && i < len(toks); i++ {
		switch toks[i].Text {
		case "I", "I'm", "I've", "I'd", "I'll", "my", "My", "me", "myself":
			return true
		}
	}
	return false
}
