package detect

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// word is one token of letters, digits and the marks and invisible
// characters between them.
type word struct {
	from, to int32 // cells [from, to)
	letters  int32 // letter-like cells: letters, fancy letters, letter-like symbols
	n        [numClasses]int16
	dist     [numClasses]int16
	fancy    int16 // styled letters and digits that are not legitimate here
	wide     bool  // has fullwidth forms outside CJK text
	// digitStyled: has mathematical (styled) digits, which prose never uses
	digitStyled bool
	styled      bool
	mixed       bool // plain letters of more than one class
	simple      bool // only plain letters of one class: voted by tokenise
	vote        class
	weight      float32
	disguised   bool    // swap or fancyWord restored letters of it
	ctx         ctxKind // in source code: code, comment or string
}

const (
	window      = 6    // words on each side that make a word's context
	blockWeight = 0.05 // weight of the whole block's votes
	docWeight   = 0.02 // weight of the document's votes so far (capped)
)

// wordPass tokenises the block into words, decides the intended script of
// every word from its own letters and its context, and reports look-alike
// and styled letters.
func (e *engine) wordPass(data []byte) {
	e.tokenise()
	e.strongBuilt = false
	e.greekMixed = 0
	e.intoLatin = [numClasses]int{}
	e.disguisedWords = 0
	e.blockVotes = [numClasses]float64{}
	words := e.words
	if len(words) == 0 {
		return
	}
	// Votes: a word with letters that exist only in its script proves
	// that script is in use; a word of letters that all have look-alikes
	// elsewhere is weak evidence.
	var block [numClasses]float64
	anyFancy := false
	// The weights are 1 and 0.25, so the sums are exact whatever the
	// order: count quarters, in a register while the vote stays the same.
	var quarters [numClasses]int
	runVote, runQ := cNone, 0
	for k := range words {
		w := &words[k]
		if w.simple {
			// Plain letters of one class: tokenise has voted, and the word
			// is neither styled nor mixed.
			if w.vote != runVote {
				quarters[runVote] += runQ
				runVote, runQ = w.vote, 0
			}
			runQ += int(w.weight * 4)
			continue
		}
		best, bestN := cNone, int16(0)
		classes := 0
		for c := cLatin; c < numClasses; c++ {
			if w.dist[c] > bestN {
				best, bestN = c, w.dist[c]
			}
			if w.n[c] > 0 {
				classes++
			}
		}
		if best != cNone {
			w.vote, w.weight = best, 1
		} else {
			for c := cLatin; c < numClasses; c++ {
				if w.n[c] > bestN {
					best, bestN = c, w.n[c]
				}
			}
			w.vote, w.weight = best, 0.25
		}
		quarters[w.vote] += int(w.weight * 4)
		// Styled words: several styled letters, or one next to a styled
		// word (below).
		w.styled = w.wide || w.digitStyled || (w.fancy >= 2 && int(w.fancy)*2 >= int(w.letters))
		w.mixed = classes > 1
		anyFancy = anyFancy || w.fancy >= 1
		if w.mixed && w.letters > 3 && w.n[cLatin] > 0 && w.n[cGreek] > 0 {
			e.greekMixed++
		}
	}
	quarters[runVote] += runQ
	for c := range block {
		block[c] = float64(quarters[c]) / 4
	}
	for k := range words {
		if !anyFancy {
			break
		}
		w := &words[k]
		if !w.styled && w.fancy >= 1 &&
			(k > 0 && words[k-1].styled && e.adjacent(data, k-1, k) || k+1 < len(words) && words[k+1].styled && e.adjacent(data, k, k+1)) {
			w.styled = true
		}
	}
	// Mixed words first: their own letters mostly decide them, and what
	// they turn out to be is better context for the words around them than
	// the letters they were disguised with.
	for k := range words {
		if w := &words[k]; w.fancy == 0 && !w.mixed {
			continue // judge would find nothing to do
		}
		if t := e.judge(data, k, &block, false); t != cNone {
			w := &words[k]
			if t == cLatin && w.letters > 3 {
				for c := cCyrillic; c <= cOther; c++ {
					if w.n[c] > 0 {
						e.intoLatin[c]++
					}
				}
			}
			block[w.vote] -= float64(w.weight)
			if e.strongBuilt {
				if w.weight >= 1 {
					e.strong[w.vote]--
					e.strongAll--
				}
				e.strong[t]++
				e.strongAll++
			}
			w.vote, w.weight = t, 1
			block[t]++
		}
	}
	e.latinShown = false
	if e.disguisedWords >= disguiseWords {
		// Styled letters judged before the block had shown its disguise
		// (alone, or as phonetic letters): what they stand for is clear
		// now ("𝑎 transaction", "ᴄоmmоnly"), where the block, its mixed
		// words judged, is mostly Latin.
		best := cLatin
		for c := cLatin; c < numClasses; c++ {
			if block[c] > block[best] {
				best = c
			}
		}
		e.latinShown = best == cLatin
		for k := range words {
			if w := &words[k]; w.fancy >= 1 && !w.disguised {
				e.fancyWord(data, k)
			}
		}
	}
	// In a block of one script (and a document without others so far),
	// words of that script have nothing to be judged against.
	only := cNone
	for c := cLatin; c < numClasses; c++ {
		if block[c] > 0 || e.doc.votes[c]*docWeight > 0.01 {
			if only != cNone {
				only = cNone
				break
			}
			only = c
		}
	}
	for k := range words {
		if only != cNone && words[k].n[only] == int16(words[k].letters) && words[k].fancy == 0 &&
			(only != cLatin || e.asciiWord(data, &words[k])) {
			continue
		}
		e.judge(data, k, &block, true)
	}
	if e.opts.Mode == Code {
		for k := range words {
			if words[k].ctx == ctxCode {
				e.identifier(data, k)
			}
		}
	}
	e.noteLone()
	e.blockVotes = block
	for c := range block {
		e.doc.votes[c] += block[c]
	}
}

// slipWords is how many words with letters only its script has a block
// needs before one look-alike in it can count as a typing slip.
const slipWords = 20

// slipsEvery is how many words of its script a block needs for each of
// several slips: typists slip once in a few hundred words, a disguise
// swaps a letter in every few words.
const slipsEvery = 50

// slips finds look-alikes that stand alone in a long text written in a
// script other than Latin. People who write Russian, Greek or Bulgarian
// switch between two keyboard layouts all day, and the keys they share
// give the same shapes: a Latin c in a Russian word, a Latin I in a Greek
// one, a Cyrillic Р in a Latin name quoted in Russian. One such word in a
// block of at least slipWords words of that script, or several with
// slipsEvery words each and one swapped letter per word, in a document
// with no other disguise so far, are far more likely such slips than a
// disguise: a disguise swaps a letter in every few words. slips returns
// them, or nil where a finding above info is neither one nor harmless
// alone; engine.incidental, which judges them with the other findings
// that are harmless alone, reports them at info with no replacement
// (restoration keeps the writer's text). Options.RestoreSlips treats them
// as a disguise. Short texts (a message, a name) never qualify, so the
// classic filter evasion of one Latin letter in a Russian word is still
// an error there.
func (e *engine) slips(block *[numClasses]float64, buf []int) []int {
	if e.opts.RestoreSlips || e.opts.Mode == Code || e.doc.disguised {
		return nil
	}
	dom := cNone
	for c := cLatin; c < numClasses; c++ {
		if dom == cNone || block[c] > block[dom] {
			dom = c
		}
	}
	if dom == cLatin || dom == cOther || block[dom] < slipWords {
		return nil
	}
	// The candidates: every finding above info (but those harmless alone)
	// swaps one letter between the two layouts, one letter in each word.
	slip := buf[:0]
	for k := range e.found {
		f := &e.found[k]
		if f.Severity < report.Warning {
			continue
		}
		l := &e.lazy[k]
		if l.incidental {
			continue // judged with the slips (engine.incidental)
		}
		if l.how != lazySwap {
			return nil // another disguise
		}
		if t := attrOf(l.r).class(); !(t == dom && l.t == cLatin || t == cLatin && l.t == dom) {
			return nil // not between the two layouts
		}
		if n := len(slip); n > 0 && e.lazy[slip[n-1]].from == l.from {
			return nil // two letters of one word
		}
		slip = append(slip, k)
	}
	if len(slip) > 1 && block[dom] < float64(len(slip)*slipsEvery) {
		return nil
	}
	return slip
}

// adjacent reports whether words a and b are separated by white space only
// (no line break, no sentence punctuation).
func (e *engine) adjacent(data []byte, a, b int) bool {
	for k := int(e.words[a].to); k < int(e.words[b].from); k++ {
		r := e.cells[k].r
		if r != ' ' && r != 0xA0 && e.cells[k].a&aSpace == 0 {
			return false
		}
	}
	return true
}

func wordish(a attr) bool { return a&(aLetter|aMark|aDigit|aFancy|aWordSym) != 0 }

// apostrophe reports whether r joins the letters around it into one word
// ("company’s", "l'homme").
func apostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
func glue(a attr) bool       { return a&(aIgnorable|aVS|aTag|aBidi) != 0 }

// tokenise fills e.words.
func (e *engine) tokenise() {
	cells := e.cells
	words := e.words[:0]
	for i := 0; i < len(cells); {
		// An invalid byte's cell has no attributes, so it is not wordish.
		if !wordish(cells[i].a) {
			i++
			continue
		}
		if i > 0 && uint32(cells[i-1].r) < 0x80 && directiveLead[cells[i-1].r] {
			if end := e.directive(i); end > i {
				i = end
				continue
			}
		}
		if a := cells[i].a; a&(aLetter|aFancy|aWordSym) == aLetter {
			// Most words are plain letters of one class and end at a
			// character that cannot continue a word: the general loop
			// below would find what letterRun does.
			if j, d := letterRun(cells, i); j == len(cells) || wordEnd(cells[j]) {
				words = grow(words)
				w := &words[len(words)-1]
				plainWord(w, i, j, d, a)
				w.ctx = e.ctxAt(i)
				i = j
				continue
			}
		}
		words = grow(words)
		w := &words[len(words)-1]
		w.from = int32(i)
		j := i
		// Plain letters are counted in registers while they stay in one
		// class (runCl), and flushed into w when the class changes.
		runCl, runN, runDist, letters := cNone, int16(0), int16(0), 0
		simple := true // only plain letters of one class so far
		for j < len(cells) {
			a := cells[j].a
			if a&(aLetter|aFancy|aWordSym) == aLetter {
				// A plain letter: count the run of letters of its class.
				cl := a.class()
				if cl == cNone {
					cl = cOther
				}
				if cl == cLatin && (cells[j].r|0x20) == 'x' && e.times(j) {
					break // "А0x2": a sign between numbers
				}
				if cl != runCl {
					if runCl != cNone { // else nothing counted yet
						simple = false
						w.n[runCl] += runN
						w.dist[runCl] += runDist
					}
					runCl, runN, runDist = cl, 0, 0
				}
				end, d := letterRun(cells, j)
				n := end - j
				j = end
				letters += n
				runN += int16(n)
				runDist += int16(d)
				continue
			}
			if wordish(a) && !(a&aWordSym != 0 && e.operator(j)) {
				simple = false
				e.count(w, j)
				j++
				continue
			}
			if (apostrophe(cells[j].r) || cells[j].r == '_') && j > i && j+1 < len(cells) && cells[j+1].a&aLetter != 0 {
				j++ // "company’s", "l'homme", and "На_зад" with its menu mnemonic
				continue
			}
			if glue(a) {
				// Invisible characters belong to the word if letters follow.
				g := j
				for g < len(cells) && glue(cells[g].a) {
					g++
				}
				if g < len(cells) && wordish(cells[g].a) {
					j = g
					continue
				}
			}
			break
		}
		w.n[runCl] += runN
		w.dist[runCl] += runDist
		w.letters += int32(letters)
		w.to = int32(j)
		if simple {
			// The vote wordPass would give it (see there).
			w.simple = true
			switch {
			case runDist > 0:
				w.vote, w.weight = runCl, 1
			case runN > 0:
				w.vote, w.weight = runCl, 0.25
			default:
				w.vote, w.weight = cNone, 0.25
			}
		}
		if w.letters > 0 {
			w.ctx = e.ctxAt(int(w.from))
		} else {
			words = words[:len(words)-1]
		}
		i = max(j, i+1) // an operator alone ends the word before it starts
	}
	e.words = words
}

// letterRun returns the end of the run of plain letters of one class that
// starts at cell i (a plain letter), and how many of them are distinctive
// (attr.distinctive).
func letterRun(cells []cell, i int) (end, distinct int) {
	a := cells[i].a
	other := otherAlphabets[a.class()&7]
	want := aLetter | a&classMask
	j, d := i, 0
	for _, c := range cells[i:] {
		if c.a&(aLetter|aFancy|aWordSym|classMask) != want {
			break
		}
		j++
		d += int((uint64(c.a&other) - 1) >> 63) // no branch: letters alternate
	}
	return j, d
}

// otherAlphabets holds, per class, the attribute bits that make a letter of
// that class not distinctive (letterRun): a look-alike in another
// alphabet. A letter of no script never is distinctive.
var otherAlphabets = func() (t [8]attr) {
	for c := range t {
		t[c] = attr(0xF << lookShift)
		if c := class(c); c >= cLatin && c <= cArmenian {
			t[c] &^= 1 << (lookShift + attr(c) - 1)
		}
	}
	t[cNone] |= aLetter
	return t
}()

// wordEnd reports whether c ends the word before it whatever follows:
// tokenise's loop stops at it.
func wordEnd(c cell) bool {
	return !wordish(c.a) && !glue(c.a) && !apostrophe(c.r) && c.r != '_'
}

// grow appends a zero word to words, reusing the memory past its end.
func grow(words []word) []word {
	if len(words) == cap(words) {
		return append(words, word{})
	}
	words = words[:len(words)+1]
	words[len(words)-1] = word{}
	return words
}

// plainWord makes w, a zero word, the word of cells [i, j): plain letters
// of the class of a with d distinctive ones, as tokenise's loop would. It
// writes w in place: a word built elsewhere and copied in would be read
// right after its narrow fields were written, which stalls.
func plainWord(w *word, i, j, d int, a attr) {
	cl := a.class()
	if cl == cNone {
		cl = cOther
	}
	w.from, w.to, w.letters = int32(i), int32(j), int32(j-i)
	w.n[cl] = int16(j - i)
	w.dist[cl] = int16(d)
	w.simple, w.vote, w.weight = true, cl, 0.25
	if int16(d) > 0 {
		w.weight = 1
	}
}

// directiveLead marks the ASCII characters that can come just before the
// letters of a format directive or escape sequence (see directive).
var directiveLead = func() (t [0x80]bool) {
	for _, c := range "%\\-+#'.*$" {
		t[c] = true
	}
	return t
}()

// directive returns the end of the format directive or escape sequence
// whose letters start at cell i, or i when there is none. Catalogues and
// technical text write them against words: in "%sПереместите" or
// "\\nПустая" the s and the n are syntax, not letters of a Latin word
// mixed with Cyrillic. Recognised: printf conversions ("%s", "%-10s",
// "%2lu", "%1$s", "%.2f") and backslash escapes ("\\n", "\\t", "\\x1f",
// "\\u00e9").
func (e *engine) directive(i int) int {
	c := e.cells
	at := func(j int) rune {
		if j < len(c) {
			return c[j].r
		}
		return 0
	}
	switch {
	case c[i-1].r == '\\':
		if i >= 2 && c[i-2].r == '\\' {
			return i // "\\\\n" is a backslash, then the letter n
		}
		digits := 0
		switch c[i].r {
		case 'a', 'b', 'e', 'f', 'n', 'r', 't', 'v':
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		default:
			return i
		}
		j := i + 1
		for ; j < i+1+digits && isHex(at(j)); j++ {
		}
		return j
	}
	// A printf directive: '%', flags, width and precision, then the
	// letters from i on. The word may start at the width's digits.
	k := i - 1
	for k >= 0 && k > i-8 && strings.ContainsRune("-+#'.*$0123456789", c[k].r) {
		k--
	}
	if k < 0 || c[k].r != '%' {
		return i // "%%s" counts too: twice-formatted strings escape the first pass
	}
	j := i
	for j < len(c) && c[j].r >= '0' && c[j].r <= '9' {
		j++
	}
	for _, m := range [...]string{"hh", "ll", "h", "l", "L", "q", "j", "z", "Z", "t"} {
		if at(j) == rune(m[0]) && (len(m) == 1 || at(j+1) == rune(m[1])) {
			j += len(m)
			break
		}
	}
	if r := at(j); r < 0x80 && strings.ContainsRune("diouxXeEfFgGaAcsSpnmC", r) {
		return j + 1
	}
	return i
}

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

// times reports whether cell j is an x between digits, as sizes and
// factors are written ("А0x2", "১০x১৫"): a sign, not a letter of the word.
func (e *engine) times(j int) bool {
	c := e.cells
	if r := c[j].r; r != 'x' && r != 'X' || j == 0 || j+1 >= len(c) {
		return false
	}
	return c[j-1].a&aDigit != 0 && c[j+1].a&aDigit != 0
}

// operator reports whether the mathematical symbol at cell j (a word
// symbol, such as × for x) stands as an operator does: next to a digit
// ("A4×6", "6×9"), alone between spaces ("BLOCKS × 512") or on a formula
// line. There it is a sign, not a letter's look-alike joining a word. The
// x of a hexadecimal prefix ("0×7f", hexPrefix) and a sign shaped like x
// that is no multiplication sign ("⤫") are never operators.
func (e *engine) operator(j int) bool {
	c := e.cells
	if ucd.CategoryOf(c[j].r) != ucd.CatSm || e.hexPrefix(j) {
		return false
	}
	if skeletonKey(c[j].r) == "x" && c[j].r != '×' && c[j].r != '⨯' {
		return false // "⤫" and "╳" multiply nothing: a disguised x
	}
	// Between two runs of two letters or more, glued to both, a sign is a
	// letter of one word ("ｓҽ𝚛⋁𝘪𐐽℮"): formulas join single letters ("A∪B",
	// "r×lg(e)"), whatever else their line holds. A times sign multiplies
	// names too ("width×height"); formulaLine judges it.
	twoLetters := func(k, step int) bool {
		for n := 0; n < 2; n, k = n+1, k+step {
			if k < 0 || k >= len(c) || c[k].a&(aLetter|aWordSym|aFancy) == 0 || c[k].a&aDigit != 0 {
				return false
			}
		}
		return true
	}
	if c[j].r != '×' && c[j].r != '⨯' && twoLetters(j-1, -1) && twoLetters(j+1, 1) {
		return false
	}
	// Beside a digit, a sign operates on it, unless two letters stand on
	// its other side: "IN⟙64" is a name with a disguised T. A times sign
	// multiplies whatever it stands between ("AB×6").
	letters := func(k, step int) bool {
		return c[j].r != '×' && c[j].r != '⨯' && k >= 0 && k < len(c) && c[k].a&aLetter != 0 &&
			k+step >= 0 && k+step < len(c) && c[k+step].a&aLetter != 0
	}
	digit := j > 0 && c[j-1].a&aDigit != 0 && !letters(j+1, 1) || j+1 < len(c) && c[j+1].a&aDigit != 0 && !letters(j-1, -1)
	alone := j > 0 && c[j-1].r == ' ' && j+1 < len(c) && c[j+1].r == ' '
	return digit || alone || e.formulaLine(j)
}

// crossedX reports whether word w is digits with signs shaped like x that
// multiply nothing (operator): "⤫86" is x86, as "lib⤫32" is libx32.
func (e *engine) crossedX(w *word) bool {
	signs, digits := 0, 0
	for j := int(w.from); j < int(w.to); j++ {
		c := e.cells[j]
		switch {
		case c.a&aDigit != 0:
			digits++
		case c.a&aWordSym != 0 && c.r != '×' && c.r != '⨯' && skeletonKey(c.r) == "x":
			signs++
		default:
			return false
		}
	}
	return signs > 0 && digits > 0
}

// hexPrefix reports whether cell j, a sign shaped like x (×, ⤫), is the x
// of a hexadecimal prefix: after a 0 that starts a token and before at
// least two hexadecimal digits or letters that look like them
// ("0×7f87e5", "0⤬00007ẝ87"). Nobody multiplies zero by a number written
// with leading zeros or hex digits.
func (e *engine) hexPrefix(j int) bool {
	c := e.cells
	if j == 0 || c[j-1].r != '0' || skeletonKey(c[j].r) != "x" {
		return false
	}
	if j >= 2 && c[j-2].a&(aLetter|aDigit|aWordSym|aFancy) != 0 {
		return false // "10×20": a number before the sign
	}
	n, hexLetter := 0, false
	for k := j + 1; k < len(c) && n < 4; k++ {
		r := c[k].r
		if c[k].a&(aLetter|aWordSym|aFancy) != 0 && r > 0x7F {
			if sk := skeletonKey(r); len(sk) == 1 {
				r = rune(sk[0])
			}
		}
		if !isHex(r) {
			break
		}
		if r > '9' || r == '0' && n == 0 {
			hexLetter = true // a hex digit, or a leading zero
		}
		n++
	}
	return n >= 2 && hexLetter
}

// longerRun reports whether the letter at cell j has another letter next
// to it on the side step points to: it is part of a word, not a variable.
func (e *engine) longerRun(j, step int) bool {
	k := j + step
	return k >= 0 && k < len(e.cells) && e.cells[k].a&aLetter != 0
}

// formulaLine reports whether the line around cell j has another
// mathematical sign, as a formula does ("x = r×lg(e) + k"): there a sign
// between letters multiplies variables.
func (e *engine) formulaLine(j int) bool {
	c := e.cells
	sign := func(k int) bool {
		if k == j || !strings.ContainsRune("=≤≥±÷⁻⁺√∑∏≠≈×", c[k].r) {
			return false
		}
		// An equals sign in an arrow or a comparison of code ("=>",
		// "==", "<=", ":=") is no formula's.
		if c[k].r == '=' {
			// Nor is the one after a name that stands apart, as a
			// directive's does ("RuntimeMaxUse=" ending its line).
			named := k >= 3 && wordish(c[k-1].a) && wordish(c[k-2].a) && wordish(c[k-3].a) && c[k-1].a&aDigit == 0 &&
				(k+1 == len(c) || !wordish(c[k+1].a)) // a name set apart: "RuntimeMaxUse= ", not "area=w×h"
			return !(named || k > 0 && strings.ContainsRune("=<>!:+-*/", c[k-1].r) || k+1 < len(c) && strings.ContainsRune("=<>", c[k+1].r))
		}
		// Nor is a times sign inside a word: "e×ample te×t" disguises two
		// words, each × the sign the other would be judged by. Between two
		// single letters it multiplies variables ("R×R mod n").
		return c[k].r != '×' || !(k > 0 && c[k-1].a&aLetter != 0 && k+1 < len(c) && c[k+1].a&aLetter != 0) ||
			!e.longerRun(k-1, -1) && !e.longerRun(k+1, 1)
	}
	for k := j - 1; k >= 0 && k > j-200 && c[k].r != '\n'; k-- {
		if sign(k) {
			return true
		}
	}
	for k := j + 1; k < len(c) && k < j+200 && c[k].r != '\n'; k++ {
		if sign(k) {
			return true
		}
	}
	return false
}

// count adds cell j to the statistics of w.
func (e *engine) count(w *word, j int) {
	c := e.cells[j]
	a := c.a
	switch {
	case a&aFancy != 0:
		w.letters++
		if e.legitFancy(j) {
			w.n[cLatin]++
			return
		}
		w.fancy++
		w.n[cLatin]++
		if isWide(c.r) {
			w.wide = true
		} else if a&aDigit != 0 {
			w.digitStyled = true
		}
	case a&aLetter != 0:
		w.letters++
		cl := letterClass(a)
		w.n[cl]++
		if a.distinctive() {
			w.dist[cl]++
		}
	case a&aWordSym != 0:
		w.letters++
		w.n[cOther]++
	}
}

// distinctTab holds attr.distinctive (1 or 0) for a letter, by its class and
// look-alike bits (attr >> classShift).
var distinctTab = func() (t [128]uint8) {
	for i := range t {
		if (attr(i)<<classShift | aLetter).distinctive() {
			t[i] = 1
		}
	}
	return t
}()

func isWide(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }

// amongCJK reports whether the fullwidth form at cell i stands among CJK
// text, where fullwidth forms are ordinary typography ("２つの", "第１章",
// "時 (００..２３)"): past the fullwidth forms, spaces and ASCII
// punctuation around it, the nearest letter or digit on its line, on
// either side, is a CJK character, or there is none on either side.
// Between ASCII words ("man ５ apt.conf") a CJK text has no use for them,
// nor as the digits of a format directive ("%１$s"), which only ASCII
// digits make. A fullwidth digit in a number with ASCII digits ("1６") is
// left to engine.numbers, which reports numbers of two systems.
func (e *engine) amongCJK(i int) bool {
	const reach = 64 // a longer stretch is judged as filling its line
	cells := e.cells
	wideDigit := func(c cell) bool { return isWide(c.r) && c.a&aDigit != 0 }
	if i > 0 && cells[i-1].r == '%' && wideDigit(cells[i]) {
		return false
	}
	side := func(from, step int) (cjk, none bool) {
		number := wideDigit(cells[i]) // only the number's fullwidth digits so far
		for k, n := from, 0; ; k, n = k+step, n+1 {
			if k < 0 || k >= len(cells) || n >= reach || cells[k].r == '\n' {
				return false, true
			}
			c := cells[k]
			if number && c.r >= '0' && c.r <= '9' {
				return true, false
			}
			number = number && wideDigit(c)
			if isWide(c.r) || c.r == ' ' || c.r == 0x3000 || c.r < 0x80 && c.a&(aLetter|aDigit) == 0 {
				continue
			}
			return c.a&aCJK != 0, false
		}
	}
	before, noneBefore := side(i-1, -1)
	after, noneAfter := side(i+1, 1)
	return before || after || noneBefore && noneAfter
}

// legitFancy reports whether a styled character is in normal use here:
// fullwidth forms in CJK text, superscript and subscript digits, circled
// digits.
func (e *engine) legitFancy(i int) bool {
	c := e.cells[i]
	if isWide(c.r) {
		return e.cjkBlock && e.amongCJK(i)
	}
	t, _ := ucd.Decomposition(c.r)
	switch t {
	case ucd.DecompSuper, ucd.DecompSub, ucd.DecompCircle:
		return c.a&aLetter == 0 // digits: x², H₂O, ①
	}
	return false
}

// index reports whether the subscript letter at cell j of w is an index
// in mathematical notation: the word also has subscript digits or signs
// ("uₙuₙ₋₁", "vₙ₋₁"), or is a single letter with its subscript ("xᵢ").
func (e *engine) index(w *word, j int) bool {
	if t, _ := ucd.Decomposition(e.cells[j].r); t != ucd.DecompSub {
		return false
	}
	if j == int(w.from) || e.cells[j-1].a&aLetter == 0 || e.cells[j-1].a&aFancy != 0 {
		return false // an index follows its variable
	}
	if w.letters == 2 {
		return true
	}
	for k := int(w.from); k < int(w.to); k++ {
		if r := e.cells[k].r; r >= 0x2080 && r <= 0x208E {
			return true // ₀–₉ ₊ ₋ ₌ ₍ ₎
		}
	}
	// The word may stop before the signs: "uₙ₋₁" ends the word at ₋.
	if to := int(w.to); to < len(e.cells) {
		if r := e.cells[to].r; r >= 0x2080 && r <= 0x208E {
			return true
		}
	}
	return false
}

// context sums the votes around word k (excluding it).
func (e *engine) context(k int, block *[numClasses]float64) (votes [numClasses]float64, near [numClasses]float64) {
	words := e.words
	lo, hi := k-window, k+window
	if lo < 0 {
		lo = 0
	}
	if hi >= len(words) {
		hi = len(words) - 1
	}
	// The weights are 1 and 0.25: count quarters, a byte per class in one
	// register (at most 4 × 2 × window), so the sums are exact as before.
	var quarters uint64
	for j := lo; j <= hi; j++ {
		if j == k || words[j].ctx != words[k].ctx {
			continue // comments, strings and code are separate contexts
		}
		quarters += uint64(words[j].weight*4) << (8 * words[j].vote)
	}
	for c := range near {
		near[c] = float64(quarters>>(8*c)&0xFF) / 4
	}
	for c := range votes {
		d := e.doc.votes[c] * docWeight
		if d > 5 {
			d = 5
		}
		votes[c] = near[c] + (block[c]-float64(words[k].weight)*b2f(words[k].vote == class(c)))*blockWeight + d
	}
	return votes, near
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// present reports whether script class c is really in use around word k:
// a word nearby has letters that only c has. For a one-letter word only
// the neighbourhood counts; for longer words any such word in the block,
// or in the document so far, does.
func (e *engine) present(k int, c class) bool {
	if e.expected[c] {
		return true
	}
	words := e.words
	if !e.strongBuilt {
		e.countStrong()
	}
	// The words other than k that vote with weight 1: all of them, and
	// those for c.
	inC, all := int(e.strong[c]), int(e.strongAll)
	if words[k].weight >= 1 {
		all--
		if words[k].vote == c {
			inC--
		}
	}
	if words[k].letters != 1 {
		return inC > 0 || e.doc.votes[c] >= 1
	}
	// A one-letter word needs its script nearby, or a block that is
	// largely written in it: "і" among quoted option names in a Ukrainian
	// manual is the Ukrainian conjunction.
	for j := max(k-window, 0); j <= k+window && j < len(words); j++ {
		if j != k && words[j].weight >= 1 && words[j].vote == c {
			return true
		}
	}
	return inC >= 5 && inC*3 >= all
}

// countStrong counts the block's words that vote with weight 1, per class
// (see present); wordPass keeps the counts up to date as votes change.
func (e *engine) countStrong() {
	e.strongBuilt = true
	e.strong, e.strongAll = [numClasses]int32{}, 0
	for j := range e.words {
		if w := &e.words[j]; w.weight >= 1 {
			e.strong[w.vote]++
			e.strongAll++
		}
	}
}

// judge decides the intended script of word k and reports its disguised
// letters. The first pass judges words that mix scripts and styled letters
// and returns the script a mixed word was restored to; the second judges
// words written in one script, in the context the first pass settled.
func (e *engine) judge(data []byte, k int, block *[numClasses]float64, pure bool) class {
	w := &e.words[k]
	if w.fancy > 0 && !pure {
		e.fancyWord(data, k)
	}
	// Classes present among the plain letters.
	var buf [numClasses + 1]class
	classes := buf[:0]
	for c := cLatin; c < numClasses; c++ {
		if w.n[c] > 0 {
			classes = append(classes, c)
		}
	}
	if len(classes) == 0 || pure != (len(classes) == 1) || e.dimensions(w) || e.casePairs(w) {
		return cNone
	}
	if classes[0] == cOther && e.crossedX(w) {
		e.swap(data, k, cLatin, report.LookalikeWord) // "⤫86": x86
		return cLatin
	}
	if len(classes) == 1 && classes[0] == cLatin {
		e.latinAlternates(data, k)
	}
	if w.letters <= 3 && w.n[cGreek] > 0 && e.greekMixed < greekDisguise && e.maths(k) && !e.spelledIn(k, cGreek) {
		// "αx + β", "kσ": formulas mix Latin and Greek letters. A word the
		// block writes in Greek letters ("και >=0755", "του <%s>") is a
		// word of the sentence beside a sign, not a symbol; and where the
		// block mixes Greek letters into longer words, as no formula does,
		// a short word beside a sign is as likely part of that disguise
		// ("keγ = NULL", "*σut").
		return cNone
	}
	if len(classes) == 1 && (classes[0] == cLatin && w.letters > 3 || classes[0] != cLatin && e.present(k, classes[0])) {
		// Below, a Latin word is converted only into a short word of
		// another script, and a word of another script only where its
		// script is not in use; both are cheaper to tell than the context.
		return cNone
	}
	votes, _ := e.context(k, block)
	ctx := cNone
	best := 0.0
	for c := cLatin; c < numClasses; c++ {
		if votes[c] > best {
			ctx, best = c, votes[c]
		}
	}
	if len(classes) == 1 && classes[0] == cLatin && ctx == cLatin && w.letters <= 3 {
		// The sentence before the neighbourhood: a short word between two
		// words of another script on its line is in their sentence, however
		// much English the lines around it hold ("иконите е поставено"
		// among a catalogue's untranslated messages).
		if y := e.sentenceClass(k); y != cNone {
			ctx, best = y, 1.5 // the two words' votes, at least
		}
	}
	if len(classes) == 1 {
		x := classes[0]
		if ctx == cNone || ctx == x || ctx == cOther || best < 1.5 || !e.feasible(w, ctx) {
			return cNone
		}
		if ctx == cLatin {
			// A lone letter must stand as a word does, unless the block
			// has restored longer Latin words disguised with letters of
			// its script: then a lone letter among Latin words is that
			// disguise too ("ρ = 1", "[α]", "'с'").
			if e.present(k, x) || w.letters == 1 && !e.flanked(k) && !e.noSymbol(k) && e.intoLatin[x] < disguiseWords {
				return cNone
			}
		} else if !e.shortWordOf(data, k, ctx) {
			// Other scripts quote Latin names, commands and acronyms all
			// the time, so Latin is in use around them; only a word that
			// could only be theirs is converted.
			return cNone
		}
		e.swap(data, k, ctx, report.LookalikeWord)
		return ctx
	}
	if e.junction(k) {
		return cNone
	}
	// A word that mixes scripts: choose the script that needs the fewest
	// swaps, favouring the context's script.
	target, bestScore := cNone, 1e9
	var scores [numClasses]float64
	candidates := 0
	for _, t := range append(classes, ctx) {
		if t == cNone || t == cOther || !e.feasible(w, t) || scores[t] != 0 {
			continue
		}
		// Fewest swaps wins, but a script that the context does not show
		// in use is a poor explanation: "рrосеssоr" among English words is
		// English with Cyrillic letters, not Russian with Latin ones.
		score := float64(int(w.letters) - int(w.n[t]))
		if t == ctx {
			score -= 0.5
		} else if !e.present(k, t) {
			score += 100
		}
		scores[t] = score + 1 // 0 means "not a candidate"
		if score < 100 {
			candidates++
		}
		if score < bestScore {
			target, bestScore = t, score
		}
	}
	if target == cNone {
		return cNone
	}
	if candidates > 1 {
		// Two scripts explain the word: the one in which the block writes
		// the same word elsewhere, in its own letters, wins ("yιa" is the
		// Greek "για" the text is full of, not a Latin "yia").
		target, bestScore = cNone, 1e9
		written, nWritten := cNone, 0
		for t := cLatin; t < numClasses; t++ {
			if scores[t] == 0 {
				continue
			}
			score := scores[t] - 1
			if score < 100 && e.writtenAs(k, t) {
				score -= 1.5
				written = t
				nWritten++
			}
			if score < bestScore {
				target, bestScore = t, score
			}
		}
		if nWritten == 1 {
			// Only one script writes the word: the count of swaps and the
			// context only weigh explanations that are equally words.
			target = written
		}
	}
	e.swap(data, k, target, report.LookalikeInWord)
	if target == cLatin {
		e.latinAlternates(data, k)
	}
	return target
}

// casePairs reports whether w is a list of letters each given in both
// cases ("yYдД", "nNοΟ"), as the yes/no patterns of message catalogues
// are: letters named one by one, not a word.
func (e *engine) casePairs(w *word) bool {
	var prev rune
	n := 0
	for j := int(w.from); j < int(w.to); j++ {
		r := e.cells[j].r
		if e.cells[j].a&aLetter == 0 {
			return false
		}
		if n%2 == 1 && (r == prev || unicode.ToLower(r) != unicode.ToLower(prev)) {
			return false
		}
		prev = r
		n++
	}
	return n >= 4 && n%2 == 0
}

// dimensions reports whether w is numbers joined by x, as sizes are
// written in any numbering system ("10x15", "১০x১৫").
func (e *engine) dimensions(w *word) bool {
	xs, digits := 0, 0
	for j := int(w.from); j < int(w.to); j++ {
		switch r := e.cells[j].r; {
		case r == 'x' || r == 'X':
			xs++
		case e.cells[j].a&aLetter != 0:
			return false // a letter is never a decimal digit
		case ucd.CategoryOf(r) == ucd.CatNd:
			digits++
		default:
			return false
		}
	}
	return xs > 0 && digits > xs
}

// greekDisguise is how many words of more than three letters mixing Latin
// and Greek a block needs before short words beside a sign lose the
// benefit of the doubt that formulas get (engine.judge).
const greekDisguise = 2

// disguiseWords is how many restored words show that a block is
// disguised, so that what alone gets the benefit of the doubt is judged as
// part of the disguise: Latin words of more than three letters restored
// from look-alikes of one script, for a lone letter of that script among
// Latin words wherever it stands (engine.judge, engine.intoLatin); words
// restored in any way, for Latin stand-ins inside words and styled letters
// (engine.latinAlternates, engine.disguisedWords, engine.wordPass).
const disguiseWords = 2

// maths reports whether word k stands next to a mathematical operator on
// its line, as the symbols of a formula do.
func (e *engine) maths(k int) bool {
	w := &e.words[k]
	cells := e.cells
	// "<" and ">" against the word bracket it ("<sys/socket.h>"); apart
	// from it, they compare.
	isOp := func(r rune, spaced bool) bool {
		return strings.ContainsRune("=+−*×·≤≥±^∈≈≠∑∫", r) || spaced && (r == '<' || r == '>')
	}
	for j := int(w.from) - 1; j >= 0 && j >= int(w.from)-3; j-- {
		if r := cells[j].r; r != ' ' {
			if isOp(r, j < int(w.from)-1) {
				return true
			}
			break
		}
	}
	for j := int(w.to); j < len(cells) && j < int(w.to)+3; j++ {
		if r := cells[j].r; r != ' ' {
			return isOp(r, j > int(w.to))
		}
	}
	return false
}

// junction reports whether a mixed word is two words run together, as
// scraped and technical text has them: two runs of letters of different
// scripts, each in use nearby, whose boundary shows in the case of the
// letters ("ссылкойAll", "МетодHTTP", "ПРЕФИКСab") or at an apostrophe
// ("sed'ом"). Disguises swap single letters here and there, keeping the
// word's case.
func (e *engine) junction(k int) bool {
	w := &e.words[k]
	runs, first, second := 0, 0, 0
	var classes [2]class
	var shows [2]bool // the run has a letter only its script has
	prev := cNone
	var capAt int
	lowerBefore := false
	firstUpper, secondUpper, allLower := true, true, true
	var last attr
	for j := int(w.from); j < int(w.to); j++ {
		a := e.cells[j].a
		if a&aLetter == 0 || a&aFancy != 0 {
			continue
		}
		c := a.class()
		if c != prev {
			runs++
			if runs <= 2 {
				classes[runs-1] = c
			}
			if runs == 2 {
				capAt = j
				lowerBefore = last&aLower != 0
			}
			prev = c
		}
		last = a
		if runs <= 2 && a.distinctive() {
			shows[runs-1] = true
		}
		if runs == 1 {
			first++
			firstUpper = firstUpper && a&aUpper != 0
		} else {
			second++
			if a&aLower == 0 {
				allLower = false
			}
			secondUpper = secondUpper && a&aUpper != 0
		}
	}
	if runs == 2 && first >= 2 && second >= 2 && e.cells[capAt-1].r == '_' &&
		(shows[0] || e.present(k, classes[0])) && (shows[1] || e.present(k, classes[1])) {
		// Two names joined: "ИМЯ_HOST". Not where one name is all
		// look-alikes of a script in use nowhere around: "SSL_СТХ".
		return true
	}
	if runs != 2 || first < 2 || !e.present(k, classes[0]) || !e.present(k, classes[1]) {
		return false
	}
	if apostrophe(e.cells[capAt-1].r) {
		return true // a foreign word with an ending of the text's language: "sed'ом", "Modalias'ы"
	}
	if first >= 4 && second >= 4 {
		return true // two whole words with the space lost: "/etc/shadowмають"
	}
	capital := e.cells[capAt].a&aUpper != 0
	if second == 1 && lowerBefore && capital && secondUpper {
		return true // a metavariable after a name: "bsН", "грN"
	}
	if second < 2 {
		return false
	}
	switch {
	case lowerBefore && capital:
		return true // "ссылкойAll", "МетодHTTP": a capital after a small letter
	case !lowerBefore && firstUpper && !secondUpper && allLower:
		return true // "ПРЕФИКСab": a name in capitals, then small letters
	}
	return false
}

// letterClass is the class a letter counts in: letters of no script (the
// mathematical Greek 𝜌, whose script is Common) and letter-like symbols
// count as "other".
func letterClass(a attr) class {
	if a&aWordSym != 0 {
		return cOther
	}
	if c := a.class(); c != cNone {
		return c
	}
	return cOther
}

// feasible reports whether every plain letter of w is of class t or has a
// look-alike in t.
func (e *engine) feasible(w *word, t class) bool {
	for j := int(w.from); j < int(w.to); j++ {
		c := e.cells[j]
		if c.a&aFancy != 0 || c.a&(aLetter|aWordSym) == 0 {
			continue
		}
		if cl := letterClass(c.a); cl != t && !c.a.looks(t) {
			return false
		}
	}
	if t == cLatin {
		return true
	}
	// Each letter has a look-alike of class t: now the slower question
	// whether the text's alphabet has it.
	for j := int(w.from); j < int(w.to); j++ {
		c := e.cells[j]
		if c.a&aFancy != 0 || c.a&(aLetter|aWordSym) == 0 {
			continue
		}
		if letterClass(c.a) != t && !e.standsFor(c.r, t) {
			return false
		}
	}
	return true
}

// standsFor reports whether r, a letter of another class that looks like
// a letter of class t, can stand for one in this block: a letter of the
// alphabet every language of the script shares, or one the block writes
// in its own letters. A Latin G next to Tatar letters is no disguise of
// Komi "Ԍ", nor an S among Ukrainian ones of Macedonian "Ѕ": the text
// never writes them.
func (e *engine) standsFor(r rune, t class) bool {
	for _, x := range candidates(t, r) {
		if commonLetter(x) {
			return true
		}
		lower := unicode.ToLower(x)
		if e.writes(lower) {
			return true
		}
		for _, y := range alphabetMates[lower] {
			if e.writes(y) {
				return true
			}
		}
	}
	return false
}

// writes reports whether the block writes letter r, small or capital.
func (e *engine) writes(r rune) bool {
	if n, _ := e.frequency(r); n > 0 {
		return true
	}
	n, _ := e.frequency(unicode.ToUpper(r))
	return n > 0
}

// alphabetMates lists, for Cyrillic letters beyond the Russian alphabet,
// letters that only the same alphabets have: a text that writes ќ or ѓ is
// Macedonian, where ѕ is a letter even if this block swapped every one;
// one that writes ӧ is Komi, which has ԁ and ԍ.
var alphabetMates = map[rune]string{
	'ѕ': "ѓќџљњ",        // Macedonian
	'ј': "ђћџљњѓќә",     // Serbian, Macedonian, Azerbaijani, Altai
	'і': "єїґўәғқңөұүһ", // Ukrainian, Belarusian, Kazakh
	'һ': "әөүңғқҙҫҡҗ",   // Kazakh, Tatar, Bashkir, Buryat, Yakut
	'ԁ': "ӧԍԃԅԇԉԋԏ",     // Komi
	'ԍ': "ӧԁԃԅԇԉԋԏ",
	'ԛ': "ԝ", 'ԝ': "ԛә", // Kurdish
}

// commonLetter reports whether r is a letter of the Russian alphabet, the
// Greek one (with its accents) or the Armenian one: the letters of those
// scripts that any text in them may write.
func commonLetter(r rune) bool {
	return r >= 0x0410 && r <= 0x044F || r == 0x0401 || r == 0x0451 ||
		r >= 0x0386 && r <= 0x03CE || r >= 0x0531 && r <= 0x0586
}

// flanked reports whether a one-letter word stands between words on its
// line (or starts the line before one), as an article or preposition
// does, and not among digits and operators as a mathematical symbol does.
func (e *engine) flanked(k int) bool {
	words := e.words
	cells := e.cells
	if e.tableCell(k) || e.quoted(k) {
		return false
	}
	if from, to := int(words[k].from), int(words[k].to); from >= 2 && to < len(cells) && words[k].letters == 1 &&
		cells[from-1].r == '(' && cells[from-2].a&aLetter != 0 && cells[to].r == ')' {
		return true // a plural ending: "type(s)"
	}
	if from := int(words[k].from); from >= 2 && apostrophe(cells[from-1].r) && cells[from-2].r > ' ' {
		return true // a clitic: OPEC+’s
	}
	nextOK := k+1 < len(words) && e.gapIsProse(int(words[k].to), int(words[k+1].from))
	if !nextOK && int(words[k].to)+1 < len(cells) && cells[int(words[k].to)].r == ' ' && cells[int(words[k].to)+1].a&aDigit != 0 {
		nextOK = true // "a 12-day break"
	}
	if !nextOK && k+1 < len(words) && int(words[k+1].from) == int(words[k].to)+1 && cells[int(words[k].to)].r == '.' && words[k+1].letters == 1 {
		nextOK = true // "a.m."
	}
	if !nextOK {
		return false
	}
	if from := int(words[k].from); from == 0 || cells[from-1].r == '\n' {
		return true
	}
	if to := int(words[k].to); k > 0 && int(words[k].from) == int(words[k-1].to)+1 && cells[int(words[k-1].to)].r == '.' &&
		words[k-1].letters == 1 && to < len(cells) && cells[to].r == '.' {
		return true // the second letter of "e.g.", "i.e."
	}
	return k > 0 && (e.gapIsProse(int(words[k-1].to), int(words[k].from)) || e.afterNumber(int(words[k].from)))
}

// loneWord reports whether the lone Latin letter of word k, in text of
// another script, stands where a one-letter word of that script would: a
// preposition or conjunction (Russian "с", "у", "а", Ukrainian "і"), which
// is never quoted, is followed by the word it governs, and is capitalised
// only at the start of a sentence. Technical text names keys, options,
// axes and units with single Latin letters ("„b“", "по Y,", "a — add",
// "K, M, G"); those are left alone.
func (e *engine) loneWord(k int, ctx class) bool {
	w := &e.words[k]
	cells := e.cells
	from := int(w.from)
	if !e.followedByWord(k) {
		return false
	}
	// Preceded by a space or an opening parenthesis, or starting the line.
	if from > 0 && !strings.ContainsRune(" \n(", cells[from-1].r) {
		return false
	}
	if !e.wordLetter(cells[from].r, ctx) || !e.amongWords(k, ctx) || e.namesLetters(k, ctx) {
		return false
	}
	if cells[from].a&aUpper == 0 {
		return true
	}
	// A capital starts a sentence: the text, a paragraph, or after . ! ? …
	// (a line of a catalogue is a label, and "X позиция" names an axis).
	j := from - 1
	breaks := 0
	for j >= 0 && (cells[j].r == ' ' || cells[j].r == '\n') {
		if cells[j].r == '\n' {
			breaks++
		}
		j--
	}
	if j < 0 || breaks >= 2 || strings.ContainsRune(".!?…", cells[j].r) {
		return true
	}
	// A line of a catalogue, or what follows "%s: ", opens with the word
	// as a sentence does: the capital stands for it where the Latin
	// letter opens no other line, or where the block opens at least as
	// many lines with that word in its own letters ("Η λήψη", "Ο τύπος")
	// as with the Latin letter. A disguise swaps some of them; a name is
	// written the same way every time ("Y поравнање" for an axis, four
	// times beside one "У реду"). This is weaker evidence than a
	// sentence, so the text must already show a disguise: more than the
	// one look-alike of a typing slip (see slips).
	if !e.opensLine(from) || !e.disguiseShown() {
		return false
	}
	opens := e.lineOpeners()
	return opens[cells[from].r] == 1 || opens[lookalikeIn(cells[from].r, ctx, true)] >= opens[cells[from].r]
}

// disguiseShown reports whether the document so far, or the block before
// the word being judged, has look-alikes enough to be disguised: two
// swapped letters or more (see slips).
func (e *engine) disguiseShown() bool {
	if e.doc.disguised {
		return true
	}
	n := 0
	for k := range e.found {
		if e.found[k].Severity >= report.Warning && e.lazy[k].how == lazySwap {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// lineOpeners counts, per capital, the block's words of that one capital
// that open a line (see opensLine) before another word, built on first
// use.
func (e *engine) lineOpeners() map[rune]int {
	if e.opens != nil {
		return e.opens
	}
	e.opens = map[rune]int{}
	for k := range e.words {
		w := &e.words[k]
		if f := int(w.from); w.letters == 1 && int(w.to) == f+1 && e.cells[f].a&aUpper != 0 && e.opensLine(f) && e.followedByWord(k) {
			e.opens[e.cells[f].r]++
		}
	}
	return e.opens
}

// opensLine reports whether cell from starts a line (after blanks) or
// follows a colon, as the words that open a message of a catalogue do
// ("%s: Η ομάδα").
func (e *engine) opensLine(from int) bool {
	j := from - 1
	for j >= 0 && e.cells[j].r == ' ' {
		j--
	}
	return j < 0 || e.cells[j].r == '\n' || e.cells[j].r == ':' && j < from-1
}

// wordLetter reports whether Latin letter r stands for a word of one
// letter in the languages of script ctx, or one that the text itself
// writes.
func (e *engine) wordLetter(r rune, ctx class) bool {
	l := unicode.ToLower(lookalikeIn(r, ctx, false))
	return l != 0 && (strings.ContainsRune(oneLetterWords, l) || e.oneLetterWord(l))
}

// namesLetters reports whether a word of one Latin letter near word k
// could not be a word of script ctx ("число a делится на b", "значение y
// для каждого x"): the text names things with single Latin letters, as
// mathematics and manuals do, and k is one of those names. A disguise
// only swaps letters that have a look-alike, so the letters it leaves
// alone are words of ctx. Only letters that stand as words count, between
// spaces or prose punctuation: "-l" is an option, "f/1.5" an aperture.
func (e *engine) namesLetters(k int, ctx class) bool {
	words := e.words
	for j := max(k-window, 0); j <= k+window && j < len(words); j++ {
		w := &words[j]
		if j == k || w.letters != 1 || w.to-w.from != 1 || w.vote != cLatin || w.ctx != words[k].ctx {
			continue
		}
		if f := int(w.from); f > 0 && !strings.ContainsRune(" \n(", e.cells[f-1].r) {
			continue // not a word of the sentence: an option ("-l"), a unit, a part of a name
		}
		if t := int(w.to); t < len(e.cells) && !strings.ContainsRune(" \n,.;:!?)", e.cells[t].r) {
			continue // "f/1.5", "x2": a symbol, not a word
		}
		if !e.wordLetter(e.cells[w.from].r, ctx) {
			return true
		}
	}
	return false
}

// directiveAfter reports whether a format directive follows cell j after
// a space or two.
func (e *engine) directiveAfter(j int) bool {
	for n := 0; n < 3 && j < len(e.cells); n, j = n+1, j+1 {
		if e.cells[j].r == '%' {
			return true
		}
		if e.cells[j].r != ' ' {
			return false
		}
	}
	return false
}

// amongWords reports whether word k stands in a sentence of script c: the
// word after it is of c (or a format directive, "с %s"), or the one before
// it, or one across a name on the same line, and neither
// neighbour is another word of one Latin letter ("l c c c", "b, h, s и d"
// list letters).
func (e *engine) amongWords(k int, c class) bool {
	words := e.words
	listed := func(a, b int) bool { // words a and b are letters in a list: "b, h, s"
		if words[a].letters != 1 || words[a].vote != cLatin && a != k || words[b].letters != 1 || words[b].vote != cLatin && b != k {
			return false
		}
		for j := int(words[a].to); j < int(words[b].from); j++ {
			if !strings.ContainsRune(" ,;/", e.cells[j].r) {
				return false
			}
		}
		return int(words[b].from)-int(words[a].to) <= 3
	}
	if k > 0 && listed(k-1, k) || k+1 < len(words) && listed(k, k+1) {
		return false
	}
	// The governed word, or the one before, is of c: "с другом", "Max c
	// увеличенным", "завършващ c NULL", "с %s".
	if k+1 < len(words) && (words[k+1].vote == c || e.directiveAfter(int(words[k].to))) {
		return true
	}
	if k > 0 && words[k-1].vote == c && int(words[k-1].to) >= int(words[k].from)-3 {
		return true
	}
	// Across one name or option of a sentence of c: "Левият Ctrl е Meta",
	// "с „-l“ извежда". The words on both sides of the name are on the
	// word's line, the name a word of two letters or more.
	sameLine := func(a, b int) bool {
		for j := int(words[a].to); j < int(words[b].from); j++ {
			if e.cells[j].r == '\n' {
				return false
			}
		}
		return true
	}
	if k > 1 && words[k-2].vote == c && words[k-1].letters >= 2 && sameLine(k-2, k) {
		return true
	}
	// Before one: quoted ("с „-l“ извежда"), or a name that shows it is
	// one by a capital ("Η GtkAdjustment που").
	name := func(n int) bool {
		return words[n].letters >= 2 && e.cells[words[n].from].a&aUpper != 0
	}
	return k+2 < len(words) && words[k+2].vote == c && words[k+1].vote != c && (e.quotedAfter(k) || name(k+1)) && sameLine(k, k+2)
}

// quotedAfter reports whether word k is followed by a space and an opening
// quotation mark.
func (e *engine) quotedAfter(k int) bool {
	j := int(e.words[k].to)
	for j < len(e.cells) && e.cells[j].r == ' ' {
		j++
	}
	return j > int(e.words[k].to) && j < len(e.cells) && strings.ContainsRune("„«\"“‘'", e.cells[j].r)
}

// wrapped reports whether the line break at cell j wraps running text:
// the next line is indented (as formatted manuals are) or the line is long.
// The lines of a message catalogue are separate labels.
func (e *engine) wrapped(j int) bool {
	if j+1 < len(e.cells) && e.cells[j+1].r == ' ' {
		return true
	}
	n := 0
	for k := j - 1; k >= 0 && e.cells[k].r != '\n'; k-- {
		n++
	}
	return n >= 60
}

// shortWordOf reports whether word k, written in Latin look-alikes in text
// of script ctx, stands for a word of ctx: the ending of an ordinal (see
// ordinalEnding), a one-letter preposition or conjunction (see loneWord)
// or a letter attached to a word of ctx (see attached), or a word of two
// or three letters that the block writes elsewhere in ctx letters ("ca"
// for Bulgarian "са", "He" for "Не") or that is a function word of ctx's
// languages, followed by a word. Disguises swap some occurrences of a
// word; the others are still there in their own letters.
func (e *engine) shortWordOf(data []byte, k int, ctx class) bool {
	w := &e.words[k]
	if e.ordinalEnding(k) {
		return true
	}
	if w.letters == 1 {
		return int(w.to)-int(w.from) == 1 && !e.tableCell(k) && !e.quoted(k) && (e.loneWord(k, ctx) || e.attached(k, ctx)) &&
			coreLetter(lookalikeIn(e.cells[int(w.from)].r, ctx, false)) // "C" in Greek text is the language, not a lunate sigma
	}
	if w.letters > 3 || int(w.to)-int(w.from) != int(w.letters) || !e.followedByWord(k) || e.quoted(k) || e.mostlyUpper(w) {
		return false
	}
	// Between words of ctx: Serbian writes "je" in Latin sentences and
	// "је" in Cyrillic ones, and quotes English ("set a hint to"). A word
	// on the line before, or across the gap of a table's columns
	// ("PATTERN  να"), is not in the same sentence.
	if from := int(w.from); from > 0 && !strings.ContainsRune(" \n(", e.cells[from-1].r) || !e.amongWords(k, ctx) ||
		k > 0 && e.words[k-1].vote != ctx && int(e.words[k-1].to) >= from-3 && !e.columnGap(int(e.words[k-1].to), from) {
		return false
	}
	var buf [12]byte
	key := buf[:0]
	for j := int(w.from); j < int(w.to); j++ {
		key = utf8.AppendRune(key, unicode.ToLower(lookalikeIn(e.cells[j].r, ctx, false)))
	}
	return e.blockWords(ctx)[string(key)] != 0
}

// ordinalEnding reports whether word k is the ending of an ordinal: one
// or two small letters written after a number, directly ("3ο", "5ο" in
// Greek) or after a hyphen ("6-о", "3-е", "4-х" in Russian and
// Bulgarian). The ending is a word's ending, in the script of the text.
func (e *engine) ordinalEnding(k int) bool {
	w := &e.words[k]
	cells := e.cells
	from, to := int(w.from), int(w.to)
	j := from
	for j < to && cells[j].a&aDigit != 0 {
		j++
	}
	if j == from {
		// After a hyphen: the number before it stands alone ("6-о", not
		// the "ia64-ic" of a file name).
		d := from - 2
		for d >= 0 && cells[d].a&aDigit != 0 {
			d--
		}
		if d == from-2 || cells[from-1].r != '-' || d >= 0 && cells[d].a&(aLetter|aMark) != 0 {
			return false
		}
	}
	if j > from {
		// Written against the digits, only the Greek ο is an ending:
		// "0x", "10b", "21e" are numbers and units.
		return j+1 == to && cells[j].r == 'o' && (to == len(cells) || cells[to].a&(aLetter|aDigit) == 0)
	}
	n := 0
	for ; j < to; j++ {
		if cells[j].a&aLower == 0 || cells[j].a&aLetter == 0 {
			return false
		}
		n++
	}
	return n >= 1 && n <= 2 && (to == len(cells) || cells[to].a&(aLetter|aDigit) == 0)
}

// attached reports whether the one letter of word k is joined to a word
// of script ctx as part of it: an abbreviation beside a slash ("Мбит/с",
// "КиБ/с", "с/у") or an ending in parentheses ("байт(а)", as "type(s)"
// in English). Those letters are of the word's script, whatever their
// neighbours on the line.
func (e *engine) attached(k int, ctx class) bool {
	cells := e.cells
	from, to := int(e.words[k].from), int(e.words[k].to)
	ofCtx := func(j int) bool { // a word in ctx's letters at word j
		return j >= 0 && j < len(e.words) && e.words[j].simple && e.words[j].vote == ctx
	}
	if from >= 2 && cells[from-1].r == '(' && to < len(cells) && cells[to].r == ')' &&
		k > 0 && int(e.words[k-1].to) == from-1 && ofCtx(k-1) {
		return true
	}
	if from >= 2 && cells[from-1].r == '/' && k > 0 && int(e.words[k-1].to) == from-1 && ofCtx(k-1) &&
		(to == len(cells) || cells[to].a&(aLetter|aDigit) == 0) {
		return true
	}
	return to+1 < len(cells) && cells[to].r == '/' && k+1 < len(e.words) && int(e.words[k+1].from) == to+1 && ofCtx(k+1) &&
		(from == 0 || cells[from-1].a&(aLetter|aDigit) == 0)
}

// sentenceClass returns the class of the words on both sides of word k
// on its line, when both are distinctive words of one script other than
// Latin, or cNone.
func (e *engine) sentenceClass(k int) class {
	if k == 0 || k+1 >= len(e.words) {
		return cNone
	}
	a, b := &e.words[k-1], &e.words[k+1]
	y := a.vote
	if y == cLatin || y == cNone || y == cOther || b.vote != y || a.weight < 1 || b.weight < 1 {
		return cNone
	}
	if e.columnGap(int(a.to), int(e.words[k].from)) || e.columnGap(int(e.words[k].to), int(b.from)) {
		return cNone
	}
	return y
}

// columnGap reports whether cells [from, to) break a sentence: a line
// break, or two blanks or more, as between the columns of a table.
func (e *engine) columnGap(from, to int) bool {
	blanks := 0
	for j := from; j < to; j++ {
		switch e.cells[j].r {
		case '\n':
			return true
		case ' ', '\t':
			if blanks++; blanks >= 2 {
				return true
			}
		default:
			blanks = 0
		}
	}
	return false
}

// followedByWord reports whether word k is followed by a space or two and
// a letter, a number, something quoted (a word, an option, a sign), an
// option, a placeholder or a format directive ("c %s").
func (e *engine) followedByWord(k int) bool {
	cells := e.cells
	j := int(e.words[k].to)
	n, lines := 0, 0
	for j < len(cells) && (cells[j].r == ' ' && n < 2 || cells[j].r == '\n' && lines == 0 && e.wrapped(j)) {
		if cells[j].r == '\n' {
			// A line wrapped: its indentation is part of the break.
			lines++
			for j+1 < len(cells) && cells[j+1].r == ' ' {
				j++
			}
		}
		j++
		n++
	}
	if n > 0 && j+1 < len(cells) && strings.ContainsRune("„«\"“‘'", cells[j].r) {
		// An opening quotation mark: "с „rm“"; what it quotes is governed
		// as a word is, an option or a sign too ("с „-l“", "с „+“").
		return !isBlank(cells[j+1].r)
	}
	// A number is governed as a word is: "е 0" (is 0), "с 5 файлами".
	if n > 0 && j < len(cells) && (cells[j].a&(aLetter|aDigit) != 0 || cells[j].r == '%') {
		return true
	}
	// So are an option and a placeholder of a manual: "с -l", "с
	// --reference", "с <шаблоном>".
	return n > 0 && j+1 < len(cells) && (cells[j].r == '-' || cells[j].r == '<') && (cells[j+1].a&aLetter != 0 || cells[j].r == '-' && cells[j+1].r == '-')
}

// writtenAs reports whether word k, with every letter not of class t
// replaced by its look-alike in t, is a word the block writes elsewhere in
// t's own letters.
func (e *engine) writtenAs(k int, t class) bool {
	w := &e.words[k]
	var buf [64]byte
	key := buf[:0]
	for j := int(w.from); j < int(w.to); j++ {
		c := e.cells[j]
		r := c.r
		if c.a&aLetter == 0 {
			return false
		}
		if letterClass(c.a) != t {
			if r = lookalikeIn(r, t, false); r == 0 {
				return false
			}
		}
		key = utf8.AppendRune(key, unicode.ToLower(r))
	}
	return e.blockWords(t)[string(key)] != 0
}

// spelledIn reports whether word k, with each letter not of class t read
// as any letter of t that shares its shape (a Latin o as ο or σ), can be a
// word the block writes in t's own letters.
func (e *engine) spelledIn(k int, t class) bool {
	w := &e.words[k]
	if int(w.to)-int(w.from) > 8 {
		return false
	}
	known := e.blockWords(t)
	var buf [8][]rune
	choices := buf[:0]
	for j := int(w.from); j < int(w.to); j++ {
		c := e.cells[j]
		if c.a&aLetter == 0 {
			return false
		}
		if letterClass(c.a) == t {
			choices = append(choices, []rune{unicode.ToLower(c.r)})
			continue
		}
		var alts []rune
		for _, r := range candidates(t, c.r) {
			if letterClassOf(r) == t && unicode.IsLetter(r) {
				alts = append(alts, unicode.ToLower(r))
			}
		}
		if alts == nil {
			return false
		}
		choices = append(choices, alts)
	}
	var try func(i int, key []byte) bool
	try = func(i int, key []byte) bool {
		if i == len(choices) {
			return known[string(key)] != 0
		}
		for _, r := range choices[i] {
			if try(i+1, utf8.AppendRune(key, r)) {
				return true
			}
		}
		return false
	}
	return try(0, nil)
}

// blockWords returns the words of class c in the block written in plain
// letters of c only, in small letters, with the function words of c's
// languages, built on first use: each maps to wordKnown and the places
// where the block writes it in small letters.
func (e *engine) blockWords(c class) map[string]uint64 {
	if e.known[c] != nil {
		return e.known[c]
	}
	m := map[string]uint64{}
	for i := range e.words {
		w := &e.words[i]
		if w.vote != c || w.letters < 2 || !w.simple || int(w.to)-int(w.from) > 32 {
			continue
		}
		var buf [12]byte
		key := buf[:0]
		mask := wordKnown
		for j := int(w.from); j < int(w.to); j++ {
			key = utf8.AppendRune(key, unicode.ToLower(e.cells[j].r))
			if e.cells[j].a&aLower != 0 {
				mask |= 1 << (j - int(w.from))
			}
		}
		m[string(key)] |= mask
	}
	for _, w := range strings.Fields(functionWords[c]) {
		m[w] = wordKnown | 1<<32 - 1
	}
	e.known[c] = m
	return m
}

// wordKnown marks a word blockWords has seen; the bits below it say where
// it was written in small letters (bit n for its nth letter).
const wordKnown uint64 = 1 << 63

// functionWords are the short articles, prepositions, conjunctions,
// particles and pronouns of the languages written in each script (Greek;
// Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian), a
// closed class as oneLetterWords is: the words every text uses, whatever
// its subject, so that a disguised one is known where the block writes it
// nowhere else ("ero" for "его", "oε" for "σε", "θa" for "θα").
var functionWords = [numClasses]string{
	cGreek: "το οι τα τη την τον του της των τις τους σε στο στα στη στην στον στις στους " +
		"για και κι να θα αν με ως μη μην ή ότι πως που μου σου μας σας τους ένα μια",
	cCyrillic: "на не но ни из от по со ко во до за же ли бы да их ее её его ей им он она оно они мы вы ты " +
		"то та те тот это как так что все всё уже еще ещё или при без для под над про об обо " +
		"але та чи що як це від її їх вже ще його " +
		"се са че ще си ги го ме ни ви със във към при кой тя " +
		"од су је ќе ја",
}

// oneLetterWords are the words of one letter in the Cyrillic and Greek
// languages (Russian, Ukrainian, Belarusian, Bulgarian, Serbian,
// Macedonian; Greek), the ones a lone Latin letter could stand in for.
const oneLetterWords = "авеийкосуяізѝўј" + "οηήω"

// oneLetterWord reports whether the text so far writes r (in small case)
// as a word of one letter in a script other than Latin.
func (e *engine) oneLetterWord(r rune) bool {
	e.noteLone()
	return e.doc.lone[r]
}

// noteLone adds the block's words of one letter in scripts other than
// Latin to doc.lone, once per block. wordPass calls it for every block, so
// that what the text so far writes does not depend on which earlier blocks
// happened to ask.
func (e *engine) noteLone() {
	if !e.loneSeen {
		e.loneSeen = true
		var seen [16]rune // the letters noted, by their low bits
		for i := range e.words {
			w := &e.words[i]
			if w.letters != 1 || !w.simple || w.vote == cLatin || w.vote == cNone || w.vote == cOther {
				continue
			}
			if e.doc.lone == nil {
				e.doc.lone = map[rune]bool{}
			}
			for j := int(w.from); j < int(w.to); j++ {
				if r := e.cells[j].r; e.cells[j].a&aLetter != 0 && seen[r&15] != r {
					// Russian writes и, в, с every few words: note each
					// once per block, not once per use.
					seen[r&15] = r
					e.doc.lone[unicode.ToLower(r)] = true
				}
			}
		}
	}
}

// noSymbol reports whether the one letter of word k, in Latin text, can
// only be a disguise wherever it stands ("В-tree", "I/О", "0х66",
// "*р++"): a Cyrillic or Armenian letter, or a Greek capital, which
// nothing in Latin text uses as a symbol (Greek small letters are maths:
// "ν", "ο"), unless it is quoted or in a table, where it is named; with
// digits ("Х25519") it names nothing there either.
func (e *engine) noSymbol(k int) bool {
	var c cell
	digits := false
	for j := int(e.words[k].from); j < int(e.words[k].to); j++ {
		if a := e.cells[j].a; a&aLetter != 0 && c.a == 0 {
			c = e.cells[j]
		} else if a&aDigit != 0 {
			digits = true
		}
	}
	switch c.a.class() {
	case cCyrillic, cArmenian:
	case cGreek:
		if c.a&aUpper == 0 {
			return false
		}
	default:
		return false
	}
	// A letter with digits names no character, quoted or in a table:
	// "X25519" and the hexadecimal "A3" are words.
	return digits || !e.quoted(k) && !e.tableCell(k)
}

// quoted reports whether word k stands alone between quotation marks
// ("('K' for Kelvin)", „b“): a character named, not a word used.
func (e *engine) quoted(k int) bool {
	w := &e.words[k]
	from, to := int(w.from), int(w.to)
	if from == 0 || to >= len(e.cells) {
		return false
	}
	open, close := e.cells[from-1].r, e.cells[to].r
	return strings.ContainsRune("'\"‘’“”„‚«»‹›", open) && strings.ContainsRune("'\"‘’“”«»‹›", close)
}

// tableCell reports whether word k stands between wide runs of blanks (a
// tab, or three spaces or more on both sides and four on one), as the
// cells of a table do ("  A6   І    CYRILLIC CAPITAL LETTER"): a character
// listed, not a word of a sentence.
func (e *engine) tableCell(k int) bool {
	w := &e.words[k]
	// Blanks on one side, a tab counting as many.
	blanks := func(from, step int) int {
		n := 0
		for j := from; j >= 0 && j < len(e.cells); j += step {
			switch e.cells[j].r {
			case '\t':
				return 8
			case ' ':
				n++
				continue
			}
			break
		}
		return n
	}
	// Justified prose in a manual spreads words up to three blanks apart
	// ("preempted   by   a   higher"); a column is set wider on one side.
	before, after := blanks(int(w.from)-1, -1), blanks(int(w.to), 1)
	return min(before, after) >= 3 && max(before, after) >= 4
}

// afterNumber reports whether the cell before from is a space that follows
// an amount or a date ("at $22.41 a barrel", "28, 2015, a total").
func (e *engine) afterNumber(from int) bool {
	c := e.cells
	if from < 2 || c[from-1].r != ' ' {
		return false
	}
	k := from - 2
	for k > 0 && strings.ContainsRune(",.;:%)", c[k].r) {
		k--
	}
	return c[k].a&aDigit != 0
}

// gapIsSpace reports whether cells [from, to) are a short run of spaces.
func (e *engine) gapIsSpace(from, to int) bool {
	n := 0
	for j := from; j < to; j++ {
		c := e.cells[j]
		if glue(c.a) {
			continue // invisible: not there for a reader
		}
		if c.r != ' ' && c.a&aSpace == 0 {
			return false
		}
		n++
	}
	return n > 0 && n <= 3
}

// gapIsProse reports whether cells [from, to) are spaces with at most the
// punctuation of running prose (a comma, a quote, a dash), not operators
// or digits.
func (e *engine) gapIsProse(from, to int) bool {
	space, n := false, 0
	for j := from; j < to; j++ {
		c := e.cells[j]
		switch {
		case glue(c.a):
			continue // invisible: not there for a reader
		case c.r == ' ' || c.a&aSpace != 0 || c.r == '\n' && !e.blankLineAt(j):
			if space && j > from && isBlank(e.cells[j-1].r) {
				continue // a line wrapped and indented counts as one space
			}
			space = true
		case strings.ContainsRune(",;:.!?\"'“”‘’«»„()—–", c.r):
		default:
			return false
		}
		n++
	}
	return space && n <= 4
}

func isBlank(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }

// blankLineAt reports whether the line break at cell j ends a paragraph:
// the next line is empty.
func (e *engine) blankLineAt(j int) bool {
	for k := j + 1; k < len(e.cells) && k < j+80; k++ {
		switch e.cells[k].r {
		case ' ', '\t':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

// swap reports every letter of word k that is not of class t as a
// look-alike standing in for a letter of t.
func (e *engine) swap(data []byte, k int, t class, kind report.Kind) {
	w := &e.words[k]
	cells := e.cells
	upper := e.mostlyUpper(w)
	// First the letter each swapped cell stands for; then, where a shape
	// is shared (σ and ο, I and l), the word the block itself writes.
	var buf [16]swapped
	sw := buf[:0]
	ambiguous := 0
	for j := int(w.from); j < int(w.to); j++ {
		c := cells[j]
		if c.a&aFancy != 0 || c.a&(aLetter|aWordSym) == 0 {
			continue
		}
		if letterClass(c.a) == t {
			continue // caseOf changes only the case
		}
		var hint bool
		c.a, hint = e.caseOf(w, j, t, upper)
		fit := e.fit(j, t)
		if cells[j].a&aLower == 0 && c.a&aLower != 0 && (e.secondOfCapitalised(w, j, t) || e.contraction(w, j, t)) ||
			t == cLatin && ilShape(c.r) && e.shapesAreI() {
			// The word's own case decides: pairs counted in the block's
			// capitals ("AI" in "DOMAIN") say nothing of "AIthough".
			fit = fitter{}
		}
		rep := lookalikeScored(c, t, hint, fit)
		if rep == 0 {
			continue
		}
		alts := sameShape(c, t)
		if e.wordFinal(w, j) {
			rep, alts = notFinal(rep, alts)
		}
		s := swapped{j: j, r: c.r, rep: rep}
		if len(alts) > 1 && ambiguous < 4 {
			s.alts = alts
			ambiguous++
		}
		sw = append(sw, s)
	}
	if ambiguous > 0 {
		e.spellAsWritten(w, t, sw)
	}
	for _, s := range sw {
		j, rep := s.j, s.rep
		conf := 0.95
		if kind == report.LookalikeWord {
			conf = 0.85
			if w.letters == 1 {
				conf = 0.75
			}
		}
		if (rep == 0x04C0 || rep == 0x04CF) && j > int(w.from) && !upper {
			// Palochka, the stroke of Chechen, Ingush, Avar and other
			// Caucasian alphabets, is on no common keyboard: writers type
			// a Latin l or I for it ("гlайреш"). A disguise of an ordinary
			// Cyrillic word has no palochka to stand for.
			e.addLazy(data, j, j+1, report.Finding{Kind: kind, Severity: report.Info, Confidence: 0.3},
				lazyFinding{how: lazySwap, r: s.r, rep: rep, t: t, from: w.from, to: w.to, palochka: true})
			continue
		}
		e.markDisguised(w)
		e.addLazy(data, j, j+1, report.Finding{
			Kind: kind, Severity: report.Error, Confidence: conf,
			Replacement: e.info(rep).charPtr, // shared until materialized
		}, lazyFinding{how: lazySwap, r: s.r, rep: rep, t: t, from: w.from, to: w.to})
	}
}

// finalForms maps the letters that a script writes differently at the end
// of a word to their final form: Greek writes σ only inside a word and ς
// at its end (Unicode's Final_Sigma casing condition). The Latin o that
// imitates σ and ο therefore stands for ο when it ends a word.
var finalForms = map[rune]rune{'σ': 'ς'}

// notFinal drops from alts, and from rep, the letters that never end a
// word (see finalForms), for a look-alike that ends one.
func notFinal(rep rune, alts []rune) (rune, []rune) {
	if len(alts) == 0 {
		return rep, alts
	}
	var kept []rune
	for _, r := range alts {
		if _, ok := finalForms[r]; !ok {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return rep, alts
	}
	if _, ok := finalForms[rep]; ok {
		rep = kept[0]
	}
	return rep, kept
}

// wordFinal reports whether cell j is the last letter of word w: no letter
// follows it in the word.
func (e *engine) wordFinal(w *word, j int) bool {
	for n := j + 1; n < int(w.to); n++ {
		if e.cells[n].a&(aLetter|aWordSym) != 0 {
			return false
		}
	}
	return true
}

// sameShape returns the core letters of class t that share the shape of
// cell c (its UTS #39 prototype): σ and ο for a Latin o in Greek text, I
// and l for a Cyrillic І in English, whatever their case.
func sameShape(c cell, t class) []rune {
	cands := candidates(t, c.r)
	if len(cands) < 2 {
		return nil
	}
	var out []rune
	for _, r := range cands {
		if r != c.r && coreLetter(r) && unicode.IsLetter(r) && letterClassOf(r) == t {
			out = append(out, r)
		}
	}
	return out
}

func letterClassOf(r rune) class {
	a := attrOf(r)
	if r < 0x80 {
		a = asciiAttr(byte(r))
	}
	return letterClass(a)
}

// swapped is one cell of a word that swap restores.
type swapped struct {
	j    int
	r    rune
	rep  rune
	alts []rune // letters of the same shape and case, when more than one
}

// spellAsWritten settles the letters of shared shape in word w (restored
// to class t) by the words the block writes in t's own letters: when the
// word as first restored ("οριομάτων") is not one of them and another
// choice of the shared letters is ("ορισμάτων"), that choice wins. Outside
// Latin, when no choice is, the block's letter statistics decide (see
// letterModel).
func (e *engine) spellAsWritten(w *word, t class, sw []swapped) {
	known := e.blockWords(t)
	key := func() string {
		var buf [64]byte
		b := buf[:0]
		ok := withSwaps(e.cells[w.from:w.to], sw, int(w.from), func(c cell, r rune, swapped bool) bool {
			if !swapped && (c.a&aLetter == 0 || letterClass(c.a) != t) {
				return false
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
			return true
		})
		if !ok {
			return ""
		}
		return string(b)
	}
	if k := key(); k == "" || known[k] != 0 {
		return
	}
	// Try every combination of the shared letters (at most 4 cells with
	// a few choices each), keeping the first that the block writes.
	var idx []int
	for i := range sw {
		if sw[i].alts != nil {
			idx = append(idx, i)
		}
	}
	orig := make([]rune, len(idx))
	for p, i := range idx {
		orig[p] = sw[i].rep
	}
	// Every combination, the first choice of each cell included: the
	// letter first restored need not be the first of its alternatives.
	found := false
	eachChoice(sw, idx, func([]int) bool {
		k := key()
		for _, i := range idx {
			// A small letter only where the block writes one, or first in
			// a word it capitalises ("Later" for "Ӏater"), and not among
			// capitals: its "URL" and "LF" make no "URl" of "URΙ" nor "lf"
			// of "Ιf", nor does its "url".
			at := uint(sw[i].j - int(w.from))
			if unicode.IsLower(sw[i].rep) && (known[k]&(1<<at) == 0 && (at != 0 || known[k]&2 == 0) || e.amongCapitals(w, sw[i].j)) {
				return true
			}
		}
		found = known[k] != 0
		return !found
	})
	if found {
		return
	}
	for p, i := range idx {
		sw[i].rep = orig[p]
	}
	if t == cLatin {
		if w.letters == 1 && len(idx) == 1 && !e.shapesAreI() {
			// A letter alone: the one the block writes alone more often
			// ("l" in the column formats of a manual's tables, "I" in
			// English prose), unless the block swapped its every I.
			s := &sw[idx[0]]
			best, n := s.rep, e.loneLatin(s.rep)
			for _, r := range s.alts {
				if m := e.loneLatin(r); m > n && m >= 2 {
					best, n = r, m
				}
			}
			s.rep = best
		}
		return // the pair fit and the case rules decide I and l
	}
	// No spelling found: the block's model of how its script spells
	// decides, over all the shared letters of the word at once ("ιστορικού"
	// against "ιοτορικού"; see letterModel). The letter first chosen keeps
	// a tie.
	m := e.spelling(t)
	seq := make([]rune, 0, int(w.to)-int(w.from))
	score := func() float64 {
		seq = seq[:0]
		withSwaps(e.cells[w.from:w.to], sw, int(w.from), func(c cell, r rune, swapped bool) bool {
			switch {
			case swapped:
			case c.a&aLetter == 0:
				return true
			case letterClass(c.a) != t:
				r = 0
			}
			seq = append(seq, baseLetter(r))
			return true
		})
		return m.logProb(seq)
	}
	best, bestChoice := score(), make([]int, len(idx))
	for q, i := range idx {
		for c, r := range sw[i].alts {
			if r == orig[q] {
				bestChoice[q] = c
			}
		}
	}
	eachChoice(sw, idx, func(choice []int) bool {
		if s := score(); s > best {
			best = s
			copy(bestChoice, choice)
		}
		return true
	})
	for q, i := range idx {
		sw[i].rep = sw[i].alts[bestChoice[q]]
	}
}

// loneStyled reports whether styled letter c, alone in word k and away
// from the signs of a formula, stands for a plain one: where it stands as
// a word does, between words, and is a small letter of a style other
// than the mathematical italic that formulas use, or wherever it stands
// once a block of mostly Latin words has restored two or more words
// ("socket.𝐡", "𝕏963"; the mixed words are judged first, and lone letters
// again after them: engine.wordPass sets latinShown). Other scripts
// borrow styled Latin letters as symbols ("𝑛-орки").
func (e *engine) loneStyled(k int, c cell) bool {
	if e.maths(k) {
		return false
	}
	if e.latinShown {
		return true
	}
	return e.flanked(k) && c.a&aLower != 0 && !mathItalic(c.r)
}

// markDisguised notes that letters of word w are restored.
func (e *engine) markDisguised(w *word) {
	if !w.disguised {
		w.disguised = true
		e.disguisedWords++
	}
}

// loneLatin counts the words of the block that are Latin letter r alone,
// in its case.
func (e *engine) loneLatin(r rune) int {
	if r >= 0x80 {
		return 0
	}
	if e.lone1 == nil {
		e.lone1 = new([0x80]int32)
		for k := range e.words {
			w := &e.words[k]
			if w.letters == 1 && w.simple && w.to == w.from+1 && e.cells[w.from].r < 0x80 {
				e.lone1[e.cells[w.from].r]++
			}
		}
	}
	return int(e.lone1[r])
}

// withSwaps calls f for each of cells, the cells of a word that starts at
// cell from, with the letter it holds once the swaps sw (in order) are
// made, and whether a swap made it; it stops, and reports false, when f
// returns false.
func withSwaps(cells []cell, sw []swapped, from int, f func(c cell, r rune, swapped bool) bool) bool {
	next := 0
	for k, c := range cells {
		r, swapped := c.r, false
		if next < len(sw) && sw[next].j == from+k {
			r, swapped = sw[next].rep, true
			next++
		}
		if !f(c, r, swapped) {
			return false
		}
	}
	return true
}

// eachChoice sets the shared letters sw[idx[...]] to every combination of
// their alternatives in turn, the first alternative of each included, and
// calls try with the choice made for each; it stops when try returns
// false, leaving that combination in place.
func eachChoice(sw []swapped, idx []int, try func(choice []int) bool) {
	choice := make([]int, len(idx))
	for {
		for q, i := range idx {
			sw[i].rep = sw[i].alts[choice[q]]
		}
		if !try(choice) {
			return
		}
		p := 0
		for p < len(idx) {
			choice[p]++
			if choice[p] < len(sw[idx[p]].alts) {
				break
			}
			choice[p] = 0
			p++
		}
		if p == len(idx) {
			return // all combinations tried
		}
	}
}

func scriptName(r rune) string {
	s := ucd.ScriptOf(r)
	if s == ucd.ScriptCommon || s == ucd.ScriptInherited {
		return "symbol"
	}
	return s.String()
}

func (e *engine) text(data []byte, from, to int) string {
	end := len(data)
	if to < len(e.cells) {
		end = int(e.cells[to].off)
	}
	return string(data[e.cells[from].off:end])
}

// mostlyUpper decides the case of caseless look-alikes from the word's
// other letters.
func (e *engine) mostlyUpper(w *word) bool {
	up, low := 0, 0
	for j := int(w.from); j < int(w.to); j++ {
		a := e.cells[j].a
		if a&aUpper != 0 {
			up++
		} else if a&aLower != 0 {
			low++
		}
	}
	return up > low
}

// fit returns a scorer for the letters that could stand at cell j: how
// often each appears next to the same neighbours elsewhere in the block.
// The text is its own language model: "οτο" for "στο" and "Iike" for
// "like" lose to the pairs the writer used everywhere else.
func (e *engine) fit(j int, t class) fitter {
	cells := e.cells
	var prev, next rune
	// Invisible characters inside the word stand between no two letters
	// ("seria\u200bӀfunc").
	p, n := j-1, j+1
	for p >= 0 && glue(cells[p].a) {
		p--
	}
	for n < len(cells) && glue(cells[n].a) {
		n++
	}
	opens := true
	if p >= 0 && cells[p].a&(aLetter|aWordSym) != 0 {
		prev, opens = intendedIn(cells[p], t), false
	}
	if n < len(cells) && cells[n].a&(aLetter|aWordSym) != 0 {
		next = intendedIn(cells[n], t)
	}
	if prev == 0 && next == 0 {
		return fitter{}
	}
	return fitter{e: e, prev: prev, next: next, opens: opens}
}

// fitter scores a letter by its pairs with the letters around a cell (see
// engine.fit); the zero fitter has nothing to score with.
type fitter struct {
	e          *engine
	prev, next rune // 0 where no letter, or a letter of several readings
	opens      bool // the cell opens its word
}

func (f fitter) ok() bool { return f.e != nil }

func (f fitter) score(r rune) int {
	if !f.e.pairsBuilt { // counted when first needed: most look-alikes have one reading
		f.e.countPairs()
	}
	n := 0
	if f.prev != 0 {
		n += f.e.pairCount(f.prev, r, false)
	}
	if f.next != 0 {
		// Inside a word, a capital's pairs count only where it does not
		// open its word: "If" opens sentences, and says nothing of the
		// I in "yourseIf". Opening a word, only the pairs that open words
		// count: "result" says nothing of "Ιt".
		n += f.e.pairCount(r, f.next, f.prev != 0 && r >= 'A' && r <= 'Z')
		if f.opens && r < 0x80 && f.next < 0x80 {
			n -= f.e.pairCount(r, f.next, true) // counted apart for ASCII letters only
		}
	}
	return n
}

// countPairs counts the pairs of letters of one class in the block: pairs
// of ASCII letters in a table, the others in a map.
func (e *engine) countPairs() {
	e.pairsBuilt = true
	if e.asciiPairs == nil {
		e.asciiPairs = new(asciiPairTable)
	} else {
		clear(e.asciiPairs[:])
	}
	clear(e.pairs)
	if e.innerPairs == nil {
		e.innerPairs = new(asciiPairTable)
	} else {
		clear(e.innerPairs[:])
	}
	cells := e.cells
	tbl, inner := e.asciiPairs, e.innerPairs
	for k := 1; k < len(cells); k++ {
		a, b := cells[k-1], cells[k]
		if uint32(a.r)|uint32(b.r) < 0x80 {
			// ASCII letters are all Latin and none is styled.
			if a.a&b.a&aLetter != 0 {
				tbl[asciiPair(a.r, b.r)]++
				if k >= 2 && cells[k-2].a&aLetter != 0 {
					inner[asciiPair(a.r, b.r)]++
				}
			}
			continue
		}
		if a.a&b.a&aLetter != 0 && a.a.class() == b.a.class() && a.a&aFancy == 0 && b.a&aFancy == 0 {
			if e.pairs == nil {
				e.pairs = map[[2]rune]int32{}
			}
			e.pairs[[2]rune{a.r, b.r}]++
		}
	}
}

// asciiPairTable counts the pairs of ASCII letters ('A' to 'z'), small
// enough to stay in the first-level cache while a block is counted.
type asciiPairTable [asciiLetterSpan * 64]int32

const asciiLetterSpan = 'z' - 'A' + 1

// asciiPair is the index of the pair of ASCII letters a, b.
func asciiPair(a, b rune) int { return int(a-'A')<<6 | int(b-'A') }

// pairCount is how often letter a is followed by letter b in the block;
// inside, only where a does not open its word (for ASCII letters).
func (e *engine) pairCount(a, b rune, inside bool) int {
	if uint32(a)|uint32(b) < 0x80 {
		if uint32(a-'A') < asciiLetterSpan && uint32(b-'A') < asciiLetterSpan {
			if inside {
				return int(e.innerPairs[asciiPair(a, b)])
			}
			return int(e.asciiPairs[asciiPair(a, b)])
		}
		return 0 // only letters are counted
	}
	return int(e.pairs[[2]rune{a, b}])
}

// intendedIn returns the letter of class t that cell c is or unambiguously
// stands for, or 0.
func intendedIn(c cell, t class) rune {
	if letterClass(c.a) == t && c.a&aFancy == 0 {
		return c.r
	}
	if c.a&aFancy != 0 && t == cLatin {
		return rune(fancyPlainRune(c.r))
	}
	if cands := candidates(t, c.r); len(cands) == 1 {
		return cands[0]
	}
	return 0
}

// caseOf decides the case of the letter a look-alike at cell j stands for.
// Look-alikes are chosen for shape, not case: "Ӏ" (a capital) imitates the
// "l" of "JoӀt", and a word-initial "Ι" before a vowel is the "l" of
// "Ιike", while before a consonant it is the "I" of "Ιn".
func (e *engine) caseOf(w *word, j int, t class, upper bool) (attr, bool) {
	cells := e.cells
	a := cells[j].a
	prev, next := attr(0), attr(0)
	var nextR rune
	// The case of the nearest letter before it: the word's own letters
	// show theirs, a styled letter too ("𝘥" is a small d) unless it has the
	// shape of both I and l, and a look-alike the case of the letter it
	// stands for, where it stands for one (Ь is a "b", whatever its case;
	// "е" an "e"), not its own.
	for p := j - 1; p >= int(w.from); p-- {
		c := cells[p]
		if c.a&aFancy != 0 && t == cLatin {
			if pl := rune(fancyPlainRune(c.r)); pl < 0x80 && pl != 'I' && pl != 'l' && isASCIIAlpha(byte(pl)) {
				prev = asciiAttr(byte(pl))
				break
			}
			continue
		}
		if c.a&(aLetter|aWordSym) == 0 {
			continue // a mark, a digit; a symbol shaped like a letter shows its case (˛ is an i)
		}
		if c.a&aLetter != 0 && c.a.class() == t {
			if c.r > 0x7F && t == cLatin && ilShape(c.r) {
				continue // Ɩ shows no case of the letter it stands for
			}
			prev = c.a
			break
		}
		if cands := candidates(t, c.r); len(cands) == 1 {
			prev = attrOf(cands[0])
			if cands[0] < 0x80 {
				prev = asciiAttr(byte(cands[0]))
			}
			break
		}
	}
	for n := j + 1; n < int(w.to); n++ {
		if cells[n].a&(aLetter|aWordSym) != 0 {
			next, nextR = cells[n].a, intendedIn(cells[n], t)
			break
		}
	}
	if prev == 0 && j > int(w.from) && ilShape(cells[j-1].r) && cells[j-1].a&aLetter != 0 {
		return a&^aUpper | aLower, false // "ӀӀ" is "Il" or "ll", not "II"
	}
	if prev == 0 && next&(aLower|aUpper) == 0 && t == cLatin && a&aLower == 0 && strings.ContainsRune("aeiouy", nextR) && ilShape(cells[j].r) {
		// Before a caseless look-alike of a small vowel, as before the
		// vowel itself (below): "ℑہ𝐜𝔨" is "lock".
		return a&^aUpper | aLower, false
	}
	if prev == 0 && next&aLower != 0 && (t != cLatin || a&aLower == 0) && ilShape(cells[j].r) {
		// Word-initial I or l: "lo", "li", "la" start words, "In", "It",
		// "If" do; an l before a consonant rarely does. Restoring to
		// Latin, a small letter ("𝚕", "ӏ") was chosen for an l: "𝚕dd" is
		// the command.
		if t == cLatin && nextR >= 0x80 {
			nextR = latinPlain(nextR) // "Ｉɩb": a Latin iota is an i
		}
		if strings.ContainsRune("aeiouy", nextR) {
			return a&^aUpper | aLower, false
		}
		// A shape that shows no case of its own starts a short word in
		// the middle of a sentence as an l: a capital I starts "In",
		// "It", "Its" at the start of one, while "ls", "ld" and "ldd" are
		// commands, written after a prompt, a path or a word.
		if t == cLatin && w.letters <= 3 && (!e.caseShown(w, j) && e.midSentence(int(w.from)) || e.afterPrompt(int(w.from))) {
			return a&^aUpper | aLower, false
		}
		return a&^aLower | aUpper, true
	}
	if a&aUpper != 0 && prev&aLower != 0 {
		if t == cLatin && e.shapesAreI() {
			return a, false // "EVP_DigestSignΙnit" where the block swapped every I
		}
		return a&^aUpper | aLower, false
	}
	if a&aLower != 0 && upper && t != cLatin && prev&aLower == 0 && next&aLower == 0 && ilShape(cells[j].r) {
		// A small l in a word of capitals is the shape of their I:
		// "ПРАФlЛЯВАЛЬНЫЯ" is ПРАФІЛЯВАЛЬНЫЯ, not a palochka.
		return a&^aLower | aUpper, true
	}
	if a&aLower == 0 && e.contraction(w, j, t) {
		// After the apostrophe of a contraction: "I’ӀӀ" is "I’ll".
		return a&^aUpper | aLower, false
	}
	if a&aLower == 0 && prev&aUpper != 0 && e.secondOfCapitalised(w, j, t) {
		// After the capital that opens a word, before its small letters, a
		// capital shape or one that shows no case is small: "AIthough",
		// "AIso", "AIl" are "Although", "Also", "All".
		return a&^aUpper | aLower, false
	}
	return a, upper
}

// contraction reports whether cell j is in the ending of a contraction:
// one or two letters after an apostrophe inside word w ("’ll", "’ve",
// "’s"), shapes of I and l or small letters of class t. Names that
// continue after an apostrophe with a capital ("O’Leary") are longer.
func (e *engine) contraction(w *word, j int, t class) bool {
	cells := e.cells
	q := j
	for q > int(w.from) && cells[q-1].a&aLetter != 0 {
		q--
	}
	if q == int(w.from) || !apostrophe(cells[q-1].r) || q-1 == int(w.from) {
		return false
	}
	n := 0
	for k := q; k < int(w.to) && cells[k].a&aLetter != 0; k++ {
		if r := intendedIn(cells[k], t); r == 0 && !ilShape(cells[k].r) ||
			r != 0 && (r >= 0x80 || asciiAttr(byte(r))&aLower == 0) {
			return false
		}
		n++
	}
	return n <= 2
}

// amongCapitals reports whether the letters next to cell j in word w,
// passing over shapes of I and l, are capitals, one at least: a small l
// does not stand there ("URΙ" beside the block's "url", "ΙD"), while "IІ"
// shows no case around its shape.
func (e *engine) amongCapitals(w *word, j int) bool {
	seen := false
	for _, step := range [2]int{-1, 1} {
		for n := j + step; n >= int(w.from) && n < int(w.to); n += step {
			c := e.cells[n]
			if c.a&aLetter == 0 || ilShape(c.r) {
				continue
			}
			if c.a&aUpper == 0 {
				return false
			}
			seen = true
			break
		}
	}
	return seen
}

// shapesAreI reports whether the block swapped its capital I, and only
// it, for look-alikes of I and l, as the raid tool's homoglyph attack does:
// it writes no plain capital I but plain small l's, and two or more of the
// shapes stand where only an I does, beside a capital ("URΙ", "ΙD"; a
// shape alone may be the l of a table's formats). There the pairs of the block know no I to weigh an l
// against, and a shape after a small letter opens a part of a name
// ("EVP_DigestSignΙnit") as often as it ends a word elsewhere ("DeӀete").
func (e *engine) shapesAreI() bool {
	if e.shapesI != 0 {
		return e.shapesI > 0
	}
	e.shapesI = -1
	plainI, plainL, where := 0, 0, 0
	cells := e.cells
	upper := func(k int) bool { return k >= 0 && k < len(cells) && cells[k].r >= 'A' && cells[k].r <= 'Z' }
	for k, c := range cells {
		switch {
		case c.r == 'I':
			plainI++
		case c.r == 'l':
			plainL++
		case c.r >= 0x80 && c.a&aLetter != 0 && ilShape(c.r):
			if upper(k-1) || upper(k+1) {
				where++
			}
		}
	}
	if plainI == 0 && plainL >= 5 && where >= 2 {
		e.shapesI = 1
	}
	return e.shapesI > 0
}

// secondOfCapitalised reports whether cell j, a shape of I and l, is
// inside a capitalised word or part of a word ("Although", the "Elapse"
// of "RemainAfterElapse"): before it, past other such shapes, a capital
// that opens the word or follows a small letter; after it, to the end of
// the word or the next capital, small letters of class t (or look-alikes
// that stand for them) and such shapes, with two or more small letters,
// or one other than an s ("AIl" is "All"; "AIs" may be the plural of a
// name in capitals), or with none where the capital opens the word and is
// no Roman numeral and two shapes or more follow it ("AII" is "All";
// "XII" is twelve).
func (e *engine) secondOfCapitalised(w *word, j int, t class) bool {
	cells := e.cells
	// The letter each cell stands for, or 0 for a shape of several.
	letter := func(c cell) (rune, attr) {
		r := intendedIn(c, t)
		if r == 0 || c.r > 0x7F && ilShape(c.r) {
			return 0, 0 // a styled 𝙄 is as much an l as a plain Ӏ is
		}
		if r < 0x80 {
			return r, asciiAttr(byte(r))
		}
		return r, attrOf(r)
	}
	shapes := 1 // cell j
	p := j - 1
	for ; p >= int(w.from); p-- {
		c := cells[p]
		if c.a&(aLetter|aWordSym) == 0 {
			continue
		}
		if r, _ := letter(c); r == 0 && ilShape(c.r) {
			shapes++
			continue
		}
		break
	}
	if p < int(w.from) {
		return false
	}
	capital, pa := letter(cells[p])
	if pa&aUpper == 0 {
		return false
	}
	opens := true // the capital opens the word
	for q := p - 1; q >= int(w.from); q-- {
		if cells[q].a&aLetter == 0 {
			continue
		}
		if _, qa := letter(cells[q]); qa&aLower == 0 {
			return false // inside a run of capitals
		}
		opens = false
		break
	}
	n, last := 0, rune(0)
	for q := j + 1; q < int(w.to); q++ {
		c := cells[q]
		if c.a&(aLetter|aWordSym) == 0 {
			continue
		}
		r, la := letter(c)
		if r == 0 && ilShape(c.r) {
			shapes++
			continue
		}
		if la&aUpper != 0 && n > 0 {
			break // the next part of the word
		}
		if la&aLower == 0 {
			return false
		}
		n, last = n+1, r
	}
	if n == 0 {
		return opens && shapes >= 2 && !strings.ContainsRune("IVXLCDM", capital)
	}
	return n >= 2 || n == 1 && last != 's'
}

// latinPlain returns the ASCII letter, in small case, that Latin letter r
// beyond ASCII has the shape of ("ɩ" is an i), or r.
func latinPlain(r rune) rune {
	if p, ok := ucd.Prototype(r); ok && len(p) == 1 && isASCIIAlpha(p[0]) {
		return rune(p[0] | 0x20)
	}
	return r
}

// caseShown reports whether the letter at cell j of word w shows a case of
// its own: a styled letter in the style of the styled letter after it
// ("𝐈𝐧" is a styled word, "𝝞𝖽" two letters picked for their shapes), or
// a letter of a script with case. An alef, a digit one, a letter of a
// script without case, a symbol (Ⅰ), or the palochka (written as a
// capital inside small words) shows none.
func (e *engine) caseShown(w *word, j int) bool {
	c := e.cells[j]
	if c.a&(aUpper|aLower) == 0 || c.r == 0x04C0 {
		return false
	}
	if c.a&(aFancy|aLetter) == aLetter && ucd.ScriptOf(c.r) != ucd.ScriptCommon {
		return true
	}
	for n := j + 1; n < int(w.to); n++ {
		if next := e.cells[n]; next.a&(aLetter|aWordSym) != 0 {
			return next.a&aFancy != 0 && styleKey(c.r) == styleKey(next.r)
		}
	}
	return true
}

// afterPrompt reports whether the word at cell from is the first after a
// shell prompt ("$ ls", "$ ldd"): a command, whatever case its first shape
// shows.
func (e *engine) afterPrompt(from int) bool {
	cells := e.cells
	p := from - 1
	for p >= 0 && cells[p].r == ' ' {
		p--
	}
	return p < from-1 && p >= 0 && cells[p].r == '$' && (p == 0 || isBlank(cells[p-1].r))
}

// midSentence reports whether the word that starts at cell from stands in
// the middle of a sentence: after a small letter of a word that is not
// capitalised (a title capitalises every word), a digit, a prompt or a
// path on its line.
func (e *engine) midSentence(from int) bool {
	cells := e.cells
	p := from - 1
	for p >= 0 && (cells[p].r == ' ' || cells[p].r == '\t') {
		p--
	}
	if p < 0 {
		return false
	}
	switch c := cells[p]; {
	case c.r == '$' || c.r == '/' || c.a&aDigit != 0:
		return true
	case c.a&aLetter != 0 && c.a&aLower != 0:
		for p > 0 && cells[p-1].a&aLetter != 0 {
			p--
		}
		return cells[p].a&aUpper == 0
	}
	return false
}

// fancyWord reports the styled letters and digits of word k.
func (e *engine) fancyWord(data []byte, k int) {
	w := &e.words[k]
	cells := e.cells
	wordText := e.text(data, int(w.from), int(w.to))
	upper := e.mostlyUpper(w)
	style, styleDone := "", false // wordStyle, computed on first need
	throughout := func(r rune) bool {
		if !styleDone {
			style, styleDone = e.wordStyle(w), true
		}
		return style != "" && styleKey(r) == style
	}
	for j := int(w.from); j < int(w.to); j++ {
		c := cells[j]
		if c.a&aFancy == 0 || e.legitFancy(j) || e.index(w, j) {
			continue
		}
		// A styled letter is a disguise in a styled word, or inside an
		// ordinary word (maths styles single letters, never parts of words).
		if !w.styled && !(w.letters >= 2 && (styledInWord(c.r) || smallCapital(c.r) != 0 && (e.latinShown || !e.phonetic(w)))) &&
			!(w.letters == 1 && (styledInWord(c.r) && e.loneStyled(k, c) || smallCapital(c.r) != 0 && e.latinShown && !e.phonetic(w))) {
			continue
		}
		plain := rune(fancyPlainRune(c.r))
		if (plain == 'I' || plain == 'l') && smallCapital(c.r) == 0 && !throughout(c.r) {
			// 𝙸 and 𝚕 both pass for an l or an I: decide as for other
			// look-alikes, from the word.
			fake := c
			fake.a = c.a&^(aLower|aUpper) | aUpper
			if plain == 'l' {
				fake.a = c.a&^(aLower|aUpper) | aLower
			}
			saved := cells[j]
			cells[j] = fake
			a, _ := e.caseOf(w, j, cLatin, upper)
			cells[j] = saved
			if a&aUpper != 0 {
				plain = 'I'
			} else {
				plain = 'l'
			}
		}
		kind := report.FancyLetter
		if plain >= '0' && plain <= '9' {
			// A styled digit among letters usually imitates a letter (𝟣 for l).
			if e.digitForLetter(w, j) && !throughout(c.r) {
				if l := lookalikeIn(c.r, cLatin, upper); l != 0 {
					plain = l
				}
			}
			if plain >= '0' && plain <= '9' {
				kind = report.MixedDigits
			}
		}
		ch := e.describe(c)
		ri, pi := e.info(c.r), e.info(plain)
		ch.LooksLike = pi.char
		e.markDisguised(w)
		e.add(data, j, j+1, report.Finding{
			Kind: kind, Severity: report.Warning, Confidence: 0.9,
			Replacement: report.Str(pi.char), Chars: []report.Char{ch}, Word: wordText,
			Message: ri.name + " (" + ri.cp + ") is a styled " + pi.quoted + ": filters and searches do not match it",
		})
	}
}

// wordStyle returns the style every letter of word w has, or "" where its
// letters are of several styles or some plain. A word styled throughout
// keeps each letter's case ("𝐃𝐫𝐨𝐩𝐈𝐧𝐏𝐚𝐭𝐡𝐬" is DropInPaths) and its digits
// ("𝐂𝐨𝐯𝐢𝐝𝟏𝟗"), where a styled shape among letters of other styles, or
// among plain ones, is an I or an l as the word around it says (random
// draws put two letters of one style side by side).
func (e *engine) wordStyle(w *word) string {
	style := ""
	for n := int(w.from); n < int(w.to); n++ {
		a := e.cells[n].a
		if a&aLetter == 0 {
			continue
		}
		if a&aFancy == 0 {
			return ""
		}
		k := styleKey(e.cells[n].r)
		if style != "" && k != style {
			return ""
		}
		style = k
	}
	return style
}

// styleKey is the style of a styled letter as a reader sees it: the
// letters Unicode encoded before the mathematical alphabets (ℎ, ℂ, ℑ, ℯ)
// are of the style whose gaps they fill.
func styleKey(r rune) string {
	if r == 'ℎ' {
		return "ITALIC"
	}
	s := strings.TrimPrefix(styleOf(r), "MATHEMATICAL ")
	if s == "BLACK-LETTER" {
		return "FRAKTUR"
	}
	return s
}

// digitForLetter reports whether the styled digit at cell j of word w
// stands for a letter whatever the rest of the word holds: it touches a
// letter or a look-alike of one (ം, ⅼ) and no plain digit ("D𝟶", "𝟷а",
// "𝟭ogin1", "𝚛esu𝟏𝐭", "𝟷𝚊𝔱𝓮𝒓"), unless the word is styled throughout in
// its style (see wordStyle; fancyWord asks). Fullwidth digits are a
// disguise of numbers of their own, judged with the rest of the word.
func (e *engine) digitForLetter(w *word, j int) bool {
	cells := e.cells
	c := cells[j]
	if isWide(c.r) {
		return false
	}
	letters := 0
	for _, n := range [2]int{j - 1, j + 1} {
		if n < int(w.from) || n >= int(w.to) {
			continue
		}
		a := cells[n].a
		if a&(aDigit|aFancy) == aDigit {
			return false
		}
		if a&(aLetter|aWordSym) == 0 {
			continue // a styled digit, a mark, punctuation
		}
		letters++
	}
	return letters > 0
}

// asciiWord reports whether a word is all ASCII, so that no Latin letter
// in it can be an alternate form (see latinAlternates).
func (e *engine) asciiWord(data []byte, w *word) bool {
	// A word holds no invalid byte (its cell is not wordish), so it is
	// ASCII when it has as many bytes as characters.
	end := len(data)
	if int(w.to) < len(e.cells) {
		end = int(e.cells[w.to].off)
	}
	return end-int(e.cells[w.from].off) == int(w.to-w.from)
}

// frequency returns how often r occurs in the block and how many letters
// the block has, counted once per block.
func (e *engine) frequency(r rune) (n, letters int) {
	if e.freq == nil {
		e.freq = map[rune]int{}
		for _, x := range e.cells {
			if x.a&aLetter != 0 {
				e.letters++
				if x.r >= 0x80 {
					e.freq[x.r]++
				}
			}
		}
	}
	return e.freq[r], e.letters
}

// latinAlternates reports Latin letters beyond ASCII that stand in for an
// ASCII letter of the same shape (ı for i, ʋ for u, ɩ for i) in word k.
// Turkish writes ı and Ewe ʋ all the time; a disguise uses them now and
// then in words that the rest of the text writes with the plain letter.
// So the text decides: the letter is a disguise when it is rare in the
// block, the block writes no letter only its alphabets have, and either
// the plain letter fits its neighbours far better or other letters of the
// word are disguised ("𝚕ɩ𝖻").
func (e *engine) latinAlternates(data []byte, k int) {
	w := &e.words[k]
	cells := e.cells
	for j := int(w.from); j < int(w.to); j++ {
		c := cells[j]
		if c.r < 0x80 || c.a&aLetter == 0 || c.a&aFancy != 0 || c.a.class() != cLatin {
			continue
		}
		p, ok := ucd.Prototype(c.r)
		if !ok || len(p) != 1 || !isASCIIAlpha(p[0]) {
			continue
		}
		c.a, _ = e.caseOf(w, j, cLatin, e.mostlyUpper(w))
		plain := lookalikeCell(c, cLatin, e.mostlyUpper(w))
		if plain == 0 {
			continue
		}
		n, letters := e.frequency(c.r)
		if n >= 4 && n*100 > letters {
			continue // common in this text: part of its alphabet
		}
		if e.alphabetInUse(c.r) {
			continue
		}
		// In a word with other disguised letters it is one more ("𝚕ɩ𝖻"),
		// and so inside a word of a block that has restored several words
		// already (a letter alone may be the letter itself: "i and ı");
		// otherwise the plain letter must fit its neighbours far better.
		if !w.disguised && (e.disguisedWords < disguiseWords || w.letters < 2) {
			fit := e.fit(j, cLatin)
			if !fit.ok() {
				continue
			}
			// The letter's own pairs here do not count as evidence for it.
			self := 0
			if j > 0 && cells[j-1].a&aLetter != 0 {
				self++
			}
			if j+1 < len(cells) && cells[j+1].a&aLetter != 0 {
				self++
			}
			if fp, fo := fit.score(plain), fit.score(c.r)-self; fp < 3 || fp < 3*(fo+1) {
				continue
			}
		}
		ch := e.describe(c)
		ch.LooksLike = string(plain)
		wordText := e.text(data, int(w.from), int(w.to))
		why := "which the rest of the text uses in its place"
		if w.disguised {
			why = "beside other disguised letters of the word"
		}
		e.add(data, j, j+1, report.Finding{
			Kind: report.LookalikeInWord, Severity: report.Warning, Confidence: 0.7,
			Replacement: report.Str(string(plain)), Chars: []report.Char{ch}, Word: wordText,
			Message: fmt.Sprintf("%q (%s %s) in %q looks like %q, %s", string(c.r), cp(c.r), ucd.Name(c.r), wordText, string(plain), why),
		})
	}
}

// companions lists, for Latin letters that look like an ASCII letter but
// belong to living alphabets, letters that show those alphabets are in
// use: a text that writes ş or ğ writes Turkish or Azerbaijani, where ı
// is a letter of its own, and so does one with ı beside ç, ö or ü (which
// Turkish shares with German and French, whose texts have no ı); ð goes
// with Icelandic þ; ɛ, ɔ and ŋ with the ʋ and ɩ of Ewe, Kabiye and other
// West African orthographies; ɛ and ḍ with the ɣ of Kabyle. Place names
// quoted in another language keep their alphabet too ("Kırşehir" in a
// list of provinces).
var companions = map[rune]string{
	'ı': "şğəŞĞƏİçöüÇÖÜ", 'þ': "ðÐæÆ", 'Þ': "ðÐæÆ",
	'ʋ': "ɖɛɔŋƒɣƐƆŊƉƑƔ", 'Ʋ': "ɖɛɔŋƒɣƐƆŊƉƑƔ",
	'ɩ': "ɛɔŋɖƐƆŊƉ", 'Ɩ': "ɛɔŋɖƐƆŊƉ",
	// Kabyle and the other Berber Latin orthographies, and Ewe.
	'ɣ': "ɛƐčČǧǦḥḤṛṚṣṢṭṬẓẒḍḌɖɔŋƒʋƉƆŊƑƲ", 'Ɣ': "ɛƐčČǧǦḥḤṛṚṣṢṭṬẓẒḍḌɖɔŋƒʋƉƆŊƑƲ",
}

// alphabetInUse reports whether the block writes letters that only the
// alphabets using r have (see companions), so that r is a letter of the
// text rather than a stand-in.
func (e *engine) alphabetInUse(r rune) bool {
	for _, c := range companions[r] {
		if p, ok := ucd.Prototype(c); ok && len(p) == 1 && isASCIIAlpha(p[0]) {
			continue // a stand-in itself ("ƒ" for f): it shows no alphabet
		}
		if n, _ := e.frequency(c); n > 0 {
			return true
		}
	}
	return false
}

// phonetic reports whether a word is a phonetic transcription: it has
// Latin letters beyond ASCII other than small capitals and stand-ins for
// ASCII letters, or the stress and length marks of IPA, or stands between
// the slashes or brackets that enclose transcriptions ("/ˈsɪti/",
// "[bɪt]"), and it has no letters of other scripts or styles. IPA mixes
// small capitals with such letters; disguises mix them with anything
// ("ᴄംmmﮪ𝔫𝑙ᶌ" is no transcription).
func (e *engine) phonetic(w *word) bool {
	cells := e.cells
	from, to := int(w.from), int(w.to)
	found := from > 0 && to < len(cells) && (cells[from-1].r == '/' && cells[to].r == '/' || cells[from-1].r == '[' && cells[to].r == ']')
	for j := from; j < to; j++ {
		c := cells[j]
		switch {
		case c.r <= 0x7F || c.a&aMark != 0:
		case c.r == 'ˈ' || c.r == 'ˌ' || c.r == 'ː' || c.r == 'ˑ' || c.r == 'θ' || c.r == 'β' || c.r == 'χ':
			found = true // IPA's stress and length marks, and the Greek letters it writes
		case c.a&aLetter == 0 || ucd.ScriptOf(c.r) != ucd.ScriptLatin || c.a&aFancy != 0 && smallCapital(c.r) == 0:
			return false
		case smallCapital(c.r) == 0 && lookalikeIn(c.r, cLatin, false) == 0:
			// A letter of IPA that imitates no ASCII letter (ə, ʃ, ŋ);
			// ɑ, ɩ and ʋ are as often stand-ins ("ꭎꜱed").
			found = true
		}
	}
	return found
}

// mathItalic reports whether r is a mathematical italic letter, the style
// of variables in formulas ("where 𝑥 is").
func mathItalic(r rune) bool {
	return r >= 0x1D434 && r <= 0x1D467 || r == 0x210E
}

// styledInWord reports whether r is a styled form that has no business
// inside a word of ordinary letters: mathematical alphanumerics, letterlike
// symbols (ℎ), fullwidth and enclosed forms. Superscripts and small
// capitals are left out: phonetics and ordinals use them inside words.
func styledInWord(r rune) bool {
	t, _ := ucd.Decomposition(r)
	return t == ucd.DecompFont || t == ucd.DecompWide || t == ucd.DecompCircle || t == ucd.DecompSquare
}
