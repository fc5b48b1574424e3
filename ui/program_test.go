package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The main flows through a real tea.Program at a fixed size; the final
// screen, without styling, is compared with a golden file (go test ./ui
// -run Program -update rewrites them). Filtering and search are covered
// step by step in model_test.go.

func runProgram(t *testing.T, lib *fakeLibrary, w, h int, steps func(tm *teatest.TestModel)) Model {
	t.Helper()
	return runProgramWith(t, lib, Options{NoColor: true}, w, h, steps)
}

// runProgramWith runs the reader until steps are done, then ends the
// program from outside, so the final model is the screen the steps left.
func runProgramWith(t *testing.T, lib *fakeLibrary, opts Options, w, h int, steps func(tm *teatest.TestModel)) Model {
	t.Helper()
	tm := teatest.NewTestModel(t, probed{New(lib, opts)},
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitLoaded(t, tm)
	steps(tm)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probed).Model
}

// probed is the reader with a way for a test to read its screen while
// it runs: the bytes written to the terminal cannot be searched for a
// word, because the renderer skips cells that did not change and a word
// drawn over another can come out in pieces.
type probed struct{ Model }

// probeMsg asks for the model as it is now.
type probeMsg chan Model

func (p probed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ch, ok := msg.(probeMsg); ok {
		ch <- p.Model
		return p, nil
	}
	m, cmd := p.Model.Update(msg)
	return probed{m.(Model)}, cmd
}

// waitFor waits until the screen shows text.
func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	waitUntil(t, tm, fmt.Sprintf("the screen to show %q", text), func(m Model) bool {
		return strings.Contains(ansi.Strip(m.screen()), text)
	})
}

// waitUntil waits until the running model satisfies ok.
func waitUntil(t *testing.T, tm *teatest.TestModel, what string, ok func(Model) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last Model
	for time.Now().Before(deadline) {
		ch := make(probeMsg, 1)
		tm.Send(ch)
		select {
		case last = <-ch:
			if ok(last) {
				return
			}
		case <-time.After(time.Second):
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("waited in vain for %s; the screen shows:\n%s", what, ansi.Strip(last.screen()))
}

// waitLoaded waits for the list's first page.
func waitLoaded(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	waitUntil(t, tm, "the list to load", func(m Model) bool { return m.list.loaded })
}

func keys(tm *teatest.TestModel, ks ...string) {
	for _, k := range ks {
		tm.Send(press(k))
	}
}

func finalScreen(m Model) string {
	m.status = "" // timed messages would make the golden file flaky
	lines := strings.Split(ansi.Strip(m.screen()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestProgramOpenStarAndNavigate(t *testing.T) {
	lib := sampleLibrary()
	m := runProgram(t, lib, 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "j", "enter")
		waitFor(t, tm, "backed")
		keys(tm, "s")
		waitFor(t, tm, "starred") // the status line, once it is saved
		// The article's header is drawn again after the save, and
		// under load that can come a frame after the status line.
		waitFor(t, tm, "★*")
	})
	if !strings.Contains(lib.wrote(), "starred=true 2") || !strings.Contains(lib.wrote(), "read=true 2") {
		t.Errorf("writes: %s", lib.wrote())
	}
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramQuitKey(t *testing.T) {
	tm := teatest.NewTestModel(t, probed{New(sampleLibrary(), Options{NoColor: true})}, teatest.WithInitialTermSize(100, 30))
	waitLoaded(t, tm)
	keys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestProgramNote(t *testing.T) {
	lib := sampleLibrary()
	m := runProgram(t, lib, 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "enter", "N")
		waitFor(t, tm, "saves")
		tm.Type("ask the ferry union for figures")
		keys(tm, "esc")
		waitFor(t, tm, "Notes")
	})
	if !strings.Contains(lib.wrote(), "note:ask the ferry union for figures 3") {
		t.Errorf("the note was not saved: %s", lib.wrote())
	}
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramNoteEditor(t *testing.T) {
	m := runProgram(t, withNotes(), 100, 30, func(tm *teatest.TestModel) {
		keys(tm, "enter", "N")
		waitFor(t, tm, "earlier")
		keys(tm, "up")
		waitFor(t, tm, "delete")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramFilterByPerson(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "enter", "tab") // the article, then its people
		waitFor(t, tm, "stories")
		keys(tm, "enter")
		waitFor(t, tm, "✕")
		// The chip shows before the filtered list arrives.
		waitFor(t, tm, "Library 2")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramSearch(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "/")
		tm.Type("glacier")
		keys(tm, "enter")
		waitFor(t, tm, "1 · 0") // Library 1 · 0 unread
		// The preview of the one match loads after the list does.
		waitFor(t, tm, "Glaciers in the Alps shrank")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramHelp(t *testing.T) {
	t.Setenv("HOME", "/home/reader") // the help names the config file
	t.Setenv("XDG_CONFIG_HOME", "")
	m := runProgram(t, sampleLibrary(), 100, 30, func(tm *teatest.TestModel) {
		keys(tm, "?")
		waitFor(t, tm, "closes")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramHelpNarrow(t *testing.T) {
	t.Setenv("HOME", "/home/reader")
	t.Setenv("XDG_CONFIG_HOME", "")
	m := runProgram(t, sampleLibrary(), 60, 20, func(tm *teatest.TestModel) {
		keys(tm, "?")
		waitFor(t, tm, "closes")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramQuote(t *testing.T) {
	m := runProgram(t, longQuoteLibrary(), 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "enter", "shift+tab", "shift+tab") // the quotes panel
		waitFor(t, tm, "quote")
		keys(tm, "enter")
		// The quotes panel's own row has a bar already: wait for the
		// article's, at the quote it scrolled to.
		waitFor(t, tm, "▌ \"We will keep")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramRefresh(t *testing.T) {
	lib := sampleLibrary()
	release := make(chan struct{})
	refresh := fakeRefresh(lib, "Lighthouse sold", "Storm warning")
	opts := Options{NoColor: true, Refresh: func(ctx context.Context, ids []int64, progress func(done, total int)) (RefreshResult, error) {
		progress(0, 2)
		<-release
		return refresh(ctx, ids, progress)
	}}
	m := runProgramWith(t, lib, opts, 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "j", "r")
		waitFor(t, tm, "0/2")
		close(release)
		waitFor(t, tm, "Lighthouse")
	})
	if a := m.list.selected(); a == nil || a.Title != "Bridge vote passes" {
		t.Errorf("after the refresh the cursor is on %v, want the article it was on", a)
	}
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramEmptyLibrary(t *testing.T) {
	m := runProgram(t, &fakeLibrary{}, 80, 24, func(tm *teatest.TestModel) {})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramBottomOfAHugeLibrary(t *testing.T) {
	m := runProgram(t, bigLibrary(100_000), 120, 30, func(tm *teatest.TestModel) {
		keys(tm, "G")
		waitFor(t, tm, "Council 1 ")
	})
	// The list only: the article beside it is a preview still loading or
	// not, as the timing falls.
	var list []string
	for _, l := range strings.Split(finalScreen(m), "\n") {
		list = append(list, strings.TrimRight(ansi.Cut(l, 0, m.list.width+2), " "))
	}
	golden.RequireEqual(t, strings.Join(list, "\n"))
}

func TestProgramNarrow(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 60, 20, func(tm *teatest.TestModel) {
		keys(tm, "enter")
		waitFor(t, tm, "collapsed")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramNarrowPanel(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 60, 20, func(tm *teatest.TestModel) {
		keys(tm, "enter", "tab")
		waitFor(t, tm, "Callum")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramMediumLayout(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 80, 24, func(tm *teatest.TestModel) {
		keys(tm, "enter", "tab", "tab")
		waitFor(t, tm, "Glasgow")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramNoteSurvivesQuit(t *testing.T) {
	lib := sampleLibrary()
	tm := teatest.NewTestModel(t, probed{New(lib, Options{NoColor: true})}, teatest.WithInitialTermSize(120, 30))
	waitLoaded(t, tm)
	keys(tm, "enter", "N")
	waitFor(t, tm, "saves")
	tm.Type("unfinished thought")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if !strings.Contains(lib.wrote(), "note:unfinished thought 3") {
		t.Errorf("the note being typed was lost: %s", lib.wrote())
	}
}
