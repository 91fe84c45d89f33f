package main

import (
	"github.com/spf13/cobra"
)

// extraCommands are added to the root command; other files (serve.go)
// append to it in init so that they need not edit this one.
var extraCommands []func() *cobra.Command

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "plainsight",
		Short: "Reveal and restore text disguised at the character level",
		Long: `plainsight finds text disguised with look-alike letters from other scripts,
fancy letters, invisible characters, bidi controls and hidden tag-character
payloads, says exactly where and what, and restores the intended text.

Exit codes: 0 clean, 1 findings at or above --fail-on (compare: not
confusable), 2 usage or I/O error.`,
		Example: `  plainsight scan article.txt
  plainsight scan --format sarif . > plainsight.sarif
  echo 'Belаrus' | plainsight scan --format json -
  plainsight clean article.txt -o article.clean.txt
  plainsight inspect 'pаypal'
  plainsight compare paypal 'pаypal'`,
		Version:       version() + " (Unicode " + unicodeVersion + ")",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetVersionTemplate("plainsight {{.Version}}\n")
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitErr{exitError, err}
	})
	root.CompletionOptions.HiddenDefaultCmd = false
	root.AddCommand(
		a.scanCmd(),
		a.cleanCmd(),
		a.inspectCmd(),
		a.compareCmd(),
		a.skeletonCmd(),
		a.kindsCmd(),
	)
	for _, f := range extraCommands {
		root.AddCommand(f())
	}
	return root
}
