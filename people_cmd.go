package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/news"
	"byline/store"
	"byline/ui"
)

// sparkWeeks is how many weeks a sparkline covers.
const sparkWeeks = 12

// subjectsCommand is `byline people` or `byline places`: the people or
// places of the library or of a query's articles, and merge and split.
func (a *app) subjectsCommand(kind news.Kind) *cobra.Command {
	var asJSON bool
	var limit int
	var sortBy, name string
	plural := map[news.Kind]string{news.KindPerson: "people", news.KindPlace: "places"}[kind]
	cmd := &cobra.Command{
		Use:   plural + " [QUERY]",
		Short: fmt.Sprintf("The %s of the library, with their stories and mentions", plural),
		Long: fmt.Sprintf(`List every %[1]s in the library, or in the articles matching a query, with
the number of stories and mentions, the first and the latest story, and on a
terminal a sparkline of their stories in each of the last %[2]d weeks.
Names are merged across stories ("Donald Trump", "President Trump" and a
story naming only "Trump" are one person); "byline %[3]s merge" and
"byline %[3]s split" correct it, and the correction is kept for the
stories to come. On a terminal the first 50 are listed; --limit 0 lists all.`, kind, sparkWeeks, plural),
		Example: fmt.Sprintf(`  byline %[1]s
  byline %[1]s after:2024-06 feed:bbc --sort recent
  byline %[1]s --name kim --json`, plural),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := news.ParseQuery(strings.Join(args, " "))
			if err != nil {
				return err
			}
			f := store.SubjectFilter{Kind: kind, Query: q, Name: name}
			switch sortBy {
			case "count", "stories":
			case "recent", "recency":
				f.Order = store.ByRecent
			default:
				return fmt.Errorf("%s --sort %q: want count or recent", plural, sortBy)
			}
			ctx := cmd.Context()
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			term := isTerminal(a.stdout)
			if limit < 0 {
				limit = 0
				if term && !asJSON {
					limit = 50
				}
			}
			subs, total, err := lib.Subjects(ctx, f, 0, limit)
			if err != nil {
				return err
			}
			if asJSON {
				return writeSubjectsJSON(a.stdout, subs)
			}
			width := 0
			if term {
				width = terminalWidth(a.stdout)
				if err := lib.FillWeekly(ctx, subs, sparkWeeks); err != nil {
					return err
				}
			}
			if width > 0 {
				fmt.Fprintf(a.stdout, "%7s %8s  %-11s  %-11s  %-*s  %s\n", "STORIES", "MENTIONS", "FIRST", "LATEST", sparkWeeks, "WEEKLY", "NAME")
			}
			writeSubjectsText(a.stdout, subs, width)
			if len(subs) < total {
				fmt.Fprintf(a.stderr, "%d of %d %s; --limit 0 lists all\n", len(subs), total, plural)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().IntVar(&limit, "limit", -1, "list at most N (0: all; default 50 on a terminal, else all)")
	cmd.Flags().StringVar(&sortBy, "sort", "count", "count (most stories first) or recent (latest story first)")
	cmd.Flags().StringVar(&name, "name", "", "only those whose name contains this")
	cmd = queryCommand(cmd)
	cmd.AddCommand(a.mergeCommand(kind, plural), a.splitCommand(kind, plural))
	return cmd
}

// listedSubject is one element of `people --json` and `places --json`.
type listedSubject struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Stories   int       `json:"stories"`
	Mentions  int       `json:"mentions"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

func writeSubjectsJSON(w io.Writer, subs []news.Subject) error {
	out := make([]listedSubject, len(subs))
	for i, s := range subs {
		out[i] = listedSubject{ID: s.ID, Name: s.Name, Stories: s.Stories, Mentions: s.Mentions,
			FirstSeen: s.FirstSeen.UTC(), LastSeen: s.LastSeen.UTC()}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeSubjectsText prints one line per subject; on a terminal (width >
// 0) with a sparkline, cut to fit.
func writeSubjectsText(w io.Writer, subs []news.Subject, width int) {
	for _, s := range subs {
		line := fmt.Sprintf("%7d %8d  %s  %s  ", s.Stories, s.Mentions, s.FirstSeen.Format("02 Jan 2006"), s.LastSeen.Format("02 Jan 2006"))
		if width > 0 {
			line += ui.Sparkline(s.Weekly) + "  "
		}
		line += termtext.Line(s.Name)
		if width > 0 {
			line = ansi.Truncate(line, width, "…")
		}
		fmt.Fprintln(w, line)
	}
}

func (a *app) mergeCommand(kind news.Kind, plural string) *cobra.Command {
	return &cobra.Command{
		Use:     "merge NAME OTHER...",
		Short:   fmt.Sprintf("Make several %s one, named NAME, now and in stories to come", plural),
		Example: fmt.Sprintf(`  byline %s merge "Kim Jong Un" "Kim Jong-eun"`, plural),
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			for _, other := range args[1:] {
				s, err := lib.Merge(ctx, kind, args[0], other)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "merged %q into %s: %d stories, %d mentions\n", other, termtext.Line(s.Name), s.Stories, s.Mentions)
			}
			return nil
		},
	}
}

func (a *app) splitCommand(kind news.Kind, plural string) *cobra.Command {
	return &cobra.Command{
		Use:   "split NAME [FORM...]",
		Short: fmt.Sprintf("Take forms of a name away into %s of their own; without FORM, list the forms", plural),
		Example: fmt.Sprintf(`  byline %[1]s split "Donald Trump"
  byline %[1]s split "Donald Trump" Trump`, plural),
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if len(args) == 1 {
				lib, err := a.openForReading(ctx)
				if err != nil {
					return err
				}
				s, err := lib.FindSubject(ctx, kind, args[0])
				if err != nil {
					return err
				}
				forms, err := lib.Forms(ctx, s.ID)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%s is known as:\n", termtext.Line(s.Name))
				for _, f := range forms {
					mark := ""
					if f.Manual {
						mark = "  (set by hand)"
					}
					fmt.Fprintf(a.stdout, "  %-30s %d stories%s\n", termtext.Line(f.Name), f.Stories, mark)
				}
				return nil
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			subs, err := lib.Split(ctx, kind, args[0], args[1:])
			if err != nil {
				return err
			}
			for _, s := range subs {
				fmt.Fprintf(a.stdout, "split %s from %s: %d stories, %d mentions\n", termtext.Line(s.Name), args[0], s.Stories, s.Mentions)
			}
			return nil
		},
	}
}

func (a *app) quotesCommand() *cobra.Command {
	var asJSON bool
	var limit int
	var by string
	cmd := &cobra.Command{
		Use:   "quotes [QUERY]",
		Short: "Every quote in the library, newest story first, with who said it and where",
		Long: `List the quotes of the library, newest story first. Free words match the
quote or its speaker; filters (after:, feed:, source:, tag:, is:…) select
the articles; --by keeps one person's quotes, under any of their names.`,
		Example: `  byline quotes --by "Kim Jong Un"
  byline quotes border after:2024-01 --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := news.ParseQuery(strings.Join(args, " "))
			if err != nil {
				return err
			}
			var f store.QuoteFilter
			var words []string
			for _, t := range q.Terms {
				if t.Field == news.FieldText && !t.Negate {
					words = append(words, t.Value)
				} else {
					f.Query = f.Query.And(t)
				}
			}
			f.Words = strings.Join(words, " ")
			ctx := cmd.Context()
			lib, err := a.openForReading(ctx)
			if err != nil {
				return err
			}
			if by != "" {
				s, err := lib.FindSubject(ctx, news.KindPerson, by)
				if err != nil {
					return err
				}
				f.SpeakerID = s.ID
			}
			if asJSON {
				// Streamed: a library's every quote takes the memory of one.
				out := bufio.NewWriter(a.stdout)
				err := writeJSONArray(out, func(fn func(news.LibraryQuote) error) error {
					return lib.EachQuote(ctx, f, limit, fn)
				}, func(q news.LibraryQuote) any { return toListedQuote(q) })
				if err != nil {
					return err
				}
				return out.Flush()
			}
			width := 0
			if isTerminal(a.stdout) {
				width = terminalWidth(a.stdout)
			}
			return lib.EachQuote(ctx, f, limit, func(q news.LibraryQuote) error {
				writeQuoteText(a.stdout, q, width)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most N quotes (0: all)")
	cmd.Flags().StringVar(&by, "by", "", "only the quotes of this person")
	return queryCommand(cmd)
}

// listedQuote is one element of `quotes --json`.
type listedQuote struct {
	Text      string        `json:"text"`
	Speaker   *string       `json:"speaker"`
	Partial   bool          `json:"partial"`
	Paragraph int           `json:"paragraph"`
	Article   quotedArticle `json:"article"`
}

type quotedArticle struct {
	ID     int64     `json:"id"`
	Title  string    `json:"title"`
	Source string    `json:"source"`
	Date   time.Time `json:"date"`
}

func writeQuoteText(w io.Writer, q news.LibraryQuote, width int) {
	speaker := "unattributed"
	if q.Speaker != "" {
		speaker = termtext.Line(q.Speaker)
	}
	text := "“" + termtext.Line(q.Text) + "”"
	meta := fmt.Sprintf("    — %s · %s · %s · %d", speaker, termtext.Line(q.Title), q.Date.Format("02 Jan 2006"), q.ArticleID)
	if width > 0 {
		text = ansi.Wordwrap(text, width, "")
		meta = ansi.Truncate(meta, width, "…")
	}
	fmt.Fprintln(w, text)
	fmt.Fprintln(w, meta)
}
