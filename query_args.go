package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// queryCommand lets a command take a query whose negated terms look like
// flags ("byline list -source:cnn"): flag parsing is switched off and the
// command's own flags are picked out of the arguments here, by name, so
// every other argument is part of the query.
func queryCommand(cmd *cobra.Command) *cobra.Command {
	cmd.DisableFlagParsing = true
	run := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		query, err := splitFlags(c, args)
		if err != nil {
			return err
		}
		if help, _ := c.Flags().GetBool("help"); help {
			return c.Help()
		}
		return run(c, query)
	}
	return cmd
}

// splitFlags sets the flags it finds in args (--name, --name=value,
// --name value, and -x shorthands that exist) and returns the rest. "--"
// ends the flags.
func splitFlags(c *cobra.Command, args []string) ([]string, error) {
	var rest []string
	flags := c.Flags()
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		name, value, hasValue := "", "", false
		switch {
		case strings.HasPrefix(arg, "--"):
			name, value, hasValue = strings.Cut(arg[2:], "=")
		case len(arg) == 2 && arg[0] == '-' && flags.ShorthandLookup(arg[1:]) != nil:
			name = flags.ShorthandLookup(arg[1:]).Name
		default:
			rest = append(rest, arg)
			continue
		}
		f := flags.Lookup(name)
		if f == nil {
			if f = c.InheritedFlags().Lookup(name); f == nil {
				return nil, fmt.Errorf("unknown flag --%s (a query term cannot start with --)", name)
			}
		}
		if !hasValue {
			if f.Value.Type() == "bool" {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			} else {
				return nil, fmt.Errorf("flag --%s needs a value", name)
			}
		}
		if err := f.Value.Set(value); err != nil {
			return nil, fmt.Errorf("flag --%s: %w", name, err)
		}
	}
	return rest, nil
}
