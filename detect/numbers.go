package detect

import (
	"slices"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// numbers reports digits from different numbering systems inside one
// number (UTS #39 §5.3): "1٢3" compares and sorts differently from what a
// reader sees. Each number is a run of decimal digits with at most single
// separators (".", ",", thin spaces) between them. The digits of the
// minority systems are restored to the system most of the number uses.
// Fullwidth digits are left to the styled-letter detector, except in CJK
// text, where they are ordinary digits and a number mixing them with ASCII
// digits is reported here.
func (e *engine) numbers(data []byte) {
	if e.any&(aDigit|aWordSym) == 0 {
		return // no digit beyond ASCII: every number is in one system
	}
	cells := e.cells
	digitZero := func(c cell) (rune, bool) {
		if e.cjkBlock && c.r >= 0xFF10 && c.r <= 0xFF19 {
			// In CJK text fullwidth digits are ordinary, so they are a
			// numbering system of their own: "1６" mixes two.
			return 0xFF10, true
		}
		return digitZero(c)
	}
	for i := 0; i < len(cells); i++ {
		if _, ok := digitZero(cells[i]); !ok {
			continue
		}
		j := i
		var zeros [4]rune
		var counts [4]int
		systems := 0
		for j < len(cells) {
			z, ok := digitZero(cells[j])
			if !ok {
				if (cells[j].r == '.' || cells[j].r == ',' || cells[j].r == 0x066B || cells[j].r == 0x066C) && j+1 < len(cells) {
					if _, next := digitZero(cells[j+1]); next {
						j++
						continue
					}
				}
				break
			}
			k := 0
			for k < systems && zeros[k] != z {
				k++
			}
			if k == systems && systems < len(zeros) {
				zeros[k] = z
				systems++
			}
			if k < len(zeros) {
				counts[k]++
			}
			j++
		}
		if systems > 1 {
			major := 0
			for k := 1; k < systems; k++ {
				if counts[k] > counts[major] || counts[k] == counts[major] && zeros[k] == '0' {
					major = k // ASCII digits win a tie
				}
			}
			for k := i; k < j; k++ {
				z, ok := digitZero(cells[k])
				if !ok || z == zeros[major] {
					continue
				}
				rep := string(zeros[major] + (cells[k].r - z))
				ch := withLook(e.describe(cells[k]), rep)
				e.add(data, k, k+1, report.Finding{
					Kind: report.MixedDigits, Severity: report.Warning, Confidence: 0.8,
					Replacement: report.Str(rep), Chars: []report.Char{ch}, Word: e.text(data, i, j),
					Message: "digit " + cp(cells[k].r) + " " + ucd.Name(cells[k].r) + " in a number written in another numbering system (" + ucd.Name(zeros[major]) + "…)",
				})
			}
		}
		i = j
	}
}

// digitZero returns the zero of the decimal digit system of c, leaving out
// fullwidth and mathematical digits (styled forms, judged elsewhere).
func digitZero(c cell) (rune, bool) {
	if c.r < 0x80 {
		if c.r >= '0' && c.r <= '9' {
			return '0', true
		}
		return 0, false
	}
	if c.a&aFancy != 0 || c.a&(aDigit|aWordSym) == 0 {
		return 0, false // not a decimal digit (letter-shaped digits are aWordSym)
	}
	return ucd.DigitZero(c.r)
}

// letterDigits settles the digits shaped like letters ("۱" like l, "੦"
// like o), which the attribute table marks as look-alikes of letters
// (aWordSym) because disguises put them inside words. A block that writes
// numbers in their system, with digits that look like no letter, writes
// them as digits: in Pashto "A۱" and "A۱۰" are paper sizes, in Punjabi
// "prc੧੦" an envelope size. There, such a digit that ends a word or
// stands before another digit (or before a multiplication "x" and a
// digit) is a digit again; one between two letters ("he۱p") stays a
// look-alike, and so does a run of them before a letter ("he۱۱o").
func (e *engine) letterDigits() {
	if e.any&aWordSym == 0 {
		return
	}
	cells := e.cells
	// Between two digits it is a digit whatever the block writes: "1۱2"
	// mixes numbering systems (engine.numbers), it spells no word.
	for j := 1; j+1 < len(cells); j++ {
		if c := cells[j]; c.r >= 0x80 && c.a&aWordSym != 0 && cells[j-1].a&aDigit != 0 && cells[j+1].a&aDigit != 0 {
			if _, ok := ucd.DigitZero(c.r); ok {
				cells[j].a = c.a&^(aWordSym|0xF<<lookShift) | aDigit
			}
		}
	}
	if e.any&aDigit == 0 {
		return
	}
	var inUse [4]rune
	n := 0
	for _, c := range cells {
		if c.r < 0x80 || c.a&aDigit == 0 || c.a&aFancy != 0 {
			continue
		}
		if z, ok := ucd.DigitZero(c.r); ok && n < len(inUse) && !slices.Contains(inUse[:n], z) {
			inUse[n] = z
			n++
		}
	}
	if n == 0 {
		return
	}
	shaped := func(c cell) bool {
		if c.r < 0x80 || c.a&aWordSym == 0 {
			return false
		}
		z, ok := ucd.DigitZero(c.r)
		return ok && slices.Contains(inUse[:n], z)
	}
	for j := 0; j < len(cells); {
		if !shaped(cells[j]) {
			j++
			continue
		}
		// A run of them is judged by what follows it: "۱۱" is eleven,
		// "he۱۱o" a hello.
		k := j + 1
		for k < len(cells) && shaped(cells[k]) {
			k++
		}
		if k < len(cells) && cells[k].a&aLetter != 0 {
			if x := cells[k].r; !(x == 'x' && k+1 < len(cells) && cells[k+1].a&(aDigit|aWordSym) != 0) {
				j = k
				continue // "he۱p": a letter's look-alike
			}
		}
		for ; j < k; j++ {
			cells[j].a = cells[j].a&^(aWordSym|0xF<<lookShift) | aDigit
		}
	}
}
