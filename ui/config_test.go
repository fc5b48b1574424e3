package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestConfigReadsSettingsAndKeys(t *testing.T) {
	c, err := parseConfig(`
# a comment
[reader]
browser = "w3m %u"
compact = true
refresh_on_start = true
reload_every = "30m"

[keys]
star = "*"
down = ["j", "down", "ctrl+n"]
`)
	if err != nil {
		t.Fatal(err)
	}
	if c.Browser != "w3m %u" || !c.Compact || !c.RefreshOnStart || c.ReloadEvery != 30*time.Minute {
		t.Errorf("settings: %+v", c)
	}
	if strings.Join(c.Keys.Star.Keys(), " ") != "*" || strings.Join(c.Keys.Down.Keys(), " ") != "j down ctrl+n" {
		t.Errorf("keys: star %v, down %v", c.Keys.Star.Keys(), c.Keys.Down.Keys())
	}
	if c.Keys.Star.Help().Key != "*" {
		t.Errorf("the help does not show the new key: %q", c.Keys.Star.Help().Key)
	}
}

func TestConfigErrorsSayWhatIsWrong(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"[keys]\nstar = \"j\"\n", `"j" is bound to both down and star`},
		{"[keys]\nsave_note = \"ctrl+c\"\n", `"ctrl+c" is bound to both save_note and save_note_and_quit`},
		{"[colours]\naccent = \"red\"\n", "unknown section [colours]"},
		{"[reader]\nbrowsr = \"w3m\"\n", `[reader]: unknown setting "browsr"`},
		{"[keys]\nstarr = \"*\"\n", `unknown action "starr"`},
		{"[keys]\nstar = \"ctrl+\"\n", `"ctrl+" is not a key`},
		{"[keys]\nstar = 5\n", "star: want"},
		{"[keys\nstar = \"*\"\n", "to end table name"},
		{"[reader]\nreload_every = \"soon\"\n", "reload_every"},
	} {
		_, err := parseConfig(c.file)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one saying %q", c.file, err, c.want)
		}
	}
}

func TestDefaultKeysHaveNoConflicts(t *testing.T) {
	km := DefaultKeyMap()
	if err := km.conflicts(); err != nil {
		t.Fatal(err)
	}
}

func TestLoadConfigNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if _, err := LoadConfig(path); err != nil {
		t.Fatalf("a missing file is fine: %v", err)
	}
	os.WriteFile(path, []byte("[keys]\nstar = \"j\"\n"), 0o600)
	if _, err := LoadConfig(path); err == nil || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("the error must start with the file: %v", err)
	}
}

// A rebound editor key works in the editor.
func TestReboundEditorKeyWorks(t *testing.T) {
	c, err := parseConfig("[keys]\nsave_note = \"ctrl+s\"\n")
	if err != nil {
		t.Fatal(err)
	}
	lib := sampleLibrary()
	m := startWith(t, lib, Options{NoColor: true, Config: &c})
	m = drive(t, m, windowSize(140, 40), press("N"))
	m = drive(t, m, append(typeText("kept"), press("esc"))...)
	if !m.editor.active {
		t.Fatal("esc is no longer save_note: it must not close the editor")
	}
	m = drive(t, m, ctrlKey('s'))
	if m.editor.active || !strings.Contains(lib.wrote(), "note:kept 3") {
		t.Errorf("ctrl+s should save the note: %s", lib.wrote())
	}
}

func ctrlKey(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }
