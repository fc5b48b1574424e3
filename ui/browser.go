package ui

import (
	"errors"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// browserDoneMsg reports a browser that was given the screen, once it
// has handed it back.
type browserDoneMsg struct {
	what string
	err  error
}

// errNoBrowser is what o says when nothing can open a link.
var errNoBrowser = errors.New(`nothing to open links with: set browser = "w3m %u" under [reader] in config.toml, or $BROWSER`)

// openLink opens a web link: with the browser set in config.toml, else
// the first of $BROWSER's commands that exists, both run in the terminal
// with the reader suspended (w3m, lynx); else the desktop's opener,
// started in the background.
func openLink(setting, link string) tea.Cmd {
	if u, err := url.Parse(link); err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return reportStatus("not a web link: "+link, true)
	}
	if args := browserCommand(setting, os.Getenv("BROWSER"), link); args != nil {
		cmd := exec.Command(args[0], args[1:]...)
		return tea.ExecProcess(cmd, func(err error) tea.Msg { return browserDoneMsg{what: args[0], err: err} })
	}
	opener := "xdg-open"
	if runtime.GOOS == "darwin" {
		opener = "open"
	}
	if _, err := exec.LookPath(opener); err != nil {
		return reportStatus(errNoBrowser.Error(), true)
	}
	return func() tea.Msg {
		cmd := exec.Command(opener, link)
		if err := cmd.Start(); err != nil {
			return statusMsg{text: opener + ": " + err.Error(), isErr: true}
		}
		go cmd.Wait()
		return statusMsg{text: "opened " + link}
	}
}

// browserCommand is the command line that opens link: the setting's
// (%u stands for the link, else it goes last), or the first of $BROWSER's
// colon-separated commands that is installed (%s for the link). nil: none.
func browserCommand(setting, env, link string) []string {
	fill := func(line, mark string) []string {
		args := strings.Fields(line)
		if len(args) == 0 {
			return nil
		}
		put := false
		for i, a := range args {
			if strings.Contains(a, mark) {
				args[i] = strings.ReplaceAll(a, mark, link)
				put = true
			}
		}
		if !put {
			args = append(args, link)
		}
		return args
	}
	if strings.TrimSpace(setting) != "" {
		return fill(setting, "%u")
	}
	for _, line := range strings.Split(env, ":") {
		if args := fill(line, "%s"); args != nil {
			if _, err := exec.LookPath(args[0]); err == nil {
				return args
			}
		}
	}
	return nil
}
