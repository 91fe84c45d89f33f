package detect

import (
	"fmt"
	"io"

	"github.com/plainsight/plainsight/report"
)

func (e *engine) newReport() *report.Report {
	return &report.Report{Mode: e.opts.Mode.String(), Findings: []report.Finding{}}
}

// keep applies the severity and kind filters (Options.MinSeverity,
// Options.Kinds). They apply to what is reported and restored, not to
// what is detected: the detectors, and the block-wide judgement of what a
// block hides, see every finding whatever the caller asked to see.
func (e *engine) keep(f *report.Finding) bool {
	return (e.opts.MinSeverity == 0 || f.Severity >= e.opts.MinSeverity) && !e.kindOff[f.Kind]
}

// Scan reads r to its end in one streaming pass and reports what it finds.
// Memory is bounded by the block size and Options.MaxFindings, whatever the
// size of the input. The error is a read error from r.
func Scan(r io.Reader, opts Options) (*report.Report, error) {
	e := newEngine(opts, nil)
	rep := e.newReport()
	max := opts.MaxFindings
	if max == 0 {
		max = DefaultMaxFindings
	}
	err := e.run(r, func(data []byte, found []report.Finding, order []int32) error {
		for _, k := range order {
			if !e.keep(&found[k]) {
				continue
			}
			if max < 0 || len(rep.Findings) < max {
				e.materialize(data, int(k))
				rep.Findings = append(rep.Findings, found[k])
			} else {
				rep.Summary.Dropped++
			}
		}
		e.sum.countPlain(data, e.base)
		return nil
	})
	e.sum.report(rep)
	return rep, err
}

// Clean restores r into w in one streaming pass: each finding's proposed
// replacement is applied, every other byte is copied as it is. onEdit, when
// not nil, receives each change-log entry in order.
func Clean(w io.Writer, r io.Reader, opts Options, onEdit func(report.Edit) error) (*report.Report, error) {
	e := newEngine(opts, nil)
	rep := e.newReport()
	max := opts.MaxFindings
	if max == 0 {
		max = DefaultMaxFindings
	}
	var written int64
	err := e.run(r, func(data []byte, found []report.Finding, order []int32) error {
		at := 0
		for _, k := range order {
			f := &found[k]
			if !e.keep(f) {
				continue
			}
			stored := max < 0 || len(rep.Findings) < max
			if stored || onEdit != nil && f.Replacement != nil && f.Severity >= report.Warning {
				e.materialize(data, int(k))
			}
			if stored {
				rep.Findings = append(rep.Findings, *f)
			} else {
				rep.Summary.Dropped++
			}
			if f.Replacement == nil {
				continue
			}
			s := int(f.Start.Offset - e.base)
			t := int(f.End.Offset - e.base)
			if s < at {
				continue
			}
			if _, err := w.Write(data[at:s]); err != nil {
				return fmt.Errorf("writing restored text: %w", err)
			}
			if _, err := io.WriteString(w, *f.Replacement); err != nil {
				return fmt.Errorf("writing restored text: %w", err)
			}
			written += int64(s-at) + int64(len(*f.Replacement))
			at = t
			if onEdit != nil {
				if err := onEdit(report.Edit{
					Start: f.Start.Offset, End: f.End.Offset, Line: f.Start.Line, Column: f.Start.Column,
					Original: f.Text, Replacement: *f.Replacement, Kind: f.Kind, Severity: f.Severity, Reason: f.Message,
				}); err != nil {
					return err
				}
			}
		}
		if _, err := w.Write(data[at:]); err != nil {
			return fmt.Errorf("writing restored text: %w", err)
		}
		e.sum.countPlain(data, e.base)
		return nil
	})
	e.sum.report(rep)
	return rep, err
}
