package news

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Field names a query filter. The zero Field is free text.
type Field string

// The filters of the query language (DESIGN.md, "Query language").
const (
	FieldText   Field = ""
	FieldIs     Field = "is"     // read, unread, starred
	FieldHas    Field = "has"    // note, highlight
	FieldTag    Field = "tag"    // a tag name
	FieldPerson Field = "person" // a person's name or alias
	FieldPlace  Field = "place"  // a place's name or alias
	FieldSource Field = "source" // part of the outlet's name
	FieldFeed   Field = "feed"   // part of the feed's title
	FieldAfter  Field = "after"  // published on or after a date
	FieldBefore Field = "before" // published before a date
)

var fields = []Field{FieldIs, FieldHas, FieldTag, FieldPerson, FieldPlace, FieldSource, FieldFeed, FieldAfter, FieldBefore}

// Term is one part of a query: free text (a word or a quoted phrase) or a
// filter, possibly negated with a leading "-".
type Term struct {
	Field  Field
	Value  string    // for is: and has: the canonical value ("unread", "note")
	Time   time.Time // for after: and before:, the start of the day in UTC
	Negate bool
}

// Query is a parsed query; every term must hold for an article to match.
// The zero Query matches everything.
type Query struct {
	Terms []Term
	raw   string
}

// String returns the text the query was parsed from.
func (q Query) String() string { return q.raw }

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// And returns a query that also requires t, as when the reader filters the
// current list by a person.
func (q Query) And(t Term) Query {
	terms := append(append([]Term(nil), q.Terms...), t)
	return Query{Terms: terms, raw: strings.TrimSpace(q.raw + " " + t.String())}
}

// String writes the term back in the query language.
func (t Term) String() string {
	var b strings.Builder
	if t.Negate {
		b.WriteByte('-')
	}
	if t.Field != FieldText {
		b.WriteString(string(t.Field))
		b.WriteByte(':')
	}
	v := t.Value
	if t.Field == FieldAfter || t.Field == FieldBefore {
		v = t.Time.Format(time.DateOnly)
	}
	if strings.ContainsAny(v, " \t\":") || v == "" {
		v = `"` + strings.ReplaceAll(v, `"`, "") + `"`
	}
	b.WriteString(v)
	return b.String()
}

// QueryError says where a query went wrong. Pos counts runes from 1.
type QueryError struct {
	Query string
	Pos   int
	Msg   string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q, at column %d: %s", e.Query, e.Pos, e.Msg)
}

// ParseQuery reads the query language: free words and "quoted phrases",
// filters written field:value or field:"two words", and a leading "-" that
// negates a term. A malformed query is an error that says where.
func ParseQuery(s string) (Query, error) {
	q := Query{raw: strings.TrimSpace(s)}
	r := []rune(s)
	fail := func(pos int, format string, args ...any) (Query, error) {
		return Query{}, &QueryError{Query: s, Pos: pos + 1, Msg: fmt.Sprintf(format, args...)}
	}
	for i := 0; i < len(r); {
		if unicode.IsSpace(r[i]) {
			i++
			continue
		}
		start := i
		var t Term
		if r[i] == '-' {
			t.Negate = true
			i++
			if i == len(r) || unicode.IsSpace(r[i]) {
				return fail(start, `"-" must be followed by a word or filter`)
			}
		}
		// A run of letters followed by ':' names a filter.
		j := i
		for j < len(r) && unicode.IsLetter(r[j]) {
			j++
		}
		if j > i && j < len(r) && r[j] == ':' {
			name := strings.ToLower(string(r[i:j]))
			f, ok := lookupField(name)
			if !ok {
				return fail(i, "unknown filter %q (filters: %s)", name+":", fieldList())
			}
			t.Field = f
			i = j + 1
		}
		valStart := i
		val, next, err := readValue(r, i)
		if err != "" {
			return fail(valStart, "%s", err)
		}
		i = next
		if val == "" {
			if t.Field != FieldText {
				return fail(valStart, "%s: needs a value", t.Field)
			}
			continue // an empty phrase "" selects nothing in particular
		}
		if msg := t.set(val); msg != "" {
			return fail(valStart, "%s", msg)
		}
		q.Terms = append(q.Terms, t)
	}
	return q, nil
}

// readValue reads a bare word or a quoted phrase starting at r[i].
func readValue(r []rune, i int) (val string, next int, err string) {
	if i < len(r) && (r[i] == '"' || r[i] == '“') {
		j := i + 1
		for j < len(r) && r[j] != '"' && r[j] != '”' {
			j++
		}
		if j == len(r) {
			return "", 0, "unclosed quote"
		}
		return strings.TrimSpace(string(r[i+1 : j])), j + 1, ""
	}
	j := i
	for j < len(r) && !unicode.IsSpace(r[j]) {
		j++
	}
	return string(r[i:j]), j, ""
}

func (t *Term) set(val string) string {
	switch t.Field {
	case FieldIs:
		v := strings.ToLower(val)
		if v != "read" && v != "unread" && v != "starred" {
			return fmt.Sprintf("is:%s: want is:unread, is:read or is:starred", val)
		}
		t.Value = v
	case FieldHas:
		switch v := strings.ToLower(val); v {
		case "note", "notes":
			t.Value = "note"
		case "highlight", "highlights":
			t.Value = "highlight"
		default:
			return fmt.Sprintf("has:%s: want has:note or has:highlight", val)
		}
	case FieldAfter, FieldBefore:
		d, ok := parseDate(val)
		if !ok {
			return fmt.Sprintf("%s:%s: want a date such as 2024-01-31, 2024-01 or 2024", t.Field, val)
		}
		t.Time = d
		t.Value = val
	default:
		t.Value = val
	}
	return ""
}

func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

func lookupField(name string) (Field, bool) {
	for _, f := range fields {
		if string(f) == name {
			return f, true
		}
	}
	return "", false
}

func fieldList() string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f) + ":"
	}
	return strings.Join(names, " ")
}
