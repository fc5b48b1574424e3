package ui

import (
	"strings"
	"testing"

	"byline/news"
)

// withNotes is the sample library with two notes on the ferry story.
func withNotes() *fakeLibrary {
	lib := sampleLibrary()
	lib.articles[0].Notes = []news.Note{
		{ID: 7, ArticleID: 3, Text: "ask the union for figures", Created: noteTime, Updated: noteTime},
		{ID: 8, ArticleID: 3, Text: "compare with the 2019 strike", Created: noteTime, Updated: noteTime},
	}
	lib.noteIDs = 8
	return lib
}

func TestNoteEditorShowsTheArticlesNotes(t *testing.T) {
	m := sized(t, withNotes(), 140, 40)
	m = drive(t, m, press("enter"), press("N"))
	scr := screenText(m)
	for _, want := range []string{"Notes (2)", "ask the union for figures", "compare with the 2019 strike", "New note", "↑ earlier notes"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the note editor lacks %q:\n%s", want, scr)
		}
	}
}

func TestNoteCanBeChanged(t *testing.T) {
	lib := withNotes()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter"), press("N"), press("up"), press("k"))
	if m.mode() != modeNotes || m.editor.sel != 0 {
		t.Fatalf("↑ then k should choose the first note; mode %v, note %d", m.mode(), m.editor.sel)
	}
	m = drive(t, m, press("enter"))
	if !strings.Contains(screenText(m), "Changing the note") {
		t.Fatalf("enter does not open the note for changing:\n%s", screenText(m))
	}
	m = drive(t, m, append(typeText(" by Friday"), press("esc"))...)
	if !strings.Contains(lib.wrote(), "note 7=ask the union for figures by Friday") {
		t.Fatalf("the change was not saved: %s", lib.wrote())
	}
	if m.mode() != modeNotes {
		t.Errorf("after saving a change the editor should be back on the notes, mode %v", m.mode())
	}
	m = drive(t, m, press("esc"))
	if scr := screenText(m); !strings.Contains(scr, "figures by Friday") {
		t.Errorf("the article does not show the changed note:\n%s", scr)
	}
}

func TestNoteCanBeDeletedAfterConfirming(t *testing.T) {
	lib := withNotes()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter"), press("N"), press("up"), press("d"))
	if !strings.Contains(screenText(m), "Delete this note?") {
		t.Fatalf("d must ask before deleting:\n%s", screenText(m))
	}
	m = drive(t, m, press("n"))
	if strings.Contains(lib.wrote(), "deleted") {
		t.Fatalf("a key other than y deleted the note: %s", lib.wrote())
	}
	m = drive(t, m, press("d"), press("y"))
	if !strings.Contains(lib.wrote(), "note 8 deleted") {
		t.Fatalf("d then y did not delete the newest note: %s", lib.wrote())
	}
	m = drive(t, m, press("esc"))
	scr := screenText(m)
	if strings.Contains(scr, "2019 strike") || !strings.Contains(scr, "ask the union") {
		t.Errorf("after deleting, the article should show only the other note:\n%s", scr)
	}
}

func TestEmptyingANoteDeletesIt(t *testing.T) {
	lib := withNotes()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter"), press("N"), press("up"), press("enter"))
	m.editor.area.SetValue("")
	m = drive(t, m, press("esc"))
	if !strings.Contains(lib.wrote(), "note 8 deleted") {
		t.Errorf("saving an emptied note should delete it: %s", lib.wrote())
	}
}

func TestNoteGoesOnTheArticleUnderTheCursor(t *testing.T) {
	lib := sampleLibrary()
	m := sized(t, lib, 140, 40) // the newest article is open beside the list
	m = drive(t, m, press("j"), press("N"))
	m = drive(t, m, append(typeText("bridge cost?"), press("esc"))...)
	if !strings.Contains(lib.wrote(), "note:bridge cost? 2") {
		t.Errorf("n in the list must write on the selected article: %s", lib.wrote())
	}
}

func TestChangedNoteBeingTypedSurvivesQuit(t *testing.T) {
	lib := withNotes()
	m := sized(t, lib, 140, 40)
	m = drive(t, m, press("enter"), press("N"), press("up"), press("enter"))
	m = drive(t, m, typeText(" (checked)")...)
	if err := m.editor.saveDraftNow(t.Context()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(lib.wrote(), "note 8=compare with the 2019 strike (checked)") {
		t.Errorf("a change being typed was lost on quitting: %s", lib.wrote())
	}
}
