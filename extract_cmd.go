package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"byline/extract"
	"byline/feed"
	"byline/internal/termtext"
	"byline/news"
)

func (a *app) extractCommand() *cobra.Command {
	var asJSON, explain bool
	cmd := &cobra.Command{
		Use:   "extract FILE|-",
		Short: "Print the people, places and quotes of one article, storing nothing",
		Long: `Read one article (.txt, .md or .html, or standard input with "-") and print
the people in it with their mention counts, the places, and the quotes with
who said them. Nothing is stored. --json prints the stable JSON form:
{title, source, published, people: [{name, mentions, aliases}],
places: [{name, mentions, aliases}], quotes: [{text, speaker, partial, paragraph}]}.
--explain prints, for every person, place and quote, the rules that decided
it and the words of the article each rule keyed on.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON && explain {
				return fmt.Errorf("--json and --explain print different things: choose one")
			}
			art, err := a.readArticle(args[0])
			if err != nil {
				return err
			}
			if explain {
				writeExplanation(a.stdout, art.Title, extract.Explain(art.Title, art.Body))
				return nil
			}
			art.Entities = extract.Entities(art.Title, art.Body)
			out := toExtraction(art)
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			writeExtractionText(a.stdout, out)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (a stable contract)")
	cmd.Flags().BoolVar(&explain, "explain", false, "print which rule decided each person, place and quote, and on what words")
	return cmd
}

// readArticle reads one article from a file, or from standard input when
// name is "-".
func (a *app) readArticle(name string) (*news.Article, error) {
	if name != "-" {
		return feed.ReadFile(name)
	}
	data, err := io.ReadAll(a.stdin)
	if err != nil {
		return nil, fmt.Errorf("read standard input: %w", err)
	}
	return feed.ParseInput(data, "stdin")
}

// extraction is the `extract --json` contract (DESIGN.md): field names,
// order and null-ness are relied on by scripts and the evaluation.
type extraction struct {
	Title     string     `json:"title"`
	Source    *string    `json:"source"`
	Published *time.Time `json:"published"`
	extractedEntities
}

type extractedEntities struct {
	People []extractedEntity `json:"people"`
	Places []extractedEntity `json:"places"`
	Quotes []extractedQuote  `json:"quotes"`
}

type extractedEntity struct {
	Name     string   `json:"name"`
	Mentions int      `json:"mentions"`
	Aliases  []string `json:"aliases"`
}

type extractedQuote struct {
	Text      string  `json:"text"`
	Speaker   *string `json:"speaker"`
	Partial   bool    `json:"partial"`
	Paragraph int     `json:"paragraph"`
}

func toExtraction(a *news.Article) extraction {
	x := extraction{Title: a.Title, extractedEntities: toExtracted(a.Entities)}
	if a.Source != "" {
		x.Source = &a.Source
	}
	if !a.Published.IsZero() {
		p := a.Published.UTC()
		x.Published = &p
	}
	return x
}

func toExtracted(e news.Entities) extractedEntities {
	x := extractedEntities{
		People: make([]extractedEntity, 0, len(e.People)),
		Places: make([]extractedEntity, 0, len(e.Places)),
		Quotes: make([]extractedQuote, 0, len(e.Quotes)),
	}
	for _, p := range e.People {
		x.People = append(x.People, extractedEntity{p.Name, p.Mentions, nonNil(p.Aliases)})
	}
	for _, p := range e.Places {
		x.Places = append(x.Places, extractedEntity{p.Name, p.Mentions, nonNil(p.Aliases)})
	}
	for _, q := range e.Quotes {
		xq := extractedQuote{Text: q.Text, Partial: q.Partial, Paragraph: q.Paragraph}
		if q.Speaker != "" {
			s := q.Speaker
			xq.Speaker = &s
		}
		x.Quotes = append(x.Quotes, xq)
	}
	return x
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeExtractionText(w io.Writer, x extraction) {
	fmt.Fprintln(w, termtext.Line(x.Title))
	section := func(name string, list []extractedEntity) {
		fmt.Fprintf(w, "\n%s (%d)\n", name, len(list))
		for _, e := range list {
			line := fmt.Sprintf("  %-28s %3d", termtext.Line(e.Name), e.Mentions)
			if len(e.Aliases) > 0 {
				line += "  also " + termtext.Line(strings.Join(e.Aliases, ", "))
			}
			fmt.Fprintln(w, line)
		}
	}
	section("People", x.People)
	section("Places", x.Places)
	fmt.Fprintf(w, "\nQuotes (%d)\n", len(x.Quotes))
	for _, q := range x.Quotes {
		speaker := "unattributed"
		if q.Speaker != nil {
			speaker = termtext.Line(*q.Speaker)
		}
		fmt.Fprintf(w, "  ¶%d “%s”\n      — %s\n", q.Paragraph, termtext.Line(q.Text), speaker)
	}
}

// writeExplanation prints the reasons of an extraction as plain text:
// every name, quote and cue comes from the article, so each goes through
// termtext before it reaches the terminal.
func writeExplanation(w io.Writer, title string, ex extract.Explanation) {
	fmt.Fprintln(w, termtext.Line(title))
	section := func(name string, list []extract.EntityWhy) {
		fmt.Fprintf(w, "\n%s (%d)\n", name, len(list))
		for _, e := range list {
			fmt.Fprintf(w, "  %s\n", termtext.Line(e.Name))
			for _, m := range e.Mentions {
				fmt.Fprintf(w, "    ¶%d %q: %s\n", m.Paragraph, termtext.Line(m.Text), reasonsText(m.Reasons))
			}
		}
	}
	section("People", ex.People)
	section("Places", ex.Places)
	fmt.Fprintf(w, "\nNeither (%d)\n", len(ex.Others))
	for _, m := range ex.Others {
		fmt.Fprintf(w, "  ¶%d %q %s: %s\n", m.Paragraph, termtext.Line(m.Text), m.Kind, reasonsText(m.Reasons))
	}
	fmt.Fprintf(w, "\nQuotes (%d)\n", len(ex.Quotes))
	for _, q := range ex.Quotes {
		fmt.Fprintf(w, "  ¶%d “%s”\n", q.Paragraph, termtext.Line(shorten(q.Text, 72)))
		speaker := "unattributed"
		if q.Speaker != "" {
			speaker = termtext.Line(q.Speaker)
		}
		switch {
		case q.Rule == "":
			fmt.Fprintf(w, "      — %s (rule not recorded)\n", speaker)
		case q.Cue == "":
			fmt.Fprintf(w, "      — %s by %s\n", speaker, termtext.Line(q.Rule))
		default:
			fmt.Fprintf(w, "      — %s by %s on %q\n", speaker, termtext.Line(q.Rule), termtext.Line(q.Cue))
		}
	}
}

// reasonsText is "rule “words”; rule “words”", oldest first.
func reasonsText(rs []extract.Reason) string {
	if len(rs) == 0 {
		return "no rule recorded"
	}
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.Words == "" {
			parts = append(parts, r.Rule)
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %q", r.Rule, termtext.Line(r.Words)))
	}
	return strings.Join(parts, "; ")
}

// shorten cuts s to about n runes at a word boundary.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
