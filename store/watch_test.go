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

// Notes and tags typed in the reader come through the store like the
// command line's: control sequences never get in.
func TestNotesAndTagsAreStoredClean(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	id := save(t, s, article("Ferry strike ends", "The ferry strike ended on Monday."))[0].ID
	n, err := s.AddNote(ctx, id, "ring\x1b]52;c;cm0K\x07 the \u009b2Junion\u202e")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddTags(ctx, id, "strike\x1b[31m"); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n.Text != "ring the union" || a.Notes[0].Text != "ring the union" || len(a.Tags) != 1 || a.Tags[0] != "strike" {
		t.Errorf("stored note %q (returned %q), tags %q: control sequences kept", a.Notes[0].Text, n.Text, a.Tags)
	}
}
