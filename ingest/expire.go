package ingest

import (
	"context"
	"slices"
	"time"

	"byline/news"
	"byline/store"
)

// feedKeeps reads the keep rule of every feed about to be refreshed.
func feedKeeps(ctx context.Context, st *store.Store, feeds []news.Feed) (map[int64]store.Keep, error) {
	keeps := make(map[int64]store.Keep, len(feeds))
	for _, f := range feeds {
		k, _, err := st.FeedKeep(ctx, f.ID)
		if err != nil {
			return nil, err
		}
		keeps[f.ID] = k
	}
	return keeps, nil
}

// keptItems drops the items a feed still lists that its rule would
// expire at once, so they are not added only to be deleted, and counted
// as new on every refresh: those published before the rule's days, and
// all but the newest MaxItems. Items without a date count as new.
func keptItems(items []*news.Article, k store.Keep, now time.Time) []*news.Article {
	if !k.Limited() {
		return items
	}
	when := func(a *news.Article) time.Time {
		if a.Published.IsZero() {
			return now
		}
		return a.Published
	}
	out := items[:0:0]
	for _, a := range items {
		if k.Days == 0 || !when(a).Before(now.AddDate(0, 0, -k.Days)) {
			out = append(out, a)
		}
	}
	if k.MaxItems > 0 && len(out) > k.MaxItems {
		newest := slices.Clone(out)
		slices.SortStableFunc(newest, func(a, b *news.Article) int { return when(b).Compare(when(a)) })
		keep := make(map[*news.Article]bool, k.MaxItems)
		for _, a := range newest[:k.MaxItems] {
			keep[a] = true
		}
		out = slices.DeleteFunc(out, func(a *news.Article) bool { return !keep[a] })
	}
	return out
}
