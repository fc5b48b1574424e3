package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"byline/ingest"
	"byline/internal/termtext"
)

func (a *app) addCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "add URL|FILE|DIR|- ...",
		Short: "Add web pages or local .txt, .md and .html files",
		Long: `Add articles to the library: web pages by URL, local .txt, .md and .html
files, whole directories (recursively), or one article from standard input
("-"). Adding an article again updates it and keeps its marks and notes.
Files that cannot be read are reported and skipped; the rest are added, and
the exit status is 1 when anything was skipped.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			a.bulk = true // a folder can hold thousands of stories
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			added, updated, failed, err := ingest.Add(ctx, lib, args, ingest.AddOptions{
				Stdin:     a.stdin,
				FetchPage: a.fetchPage(),
				Report: func(r ingest.AddResult) {
					switch {
					case r.Err != nil:
						fmt.Fprintf(a.stderr, "byline: skipped %s\n", termtext.Line(r.Err.Error()))
					case r.New:
						fmt.Fprintf(a.stdout, "added   %5d  %s\n", r.ID, termtext.Line(r.Title))
					default:
						fmt.Fprintf(a.stdout, "updated %5d  %s\n", r.ID, termtext.Line(r.Title))
					}
				},
			})
			if err != nil {
				return err
			}
			if added+updated+failed > 1 {
				fmt.Fprintf(a.stdout, "%d added, %d updated, %d skipped\n", added, updated, failed)
			}
			if failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
}
