package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/news"
)

func (a *app) exportCommand() *cobra.Command {
	var format, dir string
	var asDossier bool
	cmd := &cobra.Command{
		Use:   "export [QUERY] --to DIR",
		Short: "Write matching articles to files, one per article, or a person's or place's dossier",
		Long: `Write every article that matches the query (all by default) to DIR, one
file per article: Markdown with front matter (title, source, url, dates,
marks, tags), the body, the highlights (as quote blocks, with their notes)
and the notes; or JSON with the same fields plus the people, places and
quotes. Existing files of the same name are replaced.

A query that is one person: or place: alone, without --to, writes their
dossier to standard output: who they are most often with, their quotes, and
their stories with your notes and highlights, in one file; --dossier writes
it into DIR instead of the articles.`,
		Example: `  byline export is:starred --to ~/notes/news
  byline export 'person:"Kim Jong Un"' --format md > kim.md
  byline export place:Seoul --format json --dossier --to out`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "json" {
				return fmt.Errorf("export --format %q: want md or json", format)
			}
			q, err := news.ParseQuery(strings.Join(args, " "))
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if kind, name, ok := dossierSubject(q); ok && (dir == "" || asDossier) {
				return a.exportDossier(ctx, kind, name, format, dir)
			}
			if asDossier {
				return fmt.Errorf("export --dossier %q: want one person:NAME or place:NAME", q.String())
			}
			if dir == "" {
				return fmt.Errorf("export needs --to DIR")
			}
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := a.warnUnsearchable(ctx, lib, q); err != nil {
				return err
			}
			// Streamed: one article in memory at a time, whatever the
			// library's size.
			n := 0
			err = lib.EachWhole(ctx, q, func(art *news.Article) error {
				name := filepath.Join(dir, exportName(art, format))
				if err := writeFileAtomic(name, func(w io.Writer) error { return exportArticle(w, art, format) }); err != nil {
					return fmt.Errorf("export article %d: %w", art.ID, err)
				}
				n++
				return nil
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%d articles written to %s\n", n, dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "md or json")
	cmd.Flags().StringVar(&dir, "to", "", "folder to write into (created if missing)")
	cmd.Flags().BoolVar(&asDossier, "dossier", false, "write the dossier of the person: or place: queried into --to")
	return queryCommand(cmd)
}

// exportDossier writes a person's or place's dossier to dir, or to
// standard output when dir is "".
func (a *app) exportDossier(ctx context.Context, kind news.Kind, name, format, dir string) error {
	lib, err := a.openForReading(ctx)
	if err != nil {
		return err
	}
	d, err := buildDossier(ctx, lib, kind, name)
	if err != nil {
		return err
	}
	if dir == "" {
		return writeDossier(a.stdout, d, format)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	file := filepath.Join(dir, fmt.Sprintf("%s-%s.%s", kind, slug(d.Name, 60), format))
	if err := writeFileAtomic(file, func(w io.Writer) error { return writeDossier(w, d, format) }); err != nil {
		return fmt.Errorf("export the dossier of %s: %w", d.Name, err)
	}
	fmt.Fprintf(a.stdout, "dossier of %s (%d stories) written to %s\n", d.Name, d.Stories, file)
	return nil
}

func exportArticle(w io.Writer, a *news.Article, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(toShown(a))
	}
	_, err := io.WriteString(w, exportMarkdown(a))
	return err
}

// exportName is "ID-slug.ext": stable across exports, so exporting again
// replaces the same files, and readable in a file manager.
func exportName(a *news.Article, ext string) string {
	return fmt.Sprintf("%d-%s.%s", a.ID, slug(a.Title, 60), ext)
}

func slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= max {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "article"
	}
	return out
}

// exportMarkdown writes front matter that `byline add` reads back, so an
// export can be imported into another library.
func exportMarkdown(a *news.Article) string {
	var b strings.Builder
	b.WriteString("---\n")
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", k, strconv.Quote(v))
		}
	}
	field("title", a.Title)
	field("source", a.Source)
	field("author", a.Author)
	field("url", a.URL)
	if !a.Published.IsZero() {
		field("date", a.Published.UTC().Format(time.RFC3339))
	}
	field("added", a.Added.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "read: %t\nstarred: %t\n", a.Read, a.Starred)
	if len(a.Tags) > 0 {
		quoted := make([]string, len(a.Tags))
		for i, t := range a.Tags {
			quoted[i] = strconv.Quote(t)
		}
		fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(quoted, ", "))
	}
	b.WriteString("---\n\n")
	// The text is clean when stored; cleaned again here because a file
	// someone will cat must never carry an escape sequence, whatever an
	// older byline let into the library.
	fmt.Fprintf(&b, "# %s\n\n%s\n", termtext.Line(a.Title), strings.TrimSpace(termtext.Clean(a.Body)))
	if len(a.Highlights) > 0 {
		b.WriteString("\n## Highlights\n")
		for _, h := range a.Highlights {
			writeHighlightMarkdown(&b, termtext.Clean(h.Text), termtext.Clean(h.Note))
		}
	}
	if len(a.Notes) > 0 {
		b.WriteString("\n## Notes\n")
		for _, n := range a.Notes {
			fmt.Fprintf(&b, "\n*%s*\n\n%s\n", n.Created.UTC().Format(time.RFC3339), termtext.Clean(n.Text))
		}
	}
	return b.String()
}

// writeFileAtomic writes through a temporary file and renames it, so a
// failed export never leaves half a file where a whole one was.
func writeFileAtomic(name string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".byline-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// The library is private (0600); what is exported from it is too.
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

func readAllLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("more than %d bytes", max)
	}
	return b, nil
}
