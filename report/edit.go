package report

import (
	"bytes"
	"fmt"
)

// Edit is one entry of a restoration's change log: the bytes
// [Start, End) of the input were replaced by Replacement.
type Edit struct {
	Start       int64    `json:"start"` // byte offset in the input
	End         int64    `json:"end"`   // exclusive
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Original    string   `json:"original"`
	Replacement string   `json:"replacement"`
	Kind        Kind     `json:"kind"`
	Severity    Severity `json:"severity"`
	Reason      string   `json:"reason"`
}

// CheckEdits verifies that a change log is ordered and free of overlaps,
// and that it fits an input of n bytes.
func CheckEdits(edits []Edit, n int64) error {
	var prev int64
	for i, e := range edits {
		if e.Start < prev || e.End < e.Start || e.End > n {
			return fmt.Errorf("change log entry %d [%d,%d) is out of order, overlaps the previous one or lies outside the %d-byte input", i, e.Start, e.End, n)
		}
		if e.End-e.Start != int64(len(e.Original)) {
			return fmt.Errorf("change log entry %d [%d,%d) spans %d bytes but its original text has %d", i, e.Start, e.End, e.End-e.Start, len(e.Original))
		}
		prev = e.End
	}
	return nil
}

// ApplyEdits applies a change log to the input it was made from and returns
// the restored text. It checks that each entry's original text is what the
// input holds at that place.
func ApplyEdits(input []byte, edits []Edit) ([]byte, error) {
	if err := CheckEdits(edits, int64(len(input))); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(input))
	var at int64
	for i, e := range edits {
		if !bytes.Equal(input[e.Start:e.End], []byte(e.Original)) {
			return nil, fmt.Errorf("change log entry %d: input at [%d,%d) is %q, the log says %q", i, e.Start, e.End, input[e.Start:e.End], e.Original)
		}
		out = append(out, input[at:e.Start]...)
		out = append(out, e.Replacement...)
		at = e.End
	}
	return append(out, input[at:]...), nil
}

// RevertEdits undoes a change log on the restored text and returns the
// original input byte for byte.
func RevertEdits(output []byte, edits []Edit) ([]byte, error) {
	var grow int64
	for _, e := range edits {
		grow += int64(len(e.Original)) - int64(len(e.Replacement))
	}
	in := make([]byte, 0, int64(len(output))+grow)
	var at, shift int64 // shift: output offset minus input offset so far
	for i, e := range edits {
		os := e.Start + shift
		oe := os + int64(len(e.Replacement))
		if os < at || oe > int64(len(output)) {
			return nil, fmt.Errorf("change log entry %d does not fit the %d-byte text", i, len(output))
		}
		if !bytes.Equal(output[os:oe], []byte(e.Replacement)) {
			return nil, fmt.Errorf("change log entry %d: text at [%d,%d) is %q, the log says %q", i, os, oe, output[os:oe], e.Replacement)
		}
		in = append(in, output[at:os]...)
		in = append(in, e.Original...)
		at = oe
		shift += int64(len(e.Replacement)) - int64(len(e.Original))
	}
	return append(in, output[at:]...), nil
}
