package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"byline/feed"
	"byline/store"
)

// feedFixture reads a fixture of package feed's testdata/feeds.
func feedFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "feed", "testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// testFetcher is a Fetcher with limits short enough for tests.
func testFetcher() *feed.Fetcher {
	f := feed.NewFetcher()
	f.ConnectTimeout = 2 * time.Second
	f.Timeout = 5 * time.Second
	return f
}

// refreshOnly is Refresh as byline refresh runs it before finishing: the
// articles saved and listed, their extraction and indexing left to Finish.
func refreshOnly(ctx context.Context, st *store.Store, opts RefreshOptions) ([]FeedResult, error) {
	p := Start(ctx, st, Options{Later: true})
	res, err := Refresh(ctx, st, p, opts)
	if cerr := p.Close(); err == nil {
		err = cerr
	}
	return res, err
}

// gzipMember is one gzip stream of 1 MB of zeros, about 1 KB long.
func gzipMember(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
