package uts39

import (
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// Per-character look-ups for scanners. Each is a constant-time table read;
// ASCII characters are answered from small tables without touching the
// Unicode tries.

// Prototype returns the confusables.txt prototype of r (one or more code
// points) and true, or "" and false when r is its own prototype.
func Prototype(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		if r < 0 {
			return "", false
		}
		p, ok := asciiRawProto[r], asciiProto[r] != ""
		return p, ok
	}
	return ucd.Prototype(r)
}

// asciiRawProto holds the prototypes of ASCII sources as confusables.txt
// gives them (asciiProto holds them in NFD).
var asciiRawProto = func() (t [utf8.RuneSelf]string) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		t[c], _ = ucd.Prototype(c)
	}
	return t
}()

// ScriptExtensions returns the Script_Extensions of r ({Script} where the
// property is not listed; Common and Inherited are not expanded, see
// AugmentedScripts for that).
func ScriptExtensions(r rune) ucd.ScriptSet { return ucd.ScriptExtensions(r) }

// IdentifierStatus returns the UTS #39 Identifier_Status of r: Allowed or
// Restricted.
func IdentifierStatus(r rune) ucd.IDStatus { return ucd.IdentifierStatus(r) }

// IdentifierType returns the UTS #39 Identifier_Type set of r, such as
// Recommended, or Limited_Use Technical.
func IdentifierType(r rune) ucd.IDType { return ucd.IdentifierType(r) }

// IsDefaultIgnorable reports whether r is a Default_Ignorable_Code_Point:
// rendered invisibly unless a font shows it (ZERO WIDTH SPACE, ZWJ, soft
// hyphen, variation selectors, tag characters, bidi controls, fillers,
// and unassigned code points reserved as default-ignorable).
func IsDefaultIgnorable(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	return ucd.Props(r)&ucd.PropDefaultIgnorable != 0
}

// IsInvisible reports whether r shows no glyph in normal rendering: a
// default-ignorable code point, a format character (gc Cf, such as the
// interlinear annotation controls U+FFF9..U+FFFB) other than the visible
// prepended concatenation marks (U+0600 ARABIC NUMBER SIGN and its kin),
// or a control character other than tab, line feed, vertical tab, form feed
// and carriage return. Spaces are visible as space and not reported.
func IsInvisible(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiInvisible[r]
	}
	info := ucd.Lookup(r)
	if info.Props()&ucd.PropDefaultIgnorable != 0 {
		return true
	}
	switch info.Category() {
	case ucd.CatCf:
		return info.Props()&ucd.PropPrependedConcatenationMark == 0
	case ucd.CatCc:
		return true
	}
	return false
}

var asciiInvisible = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = false
	}
	t[0x7F] = true
	return t
}()

// IsBidiControl reports whether r is an explicit bidirectional formatting
// character (Bidi_Control: ALM, LRM, RLM, LRE..RLO, LRI..PDI), the tools of
// "Trojan Source" reordering.
func IsBidiControl(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	return ucd.Props(r)&ucd.PropBidiControl != 0
}

// IsTag reports whether r is a Unicode tag character (U+E0000..U+E007F),
// which can smuggle an invisible ASCII payload; TagPayload decodes it.
func IsTag(r rune) bool { return r >= 0xE0000 && r <= 0xE007F }

// TagPayload returns the ASCII character that the tag character r stands
// for (U+E0041 TAG LATIN CAPITAL LETTER A stands for 'A'), and false when r
// is not one of the tags U+E0020..U+E007E.
func TagPayload(r rune) (byte, bool) {
	if r >= 0xE0020 && r <= 0xE007E {
		return byte(r - 0xE0000), true
	}
	return 0, false
}

// IsIntentional reports whether a and b are intentional confusables
// (intentional.txt): identical by design, such as Latin A and Greek Alpha,
// so that a detector may choose not to flag one for the other.
func IsIntentional(a, b rune) bool { return ucd.IsIntentional(a, b) }
