package ucd

import (
	"sort"
	"unicode/utf8"
)

// DecompType is the Decomposition_Type of a character: none, canonical, or
// the compatibility formatting tag of UnicodeData.txt.
type DecompType uint8

const (
	DecompNone      DecompType = iota
	DecompCanonical            // no tag
	DecompFont                 // <font>
	DecompNoBreak              // <noBreak>
	DecompInitial              // <initial>
	DecompMedial               // <medial>
	DecompFinal                // <final>
	DecompIsolated             // <isolated>
	DecompCircle               // <circle>
	DecompSuper                // <super>
	DecompSub                  // <sub>
	DecompVertical             // <vertical>
	DecompWide                 // <wide>
	DecompNarrow               // <narrow>
	DecompSmall                // <small>
	DecompSquare               // <square>
	DecompFraction             // <fraction>
	DecompCompat               // <compat>
)

var decompNames = [...]string{"None", "Canonical", "Font", "NoBreak", "Initial", "Medial", "Final",
	"Isolated", "Circle", "Super", "Sub", "Vertical", "Wide", "Narrow", "Small", "Square", "Fraction", "Compat"}

func (t DecompType) String() string {
	if int(t) < len(decompNames) {
		return decompNames[t]
	}
	return "DecompType(" + itoa(int(t)) + ")"
}

// IsCompat reports whether t is a compatibility decomposition type.
func (t DecompType) IsCompat() bool { return t > DecompCanonical }

type decompEntry struct {
	r   rune
	typ DecompType
	off uint16
	n   uint8
}

// Decomposition returns the single-level decomposition mapping of r from
// UnicodeData.txt (not applied recursively) and its type. Hangul syllables
// get their canonical arithmetic decomposition into L V or LV T (Unicode
// §3.12), which is also single-level. DecompNone and "" when r has none.
func Decomposition(r rune) (DecompType, string) {
	if r >= hangulBase && r <= hangulLast {
		s := r - hangulBase
		if t := s % hangulTCount; t != 0 {
			var b [6]byte
			n := utf8.EncodeRune(b[:], r-t)
			n += utf8.EncodeRune(b[n:], hangulTBase+t)
			return DecompCanonical, string(b[:n])
		}
		var b [6]byte
		n := utf8.EncodeRune(b[:], hangulLBase+s/hangulNCount)
		n += utf8.EncodeRune(b[n:], hangulVBase+s%hangulNCount/hangulTCount)
		return DecompCanonical, string(b[:n])
	}
	i := sort.Search(len(decomps), func(i int) bool { return decomps[i].r >= r })
	if i < len(decomps) && decomps[i].r == r {
		d := &decomps[i]
		return d.typ, decompData[d.off : int(d.off)+int(d.n)]
	}
	return DecompNone, ""
}
