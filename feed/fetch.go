package feed

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/net/publicsuffix"
)

// UserAgent is sent with every request, so publishers can see who reads
// them and how to reach us. The command line calls SetVersion at start-up;
// NewFetcher copies the value it holds then.
var UserAgent = userAgent("dev")

// SetVersion puts byline's version into UserAgent.
func SetVersion(version string) { UserAgent = userAgent(version) }

func userAgent(version string) string {
	return "byline/" + version + " (+https://github.com/byline-reader/byline)"
}

// Errors a fetch can end in, for errors.Is. The errors returned carry
// one-line messages meant to be shown as they are ("larger than 10 MB",
// "timed out after 30s"); these sentinels name the kind.
var (
	ErrTooLarge         = errors.New("response too large")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrTimeout          = errors.New("timed out")
	ErrUnsupportedURL   = errors.New("not an http or https address")
	ErrNotHTML          = errors.New("not a web page")
	ErrNoFeed           = errors.New("no feed found")
)

// HTTPError is a response whose status is neither success nor 304.
type HTTPError struct {
	Status int
	URL    string // the address that answered, after redirects
	// RetryAfter is when a 429 or 503 said to ask again (zero when it did
	// not say). Until then the Fetcher sends that host nothing.
	RetryAfter time.Time
	// Held: this request was not sent, because of an earlier answer.
	Held bool
}

func (e *HTTPError) Error() string {
	msg := fmt.Sprintf("HTTP %d", e.Status)
	if text := http.StatusText(e.Status); text != "" {
		msg += " " + text
	}
	if !e.RetryAfter.IsZero() {
		wait := "retry after " + e.RetryAfter.Local().Format(time.TimeOnly)
		if e.Held {
			wait = "not asked again before " + e.RetryAfter.Local().Format(time.TimeOnly)
		}
		msg += " (" + wait + ")"
	}
	return msg
}

// fetchError is a failure told in one line for a reader, keeping its
// causes so that errors.Is still sees ErrTimeout, syscall.ECONNREFUSED and
// the like.
type fetchError struct {
	msg    string
	causes []error
}

func (e *fetchError) Error() string   { return e.msg }
func (e *fetchError) Unwrap() []error { return e.causes }

func fetchFailure(msg string, causes ...error) error { return &fetchError{msg: msg, causes: causes} }

// sizeError says how large is too large; it is ErrTooLarge to errors.Is.
type sizeError struct{ limit int64 }

func (e *sizeError) Error() string        { return "larger than " + sizeText(e.limit) }
func (e *sizeError) Is(target error) bool { return target == ErrTooLarge }

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Defaults for a Fetcher: generous for a slow news site, short enough that
// one dead host does not hold up a refresh.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxRedirects   = 10
	DefaultMaxBody        = 10 << 20
	DefaultPerHost        = 2
	// DefaultMaxRetryWait is the longest a request waits on a host's
	// Retry-After before it is tried again; a host that asks for longer
	// is not asked again by this Fetcher until the time has passed.
	DefaultMaxRetryWait = 30 * time.Second
	// maxRetryAfter bounds what a host may ask for: a date far in the
	// future is a misconfigured server, not a plan.
	maxRetryAfter = 24 * time.Hour
)

// Fetcher gets feeds and pages over HTTP with the limits a reader needs:
// timeouts, a redirect limit, a cap on the decompressed size and at most
// PerHost requests to one host at a time. It is safe for concurrent use;
// set its fields before the first request and leave them afterwards.
type Fetcher struct {
	UserAgent      string
	ConnectTimeout time.Duration // to open the connection, TLS included
	Timeout        time.Duration // the whole request, body included, once a host slot is free
	MaxRedirects   int
	MaxBody        int64 // bytes, after decompression
	PerHost        int   // concurrent requests to one host (host:port)
	MaxRetryWait   time.Duration

	once   sync.Once
	client *http.Client

	mu    sync.Mutex
	hosts map[string]*hostSlots
	// held are the hosts that answered 429 or 503 with a Retry-After,
	// with that answer: nothing is sent to them before its time.
	held map[string]*HTTPError
}

// hostSlots bounds the requests in flight to one host; users counts who
// holds or waits for a slot, so idle hosts are forgotten.
type hostSlots struct {
	sem   chan struct{}
	users int
}

// NewFetcher returns a Fetcher with the default limits and UserAgent.
func NewFetcher() *Fetcher {
	return &Fetcher{
		UserAgent:      UserAgent,
		ConnectTimeout: DefaultConnectTimeout,
		Timeout:        DefaultTimeout,
		MaxRedirects:   DefaultMaxRedirects,
		MaxBody:        DefaultMaxBody,
		PerHost:        DefaultPerHost,
		MaxRetryWait:   DefaultMaxRetryWait,
	}
}

// Response is what a successful Get brought back.
type Response struct {
	URL          string // final URL after redirects
	Status       int
	Body         []byte // decompressed; never more than MaxBody
	ContentType  string
	ETag         string // for the next conditional Get; on 304 the one the caller sent unless the server gave a new one
	LastModified string
	NotModified  bool // 304: Body is empty, the caller keeps what it has
}

// request is what differs between feed, page and discovery fetches.
type request struct {
	accept             string
	etag, lastModified string
	// checkType refuses a response by its Content-Type before its body is
	// read, so a page capture does not download a 10 MB PDF to refuse it.
	checkType func(contentType string) error
	// beforeBody, when set, is called once a response is a success and
	// its body is known to be larger than smallBody, before the rest is
	// read, and may wait (for room to hold the body). The wait counts
	// against neither the request's Timeout nor the host's slots: the
	// host is not what is slow.
	beforeBody func(ctx context.Context) error
}

const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// Get fetches url; etag and lastModified (may be "") make it conditional,
// and a 304 answer comes back as NotModified. Any other status outside 2xx
// is an *HTTPError.
func (f *Fetcher) Get(ctx context.Context, url, etag, lastModified string) (*Response, error) {
	return f.fetch(ctx, url, request{accept: feedAccept, etag: etag, lastModified: lastModified})
}

func (f *Fetcher) init() {
	if f.UserAgent == "" {
		f.UserAgent = UserAgent
	}
	if f.ConnectTimeout <= 0 {
		f.ConnectTimeout = DefaultConnectTimeout
	}
	if f.Timeout <= 0 {
		f.Timeout = DefaultTimeout
	}
	if f.MaxRedirects <= 0 {
		f.MaxRedirects = DefaultMaxRedirects
	}
	if f.MaxBody <= 0 {
		f.MaxBody = DefaultMaxBody
	}
	if f.PerHost <= 0 {
		f.PerHost = DefaultPerHost
	}
	if f.MaxRetryWait < 0 {
		f.MaxRetryWait = 0
	}
	f.held = make(map[string]*HTTPError)
	dialer := &net.Dialer{Timeout: f.ConnectTimeout, KeepAlive: 30 * time.Second}
	// Cookies live as long as the Fetcher: some sites set one and redirect
	// to themselves, looping for a client that forgets it.
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	f.client = &http.Client{
		// The Transport asks for gzip and decompresses it itself; fetch caps
		// what it reads from the decompressed body.
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   f.ConnectTimeout,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   f.PerHost,
			IdleConnTimeout:       90 * time.Second,
			ExpectContinueTimeout: time.Second,
		},
		CheckRedirect: f.checkRedirect,
		Jar:           jar,
	}
	f.hosts = make(map[string]*hostSlots)
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.MaxRedirects {
		return ErrTooManyRedirects
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fetchFailure(fmt.Sprintf("redirected to an unsupported address (%s:)", s), ErrUnsupportedURL)
	}
	return nil
}

// errRequestTimeout is the cause of a request's own deadline, told apart
// from a caller's cancellation.
var errRequestTimeout = errors.New("request timeout")

// fetch gets one address, honouring a host's Retry-After: a request to a
// host that asked to be left alone waits, when the wait is no longer than
// MaxRetryWait, and is then sent (once more at most); otherwise it fails
// at once without being sent, and requests to other hosts go on.
func (f *Fetcher) fetch(ctx context.Context, rawURL string, r request) (*Response, error) {
	f.once.Do(f.init)
	u, err := parseWebURL(rawURL)
	if err != nil {
		return nil, err
	}
	host := strings.ToLower(u.Host)
	for attempt := 0; ; attempt++ {
		if err := f.waitForHost(ctx, host); err != nil {
			return nil, err
		}
		resp, err := f.fetchOnce(ctx, u, r)
		var he *HTTPError
		if attempt == 0 && errors.As(err, &he) && !he.RetryAfter.IsZero() && time.Until(he.RetryAfter) <= f.MaxRetryWait {
			continue
		}
		return resp, err
	}
}

// waitForHost waits out a host's Retry-After when it is short enough,
// and otherwise returns the answer that set it, marked Held.
func (f *Fetcher) waitForHost(ctx context.Context, host string) error {
	f.mu.Lock()
	h := f.held[host]
	if h != nil && !time.Now().Before(h.RetryAfter) {
		delete(f.held, host)
		h = nil
	}
	f.mu.Unlock()
	if h == nil {
		return nil
	}
	wait := time.Until(h.RetryAfter)
	if wait > f.MaxRetryWait {
		held := *h
		held.Held = true
		return &held
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return f.describe(ctx, ctx.Err())
	}
}

// Holds returns the hosts this Fetcher leaves alone, with the status that
// asked it to and until when, so a later run can honour them too.
func (f *Fetcher) Holds() map[string]HTTPError {
	f.once.Do(f.init)
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]HTTPError, len(f.held))
	now := time.Now()
	for host, e := range f.held {
		if e.RetryAfter.After(now) {
			out[host] = *e
		}
	}
	return out
}

// Hold leaves host alone until the time an earlier run was given, as if
// it had answered status with that Retry-After.
func (f *Fetcher) Hold(host string, status int, until time.Time) {
	f.once.Do(f.init)
	f.hold(strings.ToLower(host), &HTTPError{Status: status, URL: "", RetryAfter: until})
}

// hold records a 429 or 503 answer's Retry-After for its host.
func (f *Fetcher) hold(host string, e *HTTPError) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if old := f.held[host]; old == nil || old.RetryAfter.Before(e.RetryAfter) {
		f.held[host] = e
	}
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date,
// bounded by maxRetryAfter; zero when there is none or it is unreadable.
func retryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	var at time.Time
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return time.Time{}
		}
		at = now.Add(time.Duration(min(secs, int64(maxRetryAfter/time.Second))) * time.Second)
	} else if t, err := http.ParseTime(v); err == nil {
		at = t
	} else {
		return time.Time{}
	}
	if at.Before(now) {
		return now
	}
	if at.Sub(now) > maxRetryAfter {
		return now.Add(maxRetryAfter)
	}
	return at
}

func (f *Fetcher) fetchOnce(ctx context.Context, u *url.URL, r request) (*Response, error) {
	host := strings.ToLower(u.Host)
	release, err := f.acquire(ctx, host)
	if err != nil {
		return nil, f.describe(ctx, err)
	}
	defer func() {
		if release != nil {
			release()
		}
	}()

	// The clock starts once a slot is free: waiting behind other requests
	// to the same host is not the host being slow.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	start := time.Now()
	clock := time.AfterFunc(f.Timeout, func() { cancel(errRequestTimeout) })
	defer clock.Stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fetchFailure("not a valid address", ErrUnsupportedURL, err)
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", r.accept)
	if r.etag != "" {
		req.Header.Set("If-None-Match", r.etag)
	}
	if r.lastModified != "" {
		req.Header.Set("If-Modified-Since", r.lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.describe(ctx, err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = r.etag
		}
		if out.LastModified == "" {
			out.LastModified = r.lastModified
		}
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := &HTTPError{Status: resp.StatusCode, URL: out.URL}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			if e.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now()); !e.RetryAfter.IsZero() {
				f.hold(strings.ToLower(resp.Request.URL.Host), e)
			}
		}
		return nil, e
	}
	if r.checkType != nil {
		if err := r.checkType(out.ContentType); err != nil {
			return nil, err
		}
	}
	// A declared length is refused before reading a byte; an undeclared
	// or compressed one is cut off one byte past the limit.
	if resp.ContentLength > f.MaxBody {
		return nil, &sizeError{f.MaxBody}
	}
	var head []byte // what was read to tell a small body from a large one
	if r.beforeBody != nil && resp.ContentLength < 0 {
		small := min(smallBody, f.MaxBody)
		var err error
		if head, err = io.ReadAll(io.LimitReader(resp.Body, small+1)); err != nil {
			return nil, f.describe(ctx, err)
		}
		if int64(len(head)) <= small {
			out.Body = head
			return out, nil
		}
	}
	if r.beforeBody != nil && (len(head) > 0 || resp.ContentLength > smallBody) {
		if !clock.Stop() {
			return nil, f.describe(ctx, context.Cause(ctx))
		}
		spent := time.Since(start)
		release()
		release = nil
		err := r.beforeBody(ctx)
		if err == nil {
			release, err = f.acquire(ctx, host)
		}
		if err != nil {
			return nil, f.describe(ctx, err)
		}
		clock.Reset(f.Timeout - spent)
	}
	body, err := readBody(resp, head, f.MaxBody)
	if err != nil {
		return nil, f.describe(ctx, err)
	}
	if int64(len(body)) > f.MaxBody {
		return nil, &sizeError{f.MaxBody}
	}
	out.Body = body
	return out, nil
}

// smallBody is the size under which a feed is read without waiting for
// room (request.beforeBody): a few of them at once cost little, and most
// feeds are this small.
const smallBody = 256 << 10

// readBody reads at most limit+1 bytes, head (read already) first, in one
// allocation when the length is declared: feeds of several megabytes are
// common.
func readBody(resp *http.Response, head []byte, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength) + bytes.MinRead)
	}
	buf.Write(head)
	_, err := buf.ReadFrom(io.LimitReader(resp.Body, limit+1-int64(len(head))))
	return buf.Bytes(), err
}

// acquire waits for a free slot for host, or for ctx to end.
func (f *Fetcher) acquire(ctx context.Context, host string) (release func(), err error) {
	f.mu.Lock()
	s := f.hosts[host]
	if s == nil {
		s = &hostSlots{sem: make(chan struct{}, f.PerHost)}
		f.hosts[host] = s
	}
	s.users++
	f.mu.Unlock()
	leave := func() {
		f.mu.Lock()
		s.users--
		if s.users == 0 {
			delete(f.hosts, host)
		}
		f.mu.Unlock()
	}
	select {
	case s.sem <- struct{}{}:
		return func() { <-s.sem; leave() }, nil
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
}

// parseWebURL accepts only absolute http and https addresses.
func parseWebURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fetchFailure("not a valid address: "+err.Error(), ErrUnsupportedURL, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fetchFailure(fmt.Sprintf("only http and https addresses can be fetched, not %q", raw), ErrUnsupportedURL)
	case u.Host == "":
		return nil, fetchFailure(fmt.Sprintf("no host in the address %q", raw), ErrUnsupportedURL)
	}
	return u, nil
}

// describe turns what net/http returns ("Get \"https://…\": dial tcp
// 1.2.3.4:443: connect: connection refused") into the line a reader wants
// ("connection refused"), keeping the original for errors.Is.
func (f *Fetcher) describe(ctx context.Context, err error) error {
	if errors.Is(err, ErrTooManyRedirects) {
		return ErrTooManyRedirects
	}
	var fe *fetchError
	if errors.As(err, &fe) {
		return fe
	}
	if cause := context.Cause(ctx); cause == errRequestTimeout {
		return fetchFailure("timed out after "+f.Timeout.String(), ErrTimeout, err)
	} else if cause != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fetchFailure("timed out", ErrTimeout, ctx.Err())
		}
		return fetchFailure("canceled", ctx.Err())
	}

	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		switch {
		case dnsErr.IsNotFound:
			return fetchFailure("no such host: "+dnsErr.Name, err)
		case dnsErr.IsTimeout:
			return fetchFailure("looking up "+dnsErr.Name+" timed out", ErrTimeout, err)
		}
		return fetchFailure("could not look up "+dnsErr.Name+": "+dnsErr.Err, err)
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return fetchFailure("connection refused", err)
	case errors.Is(err, syscall.ECONNRESET):
		return fetchFailure("connection reset by the server", err)
	case errors.Is(err, syscall.EHOSTUNREACH):
		return fetchFailure("host unreachable", err)
	case errors.Is(err, syscall.ENETUNREACH):
		return fetchFailure("network unreachable", err)
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" && opErr.Timeout() {
		return fetchFailure("could not connect within "+f.ConnectTimeout.String(), ErrTimeout, err)
	}

	var unknownCA x509.UnknownAuthorityError
	var wrongHost x509.HostnameError
	var invalidCert x509.CertificateInvalidError
	var notTLS tls.RecordHeaderError
	switch {
	case errors.As(err, &unknownCA):
		return fetchFailure("TLS certificate signed by an unknown authority", err)
	case errors.As(err, &wrongHost):
		return fetchFailure("TLS certificate is not valid for "+wrongHost.Host, err)
	case errors.As(err, &invalidCert):
		if invalidCert.Reason == x509.Expired {
			return fetchFailure("TLS certificate has expired or is not yet valid", err)
		}
		return fetchFailure("TLS certificate is not valid: "+strings.TrimPrefix(invalidCert.Error(), "x509: "), err)
	case errors.As(err, &notTLS):
		return fetchFailure("the server does not speak HTTPS", err)
	}

	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return fetchFailure("timed out", ErrTimeout, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fetchFailure("the server closed the connection before the response was complete", err)
	}
	return fetchFailure(innermost(err), err)
}

// innermost strips the request and socket wrappers off an error for its
// message, the part that says what went wrong.
func innermost(err error) string {
	for {
		var ue *url.Error
		var oe *net.OpError
		switch {
		case errors.As(err, &ue) && ue.Err != nil:
			err = ue.Err
			continue
		case errors.As(err, &oe) && oe.Err != nil:
			err = oe.Err
			continue
		}
		msg := strings.TrimPrefix(err.Error(), "net/http: ")
		return strings.TrimPrefix(msg, "http: ")
	}
}
