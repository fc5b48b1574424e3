package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord   tokKind = iota
	tNum            // starts with a digit: 2005, 6-1, 1.5, 34-year-old
	tPunct          // anything else that is not a space
	tOpenQ          // an opening double quote mark, straight or curly
	tCloseQ         // a closing double quote mark
	tPoss           // the possessive 's (or a bare ' after a plural)
)

// token is a word, number or mark of one paragraph. Offsets are bytes in
// the paragraph's cleaned text so quotes can be cut out verbatim. (The
// strings come first and the flags last so the struct packs tight: an
// article has a thousand or more of them.)
type token struct {
	Text       string
	low        string
	Para       int // index in the paragraphs slice
	Start, End int
	Sent       int // sentence number over the whole article
	Quote      int // 1 + index of the quote the token sits in, 0 outside quotes
	Kind       tokKind
	SentStart  bool // first word of its sentence
	// LowerSeen: the article also writes this word in lower case, so it
	// is a word of the language here even if no word list knows it.
	LowerSeen bool
	// CapSeen: the article also capitalises this word inside a sentence,
	// so at a sentence start it is a name ("Keys said" after "Alicia Keys").
	CapSeen bool
	// Work: the token is inside the quoted title of a film, song or book.
	Work bool
	// isCap caches cap(): the rules ask it of every token many times.
	isCap bool
}

// forms numbers the distinct spellings of an article's tokens, so that
// what depends only on the spelling (the lower-case form, whether the
// article also writes it in lower case or capitalised mid-sentence) is
// worked out once per spelling with one map lookup per token, instead of
// a ToLower and several map operations per token.
type forms struct {
	id  []int32 // per token: its spelling's index in all
	all []form
}

type form struct {
	low       string
	first     int32 // the first token of this spelling
	lowerWord bool  // some word token has this spelling, in lower case
	lowerSeen bool  // LowerSeen for the word tokens of this spelling
	capSeen   bool  // CapSeen for the capitalised tokens of this spelling
}

// internForms sets the lower-case form of every token, numbers the
// spellings and sets LowerSeen on capitalised words whose lower-case form
// the article uses elsewhere ("Talks on…" / "the talks").
func internForms(toks []token) *forms {
	// About one token in two is a new spelling (measured on the BBC
	// corpus); sizing for that avoids growing the map.
	hint := len(toks)/2 + 16
	f := &forms{id: make([]int32, len(toks)), all: make([]form, 0, hint)}
	ids := make(map[string]int32, hint)
	for i := range toks {
		t := &toks[i]
		k, ok := ids[t.Text]
		if !ok {
			k = int32(len(f.all))
			ids[t.Text] = k
			f.all = append(f.all, form{low: lowerOf(t.Text), first: int32(i)})
		}
		f.id[i] = k
		t.low = f.all[k].low
		if t.Kind == tWord && t.low == t.Text {
			f.all[k].lowerWord = true
		}
	}
	// LowerSeen per spelling: the lower-case form is itself the spelling
	// of a word token.
	for k := range f.all {
		if fm := &f.all[k]; fm.low != toks[fm.first].Text {
			if j, ok := ids[fm.low]; ok {
				fm.lowerSeen = f.all[j].lowerWord
			}
		}
	}
	for i := range toks {
		if toks[i].Kind == tWord && toks[i].low != toks[i].Text {
			toks[i].LowerSeen = f.all[f.id[i]].lowerSeen
		}
	}
	return f
}

// markCapSeen sets CapSeen on words that the article capitalises at least
// once away from a sentence start (run after markSentences). The headline,
// often in title case, is paragraph titlePara (-1 when there is none).
func (f *forms) markCapSeen(toks []token, titlePara int) {
	for i := range toks {
		if t := &toks[i]; t.isCap && !t.SentStart && !(i > 0 && toks[i-1].Kind == tOpenQ) && t.Para != titlePara {
			f.all[f.id[i]].capSeen = true
		}
	}
	for i := range toks {
		if toks[i].isCap {
			toks[i].CapSeen = f.all[f.id[i]].capSeen
		}
	}
}

// commonWord: a word of the language rather than a name.
func commonWord(t token) bool {
	if t.LowerSeen || commonLower(t.low) {
		return true
	}
	// "Car-maker", "Man-of-the-match": every part an everyday word.
	if !strings.Contains(t.low, "-") {
		return false
	}
	for _, part := range strings.Split(t.low, "-") {
		if !commonLower(part) && !openers[part] {
			return false
		}
	}
	return true
}

// cap reports a word that starts with an upper-case letter.
func (t token) cap() bool { return t.isCap }

// capWord computes cap() once, when the token is made.
func capWord(kind tokKind, text string) bool {
	if kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}

// lower is the word in lower case without an abbreviation's final period.
func (t token) lower() string { return t.low }

// lowerOf computes lower once per token: the rules ask for it many times.
func lowerOf(w string) string {
	w = strings.TrimSuffix(w, ".")
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// abbreviations keep their period so that "Mr. Brown" and "the U.S. embassy"
// do not end a sentence; the list is the news abbreviations that precede a
// name or a number, or are dates and company forms.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
	"prof", "rev", "hon", "jan", "feb", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
	"inc", "ltd", "co", "corp", "no", "vs", "etc", "jr", "sr", "mt", "ft", "cmdr", "adm",
	"maj", "supt", "insp", "det", "pres", "approx", "dept", "univ", "est", "fig", "vol",
)

// stateAbbreviations are the AP abbreviations of US states that news copy
// writes after a city ("Boise, Idaho" but "Fresno, Calif."), with the
// state each names. Keys are case-sensitive: "Ill." is Illinois, "ill."
// ends a sentence.
var stateAbbreviations = map[string]string{
	"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
	"Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
	"Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
	"Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi",
	"Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma",
	"Ore": "Oregon", "Pa": "Pennsylvania", "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia",
	"Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming",
	"N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York",
	"N.C": "North Carolina", "N.D": "North Dakota", "R.I": "Rhode Island", "S.C": "South Carolina",
	"S.D": "South Dakota", "W.Va": "West Virginia",
}

// tokenize splits one cleaned paragraph into tokens.
func tokenize(s string, para int, out []token) []token {
	first := len(out)
	out = splitTokens(s, para, out)
	for i := first; i < len(out); i++ {
		out[i].low = lowerOf(out[i].Text)
	}
	return out
}

// splitTokens is tokenize without the lower-case forms, which Entities
// sets once per spelling (internForms).
func splitTokens(s string, para int, out []token) []token {
	first := len(out)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end, kind := wordEnd(s, i)
			if w := s[i:end]; end-i > 2 && w[len(w)-1] == '.' && !strings.Contains(w[:len(w)-1], ".") &&
				stateAbbreviations[w[:len(w)-1]] != "" && !(len(out) > first && out[len(out)-1].Text == ",") {
				end-- // "Ore." keeps its period only after a comma: "Salem, Ore."; "Norbert Ore." ends a sentence
			}
			out = append(out, token{Text: s[i:end], Kind: kind, Para: para, Start: i, End: end})
			i = end
		case r == '\'' || r == '’':
			// A bare apostrophe after a plural is a possessive: "the players' union".
			if n := len(out); n > 0 && out[n-1].End == i && out[n-1].Kind == tWord && i+size+1 <= len(s) && i+size < len(s) &&
				(s[i+size] == 's' || s[i+size] == 'S') && (i+size+1 == len(s) || !isLetterAt(s, i+size+1)) {
				out = append(out, token{Text: s[i : i+size+1], Kind: tPoss, Para: para, Start: i, End: i + size + 1})
				i += size + 1
				continue
			}
			if n := len(out); n > 0 && out[n-1].End == i && strings.HasSuffix(out[n-1].Text, "s") &&
				(i+size == len(s) || !isLetterAt(s, i+size)) {
				out = append(out, token{Text: s[i : i+size], Kind: tPoss, Para: para, Start: i, End: i + size})
			} else {
				out = append(out, token{Text: s[i : i+size], Kind: tPunct, Para: para, Start: i, End: i + size})
			}
			i += size
		case r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
			kind := tCloseQ
			if r == '“' || r == '„' || r == '«' || r == '"' && openingStraight(s, i) {
				kind = tOpenQ
			}
			out = append(out, token{Text: s[i : i+size], Kind: kind, Para: para, Start: i, End: i + size})
			i += size
		case r == '.' && strings.HasPrefix(s[i:], "..."):
			out = append(out, token{Text: "...", Kind: tPunct, Para: para, Start: i, End: i + 3})
			i += 3
		default:
			out = append(out, token{Text: s[i : i+size], Kind: tPunct, Para: para, Start: i, End: i + size})
			i += size
		}
	}
	for i := first; i < len(out); i++ {
		out[i].isCap = capWord(out[i].Kind, out[i].Text)
	}
	return out
}

// openingStraight decides whether a straight double quote opens or closes:
// it opens after a space, an opening bracket or a dash, or at the start.
func openingStraight(s string, i int) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:/", prev) {
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		return i+1 < len(s) && !unicode.IsSpace(next) || prev == ':'
	}
	return false
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// wordEnd finds the end of the word or number starting at s[i]. Words keep
// inner apostrophes (don't, O'Neill) and hyphens (Jae-in, 34-year-old);
// the possessive 's is split off so names match without it; initials,
// dotted abbreviations (U.S., p.m.) and known short forms (Mr., Jan.) keep
// their periods; numbers keep decimal points and thousands commas.
func wordEnd(s string, i int) (int, tokKind) {
	kind := tWord
	if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsDigit(r) {
		kind = tNum
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if r == '\'' || r == '’' {
			if j+size < len(s) && isLetterAt(s, j+size) {
				if (s[j+size] == 's' || s[j+size] == 'S') && (j+size+1 == len(s) || !isLetterAt(s, j+size+1)) && kind == tWord {
					return j, kind // possessive or "it's": split
				}
				j += size
				continue
			}
			break
		}
		if (r == '-' || r == '‑') && j+size < len(s) {
			if n, _ := utf8.DecodeRuneInString(s[j+size:]); unicode.IsLetter(n) || unicode.IsDigit(n) {
				j += size
				continue
			}
		}
		if kind == tNum && (r == '.' || r == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	if kind == tWord && j < len(s) && s[j] == '.' {
		w := s[i:j]
		if utf8.RuneCountInString(w) == 1 {
			// An initial or a dotted abbreviation: J., U.S., p.m.
			j++
			for j+1 < len(s) && isLetterAt(s, j) && s[j+1] == '.' {
				j += 2
			}
		} else if abbreviations[strings.ToLower(w)] || stateAbbreviations[w] != "" {
			j++
		}
	}
	return j, kind
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
