package detect

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// charPass runs the detectors that judge a character from its immediate
// neighbours: invalid bytes, controls, private-use and unassigned code
// points, hidden payloads, invisible characters, bidi controls, unusual
// spaces and stacked combining marks.
func (e *engine) charPass(data []byte) {
	cells := e.cells
	if e.any&aMark != 0 {
		e.marksPass(data)
	}
	const special = aControl | aTag | aVS | aBidi | aIgnorable | aSpace | aPUA | aUnassigned
	if !e.special {
		// Nothing to judge, and no bidi control: the line ends have
		// nothing to close.
		cells = nil
	}
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if c.r >= 0x20 && c.r < 0x7F {
			// Printable ASCII has nothing to judge: skip the run of it in
			// the bytes, where each is a cell.
			i += printableRun(data[c.off:]) - 1
			continue
		}
		if c.a&special == 0 && c.r != '\n' && c.r >= 0 && !isWide(c.r) {
			continue
		}
		switch {
		case c.r < 0:
			j := i + 1
			for j < len(cells) && cells[j].r < 0 {
				j++
			}
			e.invalid(data, i, j)
			i = j - 1
		case c.r < 0x80 && c.a&aControl == 0:
			if c.r == '\n' {
				e.endLine(data, i)
			}
		case c.a&aControl != 0:
			e.add(data, i, i+1, report.Finding{
				Kind: report.ControlChar, Severity: report.Warning, Confidence: 0.9,
				Message: fmt.Sprintf("control character %s (%s) in text: it has no visible form and can hide or corrupt content", cp(c.r), ucd.Name(c.r)),
			})
		case c.a&aTag != 0:
			j := i + 1
			for j < len(cells) && cells[j].a&aTag != 0 {
				j++
			}
			e.tags(data, i, j)
			i = j - 1
		case c.a&aVS != 0:
			j := i + 1
			for j < len(cells) && cells[j].a&aVS != 0 {
				j++
			}
			e.selectors(data, i, j)
			i = j - 1
		case c.a&aBidi != 0:
			e.bidiControl(data, i)
		case c.a&aIgnorable != 0:
			j := i + 1
			for j < len(cells) && cells[j].r == c.r {
				j++
			}
			e.invisible(data, i, j)
			i = j - 1
		case c.a&aSpace != 0:
			e.space(data, i)
		case isWide(c.r) && c.a&(aLetter|aDigit) == 0 && !e.cjkBlock:
			plain := string(c.r - 0xFEE0)
			e.add(data, i, i+1, report.Finding{
				Kind: report.FancyLetter, Severity: report.Warning, Confidence: 0.85,
				Replacement: report.Str(plain),
				Chars:       []report.Char{withLook(e.describe(c), plain)},
				Message:     fmt.Sprintf("%s (%s) outside CJK text stands for %q", ucd.Name(c.r), cp(c.r), plain),
			})
		case c.a&aPUA != 0:
			sev := report.Warning
			if e.opts.Mode == Code {
				sev = report.Info // icon fonts put private-use characters in string literals
			}
			e.add(data, i, i+1, report.Finding{
				Kind: report.PrivateUse, Severity: sev, Confidence: 0.6,
				Message: fmt.Sprintf("private-use character %s: its look depends on the font, so readers may see anything", cp(c.r)),
			})
		case c.a&aUnassigned != 0:
			what := "is not assigned in Unicode " + ucd.Version
			if ucd.IsNoncharacter(c.r) {
				what = "is a noncharacter, not meant for interchange"
			}
			e.add(data, i, i+1, report.Finding{
				Kind: report.Unassigned, Severity: report.Warning, Confidence: 0.7,
				Message: fmt.Sprintf("code point %s %s", cp(c.r), what),
			})
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		// The input ends without a line break, or a line longer than a block
		// was cut: its bidi state is judged here (see the package doc).
		e.endLine(data, len(e.cells))
	}
	e.bidi.lineStart = 0
}

func withLook(c report.Char, s string) report.Char {
	c.LooksLike = s
	return c
}

// cp writes a code point the way fmt's "U+%04X" does.
func cp(r rune) string {
	if r < 0 {
		return fmt.Sprintf("U+%04X", r)
	}
	const digits = "0123456789ABCDEF"
	var b [10]byte
	i := len(b)
	for n := 0; n < 4 || r > 0; n++ {
		i--
		b[i] = digits[r&0xF]
		r >>= 4
	}
	i -= 2
	b[i], b[i+1] = 'U', '+'
	return string(b[i:])
}

func (e *engine) invalid(data []byte, i, j int) {
	start := e.cells[i].off
	end := int32(len(data))
	if j < len(e.cells) {
		end = e.cells[j].off
	}
	f := report.Finding{
		Kind: report.InvalidUTF8, Severity: report.Warning, Confidence: 1,
		Bytes:   fmt.Sprintf("% X", data[start:end]),
		Message: fmt.Sprintf("%d byte(s) that are not valid UTF-8 (kept as they are)", end-start),
		Chars:   []report.Char{{Offset: e.base + int64(start), CodePoint: fmt.Sprintf("0x%02X", data[start]), Name: "invalid UTF-8 byte", Script: "Unknown"}},
	}
	if e.opts.ReplaceInvalid {
		f.Replacement = report.Str(strings.Repeat("\uFFFD", int(end-start)))
		f.Message = fmt.Sprintf("%d byte(s) that are not valid UTF-8 (replaced by U+FFFD)", end-start)
	}
	e.add(data, i, j, f)
}

// tags judges a run of tag characters [i, j). Inside an emoji tag sequence
// (the flags of England, Scotland, Wales) they are legitimate; anywhere else
// they carry hidden ASCII text.
func (e *engine) tags(data []byte, i, j int) {
	cells := e.cells
	if i > 0 {
		// Find the base of a possible emoji tag sequence.
		b := i - 1
		if cells[b].a&aVS != 0 && b > 0 {
			b--
		}
		if cells[b].a&aPict != 0 {
			end := len(data) // where cell j-1 ends
			if j < len(cells) {
				end = int(cells[j].off)
			}
			if n := ucd.EmojiSequenceAt(string(data[cells[b].off:end])); n == end-int(cells[b].off) {
				return
			}
		}
	}
	var hidden strings.Builder
	for k := i; k < j; k++ {
		v := cells[k].r - 0xE0000
		if v >= 0x20 && v < 0x7F {
			hidden.WriteByte(byte(v))
		}
	}
	msg := fmt.Sprintf("%d invisible tag characters hide the text %q", j-i, clip(hidden.String(), 80))
	if hidden.Len() == 0 {
		msg = fmt.Sprintf("%d invisible tag characters outside an emoji flag sequence", j-i)
	}
	e.add(data, i, j, report.Finding{
		Kind: report.HiddenPayload, Severity: report.Error, Confidence: 0.99,
		Replacement: report.Str(""), Hidden: hidden.String(), Message: msg,
	})
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// vsByte decodes a variation selector as a byte, the way payload encoders
// use them: VS1..VS16 are 0..15, VS17..VS256 are 16..255.
func vsByte(r rune) (byte, bool) {
	switch {
	case r >= 0xFE00 && r <= 0xFE0F:
		return byte(r - 0xFE00), true
	case r >= 0xE0100 && r <= 0xE01EF:
		return byte(r - 0xE0100 + 16), true
	}
	return 0, false
}

// legitSelector reports whether variation selector vs may follow base.
func legitSelector(base rune, ba attr, vs rune) bool {
	switch {
	case vs == 0xFE0E || vs == 0xFE0F:
		return ucd.HasVariationSequence(base, vs) || ba&aPict != 0
	case vs >= 0xE0100 && vs <= 0xE01EF:
		return ucd.ScriptOf(base) == ucd.ScriptHan // ideographic variation sequences
	case vs >= 0x180B && vs <= 0x180F:
		return ucd.ScriptOf(base) == ucd.ScriptMongolian
	case vs >= 0xFE00 && vs <= 0xFE0D:
		// Standardized variation sequences: mathematical symbols, CJK
		// compatibility ideographs, some Brahmic and Phags-pa letters.
		return base > 0x7F && ba&aLetter == 0 || ba&aCJK != 0 || ba&aJoining != 0
	}
	return false
}

// selectors judges a run of variation selectors [i, j).
func (e *engine) selectors(data []byte, i, j int) {
	cells := e.cells
	start := i
	if i > 0 && cells[i-1].r >= 0 && legitSelector(cells[i-1].r, cells[i-1].a, cells[i].r) {
		start = i + 1
	}
	if start >= j {
		return
	}
	if j-start == 1 {
		e.add(data, start, j, report.Finding{
			Kind: report.Invisible, Severity: report.Warning, Confidence: 0.7,
			Replacement: report.Str(""),
			Message:     fmt.Sprintf("variation selector %s after a character it does not apply to: it is invisible and changes nothing but the bytes", cp(cells[start].r)),
		})
		return
	}
	payload := make([]byte, 0, j-start)
	for k := start; k < j; k++ {
		if b, ok := vsByte(cells[k].r); ok {
			payload = append(payload, b)
		}
	}
	hidden := string(payload)
	shown := fmt.Sprintf("%q", clip(hidden, 80))
	if !utf8.ValidString(hidden) {
		hidden = fmt.Sprintf("% X", payload)
		shown = "bytes " + clip(hidden, 80)
	}
	e.add(data, start, j, report.Finding{
		Kind: report.HiddenPayload, Severity: report.Error, Confidence: 0.95,
		Replacement: report.Str(""), Hidden: hidden,
		Message: fmt.Sprintf("%d variation selectors in a row encode hidden data: %s", j-start, shown),
	})
}

// invisible judges a run [i, j) of the same default-ignorable character.
func (e *engine) invisible(data []byte, i, j int) {
	cells := e.cells
	r := cells[i].r
	var prev, next cell
	if i > 0 {
		prev = cells[i-1]
	}
	if j < len(cells) {
		next = cells[j]
	}
	word := (prev.a&(aLetter|aMark|aDigit) != 0) && (next.a&(aLetter|aMark|aDigit) != 0)
	sev := report.Warning
	var why string
	switch r {
	case 0xFEFF:
		if e.base == 0 && i == 0 {
			return // a byte order mark at the start is a legitimate signature
		}
		why = "a byte order mark (ZERO WIDTH NO-BREAK SPACE) inside the text"
	case 0x200D: // ZWJ
		if prev.a&(aPict|aVS) != 0 && next.a&aPict != 0 {
			return // emoji ZWJ sequence
		}
		if e.joinerContext(i, j) {
			return // conjuncts and cursive joining
		}
		why = "ZERO WIDTH JOINER outside an emoji sequence or a script that uses it"
	case 0x200C: // ZWNJ
		if e.joinerContext(i, j) {
			return // Persian, Indic and other scripts need it
		}
		why = "ZERO WIDTH NON-JOINER in a script that does not use it"
	case 0x200B: // ZWSP
		if prev.a&(aZWSPScript|aCJK) != 0 || next.a&(aZWSPScript|aCJK) != 0 {
			return // word boundary in scripts written without spaces
		}
		why = "ZERO WIDTH SPACE"
	case 0x00AD:
		// Typesetters put a soft hyphen at a syllable break now and then;
		// dozens of them, or several in one word, hide words from filters.
		if e.countRune(0x00AD) < 3 {
			sev = report.Info
		}
		why = "SOFT HYPHEN (invisible unless the line breaks there)"
	case 0x034F:
		if prev.a&aMark != 0 && next.a&aMark != 0 {
			return // keeps marks apart, as Hebrew and others need
		}
		why = "COMBINING GRAPHEME JOINER"
	case 0x180E:
		if ucd.ScriptOf(prev.r) == ucd.ScriptMongolian {
			return
		}
		why = "MONGOLIAN VOWEL SEPARATOR outside Mongolian text"
	case 0x115F, 0x1160:
		if prev.a&aCJK != 0 || next.a&aCJK != 0 {
			return // Hangul jamo sequences
		}
		why = "a HANGUL FILLER, which renders as blank"
	case 0x3164, 0xFFA0:
		why = "a HANGUL FILLER, which renders as blank"
	default:
		why = ucd.Name(r)
	}
	f := report.Finding{Kind: report.Invisible, Severity: sev, Confidence: 0.9}
	if sev >= report.Warning {
		f.Replacement = &emptyReplacement // an informational finding proposes no change; shared until materialized
	}
	e.addLazy(data, i, j, f, lazyFinding{how: lazyInvisible, r: r, word: word, why: why})
}

// printableRun returns how many bytes at the start of b are printable
// ASCII (0x20 to 0x7E).
func printableRun(b []byte) int {
	const hi = 0x8080808080808080
	const lo = 0x0101010101010101
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// The high bit of the first byte above 0x7E or below 0x20 is set
		// in one of these, whatever the carries above it (see plainASCII).
		if t := (w | (w - 0x20*lo) | (w + lo)) & hi; t != 0 {
			return i + bits.TrailingZeros64(t)/8
		}
	}
	for ; i < len(b) && b[i] >= 0x20 && b[i] < 0x7F; i++ {
	}
	return i
}

// emptyReplacement is the replacement of lazy invisible findings until
// engine.materialize gives each its own; it is never written through.
var emptyReplacement string

// joinerContext reports whether a ZWJ or ZWNJ at cells [i, j) is where
// the scripts that use them put them (the IDNA ContextJ idea, widened to
// the text around): after a virama, or next to a letter of a joining
// script, or in a block of such a script and not inside a word of another.
func (e *engine) joinerContext(i, j int) bool {
	cells := e.cells
	p := i - 1
	for p >= 0 && (glue(cells[p].a) || cells[p].a&aMark != 0 && cells[p].a&aVirama == 0) {
		p--
	}
	n := j
	for n < len(cells) && glue(cells[n].a) {
		n++
	}
	var pa, na attr
	if p >= 0 {
		pa = cells[p].a
	}
	if n < len(cells) {
		na = cells[n].a
	}
	if pa&(aVirama|aJoining) != 0 || na&aJoining != 0 {
		return true
	}
	if pa&aLetter != 0 && na&aLetter != 0 {
		return false // inside a word of a script that does not join
	}
	return e.joinBlock
}

// countRune counts r in the block.
func (e *engine) countRune(r rune) int {
	n := 0
	for _, c := range e.cells {
		if c.r == r {
			n++
		}
	}
	return n
}

// wordAround returns the word that cells [i, j) sit in, for messages.
func (e *engine) wordAround(data []byte, i, j int) string {
	cells := e.cells
	a := i
	for a > 0 && a > i-40 && cells[a-1].a&(aLetter|aMark|aDigit|aIgnorable|aFancy) != 0 {
		a--
	}
	b := j
	for b < len(cells) && b < j+40 && cells[b].a&(aLetter|aMark|aDigit|aIgnorable|aFancy) != 0 {
		b++
	}
	if a == i && b == j {
		return ""
	}
	end := len(data)
	if b < len(cells) {
		end = int(cells[b].off)
	}
	return string(data[cells[a].off:end])
}

// space judges a non-ASCII white-space character.
func (e *engine) space(data []byte, i int) {
	cells := e.cells
	c := cells[i]
	var prev, next cell
	if i > 0 {
		prev = cells[i-1]
	}
	if i+1 < len(cells) {
		next = cells[i+1]
	}
	switch c.r {
	case 0x00A0:
		return // NBSP is everywhere in web text and typography; never worth an alarm
	case 0x3000:
		if e.cjkBlock {
			return
		}
	case 0x2009, 0x202F:
		// Thin and narrow no-break spaces: thousands separators, French
		// punctuation, units.
		if prev.a&aDigit != 0 && next.a&aDigit != 0 || strings.ContainsRune(";:!?»%€", next.r) || prev.r == '«' ||
			next.a&aDigit != 0 || e.cjkBlock {
			return
		}
	case 0x2028, 0x2029, 0x0085:
		sev := report.Warning
		e.add(data, i, i+1, report.Finding{
			Kind: report.UnusualSpace, Severity: sev, Confidence: 0.6,
			Message: fmt.Sprintf("%s (%s): many programs do not treat it as a line break", ucd.Name(c.r), cp(c.r)),
		})
		return
	case 0x1680, 0x180E:
	}
	f := report.Finding{
		Kind: report.UnusualSpace, Severity: report.Warning, Confidence: 0.8,
		Message: fmt.Sprintf("%s (%s) where an ordinary space is expected", ucd.Name(c.r), cp(c.r)),
	}
	if !e.opts.KeepSpaces {
		f.Replacement = report.Str(" ")
	}
	e.add(data, i, i+1, f)
}

// marksPass judges the combining marks on each base character.
func (e *engine) marksPass(data []byte) {
	cells := e.cells
	type stack struct{ base, from, to int }
	var odd []stack     // marks no language puts on this base
	var compose []stack // marks that compose with a Latin base (ỷ = y + U+0309)
	for i := 0; i < len(cells); i++ {
		if cells[i].a&aMark == 0 || cells[i].a&aVS != 0 || i == 0 {
			continue
		}
		base := i - 1
		j := i
		for j < len(cells) && (cells[j].a&aMark != 0 && cells[j].a&aVS == 0 || cells[j].r == 0x034F) {
			j++
		}
		n := j - i
		b := cells[base]
		if b.a&aVS != 0 && base > 0 {
			b = cells[base-1] // 1 U+FE0F U+20E3
		}
		if cells[i].r == 0x20E3 && (b.r >= '0' && b.r <= '9' || b.r == '#' || b.r == '*') {
			i = j - 1
			continue // emoji keycap without its variation selector
		}
		latinish := b.r >= 0 && b.r < 0x250 || b.a.class() == cCyrillic || b.a.class() == cGreek
		if b.a&aMark == 0 && b.r >= 0 && b.a.class() == cNone && b.r >= 0x80 {
			latinish = false
		}
		switch {
		case latinish && n >= 3:
			odd = append(odd, stack{base, i, j})
		case latinish:
			if composes(b.r, cells[i:j]) && b.a&aLetter != 0 {
				compose = append(compose, stack{base, i, j})
			} else {
				odd = append(odd, stack{base, i, j})
			}
		case n > 4:
			odd = append(odd, stack{base, i, j})
		}
		i = j - 1
	}
	e.doc.zalgo += len(odd)
	e.doc.zalgoSeen += len(odd) + len(compose)
	// Marks that compose are suspicious only in a text that is being
	// zalgo'd: otherwise they are decomposed accents (Vietnamese, NFD text).
	zalgoText := e.doc.zalgo >= 3
	for _, s := range odd {
		e.zalgo(data, s.base, s.from, s.to, true)
	}
	for i := 1; i < len(cells); i++ {
		// UTS #39 §5.4: the same non-spacing mark twice in a row. In the
		// scripts not covered above it is usually a typing slip.
		if cells[i].a&aMark != 0 && cells[i].r == cells[i-1].r && cells[i].a.class() != cLatin && cells[i-1].a&aMark != 0 {
			if b := cells[i-1]; b.r >= 0x0300 && b.r <= 0x036F {
				continue // already judged as Latin/Greek/Cyrillic marks above
			}
			e.add(data, i, i+1, report.Finding{
				Kind: report.CombiningMarks, Severity: report.Info, Confidence: 0.5,
				Message: fmt.Sprintf("the combining mark %s (%s) is repeated", cp(cells[i].r), ucd.Name(cells[i].r)),
			})
		}
	}
	if zalgoText {
		for _, s := range compose {
			e.zalgo(data, s.base, s.from, s.to, false)
		}
	}
}

// composes reports whether base followed by the marks normalises (NFC) to a
// single precomposed character, as legitimate accents do.
func composes(base rune, marks []cell) bool {
	var buf [32]byte
	b := utf8.AppendRune(buf[:0], base)
	for _, m := range marks {
		b = utf8.AppendRune(b, m.r)
	}
	out := norm.NFC.Bytes(b)
	r, n := utf8.DecodeRune(out)
	return n == len(out) && r != base
}

func (e *engine) zalgo(data []byte, base, from, to int, odd bool) {
	n := to - from
	sev := report.Warning
	if n >= 3 {
		sev = report.Error
	}
	names := make([]string, 0, n)
	for k := from; k < to && k < from+4; k++ {
		names = append(names, cp(e.cells[k].r))
	}
	what := "combining marks that no language puts on this letter"
	if !odd {
		what = "combining marks added to a plain letter in a text full of stacked marks"
	}
	e.add(data, from, to, report.Finding{
		Kind: report.CombiningMarks, Severity: sev, Confidence: 0.85,
		Replacement: report.Str(""),
		Message:     fmt.Sprintf("%d %s (%s) on %q", n, what, strings.Join(names, " "), string(e.cells[base].r)),
		Word:        e.wordAround(data, from, to),
	})
}
