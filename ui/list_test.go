package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestBottomJumpsToTheEndWithoutLoadingTheWholeLibrary(t *testing.T) {
	lib := bigLibrary(100_000)
	m := sized(t, lib, 120, 40)
	m = drive(t, m, press("G"))
	scr := screenText(m)
	if !strings.Contains(scr, "Council 1 approves") {
		t.Fatalf("G does not show the oldest article:\n%s", scr)
	}
	if a := m.list.selected(); a == nil || a.ID != 1 {
		t.Fatalf("G left the cursor on %v, want the last article", a)
	}
	for _, limit := range lib.limits {
		if limit <= 0 || limit > pageSize {
			t.Fatalf("the reader asked the store for %d rows at once; it must page (%v)", limit, lib.limits)
		}
	}
	if len(m.list.items) > maxWindow {
		t.Errorf("%d articles held in memory, want at most %d", len(m.list.items), maxWindow)
	}

	// Going back up from the end pages in the rows above, with no gap.
	for range 60 {
		m = drive(t, m, press("k"))
	}
	if a := m.list.selected(); a == nil || a.ID != 61 {
		t.Fatalf("60 rows up from the end the cursor is on %v, want article 61", a)
	}
	for i, a := range m.list.items[1:] {
		if a.ID != m.list.items[i].ID-1 {
			t.Fatalf("the window has a gap between %d and %d", m.list.items[i].ID, a.ID)
		}
	}

	m = drive(t, m, press("g"))
	if scr := screenText(m); !strings.Contains(scr, "Council 100000 approves") {
		t.Errorf("g does not come back to the newest article:\n%s", scr)
	}
}

func TestScrollingDownKeepsTheWindowSmall(t *testing.T) {
	lib := bigLibrary(5_000)
	m := sized(t, lib, 120, 40)
	for range 15 {
		m = drive(t, m, press("space")) // a page at a time
		for range 10 {
			m = drive(t, m, press("space"))
		}
	}
	if m.list.cursor < 1_000 {
		t.Fatalf("after 165 page downs the cursor is at row %d", m.list.cursor)
	}
	if len(m.list.items) > maxWindow {
		t.Errorf("%d articles held after a long scroll, want at most %d", len(m.list.items), maxWindow)
	}
	if a := m.list.selected(); a == nil || a.ID != int64(5_000-m.list.cursor) {
		t.Errorf("row %d shows article %v, want %d", m.list.cursor, a, 5_000-m.list.cursor)
	}
}

func TestCursorStaysOnScreenUnderAFilterChip(t *testing.T) {
	lib := bigLibrary(300)
	m := sized(t, lib, 120, 24)
	m = drive(t, m, press("u")) // the unread chip takes a line
	for range m.list.rows() + 2 {
		m = drive(t, m, press("j"))
	}
	a := m.list.selected()
	if scr := screenText(m); a == nil || !strings.Contains(scr, firstWords(a.Title, 3)) {
		t.Errorf("the selected article %v is not on screen:\n%s", a, scr)
	}
}

func TestEmptyLibrarySaysHowToAddArticles(t *testing.T) {
	m := sized(t, &fakeLibrary{}, 100, 30)
	scr := screenText(m)
	if !strings.Contains(scr, "Library 0 · 0 unread") || !strings.Contains(scr, "byline add") {
		t.Errorf("an empty library must say how to fill it:\n%s", scr)
	}
	for _, k := range []string{"j", "G", "enter", "s", "N", "n", "tab", "g"} {
		m = drive(t, m, press(k)) // nothing to act on: nothing may break
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// Keys pressed faster than the library answers (a refresh writing in the
// background, a slow disk) are not lost at the end of the loaded rows: the
// cursor goes on to where they lead once the page arrives.
func TestMovesTypedAheadOfAPageAreKept(t *testing.T) {
	lib := bigLibrary(5_000)
	m := sized(t, lib, 120, 40)
	var pending []tea.Cmd
	for range 450 {
		next, cmd := m.Update(press("j"))
		m = next.(Model)
		if cmd != nil {
			pending = append(pending, cmd) // the pages, not yet delivered
		}
	}
	for len(pending) > 0 {
		cmd := pending[0]
		pending = pending[1:]
		for _, msg := range run(cmd) {
			next, more := m.Update(msg)
			m = next.(Model)
			if more != nil {
				pending = append(pending, more)
			}
		}
	}
	if m.list.cursor != 450 {
		t.Fatalf("450 moves typed ahead of two pages left the cursor at row %d", m.list.cursor)
	}
	if a := m.list.selected(); a == nil || a.ID != 5_000-450 {
		t.Errorf("row 450 shows %v, want article %d", a, 5_000-450)
	}
}

// Moves typed after g or G, before the jump's page has come, go on from
// where the jump leads.
func TestMovesAfterAJumpAreKept(t *testing.T) {
	lib := bigLibrary(100_000)
	m := sized(t, lib, 120, 40)
	m = drive(t, m, press("G"))
	next, jump := m.Update(press("g"))
	m = next.(Model)
	for range 3 {
		next, _ = m.Update(press("j")) // pressed before the page for g arrives
		m = next.(Model)
	}
	for _, msg := range run(jump) {
		next, _ = m.Update(msg)
		m = next.(Model)
	}
	if m.list.cursor != 3 {
		t.Fatalf("g then three moves left the cursor at row %d, want 3", m.list.cursor)
	}
}
