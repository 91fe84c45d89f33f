// Command corpuscheck runs the library over JSON Lines corpora built from
// real text (see tools/corpus) and reports what a user would call false
// alarms and misses.
//
//	corpuscheck < clean.jsonl            # {"id","text"}: every finding above info, one per line
//	corpuscheck attack < attacked.jsonl  # {"id","clean","attacked"}: detection and exact restoration
//	corpuscheck dump < any.jsonl         # every report in full, one JSON line per document
//
// dump reads the "text" of a document, else its "attacked" text, and writes
// the whole report (findings at every severity, summary) and the cleaned
// text: diff two dumps to show that a change to the engine's speed left
// its judgements alone.
//
// The last line, on standard error, gives the counts.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/plainsight/plainsight"
	"github.com/plainsight/plainsight/report"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var err error
	switch {
	case len(os.Args) > 1 && os.Args[1] == "attack":
		err = attacks(in, out)
	case len(os.Args) > 1 && os.Args[1] == "dump":
		err = dump(in, out)
	default:
		err = falseAlarms(in, out)
	}
	if err != nil {
		out.Flush()
		fmt.Fprintln(os.Stderr, "corpuscheck:", err)
		os.Exit(2)
	}
}

// suspicious reports whether rep has a finding above info, as the CLI's
// "suspicious" does.
func suspicious(rep *plainsight.Report) bool {
	for _, f := range rep.Findings {
		if f.Severity > report.Info {
			return true
		}
	}
	return false
}

// falseAlarms prints each finding above info in legitimate documents, with
// 50 bytes of context, and counts the documents flagged and changed.
func falseAlarms(in *bufio.Scanner, out io.Writer) error {
	n, flagged, changed := 0, 0, 0
	for in.Scan() {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(in.Bytes(), &d); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		n++
		rep := plainsight.ScanString(d.Text, plainsight.Options{})
		for _, f := range rep.Findings {
			if f.Severity > report.Info {
				a, b := max(0, int(f.Start.Offset)-50), min(len(d.Text), int(f.End.Offset)+50)
				fmt.Fprintf(out, "%s\t%s\t%s\t%q\t%q\t%s\t%q\n", d.ID, f.Kind, f.Severity, f.Text, f.Word, f.Message, d.Text[a:b])
			}
		}
		if suspicious(rep) {
			flagged++
		}
		if plainsight.Clean(d.Text, plainsight.Options{}).Text != d.Text {
			changed++
		}
	}
	fmt.Fprintf(os.Stderr, "docs %d flagged %d changed %d\n", n, flagged, changed)
	return in.Err()
}

// attacks prints each attacked document not restored exactly, at its
// first difference, and counts detection and exact restoration.
func attacks(in *bufio.Scanner, out io.Writer) error {
	n, detected, exact := 0, 0, 0
	for in.Scan() {
		var d struct{ ID, Clean, Attacked string }
		if err := json.Unmarshal(in.Bytes(), &d); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		n++
		flagged := suspicious(plainsight.ScanString(d.Attacked, plainsight.Options{}))
		if flagged {
			detected++
		}
		got := plainsight.Clean(d.Attacked, plainsight.Options{}).Text
		if got == d.Clean {
			exact++
			continue
		}
		i := 0
		for i < len(got) && i < len(d.Clean) && got[i] == d.Clean[i] {
			i++
		}
		a := max(0, i-40)
		fmt.Fprintf(out, "%s\tflagged=%v\tgot=%q\twant=%q\n", d.ID, flagged, got[a:min(len(got), i+40)], d.Clean[a:min(len(d.Clean), i+40)])
	}
	fmt.Fprintf(os.Stderr, "attacked %d detected %d exact %d\n", n, detected, exact)
	return in.Err()
}

// dump writes every document's full report and cleaned text.
func dump(in *bufio.Scanner, out io.Writer) error {
	n := 0
	enc := json.NewEncoder(out)
	for in.Scan() {
		var d struct{ ID, Text, Attacked string }
		if err := json.Unmarshal(in.Bytes(), &d); err != nil {
			return fmt.Errorf("line %d: %w", n+1, err)
		}
		n++
		text := d.Text
		if text == "" {
			text = d.Attacked
		}
		rep := plainsight.ScanString(text, plainsight.Options{MaxFindings: -1})
		cleaned := plainsight.Clean(text, plainsight.Options{})
		if err := enc.Encode(struct {
			ID      string
			Report  *plainsight.Report
			Cleaned string
		}{d.ID, rep, cleaned.Text}); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "docs %d\n", n)
	return in.Err()
}
