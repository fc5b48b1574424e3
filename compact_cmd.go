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
5 December 2026 stored as plain text (a library of 50,000 BBC stories went
from 397 MiB to 212 MiB), then give the space that frees, and any other
free space, back to the disk. Nothing is lost or changed as the reader sees
it, and a library works without this: each article is packed when it is
next saved. It rewrites the library's file: it needs free disk space about
the library's size, and a large library takes a minute.`,
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
			fmt.Fprintf(a.stdout, "%s: %s → %s; packed %d article texts, %d people-and-places documents, %d text hashes\n",
				lib.Path(), inMiB(c.Before), inMiB(c.After), c.Bodies, c.Documents, c.Hashes)
			return nil
		},
	}
}

func inMiB(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
