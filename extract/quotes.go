package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteSpan is one direct quotation inside one paragraph. A quotation that
// runs over several paragraphs (each reopened with a quote mark, the
// closing mark only at the end) gives one span per paragraph: editors and
// the evaluation count them apart, and Continues ties them for attribution.
type quoteSpan struct {
	Open      int // token index of the opening mark
	End       int // token index of the closing mark, or one past the last quoted token
	Para      int
	Text      string
	Partial   bool
	Continues bool // carries on from the previous paragraph's unclosed quote
	Speaker   string
	spk       int  // person index of the speaker, -1 when none or an organisation
	inherited bool // the speaker was taken from the quote before

	// Why the speaker is who it is, for `byline extract --explain`: the
	// sieve (and phrase resolver) that decided, and the words it keyed on.
	speakerRule string
	speakerCue  string
}

// findQuotes pairs quote marks and marks each token with the quote that
// holds it. Titles of works and scare quotes are dropped (their tokens are
// left outside any quote, so names in them are seen as names of works).
func findQuotes(paras []paragraph, toks []token) []quoteSpan {
	kept := pairQuotes(paras, toks)
	n := 0
	for _, q := range kept {
		q.Partial = isPartial(toks, q)
		if isTitleOfWork(toks, q) || nameInQuotes(toks, q) {
			// Names inside a title ("Down by the Sally Gardens") are part
			// of the work, not people or places of the story.
			for i := q.Open + 1; i < q.End && i < len(toks); i++ {
				toks[i].Work = true
			}
			continue
		}
		if isScareQuote(toks, q) {
			continue
		}
		kept[n] = q
		n++
	}
	kept = kept[:n]
	for n, q := range kept {
		for i := q.Open + 1; i < q.End && i < len(toks); i++ {
			toks[i].Quote = n + 1
		}
	}
	return kept
}

// pairQuotes pairs opening and closing marks into quotes, one per
// paragraph: a paragraph break ends a quote left open.
func pairQuotes(paras []paragraph, toks []token) []quoteSpan {
	var qs []quoteSpan
	open := -1
	prevUnclosedPara := -1
	finish := func(end int, closed bool) {
		q := quoteSpan{Open: open, End: end, Para: toks[open].Para, spk: -1}
		text := paras[q.Para].Text
		stop := len(text)
		if end < len(toks) && toks[end].Para == q.Para {
			stop = toks[end].Start
		}
		q.Text = strings.TrimSpace(text[toks[open].End:stop])
		q.Continues = prevUnclosedPara >= 0 && prevUnclosedPara == q.Para-1 && firstInPara(toks, open)
		if closed {
			prevUnclosedPara = -1
		} else {
			prevUnclosedPara = q.Para
		}
		open = -1
		if q.Text == "" || paras[q.Para].Number == 0 {
			return
		}
		qs = append(qs, q)
	}
	for i := range toks {
		t := &toks[i]
		if open >= 0 && t.Para != toks[open].Para {
			finish(i, false)
		}
		switch t.Kind {
		case tOpenQ:
			if open >= 0 {
				finish(i, false)
			}
			open = i
		case tCloseQ:
			if open >= 0 {
				finish(i, true)
			}
		}
	}
	if open >= 0 {
		finish(len(toks), false)
	}
	return qs
}

func firstInPara(toks []token, i int) bool {
	return i == 0 || toks[i-1].Para != toks[i].Para
}

// isPartial: a fragment woven into the writer's own sentence — the quote
// follows a word of the same sentence rather than its start, a colon or a
// comma, or it begins in lower case.
func isPartial(toks []token, q quoteSpan) bool {
	if q.Open+1 < len(toks) {
		if r, _ := utf8.DecodeRuneInString(q.Text); unicode.IsLower(r) {
			return true
		}
	}
	if q.Open == 0 || toks[q.Open-1].Para != q.Para || toks[q.Open-1].Sent != toks[q.Open].Sent {
		return false
	}
	p := toks[q.Open-1]
	return p.Kind == tWord || p.Kind == tNum
}

// workCues are nouns that announce the title of a work in quotes.
var workCues = setOf("film", "movie", "album", "single", "song", "track", "hit", "book", "novel",
	"show", "series", "programme", "program", "play", "musical", "opera", "titled", "entitled",
	"called", "dubbed", "named", "sitcom", "drama", "documentary", "episode", "game", "poem",
	"painting", "exhibition", "campaign", "slogan", "ballad", "anthem", "label", "brand", "version")

// isTitleOfWork recognises titles of films, songs, books and shows: short,
// every main word capitalised, no clause punctuation. A speech verb just
// before the quote ("she said: 'Thank You'") would make it speech; a work
// noun just before makes a title even in lower case.
func isTitleOfWork(toks []token, q quoteSpan) bool {
	words, caps, ok := titleWords(toks, q)
	if !ok || words == 0 || words > 10 {
		return false
	}
	cue := false
	for i := q.Open - 1; i >= 0 && i >= q.Open-4 && toks[i].Para == q.Para; i-- {
		if workCues.has(toks[i].lower()) {
			cue = true
		}
		// A naming verb before a Title Case quote gives a name ("calls
		// 'Apple Intelligence'"); before a phrase it reports words
		// ("called the book 'a flood of a novel'").
		if toks[i].speechVerb() != 0 && !(namingVerbs.has(toks[i].low) && caps == words) {
			return false
		}
	}
	if caps == words && (words >= 2 || cue) {
		return true
	}
	if q.Partial && words >= 3 && foreignWords(toks, q)*2 > words {
		// "published in Spanish as 'El río lleva sus propias cuentas'":
		// words mostly outside English are a title or a phrase in
		// another language, not speech reported in English.
		return true
	}
	return cue && words <= 6 && q.Partial
}

// titleWords counts the words of a quote and those written as in a title
// (capitalised, a number, or a small word after the first); ok is false
// when clause punctuation inside it makes it no title.
func titleWords(toks []token, q quoteSpan) (words, caps int, ok bool) {
	for i := q.Open + 1; i < q.End && i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case tPunct:
			if strings.ContainsAny(t.Text, ",.;:?!") && i != q.End-1 {
				return 0, 0, false
			}
		case tWord, tNum:
			words++
			if t.cap() || t.Kind == tNum || smallTitleWords.has(t.lower()) && i != q.Open+1 {
				caps++
			}
		}
	}
	return words, caps, true
}

// foreignWords counts the words of a quote that are not English words.
func foreignWords(toks []token, q quoteSpan) int {
	n := 0
	for i := q.Open + 1; i < q.End && i < len(toks); i++ {
		if t := toks[i]; t.Kind == tWord && !t.commonLow() && !openers.has(t.low) {
			n++
		}
	}
	return n
}

// namingVerbs give a name rather than report speech: features "it calls
// 'Apple Intelligence'", a plan "dubbed 'Operation Sunrise'".
var namingVerbs = setOf("calls", "called", "dubbed", "dubs", "named", "names", "branded", "brands", "titled")

// smallTitleWords stay in lower case inside titles ("Beyond the Sea").
var smallTitleWords = setOf("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
	"but", "with", "from", "by", "is", "as", "vs", "into", "upon")

// isScareQuote drops one- to three-word fragments used to distance the
// writer from a term ("the so-called 'reform'") when no speech verb in the
// sentence says someone used the words.
func isScareQuote(toks []token, q quoteSpan) bool {
	if !q.Partial {
		return false
	}
	words := 0
	for i := q.Open + 1; i < q.End && i < len(toks); i++ {
		if toks[i].Kind == tWord || toks[i].Kind == tNum {
			words++
		}
	}
	if words > 3 {
		return false
	}
	sent := toks[q.Open].Sent
	for i := q.Open - 1; i >= 0 && toks[i].Sent == sent && i >= q.Open-8; i-- {
		if toks[i].speechVerb() != 0 || toks[i].lower() == "according" {
			return false
		}
	}
	for i := q.End + 1; i < len(toks) && toks[i].Sent == sent && i < q.End+4; i++ {
		if toks[i].speechVerb() != 0 {
			return false
		}
	}
	return true
}

// nameInQuotes: a short Title Case quote used as a name — in front of a
// noun ('the "Pose" actor', 'its "Starts Here" campaign') or after "on"
// or "in" at the end of a clause ('said on "DWTS."'). Words someone said
// do not sit between a determiner and a noun.
func nameInQuotes(toks []token, q quoteSpan) bool {
	words, caps, ok := titleWords(toks, q)
	if !ok || words == 0 || words > 4 || caps != words || q.Open == 0 || !toks[q.Open+1].cap() {
		return false
	}
	prev := toks[q.Open-1]
	if prev.Para != q.Para {
		return false
	}
	var next *token
	if q.End+1 < len(toks) && toks[q.End+1].Para == q.Para {
		next = &toks[q.End+1]
	}
	switch prev.low {
	case "the", "a", "an", "his", "her", "its", "their", "our":
		return next != nil && next.Kind == tWord && !next.cap() && !openers.has(next.low) &&
			!auxiliaries.has(next.low) && speechVerbs[next.low] == 0
	case "on", "in":
		return words <= 2 && (next == nil || next.Kind == tPunct || isStop(&toks[q.End-1]))
	}
	return prev.Kind == tPoss && next != nil && next.Kind == tWord && !next.cap() && !openers.has(next.low)
}
