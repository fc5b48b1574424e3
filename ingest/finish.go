package ingest

import (
	"context"
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"byline/extract"
	"byline/news"
	"byline/store"
)

// Finish does what a pipeline run with Options.Later, or an interrupted
// one, left: Extract, then Index. Interrupted, it leaves the rest for the
// next call.
func Finish(ctx context.Context, st *store.Store, progress func(done, total int)) (int, error) {
	n, err := Extract(ctx, st, progress)
	if err != nil {
		return n, err
	}
	_, err = Index(ctx, st, nil)
	return n, err
}

// indexBatch is how many articles' search rows go into one transaction:
// the full-text index writes each batch as one segment and merges
// segments as they pile up, so fewer, larger batches cost less.
const indexBatch = 2000

// Index writes the search rows of the articles saved without them,
// indexBatch to a transaction. progress, when not nil, is called after
// each batch.
func Index(ctx context.Context, st *store.Store, progress func(done, total int)) (int, error) {
	total, err := st.Unindexed(ctx)
	if err != nil || total == 0 {
		return 0, err
	}
	done := 0
	for {
		n, err := st.IndexPending(ctx, indexBatch)
		if err != nil {
			return done, fmt.Errorf("index for search: %w", err)
		}
		if n == 0 {
			return done, nil
		}
		done += n
		if progress != nil {
			progress(min(done, total), total)
		}
		if err := ctx.Err(); err != nil {
			return done, err
		}
	}
}

// Extract finds the people, places and quotes of every article that has
// not been through this extractor yet. Extraction runs on every core; one
// goroutine writes. progress, when not nil, is called after each batch is
// stored. Interrupted, it leaves the rest for the next call.
func Extract(ctx context.Context, st *store.Store, progress func(done, total int)) (int, error) {
	return extractWith(ctx, st, runtime.GOMAXPROCS(0), 2000, progress)
}

// FinishInBackground is Finish for a program that has a screen to keep
// responsive and a memory budget, the reader: extraction runs on one core,
// leaving the others to the user, in batches of 250 articles. progress,
// when not nil, hears how far each stage has got, for a status line.
func FinishInBackground(ctx context.Context, st *store.Store, progress func(stage string, done, total int)) error {
	report := func(stage string) func(done, total int) {
		if progress == nil {
			return nil
		}
		return func(done, total int) { progress(stage, done, total) }
	}
	if _, err := extractWith(ctx, st, 1, 250, report("people, places, quotes")); err != nil {
		return err
	}
	_, err := Index(ctx, st, report("search index"))
	return err
}

// extractWith is Extract on workers cores, page articles at a time: read,
// in flight and written per transaction.
func extractWith(ctx context.Context, st *store.Store, workers, page int, progress func(done, total int)) (int, error) {
	total, err := st.Unfinished(ctx, extract.Version)
	if err != nil || total == 0 {
		return 0, err
	}
	type result struct {
		id  int64
		ent news.Entities
	}
	g, ctx := errgroup.WithContext(ctx)
	todo := make(chan *news.Article, page)
	done := make(chan result, page)
	g.Go(func() error {
		defer close(todo)
		var after int64
		for {
			arts, err := st.Unextracted(ctx, extract.Version, after, page)
			if err != nil || len(arts) == 0 {
				return err
			}
			for _, a := range arts {
				select {
				case todo <- a:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			after = arts[len(arts)-1].ID
		}
	})
	var extractors errgroup.Group
	for range max(workers, 1) {
		extractors.Go(func() error {
			for a := range todo {
				select {
				case done <- result{a.ID, extract.Entities(a.Title, a.Body)}:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(done)
		return extractors.Wait()
	})

	n := 0
	batch := make(map[int64]news.Entities, page)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := st.SetEntities(ctx, extract.Version, batch); err != nil {
			return fmt.Errorf("store people, places and quotes: %w", err)
		}
		n += len(batch)
		clear(batch)
		if progress != nil {
			progress(n, total)
		}
		return nil
	}
	g.Go(func() error {
		for r := range done {
			batch[r.id] = r.ent
			if len(batch) == page {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
	return n, g.Wait()
}
