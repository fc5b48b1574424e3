package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/news"
)

func (a *app) highlightCommand() *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:   "highlight ID PASSAGE",
		Short: "Highlight a passage of an article, optionally with a note",
		Long: `Highlight a passage of an article: PASSAGE is found in the article's text
ignoring case and line breaks ("-" reads it from standard input).
"byline highlight delete HIGHLIGHT-ID" removes one; "byline highlights"
lists them; the query has:highlight finds the articles that have any.`,
		Example: `  byline highlight 12 "the talks collapsed at noon" --note "check the time"
  byline highlight delete 3`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			art, err := lookupArticle(ctx, lib, args[0])
			if err != nil {
				return err
			}
			passage := args[1]
			if passage == "-" {
				b, err := readAllLimited(a.stdin, 1<<20)
				if err != nil {
					return fmt.Errorf("read the passage: %w", err)
				}
				passage = string(b)
			}
			start, end, ok := news.FindPassage(art.Body, passage)
			if !ok {
				return fmt.Errorf("article %d: %q is not in its text", art.ID, strings.TrimSpace(passage))
			}
			h, err := lib.AddHighlight(ctx, news.Highlight{ArticleID: art.ID, Start: start, End: end, Text: art.Body[start:end], Note: note})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "highlight %d on article %d\n", h.ID, art.ID)
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "a note on the passage")
	cmd.AddCommand(&cobra.Command{
		Use:   "delete HIGHLIGHT-ID...",
		Short: "Remove highlights",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			for _, arg := range args {
				id, err := parseID(arg)
				if err != nil {
					return err
				}
				if err := lib.DeleteHighlight(ctx, id); err != nil {
					return err
				}
			}
			return nil
		},
	})
	return cmd
}

func (a *app) highlightsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "highlights [QUERY]",
		Short:   "List the highlights of the articles matching a query, with their notes",
		Example: `  byline highlights person:"Kim Jong Un"`,
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
			all, err := lib.Highlights(ctx, q)
			if err != nil {
				return err
			}
			for _, art := range all {
				fmt.Fprintf(a.stdout, "%d  %s\n", art.ArticleID, termtext.Line(art.Title))
				for _, h := range art.Highlights {
					fmt.Fprintf(a.stdout, "  #%d  “%s”\n", h.ID, termtext.Line(h.Text))
					if h.Note != "" {
						fmt.Fprintf(a.stdout, "       %s\n", termtext.Line(h.Note))
					}
				}
			}
			return nil
		},
	}
	return queryCommand(cmd)
}
