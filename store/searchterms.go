package store

import "sync"

// searchTerms is a body as the search index needs it: each of its words
// once, in the order they first come. The index keeps no positions
// (detail=none), only which articles hold a word, so a word's later
// appearances were work for the one goroutine that writes the library
// (tokenizing them and adding them to the index's in-memory hash) that
// changed nothing in the index. Prepare makes the terms on the workers
// that extract people and places, and the writer indexes them instead of
// the body.
//
// The text is cut at ASCII spaces and punctuation, which the index's
// tokenizer (unicode61) also takes for separators, and ASCII letters are
// lowered, as it folds them; pieces are compared byte for byte. Anything
// else (a curly quote, an accented letter) stays inside its piece for the
// tokenizer to judge, so it finds the same words in the terms as in the
// body, and the index is the same.
func searchTerms(s string) string {
	t := termSets.Get().(*termSet)
	defer termSets.Put(t)
	t.reset(len(s))
	out := t.out[:0]
	for i := 0; i < len(s); {
		for i < len(s) && !termByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		mark := len(out)
		if mark > 0 {
			out = append(out, ' ')
		}
		start := len(out)
		h := uint64(14695981039346656037) // FNV-1a
		for ; i < len(s) && termByte[s[i]]; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
			h = (h ^ uint64(c)) * 1099511628211
		}
		if !t.add(h, out, start) {
			out = out[:mark] // seen already
		}
	}
	t.out = out
	return string(out)
}

// termByte is true of the bytes a piece is made of: ASCII letters and
// digits, and every byte of a non-ASCII character.
var termByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
	}
	return t
}()

// termSet is searchTerms' scratch: the pieces written so far and an
// open-addressed set of them (hash, and where the piece lies in out).
type termSet struct {
	out   []byte
	slots []termSlot
	n     int
}

type termSlot struct {
	h        uint64
	off, end int32
	used     bool
}

var termSets = sync.Pool{New: func() any { return new(termSet) }}

func (t *termSet) reset(textLen int) {
	size := 64
	for size < textLen/4 {
		size *= 2
	}
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]termSlot, size)
	}
	t.n = 0
}

// add records the piece out[start:] under hash h, unless it is there
// already: it reports whether the piece is new.
func (t *termSet) add(h uint64, out []byte, start int) bool {
	piece := out[start:]
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.used {
			*s = termSlot{h: h, off: int32(start), end: int32(len(out)), used: true}
			t.n++
			if 2*t.n > len(t.slots) {
				t.grow()
			}
			return true
		}
		if s.h == h && string(out[s.off:s.end]) == string(piece) {
			return false
		}
	}
}

func (t *termSet) grow() {
	old := t.slots
	t.slots = make([]termSlot, 2*len(old))
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if !s.used {
			continue
		}
		i := s.h & mask
		for t.slots[i].used {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
