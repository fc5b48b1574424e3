package ui

import (
	"context"

	"time"

	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// Results of commands, each tagged so the pane that asked can drop stale
// ones: a list page for an older query, an article the reader has left.

// listLoadedMsg is a page of the list. A replacing load (a new query, a
// jump to the end, a reload after refresh) brings the counts and starts a
// new window; a paging load extends the window at either end.
type listLoadedMsg struct {
	gen           int
	offset        int
	items         []*news.Article
	replace       bool
	total, unread int
	keep          int64 // replace: put the cursor on this article if it is in the page
	cursorAt      int   // replace: else on this row
	unsearchable  int   // replace: articles the query cannot find yet (see Unsearchable)
	err           error
}

// Unsearchable is what a Library may also do: count the articles a query
// could match but cannot find yet, because a refresh has not indexed them
// yet. The list says so rather than look complete.
type Unsearchable interface {
	Unsearchable(ctx context.Context, q news.Query) (int, error)
}

type articleLoadedMsg struct {
	id      int64
	article *news.Article
	err     error
}

type articleRenderedMsg struct {
	key     renderKey
	content rendering
	err     error
}

type savedMsg struct {
	status string
	err    error
}

// noteSavedMsg reports a note added, changed or deleted.
type noteSavedMsg struct {
	op   noteOp
	note news.Note
	err  error
}

type noteOp int

const (
	noteAdded noteOp = iota
	noteUpdated
	noteDeleted
)

type statusClearMsg struct{ seq int }

const pageSize = 200

// loadPage extends the list's window with limit rows from offset.
func loadPage(lib Library, gen int, q news.Query, offset, limit int) tea.Cmd {
	return func() tea.Msg {
		items, err := lib.List(context.Background(), q, offset, limit)
		return listLoadedMsg{gen: gen, offset: offset, items: items, err: err}
	}
}

// loadWindow starts the list over with the counts and the page at offset:
// the store is asked for one page wherever the reader goes, so the end of
// 100,000 articles costs what the start does.
func loadWindow(lib Library, gen int, q news.Query, offset int, keep int64, cursorAt int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := listLoadedMsg{gen: gen, replace: true, keep: keep, cursorAt: cursorAt}
		msg.total, msg.unread, msg.err = lib.Count(ctx, q)
		if msg.err != nil {
			return msg
		}
		if offset >= msg.total { // the list shrank since the reader counted it
			offset = max(msg.total-pageSize, 0)
		}
		msg.offset = offset
		msg.items, msg.err = lib.List(ctx, q, offset, pageSize)
		if u, ok := lib.(Unsearchable); ok && msg.err == nil {
			msg.unsearchable, _ = u.Unsearchable(ctx, q)
		}
		return msg
	}
}

func loadArticle(lib Library, id int64) tea.Cmd {
	return func() tea.Msg {
		a, err := lib.Article(context.Background(), id)
		return articleLoadedMsg{id: id, article: a, err: err}
	}
}

// save runs a write and reports it as a status line.
func save(status string, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg {
		return savedMsg{status: status, err: fn(context.Background())}
	}
}

func addNote(lib Library, id int64, text string) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.AddNote(context.Background(), id, text)
		return noteSavedMsg{op: noteAdded, note: n, err: err}
	}
}

func updateNote(lib Library, n news.Note, text string) tea.Cmd {
	return func() tea.Msg {
		err := lib.UpdateNote(context.Background(), n.ID, text)
		n.Text, n.Updated = text, time.Now()
		return noteSavedMsg{op: noteUpdated, note: n, err: err}
	}
}

func deleteNote(lib Library, n news.Note) tea.Cmd {
	return func() tea.Msg {
		return noteSavedMsg{op: noteDeleted, note: n, err: lib.DeleteNote(context.Background(), n.ID)}
	}
}

func clearStatusAfter(seq int) tea.Cmd {
	return tea.Tick(4*time.Second, func(time.Time) tea.Msg { return statusClearMsg{seq} })
}
