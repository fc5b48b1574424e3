package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// foreignDatabase writes a SQLite file another program made: its own
// tables and user_version, in rollback-journal mode.
func foreignDatabase(t *testing.T, path string, userVersion int, tables ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tbl := range tables {
		if _, err := db.Exec("CREATE TABLE " + tbl + " (id INTEGER PRIMARY KEY, body TEXT)"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("INSERT INTO " + tbl + " (body) VALUES ('kept as it was')"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", userVersion)); err != nil {
		t.Fatal(err)
	}
}

// Item 1: another program's SQLite file given as --library is refused
// before a byte of it changes, by reading and by writing commands alike.
func TestAnotherProgramsDatabaseIsNeverChanged(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "contacts.db")
	foreignDatabase(t, plain, 0, "contacts")
	notes := filepath.Join(dir, "notes-app.db")
	foreignDatabase(t, notes, 3, "notes", "folders")
	story := filepath.Join(dir, "story.txt")
	writeFile(t, story, "Ferry fares rise\n\nFares on the island ferry rise in May.\n")

	for _, path := range []string{plain, notes} {
		for _, args := range [][]string{{"list"}, {"add", story}, {"note", "1", "hello"}} {
			before := snapshot(t, path)
			_, errs, code := run(t, "", append([]string{"--library", path}, args...)...)
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, "another program") {
				t.Errorf("%s %s: exit %d, stderr %q; want one line naming the file as another program's", filepath.Base(path), args[0], code, errs)
			}
			if snapshot(t, path) != before {
				t.Errorf("%s %s changed the other program's database", filepath.Base(path), args[0])
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("%s %s left %s beside it", filepath.Base(path), args[0], side)
				}
			}
		}
	}
}

// A library made before byline marked its files (no application id) is
// still a library: it opens, and is marked from then on.
func TestLibraryFromBeforeTheMarkStillOpens(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	db, err := sql.Open("sqlite", lib)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA application_id = 0"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if n := len(listJSON(t, lib)); n == 0 {
		t.Fatal("the old library lists nothing")
	}
	mustRun(t, "--library", lib, "read", "1") // a write marks it
	db, _ = sql.Open("sqlite", lib)
	defer db.Close()
	var app int
	db.QueryRow("PRAGMA application_id").Scan(&app)
	if app == 0 {
		t.Error("opening an old library for writing did not mark it as byline's")
	}
}

// Item 9: a command that only reads never creates a library, nor the
// folders to it; it says there is none.
func TestReadingCommandsCreateNoLibrary(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "libary", "typo.db")
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"list"}, {"show", "1"}, {"export", "--to", out}, {"feeds"}, {"feeds", "export"}} {
		_, errs, code := run(t, "", append([]string{"--library", typo}, args...)...)
		if code != 1 || !strings.Contains(errs, "no library at "+typo) {
			t.Errorf("%v on a mistyped path: exit %d, stderr %q; want \"no library at %s\"", args, code, errs, typo)
		}
		if _, err := os.Stat(filepath.Dir(typo)); err == nil {
			t.Fatalf("%v created %s", args, filepath.Dir(typo))
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("export made its folder though there was no library to export")
	}
}

// Item 8: a library path that is wrong says what is wrong with it.
func TestWrongLibraryPathsSayWhy(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "library.db")
	if err := os.Symlink(filepath.Join(dir, "moved", "library.db"), dangling); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		dangling:            "symbolic link to " + filepath.Join(dir, "moved", "library.db") + ", which does not exist",
		"/proc/self/status": "not a database",
	}
	for path, cause := range cases {
		for _, args := range [][]string{{"list"}, {"read", "1"}} {
			_, errs, code := run(t, "", append([]string{"--library", path}, args...)...)
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, cause) {
				t.Errorf("%s %s: exit %d, stderr %q; want one line with the path and %q", path, args[0], code, errs, cause)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "moved")); err == nil {
		t.Error("a dangling symlink's target folder was created")
	}
}

// Item 10: a library left readable by others is made private, once, with
// a line saying so; the default library's own folder too.
func TestOpenLibraryIsTightenedOnce(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	mustRun(t, "list")
	folder := filepath.Join(data, "byline")
	lib := filepath.Join(folder, "library.db")
	os.Chmod(folder, 0o777)
	os.Chmod(lib, 0o666)
	_, errs, code := run(t, "", "list")
	if code != 0 || !strings.Contains(errs, lib+" was mode 0666") || !strings.Contains(errs, folder+" was mode 0777") {
		t.Errorf("exit %d, stderr %q: want a line each for the file and the folder", code, errs)
	}
	if fi, _ := os.Stat(lib); fi.Mode().Perm() != 0o600 {
		t.Errorf("library mode %04o, want 0600", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(folder); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %04o, want 0700", fi.Mode().Perm())
	}
	if _, errs, _ := run(t, "", "list"); errs != "" {
		t.Errorf("the second run said %q; it should say it once", errs)
	}
}

// readOnlyFolder makes a folder holding a library that byline cannot
// write: mode 0555 for an ordinary user; for root, whom modes do not stop,
// a tmpfs remounted read-only (skipped where it cannot be mounted).
func readOnlyFolder(t *testing.T, fill func(dir string)) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o755)
	if os.Geteuid() != 0 {
		fill(dir)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "byline-test", dir).CombinedOutput(); err != nil {
		t.Skipf("running as root and cannot mount a read-only file system: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	fill(dir)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	return dir
}

// Item 10: a library in a folder that cannot be written is still read by
// the commands that only read; one that writes fails naming the cause.
func TestReadOnlyFolderStillLists(t *testing.T) {
	var lib string
	dir := readOnlyFolder(t, func(dir string) {
		lib = filepath.Join(dir, "library.db")
		mustRun(t, "--library", lib, "--samples", "list")
	})
	before := snapshot(t, dir)
	arts := listJSON(t, lib)
	if len(arts) == 0 {
		t.Fatal("list in a read-only folder shows nothing")
	}
	mustRun(t, "--library", lib, "show", fmt.Sprint(arts[0].ID))
	mustRun(t, "--library", lib, "feeds")
	_, errs, code := run(t, "", "--library", lib, "star", "1")
	if code != 1 || !strings.Contains(errs, lib) || !(strings.Contains(errs, "read-only") || strings.Contains(errs, "cannot be written")) {
		t.Errorf("star in a read-only folder: exit %d, stderr %q; want the path and why", code, errs)
	}
	if snapshot(t, dir) != before {
		t.Error("the read-only folder changed")
	}
}

// runBinary runs the built byline with a deadline: a command that hangs
// fails the test instead of stalling the suite.
func runBinary(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bylineBinary(t), args...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("byline %s hung", strings.Join(args, " "))
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// Item 2: a FIFO given to add, or met in a folder, is skipped with a line
// naming it; the rest is added. Opening one would wait for a writer for
// ever.
func TestAddSkipsFIFOs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	news := filepath.Join(dir, "news")
	writeFile(t, filepath.Join(news, "ferry.txt"), "Ferry fares rise\n\nFares on the island ferry rise in May, the operator said.\n")
	for _, p := range []string{filepath.Join(news, "pipe.txt"), filepath.Join(news, "queue"), filepath.Join(dir, "direct.md")} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("cannot make a FIFO here: %v", err)
		}
	}
	out, errs, code := runBinary(t, nil, "--library", lib, "add", news, filepath.Join(dir, "direct.md"))
	if code != 1 {
		t.Errorf("exit %d, want 1 (something was skipped)", code)
	}
	for _, p := range []string{filepath.Join(news, "pipe.txt"), filepath.Join(news, "queue"), filepath.Join(dir, "direct.md")} {
		if !strings.Contains(errs, "skipped "+p+": a named pipe (FIFO), not a regular file") {
			t.Errorf("no line naming the FIFO %s:\n%s", p, errs)
		}
	}
	if !strings.Contains(out, "Ferry fares rise") {
		t.Errorf("the story beside the FIFOs was not added:\n%s", out)
	}
}

// Item 2: SIGTERM and ctrl-C end a command at once, even one waiting on
// standard input that never ends, with a line saying so; the library
// opens afterwards.
func TestSignalsEndAddPromptly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			lib := filepath.Join(t.TempDir(), "library.db")
			newLibrary(t, lib)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bylineBinary(t), "--library", lib, "add", "-")
			stdin, err := cmd.StdinPipe() // held open: add waits on it
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// add opens the library (which makes its -wal file) before it
			// reads: by then the signal handler is in place.
			for _, err := os.Stat(lib + "-wal"); err != nil; _, err = os.Stat(lib + "-wal") {
				if ctx.Err() != nil {
					t.Fatal("add never opened the library")
				}
				time.Sleep(10 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			cmd.Wait()
			if ctx.Err() != nil {
				t.Fatalf("add - did not end on %v", sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) || !strings.Contains(errb.String(), "stopped by") {
				t.Errorf("exit %d, stderr %q; want %d and a line saying it stopped", code, errb.String(), 128+int(sig))
			}
			listJSON(t, lib) // opens and lists
		})
	}
}

// Item 8: a symbolic link to a folder is the folder; a folder with nothing
// to add is named in its line.
func TestAddFollowsLinkedFolderAndNamesEmptyOne(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	writeFile(t, filepath.Join(dir, "real", "ferry.txt"), "Ferry fares rise\n\nFares on the island ferry rise in May, the operator said.\n")
	link := filepath.Join(dir, "linked")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o700)
	out, errs, code := run(t, "", "--library", lib, "add", link, empty)
	if !strings.Contains(out, "Ferry fares rise") {
		t.Errorf("the story in the linked folder was not added; stdout %q stderr %q", out, errs)
	}
	if code != 1 || !strings.Contains(errs, "skipped "+empty+": no .txt, .md or .html files in it") {
		t.Errorf("exit %d, stderr %q; want the empty folder named", code, errs)
	}
}

// Item 8: a disk that fills up during add stops it with a line naming the
// file being saved, and the library keeps what was saved before. The disk
// is a small tmpfs where one can be mounted (root), and a file size limit
// (ulimit -f: writes past it fail) everywhere.
func TestFullDiskDuringAddNamesTheFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	stories := filepath.Join(t.TempDir(), "stories")
	for i := range 600 {
		body := strings.Repeat(fmt.Sprintf("The harbour board met on day %d and spoke of tides, ferries and fares. ", i), 40)
		writeFile(t, filepath.Join(stories, fmt.Sprintf("story-%03d.txt", i)), fmt.Sprintf("Harbour board day %d\n\n%s\n", i, body))
	}
	check := func(t *testing.T, lib, errs string, code int) {
		t.Helper()
		if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "saving "+filepath.Join(stories, "story-")) {
			t.Fatalf("exit %d, stderr %q; want one line naming the file being saved and the cause", code, errs)
		}
		t.Log(strings.TrimSpace(errs))
		if n := len(listJSON(t, lib)); n == 0 || n >= 600 {
			t.Errorf("%d articles in the library after the disk filled; want those saved before it", n)
		}
	}
	t.Run("tmpfs", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mounting a small tmpfs needs root")
		}
		disk := filepath.Join(t.TempDir(), "disk")
		os.Mkdir(disk, 0o700)
		// 1 MB: room for a new library (half of it: a page for each of its
		// tables and indexes, 8 KB each) and some of the stories.
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "byline-test", disk).CombinedOutput(); err != nil {
			t.Skipf("cannot mount a tmpfs: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", "-l", disk).Run() }) // lazily: the in-process run may hold the file
		lib := filepath.Join(disk, "library.db")
		newLibrary(t, lib)
		_, errs, code := run(t, "", "--library", lib, "add", stories)
		if !strings.Contains(errs, "full") {
			t.Errorf("the cause is not the full disk: %q", errs)
		}
		check(t, lib, errs, code)
	})
	t.Run("file-size-limit", func(t *testing.T) {
		lib := filepath.Join(t.TempDir(), "library.db")
		newLibrary(t, lib)
		cmd := exec.Command("sh", "-c", `ulimit -f 1024 && exec "$0" "$@"`, bylineBinary(t), "--library", lib, "add", stories)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		cmd.Run()
		check(t, lib, errb.String(), cmd.ProcessState.ExitCode())
	})
}

// Item 5: notes and tags given on the command line lose their control
// sequences on the way in, so neither show nor export can carry them to a
// terminal: an OSC 52 would set the clipboard of whoever cats the file.
func TestNotesAndTagsFromTheCommandLineAreCleaned(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	writeFile(t, filepath.Join(dir, "ferry.txt"), "Ferry fares rise\n\nFares on the island ferry rise in May, the operator said.\n")
	mustRun(t, "--library", lib, "add", filepath.Join(dir, "ferry.txt"))
	id := fmt.Sprint(listJSON(t, lib)[0].ID)
	hostile := "call \x1b]52;c;cm0gLXJmIH4K\x07the \x1b[2Junion \u009b31mnow\u202e \x1bPq#0\x1b\\today"
	mustRun(t, "--library", lib, "note", id, hostile)
	if _, _, code := run(t, hostile+"\n", "--library", lib, "note", id, "-"); code != 0 {
		t.Fatal("note - failed")
	}
	mustRun(t, "--library", lib, "tag", id, "ferry\x1b]0;owned\x07", "\u009b2Jstrike")
	out := filepath.Join(dir, "out")
	mustRun(t, "--library", lib, "export", "--format", "md", "--to", out)
	files, _ := filepath.Glob(filepath.Join(out, "*.md"))
	if len(files) != 1 {
		t.Fatalf("export wrote %v", files)
	}
	data, _ := os.ReadFile(files[0])
	shown := mustRun(t, "--library", lib, "show", id, "--json")
	for what, text := range map[string]string{"export": string(data), "show --json": shown} {
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e", `\u001b`, `\u0007`, `\u009b`, `\u202e`, `\x1b`, `\a`} {
			if strings.Contains(text, bad) {
				t.Errorf("%s carries %q:\n%s", what, bad, text)
			}
		}
	}
	if !strings.Contains(string(data), "call the union now today") || !strings.Contains(string(data), `"ferry"`) || !strings.Contains(string(data), `"strike"`) {
		t.Errorf("cleaning lost the words:\n%s", data)
	}
}

// Item 6: an export of a private library is private: its folder 0700, its
// files 0600.
func TestExportIsPrivate(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	mustRun(t, "--library", lib, "--samples", "list")
	out := filepath.Join(dir, "export", "news")
	mustRun(t, "--library", lib, "export", "--to", out)
	for _, d := range []string{filepath.Dir(out), out} {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("folder %s: %v, want mode 0700", d, fi.Mode().Perm())
		}
	}
	dossier := filepath.Join(dir, "dossiers")
	mustRun(t, "--library", lib, "export", "--dossier", `person:"Tunde Adeyemi"`, "--to", dossier)
	if fi, err := os.Stat(dossier); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("dossier folder %s: mode %v (%v), want 0700", dossier, fi.Mode().Perm(), err)
	}
	dossiers, _ := os.ReadDir(dossier)
	for _, f := range dossiers {
		if fi, _ := f.Info(); fi.Mode().Perm() != 0o600 {
			t.Errorf("dossier %s has mode %04o, want 0600", f.Name(), fi.Mode().Perm())
		}
	}
	files, _ := os.ReadDir(out)
	if len(files) == 0 || len(dossiers) == 0 {
		t.Fatal("nothing exported")
	}
	for _, f := range files {
		if fi, _ := f.Info(); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %04o, want 0600", f.Name(), fi.Mode().Perm())
		}
	}
}

// Item 7: feeds import follows only http and https feeds, refusing the
// rest with a line each as subscribe does; when fetching fails after the
// import worked, the summary says so and the exit status is 1.
func TestFeedsImportRefusesOtherSchemesAndSaysWhatFailed(t *testing.T) {
	g := newGazette(t)
	defer g.srv.Close()
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/feed.xml"
	dead.Close() // nothing listens there now
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	bad := []string{"file:///etc/passwd", "javascript:alert(1)", "data:application/rss+xml,&lt;rss/&gt;", "ftp://ftp.example.org/news.rss", "/etc/passwd", "feeds/local.xml"}
	var outlines strings.Builder
	for _, u := range append([]string{g.srv.URL + "/feeds/news.xml", deadURL}, bad...) {
		fmt.Fprintf(&outlines, "<outline type=\"rss\" text=\"x\" xmlUrl=\"%s\"/>\n", u)
	}
	opml := filepath.Join(dir, "feeds.opml")
	writeFile(t, opml, `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>`+outlines.String()+`</body></opml>`)
	out, errs, code := run(t, "", "--library", lib, "feeds", "import", opml)
	for _, u := range bad {
		want := "skipped " + strings.ReplaceAll(u, "&lt;", "<")
		want = strings.ReplaceAll(want, "&gt;", ">")
		if !strings.Contains(errs, want) {
			t.Errorf("no line refusing %s:\n%s", u, errs)
		}
	}
	if !strings.Contains(out, "following 2 new feeds (8 in the file, 6 skipped)") {
		t.Errorf("summary:\n%s", out)
	}
	if !strings.Contains(out, "1 feed of 2 imported could not be fetched") {
		t.Errorf("the summary does not say a feed could not be fetched:\n%s", out)
	}
	if code != 1 {
		t.Errorf("exit %d after skipped and unfetchable feeds, want 1", code)
	}
	feeds := mustRun(t, "--library", lib, "feeds", "--json")
	for _, u := range bad {
		if strings.Contains(feeds, strings.TrimPrefix(u, "/")) {
			t.Errorf("%s was followed:\n%s", u, feeds)
		}
	}
}
