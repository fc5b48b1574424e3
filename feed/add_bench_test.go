package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const bbcCorpus = "../../shared/corpus/bbc"

// TestBBCCorpusTitles: every story in the public BBC corpus (a title line,
// a blank line, paragraphs) imports with its first line as the title.
func TestBBCCorpusTitles(t *testing.T) {
	files, err := Files(bbcCorpus)
	if err != nil {
		t.Skip("../shared/corpus/bbc is absent")
	}
	for _, f := range files {
		if strings.EqualFold(filepath.Base(f), "README.TXT") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first := strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])
		a, err := ReadFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if a.Title != first {
			t.Errorf("%s: title %q, want the first line %q", f, a.Title, first)
		}
	}
}
