package ui

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// drive runs messages through Update and every command they return, as
// the program would, until nothing is left. The commands of one round run
// at once, as a fast typist's would, so waiting out timers costs one
// pause per round rather than one per key.
func drive(t *testing.T, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for round := 0; len(queue) > 0; round++ {
		if round > 100 {
			t.Fatal("update loop did not settle")
		}
		var cmds []tea.Cmd
		for _, msg := range queue {
			next, cmd := m.Update(msg)
			m = next.(Model)
			cmds = append(cmds, cmd)
		}
		queue = runAll(cmds)
	}
	return m
}

// runAll runs commands side by side and returns their messages in order.
func runAll(cmds []tea.Cmd) []tea.Msg {
	results := make([][]tea.Msg, len(cmds))
	var wg sync.WaitGroup
	for i, c := range cmds {
		wg.Go(func() { results[i] = run(c) })
	}
	wg.Wait()
	var out []tea.Msg
	for _, r := range results {
		out = append(out, r...)
	}
	return out
}

// run executes a command tree and returns its messages, skipping timers
// and quitting.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	// Timers (status clearing, cursor blink) would stall the test: a
	// command that does not answer at once is a timer and is dropped.
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(200 * time.Millisecond):
		return nil
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		return runAll(msg)
	case tea.QuitMsg, statusClearMsg, nil:
		return nil
	}
	if isSequence(msg) {
		return runSequence(msg)
	}
	return []tea.Msg{msg}
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func start(t *testing.T, lib *fakeLibrary, w, h int) Model {
	t.Helper()
	return startWith(t, lib, Options{NoColor: true})
}

func startWith(t *testing.T, lib *fakeLibrary, opts Options) Model {
	t.Helper()
	m := New(lib, opts)
	return drive(t, m, run(m.Init())...)
}

func sized(t *testing.T, lib *fakeLibrary, w, h int) Model {
	m := start(t, lib, w, h)
	return drive(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

func screenText(m Model) string { return ansi.Strip(m.screen()) }

func TestOpenShowsArticleAndMarksRead(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40)
	if !strings.Contains(screenText(m), "Library 3 · 2 unread") {
		t.Fatalf("header:\n%s", screenText(m))
	}
	m = drive(t, m, press("j"), press("enter"))
	scr := screenText(m)
	if !strings.Contains(scr, "Bridge vote passes") || !strings.Contains(scr, "The council backed the bridge") {
		t.Errorf("enter did not open the second article:\n%s", scr)
	}
	if !strings.Contains(lib.wrote(), "read=true 2") {
		t.Errorf("opening did not mark read; writes: %s", lib.wrote())
	}
	if !strings.Contains(scr, "Library 3 · 1 unread") {
		t.Errorf("unread count not updated:\n%s", scr)
	}
}

func TestStarIsSavedAtOnce(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("s"))
	if lib.wrote() != "starred=true 3" {
		t.Errorf("writes = %q", lib.wrote())
	}
	if !strings.Contains(screenText(m), "★") {
		t.Errorf("the star does not show:\n%s", screenText(m))
	}
}

func TestNoteSavedOnEscAndOnQuit(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter"), press("N"))
	m = drive(t, m, append(typeText("call the union"), press("esc"))...)
	if !strings.Contains(lib.wrote(), "note:call the union 3") {
		t.Errorf("esc did not save the note: %s", lib.wrote())
	}
	m = drive(t, m, press("N"))
	m = drive(t, m, append(typeText("half written"), press("ctrl+c"))...)
	if !strings.Contains(lib.wrote(), "note:half written 3") {
		t.Errorf("quitting lost the note being typed: %s", lib.wrote())
	}
}

func TestEnterOnPersonFiltersTheLibrary(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter"), press("tab")) // article → people panel
	if m.focus != panePeople {
		t.Fatalf("focus = %v, want people", m.focus)
	}
	m = drive(t, m, press("enter"))
	scr := screenText(m)
	if !strings.Contains(scr, "person: Fiona MacRae") || !strings.Contains(scr, "Library 2 ·") || strings.Contains(scr, "Glacier study") {
		t.Errorf("person filter not applied:\n%s", scr)
	}
	m = drive(t, m, press("esc"))
	if scr := screenText(m); strings.Contains(scr, "person: Fiona") || !strings.Contains(scr, "Glacier study") {
		t.Errorf("esc did not clear the filter:\n%s", scr)
	}
}

func TestSearchAndMalformedQuery(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("/"))
	m = drive(t, m, append(typeText("colour:red"), press("enter"))...)
	if m.mode() != modeSearch || !strings.Contains(screenText(m), "unknown filter") {
		t.Errorf("a bad query must keep the prompt open and say why:\n%s", screenText(m))
	}
	m.prompt.input.SetValue("glacier")
	m = drive(t, m, press("enter"))
	scr := screenText(m)
	if !strings.Contains(scr, "Library 1 ·") || !strings.Contains(scr, "Glacier study") {
		t.Errorf("search for glacier:\n%s", scr)
	}
}

func TestHelpListsKeys(t *testing.T) {
	m := sized(t, sampleLibrary(), 120, 40)
	m = drive(t, m, press("?"))
	scr := screenText(m)
	for _, want := range []string{"star", "note", "search", "person:"} {
		if !strings.Contains(scr, want) {
			t.Errorf("help lacks %q:\n%s", want, scr)
		}
	}
	m = drive(t, m, press("x"))
	if m.mode() != modeNormal {
		t.Error("a key did not close help")
	}
}

func TestNarrowLayoutKeepsEveryPaneReachable(t *testing.T) {
	m := sized(t, sampleLibrary(), 60, 20)
	m = drive(t, m, press("enter"))
	seen := map[pane]bool{}
	for range paneCount {
		seen[m.focus] = true
		scr := screenText(m)
		if !strings.Contains(scr, m.focus.title()) {
			t.Errorf("focused pane %s not on screen at 60×20:\n%s", m.focus.title(), scr)
		}
		m = drive(t, m, press("tab"))
	}
	if len(seen) != int(paneCount) {
		t.Errorf("tab reached %d of %d panes", len(seen), paneCount)
	}
}

// tea.Sequence's message type is unexported; it is a slice of commands.
func isSequence(msg tea.Msg) bool {
	v := reflect.ValueOf(msg)
	return v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil))
}

func runSequence(msg tea.Msg) []tea.Msg {
	v := reflect.ValueOf(msg)
	var out []tea.Msg
	for i := range v.Len() {
		out = append(out, run(v.Index(i).Interface().(tea.Cmd))...)
	}
	return out
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func TestHelpScrollsWhenItDoesNotFit(t *testing.T) {
	m := sized(t, sampleLibrary(), 60, 20)
	m = drive(t, m, press("?"))
	if strings.Contains(screenText(m), "person:") {
		t.Fatal("the whole help fits in 60×20: the test shows nothing")
	}
	for range 60 {
		m = drive(t, m, press("j"))
	}
	scr := screenText(m)
	if m.mode() != modeHelp || !strings.Contains(scr, "person:") || !strings.Contains(scr, "note: close") {
		t.Errorf("j should scroll the help to its end:\n%s", scr)
	}
	for _, l := range strings.Split(scr, "\n") {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("a help line is wider than the terminal: %q", l)
		}
	}
	m = drive(t, m, press("x"))
	if m.mode() != modeNormal {
		t.Error("a key other than a scroll key did not close help")
	}
}

func TestEveryScreenFitsAndOffersHelp(t *testing.T) {
	for _, size := range [][2]int{{160, 45}, {120, 40}, {100, 30}, {80, 24}, {60, 20}, {40, 12}} {
		m := sized(t, withNotes(), size[0], size[1])
		m = drive(t, m, press("enter"))
		for step, k := range []string{"tab", "tab", "tab", "tab", "tab", "N", "up", "esc", "?"} {
			m = drive(t, m, press(k))
			lines := strings.Split(screenText(m), "\n")
			if len(lines) != size[1] {
				t.Errorf("%dx%d after %d keys: %d lines", size[0], size[1], step+1, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%dx%d after %d keys: a line is %d wide: %q", size[0], size[1], step+1, w, l)
				}
			}
			if m.mode() == modeNormal && size[0] >= 40 && !strings.Contains(lines[len(lines)-1], "? help") {
				t.Errorf("%dx%d, focus %s: the status line does not offer help: %q", size[0], size[1], m.focus.title(), lines[len(lines)-1])
			}
		}
	}
}
