package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

// A dossier is one person's or one place's file: who or what they are in
// the library, their quotes, and their stories with the reader's notes and
// highlights. `byline export 'person:"Kim Jong Un"'` writes one.

// dossierSubject says whether q asks for one person or place alone, and
// which.
func dossierSubject(q news.Query) (news.Kind, string, bool) {
	if len(q.Terms) != 1 || q.Terms[0].Negate {
		return "", "", false
	}
	switch t := q.Terms[0]; t.Field {
	case news.FieldPerson:
		return news.KindPerson, t.Value, true
	case news.FieldPlace:
		return news.KindPlace, t.Value, true
	}
	return "", "", false
}

// dossier is everything a dossier holds, as `--format json` writes it.
type dossier struct {
	Kind      news.Kind        `json:"kind"`
	Name      string           `json:"name"`
	Stories   int              `json:"stories"`
	Mentions  int              `json:"mentions"`
	FirstSeen time.Time        `json:"first_seen"`
	LastSeen  time.Time        `json:"last_seen"`
	Forms     []string         `json:"also_known_as"`
	People    []companion      `json:"often_with_people"`
	Places    []companion      `json:"often_with_places"`
	Quotes    []listedQuote    `json:"quotes"`
	Articles  []dossierArticle `json:"articles"`
}

type companion struct {
	Name    string `json:"name"`
	Stories int    `json:"stories"`
}

type dossierArticle struct {
	ID         int64            `json:"id"`
	Title      string           `json:"title"`
	Source     string           `json:"source"`
	URL        string           `json:"url"`
	Date       time.Time        `json:"date"`
	Notes      []listedNote     `json:"notes"`
	Highlights []shownHighlight `json:"highlights"`
}

// buildDossier gathers a subject's dossier from the library.
func buildDossier(ctx context.Context, lib *store.Store, kind news.Kind, name string) (*dossier, error) {
	s, err := lib.FindSubject(ctx, kind, name)
	if err != nil {
		return nil, err
	}
	d := &dossier{Kind: kind, Name: s.Name, Stories: s.Stories, Mentions: s.Mentions, FirstSeen: s.FirstSeen.UTC(), LastSeen: s.LastSeen.UTC(),
		Forms: []string{}, People: []companion{}, Places: []companion{}, Quotes: []listedQuote{}, Articles: []dossierArticle{}}
	forms, err := lib.Forms(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	for _, f := range forms {
		if f.Name != s.Name {
			d.Forms = append(d.Forms, f.Name)
		}
	}
	people, places, err := lib.Related(ctx, s.ID, 10)
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		d.People = append(d.People, companion{p.Name, p.Stories})
	}
	for _, p := range places {
		d.Places = append(d.Places, companion{p.Name, p.Stories})
	}
	if kind == news.KindPerson {
		qs, _, err := lib.Quotes(ctx, store.QuoteFilter{SpeakerID: s.ID}, 0, 0)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			d.Quotes = append(d.Quotes, toListedQuote(q))
		}
	}
	arts, err := lib.SubjectStories(ctx, s.ID, 0, 0)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		da := dossierArticle{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Date: a.Date().UTC(),
			Notes: toListed(a).Notes, Highlights: toShownHighlights(a.Highlights)}
		d.Articles = append(d.Articles, da)
	}
	return d, nil
}

func writeDossier(w io.Writer, d *dossier, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	_, err := io.WriteString(w, dossierMarkdown(d))
	return err
}

// dossierMarkdown writes the dossier as a file a reader may cat: every
// text from outside is cleaned of terminal controls.
func dossierMarkdown(d *dossier) string {
	var b strings.Builder
	line, clean := termtext.Line, termtext.Clean
	day := func(t time.Time) string { return t.Format("2 Jan 2006") }
	fmt.Fprintf(&b, "---\n%s: %s\nstories: %d\nmentions: %d\nfirst_seen: %s\nlast_seen: %s\n",
		d.Kind, strconv.Quote(line(d.Name)), d.Stories, d.Mentions, d.FirstSeen.Format(time.RFC3339), d.LastSeen.Format(time.RFC3339))
	if len(d.Forms) > 0 {
		quoted := make([]string, len(d.Forms))
		for i, f := range d.Forms {
			quoted[i] = strconv.Quote(line(f))
		}
		fmt.Fprintf(&b, "also_known_as: [%s]\n", strings.Join(quoted, ", "))
	}
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "# %s\n\n", line(d.Name))
	fmt.Fprintf(&b, "%d stories from %s to %s, %d mentions.\n", d.Stories, day(d.FirstSeen), day(d.LastSeen), d.Mentions)
	list := func(label string, cs []companion) {
		if len(cs) == 0 {
			return
		}
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = fmt.Sprintf("%s (%d)", line(c.Name), c.Stories)
		}
		fmt.Fprintf(&b, "\n%s: %s.\n", label, strings.Join(parts, ", "))
	}
	list("Often with", d.People)
	list("Often in", d.Places)
	if len(d.Quotes) > 0 {
		b.WriteString("\n## Quotes\n")
		for _, q := range d.Quotes {
			fmt.Fprintf(&b, "\n> “%s”\n>\n> — %s, *%s*, %s\n", line(q.Text), line(*q.Speaker), line(q.Article.Title), day(q.Article.Date))
		}
	}
	b.WriteString("\n## Stories\n")
	for _, a := range d.Articles {
		fmt.Fprintf(&b, "\n### %s\n\n", line(a.Title))
		meta := []string{}
		if a.Source != "" {
			meta = append(meta, line(a.Source))
		}
		meta = append(meta, day(a.Date), fmt.Sprintf("article %d", a.ID))
		fmt.Fprintf(&b, "*%s*", strings.Join(meta, " · "))
		if a.URL != "" {
			fmt.Fprintf(&b, " · <%s>", line(a.URL))
		}
		b.WriteString("\n")
		for _, h := range a.Highlights {
			writeHighlightMarkdown(&b, clean(h.Text), clean(h.Note))
		}
		for _, n := range a.Notes {
			fmt.Fprintf(&b, "\nNote (%s): %s\n", day(n.Created), clean(n.Text))
		}
	}
	return b.String()
}

// writeHighlightMarkdown writes a highlight as a quote block, its note
// under it.
func writeHighlightMarkdown(b *strings.Builder, text, note string) {
	b.WriteString("\n")
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		fmt.Fprintf(b, "> %s\n", strings.TrimSpace(line))
	}
	if note != "" {
		fmt.Fprintf(b, "\n%s\n", note)
	}
}

func toListedQuote(q news.LibraryQuote) listedQuote {
	l := listedQuote{Text: q.Text, Partial: q.Partial, Paragraph: q.Paragraph,
		Article: quotedArticle{ID: q.ArticleID, Title: q.Title, Source: q.Source, Date: q.Date.UTC()}}
	if q.Speaker != "" {
		s := q.Speaker
		l.Speaker = &s
	}
	return l
}

// shownHighlight is a highlight in `show --json`, exports and dossiers.
type shownHighlight struct {
	ID      int64     `json:"id"`
	Text    string    `json:"text"`
	Note    string    `json:"note"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Created time.Time `json:"created"`
}

func toShownHighlights(hs []news.Highlight) []shownHighlight {
	out := []shownHighlight{}
	for _, h := range hs {
		out = append(out, shownHighlight{ID: h.ID, Text: h.Text, Note: h.Note, Start: h.Start, End: h.End, Created: h.Created.UTC()})
	}
	return out
}
