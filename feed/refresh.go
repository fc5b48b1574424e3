package feed

import (
	"context"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"byline/news"
)

// Fetched is what fetching one feed found.
type Fetched struct {
	// Feed is the feed with what the response taught: its title, site
	// and validators (ETag, Last-Modified). Its LastRefresh and LastError
	// are the caller's to set.
	Feed news.Feed
	// Items are the feed's articles to save, FeedID, GUID and Source set;
	// none when the feed was not modified or failed.
	Items       []*news.Article
	NotModified bool
	PagesFailed int // summary-only items whose page could not be fetched: kept as summaries
	Err         error
}

// FetchOptions tune FetchFeeds.
type FetchOptions struct {
	Fetcher *Fetcher // NewFetcher() when nil
	// Concurrency is how many feeds are fetched at once (8 when zero); the
	// Fetcher also allows no more than two requests to one host at a time.
	Concurrency int
	// Known says which of a feed's GUIDs the library already has: their
	// pages were captured before and are not fetched again, and their
	// summaries are left out of Items so they never replace the page.
	// Nil: none is known.
	Known func(ctx context.Context, feedID int64, guids []string) (map[string]bool, error)
}

// SummaryWords is the length under which an item is taken for a summary
// and its page is captured instead. Real summaries run to two or three
// sentences; real stories, even short wire items, to well over a hundred
// words.
const SummaryWords = 80

// FetchFeeds fetches feeds concurrently and conditionally (ETag,
// Last-Modified), parses them on every core, captures the pages of
// summary-only items, and hands each feed to got as it arrives, from one
// goroutine at a time; i is the feed's index in feeds. A feed that fails
// comes to got with its Err set and the others go on. An error from got,
// or the end of ctx, stops everything and is returned.
func FetchFeeds(ctx context.Context, feeds []news.Feed, opts FetchOptions, got func(i int, f Fetched) error) error {
	if opts.Fetcher == nil {
		opts.Fetcher = NewFetcher()
	}
	workers := opts.Concurrency
	if workers <= 0 {
		workers = 8
	}
	type fetched struct {
		i    int
		f    Fetched
		held bool // holds a parsed slot until got has it
	}
	// Parsed feeds wait for got in memory, and a large one holds tens of
	// megabytes: no more are parsed than got can take next, whatever the
	// number of feeds fetched at once.
	parsed := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	g, ctx := errgroup.WithContext(ctx)
	out := make(chan fetched)
	g.Go(func() error {
		defer close(out)
		fetchers, ctx := errgroup.WithContext(ctx)
		fetchers.SetLimit(workers)
		for i, f := range feeds {
			if ctx.Err() != nil {
				break
			}
			fetchers.Go(func() error {
				held := false
				hold := func() bool {
					select {
					case parsed <- struct{}{}:
						held = true
					case <-ctx.Done():
					}
					return held
				}
				r := fetchFeed(ctx, opts, f, hold)
				select {
				case out <- fetched{i, r, held}:
					return nil
				case <-ctx.Done():
					if held {
						<-parsed
					}
					return ctx.Err()
				}
			})
		}
		return fetchers.Wait()
	})
	g.Go(func() error {
		for r := range out {
			err := got(r.i, r.f)
			if r.held {
				<-parsed
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return g.Wait()
}

var parseSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// fetchFeed fetches and parses one feed, and captures the pages of new
// items that carry only a summary. It calls hold before parsing, which
// waits for room for one more parsed feed and says whether there is.
func fetchFeed(ctx context.Context, opts FetchOptions, f news.Feed, hold func() bool) Fetched {
	r := Fetched{Feed: f}
	resp, err := opts.Fetcher.Get(ctx, f.URL, f.ETag, f.LastModified)
	if err != nil {
		r.Err = err
		return r
	}
	if resp.NotModified {
		r.Feed.ETag, r.Feed.LastModified = resp.ETag, resp.LastModified
		r.NotModified = true
		return r
	}
	if !hold() {
		r.Err = ctx.Err()
		return r
	}
	// Parsing is all CPU: more at once than there are cores only delays
	// the first one saved.
	parseSlots <- struct{}{}
	p, err := ParseFeed(resp.Body, resp.URL)
	<-parseSlots
	if err != nil {
		r.Err = err
		return r
	}
	r.Feed.ETag, r.Feed.LastModified = resp.ETag, resp.LastModified
	if p.Title != "" {
		r.Feed.Title = p.Title
	}
	if p.SiteURL != "" {
		r.Feed.SiteURL = p.SiteURL
	}
	for _, a := range p.Items {
		a.FeedID = f.ID
		if r.Feed.Title != "" {
			a.Source = r.Feed.Title
		}
	}
	r.Items, r.Err = capturePages(ctx, opts, &r, p.Items)
	if r.Err != nil {
		r.Items = nil
	}
	return r
}

// capturePages replaces the summaries of new items with their pages, for a
// feed set to full text or for items too short to be the story. Items
// already in the library are left as they are: their page was captured on
// an earlier refresh, and the summary must not overwrite it: they are left
// out of the items returned.
func capturePages(ctx context.Context, opts FetchOptions, r *Fetched, items []*news.Article) ([]*news.Article, error) {
	var short []*news.Article
	for _, a := range items {
		if a.URL != "" && (r.Feed.FullText || a.Words < SummaryWords) {
			short = append(short, a)
		}
	}
	if len(short) == 0 {
		return items, nil
	}
	known := map[string]bool{}
	if opts.Known != nil {
		guids := make([]string, len(short))
		for i, a := range short {
			guids[i] = a.GUID
		}
		var err error
		if known, err = opts.Known(ctx, r.Feed.ID, guids); err != nil {
			return nil, err
		}
	}
	var mu sync.Mutex
	var pages errgroup.Group
	pages.SetLimit(4)
	stored := map[*news.Article]bool{}
	for _, a := range short {
		if known[a.GUID] {
			stored[a] = true
			continue
		}
		pages.Go(func() error {
			page, err := opts.Fetcher.FetchPage(ctx, a.URL)
			if err != nil {
				mu.Lock()
				r.PagesFailed++
				mu.Unlock()
				return nil
			}
			if page.Words > a.Words {
				a.Body, a.Words = page.Body, page.Words
				if a.Author == "" {
					a.Author = page.Author
				}
			}
			return nil
		})
	}
	pages.Wait()
	keep := items[:0:0]
	for _, a := range items {
		if !stored[a] {
			keep = append(keep, a)
		}
	}
	return keep, ctx.Err()
}
