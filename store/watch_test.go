package store

import (
	"context"
	"testing"
)

// An open reader must notice what another process commits: a second Store
// on the same file stands in for a cron `byline add`.
func TestDataVersionSeesOtherWriters(t *testing.T) {
	ctx := context.Background()
	reader := openTemp(t)
	before, err := reader.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := reader.DataVersion(ctx); again != before {
		t.Fatalf("data version moved with nothing written: %d then %d", before, again)
	}
	other, err := Open(ctx, reader.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	save(t, other, article("Ferry strike ends", "The ferry strike ended on Monday."))
	after, err := reader.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("data version stayed %d after another process saved an article", after)
	}
}
