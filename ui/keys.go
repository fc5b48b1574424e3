package ui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the reader answers to. Help is generated from it;
// config.toml can rebind any action by its name (the `toml` tag).
type KeyMap struct {
	Up         key.Binding `toml:"up"`
	Down       key.Binding `toml:"down"`
	Top        key.Binding `toml:"top"`
	Bottom     key.Binding `toml:"bottom"`
	HalfDown   key.Binding `toml:"half_page_down"`
	HalfUp     key.Binding `toml:"half_page_up"`
	PageDown   key.Binding `toml:"page_down"`
	PageUp     key.Binding `toml:"page_up"`
	Open       key.Binding `toml:"open"`
	Back       key.Binding `toml:"back"`
	NextPane   key.Binding `toml:"next_pane"`
	PrevPane   key.Binding `toml:"previous_pane"`
	Star       key.Binding `toml:"star"`
	Read       key.Binding `toml:"toggle_read"`
	Tags       key.Binding `toml:"tags"`
	Note       key.Binding `toml:"note"`
	UnreadOnly key.Binding `toml:"unread_only"`
	Search     key.Binding `toml:"search"`
	OpenLink   key.Binding `toml:"open_link"`
	CopyLink   key.Binding `toml:"copy_link"`
	Refresh    key.Binding `toml:"refresh"`
	Help       key.Binding `toml:"help"`
	Quit       key.Binding `toml:"quit"`
}

// DefaultKeyMap returns the keys byline ships with.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:         b("k/↑", "up", "k", "up"),
		Down:       b("j/↓", "down", "j", "down"),
		Top:        b("g", "top", "g", "home"),
		Bottom:     b("G", "bottom", "G", "end"),
		HalfDown:   b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:     b("ctrl+u", "half page up", "ctrl+u"),
		PageDown:   b("pgdn", "page down", "pgdown", "space"),
		PageUp:     b("pgup", "page up", "pgup"),
		Open:       b("enter", "open", "enter"),
		Back:       b("esc", "back / clear filter", "esc"),
		NextPane:   b("tab", "next pane", "tab"),
		PrevPane:   b("shift+tab", "previous pane", "shift+tab"),
		Star:       b("s", "star", "s"),
		Read:       b("m", "read/unread", "m"),
		Tags:       b("t", "tags", "t"),
		Note:       b("n", "note", "n"),
		UnreadOnly: b("u", "unread only", "u"),
		Search:     b("/", "search", "/"),
		OpenLink:   b("o", "open link", "o"),
		CopyLink:   b("y", "copy link", "y"),
		Refresh:    b("r", "refresh feeds", "r"),
		Help:       b("?", "help", "?"),
		Quit:       b("q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the one-line help under the panes.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Open, k.NextPane, k.Star, k.Read, k.Note, k.Search, k.Help, k.Quit}
}

// FullHelp is the help page, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp},
		{k.Open, k.Back, k.NextPane, k.PrevPane, k.Search, k.UnreadOnly, k.Refresh},
		{k.Star, k.Read, k.Tags, k.Note, k.OpenLink, k.CopyLink, k.Help, k.Quit},
	}
}

// ConfigPath is where the reader's settings live.
func ConfigPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = home + "/.config"
	}
	return dir + "/byline/config.toml"
}

// LoadKeyMap reads the [keys] table of config.toml over the defaults:
//
//	[keys]
//	star = "*"
//	down = ["j", "down", "ctrl+n"]
//
// A missing file is fine; an unknown action or a key byline cannot read is
// an error naming the line.
func LoadKeyMap(path string) (KeyMap, error) {
	km := DefaultKeyMap()
	if path == "" {
		return km, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return km, nil
	}
	if err != nil {
		return km, err
	}
	defer f.Close()
	if err := applyKeyConfig(&km, f, path); err != nil {
		return DefaultKeyMap(), err
	}
	return km, nil
}

func applyKeyConfig(km *KeyMap, r io.Reader, path string) error {
	bindings := map[string]*key.Binding{}
	v := reflect.ValueOf(km).Elem()
	for i := range v.NumField() {
		bindings[v.Type().Field(i).Tag.Get("toml")] = v.Field(i).Addr().Interface().(*key.Binding)
	}
	sc := bufio.NewScanner(r)
	section := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, n, fmt.Sprintf(format, args...))
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[] ")
			continue
		}
		if section != "keys" {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			return fail("want action = \"key\" or action = [\"key\", …]")
		}
		name = strings.TrimSpace(name)
		b, ok := bindings[name]
		if !ok {
			return fail("unknown action %q", name)
		}
		keys, err := parseKeyList(strings.TrimSpace(value))
		if err != nil {
			return fail("%s: %v", name, err)
		}
		for _, k := range keys {
			if !validKey(k) {
				return fail("%s: %q is not a key byline knows (try \"x\", \"ctrl+x\", \"enter\", \"pgdown\")", name, k)
			}
		}
		b.SetKeys(keys...)
		b.SetHelp(strings.Join(keys, "/"), b.Help().Desc)
	}
	return sc.Err()
}

func stripComment(s string) string {
	inString := false
	for i, r := range s {
		switch {
		case r == '"':
			inString = !inString
		case r == '#' && !inString:
			return s[:i]
		}
	}
	return s
}

func parseKeyList(v string) ([]string, error) {
	if strings.HasPrefix(v, "[") {
		if !strings.HasSuffix(v, "]") {
			return nil, errors.New("unclosed [")
		}
		v = strings.TrimSpace(v[1 : len(v)-1])
		if v == "" {
			return nil, errors.New("no keys")
		}
		var out []string
		for _, item := range strings.Split(v, ",") {
			k, err := strconv.Unquote(strings.TrimSpace(item))
			if err != nil {
				return nil, fmt.Errorf("%s is not a quoted string", strings.TrimSpace(item))
			}
			out = append(out, k)
		}
		return out, nil
	}
	k, err := strconv.Unquote(v)
	if err != nil {
		return nil, fmt.Errorf("%s is not a quoted string", v)
	}
	return []string{k}, nil
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
