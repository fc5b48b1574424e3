//go:build linux

// The side-by-side bench reads peak memory from Linux's rusage and /proc.

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"text/tabwriter"
	"time"
)

// BenchmarkVsNewsboat is issue 10's table in one command: ../shared/bench's
// 20 feeds of 2,500 BBC stories (50,000 items) served from loopback, and
// the built byline and newsboat run on them as a user runs them, one
// process per step, newsboat right before byline:
//
//	go test -run '^$' -bench VsNewsboat -benchtime 1x -timeout 60m .
//
// Each sub-benchmark is one row, and runs alone as well (-bench
// VsNewsboat/list builds the library it needs first, untimed):
//
//	refresh-50k  feeds import --no-refresh, then refresh into an empty library
//	             (newsboat: -x reload into an empty cache)
//	refresh-304  refresh again, every feed answering 304 (newsboat: reload again)
//	list         byline list of the whole library (newsboat: -x print-unread)
//	list-json    byline list --json
//	export       byline export --to DIR, one file per article
//	reader-r     the reader in tmux on an empty library with the feeds
//	             subscribed: r, until every article is listed
//
// ns/op is byline's wall time. The metrics: byline-s and newsboat-s (wall),
// -cpu-s (user+system), -peak-MB (peak resident memory, the kernel's
// maxrss), byline-file-MiB (library file and its WAL) and newsboat-cache-MiB,
// and load-1m (the load average as the row started: wall times grow with
// it, CPU times and memory much less). A summary table follows the
// benchmark lines.
//
// BYLINE_BENCH_READER_FEEDS=4 makes reader-r subscribe 4 feeds (10,000
// items) instead of all 20; its reader-r-articles metric says which ran.
func BenchmarkVsNewsboat(b *testing.B) {
	e := newVsBench(b)
	b.Run("refresh-50k", e.refresh)
	b.Run("refresh-304", e.refreshAgain)
	b.Run("list", e.list)
	b.Run("list-json", e.listJSON)
	b.Run("export", e.export)
	b.Run("reader-r", e.readerRefresh)
	e.logTable(b)
}

const (
	vsFeeds    = 20
	vsItems    = 2500
	vsArticles = vsFeeds * vsItems
)

// vsBench is what the rows share: the served feeds, the binaries, and the
// library and cache the first row leaves for the others.
type vsBench struct {
	dir      string // temporary folder of the whole benchmark
	feeds    string // generated feeds, served on loopback
	bin      string
	newsboat string // "" when it is not installed
	nbConfig string
	lib      string // byline's library once a 50k refresh has filled it
	cache    string // newsboat's cache once a reload has filled it
	rows     []vsRow
}

// vsRow is one line of the logged table.
type vsRow struct {
	name             string
	byline, newsboat procStat
	note             string
	load             float64
}

// procStat is what one process cost.
type procStat struct {
	ran    bool
	wall   time.Duration
	cpu    time.Duration
	peakMB float64
}

func newVsBench(b *testing.B) *vsBench {
	gen, _ := filepath.Abs("../shared/bench/gen_feeds.py")
	corpus, _ := filepath.Abs("../shared/corpus/bbc")
	if _, err := os.Stat(gen); err != nil {
		b.Skip("../shared/bench is not here: the side-by-side bench needs its gen_feeds.py")
	}
	if _, err := os.Stat(corpus); err != nil {
		b.Skip("../shared/corpus/bbc is not here: the bench's feeds are made from it")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		b.Skip("python3 is not installed: ../shared/bench/gen_feeds.py needs it")
	}
	e := &vsBench{dir: b.TempDir(), bin: bylineBinary(b)}
	e.feeds = filepath.Join(e.dir, "feeds")
	if nb, err := exec.LookPath("newsboat"); err == nil {
		e.newsboat = nb
		e.nbConfig = filepath.Join(e.dir, "newsboat.conf")
		if err := os.WriteFile(e.nbConfig, []byte("reload-threads 4\nmax-items 0\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	} else {
		b.Log("newsboat is not installed: byline's figures only")
	}

	// The port is written into the feeds' links, which byline follows
	// for an item too short to be a whole story: the listener is taken
	// first so the links point at the server that answers them.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if out, err := exec.Command("python3", gen, corpus, e.feeds, strconv.Itoa(vsFeeds), strconv.Itoa(vsItems), strconv.Itoa(port)).CombinedOutput(); err != nil {
		ln.Close()
		b.Fatalf("gen_feeds.py: %v\n%s", err, out)
	}
	// http.FileServer sends Last-Modified and answers If-Modified-Since
	// with 304, as the second refresh needs.
	srv := &http.Server{Handler: http.FileServer(http.Dir(e.feeds))}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Close() })
	return e
}

// run runs one process to its end, stdout into the file named (or
// nowhere), and says what it cost. A process that fails or hangs fails
// the benchmark; a hung one is killed first.
func (e *vsBench) run(b *testing.B, stdout string, name string, args ...string) procStat {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = 5 * time.Second
	// Should the benchmark binary itself be killed (go test -timeout,
	// ctrl+c), its children go with it rather than refresh on alone.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if stdout != "" {
		f, err := os.Create(stdout)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		cmd.Stdout = f
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, lastLines(stderr.String(), 10))
	}
	st := procStat{ran: true, wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		st.peakMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return st
}

func (e *vsBench) byline(b *testing.B, stdout string, args ...string) procStat {
	b.Helper()
	return e.run(b, stdout, e.bin, args...)
}

func (e *vsBench) newsboatRun(b *testing.B, stdout, cache, action string) procStat {
	b.Helper()
	return e.run(b, stdout, e.newsboat, "-C", e.nbConfig, "-u", filepath.Join(e.feeds, "urls.txt"), "-c", cache, "-x", action)
}

// fillLibrary refreshes the 50,000 into a new library at lib and checks
// that all of them came in.
func (e *vsBench) fillLibrary(b *testing.B, lib string, timed bool) procStat {
	b.Helper()
	removeDB(b, lib)
	e.byline(b, "", "--library", lib, "feeds", "import", "--no-refresh", filepath.Join(e.feeds, "feeds.opml"))
	out := filepath.Join(e.dir, "refresh.out")
	if timed {
		b.StartTimer()
	}
	st := e.byline(b, out, "--library", lib, "refresh")
	b.StopTimer()
	if got := readFile(b, out); !strings.Contains(got, fmt.Sprintf("%d new articles from %d feeds", vsArticles, vsFeeds)) {
		b.Fatalf("byline refresh of the bench did not bring every article in:\n%s", lastLines(got, 5))
	}
	e.lib = lib
	return st
}

// fillCache reloads the 50,000 into a new newsboat cache.
func (e *vsBench) fillCache(b *testing.B) procStat {
	b.Helper()
	cache := filepath.Join(e.dir, "newsboat-cache.db")
	removeDB(b, cache)
	os.Remove(cache + ".lock")
	st := e.newsboatRun(b, "", cache, "reload")
	e.cache = cache
	return st
}

// ready makes sure the library (and newsboat's cache) hold the 50,000, for
// a row run on its own.
func (e *vsBench) ready(b *testing.B) {
	b.Helper()
	b.StopTimer()
	if e.newsboat != "" && e.cache == "" {
		b.Log("filling newsboat's cache first (untimed)")
		e.fillCache(b)
	}
	if e.lib == "" {
		b.Log("filling the library first (untimed)")
		e.fillLibrary(b, filepath.Join(e.dir, "library.db"), false)
	}
}

func (e *vsBench) refresh(b *testing.B) {
	load := loadAverage()
	var by, nb procStat
	var file, cache float64
	for range b.N {
		b.StopTimer()
		if e.newsboat != "" {
			nb = nb.add(e.fillCache(b))
			cache += mebibytes(e.cache)
		}
		by = by.add(e.fillLibrary(b, filepath.Join(e.dir, "library.db"), true))
		file += mebibytes(e.lib)
	}
	by, nb = by.per(b.N), nb.per(b.N)
	file, cache = file/float64(b.N), cache/float64(b.N)
	report(b, by, nb, load)
	b.ReportMetric(file, "byline-file-MiB")
	note := fmt.Sprintf("library %.0f MiB", file)
	if nb.ran {
		b.ReportMetric(cache, "newsboat-cache-MiB")
		note += fmt.Sprintf(", newsboat's cache %.0f MiB", cache)
	}
	e.rows = append(e.rows, vsRow{name: "refresh 50k, empty library, to exit", byline: by, newsboat: nb, note: note, load: load})
}

func (e *vsBench) refreshAgain(b *testing.B) {
	e.ready(b)
	load := loadAverage()
	var by, nb procStat
	out := filepath.Join(e.dir, "refresh.out")
	for range b.N {
		b.StopTimer()
		if e.newsboat != "" {
			nb = nb.add(e.newsboatRun(b, "", e.cache, "reload"))
		}
		b.StartTimer()
		by = by.add(e.byline(b, out, "--library", e.lib, "refresh"))
		b.StopTimer()
		got := readFile(b, out)
		if n := strings.Count(got, ": not modified"); n != vsFeeds || !strings.Contains(got, "0 new articles") {
			b.Fatalf("the second refresh fetched again (%d of %d feeds not modified):\n%s", n, vsFeeds, lastLines(got, 5))
		}
	}
	by, nb = by.per(b.N), nb.per(b.N)
	report(b, by, nb, load)
	e.rows = append(e.rows, vsRow{name: "refresh again, every feed 304", byline: by, newsboat: nb, note: "newsboat sends no conditional request", load: load})
}

func (e *vsBench) list(b *testing.B) {
	e.ready(b)
	load := loadAverage()
	var by, nb procStat
	out := filepath.Join(e.dir, "list.out")
	for range b.N {
		b.StopTimer()
		if e.newsboat != "" {
			nb = nb.add(e.newsboatRun(b, out, e.cache, "print-unread"))
			if got := readFile(b, out); !strings.Contains(got, fmt.Sprintf("%d unread articles", vsArticles)) {
				b.Fatalf("newsboat -x print-unread: %q", lastLines(got, 2))
			}
		}
		b.StartTimer()
		by = by.add(e.byline(b, out, "--library", e.lib, "list"))
		b.StopTimer()
		if n := countLines(b, out); n != vsArticles {
			b.Fatalf("byline list printed %d lines, want %d", n, vsArticles)
		}
	}
	by, nb = by.per(b.N), nb.per(b.N)
	report(b, by, nb, load)
	e.rows = append(e.rows, vsRow{name: "list of the 50k", byline: by, newsboat: nb, note: "50,000 lines; newsboat: -x print-unread", load: load})
}

func (e *vsBench) listJSON(b *testing.B) {
	e.ready(b)
	load := loadAverage()
	var by procStat
	out := filepath.Join(e.dir, "list.json")
	for range b.N {
		b.StartTimer()
		by = by.add(e.byline(b, out, "--library", e.lib, "list", "--json"))
		b.StopTimer()
		if n := countJSONElements(b, out); n != vsArticles {
			b.Fatalf("byline list --json printed %d articles, want %d", n, vsArticles)
		}
	}
	os.Remove(out)
	by = by.per(b.N)
	report(b, by, procStat{}, load)
	e.rows = append(e.rows, vsRow{name: "list --json of the 50k", byline: by, note: "50,000 elements", load: load})
}

func (e *vsBench) export(b *testing.B) {
	e.ready(b)
	load := loadAverage()
	var by procStat
	dir := filepath.Join(e.dir, "export")
	for range b.N {
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
		by = by.add(e.byline(b, "", "--library", e.lib, "export", "--to", dir))
		b.StopTimer()
		files, err := os.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		if len(files) != vsArticles {
			b.Fatalf("byline export --to wrote %d files, want %d", len(files), vsArticles)
		}
	}
	os.RemoveAll(dir)
	by = by.per(b.N)
	report(b, by, procStat{}, load)
	e.rows = append(e.rows, vsRow{name: "export --to DIR of the 50k", byline: by, note: "50,000 files", load: load})
}

// readerRefresh is r in the reader as a user presses it: the built binary
// in a tmux server of its own, on an empty library with the bench's feeds
// subscribed. It waits until the list shows every article and no refresh
// is under way, then reads the reader's peak resident memory from /proc
// before quitting it.
func (e *vsBench) readerRefresh(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux is not installed")
	}
	feeds := vsFeeds
	if s := os.Getenv("BYLINE_BENCH_READER_FEEDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > vsFeeds {
			b.Fatalf("BYLINE_BENCH_READER_FEEDS=%q: want 1 to %d", s, vsFeeds)
		}
		feeds = n
	}
	want := feeds * vsItems
	opml := filepath.Join(e.dir, "reader-feeds.opml")
	writeOPML(b, opml, filepath.Join(e.feeds, "urls.txt"), feeds)
	load := loadAverage()
	var wall time.Duration
	var peak, cpu float64
	for range b.N {
		b.StopTimer()
		lib := filepath.Join(e.dir, "reader.db")
		removeDB(b, lib)
		e.byline(b, "", "--library", lib, "feeds", "import", "--no-refresh", opml)
		s := startTmux(b, e.bin, 160, 45, "--library", lib)
		s.waitFor("Library 0 ·")
		pid := s.pid()
		if comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); strings.TrimSpace(string(comm)) != "byline" {
			b.Fatalf("the pane's process %d is %q, not byline", pid, comm)
		}
		b.StartTimer()
		start := time.Now()
		s.keys("r")
		done := fmt.Sprintf("Library %d ·", want)
		deadline := start.Add(30 * time.Minute)
		for {
			scr := s.screen()
			if strings.Contains(scr, done) && !strings.Contains(scr, "refreshing feeds") {
				break
			}
			if s.command("has-session", "-t", "t").Run() != nil {
				b.Fatalf("the reader ended during r; last screen:\n%s", scr)
			}
			if time.Now().After(deadline) {
				b.Fatalf("after 30 minutes r had not listed %d articles; screen:\n%s", want, scr)
			}
			time.Sleep(250 * time.Millisecond)
		}
		wall += time.Since(start)
		b.StopTimer()
		_, hwm := processMemory(b, s)
		peak += hwm
		cpu += processCPU(b, pid).Seconds()
		s.keys("Q")
		// Quitting waits for background work; the tmux server is killed
		// at cleanup in any case.
		for end := time.Now().Add(time.Minute); time.Now().Before(end) && s.command("has-session", "-t", "t").Run() == nil; {
			time.Sleep(100 * time.Millisecond)
		}
	}
	n := float64(b.N)
	b.ReportMetric(wall.Seconds()/n, "reader-r-s")
	b.ReportMetric(cpu/n, "reader-r-cpu-s")
	b.ReportMetric(peak/n, "reader-r-peak-MB")
	b.ReportMetric(float64(want), "reader-r-articles")
	b.ReportMetric(load, "load-1m")
	e.rows = append(e.rows, vsRow{
		name:   fmt.Sprintf("reader's r, %d feeds, until listed", feeds),
		byline: procStat{ran: true, wall: wall / time.Duration(b.N), cpu: time.Duration(cpu / n * float64(time.Second)), peakMB: peak / n},
		note:   fmt.Sprintf("%d items listed; CPU until then, peak from VmHWM", want),
		load:   load,
	})
}

// report gives a row's metrics; newsboat's only when it ran.
func report(b *testing.B, by, nb procStat, load float64) {
	b.ReportMetric(by.wall.Seconds(), "byline-s")
	b.ReportMetric(by.cpu.Seconds(), "byline-cpu-s")
	b.ReportMetric(by.peakMB, "byline-peak-MB")
	if nb.ran {
		b.ReportMetric(nb.wall.Seconds(), "newsboat-s")
		b.ReportMetric(nb.cpu.Seconds(), "newsboat-cpu-s")
		b.ReportMetric(nb.peakMB, "newsboat-peak-MB")
	}
	b.ReportMetric(load, "load-1m")
}

// logTable logs the rows side by side, the way the README shows them.
func (e *vsBench) logTable(b *testing.B) {
	if len(e.rows) == 0 {
		return
	}
	var buf bytes.Buffer
	w := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "\trow\tbyline s\tCPU s\tpeak MB\tnewsboat s\tCPU s\tpeak MB\tload\t")
	cell := func(st procStat) string {
		if !st.ran {
			return "\t\t"
		}
		return fmt.Sprintf("%.2f\t%.2f\t%.0f", st.wall.Seconds(), st.cpu.Seconds(), st.peakMB)
	}
	for _, r := range e.rows {
		fmt.Fprintf(w, "\t%s\t%s\t%s\t%.1f\t%s\n", r.name, cell(r.byline), cell(r.newsboat), r.load, r.note)
	}
	w.Flush()
	// On standard output, beside the benchmark lines: a benchmark that
	// has sub-benchmarks shows its own log only under -v.
	fmt.Printf("byline beside newsboat on ../shared/bench (%d feeds x %d items):\n%s", vsFeeds, vsItems, buf.String())
}

func (p procStat) add(q procStat) procStat {
	return procStat{ran: p.ran || q.ran, wall: p.wall + q.wall, cpu: p.cpu + q.cpu, peakMB: max(p.peakMB, q.peakMB)}
}

// per is the mean wall and CPU time of n runs; the peak stays the
// highest.
func (p procStat) per(n int) procStat {
	p.wall /= time.Duration(n)
	p.cpu /= time.Duration(n)
	return p
}

// processCPU is the user and system time a live process has used so far.
func processCPU(b *testing.B, pid int) time.Duration {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatalf("reading the reader's CPU time: %v", err)
	}
	// Fields after the command name, which is in parentheses and may
	// hold spaces: state is the first, utime the 12th, stime the 13th.
	f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	// Clock ticks of USER_HZ, 100 on every Linux this runs on.
	return time.Duration(utime+stime) * (time.Second / 100)
}

// loadAverage is the 1-minute load average, 0 where there is no /proc.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	l, _ := strconv.ParseFloat(f[0], 64)
	return l
}

// mebibytes is the size of an SQLite file with its write-ahead log.
func mebibytes(db string) float64 {
	var n int64
	for _, p := range []string{db, db + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return float64(n) / (1 << 20)
}

func removeDB(b *testing.B, path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			b.Fatal(err)
		}
	}
}

func readFile(b *testing.B, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func countLines(b *testing.B, path string) int {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	n := 0
	r := bufio.NewReaderSize(f, 1<<16)
	for {
		chunk, err := r.ReadSlice('\n')
		n += bytes.Count(chunk, []byte{'\n'})
		if err == io.EOF {
			return n
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			b.Fatal(err)
		}
	}
}

// countJSONElements counts the elements of the JSON array in path,
// decoding each, without holding the array.
func countJSONElements(b *testing.B, path string) int {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		b.Fatalf("list --json does not start an array: %v %v", tok, err)
	}
	n := 0
	for dec.More() {
		var a listedArticle
		if err := dec.Decode(&a); err != nil {
			b.Fatalf("list --json, element %d: %v", n, err)
		}
		n++
	}
	if _, err := dec.Token(); err != nil {
		b.Fatalf("list --json does not end its array: %v", err)
	}
	return n
}

// writeOPML writes an OPML file of the first n addresses of urls.txt.
func writeOPML(b *testing.B, path, urls string, n int) {
	lines := strings.Fields(readFile(b, urls))
	if len(lines) < n {
		b.Fatalf("%s lists %d feeds, want %d", urls, len(lines), n)
	}
	var buf strings.Builder
	buf.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>reader bench</title></head><body>`)
	for i, u := range lines[:n] {
		fmt.Fprintf(&buf, `<outline type="rss" text="Feed %d" xmlUrl="%s"/>`, i, u)
	}
	buf.WriteString("</body></opml>\n")
	if err := os.WriteFile(path, []byte(buf.String()), 0o644); err != nil {
		b.Fatal(err)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
