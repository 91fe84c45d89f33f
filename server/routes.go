package server

import (
	"context"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// route is one path of the service. A path answers one set of methods;
// others get 405 with an Allow header, in JSON like every other error.
type route struct {
	path    string
	methods []string // the first one is the route's main method
	api     bool     // under /v1: token-protected, counted as work
	h       http.HandlerFunc
}

func (s *Server) routes() map[string]*route {
	rs := []*route{
		{path: "/v1/scan", methods: []string{http.MethodPost}, api: true, h: s.handleScan},
		{path: "/v1/clean", methods: []string{http.MethodPost}, api: true, h: s.handleClean},
		{path: "/v1/inspect", methods: []string{http.MethodPost}, api: true, h: s.handleInspect},
		{path: "/v1/compare", methods: []string{http.MethodPost}, api: true, h: s.handleCompare},
		{path: "/v1/kinds", methods: []string{http.MethodGet, http.MethodHead}, api: true, h: s.handleKinds},
		{path: "/healthz", methods: []string{http.MethodGet, http.MethodHead}, h: s.handleHealth},
		{path: "/readyz", methods: []string{http.MethodGet, http.MethodHead}, h: s.handleReady},
		{path: "/metrics", methods: []string{http.MethodGet, http.MethodHead}, h: s.metrics.handler().ServeHTTP},
		{path: "/openapi.json", methods: []string{http.MethodGet, http.MethodHead}, h: handleOpenAPI},
		{path: "/", methods: []string{http.MethodGet, http.MethodHead}, h: handleAsset},
		{path: "/app.js", methods: []string{http.MethodGet, http.MethodHead}, h: handleAsset},
		{path: "/app.css", methods: []string{http.MethodGet, http.MethodHead}, h: handleAsset},
		{path: "/favicon.svg", methods: []string{http.MethodGet, http.MethodHead}, h: handleAsset},
	}
	m := make(map[string]*route, len(rs))
	for _, r := range rs {
		m[r.path] = r
	}
	return m
}

// Routes lists the service's paths and methods, sorted, for tests and
// documentation.
func (s *Server) Routes() map[string][]string {
	out := make(map[string][]string, len(s.mux))
	for p, r := range s.mux {
		ms := append([]string(nil), r.methods...)
		sort.Strings(ms)
		out[p] = ms
	}
	return out
}

// statusWriter remembers the status code for the metrics.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// ServeHTTP routes a request, applying the security headers, the token
// check and the metrics common to every route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")

	rt := s.mux[r.URL.Path]
	label := "other"
	if rt != nil {
		label = rt.path
		// Probes and scrapes do not count as work for freeWhenIdle; a
		// request counts when it starts and when it ends, so that a long
		// one is not taken for a quiet period.
		if rt.api {
			s.markBusy()
			defer s.markBusy()
		}
	}
	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		code := sw.code
		if code == 0 {
			code = http.StatusOK
		}
		s.metrics.observe(label, r.Method, code, time.Since(start))
	}()

	if s.localOnly.Load() && !hostAllowed(r.Host) {
		writeError(sw, http.StatusMisdirectedRequest, "host_not_allowed", "this server listens on loopback and answers only requests for localhost or an IP address, not "+strconv.Quote(r.Host)+" (a guard against DNS rebinding)")
		return
	}
	if rt == nil {
		writeError(sw, http.StatusNotFound, "not_found", "no such path: "+r.URL.Path+"; see /openapi.json for the API")
		return
	}
	if !allowed(rt.methods, r.Method) {
		sw.Header().Set("Allow", strings.Join(rt.methods, ", "))
		writeError(sw, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on "+rt.path+"; use "+strings.Join(rt.methods, " or "))
		return
	}
	if rt.api && s.auth != nil && !s.auth.check(r) {
		sw.Header().Set("WWW-Authenticate", `Bearer realm="plainsight"`)
		writeError(sw, http.StatusUnauthorized, "unauthorized", "this server requires a bearer token on /v1: send the header \"Authorization: Bearer <token>\"")
		return
	}
	rt.h(sw, r)
}

// hostAllowed reports whether a Host header names this machine: localhost,
// a name under .localhost, or an IP address. A web page from elsewhere
// whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own
// name and is refused, so it cannot read the server's answers.
func hostAllowed(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")
	return h == "localhost" || strings.HasSuffix(h, ".localhost") || net.ParseIP(h) != nil
}

func (s *Server) markBusy() {
	if !s.busy.Load() {
		s.busy.Store(true)
	}
}

func allowed(methods []string, m string) bool {
	for _, x := range methods {
		if x == m {
			return true
		}
	}
	return false
}

// acquire takes a work slot and n bytes of the in-flight budget, waiting
// up to QueueWait for both. When it fails it has already answered 503 with
// Retry-After.
func (s *Server) acquire(w http.ResponseWriter, r *http.Request, n int) (release func(), ok bool) {
	weight := min(max(int64(n), 1), s.cfg.MaxInFlightBytes)
	select {
	case s.sem <- struct{}{}:
		if s.bytes.TryAcquire(weight) {
			return func() { s.bytes.Release(weight); <-s.sem }, true
		}
	default:
		t := time.NewTimer(s.cfg.QueueWait)
		defer t.Stop()
		select {
		case s.sem <- struct{}{}:
		case <-t.C:
			return nil, s.overloaded(w)
		case <-r.Context().Done():
			return nil, s.overloaded(w)
		}
	}
	// Holding a slot, wait for the bytes (what is left of QueueWait).
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueueWait)
	defer cancel()
	if err := s.bytes.Acquire(ctx, weight); err != nil {
		<-s.sem
		return nil, s.overloaded(w)
	}
	return func() { s.bytes.Release(weight); <-s.sem }, true
}

func (s *Server) overloaded(w http.ResponseWriter) bool {
	s.metrics.rejected.WithLabelValues("overloaded").Inc()
	retry := int(s.cfg.QueueWait/time.Second) + 1
	w.Header().Set("Retry-After", strconv.Itoa(retry))
	writeError(w, http.StatusServiceUnavailable, "overloaded", "the server is busy ("+strconv.Itoa(cap(s.sem))+" scans at once, "+strconv.FormatInt(s.cfg.MaxInFlightBytes, 10)+" bytes of text in flight at most); retry after "+strconv.Itoa(retry)+" s")
	return false
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeError(w, http.StatusServiceUnavailable, "shutting_down", "the server is shutting down")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
