package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress shows a one-line count of the work done on standard error, and
// only when that is a terminal, --quiet is not set, and the job has run
// for a while: short jobs and pipelines see nothing.
type progress struct {
	a       *app
	mu      sync.Mutex
	files   int
	read    atomic.Int64 // bytes read so far, as they are read
	found   int
	start   time.Time
	done    chan struct{}
	stopped bool
	shown   bool
	wg      sync.WaitGroup
}

const progressDelay = 700 * time.Millisecond

func (a *app) newProgress(quiet bool) *progress {
	p := &progress{a: a, start: time.Now(), done: make(chan struct{})}
	if quiet || !a.errTTY {
		p.stopped = true
		return p
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				return
			case now := <-t.C:
				if now.Sub(p.start) < progressDelay {
					continue
				}
				p.mu.Lock()
				p.shown = true
				mb := float64(p.read.Load()) / (1 << 20)
				rate := mb / now.Sub(p.start).Seconds()
				fmt.Fprintf(p.a.stderr, "\r\x1b[Kscanning: %d files, %.1f MiB (%.0f MiB/s), %d findings", p.files, mb, rate, p.found)
				p.mu.Unlock()
			}
		}
	}()
	return p
}

func (p *progress) add(r result) {
	if p.stopped {
		return
	}
	p.mu.Lock()
	p.files++
	if r.rep != nil {
		p.found += findingCount(r.rep)
	}
	p.mu.Unlock()
}

// around runs write, which prints to standard output, with the progress
// line cleared first, so that on a shared terminal the diagnostics never
// tangle with it; the next tick draws it again below them.
func (p *progress) around(write func()) {
	if p.stopped {
		write()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.a.stderr, "\r\x1b[K")
		p.shown = false
	}
	write()
}

// stop ends the line so that the output that follows starts clean.
func (p *progress) stop() {
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return
	}
	p.stopped = true
	p.mu.Unlock()
	close(p.done)
	p.wg.Wait()
	if p.shown {
		fmt.Fprint(p.a.stderr, "\r\x1b[K")
	}
}

// reader counts what r reads towards the progress line, so that a single
// large input shows progress too.
func (p *progress) reader(r io.Reader) io.Reader {
	if p == nil || p.stopped {
		return r
	}
	return &countingReader{r, &p.read}
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}
