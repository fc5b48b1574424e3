package ingest

import (
	"context"
	"errors"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"byline/news"
	"byline/store"
)

// Batch is articles one source hands over together: a feed's items, a
// page of a sync client's stream, one file.
type Batch struct {
	// Articles are parsed and ready to store: FeedID set for a feed's items
	// (0 for none) and GUID as the source knows it, which is how an
	// article seen again is recognised. The pipeline owns them once Put.
	Articles []*news.Article
	// Saved, when not nil, is called once every article of the batch is
	// stored and listed, with what the save did to each, in order
	// (res[i].ID is Articles[i]'s id). Batches are saved, and Saved is
	// called, in the order they were Put, from one goroutine at a time; it
	// should be quick. An error stops the pipeline and is what Close
	// returns.
	Saved func(res []store.SaveResult) error
}

// Options tune a Pipeline; the zero value is what byline refresh does.
type Options struct {
	// Later leaves finding people, places and quotes and indexing for
	// search to a later Finish: Close returns once every article is
	// saved. The reader lists new articles at once and finishes in the
	// background.
	Later bool
	// Progress, when not nil, is called as Close finishes the articles
	// saved: step is "extract" or "index".
	Progress func(step string, done, total int)
}

// Pipeline stores the articles handed to it: Start, Put any number of
// batches from any number of goroutines, then Close once.
type Pipeline struct {
	st     *store.Store
	opts   Options
	parent context.Context // Close finishes under it: ctx ends with g
	ctx    context.Context
	g      *errgroup.Group
	in     chan Batch
	room   *semaphore.Weighted // articles put and not yet saved

	saverDone chan struct{} // closed when save returns, with saveErr set
	saveErr   error

	closeOnce sync.Once
}

// queuedArticles is how many articles may wait for the writer before Put
// blocks: enough that a source never waits on a commit, few enough that
// parsed feeds do not pile up in memory. A larger batch waits for the
// queue to empty and then goes in alone.
const queuedArticles = 4000

// saveBatch is how many articles go into one transaction: big enough that
// commits cost nothing, small enough that the reader sees a large refresh
// arrive in steps.
const saveBatch = 1000

// Start starts a pipeline into st. It runs until Close, or until ctx ends
// or a save fails; Put then returns the error.
func Start(ctx context.Context, st *store.Store, opts Options) *Pipeline {
	g, gctx := errgroup.WithContext(ctx)
	p := &Pipeline{st: st, opts: opts, parent: ctx, ctx: gctx, g: g,
		in: make(chan Batch, 256), room: semaphore.NewWeighted(queuedArticles), saverDone: make(chan struct{})}
	g.Go(func() error {
		defer close(p.saverDone)
		p.saveErr = p.save()
		return p.saveErr
	})
	return p
}

// weight is what a batch takes of the queue.
func weight(b Batch) int64 { return min(int64(len(b.Articles)), queuedArticles) }

// Put hands a batch to the pipeline. It blocks while the queue is full,
// and returns an error, without taking the batch, once the pipeline has
// stopped.
func (p *Pipeline) Put(b Batch) error {
	if err := p.room.Acquire(p.ctx, weight(b)); err != nil {
		return p.stopped()
	}
	select {
	case p.in <- b:
		return nil
	case <-p.ctx.Done():
		p.room.Release(weight(b))
		return p.stopped()
	}
}

// stopped is the error of a pipeline that ended early.
func (p *Pipeline) stopped() error {
	select {
	case <-p.saverDone:
		if p.saveErr != nil {
			return p.saveErr
		}
	default:
	}
	if err := p.parent.Err(); err != nil {
		return err
	}
	return errors.New("the pipeline was closed")
}

// Close says no more batches are coming and waits until every article put
// is saved and, unless Options.Later, its people, places and quotes are
// stored and it is indexed for search, with any such work an earlier,
// interrupted run left. It returns the first error of the pipeline.
func (p *Pipeline) Close() error {
	p.closeOnce.Do(func() { close(p.in) })
	if err := p.g.Wait(); err != nil {
		return err
	}
	if p.opts.Later {
		return nil
	}
	var extract, index func(done, total int)
	if p.opts.Progress != nil {
		extract = func(done, total int) { p.opts.Progress("extract", done, total) }
		index = func(done, total int) { p.opts.Progress("index", done, total) }
	}
	if _, err := Extract(p.parent, p.st, extract); err != nil {
		return err
	}
	_, err := Index(p.parent, p.st, index)
	return err
}

// save is the writer: SQLite takes one writer at a time, and the sources
// keep reading and parsing while it writes. Batches waiting together are
// saved in one transaction, so a source of single articles (byline add, a
// sync client's page) costs no more commits than a feed of thousands.
func (p *Pipeline) save() error {
	var group []Batch
	for {
		group = group[:0]
		select {
		case b, ok := <-p.in:
			if !ok {
				return nil
			}
			group = append(group, b)
		case <-p.ctx.Done():
			return p.ctx.Err()
		}
		n := len(group[0].Articles)
	more:
		for n < saveBatch {
			select {
			case b, ok := <-p.in:
				if !ok {
					break more
				}
				group = append(group, b)
				n += len(b.Articles)
			default:
				break more
			}
		}
		if err := p.saveGroup(group, n); err != nil {
			return err
		}
	}
}

// saveGroup saves the n articles of group, saveBatch to a transaction, and
// tells each batch what became of its articles.
func (p *Pipeline) saveGroup(group []Batch, n int) error {
	arts := make([]*news.Article, 0, n)
	for _, b := range group {
		arts = append(arts, b.Articles...)
	}
	res := make([]store.SaveResult, 0, n)
	for rest := arts; len(rest) > 0; {
		k := min(len(rest), saveBatch)
		saved, err := p.st.SaveUnindexed(p.ctx, rest[:k])
		if err != nil {
			return err
		}
		res = append(res, saved...)
		rest = rest[k:]
	}
	for _, b := range group {
		p.room.Release(weight(b))
		k := len(b.Articles)
		if b.Saved != nil {
			if err := b.Saved(res[:k:k]); err != nil {
				return err
			}
		}
		res = res[k:]
	}
	return nil
}
