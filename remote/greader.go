package remote

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// GReader speaks the Google Reader API as FreshRSS, Miniflux and others
// serve it. The password goes only in the body of the login request; the
// session's Auth token and the edit token T are kept in memory only.
type GReader struct {
	h        *httpc
	user     string
	password string

	mu    sync.Mutex
	auth  string // from ClientLogin
	token string // T, for every POST
}

// NewGReader returns a client for the Google Reader API at baseURL (for
// Miniflux the server's address; for FreshRSS …/api/greader.php).
func NewGReader(baseURL, user, password string, opts Options) *GReader {
	g := &GReader{h: newHTTP(baseURL, opts), user: user, password: password}
	g.h.auth = func(r *http.Request) {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.auth != "" {
			r.Header.Set("Authorization", "GoogleLogin auth="+g.auth)
		}
	}
	return g
}

// Kind implements Client.
func (g *GReader) Kind() string { return "greader" }

// Stream and state names. Servers prefix states with user/-/ or with
// user/ID/ (Miniflux): states are compared by their suffix.
const (
	readingList = "user/-/state/com.google/reading-list"
	stateRead   = "user/-/state/com.google/read"
	stateStar   = "user/-/state/com.google/starred"
	itemPrefix  = "tag:google.com,2005:reader/item/"
)

func (g *GReader) login(ctx context.Context) error {
	g.mu.Lock()
	done := g.auth != ""
	g.mu.Unlock()
	if done {
		return nil
	}
	form := url.Values{"Email": {g.user}, "Passwd": {g.password}}
	data, err := g.h.do(ctx, http.MethodPost, "/accounts/ClientLogin", "application/x-www-form-urlencoded", []byte(form.Encode()))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Auth="); ok {
			g.mu.Lock()
			g.auth = v
			g.mu.Unlock()
			return nil
		}
	}
	return errors.New("login answered without an Auth token")
}

func (g *GReader) get(ctx context.Context, path string, q url.Values, out any) error {
	if err := g.login(ctx); err != nil {
		return err
	}
	q.Set("output", "json")
	data, err := g.h.do(ctx, http.MethodGet, "/reader/api/0/"+path+"?"+q.Encode(), "", nil)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("GET %s: unexpected answer: %w", path, err)
	}
	return nil
}

// post sends a form with the edit token; a token the server no longer
// takes is fetched again once.
func (g *GReader) post(ctx context.Context, path string, form url.Values) ([]byte, error) {
	if err := g.login(ctx); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		g.mu.Lock()
		token := g.token
		g.mu.Unlock()
		if token == "" {
			data, err := g.h.do(ctx, http.MethodGet, "/reader/api/0/token", "", nil)
			if err != nil {
				return nil, err
			}
			token = strings.TrimSpace(string(data))
			g.mu.Lock()
			g.token = token
			g.mu.Unlock()
		}
		form.Set("T", token)
		data, err := g.h.do(ctx, http.MethodPost, "/reader/api/0/"+path, "application/x-www-form-urlencoded", []byte(form.Encode()))
		if errors.Is(err, ErrAuth) && attempt == 0 {
			g.mu.Lock()
			g.token = ""
			g.mu.Unlock()
			continue
		}
		return data, err
	}
}

// Verify implements Client.
func (g *GReader) Verify(ctx context.Context) error {
	var info map[string]any
	return g.get(ctx, "user-info", url.Values{}, &info)
}

// Feeds implements Client.
func (g *GReader) Feeds(ctx context.Context) ([]Feed, error) {
	var res struct {
		Subscriptions []struct {
			ID         string `json:"id"`
			Title      string `json:"title"`
			URL        string `json:"url"`
			HTMLURL    string `json:"htmlUrl"`
			Categories []struct {
				ID    string `json:"id"`
				Label string `json:"label"`
			} `json:"categories"`
		} `json:"subscriptions"`
	}
	if err := g.get(ctx, "subscription/list", url.Values{}, &res); err != nil {
		return nil, err
	}
	out := make([]Feed, 0, len(res.Subscriptions))
	for _, s := range res.Subscriptions {
		f := Feed{ID: s.ID, URL: s.URL, Title: s.Title, SiteURL: s.HTMLURL}
		if f.URL == "" {
			f.URL = strings.TrimPrefix(s.ID, "feed/")
		}
		for _, c := range s.Categories {
			if strings.Contains(c.ID, "/label/") && c.Label != "All" {
				f.Category = c.Label
				break
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// itemIDs lists the ids of a stream, following continuations.
func (g *GReader) itemIDs(ctx context.Context, q url.Values) ([]string, error) {
	var out []string
	q.Set("n", "10000")
	for {
		var res struct {
			ItemRefs []struct {
				ID string `json:"id"`
			} `json:"itemRefs"`
			Continuation json.RawMessage `json:"continuation"`
		}
		if err := g.get(ctx, "stream/items/ids", q, &res); err != nil {
			return nil, err
		}
		for _, r := range res.ItemRefs {
			id, err := normalID(r.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, id)
		}
		// FreshRSS sends the continuation as a string, Miniflux as a
		// number.
		c := strings.Trim(string(res.Continuation), `"`)
		if c == "" || c == "0" || c == "null" || len(res.ItemRefs) == 0 {
			return out, nil
		}
		q.Set("c", c)
	}
}

// normalID turns an item id in any of the API's forms (decimal, 16 hex
// digits, or the long tag: form) into the decimal form.
func normalID(s string) (string, error) {
	if h, ok := strings.CutPrefix(s, itemPrefix); ok {
		n, err := strconv.ParseUint(h, 16, 64)
		if err != nil {
			return "", fmt.Errorf("item id %q: %w", s, err)
		}
		return strconv.FormatInt(int64(n), 10), nil
	}
	if len(s) == 16 && strings.Trim(s, "0123456789abcdef") == "" && strings.ContainsAny(s, "abcdef") {
		n, _ := strconv.ParseUint(s, 16, 64)
		return strconv.FormatInt(int64(n), 10), nil
	}
	if _, err := strconv.ParseInt(s, 10, 64); err != nil {
		return "", fmt.Errorf("item id %q is not a Google Reader id", s)
	}
	return s, nil
}

func longID(decimal string) string {
	n, err := strconv.ParseInt(decimal, 10, 64)
	if err != nil {
		return decimal
	}
	return fmt.Sprintf(itemPrefix+"%016x", n)
}

// Pull implements Client. The API has no cursor for changes, and its
// time filters go by publication date, which misses an old item the server
// fetched late: the reading list's ids are compared with those the library
// holds instead, and only the missing ones' contents fetched. The cursor
// kept is the newest item id, for the record.
func (g *GReader) Pull(ctx context.Context, cursor string, known func([]string) (map[string]bool, error), page func([]Entry) error) (string, error) {
	ids, err := g.itemIDs(ctx, url.Values{"s": {readingList}})
	if err != nil {
		return "", err
	}
	held, err := known(ids)
	if err != nil {
		return "", err
	}
	var want []string
	newest, _ := strconv.ParseInt(cursor, 10, 64)
	for _, id := range ids {
		if n, _ := strconv.ParseInt(id, 10, 64); n > newest {
			newest = n
		}
		if !held[id] {
			want = append(want, id)
		}
	}
	for len(want) > 0 {
		n := min(len(want), contentsBatch)
		entries, err := g.Entries(ctx, want[:n])
		if err != nil {
			return "", err
		}
		if err := page(entries); err != nil {
			return "", err
		}
		want = want[n:]
	}
	return strconv.FormatInt(newest, 10), nil
}

// contentsBatch is how many items one stream/items/contents asks for.
const contentsBatch = 250

type grItem struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published int64  `json:"published"`
	Canonical []struct {
		Href string `json:"href"`
	} `json:"canonical"`
	Alternate []struct {
		Href string `json:"href"`
	} `json:"alternate"`
	Summary struct {
		Content string `json:"content"`
	} `json:"summary"`
	Content struct {
		Content string `json:"content"`
	} `json:"content"`
	Categories []string `json:"categories"`
	Origin     struct {
		StreamID string `json:"streamId"`
	} `json:"origin"`
}

// Entries implements Client.
func (g *GReader) Entries(ctx context.Context, ids []string) ([]Entry, error) {
	var out []Entry
	for len(ids) > 0 {
		n := min(len(ids), contentsBatch)
		form := url.Values{}
		for _, id := range ids[:n] {
			form.Add("i", longID(id))
		}
		data, err := g.post(ctx, "stream/items/contents?output=json", form)
		if err != nil {
			return out, err
		}
		var res struct {
			Items []grItem `json:"items"`
		}
		if err := json.Unmarshal(data, &res); err != nil {
			return out, fmt.Errorf("stream/items/contents: unexpected answer: %w", err)
		}
		for _, it := range res.Items {
			e, err := it.entry()
			if err != nil {
				return out, err
			}
			out = append(out, e)
		}
		ids = ids[n:]
	}
	return out, nil
}

func (it grItem) entry() (Entry, error) {
	id, err := normalID(it.ID)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{ID: id, FeedID: it.Origin.StreamID, Title: it.Title, Author: it.Author, Content: it.Content.Content}
	if e.Content == "" {
		e.Content = it.Summary.Content
	}
	if it.Published > 0 {
		e.Published = time.Unix(it.Published, 0)
	}
	switch {
	case len(it.Canonical) > 0:
		e.URL = it.Canonical[0].Href
	case len(it.Alternate) > 0:
		e.URL = it.Alternate[0].Href
	}
	for _, c := range it.Categories {
		switch {
		case strings.HasSuffix(c, "/state/com.google/read"):
			e.Read = true
		case strings.HasSuffix(c, "/state/com.google/starred"):
			e.Starred = true
		}
	}
	return e, nil
}

// UnreadIDs implements Client.
func (g *GReader) UnreadIDs(ctx context.Context) ([]string, error) {
	return g.itemIDs(ctx, url.Values{"s": {readingList}, "xt": {stateRead}})
}

// StarredIDs implements Client.
func (g *GReader) StarredIDs(ctx context.Context) ([]string, error) {
	return g.itemIDs(ctx, url.Values{"s": {stateStar}})
}

func (g *GReader) editTag(ctx context.Context, ids []string, add bool, tag string) error {
	for len(ids) > 0 {
		n := min(len(ids), contentsBatch)
		form := url.Values{}
		for _, id := range ids[:n] {
			form.Add("i", longID(id))
		}
		if add {
			form.Set("a", tag)
		} else {
			form.Set("r", tag)
		}
		if _, err := g.post(ctx, "edit-tag", form); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// SetRead implements Client.
func (g *GReader) SetRead(ctx context.Context, ids []string, read bool) error {
	return g.editTag(ctx, ids, read, stateRead)
}

// SetStarred implements Client.
func (g *GReader) SetStarred(ctx context.Context, ids []string, starred bool) error {
	return g.editTag(ctx, ids, starred, stateStar)
}

// MarkFeedRead implements Client with mark-all-as-read and the bound's
// time, in microseconds.
func (g *GReader) MarkFeedRead(ctx context.Context, feedID string, b Bound) error {
	s := feedID
	if s == "" {
		s = readingList
	}
	form := url.Values{"s": {s}}
	if !b.Published.IsZero() {
		form.Set("ts", strconv.FormatInt(b.Published.UnixMicro(), 10))
	}
	_, err := g.post(ctx, "mark-all-as-read", form)
	return err
}

// Subscribe implements Client with quickadd.
func (g *GReader) Subscribe(ctx context.Context, feedURL string) error {
	data, err := g.post(ctx, "subscription/quickadd?output=json", url.Values{"quickadd": {feedURL}})
	if err != nil {
		return err
	}
	var res struct {
		NumResults int    `json:"numResults"`
		Error      string `json:"error"`
	}
	if json.Unmarshal(data, &res) == nil && res.NumResults == 0 && res.Error != "" {
		return errors.New(res.Error)
	}
	return nil
}
