package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"byline/extract"
	"byline/news"
	"byline/store"
)

// AddResult is what happened to one input of Add.
type AddResult struct {
	Input string // the file, URL or "-" as given (a file inside a given folder for folders)
	ID    int64
	Title string
	New   bool
	Err   error
}

// AddOptions are Add's sources and its report.
type AddOptions struct {
	Stdin     io.Reader                                                    // read for "-"
	FetchPage func(ctx context.Context, url string) (*news.Article, error) // captures web pages; nil refuses URLs
	Report    func(AddResult)                                              // called once per input, in input order, after it is saved
}

// saveBatch is how many articles go into one transaction: large enough that
// the commit cost vanishes, small enough that progress is visible and a
// killed import keeps most of its work.
const saveBatch = 200

// Add reads files, folders (recursively), standard input ("-") and web
// pages, extracts each article's people, places and quotes on every core,
// and saves them in batches. An input that cannot be read is reported and
// skipped; err is only for failures that stop everything.
func Add(ctx context.Context, st *store.Store, inputs []string, opts AddOptions) (added, updated, failed int, err error) {
	items := expandInputs(inputs)
	results := make([]AddResult, len(items))
	arts := make([]*news.Article, len(items))
	ready := make([]chan struct{}, len(items))
	for i := range ready {
		ready[i] = make(chan struct{})
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				arts[i], results[i].Err = readOne(ctx, items[i], opts)
				close(ready[i])
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range items {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()

	var batch []int
	flush := func() error {
		var toSave []*news.Article
		for _, i := range batch {
			if results[i].Err == nil {
				toSave = append(toSave, arts[i])
			}
		}
		saved, err := st.Save(ctx, toSave)
		if err != nil {
			return err
		}
		k := 0
		for _, i := range batch {
			r := &results[i]
			r.Input = items[i].name
			if r.Err == nil {
				r.ID, r.New, r.Title = saved[k].ID, saved[k].New, arts[i].Title
				k++
				if r.New {
					added++
				} else {
					updated++
				}
			} else {
				failed++
			}
			if opts.Report != nil {
				opts.Report(*r)
			}
		}
		batch = batch[:0]
		return nil
	}
	for i := range items {
		select {
		case <-ready[i]:
		case <-ctx.Done():
			return added, updated, failed, ctx.Err()
		}
		batch = append(batch, i)
		if len(batch) == saveBatch {
			if err := flush(); err != nil {
				return added, updated, failed, err
			}
		}
	}
	if err := flush(); err != nil {
		return added, updated, failed, err
	}
	return added, updated, failed, nil
}

// input is one thing to read: a file, a URL, or standard input; err is set
// when the input could not even be listed (a missing path).
type input struct {
	name string
	err  error
}

func expandInputs(inputs []string) []input {
	var items []input
	for _, in := range inputs {
		if in == "-" || isWebURL(in) {
			items = append(items, input{name: in})
			continue
		}
		files, err := Files(in)
		if err != nil {
			items = append(items, input{name: in, err: err})
			continue
		}
		if len(files) == 0 {
			items = append(items, input{name: in, err: errors.New("no .txt, .md or .html files in it")})
		}
		for _, f := range files {
			items = append(items, input{name: f})
		}
	}
	return items
}

func isWebURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// readOne reads and extracts one input.
func readOne(ctx context.Context, in input, opts AddOptions) (*news.Article, error) {
	if in.err != nil {
		return nil, in.err
	}
	var a *news.Article
	var err error
	switch {
	case in.name == "-":
		if opts.Stdin == nil {
			return nil, errors.New("no standard input")
		}
		var data []byte
		data, err = io.ReadAll(io.LimitReader(opts.Stdin, maxFileSize+1))
		if err == nil && len(data) > maxFileSize {
			err = fmt.Errorf("larger than %d MB", maxFileSize>>20)
		}
		if err == nil {
			a, err = ParseInput(data, "stdin")
		}
	case isWebURL(in.name):
		if opts.FetchPage == nil {
			return nil, errors.New("fetching web pages is not available")
		}
		a, err = opts.FetchPage(ctx, in.name)
	default:
		a, err = ReadFile(in.name)
	}
	if err != nil {
		if !strings.Contains(err.Error(), in.name) {
			err = fmt.Errorf("%s: %w", in.name, err)
		}
		return nil, err
	}
	a.Entities = extract.Entities(a.Title, a.Body)
	a.EntitiesVersion = extract.Version
	return a, nil
}
