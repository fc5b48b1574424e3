package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// changingLibrary is the fake library with a data version that another
// "process" (the test) bumps when it adds an article.
type changingLibrary struct {
	*fakeLibrary
	version atomic.Int64
}

func (c *changingLibrary) DataVersion(context.Context) (int64, error) { return c.version.Load(), nil }

// A cron `byline add` while the reader is open: within a tick the counts
// and the list show the new article, and the cursor stays on the article
// the reader was on.
func TestReaderShowsWhatAnotherProcessAdds(t *testing.T) {
	lib := &changingLibrary{fakeLibrary: sampleLibrary()}
	lib.version.Store(1)
	m := New(lib, Options{NoColor: true})
	m = drive(t, m, run(m.Init())...)
	m = drive(t, m, tea.WindowSizeMsg{Width: 140, Height: 40}, press("j"))
	if a := m.list.selected(); a == nil || a.ID != 2 {
		t.Fatalf("j should select the bridge story, got %+v", a)
	}

	lib.mu.Lock()
	lib.articles = append([]*news.Article{{ID: 4, Title: "Harbour crane collapses", Source: "Meridian Wire",
		Published: time.Date(2026, 3, 13, 9, 0, 0, 0, time.UTC), Body: "A crane fell."}}, lib.articles...)
	lib.mu.Unlock()
	lib.version.Store(2)

	m = drive(t, m, run(watchLibrary(lib, 0))...) // the tick
	scr := screenText(m)
	if !strings.Contains(scr, "Library 4 · 3 unread") || !strings.Contains(scr, "Harbour crane collapses") {
		t.Errorf("the reader does not show the article another process added:\n%s", scr)
	}
	if a := m.list.selected(); a == nil || a.ID != 2 {
		t.Errorf("the cursor left the bridge story for %+v", a)
	}
}
