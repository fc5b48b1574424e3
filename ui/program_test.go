package ui

import (
	"bytes"
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
	tm := teatest.NewTestModel(t, New(lib, Options{NoColor: true}),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "unread")
	steps(tm)
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
}

// waitFor waits until text has been drawn. The renderer writes only the
// cells that change and skips unchanged blanks, so text is one word.
func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(text))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
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
		waitFor(t, tm, "★")
	})
	if !strings.Contains(lib.wrote(), "starred=true 2") || !strings.Contains(lib.wrote(), "read=true 2") {
		t.Errorf("writes: %s", lib.wrote())
	}
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramHelp(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 100, 30, func(tm *teatest.TestModel) {
		keys(tm, "?")
		waitFor(t, tm, "closes")
		keys(tm, "x") // any key closes help; runProgram's q then quits
	})
	if m.mode != modeNormal {
		t.Error("q did not close help")
	}
}

func TestProgramNarrow(t *testing.T) {
	m := runProgram(t, sampleLibrary(), 60, 20, func(tm *teatest.TestModel) {
		keys(tm, "enter")
		waitFor(t, tm, "collapsed")
	})
	golden.RequireEqual(t, finalScreen(m))
}

func TestProgramNoteSurvivesQuit(t *testing.T) {
	lib := sampleLibrary()
	tm := teatest.NewTestModel(t, New(lib, Options{NoColor: true}), teatest.WithInitialTermSize(120, 30))
	waitFor(t, tm, "unread")
	keys(tm, "enter", "n")
	waitFor(t, tm, "saves")
	tm.Type("unfinished thought")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if !strings.Contains(lib.wrote(), "note:unfinished thought 3") {
		t.Errorf("the note being typed was lost: %s", lib.wrote())
	}
}
