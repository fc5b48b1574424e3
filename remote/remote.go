// Package remote keeps the library in step with accounts on feed
// aggregators: Miniflux through its REST API, and any server speaking the
// Google Reader API (FreshRSS, Inoreader, Miniflux itself). It owns the
// clients for both behind one interface, and Sync: push the outbox, pull
// subscriptions and entries from a cursor the server gives, reconcile the
// server's unread and starred sets. What is stored, and how a local mark
// reaches the outbox, belongs to the store.
package remote

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Feed is a subscription on the server.
type Feed struct {
	ID       string
	URL      string
	Title    string
	SiteURL  string
	Category string
}

// Entry is one of the server's entries, its content still HTML.
type Entry struct {
	ID        string
	FeedID    string
	GUIDHash  string // hex SHA-256 of the item's GUID (Miniflux), "" when the API does not say
	URL       string
	Title     string
	Author    string
	Content   string // HTML
	Published time.Time
	Read      bool
	Starred   bool
}

// Bound limits a mark-all-read replayed later to what was known when the
// key was pressed: entries up to this id, or published up to this time.
type Bound struct {
	EntryID   int64
	Published time.Time
}

// Client is one account's server.
type Client interface {
	// Kind is "miniflux" or "greader".
	Kind() string
	// Verify checks the credentials with one request.
	Verify(ctx context.Context) error
	Feeds(ctx context.Context) ([]Feed, error)
	// Pull calls page with every entry added or changed since cursor ("":
	// all of them), a page at a time, and returns the cursor for next
	// time. known says which entry ids the library holds already.
	Pull(ctx context.Context, cursor string, known func([]string) (map[string]bool, error), page func([]Entry) error) (string, error)
	// Entries fetches entries by id.
	Entries(ctx context.Context, ids []string) ([]Entry, error)
	UnreadIDs(ctx context.Context) ([]string, error)
	StarredIDs(ctx context.Context) ([]string, error)
	SetRead(ctx context.Context, ids []string, read bool) error
	SetStarred(ctx context.Context, ids []string, starred bool) error
	// MarkFeedRead marks a feed's entries read on the server, all of
	// them up to b, held here or not; feedID "" means every feed.
	MarkFeedRead(ctx context.Context, feedID string, b Bound) error
	// Subscribe adds a feed on the server, which fetches it from then on.
	Subscribe(ctx context.Context, feedURL string) error
}

// ErrAuth is a server refusing the credentials.
var ErrAuth = errors.New("the server refused the credentials (check the token or password)")

// StatusError is an answer other than 2xx that retrying did not cure.
type StatusError struct {
	Code   int
	Status string
	Msg    string // the server's own message, when it gave one
}

func (e *StatusError) Error() string {
	if e.Msg != "" {
		return e.Status + ": " + e.Msg
	}
	return e.Status
}

// Unreachable is a server that could not be reached at all.
type Unreachable struct{ Err error }

func (e *Unreachable) Error() string {
	var op *net.OpError
	if errors.As(e.Err, &op) && op.Err != nil {
		return "server unreachable (" + strings.TrimPrefix(op.Err.Error(), "connect: ") + ")"
	}
	return "server unreachable (" + e.Err.Error() + ")"
}

func (e *Unreachable) Unwrap() error { return e.Err }

// Options tune a client; the zero value is what byline uses.
type Options struct {
	HTTP *http.Client // nil: one with a 60 s timeout
	// Tries is how many times a request answered 429 or 5xx is made
	// (4 when zero); Backoff the first wait, doubled each time (1 s
	// when zero). A Retry-After the server sends is obeyed, up to a
	// minute.
	Tries   int
	Backoff time.Duration
	// UserAgent names byline to the server.
	UserAgent string
}

// httpc is what both clients share: one base URL, retries with backoff.
type httpc struct {
	base string
	opts Options
	auth func(*http.Request)
}

func newHTTP(base string, opts Options) *httpc {
	if opts.HTTP == nil {
		opts.HTTP = &http.Client{Timeout: 60 * time.Second}
	}
	if opts.Tries <= 0 {
		opts.Tries = 4
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "byline"
	}
	return &httpc{base: strings.TrimRight(base, "/"), opts: opts}
}

// do sends a request and returns the body of a 2xx answer. 429 and 5xx
// are retried with backoff; 401 and 403 are ErrAuth at once.
func (h *httpc) do(ctx context.Context, method, path, contentType string, body []byte) ([]byte, error) {
	wait := h.opts.Backoff
	var last error
	for try := 1; ; try++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, h.base+path, rd)
		if err != nil {
			return nil, err
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", h.opts.UserAgent)
		if h.auth != nil {
			h.auth(req)
		}
		resp, err := h.opts.HTTP.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &Unreachable{Err: unwrapURL(err)}
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
		resp.Body.Close()
		if err != nil {
			return nil, &Unreachable{Err: err}
		}
		switch {
		case resp.StatusCode/100 == 2:
			return data, nil
		case resp.StatusCode == http.StatusUnauthorized, resp.StatusCode == http.StatusForbidden:
			return nil, authError(resp, data)
		}
		last = &StatusError{Code: resp.StatusCode, Status: resp.Status, Msg: serverMessage(data)}
		retry := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		if !retry || try >= h.opts.Tries {
			return nil, last
		}
		pause := wait
		if ra := retryAfter(resp.Header.Get("Retry-After")); ra > 0 {
			pause = min(ra, time.Minute)
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		wait *= 2
	}
}

func authError(resp *http.Response, data []byte) error {
	if msg := serverMessage(data); msg != "" {
		return fmt.Errorf("%w: %s %s", ErrAuth, resp.Status, msg)
	}
	return fmt.Errorf("%w: %s", ErrAuth, resp.Status)
}

// serverMessage is the error a server put in its answer, on one line and
// short: Miniflux sends {"error_message": …}, others plain text.
func serverMessage(data []byte) string {
	s := strings.TrimSpace(string(data))
	if i := strings.Index(s, `"error_message":"`); i >= 0 {
		s = s[i+len(`"error_message":"`):]
		if j := strings.Index(s, `"`); j >= 0 {
			s = s[:j]
		}
	}
	if strings.HasPrefix(s, "<") {
		return "" // an HTML error page says nothing useful on one line
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
