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
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "extract FILE|-",
		Short: "Print the people, places and quotes of one article, storing nothing",
		Long: `Read one article (.txt, .md or .html, or standard input with "-") and print
the people in it with their mention counts, the places, and the quotes with
who said them. Nothing is stored. --json prints the stable JSON form:
{title, source, published, people: [{name, mentions, aliases}],
places: [{name, mentions, aliases}], quotes: [{text, speaker, partial, paragraph}]}.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			art, err := a.readArticle(args[0])
			if err != nil {
				return err
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
