package uts39

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"

	"github.com/plainsight/plainsight/internal/ucd"
)

// Direction is a paragraph direction for BidiSkeleton and BidiConfusable.
type Direction uint8

const (
	// LTR is a left-to-right paragraph (paragraph embedding level 0).
	LTR Direction = iota
	// RTL is a right-to-left paragraph (paragraph embedding level 1).
	RTL
)

func (d Direction) String() string {
	switch d {
	case LTR:
		return "LTR"
	case RTL:
		return "RTL"
	}
	return "Direction(?)"
}

// BidiSkeleton returns the bidi skeleton of s for the paragraph direction
// dir (UTS #39 §4, bidiSkeleton): s is laid out by the Unicode
// Bidirectional Algorithm (UAX #9) in a paragraph of direction dir, the
// characters resolved right-to-left are replaced by their mirrored glyph
// (rule L4), and the skeleton (see Skeleton) of the text in that visual
// order is returned. The explicit formatting characters (LRE, RLO, LRI,
// PDI, ...) act on the order and are then removed by the skeleton, as
// default-ignorable characters.
//
// Each paragraph of s (text up to and including a paragraph separator such
// as a line feed) is laid out on its own, as one line; the separator stays
// at the end of its paragraph. Combining marks stay after their base in
// right-to-left runs (rule L3), as ICU's bidi skeleton does.
//
// A dir other than LTR and RTL is taken as LTR.
func BidiSkeleton(dir Direction, s string) string {
	if dir != RTL {
		dir = LTR
		if ltrStable(s) {
			return Skeleton(s)
		}
	}
	b := getBidiBuffers()
	defer putBidiBuffers(b)
	b.visual = appendVisual(b.visual[:0], b, dir, s)
	sb := getBuffers()
	defer putBuffers(sb)
	sb.bytes = sb.bytes[:0]
	for _, r := range b.visual {
		sb.bytes = utf8.AppendRune(sb.bytes, r)
	}
	return Skeleton(string(sb.bytes))
}

// BidiConfusable reports whether a and b are bidi-confusable for the
// paragraph direction dir: whether their bidi skeletons are equal (UTS #39
// §4). Strings that are displayed alike once reordered, such as
// "\u202Egnp.exe" (a RIGHT-TO-LEFT OVERRIDE before "gnp.exe") and
// "exe.png", are bidi-confusable though they are not confusable.
func BidiConfusable(dir Direction, a, b string) bool {
	if a == b {
		return true
	}
	return BidiSkeleton(dir, a) == BidiSkeleton(dir, b)
}

// ltrStable reports whether s has no character that can get an odd
// embedding level in a left-to-right paragraph: no R, AL or AN character
// and no RLE, RLO or RLI. Then every resolved level is even, reordering
// (rule L2) leaves the order alone, nothing is mirrored, and the bidi
// skeleton is the skeleton. An FSI only turns right-to-left on an R or AL
// character, which the scan also sees.
func ltrStable(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		p, n := bidi.LookupString(s[i:])
		if n == 0 {
			n = 1
		}
		i += n
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.AN, bidi.RLE, bidi.RLO, bidi.RLI:
			return false
		}
	}
	return true
}

// bidiBuffers holds the per-call scratch space of the bidi algorithm.
type bidiBuffers struct {
	runes, visual []rune
	orig, cls     []bidi.Class
	levels        []uint8
	match         []int32 // matching PDI of an isolate initiator, or initiator of a PDI; -1 if none
	order, seq    []int32
	bump          []uint8 // level increments of rules I1 and I2
	stack         []int32
	pairs         []bracketPair
}

type bracketPair struct{ open, close int32 }

var bidiPool = sync.Pool{New: func() any { return new(bidiBuffers) }}

func getBidiBuffers() *bidiBuffers { return bidiPool.Get().(*bidiBuffers) }

func putBidiBuffers(b *bidiBuffers) {
	const maxKeep = 1 << 16
	if cap(b.runes) > maxKeep || cap(b.visual) > maxKeep {
		return
	}
	bidiPool.Put(b)
}

// appendVisual appends the characters of s in visual order, mirrored where
// resolved right-to-left, paragraph by paragraph.
func appendVisual(dst []rune, b *bidiBuffers, dir Direction, s string) []rune {
	b.runes = b.runes[:0]
	b.orig = b.orig[:0]
	for _, r := range s {
		b.runes = append(b.runes, r)
		p, _ := bidi.LookupRune(r)
		b.orig = append(b.orig, p.Class())
	}
	start := 0
	for i := 0; i <= len(b.runes); i++ {
		if i < len(b.runes) && b.orig[i] != bidi.B {
			continue
		}
		dst = appendParagraph(dst, b, dir, start, i)
		if i < len(b.runes) {
			dst = append(dst, b.runes[i]) // the paragraph separator
		}
		start = i + 1
	}
	return dst
}

// appendParagraph runs the bidi algorithm on the paragraph runes[start:end]
// (without its separator) laid out as one line, and appends it in visual
// order.
func appendParagraph(dst []rune, b *bidiBuffers, dir Direction, start, end int) []rune {
	if start == end {
		return dst
	}
	p := paragraph{
		runes: b.runes[start:end],
		orig:  b.orig[start:end],
		level: uint8(dir & 1),
		b:     b,
	}
	n := end - start
	b.cls = append(b.cls[:0], p.orig...)
	b.levels = resize(b.levels, n)
	b.bump = resize(b.bump, n)
	clear(b.bump)
	b.match = resizeInt(b.match, n)
	p.cls, p.levels, p.match = b.cls, b.levels, b.match
	p.matchIsolates()
	p.explicit()
	p.resolveSequences()
	p.lineLevels()
	return p.appendReordered(dst)
}

type paragraph struct {
	runes  []rune
	orig   []bidi.Class // Bidi_Class of each character
	cls    []bidi.Class // class as the rules change it
	levels []uint8
	match  []int32
	level  uint8 // paragraph embedding level
	b      *bidiBuffers
}

const maxDepth = 125 // UAX #9 BD2

func isIsolateInitiator(c bidi.Class) bool { return c == bidi.LRI || c == bidi.RLI || c == bidi.FSI }

// removedByX9 reports whether rule X9 removes characters of class c: the
// embedding and override controls, PDF and boundary neutrals.
func removedByX9(c bidi.Class) bool {
	switch c {
	case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.BN:
		return true
	}
	return false
}

// matchIsolates pairs isolate initiators with their matching PDI (BD9).
func (p *paragraph) matchIsolates() {
	st := p.b.stack[:0]
	for i, c := range p.orig {
		p.match[i] = -1
		switch {
		case isIsolateInitiator(c):
			st = append(st, int32(i))
		case c == bidi.PDI && len(st) > 0:
			j := st[len(st)-1]
			st = st[:len(st)-1]
			p.match[i], p.match[j] = j, int32(i)
		}
	}
	p.b.stack = st
}

// firstStrongRTL applies rules P2 and P3 to orig[from:to]: it reports
// whether the first strong character, skipping isolates, is R or AL.
func (p *paragraph) firstStrongRTL(from, to int) bool {
	for i := from; i < to; i++ {
		switch c := p.orig[i]; {
		case c == bidi.L:
			return false
		case c == bidi.R || c == bidi.AL:
			return true
		case isIsolateInitiator(c):
			if p.match[i] < 0 {
				return false // the isolate runs to the end of the paragraph
			}
			i = int(p.match[i])
		}
	}
	return false
}

// explicit applies rules X1 to X8: explicit embedding levels and
// directional overrides, with the directional status stack.
func (p *paragraph) explicit() {
	type status struct {
		level    uint8
		override bidi.Class // ON when neutral, else L or R
		isolate  bool
	}
	var stackBuf [maxDepth + 2]status
	stack := append(stackBuf[:0], status{p.level, bidi.ON, false})
	overflowIsolates, overflowEmbeddings, validIsolates := 0, 0, 0
	next := func(rtl bool) uint8 {
		l := stack[len(stack)-1].level + 1
		if rtl {
			l |= 1
		} else {
			l = (l + 1) &^ 1
		}
		return l
	}
	for i, c := range p.orig {
		top := stack[len(stack)-1]
		p.levels[i] = top.level
		switch c {
		case bidi.RLE, bidi.LRE, bidi.RLO, bidi.LRO:
			l := next(c == bidi.RLE || c == bidi.RLO)
			if l <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				o := bidi.ON
				if c == bidi.RLO {
					o = bidi.R
				} else if c == bidi.LRO {
					o = bidi.L
				}
				stack = append(stack, status{l, o, false})
			} else if overflowIsolates == 0 {
				overflowEmbeddings++
			}
		case bidi.RLI, bidi.LRI, bidi.FSI:
			if top.override != bidi.ON {
				p.cls[i] = top.override
			}
			rtl := c == bidi.RLI
			if c == bidi.FSI {
				end := len(p.orig)
				if p.match[i] >= 0 {
					end = int(p.match[i])
				}
				rtl = p.firstStrongRTL(i+1, end)
			}
			l := next(rtl)
			if l <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				validIsolates++
				stack = append(stack, status{l, bidi.ON, true})
			} else {
				overflowIsolates++
			}
		case bidi.PDI:
			switch {
			case overflowIsolates > 0:
				overflowIsolates--
			case validIsolates == 0:
			default:
				overflowEmbeddings = 0
				for !stack[len(stack)-1].isolate {
					stack = stack[:len(stack)-1]
				}
				stack = stack[:len(stack)-1]
				validIsolates--
			}
			top = stack[len(stack)-1]
			p.levels[i] = top.level
			if top.override != bidi.ON {
				p.cls[i] = top.override
			}
		case bidi.PDF:
			switch {
			case overflowIsolates > 0:
			case overflowEmbeddings > 0:
				overflowEmbeddings--
			case !top.isolate && len(stack) >= 2:
				stack = stack[:len(stack)-1]
			}
		case bidi.BN:
		default:
			if top.override != bidi.ON {
				p.cls[i] = top.override
			}
		}
	}
}

// resolveSequences applies rule X10: it splits the paragraph, without the
// characters removed by X9, into isolating run sequences and resolves each
// (W1-W7, N0-N2, I1-I2). Then it gives each removed character the level of
// the character before it, so that it stays in place when reordered.
func (p *paragraph) resolveSequences() {
	n := len(p.orig)
	for i := 0; i < n; i++ {
		if removedByX9(p.orig[i]) {
			continue
		}
		// i starts a level run; it starts a sequence unless it is a PDI
		// that matches an initiator.
		if p.orig[i] == bidi.PDI && p.match[i] >= 0 {
			i = p.skipRun(i)
			continue
		}
		seq := p.b.seq[:0]
		j := i
		for {
			end := p.skipRun(j)
			for k := j; k <= end; k++ {
				if !removedByX9(p.orig[k]) {
					seq = append(seq, int32(k))
				}
			}
			last := seq[len(seq)-1]
			if !isIsolateInitiator(p.orig[last]) || p.match[last] < 0 {
				break
			}
			j = int(p.match[last])
		}
		p.b.seq = seq
		p.resolveSequence(seq)
		i = p.skipRun(i)
	}
	for i, d := range p.b.bump[:n] {
		p.levels[i] += d
	}
	prev := p.level
	for i := 0; i < n; i++ {
		if removedByX9(p.orig[i]) {
			p.levels[i] = prev
		}
		prev = p.levels[i]
	}
}

// skipRun returns the index of the last character, not removed by X9, of
// the level run that starts at i.
func (p *paragraph) skipRun(i int) int {
	last := i
	for k := i + 1; k < len(p.orig); k++ {
		if removedByX9(p.orig[k]) {
			continue
		}
		if p.levels[k] != p.levels[i] {
			break
		}
		last = k
	}
	return last
}

func dirOf(level uint8) bidi.Class {
	if level&1 != 0 {
		return bidi.R
	}
	return bidi.L
}

// resolveSequence resolves the weak and neutral types and the implicit
// levels of one isolating run sequence (indices into the paragraph, in
// order).
func (p *paragraph) resolveSequence(seq []int32) {
	cls := p.cls
	level := p.levels[seq[0]]
	// sos and eos (X10).
	before := p.level
	for k := int(seq[0]) - 1; k >= 0; k-- {
		if !removedByX9(p.orig[k]) {
			before = p.levels[k]
			break
		}
	}
	after := p.level
	if last := seq[len(seq)-1]; !isIsolateInitiator(p.orig[last]) {
		for k := int(last) + 1; k < len(p.orig); k++ {
			if !removedByX9(p.orig[k]) {
				after = p.levels[k]
				break
			}
		}
	}
	sos, eos := dirOf(max(level, before)), dirOf(max(level, after))

	// W1: nonspacing marks.
	prev := sos
	for _, i := range seq {
		if cls[i] == bidi.NSM {
			cls[i] = prev
		}
		prev = cls[i]
		if isIsolateInitiator(prev) || prev == bidi.PDI {
			prev = bidi.ON
		}
	}
	// W2 and W3: European numbers after Arabic letters; AL to R.
	strong := sos
	for _, i := range seq {
		switch cls[i] {
		case bidi.L, bidi.R:
			strong = cls[i]
		case bidi.AL:
			strong = bidi.AL
			cls[i] = bidi.R
		case bidi.EN:
			if strong == bidi.AL {
				cls[i] = bidi.AN
			}
		}
	}
	// W4: a single separator between two numbers of one kind.
	for k := 1; k+1 < len(seq); k++ {
		c, a, b := cls[seq[k]], cls[seq[k-1]], cls[seq[k+1]]
		switch {
		case c == bidi.ES && a == bidi.EN && b == bidi.EN:
			cls[seq[k]] = bidi.EN
		case c == bidi.CS && a == b && (a == bidi.EN || a == bidi.AN):
			cls[seq[k]] = a
		}
	}
	// W5: terminators next to European numbers.
	for k := 0; k < len(seq); {
		if cls[seq[k]] != bidi.ET {
			k++
			continue
		}
		e := k
		for e < len(seq) && cls[seq[e]] == bidi.ET {
			e++
		}
		if k > 0 && cls[seq[k-1]] == bidi.EN || e < len(seq) && cls[seq[e]] == bidi.EN {
			for m := k; m < e; m++ {
				cls[seq[m]] = bidi.EN
			}
		}
		k = e
	}
	// W6 and W7: other separators and terminators to ON; European
	// numbers after L to L.
	strong = sos
	for _, i := range seq {
		switch cls[i] {
		case bidi.ES, bidi.ET, bidi.CS:
			cls[i] = bidi.ON
		case bidi.L, bidi.R:
			strong = cls[i]
		case bidi.EN:
			if strong == bidi.L {
				cls[i] = bidi.L
			}
		}
	}
	p.resolveBrackets(seq, sos, dirOf(level))
	// N1 and N2: neutrals and isolate formatting characters take the
	// direction of the strong text around them (numbers count as R), or
	// the embedding direction.
	e := dirOf(level)
	for k := 0; k < len(seq); {
		if !isNI(cls[seq[k]]) {
			k++
			continue
		}
		end := k
		for end < len(seq) && isNI(cls[seq[end]]) {
			end++
		}
		lead, trail := sos, eos
		if k > 0 {
			lead = strongDir(cls[seq[k-1]])
		}
		if end < len(seq) {
			trail = strongDir(cls[seq[end]])
		}
		d := e
		if lead == trail {
			d = lead
		}
		for m := k; m < end; m++ {
			cls[seq[m]] = d
		}
		k = end
	}
	// I1 and I2: implicit levels, applied once every sequence is resolved
	// (the sos and eos of the next sequences depend on the embedding
	// levels).
	for _, i := range seq {
		l := p.levels[i]
		switch c := cls[i]; {
		case l&1 == 0 && c == bidi.R:
			p.b.bump[i] = 1
		case l&1 == 0 && (c == bidi.AN || c == bidi.EN):
			p.b.bump[i] = 2
		case l&1 == 1 && (c == bidi.L || c == bidi.AN || c == bidi.EN):
			p.b.bump[i] = 1
		}
	}
}

// isNI reports whether c is a neutral or isolate formatting class (NI).
func isNI(c bidi.Class) bool {
	switch c {
	case bidi.B, bidi.S, bidi.WS, bidi.ON, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
		return true
	}
	return false
}

// strongDir is the direction that a resolved class gives its neighbours in
// rules N0 and N1: European and Arabic numbers act as R.
func strongDir(c bidi.Class) bidi.Class {
	switch c {
	case bidi.L:
		return bidi.L
	case bidi.R, bidi.AL, bidi.EN, bidi.AN:
		return bidi.R
	}
	return bidi.ON
}

// resolveBrackets applies rule N0 to the bracket pairs of a sequence (BD16):
// a pair takes the embedding direction e when it encloses strong text of
// that direction, otherwise the opposite direction when it encloses such
// text and the text before the pair has that direction too.
func (p *paragraph) resolveBrackets(seq []int32, sos, e bidi.Class) {
	cls := p.cls
	pairs := p.b.pairs[:0]
	st := p.b.stack[:0] // positions in seq of the open brackets
	const maxStack = 63
scan:
	for k, i := range seq {
		if cls[i] != bidi.ON {
			continue
		}
		pr, _ := bidi.LookupRune(p.runes[i])
		if !pr.IsBracket() {
			continue
		}
		if pr.IsOpeningBracket() {
			if len(st) == maxStack {
				break scan
			}
			st = append(st, int32(k))
			continue
		}
		want := canonicalBracket(p.runes[i])
		for m := len(st) - 1; m >= 0; m-- {
			if canonicalBracket(mirrorBracket(p.runes[seq[st[m]]])) == want {
				pairs = append(pairs, bracketPair{st[m], int32(k)})
				st = st[:m]
				break
			}
		}
	}
	p.b.stack = st
	if len(pairs) == 0 {
		p.b.pairs = pairs
		return
	}
	// Sort the pairs by the position of their opening bracket (insertion
	// sort: the list is short and nearly sorted).
	for a := 1; a < len(pairs); a++ {
		for b := a; b > 0 && pairs[b].open < pairs[b-1].open; b-- {
			pairs[b], pairs[b-1] = pairs[b-1], pairs[b]
		}
	}
	p.b.pairs = pairs
	for _, pair := range pairs {
		found := bidi.ON
		for k := pair.open + 1; k < pair.close; k++ {
			d := strongDir(cls[seq[k]])
			if d == e {
				found = e
				break
			}
			if d != bidi.ON {
				found = d
			}
		}
		if found == bidi.ON {
			continue // no strong type inside: left to N1 and N2
		}
		if found != e {
			ctx := sos
			for k := pair.open - 1; k >= 0; k-- {
				if d := strongDir(cls[seq[k]]); d != bidi.ON {
					ctx = d
					break
				}
			}
			if ctx != found {
				found = e
			}
		}
		for _, k := range [2]int32{pair.open, pair.close} {
			cls[seq[k]] = found
			// Nonspacing marks after a bracket take its new type.
			for m := k + 1; m < int32(len(seq)) && p.orig[seq[m]] == bidi.NSM; m++ {
				cls[seq[m]] = found
			}
		}
	}
}

// canonicalBracket maps U+2329 and U+232A to their canonical equivalents
// U+3008 and U+3009, so that either matches the other (BD16).
func canonicalBracket(r rune) rune {
	switch r {
	case 0x2329:
		return 0x3008
	case 0x232A:
		return 0x3009
	}
	return r
}

// lineLevels applies rule L1 to the paragraph as one line: segment
// separators, and whitespace and isolate formatting characters (with the
// characters removed by X9 among them) before a segment separator or at the
// end of the line, get the paragraph level.
func (p *paragraph) lineLevels() {
	trailing := true
	for i := len(p.orig) - 1; i >= 0; i-- {
		switch c := p.orig[i]; {
		case c == bidi.S || c == bidi.B:
			p.levels[i] = p.level
			trailing = true
		case trailing && (c == bidi.WS || isIsolateInitiator(c) || c == bidi.PDI || removedByX9(c)):
			p.levels[i] = p.level
		default:
			trailing = false
		}
	}
}

// appendReordered applies rules L2 (reversal of the runs at each level from
// the highest down to the lowest odd one), L3 (combining marks after their
// base in reversed runs) and L4 (mirroring) and appends the result.
func (p *paragraph) appendReordered(dst []rune) []rune {
	n := len(p.runes)
	order := p.b.order[:0]
	var hi, lowOdd uint8 = 0, 255
	for i := 0; i < n; i++ {
		order = append(order, int32(i))
		l := p.levels[i]
		hi = max(hi, l)
		if l&1 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	p.b.order = order
	for l := hi; l >= lowOdd && lowOdd != 255; l-- {
		for i := 0; i < n; {
			if p.levels[order[i]] < l {
				i++
				continue
			}
			j := i
			for j < n && p.levels[order[j]] >= l {
				j++
			}
			reverse(order[i:j])
			i = j
		}
		if l == 0 {
			break
		}
	}
	// L3: in a reversed run, a base and its marks come out as the marks in
	// reverse order and then the base; turn them back. Marks without a
	// base before them keep their logical order too.
	for i := 0; i < n; i++ {
		x := order[i]
		if p.levels[x]&1 == 0 || !isMark(p.runes[x]) {
			continue
		}
		j := i
		for j+1 < n && order[j+1] == order[j]-1 && p.levels[order[j+1]] == p.levels[x] {
			j++
			if !isMark(p.runes[order[j]]) {
				break
			}
		}
		reverse(order[i : j+1])
		i = j
	}
	for _, x := range order {
		r := p.runes[x]
		if p.levels[x]&1 == 1 {
			r = mirror(r)
		}
		dst = append(dst, r)
	}
	return dst
}

func isMark(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	return ucd.Lookup(r).Category().IsMark()
}

func reverse(s []int32) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// mirror returns the Bidi_Mirroring_Glyph of r, or r (rule L4): the paired
// bracket for the brackets of golang.org/x/text/unicode/bidi, else the
// pairs of mirrorPairs.
func mirror(r rune) rune {
	if r < utf8.RuneSelf {
		switch r {
		case '(', ')', '[', ']', '{', '}':
			return mirrorBracket(r)
		case '<':
			return '>'
		case '>':
			return '<'
		}
		return r
	}
	if p, _ := bidi.LookupRune(r); p.IsBracket() {
		return mirrorBracket(r)
	}
	mirrorOnce.Do(initMirrors)
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}

// mirrorBracket returns the Bidi_Paired_Bracket of a bracket r, which is
// also its Bidi_Mirroring_Glyph.
func mirrorBracket(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	}
	m, _ := utf8.DecodeRuneInString(bidi.ReverseString(string(r)))
	return m
}

var (
	mirrorOnce sync.Once
	mirrors    map[rune]rune
)

func initMirrors() {
	mirrors = make(map[rune]rune, 2*len(mirrorPairs))
	for _, p := range mirrorPairs {
		mirrors[p[0]] = p[1]
		mirrors[p[1]] = p[0]
	}
}

// mirrorPairs are the Bidi_Mirroring_Glyph pairs of BidiMirroring.txt that
// are not bracket pairs (those come from golang.org/x/text/unicode/bidi, at
// its Unicode version): each character is the mirror of the other. The
// list was checked against a copy of BidiMirroring.txt of Unicode 13 or
// earlier; the pairs added since then, if any are not brackets, are missing
// (see the package documentation).
var mirrorPairs = [...][2]rune{
	{0x003C, 0x003E}, {0x00AB, 0x00BB}, {0x2039, 0x203A}, {0x2208, 0x220B},
	{0x2209, 0x220C}, {0x220A, 0x220D}, {0x2215, 0x29F5}, {0x221F, 0x2BFE},
	{0x2220, 0x29A3}, {0x2221, 0x299B}, {0x2222, 0x29A0}, {0x2224, 0x2AEE},
	{0x223C, 0x223D}, {0x2243, 0x22CD}, {0x2245, 0x224C}, {0x2252, 0x2253},
	{0x2254, 0x2255}, {0x2264, 0x2265}, {0x2266, 0x2267}, {0x2268, 0x2269},
	{0x226A, 0x226B}, {0x226E, 0x226F}, {0x2270, 0x2271}, {0x2272, 0x2273},
	{0x2274, 0x2275}, {0x2276, 0x2277}, {0x2278, 0x2279}, {0x227A, 0x227B},
	{0x227C, 0x227D}, {0x227E, 0x227F}, {0x2280, 0x2281}, {0x2282, 0x2283},
	{0x2284, 0x2285}, {0x2286, 0x2287}, {0x2288, 0x2289}, {0x228A, 0x228B},
	{0x228F, 0x2290}, {0x2291, 0x2292}, {0x2298, 0x29B8}, {0x22A2, 0x22A3},
	{0x22A6, 0x2ADE}, {0x22A8, 0x2AE4}, {0x22A9, 0x2AE3}, {0x22AB, 0x2AE5},
	{0x22B0, 0x22B1}, {0x22B2, 0x22B3}, {0x22B4, 0x22B5}, {0x22B6, 0x22B7},
	{0x22B8, 0x27DC}, {0x22C9, 0x22CA}, {0x22CB, 0x22CC}, {0x22D0, 0x22D1},
	{0x22D6, 0x22D7}, {0x22D8, 0x22D9}, {0x22DA, 0x22DB}, {0x22DC, 0x22DD},
	{0x22DE, 0x22DF}, {0x22E0, 0x22E1}, {0x22E2, 0x22E3}, {0x22E4, 0x22E5},
	{0x22E6, 0x22E7}, {0x22E8, 0x22E9}, {0x22EA, 0x22EB}, {0x22EC, 0x22ED},
	{0x22F0, 0x22F1}, {0x22F2, 0x22FA}, {0x22F3, 0x22FB}, {0x22F4, 0x22FC},
	{0x22F6, 0x22FD}, {0x22F7, 0x22FE}, {0x27C3, 0x27C4}, {0x27C8, 0x27C9},
	{0x27CB, 0x27CD}, {0x27D5, 0x27D6}, {0x27DD, 0x27DE}, {0x27E2, 0x27E3},
	{0x27E4, 0x27E5}, {0x29A4, 0x29A5}, {0x29A8, 0x29A9}, {0x29AA, 0x29AB},
	{0x29AC, 0x29AD}, {0x29AE, 0x29AF}, {0x29C0, 0x29C1}, {0x29C4, 0x29C5},
	{0x29CF, 0x29D0}, {0x29D1, 0x29D2}, {0x29D4, 0x29D5}, {0x29E8, 0x29E9},
	{0x29F8, 0x29F9}, {0x2A2B, 0x2A2C}, {0x2A2D, 0x2A2E}, {0x2A34, 0x2A35},
	{0x2A3C, 0x2A3D}, {0x2A64, 0x2A65}, {0x2A79, 0x2A7A}, {0x2A7B, 0x2A7C},
	{0x2A7D, 0x2A7E}, {0x2A7F, 0x2A80}, {0x2A81, 0x2A82}, {0x2A83, 0x2A84},
	{0x2A85, 0x2A86}, {0x2A87, 0x2A88}, {0x2A89, 0x2A8A}, {0x2A8B, 0x2A8C},
	{0x2A8D, 0x2A8E}, {0x2A8F, 0x2A90}, {0x2A91, 0x2A92}, {0x2A93, 0x2A94},
	{0x2A95, 0x2A96}, {0x2A97, 0x2A98}, {0x2A99, 0x2A9A}, {0x2A9B, 0x2A9C},
	{0x2A9D, 0x2A9E}, {0x2A9F, 0x2AA0}, {0x2AA1, 0x2AA2}, {0x2AA6, 0x2AA7},
	{0x2AA8, 0x2AA9}, {0x2AAA, 0x2AAB}, {0x2AAC, 0x2AAD}, {0x2AAF, 0x2AB0},
	{0x2AB1, 0x2AB2}, {0x2AB3, 0x2AB4}, {0x2AB5, 0x2AB6}, {0x2AB7, 0x2AB8},
	{0x2AB9, 0x2ABA}, {0x2ABB, 0x2ABC}, {0x2ABD, 0x2ABE}, {0x2ABF, 0x2AC0},
	{0x2AC1, 0x2AC2}, {0x2AC3, 0x2AC4}, {0x2AC5, 0x2AC6}, {0x2AC7, 0x2AC8},
	{0x2AC9, 0x2ACA}, {0x2ACB, 0x2ACC}, {0x2ACD, 0x2ACE}, {0x2ACF, 0x2AD0},
	{0x2AD1, 0x2AD2}, {0x2AD3, 0x2AD4}, {0x2AD5, 0x2AD6}, {0x2AEC, 0x2AED},
	{0x2AF7, 0x2AF8}, {0x2AF9, 0x2AFA}, {0x2E02, 0x2E03}, {0x2E04, 0x2E05},
	{0x2E09, 0x2E0A}, {0x2E0C, 0x2E0D}, {0x2E1C, 0x2E1D}, {0x2E20, 0x2E21},
	{0xFE64, 0xFE65}, {0xFF1C, 0xFF1E},
}

func resize(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	return s[:n]
}

func resizeInt(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
