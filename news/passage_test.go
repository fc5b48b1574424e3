package news

import "testing"

func TestFindPassageAcrossLinesAndCase(t *testing.T) {
	body := "The talks collapsed.\n\nBoth sides blamed\nthe WEATHER at  noon."
	for _, c := range []struct {
		text string
		want string
		ok   bool
	}{
		{"both sides blamed the weather", "Both sides blamed\nthe WEATHER", true},
		{"at noon.", "at  noon.", true},
		{"The talks", "The talks", true},
		{"sides blamed the rain", "", false},
		{"   ", "", false},
	} {
		s, e, ok := FindPassage(body, c.text)
		if ok != c.ok || ok && body[s:e] != c.want {
			t.Errorf("FindPassage(%q) = %q, %v", c.text, body[s:e], ok)
		}
	}
}
