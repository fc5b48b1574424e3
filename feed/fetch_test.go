package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testFetcher is a Fetcher with limits short enough for tests.
func testFetcher() *Fetcher {
	f := NewFetcher()
	f.ConnectTimeout = 2 * time.Second
	f.Timeout = 5 * time.Second
	return f
}

// checkOneLine fails when a fetch error reads like Go internals rather
// than a sentence for a reader.
func checkOneLine(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	for _, internal := range []string{"\n", `Get "`, "dial tcp", "net/http", "context deadline", "127.0.0.1"} {
		if strings.Contains(msg, internal) {
			t.Errorf("error %q contains %q", msg, internal)
		}
	}
}

func TestGetSendsHonestUserAgent(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()

	resp, err := testFetcher().Get(context.Background(), srv.URL, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got != UserAgent || !strings.HasPrefix(got, "byline/") {
		t.Errorf("User-Agent %q, want %q", got, UserAgent)
	}
	if want := "byline/1.2.3 (+https://github.com/byline-reader/byline)"; userAgent("1.2.3") != want {
		t.Errorf("User-Agent for 1.2.3 is %q, want %q", userAgent("1.2.3"), want)
	}
	if string(resp.Body) != "<rss/>" || resp.Status != 200 || resp.ContentType != "application/rss+xml" || resp.NotModified {
		t.Errorf("response %+v", resp)
	}
}

func TestGetNotModifiedByETag(t *testing.T) {
	const etag = `"v7"`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	f := testFetcher()

	first, err := f.Get(context.Background(), srv.URL, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.ETag != etag {
		t.Fatalf("first fetch: NotModified %v, ETag %q", first.NotModified, first.ETag)
	}
	again, err := f.Get(context.Background(), srv.URL, first.ETag, first.LastModified)
	if err != nil {
		t.Fatal(err)
	}
	if !again.NotModified || len(again.Body) != 0 || again.Status != 304 || again.ETag != etag {
		t.Errorf("conditional fetch: NotModified %v, status %d, body %q, ETag %q", again.NotModified, again.Status, again.Body, again.ETag)
	}
}

func TestGetNotModifiedByLastModified(t *testing.T) {
	const stamp = "Tue, 05 Mar 2024 08:00:00 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == stamp {
			// Servers often send no validators with a 304.
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", stamp)
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	f := testFetcher()

	first, err := f.Get(context.Background(), srv.URL, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if first.LastModified != stamp {
		t.Fatalf("Last-Modified %q", first.LastModified)
	}
	again, err := f.Get(context.Background(), srv.URL, "", first.LastModified)
	if err != nil {
		t.Fatal(err)
	}
	if !again.NotModified || again.LastModified != stamp {
		t.Errorf("conditional fetch: NotModified %v, LastModified %q (the caller's should be kept)", again.NotModified, again.LastModified)
	}
}

func TestGetFollowsRedirectsAndReportsWhereTheyEnded(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/old", http.RedirectHandler("/middle", http.StatusMovedPermanently))
	mux.Handle("/middle", http.RedirectHandler("/feed.xml", http.StatusFound))
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<rss/>")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	resp, err := testFetcher().Get(context.Background(), srv.URL+"/old", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != srv.URL+"/feed.xml" {
		t.Errorf("URL %q, want the end of the redirects", resp.URL)
	}
}

func TestGetRedirectLoop(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { hits.Add(1); http.Redirect(w, r, "/a", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	_, err := testFetcher().Get(context.Background(), srv.URL+"/a", "", "")
	if !errors.Is(err, ErrTooManyRedirects) || err.Error() != "too many redirects" {
		t.Fatalf("error %v, want too many redirects", err)
	}
	if n := hits.Load(); n != DefaultMaxRedirects+1 {
		t.Errorf("%d requests, want the first and %d redirects", n, DefaultMaxRedirects)
	}
}

func TestGetRefusesRedirectOutOfTheWeb(t *testing.T) {
	srv := httptest.NewServer(http.RedirectHandler("file:///etc/passwd", http.StatusFound))
	defer srv.Close()
	_, err := testFetcher().Get(context.Background(), srv.URL, "", "")
	if !errors.Is(err, ErrUnsupportedURL) || err.Error() != "redirected to an unsupported address (file:)" {
		t.Fatalf("error %v", err)
	}
}

func TestGetRefusesAddressesOutsideTheWeb(t *testing.T) {
	for _, u := range []string{"ftp://example.com/feed", "file:///etc/passwd", "example.com/feed", "http://", "http://a b.example/"} {
		_, err := testFetcher().Get(context.Background(), u, "", "")
		if !errors.Is(err, ErrUnsupportedURL) {
			t.Errorf("%s: error %v, want ErrUnsupportedURL", u, err)
			continue
		}
		checkOneLine(t, err)
	}
}

func TestGetSlowServerTimesOut(t *testing.T) {
	tests := map[string]http.HandlerFunc{
		"no headers": func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		},
		"body trickles": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<rss><channel>"))
			w.(http.Flusher).Flush()
			for {
				select {
				case <-r.Context().Done():
					return
				case <-time.After(20 * time.Millisecond):
					w.Write([]byte(" "))
					w.(http.Flusher).Flush()
				}
			}
		},
	}
	for name, handler := range tests {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(handler)
			defer srv.Close()
			f := testFetcher()
			f.Timeout = 200 * time.Millisecond

			start := time.Now()
			_, err := f.Get(context.Background(), srv.URL, "", "")
			took := time.Since(start)
			if !errors.Is(err, ErrTimeout) || err.Error() != "timed out after 200ms" {
				t.Fatalf("error %v, want timed out after 200ms", err)
			}
			if took > 3*time.Second {
				t.Errorf("returned after %v", took)
			}
		})
	}
}

func TestGetCanceledByCaller(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := testFetcher().Get(ctx, srv.URL, "", "")
	if !errors.Is(err, context.Canceled) || err.Error() != "canceled" {
		t.Fatalf("error %v, want canceled", err)
	}
}

// gzipMember is one gzip stream of 1 MB of zeros, about 1 KB long. Gzip
// streams may follow one another, so repeating it makes a bomb of any
// size without compressing it.
func gzipMember(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bodyServer serves an endless or huge body and reports, once its handler
// has ended, how many bytes it managed to write.
func bodyServer(t *testing.T, header http.Header, chunk []byte, total int64) (srv *httptest.Server, written func() int64) {
	t.Helper()
	done := make(chan int64, 1)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		var sent int64
		defer func() { done <- sent }()
		for sent < total {
			n, err := w.Write(chunk)
			sent += int64(n)
			if err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() int64 {
		select {
		case n := <-done:
			return n
		case <-time.After(10 * time.Second):
			t.Fatal("the server was still writing 10 s after the client gave up")
			return 0
		}
	}
}

func TestGetRefusesGzipBomb(t *testing.T) {
	member := gzipMember(t)
	const members = 100 << 10 // 100 GB decompressed, 100 MB sent
	srv, written := bodyServer(t, http.Header{
		"Content-Type":     {"application/rss+xml"},
		"Content-Encoding": {"gzip"},
	}, member, members*int64(len(member)))

	start := time.Now()
	_, err := testFetcher().Get(context.Background(), srv.URL, "", "")
	if !errors.Is(err, ErrTooLarge) || err.Error() != "larger than 10 MB" {
		t.Fatalf("error %v, want larger than 10 MB", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("refused after %v", took)
	}
	if n := written(); n > 50<<20 {
		t.Errorf("the server sent %d MB of the bomb before the client stopped", n>>20)
	}
}

func TestGetDecompressesGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("<rss version=\"2.0\"/>"))
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes())
	}))
	defer srv.Close()
	resp, err := testFetcher().Get(context.Background(), srv.URL, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != `<rss version="2.0"/>` {
		t.Errorf("body %q", resp.Body)
	}
}

func TestGetRefusesEndlessBody(t *testing.T) {
	// Chunked, no Content-Length: the size shows only while reading.
	srv, written := bodyServer(t, http.Header{"Content-Type": {"application/rss+xml"}},
		bytes.Repeat([]byte("<item>news</item>\n"), 1<<16), 100<<20)

	_, err := testFetcher().Get(context.Background(), srv.URL, "", "")
	if !errors.Is(err, ErrTooLarge) || err.Error() != "larger than 10 MB" {
		t.Fatalf("error %v, want larger than 10 MB", err)
	}
	if n := written(); n >= 100<<20 {
		t.Errorf("the whole %d MB body was sent", n>>20)
	}
}

func TestGetRefusesDeclaredLargeBody(t *testing.T) {
	srv, written := bodyServer(t, http.Header{
		"Content-Type":   {"application/rss+xml"},
		"Content-Length": {strconv.Itoa(200 << 20)},
	}, make([]byte, 64<<10), 200<<20)

	f := testFetcher()
	f.MaxBody = 1 << 20
	_, err := f.Get(context.Background(), srv.URL, "", "")
	if !errors.Is(err, ErrTooLarge) || err.Error() != "larger than 1 MB" {
		t.Fatalf("error %v, want larger than 1 MB", err)
	}
	if n := written(); n > 50<<20 {
		t.Errorf("the server sent %d MB", n>>20)
	}
}

func TestGetHTTPErrors(t *testing.T) {
	tests := []struct {
		status int
		want   string
	}{
		{404, "HTTP 404 Not Found"},
		{500, "HTTP 500 Internal Server Error"},
		{410, "HTTP 410 Gone"},
		{599, "HTTP 599"},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(tt.status)
			w.Write([]byte("<html><body>Oops</body></html>"))
		}))
		_, err := testFetcher().Get(context.Background(), srv.URL+"/feed", "", "")
		srv.Close()
		var he *HTTPError
		if !errors.As(err, &he) {
			t.Errorf("%d: error %v, want *HTTPError", tt.status, err)
			continue
		}
		if he.Status != tt.status || he.URL != srv.URL+"/feed" || err.Error() != tt.want {
			t.Errorf("%d: %+v %q, want %q", tt.status, he, err, tt.want)
		}
	}
}

func TestGetConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = testFetcher().Get(context.Background(), "http://"+addr+"/feed", "", "")
	if err == nil || err.Error() != "connection refused" {
		t.Fatalf("error %v, want connection refused", err)
	}
}

func TestGetConnectTimeout(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	f := testFetcher()
	f.ConnectTimeout = time.Nanosecond // expired before the dial starts
	_, err := f.Get(context.Background(), srv.URL, "", "")
	if !errors.Is(err, ErrTimeout) || err.Error() != "could not connect within 1ns" {
		t.Fatalf("error %v, want could not connect within 1ns", err)
	}
}

func TestGetTLSErrors(t *testing.T) {
	tlsSrv := httptest.NewTLSServer(http.NotFoundHandler())
	defer tlsSrv.Close()
	plain := httptest.NewServer(http.NotFoundHandler())
	defer plain.Close()
	tests := map[string]string{
		tlsSrv.URL: "TLS certificate signed by an unknown authority",
		"https://" + strings.TrimPrefix(plain.URL, "http://"): "server gave HTTP response to HTTPS client",
	}
	for u, want := range tests {
		_, err := testFetcher().Get(context.Background(), u, "", "")
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", u, err, want)
		}
	}
}

func TestGetServerHangsUp(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<rss>"))
			conn.Close()
		}
	}))
	defer srv.Close()
	_, err := testFetcher().Get(context.Background(), srv.URL, "", "")
	if err == nil {
		t.Fatal("no error")
	}
	checkOneLine(t, err)
	if want := "the server closed the connection before the response was complete"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestGetLimitsRequestsPerHost(t *testing.T) {
	var inFlight, most atomic.Int32
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		<-release
		w.Write([]byte("<rss/>"))
	}))
	defer slow.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<rss/>")) }))
	defer other.Close()

	f := testFetcher()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := f.Get(context.Background(), slow.URL, "", ""); err != nil {
				t.Error(err)
			}
		})
	}
	for inFlight.Load() < DefaultPerHost {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // room for a third request, were it let through

	// Another host is not held up by the queue for the busy one.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := f.Get(ctx, other.URL, "", ""); err != nil {
		t.Errorf("another host while the first is busy: %v", err)
	}
	close(release)
	wg.Wait()
	if m := most.Load(); m != DefaultPerHost {
		t.Errorf("at most %d requests at once to one host, want %d", m, DefaultPerHost)
	}
	if n := len(f.hosts); n != 0 {
		t.Errorf("%d idle hosts still tracked", n)
	}
}

func TestGetWaitsOutAShortRetryAfter(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("<rss></rss>"))
	}))
	defer srv.Close()
	f := testFetcher()
	f.MaxRetryWait = 5 * time.Second
	start := time.Now()
	resp, err := f.Get(context.Background(), srv.URL+"/feed", "", "")
	if err != nil || string(resp.Body) != "<rss></rss>" {
		t.Fatalf("Get after a 429 with Retry-After: 1: %v", err)
	}
	if hits.Load() != 2 || time.Since(start) < 900*time.Millisecond {
		t.Errorf("%d requests in %v: want the second sent after the second the host asked for", hits.Load(), time.Since(start))
	}
}

func TestGetHoldsAHostThatAsksForALongWait(t *testing.T) {
	var hits atomic.Int32
	later := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", later.Format(http.TimeFormat))
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer busy.Close()
	calm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	defer calm.Close()

	f := testFetcher()
	f.MaxRetryWait = time.Second
	_, err := f.Get(context.Background(), busy.URL+"/a.xml", "", "")
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 503 || !he.RetryAfter.Equal(later) || he.Held {
		t.Fatalf("first request: %v, want HTTP 503 with the date the host gave", err)
	}
	checkOneLine(t, err)
	_, err = f.Get(context.Background(), busy.URL+"/b.xml", "", "")
	if !errors.As(err, &he) || !he.Held || !strings.Contains(err.Error(), "not asked again before") {
		t.Errorf("second request to the same host: %v, want it held back", err)
	}
	if hits.Load() != 1 {
		t.Errorf("the host was asked %d times, want once", hits.Load())
	}
	if _, err := f.Get(context.Background(), calm.URL+"/feed", "", ""); err != nil {
		t.Errorf("another host is held too: %v", err)
	}
}

func TestRetryAfterForms(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := map[string]time.Time{
		"120":                           now.Add(2 * time.Minute),
		"Sun, 01 Mar 2026 12:05:00 GMT": now.Add(5 * time.Minute),
		"Sun, 01 Mar 2026 11:00:00 GMT": now, // already past: ask again now
		"999999999":                     now.Add(24 * time.Hour),
		"Fri, 01 Jan 2100 00:00:00 GMT": now.Add(24 * time.Hour),
		"-5":                            {},
		"soon":                          {},
		"":                              {},
	}
	for v, want := range tests {
		if got := retryAfter(v, now); !got.Equal(want) {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}
