package uts39

import (
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// RestrictionLevel is a UTS #39 §5.2 restriction level. Levels are ordered
// from the most to the least restrictive, so that level <= HighlyRestrictive
// means "at least highly restrictive".
type RestrictionLevel uint8

const (
	// ASCIIOnly: every character is ASCII.
	ASCIIOnly RestrictionLevel = iota + 1
	// SingleScript: the resolved script set is not empty ("Москва",
	// "東京タワー", "Jokić").
	SingleScript
	// HighlyRestrictive: single script, or Latin with one of the CJK
	// writing systems: Han+Hiragana+Katakana (Jpan), Han+Bopomofo (Hanb)
	// or Han+Hangul (Kore).
	HighlyRestrictive
	// ModeratelyRestrictive: Latin and one other script, except Cyrillic,
	// Greek and Cherokee (the scripts with many Latin look-alikes).
	ModeratelyRestrictive
	// MinimallyRestrictive: any mix of scripts, all characters in the
	// identifier profile.
	MinimallyRestrictive
	// Unrestricted: some character is outside the identifier profile.
	Unrestricted
)

func (l RestrictionLevel) String() string {
	switch l {
	case ASCIIOnly:
		return "ASCII-Only"
	case SingleScript:
		return "Single Script"
	case HighlyRestrictive:
		return "Highly Restrictive"
	case ModeratelyRestrictive:
		return "Moderately Restrictive"
	case MinimallyRestrictive:
		return "Minimally Restrictive"
	case Unrestricted:
		return "Unrestricted"
	}
	return "RestrictionLevel(?)"
}

// InIdentifierProfile reports whether r is in the General Security Profile
// for identifiers (UTS #39 §3.1): its Identifier_Status is Allowed.
func InIdentifierProfile(r rune) bool { return ucd.IdentifierStatus(r) == ucd.IDAllowed }

// Restriction returns the restriction level of s (UTS #39 §5.2) with the
// General Security Profile as identifier profile: a string with a space,
// most punctuation, or a character of an excluded or limited-use script is
// Unrestricted. Use RestrictionWithProfile to judge words of prose.
func Restriction(s string) RestrictionLevel {
	return RestrictionWithProfile(s, InIdentifierProfile)
}

// RestrictionWithProfile returns the restriction level of s with the given
// identifier profile; a nil profile admits every character, which is what
// ICU's SpoofChecker does by default. The steps follow §5.2 as ICU
// implements them: the "without Latin" resolved script set skips the
// characters whose augmented script set contains Latin, and Moderately
// Restrictive excludes Cyrillic, Greek and Cherokee.
func RestrictionWithProfile(s string, inProfile func(rune) bool) RestrictionLevel {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if inProfile != nil && !inProfile(rune(c)) {
				return Unrestricted
			}
			i++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		if inProfile != nil && !inProfile(r) {
			return Unrestricted
		}
		i += n
	}
	if ascii {
		return ASCIIOnly
	}
	if !ResolvedScripts(s).IsEmpty() {
		return SingleScript
	}
	noLatin := resolve(s, ucd.ScriptLatin)
	if noLatin.Has(ucd.ScriptHanWithBopomofo) || noLatin.Has(ucd.ScriptJapanese) || noLatin.Has(ucd.ScriptKorean) {
		return HighlyRestrictive
	}
	if !noLatin.IsEmpty() && !noLatin.Has(ucd.ScriptCyrillic) && !noLatin.Has(ucd.ScriptGreek) && !noLatin.Has(ucd.ScriptCherokee) {
		return ModeratelyRestrictive
	}
	return MinimallyRestrictive
}
