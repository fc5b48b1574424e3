package ui

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"byline/news"
)

// fullDisk is the fake library with note writes failing as on a full disk
// until fail is cleared.
type fullDisk struct {
	*fakeLibrary
	fail atomic.Bool
}

var errDiskFull = errors.New("database or disk is full")

func (f *fullDisk) AddNote(ctx context.Context, id int64, text string) (news.Note, error) {
	if f.fail.Load() {
		return news.Note{}, errDiskFull
	}
	return f.fakeLibrary.AddNote(ctx, id, text)
}

func TestFailedNoteSaveKeepsTheDraft(t *testing.T) {
	lib := &fullDisk{fakeLibrary: sampleLibrary()}
	lib.fail.Store(true)
	m := New(lib, Options{NoColor: true})
	m = drive(t, m, run(m.Init())...)
	m = drive(t, m, windowSize(140, 40), press("N"))
	m = drive(t, m, append(typeText("ring the harbour master"), press("esc"))...)
	if !strings.Contains(m.status, "not saved") || !strings.Contains(m.status, "full") {
		t.Errorf("a failed save must say so with its cause; status %q", m.status)
	}
	if m.mode() != modeNote || m.editor.area.Value() != "ring the harbour master" {
		t.Fatalf("the draft left the editor after a failed save: mode %v, editor %q", m.mode(), m.editor.area.Value())
	}
	lib.fail.Store(false)
	m = drive(t, m, press("esc"))
	if !strings.Contains(lib.wrote(), "note:ring the harbour master 3") {
		t.Errorf("esc after the disk was freed did not save the draft: %s", lib.wrote())
	}
	if m.editor.draft != nil {
		t.Errorf("the draft is still held after it was saved")
	}
}

// screenWatch is the program's output, with a way to wait until some text
// has been drawn.
type screenWatch struct {
	mu  sync.Mutex
	out strings.Builder
}

func (s *screenWatch) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Write(p)
}

func (s *screenWatch) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		seen := strings.Contains(ansi.Strip(s.out.String()), text)
		s.mu.Unlock()
		if seen {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the reader never drew %q; it drew %q", text, ansi.Strip(s.out.String()))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// ctrl+c after a failed save must not end quietly: Run returns the error
// with the draft, for the command to print.
func TestQuitWithUnsavedNoteReturnsTheDraft(t *testing.T) {
	lib := &fullDisk{fakeLibrary: sampleLibrary()}
	lib.fail.Store(true)
	in, keys := io.Pipe()
	screen := &screenWatch{}
	done := make(chan error, 1)
	go func() {
		done <- Run(context.Background(), lib, Options{Input: in, Output: screen, NoColor: true, size: [2]int{120, 30}})
	}()
	screen.waitFor(t, "unread")
	io.WriteString(keys, "N")
	screen.waitFor(t, "New note")
	io.WriteString(keys, "ring the harbour master\x03") // ctrl+c
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the reader did not quit on ctrl+c")
	}
	keys.Close()
	var unsaved *UnsavedNoteError
	if !errors.As(err, &unsaved) {
		t.Fatalf("Run returned %v; want the unsaved note", err)
	}
	if unsaved.Text != "ring the harbour master" || !errors.Is(err, errDiskFull) || unsaved.Article != 3 {
		t.Errorf("unsaved note %+v: want the draft, its article and the cause", unsaved)
	}
}
