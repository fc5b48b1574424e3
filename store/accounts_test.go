package store

import (
	"context"
	"testing"

	"byline/news"
)

// SaveRemote stores a page of the server's entries the way remote.Sync
// does through the ingest pipeline: PrepareRemote, a save like a
// refresh's (people, places, quotes and search rows left for later), then
// LinkRemote. Only the tests here need the short way for one page.
func (s *Store) SaveRemote(ctx context.Context, account int64, entries []RemoteEntry) (RemoteSaved, error) {
	toSave, marked, err := s.PrepareRemote(ctx, account, entries)
	if err != nil || len(toSave) == 0 {
		return RemoteSaved{Marked: marked}, err
	}
	arts := make([]*news.Article, len(toSave))
	for i, e := range toSave {
		arts[i] = e.Article
	}
	res, err := s.SaveUnindexed(ctx, arts)
	if err != nil {
		return RemoteSaved{Marked: marked}, err
	}
	out, err := s.LinkRemote(ctx, account, toSave, res)
	out.Marked += marked
	return out, err
}

// syncedLibrary is a library with one account, one feed and two entries
// pulled from it, and one article of its own.
func syncedLibrary(t *testing.T) (*Store, Account, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	a := Account{Kind: "miniflux", URL: "http://mf.example", SecretSource: "env"}
	if err := s.AddAccount(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SetAccountFeeds(ctx, a.ID, []RemoteFeed{{RemoteID: "7", URL: "http://news.example/rss", Title: "Harbour Gazette", Category: "Coast"}}); err != nil {
		t.Fatal(err)
	}
	entries := []RemoteEntry{
		{RemoteID: "101", RemoteFeedID: "7", Article: &news.Article{Title: "Pier reopens", URL: "http://news.example/pier", Body: "The pier reopens on Monday."}},
		{RemoteID: "102", RemoteFeedID: "7", Article: &news.Article{Title: "Ferry delayed", URL: "http://news.example/ferry", Body: "The ferry is late again."}, Starred: true},
	}
	if _, err := s.SaveRemote(ctx, a.ID, entries); err != nil {
		t.Fatal(err)
	}
	own := &news.Article{Title: "A page I saved", URL: "http://blog.example/page", Body: "Something else entirely."}
	if _, err := s.Save(ctx, []*news.Article{own}); err != nil {
		t.Fatal(err)
	}
	return s, a, map[string]int64{"101": entries[0].Article.ID, "102": entries[1].Article.ID, "own": own.ID}
}

func outboxActions(t *testing.T, s *Store, account int64) []string {
	t.Helper()
	changes, err := s.Outbox(context.Background(), account, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range changes {
		out = append(out, c.Action+" "+c.RemoteID)
	}
	return out
}

// A mark on a synced article is queued for the server with it; the last
// of opposite marks is what goes; an article of the library's own is never
// queued, and a mark that changes nothing sends nothing.
func TestMarksQueueForTheServer(t *testing.T) {
	ctx := context.Background()
	s, a, ids := syncedLibrary(t)
	s.SetRead(ctx, ids["101"], true)
	s.SetRead(ctx, ids["own"], true)
	s.SetStarred(ctx, ids["102"], true) // already starred
	if got := outboxActions(t, s, a.ID); len(got) != 1 || got[0] != "read 101" {
		t.Fatalf("outbox %q, want [read 101]", got)
	}
	s.SetRead(ctx, ids["101"], false)
	s.SetStarred(ctx, ids["101"], true)
	if got := outboxActions(t, s, a.ID); len(got) != 2 || got[0] != "unread 101" || got[1] != "star 101" {
		t.Fatalf("outbox %q, want [unread 101, star 101]", got)
	}
	acc, _ := s.Account(ctx, a.ID)
	if acc.Waiting != 2 || acc.Feeds != 1 {
		t.Fatalf("account lists %d waiting, %d feeds", acc.Waiting, acc.Feeds)
	}
	if n := len(mustList(t, s, "tag:coast")); n != 2 {
		t.Errorf("%d articles tagged with the category, want 2", n)
	}
}

// The server's older state never overwrites a mark still waiting to be
// sent, in a pull or in the comparison of unread sets; once sent, the
// server's word counts again.
func TestPullKeepsPendingMarks(t *testing.T) {
	ctx := context.Background()
	s, a, ids := syncedLibrary(t)
	s.SetRead(ctx, ids["101"], true)
	s.SetStarred(ctx, ids["102"], false)
	stale := []RemoteEntry{
		{RemoteID: "101", RemoteFeedID: "7", Article: &news.Article{Title: "Pier reopens"}},
		{RemoteID: "102", RemoteFeedID: "7", Article: &news.Article{Title: "Ferry delayed"}, Starred: true},
	}
	if _, err := s.SaveRemote(ctx, a.ID, stale); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Reconcile(ctx, a.ID, []string{"101", "102"}, []string{"102"}); err != nil {
		t.Fatal(err)
	}
	one, _ := s.Article(ctx, ids["101"])
	two, _ := s.Article(ctx, ids["102"])
	if !one.Read || two.Starred {
		t.Fatalf("pending marks flipped back: read %v, starred %v", one.Read, two.Starred)
	}
	changes, _ := s.Outbox(ctx, a.ID, 100)
	var sent []int64
	for _, c := range changes {
		sent = append(sent, c.ID)
	}
	s.Sent(ctx, sent)
	if n, _ := s.Waiting(ctx, 0); n != 0 {
		t.Fatalf("%d waiting after Sent", n)
	}
	// Someone marks it unread on the server afterwards.
	changed, missing, err := s.Reconcile(ctx, a.ID, []string{"101", "102", "103"}, nil)
	if err != nil || changed != 1 || len(missing) != 1 || missing[0] != "103" {
		t.Fatalf("reconcile: %d changed, missing %v, %v", changed, missing, err)
	}
	if one, _ := s.Article(ctx, ids["101"]); one.Read {
		t.Fatal("the server's later unread did not arrive")
	}
}

// Marking a synced feed read queues one change for the whole feed with
// the bound known then, and protects its articles from a stale pull.
func TestMarkFeedReadQueuesTheFeed(t *testing.T) {
	ctx := context.Background()
	s, a, ids := syncedLibrary(t)
	f, err := s.FeedByURL(ctx, "http://news.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.MarkFeedRead(ctx, f.ID); err != nil || n != 2 {
		t.Fatalf("marked %d, %v", n, err)
	}
	changes, _ := s.Outbox(ctx, a.ID, 100)
	if len(changes) != 1 || changes[0].Action != "feed-read" || changes[0].RemoteID != "7" || changes[0].UptoID != "102" {
		t.Fatalf("outbox %+v, want one feed-read of feed 7 up to entry 102", changes)
	}
	s.Reconcile(ctx, a.ID, []string{"101", "102"}, nil)
	if one, _ := s.Article(ctx, ids["101"]); !one.Read {
		t.Fatal("a stale pull undid the waiting mark-feed-read")
	}
}

// Removing an account keeps its articles and feeds, which byline fetches
// itself again.
func TestRemoveAccountKeepsArticles(t *testing.T) {
	ctx := context.Background()
	s, a, _ := syncedLibrary(t)
	if err := s.RemoveAccount(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(mustList(t, s, "")); n != 3 {
		t.Fatalf("%d articles after removing the account, want 3", n)
	}
	if synced, _ := s.SyncedFeeds(ctx); len(synced) != 0 {
		t.Fatalf("feeds still marked as the server's: %v", synced)
	}
}

func mustList(t *testing.T, s *Store, query string) []*news.Article {
	t.Helper()
	q, err := news.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.List(context.Background(), q, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// A feed the server no longer lists goes, with its articles but those the
// reader starred or tagged: the category's own tag keeps none.
func TestFeedDroppedByServerGoes(t *testing.T) {
	ctx := context.Background()
	s, a, ids := syncedLibrary(t)
	s.AddTags(ctx, ids["101"], "pier")
	s.SetStarred(ctx, ids["102"], false)
	if _, removed, err := s.SetAccountFeeds(ctx, a.ID, nil); err != nil || removed != 1 {
		t.Fatalf("removed %d feeds, %v", removed, err)
	}
	left := mustList(t, s, "")
	if len(left) != 2 {
		t.Fatalf("%d articles left, want the one the reader tagged and the library's own", len(left))
	}
	if n := len(mustList(t, s, "tag:coast")); n != 0 {
		t.Errorf("%d articles still carry the dropped feed's category", n)
	}
}
