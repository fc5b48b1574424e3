package feed

import (
	"context"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"byline/news"
)

// Fetched is what fetching one feed found, or a part of it: a feed of
// many items comes in parts, so that its items are never all in memory
// at once as articles.
type Fetched struct {
	// Feed is the feed with what the response taught: its title, site
	// and validators (ETag, Last-Modified). Its LastRefresh and LastError
	// are the caller's to set.
	Feed news.Feed
	// Items are the feed's articles to save (or the part's), FeedID,
	// GUID and Source set; none when the feed was not modified or failed.
	Items []*news.Article
	// More says that more of the feed's items follow, in a later call for
	// the same feed. Only the last call (More false) may carry Err or
	// NotModified, and only once it has come is the feed done.
	More        bool
	NotModified bool
	PagesFailed int // summary-only items of this part whose page could not be fetched: kept as summaries
	Err         error
}

// FetchOptions tune FetchFeeds.
type FetchOptions struct {
	Fetcher *Fetcher // NewFetcher() when nil
	// Concurrency is how many feeds are fetched at once (8 when zero); the
	// Fetcher also allows no more than two requests to one host at a time.
	Concurrency int
	// Reading is how many feeds are read, parsed and handed over at once
	// (one more than the cores when zero): each holds up to a whole
	// feed's text, and what gofeed makes of it, in memory. The other
	// feeds fetched at once wait with their answer unread.
	Reading int
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

// PartItems is how many items a feed hands over at a time.
const PartItems = 250

// FetchFeeds fetches feeds concurrently and conditionally (ETag,
// Last-Modified), parses them on every core, captures the pages of
// summary-only items, and hands each feed to got as it arrives, in parts
// of at most PartItems items, from one goroutine at a time; i is the
// feed's index in feeds. A feed that fails comes to got with its Err set
// and the others go on. An error from got, or the end of ctx, stops
// everything and is returned.
func FetchFeeds(ctx context.Context, feeds []news.Feed, opts FetchOptions, got func(i int, f Fetched) error) error {
	if opts.Fetcher == nil {
		opts.Fetcher = NewFetcher()
	}
	workers := opts.Concurrency
	if workers <= 0 {
		workers = 8
	}
	reading := opts.Reading
	if reading <= 0 {
		reading = runtime.GOMAXPROCS(0) + 1
	}
	type fetched struct {
		i    int
		f    Fetched
		held bool // the feed's last part, with its reading slot for got to give back
	}
	// A feed's body and what gofeed makes of it are in memory from the
	// moment its body is read until its last item is an article, and a
	// large feed holds tens of megabytes: no more are read than the slots
	// allow, however many are fetched at once. The slot is given back
	// once got has taken the feed's last part, or, for a feed of one
	// part, before its pages are captured: feeds of summaries (small, and
	// slow for their pages) do not wait on each other.
	slots := make(chan struct{}, reading)
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
				hold := func(ctx context.Context) error {
					select {
					case slots <- struct{}{}:
						held = true
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				release := func() {
					if held {
						held = false
						<-slots
					}
				}
				defer release()
				return fetchFeed(ctx, opts, f, hold, release, func(r Fetched) error {
					pass := held && !r.More
					select {
					case out <- fetched{i, r, pass}:
						if pass {
							held = false // got's to give back
						}
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				})
			})
		}
		return fetchers.Wait()
	})
	g.Go(func() error {
		for r := range out {
			err := got(r.i, r.f)
			if r.held {
				<-slots
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

// fetchFeed fetches and parses one feed, captures the pages of new items
// that carry only a summary, and sends the feed in parts. hold is called
// before the feed's body is read, and waits for room to read it; release
// gives the room back early, for a feed of one part (otherwise got does,
// once it has taken the last part).
func fetchFeed(ctx context.Context, opts FetchOptions, f news.Feed, hold func(context.Context) error, release func(), send func(Fetched) error) error {
	r := Fetched{Feed: f}
	resp, err := opts.Fetcher.fetch(ctx, f.URL, request{accept: feedAccept, etag: f.ETag, lastModified: f.LastModified, beforeBody: hold})
	if err != nil {
		r.Err = err
		return send(r)
	}
	if resp.NotModified {
		r.Feed.ETag, r.Feed.LastModified = resp.ETag, resp.LastModified
		r.NotModified = true
		return send(r)
	}
	// Parsing is all CPU: more at once than there are cores only delays
	// the first one saved.
	parseSlots <- struct{}{}
	d, err := parseDoc(resp.Body, resp.URL, resp.ContentType)
	<-parseSlots
	resp.Body = nil // gofeed has its own copy
	if err != nil {
		r.Err = err
		return send(r)
	}
	r.Feed.ETag, r.Feed.LastModified = resp.ETag, resp.LastModified
	if d.title != "" {
		r.Feed.Title = d.title
	}
	if d.siteURL != "" {
		r.Feed.SiteURL = d.siteURL
	}
	for first := true; ; {
		parseSlots <- struct{}{}
		items := d.next(PartItems)
		<-parseSlots
		for _, a := range items {
			a.FeedID = f.ID
			if r.Feed.Title != "" {
				a.Source = r.Feed.Title
			}
		}
		part := r
		part.More = d.done < len(d.items)
		if !part.More && first {
			// The whole feed is this part: it holds no more than
			// the pages it waits on.
			release()
		}
		first = false
		part.Items, part.Err = capturePages(ctx, opts, &part, items)
		if part.Err != nil {
			// Validators from before: the feed is fetched whole again.
			part.Items, part.More = nil, false
			part.Feed.ETag, part.Feed.LastModified = f.ETag, f.LastModified
		}
		if err := send(part); err != nil || !part.More {
			return err
		}
	}
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
