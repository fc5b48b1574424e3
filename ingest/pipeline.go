package ingest

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"byline/extract"
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
	// Workers is how many goroutines find people, places and quotes (all
	// cores when zero).
	Workers int
	// Later leaves finding people, places and quotes and indexing for
	// search to a later Finish: articles are saved as they come, and
	// Close returns once every one is.
	Later bool
	// Queue is how many articles may wait in the pipeline before Put
	// blocks (queuedArticles when zero): each holds its text in memory.
	Queue int
}

// Pipeline stores the articles handed to it: Start, Put any number of
// batches from any number of goroutines, then Close once.
//
// Inside, one goroutine reads each batch as it comes and asks the library
// which of its articles it holds already, unchanged; the rest go to the
// workers, which find their people, places and quotes; one writer saves
// each batch, in order, once its articles are ready, with their entities
// and search rows in the same transaction, so every article is written
// once and whole. The queues between them are bounded: a source blocks in
// Put instead of piling articles up in memory.
type Pipeline struct {
	st     *store.Store
	opts   Options
	parent context.Context
	ctx    context.Context
	g      *errgroup.Group
	in     chan Batch
	room   *semaphore.Weighted // articles put and not yet saved

	saverDone chan struct{} // closed when save returns, with saveErr set
	saveErr   error

	closeOnce sync.Once
}

// job is a batch on its way through: ready is closed once every article
// of it that needs them has its people, places and quotes.
type job struct {
	b       Batch
	ready   chan struct{}
	pending atomic.Int64
}

// task is one article for an extraction worker.
type task struct {
	a *news.Article
	j *job
}

func (j *job) extracted() {
	if j.pending.Add(-1) == 0 {
		close(j.ready)
	}
}

// queuedArticles is how many articles may be in the pipeline before Put
// blocks: enough that the workers and the writer never wait for each
// other, few enough that memory stays flat. A larger batch waits for the
// pipeline to empty and then goes in alone.
const queuedArticles = 4000

// saveBatch is how many articles go into one transaction: big enough that
// commits cost nothing, small enough that the reader sees a large refresh
// arrive in steps.
const saveBatch = 1000

// Start starts a pipeline into st. It runs until Close, or until ctx ends
// or a save fails; Put then returns the error.
func Start(ctx context.Context, st *store.Store, opts Options) *Pipeline {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Queue <= 0 {
		opts.Queue = queuedArticles
	}
	g, gctx := errgroup.WithContext(ctx)
	p := &Pipeline{st: st, opts: opts, parent: ctx, ctx: gctx, g: g,
		in: make(chan Batch, 256), room: semaphore.NewWeighted(int64(opts.Queue)), saverDone: make(chan struct{})}
	ordered := make(chan *job, 64)
	todo := make(chan task, 256)
	g.Go(func() error {
		defer close(ordered)
		defer close(todo)
		return p.dispatch(ordered, todo)
	})
	for range opts.Workers {
		g.Go(func() error {
			for t := range todo {
				t.a.Entities = extract.Entities(t.a.Title, t.a.Body)
				t.a.EntitiesVersion = extract.Version
				p.st.Prepare(t.a) // packed here, not by the one writer
				t.j.extracted()
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(p.saverDone)
		p.saveErr = p.save(ordered)
		return p.saveErr
	})
	return p
}

// weight is what a batch takes of the queue.
func (p *Pipeline) weight(b Batch) int64 { return min(int64(len(b.Articles)), int64(p.opts.Queue)) }

// Put hands a batch to the pipeline. It blocks while the pipeline is full,
// and returns an error, without taking the batch, once the pipeline has
// stopped.
func (p *Pipeline) Put(b Batch) error {
	if p.ctx.Err() != nil {
		return p.stopped()
	}
	if err := p.room.Acquire(p.ctx, p.weight(b)); err != nil {
		return p.stopped()
	}
	select {
	case p.in <- b:
		return nil
	case <-p.ctx.Done():
		p.room.Release(p.weight(b))
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
// is saved and, unless Options.Later, has its people, places and quotes
// and its search row. It returns the first error of the pipeline. Work an
// earlier, interrupted run left in the library is Finish's.
func (p *Pipeline) Close() error {
	p.closeOnce.Do(func() { close(p.in) })
	return p.g.Wait()
}

// dispatch sends each batch to the writer, in order, and the articles of
// it that need extracting to the workers.
func (p *Pipeline) dispatch(ordered chan<- *job, todo chan<- task) error {
	for {
		var b Batch
		select {
		case next, ok := <-p.in:
			if !ok {
				return nil
			}
			b = next
		case <-p.ctx.Done():
			return p.ctx.Err()
		}
		j := &job{b: b, ready: make(chan struct{})}
		var need []*news.Article
		if !p.opts.Later {
			var same []bool
			if len(b.Articles) > 0 {
				var err error
				if same, err = p.st.Unchanged(p.ctx, b.Articles); err != nil {
					return err
				}
			}
			for i, a := range b.Articles {
				if !same[i] && a.EntitiesVersion < extract.Version {
					need = append(need, a)
				}
			}
		}
		j.pending.Store(int64(len(need)) + 1)
		select {
		case ordered <- j:
		case <-p.ctx.Done():
			return p.ctx.Err()
		}
		for _, a := range need {
			select {
			case todo <- task{a, j}:
			case <-p.ctx.Done():
				return p.ctx.Err()
			}
		}
		j.extracted() // the one for the dispatch itself
	}
}

// save is the writer: SQLite takes one writer at a time. Batches ready
// together are saved in one transaction, so a source of single articles
// (byline add, a sync client's page) costs no more commits than a feed of
// thousands.
func (p *Pipeline) save(ordered <-chan *job) error {
	var group []*job
	var held *job // next in order, not ready when the last group was made
	for {
		group = group[:0]
		j := held
		held = nil
		if j == nil {
			var ok bool
			select {
			case j, ok = <-ordered:
				if !ok {
					return nil
				}
			case <-p.ctx.Done():
				return p.ctx.Err()
			}
		}
		select {
		case <-j.ready:
		case <-p.ctx.Done():
			return p.ctx.Err()
		}
		group = append(group, j)
		n := len(j.b.Articles)
	more:
		for n < saveBatch {
			select {
			case next, ok := <-ordered:
				if !ok {
					break more
				}
				select {
				case <-next.ready:
				default:
					held = next
					break more
				}
				group = append(group, next)
				n += len(next.b.Articles)
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
func (p *Pipeline) saveGroup(group []*job, n int) error {
	arts := make([]*news.Article, 0, n)
	for _, j := range group {
		arts = append(arts, j.b.Articles...)
	}
	res := make([]store.SaveResult, 0, n)
	for rest := arts; len(rest) > 0; {
		k := min(len(rest), saveBatch)
		var saved []store.SaveResult
		var err error
		if p.opts.Later {
			saved, err = p.st.SaveUnindexed(p.ctx, rest[:k])
		} else {
			saved, err = p.st.Save(p.ctx, rest[:k])
		}
		if err != nil {
			return err
		}
		res = append(res, saved...)
		rest = rest[k:]
	}
	for _, j := range group {
		b := j.b
		p.room.Release(p.weight(b))
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
