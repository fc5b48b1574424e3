package store

import (
	"bytes"
	"database/sql/driver"
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"modernc.org/sqlite"
)

// The search index keeps, for each word, only which articles have it
// (FTS5 detail=none, migration search_detail_none): a third of the size of
// an index of every word's positions, which was the library's largest
// table. A phrase is then found in two steps: the index gives the articles
// with all of its words, and phraseFunc checks, for those, that the words
// stand together in the title, the body or the notes. The index and the
// check split text into words the same way: letters, digits and private-use
// characters make words (unicode61's rule), compared without case or
// diacritics.

// phraseFunc is the SQL function byline_phrase(words, title, body, notes):
// 1 when words, as searchWords made them, appear one after another in one
// of the three; body may be packed.
const phraseFunc = "byline_phrase"

// phraseChecks counts byline_phrase's calls, one per article a query asks
// about (tests hold a count to one call per article).
var phraseChecks atomic.Int64

// phraseReads counts the calls that read the article rather than find the
// answer in phraseMemo.
var phraseReads atomic.Int64

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(phraseFunc, 4, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		phraseChecks.Add(1)
		want, _ := args[0].(string)
		words := strings.Fields(want)
		if len(words) == 0 {
			return int64(0), nil
		}
		key := memoKeyOf(want, args[1:])
		if found, ok := phraseMemo.get(key); ok {
			return found, nil
		}
		phraseReads.Add(1)
		found, err := checkPhrase(words, args[1:])
		if err == nil {
			phraseMemo.put(key, found)
		}
		return found, err
	})
}

// checkPhrase is byline_phrase on the title, body and notes of an article.
func checkPhrase(words []string, args []driver.Value) (int64, error) {
	for i, v := range args {
		var text string
		switch v := v.(type) {
		case string:
			text = v
		case []byte:
			if i == 1 { // the body, packed
				s, err := unpackBody(v)
				if err != nil {
					return 0, err
				}
				text = s
			} else {
				text = string(v)
			}
		}
		if hasPhrase(text, words) {
			return 1, nil
		}
	}
	return 0, nil
}

// A search asks byline_phrase about the same articles twice: its count
// and its first page each check them, and for a rare phrase of common
// words that is every article with the words (about 0.5 s at 50,000).
// phraseMemo keeps the answers for one phrase, keyed by the phrase and a
// hash of the text checked, so an article whose text changed is checked
// again.
var phraseMemo = &memo{}

type memoKey struct {
	phrase string
	sum    uint64
}

type memo struct {
	mu     sync.Mutex
	phrase string
	seen   map[uint64]int64
}

// memoSize bounds the answers kept: 16 bytes each.
const memoSize = 1 << 18

// reset forgets every answer.
func (m *memo) reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.phrase, m.seen = "", nil
}

func (m *memo) get(k memoKey) (int64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.phrase != k.phrase {
		return 0, false
	}
	v, ok := m.seen[k.sum]
	return v, ok
}

func (m *memo) put(k memoKey, v int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.phrase != k.phrase || len(m.seen) >= memoSize {
		m.phrase, m.seen = k.phrase, make(map[uint64]int64)
	}
	m.seen[k.sum] = v
}

var memoSeed = maphash.MakeSeed()

// memoKeyOf is phraseMemo's key for a phrase and the text it is asked about.
func memoKeyOf(phrase string, args []driver.Value) memoKey {
	var h maphash.Hash
	h.SetSeed(memoSeed)
	for _, v := range args {
		switch v := v.(type) {
		case string:
			h.WriteByte('s')
			h.WriteString(v)
		case []byte:
			h.WriteByte('b')
			h.Write(v)
		default:
			h.WriteByte('n')
		}
		h.WriteByte(0)
	}
	return memoKey{phrase: phrase, sum: h.Sum64()}
}

// isWordRune is unicode61's rule for the characters of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
}

// searchWords splits what a reader typed into words as the index does.
func searchWords(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return !isWordRune(r) })
}

// foldWord is a word as phrases are compared: lower case, without
// diacritics ("Zürich" is "zurich").
func foldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// phraseKey is the argument byline_phrase takes for a reader's phrase.
func phraseKey(words []string) string {
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = foldWord(w)
	}
	return strings.Join(folded, " ")
}

// hasPhrase reports whether words (folded) occur one after another in text.
// The text is folded into its words joined by single spaces, in one pass
// into one buffer, and the phrase looked for in that: a phrase of common
// words is checked against thousands of articles.
func hasPhrase(text string, words []string) bool {
	bp := foldBufs.Get().(*[]byte)
	defer foldBufs.Put(bp)
	buf := append((*bp)[:0], ' ')
	gap := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				gap = true
				continue
			}
			if gap && buf[len(buf)-1] != ' ' {
				buf = append(buf, ' ')
			}
			gap = false
			buf = append(buf, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isWordRune(r) {
			gap = true
			continue
		}
		if gap && buf[len(buf)-1] != ' ' {
			buf = append(buf, ' ')
		}
		gap = false
		buf = append(buf, foldWord(string(r))...)
	}
	buf = append(buf, ' ')
	*bp = buf
	want := " " + strings.Join(words, " ") + " "
	return bytes.Contains(buf, []byte(want))
}

var foldBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}
