package extract

// markSentences numbers the sentences of the token stream. A sentence ends
// at . ! ? or … (after any closing quotes and brackets) when the next token
// looks like a beginning: a capital, a number or an opening quote. A
// paragraph always starts a sentence. Abbreviations and initials carry their
// period inside the word token, so "Mr. Brown" and "George W. Bush" never
// split; a dotted abbreviation such as "U.S." ends a sentence only when the
// next word is a common sentence opener ("in the U.S. The talks…").
func markSentences(toks []token, isOpener func(string) bool) {
	sent := 0
	newSent := true
	for i := range toks {
		if i > 0 && toks[i].Para != toks[i-1].Para {
			newSent = true
		}
		if newSent {
			if i > 0 {
				sent++
			}
			newSent = false
			for j := i; j < len(toks); j++ { // the first word after opening marks
				if toks[j].Kind == tWord || toks[j].Kind == tNum {
					toks[j].SentStart = true
					break
				}
				if toks[j].Kind != tOpenQ && toks[j].Text != "(" && toks[j].Text != "-" {
					break
				}
			}
		}
		toks[i].Sent = sent
		if !plainToken(&toks[i]) && endsSentence(toks, i, isOpener) {
			newSent = true
		}
	}
}

// endsSentence reports whether a sentence ends after toks[i] (including
// the closing marks that follow its terminal punctuation).
func endsSentence(toks []token, i int, isOpener func(string) bool) bool {
	// Pointers, not copies: this runs on every token.
	t := &toks[i]
	if i+1 >= len(toks) || toks[i+1].Para != t.Para {
		return false // the paragraph break does it
	}
	j := i
	next := &toks[i+1]
	switch {
	case t.Kind == tCloseQ || t.Text == ")":
		// ."  or .)  — look back through the closing marks for the stop.
		for j > 0 && (toks[j].Kind == tCloseQ || toks[j].Text == ")") {
			j--
		}
		if j == i || toks[j].Para != t.Para || !isStop(&toks[j]) {
			return false
		}
	case isStop(t):
		if next.Kind == tCloseQ || next.Text == ")" {
			return false // the closing mark belongs to this sentence
		}
	case t.Kind == tWord && len(t.Text) > 3 && t.Text[len(t.Text)-1] == '.' && t.Text[len(t.Text)-3] == '.',
		t.Kind == tWord && len(t.Text) > 2 && t.Text[len(t.Text)-1] == '.' && stateAbbreviations[t.Text[:len(t.Text)-1]] != "":
		// U.S. / p.m. / Calif. at the end of a sentence.
		return next.cap() && isOpener(next.lower())
	default:
		return false
	}
	return next.cap() || next.Kind == tNum || next.Kind == tOpenQ || next.Text == "("
}

// plainToken: a number, or a word without a final period — most tokens,
// which endsSentence would look at and around only to say no.
func plainToken(t *token) bool {
	return t.Kind == tNum || t.Kind == tWord && t.Text[len(t.Text)-1] != '.'
}

func isStop(t *token) bool {
	return t.Kind == tPunct && (t.Text == "." || t.Text == "!" || t.Text == "?" || t.Text == "..." || t.Text == "…")
}
