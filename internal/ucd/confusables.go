package ucd

import "sort"

type mapEntry struct {
	r   rune
	off uint32
	n   uint8
}

// Prototype returns the prototype of r in confusables.txt (one or more code
// points), and false when r is not a source there, in which case r is its
// own prototype. It is a constant-time trie look-up, like Props.
func Prototype(r rune) (string, bool) {
	u := uint32(r)
	if u > 0x10FFFF {
		return "", false
	}
	m := uint32(confTrieTop[u>>(trieLeafBits+trieMidBits)])
	l := uint32(confTrieMid[m<<trieMidBits|(u>>trieLeafBits)&(1<<trieMidBits-1)])
	i := confTrieLeaf[l<<trieLeafBits|u&(1<<trieLeafBits-1)]
	if i == 0 {
		return "", false
	}
	e := &confusables[i-1]
	return confData[e.off : e.off+uint32(e.n)], true
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
