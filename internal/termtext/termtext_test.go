package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanRemovesEscapes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Storm closes ports", "Storm closes ports"},
		{"colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"cursor move", "a\x1b[2J\x1b[Hb", "ab"},
		{"window title", "\x1b]0;pwned\x07Headline", "Headline"},
		{"clipboard write", "x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"},
		{"hyperlink keeps text", "\x1b]8;;http://e.vil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"dcs", "\x1bPq#0;2;0;0;0\x1b\\after", "after"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"bidi override", "abc\u202edcba", "abcdcba"},
		{"backspace and bell", "ab\b\x07c", "abc"},
		{"carriage returns", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"keeps tabs and newlines", "a\tb\nc", "a\tb\nc"},
		{"keeps unicode", "Zürich — “quoted” 北京", "Zürich — “quoted” 北京"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"unfinished escape", "tail\x1b]0;never ends", "tail"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("%s: Clean(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// Clean looks at long runs of plain text eight bytes at a time: a control
// is found wherever it falls in a run, beside any other byte.
func TestCleanFindsControlsAnywhereInLongText(t *testing.T) {
	for _, ctl := range []string{"\x00", "\x01", "\b", "\x1f", "\x7f", "\u009b", "\u202e", "\xff"} {
		for _, next := range []string{"a", " ", "~", "\n", "é"} {
			for pos := range 20 {
				in := strings.Repeat("n", pos) + ctl + next + strings.Repeat("w", 24)
				out := Clean(in)
				if strings.Contains(out, ctl) || (ctl == "\xff") != strings.ContainsRune(out, utf8.RuneError) {
					t.Errorf("Clean(%q) = %q", in, out)
				}
			}
		}
	}
	long := strings.Repeat("The sea wall holds. ", 40)
	if Clean(long) != long {
		t.Error("Clean changed plain text")
	}
}

func TestLineFlattens(t *testing.T) {
	if got := Line("a\nb\tc\x1b[1m"); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

func FuzzCleanLeavesNoControls(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]52;c;AA\x07", "\u009b2J", "a\u202eb", "\xff\xfe", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Clean(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || isBidiControl(r) {
				t.Fatalf("Clean(%q) = %q keeps control %U", s, out, r)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
		if strings.ContainsRune(Line(s), '\n') {
			t.Fatalf("Line(%q) keeps a newline", s)
		}
	})
}
