package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"byline/internal/termtext"
	"byline/news"
)

// The note editor takes the article pane: the article's notes above, a
// textarea for a new one below. As in a chat client, ↑ in the empty
// textarea moves up into the notes, where enter changes one and d deletes
// it. Every change is saved at once, and a note being typed is saved if
// the reader quits.

// startNote opens the editor on the target article, opening the article
// first when it is not the one on screen.
func (m Model) startNote() (tea.Model, tea.Cmd) {
	a := m.target()
	if a == nil {
		return m, nil
	}
	var cmds []tea.Cmd
	if m.article == nil || m.article.ID != a.ID {
		mm, cmd := m.openSelected()
		m = mm.(Model)
		cmds = append(cmds, cmd)
	}
	m.focus = paneArticle // the editor lives in the article pane
	m.noteArticle = a.ID
	m.notes = slices.Clone(a.Notes)
	m.noteSel = max(len(m.notes)-1, 0)
	cmds = append(cmds, m.compose(nil), m.resize())
	return m, tea.Batch(cmds...)
}

// compose puts the textarea in front: empty for a new note, or holding n
// to change it.
func (m *Model) compose(n *news.Note) tea.Cmd {
	m.mode = modeNote
	m.editing = n
	m.confirmDel = false
	m.note.Reset()
	if n != nil {
		m.note.SetValue(n.Text)
		m.note.MoveToEnd()
	}
	return m.note.Focus()
}

func (m Model) noteKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc", "ctrl+s":
		return m.finishNote(nil)
	case "ctrl+c":
		return m.finishNote(tea.Quit)
	case "up":
		if m.editing == nil && m.note.Value() == "" && len(m.notes) > 0 {
			m.mode = modeNotes
			m.noteSel = len(m.notes) - 1
			m.note.Blur()
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(msg)
	return m, cmd
}

// notesKey handles keys while a note is chosen: move, change, delete.
func (m Model) notesKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.confirmDel {
		m.confirmDel = false
		if s := msg.String(); s == "y" || s == "d" {
			return m, deleteNote(m.lib, m.notes[m.noteSel])
		}
		return m, m.setStatus("note kept", false)
	}
	k := m.keys
	switch s := msg.String(); {
	case s == "ctrl+c":
		return m, tea.Quit
	case key.Matches(msg, k.Up):
		m.noteSel = max(m.noteSel-1, 0)
	case key.Matches(msg, k.Down):
		if m.noteSel++; m.noteSel >= len(m.notes) {
			m.noteSel = len(m.notes) - 1
			return m, m.compose(nil)
		}
	case key.Matches(msg, k.Open) || s == "e":
		n := m.notes[m.noteSel]
		return m, m.compose(&n)
	case s == "d" || s == "delete" || s == "x":
		m.confirmDel = true
	case key.Matches(msg, k.Note) || s == "a":
		return m, m.compose(nil)
	case key.Matches(msg, k.Back) || key.Matches(msg, k.Quit):
		m.mode = modeNormal
	}
	return m, nil
}

// finishNote saves what the textarea holds, then runs then (quit, say):
// the save comes first so quitting never loses a draft. Emptying a note
// and saving it deletes it.
func (m Model) finishNote(then tea.Cmd) (tea.Model, tea.Cmd) {
	text := strings.TrimSpace(m.note.Value())
	editing := m.editing
	m.mode = modeNormal
	m.editing = nil
	m.note.Blur()
	m.note.Reset()
	var write tea.Cmd
	switch {
	case editing != nil && text == "":
		write = deleteNote(m.lib, *editing)
	case editing != nil && text != editing.Text:
		write = updateNote(m.lib, *editing, text)
	case editing == nil && text != "":
		write = addNote(m.lib, m.noteArticle, text)
	}
	if editing != nil && then == nil {
		m.mode = modeNotes // back to the notes, where the change was begun
	}
	if write == nil {
		return m, then
	}
	return m, tea.Sequence(write, then)
}

// saveDraftNow stores a note still in the editor; used when the program
// ends without Update seeing the quit, such as on a signal.
func (m Model) saveDraftNow(ctx context.Context) error {
	text := strings.TrimSpace(m.note.Value())
	if m.mode != modeNote || text == "" {
		return nil
	}
	if m.editing != nil {
		if text == m.editing.Text {
			return nil
		}
		return m.lib.UpdateNote(ctx, m.editing.ID, text)
	}
	_, err := m.lib.AddNote(ctx, m.noteArticle, text)
	return err
}

// noteSaved applies a saved change to every copy of the article's notes:
// the editor's, the open article's and the list's.
func (m Model) noteSaved(msg noteSavedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		return m, m.setStatus("note not saved: "+msg.err.Error(), true)
	}
	apply := func(notes []news.Note) []news.Note {
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
	m.setMark(msg.note.ArticleID, func(a *news.Article) { a.Notes = apply(a.Notes) })
	if m.noteArticle == msg.note.ArticleID {
		m.notes = apply(m.notes)
		m.noteSel = max(0, min(m.noteSel, len(m.notes)-1))
		if m.mode == modeNotes && len(m.notes) == 0 {
			m.mode = modeNormal
		}
	}
	status := [...]string{noteAdded: "note saved", noteUpdated: "note changed", noteDeleted: "note deleted"}[msg.op]
	return m, tea.Batch(m.setStatus(status, false), m.rerender())
}

// notesLines draws the editor in the article pane, w×h cells.
func (m Model) notesLines(w, h int) []string {
	editor := strings.Split(m.note.View(), "\n")
	var head string
	switch {
	case m.editing != nil:
		head = m.styles.Prompt.Render(" Changing the note of "+m.editing.Updated.Local().Format("2 Jan 15:04")) +
			m.styles.Dim.Render("  esc saves · empty deletes")
	case m.mode == modeNotes && m.confirmDel:
		head = m.styles.Error.Render(" Delete this note? y deletes, any other key keeps it")
	case m.mode == modeNotes:
		head = m.styles.Dim.Render(" enter change · d delete · esc close")
	default:
		hint := "  esc saves"
		if len(m.notes) > 0 {
			hint += " · ↑ earlier notes"
		}
		head = m.styles.Prompt.Render(" New note") + m.styles.Dim.Render(hint)
	}
	room := h - len(editor) - 3 // the head, a blank line and the list's title
	var out []string
	if len(m.notes) > 0 && room > 0 {
		out = append(out, m.styles.Title.Render(fmt.Sprintf(" Notes (%d)", len(m.notes))))
		sel := len(m.notes) - 1 // the newest shows when none is chosen
		if m.mode == modeNotes || m.editing != nil {
			sel = m.noteSel
		}
		first := scrollStart(sel, len(m.notes), room)
		for i := first; i < len(m.notes) && i < first+room; i++ {
			out = append(out, m.noteRow(m.notes[i], w, i == m.noteSel && m.mode == modeNotes))
		}
		out = append(out, "")
	}
	out = append(out, ansi.Truncate(head, w, "…"))
	return append(out, editor...)
}

func (m Model) noteRow(n news.Note, w int, chosen bool) string {
	date := n.Updated.Local().Format("2 Jan 15:04")
	text := ansi.Truncate(termtext.Line(n.Text), max(w-len(date)-6, 1), "…")
	line := "  • " + text + strings.Repeat(" ", max(w-ansi.StringWidth(text)-len(date)-5, 1)) + date
	if chosen {
		return m.selectedRow(line, w, true)
	}
	return line
}
