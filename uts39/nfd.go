package uts39

import (
	"sync"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// Canonical decomposition is done here, from the generated Unicode 17
// tables, rather than with golang.org/x/text/unicode/norm: with Go 1.26 that
// package carries Unicode 15.0 data, which would leave the canonical
// decompositions added in Unicode 16 and 17 undone and make Skeleton
// disagree with confusables.txt 17.0 for them.

const (
	hangulBase   = 0xAC00
	hangulLast   = 0xD7A3
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulTCount = 28
	hangulNCount = 21 * 28
)

// appendDecomposed appends the full canonical decomposition of r to dst and
// restores canonical order among the trailing non-starters.
func appendDecomposed(dst []rune, r rune) []rune {
	info := ucd.Lookup(r)
	if info.Props()&ucd.PropCanonicalDecomposition == 0 {
		return appendOrdered(dst, r, info.CombiningClass())
	}
	if r >= hangulBase && r <= hangulLast {
		s := r - hangulBase
		dst = append(dst, hangulLBase+s/hangulNCount, hangulVBase+s%hangulNCount/hangulTCount)
		if t := s % hangulTCount; t != 0 {
			dst = append(dst, hangulTBase+t)
		}
		return dst
	}
	_, m := ucd.Decomposition(r)
	for _, x := range m {
		dst = appendDecomposed(dst, x)
	}
	return dst
}

// appendOrdered appends r, which has no canonical decomposition and has
// combining class c, moving it before preceding non-starters with a higher
// combining class (the canonical ordering algorithm, done one insertion at a
// time).
func appendOrdered(dst []rune, r rune, c uint8) []rune {
	dst = append(dst, r)
	if c == 0 {
		return dst
	}
	i := len(dst) - 1
	for i > 0 {
		pc := ucd.CombiningClass(dst[i-1])
		if pc <= c { // a starter (0) or an equal class stops the move
			break
		}
		dst[i] = dst[i-1]
		i--
	}
	dst[i] = r
	return dst
}

// nfdStable reports whether r is unchanged by NFD whatever surrounds it:
// no decomposition and combining class 0.
func nfdStable(r rune) bool {
	info := ucd.Lookup(r)
	return info.Props()&ucd.PropCanonicalDecomposition == 0 && info.CombiningClass() == 0
}

// NFD returns s in Normalization Form D computed from the Unicode 17 data
// of package ucd (see the package documentation). Invalid UTF-8 bytes are
// replaced by U+FFFD. It returns s itself, without allocating, when s is
// already in NFD and valid.
func NFD(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !nfdStable(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	b := getBuffers()
	defer putBuffers(b)
	b.nfd = nfdRunes(b.nfd[:0], s[i:])
	b.bytes = append(b.bytes[:0], s[:i]...)
	for _, r := range b.nfd {
		b.bytes = utf8.AppendRune(b.bytes, r)
	}
	return string(b.bytes)
}

// nfdRunes appends the NFD of s to dst.
func nfdRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = appendDecomposed(dst, r)
	}
	return dst
}

// buffers is the scratch space of NFD and Skeleton, pooled so that a call
// allocates only its result.
type buffers struct {
	nfd, out []rune
	bytes    []byte
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

func getBuffers() *buffers { return bufPool.Get().(*buffers) }

// putBuffers returns b to the pool unless a huge input made it grow: the
// pool should not pin megabytes after one large call.
func putBuffers(b *buffers) {
	const maxKeep = 1 << 16
	if cap(b.nfd) > maxKeep || cap(b.out) > maxKeep || cap(b.bytes) > 4*maxKeep {
		return
	}
	bufPool.Put(b)
}
