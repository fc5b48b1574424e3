package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config is config.toml: the reader's settings and its keys.
//
//	[reader]
//	browser = "w3m %u"      # o opens links with this, suspending the reader
//	compact = true          # one row per article
//	refresh_on_start = true
//	reload_every = "30m"    # refresh the feeds while the reader is open
//
//	[keys]
//	star = "*"
//	down = ["j", "down", "ctrl+n"]
type Config struct {
	Keys           KeyMap
	Browser        string
	Compact        bool
	RefreshOnStart bool
	ReloadEvery    time.Duration
}

// DefaultConfig is what byline does with no config.toml.
func DefaultConfig() Config { return Config{Keys: DefaultKeyMap()} }

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

// LoadConfig reads config.toml over the defaults. A missing file is fine;
// a file that is not TOML, an unknown section, setting or action, a key
// byline cannot read, and a key bound to two actions that would clash are
// errors naming the file.
func LoadConfig(path string) (Config, error) {
	if path == "" {
		return DefaultConfig(), nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return DefaultConfig(), nil
	}
	if err != nil {
		return DefaultConfig(), err
	}
	c, err := parseConfig(string(data))
	if err != nil {
		return DefaultConfig(), fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func parseConfig(text string) (Config, error) {
	var raw struct {
		Reader struct {
			Browser        string `toml:"browser"`
			Compact        bool   `toml:"compact"`
			RefreshOnStart bool   `toml:"refresh_on_start"`
			ReloadEvery    string `toml:"reload_every"`
		} `toml:"reader"`
		Keys map[string]any `toml:"keys"`
	}
	c := DefaultConfig()
	md, err := toml.Decode(text, &raw)
	var perr toml.ParseError
	if errors.As(err, &perr) {
		return c, fmt.Errorf("line %d: %s", perr.Position.Line, perr.Message)
	}
	if err != nil {
		return c, err
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		k := extra[0]
		if len(k) == 1 || !slices.Contains([]string{"reader", "keys"}, k[0]) {
			return c, fmt.Errorf("unknown section [%s]: byline reads [reader] and [keys]", k[0])
		}
		return c, fmt.Errorf("[%s]: unknown setting %q", k[0], strings.Join(k[1:], "."))
	}
	r := raw.Reader
	c.Browser, c.Compact, c.RefreshOnStart = r.Browser, r.Compact, r.RefreshOnStart
	if r.ReloadEvery != "" {
		d, err := time.ParseDuration(r.ReloadEvery)
		if err != nil || d < time.Minute && d != 0 {
			return c, fmt.Errorf("[reader] reload_every = %q: want a duration of a minute or more, such as \"30m\" or \"2h\"", r.ReloadEvery)
		}
		c.ReloadEvery = d
	}
	names := make([]string, 0, len(raw.Keys))
	for name := range raw.Keys {
		names = append(names, name)
	}
	slices.Sort(names) // the same file gives the same first error
	for _, name := range names {
		if err := c.Keys.bind(name, raw.Keys[name]); err != nil {
			return c, fmt.Errorf("[keys] %w", err)
		}
	}
	if err := c.Keys.conflicts(); err != nil {
		return c, fmt.Errorf("[keys] %w", err)
	}
	return c, nil
}
