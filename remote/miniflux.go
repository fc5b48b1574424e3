package remote

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Miniflux speaks Miniflux's REST API (/v1) with an API key. It is
// written against the API rather than with Miniflux's own Go client: that
// client lives in the server's module, whose requirements would raise
// x/net and x/text for all of byline, and its errors drop the status and
// Retry-After that the backoff needs.
type Miniflux struct {
	h *httpc
}

// NewMiniflux returns a client for the server at baseURL.
func NewMiniflux(baseURL, apiKey string, opts Options) *Miniflux {
	h := newHTTP(baseURL, opts)
	h.auth = func(r *http.Request) { r.Header.Set("X-Auth-Token", apiKey) }
	return &Miniflux{h: h}
}

// Kind implements Client.
func (m *Miniflux) Kind() string { return "miniflux" }

func (m *Miniflux) get(ctx context.Context, path string, out any) error {
	data, err := m.h.do(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("GET %s: unexpected answer: %w", path, err)
	}
	return nil
}

func (m *Miniflux) put(ctx context.Context, path string, body any) error {
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			return err
		}
	}
	_, err := m.h.do(ctx, http.MethodPut, path, "application/json", b)
	return err
}

// Verify implements Client.
func (m *Miniflux) Verify(ctx context.Context) error {
	var me struct {
		ID int64 `json:"id"`
	}
	return m.get(ctx, "/v1/me", &me)
}

type mfFeed struct {
	ID       int64  `json:"id"`
	FeedURL  string `json:"feed_url"`
	SiteURL  string `json:"site_url"`
	Title    string `json:"title"`
	Category struct {
		Title string `json:"title"`
	} `json:"category"`
}

// Feeds implements Client. Miniflux puts every feed in a category; the
// default one, "All", is no tag.
func (m *Miniflux) Feeds(ctx context.Context) ([]Feed, error) {
	var feeds []mfFeed
	if err := m.get(ctx, "/v1/feeds", &feeds); err != nil {
		return nil, err
	}
	out := make([]Feed, len(feeds))
	for i, f := range feeds {
		cat := f.Category.Title
		if cat == "All" {
			cat = ""
		}
		out[i] = Feed{ID: strconv.FormatInt(f.ID, 10), URL: f.FeedURL, Title: f.Title, SiteURL: f.SiteURL, Category: cat}
	}
	return out, nil
}

type mfEntry struct {
	ID        int64     `json:"id"`
	FeedID    int64     `json:"feed_id"`
	Hash      string    `json:"hash"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Author    string    `json:"author"`
	Content   string    `json:"content"`
	Published time.Time `json:"published_at"`
	Changed   time.Time `json:"changed_at"`
	Status    string    `json:"status"`
	Starred   bool      `json:"starred"`
}

func (e mfEntry) entry() Entry {
	return Entry{
		ID: strconv.FormatInt(e.ID, 10), FeedID: strconv.FormatInt(e.FeedID, 10), GUIDHash: e.Hash,
		URL: e.URL, Title: e.Title, Author: e.Author, Content: e.Content, Published: e.Published,
		Read: e.Status == "read", Starred: e.Starred,
	}
}

type mfEntries struct {
	Total   int       `json:"total"`
	Entries []mfEntry `json:"entries"`
}

// PageSize is how many entries one request of a pull asks for.
const PageSize = 500

// cursorOverlap is how far back a pull starts before the last change
// it saw: changed_at has one-second steps, and an entry changed in the
// same second as the last one pulled must not be missed.
const cursorOverlap = 2

// Pull implements Client. The cursor is the newest changed_at the server
// gave (Unix seconds), never this machine's clock; changed_at moves when
// an entry is added, read or starred. Pages follow entry ids, so an entry
// changed during the pull is neither skipped nor taken twice.
func (m *Miniflux) Pull(ctx context.Context, cursor string, _ func([]string) (map[string]bool, error), page func([]Entry) error) (string, error) {
	since, _ := strconv.ParseInt(cursor, 10, 64)
	newest := since
	var after int64
	for {
		q := url.Values{"order": {"id"}, "direction": {"asc"}, "limit": {strconv.Itoa(PageSize)}}
		if after > 0 {
			q.Set("after_entry_id", strconv.FormatInt(after, 10))
		}
		if since > 0 {
			q.Set("changed_after", strconv.FormatInt(since-cursorOverlap, 10))
		}
		var res mfEntries
		if err := m.get(ctx, "/v1/entries?"+q.Encode(), &res); err != nil {
			return "", err
		}
		if len(res.Entries) == 0 {
			break
		}
		entries := make([]Entry, len(res.Entries))
		for i, e := range res.Entries {
			entries[i] = e.entry()
			newest = max(newest, e.Changed.Unix())
			after = max(after, e.ID)
		}
		if err := page(entries); err != nil {
			return "", err
		}
		if len(res.Entries) < PageSize {
			break
		}
	}
	if newest == 0 {
		return cursor, nil
	}
	return strconv.FormatInt(newest, 10), nil
}

// Entries implements Client; Miniflux lists entries by id one at a time.
func (m *Miniflux) Entries(ctx context.Context, ids []string) ([]Entry, error) {
	var out []Entry
	for _, id := range ids {
		var e mfEntry
		if err := m.get(ctx, "/v1/entries/"+url.PathEscape(id), &e); err != nil {
			if se, ok := err.(*StatusError); ok && se.Code == http.StatusNotFound {
				continue
			}
			return out, err
		}
		out = append(out, e.entry())
	}
	return out, nil
}

func (m *Miniflux) ids(ctx context.Context, filter string) ([]string, error) {
	var out []string
	for offset := 0; ; {
		var res struct {
			Total int     `json:"total"`
			IDs   []int64 `json:"entry_ids"`
		}
		if err := m.get(ctx, fmt.Sprintf("/v1/entries/ids?%s&limit=10000&offset=%d", filter, offset), &res); err != nil {
			return nil, err
		}
		for _, id := range res.IDs {
			out = append(out, strconv.FormatInt(id, 10))
		}
		offset += len(res.IDs)
		if len(res.IDs) == 0 || offset >= res.Total {
			return out, nil
		}
	}
}

// UnreadIDs implements Client.
func (m *Miniflux) UnreadIDs(ctx context.Context) ([]string, error) {
	return m.ids(ctx, "status=unread")
}

// StarredIDs implements Client.
func (m *Miniflux) StarredIDs(ctx context.Context) ([]string, error) {
	return m.ids(ctx, "starred=true")
}

func int64s(ids []string) ([]int64, error) {
	out := make([]int64, len(ids))
	for i, s := range ids {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("entry id %q is not a Miniflux id", s)
		}
		out[i] = n
	}
	return out, nil
}

// SetRead implements Client.
func (m *Miniflux) SetRead(ctx context.Context, ids []string, read bool) error {
	n, err := int64s(ids)
	if err != nil {
		return err
	}
	status := "unread"
	if read {
		status = "read"
	}
	return m.put(ctx, "/v1/entries", map[string]any{"entry_ids": n, "status": status})
}

// SetStarred implements Client.
func (m *Miniflux) SetStarred(ctx context.Context, ids []string, starred bool) error {
	n, err := int64s(ids)
	if err != nil {
		return err
	}
	return m.put(ctx, "/v1/entries", map[string]any{"entry_ids": n, "starred": starred})
}

// MarkFeedRead implements Client. Miniflux's own mark-all-as-read has no
// bound and would also take entries that arrived after the key press, so
// the unread entries up to the bound are listed and marked, a page at a
// time.
func (m *Miniflux) MarkFeedRead(ctx context.Context, feedID string, b Bound) error {
	path := "/v1/entries"
	if feedID != "" {
		path = "/v1/feeds/" + url.PathEscape(feedID) + "/entries"
	}
	for {
		q := url.Values{"status": {"unread"}, "order": {"id"}, "direction": {"asc"}, "limit": {"1000"}}
		if b.EntryID > 0 {
			q.Set("before_entry_id", strconv.FormatInt(b.EntryID+1, 10))
		}
		var res mfEntries
		if err := m.get(ctx, path+"?"+q.Encode(), &res); err != nil {
			return err
		}
		if len(res.Entries) == 0 {
			return nil
		}
		ids := make([]int64, len(res.Entries))
		for i, e := range res.Entries {
			ids[i] = e.ID
		}
		if err := m.put(ctx, "/v1/entries", map[string]any{"entry_ids": ids, "status": "read"}); err != nil {
			return err
		}
	}
}

// Subscribe implements Client; the feed goes into the user's first
// category, as Miniflux does when none is named.
func (m *Miniflux) Subscribe(ctx context.Context, feedURL string) error {
	b, err := json.Marshal(map[string]any{"feed_url": feedURL})
	if err != nil {
		return err
	}
	_, err = m.h.do(ctx, http.MethodPost, "/v1/feeds", "application/json", b)
	return err
}
