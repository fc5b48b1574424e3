package ingest

import (
	"net/http"
	"strings"
	"testing"
)

func TestRefreshRemembersAHostsRetryAfter(t *testing.T) {
	st := openLibrary(t)
	site := newPublisher(t)
	site.serve("/busy.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	follow(t, st, site.URL+"/busy.xml")

	first := refresh(t, st, RefreshOptions{})[site.URL+"/busy.xml"]
	if first.Err == nil || !strings.Contains(first.Err.Error(), "HTTP 429") {
		t.Fatalf("first refresh: %v, want the 429", first.Err)
	}
	// A later refresh is a new process with a new Fetcher, as from cron.
	second := refresh(t, st, RefreshOptions{})[site.URL+"/busy.xml"]
	if second.Err == nil || !strings.Contains(second.Err.Error(), "not asked again before") {
		t.Errorf("second refresh: %v, want the host left alone", second.Err)
	}
	if n := site.count("/busy.xml"); n != 1 {
		t.Errorf("the host was asked %d times within its hour, want once", n)
	}
}
