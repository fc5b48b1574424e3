package main

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"byline/extract"
	"byline/feed"
	"byline/news"
	"byline/store"
)

// sampleFS holds the sample library: articles written for byline, so a new
// user sees the reader working before adding anything of their own.
//
//go:embed samples/*.md
var sampleFS embed.FS

// loadSamples adds the sample articles to lib, extracted like any other.
func loadSamples(ctx context.Context, lib *store.Store) error {
	names, err := fs.Glob(sampleFS, "samples/*.md")
	if err != nil {
		return err
	}
	arts := make([]*news.Article, 0, len(names))
	for _, name := range names {
		data, err := sampleFS.ReadFile(name)
		if err != nil {
			return err
		}
		a, err := feed.ParseMarkdown(data, name)
		if err != nil {
			return fmt.Errorf("sample %s: %w", name, err)
		}
		a.Entities = extract.Entities(a.Title, a.Body)
		a.EntitiesVersion = extract.Version
		arts = append(arts, a)
	}
	if _, err := lib.Save(ctx, arts); err != nil {
		return fmt.Errorf("load sample articles into %s: %w", lib.Path(), err)
	}
	return nil
}
