package detect

import (
	"golang.org/x/text/unicode/norm"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// fold proposes, on request (Options.FoldCompatibility), the plain form of
// compatibility characters in normal use: ½, ™, ﬁ, fullwidth forms in CJK
// text, superscript digits. They are not disguises, so the findings are
// informational; they carry a replacement only because the caller asked
// for one. Characters the detectors already restore are left to them.
func (e *engine) fold(data []byte) {
	if !e.opts.FoldCompatibility {
		return
	}
	taken := map[int64]bool{}
	for _, f := range e.found {
		if f.Replacement != nil {
			taken[f.Start.Offset] = true
		}
	}
	for i, c := range e.cells {
		if c.r < 0x80 || taken[int64(c.off)] {
			continue
		}
		t, _ := ucd.Decomposition(c.r)
		if t == ucd.DecompNone || t == ucd.DecompCanonical {
			continue
		}
		plain := norm.NFKC.String(string(c.r))
		if plain == string(c.r) {
			continue // a character newer than the normaliser's Unicode version
		}
		e.add(data, i, i+1, report.Finding{
			Kind: report.FancyLetter, Severity: report.Info, Confidence: 1,
			Replacement: report.Str(plain),
			Chars:       []report.Char{withLook(e.describe(c), plain)},
			Message:     ucd.Name(c.r) + " (" + cp(c.r) + ") is a compatibility form of " + quote(plain) + ", folded on request",
		})
	}
}

func quote(s string) string { return "\"" + s + "\"" }
