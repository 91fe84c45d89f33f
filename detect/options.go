package detect

import (
	"fmt"
	"strings"

	"github.com/plainsight/plainsight/report"
)

// Mode says what kind of text is scanned.
type Mode uint8

const (
	// Prose is natural-language text: articles, posts, messages.
	Prose Mode = iota
	// Code is source code: identifiers, strings and comments are judged
	// separately, every bidi control is at least a warning, and no
	// finding is excused as a typing slip or as harmless alone.
	Code
)

func (m Mode) String() string {
	if m == Code {
		return "code"
	}
	return "prose"
}

// ParseMode reads "prose" or "code".
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "prose", "text", "":
		return Prose, nil
	case "code", "source":
		return Code, nil
	}
	return 0, fmt.Errorf("unknown mode %q: want prose or code", s)
}

// Options configure a scan and a restoration. The zero value scans prose,
// reports every kind at every severity and restores everything it finds.
type Options struct {
	Mode Mode
	// MinSeverity drops findings below it from the report (they still
	// count towards nothing). Zero means Info.
	MinSeverity report.Severity
	// Kinds limits what is reported and restored to these kinds; nil
	// means all. Detection still sees every kind, so that what a block is
	// judged to hide does not depend on what the caller asked to see.
	Kinds []report.Kind
	// Scripts are scripts the text is expected to contain, by Unicode name
	// or ISO 15924 code ("Latin", "Cyrl"). Whole words in an expected
	// script are never judged look-alikes of another script.
	Scripts []string
	// Allow lists characters that are never reported.
	Allow string
	// MaxFindings caps the findings stored in a report; those beyond it are
	// counted in Summary.Dropped. Zero means DefaultMaxFindings; negative
	// means no cap.
	MaxFindings int

	// Restoration options.

	// FoldCompatibility also folds legitimate compatibility characters (½,
	// ™, ﬁ, fullwidth forms in CJK text) to their plain forms.
	FoldCompatibility bool
	// KeepSpaces leaves unusual spaces in place instead of turning them
	// into U+0020.
	KeepSpaces bool
	// ReplaceInvalid replaces invalid UTF-8 bytes with U+FFFD instead of
	// keeping them.
	ReplaceInvalid bool
	// RestoreSlips treats the look-alikes that are likely typing slips
	// between keyboard layouts (one, or a few with one letter a word, in
	// a long text of another script) as a disguise (an error, restored)
	// instead of leaving them as written (info), and with them the other
	// findings that are harmless alone in the same block.
	RestoreSlips bool
}

// DefaultMaxFindings is the cap on stored findings when Options.MaxFindings
// is zero.
const DefaultMaxFindings = 10000
