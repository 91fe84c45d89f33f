package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plainsight/plainsight/report"
)

func (a *app) kindsCmd() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "kinds",
		Short: "List the finding kinds with their default severity and description",
		Long: `List every kind of finding: the names that --kinds, --skip-kinds, the
configuration file and the SARIF rules use, with their default severity and
what they mean.`,
		Example: `  plainsight kinds
  plainsight kinds --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := bufio.NewWriter(a.stdout)
			switch format {
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				enc.Encode(report.Kinds())
			case "text":
				for _, k := range report.Kinds() {
					fmt.Fprintf(out, "%-22s %-8s %s\n", k.Kind, k.Severity, k.Summary)
				}
			default:
				return usageErr("--format %q: want text or json", format)
			}
			if err := out.Flush(); err != nil {
				return &exitErr{exitError, fmt.Errorf("writing output: %w", err)}
			}
			return nil
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return c
}
