package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// RefreshFunc fetches every feed, calling progress as feeds finish, and
// returns how many articles are new. It runs outside Update, so it may
// block; progress may be called from any goroutine.
type RefreshFunc func(ctx context.Context, progress func(done, total int)) (newArticles int, err error)

// refreshProgressMsg and refreshedMsg come from a running refresh. The
// refresh reports through a channel because a tea.Cmd returns only one
// message: each waitRefresh command reads the next event.
type refreshProgressMsg struct {
	done, total int
	next        tea.Cmd // waits for the event after this one
}

type refreshedMsg struct {
	n   int
	err error
}

// startRefresh runs fn in the background and returns the command that
// waits for its first event.
func startRefresh(ctx context.Context, fn RefreshFunc) tea.Cmd {
	events := make(chan tea.Msg, 1)
	progress := make(chan [2]int, 1)
	go func() {
		n, err := fn(ctx, func(done, total int) {
			// Only the latest count matters: replace one not yet shown
			// rather than block the refresh on a slow screen.
			select {
			case <-progress:
			default:
			}
			progress <- [2]int{done, total}
		})
		close(progress)
		events <- refreshedMsg{n: n, err: err}
	}()
	return waitRefresh(progress, events)
}

// waitRefresh returns the next progress count, or the result once the
// refresh has finished.
func waitRefresh(progress chan [2]int, events chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-progress
		if !ok {
			return <-events
		}
		return refreshProgressMsg{done: p[0], total: p[1], next: waitRefresh(progress, events)}
	}
}

func (m Model) refreshKey() (tea.Model, tea.Cmd) {
	switch {
	case m.opts.Refresh == nil:
		return m, m.setStatus("no feeds to refresh — byline subscribe URL", true)
	case m.refreshing:
		return m, m.setStatus("already refreshing", false)
	}
	m.refreshing = true
	m.refreshDone, m.refreshTotal = 0, 0
	return m, startRefresh(m.ctx, m.opts.Refresh)
}

func (m Model) refreshProgress(msg refreshProgressMsg) (tea.Model, tea.Cmd) {
	m.refreshDone, m.refreshTotal = msg.done, msg.total
	return m, msg.next
}

// refreshed reloads the list where the reader is: the article under the
// cursor stays under it though new articles came in above it.
func (m Model) refreshed(msg refreshedMsg) (tea.Model, tea.Cmd) {
	m.refreshing = false
	var status tea.Cmd
	switch {
	case msg.err != nil:
		status = m.setStatus("refresh: "+msg.err.Error(), true)
	case msg.n == 0:
		status = m.setStatus("no new articles", false)
	case msg.n == 1:
		status = m.setStatus("1 new article", false)
	default:
		status = m.setStatus(fmt.Sprintf("%d new articles", msg.n), false)
	}
	if msg.n == 0 && msg.err != nil {
		return m, status
	}
	return m, tea.Batch(status, m.list.reloadAround(msg.n))
}

// refreshStatus is the status line's note of a refresh under way.
func (m Model) refreshStatus() string {
	if !m.refreshing {
		return ""
	}
	if m.refreshTotal == 0 {
		return "refreshing feeds…"
	}
	return fmt.Sprintf("refreshing feeds %d/%d…", m.refreshDone, m.refreshTotal)
}
