package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

// noteEditor takes the article pane: the article's notes above, a textarea
// for a new one below. As in a chat client, ↑ in the empty textarea moves
// up into the notes, where enter changes one and d deletes it. Every change
// is saved at once, and a note being typed is saved if the reader quits.
type noteEditor struct {
	*common
	lib Library

	active     bool // the editor has the article pane
	choosing   bool // a note is chosen to change or delete; else the textarea has the keys
	area       textarea.Model
	article    int64            // the article the notes belong to
	title      string           // its title, for the pane's
	notes      []news.Note      // its notes, as the editor lists them
	highlights []news.Highlight // its highlights, listed above the notes
	sel        int              // the note chosen
	editing    *news.Note       // the note being changed; nil: a new one
	confirmDel bool             // d was pressed once on the chosen note
	draft      *noteDraft       // a note saved but not yet confirmed by the store

	width, height int
}

func newNoteEditor(c *common, lib Library) noteEditor {
	ta := textarea.New()
	ta.Placeholder = "Type a note…"
	ta.ShowLineNumbers = false
	return noteEditor{common: c, lib: lib, area: ta, width: 60, height: 20}
}

func (e *noteEditor) SetSize(w, h int) {
	e.width, e.height = w, h
	e.area.SetWidth(max(w-2, 10))
	e.area.SetHeight(max(min((h+2)/3, 10), 3))
}

// open starts the editor on an article's notes with a new note.
func (e *noteEditor) open(a *news.Article) tea.Cmd {
	e.active = true
	e.article = a.ID
	e.title = a.Title
	e.notes = slices.Clone(a.Notes)
	e.highlights = a.Highlights
	e.sel = max(len(e.notes)-1, 0)
	return e.compose(nil)
}

// compose puts the textarea in front: empty for a new note, or holding n
// to change it.
func (e *noteEditor) compose(n *news.Note) tea.Cmd {
	e.choosing = false
	e.editing = n
	e.confirmDel = false
	e.area.Reset()
	if n != nil {
		e.area.SetValue(n.Text)
		e.area.MoveToEnd()
	}
	return e.area.Focus()
}

// Update edits and chooses notes; the editor closes itself (active false)
// when the reader leaves it.
func (e noteEditor) Update(msg tea.Msg) (noteEditor, tea.Cmd) {
	key, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if e.choosing {
			return e, nil
		}
		var cmd tea.Cmd
		e.area, cmd = e.area.Update(msg) // paste, cursor blink
		return e, cmd
	}
	if e.choosing {
		return e.chooseKey(key)
	}
	return e.typeKey(key)
}

func (e noteEditor) typeKey(msg tea.KeyPressMsg) (noteEditor, tea.Cmd) {
	k := e.keys
	switch {
	case key.Matches(msg, k.SaveNote):
		return e.finish(nil)
	case key.Matches(msg, k.SaveAndQuit):
		return e.finish(tea.Quit)
	case key.Matches(msg, k.EarlierNotes):
		if e.editing == nil && e.area.Value() == "" && len(e.notes) > 0 {
			e.choosing = true
			e.sel = len(e.notes) - 1
			e.area.Blur()
			return e, nil
		}
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	return e, cmd
}

// chooseKey handles keys while a note is chosen: move, change, delete.
func (e noteEditor) chooseKey(msg tea.KeyPressMsg) (noteEditor, tea.Cmd) {
	k := e.keys
	if e.confirmDel {
		e.confirmDel = false
		if key.Matches(msg, k.ConfirmDel) {
			return e, deleteNote(e.lib, e.notes[e.sel])
		}
		return e, reportStatus("note kept", false)
	}
	switch {
	case key.Matches(msg, k.QuitNow):
		return e, tea.Quit
	case key.Matches(msg, k.Up):
		e.sel = max(e.sel-1, 0)
	case key.Matches(msg, k.Down):
		if e.sel++; e.sel >= len(e.notes) {
			e.sel = len(e.notes) - 1
			return e, e.compose(nil)
		}
	case key.Matches(msg, k.ChangeNote):
		n := e.notes[e.sel]
		return e, e.compose(&n)
	case key.Matches(msg, k.DeleteNote):
		e.confirmDel = true
	case key.Matches(msg, k.NewNote):
		return e, e.compose(nil)
	case key.Matches(msg, k.CloseNotes):
		e.active, e.choosing = false, false
	}
	return e, nil
}

// finish saves what the textarea holds, then runs then (quit, say): the
// save comes first so quitting never loses a draft. Emptying a note and
// saving it deletes it. The text is kept as the draft until the store
// confirms the write; a failed save puts it back in the editor (failed).
func (e noteEditor) finish(then tea.Cmd) (noteEditor, tea.Cmd) {
	text := strings.TrimSpace(e.area.Value())
	editing := e.editing
	e.active = false
	e.editing = nil
	e.area.Blur()
	e.area.Reset()
	var write tea.Cmd
	switch {
	case editing != nil && text == "":
		write = deleteNote(e.lib, *editing)
	case editing != nil && text != editing.Text:
		write = updateNote(e.lib, *editing, text)
	case editing == nil && text != "":
		write = addNote(e.lib, e.article, text)
	}
	if editing != nil && then == nil {
		e.active, e.choosing = true, true // back to the notes, where the change was begun
	}
	if write == nil {
		return e, then
	}
	if text != "" {
		e.draft = &noteDraft{article: e.article, editing: editing, text: text}
	}
	return e, tea.Sequence(write, then)
}

// noteDraft is a note written in the editor whose save the store has not
// confirmed yet.
type noteDraft struct {
	article int64
	editing *news.Note // the note it changes; nil: a new note
	text    string
}

// failed puts a draft whose save failed back in the editor, to be saved
// again with esc.
func (e *noteEditor) failed(msg noteSavedMsg) (tea.Cmd, bool) {
	d := e.draft
	if d == nil || msg.op == noteDeleted {
		return nil, false
	}
	e.active = true
	e.article = d.article
	cmd := e.compose(d.editing)
	e.area.SetValue(d.text)
	e.area.MoveToEnd()
	return cmd, true
}

// UnsavedNoteError is what Run returns when the reader ends with a note
// that could not be saved (a full disk, a read-only library, a lock held
// too long): the caller shows Text so the words are not lost.
type UnsavedNoteError struct {
	Article int64
	Text    string
	Err     error
}

func (e *UnsavedNoteError) Error() string {
	return fmt.Sprintf("the note on article %d was not saved: %v", e.Article, e.Err)
}

func (e *UnsavedNoteError) Unwrap() error { return e.Err }

// saveDraftNow stores a note still in the editor, or one whose save failed
// or had not finished: used when the program ends, whether by a quit key
// after a failed save or by a signal that skipped Update.
func (e noteEditor) saveDraftNow(ctx context.Context) error {
	d := e.draft
	if e.active && !e.choosing {
		d = &noteDraft{article: e.article, editing: e.editing, text: strings.TrimSpace(e.area.Value())}
	}
	if d == nil || d.text == "" {
		return nil
	}
	var err error
	switch {
	case d.editing != nil && d.text == d.editing.Text:
		return nil
	case d.editing != nil:
		err = e.lib.UpdateNote(ctx, d.editing.ID, d.text)
	default:
		_, err = e.lib.AddNote(ctx, d.article, d.text)
	}
	if err != nil {
		return &UnsavedNoteError{Article: d.article, Text: d.text, Err: err}
	}
	return nil
}

// applySaved applies a saved change to the editor's list of notes.
func (e *noteEditor) applySaved(msg noteSavedMsg) {
	if msg.op != noteDeleted {
		e.draft = nil
	}
	if e.article != msg.note.ArticleID {
		return
	}
	e.notes = msg.apply(e.notes)
	e.sel = max(0, min(e.sel, len(e.notes)-1))
	if e.choosing && len(e.notes) == 0 {
		e.active, e.choosing = false, false
	}
}

// apply makes the change to one copy of an article's notes.
func (msg noteSavedMsg) apply(notes []news.Note) []news.Note {
	notes = slices.Clone(notes) // copies may share an array
	switch msg.op {
	case noteAdded:
		return append(notes, msg.note)
	case noteUpdated:
		for i := range notes {
			if notes[i].ID == msg.note.ID {
				notes[i] = msg.note
			}
		}
		return notes
	default:
		return slices.DeleteFunc(notes, func(n news.Note) bool { return n.ID == msg.note.ID })
	}
}

func (e noteEditor) Title() string { return "Notes · " + termtext.Line(e.title) }

// View draws the editor in the article pane.
func (e noteEditor) View() string {
	w, h := e.width, e.height
	editor := strings.Split(e.area.View(), "\n")
	var head string
	switch {
	case e.editing != nil:
		head = e.styles.Prompt.Render(" Changing the note of "+e.editing.Updated.Local().Format("2 Jan 15:04")) +
			e.styles.Dim.Render("  esc saves · empty deletes")
	case e.choosing && e.confirmDel:
		head = e.styles.Error.Render(" Delete this note? y deletes, any other key keeps it")
	case e.choosing:
		head = e.styles.Dim.Render(" enter change · d delete · esc close")
	default:
		hint := "  esc saves"
		if len(e.notes) > 0 {
			hint += " · ↑ earlier notes"
		}
		head = e.styles.Prompt.Render(" New note") + e.styles.Dim.Render(hint)
	}
	room := h - len(editor) - 3 // the head, a blank line and the list's title
	var out []string
	if n := len(e.highlights); n > 0 && room > 2 {
		out = append(out, e.styles.Title.Render(fmt.Sprintf(" Highlights (%d)", n)))
		for _, hl := range e.highlights[:min(n, room/4)] {
			out = append(out, ansi.Truncate("  ▍ “"+termtext.Line(hl.Text)+"”", w, "…"))
			if hl.Note != "" {
				out = append(out, e.styles.Dim.Render(ansi.Truncate("      "+termtext.Line(hl.Note), w, "…")))
			}
		}
		out = append(out, "")
		room -= len(out)
	}
	if len(e.notes) > 0 && room > 0 {
		out = append(out, e.styles.Title.Render(fmt.Sprintf(" Notes (%d)", len(e.notes))))
		sel := len(e.notes) - 1 // the newest shows when none is chosen
		if e.choosing || e.editing != nil {
			sel = e.sel
		}
		first := scrollStart(sel, len(e.notes), room)
		for i := first; i < len(e.notes) && i < first+room; i++ {
			out = append(out, e.noteRow(e.notes[i], w, i == e.sel && e.choosing))
		}
		out = append(out, "")
	}
	out = append(out, ansi.Truncate(head, w, "…"))
	return strings.Join(append(out, editor...), "\n")
}

func (e noteEditor) noteRow(n news.Note, w int, chosen bool) string {
	date := n.Updated.Local().Format("2 Jan 15:04")
	text := ansi.Truncate(termtext.Line(n.Text), max(w-len(date)-6, 1), "…")
	line := "  • " + text + strings.Repeat(" ", max(w-ansi.StringWidth(text)-len(date)-5, 1)) + date
	if chosen {
		return e.selectedRow(line, w, true)
	}
	return line
}

// ShortHelp is the editor's part of the status line.
func (e noteEditor) ShortHelp() []key.Binding {
	k := e.keys
	if e.choosing {
		return []key.Binding{k.Up, k.Down, k.ChangeNote, k.DeleteNote, k.NewNote, k.CloseNotes}
	}
	return []key.Binding{k.SaveNote, k.SaveAndQuit}
}
