package ui

import (
	"context"
	"image/color"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"byline/news"
)

// The reader as a newsboat user drives it: levels, next unread, mark all
// read, the feed view, previews. Each flow is checked for what a user
// notices and, where it draws something new, drawn in dark and light
// (goldenScreens).

// feedLibrary is two feeds written for these tests: the harbour feed with
// three stories, one read, and the weather feed with two, whose last
// refresh failed.
func feedLibrary() *fakeLibrary {
	day := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	return &fakeLibrary{
		feeds: []news.Feed{
			{ID: 1, Title: "Harbour Gazette", URL: "https://example.com/harbour.xml"},
			{ID: 2, Title: "Coast Weather", URL: "https://example.com/weather.xml", LastError: "HTTP 503 Service Unavailable"},
		},
		articles: []*news.Article{
			{ID: 5, FeedID: 2, Title: "Gales due by evening", Source: "Coast Weather", Published: day(14, 15), Body: "Gales are due.", Words: 3},
			{ID: 4, FeedID: 1, Title: "Ferry fares to rise", Source: "Harbour Gazette", Published: day(14, 9), Body: "Fares rise in May.", Words: 4},
			{ID: 3, FeedID: 1, Title: "Pier reopens", Source: "Harbour Gazette", Published: day(12, 9), Read: true, Body: "The pier reopened.", Words: 3},
			{ID: 2, FeedID: 2, Title: "Fog warning lifted", Source: "Coast Weather", Published: day(11, 9), Body: "The fog lifted.", Words: 3},
			{ID: 1, FeedID: 1, Title: "Harbour master retires", Source: "Harbour Gazette", Published: day(10, 9), Body: "She retires after 30 years.", Words: 5},
		},
	}
}

// goldenScreens runs the reader in a teatest program with colour, on a
// dark and on a light terminal, presses keys (waiting after each for the
// screen to show the text paired with it, "" for none), and compares the
// final screen, colours and all, with a golden file for each.
func goldenScreens(t *testing.T, lib func() *fakeLibrary, w, h int, steps ...string) {
	t.Helper()
	for _, bg := range []struct {
		name string
		c    color.Color
	}{{"dark", color.Black}, {"light", color.White}} {
		t.Run(bg.name, func(t *testing.T) {
			m := runProgramWith(t, lib(), Options{}, w, h, func(tm *teatest.TestModel) {
				tm.Send(tea.BackgroundColorMsg{Color: bg.c})
				dark := bg.name == "dark"
				waitUntil(t, tm, "the background colour", func(m Model) bool { return m.isDark == dark })
				for i := 0; i+1 < len(steps); i += 2 {
					keys(tm, steps[i])
					if steps[i+1] != "" {
						waitFor(t, tm, steps[i+1])
					}
				}
				// The article re-rendered for this background, not the
				// rendering from before the colour was known.
				waitUntil(t, tm, "the article in this terminal's style", func(m Model) bool {
					v := m.article
					if v.article == nil {
						return true
					}
					r, ok := v.render.cached(v.renderKey())
					return ok && r.text == v.rendered && v.article.ID == v.opening
				})
			})
			m.status = "" // timed
			golden.RequireEqual(t, m.screen()+"\n")
		})
	}
}

func TestEscStepsBackOneLevelAtATime(t *testing.T) {
	m := sized(t, sampleLibrary(), 140, 40)
	m = drive(t, m, press("enter"), press("tab"), press("enter")) // Fiona MacRae's stories
	m = drive(t, m, press("enter"))                               // open one: the article has focus
	if m.focus != paneArticle || m.list.filter == nil {
		t.Fatalf("setup: focus %v, filter %v", m.focus, m.list.filter)
	}
	m = drive(t, m, press("esc"))
	if m.focus != paneList || m.list.filter == nil {
		t.Fatalf("esc from the article must go back to the list and keep the filter; focus %v, filter %v", m.focus, m.list.filter)
	}
	if a := m.list.selected(); a == nil || a.ID != 3 {
		t.Errorf("esc moved the cursor to %v; it stays on the article read", a)
	}
	m = drive(t, m, press("esc"))
	if m.list.filter != nil || !strings.Contains(screenText(m), "Glacier study") {
		t.Errorf("the second esc must clear the filter:\n%s", screenText(m))
	}
}

func quits(cmd tea.Cmd) bool {
	for _, msg := range runQuit(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

// runQuit runs a command tree as run does, keeping the quit.
func runQuit(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runQuit(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func TestQGoesBackALevelAndQuitsOnlyFromTheTop(t *testing.T) {
	m := sized(t, feedLibrary(), 140, 40)
	m = drive(t, m, press("F")) // the feed view
	m = drive(t, m, press("enter"))
	m = drive(t, m, press("enter")) // a feed, then an article
	for _, want := range []string{"the feed's list", "the feed view", "the library"} {
		next, cmd := m.Update(press("q"))
		if quits(cmd) {
			t.Fatalf("q quit instead of going back to %s", want)
		}
		m = drive(t, next.(Model), runAll([]tea.Cmd{cmd})...)
	}
	if m.feeds.shown || m.list.feed != nil || m.focus != paneList {
		t.Fatalf("three q's from an article should reach the library; feeds %v, feed %v", m.feeds.shown, m.list.feed)
	}
	if _, cmd := m.Update(press("q")); !quits(cmd) {
		t.Error("q at the top did not quit")
	}
	m = drive(t, m, press("enter"))
	if _, cmd := m.Update(press("Q")); !quits(cmd) {
		t.Error("Q in an article did not quit")
	}
}

func TestNextUnreadOpensAndMarksIt(t *testing.T) {
	lib := feedLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter")) // Gales, the newest
	m = drive(t, m, press("n"))
	if a := m.article.article; a == nil || a.ID != 4 || m.focus != paneArticle {
		t.Fatalf("n from the first article opened %v, want Ferry fares", a)
	}
	m = drive(t, m, press("n")) // skips the read Pier story
	if a := m.article.article; a == nil || a.ID != 2 {
		t.Fatalf("n should skip the read story; opened %v", a)
	}
	if !strings.Contains(lib.wrote(), "read=true 2") {
		t.Errorf("n did not mark the article read: %s", lib.wrote())
	}
	m = drive(t, m, press("K"))
	if a := m.article.article; a == nil || a.ID != 3 {
		t.Errorf("K should open the previous article, read or not; opened %v", a)
	}
	m = drive(t, m, press("n"), press("n"), press("n"))
	if !strings.Contains(screenText(m), "no more unread articles") {
		t.Errorf("past the last unread, n should say so:\n%s", screenText(m))
	}
}

// n goes on through pages the reader has not loaded.
// The feed's articles, the first opened, n to the next unread, A.
func TestNextUnreadAndMarkAllScreens(t *testing.T) {
	goldenScreens(t, feedLibrary, 140, 18, "F", "Harbour Gazette", "enter", "Harbour Gazette 3 · 2 unread", "enter", "Fares rise",
		"n", "She retires", "A", "3 · 0 unread")
}

func TestNextUnreadFindsOneManyPagesOn(t *testing.T) {
	lib := bigLibrary(5_000)
	for i, a := range lib.articles {
		a.Read = i != 0 && i != 4_321
	}
	m := sized(t, lib, 120, 40)
	m = drive(t, m, press("enter"), press("n"))
	if a := m.article.article; a == nil || a.ID != int64(5_000-4_321) {
		t.Fatalf("n from the top opened %v, want the unread article 4,321 rows down", a)
	}
	if len(m.list.items) > maxWindow {
		t.Errorf("seeking held %d articles; the window stays at %d", len(m.list.items), maxWindow)
	}
}

func TestFeedViewListsFeedsWithErrorsAndOpensOne(t *testing.T) {
	m := sized(t, feedLibrary(), 140, 40)
	m = drive(t, m, press("F"))
	scr := screenText(m)
	for _, want := range []string{"Feeds 2 · 4 unread · 1 failing", "Harbour Gazette", "2/3", "HTTP 503"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the feed view lacks %q:\n%s", want, scr)
		}
	}
	m = drive(t, m, press("j"), press("enter"))
	if m.list.feed == nil || m.list.feed.ID != 2 {
		t.Fatalf("enter on the second feed shows %v", m.list.feed)
	}
	scr = screenText(m)
	if !strings.Contains(scr, "Coast Weather 2 · 2 unread") || strings.Contains(scr, "Ferry fares") {
		t.Errorf("enter on a feed must list only its articles:\n%s", scr)
	}
}

func TestFeedViewScreens(t *testing.T) {
	goldenScreens(t, feedLibrary, 120, 16, "F", "HTTP 503")
}

func TestRefreshOnAFeedRefreshesOnlyIt(t *testing.T) {
	var mu sync.Mutex
	var asked [][]int64
	lib := feedLibrary()
	m := startWith(t, lib, Options{NoColor: true, Refresh: func(ctx context.Context, ids []int64, progress func(int, int)) (RefreshResult, error) {
		mu.Lock()
		asked = append(asked, ids)
		mu.Unlock()
		return RefreshResult{Feeds: len(ids)}, nil
	}})
	m = drive(t, m, windowSize(140, 40), press("F"))
	m = drive(t, m, press("r"))
	m = drive(t, m, press("esc"), press("R"))
	mu.Lock()
	defer mu.Unlock()
	if len(asked) != 2 || len(asked[0]) != 1 || asked[0][0] != 1 || len(asked[1]) != 0 {
		t.Errorf("r on the first feed then R asked for %v; want [[1] []]", asked)
	}
}

func TestMarkAllReadInAFeedThenEverything(t *testing.T) {
	lib := feedLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("F"))
	m = drive(t, m, press("enter"))
	m = drive(t, m, press("A"))
	// A whole feed goes as one feed-wide mark, which a sync server applies
	// to the entries this library does not hold too.
	if !strings.Contains(lib.wrote(), `feed 1 read (2)`) {
		t.Fatalf("A in the harbour feed's list: %s", lib.wrote())
	}
	if scr := screenText(m); !strings.Contains(scr, "Harbour Gazette 3 · 0 unread") {
		t.Errorf("after A the feed's list should have nothing unread:\n%s", scr)
	}
	m = drive(t, m, press("q"), press("q"))
	if scr := screenText(m); !strings.Contains(scr, "Library 5 · 2 unread") {
		t.Errorf("only the harbour feed was to be marked:\n%s", scr)
	}
	m = drive(t, m, press("C"))
	if scr := screenText(m); !strings.Contains(scr, "Library 5 · 0 unread") {
		t.Errorf("C should mark everything read:\n%s", scr)
	}
	if !strings.Contains(lib.wrote(), `all read (2)`) {
		t.Errorf("C should be one mark of everything: %s", lib.wrote())
	}
}

func TestMarkReadOfANarrowListMarksItsArticles(t *testing.T) {
	lib := feedLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("/"))
	m = drive(t, m, append(typeText("feed:#1 ferry"), press("enter"))...)
	m = drive(t, m, press("A"))
	if w := lib.wrote(); w != `read=true "feed:#1 ferry" (1)` {
		t.Errorf("a search within a feed is not the whole feed: %s", w)
	}
}

func TestPreviewFollowsTheCursorWithoutMarkingRead(t *testing.T) {
	lib := feedLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("j"))
	if a := m.article.article; a == nil || a.ID != 4 {
		t.Fatalf("the article pane shows %v, want the one under the cursor", a)
	}
	if !strings.Contains(screenText(m), "Fares rise in May") {
		t.Errorf("the preview is not drawn:\n%s", screenText(m))
	}
	if strings.Contains(lib.wrote(), "read") {
		t.Errorf("a preview marked an article read: %s", lib.wrote())
	}
}

func TestPreviewScreens(t *testing.T) {
	goldenScreens(t, feedLibrary, 160, 20, "j", "Fares rise in May")
}

func TestFirstRefreshPutsTheCursorOnTheNewest(t *testing.T) {
	lib := &fakeLibrary{}
	m := startWith(t, lib, Options{NoColor: true, Refresh: fakeRefresh(lib, "Oldest", "Middle", "Newest")})
	m = drive(t, m, windowSize(140, 40), press("r"))
	if a := m.list.selected(); a == nil || a.Title != "Newest" {
		t.Errorf("after the first refresh the cursor is on %v, want the newest", a)
	}
}

func TestFailedRefreshSaysHowManyFeedsFailed(t *testing.T) {
	lib := feedLibrary()
	m := startWith(t, lib, Options{NoColor: true, Refresh: func(ctx context.Context, ids []int64, progress func(int, int)) (RefreshResult, error) {
		return RefreshResult{Feeds: 2, Failed: []FeedFailure{{Feed: "Coast Weather", Err: "HTTP 503"}}}, nil
	}})
	m = drive(t, m, windowSize(140, 40), press("r"))
	if scr := screenText(m); !strings.Contains(scr, "no new articles · 1 of 2 feeds failed (F shows which)") {
		t.Errorf("a refresh with a failed feed must say so:\n%s", scr)
	}
}

func TestCompactListShowsOneRowPerArticle(t *testing.T) {
	m := sized(t, bigLibrary(300), 120, 30)
	before := m.list.rows()
	m = drive(t, m, press("v"))
	if m.list.rows() < 2*before-1 {
		t.Errorf("compact shows %d articles, two-row %d", m.list.rows(), before)
	}
	m = drive(t, m, press("G"))
	if a := m.list.selected(); a == nil || !strings.Contains(screenText(m), firstWords(a.Title, 3)+" ") {
		t.Errorf("compact: the selected article is not on screen:\n%s", screenText(m))
	}
}

func TestCompactListScreens(t *testing.T) {
	goldenScreens(t, feedLibrary, 120, 12, "v", "15:00")
}

func TestListIsSizedFromTheWidth(t *testing.T) {
	for _, c := range []struct{ w, min int }{{120, 36}, {160, 60}, {200, 70}} {
		if got := computeLayout(c.w, 40, paneList).panes[paneList].w; got < c.min {
			t.Errorf("at %d columns the list is %d wide, want at least %d", c.w, got, c.min)
		}
	}
}

func TestDatesCarryTimesWhereADayHasSeveral(t *testing.T) {
	m := sized(t, feedLibrary(), 140, 40)
	scr := screenText(m)
	if !strings.Contains(scr, "14 Mar 2026 15:00") || !strings.Contains(scr, "14 Mar 2026 09:00") {
		t.Errorf("two stories of 14 March need their times:\n%s", scr)
	}
	if strings.Contains(scr, "12 Mar 2026 09:00") {
		t.Errorf("a day with one story needs no time:\n%s", scr)
	}
}

func TestNumberedLinksOpenByNumber(t *testing.T) {
	lib := sampleLibrary()
	lib.articles[0].Body = "The [council](https://example.com/council) met the [union](https://example.com/union)."
	var mu sync.Mutex
	var opened []string
	m := startWith(t, lib, Options{NoColor: true, Browser: func(url string) tea.Cmd {
		mu.Lock()
		opened = append(opened, url)
		mu.Unlock()
		return nil
	}})
	m = drive(t, m, windowSize(140, 40), press("enter"))
	scr := screenText(m)
	if !strings.Contains(scr, "council [1]") || !strings.Contains(scr, "2. https://example.com/union") {
		t.Errorf("the article's links are not numbered and listed:\n%s", scr)
	}
	m = drive(t, m, press("2"), press("o"))
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(opened, " ") != "https://example.com/union https://example.com/ferry" {
		t.Errorf("2 then o opened %v", opened)
	}
}

func TestBrowserCommand(t *testing.T) {
	link := "https://example.com/a?b=c"
	if got := browserCommand("w3m %u", "", link); strings.Join(got, " ") != "w3m "+link {
		t.Errorf("the setting gives %v", got)
	}
	if got := browserCommand("lynx -accept_all_cookies", "", link); got[len(got)-1] != link {
		t.Errorf("a setting without %%u takes the link last: %v", got)
	}
	if got := browserCommand("", "no-such-browser-xyz:sh -c %s", link); len(got) == 0 || got[0] != "sh" {
		t.Errorf("$BROWSER's first installed command should win: %v", got)
	}
	if got := browserCommand("", "no-such-browser-xyz", link); got != nil {
		t.Errorf("no installed browser gives %v", got)
	}
}

func TestNothingToOpenLinksSaysHowToSetOne(t *testing.T) {
	t.Setenv("BROWSER", "")
	t.Setenv("PATH", t.TempDir()) // no xdg-open
	msgs := run(openLink("", "https://example.com/ferry"))
	if len(msgs) != 1 || !strings.Contains(msgs[0].(statusMsg).text, `browser = "w3m %u"`) {
		t.Errorf("with nothing to open links, o says %v", msgs)
	}
}

func TestNoteEditorDoesNotMarkRead(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("j"), press("N"))
	if !m.editor.active || strings.Contains(lib.wrote(), "read") {
		t.Errorf("N must open the editor without marking the article read: %s", lib.wrote())
	}
}

func TestNotesKeepTheirLineBreaks(t *testing.T) {
	lib := sampleLibrary()
	lib.articles[0].Notes = []news.Note{{ID: 1, ArticleID: 3, Text: "first line\nsecond line", Created: noteTime, Updated: noteTime}}
	m := sized(t, lib, 140, 40)
	scr := screenText(m)
	if !strings.Contains(scr, "    first line ") || !strings.Contains(scr, "    second line ") {
		t.Errorf("the note's two lines are not drawn as two lines:\n%s", scr)
	}
	if strings.Contains(scr, "## Notes") || strings.Contains(scr, "--------") {
		t.Errorf("raw Markdown in the article view:\n%s", scr)
	}
	if !strings.Contains(scr, "✎") {
		t.Errorf("the list does not mark the article with notes:\n%s", scr)
	}
}

func TestNotesScreens(t *testing.T) {
	goldenScreens(t, withNotes, 120, 24, "enter", "2019 strike")
}

func TestHeadlineMadeFromTheFirstSentenceIsNotRepeated(t *testing.T) {
	a := &news.Article{Title: "Ferry talks collapse", Body: "Ferry talks collapse. The union walked out.\n\nMore later."}
	if got := articleBody(a); got != "The union walked out.\n\nMore later." {
		t.Errorf("body = %q", got)
	}
	a.Body = "Ferry talks collapse\n\nThe union walked out."
	if got := articleBody(a); got != "The union walked out." {
		t.Errorf("a first paragraph that is the headline should go: %q", got)
	}
	a.Body = "Ferry talks collapsed on Monday."
	if got := articleBody(a); got != a.Body {
		t.Errorf("a body that only starts like the headline must stay whole: %q", got)
	}
}

func TestPeoplePanelByMentions(t *testing.T) {
	p := newEntityPanel(testCommon(), panePeople)
	p.show(&news.Article{Entities: news.Entities{People: []news.Person{{Name: "Ann", Mentions: 1}, {Name: "Bo", Mentions: 5}, {Name: "Cy", Mentions: 1}}}}, false)
	var names []string
	for _, e := range p.entries {
		names = append(names, e.name)
	}
	if strings.Join(names, " ") != "Bo Ann Cy" {
		t.Errorf("people in order %v, want the most mentioned first, ties in the article's order", names)
	}
}

func TestHelpClosesOnAnyKeyWhenItFits(t *testing.T) {
	for _, k := range []string{"j", "k", "space", "x"} {
		m := sized(t, sampleLibrary(), 160, 45)
		m = drive(t, m, press("?"), press(k))
		if m.help.active {
			t.Errorf("%s did not close the help page, which says any key closes it", k)
		}
	}
}

func TestBackgroundWorkShowsInTheStatusLine(t *testing.T) {
	work := make(chan Work, 1)
	m := startWith(t, sampleLibrary(), Options{NoColor: true, Work: work})
	m = drive(t, m, windowSize(140, 40))
	m = drive(t, m, workMsg{Work{What: "people, places, quotes", Done: 250, Total: 1000}, true})
	if !strings.Contains(screenText(m), "people, places, quotes 25%") {
		t.Errorf("background work is not in the status line:\n%s", screenText(m))
	}
	m = drive(t, m, workMsg{Work{}, true})
	if strings.Contains(screenText(m), "people, places") {
		t.Error("finished work stays in the status line")
	}
}

func TestRefreshOnStart(t *testing.T) {
	lib := sampleLibrary()
	cfg := DefaultConfig()
	cfg.RefreshOnStart = true
	m := startWith(t, lib, Options{NoColor: true, Config: &cfg, Refresh: fakeRefresh(lib, "Storm warning")})
	m = drive(t, m, windowSize(140, 40))
	if !strings.Contains(screenText(m), "Storm warning") {
		t.Errorf("refresh_on_start did not fetch the feeds:\n%s", screenText(m))
	}
}

func TestReloadOnAnIntervalRefreshes(t *testing.T) {
	lib := sampleLibrary()
	cfg := DefaultConfig()
	cfg.ReloadEvery = time.Hour
	m := startWith(t, lib, Options{NoColor: true, Config: &cfg, Refresh: fakeRefresh(lib, "Storm warning")})
	m = drive(t, m, windowSize(140, 40), reloadTickMsg{})
	if !strings.Contains(screenText(m), "Storm warning") {
		t.Errorf("the interval's alarm did not refresh:\n%s", screenText(m))
	}
}
