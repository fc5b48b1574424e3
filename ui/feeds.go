package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

// feedList is the feed view, newsboat's first level: every feed with its
// unread and article counts and the error of its last refresh. Enter shows
// one feed's articles; r refreshes the feed under the cursor.
type feedList struct {
	*common
	shown   bool // the feed view has the list's place
	feeds   []news.Feed
	loaded  bool
	cursor  int
	top     int
	seq     int // bumped per load; older answers are dropped
	width   int
	height  int
	focused bool
}

type feedsLoadedMsg struct {
	seq   int
	feeds []news.Feed
	err   error
}

func newFeedList(c *common) feedList { return feedList{common: c, width: 40, height: 20} }

func (f *feedList) SetSize(w, h int) {
	f.width, f.height = w, h
	f.clamp()
}

// load asks the store for the feeds and their counts.
func (f *feedList) load(lib Library) tea.Cmd {
	f.seq++
	seq := f.seq
	return func() tea.Msg {
		feeds, err := lib.Feeds(context.Background())
		return feedsLoadedMsg{seq: seq, feeds: feeds, err: err}
	}
}

func (f feedList) selected() *news.Feed {
	if f.cursor < len(f.feeds) {
		return &f.feeds[f.cursor]
	}
	return nil
}

// point puts the cursor on the feed with this id, if it is listed.
func (f *feedList) point(id int64) {
	for i, x := range f.feeds {
		if x.ID == id {
			f.cursor = i
		}
	}
	f.clamp()
}

// Update takes the loaded feeds and moves the cursor.
func (f feedList) Update(msg tea.Msg) (feedList, tea.Cmd) {
	switch msg := msg.(type) {
	case feedsLoadedMsg:
		if msg.seq != f.seq {
			return f, nil
		}
		if msg.err != nil {
			return f, reportStatus("feeds: "+msg.err.Error(), true)
		}
		var id int64
		if s := f.selected(); s != nil {
			id = s.ID
		}
		f.feeds, f.loaded = msg.feeds, true
		f.point(id)
	case tea.KeyPressMsg:
		if c, ok := f.keys.moves().move(msg, f.cursor, len(f.feeds), f.height); ok {
			f.cursor = c
			f.clamp()
		}
	case tea.MouseWheelMsg:
		f.cursor += wheelStep(msg)
		f.clamp()
	}
	return f, nil
}

// lines is how many rows feed i takes: a failing feed shows its error.
func (f feedList) lines(i int) int {
	if f.feeds[i].LastError != "" {
		return 2
	}
	return 1
}

// clamp keeps the cursor on a feed and on screen.
func (f *feedList) clamp() {
	f.cursor = max(0, min(f.cursor, len(f.feeds)-1))
	f.top = min(f.top, f.cursor)
	for f.top < f.cursor {
		used := 0
		for i := f.top; i <= f.cursor; i++ {
			used += f.lines(i)
		}
		if used <= f.height {
			break
		}
		f.top++
	}
	f.top = max(f.top, 0)
}

// rowAt is the feed drawn at line y, or -1.
func (f feedList) rowAt(y int) int {
	line := 0
	for i := f.top; i < len(f.feeds) && y >= 0; i++ {
		if y < line+f.lines(i) {
			return i
		}
		line += f.lines(i)
	}
	return -1
}

func (f feedList) Title() string {
	unread, failing := 0, 0
	for _, x := range f.feeds {
		unread += x.Unread
		if x.LastError != "" {
			failing++
		}
	}
	t := fmt.Sprintf("Feeds %d · %d unread", len(f.feeds), unread)
	if failing > 0 {
		t += fmt.Sprintf(" · %d failing", failing)
	}
	return t
}

// View is one row a feed: unread mark, title, unread/articles; a feed
// whose last refresh failed gets a second row with the error.
func (f feedList) View() string {
	w := f.width
	if f.loaded && len(f.feeds) == 0 {
		return f.styles.Dim.Render(" No feeds yet. From a shell: byline subscribe FEED-URL")
	}
	var out []string
	for i := f.top; i < len(f.feeds) && len(out) < f.height; i++ {
		x := f.feeds[i]
		mark, title := "  ", f.styles.Read
		if x.Unread > 0 {
			mark, title = "● ", f.styles.Unread
		}
		count := fmt.Sprintf("%d/%d", x.Unread, x.Articles)
		name := termtext.Line(x.Title)
		if name == "" {
			name = termtext.Line(x.URL)
		}
		name = ansi.Truncate(name, max(w-len(count)-5, 1), "…")
		line := " " + mark + title.Render(name) + strings.Repeat(" ", max(w-ansi.StringWidth(name)-len(count)-4, 1)) + f.styles.Count.Render(count)
		if i == f.cursor {
			line = f.selectedRow(line, w, f.focused)
		}
		out = append(out, line)
		if x.LastError != "" && len(out) < f.height {
			out = append(out, "    "+f.styles.Error.Render(ansi.Truncate("✗ "+termtext.Line(x.LastError), max(w-4, 1), "…")))
		}
	}
	return strings.Join(out, "\n")
}

// ShortHelp is the feed view's part of the status line.
func (f feedList) ShortHelp() []key.Binding {
	k := f.keys
	return []key.Binding{k.Down, withDesc(k.Open, "articles"), withDesc(k.Refresh, "refresh feed"), withDesc(k.MarkAllRead, "mark feed read"), k.Help, k.Quit}
}
