package feed

import (
	"strings"
	"testing"
)

// A raw escape sequence in a feed leaves no trace, not even the "[31m"
// the XML decoder would keep after dropping the ESC byte.
func TestRawEscapeSequencesLeaveNoTrace(t *testing.T) {
	feed := "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Wire\x1b]0;owned\x07</title>" +
		"<item><title>Storm \x1b[31mwarning\x1b[0m issued</title><guid>1</guid><description>Winds of \u009b2Jninety miles an hour are expected on the coast tonight.</description></item></channel></rss>"
	p, err := ParseFeed([]byte(feed), "https://wire.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	got := p.Title + "|" + p.Items[0].Title + "|" + p.Items[0].Body
	for _, junk := range []string{"[31m", "[0m", "]0;", "owned", "2J"} {
		if strings.Contains(got, junk) {
			t.Errorf("%q survived: %q", junk, got)
		}
	}
	if p.Items[0].Title != "Storm warning issued" {
		t.Errorf("title = %q", p.Items[0].Title)
	}
}
