package ingest

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"golang.org/x/sync/errgroup"

	"byline/feed"
	"byline/news"
	"byline/store"
)

// AddResult is what happened to one input of Add.
type AddResult struct {
	Input string // the file, URL or "-" as given (a file inside a given folder for folders)
	ID    int64
	Title string
	New   bool
	Err   error
}

// AddOptions are Add's sources and its report.
type AddOptions struct {
	Stdin     io.Reader                                                    // read for "-"
	FetchPage func(ctx context.Context, url string) (*news.Article, error) // captures web pages; nil refuses URLs
	Report    func(AddResult)                                              // called once per input, in input order, after it is saved
}

// Add reads files, folders (recursively), standard input ("-") and web
// pages on every core and puts them through a pipeline: saved, their
// people, places and quotes found, indexed. An input that cannot be read is
// reported and skipped; err is only for failures that stop everything.
func Add(ctx context.Context, st *store.Store, args []string, opts AddOptions) (added, updated, failed int, err error) {
	items := feed.Inputs(args)
	src := feed.Sources{Stdin: opts.Stdin, FetchPage: opts.FetchPage}
	type read struct {
		a   *news.Article
		err error
	}
	// Inputs are read in any order and put in input order: each has its
	// own slot, and the putter waits for the next one.
	slots := make([]chan read, len(items))
	for i := range slots {
		slots[i] = make(chan read, 1)
	}
	p := Start(ctx, st, Options{})
	g, gctx := errgroup.WithContext(ctx)
	readers := runtime.GOMAXPROCS(0)
	ahead := make(chan struct{}, 4*readers) // inputs read and not yet put: memory stays flat
	g.Go(func() error {
		var rg errgroup.Group
		rg.SetLimit(readers)
		for i, in := range items {
			select {
			case ahead <- struct{}{}:
			case <-gctx.Done():
				return rg.Wait()
			}
			rg.Go(func() error {
				a, err := in.Read(gctx, src)
				slots[i] <- read{a, err}
				return nil
			})
		}
		return rg.Wait()
	})
	g.Go(func() error {
		for i, in := range items {
			var r read
			select {
			case r = <-slots[i]:
			case <-gctx.Done():
				return gctx.Err()
			}
			<-ahead
			report := func(res AddResult) error {
				res.Input = in.Name
				if res.Err != nil {
					failed++
				} else if res.New {
					added++
				} else {
					updated++
				}
				if opts.Report != nil {
					opts.Report(res)
				}
				return nil
			}
			b := Batch{Saved: func([]store.SaveResult) error { return report(AddResult{Err: r.err}) }}
			if r.err == nil {
				b = Batch{Articles: []*news.Article{r.a}, Saved: func(res []store.SaveResult) error {
					return report(AddResult{ID: res[0].ID, New: res[0].New, Title: r.a.Title})
				}}
			}
			if err := p.Put(b); err != nil {
				return err
			}
		}
		return nil
	})
	err = g.Wait()
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	// Inputs are reported in order as they are saved: a save that failed
	// (a full disk) failed on the first one not reported. Name it.
	if next := added + updated + failed; err != nil && ctx.Err() == nil && next < len(items) {
		switch rest := len(items) - next - 1; rest {
		case 0:
			err = fmt.Errorf("saving %s: %w", items[next].Name, err)
		default:
			err = fmt.Errorf("saving %s (and %d after it): %w", items[next].Name, rest, err)
		}
	}
	return added, updated, failed, err
}
