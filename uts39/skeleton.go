package uts39

import (
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// asciiProto[c] is the NFD of the prototype of the ASCII character c when c
// is a confusables.txt source ('0' -> "O", 'm' -> "rn", '%' -> "º/₀"), else "".
var asciiProto [utf8.RuneSelf]string

func init() {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if p, ok := ucd.Prototype(c); ok {
			asciiProto[c] = NFD(p)
		}
	}
}

// Skeleton returns the skeleton of s (UTS #39 §4): s in NFD, without its
// default-ignorable code points, with every character replaced by its
// prototype from confusables.txt, and in NFD again. Two strings are
// confusable when their skeletons are equal.
//
// A skeleton is for comparison only: it mixes scripts and cases freely
// ("paypal" and "pаypаl" both become "paypal", "l" and "1" both "l") and
// must not be shown to users or used to restore text.
//
// Skeleton returns s itself, without allocating, when s is its own
// skeleton and contains only characters that are stable under it (which is
// the case of most ASCII text without the look-alike sources 0, 1, I, m, |
// and a few punctuation marks).
func Skeleton(s string) string {
	i := stablePrefix(s)
	if i == len(s) {
		return s
	}
	b := getBuffers()
	defer putBuffers(b)
	b.bytes = append(b.bytes[:0], s[:i]...)
	b.bytes = appendSkeleton(b.bytes, s[i:], b, true)
	return string(b.bytes)
}

// AppendSkeleton appends the skeleton of s to dst and returns the extended
// slice; with a reused dst it does not allocate, which suits scanners that
// compute the skeleton of every word.
func AppendSkeleton(dst []byte, s string) []byte {
	i := stablePrefix(s)
	dst = append(dst, s[:i]...)
	if i == len(s) {
		return dst
	}
	b := getBuffers()
	defer putBuffers(b)
	return appendSkeleton(dst, s[i:], b, true)
}

// stablePrefix returns the length of the longest prefix of s made of
// characters that the skeleton leaves alone in any context. Such a prefix
// ends with a starter that NFD and the mapping keep, and canonical
// reordering never crosses a starter, so the skeleton of s is s[:i]
// followed by the skeleton of s[i:].
func stablePrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiProto[c] != "" {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !skeletonStable(r) {
			break
		}
		i += n
	}
	return i
}

// appendSkeleton appends the skeleton of s to dst, using b as scratch.
// removeDI false gives the skeleton as defined before Unicode 15.1 (and
// computed by ICU 72), which keeps default-ignorable characters; the ICU
// differential test uses it.
func appendSkeleton(dst []byte, s string, b *buffers, removeDI bool) []byte {
	if asciiOnly(s) {
		// ASCII has no default-ignorable character, and the prototypes of
		// ASCII characters (kept in NFD) each start with a starter.
		for j := 0; j < len(s); j++ {
			if p := asciiProto[s[j]]; p != "" {
				dst = append(dst, p...)
			} else {
				dst = append(dst, s[j])
			}
		}
		return dst
	}
	b.out, b.nfd = appendSkeletonRunes(b.out[:0], b.nfd[:0], s, removeDI)
	for _, r := range b.out {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// appendSkeletonRunes appends the skeleton of s to out in one pass: each
// character is decomposed, and the non-starters that follow a starter are
// gathered in seg, in canonical order, until the next starter; then they
// are mapped to their prototypes. This is NFD, mapping and NFD again, as
// the mapping must see the non-starters in canonical order (the order of
// two marks that map to marks of one combining class depends on it), and
// the second NFD is the canonical insertion done while appending. Each
// character costs one property look-up when it is not a source.
//
// seg is scratch space, returned so that the caller can keep it.
func appendSkeletonRunes(out, seg []rune, s string, removeDI bool) ([]rune, []rune) {
	var dec [32]rune
	for _, r := range s {
		if r < utf8.RuneSelf && asciiProto[r] == "" {
			if len(seg) > 0 {
				out, seg = flushMarks(out, seg, removeDI), seg[:0]
			}
			out = append(out, r)
			continue
		}
		info := ucd.Lookup(r)
		if info.Props()&ucd.PropCanonicalDecomposition == 0 {
			out, seg = feed(out, seg, r, info, removeDI)
			continue
		}
		for _, x := range appendDecomposed(dec[:0], r) {
			out, seg = feed(out, seg, x, ucd.Lookup(x), removeDI)
		}
	}
	return flushMarks(out, seg, removeDI), seg[:0]
}

// feed takes the next character of the NFD of the input.
func feed(out, seg []rune, x rune, info ucd.Info, removeDI bool) ([]rune, []rune) {
	if c := info.CombiningClass(); c != 0 {
		return out, appendOrdered(seg, x, c)
	}
	if len(seg) > 0 {
		out, seg = flushMarks(out, seg, removeDI), seg[:0]
	}
	return mapChar(out, x, info, removeDI), seg
}

// flushMarks maps the pending non-starters.
func flushMarks(out, seg []rune, removeDI bool) []rune {
	for _, x := range seg {
		out = mapChar(out, x, ucd.Lookup(x), removeDI)
	}
	return out
}

// mapChar appends the prototype of x (in NFD, in canonical order with what
// precedes it), or nothing for a default-ignorable character.
func mapChar(out []rune, x rune, info ucd.Info, removeDI bool) []rune {
	p := info.Props()
	if p&ucd.PropDefaultIgnorable != 0 && removeDI {
		return out
	}
	if p&ucd.PropConfusableSource == 0 {
		return appendOrdered(out, x, info.CombiningClass())
	}
	proto, _ := ucd.Prototype(x)
	for _, y := range proto {
		if y < utf8.RuneSelf {
			out = append(out, y)
		} else {
			out = appendDecomposed(out, y)
		}
	}
	return out
}

// skeletonSlow returns the skeleton of s without the fast paths.
func skeletonSlow(s string, removeDI bool) string {
	b := getBuffers()
	defer putBuffers(b)
	return string(appendSkeleton(nil, s, b, removeDI))
}

// skeletonStable reports whether r is its own skeleton in every context:
// NFD leaves it alone (no decomposition, combining class 0), it is not
// default-ignorable and it has no prototype.
func skeletonStable(r rune) bool {
	const unstable = ucd.PropCanonicalDecomposition | ucd.PropDefaultIgnorable | ucd.PropConfusableSource
	info := ucd.Lookup(r)
	return info.Props()&unstable == 0 && info.CombiningClass() == 0
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Confusable reports whether a and b are confusable: whether their
// skeletons are equal (UTS #39 §4). Identical strings are confusable.
func Confusable(a, b string) bool {
	if a == b {
		return true
	}
	ia, ib := stablePrefix(a), stablePrefix(b)
	if ia == len(a) && ib == len(b) {
		return false // both are their own, different, skeletons
	}
	ba, bb := getBuffers(), getBuffers()
	defer putBuffers(ba)
	defer putBuffers(bb)
	ba.bytes = AppendSkeleton(ba.bytes[:0], a)
	bb.bytes = AppendSkeleton(bb.bytes[:0], b)
	return string(ba.bytes) == string(bb.bytes)
}

// Confusability classifies a pair of strings (UTS #39 §4).
type Confusability uint8

const (
	// NotConfusable: the skeletons differ.
	NotConfusable Confusability = iota
	// SingleScriptConfusable: confusable, and the resolved script sets of the two
	// strings have a script in common ("so̷s" and "søs").
	SingleScriptConfusable
	// MixedScriptConfusable: confusable, and the resolved script sets have no script
	// in common, at least one string being mixed-script ("paypal" and
	// "pаypаl" with Cyrillic а).
	MixedScriptConfusable
	// WholeScriptConfusable: mixed-script confusables of which each string is a
	// single-script string ("scope" in Latin and "ѕсоре" in Cyrillic).
	WholeScriptConfusable
)

func (c Confusability) String() string {
	switch c {
	case NotConfusable:
		return "not confusable"
	case SingleScriptConfusable:
		return "single-script confusable"
	case MixedScriptConfusable:
		return "mixed-script confusable"
	case WholeScriptConfusable:
		return "whole-script confusable"
	}
	return "Confusability(?)"
}

// Classify tells whether a and b are confusable and, if so, which kind of
// confusable they are (UTS #39 §4). A whole-script confusable is also a
// mixed-script one; Classify returns the more specific WholeScriptConfusable.
func Classify(a, b string) Confusability {
	if !Confusable(a, b) {
		return NotConfusable
	}
	ra, rb := ResolvedScripts(a), ResolvedScripts(b)
	if !ra.Intersect(rb).IsEmpty() {
		return SingleScriptConfusable
	}
	if !ra.IsEmpty() && !rb.IsEmpty() {
		return WholeScriptConfusable
	}
	return MixedScriptConfusable
}
