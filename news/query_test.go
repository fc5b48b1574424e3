package news

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseQueryTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []Term
	}{
		{"", nil},
		{"storm ports", []Term{{Value: "storm"}, {Value: "ports"}}},
		{`"North Korea" -trade`, []Term{{Value: "North Korea"}, {Value: "trade", Negate: true}}},
		{`is:Unread person:"Kim Jong Un"`, []Term{{Field: FieldIs, Value: "unread"}, {Field: FieldPerson, Value: "Kim Jong Un"}}},
		{"-is:read has:notes tag:work", []Term{{Field: FieldIs, Value: "read", Negate: true}, {Field: FieldHas, Value: "note"}, {Field: FieldTag, Value: "work"}}},
		{"place:Seoul source:cnn feed:bbc", []Term{{Field: FieldPlace, Value: "Seoul"}, {Field: FieldSource, Value: "cnn"}, {Field: FieldFeed, Value: "bbc"}}},
		{"meeting at 10:30", []Term{{Value: "meeting"}, {Value: "at"}, {Value: "10:30"}}},
		{"after:2024-01-31", []Term{{Field: FieldAfter, Value: "2024-01-31", Time: time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)}}},
		{"before:2024", []Term{{Field: FieldBefore, Value: "2024", Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, err)
			continue
		}
		if len(q.Terms) != len(tt.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.in, q.Terms, tt.want)
			continue
		}
		for i := range tt.want {
			if q.Terms[i] != tt.want[i] {
				t.Errorf("ParseQuery(%q) term %d = %+v, want %+v", tt.in, i, q.Terms[i], tt.want[i])
			}
		}
	}
}

func TestParseQuerySaysWhereItWentWrong(t *testing.T) {
	tests := []struct {
		in      string
		pos     int
		mention string
	}{
		{"storm colour:red", 7, `"colour:"`},
		{`person:"Kim Jong`, 8, "unclosed quote"},
		{"is:maybe", 4, "is:unread"},
		{"trade tag:", 11, "needs a value"},
		{"after:yesterday", 7, "date"},
		{"- storm", 1, `"-"`},
	}
	for _, tt := range tests {
		_, err := ParseQuery(tt.in)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("ParseQuery(%q) error = %v, want a QueryError", tt.in, err)
			continue
		}
		if qe.Pos != tt.pos || !strings.Contains(qe.Error(), tt.mention) {
			t.Errorf("ParseQuery(%q) = %v (column %d), want column %d mentioning %s", tt.in, err, qe.Pos, tt.pos, tt.mention)
		}
	}
}

func TestQueryAndRoundTrips(t *testing.T) {
	q, _ := ParseQuery("is:unread")
	q = q.And(Term{Field: FieldPerson, Value: "Kim Jong Un"})
	again, err := ParseQuery(q.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Terms) != 2 || again.Terms[1].Value != "Kim Jong Un" {
		t.Fatalf("round trip of %q gave %+v", q.String(), again.Terms)
	}
}
