package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"byline/extract"
	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

func (a *app) listCommand() *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "list [QUERY]",
		Short: "List articles matching a query, newest first",
		Long: `List the articles that match a query, newest first (all of them by default).

Free words search titles, bodies and notes; "quoted phrases" match exactly.
Filters: is:unread is:read is:starred has:note tag:NAME person:"Kim Jong Un"
place:Seoul source:cnn feed:NAME after:2024-01-31 before:2024-06; a leading
"-" negates a term.`,
		Example: `  byline list is:unread
  byline list person:Trump -source:cnn
  byline list '"trade deal" after:2024-01' --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := news.ParseQuery(strings.Join(args, " "))
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			if err := a.warnUnsearchable(ctx, lib, q); err != nil {
				return err
			}
			// Streamed: a library of any size is printed holding one
			// page of it in memory, and the first line comes at once.
			out := bufio.NewWriterSize(a.stdout, 64<<10)
			if asJSON {
				err = writeJSONArray(out, func(fn func(*news.Article) error) error { return lib.Each(ctx, q, limit, fn) },
					func(a *news.Article) any { return toListed(a) })
			} else {
				width := 0
				if isTerminal(a.stdout) {
					width = terminalWidth(a.stdout)
				}
				err = lib.Each(ctx, q, limit, func(art *news.Article) error {
					writeListLine(out, art, width)
					return nil
				})
			}
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most N articles (0: all)")
	return queryCommand(cmd)
}

// listedArticle is one element of `list --json`, a contract scripts rely on.
type listedArticle struct {
	ID        int64        `json:"id"`
	Title     string       `json:"title"`
	Source    string       `json:"source"`
	URL       string       `json:"url"`
	Published *time.Time   `json:"published"`
	Added     time.Time    `json:"added"`
	Read      bool         `json:"read"`
	Starred   bool         `json:"starred"`
	Tags      []string     `json:"tags"`
	Notes     []listedNote `json:"notes"`
}

type listedNote struct {
	ID      int64     `json:"id"`
	Text    string    `json:"text"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

func toListed(a *news.Article) listedArticle {
	l := listedArticle{
		ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Added: a.Added.UTC(),
		Read: a.Read, Starred: a.Starred, Tags: a.Tags, Notes: []listedNote{},
	}
	if l.Tags == nil {
		l.Tags = []string{}
	}
	if !a.Published.IsZero() {
		p := a.Published.UTC()
		l.Published = &p
	}
	for _, n := range a.Notes {
		l.Notes = append(l.Notes, listedNote{ID: n.ID, Text: n.Text, Created: n.Created.UTC(), Updated: n.Updated.UTC()})
	}
	return l
}

// writeJSONArray writes what each yields as one JSON array, an element
// at a time as listed makes it, laid out as json.Encoder with a two-space
// indent lays out the whole array: a list of any size takes the memory of
// one element.
func writeJSONArray[T any](w io.Writer, each func(func(T) error) error, listed func(T) any) error {
	n := 0
	err := each(func(v T) error {
		data, err := json.MarshalIndent(listed(v), "  ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n  "
		if n == 0 {
			sep = "[\n  "
		}
		n++
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	end := "\n]\n"
	if n == 0 {
		end = "[]\n"
	}
	_, err = io.WriteString(w, end)
	return err
}

// writeListLine prints one article on one line: id, unread and star marks,
// date, source and title. On a terminal (width > 0) lines are cut to fit.
func writeListLine(w io.Writer, a *news.Article, width int) {
	unread, star := " ", " "
	if !a.Read {
		unread = "●"
	}
	if a.Starred {
		star = "★"
	}
	source := ansi.Truncate(termtext.Line(a.Source), 16, "…")
	line := fmt.Sprintf("%5d %s%s %s  %-16s  %s", a.ID, unread, star, a.Date().Format("02 Jan 2006"), source, termtext.Line(a.Title))
	if len(a.Tags) > 0 {
		line += "  #" + termtext.Line(strings.Join(a.Tags, " #"))
	}
	if width > 0 {
		line = ansi.Truncate(line, width, "…")
	}
	fmt.Fprintln(w, line)
}

func terminalWidth(w io.Writer) int {
	if f, ok := w.(interface{ Fd() uintptr }); ok {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return 80
}

// warnUnsearchable says, on standard error, how many articles a query
// cannot see yet because a refresh has not finished indexing them: a
// search is never silently partial.
func (a *app) warnUnsearchable(ctx context.Context, lib *store.Store, q news.Query) error {
	n, err := lib.Unsearchable(ctx, q, extract.Version)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(a.stderr, "byline: %s not yet searchable; byline refresh finishes them\n", plural(n, "article"))
	}
	return nil
}
