package minifluxtest

import (
	"net/http"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	StopShared()
	os.Exit(code)
}

// The server starts, serves the REST API to a new user's key, and comes
// back after a stop: what the sync tests rely on.
func TestStartStopRestart(t *testing.T) {
	s := Shared(t)
	u := s.NewUser(t)
	get := func() int {
		req, _ := http.NewRequest("GET", s.URL+"/v1/me", nil)
		req.Header.Set("X-Auth-Token", u.APIKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if c := get(); c != 200 {
		t.Fatalf("GET /v1/me with the new key: %d", c)
	}
	s.StopMiniflux()
	if c := get(); c != 0 {
		t.Fatalf("after StopMiniflux the server still answers %d", c)
	}
	if err := s.StartMiniflux(); err != nil {
		t.Fatal(err)
	}
	if c := get(); c != 200 {
		t.Fatalf("after restart: %d", c)
	}
	u.EnableGoogleReader(t)
}
