// Command byline is a terminal news reader that knows who is in the story,
// where it happens and who said what. With no arguments it opens the reader
// on the library; subcommands add, list, show, mark and export articles.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"byline/internal/termtext"
	"byline/news"
	"byline/store"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// exitError carries a specific exit code up to main without printing
// anything more: the command has already said what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	ctx, stopped := withSignals(context.Background())
	err := newRootCommand(os.Stdin, os.Stdout, os.Stderr).ExecuteContext(ctx)
	if sig := stopped(); sig != nil && err != nil {
		// Whatever the command was doing stopped there; every write it
		// committed before is in the library.
		fmt.Fprintf(os.Stderr, "byline: stopped by %v; what was saved before it is kept\n", sig)
		os.Exit(128 + int(sig.(syscall.Signal)))
	}
	os.Exit(exitCode(err, os.Stderr))
}

// withSignals returns a context that ends at the first SIGINT, SIGTERM or
// SIGHUP (the terminal closing: the reader saves a note being typed, as
// ctrl+c does), and a func saying which signal came, if one did. A second
// signal gets the default action, so a second ctrl+c always kills.
func withSignals(parent context.Context) (context.Context, func() os.Signal) {
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	var got atomic.Value
	go func() {
		s := <-sigs
		got.Store(s)
		signal.Stop(sigs)
		cancel()
	}()
	return ctx, func() os.Signal {
		s, _ := got.Load().(os.Signal)
		return s
	}
}

// exitCode prints err once, on one line, and returns the process status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintln(stderr, "byline:", termtext.Line(err.Error()))
	return 1
}

// app is what every subcommand shares: the streams, the library flags and
// the library once opened.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	libraryPath    string // --library
	samples        bool   // --samples
	bulk           bool   // the command writes many articles: open for bulk writes
	reading        bool   // the command only reads: never create a library but the default one
	interactive    bool   // the reader: a library that cannot be written is shown read-only
	lib            *store.Store
	inReader       bool // the reader owns the terminal
	syncWait       bool // sync --wait: wait for another process's sync of an account
}

func newRootCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "byline",
		Short: "A terminal news reader that knows who is in the story",
		Long: `byline keeps a local library of news articles from feeds, web pages and
files, and shows each story with the people in it, the places and the quotes
with who said them. With no arguments it opens the reader.`,
		Version:       version,
		Args:          cobra.NoArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE:          a.runReader,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&a.libraryPath, "library", "", "library file (default $BYLINE_LIBRARY or $XDG_DATA_HOME/byline/library.db)")
	root.PersistentFlags().BoolVar(&a.samples, "samples", false, "load the sample articles into this library")
	root.PersistentPostRunE = func(*cobra.Command, []string) error { return a.close() }
	root.AddCommand(
		a.addCommand(),
		a.listCommand(),
		a.showCommand(),
		a.extractCommand(),
		a.exportCommand(),
		a.noteCommand(),
		a.markCommand("star", "Star articles", markStar, true),
		a.markCommand("unstar", "Remove the star from articles", markStar, false),
		a.markCommand("read", "Mark articles read", markRead, true),
		a.markCommand("unread", "Mark articles unread", markRead, false),
		a.tagCommand(),
		a.subscribeCommand(),
		a.feedsCommand(),
		a.refreshCommand(),
		a.subjectsCommand(news.KindPerson),
		a.subjectsCommand(news.KindPlace),
		a.quotesCommand(),
		a.highlightCommand(),
		a.highlightsCommand(),
		a.syncCommand(),
		a.accountCommand(),
		a.compactCommand(),
	)
	a.completeValues(root)
	return root
}

// openForReading opens the library for a command that only reads (list,
// show, export): a mistyped --library is "no library at PATH", not a new
// empty library, and a library that cannot be written is read anyway.
func (a *app) openForReading(ctx context.Context) (*store.Store, error) {
	a.reading = true
	return a.open(ctx)
}

// open opens the library named by --library, $BYLINE_LIBRARY or the
// default path. The sample articles go into a default library the first
// time it is created, and into any library when --samples is given.
func (a *app) open(ctx context.Context) (*store.Store, error) {
	if a.lib != nil {
		return a.lib, nil
	}
	path := a.libraryPath
	explicit := path != "" || os.Getenv("BYLINE_LIBRARY") != ""
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	// Opening is instant but for a migration of a large library (the
	// search index rebuilt, say), which can take a minute: say so rather
	// than sit silent.
	said := make(chan struct{})
	slow := time.AfterFunc(time.Second, func() {
		defer close(said)
		fmt.Fprintln(a.stderr, "byline: updating the library to this version of byline; a large library takes a minute…")
	})
	var opts []store.Option
	if a.bulk {
		opts = append(opts, store.ForBulkWrites())
	}
	// The default library is made on first use whatever the command, so
	// `byline list` on a new machine shows the samples; --samples writes.
	if a.reading && explicit && !a.samples {
		opts = append(opts, store.NoCreate())
	}
	if (a.reading || a.interactive) && !a.samples {
		opts = append(opts, store.ReadOnlyIfUnwritable())
	}
	if !explicit {
		opts = append(opts, store.OwnFolder())
	}
	lib, err := store.Open(ctx, path, opts...)
	if !slow.Stop() {
		<-said // the line is written before anything else is
	}
	if err != nil {
		return nil, err
	}
	for _, n := range lib.Notices() {
		fmt.Fprintln(a.stderr, "byline:", termtext.Line(n))
	}
	if a.samples || (lib.Created() && !explicit) {
		if err := loadSamples(ctx, lib); err != nil {
			lib.Close()
			return nil, err
		}
	}
	a.lib = lib
	return lib, nil
}

func (a *app) close() error {
	if a.lib == nil {
		return nil
	}
	err := a.lib.Close()
	a.lib = nil
	return err
}

// isTerminal reports whether w is a terminal, so output can be styled and
// sized for it; pipes and files get plain text.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
