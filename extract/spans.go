package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a run of capitalised words (with the connectors and particles
// that live inside names) between Start and End token indices.
type span struct {
	Start, End int
}

// capSpans finds the capitalised runs of the article. Quote marks,
// possessives and punctuation end a run, so "London's Leicester Square"
// gives two runs; a nickname in single quotes inside a name ("Brian 'Head'
// Welch") stays in it. Sentence-initial words that are only capitalised by
// position ("Launching the plan", "Talks on Russia") are dropped.
func capSpans(toks []token) []span {
	var out []span
	for i := 0; i < len(toks); {
		if !nameToken(&toks[i]) {
			i++
			continue
		}
		j := nameRunEnd(toks, i)
		s := trimOpeners(toks, span{i, j})
		if k := personAfterOrg(toks, s); k > 0 {
			out = append(out, span{s.Start, k})
			s.Start = k
		}
		if s.Start < s.End {
			out = append(out, s)
		}
		i = j
	}
	return out
}

// nameRunEnd returns the end of the run of name words that starts with
// the name token toks[i], within its sentence.
func nameRunEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) && toks[j].Sent == toks[i].Sent {
		if nameToken(&toks[j]) {
			j++ // the usual next word of a name, without a call
			continue
		}
		n := nameRunStep(toks, j)
		if n == 0 {
			break
		}
		j += n
	}
	return j
}

// nameRunStep returns how many tokens from toks[j] carry a name run on:
// a name word, or what lives inside names between name words. It returns
// 0 where the run ends.
func nameRunStep(toks []token, j int) int {
	t := &toks[j]
	switch {
	case nameToken(t) || t.Kind == tWord && particleStem(t.Text) != "":
		return 1 // "Bashar al-Assad", "Bab el-Mandeb"
	case connectorInName(toks, j):
		return 1
	case particlePairAt(toks, j):
		return 2
	case landmarkPossessive(toks, j):
		return 1
	case nicknameAt(toks, j):
		return 3
	}
	return 0
}

// connectorInName: a connector followed by a name word in the same
// sentence ("Bank of England", "Marks & Spencer").
func connectorInName(toks []token, j int) bool {
	t := &toks[j]
	return (t.Kind == tWord || t.Text == "&") && connectors.has(t.Text) && j+1 < len(toks) && toks[j+1].Sent == t.Sent && nameToken(&toks[j+1])
}

// particlePairAt: two particles in a row before a name word: "Juan Carlos
// de la Fuente", "Rafael van der Vaart".
func particlePairAt(toks []token, j int) bool {
	t := &toks[j]
	return t.Kind == tWord && nameParticles.has(t.Text) && j+2 < len(toks) && nameParticles.has(toks[j+1].Text) &&
		toks[j+2].Sent == t.Sent && nameToken(&toks[j+2])
}

// landmarkPossessive: "St James's Palace", "St Paul's Cathedral": a
// possessive inside the name of a building.
func landmarkPossessive(toks []token, j int) bool {
	t := &toks[j]
	return t.Kind == tPoss && j+1 < len(toks) && toks[j+1].cap() && landmarkSuffixes.has(toks[j+1].low) && toks[j+1].Sent == t.Sent
}

// nicknameAt: a nickname in single quotes, 'Head' between two name
// words, the quotes adjacent to it.
func nicknameAt(toks []token, j int) bool {
	t := &toks[j]
	return t.Kind == tPunct && (t.Text == "'" || t.Text == "‘") && j+3 < len(toks) && toks[j+1].cap() &&
		(toks[j+2].Text == "'" || toks[j+2].Text == "’") && nameToken(&toks[j+3]) && j+2 < len(toks) && toks[j+2].Start == toks[j+1].End
}

// personAfterOrg finds where a person's name starts after an
// organisation in one capitalised run ("For the Lib Dems David Laws said",
// "Microsoft Bill Gates"): a given name after an organisation word, with a
// surname and no organisation word after it. It returns 0 when there is
// none.
func personAfterOrg(toks []token, s span) int {
	for k := s.Start + 1; k+1 < s.End; k++ {
		p := toks[k-1]
		// Two capitals are initials ("JP Morgan Chase"), not a body.
		if !orgWords.has(p.low) && !outlets.has(p.Text) && !(isAcronym(p.Text) && len(p.Text) >= 3) {
			continue
		}
		if !toks[k].knownName() || roleWords.has(toks[k].low) || connectors.has(toks[k].low) {
			continue
		}
		for i := k + 1; i < s.End; i++ {
			if orgWords.has(toks[i].low) || connectors.has(toks[i].low) {
				return 0
			}
		}
		return k
	}
	return 0
}

// nameToken: a capitalised word, or an initial such as "W" or "W.".
// A capitalised word with a modifier suffix ("California-based",
// "Oscar-winning") describes something else and is not part of a name.
//
// It takes a pointer and tests the cached capital first so that it
// inlines: capSpans asks it of every token.
func nameToken(t *token) bool {
	return t.isCap && !modifierWord(t.Text)
}

// modifierWord: "California-based", "Oscar-winning".
func modifierWord(w string) bool {
	return strings.IndexByte(w, '-') >= 0 && modifierPrefix(w) != ""
}

// particleStem returns "Assad" for "al-Assad" and "Mandeb" for
// "el-Mandeb": Arabic names carry a lower-case article joined by a hyphen.
// It returns "" for any other word.
func particleStem(w string) string {
	if len(w) < 4 || w[0] != 'a' && w[0] != 'e' && w[0] != 'u' && w[0] != 'b' || w[2] != '-' && w[3] != '-' {
		return "" // the common case, decided without the loop
	}
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "ul-", "ud-", "bin-"} {
		if len(w) > len(p)+1 && strings.HasPrefix(w, p) && firstRuneUpper(w[len(p):]) {
			return w[len(p):]
		}
	}
	return ""
}

// modifierSuffixes turn a name into an adjective: "California-based".
var modifierSuffixes = []string{"-based", "-born", "-led", "-owned", "-backed", "-bound", "-made",
	"-listed", "-registered", "-winning", "-winner", "-style", "-era", "-wide", "-funded", "-run",
	"-headquartered", "-focused", "-linked", "-supported", "-nominated", "-bred", "-raised",
	"-educated", "-trained", "-controlled", "-held", "-occupied", "-administered", "-bred", "-leading"}

// modifierPrefix returns "California" for "California-based", else "".
func modifierPrefix(w string) string {
	for _, suf := range modifierSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return ""
}

// trimOpeners drops words capitalised only because they open the
// sentence, connectors left at the edges, and a leading "The".
func trimOpeners(toks []token, s span) span {
	if datelineAt(toks, s.Start, s.End) {
		return s // "GRASS VALLEY, Calif. —": capitals by convention, a name
	}
	for s.Start < s.End && opensNotName(toks, s) {
		s.Start++
	}
	for s.End > s.Start && connectors.has(toks[s.End-1].lower()) {
		s.End--
	}
	return s
}

// opensNotName: the first word of s is not part of the name it opens.
func opensNotName(toks []token, s span) bool {
	t := toks[s.Start]
	l := t.lower()
	// "El Salvador", "De Gaulle", "Van Gogh": a capitalised particle
	// opens the name; "Of", "And", "The" do not.
	if connectors.has(l) && !nameParticles.has(l) {
		return true
	}
	if calendarWords.has(l) && s.Start+1 < s.End && s.Start > 0 && timePreps.has(toks[s.Start-1].low) {
		return true // "In September Spears married…": a date, then a name
	}
	if !t.SentStart && !precededByOpeningQuote(toks, s.Start) {
		return false
	}
	return capitalisedByPosition(toks, s, &t, l)
}

// capitalisedByPosition: t, in lower case l, opens the sentence (or a
// quote) and is capitalised only for that: an opener, a date, an everyday
// word, or a description before a name.
func capitalisedByPosition(toks []token, s span, t *token, l string) bool {
	if describesName(toks, s, t, l) {
		return true
	}
	if s.End-s.Start == 1 && calendarWords.has(l) && s.End < len(toks) && isSpeechVerbAt(toks, s.End) {
		return false // "May said": a surname that is also a month
	}
	return openers.has(l) || calendarWords.has(l) ||
		(commonWord(*t) && !t.CapSeen && !t.knownName() && !honorific(l) && !roleWords.has(l) && !isPlaceWord(toks, s))
}

// describesName: "Matchwinner Keane", "Goalscorer Jimmy Hasselbaink": a
// word never capitalised elsewhere, before a name, is a description.
func describesName(toks []token, s span, t *token, l string) bool {
	return s.Start+1 < s.End && !t.CapSeen && !t.knownName() && !honorific(l) && !roleWords.has(l) &&
		(toks[s.Start+1].knownName() || toks[s.Start+1].CapSeen) && !isPlaceWord(toks, s) && !isAcronym(t.Text) &&
		(commonWord(*t) || compound(l) || describing(l, toks[s.Start+1].knownName()))
}

// timePreps come before a month or a weekday.
var timePreps = setOf("in", "on", "since", "until", "during", "by", "last", "next", "early", "late",
	"mid", "before", "after", "through", "till")

func precededByOpeningQuote(toks []token, i int) bool {
	return i > 0 && toks[i-1].Kind == tOpenQ
}

// compound: two everyday words written as one ("matchwinner",
// "goalscorer"); a foreign given name ("Ivanka") is not.
func compound(l string) bool {
	for i := 3; i+3 <= len(l); i++ {
		if commonLower(l[:i]) && commonLower(l[i:]) {
			return true
		}
	}
	return false
}

// describing: shaped like a job or a label rather than a first name —
// "Cinematographer", "Co-star", "Euro-sceptic", "Playmaker".
//
// Before a word that is only a surname, the shape needs more: "Sui-Lee"
// is a romanised given name of two syllables, and "Lakshiwnder" ends in
// -er without an English stem.
func describing(l string, beforeGivenName bool) bool {
	if i := strings.LastIndexByte(l, '-'); i > 0 {
		return beforeGivenName || !romanisedSyllables(l)
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ic"} {
		if len(l) > 6 && strings.HasSuffix(l, suf) {
			if beforeGivenName || suf != "er" && suf != "or" {
				return true
			}
			stem := l[:len(l)-len(suf)]
			return commonLower(stem) || commonLower(stem+"e") || compound(stem)
		}
	}
	return false
}

// knownName: a given name from the lexicon (a capitalised given name at the
// start of a sentence is still a name).
func knownName(w string) bool {
	_, ok := givenName(w)
	return ok
}

// isPlaceWord: the span's first word starts a gazetteer name ("New York"
// opens a sentence with a common word).
func isPlaceWord(toks []token, s span) bool {
	first := toks[s.Start].Text
	if toks[s.Start].isPlace() {
		return true
	}
	if s.End-s.Start >= 2 {
		if _, ok := lookupPlace(first + " " + toks[s.Start+1].Text); ok {
			return true
		}
	}
	return false
}

// spanText joins the words of toks[a:b] as the article wrote them, with
// the nickname quotes kept tight.
func spanText(toks []token, a, b int) string {
	// Most spans are one word: its text is the answer, with no copy.
	if b-a == 1 {
		return toks[a].Text
	}
	n := 0
	for i := a; i < b; i++ {
		n += len(toks[i].Text) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	for i := a; i < b; i++ {
		if i > a && toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Text)
	}
	return sb.String()
}

// hasDigit: w has an ASCII digit ("ITV1", "G8"). A byte loop: the rules
// ask it of short words, which strings.ContainsAny decodes rune by rune.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}

// isAcronym: two or more capitals and nothing else (BBC, WTO, SNP).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' || r == '&' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func firstRuneUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
