package ucd

import "sort"

// EmojiZWJSequenceAt returns the byte length of the longest RGI emoji ZWJ
// sequence (emoji-zwj-sequences.txt) that is a prefix of s, or 0.
func EmojiZWJSequenceAt(s string) int { return longestPrefix(emojiZWJSeqs[:], emojiZWJSeqsMaxLen, s) }

// EmojiSequenceAt returns the byte length of the longest sequence of
// emoji-sequences.txt (basic emoji, keycaps, flags, modifier sequences, tag
// sequences) that is a prefix of s, or 0.
func EmojiSequenceAt(s string) int { return longestPrefix(emojiSeqs[:], emojiSeqsMaxLen, s) }

// longestPrefix finds the longest element of the sorted list that is a
// prefix of s without allocating. It looks at the greatest element e <= t
// (t starting as s): if e is a prefix of t it is the longest one, because
// any prefix p of t sorts between p and t and so lies at or below e and is
// itself a prefix of e; otherwise no element longer than the common prefix
// of e and t can be a prefix of t, so t shrinks to that and the search
// repeats.
func longestPrefix(list []string, maxLen int, s string) int {
	t := s
	if len(t) > maxLen {
		t = t[:maxLen]
	}
	for len(t) > 0 {
		i := sort.SearchStrings(list, t) // first element >= t
		if i < len(list) && list[i] == t {
			return len(t)
		}
		if i == 0 {
			return 0
		}
		e := list[i-1]
		n := 0
		for n < len(e) && n < len(t) && e[n] == t[n] {
			n++
		}
		if n == len(e) {
			return n
		}
		t = t[:n]
	}
	return 0
}

// HasVariationSequence reports whether base followed by vs (U+FE0E text
// style or U+FE0F emoji style) is listed in emoji-variation-sequences.txt.
func HasVariationSequence(base rune, vs rune) bool {
	var bit uint32
	switch vs {
	case 0xFE0E:
		bit = 1
	case 0xFE0F:
		bit = 2
	default:
		return false
	}
	i := sort.Search(len(emojiVS), func(i int) bool { return emojiVS[i]>>2 >= uint32(base) })
	return i < len(emojiVS) && emojiVS[i]>>2 == uint32(base) && emojiVS[i]&bit != 0
}
