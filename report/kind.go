package report

import (
	"fmt"
	"sort"
	"strings"
)

// Kind names a family of disguise. Each kind is one detector in package
// detect and one rule in SARIF output.
type Kind string

const (
	// LookalikeInWord: letters from another script mixed into a word, where
	// they look like letters of the word's own script ("Belаrus" with a
	// Cyrillic а).
	LookalikeInWord Kind = "lookalike-in-word"
	// LookalikeWord: a whole word written in another script whose letters
	// all look like letters of the surrounding text's script (a lone
	// Cyrillic "а" or "ѕсоре" in an English sentence).
	LookalikeWord Kind = "lookalike-word"
	// FancyLetter: fullwidth, mathematical, enclosed, small-capital,
	// modifier or superscript letters standing in for plain ones.
	FancyLetter Kind = "fancy-letter"
	// Invisible: zero-width and other default-ignorable characters where
	// the text does not need them.
	Invisible Kind = "invisible"
	// Bidi: bidirectional controls that can reorder what is displayed.
	Bidi Kind = "bidi-control"
	// HiddenPayload: tag characters or runs of variation selectors that
	// encode hidden text.
	HiddenPayload Kind = "hidden-payload"
	// CombiningMarks: stacked combining marks ("zalgo"), more than a letter
	// legitimately carries.
	CombiningMarks Kind = "combining-marks"
	// UnusualSpace: spaces other than U+0020 where typography does not call
	// for them.
	UnusualSpace Kind = "unusual-space"
	// ControlChar: C0/C1 control characters other than tab, LF and CR.
	ControlChar Kind = "control-character"
	// PrivateUse: private-use code points.
	PrivateUse Kind = "private-use"
	// Unassigned: code points not assigned in Unicode 17, and noncharacters.
	Unassigned Kind = "unassigned"
	// MixedDigits: digits from different numbering systems in one number,
	// or look-alike digits (fullwidth, mathematical) in plain text.
	MixedDigits Kind = "mixed-digits"
	// InvalidUTF8: bytes that are not valid UTF-8.
	InvalidUTF8 Kind = "invalid-utf8"
	// ConfusableIdentifier: in source code, two identifiers that look the
	// same but differ (rustc's confusable_idents).
	ConfusableIdentifier Kind = "confusable-identifier"
)

// KindInfo describes a kind for people: the SARIF rule, help texts, the
// legend of the web inspector.
type KindInfo struct {
	Kind     Kind     `json:"kind"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	Help     string   `json:"help"`
	Severity Severity `json:"default_severity"`
}

var kinds = []KindInfo{
	{LookalikeInWord, "Look-alike letter in a word",
		"A letter from another script that looks like a letter of the word's own script.",
		"Words like \"Belаrus\" (with a Cyrillic а) look normal to a reader but do not match searches, filters or duplicate detectors. Replace the letter with the one it imitates.",
		Error},
	{LookalikeWord, "Look-alike word in another script",
		"A whole word written in another script whose letters all imitate the surrounding text's letters.",
		"A Cyrillic \"а\" or \"ѕсоре\" among English words reads as English but is not. Words of the other script among its own words (Russian in Russian text) are not reported.",
		Error},
	{FancyLetter, "Fancy letter",
		"A fullwidth, mathematical, enclosed, small-capital or modifier letter standing in for a plain one.",
		"Styled letters such as 𝐇𝐞𝐥𝐥𝐨 or Ｈｅｌｌｏ defeat keyword filters. Restoration maps them back to plain letters; fullwidth forms in CJK text are left alone.",
		Warning},
	{Invisible, "Invisible character",
		"A zero-width or otherwise invisible character where the text does not need one.",
		"Invisible characters split words for machines while readers see nothing. Joiners inside emoji sequences and in scripts that need them (Persian, Indic scripts) are legitimate and not reported above info.",
		Warning},
	{Bidi, "Bidirectional control",
		"A bidi control that can make text display in a different order than it is stored.",
		"Unterminated embeddings, overrides and isolates reorder what follows (Trojan Source, CVE-2021-42574). In source code every bidi control is suspect; in prose, balanced controls around right-to-left text are legitimate.",
		Error},
	{HiddenPayload, "Hidden payload",
		"Tag characters or variation selectors that encode hidden text.",
		"Unicode tag characters and runs of variation selectors can carry an invisible message, for example instructions smuggled into an LLM prompt. The decoded text is shown in the finding.",
		Error},
	{CombiningMarks, "Stacked combining marks",
		"More combining marks on a letter than any language uses (zalgo).",
		"Stacks of combining marks obscure letters and break matching. Restoration removes the marks beyond what the letter legitimately carries.",
		Warning},
	{UnusualSpace, "Unusual space",
		"A space character other than the ordinary space where typography does not call for it.",
		"En, em and other special spaces between words split tokens for machines. NBSP before French punctuation and ideographic space in CJK text are legitimate.",
		Warning},
	{ControlChar, "Control character",
		"A C0 or C1 control character other than tab, line feed and carriage return.",
		"Control characters have no place in text and can hide content in terminals and logs.",
		Warning},
	{PrivateUse, "Private-use character",
		"A private-use code point, whose meaning depends on the font.",
		"Private-use characters display differently on every system and can stand for anything.",
		Warning},
	{Unassigned, "Unassigned code point",
		"A code point that Unicode 17 does not assign, or a noncharacter.",
		"Unassigned code points and noncharacters do not belong in interchanged text.",
		Warning},
	{MixedDigits, "Mixed or look-alike digits",
		"Digits from different numbering systems in one number, or styled digits standing in for plain ones.",
		"A number like 1٢3 or ２０２４ in English text compares differently from what it shows.",
		Warning},
	{InvalidUTF8, "Invalid UTF-8",
		"Bytes that are not valid UTF-8.",
		"The bytes are kept as they are; they may be a different encoding, corruption, or an attempt to confuse a parser.",
		Warning},
	{ConfusableIdentifier, "Confusable identifiers",
		"Two identifiers in the same file that look identical but are different.",
		"An identifier that looks like another one can make code do something other than what reviewers read.",
		Error},
}

// Kinds lists every kind with its description, in a stable order.
func Kinds() []KindInfo { return append([]KindInfo(nil), kinds...) }

// Info returns the description of k.
func (k Kind) Info() KindInfo {
	for _, ki := range kinds {
		if ki.Kind == k {
			return ki
		}
	}
	return KindInfo{Kind: k, Title: string(k)}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, ki := range kinds {
		if ki.Kind == k {
			return true
		}
	}
	return false
}

// ParseKinds reads a comma-separated list of kind names.
func ParseKinds(s string) ([]Kind, error) {
	var out []Kind
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k := Kind(part)
		if !k.Valid() {
			names := make([]string, len(kinds))
			for i, ki := range kinds {
				names[i] = string(ki.Kind)
			}
			sort.Strings(names)
			return nil, fmt.Errorf("unknown finding kind %q: want one of %s", part, strings.Join(names, ", "))
		}
		out = append(out, k)
	}
	return out, nil
}
