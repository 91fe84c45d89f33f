package uts39

import (
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

var (
	all        = ucd.AllScripts()
	latinSet   = ucd.SetOf(ucd.ScriptLatin)
	hanAugment = ucd.SetOf(ucd.ScriptHanWithBopomofo, ucd.ScriptJapanese, ucd.ScriptKorean)
	japanese   = ucd.SetOf(ucd.ScriptJapanese)
	korean     = ucd.SetOf(ucd.ScriptKorean)
	hanb       = ucd.SetOf(ucd.ScriptHanWithBopomofo)
)

// AugmentedScripts returns the augmented script set of r (UTS #39 §5.1):
// its Script_Extensions, where Han adds Hanb, Jpan and Kore, Hiragana and
// Katakana add Jpan, Hangul adds Kore and Bopomofo adds Hanb, and where
// {Common} and {Inherited} become the set of all scripts.
func AugmentedScripts(r rune) ucd.ScriptSet {
	return augmented[ucd.Lookup(r).ScriptExtensionsID()]
}

// augmented caches the augmented set of every Script_Extensions value.
var augmented = func() (sets [ucd.NumScriptExtensionsIDs]ucd.ScriptSet) {
	for id := range sets {
		sets[id] = augment(ucd.ScriptExtensionsByID(id))
	}
	return sets
}()

func augment(sx ucd.ScriptSet) ucd.ScriptSet {
	if sx.Has(ucd.ScriptCommon) || sx.Has(ucd.ScriptInherited) {
		return all
	}
	if sx.Has(ucd.ScriptHan) {
		sx = sx.Union(hanAugment)
	}
	if sx.Has(ucd.ScriptHiragana) || sx.Has(ucd.ScriptKatakana) {
		sx = sx.Union(japanese)
	}
	if sx.Has(ucd.ScriptHangul) {
		sx = sx.Union(korean)
	}
	if sx.Has(ucd.ScriptBopomofo) {
		sx = sx.Union(hanb)
	}
	return sx
}

// ResolvedScripts returns the resolved script set of s (UTS #39 §5.1): the
// intersection of the augmented script sets of its characters. It is the
// set of all scripts for a string of only Common and Inherited characters
// (digits, punctuation, the empty string), and empty for a mixed-script
// string such as "pаypal" with a Cyrillic а. Invalid UTF-8 bytes count as
// U+FFFD (Common).
func ResolvedScripts(s string) ucd.ScriptSet {
	return resolve(s, ucd.ScriptUnknown)
}

// resolve intersects the augmented script sets of the characters of s,
// skipping the characters whose augmented set contains without (unless it
// is ScriptUnknown): with Latin, this is the "resolved script set of the
// string without Latin" of the restriction levels.
func resolve(s string, without ucd.Script) ucd.ScriptSet {
	// ASCII letters are Latin and everything else in ASCII is Common, so
	// an ASCII prefix only tells whether Latin is required.
	letter := false
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			letter = true
		}
	}
	if i == len(s) {
		if letter && without != ucd.ScriptLatin {
			return latinSet
		}
		return all
	}
	res := all
	if letter && without != ucd.ScriptLatin {
		res = latinSet
	}
	lastID := -1
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' && without != ucd.ScriptLatin {
				res = res.Intersect(latinSet)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		id := ucd.Lookup(r).ScriptExtensionsID()
		if id == lastID {
			continue // intersecting with the same set again changes nothing
		}
		lastID = id
		sx := &augmented[id]
		if without != ucd.ScriptUnknown && sx.Has(without) {
			continue
		}
		res = res.Intersect(*sx)
	}
	return res
}

// IsSingleScript reports whether s is a single-script string: its resolved
// script set is not empty (UTS #39 §5.1). "Circle", "Круг", "東京タワー" and
// "123" are single-script; "Сirсle" with Cyrillic С and с is not.
func IsSingleScript(s string) bool { return !ResolvedScripts(s).IsEmpty() }

// IsMixedScript reports whether s is a mixed-script string: its resolved
// script set is empty (UTS #39 §5.1).
func IsMixedScript(s string) bool { return ResolvedScripts(s).IsEmpty() }
