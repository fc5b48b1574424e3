package ingest

import (
	"context"
	"errors"
	"sync"
	"time"

	"byline/feed"
	"byline/news"
	"byline/store"
)

// FeedResult is what one feed's refresh did.
type FeedResult struct {
	Feed        news.Feed
	New         int // articles the library did not have
	Updated     int // articles whose text changed
	NotModified bool
	PagesFailed int // summary-only items whose page could not be fetched: kept as summaries
	Expired     int // articles deleted by the feed's keep rule (store.Keep)
	Err         error
}

// RefreshOptions tune Refresh; the zero value is what `byline refresh` does.
type RefreshOptions struct {
	Fetcher *feed.Fetcher
	// Concurrency is how many feeds are fetched at once (8 when zero); the
	// Fetcher also allows no more than two requests to one host at a time.
	Concurrency int
	// Reading is how many of them are read and parsed at once, holding
	// their text in memory (feed.FetchOptions.Reading).
	Reading int
	// FeedIDs limits the refresh to these feeds; all of them when empty.
	FeedIDs []int64
	// Progress is called after each feed is fetched and saved, from one
	// goroutine at a time.
	Progress func(done, total int, r FeedResult)
}

// Refresh fetches every feed (or those in opts.FeedIDs) and puts their new
// and changed articles into p, and returns once every one is saved and
// listed; p's Close finishes them. A feed that fails is recorded with its
// error and the others go on; err is only for failures of the library
// itself. Once a feed's articles are saved, its keep rule expires its old
// ones.
func Refresh(ctx context.Context, st *store.Store, p *Pipeline, opts RefreshOptions) (_ []FeedResult, retErr error) {
	feeds, err := feedsToRefresh(ctx, st, opts.FeedIDs)
	if err != nil {
		return nil, err
	}
	keeps, err := feedKeeps(ctx, st, feeds)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	if opts.Fetcher == nil {
		opts.Fetcher = feed.NewFetcher()
	}
	// Hosts that asked an earlier refresh to wait (429 or 503 with a
	// Retry-After) are left alone until then, and this refresh's requests
	// to wait are kept for the next.
	holds, err := st.HostHolds(ctx, now)
	if err != nil {
		return nil, err
	}
	for host, h := range holds {
		opts.Fetcher.Hold(host, h.Status, h.Until)
	}
	defer func() {
		held := map[string]store.HostHold{}
		for host, e := range opts.Fetcher.Holds() {
			held[host] = store.HostHold{Until: e.RetryAfter, Status: e.Status}
		}
		if err := st.SetHostHolds(context.WithoutCancel(ctx), held, time.Now()); err != nil && retErr == nil {
			retErr = err
		}
	}()
	results := make([]FeedResult, len(feeds))
	var (
		mu    sync.Mutex // done and the calls of Progress
		done  int
		saved sync.WaitGroup
	)
	// A feed's validators are saved only after its items: a refresh killed
	// in between fetches the feed again instead of missing it.
	record := func(i int, f news.Feed) error {
		res := &results[i]
		f.LastRefresh = time.Now()
		f.LastError = ""
		if res.Err != nil {
			f.LastError = res.Err.Error()
		}
		n, err := st.Expire(ctx, f.ID, keeps[f.ID], now)
		if err != nil {
			return err
		}
		res.Expired = n
		if err := st.UpdateFeed(ctx, &f); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		res.Feed = f
		mu.Lock()
		defer mu.Unlock()
		done++
		if opts.Progress != nil {
			opts.Progress(done, len(feeds), *res)
		}
		return nil
	}
	put := make([]bool, len(feeds)) // a part of the feed is in p
	err = feed.FetchFeeds(ctx, feeds, feed.FetchOptions{
		Fetcher:     opts.Fetcher,
		Concurrency: opts.Concurrency,
		Reading:     opts.Reading,
		Known:       st.KnownGUIDs,
	}, func(i int, f feed.Fetched) error {
		// The writer counts the parts already put into results[i]:
		// only the fields it leaves alone are set here.
		res := &results[i]
		res.Feed, res.NotModified, res.Err = f.Feed, f.NotModified, f.Err
		res.PagesFailed += f.PagesFailed
		if f.Err != nil && ctx.Err() != nil {
			return ctx.Err() // cut short, not the feed's fault
		}
		items := keptItems(f.Items, keeps[f.Feed.ID], now)
		if len(items) == 0 && (f.More || !put[i]) {
			if f.More {
				return nil
			}
			return record(i, f.Feed)
		}
		put[i] = true
		saved.Add(1)
		// The feed is recorded once its last part is saved (an empty
		// one, when the rest was kept out, still waits its turn).
		err := p.Put(Batch{Articles: items, Saved: func(res []store.SaveResult) error {
			defer saved.Done()
			for _, s := range res {
				switch {
				case s.New:
					results[i].New++
				case s.Changed:
					results[i].Updated++
				}
			}
			if f.More {
				return nil
			}
			return record(i, f.Feed)
		}})
		if err != nil {
			saved.Done()
		}
		return err
	})
	if err != nil {
		return results, err
	}
	// Every batch put is saved, or the pipeline stopped.
	wait := make(chan struct{})
	go func() { saved.Wait(); close(wait) }()
	select {
	case <-wait:
	case <-p.saverDone:
		if p.saveErr != nil {
			return results, p.saveErr
		}
		<-wait // the writer ended cleanly: it saved every batch
	}
	return results, ctx.Err()
}

func feedsToRefresh(ctx context.Context, st *store.Store, ids []int64) ([]news.Feed, error) {
	if len(ids) == 0 {
		// An account's server fetches its feeds; byline sync pulls them.
		all, err := st.Feeds(ctx)
		if err != nil {
			return nil, err
		}
		synced, err := st.SyncedFeeds(ctx)
		if err != nil {
			return nil, err
		}
		feeds := all[:0]
		for _, f := range all {
			if !synced[f.ID] {
				feeds = append(feeds, f)
			}
		}
		return feeds, nil
	}
	var feeds []news.Feed
	for _, id := range ids {
		f, err := st.Feed(ctx, id)
		if err != nil {
			return nil, err
		}
		feeds = append(feeds, f)
	}
	return feeds, nil
}
