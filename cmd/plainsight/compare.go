package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainsight/plainsight/report"
	"github.com/plainsight/plainsight/uts39"
)

func (a *app) compareCmd() *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "compare A B",
		Short: "Tell whether two strings are confusable, and how",
		Long: `Compare two strings by their UTS #39 skeletons: they are confusable when a
reader could take one for the other. Prints both strings (invisible characters
made visible), their resolved scripts, their skeletons and the kind of
confusability: single-script, mixed-script or whole-script.

Exit codes: 0 confusable, 1 not confusable, 2 usage error.`,
		Example: `  plainsight compare paypal 'pаypаl'      # Cyrillic а: mixed-script, exit 0
  plainsight compare scope 'ѕсоре'        # all Cyrillic: whole-script
  plainsight compare rn m                 # ASCII look-alikes
  plainsight compare --format json apple 'аpple'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usageErr("compare needs two strings, got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			x, y := args[0], args[1]
			cls := uts39.Classify(x, y)
			res := compareResult{
				A:          side(x),
				B:          side(y),
				Confusable: cls != uts39.NotConfusable,
				Class:      cls.String(),
			}
			out := bufio.NewWriter(a.stdout)
			switch format {
			case "json":
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				enc.Encode(res)
			case "text":
				fmt.Fprintf(out, "A         %s\n", report.Visible(x, false))
				fmt.Fprintf(out, "B         %s\n", report.Visible(y, false))
				fmt.Fprintf(out, "scripts   %s | %s\n", res.A.Scripts, res.B.Scripts)
				fmt.Fprintf(out, "skeletons %s | %s\n", report.Visible(res.A.Skeleton, false), report.Visible(res.B.Skeleton, false))
				fmt.Fprintf(out, "result    %s\n", res.Class)
				if res.Confusable && x != y {
					writeDifferences(out, x, y)
				}
			default:
				return usageErr("--format %q: want text or json", format)
			}
			if err := out.Flush(); err != nil {
				return &exitErr{exitError, fmt.Errorf("writing output: %w", err)}
			}
			if !res.Confusable {
				return errFindings
			}
			return nil
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return c
}

type compareSide struct {
	Text     string `json:"text"`
	Skeleton string `json:"skeleton"`
	Scripts  string `json:"resolved_scripts"`
}

type compareResult struct {
	A          compareSide `json:"a"`
	B          compareSide `json:"b"`
	Confusable bool        `json:"confusable"`
	Class      string      `json:"class"`
}

func side(s string) compareSide {
	rs := uts39.ResolvedScripts(s)
	scripts := rs.String()
	if rs.IsEmpty() {
		scripts = "mixed (no single script)"
	}
	return compareSide{Text: s, Skeleton: uts39.Skeleton(s), Scripts: scripts}
}

// writeDifferences lists the characters in which two confusable strings
// of the same length differ, so that the impostor is easy to spot.
func writeDifferences(w io.Writer, x, y string) {
	rx, ry := []rune(x), []rune(y)
	if len(rx) != len(ry) {
		return
	}
	for i := range rx {
		if rx[i] != ry[i] {
			fmt.Fprintf(w, "  at %d: %s U+%04X  vs  %s U+%04X\n", i+1,
				report.VisibleRune(rx[i]), rx[i], report.VisibleRune(ry[i]), ry[i])
		}
	}
}

func (a *app) skeletonCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "skeleton [TEXT|-]",
		Short: "Print the UTS #39 skeleton of a text",
		Long: `Print the skeleton of TEXT (or of standard input with - or no argument): the
string UTS #39 compares to decide confusability. Two strings are confusable
when their skeletons are equal. A skeleton is a comparison key, not a
restoration: it turns "m" into "rn" and "1" into "l". Use 'plainsight clean'
to restore text.`,
		Example: `  plainsight skeleton 'pаypаl'     # paypal
  plainsight skeleton '𝐇𝐞𝐥𝐥𝐨'
  printf 'a\nb\n' | plainsight skeleton -   # one skeleton per line`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErr("skeleton takes one TEXT (quote it if it has spaces), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			out := bufio.NewWriter(a.stdout)
			if len(args) == 1 && args[0] != "-" {
				fmt.Fprintln(out, uts39.Skeleton(args[0]))
			} else {
				br := bufio.NewReaderSize(a.stdin, 64<<10)
				for {
					line, err := readLine(br)
					if len(line) > 0 || err == nil {
						fmt.Fprintln(out, uts39.Skeleton(strings.TrimRight(string(line), "\r")))
					}
					if err != nil {
						if err != io.EOF {
							return &exitErr{exitError, fmt.Errorf("<stdin>: %v", err)}
						}
						break
					}
				}
			}
			if err := out.Flush(); err != nil {
				return &exitErr{exitError, fmt.Errorf("writing output: %w", err)}
			}
			return nil
		},
	}
}
