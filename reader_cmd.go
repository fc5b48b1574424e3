package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"byline/extract"
	"byline/ingest"
	"byline/internal/termtext"
	"byline/news"
	"byline/store"
	"byline/ui"
)

// runReader opens the reader on the library.
func (a *app) runReader(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	cfg, err := ui.LoadConfig(ui.ConfigPath())
	if err != nil {
		return err
	}
	a.interactive = true
	lib, err := a.open(ctx)
	if err != nil {
		return err
	}
	limitMemory(readerMemory)
	// Work an earlier refresh left (people, places, quotes, the search
	// index) goes on in the background while the reader is open; what is
	// still undone at quit waits for the next run.
	work := make(chan ui.Work, 1)
	bg := &background{progress: func(stage string, done, total int) {
		// Only the latest count matters: replace one the screen has not
		// taken rather than hold the work up.
		select {
		case <-work:
		default:
		}
		work <- ui.Work{What: stage, Done: done, Total: total}
	}}
	defer bg.wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bg.finish(ctx, lib)
	err = ui.Run(ctx, readerLibrary{lib}, ui.Options{
		Config:  &cfg,
		Refresh: a.readerRefresh(lib, bg),
		Work:    work,
	})
	return a.showUnsavedNote(err)
}

// showUnsavedNote prints a note the reader could not save, after the error
// line, so the words typed are on the screen (or in the terminal's
// scrollback) rather than gone.
func (a *app) showUnsavedNote(err error) error {
	var unsaved *ui.UnsavedNoteError
	if !errors.As(err, &unsaved) {
		return err
	}
	fmt.Fprintf(a.stderr, "byline: %s; here it is:\n\n%s\n", termtext.Line(err.Error()), termtext.Clean(unsaved.Text))
	return exitError{1}
}

// readerMemory is the soft limit of the reader's Go heap: a reader stays
// open for hours, and r refreshes tens of thousands of articles in it,
// under a ceiling of 100 MB resident. Of that, the binary's pages take
// about 26 MB and SQLite (outside the Go heap) 15-19 MB. r of the bench's
// 50,000 items peaked at 99.6 MB resident with 48 MiB (43.6 s of CPU) and
// 90.6 MB with 40 MiB (46.7 s), at a load of 5; with 64 MiB, 10,000 items
// alone reached 104-112 MB.
const readerMemory = 40 << 20

// readerQueue is how many articles r's pipeline holds before a feed
// waits: two of a feed's parts, enough to keep the one worker busy.
const readerQueue = 500

// readerRefresh is what r does in the reader: fetch every feed, report
// progress per feed, and return once the new articles are listed; their
// people, places and quotes follow in the background.
func (a *app) readerRefresh(lib *store.Store, bg *background) ui.RefreshFunc {
	return func(ctx context.Context, feedIDs []int64, progress func(done, total int)) (ui.RefreshResult, error) {
		// The same pipeline as byline refresh, on one extraction worker
		// so the other core keeps the screen responsive, and within the
		// reader's ceiling: one feed read at a time and a short queue
		// (readerMemory has the figures).
		p := ingest.Start(ctx, lib, ingest.Options{Workers: 1, Queue: readerQueue})
		results, err := ingest.Refresh(ctx, lib, p, ingest.RefreshOptions{
			Fetcher:  a.fetcher(),
			Reading:  1,
			FeedIDs:  feedIDs,
			Progress: func(done, total int, _ ingest.FeedResult) { progress(done, total) },
		})
		if cerr := p.Close(); err == nil {
			err = cerr
		}
		res := ui.RefreshResult{Feeds: len(results)}
		for _, r := range results {
			res.New += r.New
			if r.Err != nil {
				title := r.Feed.Title
				if title == "" {
					title = r.Feed.URL
				}
				res.Failed = append(res.Failed, ui.FeedFailure{Feed: title, Err: r.Err.Error()})
			}
		}
		if err == nil && len(feedIDs) == 0 {
			// A failed sync leaves its marks waiting and says so in
			// the status line; the library stays as it was.
			synced, serr := a.readerSync(ctx, lib)
			res.New += synced
			err = serr
			if err == nil && len(results) == 0 {
				if accounts, _ := lib.Accounts(ctx); len(accounts) == 0 {
					err = errNoFeeds
				}
			}
		}
		bg.finish(ctx, lib)
		return res, err
	}
}

var errNoFeeds = errors.New("no feeds to refresh — byline subscribe URL")

// background runs ingest.FinishInBackground one at a time; asked again while it runs,
// it runs once more afterwards, for articles saved after its last look.
type background struct {
	progress func(stage string, done, total int)
	mu       sync.Mutex
	running  bool
	again    bool
	wg       sync.WaitGroup
}

func (b *background) finish(ctx context.Context, lib *store.Store) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.running {
		b.again = true
		return
	}
	b.running = true
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		for {
			ingest.FinishInBackground(ctx, lib, b.progress)
			if b.progress != nil {
				b.progress("", 0, 0) // done, or stopped: the status line clears
			}
			b.mu.Lock()
			if !b.again || ctx.Err() != nil {
				b.running = false
				b.mu.Unlock()
				return
			}
			b.again = false
			b.mu.Unlock()
		}
	}()
}

func (b *background) wait() { b.wg.Wait() }

// readerLibrary shows an article whose people, places and quotes are not
// stored yet (a refresh is still working through them) with ones found on
// the spot: extraction takes a millisecond, and the panels are never empty
// for want of it.
type readerLibrary struct{ *store.Store }

// Unsearchable lets the list say how many articles a search cannot find
// yet while the background work indexes them.
func (l readerLibrary) Unsearchable(ctx context.Context, q news.Query) (int, error) {
	return l.Store.Unsearchable(ctx, q, extract.Version)
}

func (l readerLibrary) Article(ctx context.Context, id int64) (*news.Article, error) {
	a, err := l.Store.Article(ctx, id)
	if err == nil {
		fillEntities(a)
	}
	return a, err
}

// fillEntities finds the people, places and quotes of an article that a
// refresh has not been through yet (or one extracted by an older byline),
// so what is shown never waits for the background work.
func fillEntities(a *news.Article) {
	if a.EntitiesVersion < extract.Version {
		a.Entities = extract.Entities(a.Title, a.Body)
	}
}

// fetchPage captures web pages for byline add.
func (a *app) fetchPage() func(ctx context.Context, url string) (*news.Article, error) {
	return a.fetcher().FetchPage
}
