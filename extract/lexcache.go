package extract

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"byline/extract/lexicon"
)

// The rules ask the lexicon about the same few hundred words many times
// per article, and the lexicon answers by binary search over embedded
// text. A shared memo makes repeat questions one hash and one load. It is
// a fixed table of memoSlots entries, each word in the slot its hash
// picks; a new word takes the slot over. So the memo never holds more
// than memoSlots answers, however long the reader runs, and a reader
// takes no lock: articles are extracted on all cores at once, and a
// read-write mutex taken on every question was a cache line the cores
// passed back and forth. Keys are copied: the word is usually a slice of
// an article's text, which the memo must not keep alive; the lexicon is
// asked with the copy, so a word built for one question ("New " + w) does
// not escape and is made on the stack.

// memoSlots: the BBC corpus asks about 45,000 distinct forms. At 32,768
// slots a pass over it missed 40,000 times, each miss one or two binary
// searches of the lexicon (a tenth of extraction's CPU); at 65,536 it
// misses 25,000 times, for 1.3 MB more resident memory.
const memoSlots = 1 << 16

// memoWays is how many slots a form may sit in.
const memoWays = 4

type memoEntry struct {
	key string
	lexAnswer
}

var (
	memo     [memoSlots]atomic.Pointer[memoEntry]
	memoSeed = maphash.MakeSeed()
)

// lex returns the memo entry of one exact form.
//
// A form may sit in any of the memoWays slots of the set its hash picks
// (adjacent slots, one cache line): forms of one pass that share a slot
// no longer take it from each other in turn. A new form takes the first
// slot and moves the others down, dropping the oldest. With four ways a
// pass over the BBC corpus misses 13,800 times instead of 25,000.
func lex(w string) *memoEntry {
	set := memo[maphash.String(memoSeed, w)&(memoSlots-memoWays):][:memoWays]
	for i := range set {
		if e := set[i].Load(); e != nil && e.key == w {
			return e
		}
	}
	// Two goroutines that miss the same word at once each store an
	// entry; one is kept, and both give the same answers.
	e := &memoEntry{key: strings.Clone(w)}
	for i := len(set) - 1; i > 0; i-- {
		set[i].Store(set[i-1].Load())
	}
	set[0].Store(e)
	return e
}

// lexAnswer is what the lexicon says about one exact form, each question
// asked only when a rule asks it: on the BBC corpus a form is asked about
// 1.9 of the six things on average (lower-case words only whether they
// are common, most spans only whether they are places), and each answer
// is a binary search over an embedded list. Articles are extracted on
// several goroutines at once, so answers are published atomically; two
// goroutines that ask the same new question both look it up and store
// the same answer.
type lexAnswer struct {
	bits  atomic.Uint32               // known and answer bits, below
	place atomic.Pointer[placeAnswer] // nil until asked
}

type placeAnswer struct {
	place     lexicon.Place
	isPlace   bool
	ambiguous bool
}

// notAPlace is shared by every form the gazetteer does not know.
var notAPlace = &placeAnswer{}

const (
	knowGiven uint32 = 1 << iota
	knowSurname
	knowCommon
	knowDemonym
	isGiven
	isSurname
	isCommon
	isDemonymBit
	genderShift = 16 // the lexicon.Gender of a given name
)

// placeOf answers LookupPlace (and Ambiguous) for the form of e.
func (e *memoEntry) placeOf() *placeAnswer {
	a, w := &e.lexAnswer, e.key
	if p := a.place.Load(); p != nil {
		return p
	}
	p := notAPlace
	if place, ok := lexicon.LookupPlace(w); ok {
		p = &placeAnswer{place: place, isPlace: true, ambiguous: lexicon.Ambiguous(w)}
	}
	a.place.Store(p)
	return p
}

// given answers GivenName for the form of e, with hyphenated and
// accented forms of names the lists have.
func (e *memoEntry) given() (lexicon.Gender, bool) {
	a, w := &e.lexAnswer, e.key
	bits := a.bits.Load()
	if bits&knowGiven == 0 {
		gender, ok := lexicon.GivenName(w)
		if first, second, cut := strings.Cut(w, "-"); cut && !ok && first != "" && second != "" {
			// "Jean-Marie", "Anne-Sophie": two given names make one.
			g1, ok1 := lexicon.GivenName(foldAccents(first))
			_, ok2 := lexicon.GivenName(foldAccents(second))
			if ok1 && ok2 {
				gender, ok = g1, true
			}
		}
		if f := foldAccents(w); f != w && !ok {
			// The name lists are from English-language sources: "María"
			// and "Andrés" are there only as "Maria" and "Andres".
			gender, ok = lexicon.GivenName(f)
		}
		bits = knowGiven | uint32(gender)<<genderShift
		if ok {
			bits |= isGiven
		}
		a.bits.Or(bits)
	}
	return lexicon.Gender(bits >> genderShift), bits&isGiven != 0
}

// flag answers one yes-or-no question about the form of e, asking the
// lexicon the first time.
func (e *memoEntry) flag(know, yes uint32) bool {
	a, w := &e.lexAnswer, e.key
	bits := a.bits.Load()
	if bits&know == 0 {
		var ok bool
		switch know {
		case knowSurname:
			ok = lexicon.Surname(w)
			if f := foldAccents(w); f != w {
				ok = ok || lexicon.Surname(f)
			}
		case knowCommon:
			ok = lexicon.CommonWord(lowerOf(w))
		case knowDemonym:
			_, ok = lexicon.Demonym(w)
		}
		bits = know
		if ok {
			bits |= yes
		}
		a.bits.Or(bits)
	}
	return bits&yes != 0
}

// The rules ask about the article's words by token, each spelling six
// times per article on average (990,000 questions over the BBC corpus for
// 150,000 spellings of single articles). A question to the memo is a
// hash and three loads from a table too large to stay in the core's
// cache; the spelling keeps the entries it was given (form.lx, lxLow), so
// a repeat question is a pointer load from memory the article is using.

// lexText is lex(t.Text), asked of the memo once per spelling.
func (t *token) lexText() *memoEntry {
	fm := t.fm
	if fm == nil {
		return lex(t.Text)
	}
	if fm.lx == nil {
		fm.lx = lex(t.Text)
	}
	return fm.lx
}

// lexLow is lex(t.low), asked of the memo once per spelling.
func (t *token) lexLow() *memoEntry {
	fm := t.fm
	if fm == nil {
		return lex(t.low)
	}
	if fm.lowerWord { // the spelling is its own lower case
		return t.lexText()
	}
	if fm.lxLow == nil {
		fm.lxLow = lex(fm.low)
	}
	return fm.lxLow
}

// The questions of the rules, asked of one memo entry.

func (e *memoEntry) knownName() bool {
	_, ok := e.given()
	return ok
}
func (e *memoEntry) surname() bool { return e.flag(knowSurname, isSurname) }
func (e *memoEntry) demonym() bool { return e.flag(knowDemonym, isDemonymBit) }
func (e *memoEntry) common() bool  { return e.flag(knowCommon, isCommon) }
func (e *memoEntry) lookupPlace() (lexicon.Place, bool) {
	p := e.placeOf()
	return p.place, p.isPlace
}

// The same questions asked of a token: t.knownName() is knownName(t.Text),
// t.commonLow() is commonLower(t.low).

func (t *token) givenName() (lexicon.Gender, bool) { return t.lexText().given() }
func (t *token) knownName() bool                   { return t.lexText().knownName() }
func (t *token) surname() bool                     { return t.lexText().surname() }
func (t *token) demonym() bool                     { return t.lexText().demonym() }
func (t *token) place() (lexicon.Place, bool)      { return t.lexText().lookupPlace() }
func (t *token) isPlace() bool                     { return t.lexText().placeOf().isPlace }
func (t *token) ambiguousPlace() bool              { return t.lexText().placeOf().ambiguous }
func (t *token) commonLow() bool                   { return t.lexLow().common() }

func lookupPlace(name string) (lexicon.Place, bool) { return lex(name).lookupPlace() }
func ambiguousPlace(name string) bool               { return lex(name).placeOf().ambiguous }
func givenName(w string) (lexicon.Gender, bool)     { return lex(w).given() }
func surname(w string) bool                         { return lex(w).surname() }
func isDemonym(w string) bool                       { return lex(w).demonym() }

// commonLower: CommonWord for a word already in lower case.
func commonLower(l string) bool { return lex(l).common() }

// commonOf: CommonWord for the lower case of w.
func commonOf(w string) bool { return lex(w).common() }

// accentFold maps the accented Latin letters of European names to their
// base letters.
var accentFold = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "é", "e", "è", "e", "ê", "e",
	"ë", "e", "í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "o",
	"õ", "o", "ø", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u", "ñ", "n", "ç", "c", "ý", "y",
	"Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U", "Ö", "O", "Ü", "U", "Ø", "O", "Å", "A",
	"Ä", "A", "Ç", "C", "È", "E", "Ñ", "N", "š", "s", "Š", "S", "č", "c", "Č", "C", "ž", "z",
	"Ž", "Z", "ć", "c", "ł", "l", "Ł", "L", "ś", "s", "Ś", "S", "ń", "n", "ę", "e", "ą", "a",
	"ř", "r", "ğ", "g", "ı", "i", "ş", "s", "Ş", "S", "İ", "I",
)

// foldAccents returns w with accents removed; ASCII words come back as
// they are, without allocating.
func foldAccents(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return accentFold.Replace(w)
		}
	}
	return w
}
