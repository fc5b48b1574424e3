// Package ui is byline's reader: a bubbletea program with the library list
// (or the feeds), the article rendered by glamour, and panels of the
// people, places and quotes in it. Each pane is a component with its own
// Update and View; the root Model keeps focus, layout and the status line.
// It reads and writes the library only through the Library interface,
// always inside a tea.Cmd, so Update never blocks.
package ui

import (
	"context"
	"errors"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"

	"byline/news"
)

// Library is what the reader needs from the store.
type Library interface {
	List(ctx context.Context, q news.Query, offset, limit int) ([]*news.Article, error)
	Count(ctx context.Context, q news.Query) (total, unread int, err error)
	Article(ctx context.Context, id int64) (*news.Article, error)
	Feeds(ctx context.Context) ([]news.Feed, error)
	SetRead(ctx context.Context, id int64, read bool) error
	SetReadMatching(ctx context.Context, q news.Query, read bool) (int, error)
	// MarkFeedRead and MarkAllRead mark a whole feed, or everything, read;
	// for an account's feeds the server is told to do the same for every
	// entry it held at the key press, not only the ones stored here.
	MarkFeedRead(ctx context.Context, feedID int64) (int, error)
	MarkAllRead(ctx context.Context) (int, error)
	SetStarred(ctx context.Context, id int64, starred bool) error
	AddTags(ctx context.Context, id int64, tags ...string) error
	RemoveTags(ctx context.Context, id int64, tags ...string) error
	AddNote(ctx context.Context, id int64, text string) (news.Note, error)
	UpdateNote(ctx context.Context, noteID int64, text string) error
	DeleteNote(ctx context.Context, noteID int64) error
}

// Options configure the reader.
type Options struct {
	Query   news.Query  // the list starts filtered by this
	Refresh RefreshFunc // nil: there are no feeds to refresh
	Config  *Config     // nil: DefaultConfig
	// Work reports background work (extraction, indexing) for the status
	// line; nil: none.
	Work <-chan Work
	// Browser opens a link; nil: the configured browser, $BROWSER, then
	// the system's opener.
	Browser func(url string) tea.Cmd
	Input   io.Reader // for tests; nil: the terminal
	Output  io.Writer
	NoColor bool

	size [2]int // tests: the window size of an Output that is no terminal
}

// Work is how far background work has got; Done == Total is finished.
type Work struct {
	What        string // "people, places, quotes", "search index"
	Done, Total int
}

// Run opens the reader and returns when the user quits. A note still being
// typed is saved as a note before Run returns; when it cannot be saved, Run
// returns an *UnsavedNoteError holding its text.
func Run(ctx context.Context, lib Library, opts Options) error {
	if os.Getenv("NO_COLOR") != "" {
		opts.NoColor = true
	}
	// A refresh still under way stops when the reader does.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := New(lib, opts)
	m.ctx = ctx
	progOpts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.Input != nil {
		progOpts = append(progOpts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		progOpts = append(progOpts, tea.WithOutput(opts.Output))
	}
	if opts.size != [2]int{} {
		progOpts = append(progOpts, tea.WithWindowSize(opts.size[0], opts.size[1]))
	}
	final, err := tea.NewProgram(m, progOpts...).Run()
	if fm, ok := final.(Model); ok {
		// The draft normally goes in as the program quits; this catches a
		// quit that skipped Update, such as a signal.
		if saveErr := fm.editor.saveDraftNow(context.Background()); saveErr != nil {
			return saveErr // the draft must reach the user whatever else went wrong
		}
	}
	// A signal ends the reader as q does: bubbletea reports SIGINT as
	// interrupted, and a cancelled ctx (SIGTERM, SIGHUP) as killed.
	if err == tea.ErrInterrupted || err == tea.ErrProgramKilled || (errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil) {
		return nil
	}
	return err
}
