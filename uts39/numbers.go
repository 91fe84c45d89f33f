package uts39

import (
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// DigitZeros returns, in order of first appearance, the zeros of the
// decimal digit systems (General_Category Nd) that s uses: "12" gives
// [U+0030], "1٢" (with ARABIC-INDIC DIGIT TWO) gives [U+0030 U+0660]. It
// returns nil when s has no decimal digit.
func DigitZeros(s string) []rune {
	var zeros []rune
	for i := 0; i < len(s); {
		z, n := digitZeroAt(s, i)
		i += n
		if z < 0 {
			continue
		}
		found := false
		for _, x := range zeros {
			if x == z {
				found = true
				break
			}
		}
		if !found {
			zeros = append(zeros, z)
		}
	}
	return zeros
}

// MixedNumbers reports whether s mixes decimal digits of different
// numbering systems (UTS #39 §5.3), such as ASCII digits with
// ARABIC-INDIC or MATHEMATICAL BOLD digits: "2О20" is not caught here (the
// О is a letter), but "2٠20" is. It does not allocate.
func MixedNumbers(s string) bool {
	first := rune(-1)
	for i := 0; i < len(s); {
		z, n := digitZeroAt(s, i)
		i += n
		if z < 0 {
			continue
		}
		if first < 0 {
			first = z
		} else if z != first {
			return true
		}
	}
	return false
}

// digitZeroAt decodes the character at s[i:] and returns the zero of its
// decimal digit system (-1 when it is not a decimal digit) and its width.
func digitZeroAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		if c < '0' || c > '9' {
			return -1, 1
		}
		return '0', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if z, ok := ucd.DigitZero(r); ok {
		return z, n
	}
	return -1, n
}
