package main

import (
	"context"

	"github.com/spf13/cobra"

	"byline/news"
)

func (a *app) runReader(cmd *cobra.Command, args []string) error {
	return nil
}

func (a *app) fetchPage() func(ctx context.Context, url string) (*news.Article, error) {
	return nil
}
