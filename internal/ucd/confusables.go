package ucd

import "sort"

type mapEntry struct {
	r   rune
	off uint32
	n   uint8
}

// Prototype returns the prototype of r in confusables.txt (one or more code
// points), and false when r is not a source there, in which case r is its
// own prototype. Characters that are not sources are rejected through the
// Props trie before any search, so the common case costs one table look-up.
func Prototype(r rune) (string, bool) {
	if lookup(r).props&PropConfusableSource == 0 {
		return "", false
	}
	// A hand-written binary search: sort.Search's closure call per step
	// costs more than the comparison, and skeletons call this per letter.
	lo, hi := 0, len(confusables)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if confusables[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(confusables) && confusables[lo].r == r {
		e := &confusables[lo]
		return confData[e.off : e.off+uint32(e.n)], true
	}
	return "", false
}

// NumConfusables returns the number of source characters in confusables.txt.
func NumConfusables() int { return len(confusables) }

// ConfusableAt returns the i-th confusables.txt mapping in code point order,
// for 0 <= i < NumConfusables(); it lets tests and tools walk the data.
func ConfusableAt(i int) (source rune, prototype string) {
	e := &confusables[i]
	return e.r, confData[e.off : e.off+uint32(e.n)]
}

// IsIntentional reports whether a and b are an intentional confusable pair
// (intentional.txt): visually identical in normal use, by design, such as
// Latin A and Greek Alpha. The relation is symmetric; a character is not
// intentional with itself unless listed.
func IsIntentional(a, b rune) bool {
	i := sort.Search(len(intentional), func(i int) bool {
		p := intentional[i]
		return p[0] > a || p[0] == a && p[1] >= b
	})
	return i < len(intentional) && intentional[i] == [2]rune{a, b}
}
