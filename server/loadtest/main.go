// Command loadtest is a bounded load generator for `plainsight serve`, run
// by hand on loopback (never by `go test`):
//
//	plainsight serve --addr 127.0.0.1:8080 &
//	go run ./server/loadtest -addr 127.0.0.1:8080 -duration 60s
//
// Workers post 2 KB texts to /v1/scan as fast as the server answers
// (closed loop), while other goroutines mix in bad requests at a fixed
// rate: bodies over the size limit (with and without Content-Length),
// malformed JSON, wrong content types, invalid UTF-8 (which must still be
// answered 200), and slow clients that trickle their headers or body. It
// prints sustained requests per second and latency percentiles for the
// valid scans, the answers of every class of request, and the server's
// memory and goroutines before, at the peak and after a settling pause,
// read from its /metrics.
//
// It exits 1 when a valid request got a 5xx or no answer, or when the
// server restarted or stopped answering.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/plainsight/plainsight/server"
)

// Bounds: the run cannot be made longer or wider than this.
const (
	maxDuration = 10 * time.Minute
	maxWorkers  = 256
	maxSlow     = 200
)

type config struct {
	addr      string
	inProcess bool
	duration  time.Duration
	workers   int
	size      int
	badRate   float64
	slow      int
	maxBody   int64
	settle    time.Duration
	warmup    time.Duration
	token     string
	jsonShare float64
	mix       string
}

func main() {
	var c config
	flag.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address of the server under test (loopback only)")
	flag.BoolVar(&c.inProcess, "in-process", false, "start the server inside this process on a free loopback port instead of using -addr (memory figures then include the generator)")
	flag.DurationVar(&c.duration, "duration", 60*time.Second, "how long to send load (at most 10m)")
	flag.IntVar(&c.workers, "workers", 6, "concurrent clients sending valid 2 KB scans (at most 256)")
	flag.IntVar(&c.size, "size", 2048, "bytes per valid text")
	flag.Float64Var(&c.badRate, "bad-rate", 20, "bad requests per second for each kind of bad request")
	flag.IntVar(&c.slow, "slow", 16, "slow clients kept open at once (at most 200)")
	flag.Int64Var(&c.maxBody, "max-body", server.DefaultMaxBodyBytes, "the server's body limit, to size the oversized requests")
	flag.DurationVar(&c.settle, "settle", 30*time.Second, "pause after the load before reading the server's memory again")
	flag.DurationVar(&c.warmup, "warmup", 3*time.Second, "load sent before measuring, not counted")
	flag.Float64Var(&c.jsonShare, "json-share", 0.25, "share of valid scans sent as JSON instead of text/plain")
	flag.StringVar(&c.mix, "mix", "realistic", "texts of the valid scans: realistic, clean or disguised (see makeTexts)")
	flag.Parse()
	c.token = os.Getenv("PLAINSIGHT_TOKEN")
	if c.duration > maxDuration || c.duration <= 0 {
		fatalf("-duration must be in (0, %v]", maxDuration)
	}
	if c.mix != "realistic" && c.mix != "clean" && c.mix != "disguised" {
		fatalf("-mix must be realistic, clean or disguised")
	}
	if c.workers < 1 || c.workers > maxWorkers || c.slow < 0 || c.slow > maxSlow {
		fatalf("-workers must be 1..%d and -slow 0..%d", maxWorkers, maxSlow)
	}
	if c.inProcess {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fatalf("%v", err)
		}
		s := server.New(server.Config{MaxBodyBytes: c.maxBody, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		go s.Serve(context.Background(), ln)
		c.addr = ln.Addr().String()
	}
	if err := loopbackOnly(c.addr); err != nil {
		fatalf("%v", err)
	}
	os.Exit(run(c))
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "loadtest: "+format+"\n", args...)
	os.Exit(2)
}

// loopbackOnly refuses targets that are not on this machine.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", addr, err)
	}
	ips, err := net.LookupIP(host)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", addr, err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("-addr %q is not a loopback address: this load generator only targets 127.0.0.1 or ::1", addr)
		}
	}
	return nil
}

// class is one kind of request with the status it should get.
type class struct {
	name   string
	want   int
	valid  bool // a valid request: any 5xx or transport error is a failure
	mu     sync.Mutex
	codes  map[int]int
	errs   map[string]int
	sent   atomic.Int64
	timing bool
	lat    []time.Duration
}

func newClass(name string, want int, valid bool) *class {
	return &class{name: name, want: want, valid: valid, codes: map[int]int{}, errs: map[string]int{}}
}

func (c *class) record(code int, err error, d time.Duration, measured bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		msg := err.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
		c.errs[msg]++
		return
	}
	c.codes[code]++
	if measured && c.timing && len(c.lat) < 50_000_000 {
		c.lat = append(c.lat, d)
	}
}

type gen struct {
	c        config
	base     string
	client   *http.Client
	texts    [][]byte
	jsons    [][]byte
	measured atomic.Bool
	classes  map[string]*class
}

func run(c config) int {
	g := &gen{
		c:    c,
		base: "http://" + c.addr,
		client: &http.Client{
			Timeout: 60 * time.Second,
			Transport: &http.Transport{
				MaxIdleConns:        c.workers * 2,
				MaxIdleConnsPerHost: c.workers * 2,
				DisableCompression:  true,
				IdleConnTimeout:     90 * time.Second,
			},
		},
		classes: map[string]*class{},
	}
	g.makeTexts()
	for _, cl := range []*class{
		newClass("valid scan 2 KB", 200, true),
		newClass("invalid UTF-8 (text/plain)", 200, true),
		newClass("invalid UTF-8 (text_base64)", 200, true),
		newClass("oversized, Content-Length", 413, false),
		newClass("oversized, chunked", 413, false),
		newClass("malformed JSON", 400, false),
		newClass("wrong content type", 415, false),
		newClass("unknown JSON field", 400, false),
		newClass("slow body (trickled)", 0, false),
		newClass("slow headers (slowloris)", 0, false),
	} {
		g.classes[cl.name] = cl
	}
	g.classes["valid scan 2 KB"].timing = true

	before, err := g.serverStats()
	if err != nil {
		fmt.Fprintf(os.Stderr, "loadtest: the server at %s does not answer /metrics: %v\n", g.base, err)
		return 2
	}
	fmt.Printf("target %s  engine commit: see `git log -1 -- detect`\n", g.base)
	fmt.Printf("load: %v (after %v warm-up), %d workers posting %d-byte %s texts (%.0f%% as JSON), %.0f/s of each bad request kind, %d slow clients; generator GOMAXPROCS %d\n",
		c.duration, c.warmup, c.workers, c.size, c.mix, c.jsonShare*100, c.badRate, c.slow, runtime.GOMAXPROCS(0))

	ctx, cancel := context.WithTimeout(context.Background(), c.warmup+c.duration)
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < c.workers; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); g.validWorker(ctx, i) }(i)
	}
	if c.badRate > 0 {
		for _, name := range []string{"invalid UTF-8 (text/plain)", "invalid UTF-8 (text_base64)", "oversized, Content-Length", "malformed JSON", "wrong content type", "unknown JSON field"} {
			wg.Add(1)
			go func(name string) { defer wg.Done(); g.paced(ctx, name, c.badRate) }(name)
		}
		// Chunked oversized bodies make the server read up to its limit:
		// a few a second are enough to show it copes.
		wg.Add(1)
		go func() { defer wg.Done(); g.paced(ctx, "oversized, chunked", min(c.badRate, 2)) }()
	}
	var slowHeld sync.Map
	for i := 0; i < c.slow; i++ {
		wg.Add(1)
		name := "slow body (trickled)"
		if i%2 == 1 {
			name = "slow headers (slowloris)"
		}
		go func() { defer wg.Done(); g.slowClient(ctx, name, &slowHeld) }()
	}

	// The server's memory, sampled during the run.
	peak := before
	sampleDone := make(chan struct{})
	go func() {
		defer close(sampleDone)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if s, err := g.serverStats(); err == nil {
					peak = peak.max(s)
				}
			}
		}
	}()

	time.Sleep(c.warmup)
	g.measured.Store(true)
	start := time.Now()
	<-ctx.Done()
	elapsed := time.Since(start)
	g.measured.Store(false)
	wg.Wait()
	<-sampleDone
	g.client.CloseIdleConnections()

	// Let the server settle, then read its memory again.
	time.Sleep(c.settle)
	after, err := g.serverStats()
	crashed := err != nil || after.start != before.start
	healthy := g.healthy()

	fail := g.report(elapsed, &slowHeld)
	fmt.Printf("\nserver memory (from /metrics)    before     peak      after %v idle\n", c.settle)
	fmt.Printf("  heap in use               %9s %9s %9s\n", mb(before.heapInuse), mb(peak.heapInuse), mb(after.heapInuse))
	fmt.Printf("  resident set (RSS)        %9s %9s %9s\n", mb(before.rss), mb(peak.rss), mb(after.rss))
	fmt.Printf("  goroutines                %9.0f %9.0f %9.0f\n", before.goroutines, peak.goroutines, after.goroutines)
	fmt.Printf("  open file descriptors     %9.0f %9.0f %9.0f\n", before.fds, peak.fds, after.fds)
	if crashed || !healthy {
		fmt.Printf("FAIL: the server crashed, restarted or stopped answering (metrics error %v, healthy %v)\n", err, healthy)
		fail = true
	} else {
		fmt.Println("server: same process before and after, /healthz 200")
	}
	if fail {
		return 1
	}
	return 0
}

// makeTexts builds 100 texts of about -size bytes, cut at character
// boundaries, in the proportions of -mix:
//
//	realistic: 70 clean English, 10 Russian quoting Latin names (legitimate
//	           mixed script), 10 English with three disguised words, 5 with
//	           zero-width characters, 5 with a styled (mathematical) word;
//	clean:     clean English only;
//	disguised: every a, e and o swapped for its Cyrillic twin (hundreds of
//	           findings per text: the worst case for the engine and for the
//	           size of the answer).
func (g *gen) makeTexts() {
	clean := strings.Repeat("The harbour authority of Port Alden has postponed a decisive vote on a new container terminal after three weeks of protests by fishermen and residents. Officials said the delay would give engineers time to answer questions about dredging, traffic and the salt marsh that borders the proposed site. Critics called it a tactic to wait out the demonstrations, and the chairman insisted that every objection would be answered in writing. ", 12)
	ru := strings.Repeat("Компания Apple представила новый iPhone, а разработчики Linux обсуждают git commit и релиз ядра. Мэр города заявил, что голосование по новому терминалу перенесено на март. ", 20)
	few := strings.NewReplacer("terminal", "tеrminal", "protests", "prоtests", "objection", "оbjection").Replace(clean)
	zw := strings.NewReplacer("terminal", "term\u200binal", "dredging", "dred\u200cging").Replace(clean)
	fancy := strings.Replace(clean, "harbour", "𝐡𝐚𝐫𝐛𝐨𝐮𝐫", 2)
	all := strings.NewReplacer("a", "а", "e", "е", "o", "о").Replace(clean)
	var plan []struct {
		src string
		n   int
	}
	switch g.c.mix {
	case "clean":
		plan = append(plan, struct {
			src string
			n   int
		}{clean, 100})
	case "disguised":
		plan = append(plan, struct {
			src string
			n   int
		}{all, 100})
	default:
		for _, p := range []struct {
			src string
			n   int
		}{{clean, 70}, {ru, 10}, {few, 10}, {zw, 5}, {fancy, 5}} {
			plan = append(plan, p)
		}
	}
	for _, p := range plan {
		for i := 0; i < p.n; i++ {
			off := (i * 97) % max(1, len(p.src)-g.c.size-8)
			t := cutRunes(p.src[off:], g.c.size)
			g.texts = append(g.texts, []byte(t))
			b, _ := json.Marshal(map[string]string{"text": t})
			g.jsons = append(g.jsons, b)
		}
	}
}

// cutRunes returns a prefix of s of at most n bytes that starts and ends
// at character boundaries.
func cutRunes(s string, n int) string {
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func (g *gen) post(ctx context.Context, path, ctype string, body io.Reader, length int64) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", g.base+path, body)
	if err != nil {
		return 0, err
	}
	req.ContentLength = length
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if g.c.token != "" {
		req.Header.Set("Authorization", "Bearer "+g.c.token)
	}
	resp, err := g.client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// validWorker sends valid scans over one keep-alive connection with a
// minimal HTTP/1.1 client: requests are prepared bytes and answers are read
// just far enough to get the status and skip the body. The generator thus
// spends little of the machine's CPU, which it shares with the server.
func (g *gen) validWorker(ctx context.Context, i int) {
	cl := g.classes["valid scan 2 KB"]
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	reqs := make([][]byte, len(g.texts))
	for k := range g.texts {
		ctype, body := "text/plain; charset=utf-8", g.texts[k]
		if rng.Float64() < g.c.jsonShare {
			ctype, body = "application/json", g.jsons[k]
		}
		auth := ""
		if g.c.token != "" {
			auth = "Authorization: Bearer " + g.c.token + "\r\n"
		}
		reqs[k] = append([]byte(fmt.Sprintf("POST /v1/scan HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n", g.c.addr, ctype, auth, len(body))), body...)
	}
	var conn net.Conn
	var br *bufio.Reader
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	stop := context.AfterFunc(ctx, func() {
		if conn != nil {
			conn.SetDeadline(time.Now())
		}
	})
	defer stop()
	for ctx.Err() == nil {
		if conn == nil {
			c, err := net.Dial("tcp", g.c.addr)
			if err != nil {
				if g.measured.Load() {
					cl.sent.Add(1)
					cl.record(0, err, 0, false)
				}
				time.Sleep(10 * time.Millisecond)
				continue
			}
			conn, br = c, bufio.NewReaderSize(c, 64<<10)
		}
		req := reqs[rng.IntN(len(reqs))]
		m := g.measured.Load()
		t0 := time.Now()
		conn.SetDeadline(t0.Add(60 * time.Second))
		code, keep, err := roundTrip(conn, br, req)
		d := time.Since(t0)
		if err != nil || !keep {
			conn.Close()
			conn = nil
		}
		if ctx.Err() != nil && err != nil {
			return // the run ended mid-request
		}
		if m {
			cl.sent.Add(1)
			cl.record(code, err, d, true)
		}
	}
}

// roundTrip writes a prepared request and reads the answer's status,
// skipping its body (Content-Length or chunked).
func roundTrip(c net.Conn, br *bufio.Reader, req []byte) (code int, keep bool, err error) {
	if _, err := c.Write(req); err != nil {
		return 0, false, err
	}
	line, err := br.ReadSlice('\n')
	if err != nil {
		return 0, false, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.1 ")) {
		return 0, false, fmt.Errorf("bad status line %q", line)
	}
	code, err = strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, false, fmt.Errorf("bad status line %q", line)
	}
	length, chunked, keep := -1, false, true
	for {
		h, err := br.ReadSlice('\n')
		if err != nil {
			return 0, false, err
		}
		if len(h) <= 2 {
			break
		}
		name, val, _ := bytes.Cut(h, []byte(":"))
		val = bytes.TrimSpace(val)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			length, _ = strconv.Atoi(string(val))
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(val, []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			keep = !bytes.EqualFold(val, []byte("close"))
		}
	}
	switch {
	case chunked:
		for {
			sz, err := br.ReadSlice('\n')
			if err != nil {
				return 0, false, err
			}
			n, err := strconv.ParseInt(string(bytes.TrimSpace(sz)), 16, 64)
			if err != nil {
				return 0, false, fmt.Errorf("bad chunk size %q", sz)
			}
			if _, err := br.Discard(int(n) + 2); err != nil {
				return 0, false, err
			}
			if n == 0 {
				break
			}
		}
	case length >= 0:
		if _, err := br.Discard(length); err != nil {
			return 0, false, err
		}
	default:
		return code, false, fmt.Errorf("answer without a length")
	}
	return code, keep, nil
}

// paced sends one kind of bad request at a fixed rate.
func (g *gen) paced(ctx context.Context, name string, rate float64) {
	cl := g.classes[name]
	t := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer t.Stop()
	big := bytes.Repeat([]byte("a"), int(g.c.maxBody)+1)
	invalid := append(append([]byte(nil), g.texts[0][:1000]...), 0xff, 0xfe, 0xc3, 0x28)
	invalid = append(invalid, g.texts[1][:1000]...)
	b64, _ := json.Marshal(map[string][]byte{"text_base64": invalid})
	var inflight sync.WaitGroup
	defer inflight.Wait()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		inflight.Add(1)
		go func() {
			defer inflight.Done()
			var code int
			var err error
			switch name {
			case "invalid UTF-8 (text/plain)":
				code, err = g.post(ctx, "/v1/scan", "text/plain", bytes.NewReader(invalid), int64(len(invalid)))
			case "invalid UTF-8 (text_base64)":
				code, err = g.post(ctx, "/v1/clean", "application/json", bytes.NewReader(b64), int64(len(b64)))
			case "oversized, Content-Length":
				code, err = g.post(ctx, "/v1/scan", "text/plain", bytes.NewReader(big), int64(len(big)))
			case "oversized, chunked":
				code, err = g.post(ctx, "/v1/scan", "text/plain", io.MultiReader(bytes.NewReader(big)), -1)
			case "malformed JSON":
				body := []byte(`{"text": "unterminated`)
				code, err = g.post(ctx, "/v1/scan", "application/json", bytes.NewReader(body), int64(len(body)))
			case "wrong content type":
				body := []byte("text=hello")
				code, err = g.post(ctx, "/v1/scan", "application/x-www-form-urlencoded", bytes.NewReader(body), int64(len(body)))
			case "unknown JSON field":
				body := []byte(`{"txt": "hello"}`)
				code, err = g.post(ctx, "/v1/inspect", "application/json", bytes.NewReader(body), int64(len(body)))
			}
			if ctx.Err() != nil && err != nil {
				return
			}
			if g.measured.Load() {
				cl.sent.Add(1)
				// Oversized bodies: the server may answer 413 and close
				// before the whole body is sent; a reset then is expected.
				if err != nil && strings.HasPrefix(name, "oversized") && isReset(err) {
					cl.record(413, nil, 0, false)
					return
				}
				cl.record(code, err, 0, false)
			}
		}()
	}
}

func isReset(err error) bool {
	s := err.Error()
	return strings.Contains(s, "connection reset") || strings.Contains(s, "broken pipe") || errors.Is(err, io.EOF)
}

// slowClient opens a raw connection and trickles a request one byte a
// second until the server closes it; it records how long the server let it
// hold the connection.
func (g *gen) slowClient(ctx context.Context, name string, held *sync.Map) {
	cl := g.classes[name]
	for ctx.Err() == nil {
		c, err := net.Dial("tcp", g.c.addr)
		if err != nil {
			cl.record(0, err, 0, false)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		var head, body string
		if name == "slow headers (slowloris)" {
			head = "POST /v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\n"
			body = strings.Repeat("X-Padding: aaaaaaaa\r\n", 100)
		} else {
			head = "POST /v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 2048\r\n\r\n"
			body = strings.Repeat("a", 2048)
		}
		start := time.Now()
		closed := make(chan struct{})
		go func() {
			defer close(closed)
			r := bufio.NewReader(c)
			io.Copy(io.Discard, r)
		}()
		c.Write([]byte(head))
		cut := false
	loop:
		for i := 0; i < len(body); i++ {
			select {
			case <-closed:
				cut = true
				break loop
			case <-ctx.Done():
				break loop
			case <-time.After(time.Second):
			}
			if _, err := c.Write([]byte{body[i]}); err != nil {
				cut = true
				break
			}
		}
		c.Close()
		<-closed
		if cut && g.measured.Load() {
			cl.sent.Add(1)
			d := time.Since(start)
			cl.record(0, nil, d, false)
			v, _ := held.LoadOrStore(name, &durations{})
			v.(*durations).add(d)
		}
	}
}

type durations struct {
	mu sync.Mutex
	ds []time.Duration
}

func (d *durations) add(x time.Duration) {
	d.mu.Lock()
	d.ds = append(d.ds, x)
	d.mu.Unlock()
}

func (g *gen) report(elapsed time.Duration, held *sync.Map) (fail bool) {
	v := g.classes["valid scan 2 KB"]
	lat := v.lat
	slices.Sort(lat)
	n := len(lat)
	fmt.Printf("\nvalid 2 KB scans: %d answered in %v: %.0f req/s sustained\n", n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds())
	if n > 0 {
		p := func(q float64) time.Duration { return lat[min(n-1, int(q*float64(n)))] }
		fmt.Printf("  latency p50 %v  p90 %v  p99 %v  p99.9 %v  max %v\n",
			p(.5).Round(time.Microsecond), p(.9).Round(time.Microsecond), p(.99).Round(time.Microsecond), p(.999).Round(time.Microsecond), lat[n-1].Round(time.Microsecond))
	}
	fmt.Printf("\n%-30s %8s  %-8s %s\n", "requests", "sent", "expected", "answers")
	names := []string{"valid scan 2 KB", "invalid UTF-8 (text/plain)", "invalid UTF-8 (text_base64)", "oversized, Content-Length", "oversized, chunked", "malformed JSON", "wrong content type", "unknown JSON field", "slow body (trickled)", "slow headers (slowloris)"}
	for _, name := range names {
		cl := g.classes[name]
		var parts []string
		codes := make([]int, 0, len(cl.codes))
		for code := range cl.codes {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			label := strconv.Itoa(code)
			if code == 0 {
				label = "cut off"
			}
			parts = append(parts, fmt.Sprintf("%s×%d", label, cl.codes[code]))
			if cl.valid && code >= 500 {
				fail = true
			}
			if cl.want != 0 && code != cl.want {
				fail = true
			}
		}
		for msg, k := range cl.errs {
			parts = append(parts, fmt.Sprintf("error %q×%d", msg, k))
			if cl.valid {
				fail = true
			}
		}
		want := strconv.Itoa(cl.want)
		if cl.want == 0 {
			want = "cut off"
		}
		extra := ""
		if v, ok := held.Load(name); ok {
			d := v.(*durations)
			d.mu.Lock()
			slices.Sort(d.ds)
			if len(d.ds) > 0 {
				extra = fmt.Sprintf("  (connection held %v median, %v max)", d.ds[len(d.ds)/2].Round(100*time.Millisecond), d.ds[len(d.ds)-1].Round(100*time.Millisecond))
			}
			d.mu.Unlock()
		}
		fmt.Printf("%-30s %8d  %-8s %s%s\n", name, cl.sent.Load(), want, strings.Join(parts, " "), extra)
	}
	if fail {
		fmt.Println("FAIL: a request got an unexpected answer (5xx or no answer for a valid request, or a wrong status)")
	}
	return fail
}

// stats are figures read from the server's /metrics.
type stats struct {
	heapInuse, rss, goroutines, fds float64
	start                           float64
}

func (s stats) max(o stats) stats {
	return stats{max(s.heapInuse, o.heapInuse), max(s.rss, o.rss), max(s.goroutines, o.goroutines), max(s.fds, o.fds), s.start}
}

func (g *gen) serverStats() (stats, error) {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(g.base + "/metrics")
	if err != nil {
		return stats{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return stats{}, fmt.Errorf("/metrics: %s", resp.Status)
	}
	var s stats
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		name, val, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil {
			continue
		}
		switch name {
		case "go_memstats_heap_inuse_bytes":
			s.heapInuse = f
		case "process_resident_memory_bytes":
			s.rss = f
		case "go_goroutines":
			s.goroutines = f
		case "process_open_fds":
			s.fds = f
		case "process_start_time_seconds":
			s.start = f
		}
	}
	return s, sc.Err()
}

func (g *gen) healthy() bool {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(g.base + "/healthz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == 200
}

func mb(b float64) string { return fmt.Sprintf("%.1f MB", b/(1<<20)) }
