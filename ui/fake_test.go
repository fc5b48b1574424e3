package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"byline/news"
)

// fakeLibrary is an in-memory Library for tests and benchmarks. It honours
// paging and the filters the reader itself adds (person, place, unread).
type fakeLibrary struct {
	mu       sync.Mutex
	articles []*news.Article // newest first
	writes   []string
	noteIDs  int64
	limits   []int // the limit of every List call: the reader must page
	feeds    []news.Feed
}

func (f *fakeLibrary) matches(a *news.Article, q news.Query) bool {
	for _, t := range q.Terms {
		ok := true
		switch t.Field {
		case news.FieldIs:
			ok = (t.Value == "unread") == !a.Read
		case news.FieldPerson:
			ok = false
			for _, p := range a.Entities.People {
				ok = ok || strings.EqualFold(p.Name, t.Value)
			}
		case news.FieldPlace:
			ok = false
			for _, p := range a.Entities.Places {
				ok = ok || strings.EqualFold(p.Name, t.Value)
			}
		case news.FieldFeed:
			ok = fmt.Sprintf("#%d", a.FeedID) == t.Value
		case news.FieldText:
			ok = strings.Contains(strings.ToLower(a.Title+" "+a.Body), strings.ToLower(t.Value))
		}
		if ok == t.Negate {
			return false
		}
	}
	return true
}

func (f *fakeLibrary) List(ctx context.Context, q news.Query, offset, limit int) ([]*news.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits = append(f.limits, limit)
	var out []*news.Article
	skipped := 0
	for _, a := range f.articles {
		if !f.matches(a, q) {
			continue
		}
		if skipped < offset {
			skipped++
			continue
		}
		c := *a
		c.Body, c.Entities = "", news.Entities{}
		out = append(out, &c)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, nil
}

func (f *fakeLibrary) Count(ctx context.Context, q news.Query) (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	total, unread := 0, 0
	for _, a := range f.articles {
		if f.matches(a, q) {
			total++
			if !a.Read {
				unread++
			}
		}
	}
	return total, unread, nil
}

func (f *fakeLibrary) find(id int64) (*news.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, fmt.Errorf("article %d: not found", id)
}

func (f *fakeLibrary) Article(ctx context.Context, id int64) (*news.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, err := f.find(id)
	if err != nil {
		return nil, err
	}
	c := *a
	c.Tags = append([]string(nil), a.Tags...)
	c.Notes = append([]news.Note(nil), a.Notes...)
	return &c, nil
}

func (f *fakeLibrary) write(id int64, what string, fn func(a *news.Article)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, err := f.find(id)
	if err != nil {
		return err
	}
	fn(a)
	f.writes = append(f.writes, fmt.Sprintf("%s %d", what, id))
	return nil
}

func (f *fakeLibrary) SetRead(ctx context.Context, id int64, read bool) error {
	return f.write(id, fmt.Sprintf("read=%v", read), func(a *news.Article) { a.Read = read })
}

// SetReadMatching marks the articles of q, as the store does in one write.
func (f *fakeLibrary) SetReadMatching(ctx context.Context, q news.Query, read bool) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, a := range f.articles {
		if f.matches(a, q) && a.Read != read {
			a.Read = read
			n++
		}
	}
	f.writes = append(f.writes, fmt.Sprintf("read=%v %q (%d)", read, q.String(), n))
	return n, nil
}

// MarkFeedRead marks a feed's articles, as the store does in one write.
func (f *fakeLibrary) MarkFeedRead(ctx context.Context, feedID int64) (int, error) {
	n, err := f.SetReadMatching(ctx, news.Query{Terms: []news.Term{feedTerm(feedID)}}, true)
	f.mu.Lock()
	f.writes = append(f.writes, fmt.Sprintf("feed %d read (%d)", feedID, n))
	f.mu.Unlock()
	return n, err
}

// MarkAllRead marks every article, as the store does in one write.
func (f *fakeLibrary) MarkAllRead(ctx context.Context) (int, error) {
	n, err := f.SetReadMatching(ctx, news.Query{}, true)
	f.mu.Lock()
	f.writes = append(f.writes, fmt.Sprintf("all read (%d)", n))
	f.mu.Unlock()
	return n, err
}

// Feeds lists the feeds with their counts, as the store does.
func (f *fakeLibrary) Feeds(ctx context.Context) ([]news.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := slices.Clone(f.feeds)
	for i := range out {
		out[i].Articles, out[i].Unread = 0, 0
		for _, a := range f.articles {
			if a.FeedID == out[i].ID {
				out[i].Articles++
				if !a.Read {
					out[i].Unread++
				}
			}
		}
	}
	return out, nil
}

func (f *fakeLibrary) SetStarred(ctx context.Context, id int64, on bool) error {
	return f.write(id, fmt.Sprintf("starred=%v", on), func(a *news.Article) { a.Starred = on })
}

func (f *fakeLibrary) AddTags(ctx context.Context, id int64, tags ...string) error {
	return f.write(id, "tags+"+strings.Join(tags, ","), func(a *news.Article) { a.Tags = append(a.Tags, tags...) })
}

func (f *fakeLibrary) RemoveTags(ctx context.Context, id int64, tags ...string) error {
	return f.write(id, "tags-"+strings.Join(tags, ","), func(a *news.Article) {
		var keep []string
		for _, t := range a.Tags {
			if !strings.Contains(strings.Join(tags, ","), t) {
				keep = append(keep, t)
			}
		}
		a.Tags = keep
	})
}

func (f *fakeLibrary) AddNote(ctx context.Context, id int64, text string) (news.Note, error) {
	f.mu.Lock()
	f.noteIDs++
	n := news.Note{ID: f.noteIDs, ArticleID: id, Text: text, Created: noteTime, Updated: noteTime}
	f.mu.Unlock()
	err := f.write(id, "note:"+text, func(a *news.Article) { a.Notes = append(a.Notes, n) })
	return n, err
}

// noteTime is every fake note's date, so screens with notes are stable.
var noteTime = time.Date(2026, 3, 14, 10, 30, 0, 0, time.Local)

// noteArticle finds the article holding a note.
func (f *fakeLibrary) noteArticle(noteID int64) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, a := range f.articles {
		for _, n := range a.Notes {
			if n.ID == noteID {
				return a.ID, nil
			}
		}
	}
	return 0, fmt.Errorf("note %d: not found", noteID)
}

func (f *fakeLibrary) UpdateNote(ctx context.Context, noteID int64, text string) error {
	id, err := f.noteArticle(noteID)
	if err != nil {
		return err
	}
	return f.write(id, fmt.Sprintf("note %d=%s", noteID, text), func(a *news.Article) {
		for i := range a.Notes {
			if a.Notes[i].ID == noteID {
				a.Notes[i].Text = text
			}
		}
	})
}

func (f *fakeLibrary) DeleteNote(ctx context.Context, noteID int64) error {
	id, err := f.noteArticle(noteID)
	if err != nil {
		return err
	}
	return f.write(id, fmt.Sprintf("note %d deleted", noteID), func(a *news.Article) {
		a.Notes = slices.DeleteFunc(slices.Clone(a.Notes), func(n news.Note) bool { return n.ID == noteID })
	})
}

func (f *fakeLibrary) wrote() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.writes, "; ")
}

// sampleLibrary holds three small articles written for these tests.
func sampleLibrary() *fakeLibrary {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	return &fakeLibrary{articles: []*news.Article{
		{ID: 3, Title: "Ferry talks collapse", Source: "Meridian Wire", Published: day(12), URL: "https://example.com/ferry",
			Body: "Talks to end the ferry strike collapsed.\n\n\"We came ready to compromise,\" said Fiona MacRae.", Words: 12,
			Entities: news.Entities{
				People: []news.Person{{Name: "Fiona MacRae", Mentions: 2}, {Name: "Callum Strachan", Mentions: 1}},
				Places: []news.Place{{Name: "Glasgow", Mentions: 1}},
				Quotes: []news.Quote{{Text: "We came ready to compromise,", Speaker: "Fiona MacRae", Paragraph: 2}},
			}},
		{ID: 2, Title: "Bridge vote passes", Source: "The Harbour Gazette", Published: day(8),
			Body: "The council backed the bridge, Fiona MacRae said.", Words: 8,
			Entities: news.Entities{People: []news.Person{{Name: "Fiona MacRae", Mentions: 1}}}},
		{ID: 1, Title: "Glacier study", Source: "Northline News", Published: day(2), Read: true,
			Body: "Glaciers in the Alps shrank.", Words: 5},
	}}
}
