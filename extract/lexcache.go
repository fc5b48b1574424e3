package extract

import (
	"strings"
	"sync"

	"byline/extract/lexicon"
)

// The rules ask the lexicon about the same few hundred words many times
// per article, and the lexicon answers by binary search over embedded
// text. A shared memo makes repeat questions a map lookup. It is bounded
// and kept in two generations: when the current one holds memoGen answers
// it becomes the old one and the one before is dropped, so a long-running
// reader never grows past a few megabytes, while the words asked about in
// every article (found in the old generation and copied forward) survive
// the turnover instead of all being looked up again. Keys are copied: the
// word is usually a slice of an article's text, which the memo must not
// keep alive.

const memoGen = 1 << 14 // two generations: at most 1<<15 answers, as before

type lexAnswer struct {
	place     lexicon.Place
	isPlace   bool
	ambiguous bool
	gender    lexicon.Gender
	isGiven   bool
	surname   bool
	common    bool // CommonWord of the lower-case form
	demonym   bool
}

var memo struct {
	sync.RWMutex
	cur, old map[string]*lexAnswer
}

// lex returns everything the lexicon knows about one exact form.
func lex(w string) *lexAnswer {
	memo.RLock()
	a, ok := memo.cur[w]
	if !ok {
		a = memo.old[w]
	}
	memo.RUnlock()
	if ok {
		return a
	}
	if a == nil {
		a = lookUp(w)
	}
	memo.Lock()
	if memo.cur == nil || len(memo.cur) >= memoGen {
		memo.old, memo.cur = memo.cur, make(map[string]*lexAnswer, 1024)
	}
	memo.cur[strings.Clone(w)] = a
	memo.Unlock()
	return a
}

// lookUp asks the lexicon everything about w.
func lookUp(w string) *lexAnswer {
	a := &lexAnswer{}
	a.place, a.isPlace = lexicon.LookupPlace(w)
	if a.isPlace {
		a.ambiguous = lexicon.Ambiguous(w)
	}
	a.gender, a.isGiven = lexicon.GivenName(w)
	a.surname = lexicon.Surname(w)
	if first, second, ok := strings.Cut(w, "-"); ok && !a.isGiven && first != "" && second != "" {
		// "Jean-Marie", "Anne-Sophie": two given names make one.
		g1, ok1 := lexicon.GivenName(foldAccents(first))
		_, ok2 := lexicon.GivenName(foldAccents(second))
		if ok1 && ok2 {
			a.gender, a.isGiven = g1, true
		}
	}
	if f := foldAccents(w); f != w {
		// The name lists are from English-language sources: "María" and
		// "Andrés" are there only as "Maria" and "Andres".
		if !a.isGiven {
			a.gender, a.isGiven = lexicon.GivenName(f)
		}
		a.surname = a.surname || lexicon.Surname(f)
	}
	a.common = lexicon.CommonWord(lowerOf(w))
	_, a.demonym = lexicon.Demonym(w)
	return a
}

func lookupPlace(name string) (lexicon.Place, bool) { a := lex(name); return a.place, a.isPlace }
func ambiguousPlace(name string) bool               { return lex(name).ambiguous }
func givenName(w string) (lexicon.Gender, bool)     { a := lex(w); return a.gender, a.isGiven }
func surname(w string) bool                         { return lex(w).surname }
func isDemonym(w string) bool                       { return lex(w).demonym }

// commonLower: CommonWord for a word already in lower case.
func commonLower(l string) bool { return lex(l).common }

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
