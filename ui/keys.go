package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the reader answers to, the editors' and prompts'
// included. Help is generated from it; config.toml rebinds any action by
// its name (the `toml` tag). scope says where an action's keys are read:
// two actions sharing a scope may not share a key.
type KeyMap struct {
	Up       key.Binding `toml:"up" scope:"normal,notes,help"`
	Down     key.Binding `toml:"down" scope:"normal,notes,help"`
	Top      key.Binding `toml:"top" scope:"normal"`
	Bottom   key.Binding `toml:"bottom" scope:"normal"`
	HalfDown key.Binding `toml:"half_page_down" scope:"normal,help"`
	HalfUp   key.Binding `toml:"half_page_up" scope:"normal,help"`
	PageDown key.Binding `toml:"page_down" scope:"normal,help"`
	PageUp   key.Binding `toml:"page_up" scope:"normal,help"`
	Open     key.Binding `toml:"open" scope:"normal"`
	Back     key.Binding `toml:"back" scope:"normal"`
	NextPane key.Binding `toml:"next_pane" scope:"normal"`
	PrevPane key.Binding `toml:"previous_pane" scope:"normal"`

	NextUnread  key.Binding `toml:"next_unread" scope:"normal"`
	PrevUnread  key.Binding `toml:"previous_unread" scope:"normal"`
	NextArticle key.Binding `toml:"next_article" scope:"normal"`
	PrevArticle key.Binding `toml:"previous_article" scope:"normal"`

	Star         key.Binding `toml:"star" scope:"normal"`
	Read         key.Binding `toml:"toggle_read" scope:"normal"`
	MarkAllRead  key.Binding `toml:"mark_all_read" scope:"normal"`
	MarkAllFeeds key.Binding `toml:"mark_everything_read" scope:"normal"`
	Tags         key.Binding `toml:"tags" scope:"normal"`
	Note         key.Binding `toml:"note" scope:"normal"`
	Feeds        key.Binding `toml:"feeds" scope:"normal"`
	UnreadOnly   key.Binding `toml:"unread_only" scope:"normal"`
	Compact      key.Binding `toml:"compact" scope:"normal"`
	Search       key.Binding `toml:"search" scope:"normal"`
	OpenLink     key.Binding `toml:"open_link" scope:"normal"`
	LinkNumber   key.Binding `toml:"open_link_number" scope:"normal"`
	CopyLink     key.Binding `toml:"copy_link" scope:"normal"`
	Refresh      key.Binding `toml:"refresh" scope:"normal"`
	RefreshAll   key.Binding `toml:"refresh_all" scope:"normal"`
	PeopleView   key.Binding `toml:"people" scope:"normal"`
	PlacesView   key.Binding `toml:"places" scope:"normal"`
	QuotesView   key.Binding `toml:"quotes" scope:"normal"`
	Highlight    key.Binding `toml:"highlight" scope:"normal"`
	Help         key.Binding `toml:"help" scope:"normal"`
	Quit         key.Binding `toml:"quit" scope:"normal"`
	QuitNow      key.Binding `toml:"quit_now" scope:"normal,notes,help"`

	// The note editor: typing a note, and choosing one of the notes.
	SaveNote     key.Binding `toml:"save_note" scope:"editor"`
	SaveAndQuit  key.Binding `toml:"save_note_and_quit" scope:"editor"`
	EarlierNotes key.Binding `toml:"earlier_notes" scope:"editor"`
	ChangeNote   key.Binding `toml:"change_note" scope:"notes"`
	DeleteNote   key.Binding `toml:"delete_note" scope:"notes"`
	ConfirmDel   key.Binding `toml:"confirm_delete" scope:"confirm"`
	NewNote      key.Binding `toml:"new_note" scope:"notes"`
	CloseNotes   key.Binding `toml:"close_notes" scope:"notes"`

	// The search, tags and link prompts.
	Accept    key.Binding `toml:"accept" scope:"prompt"`
	Cancel    key.Binding `toml:"cancel" scope:"prompt"`
	Interrupt key.Binding `toml:"quit_from_prompt" scope:"prompt"`
}

// DefaultKeyMap returns the keys byline ships with: vi moves, and
// newsboat's keys for what newsboat does (n/p unread, J/K next and
// previous, A/C mark read, r/R refresh, q back, Q quit).
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:       b("k/↑", "up", "k", "up"),
		Down:     b("j/↓", "down", "j", "down"),
		Top:      b("g", "top", "g", "home"),
		Bottom:   b("G", "bottom", "G", "end"),
		HalfDown: b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:   b("ctrl+u", "half page up", "ctrl+u"),
		PageDown: b("pgdn", "page down", "pgdown", "space"),
		PageUp:   b("pgup", "page up", "pgup"),
		Open:     b("enter", "open", "enter"),
		Back:     b("esc", "back a level", "esc"),
		NextPane: b("tab", "next pane", "tab"),
		PrevPane: b("shift+tab", "previous pane", "shift+tab"),

		NextUnread:  b("n", "next unread", "n"),
		PrevUnread:  b("p", "previous unread", "p"),
		NextArticle: b("J", "next article", "J"),
		PrevArticle: b("K", "previous article", "K"),

		Star:         b("s", "star", "s"),
		Read:         b("m", "read/unread", "m"),
		MarkAllRead:  b("A", "mark list/feed read", "A"),
		MarkAllFeeds: b("C", "mark everything read", "C"),
		Tags:         b("t", "tags", "t"),
		Note:         b("N", "notes", "N"),
		Feeds:        b("F", "feeds", "F"),
		UnreadOnly:   b("u", "unread only", "u"),
		Compact:      b("v", "compact list", "v"),
		Search:       b("/", "search", "/"),
		OpenLink:     b("o", "open in browser", "o"),
		LinkNumber:   b("1-9", "open link N", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		CopyLink:     b("y", "copy link", "y"),
		Refresh:      b("r", "refresh (feed)", "r"),
		RefreshAll:   b("R", "refresh all", "R"),
		PeopleView:   b("P", "people", "P"),
		PlacesView:   b("L", "places", "L"),
		QuotesView:   b("\"", "quotes", "\""),
		Highlight:    b("H", "highlight", "H"),
		Help:         b("?", "help", "?"),
		Quit:         b("q", "back / quit", "q"),
		QuitNow:      b("Q", "quit", "Q", "ctrl+c"),

		SaveNote:     b("esc", "save note", "esc", "ctrl+s"),
		SaveAndQuit:  b("ctrl+c", "save and quit", "ctrl+c"),
		EarlierNotes: b("↑", "earlier notes", "up"),
		ChangeNote:   b("enter", "change", "enter", "e"),
		DeleteNote:   b("d", "delete", "d", "x", "delete"),
		ConfirmDel:   b("y", "yes, delete", "y", "d"),
		NewNote:      b("a", "new note", "a"),
		CloseNotes:   b("esc", "close", "esc", "q"),

		Accept:    b("enter", "accept", "enter"),
		Cancel:    b("esc", "cancel", "esc"),
		Interrupt: b("ctrl+c", "quit", "ctrl+c"),
	}
}

// FullHelp is the help page, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.NextPane, k.PrevPane},
		{k.Open, k.Back, k.NextUnread, k.PrevUnread, k.NextArticle, k.PrevArticle, k.Feeds, k.Search, k.UnreadOnly, k.Compact},
		{k.Star, k.Read, k.MarkAllRead, k.MarkAllFeeds, k.Tags, k.Note, k.OpenLink, k.LinkNumber, k.CopyLink},
		{k.Refresh, k.RefreshAll, k.Help, k.Quit, k.QuitNow},
		{k.PeopleView, k.PlacesView, k.QuotesView, k.Highlight},
		{withDesc(k.SaveNote, "note: save"), withDesc(k.SaveAndQuit, "note: save, quit"), withDesc(k.EarlierNotes, "note: earlier notes"),
			withDesc(k.ChangeNote, "note: change"), withDesc(k.DeleteNote, "note: delete"), withDesc(k.NewNote, "note: new"),
			withDesc(k.CloseNotes, "note: close")},
	}
}

// bindings are the KeyMap's actions by their config name, with the
// scopes each is read in.
func (k *KeyMap) bindings() (names []string, byName map[string]*key.Binding, scopes map[string][]string) {
	byName, scopes = map[string]*key.Binding{}, map[string][]string{}
	v := reflect.ValueOf(k).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name := f.Tag.Get("toml")
		names = append(names, name)
		byName[name] = v.Field(i).Addr().Interface().(*key.Binding)
		scopes[name] = strings.Split(f.Tag.Get("scope"), ",")
	}
	return names, byName, scopes
}

// conflicts names every key bound to two actions read in the same scope:
// one of them could never be reached.
func (k *KeyMap) conflicts() error {
	names, byName, scopes := k.bindings()
	seen := map[string]string{} // scope + key → action
	var errs []string
	for _, name := range names {
		for _, sc := range scopes[name] {
			for _, ks := range byName[name].Keys() {
				other, ok := seen[sc+"\x00"+ks]
				if ok && other != name {
					msg := fmt.Sprintf("%q is bound to both %s and %s", ks, other, name)
					if !slices.Contains(errs, msg) {
						errs = append(errs, msg)
					}
					continue
				}
				seen[sc+"\x00"+ks] = name
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// bind sets an action's keys from config.toml's value: a string or a list
// of strings.
func (k *KeyMap) bind(name string, value any) error {
	_, byName, _ := k.bindings()
	b, ok := byName[name]
	if !ok {
		return fmt.Errorf("unknown action %q (the actions are listed in the README)", name)
	}
	var keys []string
	switch v := value.(type) {
	case string:
		keys = []string{v}
	case []any:
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return fmt.Errorf("%s: %v is not a quoted key", name, x)
			}
			keys = append(keys, s)
		}
	default:
		return fmt.Errorf("%s: want \"key\" or [\"key\", …], not %v", name, value)
	}
	if len(keys) == 0 {
		return fmt.Errorf("%s: no keys", name)
	}
	for _, ks := range keys {
		if !validKey(ks) {
			return fmt.Errorf("%s: %q is not a key byline knows (try \"x\", \"ctrl+x\", \"enter\", \"pgdown\")", name, ks)
		}
	}
	b.SetKeys(keys...)
	b.SetHelp(strings.Join(keys, "/"), b.Help().Desc)
	return nil
}

var namedKeys = map[string]bool{
	"up": true, "down": true, "left": true, "right": true, "enter": true, "esc": true, "tab": true,
	"space": true, "backspace": true, "delete": true, "insert": true, "home": true, "end": true,
	"pgup": true, "pgdown": true,
}

// validKey accepts what bubbletea's KeyPressMsg.String produces: one
// printable character, a named key, or either with modifiers.
func validKey(k string) bool {
	for _, mod := range []string{"ctrl+", "alt+", "shift+"} {
		for strings.HasPrefix(k, mod) && len(k) > len(mod) {
			k = k[len(mod):]
		}
	}
	if namedKeys[k] {
		return true
	}
	if len(k) >= 2 && k[0] == 'f' {
		n, err := strconv.Atoi(k[1:])
		return err == nil && n >= 1 && n <= 20
	}
	r := []rune(k)
	return len(r) == 1 && r[0] > ' ' && r[0] != 0x7f
}
