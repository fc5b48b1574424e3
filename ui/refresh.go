package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// RefreshFunc fetches the feeds with these ids (every feed when feedIDs
// is empty), calling progress as feeds finish. It runs outside Update, so
// it may block; progress may be called from any goroutine. err is for a
// refresh that could not run at all; a feed that fails is in the result.
type RefreshFunc func(ctx context.Context, feedIDs []int64, progress func(done, total int)) (RefreshResult, error)

// RefreshResult is what a refresh found.
type RefreshResult struct {
	New    int           // articles the library did not have
	Feeds  int           // feeds fetched
	Failed []FeedFailure // the feeds that could not be fetched or read
}

// FeedFailure is one feed that failed, with why.
type FeedFailure struct {
	Feed string
	Err  string
}

// refreshProgressMsg and refreshedMsg come from a running refresh. The
// refresh reports through a channel because a tea.Cmd returns only one
// message: each waitRefresh command reads the next event.
type refreshProgressMsg struct {
	done, total int
	next        tea.Cmd // waits for the event after this one
}

type refreshedMsg struct {
	res RefreshResult
	err error
}

// reloadTickMsg is the interval reload's alarm.
type reloadTickMsg struct{}

// startRefresh runs fn in the background and returns the command that
// waits for its first event.
func startRefresh(ctx context.Context, fn RefreshFunc, ids []int64) tea.Cmd {
	events := make(chan tea.Msg, 1)
	progress := make(chan [2]int, 1)
	go func() {
		res, err := fn(ctx, ids, func(done, total int) {
			// Only the latest count matters: replace one not yet shown
			// rather than block the refresh on a slow screen.
			select {
			case <-progress:
			default:
			}
			progress <- [2]int{done, total}
		})
		close(progress)
		events <- refreshedMsg{res: res, err: err}
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

// refresh starts fetching the feeds with these ids, or every feed.
func (m Model) refresh(ids ...int64) (tea.Model, tea.Cmd) {
	switch {
	case m.opts.Refresh == nil:
		return m, m.setStatus("no feeds to refresh — byline subscribe URL", true)
	case m.refreshing:
		return m, m.setStatus("already refreshing", false)
	}
	m.refreshing = true
	m.refreshDone, m.refreshTotal = 0, 0
	return m, startRefresh(m.ctx, m.opts.Refresh, ids)
}

func (m Model) refreshProgress(msg refreshProgressMsg) (tea.Model, tea.Cmd) {
	m.refreshDone, m.refreshTotal = msg.done, msg.total
	return m, msg.next
}

// refreshed reloads the list where the reader is: the article under the
// cursor stays under it though new articles came in above it; a reader
// who has not moved is put on the newest.
func (m Model) refreshed(msg refreshedMsg) (tea.Model, tea.Cmd) {
	m.refreshing = false
	m.failed = msg.res.Failed
	cmds := []tea.Cmd{m.setStatus(refreshSummary(msg.res, msg.err), msg.err != nil || len(msg.res.Failed) > 0)}
	if m.feeds.shown || len(msg.res.Failed) > 0 {
		cmds = append(cmds, m.feeds.load(m.lib)) // the counts and errors changed
	}
	if msg.res.New == 0 && msg.err != nil {
		return m, tea.Batch(cmds...)
	}
	if m.list.moved {
		cmds = append(cmds, m.list.reloadAround(msg.res.New))
	} else {
		cmds = append(cmds, m.list.reload())
	}
	return m, tea.Batch(cmds...)
}

// refreshSummary is the status line after a refresh: what came in, and
// how many feeds failed with where to see which.
func refreshSummary(res RefreshResult, err error) string {
	if err != nil {
		return "refresh: " + err.Error()
	}
	var parts []string
	switch res.New {
	case 0:
		parts = append(parts, "no new articles")
	case 1:
		parts = append(parts, "1 new article")
	default:
		parts = append(parts, fmt.Sprintf("%d new articles", res.New))
	}
	switch n := len(res.Failed); {
	case n == 1 && res.Feeds <= 1:
		parts = append(parts, "the feed failed: "+res.Failed[0].Err)
	case n > 0:
		parts = append(parts, fmt.Sprintf("%d of %d feeds failed (F shows which)", n, max(res.Feeds, n)))
	}
	return strings.Join(parts, " · ")
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

// reloadEvery is the interval reload's next alarm.
func reloadEvery(d time.Duration) tea.Cmd {
	if d <= 0 {
		return nil
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return reloadTickMsg{} })
}

// workMsg is background work's progress, read from Options.Work.
type workMsg struct {
	work Work
	ok   bool
}

func waitWork(ch <-chan Work) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		w, ok := <-ch
		return workMsg{w, ok}
	}
}

// workStatus is the status line's note of background work under way.
func (m Model) workStatus() string {
	w := m.work
	if w.Total == 0 || w.Done >= w.Total {
		return ""
	}
	return fmt.Sprintf("%s %d%%", w.What, w.Done*100/w.Total)
}
