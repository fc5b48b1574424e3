package extract

import (
	"sync"

	"byline/extract/lexicon"
)

// The rules ask the lexicon about the same few hundred words many times
// per article, and the lexicon answers by binary search over embedded
// text. A shared memo makes repeat questions a map lookup. It is bounded:
// when it holds maxMemo answers it starts afresh, so a long-running reader
// never grows past a few megabytes.

const maxMemo = 1 << 15

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
	m map[string]*lexAnswer
}

// lex returns everything the lexicon knows about one exact form.
func lex(w string) *lexAnswer {
	memo.RLock()
	a, ok := memo.m[w]
	memo.RUnlock()
	if ok {
		return a
	}
	a = &lexAnswer{}
	a.place, a.isPlace = lexicon.LookupPlace(w)
	if a.isPlace {
		a.ambiguous = lexicon.Ambiguous(w)
	}
	a.gender, a.isGiven = lexicon.GivenName(w)
	a.surname = lexicon.Surname(w)
	a.common = lexicon.CommonWord(lowerOf(w))
	_, a.demonym = lexicon.Demonym(w)
	memo.Lock()
	if memo.m == nil || len(memo.m) >= maxMemo {
		memo.m = make(map[string]*lexAnswer, 1024)
	}
	memo.m[w] = a
	memo.Unlock()
	return a
}

func lookupPlace(name string) (lexicon.Place, bool) { a := lex(name); return a.place, a.isPlace }
func ambiguousPlace(name string) bool               { return lex(name).ambiguous }
func givenName(w string) (lexicon.Gender, bool)     { a := lex(w); return a.gender, a.isGiven }
func surname(w string) bool                         { return lex(w).surname }
func isDemonym(w string) bool                       { return lex(w).demonym }

// commonLower: CommonWord for a word already in lower case.
func commonLower(l string) bool { return lex(l).common }
