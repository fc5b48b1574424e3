package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmuxSession runs the real binary in a detached tmux session of a fixed
// size, so a test sees exactly what a person would.
type tmuxSession struct {
	t    *testing.T
	name string
}

func newTmuxSession(t *testing.T, width, height int, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := bylineBinary(t)
	name := "byline-test-" + strings.ReplaceAll(t.Name(), "/", "-")
	s := &tmuxSession{t: t, name: name}
	exec.Command("tmux", "kill-session", "-t", name).Run()
	cmdline := append([]string{bin}, args...)
	cmd := exec.Command("tmux", "new-session", "-d", "-s", name, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height),
		"env", "TERM=xterm-256color", "COLORTERM=truecolor")
	cmd.Args = append(cmd.Args, cmdline...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return s
}

// keys sends tmux key names ("j", "Enter", "Tab", "C-d").
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	args := append([]string{"send-keys", "-t", s.name}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
	}
}

// screen is the pane's text as a person sees it.
func (s *tmuxSession) screen() string {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
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
	for exec.Command("tmux", "has-session", "-t", s.name).Run() == nil {
		if time.Now().After(deadline) {
			s.t.Fatalf("the reader did not quit; screen:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
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
	scr := s.waitFor("Library")
	if !strings.Contains(scr, firstWords(newest.Title, 3)) {
		t.Errorf("the list does not show the newest article %q:\n%s", newest.Title, scr)
	}
	s.keys("Enter")
	s.waitFor("People")
	s.keys("s")
	time.Sleep(300 * time.Millisecond)
	s.keys("q")
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
