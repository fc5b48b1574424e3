package lexicon

import "strings"

// table is a sorted, newline-separated list of records, each a key
// optionally followed by a tab and a value, searched in place. The
// generator also writes the byte offset of every record (little-endian
// uint32s), so a lookup is a binary search over two embedded strings and
// nothing is built at start-up: `byline extract` runs once per article
// and cannot amortise even a few milliseconds of indexing.
type table struct {
	data string
	idx  string // 4 bytes per record: its start offset in data
}

func (t *table) len() int { return len(t.idx) / 4 }

func (t *table) offset(i int) int {
	b := t.idx[4*i : 4*i+4]
	return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 | int(b[3])<<24
}

// get returns the value stored under key (empty for a bare key) and
// whether the key is present. Keys are compared byte-wise, which is how
// the generator sorted them.
func (t *table) get(key string) (string, bool) {
	// Two byte searches: ContainsAny decodes a short key rune by rune.
	if key == "" || strings.IndexByte(key, '\t') >= 0 || strings.IndexByte(key, '\n') >= 0 {
		return "", false
	}
	lo, hi := 0, t.len()
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		off := t.offset(mid)
		// Compare the record's first len(key) bytes with the key: a
		// shorter record key brings its tab, which sorts below every
		// character of a name, into the comparison, so the order is
		// right without finding the tab first.
		end := min(off+len(key), len(t.data))
		// The operators, not strings.Compare: the compiler knows they
		// keep no reference to key, so a key built on the caller's
		// stack stays there.
		switch r := t.data[off:end]; {
		case r < key:
			lo = mid + 1
		case r != key:
			hi = mid
		case end == len(t.data):
			return "", false
		case t.data[end] == '\n':
			return "", true
		case t.data[end] == '\t':
			v, _, _ := strings.Cut(t.data[end+1:], "\n")
			return v, true
		default: // the record's key is longer: "Seoulite" after "Seoul"
			hi = mid
		}
	}
	return "", false
}
