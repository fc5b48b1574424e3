package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

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
	return &cobra.Command{
		Use:   name + " ID...",
		Short: short,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
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
			text = strings.TrimSpace(text)
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
