package ucd

import "math/bits"

// Script is a Unicode Script property value. The zero value is ScriptUnknown
// (Zzzz). The numbering follows the generated constants and may change with
// the Unicode version: store names (String or Short), not numbers.
type Script uint8

// Pseudo-scripts: ISO 15924 codes for writing systems that combine scripts.
// They are never the Script of a character; UTS #39 (§5.1) adds them to
// resolved script sets so that Han mixed with Hiragana and Katakana (Jpan),
// with Hangul (Kore) or with Bopomofo (Hanb) counts as a single script. A
// ScriptSet can hold them.
const (
	ScriptHanWithBopomofo Script = NumScripts + iota // Hanb
	ScriptJapanese                                   // Jpan
	ScriptKorean                                     // Kore
	numScriptValues
)

var pseudoLong = [...]string{"Han_With_Bopomofo", "Japanese", "Korean"}
var pseudoShort = [...]string{"Hanb", "Jpan", "Kore"}

// String returns the long property value alias, e.g. "Latin", "Old_Italic".
func (s Script) String() string {
	if int(s) < NumScripts {
		return scriptLong[s]
	}
	if s < numScriptValues {
		return pseudoLong[s-NumScripts]
	}
	return "Script(" + itoa(int(s)) + ")"
}

// Short returns the ISO 15924 code, e.g. "Latn".
func (s Script) Short() string {
	if int(s) < NumScripts {
		return scriptShort[s]
	}
	if s < numScriptValues {
		return pseudoShort[s-NumScripts]
	}
	return "Script(" + itoa(int(s)) + ")"
}

// ParseScript looks a script up by long or short name, ignoring case;
// "Old Italic" and "old-italic" are accepted for "Old_Italic". The
// pseudo-scripts Hanb, Jpan and Kore are found too.
func ParseScript(name string) (Script, bool) {
	for i := Script(0); i < numScriptValues; i++ {
		if sameName(name, i.String()) || sameName(name, i.Short()) {
			return i, true
		}
	}
	return ScriptUnknown, false
}

// sameName compares a user-supplied script name with a property value
// alias, ignoring case and treating ' ', '-' and '_' alike, without
// allocating.
func sameName(user, alias string) bool {
	if len(user) != len(alias) {
		return false
	}
	for i := 0; i < len(user); i++ {
		a, b := user[i], alias[i]
		if a == ' ' || a == '-' {
			a = '_'
		}
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// ScriptOf returns the Script property of r (Scripts.txt); ScriptUnknown for
// unlisted and invalid code points.
func ScriptOf(r rune) Script { return lookup(r).script }

// ScriptExtensions returns the Script_Extensions property of r
// (ScriptExtensions.txt), or {ScriptOf(r)} where r is not listed. Note that
// this is the property itself: Common and Inherited are not expanded to all
// scripts (UTS #39 resolved script sets do that, see package uts39).
func ScriptExtensions(r rune) ScriptSet {
	return scxSets[lookup(r).scx]
}

// ScriptSet is a set of scripts, a value type without pointers.
type ScriptSet struct {
	bits [scriptWords]uint64
}

// SetOf returns the set of the given scripts.
func SetOf(scripts ...Script) ScriptSet {
	var s ScriptSet
	for _, x := range scripts {
		s.Add(x)
	}
	return s
}

// AllScripts returns the set of every Script value, Common, Inherited,
// Unknown and the pseudo-scripts included: the "ALL" of UTS #39 §5.1, the
// resolved script set of a string made only of Common and Inherited
// characters. (ICU's SpoofChecker uses the same full set, so that a lone
// unassigned code point resolves to {Zzzz}.)
func AllScripts() ScriptSet { return allScripts }

var allScripts = func() ScriptSet {
	var s ScriptSet
	for i := Script(0); i < numScriptValues; i++ {
		s.Add(i)
	}
	return s
}()

// Has reports whether x is in s.
func (s ScriptSet) Has(x Script) bool {
	return x < numScriptValues && s.bits[x>>6]&(1<<(x&63)) != 0
}

// Add adds x to s.
func (s *ScriptSet) Add(x Script) {
	if x < numScriptValues {
		s.bits[x>>6] |= 1 << (x & 63)
	}
}

// Remove removes x from s.
func (s *ScriptSet) Remove(x Script) {
	if x < numScriptValues {
		s.bits[x>>6] &^= 1 << (x & 63)
	}
}

// Union returns s ∪ t.
func (s ScriptSet) Union(t ScriptSet) ScriptSet {
	for i := range s.bits {
		s.bits[i] |= t.bits[i]
	}
	return s
}

// Intersect returns s ∩ t.
func (s ScriptSet) Intersect(t ScriptSet) ScriptSet {
	for i := range s.bits {
		s.bits[i] &= t.bits[i]
	}
	return s
}

// IsEmpty reports whether s has no scripts.
func (s ScriptSet) IsEmpty() bool {
	for _, w := range s.bits {
		if w != 0 {
			return false
		}
	}
	return true
}

// Len returns the number of scripts in s.
func (s ScriptSet) Len() int {
	n := 0
	for _, w := range s.bits {
		n += bits.OnesCount64(w)
	}
	return n
}

// Scripts returns the scripts of s in Script order.
func (s ScriptSet) Scripts() []Script {
	out := make([]Script, 0, s.Len())
	for i, w := range s.bits {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, Script(i*64+b))
			w &= w - 1
		}
	}
	return out
}

// String returns the short names of the scripts in braces, e.g.
// "{Cyrl Latn}"; the set of all scripts (AllScripts) is written "{ALL}".
func (s ScriptSet) String() string {
	if s == allScripts {
		return "{ALL}"
	}
	b := []byte{'{'}
	for i, x := range s.Scripts() {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, x.Short()...)
	}
	return string(append(b, '}'))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
