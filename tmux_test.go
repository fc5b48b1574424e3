package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"byline/extract"
	"byline/news"
	"byline/store"
)

// tmuxSession runs the real binary in a detached tmux session of a fixed
// size, so a test sees exactly what a person would. Each session has a tmux
// server of its own (tmux -L), so a test never touches the user's sessions
// nor those of another test run on the same machine.
type tmuxSession struct {
	t      testing.TB
	socket string
}

func newTmuxSession(t *testing.T, width, height int, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	return startTmux(t, bylineBinary(t), width, height, args...)
}

// startTmux runs bin with args in a new tmux server and session, ended
// when the test is.
func startTmux(t testing.TB, bin string, width, height int, args ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("byline-test-%d-%s-%d", os.Getpid(),
		strings.NewReplacer("/", "-", " ", "-").Replace(t.Name()), tmuxSeq.Add(1))}
	cmdline := append([]string{bin}, args...)
	cmd := s.command("new-session", "-d", "-s", "t", "-x", strconv.Itoa(width), "-y", strconv.Itoa(height),
		"env", "TERM=xterm-256color", "COLORTERM=truecolor")
	cmd.Args = append(cmd.Args, cmdline...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	// tmux leaves its socket file behind when the server is killed:
	// without removing it, every run adds files to /tmp/tmux-UID.
	socket, _ := s.command("display-message", "-p", "#{socket_path}").Output()
	t.Cleanup(func() {
		s.command("kill-server").Run()
		if path := strings.TrimSpace(string(socket)); path != "" {
			os.Remove(path)
		}
	})
	return s
}

// tmuxSeq tells apart the sessions of one test (subtests, b.Loop).
var tmuxSeq atomic.Int64

// command is tmux with args, on this session's private server. The server
// reads no configuration: what a user's .tmux.conf sets must not change
// what the test sees.
func (s *tmuxSession) command(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-L", s.socket, "-f", "/dev/null"}, args...)...)
}

// keys sends tmux key names ("j", "Enter", "Tab", "C-d").
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	args := append([]string{"send-keys", "-t", "t"}, keys...)
	if out, err := s.command(args...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
	}
}

// screen is the pane's text as a person sees it.
func (s *tmuxSession) screen() string {
	out, err := s.command("capture-pane", "-p", "-t", "t").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor polls the screen until it contains want, failing after a while
// with what was on the screen.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitGone polls until the session has ended (the program quit).
func (s *tmuxSession) waitGone() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.command("has-session", "-t", "t").Run() == nil {
		if time.Now().After(deadline) {
			s.t.Fatalf("the reader did not quit; screen:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// pid is the process id of the program in the pane.
func (s *tmuxSession) pid() int {
	s.t.Helper()
	out, err := s.command("display-message", "-p", "-t", "t", "#{pane_pid}").Output()
	if err != nil {
		s.t.Fatalf("tmux display-message: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		s.t.Fatalf("pane pid %q: %v", out, err)
	}
	return pid
}

func TestReaderInRealTerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	arts := listJSON(t, lib)
	if len(arts) == 0 {
		t.Fatal("no samples loaded")
	}
	newest := arts[0]

	s := newTmuxSession(t, 160, 45, "--library", lib)
	// "Library" alone is on the screen while the list is still loading:
	// wait for the list itself.
	s.waitFor(fmt.Sprintf("Library %d", len(arts)))
	s.waitFor(firstWords(newest.Title, 3))
	s.keys("Enter")
	s.waitFor("People")
	s.keys("s")
	s.waitFor("starred")
	s.keys("Q")
	s.waitGone()

	after := listJSON(t, lib)
	if !after[0].Starred || !after[0].Read {
		t.Errorf("after open and s in the reader, the article is starred=%v read=%v; want both", after[0].Starred, after[0].Read)
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func TestReaderNotesInRealTerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	newest := listJSON(t, lib)[0]

	s := newTmuxSession(t, 100, 30, "--library", lib)
	s.waitFor("Library")
	s.keys("N")
	s.waitFor("New note")
	s.keys("-l", "ask the union for the rota")
	s.keys("Escape")
	s.waitFor("note saved")
	s.keys("N")
	s.waitFor("Notes (1)")
	s.keys("Up", "Enter")
	s.waitFor("Changing the note")
	s.keys("-l", " by Friday")
	s.keys("Escape")
	s.waitFor("note changed")
	// A real terminal reads ESC and a key right after it as alt+key: wait
	// for the escape to land before quitting.
	s.keys("Escape")
	s.waitFor("N notes")
	s.keys("Q")
	s.waitGone()

	notes := listJSON(t, lib)[0].Notes
	if listJSON(t, lib)[0].ID != newest.ID || len(notes) != 1 || notes[0].Text != "ask the union for the rota by Friday" {
		t.Errorf("after writing and changing a note in the reader, the notes are %+v", notes)
	}
}

func TestReaderSmallTerminals(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	loaded := fmt.Sprintf("Library %d ·", len(listJSON(t, lib)))
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := newTmuxSession(t, size[0], size[1], "--library", lib)
			// The status line is drawn after the panes, and before the
			// list has loaded: wait for both.
			s.waitFor(loaded)
			scr := s.waitFor("? help")
			if !strings.Contains(lastLine(scr), "? help") {
				t.Errorf("the status line does not offer help:\n%s", scr)
			}
			s.keys("Enter", "Tab", "Tab", "Tab") // the article, people, places, quotes
			s.waitFor("[Quotes")
			s.keys("Enter") // a quote: the article scrolls to it, marked
			// The quotes tab marks its row with a bar too: wait for the
			// article's tab to be the one shown.
			s.waitFor("[Article")
			s.keys("?")
			scr = s.waitFor("byline — keys")
			if !strings.Contains(scr, "Q quit") {
				t.Errorf("help at %dx%d does not show every key:\n%s", size[0], size[1], scr)
			}
			s.keys("x") // any key closes help
			s.waitFor("pgdn")
			s.keys("Q")
			s.waitGone()
		})
	}
}

func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// BenchmarkReaderMemory runs the built reader in tmux over a library of
// 100,000 articles, goes to the end of the list and back, opens an
// article, and reports the process's resident memory (target ≤ 100 MB):
//
//	go test -run '^$' -bench ReaderMemory -benchtime 1x .
//
// The library is built once (about a minute) and kept in the temporary
// folder.
func BenchmarkReaderMemory(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux is not installed")
	}
	lib := readerBenchLibrary(b)
	bin := bylineBinary(b)
	for b.Loop() {
		s := startTmux(b, bin, 160, 45, "--library", lib)
		s.waitFor("Library 100000")
		s.keys("G")
		s.waitFor("story 0,")
		s.keys("g")
		s.waitFor("story 99999,")
		down := make([]string, 300)
		for i := range down {
			down[i] = "j"
		}
		s.keys(down...)
		s.waitFor("story 99699,")
		s.keys("Enter")
		s.waitFor("People") // the article is loaded and rendered
		rss, hwm := processMemory(b, s)
		b.ReportMetric(rss, "MB-RSS")
		b.ReportMetric(hwm, "MB-peak-RSS")
		s.keys("Q")
		s.waitGone()
	}
}

// processMemory reads the reader's resident and peak resident memory, in
// MB, from /proc.
func processMemory(b *testing.B, s *tmuxSession) (rss, peak float64) {
	status, err := os.ReadFile("/proc/" + strconv.Itoa(s.pid()) + "/status")
	if err != nil {
		b.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return rss, peak
}

func readerBenchLibrary(b *testing.B) string {
	// The name changes with what a save stores (-packed2: bodies packed
	// in format 2, entities packed, 8 KB pages), so a library of an older
	// layout is built again rather than measured; likewise a new extractor.
	path := filepath.Join(os.TempDir(), "byline-reader-bench-100000-packed2-v"+strconv.Itoa(extract.Version)+".db")
	if _, err := os.Stat(path + ".done"); err == nil {
		// A library built by an earlier schema is brought up to date here,
		// so that the reader measured does not migrate it (migration 016
		// rebuilt the search index) behind the first frame.
		lib, err := store.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		for {
			n, err := lib.IndexPending(context.Background(), 5000)
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
		if err := lib.Close(); err != nil {
			b.Fatal(err)
		}
		return path
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	ctx := context.Background()
	lib, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields(`the council harbour minister said market shares rose fell storm ferry bridge
election vote court judge police report government plan budget tax school hospital river coast city`)
	people := []string{"Helen Carter", "David Okafor", "Priya Natarajan", "Tomas Weber", "Amara Diallo"}
	places := []string{"London", "Seoul", "Dover", "Lagos", "Lisbon", "Oslo"}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 100_000; i += 2000 {
		batch := make([]*news.Article, 0, 2000)
		for n := i; n < i+2000; n++ {
			var body strings.Builder
			for w := range 200 + rng.IntN(200) {
				if w > 0 && w%60 == 0 {
					body.WriteString(".\n\n")
				}
				body.WriteString(words[rng.IntN(len(words))] + " ")
			}
			batch = append(batch, &news.Article{
				GUID:      fmt.Sprintf("reader-bench-%d", n),
				Title:     fmt.Sprintf("story %d, %s %s %s", n, words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))]),
				Source:    []string{"Meridian Wire", "Northline News", "The Harbour Gazette"}[n%3],
				Published: start.Add(time.Duration(n) * 17 * time.Minute),
				Body:      body.String(),
				Read:      rng.IntN(3) == 0,
				Entities: news.Entities{
					People: []news.Person{{Name: people[rng.IntN(len(people))], Mentions: 2}},
					Places: []news.Place{{Name: places[rng.IntN(len(places))], Mentions: 1}},
				},
				// Stamped as the current extractor's, as a library this byline
				// refreshed is: at version 1 the reader re-extracted all
				// 100,000 in the background on its first runs, so the figure
				// (and whether 300 moves finished in time) depended on how
				// far earlier runs had got.
				EntitiesVersion: extract.Version,
			})
		}
		if _, err := lib.Save(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(path+".done", nil, 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// The terminal closing (SIGHUP) while a note is being typed saves it, as
// ctrl+c does.
func TestReaderSavesNoteOnHangup(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	arts := listJSON(t, lib)

	s := newTmuxSession(t, 100, 30, "--library", lib)
	s.waitFor(fmt.Sprintf("Library %d", len(arts)))
	s.keys("N")
	s.waitFor("New note")
	s.keys("-l", "call the ferry union")
	s.waitFor("call the ferry union")
	if err := syscall.Kill(s.pid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	s.waitGone()

	notes := listJSON(t, lib)[0].Notes
	if len(notes) != 1 || notes[0].Text != "call the ferry union" {
		t.Errorf("after SIGHUP with a note being typed, the notes are %+v", notes)
	}
}

// The tests' reader runs on a tmux server of its own: the user's default
// server (and any session they have on it) never sees it.
func TestTmuxSessionsArePrivate(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	s := newTmuxSession(t, 80, 24, "--library", lib)
	s.waitFor("Library")
	pid := strconv.Itoa(s.pid())
	// Asking the default server starts none: with no server this fails
	// and prints nothing, which is the answer wanted.
	out, _ := exec.Command("tmux", "list-panes", "-a", "-F", "#{pane_pid}").Output()
	for _, p := range strings.Fields(string(out)) {
		if p == pid {
			t.Fatalf("the test's reader (pid %s) runs on the user's default tmux server", pid)
		}
	}
}

// A newsboat user's round: the feed view, a feed's articles, the first
// article, n to the next unread, A to mark the rest of the feed read, and
// q back out a level at a time until it quits.
func TestReaderFeedViewNextUnreadMarkAllInRealTerminal(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quayside Bulletin</title><link>http://`+r.Host+`/</link>`)
		for i, title := range []string{"Ferry timetable changes", "Harbour wall repaired", "Lighthouse opens to visitors", "Fish market moves"} {
			body := strings.Repeat(fmt.Sprintf("The %s story goes on as the harbour board meets again this week. ", strings.ToLower(title)), 12)
			fmt.Fprintf(w, `<item><title>%s</title><link>http://%s/%d</link><guid>qb-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
				title, r.Host, i, i, time.Date(2026, 11, 20-i, 9, 0, 0, 0, time.UTC).Format(time.RFC1123Z), body)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	defer srv.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	mustRun(t, "--library", lib, "subscribe", srv.URL+"/feed.xml")
	total := len(listJSON(t, lib))

	s := newTmuxSession(t, 160, 45, "--library", lib)
	s.waitFor(fmt.Sprintf("Library %d ·", total))
	s.keys("F")
	s.waitFor("Feeds 1 · 4 unread")
	s.keys("Enter")
	s.waitFor("Quayside Bulletin 4 · 4 unread")
	s.keys("Enter") // the newest, read now
	s.waitFor("Quayside Bulletin 4 · 3 unread")
	s.keys("n")
	s.waitFor("Quayside Bulletin 4 · 2 unread")
	s.waitFor("harbour wall repaired story goes on") // the second article, open
	s.keys("A")
	s.waitFor("Quayside Bulletin 4 · 0 unread")
	s.keys("q") // to the feed's list
	s.waitFor("n next unread")
	s.keys("q") // to the feed view
	s.waitFor("Feeds 1 · 0 unread")
	s.keys("q") // to the library
	s.waitFor(fmt.Sprintf("Library %d ·", total))
	s.keys("q") // and out
	s.waitGone()

	for _, a := range listJSON(t, lib) {
		inFeed := strings.Contains(a.URL, srv.Listener.Addr().String())
		if a.Read != inFeed {
			t.Errorf("%q: read=%v; only the feed's articles were to be marked read", a.Title, a.Read)
		}
	}
}

// Item 3 as a user meets it: the reader on a library it cannot write (a
// read-only folder) shows it, keeps a note whose save fails in the editor,
// and on ctrl+c prints the note to standard error and exits 1.
func TestReaderUnsavedNoteIsPrintedOnQuit(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	var lib string
	readOnlyFolder(t, func(dir string) {
		lib = filepath.Join(dir, "library.db")
		mustRun(t, "--library", lib, "--samples", "list")
	})
	n := len(listJSON(t, lib))
	errFile := filepath.Join(t.TempDir(), "stderr")
	s := startTmux(t, "sh", 100, 30, "-c", `"$0" --library "$1" 2>"$2"; echo "exit=$?" >>"$2"`, bylineBinary(t), lib, errFile)
	s.waitFor(fmt.Sprintf("Library %d", n))
	s.keys("N")
	s.waitFor("New note")
	s.keys("-l", "ask the harbour master")
	s.keys("Escape")
	s.waitFor("not saved")
	s.keys("C-c")
	s.waitGone()
	got, _ := os.ReadFile(errFile)
	if !strings.Contains(string(got), "not saved") || !strings.Contains(string(got), "read-only") ||
		!strings.Contains(string(got), "\nask the harbour master\n") || !strings.Contains(string(got), "exit=1") {
		t.Errorf("after ctrl+c with a note that could not be saved, stderr is:\n%s", got)
	}
}
