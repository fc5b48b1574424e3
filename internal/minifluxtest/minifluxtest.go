// Package minifluxtest starts a real Miniflux with its own PostgreSQL on
// 127.0.0.1 for integration tests: random free ports, a temporary data
// folder, everything stopped by process id at the end. When the programs
// are missing or will not start, Shared skips the test with one line that
// says why; .ci/run installs them (PostgreSQL from Debian, Miniflux with
// go install).
package minifluxtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Version is the Miniflux release .ci/run installs and the tests expect.
const Version = "v2.3.5"

const adminUser, adminPassword = "admin", "test123456"

// Server is a running Miniflux and its database.
type Server struct {
	URL string // http://127.0.0.1:PORT, no trailing slash

	dir     string // temporary folder: the database cluster, logs, socket
	pgBin   string
	pgPort  int
	asUser  string // the user PostgreSQL runs as: "postgres" when we are root
	mfBin   string
	mfPort  int
	mf      *exec.Cmd
	exited  chan struct{} // closed when mf has exited
	mfLog   *os.File
	users   int
	mu      sync.Mutex
	stopped bool
}

var (
	shared    *Server
	sharedErr error
	once      sync.Once
)

// Shared returns the server every test of the package shares, starting it
// on first use, or skips tb with the reason it cannot start. Call Stop from
// TestMain after the tests.
func Shared(tb testing.TB) *Server {
	tb.Helper()
	once.Do(func() {
		if testing.Short() {
			sharedErr = errors.New("-short")
			return
		}
		shared, sharedErr = Start(context.Background())
	})
	if sharedErr != nil {
		tb.Skipf("Miniflux integration test skipped: %v", sharedErr)
	}
	return shared
}

// StopShared stops the shared server if one was started.
func StopShared() {
	if shared != nil {
		shared.Stop()
	}
}

// findMiniflux looks for the binary: $BYLINE_MINIFLUX, then miniflux.app
// on the PATH, then where go install puts it.
func findMiniflux() (string, error) {
	if p := os.Getenv("BYLINE_MINIFLUX"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("BYLINE_MINIFLUX: %w", err)
		}
		return p, nil
	}
	if p, err := exec.LookPath("miniflux.app"); err == nil {
		return p, nil
	}
	var dirs []string
	if d := os.Getenv("GOBIN"); d != "" {
		dirs = append(dirs, d)
	}
	if d := os.Getenv("GOPATH"); d != "" {
		dirs = append(dirs, filepath.Join(strings.Split(d, string(os.PathListSeparator))[0], "bin"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "go", "bin"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, "miniflux.app")
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", errors.New("miniflux.app not found (go install miniflux.app/v2@" + Version + ", or set BYLINE_MINIFLUX)")
}

func findPostgres() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgMajor(dirs[i]) < pgMajor(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i], nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL not installed (apt-get install postgresql)")
}

func pgMajor(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// freePort asks the kernel for a port nobody listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Start starts PostgreSQL and Miniflux. Stop undoes everything it did.
func Start(ctx context.Context) (*Server, error) {
	mfBin, err := findMiniflux()
	if err != nil {
		return nil, err
	}
	pgBin, err := findPostgres()
	if err != nil {
		return nil, err
	}
	s := &Server{pgBin: pgBin, mfBin: mfBin}
	// PostgreSQL refuses to run as root: as root, the cluster belongs to
	// the postgres user, and its folder must be reachable by it.
	if os.Geteuid() == 0 {
		s.asUser = "postgres"
	}
	s.dir, err = os.MkdirTemp("", "byline-miniflux-")
	if err != nil {
		return nil, err
	}
	if err := s.startPostgres(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	if err := s.StartMiniflux(); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) pgCommand(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(s.pgBin, name), args...)
	if s.asUser != "" {
		u, err := user.Lookup(s.asUser)
		if err == nil {
			uid, _ := strconv.Atoi(u.Uid)
			gid, _ := strconv.Atoi(u.Gid)
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
		}
	}
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	return cmd
}

func (s *Server) startPostgres(ctx context.Context) error {
	if s.asUser != "" {
		u, err := user.Lookup(s.asUser)
		if err != nil {
			return fmt.Errorf("PostgreSQL cannot run as root and there is no %q user: %w", s.asUser, err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(s.dir, uid, gid); err != nil {
			return err
		}
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	s.pgPort = port
	data := filepath.Join(s.dir, "data")
	if out, err := s.pgCommand(ctx, "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync").CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v: %s", err, lastLine(out))
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c full_page_writes=off -c synchronous_commit=off", port, s.dir)
	if out, err := s.pgCommand(ctx, "pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(s.dir, "pg.log"), "-w", "start").CombinedOutput(); err != nil {
		return fmt.Errorf("start PostgreSQL: %v: %s", err, lastLine(out))
	}
	if err := s.SQL(ctx, "postgres", "CREATE USER miniflux PASSWORD 'secret'", "CREATE DATABASE miniflux OWNER miniflux"); err != nil {
		return err
	}
	return nil
}

// SQL runs statements with psql as the database superuser.
func (s *Server) SQL(ctx context.Context, db string, statements ...string) error {
	args := []string{"-h", "127.0.0.1", "-p", strconv.Itoa(s.pgPort), "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-q"}
	for _, st := range statements {
		args = append(args, "-c", st)
	}
	out, err := exec.CommandContext(ctx, filepath.Join(s.pgBin, "psql"), args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql: %v: %s", err, lastLine(out))
	}
	return nil
}

// StartMiniflux starts Miniflux (again, after StopMiniflux) on its port.
func (s *Server) StartMiniflux() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mfPort == 0 {
		port, err := freePort()
		if err != nil {
			return err
		}
		s.mfPort = port
		s.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	}
	logf, err := os.OpenFile(filepath.Join(s.dir, "miniflux.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	cmd := exec.Command(s.mfBin)
	cmd.Env = append(os.Environ(),
		fmt.Sprintf("DATABASE_URL=postgres://miniflux:secret@127.0.0.1:%d/miniflux?sslmode=disable", s.pgPort),
		"RUN_MIGRATIONS=1", "CREATE_ADMIN=1", "ADMIN_USERNAME="+adminUser, "ADMIN_PASSWORD="+adminPassword,
		fmt.Sprintf("LISTEN_ADDR=127.0.0.1:%d", s.mfPort), "BASE_URL="+s.URL+"/",
		// The tests serve their feeds from loopback, which Miniflux
		// refuses by default.
		"FETCHER_ALLOW_PRIVATE_NETWORKS=1", "DISABLE_SCHEDULER_SERVICE=1",
		"POLLING_FREQUENCY=100000", "BATCH_SIZE=1", "LOG_LEVEL=warning",
	)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start Miniflux: %w", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s.mf, s.mfLog, s.exited = cmd, logf, exited
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("Miniflux exited at start: %s", lastLine(readTail(filepath.Join(s.dir, "miniflux.log"))))
		default:
		}
		resp, err := http.Get(s.URL + "/healthcheck")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("Miniflux did not answer its health check within 60 s")
}

// StopMiniflux stops Miniflux and waits for it to exit; PostgreSQL stays.
func (s *Server) StopMiniflux() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mf == nil || s.mf.Process == nil {
		return
	}
	s.mf.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.mf.Process.Kill()
		<-s.exited
	}
	// Wait until the port is free so a restart can take it again.
	for i := 0; i < 100; i++ {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.mfPort))
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(20 * time.Millisecond)
	}
	s.mfLog.Close()
	s.mf = nil
}

// Stop stops Miniflux and PostgreSQL and removes the data folder.
func (s *Server) Stop() {
	if s.stopped {
		return
	}
	s.stopped = true
	s.StopMiniflux()
	if s.pgPort != 0 {
		s.pgCommand(context.Background(), "pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop").Run()
	}
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// User is a Miniflux user of its own, so tests do not see each other's
// feeds and marks.
type User struct {
	s        *Server
	ID       int64
	Name     string
	Password string
	APIKey   string
}

// NewUser creates a user with an API key.
func (s *Server) NewUser(tb testing.TB) *User {
	tb.Helper()
	s.mu.Lock()
	s.users++
	name := fmt.Sprintf("reader%d", s.users)
	s.mu.Unlock()
	u := &User{s: s, Name: name, Password: "pw-" + name + "-123456"}
	var created struct {
		ID int64 `json:"id"`
	}
	if err := s.call("POST", "/v1/users", adminUser, adminPassword, map[string]any{"username": name, "password": u.Password}, &created); err != nil {
		tb.Fatalf("create Miniflux user: %v", err)
	}
	u.ID = created.ID
	var key struct {
		Token string `json:"token"`
	}
	if err := s.call("POST", "/v1/api-keys", name, u.Password, map[string]any{"description": "byline test"}, &key); err != nil {
		tb.Fatalf("create API key: %v", err)
	}
	u.APIKey = key.Token
	return u
}

// EnableGoogleReader switches the user's Google Reader API on, with the
// user's own name and password: Miniflux has no API call for it.
func (u *User) EnableGoogleReader(tb testing.TB) {
	tb.Helper()
	q := fmt.Sprintf(`UPDATE integrations SET googlereader_enabled = true, googlereader_username = '%s',
		googlereader_password = (SELECT password FROM users WHERE id = %d) WHERE user_id = %d`, u.Name, u.ID, u.ID)
	if err := u.s.SQL(context.Background(), "miniflux", q); err != nil {
		tb.Fatalf("enable Google Reader API: %v", err)
	}
}

// CreateFeed subscribes the user to feedURL in category (created when
// missing; "" is the default one) and returns the feed's id. Miniflux
// fetches the feed as it subscribes.
func (u *User) CreateFeed(tb testing.TB, feedURL, category string) int64 {
	tb.Helper()
	req := map[string]any{"feed_url": feedURL}
	if category != "" {
		var cat struct {
			ID int64 `json:"id"`
		}
		if err := u.s.call("POST", "/v1/categories", u.Name, u.Password, map[string]any{"title": category}, &cat); err != nil {
			var cats []struct {
				ID    int64  `json:"id"`
				Title string `json:"title"`
			}
			if err2 := u.s.call("GET", "/v1/categories", u.Name, u.Password, nil, &cats); err2 != nil {
				tb.Fatalf("create category: %v", err)
			}
			for _, c := range cats {
				if c.Title == category {
					cat.ID = c.ID
				}
			}
		}
		req["category_id"] = cat.ID
	}
	var out struct {
		FeedID int64 `json:"feed_id"`
	}
	if err := u.s.call("POST", "/v1/feeds", u.Name, u.Password, req, &out); err != nil {
		tb.Fatalf("create feed %s: %v", feedURL, err)
	}
	return out.FeedID
}

// RefreshFeed makes Miniflux fetch a feed now.
func (u *User) RefreshFeed(tb testing.TB, feedID int64) {
	tb.Helper()
	if err := u.s.call("PUT", fmt.Sprintf("/v1/feeds/%d/refresh", feedID), u.Name, u.Password, nil, nil); err != nil {
		tb.Fatalf("refresh feed %d: %v", feedID, err)
	}
}

// Call makes a REST call as the user, for a test to change or read the
// server's state the way another client (a phone) would.
func (u *User) Call(tb testing.TB, method, path string, body, out any) {
	tb.Helper()
	if err := u.s.call(method, path, u.Name, u.Password, body, out); err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
}

func (s *Server) call(method, path, user, password string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		return err
	}
	req.SetBasicAuth(user, password)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(data)))
	}
	if out != nil && len(data) > 0 {
		return json.Unmarshal(data, out)
	}
	return nil
}

func readTail(path string) []byte {
	b, _ := os.ReadFile(path)
	if len(b) > 4096 {
		b = b[len(b)-4096:]
	}
	return b
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
