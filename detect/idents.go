package detect

import (
	"fmt"

	"github.com/plainsight/plainsight/report"
	"github.com/plainsight/plainsight/uts39"
)

// maxIdentifiers bounds the identifiers remembered per input, so that
// memory stays bounded on any file.
const maxIdentifiers = 1 << 16

type identSeen struct {
	text string
	line int
}

// identifier compares identifier k with the identifiers seen before it:
// two different identifiers with the same UTS #39 skeleton look the same
// to a reviewer (rustc's confusable_idents lint).
func (e *engine) identifier(data []byte, k int) {
	w := &e.words[k]
	text := e.text(data, int(w.from), int(w.to))
	if e.idents == nil {
		e.idents = map[string]identSeen{}
	}
	e.skel = uts39.AppendSkeleton(e.skel[:0], text)
	prev, ok := e.idents[string(e.skel)]
	if !ok {
		if len(e.idents) < maxIdentifiers {
			line := e.line + countLines(data[:e.cells[int(w.from)].off])
			e.idents[string(e.skel)] = identSeen{text, line}
		}
		return
	}
	if prev.text == text {
		return
	}
	e.add(data, int(w.from), int(w.to), report.Finding{
		Kind: report.ConfusableIdentifier, Severity: report.Error, Confidence: 0.8,
		Word: text, Context: ctxCode.String(),
		Message: fmt.Sprintf("identifier %q looks the same as %q (line %d) but is a different name", text, prev.text, prev.line),
	})
}

func countLines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}
