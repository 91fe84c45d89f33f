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
	gated, gate := false, false // spaceGate, computed at the first unusual space
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
			i = e.control(data, i) - 1
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
			if !gated {
				gated, gate = true, e.spaceGate()
			}
			e.space(data, i, gate)
		case isWide(c.r) && c.a&(aLetter|aDigit) == 0 && !e.cjkBlock:
			plain := string(c.r - 0xFEE0)
			if !e.nearWideLetter(i) {
				// A fullwidth punctuation mark on its own (a Uyghur
				// translator's "：") disguises no letter: it is
				// typography borrowed from East Asian text.
				e.add(data, i, i+1, report.Finding{
					Kind: report.FancyLetter, Severity: report.Info, Confidence: 0.5,
					Chars:   []report.Char{withLook(e.describe(c), plain)},
					Message: fmt.Sprintf("%s (%s) outside CJK text, away from fullwidth letters: East Asian typography for %q", ucd.Name(c.r), cp(c.r), plain),
				})
				break
			}
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
		case c.r == utf8.RuneError:
			// A literal U+FFFD is an assigned character (valid UTF-8 EF BF
			// BD): a decoder put it where it met bytes it could not read,
			// before this text reached us. It disguises nothing and the
			// lost character cannot be recovered, so it is only noted.
			// It is reported with the invalid bytes it stands for, as the
			// trace they left; invalid bytes in this input remain a
			// finding of their own (see invalid).
			e.add(data, i, i+1, report.Finding{
				Kind: report.InvalidUTF8, Severity: report.Info, Confidence: 0.5,
				Message: "REPLACEMENT CHARACTER (U+FFFD): a character was lost to a decoding error before this text was written; the original cannot be restored",
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

// nearWideLetter reports whether the fullwidth punctuation at cell i
// belongs to a run of fullwidth text ("Ｈｉ，", "（ａｌｓｏ", "ＯＰＥＣ＋"): a
// fullwidth letter or digit is reached from it, on either side, across
// spaces and other fullwidth punctuation only.
func (e *engine) nearWideLetter(i int) bool {
	cells := e.cells
	skip := func(c cell) bool {
		return c.r == ' ' || c.r == 0x3000 || isWide(c.r) && c.a&(aLetter|aDigit) == 0
	}
	wide := func(c cell) bool { return isWide(c.r) && c.a&(aLetter|aDigit) != 0 }
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if wide(cells[k]) {
			return true
		}
		if !skip(cells[k]) {
			break
		}
	}
	for k := i + 1; k < len(cells) && k <= i+8; k++ {
		if wide(cells[k]) {
			return true
		}
		if !skip(cells[k]) {
			break
		}
	}
	return false
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

// control judges the control character at cell i and returns the cell
// after the finding. What matters is whether it can change what a reader
// sees. Terminals and viewers ignore most C0 controls: BEL rings, the
// information separators FS, GS, RS, US (which gettext catalogues and
// gnupg use as field separators) and the transmission controls show
// nothing and move nothing, so they are noted (info). Those that rewrite the
// display stay warnings: BACKSPACE overstrikes the character before it,
// ESCAPE starts sequences that move the cursor, erase, recolour or retitle
// (the whole CSI sequence is reported), SHIFT OUT/IN switch the terminal to
// another character set, and every C1 control (CSI U+009B, reverse index,
// OSC...) is a terminal command of its own, except in mojibake (a UTF-8
// character read as Latin-1, engine.mojibake) where it starts no command
// with arguments (engine.commandSequence): info. NUL stays a warning too: it
// shows nothing, but programs that read C strings stop there, so a filter
// can see less of the text than a reader.
func (e *engine) control(data []byte, i int) int {
	cells := e.cells
	r := cells[i].r
	j := i + 1
	sev := report.Warning
	msg := fmt.Sprintf("control character %s (%s) in text: it has no visible form and can hide or corrupt content", cp(r), ucd.Name(r))
	switch {
	case r == 0x00:
		msg = "NULL character (U+0000) in text: programs that read C strings stop there, so they see less than a reader does"
	case r == 0x08:
		msg = "BACKSPACE (U+0008) in text: a terminal overstrikes the character before it, so what is shown differs from what is stored"
	case r == 0x0E || r == 0x0F:
		msg = fmt.Sprintf("control character %s (%s) in text: it switches a terminal's character set", cp(r), ucd.Name(r))
	case r == 0x1B:
		msg = "ESCAPE (U+001B) in text: it starts a terminal command that can move the cursor, erase, recolour or retitle"
		if j < len(cells) && cells[j].r == '[' {
			// CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, one
			// final byte 0x40–0x7E.
			k := j + 1
			for k < len(cells) && cells[k].r >= 0x20 && cells[k].r <= 0x3F {
				k++
			}
			if k < len(cells) && cells[k].r >= 0x40 && cells[k].r <= 0x7E {
				j = k + 1
				msg = fmt.Sprintf("terminal escape sequence %q in text: it can move the cursor, erase, recolour or hide what follows", e.text(data, i, j))
			}
		}
	case r >= 0x80:
		msg = fmt.Sprintf("C1 control character %s (%s) in text: terminals take it as a command (CSI U+009B starts escape sequences)", cp(r), ucd.Name(r))
		if from, to, meant := e.mojibake(i); meant != 0 && !e.commandSequence(i) {
			sev = report.Info
			msg = fmt.Sprintf("C1 control character %s in %q: the UTF-8 bytes of %q read as Latin-1 (mojibake), damage rather than a disguise", cp(r), e.text(data, from, to), meant)
		}
	default:
		// BEL, the information separators, the transmission controls,
		// CAN, SUB, DEL: invisible and inert on a display.
		sev = report.Info
		msg = fmt.Sprintf("control character %s (%s) in text: it shows nothing and moves nothing, but has no place in prose", cp(r), ucd.Name(r))
	}
	e.add(data, i, j, report.Finding{Kind: report.ControlChar, Severity: sev, Confidence: 0.9, Message: msg})
	return j
}

// commandSequence reports whether the C1 control at cell i introduces a
// terminal command with arguments: a CSI with parameters and a final byte
// ("\u009b2J", "\u009b31m", "\u009b?25l"), or an OSC with a numeric
// selector ("\u009d52;" writes the clipboard). Mojibake puts a CSI or an
// OSC before ordinary text ("‛" read as Latin-1 is "â\u0080\u009b"), not
// before arguments; a command is a command whatever letter stands before
// it to make it look like mojibake.
func (e *engine) commandSequence(i int) bool {
	cells := e.cells
	k := i + 1
	switch cells[i].r {
	case 0x9B: // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, a final byte 0x40–0x7E
		for k < len(cells) && cells[k].r >= 0x30 && cells[k].r <= 0x3F {
			k++
		}
		if k == i+1 {
			return false // no parameter: "Û" read as Latin-1 before a letter
		}
		for k < len(cells) && cells[k].r >= 0x20 && cells[k].r <= 0x2F {
			k++
		}
		return k < len(cells) && cells[k].r >= 0x40 && cells[k].r <= 0x7E
	case 0x9D: // OSC: a number, then ';' and the command's text
		for k < len(cells) && cells[k].r >= '0' && cells[k].r <= '9' {
			k++
		}
		return k > i+1 && k < len(cells) && cells[k].r == ';'
	}
	return false
}

// mojibake reports whether C1 control cell i is one of the characters
// [from, to) that are the UTF-8 bytes of one character decoded as Latin-1
// ("Ã\u0093" for "Ó", "â\u0080\u0094" for an em dash), and which
// character that was, never itself a control. Text converted twice looks
// like this; it is damage, and no disguise needs it.
func (e *engine) mojibake(i int) (from, to int, meant rune) {
	cells := e.cells
	for p := i; p >= 0 && p > i-utf8.UTFMax; p-- {
		lead := cells[p].r
		if lead >= 0x80 && lead <= 0xBF {
			continue // a continuation byte: look further back
		}
		var n int
		switch {
		case lead >= 0xC2 && lead <= 0xDF:
			n = 2
		case lead >= 0xE0 && lead <= 0xEF:
			n = 3
		case lead >= 0xF0 && lead <= 0xF4:
			n = 4
		default:
			return 0, 0, 0
		}
		if p+n <= i || p+n > len(cells) {
			return 0, 0, 0
		}
		var b [utf8.UTFMax]byte
		for k := range n {
			r := cells[p+k].r
			if r < 0 || r > 0xFF {
				return 0, 0, 0
			}
			b[k] = byte(r)
		}
		// A character that is itself a control ("Â\u009b" is C2 9B, the
		// UTF-8 of U+009B) is no damage to text: the command is what was
		// meant.
		if r, size := utf8.DecodeRune(b[:n]); r != utf8.RuneError && size == n && r > 0x9F {
			return p, p + n, r
		}
		return 0, 0, 0
	}
	return 0, 0, 0
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
	if i > 0 && cells[i-1].r >= 0 && legitSelector(cells[i-1].r, cells[i-1].a, cells[i].r) && j-i < 3 {
		// A character takes one selector; a run of three or more is data
		// from its first selector on, even after an ideograph or emoji.
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

// unspaced reports whether c belongs to a script written without spaces
// between words (Thai, Khmer, Chinese, Japanese...), where a zero width
// space marks a word boundary. Korean separates words with spaces.
func unspaced(c cell) bool {
	if c.a&aZWSPScript != 0 {
		return true
	}
	return c.a&aCJK != 0 && !(c.r >= 0xAC00 && c.r <= 0xD7A3 || c.r >= 0x1100 && c.r <= 0x11FF || c.r >= 0x3130 && c.r <= 0x318F)
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
	incidental := false // harmless alone (engine.incidental)
	sev := report.Warning
	var why, note string
	switch r {
	case 0xFEFF:
		if e.base == 0 && i == 0 {
			return // a byte order mark at the start is a legitimate signature
		}
		why = "a byte order mark (ZERO WIDTH NO-BREAK SPACE) inside the text"
		if i == 0 || prev.r == '\n' {
			// At the start of a line it is the signature of a file or a
			// string pasted in, not a mark splitting a word.
			sev = report.Info
			why = "a byte order mark (ZERO WIDTH NO-BREAK SPACE) at the start of a line, left from a file or string joined in"
		}
	case 0x200D: // ZWJ
		if prev.a&(aPict|aVS) != 0 && next.a&aPict != 0 {
			return // emoji ZWJ sequence
		}
		ok, stray := e.joinerContext(i, j)
		if ok {
			return // conjuncts and cursive joining
		}
		why = "ZERO WIDTH JOINER outside an emoji sequence or a script that uses it"
		if stray {
			why, incidental = "ZERO WIDTH JOINER neither after nor before a virama, where it shapes nothing", true
		}
	case 0x200C: // ZWNJ
		ok, stray := e.joinerContext(i, j)
		if ok {
			return // Persian, Indic and other scripts need it
		}
		why = "ZERO WIDTH NON-JOINER in a script that does not use it"
		if stray {
			why, incidental = "ZERO WIDTH NON-JOINER after no virama, where it shapes nothing", true
		}
	case 0x200B: // ZWSP
		if prev.a&aZWSPScript != 0 || next.a&aZWSPScript != 0 {
			return // word boundary in scripts written without spaces
		}
		if unspaced(prev) || unspaced(next) {
			// Chinese and Japanese text is written without spaces too, but
			// a line may break between any two of its characters, so it
			// needs no zero width space and its writers leave none (the
			// catalogues of this machine hold not one). Filters are evaded
			// with them all the same. One or two in a long text are a
			// paste's leftovers (engine.incidental); where the block also
			// splits words of other scripts with it, they are that
			// disguise.
			why, note = "ZERO WIDTH SPACE", "Chinese and Japanese text needs none to break lines"
			incidental = e.splitWords() == 0
			break
		}
		if !word && e.spaceBreaks() >= 3 {
			// The writer breaks words with it throughout, and here it
			// splits none: "calendar:\u200bMY" in a Khmer catalogue.
			return
		}
		why = "ZERO WIDTH SPACE"
		// Next to white space it splits no word: editors and translation
		// tools leave it there ("attivati \u200b\u200bdal"). Whether it
		// is left alone depends on the rest of the block (engine.incidental).
		incidental = i == 0 || j == len(cells) || white(prev) || white(next)
	case 0x00AD:
		// Typesetters put a soft hyphen at a syllable break of a long word
		// now and then; one in many long words, or several in one word,
		// hide words from filters. Not inside a word of another script
		// than the text's either: no typesetter hyphenates an English name
		// quoted in Hindi text.
		if e.typesetHyphens() && !e.foreignAround(i, j) {
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
	e.addLazy(data, i, j, f, lazyFinding{how: lazyInvisible, r: r, word: word, incidental: incidental, why: why, note: note})
}

// splitWords counts the zero width spaces of the block that split a word
// of a script written with spaces: between two letters or digits, neither
// of a script written without them.
func (e *engine) splitWords() int {
	if e.splits < 0 {
		e.splits = 0
		cells := e.cells
		for i := 1; i+1 < len(cells); i++ {
			p, n := cells[i-1], cells[i+1]
			if cells[i].r == 0x200B && p.a&(aLetter|aMark|aDigit) != 0 && n.a&(aLetter|aMark|aDigit) != 0 && !unspaced(p) && !unspaced(n) {
				e.splits++
			}
		}
	}
	return e.splits
}

// spaceBreaks counts the zero width spaces of the block that break words
// of a script written without spaces (unspaced).
func (e *engine) spaceBreaks() int {
	if e.breaks < 0 {
		e.breaks = 0
		if e.any&(aZWSPScript|aCJK) == 0 {
			return 0 // no letter of such a script
		}
		cells := e.cells
		for i, c := range cells {
			if c.r == 0x200B && (i > 0 && unspaced(cells[i-1]) || i+1 < len(cells) && unspaced(cells[i+1])) {
				e.breaks++
			}
		}
	}
	return e.breaks
}

// white reports whether c is white space: a blank, a line break or any
// other space character.
func white(c cell) bool { return isBlank(c.r) || c.r == '\r' || c.r == 0xA0 || c.a&aSpace != 0 }

// incidental judges the findings that are harmless alone: zero width
// spaces next to white space and joiners that no virama explains in the
// scripts of India (engine.invisible), typographic spaces (no-break,
// narrow no-break, thin, hair, punctuation) between words (engine.space),
// and the typing slips that engine.slips found. In a long text that hides
// nothing else, a few of them (one in slipsEvery words; slips count their
// own words too) are what an editor, a translation tool, a translator's
// house style or a typist's keyboard left: reported at info and kept.
// Where the block hides anything else (letters split by invisible
// characters, look-alikes that are no slips, other spaces), or the
// document did before, they are part of the disguise and restored with
// it; so they are with slips that Options.RestoreSlips restores. Source
// code gets no such leeway, as it gets none for typing slips: there an
// invisible character before a name makes another name.
func (e *engine) incidental(slips []int) {
	if e.doc.disguised || e.opts.Mode == Code {
		return
	}
	var buf [8]int
	list := buf[:0]
	n := 0 // not counting typographic spaces reported only because of others
	s := 0 // the slips seen
	for k := range e.found {
		if e.found[k].Severity < report.Warning {
			continue
		}
		l := &e.lazy[k]
		if s < len(slips) && slips[s] == k {
			s++
			continue
		}
		if !l.incidental {
			return // another disguise
		}
		list = append(list, k)
		if !l.typo {
			n++
		}
	}
	// Short texts never qualify: "Ignore\u200b previous instructions" is
	// the classic way past a filter. engine.slips has judged the length of
	// a text for its slips alone; with others, each needs its words.
	if len(list) > 0 {
		w, all := e.wordCount(), n+len(slips)
		if w < slipWords || all > 1 && w < all*slipsEvery {
			return
		}
	}
	for _, k := range slips {
		f := &e.found[k]
		f.Severity, f.Confidence, f.Replacement = report.Info, 0.4, nil
		e.lazy[k].slip = true
		if len(slips) > 1 {
			e.lazy[k].note = "one of a few, one letter a word,"
		}
	}
	for _, k := range list {
		f := &e.found[k]
		f.Severity, f.Replacement = report.Info, nil
		switch l := &e.lazy[k]; {
		case l.how == lazyInvisible && l.r == 0x200B && l.note == "":
			l.note = "next to white space it splits no word: left by an editor or a translation tool"
		case l.how == lazyInvisible:
			l.note = "one of a few in a long text that hides nothing else, so left as the writer typed it"
		default:
			f.Message += "; one of a few in a long text that hides nothing else, so typography rather than a disguise"
		}
	}
}

// wordCount is how many words the block holds, a run of Chinese or
// Japanese characters counting one word for every two of them (their
// words are one to three characters long, and nothing separates them).
func (e *engine) wordCount() int {
	if !e.cjkBlock {
		return len(e.words)
	}
	n := 0
	for k := range e.words {
		w := &e.words[k]
		if e.cells[w.from].a&aCJK != 0 && w.letters >= 2 {
			n += int(w.letters) / 2
			continue
		}
		n++
	}
	return n
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

// conjunctScript reports whether r is a character (a letter, a mark or a
// digit) of a script of India or Sri Lanka that forms conjuncts with a
// virama: between two of them a joiner shapes nothing but the conjunct.
func conjunctScript(r rune) bool {
	if r < 0x0900 || r > 0x0DFF {
		return false
	}
	switch ucd.ScriptOf(r) {
	case ucd.ScriptDevanagari, ucd.ScriptBengali, ucd.ScriptGurmukhi, ucd.ScriptGujarati, ucd.ScriptOriya,
		ucd.ScriptTamil, ucd.ScriptTelugu, ucd.ScriptKannada, ucd.ScriptMalayalam, ucd.ScriptSinhala:
		return true
	}
	return false
}

// viramaScript reports whether r is a character of a script beyond India
// and Sri Lanka that stacks or joins consonants with a virama (Tibetan,
// Khmer, Myanmar, the scripts of Indonesia, historic scripts of India).
// Their writers put no joiner anywhere else: the catalogues of this
// machine in Dzongkha, Khmer and Burmese hold none.
func viramaScript(r rune) bool {
	switch ucd.ScriptOf(r) {
	case ucd.ScriptTibetan, ucd.ScriptKhmer, ucd.ScriptMyanmar, ucd.ScriptBalinese, ucd.ScriptJavanese,
		ucd.ScriptSundanese, ucd.ScriptBrahmi, ucd.ScriptKaithi, ucd.ScriptChakma, ucd.ScriptSharada,
		ucd.ScriptNewa, ucd.ScriptTirhuta, ucd.ScriptGrantha, ucd.ScriptLimbu, ucd.ScriptSylotiNagri:
		return true
	}
	return false
}

// joinerContext reports whether a ZWJ or ZWNJ at cells [i, j) is where
// the scripts that use them put them (the IDNA ContextJ idea, widened to
// the text around): between two characters of a script of India or Sri
// Lanka, after a virama (a ZWJ also before one); elsewhere after a virama,
// or next to a letter of a joining script, or in a block of such a script
// and not inside a word of another. stray reports a joiner between two
// characters of a script of India or Sri Lanka that no virama explains:
// what a disguise inserts, and what translators also leave now and then
// (engine.incidental judges them).
func (e *engine) joinerContext(i, j int) (ok, stray bool) {
	cells := e.cells
	b := i - 1 // before the run of joiners
	for b >= 0 && (cells[b].r == 0x200C || cells[b].r == 0x200D) {
		b--
	}
	if b >= 0 && j < len(cells) && conjunctScript(cells[b].r) && conjunctScript(cells[j].r) {
		// Between two letters of the scripts of India and Sri Lanka a
		// joiner shapes the conjunct of a virama: it stands right after
		// one (ContextJ), or, for a ZWJ, right before one (Bengali and
		// Sinhala ra forms). After a consonant or a vowel sign it
		// shapes nothing.
		ok = cells[b].a&aVirama != 0 || cells[i].r == 0x200D && cells[j].a&aVirama != 0
		return ok, !ok
	}
	if b >= 0 && j < len(cells) && viramaScript(cells[b].r) && viramaScript(cells[j].r) {
		// The same rule (ContextJ), where no translator leaves a stray one.
		return cells[b].a&aVirama != 0 || cells[i].r == 0x200D && cells[j].a&aVirama != 0, false
	}
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
		return true, false
	}
	if pa&aLetter != 0 && na&aLetter != 0 {
		return false, false // inside a word of a script that does not join
	}
	return e.joinBlock, false
}

// typesetHyphens reports whether the soft hyphens of the block are as
// few as typesetters leave: one, or two or three with thirty words of
// more than five letters for each, and never two in one word. The
// catalogues of this machine that hold them have at most three, one for
// every thirty-five such words or more; a disguise puts one in every
// fifth such word, or every second.
func (e *engine) typesetHyphens() bool {
	if e.hyphens != 0 {
		return e.hyphens > 0
	}
	cells := e.cells
	shy, long, run, inWord := 0, 0, 0, 0
	ok := true
	for _, c := range cells {
		switch {
		case c.r == 0x00AD:
			shy++
			inWord++
			if inWord > 1 {
				ok = false // two in one word
			}
		case c.a&(aLetter|aMark) != 0:
			run++
		default:
			if run > 5 {
				long++
			}
			run, inWord = 0, 0
		}
	}
	if run > 5 {
		long++
	}
	ok = ok && (shy == 1 || shy <= 3 && shy*30 <= long)
	e.hyphens = 1
	if !ok {
		e.hyphens = -1
	}
	return ok
}

// foreignAround reports whether the letters on both sides of cells [i, j)
// belong to one class of script that is not the class most of the block's
// letters belong to.
func (e *engine) foreignAround(i, j int) bool {
	if i == 0 || j >= len(e.cells) {
		return false
	}
	a, b := e.cells[i-1].a, e.cells[j].a
	if a&aLetter == 0 || b&aLetter == 0 || letterClass(a) != letterClass(b) {
		return false
	}
	return letterClass(a) != e.mainLetters()
}

// mainLetters returns the class most of the block's letters belong to.
func (e *engine) mainLetters() class {
	if e.mainClass == numClasses {
		var n [numClasses]int
		for _, c := range e.cells {
			if c.a&aLetter != 0 {
				n[letterClass(c.a)]++
			}
		}
		e.mainClass = cNone
		for c := range n {
			if n[c] > n[e.mainClass] {
				e.mainClass = class(c)
			}
		}
	}
	return e.mainClass
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

// spaceRole says where an unusual space stands.
type spaceRole uint8

const (
	spaceLegit spaceRole = iota // typography that is always fine (NBSP, CJK)
	spaceTypo                   // a typographic position (see typoSpace)
	spaceGap                    // between words, where a plain space belongs
	spaceBreak                  // a line or paragraph separator
)

// role classifies the white-space character at cell i.
func (e *engine) role(i int) spaceRole {
	switch r := e.cells[i].r; r {
	case 0x00A0:
		return spaceLegit // NBSP is everywhere in web text and typography; never worth an alarm
	case 0x3000:
		if e.cjkBlock {
			return spaceLegit
		}
	case 0x2028, 0x2029, 0x0085:
		return spaceBreak
	case 0x2009, 0x200A, 0x202F:
		// Thin, hair and narrow no-break spaces are what typographers put
		// in digit groups, before French punctuation, around dashes and
		// between a number and its unit.
		if e.houseSpace() == r {
			return spaceLegit
		}
		if e.typoSpace(i, false) {
			return spaceTypo
		}
	case 0x2007:
		// FIGURE SPACE has the width of a digit, for aligning numbers.
		if e.typoSpace(i, true) {
			return spaceTypo
		}
	}
	return spaceGap
}

// houseSpace returns the typographic space (thin, hair or narrow
// no-break) that the block uses as a house style, or 0: one kind, at least
// three times, no other unusual space beside it, and ordinary spaces at
// least as often. Czech translators keep "HTTP\u202fproxy" and
// "%s:\u202fchyba" together that way. Spaces swapped in to split words are
// drawn from many kinds (en and em quads, figure, punctuation, medium
// mathematical spaces), which rules this out, or are all of one kind
// where every ordinary space was, which the count of those rules out.
func (e *engine) houseSpace() rune {
	if e.house >= 0 {
		return e.house
	}
	var kind rune
	n, plain := 0, 0
	for _, c := range e.cells {
		if c.r == ' ' {
			plain++
			continue
		}
		if c.a&aSpace == 0 || c.r == 0x00A0 || c.r == 0x3000 && e.cjkBlock || c.r == 0x2028 || c.r == 0x2029 || c.r == 0x0085 {
			continue
		}
		if kind != 0 && c.r != kind {
			e.house = 0
			return 0
		}
		kind = c.r
		n++
	}
	e.house = 0
	if n >= 3 && plain >= n && (kind == 0x2009 || kind == 0x200A || kind == 0x202F) {
		e.house = kind
	}
	return e.house
}

// typoSpace reports whether the space at cell i stands where typography
// puts a thin space: between digits (1 000 000), before French closing
// punctuation and after an opening guillemet (« oui » ; non !), next to a
// dash (1990 – 2000), between a number and a unit, sign or other number
// (10 km, 50 %, 3 × 4, %lu B, € 5). A printf conversion or a {placeholder}
// counts as a number: catalogues write "%d %%". The neighbours are looked
// for past other spaces ("arrêt\u202f\u00a0: %s"). With digits, only
// the positions next to a number count.
func (e *engine) typoSpace(i int, digits bool) bool {
	cells := e.cells
	p := i - 1
	for p >= 0 && (cells[p].r == ' ' || cells[p].a&aSpace != 0) {
		p--
	}
	n := i + 1
	for n < len(cells) && (cells[n].r == ' ' || cells[n].a&aSpace != 0) {
		n++
	}
	if p < 0 || n >= len(cells) {
		return false
	}
	P, N := cells[p], cells[n]
	numBefore := P.a&aDigit != 0 || e.placeholderEnd(p)
	numAfter := N.a&aDigit != 0 || N.r == '%' || N.r == '{'
	if digits {
		return numBefore || numAfter
	}
	switch {
	case numBefore && numAfter:
		return true
	case strings.ContainsRune(";:!?»›", N.r) || strings.ContainsRune("«‹", P.r):
		return true
	case isDash(P.r) || isDash(N.r):
		return true
	case numBefore && (isSign(N.r) || e.shortWord(n)):
		return true
	case numAfter:
		// Before a number: after a sign (€ 5, × 3) or a word that
		// introduces it (Windows 11, p. 12, № 5).
		return true
	case P.r == '.' && p >= 1 && cells[p-1].a&aUpper != 0 && (p < 2 || cells[p-2].a&aLetter == 0):
		return true // after an initial: "Richard M. Stallman"
	case e.acronymEnd(p):
		return true // an acronym kept with its noun: "GNU GPL", "HTTP proxy"
	}
	return false
}

// acronymEnd reports whether cell p ends a word of two to five capital
// letters (GNU, HTTP, UID).
func (e *engine) acronymEnd(p int) bool {
	cells := e.cells
	n := 0
	for ; p >= 0 && cells[p].a&aLetter != 0; p-- {
		if cells[p].a&aUpper == 0 {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

func isDash(r rune) bool {
	return r == 0x2212 || r > 0x7F && ucd.CategoryOf(r) == ucd.CatPd
}

// isSign reports whether r is a unit or operator sign: %, ‰, °, ×, €, *...
func isSign(r rune) bool {
	if r == '%' || r == '*' || r == '/' || r == '+' || r == '=' || r == '#' {
		return true
	}
	return r > 0x7F && (ucd.CategoryOf(r).IsSymbol() || r == '‰' || r == '‱' || r == '№' || r == '§')
}

// placeholderEnd reports whether cell p ends a printf conversion (%d,
// %lu, %.1f, %zu, %s) or a {placeholder}.
func (e *engine) placeholderEnd(p int) bool {
	cells := e.cells
	if cells[p].r == '}' {
		for k := p - 1; k >= 0 && k > p-32; k-- {
			if cells[k].r == '{' {
				return true
			}
			if cells[k].r == ' ' || cells[k].r == '\n' || cells[k].r == '}' {
				return false
			}
		}
		return false
	}
	if !strings.ContainsRune("diouxXeEfFgGaAs", cells[p].r) {
		return false
	}
	for k := p - 1; k >= 0 && k > p-12; k-- {
		r := cells[k].r
		switch {
		case r == '%':
			return k == 0 || cells[k-1].r != '%'
		case r >= '0' && r <= '9' || strings.ContainsRune(".*-+ #'$hlLqjzZt", r):
		default:
			return false
		}
	}
	return false
}

// shortWord reports whether a run of at most three letters starts at cell
// n and ends there (a unit: B, KB, MiB, km, s, min).
func (e *engine) shortWord(n int) bool {
	cells := e.cells
	k := n
	for k < len(cells) && cells[k].a&aLetter != 0 {
		k++
	}
	return k > n && k-n <= 3 && (k == len(cells) || cells[k].a&(aMark|aDigit) == 0)
}

// typographic reports whether r is a space that typography puts between
// words or next to numbers and punctuation (engine.incidental).
func typographic(r rune) bool {
	return r == 0xA0 || r == 0x202F || r >= 0x2008 && r <= 0x200A
}

// spaceGate reports whether unusual spaces in this block replace ordinary
// spaces between words (what the spaces-in-words disguise does, a few of
// them or every one): then those in typographic positions are likely part
// of the same replacement, and are reported too. A text whose thin spaces
// are mostly typographic, with a stray one between words, is not gated.
func (e *engine) spaceGate() bool {
	gaps, typo := 0, 0
	for i, c := range e.cells {
		if c.a&aSpace == 0 {
			continue
		}
		switch e.role(i) {
		case spaceGap:
			gaps++
		case spaceTypo:
			typo++
		}
	}
	return gaps > 0 && 3*gaps >= typo
}

// space judges a non-ASCII white-space character; gate is spaceGate().
func (e *engine) space(data []byte, i int, gate bool) {
	c := e.cells[i]
	var msg string
	gated := false
	switch e.role(i) {
	case spaceLegit:
		return
	case spaceBreak:
		e.add(data, i, i+1, report.Finding{
			Kind: report.UnusualSpace, Severity: report.Warning, Confidence: 0.6,
			Message: fmt.Sprintf("%s (%s): many programs do not treat it as a line break", ucd.Name(c.r), cp(c.r)),
		})
		return
	case spaceTypo:
		if !gate {
			return
		}
		gated = true
		msg = fmt.Sprintf("%s (%s) in a text where such spaces also stand for ordinary spaces between words", ucd.Name(c.r), cp(c.r))
	default:
		msg = fmt.Sprintf("%s (%s) where an ordinary space is expected", ucd.Name(c.r), cp(c.r))
	}
	f := report.Finding{Kind: report.UnusualSpace, Severity: report.Warning, Confidence: 0.8, Message: msg}
	if !e.opts.KeepSpaces {
		f.Replacement = report.Str(" ")
	}
	e.addLazy(data, i, i+1, f, lazyFinding{incidental: typographic(c.r), typo: gated})
}

// marksPass judges the combining marks on each base character. Zalgo is
// stacking: the marks are drawn from the generic diacritic blocks (see
// isGenericMark) and piled on letters, or sprinkled one or two at a time
// over most letters of a stretch of text. What languages do is judged
// apart:
//
//   - Generic diacritics that compose with their letter (é as e + U+0301,
//     NFD text, Vietnamese) are accents. One diacritic that does not
//     compose (a Bulgarian stress mark "гра̀фа", a Serbian "ко̂д", a
//     transliteration's "c̣") is not a disguise by itself either: only a
//     stretch of text where many letters carry such marks, of many kinds,
//     is (zalgo light, see denseMarks). Two or more that do not compose
//     are a stack.
//   - Marks of the base letter's own script (Brahmic vowel signs, viramas
//     and nasals, Myanmar medials, Hebrew points, Arabic harakat) are its
//     orthography, up to what the script stacks (stackLimit). Marks of
//     another script on a letter are odd.
//   - Script marks with no letter to carry them (after a space or a line
//     break) are typing slips: they disguise nothing.
func (e *engine) marksPass(data []byte) {
	cells := e.cells
	type stack struct{ base, from, to int }
	var odd []stack     // stacks no language puts on this base
	var compose []stack // generic marks that compose with the base (ỷ = y + U+0309)
	var marked []markedLetter
	var letters [numClasses]int // letters so far, by class
	for i := 0; i < len(cells); i++ {
		if cells[i].a&aLetter != 0 {
			letters[cells[i].a.class()]++
		}
		if cells[i].a&aMark == 0 || cells[i].a&aVS != 0 || i == 0 {
			continue
		}
		base := i - 1
		j := i
		for j < len(cells) && (cells[j].a&aMark != 0 && cells[j].a&aVS == 0 || cells[j].r == 0x034F) {
			j++
		}
		b := cells[base]
		if b.a&aVS != 0 && base > 0 {
			b = cells[base-1] // 1 U+FE0F U+20E3
		}
		if cells[i].r == 0x20E3 && (b.r >= '0' && b.r <= '9' || b.r == '#' || b.r == '*') {
			i = j - 1
			continue // emoji keycap without its variation selector
		}
		k := e.judgeCluster(b, cells[i:j])
		switch {
		case k.foreign > 0 || k.own > stackLimit(b.r) || k.rem >= 2:
			odd = append(odd, stack{base, i, j})
			marked = append(marked, markedLetter{class: b.a.class(), letter: letters[b.a.class()], mark: k.first})
		case k.rem == 1:
			marked = append(marked, markedLetter{class: b.a.class(), letter: letters[b.a.class()], mark: k.first, single: true, base: base, from: i, to: j})
		case k.generic > 0 && b.a&aLetter != 0:
			compose = append(compose, stack{base, i, j})
		case k.orphan:
			e.add(data, i, j, report.Finding{
				Kind: report.CombiningMarks, Severity: report.Info, Confidence: 0.5,
				Message: fmt.Sprintf("combining mark %s (%s) with no letter to carry it: a typing slip", cp(cells[i].r), ucd.Name(cells[i].r)),
			})
		}
		i = j - 1
	}
	dense := denseMarks(marked)
	e.doc.zalgo += len(odd) + len(dense)
	e.doc.zalgoSeen += len(marked) + len(compose)
	// Single marks away from the dense stretches, and marks that compose,
	// are suspicious only in a text that is being zalgo'd: otherwise they
	// are stress marks, transliteration and decomposed accents.
	zalgoText := e.doc.zalgo >= 3
	for _, s := range odd {
		e.zalgo(data, s.base, s.from, s.to, zalgoStack)
	}
	if zalgoText {
		dense = dense[:0]
		for _, m := range marked {
			if m.single {
				dense = append(dense, m)
			}
		}
	}
	for _, m := range dense {
		e.zalgo(data, m.base, m.from, m.to, zalgoSprinkled)
	}
	for i := 1; i < len(cells); i++ {
		// UTS #39 §5.4: the same non-spacing mark twice in a row. In the
		// scripts not covered above it is usually a typing slip.
		if cells[i].a&aMark != 0 && cells[i].r == cells[i-1].r && cells[i].a.class() != cLatin && cells[i-1].a&aMark != 0 {
			if isGenericMark(cells[i-1].r) {
				continue // already judged as generic diacritics above
			}
			e.add(data, i, i+1, report.Finding{
				Kind: report.CombiningMarks, Severity: report.Info, Confidence: 0.5,
				Message: fmt.Sprintf("the combining mark %s (%s) is repeated", cp(cells[i].r), ucd.Name(cells[i].r)),
			})
		}
	}
	if zalgoText {
		for _, s := range compose {
			e.zalgo(data, s.base, s.from, s.to, zalgoComposed)
		}
	}
}

// isGenericMark reports whether r is in a block of diacritics shared by
// many scripts: Combining Diacritical Marks and their Extended and
// Supplement blocks, the marks for symbols and the half marks. These are
// the marks zalgo text is made of.
func isGenericMark(r rune) bool {
	return r >= 0x0300 && r <= 0x036F || r >= 0x1AB0 && r <= 0x1AFF || r >= 0x1DC0 && r <= 0x1DFF ||
		r >= 0x20D0 && r <= 0x20FF || r >= 0xFE20 && r <= 0xFE2F
}

// cluster is what judgeCluster finds in the marks on one base.
type cluster struct {
	generic, own, foreign int
	rem                   int  // generic marks left after composing with the base (NFC)
	first                 rune // the first of those, or the first odd mark
	orphan                bool // script marks with no letter to carry them
}

// judgeCluster sorts the marks on base b.
func (e *engine) judgeCluster(b cell, marks []cell) cluster {
	var k cluster
	letter := b.a&aLetter != 0 && b.r >= 0
	var baseScripts ucd.ScriptSet
	anyScript := true // a base of no particular script takes any script's marks
	if letter {
		baseScripts = ucd.ScriptExtensions(b.r)
		baseScripts.Add(ucd.ScriptOf(b.r))
		baseScripts.Remove(ucd.ScriptCommon)
		baseScripts.Remove(ucd.ScriptInherited)
		anyScript = baseScripts.IsEmpty()
	}
	var buf [64]byte
	gen := utf8.AppendRune(buf[:0], max(b.r, 0))
	for _, m := range marks {
		switch {
		case m.r == 0x034F:
		case isGenericMark(m.r):
			k.generic++
			gen = utf8.AppendRune(gen, m.r)
			if letter && !anyScript {
				// Script_Extensions names the scripts that use some
				// diacritics (U+0345 YPOGEGRAMMENI: Greek; U+0363–036F,
				// medieval superscript letters: Latin): on a letter of
				// another script, no language puts them there.
				ms := ucd.ScriptExtensions(m.r)
				ms.Remove(ucd.ScriptInherited)
				if !ms.IsEmpty() && ms.Intersect(baseScripts).IsEmpty() {
					k.foreign++
					if k.first == 0 {
						k.first = m.r
					}
				}
			}
		case !letter:
			k.own++
			k.orphan = true
		default:
			ms := ucd.ScriptExtensions(m.r)
			ms.Add(ucd.ScriptOf(m.r))
			ms.Remove(ucd.ScriptCommon)
			ms.Remove(ucd.ScriptInherited)
			// A mark of no particular script outside the generic blocks
			// (Vedic tone marks) goes with any letter.
			if anyScript || ms.IsEmpty() || !ms.Intersect(baseScripts).IsEmpty() {
				k.own++
			} else {
				k.foreign++
				if k.first == 0 {
					k.first = m.r
				}
			}
		}
	}
	if k.generic > 0 {
		out := norm.NFC.Bytes(gen)
		if r, n := utf8.DecodeRune(out); letter && r != utf8.RuneError {
			out = out[n:] // the base, composed with what it absorbed
		} else {
			_, n = utf8.DecodeRune(gen)
			out = gen[n:] // nothing composes with a non-letter
		}
		for len(out) > 0 {
			r, n := utf8.DecodeRune(out)
			out = out[n:]
			if k.rem == 0 && k.first == 0 {
				k.first = r
			}
			k.rem++
		}
	}
	if k.orphan && k.generic > 0 {
		k.orphan = false // generic marks on a non-letter are judged as such
	}
	return k
}

// stackLimit is how many marks of its own script a letter legitimately
// carries: Myanmar stacks up to three medials, two vowel signs and two
// finals (လျှော့ has five), Tibetan subjoins consonants under vowel
// signs, Hebrew adds dagesh, vowel, shin dot and cantillation, Arabic
// shadda, vowel and Quranic signs; the other scripts a nukta, a vowel
// sign or two and a nasal or tone mark.
func stackLimit(base rune) int {
	switch ucd.ScriptOf(base) {
	case ucd.ScriptMyanmar, ucd.ScriptTibetan:
		return 8
	case ucd.ScriptHebrew:
		return 6
	case ucd.ScriptArabic, ucd.ScriptSyriac:
		return 5
	}
	return 4
}

// markedLetter is a letter carrying generic marks that do not compose.
type markedLetter struct {
	class          class
	letter         int  // index of the letter among the block's letters of its class
	mark           rune // its first mark that does not compose
	single         bool // one such mark: judged by denseMarks
	base, from, to int
}

// denseMarks returns the letters with a single uncomposed diacritic that
// stand in a stretch of zalgo: within 20 letters of their script on either
// side, at least three letters carry diacritics that no orthography uses
// (see orthographic), of at least three kinds. Languages that write marks
// on many letters use the accents of their orthography (tone marks in
// Yoruba or Navajo, stress and length accents in Bulgarian and Serbian,
// transliteration's dots and macrons); zalgo draws from the whole blocks,
// where those are a minority. Letters are counted per script so that the
// Latin words of a Russian or Chinese text, marked, are as dense as a
// marked English text.
func denseMarks(marked []markedLetter) []markedLetter {
	const window, minKinds = 20, 3
	var out []markedLetter
	var same []markedLetter
	for c := class(0); c < numClasses; c++ {
		same = same[:0]
		for _, m := range marked {
			if m.class == c {
				same = append(same, m) // in order: letter indexes grow
			}
		}
		lo := 0
		for _, m := range same {
			for same[lo].letter < m.letter-window {
				lo++
			}
			if !m.single {
				continue
			}
			var kinds [minKinds]rune
			nk := 0
			for k := lo; k < len(same) && same[k].letter <= m.letter+window && nk < minKinds; k++ {
				r := same[k].mark
				if orthographic(r) {
					continue
				}
				seen := false
				for _, x := range kinds[:nk] {
					seen = seen || x == r
				}
				if !seen {
					kinds[nk] = r
					nk++
				}
			}
			if nk >= minKinds {
				out = append(out, m)
			}
		}
	}
	return out
}

// orthographic reports whether the generic diacritic r is an accent of
// some orthography or standard transliteration: grave, acute,
// circumflex, tilde, macron, breve, dots, diaeresis, hook, ring, double
// acute, caron, double grave, inverted breve, Greek breathings, horn,
// cedilla, ogonek, marks below (dot, diaeresis, ring, comma, circumflex,
// breve, tilde, macron), perispomeni and ypogegrammeni.
func orthographic(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x0304, r >= 0x0306 && r <= 0x030C, r >= 0x0323 && r <= 0x0328:
		return true
	}
	switch r {
	case 0x030F, 0x0311, 0x0313, 0x0314, 0x031B, 0x032D, 0x032E, 0x0330, 0x0331, 0x0342, 0x0345:
		return true
	}
	return false
}

type zalgoHow uint8

const (
	zalgoStack     zalgoHow = iota // marks no language stacks on this letter
	zalgoSprinkled                 // one mark on a letter among many marked ones
	zalgoComposed                  // an accent in a text full of stacked marks
)

func (e *engine) zalgo(data []byte, base, from, to int, how zalgoHow) {
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
	switch how {
	case zalgoSprinkled:
		what = "combining marks added to a letter in a stretch where many letters carry marks of many kinds (zalgo)"
	case zalgoComposed:
		what = "combining marks added to a plain letter in a text full of stacked marks"
	}
	e.add(data, from, to, report.Finding{
		Kind: report.CombiningMarks, Severity: sev, Confidence: 0.85,
		Replacement: report.Str(""),
		Message:     fmt.Sprintf("%d %s (%s) on %q", n, what, strings.Join(names, " "), string(e.cells[base].r)),
		Word:        e.wordAround(data, from, to),
	})
}
