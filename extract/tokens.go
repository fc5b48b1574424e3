package extract

import (
	"slices"
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
	// explain: the article is being explained, so the rules record why
	// they decided (Explain); never set by Entities.
	explain bool
	// fm is the word's spelling, which keeps what the lexicon said about
	// it (lexcache.go); nil for marks, numbers and tokens made without
	// internForms.
	fm *form
}

// forms numbers the distinct spellings of an article's words, so that
// what depends only on the spelling (the lower-case form, whether the
// article also writes it in lower case or capitalised mid-sentence) is
// worked out once per spelling with one hash lookup per word, instead of
// a ToLower and several map operations per token.
type forms struct {
	// all are the spellings, in the order the article first uses them;
	// each word token points at its own (token.fm).
	all []form
	// slots is an open-addressing hash table of the spellings (1 + index
	// in all; 0 is empty), at most half full. For a thousand short
	// keys each asked once it is cheaper than a map[string]int32, which
	// was the largest single cost of numbering.
	slots []int32
	shift uint
	// buf and lowAt are internForms' scratch, kept for the next article.
	buf   []byte
	lowAt []int32
}

type form struct {
	low       string
	text      string
	lowerWord bool // the spelling is in lower case
	lowerSeen bool // LowerSeen for the tokens of this spelling
	capSeen   bool // CapSeen for the capitalised tokens of this spelling
	// lx and lxLow are the memo entries of text and low, set when a rule
	// first asks (token.lexText, token.lexLow).
	lx, lxLow *memoEntry
	// speech is 1 + speechVerbs[low], 0 until asked (token.speechVerb).
	speech uint8
}

// slot returns where w is or would go in the table.
func (f *forms) slot(w string) int {
	// Four bytes at a time, each step a multiply by an odd constant that
	// carries the low bits up; the top bits index. Byte-wise FNV was a
	// quarter of numbering the spellings: every word is hashed.
	h := uint32(len(w))
	i := 0
	for ; i+4 <= len(w); i += 4 {
		h = (h ^ (uint32(w[i]) | uint32(w[i+1])<<8 | uint32(w[i+2])<<16 | uint32(w[i+3])<<24)) * 0x9E3779B1
		h ^= h >> 15
	}
	for ; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 0x9E3779B1
	}
	mask := len(f.slots) - 1
	for i := int((h * 0x9E3779B1) >> f.shift); ; i = (i + 1) & mask {
		if k := f.slots[i]; k == 0 || f.all[k-1].text == w {
			return i
		}
	}
}

// internForms sets the lower-case form of every token, numbers the
// spellings of words and sets LowerSeen on capitalised words whose
// lower-case form the article uses elsewhere ("Talks on…" / "the talks").
func internForms(toks []token, f *forms) {
	f.reset(len(toks))
	f.number(toks)
	f.cutLowers()
	f.markLowerSeen()
	for i := range toks {
		if fm := toks[i].fm; fm != nil {
			toks[i].low = fm.low
			if !fm.lowerWord {
				toks[i].LowerSeen = fm.lowerSeen
			}
		}
	}
}

// reset empties f for an article of n tokens, keeping its memory: the
// hash table is sized to stay at most half full.
func (f *forms) reset(n int) {
	// Room for a spelling per token, so that appending never moves the
	// forms number points the tokens at.
	f.all = slices.Grow(f.all[:0], n)
	f.shift = 32 - 6
	for 1<<(32-f.shift) < 2*n {
		f.shift--
	}
	if size := 1 << (32 - f.shift); cap(f.slots) >= size {
		f.slots = f.slots[:size]
		clear(f.slots)
	} else {
		f.slots = make([]int32, size)
	}
}

// number points each word token at its spelling, adding the spellings
// not seen before, and sets the lower-case form of the other tokens.
//
// The lower-case forms that differ from the spelling are written one
// after another into f.buf and cut from a single string afterwards
// (cutLowers): one allocation instead of a ToLower string per capitalised
// spelling. f.lowAt[k] is where form k's lower case ends in f.buf (0: the
// spelling itself, or the spelling without its final period, is the
// answer).
func (f *forms) number(toks []token) {
	buf, lowAt := f.buf[:0], f.lowAt[:0]
	for i := range toks {
		t := &toks[i]
		if t.Kind != tWord {
			// Marks and numbers are never looked up by spelling.
			t.low = lowerOf(t.Text)
			t.fm = nil
			continue
		}
		at := f.slot(t.Text)
		k := f.slots[at] - 1
		if k < 0 {
			k = int32(len(f.all))
			f.slots[at] = k + 1
			w := strings.TrimSuffix(t.Text, ".")
			end := int32(0)
			if needsLower(w) {
				buf = appendLower(buf, w)
				end = int32(len(buf))
			}
			f.all = append(f.all, form{low: w, text: t.Text})
			lowAt = append(lowAt, end)
		}
		t.fm = &f.all[k]
	}
	f.buf, f.lowAt = buf, lowAt
}

// cutLowers sets each spelling's lower-case form from the one string of
// f.buf, and whether the spelling is already in lower case.
func (f *forms) cutLowers() {
	lows := string(f.buf)
	start := int32(0)
	for k := range f.all {
		fm := &f.all[k]
		if end := f.lowAt[k]; end > 0 {
			fm.low = lows[start:end]
			start = end
		}
		fm.lowerWord = fm.low == fm.text
	}
}

// markLowerSeen sets LowerSeen per spelling: the lower-case form is
// itself the spelling of a word of the article.
func (f *forms) markLowerSeen() {
	for k := range f.all {
		if fm := &f.all[k]; !fm.lowerWord {
			if j := f.slots[f.slot(fm.low)] - 1; j >= 0 {
				fm.lowerSeen = f.all[j].lowerWord
			}
		}
	}
}

// markCapSeen sets CapSeen on words that the article capitalises at least
// once away from a sentence start (run after markSentences). The headline,
// often in title case, is paragraph titlePara (-1 when there is none).
func (f *forms) markCapSeen(toks []token, titlePara int) {
	for i := range toks {
		if t := &toks[i]; t.isCap && !t.SentStart && !(i > 0 && toks[i-1].Kind == tOpenQ) && t.Para != titlePara {
			t.fm.capSeen = true
		}
	}
	for i := range toks {
		if toks[i].isCap {
			toks[i].CapSeen = toks[i].fm.capSeen
		}
	}
}

// commonWord: a word of the language rather than a name.
func commonWord(t token) bool {
	if t.LowerSeen || t.commonLow() {
		return true
	}
	// "Car-maker", "Man-of-the-match": every part an everyday word.
	if !strings.Contains(t.low, "-") {
		return false
	}
	for _, part := range strings.Split(t.low, "-") {
		if !commonLower(part) && !openers.has(part) {
			return false
		}
	}
	return true
}

// speechVerb is speechVerbs[t.low], looked up once per spelling: the
// attribution rules ask it of most words near a quote or a name.
func (t *token) speechVerb() uint8 {
	fm := t.fm
	if fm == nil {
		return speechVerbs[t.low]
	}
	if fm.speech == 0 {
		fm.speech = 1 + speechVerbs[fm.low]
	}
	return fm.speech - 1
}

// cap reports a word that starts with an upper-case letter.
func (t *token) cap() bool { return t.isCap }

// capWord computes cap() once, when the token is made.
func capWord(kind tokKind, text string) bool {
	if kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}

// lower is the word in lower case without an abbreviation's final period.
func (t *token) lower() string { return t.low }

// lowerOf computes lower once per token: the rules ask for it many times.
func lowerOf(w string) string {
	w = strings.TrimSuffix(w, ".")
	if needsLower(w) {
		return strings.ToLower(w)
	}
	return w
}

// needsLower: w has an upper-case ASCII letter or a non-ASCII byte, so
// lowerOf asks strings.ToLower.
func needsLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// appendLower appends strings.ToLower(w) to buf, without allocating a
// string when w is ASCII.
func appendLower(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
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
		if s[i] == ' ' {
			i++ // the commonest byte between tokens, without decoding
			continue
		}
		if asciiAlnum[s[i]] {
			out, i = appendWord(s, i, para, out, first) // most tokens, without decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out, i = appendWord(s, i, para, out, first)
		case (r == '\'' || r == '’' || r == '‘') && strings.HasPrefix(s[i+size:], s[i:i+size]):
			out, i = appendDoubledMark(s, i, size, r, para, out)
		case r == '\'' || r == '’':
			out, i = appendApostrophe(s, i, size, para, out)
		case isDoubleQuoteMark(r):
			out = append(out, token{Text: s[i : i+size], Kind: quoteMarkKind(s, i, r), Para: para, Start: i, End: i + size})
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

// appendWord appends the word or number at s[i] and returns where it
// ends. out[first:] are the paragraph's tokens so far.
func appendWord(s string, i, para int, out []token, first int) ([]token, int) {
	end, kind := wordEnd(s, i)
	// The period first: few words end in one, and the call is a third of
	// the cost of reading a word.
	if s[end-1] == '.' && stateAbbrevEndsSentence(s[i:end], out[first:]) {
		end--
	}
	return append(out, token{Text: s[i:end], Kind: kind, Para: para, Start: i, End: end}), end
}

// stateAbbrevEndsSentence: w is a state's abbreviation with its period
// ("Ore.") not after a comma. It keeps its period only after a comma
// ("Salem, Ore."); "Norbert Ore." ends a sentence. before are the
// paragraph's tokens before w.
func stateAbbrevEndsSentence(w string, before []token) bool {
	return len(w) > 2 && w[len(w)-1] == '.' && !strings.Contains(w[:len(w)-1], ".") &&
		stateAbbreviations[w[:len(w)-1]] != "" && !(len(before) > 0 && before[len(before)-1].Text == ",")
}

// appendDoubledMark appends a quote mark written as two apostrophes of
// size bytes each (‘‘…’’, ’’…’’, or two straight ones), as wire copy does: they pair like
// double quotes. It returns the index after the mark.
func appendDoubledMark(s string, i, size int, r rune, para int, out []token) ([]token, int) {
	kind := tCloseQ
	if r == '‘' || doubledOpens(s, i, 2*size) {
		kind = tOpenQ
	}
	return append(out, token{Text: s[i : i+2*size], Kind: kind, Para: para, Start: i, End: i + 2*size}), i + 2*size
}

// appendApostrophe appends a lone apostrophe of size bytes at s[i] that
// is not inside a word, and returns the index after what it took: the
// possessive 's when a word ends at the apostrophe, a bare possessive
// after a plural ("the players' union"), or else a mark.
func appendApostrophe(s string, i, size, para int, out []token) ([]token, int) {
	n := len(out)
	joined := n > 0 && out[n-1].End == i
	if joined && out[n-1].Kind == tWord && possessiveS(s, i+size) {
		return append(out, token{Text: s[i : i+size+1], Kind: tPoss, Para: para, Start: i, End: i + size + 1}), i + size + 1
	}
	kind := tPunct
	if joined && strings.HasSuffix(out[n-1].Text, "s") && (i+size == len(s) || !isLetterAt(s, i+size)) {
		kind = tPoss
	}
	return append(out, token{Text: s[i : i+size], Kind: kind, Para: para, Start: i, End: i + size}), i + size
}

func isDoubleQuoteMark(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»'
}

// quoteMarkKind: whether the double quote mark r at s[i] opens or closes
// a quote. Curly and guillemet marks say so themselves; a straight one
// is read from what is around it.
func quoteMarkKind(s string, i int, r rune) tokKind {
	if r == '“' || r == '„' || r == '«' || r == '"' && openingStraight(s, i) {
		return tOpenQ
	}
	return tCloseQ
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

// doubledOpens: a doubled mark of n bytes at s[i] opens a quote when it
// starts the text or follows a space, a bracket or a dash, and a word
// follows it.
func doubledOpens(s string, i, n int) bool {
	if i+n >= len(s) {
		return false
	}
	if next, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsSpace(next) {
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:/", prev)
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
	if c := s[i]; c < utf8.RuneSelf {
		if '0' <= c && c <= '9' {
			kind = tNum
		}
	} else if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsDigit(r) {
		kind = tNum
	}
	j := i
	for j < len(s) {
		// ASCII letters and digits first: the Unicode tests in wordGoesOn
		// cost a table search for the space or mark that ends nearly
		// every word (no ASCII character is a combining mark).
		if c := s[j]; asciiAlnum[c] {
			j++
			continue
		} else if c == ' ' {
			break // how most words end, decided without a call
		}
		n := wordGoesOn(s, j, kind)
		if n == 0 {
			break
		}
		j += n
	}
	if kind == tWord {
		j = keepAbbrevPeriod(s, i, j)
	}
	return j, kind
}

// asciiAlnum marks the ASCII letters and digits: one load per byte of
// every word, where the range tests were twice the instructions.
var asciiAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordGoesOn returns how many bytes from s[j], which is not an ASCII
// letter or digit, still belong to the word or number being read: a
// letter, digit or combining mark of another script, an inner apostrophe
// or hyphen, or a number's decimal point or thousands comma. It returns 0
// where the word ends.
func wordGoesOn(s string, j int, kind tokKind) int {
	r, size := utf8.DecodeRuneInString(s[j:])
	switch {
	case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
		return size
	case r == '\'' || r == '’':
		return innerApostrophe(s, j, size, kind)
	case (r == '-' || r == '‑') && j+size < len(s):
		if n, _ := utf8.DecodeRuneInString(s[j+size:]); unicode.IsLetter(n) || unicode.IsDigit(n) {
			return size
		}
	case kind == tNum && (r == '.' || r == ','):
		if j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			return 1
		}
	}
	return 0
}

// innerApostrophe returns size when the apostrophe of size bytes at s[j]
// sits inside a word (don't, O'Neill), and 0 when it ends the word: no
// letter follows, or it opens the possessive 's (or "it's") of a word,
// which is split off so that names match without it.
func innerApostrophe(s string, j, size int, kind tokKind) int {
	if j+size >= len(s) || !isLetterAt(s, j+size) {
		return 0
	}
	if kind == tWord && possessiveS(s, j+size) {
		return 0
	}
	return size
}

// possessiveS: s[k] is the s of a possessive 's, an s or S that ends the
// word.
func possessiveS(s string, k int) bool {
	return k < len(s) && (s[k] == 's' || s[k] == 'S') && (k+1 == len(s) || !isLetterAt(s, k+1))
}

// keepAbbrevPeriod returns the end of the word s[i:j] with the period that
// follows it when the period belongs to it rather than to the sentence: an
// initial or a dotted abbreviation (J., U.S., p.m.), or a known short form
// (Mr., Jan., Calif.).
func keepAbbrevPeriod(s string, i, j int) int {
	if j >= len(s) || s[j] != '.' {
		return j
	}
	w := s[i:j]
	if utf8.RuneCountInString(w) == 1 {
		j++
		for j+1 < len(s) && isLetterAt(s, j) && s[j+1] == '.' {
			j += 2
		}
	} else if inLower(abbreviations, w) || stateAbbreviations[w] != "" {
		j++
	}
	return j
}

// inLower is set.has(strings.ToLower(w)) without making the lower-case
// string for a short ASCII word, the usual case: a map indexed with
// string(bytes) does not allocate, and the rules ask about capitalised
// words often enough that the ToLower strings were a fifth of the
// allocations of an extraction.
func inLower(set *wordSet, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set.has(strings.ToLower(w))
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set.has(strings.ToLower(w))
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if len(w) == 0 {
		return set.m[""]
	}
	if !set.mayHave(buf[0], buf[len(w)-1], len(w)) {
		return false
	}
	return set.m[string(buf[:len(w)])]
}

// wordSet is a fixed set of words. The rules ask several sets about
// nearly every word, and nearly every answer is no; a map must hash the
// whole word to say so, which made these lookups the largest cost of an
// extraction. A bit per (first byte, last byte, length) answers almost
// all the noes at once.
type wordSet struct {
	m     map[string]bool
	shape [256]uint64 // shape[ends(w)] has bit min(len(w), 63) for each word
}

func setOf(words ...string) *wordSet {
	s := &wordSet{m: make(map[string]bool, len(words))}
	for _, w := range words {
		s.m[w] = true
		if w != "" {
			s.shape[ends(w[0], w[len(w)-1])] |= 1 << min(len(w), 63)
		}
	}
	return s
}

// ends mixes a word's first and last bytes into a shape index.
func ends(first, last byte) byte { return first + 31*last }

// mayHave: some word of the set is n bytes long and has these ends.
func (s *wordSet) mayHave(first, last byte, n int) bool {
	return s.shape[ends(first, last)]&(1<<min(n, 63)) != 0
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	if w == "" {
		return s.m[""]
	}
	if !s.mayHave(w[0], w[len(w)-1], len(w)) {
		return false
	}
	return s.m[w]
}
