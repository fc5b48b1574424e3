package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

// A mark is one of the yes/no marks a reader puts on articles.
type mark struct {
	set  func(ctx context.Context, lib *store.Store, id int64, on bool) error
	word string // "read", "starred": what the status line says
	// all marks every article of a query in one write; nil: one by one.
	all func(ctx context.Context, lib *store.Store, q news.Query, on bool) (int, error)
}

var (
	markStar = mark{
		set: func(ctx context.Context, lib *store.Store, id int64, on bool) error {
			return lib.SetStarred(ctx, id, on)
		},
		word: "starred",
	}
	markRead = mark{
		set:  func(ctx context.Context, lib *store.Store, id int64, on bool) error { return lib.SetRead(ctx, id, on) },
		word: "read",
		all: func(ctx context.Context, lib *store.Store, q news.Query, on bool) (int, error) {
			return lib.SetReadMatching(ctx, q, on)
		},
	}
)

// markCommand builds star, unstar, read and unread: each takes ids, and
// marks every one it can and reports each that it cannot, or a query
// ("byline read feed:bbc before:2024-01"), and marks every article that
// matches it.
func (a *app) markCommand(name, short string, m mark, on bool) *cobra.Command {
	var feedID int64
	var all bool
	cmd := &cobra.Command{
		Use:   name + " ID...|QUERY",
		Short: short,
		Long: short + ` by their ids, or every article matching a query (the
query language of "byline list"): byline ` + name + ` feed:bbc before:2024-01`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if feedID != 0 || all {
				return a.markAllRead(ctx, feedID, args)
			}
			ids, q, err := idsOrQuery(args)
			if err != nil {
				return err
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			if ids == nil {
				return a.markQuery(ctx, lib, m, q, on)
			}
			failed := 0
			for _, id := range ids {
				if err := m.set(ctx, lib, id, on); err != nil {
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
		cmd.Use = "read ID...|QUERY | --feed FEED-ID | --all"
		cmd.Flags().Int64Var(&feedID, "feed", 0, "mark every article of this feed read (on an account's server too, held here or not)")
		cmd.Flags().BoolVar(&all, "all", false, "mark every article read (on every account's server too)")
	}
	return queryCommand(cmd)
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

// markQuery marks every article matching q and says how many changed.
func (a *app) markQuery(ctx context.Context, lib *store.Store, m mark, q news.Query, on bool) error {
	n := 0
	if m.all != nil {
		var err error
		if n, err = m.all(ctx, lib, q, on); err != nil {
			return err
		}
	} else {
		arts, err := lib.List(ctx, q, 0, 0)
		if err != nil {
			return err
		}
		for _, art := range arts {
			if art.Starred == on {
				continue
			}
			if err := m.set(ctx, lib, art.ID, on); err != nil {
				return err
			}
			n++
		}
	}
	word := m.word
	if !on {
		word = "un" + word
	}
	fmt.Fprintf(a.stdout, "%s %s\n", plural(n, "article"), word)
	return nil
}

// idsOrQuery reads arguments that are all article ids, or else one query.
func idsOrQuery(args []string) ([]int64, news.Query, error) {
	if len(args) == 0 {
		return nil, news.Query{}, errors.New("give article ids or a query, such as is:unread or feed:bbc before:2024-01")
	}
	if ids, err := parseIDs(args); err == nil {
		return ids, news.Query{}, nil
	}
	q, err := news.ParseQuery(strings.Join(args, " "))
	if err != nil {
		return nil, q, err
	}
	if q.Empty() {
		return nil, q, errors.New("the query matches every article: say which, such as is:unread")
	}
	return nil, q, nil
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
		Use:   "tag ID|QUERY TAG...",
		Short: "Tag an article, or every article matching a query (--remove takes tags off)",
		Long: `Tag an article by its id, or every article matching a query given as one
argument: byline tag 'feed:bbc before:2024-01' archive`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			ids, q, err := idsOrQuery(args[:1])
			if err != nil {
				return err
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			if ids == nil {
				arts, err := lib.List(ctx, q, 0, 0)
				if err != nil {
					return err
				}
				for _, art := range arts {
					ids = append(ids, art.ID)
				}
				fmt.Fprintf(a.stdout, "%s tagged\n", plural(len(ids), "article"))
			}
			for _, id := range ids {
				if remove {
					err = lib.RemoveTags(ctx, id, args[1:]...)
				} else {
					err = lib.AddTags(ctx, id, args[1:]...)
				}
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&remove, "remove", "r", false, "remove the tags instead of adding them")
	return cmd
}
