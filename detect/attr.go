package detect

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// attr packs what the engine needs to know about one code point into one
// table entry, so the hot loop does a single look-up per rune. The table is
// derived from the generated Unicode 17 tables in internal/ucd the first
// time a non-ASCII rune is seen (a few milliseconds), and covers planes 0
// and 1; rarer planes are computed on demand.
type attr uint32

const (
	aLetter     attr = 1 << iota // general category L*
	aMark                        // M*
	aDigit                       // Nd
	aNumber                      // Nl, No
	aUpper                       // Lu, Lt, or Other_Uppercase
	aLower                       // Ll or Other_Lowercase
	aIgnorable                   // Default_Ignorable_Code_Point (not VS, tags or bidi controls: they have their own bits)
	aBidi                        // Bidi_Control
	aVS                          // Variation_Selector
	aTag                         // U+E0000..U+E007F
	aSpace                       // White_Space other than the ASCII ones
	aControl                     // Cc other than TAB, LF, CR, FF, VT
	aPUA                         // private use
	aUnassigned                  // Cn, including noncharacters
	aFancy                       // a styled form of an ASCII letter or digit (see fancyPlain)
	aRTL                         // a letter of a right-to-left script
	aCJK                         // Han, Hiragana, Katakana, Hangul, Bopomofo, or a fullwidth/CJK symbol
	aWordSym                     // a symbol or punctuation whose look-alike is an ASCII letter
	aJoining                     // a letter of a script that uses ZWJ/ZWNJ (Arabic, Indic, ...)
	aVirama                      // canonical combining class 9
	aPict                        // Extended_Pictographic or an emoji component
	aZWSPScript                  // a letter of a script written without spaces (Thai, Lao, Khmer, Myanmar, ...)
)

// Script classes: the alphabets between which look-alike letters are
// swapped, plus one class for every other script.
type class uint8

const (
	cNone class = iota // Common, Inherited, Unknown
	cLatin
	cCyrillic
	cGreek
	cArmenian
	cOther
	numClasses
)

var classNames = [numClasses]string{"", "Latin", "Cyrillic", "Greek", "Armenian", "other"}

const (
	classShift = 24
	classMask  = 0x7 << classShift
	// hasLook bits: the rune has a look-alike in target class c (1..4),
	// other than itself.
	lookShift = 27
)

func (a attr) class() class       { return class((a & classMask) >> classShift) }
func (a attr) has(f attr) bool    { return a&f != 0 }
func (a attr) looks(c class) bool { return a&(1<<(lookShift+attr(c)-1)) != 0 }

// distinctive reports whether a letter has no look-alike in any other
// alphabet, so that it proves its own script is really in use.
func (a attr) distinctive() bool {
	c := a.class()
	if a&aLetter == 0 || c == cNone {
		return false
	}
	for t := cLatin; t <= cArmenian; t++ {
		if t != c && a.looks(t) {
			return false
		}
	}
	return true
}

var (
	tableOnce sync.Once
	table     []attr // planes 0 and 1
)

func loadTable() {
	table = make([]attr, 0x20000)
	for r := rune(0); r < 0x20000; r++ {
		table[r] = computeAttr(r)
	}
	buildReverse()
}

// attrOf returns the attributes of r. Callers handle ASCII themselves.
func attrOf(r rune) attr {
	if r < 0x20000 && r >= 0 {
		tableOnce.Do(loadTable)
		return table[r]
	}
	return computeAttr(r)
}

func classOfScript(s ucd.Script) class {
	switch s {
	case ucd.ScriptLatin:
		return cLatin
	case ucd.ScriptCyrillic:
		return cCyrillic
	case ucd.ScriptGreek:
		return cGreek
	case ucd.ScriptArmenian:
		return cArmenian
	case ucd.ScriptCommon, ucd.ScriptInherited, ucd.ScriptUnknown:
		return cNone
	}
	return cOther
}

func computeAttr(r rune) attr {
	var a attr
	if r == utf8.RuneError || r < 0 || r > utf8.MaxRune {
		return aUnassigned
	}
	cat := ucd.CategoryOf(r)
	props := ucd.Props(r)
	script := ucd.ScriptOf(r)
	switch {
	case cat.IsLetter():
		a |= aLetter
	case cat.IsMark():
		a |= aMark
	case cat == ucd.CatNd:
		a |= aDigit
	case cat.IsNumber():
		a |= aNumber
	}
	if cat == ucd.CatLu || cat == ucd.CatLt || props&ucd.PropUppercase != 0 {
		a |= aUpper
	} else if cat == ucd.CatLl || props&ucd.PropLowercase != 0 {
		a |= aLower
	}
	switch {
	case r >= 0xE0000 && r <= 0xE007F:
		a |= aTag
	case props&ucd.PropVariationSelector != 0:
		a |= aVS
	case props&ucd.PropBidiControl != 0:
		a |= aBidi
	case props&ucd.PropDefaultIgnorable != 0:
		a |= aIgnorable
	}
	if props&ucd.PropWhiteSpace != 0 && r > 0x7F {
		a |= aSpace
	}
	if cat == ucd.CatCc && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' {
		a |= aControl
	}
	if cat == ucd.CatCo {
		a |= aPUA
	}
	if cat == ucd.CatCn {
		a |= aUnassigned
	}
	if ucd.CombiningClass(r) == 9 {
		a |= aVirama
	}
	if props&(ucd.PropExtendedPictographic|ucd.PropEmojiComponent|ucd.PropRegionalIndicator|ucd.PropEmojiModifier) != 0 && r > 0x7F {
		a |= aPict
	}
	c := classOfScript(script)
	if c == cLatin && r > 0x7F && a&aLetter != 0 && ucd.IdentifierStatus(r) != ucd.IDAllowed && fancyPlainRune(r) == 0 {
		// Phonetic, historic and technical Latin letters (ɑ, ꬽ, ɩ) are not
		// the alphabet of any language's prose: inside ordinary words they
		// stand in for ASCII letters like another script's would.
		if p, ok := ucd.Prototype(r); ok && len(p) == 1 && isASCIIAlpha(p[0]) {
			c = cOther
		}
	}
	if a&(aLetter|aDigit) != 0 {
		a |= attr(c) << classShift
	}
	switch script {
	case ucd.ScriptHebrew, ucd.ScriptArabic, ucd.ScriptSyriac, ucd.ScriptThaana, ucd.ScriptNko,
		ucd.ScriptSamaritan, ucd.ScriptMandaic, ucd.ScriptAdlam, ucd.ScriptHanifiRohingya:
		if a&(aLetter|aMark|aDigit) != 0 {
			a |= aRTL
		}
	case ucd.ScriptHan, ucd.ScriptHiragana, ucd.ScriptKatakana, ucd.ScriptHangul, ucd.ScriptBopomofo, ucd.ScriptYi:
		a |= aCJK
	case ucd.ScriptThai, ucd.ScriptLao, ucd.ScriptKhmer, ucd.ScriptMyanmar, ucd.ScriptTibetan,
		ucd.ScriptJavanese, ucd.ScriptBalinese, ucd.ScriptTaiTham, ucd.ScriptNewTaiLue:
		a |= aZWSPScript | aJoining
	}
	if a&(aLetter|aMark) != 0 && usesJoiners(script) {
		a |= aJoining
	}
	if (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF && a&(aLetter|aDigit) == 0) {
		a |= aCJK // CJK punctuation and fullwidth symbols (not fullwidth Latin)
	}
	// Look-alikes.
	if fancyPlainRune(r) != 0 {
		a |= aFancy
	}
	if cat == ucd.CatMc || a&aDigit != 0 && r > 0x7F {
		// A spacing mark or a digit shaped like a letter (ം for o, ۱ for l)
		// is a letter's look-alike when it stands inside a word.
		if p, ok := ucd.Prototype(r); ok && len(p) == 1 && isASCIIAlpha(p[0]) && a&aFancy == 0 {
			a = a&^(aMark|aDigit) | aWordSym
		}
	}
	if a&(aLetter|aDigit) == 0 && a&aFancy == 0 {
		// A symbol that imitates a letter (∣ for l, ⍳ for i) joins words.
		if p, ok := ucd.Prototype(r); ok && len(p) == 1 && isASCIIAlpha(p[0]) && r > 0x7F &&
			(cat.IsSymbol() || cat.IsPunct() || cat.IsNumber()) {
			a |= aWordSym
		}
	}
	if a&(aLetter|aDigit|aWordSym) != 0 && r > 0x7F {
		if sk := skeletonKey(r); sk != "" {
			if len(sk) == 1 && isASCIIAlnum(sk[0]) && (c != cLatin || a&aWordSym != 0) {
				a |= 1 << (lookShift + attr(cLatin) - 1)
			}
		}
	}
	return a
}

func usesJoiners(s ucd.Script) bool {
	switch s {
	case ucd.ScriptArabic, ucd.ScriptSyriac, ucd.ScriptNko, ucd.ScriptMongolian, ucd.ScriptMandaic,
		ucd.ScriptManichaean, ucd.ScriptPsalterPahlavi, ucd.ScriptAdlam, ucd.ScriptHanifiRohingya,
		ucd.ScriptDevanagari, ucd.ScriptBengali, ucd.ScriptGurmukhi, ucd.ScriptGujarati, ucd.ScriptOriya,
		ucd.ScriptTamil, ucd.ScriptTelugu, ucd.ScriptKannada, ucd.ScriptMalayalam, ucd.ScriptSinhala,
		ucd.ScriptTibetan, ucd.ScriptKhmer, ucd.ScriptMyanmar, ucd.ScriptBalinese, ucd.ScriptJavanese,
		ucd.ScriptSundanese, ucd.ScriptBrahmi, ucd.ScriptKaithi, ucd.ScriptChakma, ucd.ScriptSharada,
		ucd.ScriptNewa, ucd.ScriptTirhuta, ucd.ScriptGrantha, ucd.ScriptLimbu, ucd.ScriptSylotiNagri,
		ucd.ScriptHebrew:
		return true
	}
	return false
}

func isASCIIAlpha(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }
func isASCIIAlnum(b byte) bool { return isASCIIAlpha(b) || (b >= '0' && b <= '9') }

// skeletonKey is the UTS #39 prototype of r, or r itself when it has none.
func skeletonKey(r rune) string {
	if p, ok := ucd.Prototype(r); ok {
		return p
	}
	return string(r)
}

// ilShape reports whether r has the shape that I and l share (its UTS #39
// prototype is l): I, l, Ӏ, Ι, 𝙸, ǀ and the rest. Unlike skeletonKey it
// makes no string for a rune without a prototype.
func ilShape(r rune) bool {
	if r == 'l' {
		return true
	}
	p, ok := ucd.Prototype(r)
	return ok && p == "l"
}

// fancyTypes are the compatibility decompositions that style a letter
// without changing it.
func fancyType(t ucd.DecompType) bool {
	switch t {
	case ucd.DecompFont, ucd.DecompWide, ucd.DecompCircle, ucd.DecompSuper, ucd.DecompSub, ucd.DecompSquare:
		return true
	}
	return false
}

// fancyPlainRune returns the ASCII letter or digit that r is a styled form
// of (𝐇 → H, Ｈ → H, ⓗ → h, ᴀ → a), or 0.
func fancyPlainRune(r rune) byte {
	if r < 0x80 {
		return 0
	}
	t, m := ucd.Decomposition(r)
	for depth := 0; depth < 4 && t != ucd.DecompNone; depth++ {
		if !fancyType(t) && t != ucd.DecompCanonical && depth == 0 {
			break
		}
		mr, n := utf8.DecodeRuneInString(m)
		if n != len(m) {
			break
		}
		if mr < 0x80 {
			if isASCIIAlnum(byte(mr)) && (fancyType(t) || depth > 0) {
				return byte(mr)
			}
			break
		}
		if sc := smallCapital(mr); sc != 0 {
			return sc
		}
		t, m = ucd.Decomposition(mr)
	}
	return smallCapital(r)
}

// smallCapital maps the Latin small capitals (ᴀ, ʙ, ɪ, ...) to the
// lower-case letters they style, from their Unicode names.
func smallCapital(r rune) byte {
	if ucd.ScriptOf(r) != ucd.ScriptLatin || ucd.CategoryOf(r) != ucd.CatLl {
		return 0
	}
	name := ucd.Name(r)
	const p = "LATIN LETTER SMALL CAPITAL "
	if !strings.HasPrefix(name, p) || len(name) != len(p)+1 {
		return 0
	}
	b := name[len(p)]
	if b < 'A' || b > 'Z' {
		return 0
	}
	return b | 0x20
}

// reverse maps a skeleton to the letters of each target alphabet that have
// it, so that a Latin letter in a Cyrillic word can be mapped to the
// Cyrillic letter it imitates.
var reverse [numClasses]map[string][]rune

// reverseRune and reverseASCII hold reverse[c][skeletonKey(r)] for every
// letter and word symbol r, so that the hot paths look up a rune, not a
// string (see candidates).
var (
	reverseRune  [numClasses]map[rune][]rune
	reverseASCII [numClasses][0x80][]rune
)

// candidates returns the letters of class c that share r's prototype.
func candidates(c class, r rune) []rune {
	if uint32(r) < 0x80 {
		return reverseASCII[c][r]
	}
	if cands, ok := reverseRune[c][r]; ok {
		return cands
	}
	return reverse[c][skeletonKey(r)] // not a letter: not in the index
}

func buildReverse() {
	blocks := map[class][][2]rune{
		cCyrillic: {{0x0400, 0x052F}},
		cGreek:    {{0x0370, 0x03FF}},
		cArmenian: {{0x0531, 0x058F}},
	}
	for c, rs := range blocks {
		m := make(map[string][]rune)
		for _, rg := range rs {
			for r := rg[0]; r <= rg[1]; r++ {
				a := table[r]
				if a&aLetter == 0 || a.class() != c {
					continue
				}
				k := skeletonKey(r)
				m[k] = append(m[k], r)
			}
		}
		reverse[c] = m
	}
	// Latin: only the ASCII letters are restoration targets.
	m := make(map[string][]rune)
	for r := rune('A'); r <= 'z'; r++ {
		if isASCIIAlpha(byte(r)) {
			k := skeletonKey(r)
			m[k] = append(m[k], r)
		}
	}
	reverse[cLatin] = m
	for c := range reverseRune {
		reverseRune[c] = map[rune][]rune{}
	}
	for r := rune(0); r < 0x80; r++ {
		k := skeletonKey(r)
		for c := cLatin; c < numClasses; c++ {
			reverseASCII[c][r] = reverse[c][k]
		}
	}
	// Mark look-alike bits for the other alphabets.
	for r := rune(0x80); r < 0x20000; r++ {
		a := table[r]
		if a&(aLetter|aWordSym) == 0 {
			continue
		}
		k := skeletonKey(r)
		for c := cLatin; c < numClasses; c++ {
			if cands := reverse[c][k]; cands != nil {
				reverseRune[c][r] = cands
			}
		}
		for c := cCyrillic; c <= cArmenian; c++ {
			if a.class() == c {
				continue
			}
			if _, ok := reverse[c][k]; ok {
				table[r] |= 1 << (lookShift + attr(c) - 1)
			}
		}
	}
	// ASCII letters look like Cyrillic/Greek/Armenian letters too.
	for r := rune('A'); r <= 'z'; r++ {
		if !isASCIIAlpha(byte(r)) {
			continue
		}
		k := skeletonKey(r)
		for c := cCyrillic; c <= cArmenian; c++ {
			if _, ok := reverse[c][k]; ok {
				asciiLooks[r] |= 1 << (lookShift + attr(c) - 1)
			}
		}
	}
	for b := range asciiAttrs {
		asciiAttrs[b] = asciiAttr(byte(b))
	}
}

// asciiLooks holds the look-alike bits of the ASCII letters, filled with
// the table; asciiAttrs holds the attributes of every ASCII byte.
var (
	asciiLooks [128]attr
	asciiAttrs [128]attr
)

// asciiAttr is the attribute of an ASCII byte (no table look-up needed).
func asciiAttr(b byte) attr {
	switch {
	case b >= 'a' && b <= 'z':
		return aLetter | aLower | attr(cLatin)<<classShift | asciiLooks[b]
	case b >= 'A' && b <= 'Z':
		return aLetter | aUpper | attr(cLatin)<<classShift | asciiLooks[b]
	case b >= '0' && b <= '9':
		return aDigit | attr(cLatin)<<classShift
	case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v', b == 0x7F:
		return aControl
	}
	return 0
}

// lookalikeIn returns the letter of target class c that r imitates, with
// r's case, or 0. upperHint decides the case when r has none.
func lookalikeIn(r rune, c class, upperHint bool) rune {
	a := attrOf(r)
	if r < 0x80 {
		a = asciiAttr(byte(r))
	}
	return lookalikeCell(cell{r: r, a: a}, c, upperHint)
}

// lookalikeCell is lookalikeIn with the case taken from c.a, which the
// caller may have corrected from the word around it.
func lookalikeCell(x cell, c class, upperHint bool) rune {
	return lookalikeScored(x, c, upperHint, fitter{})
}

// lookalikeScored is lookalikeCell with a tie-breaker for shared
// prototypes: score(t) says how well letter t fits between its neighbours
// in the text at hand (see engine.fit), and a clearly better fit wins over
// the default order.
func lookalikeScored(x cell, c class, upperHint bool, fit fitter) rune {
	cands := candidates(c, x.r)
	if fit.ok() && len(cands) > 1 {
		best, bestS, second := rune(0), -1, -1
		for _, t := range cands {
			if t == x.r {
				continue
			}
			sc := fit.score(t)
			if sc > bestS {
				best, second, bestS = t, bestS, sc
			} else if sc > second {
				second = sc
			}
		}
		if bestS >= 3 && bestS >= 2*second+1 {
			return best
		}
	}
	wantUpper := x.a&aUpper != 0 || (x.a&(aUpper|aLower) == 0 && upperHint)
	best, bestRank := rune(0), 1<<30
	for _, t := range cands {
		if t == x.r {
			continue
		}
		ta := attrOf(t)
		if t < 0x80 {
			ta = asciiAttr(byte(t))
		}
		// Prefer the same case, then ordinary letters of the alphabet's
		// core block, then the lowest code point: a documented, stable
		// choice where a prototype is shared (I and l; ι and ͺ).
		rank := int(t)
		if (ta&aUpper != 0) != wantUpper {
			rank += 1 << 24
		}
		if cat := ucd.CategoryOf(t); cat != ucd.CatLu && cat != ucd.CatLl {
			rank += 1 << 22
		}
		if !coreLetter(t) {
			rank += 1 << 21
		}
		if rank < bestRank {
			best, bestRank = t, rank
		}
	}
	return best
}

// coreLetter reports whether r is in the basic alphabet of its script.
func coreLetter(r rune) bool {
	return r < 0x80 || r >= 0x0391 && r <= 0x03C9 || r >= 0x0400 && r <= 0x045F || r >= 0x0531 && r <= 0x0586
}
