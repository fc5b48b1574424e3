package ui

import (
	"context"
	"os/exec"
	"runtime"
	"time"

	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// Results of commands, each tagged so the pane that asked can drop stale
// ones: a list page for an older query, an article the reader has left.

type listLoadedMsg struct {
	gen           int
	offset        int
	items         []*news.Article
	total, unread int
	err           error
}

type articleLoadedMsg struct {
	article *news.Article
	err     error
}

type articleRenderedMsg struct {
	key     renderKey
	content string
	err     error
}

type savedMsg struct {
	status string
	err    error
	reload bool // the list's counts or order changed
}

type noteSavedMsg struct {
	note news.Note
	err  error
}

type refreshedMsg struct {
	n   int
	err error
}

type statusClearMsg struct{ seq int }

const pageSize = 200

func loadList(lib Library, gen int, q news.Query, offset int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		items, err := lib.List(ctx, q, offset, pageSize)
		msg := listLoadedMsg{gen: gen, offset: offset, items: items, err: err}
		if err == nil && offset == 0 {
			msg.total, msg.unread, msg.err = lib.Count(ctx, q)
		}
		return msg
	}
}

func loadArticle(lib Library, id int64) tea.Cmd {
	return func() tea.Msg {
		a, err := lib.Article(context.Background(), id)
		return articleLoadedMsg{article: a, err: err}
	}
}

// save runs a write and reports it as a status line.
func save(status string, reload bool, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg {
		return savedMsg{status: status, err: fn(context.Background()), reload: reload}
	}
}

func addNote(lib Library, id int64, text string) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.AddNote(context.Background(), id, text)
		return noteSavedMsg{note: n, err: err}
	}
}

func refresh(fn RefreshFunc) tea.Cmd {
	return func() tea.Msg {
		n, err := fn(context.Background())
		return refreshedMsg{n: n, err: err}
	}
}

func clearStatusAfter(seq int) tea.Cmd {
	return tea.Tick(4*time.Second, func(time.Time) tea.Msg { return statusClearMsg{seq} })
}

// openInBrowser starts the system's opener and does not wait for it.
func openInBrowser(url string) tea.Cmd {
	return func() tea.Msg {
		opener := "xdg-open"
		if runtime.GOOS == "darwin" {
			opener = "open"
		}
		cmd := exec.Command(opener, url)
		if err := cmd.Start(); err != nil {
			return savedMsg{err: err}
		}
		go cmd.Wait()
		return savedMsg{status: "opened " + url}
	}
}
