package main

import (
	"context"

	"github.com/spf13/cobra"

	"byline/news"
	"byline/ui"
)

// runReader opens the reader on the library.
func (a *app) runReader(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	keys, err := ui.LoadKeyMap(ui.ConfigPath())
	if err != nil {
		return err
	}
	lib, err := a.open(ctx)
	if err != nil {
		return err
	}
	return ui.Run(ctx, lib, ui.Options{KeyMap: &keys})
}

// fetchPage captures web pages for byline add.
func (a *app) fetchPage() func(ctx context.Context, url string) (*news.Article, error) {
	return a.fetcher().FetchPage
}
