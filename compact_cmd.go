package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) compactCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Pack what older versions of byline stored and give free space back to the disk",
		Long: `Pack the article texts, people and places that versions of byline before
5 December 2026 stored as plain text, rebuild a library made with 4 KB
pages with 8 KB ones (which leave less of each page unused), then give the
space that frees, and any other free space, back to the disk. A library of
50,000 BBC stories written by such a byline went from 397.8 MiB to
144.2 MiB; one packed already but in 4 KB pages from 151.0 to 144.8 MiB.
Nothing is lost or changed as the reader sees it, and a library works
without this: each article is packed when it is next saved. It rewrites
the library's file: it needs free disk space up to twice the library's
size, and a large library takes a minute. Close the reader first: while
another program has the library open, its pages keep their size.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			a.bulk = true
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			bar := progressLine{w: a.stderr, tty: isTerminal(a.stderr)}
			c, err := lib.Compact(ctx, func(done int) {
				if bar.tty {
					fmt.Fprintf(bar.w, "\r\x1b[Kpacked %d rows…", done)
					bar.drawn = true
				}
			})
			bar.clear()
			if err != nil {
				return fmt.Errorf("compact %s: %w", lib.Path(), err)
			}
			pages := ""
			switch {
			case c.PagesKept:
				pages = fmt.Sprintf("; kept its %d KB pages, as another program has the library open (compact again once it is closed: larger pages take less room)",
					c.PageBefore/1024)
			case c.PageAfter != c.PageBefore:
				pages = fmt.Sprintf("; pages of %d KB made %d KB", c.PageBefore/1024, c.PageAfter/1024)
			}
			fmt.Fprintf(a.stdout, "%s: %s → %s; packed %d article texts, %d people-and-places documents, %d text hashes%s\n",
				lib.Path(), inMiB(c.Before), inMiB(c.After), c.Bodies, c.Documents, c.Hashes, pages)
			return nil
		},
	}
}

func inMiB(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
