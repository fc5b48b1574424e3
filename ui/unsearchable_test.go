package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// indexingLibrary is a library whose last refresh has not finished
// indexing: a search cannot find pending of its articles yet.
type indexingLibrary struct {
	*fakeLibrary
	pending int
}

func (l indexingLibrary) Unsearchable(_ context.Context, q news.Query) (int, error) {
	for _, t := range q.Terms {
		if t.Field == news.FieldText {
			return l.pending, nil
		}
	}
	return 0, nil
}

// TestSearchSaysWhatIsNotYetSearchable: while a refresh's articles wait
// for their search rows, / says how many a search cannot see, instead of
// a list that looks complete.
func TestSearchSaysWhatIsNotYetSearchable(t *testing.T) {
	lib := indexingLibrary{sampleLibrary(), 1234}
	m := New(lib, Options{NoColor: true})
	m = drive(t, m, run(m.Init())...)
	m = drive(t, m, tea.WindowSizeMsg{Width: 140, Height: 40})
	if scr := screenText(m); strings.Contains(scr, "not yet searchable") {
		t.Errorf("the whole library, with no search, says something is not searchable:\n%s", scr)
	}
	m = drive(t, m, press("/"))
	m = drive(t, m, append(typeText("glacier"), press("enter"))...)
	if scr := screenText(m); !strings.Contains(scr, "1234 articles not yet searchable") || !strings.Contains(scr, "Glacier study") {
		t.Errorf("a search while 1234 articles wait for indexing:\n%s", scr)
	}
}
