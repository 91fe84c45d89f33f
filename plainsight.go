package plainsight

import (
	"io"

	"github.com/plainsight/plainsight/detect"
	"github.com/plainsight/plainsight/report"
	"github.com/plainsight/plainsight/uts39"
)

// Options configure scanning and restoration; see detect.Options.
type Options = detect.Options

// Mode is prose or source code; see detect.Mode.
type Mode = detect.Mode

// The modes.
const (
	Prose = detect.Prose
	Code  = detect.Code
)

// Report is the result of a scan; see package report.
type Report = report.Report

// Scan reads r to its end in one streaming pass with bounded memory and
// reports every disguise it finds. The error is an I/O error from r; bad
// input (invalid UTF-8, binary data) is reported as findings.
func Scan(r io.Reader, opts Options) (*Report, error) {
	return detect.Scan(r, opts)
}

// ScanString scans s.
func ScanString(s string, opts Options) *Report {
	rep, _ := detect.Scan(stringReader(s), opts)
	return rep
}

// ScanBytes scans b.
func ScanBytes(b []byte, opts Options) *Report {
	rep, _ := detect.Scan(bytesReader(b), opts)
	return rep
}

// Result is a restoration: the restored text, its change log and the scan
// report it was derived from.
type Result struct {
	Text   string        `json:"text"`
	Edits  []report.Edit `json:"edits"`
	Report *Report       `json:"report"`
}

// Clean restores s: every disguise the scanner found is undone, everything
// else is kept byte for byte. report.ApplyEdits(s, Edits) gives Text and
// report.RevertEdits(Text, Edits) gives s back.
func Clean(s string, opts Options) Result {
	var out stringsBuilder
	var edits []report.Edit
	rep, _ := detect.Clean(&out, stringReader(s), opts, func(e report.Edit) error {
		edits = append(edits, e)
		return nil
	})
	return Result{Text: out.String(), Edits: edits, Report: rep}
}

// CleanStream restores r into w in one streaming pass with bounded memory.
// onEdit, when not nil, receives every change-log entry in order; an error
// from it stops the restoration.
func CleanStream(w io.Writer, r io.Reader, opts Options, onEdit func(report.Edit) error) (*Report, error) {
	return detect.Clean(w, r, opts, onEdit)
}

// Skeleton returns the UTS #39 skeleton of s: two strings that look alike
// have the same skeleton. It is for comparing strings, never for restoring
// them (Clean does that, in context).
func Skeleton(s string) string { return uts39.Skeleton(s) }

// Confusable reports whether a and b look alike: their skeletons are equal
// and they are not the same string.
func Confusable(a, b string) bool { return uts39.Confusable(a, b) }

// Confusability classifies a confusable pair (UTS #39 §4).
type Confusability = uts39.Confusability

// Classify says whether a and b are single-script, mixed-script or
// whole-script confusables, or not confusable.
func Classify(a, b string) Confusability { return uts39.Classify(a, b) }
