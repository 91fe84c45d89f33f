package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes r as one indented JSON object followed by a newline. Its
// top-level "suspicious" field answers the one question most callers ask.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(normalized(r))
}

// normalized returns r with empty slices and maps instead of nil ones, so
// that JSON readers see [] and {} rather than null.
func normalized(r *Report) *Report {
	if r.Findings != nil && r.Summary.Counts != nil && r.Summary.Severity != nil && r.Summary.Patterns != nil {
		return r
	}
	c := *r
	if c.Findings == nil {
		c.Findings = []Finding{}
	}
	if c.Summary.Counts == nil {
		c.Summary.Counts = map[Kind]int{}
	}
	if c.Summary.Severity == nil {
		c.Summary.Severity = map[Severity]int{}
	}
	if c.Summary.Patterns == nil {
		c.Summary.Patterns = []string{}
	}
	return &c
}

// Totals sums up a scan of several inputs.
type Totals struct {
	Files        int   `json:"files"`          // inputs scanned
	WithFindings int   `json:"with_findings"`  // inputs with at least one finding
	Findings     int   `json:"findings"`       // findings in all inputs
	Skipped      int   `json:"skipped_binary"` // binary files skipped
	Errors       int   `json:"errors"`         // inputs that could not be read
	Bytes        int64 `json:"bytes"`
}

// BatchWriter streams the JSON object for a scan of several inputs:
//
//	{"reports": [ ...one report per input scanned... ],
//	 "errors": [...], "totals": {...}, "suspicious": true}
//
// Reports are written as they come so that memory does not grow with the
// number of inputs; "suspicious" is true when any report is.
type BatchWriter struct {
	w          *bufio.Writer
	n          int
	suspicious bool
	errs       []FileError
}

// FileError is an input that could not be scanned.
type FileError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// NewBatchWriter starts the object on w.
func NewBatchWriter(w io.Writer) *BatchWriter {
	b := &BatchWriter{w: bufio.NewWriter(w)}
	b.w.WriteString("{\n  \"reports\": [")
	return b
}

// Add writes one report.
func (b *BatchWriter) Add(r *Report) error {
	if r.Suspicious {
		b.suspicious = true
	}
	data, err := json.MarshalIndent(normalized(r), "    ", "  ")
	if err != nil {
		return err
	}
	if b.n > 0 {
		b.w.WriteByte(',')
	}
	b.n++
	b.w.WriteString("\n    ")
	b.w.Write(data)
	return nil
}

// AddEncoded writes one report already encoded as a JSON object (for
// example by WriteJSONL, on another goroutine), so that the costly encoding
// can run in parallel while the reports are written in order.
func (b *BatchWriter) AddEncoded(data []byte, suspicious bool) error {
	if suspicious {
		b.suspicious = true
	}
	if b.n > 0 {
		b.w.WriteByte(',')
	}
	b.n++
	b.w.WriteString("\n    ")
	_, err := b.w.Write(bytes.TrimRight(data, "\n"))
	return err
}

// AddError records an input that could not be scanned.
func (b *BatchWriter) AddError(path string, err error) {
	b.errs = append(b.errs, FileError{path, err.Error()})
}

// Close ends the object with the totals and the overall verdict.
func (b *BatchWriter) Close(t Totals) error {
	if b.n > 0 {
		b.w.WriteString("\n  ")
	}
	b.w.WriteString("],\n")
	errs := b.errs
	if errs == nil {
		errs = []FileError{}
	}
	tail := struct {
		Errors     []FileError `json:"errors"`
		Totals     Totals      `json:"totals"`
		Suspicious bool        `json:"suspicious"`
	}{errs, t, b.suspicious}
	data, err := json.MarshalIndent(tail, "", "  ")
	if err != nil {
		return err
	}
	// Splice the tail's fields into the open object.
	b.w.Write(data[2:])
	b.w.WriteByte('\n')
	return b.w.Flush()
}
