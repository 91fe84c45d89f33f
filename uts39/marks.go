package uts39

import (
	"github.com/plainsight/plainsight/internal/ucd"
)

// DefaultMaxMarks is the number of nonspacing marks on one base above which
// MarkChecks reports TooManyMarks (UTS #39 §5.4 suggests 4).
const DefaultMaxMarks = 4

// MarkReport is the result of the optional mark detections of UTS #39 §5.4.
// Offsets are byte offsets in the checked string of the character that
// starts the offending combining sequence (its base), or of the first mark
// when the string starts with marks; -1 when there is none.
type MarkReport struct {
	// RepeatedMark: some base carries the same nonspacing mark twice after
	// NFD ("a\u0301\u0301", or "á\u0301"), which renders like one mark.
	RepeatedMark bool
	RepeatedAt   int
	// TooManyMarks: some base carries more nonspacing marks (gc Mn or Me,
	// after NFD) than the limit: "zalgo" text.
	TooManyMarks bool
	TooManyAt    int
	// HiddenMark: a soft-dotted letter (i, j, and their look-alikes) is
	// followed by U+0307 COMBINING DOT ABOVE, which its own dot hides.
	HiddenMark bool
	HiddenAt   int
	// MaxMarks is the largest number of nonspacing marks found on one base.
	MaxMarks int
}

// MarkChecks runs the optional detections of UTS #39 §5.4 on s: repeated
// nonspacing marks, more than maxMarks nonspacing marks on one base
// (DefaultMaxMarks when maxMarks <= 0), and a dot above hidden by a soft
// dot. The checks apply to the NFD form of each combining sequence, so
// precomposed letters count with their marks.
func MarkChecks(s string, maxMarks int) MarkReport {
	if maxMarks <= 0 {
		maxMarks = DefaultMaxMarks
	}
	rep := MarkReport{RepeatedAt: -1, TooManyAt: -1, HiddenAt: -1}
	var marks [32]rune // the distinct marks of the current sequence, up to 32
	nMarks := 0        // marks on the current base
	base := 0          // byte offset of the current sequence
	softDotted := false
	var buf [8]rune
	for i, r := range s {
		if r < 0x80 {
			// ASCII is never a mark: a new sequence starts.
			nMarks, base = 0, i
			softDotted = r == 'i' || r == 'j'
			continue
		}
		for _, x := range appendDecomposed(buf[:0], r) {
			cat := ucd.CategoryOf(x)
			if cat != ucd.CatMn && cat != ucd.CatMe {
				if ucd.CombiningClass(x) == 0 {
					nMarks, base = 0, i
					softDotted = ucd.Props(x)&ucd.PropSoftDotted != 0
				}
				continue
			}
			if x == 0x0307 && softDotted && nMarks == 0 && !rep.HiddenMark {
				rep.HiddenMark, rep.HiddenAt = true, base
			}
			if nMarks < len(marks) {
				for _, m := range marks[:nMarks] {
					if m == x && !rep.RepeatedMark {
						rep.RepeatedMark, rep.RepeatedAt = true, base
					}
				}
				marks[nMarks] = x
			}
			nMarks++
			if nMarks > rep.MaxMarks {
				rep.MaxMarks = nMarks
			}
			if nMarks > maxMarks && !rep.TooManyMarks {
				rep.TooManyMarks, rep.TooManyAt = true, base
			}
		}
	}
	return rep
}
