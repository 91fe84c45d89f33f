package detect

import (
	"io"

	"github.com/plainsight/plainsight/report"
)

// Scan reads r to its end and reports what it finds.
//
// INTERIM: the engine is being written; this version only counts bytes so
// that the packages built on the API compile.
func Scan(r io.Reader, opts Options) (*report.Report, error) {
	n, err := io.Copy(io.Discard, r)
	rep := &report.Report{Mode: opts.Mode.String(), Findings: []report.Finding{}}
	rep.Summary.Verdict = report.Clean
	rep.Summary.Bytes = n
	return rep, err
}

// Clean restores r into w, calling onEdit for every change-log entry.
//
// INTERIM: copies the input unchanged until the engine lands.
func Clean(w io.Writer, r io.Reader, opts Options, onEdit func(report.Edit) error) (*report.Report, error) {
	n, err := io.Copy(w, r)
	rep := &report.Report{Mode: opts.Mode.String(), Findings: []report.Finding{}}
	rep.Summary.Verdict = report.Clean
	rep.Summary.Bytes = n
	return rep, err
}
