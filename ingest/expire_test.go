package ingest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"byline/store"
)

// tideFeed is an RSS feed of n items published a day apart, the newest
// an hour ago.
func tideFeed(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tide Tables</title><link>https://tides.example/</link>`)
	for i := range n {
		when := time.Now().Add(-time.Hour).AddDate(0, 0, -i).UTC().Format(time.RFC1123Z)
		fmt.Fprintf(&b, `<item><title>Tides for day %d</title><guid>tide-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			i, i, when, strings.Repeat(fmt.Sprintf("High water on day %d came at the usual hour and the harbour stayed calm. ", i), 12))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func TestRefreshExpiresOldArticlesButNotMarkedOnes(t *testing.T) {
	ctx := context.Background()
	st := openLibrary(t)
	site := newPublisher(t)
	body := tideFeed(6)
	site.serve("/tides.xml", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) })
	id := follow(t, st, site.URL+"/tides.xml")

	refresh(t, st, RefreshOptions{})
	arts := byGUID(feedArticles(t, st, id))
	if len(arts) != 6 {
		t.Fatalf("%d articles without a keep rule, want all 6", len(arts))
	}
	if err := st.SetStarred(ctx, arts["tide-5"].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := st.AddTags(ctx, arts["tide-4"].ID, "tides"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetFeedKeep(ctx, id, &store.Keep{MaxItems: 2}); err != nil {
		t.Fatal(err)
	}

	res := refresh(t, st, RefreshOptions{})[site.URL+"/tides.xml"]
	arts = byGUID(feedArticles(t, st, id))
	if res.Expired != 2 || len(arts) != 4 || arts["tide-0"] == nil || arts["tide-1"] == nil || arts["tide-4"] == nil || arts["tide-5"] == nil {
		t.Errorf("max 2: expired %d, kept %v; want the 2 newest and the starred and tagged ones", res.Expired, keys(arts))
	}
	// The feed still lists what was expired: it is not added again.
	res = refresh(t, st, RefreshOptions{})[site.URL+"/tides.xml"]
	if res.New != 0 || res.Expired != 0 || len(feedArticles(t, st, id)) != 4 {
		t.Errorf("next refresh: %d new, %d expired, %d kept; want 0, 0, 4", res.New, res.Expired, len(feedArticles(t, st, id)))
	}

	// Back to the library's default, which keeps one day.
	if err := st.SetFeedKeep(ctx, id, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.SetKeepDefault(ctx, store.Keep{Days: 1}); err != nil {
		t.Fatal(err)
	}
	res = refresh(t, st, RefreshOptions{})[site.URL+"/tides.xml"]
	arts = byGUID(feedArticles(t, st, id))
	if res.Expired != 1 || len(arts) != 3 || arts["tide-0"] == nil || arts["tide-5"] == nil {
		t.Errorf("default of 1 day: expired %d, kept %v; want tide-0 and the marked ones", res.Expired, keys(arts))
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
