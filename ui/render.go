package ui

import (
	"fmt"
	"hash/fnv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"

	"byline/internal/termtext"
	"byline/news"
)

// renderKey names one rendering of an article: the same article at another
// width or in another style is another rendering.
type renderKey struct {
	id    int64
	width int
	style string
	notes uint64 // notesKey: a note added, changed or deleted changes what is shown
	star  bool
	tags  string
}

// notesKey sums up the notes' identity and text, so any change to them
// misses the cache.
func notesKey(notes []news.Note) uint64 {
	h := fnv.New64a()
	for _, n := range notes {
		fmt.Fprintf(h, "%d\x00%s\x00", n.ID, n.Text)
	}
	return h.Sum64()
}

// renderer renders articles with glamour and caches both the renderers
// (costly to build: one per width and style) and the rendered text. It is
// shared by pointer between model copies and used from commands, hence
// the lock.
type renderer struct {
	mu        sync.Mutex
	glamours  map[[2]any]*glamour.TermRenderer
	rendered  map[renderKey]string
	renderMux sync.Mutex // a TermRenderer is not safe for concurrent use
}

func newRenderer() *renderer {
	return &renderer{glamours: map[[2]any]*glamour.TermRenderer{}, rendered: map[renderKey]string{}}
}

func (r *renderer) cached(k renderKey) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.rendered[k]
	return s, ok
}

func (r *renderer) render(k renderKey, md string) (string, error) {
	r.mu.Lock()
	g := r.glamours[[2]any{k.width, k.style}]
	r.mu.Unlock()
	if g == nil {
		var err error
		g, err = glamour.NewTermRenderer(glamour.WithStandardStyle(k.style), glamour.WithWordWrap(max(k.width-2, 10)))
		if err != nil {
			return "", err
		}
		r.mu.Lock()
		r.glamours[[2]any{k.width, k.style}] = g
		r.mu.Unlock()
	}
	r.renderMux.Lock()
	out, err := g.Render(md)
	r.renderMux.Unlock()
	if err != nil {
		return "", err
	}
	out = strings.Trim(out, "\n")
	r.mu.Lock()
	r.rendered[k] = out
	r.mu.Unlock()
	return out, nil
}

// renderArticle renders in a command: a long article takes milliseconds.
func (r *renderer) renderArticle(k renderKey, a *news.Article) tea.Cmd {
	md := ArticleMarkdown(a)
	return func() tea.Msg {
		out, err := r.render(k, md)
		return articleRenderedMsg{key: k, content: out, err: err}
	}
}

// ArticleMarkdown is an article as byline shows it: title, a line of
// source, date, reading time and star, author, link, tags, the body, then
// the reader's notes. Outside text is cleaned of terminal controls here,
// once; `byline show` prints the same document.
func ArticleMarkdown(a *news.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", termtext.Line(a.Title))
	meta := []string{}
	if a.Source != "" {
		meta = append(meta, termtext.Line(a.Source))
	}
	meta = append(meta, a.Date().Format("2 Jan 2006"), fmt.Sprintf("%d min", news.ReadingMinutes(a.Words)))
	if a.Starred {
		meta = append(meta, "★")
	}
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(meta, " · "))
	if a.Author != "" {
		fmt.Fprintf(&b, "By %s\n\n", termtext.Line(a.Author))
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "<%s>\n\n", termtext.Line(a.URL))
	}
	if len(a.Tags) > 0 {
		fmt.Fprintf(&b, "Tags: %s\n\n", termtext.Line("#"+strings.Join(a.Tags, " #")))
	}
	b.WriteString(strings.TrimSpace(termtext.Clean(a.Body)))
	b.WriteString("\n")
	if len(a.Notes) > 0 {
		b.WriteString("\n---\n\n## Notes\n\n")
		for _, n := range a.Notes {
			fmt.Fprintf(&b, "- %s — *%s*\n", termtext.Line(n.Text), n.Updated.Local().Format("2 Jan 2006 15:04"))
		}
	}
	return b.String()
}
