package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// run executes byline in-process with the given arguments and returns what
// it wrote and its exit status.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := newRootCommand(strings.NewReader(stdin), &out, &errb)
	cmd.SetArgs(args)
	code = exitCode(cmd.ExecuteContext(context.Background()), &errb)
	return out.String(), errb.String(), code
}

// mustRun is run for commands that must succeed.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := run(t, "", args...)
	if code != 0 {
		t.Fatalf("byline %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

func listJSON(t *testing.T, lib string, query ...string) []listedArticle {
	t.Helper()
	out := mustRun(t, append([]string{"--library", lib, "list", "--json"}, query...)...)
	var got []listedArticle
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("list --json printed %q: %v", out, err)
	}
	return got
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// bylineBinary builds the command once for the tests that need a real
// process: killing one, running two at once, driving the reader in tmux.
func bylineBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "byline-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "byline")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = &buildFailure{err, string(out)}
		}
	})
	if buildErr != nil {
		t.Fatalf("build byline: %v", buildErr)
	}
	return binPath
}

type buildFailure struct {
	err error
	out string
}

func (b *buildFailure) Error() string { return b.err.Error() + "\n" + b.out }

func TestMain(m *testing.M) {
	// Keep every test away from the user's real library and config.
	tmp, err := os.MkdirTemp("", "byline-test-home-")
	if err != nil {
		panic(err)
	}
	// The go command finds its module and build caches through HOME;
	// pin them first, or building the binary for the end-to-end tests
	// downloads and compiles everything again.
	for _, v := range []string{"GOMODCACHE", "GOCACHE", "GOPATH"} {
		if out, err := exec.Command("go", "env", v).Output(); err == nil && os.Getenv(v) == "" {
			os.Setenv(v, strings.TrimSpace(string(out)))
		}
	}
	os.Setenv("XDG_DATA_HOME", filepath.Join(tmp, "data"))
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(tmp, "config"))
	os.Setenv("HOME", tmp)
	os.Unsetenv("BYLINE_LIBRARY")
	code := m.Run()
	os.RemoveAll(tmp)
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
