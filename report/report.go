package report

// Verdict is the one-word answer for a whole document.
type Verdict string

const (
	// Clean: nothing above info.
	Clean Verdict = "clean"
	// Suspicious: warnings, or errors that could be accidents (a stray
	// invisible character, one odd space).
	Suspicious Verdict = "suspicious"
	// Disguised: the text hides what it says (look-alike letters, hidden
	// payloads, Trojan Source, styled text standing in for plain text).
	Disguised Verdict = "disguised"
)

// Summary is the document-level view of a scan.
type Summary struct {
	Verdict Verdict `json:"verdict"`
	// Score grows with the number and severity of findings, from 0 (clean)
	// to 100 (the text is thoroughly disguised).
	Score    float64          `json:"score"`
	Counts   map[Kind]int     `json:"counts"`
	Severity map[Severity]int `json:"by_severity"`
	// Patterns are sentences a person grasps at a glance: "from line 12 on,
	// every 'a' is U+0430 CYRILLIC SMALL LETTER A (119 of 119)".
	Patterns []string `json:"patterns"`
	Bytes    int64    `json:"bytes"`
	Lines    int      `json:"lines"`
	// Findings counts every finding; Dropped counts those beyond the
	// configured cap that were counted but not stored.
	Findings int `json:"findings"`
	Dropped  int `json:"dropped"`
}

// Report is the result of scanning one input.
type Report struct {
	// Suspicious is true when any finding is at warning or above.
	Suspicious bool   `json:"suspicious"`
	Source     string `json:"source,omitempty"`
	// Mode is "prose" or "code".
	Mode     string    `json:"mode"`
	Summary  Summary   `json:"summary"`
	Findings []Finding `json:"findings"`
}

// Max returns the highest severity among the findings (0 when none).
func (r *Report) Max() Severity {
	var m Severity
	for s, n := range r.Summary.Severity {
		if n > 0 && s > m {
			m = s
		}
	}
	return m
}
