package feed

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"byline/extract"
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
	Err         error
}

// RefreshOptions tune Refresh; the zero value is what `byline refresh` does.
type RefreshOptions struct {
	Fetcher *Fetcher
	// Concurrency is how many feeds are fetched at once (8 when zero); the
	// Fetcher also allows no more than two requests to one host at a time.
	Concurrency int
	// FeedIDs limits the refresh to these feeds; all of them when empty.
	FeedIDs []int64
	// Progress is called after each feed is fetched and saved, from one
	// goroutine at a time.
	Progress func(done, total int, r FeedResult)
}

// SummaryWords is the length under which an item is taken for a summary
// and its page is captured instead. Real summaries run to two or three
// sentences; real stories, even short wire items, to well over a hundred
// words.
const SummaryWords = 80

// Refresh fetches every feed (or those in opts.FeedIDs) and saves their new
// and changed articles. Feeds are fetched concurrently and conditionally
// (ETag, Last-Modified), parsed on every core, and their articles saved in
// large transactions without their search rows, so the whole refresh is
// listed and readable as soon as possible; Finish then extracts people,
// places and quotes and writes the search index. A feed that fails is
// recorded with its error and the others go on; err is only for failures
// of the library itself.
func Refresh(ctx context.Context, st *store.Store, opts RefreshOptions) ([]FeedResult, error) {
	feeds, err := feedsToRefresh(ctx, st, opts.FeedIDs)
	if err != nil {
		return nil, err
	}
	if opts.Fetcher == nil {
		opts.Fetcher = NewFetcher()
	}
	workers := opts.Concurrency
	if workers <= 0 {
		workers = 8
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type fetched struct {
		i     int
		items []*news.Article
		feed  news.Feed // with what the response taught: title, validators
	}
	jobs := make(chan int)
	out := make(chan fetched)
	results := make([]FeedResult, len(feeds))
	var wg sync.WaitGroup
	for range min(workers, len(feeds)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f := feeds[i]
				items, err := fetchFeed(ctx, st, opts.Fetcher, &f, &results[i])
				results[i].Err = err
				select {
				case out <- fetched{i, items, f}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range feeds {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()

	// One goroutine saves, since SQLite takes one writer at a time; the
	// fetchers keep parsing while it writes.
	done := 0
	for r := range out {
		res := &results[r.i]
		f := r.feed
		f.LastRefresh = time.Now()
		if res.Err == nil {
			f.LastError = ""
			if err := saveItems(ctx, st, r.items, res); err != nil {
				return results, err
			}
		} else {
			f.LastError = res.Err.Error()
		}
		// The feed's validators are saved only after its items: a refresh
		// killed in between fetches the feed again instead of missing it.
		if err := st.UpdateFeed(ctx, &f); err != nil && !errors.Is(err, store.ErrNotFound) {
			return results, err
		}
		res.Feed = f
		done++
		if opts.Progress != nil {
			opts.Progress(done, len(feeds), *res)
		}
	}
	if err := ctx.Err(); err != nil {
		return results, err
	}
	return results, nil
}

func feedsToRefresh(ctx context.Context, st *store.Store, ids []int64) ([]news.Feed, error) {
	if len(ids) == 0 {
		return st.Feeds(ctx)
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

var parseSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// fetchFeed fetches and parses one feed, and captures the pages of new
// items that carry only a summary. f is updated with what the response
// said; the articles are returned for saving.
func fetchFeed(ctx context.Context, st *store.Store, fetcher *Fetcher, f *news.Feed, res *FeedResult) ([]*news.Article, error) {
	resp, err := fetcher.Get(ctx, f.URL, f.ETag, f.LastModified)
	if err != nil {
		return nil, err
	}
	if resp.NotModified {
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
		res.NotModified = true
		return nil, nil
	}
	// Parsing is all CPU: more at once than there are cores only holds
	// more parsed feeds in memory and delays the first one saved.
	parseSlots <- struct{}{}
	p, err := ParseFeed(resp.Body, resp.URL)
	<-parseSlots
	if err != nil {
		return nil, err
	}
	f.ETag, f.LastModified = resp.ETag, resp.LastModified
	if p.Title != "" {
		f.Title = p.Title
	}
	if p.SiteURL != "" {
		f.SiteURL = p.SiteURL
	}
	for _, a := range p.Items {
		a.FeedID = f.ID
		if f.Title != "" {
			a.Source = f.Title
		}
	}
	return capturePages(ctx, st, fetcher, f, p.Items, res)
}

// capturePages replaces the summaries of new items with their pages, for a
// feed set to full text or for items too short to be the story. Items
// already in the library are left as they are: their page was captured on
// an earlier refresh, and the summary must not overwrite it: they are left
// out of the items returned.
func capturePages(ctx context.Context, st *store.Store, fetcher *Fetcher, f *news.Feed, items []*news.Article, res *FeedResult) ([]*news.Article, error) {
	var short []*news.Article
	for _, a := range items {
		if a.URL != "" && (f.FullText || a.Words < SummaryWords) {
			short = append(short, a)
		}
	}
	if len(short) == 0 {
		return items, nil
	}
	guids := make([]string, len(short))
	for i, a := range short {
		guids[i] = a.GUID
	}
	known, err := st.KnownGUIDs(ctx, f.ID, guids)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	sem := make(chan struct{}, 4)
	stored := map[*news.Article]bool{}
	for _, a := range short {
		if known[a.GUID] {
			stored[a] = true
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			page, err := fetcher.FetchPage(ctx, a.URL)
			if err != nil || page.Words <= a.Words {
				mu.Lock()
				if err != nil {
					res.PagesFailed++
				}
				mu.Unlock()
				return
			}
			a.Body, a.Words = page.Body, page.Words
			if a.Author == "" {
				a.Author = page.Author
			}
		}()
	}
	wg.Wait()
	keep := items[:0:0]
	for _, a := range items {
		if !stored[a] {
			keep = append(keep, a)
		}
	}
	return keep, ctx.Err()
}

// refreshBatch is how many articles go into one transaction: big enough
// that commits cost nothing, small enough that the reader sees a large
// refresh arrive in steps.
const refreshBatch = 1000

func saveItems(ctx context.Context, st *store.Store, keep []*news.Article, res *FeedResult) error {
	for len(keep) > 0 {
		n := min(len(keep), refreshBatch)
		saved, err := st.SaveUnindexed(ctx, keep[:n])
		if err != nil {
			return err
		}
		for _, s := range saved {
			switch {
			case s.New:
				res.New++
			case s.Changed:
				res.Updated++
			}
		}
		keep = keep[n:]
	}
	return nil
}

// Finish does what a refresh leaves for later: Extract, then Index.
// Interrupted, it leaves the rest for the next call.
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

// Index writes the search rows of the articles a refresh saved without
// them, indexBatch to a transaction. progress, when not nil, is called
// after each batch.
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
// leaving the others to the user, in batches of 250 articles.
func FinishInBackground(ctx context.Context, st *store.Store) error {
	if _, err := extractWith(ctx, st, 1, 250, nil); err != nil {
		return err
	}
	_, err := Index(ctx, st, nil)
	return err
}

// extractWith is Extract on workers cores, page articles at a time: read,
// in flight and written per transaction.
func extractWith(ctx context.Context, st *store.Store, workers, page int, progress func(done, total int)) (int, error) {
	total, err := st.Unfinished(ctx, extract.Version)
	if err != nil || total == 0 {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		id  int64
		ent news.Entities
	}
	todo := make(chan *news.Article, page)
	done := make(chan result, page)
	readErr := make(chan error, 1)
	go func() {
		defer close(todo)
		var after int64
		for {
			arts, err := st.Unextracted(ctx, extract.Version, after, page)
			if err != nil || len(arts) == 0 {
				readErr <- err
				return
			}
			for _, a := range arts {
				select {
				case todo <- a:
				case <-ctx.Done():
					readErr <- ctx.Err()
					return
				}
			}
			after = arts[len(arts)-1].ID
		}
	}()
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range todo {
				select {
				case done <- result{a.ID, extract.Entities(a.Title, a.Body)}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	n := 0
	batch := make(map[int64]news.Entities, page)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := st.SetEntities(ctx, extract.Version, batch); err != nil {
			return err
		}
		n += len(batch)
		clear(batch)
		if progress != nil {
			progress(n, total)
		}
		return nil
	}
	for r := range done {
		batch[r.id] = r.ent
		if len(batch) == page {
			if err := flush(); err != nil {
				return n, fmt.Errorf("store people, places and quotes: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return n, fmt.Errorf("store people, places and quotes: %w", err)
	}
	if err := <-readErr; err != nil {
		return n, err
	}
	return n, ctx.Err()
}
