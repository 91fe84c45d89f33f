// Package server is plainsight's HTTP service: a JSON API for pipelines
// under /v1, health and readiness probes, Prometheus metrics, an OpenAPI
// description, and the web inspector (an embedded page that works offline).
//
// The service is a thin layer over package plainsight. It is meant to be
// safe to run on a shared network: it listens on loopback unless told
// otherwise, bounds body sizes, time and concurrent work, answers every
// error with JSON that says what went wrong, and can require a bearer token
// on the API.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

// Defaults for Config's zero fields.
const (
	DefaultAddr              = "127.0.0.1:8080"
	DefaultMaxBodyBytes      = 2 << 20
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultReadTimeout       = 30 * time.Second
	DefaultWriteTimeout      = 60 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
	DefaultQueueWait         = 500 * time.Millisecond
	DefaultShutdownTimeout   = 30 * time.Second
	DefaultMaxConns          = 1024
	DefaultMaxInspectRows    = 20000
	DefaultIdleFree          = 10 * time.Second
)

// Config configures a Server. The zero value is usable: every zero field
// takes its default.
type Config struct {
	// Addr is the address Run listens on. Default 127.0.0.1:8080: the
	// service is reachable from other machines only when asked.
	Addr string
	// Token, when not empty, is the bearer token every /v1 request must
	// carry ("Authorization: Bearer <token>"). See LoadToken.
	Token string
	// MaxBodyBytes bounds a request body; larger bodies get 413.
	MaxBodyBytes int64
	// MaxInFlightBytes bounds the bytes of text being scanned at once.
	// A scan's memory grows with its findings (a megabyte of text where
	// every other letter is disguised needs over a hundred megabytes for
	// its report, change log and answer), so large texts take turns while
	// small ones pass. Default 2 × MaxBodyBytes.
	MaxInFlightBytes int64
	// MaxConcurrent bounds the scans running at once. A request waits up to
	// QueueWait for a slot and otherwise gets 503 with Retry-After.
	// Default 4 × GOMAXPROCS (at least 8).
	MaxConcurrent int
	QueueWait     time.Duration
	// MaxConns bounds open connections (Run only; excess connections wait
	// in the kernel's accept queue).
	MaxConns int
	// Timeouts of the http.Server that Run starts. ReadTimeout bounds the
	// whole request including its body, so a client that trickles its body
	// cannot hold a connection.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	// ShutdownTimeout bounds how long Run waits for requests in flight
	// once its context is cancelled.
	ShutdownTimeout time.Duration
	// MaxInspectRows caps the per-character rows of /v1/inspect.
	MaxInspectRows int
	// IdleFree is how long Serve waits after the last request before it
	// returns freed memory to the operating system, so that a server's
	// footprint goes back to its baseline after a burst. Default 10s;
	// negative: never.
	IdleFree time.Duration
	// Logger receives start, stop and server-error messages. Default:
	// slog's default logger.
	Logger *slog.Logger
}

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxInFlightBytes < c.MaxBodyBytes {
		c.MaxInFlightBytes = 2 * c.MaxBodyBytes
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = max(8, 4*runtime.GOMAXPROCS(0))
	}
	if c.QueueWait <= 0 {
		c.QueueWait = DefaultQueueWait
	}
	if c.MaxConns <= 0 {
		c.MaxConns = DefaultMaxConns
	}
	if c.ReadHeaderTimeout <= 0 {
		c.ReadHeaderTimeout = DefaultReadHeaderTimeout
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = DefaultReadTimeout
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = DefaultWriteTimeout
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.MaxInspectRows <= 0 {
		c.MaxInspectRows = DefaultMaxInspectRows
	}
	if c.IdleFree == 0 {
		c.IdleFree = DefaultIdleFree
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// LoadToken returns the API token: the first line of file when file is not
// empty, else the environment variable PLAINSIGHT_TOKEN. An empty result
// means the API is open.
func LoadToken(file string) (string, error) {
	if file == "" {
		return strings.TrimSpace(os.Getenv("PLAINSIGHT_TOKEN")), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("reading the API token: %w", err)
	}
	tok, _, _ := strings.Cut(string(b), "\n")
	tok = strings.TrimSpace(tok)
	if tok == "" {
		return "", fmt.Errorf("token file %s is empty: put the token on its first line, or leave out --token-file to run without one", file)
	}
	return tok, nil
}

// Server is the HTTP handler of the service.
type Server struct {
	cfg      Config
	mux      map[string]*route
	sem      chan struct{}
	bytes    *semaphore.Weighted
	metrics  *metrics
	auth     *bearer
	draining atomic.Bool
	// busy is set by every request and cleared by the idle watcher.
	busy atomic.Bool
	// localOnly is set by Serve on a loopback listener: requests must then
	// name this machine in their Host header (see hostAllowed).
	localOnly atomic.Bool
}

// New returns a Server for cfg. It is an http.Handler; Run and Serve also
// start an http.Server with the configured limits.
func New(cfg Config) *Server {
	cfg = cfg.withDefaults()
	s := &Server{
		cfg:     cfg,
		sem:     make(chan struct{}, cfg.MaxConcurrent),
		bytes:   semaphore.NewWeighted(cfg.MaxInFlightBytes),
		metrics: newMetrics(),
	}
	if cfg.Token != "" {
		s.auth = newBearer(cfg.Token)
	}
	s.mux = s.routes()
	return s
}

// Run listens on cfg.Addr and serves until ctx is cancelled (the serve
// command cancels it on SIGINT and SIGTERM), then stops accepting
// connections and waits for requests in flight.
func Run(ctx context.Context, cfg Config) error {
	s := New(cfg)
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w (is another server running there? choose another address with --addr)", s.cfg.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully:
// /readyz turns 503, no new connections are accepted, and requests in
// flight finish (for at most ShutdownTimeout).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		s.localOnly.Store(true)
	}
	ln = limitListener(ln, s.cfg.MaxConns)
	s.cfg.Logger.Info("plainsight serving", "url", "http://"+ln.Addr().String()+"/", "auth", s.auth != nil)

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if s.cfg.IdleFree > 0 {
		go s.freeWhenIdle(ctx)
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.cfg.Logger.Info("plainsight shutting down: finishing requests in flight", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	s.cfg.Logger.Info("plainsight stopped")
	return nil
}

// freeWhenIdle returns memory to the operating system once requests have
// stopped for IdleFree. The runtime would do it by itself, but only after
// minutes; a service that has just absorbed a burst should shrink back soon.
func (s *Server) freeWhenIdle(ctx context.Context) {
	t := time.NewTicker(s.cfg.IdleFree)
	defer t.Stop()
	dirty := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if s.busy.Swap(false) {
			dirty = true // requests came in this period: wait for a quiet one
			continue
		}
		if dirty {
			debug.FreeOSMemory()
			dirty = false
		}
	}
}
