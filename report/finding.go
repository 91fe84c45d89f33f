// Package report holds what a scan produces: findings, the change log of a
// restoration, the document summary, and one file per output format.
//
// The types here are the contract between the scanning engine (package
// detect), the command-line tool and the HTTP service: every output format is
// a view of a Report, and every restoration is a list of Edits derived from
// the findings' proposed replacements.
package report

import (
	"fmt"
	"strings"
)

// Severity says how much a finding matters. Legitimate text never produces
// findings above Info.
type Severity uint8

const (
	// Info marks something worth knowing that is not a disguise in this
	// context (a legitimate ZWNJ in Persian, a balanced bidi isolate).
	Info Severity = iota + 1
	// Warning marks a likely disguise.
	Warning
	// Error marks a disguise that changes what the text says or how it is
	// displayed (look-alike letters in a word, Trojan Source bidi, hidden
	// payloads).
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if int(s) < len(severityNames) && severityNames[s] != "" {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// ParseSeverity reads "info", "warning" or "error" (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q: want info, warning or error", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Position is a place in the input. Offset counts bytes from the start of
// the input (0-based); Line and Column are 1-based, and Column counts Unicode
// code points (an invalid byte counts as one), which is what SARIF calls
// "unicodeCodePoints".
type Position struct {
	Offset int64 `json:"offset"`
	Line   int   `json:"line"`
	Column int   `json:"column"`
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Char describes one character involved in a finding.
type Char struct {
	Offset    int64  `json:"offset"`         // byte offset in the input
	CodePoint string `json:"code_point"`     // "U+0430"; for an invalid byte "0xFF"
	Char      string `json:"char,omitempty"` // the character itself (empty for invalid bytes)
	Name      string `json:"name"`           // Unicode name, "CYRILLIC SMALL LETTER A"
	Script    string `json:"script"`         // Unicode script, "Cyrillic"
	// LooksLike is the plain character this one stands in for, when it has
	// one ("a" for U+0430 in an English word).
	LooksLike string `json:"looks_like,omitempty"`
}

// Finding is one disguise (or one notable character) at one place.
type Finding struct {
	Kind       Kind     `json:"kind"`
	Severity   Severity `json:"severity"`
	Confidence float64  `json:"confidence"` // 0..1: how sure the judgement is
	Start      Position `json:"start"`
	End        Position `json:"end"` // exclusive
	// Text is the input bytes in [Start.Offset, End.Offset). For invalid
	// UTF-8 it is not valid UTF-8 either; Bytes then gives them in hex.
	Text  string `json:"text"`
	Bytes string `json:"bytes,omitempty"`
	// Replacement is what restoration puts in place of Text. Nil means the
	// finding proposes no change (it is informational, or the intended text
	// cannot be known); a pointer to "" means "remove".
	Replacement *string `json:"replacement,omitempty"`
	Chars       []Char  `json:"chars,omitempty"`
	// Word is the word the finding sits in, as written, when there is one.
	Word string `json:"word,omitempty"`
	// Hidden is the decoded text of a hidden payload (tag characters,
	// variation selectors).
	Hidden string `json:"hidden,omitempty"`
	// Message is one sentence a non-expert understands.
	Message string `json:"message"`
	// Context is the part of the code a source-code-mode finding is in:
	// "code", "comment", "string" or "identifier". Empty in prose.
	Context string `json:"context,omitempty"`
}

// HasReplacement reports whether restoring the text would change it here.
func (f *Finding) HasReplacement() bool { return f.Replacement != nil }

// Str returns a pointer to s, for Finding.Replacement.
func Str(s string) *string { return &s }
