package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/news"
	"byline/store"
	"byline/ui"
)

func (a *app) showCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one article with its people, places, quotes and notes",
		Long: `Print one article: rendered for the terminal, or as plain Markdown when
standard output is not a terminal. --json prints the article, its marks,
notes and extracted people, places and quotes.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			art, err := lookupArticle(ctx, lib, args[0])
			if err != nil {
				return err
			}
			fillEntities(art)
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(toShown(art))
			}
			md := articleMarkdown(art)
			if !isTerminal(a.stdout) {
				_, err := io.WriteString(a.stdout, md)
				return err
			}
			out, err := renderMarkdown(md, terminalWidth(a.stdout))
			if err != nil {
				return err
			}
			return a.page(out)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the article as JSON")
	return cmd
}

// page writes out through $PAGER (less -R when it is unset) when it is
// taller than the terminal, as git and man do; a pager that cannot start
// or is set to cat or empty means plain output.
func (a *app) page(out string) error {
	f, ok := a.stdout.(*os.File)
	if !ok {
		_, err := io.WriteString(a.stdout, out)
		return err
	}
	_, height, err := term.GetSize(f.Fd())
	pager, set := os.LookupEnv("PAGER")
	if !set {
		pager = "less"
	}
	args := strings.Fields(pager)
	if err != nil || strings.Count(out, "\n") < height || len(args) == 0 || args[0] == "cat" {
		_, err := io.WriteString(a.stdout, out)
		return err
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(out), f, a.stderr
	// less shows colour (-R), and quits at once if it all fits (-F).
	if os.Getenv("LESS") == "" {
		cmd.Env = append(os.Environ(), "LESS=FRX")
	}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return nil // the pager said its own say, or was quit
		}
		_, err := io.WriteString(a.stdout, out)
		return err
	}
	return nil
}

// parseID reads an article id as the commands take it.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not an article id: ids are the numbers `byline list` shows", s)
	}
	return id, nil
}

func lookupArticle(ctx context.Context, lib *store.Store, arg string) (*news.Article, error) {
	id, err := parseID(arg)
	if err != nil {
		return nil, err
	}
	return lib.Article(ctx, id)
}

// articleMarkdown is the reader's article (title, byline, tags, body,
// notes) followed by what byline found in it, for `show`. Outside text is
// cleaned of terminal controls by both parts.
func articleMarkdown(a *news.Article) string {
	var b strings.Builder
	b.WriteString(ui.ArticleMarkdown(a))
	if len(a.Highlights) > 0 {
		b.WriteString("\n---\n\n## Highlights\n")
		for _, h := range a.Highlights {
			writeHighlightMarkdown(&b, termtext.Clean(h.Text), termtext.Line(h.Note))
		}
	}
	e := a.Entities
	if len(e.People)+len(e.Places)+len(e.Quotes) > 0 {
		b.WriteString("\n---\n")
	}
	if len(e.People) > 0 {
		b.WriteString("\n## People\n\n")
		for _, p := range e.People {
			fmt.Fprintf(&b, "- %s (%d)\n", termtext.Line(p.Name), p.Mentions)
		}
	}
	if len(e.Places) > 0 {
		b.WriteString("\n## Places\n\n")
		for _, p := range e.Places {
			fmt.Fprintf(&b, "- %s (%d)\n", termtext.Line(p.Name), p.Mentions)
		}
	}
	if len(e.Quotes) > 0 {
		b.WriteString("\n## Quotes\n\n")
		for _, q := range e.Quotes {
			speaker := "unattributed"
			if q.Speaker != "" {
				speaker = termtext.Line(q.Speaker)
			}
			fmt.Fprintf(&b, "> “%s”\n> — %s\n\n", termtext.Line(q.Text), speaker)
		}
	}
	return b.String()
}

func renderMarkdown(md string, width int) (string, error) {
	style := "light"
	if lipgloss.HasDarkBackground(os.Stdin, os.Stdout) {
		style = "dark"
	}
	if os.Getenv("NO_COLOR") != "" {
		style = "notty"
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(min(width, 100)-2))
	if err != nil {
		return "", fmt.Errorf("render article: %w", err)
	}
	out, err := r.Render(md)
	if err != nil {
		return "", fmt.Errorf("render article: %w", err)
	}
	return out, nil
}

// shownArticle is `show --json`: the listing fields plus body and entities
// in the same shape as `extract --json`.
type shownArticle struct {
	listedArticle
	Author string `json:"author"`
	Body   string `json:"body"`
	Words  int    `json:"words"`
	extractedEntities
	Highlights []shownHighlight `json:"highlights"`
}

func toShown(a *news.Article) shownArticle {
	return shownArticle{
		listedArticle:     toListed(a),
		Author:            a.Author,
		Body:              a.Body,
		Words:             a.Words,
		extractedEntities: toExtracted(a.Entities),
		Highlights:        toShownHighlights(a.Highlights),
	}
}
