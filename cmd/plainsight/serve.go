package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/plainsight/plainsight/server"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

func newServeCmd() *cobra.Command {
	var (
		cfg       server.Config
		tokenFile string
		gcPercent int
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the HTTP API and the web inspector",
		Long: `serve runs plainsight as an HTTP service: a JSON API under /v1 (scan, clean,
inspect, compare), /healthz, /readyz, Prometheus /metrics, /openapi.json, and
the web inspector at /, a page that works offline and sends text only to this
server.

It listens on 127.0.0.1 unless --addr says otherwise. When --token-file or
the environment variable PLAINSIGHT_TOKEN gives a token, every /v1 request
must carry "Authorization: Bearer <token>". SIGINT or SIGTERM stops
accepting connections and finishes the requests in flight.`,
		Example: `  plainsight serve
  plainsight serve --addr 0.0.0.0:8080 --token-file /run/secrets/plainsight-token
  curl -s --data-binary @article.txt -H 'Content-Type: text/plain' http://127.0.0.1:8080/v1/scan`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tok, err := server.LoadToken(tokenFile)
			if err != nil {
				return err
			}
			cfg.Token = tok
			// Each scan allocates its working buffers afresh; collecting
			// less often buys about 40% more scans a second on small
			// texts for a few more megabytes of heap.
			if os.Getenv("GOGC") == "" && gcPercent > 0 {
				debug.SetGCPercent(gcPercent)
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return server.Run(ctx, cfg)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Addr, "addr", server.DefaultAddr, "address to listen on (host:port); the default is reachable from this machine only")
	f.StringVar(&tokenFile, "token-file", "", "file whose first line is the bearer token required on /v1 (default: $PLAINSIGHT_TOKEN; none: open API)")
	f.Int64Var(&cfg.MaxBodyBytes, "max-body", server.DefaultMaxBodyBytes, "largest request body in bytes; larger ones get 413")
	f.Int64Var(&cfg.MaxInFlightBytes, "max-inflight-bytes", 0, "bytes of text scanned at once at most (default 2 × --max-body): large texts take turns, small ones pass")
	f.IntVar(&cfg.MaxConcurrent, "max-concurrent", 0, "scans running at once (default 4 × CPUs, at least 8); beyond it requests wait --queue-wait, then get 503")
	f.DurationVar(&cfg.QueueWait, "queue-wait", server.DefaultQueueWait, "how long a request waits for a free scan slot before 503")
	f.IntVar(&cfg.MaxConns, "max-conns", server.DefaultMaxConns, "open connections at most")
	f.DurationVar(&cfg.ReadHeaderTimeout, "read-header-timeout", server.DefaultReadHeaderTimeout, "time a client has to send the request headers")
	f.DurationVar(&cfg.ReadTimeout, "read-timeout", server.DefaultReadTimeout, "time a client has to send the whole request")
	f.DurationVar(&cfg.WriteTimeout, "write-timeout", server.DefaultWriteTimeout, "time to handle a request and write the answer")
	f.DurationVar(&cfg.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "how long an idle keep-alive connection stays open")
	f.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout, "how long shutdown waits for requests in flight")
	f.IntVar(&gcPercent, "gc-percent", 400, "garbage collector target percentage when $GOGC is not set (higher: more throughput, more memory)")
	return cmd
}
