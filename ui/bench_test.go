package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"byline/internal/cputime"
	"byline/news"
)

func bigLibrary(n int) *fakeLibrary {
	lib := &fakeLibrary{}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		lib.articles = append(lib.articles, &news.Article{
			ID: int64(n - i), Title: fmt.Sprintf("Council %d approves harbour plan after long debate", n-i),
			Source: "Meridian Wire", Published: start.Add(-time.Duration(i) * time.Minute), Read: i%3 == 0,
		})
	}
	return lib
}

// BenchmarkFirstFrame: a reader over 100,000 articles, from New to the
// first drawn frame with the first page loaded (target ≤ 150 ms).
func BenchmarkFirstFrame(b *testing.B) {
	lib := bigLibrary(100_000)
	defer cputime.PerOp(b)()
	for b.Loop() {
		m := New(lib, Options{NoColor: true})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		m = next.(Model)
		next, _ = m.Update(loadWindow(lib, m.list.gen, m.list.query(), 0, 0, 0)())
		m = next.(Model)
		if !strings.Contains(m.View().Content, "Library 100000") {
			b.Fatal("first frame lacks the library")
		}
	}
}

// BenchmarkListMove: one j press and the frame after it, at 100,000
// articles (target ≤ 16 ms).
func BenchmarkListMove(b *testing.B) {
	lib := bigLibrary(100_000)
	m := New(lib, Options{NoColor: true})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m = next.(Model)
	next, _ = m.Update(loadWindow(lib, m.list.gen, m.list.query(), 0, 0, 0)())
	m = next.(Model)
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	defer cputime.PerOp(b)()
	for b.Loop() {
		next, cmd := m.Update(down)
		m = next.(Model)
		if cmd != nil { // a page boundary: load the next page as the program would
			if msg, ok := cmd().(listLoadedMsg); ok {
				next, _ = m.Update(msg)
				m = next.(Model)
			}
		}
		_ = m.View()
	}
}

func longArticle(words int) *news.Article {
	var b strings.Builder
	sentence := strings.Fields("The harbour authority said on Tuesday that the new ferry terminal would open next spring after delays caused by storms")
	for i := range words {
		b.WriteString(sentence[i%len(sentence)])
		if i%len(sentence) == len(sentence)-1 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
		if i%120 == 119 {
			b.WriteString("\n\n")
		}
	}
	return &news.Article{ID: 1, Title: "A long read", Body: b.String(), Words: words}
}

// BenchmarkOpenLongArticle renders a 5,000-word article for the article
// pane (target ≤ 50 ms); BenchmarkReopenArticle is the same from the
// cache (target ≤ 2 ms).
func BenchmarkOpenLongArticle(b *testing.B) {
	a := longArticle(5000)
	r := newRenderer()
	k := renderKey{id: 1, width: 80, style: "dark"}
	md := ArticleMarkdown(a)
	r.render(k, md) // the glamour renderer for this width exists, as after the first article
	defer cputime.PerOp(b)()
	for b.Loop() {
		r.mu.Lock()
		delete(r.rendered, k)
		r.mu.Unlock()
		if _, err := r.render(k, md); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReopenArticle goes back and forth between two 5,000-word
// articles already rendered: each open takes the cached rendering.
func BenchmarkReopenArticle(b *testing.B) {
	first, second := longArticle(5000), longArticle(5000)
	second.ID = 2
	lib := &fakeLibrary{articles: []*news.Article{first, second}}
	m := New(lib, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m = next.(Model)
	open := func(a *news.Article) tea.Cmd {
		m.article.opening = a.ID // as openSelected does before asking the store
		next, cmd := m.Update(articleLoadedMsg{id: a.ID, article: a})
		m = next.(Model)
		return cmd
	}
	for _, a := range []*news.Article{first, second} {
		next, _ := m.Update(open(a)())
		m = next.(Model)
	}
	defer cputime.PerOp(b)()
	for i := 0; b.Loop(); i++ {
		if cmd := open([]*news.Article{first, second}[i%2]); cmd != nil {
			b.Fatal("re-opening rendered again instead of using the cache")
		}
		if !strings.Contains(m.View().Content, "harbour authority") {
			b.Fatal("the article is not on screen")
		}
	}
}

// BenchmarkPreviewMove: one j press with the article pane following the
// cursor, at 100,000 articles — the key, the article's load, its
// rendering and the frame after it, as holding j does (target ≤ 16 ms a
// move).
func BenchmarkPreviewMove(b *testing.B) {
	lib := bigLibrary(100_000)
	body := strings.Repeat("The harbour board met on Tuesday and agreed the new timetable for the winter ferries. ", 8)
	for _, a := range lib.articles[:3000] {
		a.Body, a.Words = body+a.Title, 120
	}
	m := New(lib, Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m = next.(Model)
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	// deliver runs a command tree as the program would, Update by Update.
	var deliver func(cmd tea.Cmd)
	deliver = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				deliver(c)
			}
		case listLoadedMsg, articleLoadedMsg, articleRenderedMsg:
			next, more := m.Update(msg)
			m = next.(Model)
			deliver(more)
		}
	}
	next, cmd := m.Update(loadWindow(lib, m.list.gen, m.list.query(), 0, 0, 0)())
	m = next.(Model)
	deliver(cmd) // the first article's preview
	moves := 0
	defer cputime.PerOp(b)()
	for b.Loop() {
		next, cmd := m.Update(down)
		m = next.(Model)
		deliver(cmd)
		if !strings.Contains(m.View().Content, "harbour board met") {
			b.Fatal("the article under the cursor is not shown")
		}
		if moves++; moves == 2500 { // stay among the articles with bodies
			next, _ = m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
			m = next.(Model)
			moves = 0
		}
	}
}
