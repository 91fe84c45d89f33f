package detect

import (
	"fmt"
	"strings"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// bidiState follows the explicit bidi controls of the current line. UAX #9
// closes every embedding, override and isolate at the end of a paragraph,
// so a control left open there has reordered everything after it on the
// line: the Trojan Source attack (CVE-2021-42574).
type bidiState struct {
	open      []int // cell indexes of open controls
	pairs     [][2]int
	lineStart int
}

func (s *bidiState) reset() {
	s.open = s.open[:0]
	s.pairs = s.pairs[:0]
	s.lineStart = 0
}

func isEmbedding(r rune) bool { return r >= 0x202A && r <= 0x202E && r != 0x202C }
func isIsolate(r rune) bool   { return r >= 0x2066 && r <= 0x2068 }
func isOverride(r rune) bool  { return r == 0x202D || r == 0x202E }

func (e *engine) bidiControl(data []byte, i int) {
	s := &e.bidi
	r := e.cells[i].r
	switch {
	case isEmbedding(r) || isIsolate(r):
		s.open = append(s.open, i)
	case r == 0x202C: // PDF
		if n := len(s.open); n > 0 && isEmbedding(e.cells[s.open[n-1]].r) {
			s.pairs = append(s.pairs, [2]int{s.open[n-1], i})
			s.open = s.open[:n-1]
			return
		}
		e.bidiFinding(data, i, e.strayClose(), "POP DIRECTIONAL FORMATTING (U+202C) with nothing to close")
	case r == 0x2069: // PDI
		for n := len(s.open); n > 0; n-- {
			if isIsolate(e.cells[s.open[n-1]].r) {
				s.pairs = append(s.pairs, [2]int{s.open[n-1], i})
				s.open = s.open[:n-1]
				return
			}
		}
		e.bidiFinding(data, i, e.strayClose(), "POP DIRECTIONAL ISOLATE (U+2069) with nothing to close")
	default: // LRM, RLM, ALM
		if e.opts.Mode == Code {
			e.bidiFinding(data, i, report.Warning, fmt.Sprintf("invisible direction mark %s in source code", ucd.Name(r)))
			return
		}
		if !e.rtlBlock {
			e.bidiFinding(data, i, report.Warning, fmt.Sprintf("invisible direction mark %s in text without right-to-left letters", ucd.Name(r)))
		}
	}
}

// endLine closes the bidi state of the line that ends at cell i (exclusive).
func (e *engine) endLine(data []byte, i int) {
	s := &e.bidi
	if len(s.open) == 0 && len(s.pairs) == 0 {
		s.lineStart = i + 1
		return
	}
	rtlLine := false
	for k := s.lineStart; k < i && k < len(e.cells); k++ {
		if e.cells[k].a&aRTL != 0 {
			rtlLine = true
			break
		}
	}
	for _, k := range s.open {
		if e.opts.Mode != Code && (rtlLine || nothingAfter(e.cells[k+1:i])) && !isOverride(e.cells[k].r) {
			// Translators open an embedding on one line of right-to-left
			// text and close it lines later; the paragraph end closes it
			// anyway, and no left-to-right text is reordered.
			e.bidiFinding(data, k, report.Info, fmt.Sprintf("%s is left open at the end of a right-to-left line", ucd.Name(e.cells[k].r)))
			continue
		}
		e.bidiFinding(data, k, report.Error, fmt.Sprintf("%s is left open at the end of the line: everything after it is displayed reordered, so the code or text reads differently from what it is (Trojan Source)", ucd.Name(e.cells[k].r)))
	}
	if len(s.pairs) > 0 {
		rtl := rtlLine
		// Left-to-right embeddings and isolates are harmless only on a line
		// where every control is one of them, closed: inside an override
		// or a control left open they are part of the reordering.
		onlyLTR := len(s.open) == 0
		for _, p := range s.pairs {
			if r := e.cells[p[0]].r; r != 0x202A && r != 0x2066 && r != 0x2068 {
				onlyLTR = false
			}
		}
		for _, p := range s.pairs {
			a, b := p[0], p[1]
			r := e.cells[a].r
			var sev report.Severity
			var why string
			switch {
			case e.opts.Mode == Code:
				sev = report.Warning
				why = "in source code"
				if e.ctxAt(a) == ctxCode {
					sev = report.Error
					why = "in code outside comments and strings, where it reorders what reviewers see"
				}
			case isOverride(r):
				if rtlBetween(e.cells[a:b]) {
					continue
				}
				sev, why = report.Warning, "forces the display order of text that has no right-to-left letters"
			case !rtl && onlyLTR && e.rtlBlock:
				// LRE, LRI, and FSI (which resolves to left-to-right
				// where there is no right-to-left letter) around text on
				// a left-to-right line display it in the order it is
				// stored: they only shield it from the right-to-left
				// text it is shown among, as Persian catalogues do for
				// placeholders and times (a catalogue has one message a
				// line, shown in a right-to-left interface). In a text
				// without right-to-left letters they serve no purpose
				// and only split the words they wrap for search and
				// filters, so they stay warnings there.
				sev, why = report.Info, "around left-to-right text in a right-to-left document: it reorders nothing"
			case !rtl && e.rtlBlock && !wordsBetween(e.cells[a+1:b]):
				// In a right-to-left document, translators embed format
				// strings ("%I:%M:%S %p") right-to-left to order them for
				// their readers: they hold no word to misread.
				sev, why = report.Info, "around a format string in right-to-left text"
			case !rtl:
				sev, why = report.Warning, "around text on a line without right-to-left letters, where it serves no purpose"
			default:
				continue // balanced controls around right-to-left text
			}
			e.bidiFinding(data, a, sev, fmt.Sprintf("%s %s", ucd.Name(r), why))
			e.bidiFinding(data, b, sev, fmt.Sprintf("%s that closes the %s before it", ucd.Name(e.cells[b].r), ucd.Name(r)))
		}
	}
	s.open = s.open[:0]
	s.pairs = s.pairs[:0]
	s.lineStart = i + 1
}

// nothingAfter reports whether cells hold nothing visible: an opener
// followed only by spaces and controls reorders nothing.
func nothingAfter(c []cell) bool {
	for _, x := range c {
		if x.r > ' ' && x.a&(aBidi|aIgnorable|aSpace) == 0 {
			return false
		}
	}
	return true
}

// strayClose is the severity of a closing control with nothing to close:
// harmless in right-to-left prose (multi-line embeddings), suspect
// elsewhere.
func (e *engine) strayClose() report.Severity {
	if e.opts.Mode != Code && e.rtlBlock {
		return report.Info
	}
	return report.Warning
}

// wordsBetween reports whether c holds a letter outside printf
// conversions ("%I:%M:%S %p" holds none).
func wordsBetween(c []cell) bool {
	for k := 0; k < len(c); k++ {
		if c[k].r == '%' {
			// Flags, width, precision, length or strftime modifiers,
			// then the conversion letter.
			j := k + 1
			for j < len(c) && strings.ContainsRune("-+ #0123456789.*$'_^", c[j].r) {
				j++
			}
			for j < len(c) && strings.ContainsRune("hlLqjztOE", c[j].r) {
				j++
			}
			if j < len(c) && c[j].a&aLetter != 0 {
				j++
			}
			k = j - 1
			continue
		}
		if c[k].a&aLetter != 0 {
			return true
		}
	}
	return false
}

func rtlBetween(c []cell) bool {
	for _, x := range c {
		if x.a&aRTL != 0 {
			return true
		}
	}
	return false
}

func (e *engine) bidiFinding(data []byte, i int, sev report.Severity, msg string) {
	f := report.Finding{Kind: report.Bidi, Severity: sev, Confidence: 0.9, Message: msg}
	if sev >= report.Warning {
		f.Replacement = report.Str("")
	}
	if e.opts.Mode == Code {
		f.Context = e.ctxAt(i).String()
	}
	e.add(data, i, i+1, f)
}
