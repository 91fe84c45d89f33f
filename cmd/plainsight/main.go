// Command plainsight reveals text disguised at the character level
// (look-alike letters from other scripts, fancy letters, invisible
// characters, bidi controls, hidden payloads) and restores it.
//
// See docs/cli.md for a tour.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// Asking for SIGPIPE turns a write to a closed pipe into an EPIPE
	// error, so that plainsight can say what happened and exit with its
	// documented code instead of being killed by the signal.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
