package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"byline/news"
)

// fakeRefresh adds articles newer than any in lib, reporting two feeds.
func fakeRefresh(lib *fakeLibrary, titles ...string) RefreshFunc {
	return func(ctx context.Context, ids []int64, progress func(done, total int)) (RefreshResult, error) {
		progress(0, 2)
		progress(1, 2)
		lib.mu.Lock()
		for i, title := range titles {
			a := &news.Article{ID: int64(100 + i), Title: title, Source: "Coast Radio", Published: time.Date(2026, 4, 1, 9, i, 0, 0, time.UTC)}
			lib.articles = append([]*news.Article{a}, lib.articles...)
		}
		lib.mu.Unlock()
		progress(2, 2)
		return RefreshResult{New: len(titles), Feeds: 2}, nil
	}
}

func TestRefreshReloadsAndKeepsTheCursorsArticle(t *testing.T) {
	lib := sampleLibrary()
	m := startWith(t, lib, Options{NoColor: true, Refresh: fakeRefresh(lib, "Lighthouse sold", "Storm warning")})
	m = drive(t, m, windowSize(140, 40), press("j")) // on "Bridge vote passes"
	m = drive(t, m, press("r"))
	scr := screenText(m)
	if !strings.Contains(scr, "Library 5 · 4 unread") || !strings.Contains(scr, "Storm warning") {
		t.Errorf("the list was not reloaded after the refresh:\n%s", scr)
	}
	if !strings.Contains(scr, "2 new articles") {
		t.Errorf("the status line does not say what the refresh found:\n%s", scr)
	}
	if a := m.list.selected(); a == nil || a.Title != "Bridge vote passes" {
		t.Errorf("the cursor moved to %v; it must stay on the article it was on", a)
	}
}

func TestRefreshShowsProgress(t *testing.T) {
	release := make(chan struct{})
	lib := sampleLibrary()
	m := startWith(t, lib, Options{NoColor: true, Refresh: func(ctx context.Context, ids []int64, progress func(done, total int)) (RefreshResult, error) {
		progress(1, 3)
		<-release
		return RefreshResult{}, nil
	}})
	defer close(release)
	m = drive(t, m, windowSize(140, 40), press("r"))
	if scr := screenText(m); !strings.Contains(scr, "refreshing feeds 1/3") {
		t.Errorf("no progress in the status line while refreshing:\n%s", scr)
	}
	m = drive(t, m, press("r"))
	if !strings.Contains(screenText(m), "already refreshing") {
		t.Errorf("a second r should say a refresh is under way:\n%s", screenText(m))
	}
}

func TestRefreshWithoutFeedsSaysHowToSubscribe(t *testing.T) {
	m := sized(t, sampleLibrary(), 140, 40)
	m = drive(t, m, press("r"))
	if !strings.Contains(screenText(m), "no feeds to refresh — byline subscribe URL") {
		t.Errorf("r with no feeds:\n%s", screenText(m))
	}
}
