package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"byline/feed"
	"byline/ingest"
	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

func (a *app) subscribeCommand() *cobra.Command {
	var fullText, local bool
	var accountID int64
	cmd := &cobra.Command{
		Use:   "subscribe URL...",
		Short: "Follow feeds (a web page's address finds its feed)",
		Long: `Follow RSS, Atom and JSON feeds. The address of a web page works too: byline
finds the feed the page links to. The feed is fetched once to check it and
its articles are added; "byline refresh" fetches every feed again.

With --full-text byline captures each item's web page instead of the feed's
summary (it does this by itself for items shorter than 80 words).

With an account (byline account add), the feed is added on the account's
server, which fetches it from then on, and synced; --local follows it here
only.`,
		Example: `  byline subscribe https://example.org/news/rss.xml
  byline subscribe https://example.org/blog/   # finds the feed in the page`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			fetcher := a.fetcher()
			if !local {
				// With an account, the feed is the server's to fetch.
				if acct, ok, err := a.subscribeAccount(ctx, lib, accountID); err != nil {
					return err
				} else if ok {
					return a.subscribeOnServer(ctx, lib, fetcher, acct, args)
				}
			}
			failed := 0
			for _, raw := range args {
				if err := a.subscribe(ctx, lib, fetcher, raw, fullText); err != nil {
					fmt.Fprintf(a.stderr, "byline: %s: %s\n", termtext.Line(raw), termtext.Line(err.Error()))
					failed++
				}
			}
			if failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&fullText, "full-text", false, "capture each item's web page: the feed carries only summaries")
	cmd.Flags().BoolVar(&local, "local", false, "follow the feed here only, not on the account's server")
	cmd.Flags().Int64Var(&accountID, "account", 0, "the account whose server follows the feed (with several accounts)")
	return cmd
}

// subscribe finds the feed behind raw, checks that it parses, saves it and
// its first articles.
func (a *app) subscribe(ctx context.Context, lib *store.Store, fetcher *feed.Fetcher, raw string, fullText bool) error {
	feedURL, resp, err := fetcher.Discover(ctx, raw)
	if err != nil {
		return err
	}
	if !feed.LooksLikeFeed(resp.Body) {
		// raw was a web page naming its feed: fetch the feed itself.
		if resp, err = fetcher.Get(ctx, feedURL, "", ""); err != nil {
			return fmt.Errorf("%s: %w", feedURL, err)
		}
	}
	parsed, err := feed.ParseFeed(resp.Body, resp.URL)
	if err != nil {
		return err
	}
	f := &news.Feed{URL: feedURL, Title: parsed.Title, SiteURL: parsed.SiteURL, FullText: fullText}
	if err := lib.AddFeed(ctx, f); err != nil {
		if errors.Is(err, store.ErrExists) {
			return fmt.Errorf("already followed as feed %d", f.ID)
		}
		return err
	}
	// The feed was fetched once already; the refresh fetches it again, in
	// full (nothing is stored to make it conditional), so that one code
	// path saves articles. A subscription happens once; the second
	// request is the price of not having two.
	p := ingest.Start(ctx, lib, ingest.Options{})
	results, err := ingest.Refresh(ctx, lib, p, ingest.RefreshOptions{Fetcher: fetcher, FeedIDs: []int64{f.ID}})
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	r := results[0]
	title := r.Feed.Title
	if title == "" {
		title = feedURL
	}
	fmt.Fprintf(a.stdout, "following %d  %s  (%s)\n", f.ID, termtext.Line(title), termtext.Line(feedURL))
	if r.Err != nil {
		fmt.Fprintf(a.stderr, "byline: %s: %s\n", termtext.Line(feedURL), termtext.Line(r.Err.Error()))
	} else {
		fmt.Fprintln(a.stdout, plural(r.New+r.Updated, "article"))
	}
	return nil
}

func (a *app) fetcher() *feed.Fetcher {
	feed.SetVersion(version)
	return feed.NewFetcher()
}

func (a *app) refreshCommand() *cobra.Command {
	var concurrency int
	cmd := &cobra.Command{
		Use:   "refresh [FEED-ID...]",
		Short: "Fetch every feed now",
		Long: `Fetch every feed (or the ones named by id) and add their new articles.
Feeds are fetched concurrently and only when they changed (ETag,
Last-Modified). A feed that fails is reported and the others go on; the exit
status is 1 only when every feed failed. People, places and quotes are found
after the articles are saved; an interrupted refresh finishes that the next
time.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseFeedIDs(args)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			a.bulk = true
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			return a.refresh(ctx, lib, ids, concurrency)
		},
	}
	cmd.Flags().IntVar(&concurrency, "jobs", 8, "feeds fetched at once (at most two from one host)")
	return cmd
}

func (a *app) refresh(ctx context.Context, lib *store.Store, ids []int64, concurrency int) error {
	start := time.Now()
	limitMemory(refreshMemory)
	tty := isTerminal(a.stderr)
	bar := progressLine{w: a.stderr, tty: tty}
	// Each feed's articles are saved with their people, places and
	// quotes and their search rows as they arrive: when a feed's line is
	// printed its articles are whole.
	p := ingest.Start(ctx, lib, ingest.Options{})
	results, err := ingest.Refresh(ctx, lib, p, ingest.RefreshOptions{
		Fetcher:     a.fetcher(),
		Concurrency: concurrency,
		FeedIDs:     ids,
		Progress: func(done, total int, r ingest.FeedResult) {
			if tty {
				bar.show(done, total, "feeds", r.Feed.Title)
			} else {
				fmt.Fprintln(a.stdout, feedLine(r))
			}
		},
	})
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	bar.clear()
	if err != nil {
		return err
	}
	// The accounts' servers fetched their feeds: a sync pulls them.
	synced, syncFailed := 0, 0
	if len(ids) == 0 {
		if synced, syncFailed, err = a.syncAccounts(ctx, lib, nil); err != nil {
			return err
		}
	}
	if len(results) == 0 {
		if synced+syncFailed == 0 {
			fmt.Fprintln(a.stdout, "no feeds yet: byline subscribe URL")
			return nil
		}
		if err := a.finishAfter(ctx, lib, start, ""); err != nil {
			return err
		}
		if synced == 0 {
			return exitError{1}
		}
		return nil
	}
	took := time.Since(start)
	newArticles, failed := 0, 0
	for _, r := range results {
		newArticles += r.New
		if r.Err != nil {
			failed++
		}
		if tty && (r.New > 0 || r.Updated > 0 || r.Expired > 0 || r.Err != nil) {
			fmt.Fprintln(a.stdout, feedLine(r))
		}
	}
	fmt.Fprintf(a.stdout, "%s from %s in %.1fs", plural(newArticles, "new article"), plural(len(results)-failed, "feed"), took.Seconds())
	if failed > 0 {
		fmt.Fprintf(a.stdout, "; %d failed", failed)
	}
	fmt.Fprintln(a.stdout)
	// What an earlier, interrupted refresh left: one count on an index
	// each when there is none.
	if err := a.finishAfter(ctx, lib, start, " an earlier refresh left"); err != nil {
		return err
	}
	if failed == len(results) && synced == 0 {
		return exitError{1}
	}
	return nil
}

func (a *app) extract(ctx context.Context, lib *store.Store) (int, error) {
	return a.withBar("people, places, quotes", func(progress func(done, total int)) (int, error) {
		return ingest.Extract(ctx, lib, progress)
	})
}

func (a *app) index(ctx context.Context, lib *store.Store) (int, error) {
	return a.withBar("search index", func(progress func(done, total int)) (int, error) {
		return ingest.Index(ctx, lib, progress)
	})
}

// withBar runs one of a refresh's later steps with a progress bar on a
// terminal, for batches large enough to wait on.
func (a *app) withBar(what string, step func(progress func(done, total int)) (int, error)) (int, error) {
	bar := progressLine{w: a.stderr, tty: isTerminal(a.stderr)}
	n, err := step(func(done, total int) {
		if total >= 1000 {
			bar.show(done, total, "articles", what)
		}
	})
	bar.clear()
	return n, err
}

// refreshMemory is the soft limit of a refresh's Go heap. What a refresh
// holds at once is bounded (a few parsed feeds and the pipeline's queue),
// but without a limit the collector lets the heap grow to twice its peak.
// On the 50,000-item bench at a load of 3–5: no limit, 37.7 s, 41 s of
// CPU, 327 MB; 160 MiB, 40.4 s, 45 s, 254 MB; 100 MiB, the collector ran
// all the time: 126 s, 77 s, 197 MB (at a load of 9). Since feeds are read
// a few at a time and handed over in parts, the live heap peaks near
// 57 MB: 160 MiB, 26.8 s, 35.7 s of CPU, 199 MB; 128 MiB, 28.6 s, 35.0 s,
// 171 MB (load 5).
const refreshMemory = 128 << 20

// limitMemory sets the Go heap's soft limit, unless GOMEMLIMIT already did.
func limitMemory(bytes int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(bytes)
	}
}

// feedLine is one feed's outcome, on one line.
func feedLine(r ingest.FeedResult) string {
	title := termtext.Line(r.Feed.Title)
	if title == "" {
		title = termtext.Line(r.Feed.URL)
	}
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%-4d %s: %s", r.Feed.ID, title, termtext.Line(r.Err.Error()))
	case r.NotModified && r.Expired > 0:
		return fmt.Sprintf("%-4d %s: not modified, %d expired", r.Feed.ID, title, r.Expired)
	case r.NotModified:
		return fmt.Sprintf("%-4d %s: not modified", r.Feed.ID, title)
	}
	s := fmt.Sprintf("%-4d %s: %d new", r.Feed.ID, title, r.New)
	if r.Updated > 0 {
		s += fmt.Sprintf(", %d updated", r.Updated)
	}
	if r.PagesFailed > 0 {
		s += fmt.Sprintf(", %d pages not captured (summaries kept)", r.PagesFailed)
	}
	if r.Expired > 0 {
		s += fmt.Sprintf(", %d expired", r.Expired)
	}
	return s
}

// progressLine draws a one-line bar on a terminal, rewritten in place.
type progressLine struct {
	w     io.Writer
	tty   bool
	drawn bool
}

func (p *progressLine) show(done, total int, unit, what string) {
	if !p.tty || total == 0 {
		return
	}
	const width = 30
	filled := width * done / total
	label := termtext.Line(what)
	if r := []rune(label); len(r) > 40 {
		label = string(r[:39]) + "…"
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d %s  %s", strings.Repeat("█", filled), strings.Repeat("·", width-filled), done, total, unit, label)
	p.drawn = true
}

func (p *progressLine) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (a *app) feedsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "List feeds; remove, import or export them",
		Long: `List the feeds you follow with their articles, unread articles, last
refresh and last error. Subcommands remove feeds and move them in and out of
OPML files, the format every feed reader imports and exports.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			feeds, err := lib.Feeds(ctx)
			if err != nil {
				return err
			}
			if asJSON {
				return writeFeedsJSON(a.stdout, feeds)
			}
			if len(feeds) == 0 {
				fmt.Fprintln(a.stdout, "no feeds yet: byline subscribe URL")
				return nil
			}
			for _, f := range feeds {
				writeFeedText(a.stdout, f)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.AddCommand(a.feedsRemoveCommand(), a.feedsImportCommand(), a.feedsExportCommand(), a.feedsFullTextCommand(), a.feedsKeepCommand())
	return cmd
}

func writeFeedText(w io.Writer, f news.Feed) {
	title := termtext.Line(f.Title)
	if title == "" {
		title = "(untitled)"
	}
	refreshed := "never refreshed"
	if !f.LastRefresh.IsZero() {
		refreshed = "refreshed " + f.LastRefresh.Local().Format("2 Jan 15:04")
	}
	full := ""
	if f.FullText {
		full = " · full text"
	}
	fmt.Fprintf(w, "%-4d %s\n     %s\n     %d articles · %d unread · %s%s\n", f.ID, title, termtext.Line(f.URL), f.Articles, f.Unread, refreshed, full)
	if f.LastError != "" {
		fmt.Fprintf(w, "     last error: %s\n", termtext.Line(f.LastError))
	}
}

type feedJSON struct {
	ID          int64      `json:"id"`
	Title       string     `json:"title"`
	URL         string     `json:"url"`
	SiteURL     string     `json:"site_url,omitempty"`
	FullText    bool       `json:"full_text"`
	Articles    int        `json:"articles"`
	Unread      int        `json:"unread"`
	LastRefresh *time.Time `json:"last_refresh"`
	LastError   string     `json:"last_error"`
}

func writeFeedsJSON(w io.Writer, feeds []news.Feed) error {
	out := make([]feedJSON, 0, len(feeds))
	for _, f := range feeds {
		j := feedJSON{ID: f.ID, Title: f.Title, URL: f.URL, SiteURL: f.SiteURL, FullText: f.FullText,
			Articles: f.Articles, Unread: f.Unread, LastError: f.LastError}
		if !f.LastRefresh.IsZero() {
			t := f.LastRefresh.UTC()
			j.LastRefresh = &t
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func (a *app) feedsRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove FEED-ID...",
		Short: "Stop following feeds",
		Long: `Stop following feeds and delete their articles, except the ones you starred,
tagged or wrote notes on: those stay in the library.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseFeedIDs(args)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			failed := 0
			for _, id := range ids {
				f, err := lib.Feed(ctx, id)
				if err == nil {
					err = lib.RemoveFeed(ctx, id)
				}
				if err != nil {
					fmt.Fprintf(a.stderr, "byline: %s\n", termtext.Line(err.Error()))
					failed++
					continue
				}
				fmt.Fprintf(a.stdout, "removed %d  %s\n", id, termtext.Line(f.Title))
			}
			if failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
}

func (a *app) feedsImportCommand() *cobra.Command {
	var noRefresh bool
	cmd := &cobra.Command{
		Use:   "import FILE.opml",
		Short: "Follow every feed in an OPML file",
		Long: `Follow every feed in an OPML file exported by another reader (newsboat,
Feedly, Inoreader, Thunderbird…), then refresh them. Feeds already followed
are left as they are; "-" reads standard input. Only http and https feed
addresses are followed; any other (file:, data:, a bare path) is skipped with
a line. The exit status is 1 when a feed was skipped or could not be fetched.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var r io.Reader = a.stdin
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				r = f
			}
			outlines, err := feed.ReadOPML(r)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			ctx := cmd.Context()
			a.bulk = true
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			var added []int64
			rejected := 0
			for _, o := range outlines {
				url, err := feed.CheckFeedURL(o.XMLURL)
				if err != nil {
					fmt.Fprintf(a.stderr, "byline: %s: skipped %s: %s\n", termtext.Line(args[0]), termtext.Line(o.XMLURL), termtext.Line(err.Error()))
					rejected++
					continue
				}
				f := &news.Feed{URL: url, Title: o.Title, SiteURL: o.HTMLURL}
				if err := lib.AddFeed(ctx, f); err != nil {
					if errors.Is(err, store.ErrExists) {
						continue
					}
					return err
				}
				added = append(added, f.ID)
			}
			fmt.Fprintf(a.stdout, "following %d new feeds (%d in the file", len(added), len(outlines))
			if rejected > 0 {
				fmt.Fprintf(a.stdout, ", %d skipped", rejected)
			}
			fmt.Fprintln(a.stdout, ")")
			status := error(nil)
			if rejected > 0 {
				status = exitError{1}
			}
			if noRefresh || len(added) == 0 {
				return status
			}
			// refresh says exit 1 only when every feed failed; an import
			// says what failed to fetch, and fails if any did.
			if err := a.refresh(ctx, lib, added, 8); err != nil && !errors.As(err, new(exitError)) {
				return err
			}
			unfetched := 0
			for _, id := range added {
				if f, err := lib.Feed(ctx, id); err == nil && f.LastError != "" {
					unfetched++
				}
			}
			if unfetched > 0 {
				fmt.Fprintf(a.stdout, "%s of %d imported could not be fetched: they stay followed, and byline refresh tries them again\n",
					plural(unfetched, "feed"), len(added))
				status = exitError{1}
			}
			return status
		},
	}
	cmd.Flags().BoolVar(&noRefresh, "no-refresh", false, "only follow the feeds; fetch them later")
	return cmd
}

func (a *app) feedsExportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the feeds you follow as OPML to standard output",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			feeds, err := lib.Feeds(ctx)
			if err != nil {
				return err
			}
			out := make([]feed.Outline, len(feeds))
			for i, f := range feeds {
				out[i] = feed.Outline{Title: f.Title, XMLURL: f.URL, HTMLURL: f.SiteURL}
			}
			return feed.WriteOPML(a.stdout, "byline feeds", out)
		},
	}
}

func (a *app) feedsFullTextCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "full-text FEED-ID on|off",
		Short: "Capture each item's web page instead of the feed's summary",
		Long: `With full text on, every new item of the feed is replaced by its web page,
captured with readability: for feeds that carry only a line or two. Off,
byline still captures the pages of items shorter than 80 words.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ids, err := parseFeedIDs(args[:1])
			if err != nil {
				return err
			}
			var on bool
			switch args[1] {
			case "on":
				on = true
			case "off":
			default:
				return fmt.Errorf("%q: say on or off", args[1])
			}
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			f, err := lib.Feed(ctx, ids[0])
			if err != nil {
				return err
			}
			f.FullText = on
			if err := lib.UpdateFeed(ctx, &f); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%d  %s: full text %s\n", f.ID, termtext.Line(f.Title), args[1])
			return nil
		},
	}
}

func (a *app) feedsKeepCommand() *cobra.Command {
	var maxItems, days int
	var inherit bool
	cmd := &cobra.Command{
		Use:   "keep [FEED-ID]",
		Short: "Set how many feed articles, and how old, the library keeps",
		Long: `Old feed articles expire at each refresh: a feed keeps its newest
--max-items articles and none older than --days days (by publication date).
0 is no limit, which is where a new library starts. Starred, tagged and
annotated articles are always kept and not counted.

With a FEED-ID the rule is that feed's own; without one it is the library's
default, for every feed without a rule of its own. --inherit returns a feed
to the default. With no flags, the rule in force is shown.`,
		Example: `  byline feeds keep --max-items 500 --days 90   # the default for every feed
  byline feeds keep 12 --days 7                  # feed 12: one week
  byline feeds keep 12 --inherit                 # feed 12: the default again`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var id int64
			if len(args) == 1 {
				ids, err := parseFeedIDs(args)
				if err != nil {
					return err
				}
				id = ids[0]
			}
			flags := cmd.Flags()
			setMax, setDays := flags.Changed("max-items"), flags.Changed("days")
			if inherit && (id == 0 || setMax || setDays) {
				return errors.New("--inherit takes a FEED-ID and no limits")
			}
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			if id == 0 {
				k, err := lib.KeepDefault(ctx)
				if err != nil {
					return err
				}
				if setMax || setDays {
					k = changedKeep(k, setMax, maxItems, setDays, days)
					if err := lib.SetKeepDefault(ctx, k); err != nil {
						return err
					}
				}
				fmt.Fprintf(a.stdout, "default: %s\n", keepText(k))
				return nil
			}
			f, err := lib.Feed(ctx, id)
			if err != nil {
				return err
			}
			k, own, err := lib.FeedKeep(ctx, id)
			if err != nil {
				return err
			}
			switch {
			case inherit:
				if err := lib.SetFeedKeep(ctx, id, nil); err != nil {
					return err
				}
				if k, err = lib.KeepDefault(ctx); err != nil {
					return err
				}
				own = false
			case setMax || setDays:
				k, own = changedKeep(k, setMax, maxItems, setDays, days), true
				if err := lib.SetFeedKeep(ctx, id, &k); err != nil {
					return err
				}
			}
			whose := "the default"
			if own {
				whose = "its own rule"
			}
			fmt.Fprintf(a.stdout, "%d  %s: %s (%s)\n", f.ID, termtext.Line(f.Title), keepText(k), whose)
			return nil
		},
	}
	cmd.Flags().IntVar(&maxItems, "max-items", 0, "keep the newest N articles of a feed (0: no limit)")
	cmd.Flags().IntVar(&days, "days", 0, "keep no article older than N days (0: no limit)")
	cmd.Flags().BoolVar(&inherit, "inherit", false, "the feed follows the library's default again")
	return cmd
}

// changedKeep is k with the limits given on the command line.
func changedKeep(k store.Keep, setMax bool, maxItems int, setDays bool, days int) store.Keep {
	if setMax {
		k.MaxItems = maxItems
	}
	if setDays {
		k.Days = days
	}
	return k
}

// keepText says what a keep rule keeps.
func keepText(k store.Keep) string {
	var parts []string
	if k.MaxItems > 0 {
		parts = append(parts, "the newest "+plural(k.MaxItems, "article"))
	}
	if k.Days > 0 {
		parts = append(parts, "none older than "+plural(k.Days, "day"))
	}
	if len(parts) == 0 {
		return "keeps every article"
	}
	return "keeps " + strings.Join(parts, ", ") + ", and every starred, tagged or annotated one"
}

func parseFeedIDs(args []string) ([]int64, error) {
	ids := make([]int64, 0, len(args))
	for _, s := range args {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not a feed id: ids are the numbers `byline feeds` shows", s)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// plural is "1 feed", "2 feeds".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
