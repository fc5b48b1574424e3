package ui

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

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
	rendered  map[renderKey]rendering
	renderMux sync.Mutex // a TermRenderer is not safe for concurrent use
}

// rendering is an article as the pane shows it, with the links its text
// numbers.
type rendering struct {
	text  string
	links []string
}

func newRenderer() *renderer {
	return &renderer{glamours: map[[2]any]*glamour.TermRenderer{}, rendered: map[renderKey]rendering{}}
}

func (r *renderer) cached(k renderKey) (rendering, bool) {
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
	r.rendered[k] = rendering{text: out}
	r.mu.Unlock()
	return out, nil
}

// renderArticle renders in a command: a long article takes milliseconds.
// The notes are drawn after glamour's part, with their line breaks.
func (r *renderer) renderArticle(k renderKey, a *news.Article, st Styles) tea.Cmd {
	// A copy: Update changes the article's marks while this runs.
	c := *a
	c.Tags, c.Notes = slices.Clone(a.Tags), slices.Clone(a.Notes)
	return func() tea.Msg {
		md, links := readerMarkdown(&c)
		out, err := r.render(k, md)
		if err != nil {
			return articleRenderedMsg{key: k, err: err}
		}
		if len(c.Notes) > 0 {
			out += notesBlock(c.Notes, k.width, st)
		}
		done := rendering{text: out, links: links}
		r.mu.Lock()
		r.rendered[k] = done
		r.mu.Unlock()
		return articleRenderedMsg{key: k, content: done}
	}
}

// ArticleMarkdown is an article as `byline show` prints it: title, a line
// of source, date, reading time and star, author, link, tags, the body,
// then the reader's notes. Outside text is cleaned of terminal controls
// here, once.
func ArticleMarkdown(a *news.Article) string {
	var b strings.Builder
	writeHead(&b, a)
	b.WriteString(articleBody(a))
	b.WriteString("\n")
	if len(a.Notes) > 0 {
		b.WriteString("\n## Notes\n")
		for _, n := range a.Notes {
			fmt.Fprintf(&b, "\n*%s*\n\n", n.Updated.Local().Format("2 Jan 2006 15:04"))
			// A line break in a note is a hard break in Markdown.
			b.WriteString(strings.ReplaceAll(strings.TrimSpace(termtext.Clean(n.Text)), "\n", "  \n") + "\n")
		}
	}
	return b.String()
}

// readerMarkdown is the article as the article pane renders it: the head
// and body of ArticleMarkdown with the body's links numbered ("the vote
// [1]") and listed at the end, so a digit opens one. The notes are drawn
// by the pane. It returns the links in their order.
func readerMarkdown(a *news.Article) (string, []string) {
	var b strings.Builder
	writeHead(&b, a)
	body, links := numberLinks(articleBody(a))
	b.WriteString(body)
	b.WriteString("\n")
	if len(links) > 0 {
		b.WriteString("\n**Links**\n\n")
		for i, l := range links {
			fmt.Fprintf(&b, "%d. %s\n", i+1, l)
		}
	}
	return b.String(), links
}

func writeHead(b *strings.Builder, a *news.Article) {
	fmt.Fprintf(b, "# %s\n\n", termtext.Line(a.Title))
	meta := []string{}
	if a.Source != "" {
		meta = append(meta, termtext.Line(a.Source))
	}
	meta = append(meta, a.Date().Format("2 Jan 2006"), fmt.Sprintf("%d min", news.ReadingMinutes(a.Words)))
	if a.Starred {
		meta = append(meta, "★")
	}
	fmt.Fprintf(b, "*%s*\n\n", strings.Join(meta, " · "))
	if a.Author != "" {
		fmt.Fprintf(b, "By %s\n\n", termtext.Line(a.Author))
	}
	if a.URL != "" {
		fmt.Fprintf(b, "<%s>\n\n", termtext.Line(a.URL))
	}
	if len(a.Tags) > 0 {
		fmt.Fprintf(b, "Tags: %s\n\n", termtext.Line("#"+strings.Join(a.Tags, " #")))
	}
}

// articleBody is the body, cleaned, without a first paragraph or sentence
// that only repeats the headline: a headline made from the first sentence
// (a feed item with no title, a pasted story) is not read twice.
func articleBody(a *news.Article) string {
	body := strings.TrimSpace(termtext.Clean(a.Body))
	title := normalize(termtext.Line(a.Title))
	if title == "" {
		return body
	}
	first, rest, _ := strings.Cut(body, "\n\n")
	p := normalize(first)
	switch {
	case strings.TrimRight(p, ".!?") == strings.TrimRight(title, ".!?"):
		return strings.TrimSpace(rest)
	case strings.HasPrefix(p, strings.TrimRight(title, ".!?")+". "):
		// The headline is the paragraph's first sentence: keep the rest.
		words := len(strings.Fields(title))
		f := strings.Fields(first)
		if len(f) > words {
			return strings.TrimSpace(strings.Join(f[words:], " ") + "\n\n" + rest)
		}
	}
	return body
}

// links matches a Markdown link that is not an image: [text](url "title").
var mdLink = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)

// numberLinks writes each link of md as its text and a number, and returns
// the targets in order; a target linked twice keeps its first number.
func numberLinks(md string) (string, []string) {
	var links []string
	num := map[string]int{}
	out := mdLink.ReplaceAllStringFunc(md, func(m string) string {
		g := mdLink.FindStringSubmatch(m)
		if g[1] == "!" {
			return m
		}
		n, ok := num[g[3]]
		if !ok {
			links = append(links, g[3])
			n = len(links)
			num[g[3]] = n
		}
		return fmt.Sprintf("%s [%d]", g[2], n)
	})
	return out, links
}

// notesBlock draws the reader's notes below the article: each with its
// date, its line breaks kept, wrapped to the pane.
func notesBlock(notes []news.Note, width int, st Styles) string {
	var b strings.Builder
	b.WriteString("\n\n  " + st.TitleFocused.Render(fmt.Sprintf("Notes (%d)", len(notes))))
	for _, n := range notes {
		b.WriteString("\n\n  " + st.Dim.Render("✎ "+n.Updated.Local().Format("2 Jan 2006 15:04")))
		for _, line := range strings.Split(strings.TrimSpace(termtext.Clean(n.Text)), "\n") {
			for _, w := range strings.Split(ansi.Wordwrap(line, max(width-6, 10), ""), "\n") {
				b.WriteString("\n    " + w)
			}
		}
	}
	return b.String()
}
