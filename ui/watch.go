package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// versioned is a Library that can say whether anything was committed to it
// since it was last asked: a cron `byline add` or `byline refresh` while the
// reader is open, as the README invites. store.Store has it.
type versioned interface {
	DataVersion(ctx context.Context) (int64, error)
}

// watchEvery is how often the reader asks; the question is one PRAGMA.
const watchEvery = time.Second

// dataVersionMsg is the library's data version, read on a tick.
type dataVersionMsg struct {
	v   int64
	err error
}

// watchLibrary reads the library's data version after a tick; nil when
// the library cannot say.
func watchLibrary(lib Library, after time.Duration) tea.Cmd {
	v, ok := lib.(versioned)
	if !ok {
		return nil
	}
	read := func() tea.Msg {
		n, err := v.DataVersion(context.Background())
		return dataVersionMsg{v: n, err: err}
	}
	if after == 0 {
		return read
	}
	return tea.Tick(after, func(time.Time) tea.Msg { return read() })
}

// libraryChanged reloads the counts and the list window when something
// else wrote to the library, keeping the cursor on its article. A change
// seen while a page is loading or a refresh runs waits for the next tick:
// the reload under way may predate it, and a refresh reloads when done.
func (m Model) libraryChanged(msg dataVersionMsg) (tea.Model, tea.Cmd) {
	next := watchLibrary(m.lib, watchEvery)
	switch {
	case msg.err != nil:
		return m, next
	case !m.versionKnown:
		m.dataVersion, m.versionKnown = msg.v, true
	case msg.v != m.dataVersion && !m.list.loading && !m.refreshing:
		m.dataVersion = msg.v
		return m, tea.Batch(next, m.list.reloadAround(0))
	}
	return m, next
}
