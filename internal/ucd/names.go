package ucd

import (
	"sort"
	"strconv"
	"strings"
)

type nameRange struct {
	lo, hi rune
	prefix string // "" means the Hangul syllable rule
}

// Name returns the character name of r from UnicodeData.txt, with the
// algorithmic names of Unicode chapter 4.8 for ideographs ("CJK UNIFIED
// IDEOGRAPH-4E00", "TANGUT IDEOGRAPH-17000", ...) and Hangul syllables
// ("HANGUL SYLLABLE GA"). Controls get their Unicode 1.0 name when
// UnicodeData has one ("NULL", "NEXT LINE (NEL)"); code points without a
// name get a code point label: "<control-0080>", "<private-use-E000>",
// "<surrogate-D800>", "<noncharacter-FFFF>", "<unassigned-E0080>". An
// invalid rune gives "".
func Name(r rune) string {
	if uint32(r) > 0x10FFFF {
		return ""
	}
	if i := sort.Search(len(nameRanges), func(i int) bool { return nameRanges[i].hi >= r }); i < len(nameRanges) && nameRanges[i].lo <= r {
		if p := nameRanges[i].prefix; p != "" {
			return p + hex(r)
		}
		return hangulName(r)
	}
	if i := sort.Search(len(nameCP), func(i int) bool { return nameCP[i] >= uint32(r) }); i < len(nameCP) && nameCP[i] == uint32(r) {
		return decodeName(nameData[nameOff[i]:nameOff[i+1]])
	}
	switch rec := lookup(r); {
	case rec.cat == CatCc:
		return "<control-" + hex(r) + ">"
	case rec.cat == CatCo:
		return "<private-use-" + hex(r) + ">"
	case rec.cat == CatCs:
		return "<surrogate-" + hex(r) + ">"
	case rec.props&PropNoncharacter != 0:
		return "<noncharacter-" + hex(r) + ">"
	default:
		return "<unassigned-" + hex(r) + ">"
	}
}

func decodeName(enc string) string {
	var b strings.Builder
	for i := 0; i < len(enc); i++ {
		k := int(enc[i])
		if k >= 0x80 {
			i++
			k = (k&0x7F)<<8 | int(enc[i])
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(nameWords[nameWordOff[k]:nameWordOff[k+1]])
	}
	return b.String()
}

// hex formats r as at least four upper-case hex digits.
func hex(r rune) string {
	s := strings.ToUpper(strconv.FormatUint(uint64(r), 16))
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// Hangul syllable composition constants (Unicode §3.12).
const (
	hangulBase   = 0xAC00
	hangulLast   = 0xD7A3
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulVCount = 21
	hangulTCount = 28
	hangulNCount = hangulVCount * hangulTCount
)

// The Jamo_Short_Name values (Jamo.txt) used by the Hangul syllable name rule.
var (
	jamoL = [...]string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = [...]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = [...]string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

func hangulName(r rune) string {
	s := int(r - hangulBase)
	return "HANGUL SYLLABLE " + jamoL[s/hangulNCount] + jamoV[s%hangulNCount/hangulTCount] + jamoT[s%hangulTCount]
}
