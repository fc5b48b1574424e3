package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/store"
)

// A mark is one of the yes/no marks a reader puts on articles.
type mark func(ctx context.Context, lib *store.Store, id int64, on bool) error

func markStar(ctx context.Context, lib *store.Store, id int64, on bool) error {
	return lib.SetStarred(ctx, id, on)
}

func markRead(ctx context.Context, lib *store.Store, id int64, on bool) error {
	return lib.SetRead(ctx, id, on)
}

// markCommand builds star, unstar, read and unread: each takes one or more
// ids, marks every one it can and reports each that it cannot.
func (a *app) markCommand(name, short string, set mark, on bool) *cobra.Command {
	var feedID int64
	var all bool
	cmd := &cobra.Command{
		Use:   name + " ID...",
		Short: short,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if feedID != 0 || all {
				return a.markAllRead(ctx, feedID, args)
			}
			ids, err := parseIDs(args)
			if err != nil {
				return err
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			failed := 0
			for _, id := range ids {
				if err := set(ctx, lib, id, on); err != nil {
					fmt.Fprintf(a.stderr, "byline: %s %d: %v\n", name, id, err)
					failed++
				}
			}
			if failed > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	if name == "read" {
		cmd.Use = "read ID... | --feed FEED-ID | --all"
		cmd.Args = func(cmd *cobra.Command, args []string) error {
			if feedID != 0 || all {
				return nil
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		}
		cmd.Flags().Int64Var(&feedID, "feed", 0, "mark every article of this feed read (on an account's server too, held here or not)")
		cmd.Flags().BoolVar(&all, "all", false, "mark every article read (on every account's server too)")
	}
	return cmd
}

// markAllRead is read --feed and read --all. On an account's feed the
// server is asked, at the next sync, to mark read everything known now,
// including entries this library does not hold.
func (a *app) markAllRead(ctx context.Context, feedID int64, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("read --feed and --all take no article ids")
	}
	lib, err := a.open(ctx)
	if err != nil {
		return err
	}
	var n int
	if feedID != 0 {
		n, err = lib.MarkFeedRead(ctx, feedID)
	} else {
		n, err = lib.MarkAllRead(ctx)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "marked %s read\n", plural(n, "article"))
	if waiting, _ := lib.Waiting(ctx, 0); waiting > 0 {
		fmt.Fprintf(a.stdout, "%s waiting for byline sync\n", plural(waiting, "change"))
	}
	return nil
}

func parseIDs(args []string) ([]int64, error) {
	ids := make([]int64, len(args))
	for i, s := range args {
		id, err := parseID(s)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

func (a *app) noteCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "note ID TEXT...",
		Short: "Add a note to an article",
		Long:  `Add a note to an article. The words after the id are the note; "-" reads it from standard input.`,
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			text := strings.Join(args[1:], " ")
			if text == "-" {
				b, err := readAllLimited(a.stdin, 1<<20)
				if err != nil {
					return fmt.Errorf("read note from standard input: %w", err)
				}
				text = string(b)
			}
			// Typed or piped text may carry escape sequences (a pasted OSC 52
			// sets the clipboard of whoever cats an export): clean it in.
			text = strings.TrimSpace(termtext.Clean(text))
			if text == "" {
				return fmt.Errorf("note for article %d is empty", id)
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			if _, err := lib.AddNote(ctx, id, text); err != nil {
				return err
			}
			return nil
		},
	}
}

func (a *app) tagCommand() *cobra.Command {
	var remove bool
	cmd := &cobra.Command{
		Use:   "tag ID TAG...",
		Short: "Tag an article (--remove takes tags off)",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			if remove {
				return lib.RemoveTags(ctx, id, args[1:]...)
			}
			return lib.AddTags(ctx, id, args[1:]...)
		},
	}
	cmd.Flags().BoolVarP(&remove, "remove", "r", false, "remove the tags instead of adding them")
	return cmd
}
