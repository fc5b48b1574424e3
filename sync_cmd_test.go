package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"byline/store"
)

// fakeMiniflux is a Miniflux REST API with one feed of three entries,
// enough for the commands; the remote package's tests cover the protocol
// against the real server.
type fakeMiniflux struct {
	*httptest.Server
	key        string
	mu         sync.Mutex
	read       map[int64]bool
	subscribed []string

	gateMu  sync.Mutex
	puts    int           // PUT /v1/entries requests that arrived
	gate    chan struct{} // non-nil: PUT /v1/entries waits for it to close
	arrived chan struct{} // told when a PUT waits at the gate
}

// holdPuts makes marks sent from now on wait until release is called
// (at the latest when the test ends); arrived is told when one waits.
func (f *fakeMiniflux) holdPuts(t *testing.T) (arrived <-chan struct{}, release func()) {
	f.gateMu.Lock()
	defer f.gateMu.Unlock()
	gate, arr := make(chan struct{}), make(chan struct{}, 8)
	f.gate, f.arrived = gate, arr
	var once sync.Once
	release = func() {
		once.Do(func() {
			f.gateMu.Lock()
			defer f.gateMu.Unlock()
			if f.gate == gate {
				f.gate = nil
			}
			close(gate)
		})
	}
	t.Cleanup(release)
	return arr, release
}

func (f *fakeMiniflux) putCount() int {
	f.gateMu.Lock()
	defer f.gateMu.Unlock()
	return f.puts
}

func newFakeMiniflux(t *testing.T, key string) *fakeMiniflux {
	f := &fakeMiniflux{key: key, read: map[int64]bool{}}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Auth-Token") != f.key {
			w.WriteHeader(401)
			w.Write([]byte(`{"error_message":"Access Unauthorized"}`))
			return
		}
		if r.Method == "PUT" && r.URL.Path == "/v1/entries" {
			f.gateMu.Lock()
			f.puts++
			gate, arrived := f.gate, f.arrived
			f.gateMu.Unlock()
			if gate != nil {
				arrived <- struct{}{}
				select {
				case <-gate:
				case <-r.Context().Done(): // the client is gone: nothing was marked
					return
				}
			}
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		switch r.Method + " " + r.URL.Path {
		case "GET /v1/me":
			w.Write([]byte(`{"id":1}`))
		case "GET /v1/feeds":
			w.Write([]byte(`[{"id":4,"feed_url":"http://gazette.example/rss","site_url":"http://gazette.example/","title":"Harbour Gazette","category":{"title":"Coast"}}]`))
		case "GET /v1/entries", "GET /v1/feeds/4/entries":
			if r.URL.Query().Get("after_entry_id") != "" || (r.URL.Query().Get("status") == "unread" && len(f.read) == 3) {
				w.Write([]byte(`{"total":0,"entries":[]}`))
				return
			}
			var entries []string
			for id := int64(1); id <= 3; id++ {
				status := "unread"
				if f.read[id] {
					status = "read"
				}
				entries = append(entries, fmt.Sprintf(`{"id":%d,"feed_id":4,"hash":"h%d","url":"http://gazette.example/%d","title":"Pier story %d",`+
					`"content":"<p>Mayor Ada Quill reopened the pier on day %d.</p>","published_at":"2026-03-0%dT08:00:00Z","changed_at":"2026-03-0%dT09:00:00Z","status":"%s","starred":false}`,
					id, id, id, id, id, id, id, status))
			}
			fmt.Fprintf(w, `{"total":3,"entries":[%s]}`, strings.Join(entries, ","))
		case "GET /v1/entries/ids":
			var ids []string
			for id := int64(1); id <= 3; id++ {
				if !f.read[id] && r.URL.Query().Get("status") == "unread" {
					ids = append(ids, fmt.Sprint(id))
				}
			}
			fmt.Fprintf(w, `{"total":%d,"entry_ids":[%s]}`, len(ids), strings.Join(ids, ","))
		case "POST /v1/feeds":
			var req struct {
				URL string `json:"feed_url"`
			}
			json.NewDecoder(r.Body).Decode(&req)
			f.subscribed = append(f.subscribed, req.URL)
			w.WriteHeader(201)
			w.Write([]byte(`{"feed_id":9}`))
		case "PUT /v1/entries":
			var req struct {
				IDs    []int64 `json:"entry_ids"`
				Status string  `json:"status"`
			}
			json.NewDecoder(r.Body).Decode(&req)
			for _, id := range req.IDs {
				f.read[id] = req.Status == "read"
			}
			w.WriteHeader(204)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(f.Close)
	return f
}

func tokenFile(t *testing.T, token string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(p, []byte(token+"\n"), mode); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, mode)
	return p
}

// account add checks the token, keeps only where it comes from, and syncs
// once; account list says what waits after a failed sync; sync sends the
// waiting mark when the server is back.
func TestAccountAddSyncAndWaiting(t *testing.T) {
	f := newFakeMiniflux(t, "the-api-key")
	lib := filepath.Join(t.TempDir(), "library.db")

	_, errs, code := run(t, "", "--library", lib, "account", "add", "miniflux", f.URL, "--token-file", tokenFile(t, "the-api-key", 0o644))
	if code != 1 || !strings.Contains(errs, "chmod 600") {
		t.Fatalf("a token file others can read: exit %d, %q", code, errs)
	}
	_, errs, code = run(t, "", "--library", lib, "account", "add", "miniflux", f.URL, "--token-file", tokenFile(t, "wrong-key", 0o600))
	if code != 1 || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "refused the credentials") {
		t.Fatalf("a wrong key: exit %d, stderr %q, want one line saying the server refused it", code, errs)
	}
	if out, _, _ := run(t, "", "--library", lib, "account", "list"); strings.Contains(out, "miniflux") {
		t.Fatalf("an account was kept after a refused key: %q", out)
	}

	out := mustRun(t, "--library", lib, "account", "add", "miniflux", f.URL, "--token-file", tokenFile(t, "the-api-key", 0o600))
	if !strings.Contains(out, "3 new articles") {
		t.Fatalf("account add did not sync: %q", out)
	}
	data, _ := os.ReadFile(lib)
	wal, _ := os.ReadFile(lib + "-wal")
	if bytes.Contains(data, []byte("the-api-key")) || bytes.Contains(wal, []byte("the-api-key")) {
		t.Fatal("the API key is stored in the library")
	}
	arts := listJSON(t, lib, "tag:coast")
	if len(arts) != 3 {
		t.Fatalf("%d synced articles tagged coast, want 3", len(arts))
	}
	// Synced articles went through the pipeline: searchable, with their
	// people found.
	if got := listJSON(t, lib, "reopened"); len(got) != 3 {
		t.Fatalf("a word of the synced articles finds %d, want 3", len(got))
	}
	if got := listJSON(t, lib, `person:"Ada Quill"`); len(got) != 3 {
		t.Fatalf("person:\"Ada Quill\" finds %d synced articles, want 3", len(got))
	}
	f.Close() // the server goes away
	mustRun(t, "--library", lib, "read", fmt.Sprint(arts[0].ID))
	_, errs, code = run(t, "", "--library", lib, "sync")
	if code != 1 || !strings.Contains(errs, "server unreachable") || !strings.Contains(errs, "1 change waiting") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Fatalf("sync with the server down: exit %d, stderr %q", code, errs)
	}
	if out := mustRun(t, "--library", lib, "account", "list"); !strings.Contains(out, "1 change waiting") || !strings.Contains(out, "1 feed") {
		t.Fatalf("account list after the failed sync: %q", out)
	}
	if got := listJSON(t, lib, "is:read"); len(got) != 1 {
		t.Fatalf("%d read articles after the failed sync, want the 1 marked", len(got))
	}
}

// read --feed marks a synced feed read here and, at the next sync, on the
// server; refresh syncs too.
func TestReadFeedReachesServer(t *testing.T) {
	f := newFakeMiniflux(t, "k")
	t.Setenv("BYLINE_TOKEN", "k")
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "account", "add", "miniflux", f.URL)
	var feeds []struct {
		ID int64 `json:"id"`
	}
	json.Unmarshal([]byte(mustRun(t, "--library", lib, "feeds", "--json")), &feeds)
	if len(feeds) != 1 {
		t.Fatalf("%d feeds after account add, want the server's 1", len(feeds))
	}
	out := mustRun(t, "--library", lib, "read", "--feed", fmt.Sprint(feeds[0].ID))
	if !strings.Contains(out, "marked 3 articles read") || !strings.Contains(out, "1 change waiting") {
		t.Fatalf("read --feed: %q", out)
	}
	out = mustRun(t, "--library", lib, "refresh")
	if !strings.Contains(out, "1 change sent") {
		t.Fatalf("refresh did not sync: %q", out)
	}
	// The account's feed (at an address nothing answers) is the server's
	// to fetch: refresh did not try.
	if strings.Contains(out, "failed") || strings.Contains(out, "gazette.example") {
		t.Fatalf("refresh fetched the account's feed itself: %q", out)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.read) != 3 {
		t.Fatalf("the server has %d entries read, want all 3", len(f.read))
	}
}

// With an account, subscribe adds the feed on the server (found from a
// page's address as usual) and syncs; --local follows it here.
func TestSubscribeGoesToServer(t *testing.T) {
	f := newFakeMiniflux(t, "k")
	t.Setenv("BYLINE_TOKEN", "k")
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Cove News</title><item><title>Tide tables printed</title><link>http://cove.example/1</link><description>The tide tables for spring were printed on Monday.</description></item></channel></rss>`)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Cove</body></html>`)
	}))
	defer site.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "account", "add", "miniflux", f.URL)
	out := mustRun(t, "--library", lib, "subscribe", site.URL+"/")
	f.mu.Lock()
	got := f.subscribed
	f.mu.Unlock()
	if len(got) != 1 || got[0] != site.URL+"/rss" || !strings.Contains(out, "on account 1") {
		t.Fatalf("subscribe with an account: server got %q, printed %q", got, out)
	}
	mustRun(t, "--library", lib, "subscribe", "--local", site.URL+"/rss")
	if arts := listJSON(t, lib, "tide"); len(arts) != 1 {
		t.Fatalf("subscribe --local did not follow the feed here: %d articles", len(arts))
	}
}

// Two syncs of one account never run at once, across processes: the
// second says which process is syncing and exits 1 without sending
// anything; --wait waits for it instead; and a sync killed half-way does
// not hold the account up: the next one sends what it had not.
func TestOneSyncOfAnAccountAtATime(t *testing.T) {
	bin := bylineBinary(t)
	f := newFakeMiniflux(t, "k")
	t.Setenv("BYLINE_TOKEN", "k")
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "account", "add", "miniflux", f.URL)
	arts := listJSON(t, lib, "")
	if len(arts) != 3 {
		t.Fatalf("%d articles after account add, want the server's 3", len(arts))
	}

	// startSync starts a byline sync in its own process; it sends the
	// waiting mark and waits at the gate.
	startSync := func(arrived <-chan struct{}) *exec.Cmd {
		t.Helper()
		cmd := exec.Command(bin, "--library", lib, "sync")
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		select {
		case <-arrived:
		case <-time.After(30 * time.Second):
			t.Fatal("the first sync never sent its mark")
		}
		return cmd
	}

	mustRun(t, "--library", lib, "read", fmt.Sprint(arts[0].ID))
	arrived, release := f.holdPuts(t)
	first := startSync(arrived)
	type result struct {
		errs string
		code int
	}
	// The second sync is refused before it asks for the secret (a token
	// command may prompt for a passphrase): without one it still says
	// who is syncing, not that the secret is missing.
	t.Setenv("BYLINE_TOKEN", "")
	second := make(chan result, 1)
	go func() {
		_, errs, code := run(t, "", "--library", lib, "sync")
		second <- result{errs, code}
	}()
	var errs string
	var code int
	select {
	case r := <-second:
		errs, code = r.errs, r.code
	case <-time.After(30 * time.Second):
		t.Fatalf("a sync while another runs did not end: it is sending the mark the first is sending (%d sent)", f.putCount())
	}
	t.Setenv("BYLINE_TOKEN", "k")
	want := fmt.Sprintf("byline: another sync of account 1 (miniflux %s) is running (pid %d, since ", f.URL, first.Process.Pid)
	if code != 1 || !strings.HasPrefix(errs, want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Fatalf("a sync while another runs: exit %d, stderr %q, want one line starting %q", code, errs, want)
	}
	if n := f.putCount(); n != 1 {
		t.Fatalf("the server was sent the mark %d times, want once: the second sync pushed what the first is sending", n)
	}

	waited := make(chan result, 1)
	go func() {
		_, errs, code := run(t, "", "--library", lib, "sync", "--wait")
		waited <- result{errs, code}
	}()
	select {
	case r := <-waited:
		t.Fatalf("sync --wait did not wait for the running sync: exit %d, %q", r.code, r.errs)
	case <-time.After(1500 * time.Millisecond):
	}
	release()
	if err := first.Wait(); err != nil {
		t.Fatalf("the first sync: %v", err)
	}
	r := <-waited
	if r.code != 0 || !strings.Contains(r.errs, "waiting: another sync of account 1") {
		t.Fatalf("sync --wait: exit %d, stderr %q, want a line saying it waits, then success", r.code, r.errs)
	}
	if n := f.putCount(); n != 1 {
		t.Fatalf("the server was sent the mark %d times, want once", n)
	}

	// A sync killed while its mark is on the wire leaves the mark waiting
	// and its lease behind; the next sync takes the lease at once.
	mustRun(t, "--library", lib, "read", fmt.Sprint(arts[1].ID))
	arrived, release = f.holdPuts(t)
	killed := startSync(arrived)
	killed.Process.Kill()
	killed.Wait()
	release()
	start := time.Now()
	out, errs, code := run(t, "", "--library", lib, "sync")
	if code != 0 || !strings.Contains(out, "1 change sent") {
		t.Fatalf("sync after one was killed: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Fatalf("the sync after a killed one took %v: it waited for the dead one's lease to expire", took)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.read) != 2 {
		t.Fatalf("%d entries read on the server, want the 2 marked here", len(f.read))
	}
}

// In the reader, r while a cron job syncs the account is no failure: the
// status line says who is syncing, and no "sync failed".
func TestReaderSyncLeavesARunningSyncAlone(t *testing.T) {
	f := newFakeMiniflux(t, "k")
	t.Setenv("BYLINE_TOKEN", "k")
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "account", "add", "miniflux", f.URL)
	ctx := context.Background()
	cron, err := store.Open(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	defer cron.Close()
	lease, err := cron.LeaseSync(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer lease.Release()

	var out, errs bytes.Buffer
	a := &app{stdout: &out, stderr: &errs, libraryPath: lib}
	defer a.close()
	st, err := a.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.readerSync(ctx, st)
	want := fmt.Sprintf("another sync of account 1 is running (pid %d, since ", os.Getpid())
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("the reader's sync while another runs: %v, want %q…", err, want)
	}
	if f.putCount() != 0 || errs.Len() != 0 {
		t.Fatalf("the reader's sync went ahead: %d marks sent, %q", f.putCount(), errs.String())
	}
}
