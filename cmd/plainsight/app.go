package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
)

// Exit codes, as documented in docs/cli.md.
const (
	exitClean    = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on (compare: not confusable)
	exitError    = 2 // usage error, unreadable input, unwritable output
)

// unicodeVersion is the Unicode release whose data plainsight uses.
const unicodeVersion = "17.0.0"

// app is what a command needs from the process: its streams and
// environment. Tests build one around buffers.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	inTTY          bool
	outTTY, errTTY bool
	getenv         func(string) string
}

// exitErr carries an exit code; err, when not nil, is printed.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitErr) Unwrap() error { return e.err }

// usageErr marks a mistake in the command line.
func usageErr(format string, args ...any) error {
	return &exitErr{exitError, fmt.Errorf(format, args...)}
}

// findings is the silent "exit 1".
var errFindings = &exitErr{code: exitFindings}

// run is the whole program: it parses args, runs the command and returns
// the exit code. Tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		inTTY:  isTerminal(stdin),
		outTTY: isTerminal(stdout),
		errTTY: isTerminal(stderr),
		getenv: os.Getenv,
	}
	return a.run(args)
}

func (a *app) run(args []string) int {
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitClean
	}
	var ee *exitErr
	code := exitError
	if errors.As(err, &ee) {
		code = ee.code
		err = ee.err
	}
	if err != nil {
		if errors.Is(err, syscall.EPIPE) {
			fmt.Fprintln(a.stderr, "plainsight: output closed before everything was written (broken pipe)")
			return exitError
		}
		msg := err.Error()
		fmt.Fprintf(a.stderr, "plainsight: %s\n", msg)
		if strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand") {
			fmt.Fprintln(a.stderr, "Run 'plainsight --help' for usage.")
		}
	}
	return code
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// versionOverride pins the version in golden tests.
var versionOverride string

// version is the module version when built with go install, or the VCS
// revision, or "devel".
func version() string {
	if versionOverride != "" {
		return versionOverride
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += "+" + s.Value[:12]
			}
		}
	}
	return v
}

// colorOn decides whether to colour output going to a terminal-ish
// stream: "always", "never", or "auto" (a terminal, NO_COLOR unset, TERM
// not dumb).
func (a *app) colorOn(mode string, tty bool) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return tty && a.getenv("NO_COLOR") == "" && a.getenv("TERM") != "dumb", nil
	}
	return false, usageErr("--color %q: want auto, always or never", mode)
}
