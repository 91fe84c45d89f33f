package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// spool keeps a copy of standard input while it is scanned, so that the
// lines with findings can be shown afterwards: in memory up to limit
// bytes, then in a temporary file, so memory stays bounded.
type spool struct {
	buf   bytes.Buffer
	f     *os.File
	limit int
	err   error
}

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return len(p), nil
	}
	if s.f == nil && s.buf.Len()+len(p) > s.limit {
		f, err := os.CreateTemp("", "plainsight-stdin-*")
		if err != nil {
			s.err = err
			return len(p), nil
		}
		os.Remove(f.Name()) // unlinked: it goes away with the process
		if _, err := f.Write(s.buf.Bytes()); err != nil {
			s.err = err
			f.Close()
			return len(p), nil
		}
		s.buf = bytes.Buffer{}
		s.f = f
	}
	if s.f != nil {
		if _, err := s.f.Write(p); err != nil {
			s.err = err
		}
		return len(p), nil
	}
	return s.buf.Write(p)
}

// reader returns the spooled input from its start.
func (s *spool) reader() (io.Reader, bool) {
	if s.err != nil {
		return nil, false
	}
	if s.f != nil {
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			return nil, false
		}
		return s.f, true
	}
	return bytes.NewReader(s.buf.Bytes()), true
}

func (s *spool) close() {
	if s.f != nil {
		s.f.Close()
	}
}

// maxLineKept caps how much of one line is kept for showing a finding.
const maxLineKept = 1 << 20

// collectLines reads r and returns the lines (1-based, without line
// endings) whose numbers are in want.
func collectLines(r io.Reader, want map[int]bool) map[int]string {
	out := make(map[int]string, len(want))
	if len(want) == 0 {
		return out
	}
	last := 0
	for n := range want {
		if n > last {
			last = n
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	var cur []byte
	line := 1
	for line <= last {
		chunk, err := br.ReadSlice('\n')
		if want[line] && len(cur) < maxLineKept {
			cur = append(cur, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if want[line] {
			s := strings.TrimRight(string(cur), "\n")
			out[line] = strings.TrimSuffix(s, "\r")
			cur = cur[:0]
		}
		if err != nil {
			break
		}
		line++
	}
	return out
}

// codeExt lists the file extensions scanned as source code in --mode auto.
var codeExt = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`c h cc cpp cxx hpp hh hxx m mm go rs py pyi rb pl pm php
		java kt kts scala groovy swift cs fs vb js mjs cjs jsx ts tsx vue svelte
		sh bash zsh fish ps1 bat cmd lua r jl dart ex exs erl hrl hs elm clj cljs
		ml mli nim zig v d sql proto graphql gradle cmake mk make tf hcl nix
		json yaml yml toml ini cfg conf xml css scss less sass`) {
		codeExt["."+e] = true
	}
}

// modeFor picks prose or code for a file name in --mode auto.
func modeFor(name string) string {
	base := filepath.Base(name)
	switch base {
	case "Makefile", "Dockerfile", "Jenkinsfile", "Rakefile", "Gemfile", "BUILD", "WORKSPACE", "go.mod", "go.sum":
		return "code"
	}
	if codeExt[strings.ToLower(filepath.Ext(base))] {
		return "code"
	}
	return "prose"
}
