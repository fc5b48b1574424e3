package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"byline/news"
)

// Input is one thing byline add reads: a file, a web page, or standard
// input ("-"). Err is set when the input could not even be listed (a
// missing path, a folder with nothing to read).
type Input struct {
	Name string
	Err  error
}

// Inputs expands what was given to byline add into the inputs to read,
// folders into the files in them, recursively, in order.
func Inputs(args []string) []Input {
	var items []Input
	for _, in := range args {
		if in == "-" || isWebURL(in) {
			items = append(items, Input{Name: in})
			continue
		}
		files, err := Files(in)
		if err != nil {
			items = append(items, Input{Name: in, Err: err})
			continue
		}
		if len(files) == 0 {
			items = append(items, Input{Name: in, Err: errors.New("no .txt, .md or .html files in it")})
		}
		for _, f := range files {
			items = append(items, Input{Name: f})
		}
	}
	return items
}

func isWebURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// Sources are where Read gets what is not a local file.
type Sources struct {
	Stdin     io.Reader                                                    // read for "-"
	FetchPage func(ctx context.Context, url string) (*news.Article, error) // captures web pages; nil refuses URLs
}

// Read reads one input into an article. Its error names the input.
func (in Input) Read(ctx context.Context, src Sources) (*news.Article, error) {
	if in.Err != nil {
		if !strings.Contains(in.Err.Error(), in.Name) {
			return nil, fmt.Errorf("%s: %w", in.Name, in.Err)
		}
		return nil, in.Err
	}
	var a *news.Article
	var err error
	switch {
	case in.Name == "-":
		if src.Stdin == nil {
			return nil, errors.New("no standard input")
		}
		var data []byte
		data, err = readAll(ctx, io.LimitReader(src.Stdin, maxFileSize+1))
		if err == nil && len(data) > maxFileSize {
			err = fmt.Errorf("larger than %d MB", maxFileSize>>20)
		}
		if err == nil {
			a, err = ParseInput(data, "stdin")
		}
	case isWebURL(in.Name):
		if src.FetchPage == nil {
			return nil, errors.New("fetching web pages is not available")
		}
		a, err = src.FetchPage(ctx, in.Name)
	default:
		a, err = ReadFile(in.Name)
	}
	if err != nil {
		if !strings.Contains(err.Error(), in.Name) {
			err = fmt.Errorf("%s: %w", in.Name, err)
		}
		return nil, err
	}
	return a, nil
}

// readAll reads r to its end, or until ctx ends: standard input may be a
// terminal or a pipe nobody closes, and ctrl-C must still end byline add.
// The read left behind ends with the process.
func readAll(ctx context.Context, r io.Reader) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(r)
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
