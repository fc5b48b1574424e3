package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"byline/internal/termtext"
)

// completeValues teaches the shell completion cobra generates the values
// byline's arguments and flags take: feed ids (with their titles) where a
// command takes a feed, on|off, the export formats, account ids.
func (a *app) completeValues(root *cobra.Command) {
	feedArgs := func(only int) cobra.CompletionFunc {
		return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if only > 0 && len(args) >= only {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return a.feedCompletions(cmd, args), cobra.ShellCompDirectiveNoFileComp
		}
	}
	for path, fn := range map[string]cobra.CompletionFunc{
		"refresh":      feedArgs(0),
		"feeds remove": feedArgs(0),
		"feeds keep":   feedArgs(1),
		"feeds full-text": func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 1 {
				return []cobra.Completion{"on\tcapture each item's page", "off\tkeep the feed's text"}, cobra.ShellCompDirectiveNoFileComp
			}
			return feedArgs(1)(cmd, args, "")
		},
	} {
		if cmd, _, err := root.Find(strings.Fields(path)); err == nil && cmd.Name() == strings.Fields(path)[len(strings.Fields(path))-1] {
			cmd.ValidArgsFunction = fn
		}
	}
	formats := cobra.FixedCompletions([]cobra.Completion{"md\tMarkdown files", "json\tone JSON file"}, cobra.ShellCompDirectiveNoFileComp)
	dirs := func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	feeds := func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		// Flags unparsed: --library is among the arguments, if given.
		for i, arg := range args {
			if v, ok := strings.CutPrefix(arg, "--library="); ok {
				a.libraryPath = v
			} else if arg == "--library" && i+1 < len(args) {
				a.libraryPath = args[i+1]
			}
		}
		return a.feedCompletions(cmd, nil), cobra.ShellCompDirectiveNoFileComp
	}
	// export and read parse their own flags (a query's -term looks like
	// one), so cobra hands their whole line to ValidArgsFunction.
	flagValues := func(values map[string]cobra.CompletionFunc) cobra.CompletionFunc {
		return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if n := len(args); n > 0 && values[strings.TrimPrefix(args[n-1], "--")] != nil && strings.HasPrefix(args[n-1], "--") {
				return values[strings.TrimPrefix(args[n-1], "--")](cmd, args, toComplete)
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
	}
	for path, values := range map[string]map[string]cobra.CompletionFunc{
		"export": {"format": formats, "to": dirs},
		"read":   {"feed": feeds},
	} {
		if cmd, _, err := root.Find([]string{path}); err == nil && cmd.Name() == path {
			cmd.ValidArgsFunction = flagValues(values)
		}
	}
}

// feedCompletions is every feed's id with its title, less those already
// given.
func (a *app) feedCompletions(cmd *cobra.Command, given []string) []cobra.Completion {
	if f := cmd.Flags().Lookup("library"); f != nil && f.Changed {
		a.libraryPath = f.Value.String()
	}
	lib, err := a.openForReading(cmd.Context())
	if err != nil {
		return nil
	}
	defer a.close()
	feeds, err := lib.Feeds(cmd.Context())
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, g := range given {
		seen[g] = true
	}
	var out []cobra.Completion
	for _, f := range feeds {
		id := fmt.Sprint(f.ID)
		if !seen[id] {
			out = append(out, id+"\t"+termtext.Line(f.Title))
		}
	}
	return out
}
