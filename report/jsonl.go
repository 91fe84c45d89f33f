package report

import (
	"encoding/json"
	"io"
)

// WriteJSONL writes r as one compact JSON object on one line, for streams
// of reports (one per file, one per input record).
func WriteJSONL(w io.Writer, r *Report) error {
	data, err := json.Marshal(normalized(r))
	if err != nil {
		return err
	}
	data = append(data, '\n')
	_, err = w.Write(data)
	return err
}

// Brief is the short view of a report that a data pipeline adds to each
// record: enough to filter on, without the full findings.
type Brief struct {
	Suspicious bool         `json:"suspicious"`
	Verdict    Verdict      `json:"verdict"`
	Score      float64      `json:"score"`
	Findings   int          `json:"findings"`
	Counts     map[Kind]int `json:"counts"`
	Patterns   []string     `json:"patterns,omitempty"`
	// Hidden lists the decoded hidden payloads, if any.
	Hidden []string `json:"hidden,omitempty"`
	// Edits counts the changes a restoration made (clean only).
	Edits *int `json:"edits,omitempty"`
}

// BriefOf summarises r.
func BriefOf(r *Report) Brief {
	b := Brief{
		Suspicious: r.Suspicious,
		Verdict:    r.Summary.Verdict,
		Score:      r.Summary.Score,
		Findings:   r.Summary.Findings,
		Counts:     r.Summary.Counts,
		Patterns:   r.Summary.Patterns,
	}
	if b.Verdict == "" {
		b.Verdict = Clean
	}
	if b.Findings < len(r.Findings) {
		b.Findings = len(r.Findings)
	}
	if b.Counts == nil {
		b.Counts = map[Kind]int{}
	}
	for _, f := range r.Findings {
		if f.Hidden != "" {
			b.Hidden = append(b.Hidden, f.Hidden)
		}
	}
	return b
}
