package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"byline/news"
)

// TestBulkWritesCheckpointBesideTheWriter: a bulk writer's commits reach
// the library file through the background checkpointer, while the writer
// itself never checkpoints below 64 MB of log.
func TestBulkWritesCheckpointBesideTheWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(context.Background(), path, ForBulkWrites())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	before := size()
	for b := range 5 {
		var arts []*news.Article
		for i := range 40 {
			arts = append(arts, article(fmt.Sprintf("Story %d-%d", b, i), fmt.Sprintf("The harbour board met on day %d and agreed item %d of the plan.", b, i)))
		}
		if _, err := s.Save(context.Background(), arts); err != nil {
			t.Fatal(err)
		}
	}
	for deadline := time.Now().Add(20 * time.Second); size() == before; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the library file stayed at %d bytes: nothing was checkpointed while the store was open", before)
		}
	}
}

// A store opened for bulk writes may be closed twice, as a command that
// closes it before reporting and also defers the close does.
func TestBulkStoreClosesTwice(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "library.db"), ForBulkWrites())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second close: %v", err)
	}
}
