package ucd

import (
	"strings"
	"testing"
	"unicode"
)

func TestScript(t *testing.T) {
	tests := []struct {
		r     rune
		want  Script
		short string
		scx   string
	}{
		{'a', ScriptLatin, "Latn", "{Latn}"},
		{0x0430, ScriptCyrillic, "Cyrl", "{Cyrl}"},
		{0x03BF, ScriptGreek, "Grek", "{Grek}"},
		{0x200B, ScriptCommon, "Zyyy", "{Zyyy}"},
		{0x202E, ScriptCommon, "Zyyy", "{Zyyy}"},
		{0xE0041, ScriptCommon, "Zyyy", "{Zyyy}"},
		{0xFE0F, ScriptInherited, "Zinh", "{Zinh}"},
		{0x1D400, ScriptCommon, "Zyyy", "{Zyyy}"},
		{0x4E00, ScriptHan, "Hani", "{Hani}"},
		{0xAC00, ScriptHangul, "Hang", "{Hang}"},
		{0x3042, ScriptHiragana, "Hira", "{Hira}"},
		{0x30FC, ScriptCommon, "Zyyy", "{Hira Kana}"},
		{0x0660, ScriptArabic, "Arab", "{Arab Thaa Yezi}"},
		{0x13A0, ScriptCherokee, "Cher", "{Cher}"},
		{0x10300, ScriptOldItalic, "Ital", "{Ital}"},
		{0x16EA0, ScriptBeriaErfe, "Berf", "{Berf}"}, // new in Unicode 17
		{0x0378, ScriptUnknown, "Zzzz", "{Zzzz}"},
		{-1, ScriptUnknown, "Zzzz", "{Zzzz}"},
		{0x110000, ScriptUnknown, "Zzzz", "{Zzzz}"},
	}
	for _, tt := range tests {
		if got := ScriptOf(tt.r); got != tt.want || got.Short() != tt.short {
			t.Errorf("ScriptOf(%U) = %v (%s), want %v (%s)", tt.r, got, got.Short(), tt.want, tt.short)
		}
		if got := ScriptExtensions(tt.r).String(); got != tt.scx {
			t.Errorf("ScriptExtensions(%U) = %s, want %s", tt.r, got, tt.scx)
		}
	}
	if ScriptOldItalic.String() != "Old_Italic" || ScriptLatin.String() != "Latin" {
		t.Errorf("long names: %s %s", ScriptOldItalic, ScriptLatin)
	}
	for _, n := range []string{"latin", "LATN", "Old_Italic", "old italic", "ital"} {
		if _, ok := ParseScript(n); !ok {
			t.Errorf("ParseScript(%q) failed", n)
		}
	}
	if s, _ := ParseScript("cyrl"); s != ScriptCyrillic {
		t.Errorf("ParseScript(cyrl) = %v", s)
	}
	if _, ok := ParseScript("Klingon"); ok {
		t.Error("ParseScript(Klingon) succeeded")
	}
	for i := 0; i < NumScripts+3; i++ {
		s := Script(i)
		if p, ok := ParseScript(s.String()); !ok || p != s {
			t.Errorf("ParseScript(%s) = %v %v", s, p, ok)
		}
	}
	if ScriptJapanese.Short() != "Jpan" || ScriptKorean.String() != "Korean" || ScriptHanWithBopomofo.Short() != "Hanb" {
		t.Error("pseudo-script names")
	}
	if s := SetOf(ScriptHan, ScriptJapanese, ScriptKorean); s.Len() != 3 || !s.Has(ScriptKorean) || s.String() != "{Hani Jpan Kore}" {
		t.Errorf("pseudo-scripts in sets: %v", s)
	}
}

// TestScriptAgainstGo checks the tables against Go's unicode package for the
// characters that package knows (Unicode 15): only characters whose script
// changed since then may differ.
func TestScriptAgainstGo(t *testing.T) {
	goScript := map[rune]Script{}
	for name, tab := range unicode.Scripts {
		sc, ok := ParseScript(name)
		if !ok {
			t.Errorf("Go's unicode script %s unknown", name)
			continue
		}
		forEach(tab, func(r rune) { goScript[r] = sc })
	}
	diff := 0
	for r, want := range goScript {
		if got := ScriptOf(r); got != want {
			diff++
			if diff < 10 {
				t.Logf("%U: %v, Go's unicode (%s) says %v", r, got, unicode.Version, want)
			}
		}
	}
	// A handful of characters changed script between 15.0 and 17.0.
	if diff > 50 {
		t.Errorf("%d script differences with Go's unicode tables", diff)
	}
}

func forEach(tab *unicode.RangeTable, fn func(r rune)) {
	for _, rg := range tab.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			fn(r)
		}
	}
	for _, rg := range tab.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			fn(r)
		}
	}
}

func TestScriptSet(t *testing.T) {
	var s ScriptSet
	if !s.IsEmpty() || s.Len() != 0 || s.String() != "{}" {
		t.Errorf("zero set: %v", s)
	}
	s.Add(ScriptLatin)
	s.Add(ScriptZanabazarSquare) // the last script: exercises the last word
	if !s.Has(ScriptLatin) || !s.Has(ScriptZanabazarSquare) || s.Has(ScriptGreek) || s.Len() != 2 {
		t.Errorf("set %v", s)
	}
	u := s.Union(SetOf(ScriptGreek))
	if u.Len() != 3 || s.Len() != 2 {
		t.Errorf("union %v, s %v", u, s)
	}
	if i := u.Intersect(SetOf(ScriptGreek, ScriptCyrillic)); i != SetOf(ScriptGreek) {
		t.Errorf("intersect %v", i)
	}
	if got := SetOf(ScriptCyrillic, ScriptLatin).Scripts(); len(got) != 2 || got[0] != ScriptCyrillic || got[1] != ScriptLatin {
		t.Errorf("Scripts() = %v", got)
	}
	if AllScripts().String() != "{ALL}" || AllScripts().Len() != NumScripts+3 {
		t.Errorf("AllScripts = %d scripts", AllScripts().Len())
	}
}

func TestProps(t *testing.T) {
	tests := []struct {
		r       rune
		has     Prop
		hasNot  Prop
		cat     Category
		ccc     uint8
		status  IDStatus
		idType  string
		comment string
	}{
		{'a', PropAlphabetic | PropLowercase | PropXIDStart, PropDefaultIgnorable | PropConfusableSource, CatLl, 0, IDAllowed, "Recommended", ""},
		{'A', PropUppercase, PropLowercase, CatLu, 0, IDAllowed, "Recommended", ""},
		{0x0430, PropLowercase | PropConfusableSource, 0, CatLl, 0, IDAllowed, "Recommended", "Cyrillic a"},
		{0x03BF, PropLowercase | PropConfusableSource, 0, CatLl, 0, IDAllowed, "Recommended", "Greek omicron"},
		{0x200B, PropDefaultIgnorable, PropWhiteSpace, CatCf, 0, IDRestricted, "Default_Ignorable", "ZWSP"},
		{0x200D, PropDefaultIgnorable | PropJoinControl | PropEmojiComponent, 0, CatCf, 0, IDRestricted, "Default_Ignorable", "ZWJ"},
		{0x202E, PropDefaultIgnorable | PropBidiControl, 0, CatCf, 0, IDRestricted, "Default_Ignorable", "RLO"},
		{0x2067, PropBidiControl, 0, CatCf, 0, IDRestricted, "Default_Ignorable", "RLI"},
		{0xE0041, PropDefaultIgnorable | PropEmojiComponent, 0, CatCf, 0, IDRestricted, "Default_Ignorable", "tag A"},
		{0xFE0F, PropDefaultIgnorable | PropVariationSelector, 0, CatMn, 0, IDRestricted, "Default_Ignorable", "VS16"},
		{0x1D400, PropUppercase | PropMath | PropConfusableSource, 0, CatLu, 0, IDRestricted, "Not_NFKC", "math bold A"},
		{0x00A0, PropWhiteSpace, PropPatternWhiteSpace, CatZs, 0, IDRestricted, "Not_NFKC", "NBSP"},
		{0x00AD, PropDefaultIgnorable, 0, CatCf, 0, IDRestricted, "Default_Ignorable", "soft hyphen"},
		{0x0301, PropDiacritic, 0, CatMn, 230, IDAllowed, "Recommended", "combining acute"},
		{0x00E9, PropCanonicalDecomposition, 0, CatLl, 0, IDAllowed, "Recommended", "é"},
		{0x1F600, PropEmoji | PropEmojiPresentation | PropExtendedPictographic, 0, CatSo, 0, IDRestricted, "Not_XID", "grinning face"},
		{0x1F3FB, PropEmojiModifier | PropEmojiComponent, 0, CatSk, 0, IDRestricted, "Not_XID", "skin tone"},
		{0x1F1E6, PropRegionalIndicator | PropEmojiComponent, 0, CatSo, 0, IDRestricted, "Not_XID", "regional indicator A"},
		{0x2014, PropDash, 0, CatPd, 0, IDRestricted, "Not_XID", "em dash"},
		{0x00AB, PropQuotationMark, 0, CatPi, 0, IDRestricted, "Not_XID", "«"},
		{0xFFFE, PropNoncharacter, 0, CatCn, 0, IDRestricted, "Not_Character", "noncharacter"},
		{0xF0000, 0, PropNoncharacter, CatCo, 0, IDRestricted, "Not_Character", "plane 15 private use"},
		{0x4E00, PropIdeographic, 0, CatLo, 0, IDAllowed, "Recommended", "CJK"},
		{0x0E3F, 0, 0, CatSc, 0, IDRestricted, "Not_XID", "Thai baht"},
		{0x2028, PropWhiteSpace, 0, CatZl, 0, IDRestricted, "Not_XID", "line separator"},
		{0x16EA0, PropAlphabetic, 0, CatLu, 0, IDRestricted, "Exclusion", "Beria Erfe, Unicode 17"},
		{0x05BF, 0, 0, CatMn, 23, IDRestricted, "Uncommon_Use", "Hebrew rafe"},
	}
	for _, tt := range tests {
		p := Props(tt.r)
		if !p.Has(tt.has) || p.Any(tt.hasNot) {
			t.Errorf("Props(%U %s) = %s; want %s and not %s", tt.r, tt.comment, p, tt.has, tt.hasNot)
		}
		if c := CategoryOf(tt.r); c != tt.cat {
			t.Errorf("CategoryOf(%U %s) = %s, want %s", tt.r, tt.comment, c, tt.cat)
		}
		if c := CombiningClass(tt.r); c != tt.ccc {
			t.Errorf("CombiningClass(%U) = %d, want %d", tt.r, c, tt.ccc)
		}
		if s := IdentifierStatus(tt.r); s != tt.status {
			t.Errorf("IdentifierStatus(%U %s) = %s, want %s", tt.r, tt.comment, s, tt.status)
		}
		if s := IdentifierType(tt.r).String(); s != tt.idType {
			t.Errorf("IdentifierType(%U %s) = %s, want %s", tt.r, tt.comment, s, tt.idType)
		}
	}
	if (IDTypeLimitedUse | IDTypeTechnical).String() != "Limited_Use Technical" {
		t.Errorf("IDType.String = %q", (IDTypeLimitedUse | IDTypeTechnical).String())
	}
	if !IsNoncharacter(0x10FFFF) || !IsNoncharacter(0xFDD0) || IsNoncharacter('a') {
		t.Error("IsNoncharacter")
	}
	if !IsPrivateUse(0xE000) || !IsPrivateUse(0x10FFFD) || IsPrivateUse(0xFFFF) {
		t.Error("IsPrivateUse")
	}
	if !IsAssigned('a') || IsAssigned(0x0378) || IsAssigned(0xFFFF) || !IsAssigned(0xD800) || IsAssigned(-5) {
		t.Error("IsAssigned")
	}
}

// TestCategoryAgainstGo compares General_Category with Go's unicode package
// (Unicode 15) for the characters assigned there.
func TestCategoryAgainstGo(t *testing.T) {
	goCat := map[rune]Category{}
	for name, tab := range unicode.Categories {
		if len(name) != 2 {
			continue
		}
		c, ok := ParseCategory(name)
		if c == CatCn {
			continue // what was unassigned in Unicode 15 may be assigned now
		}
		if !ok {
			t.Errorf("Go's unicode category %s unknown", name)
			continue
		}
		forEach(tab, func(r rune) { goCat[r] = c })
	}
	diff := 0
	for r, want := range goCat {
		if got := CategoryOf(r); got != want {
			diff++
			if diff < 10 {
				t.Logf("%U: %s, Go's unicode (%s) says %s", r, got, unicode.Version, want)
			}
		}
	}
	if diff > 50 {
		t.Errorf("%d category differences with Go's unicode tables", diff)
	}
	c := CatLu
	if !c.IsLetter() || !CatMn.IsMark() || !CatNd.IsNumber() || !CatPo.IsPunct() || !CatSm.IsSymbol() || !CatZs.IsSeparator() || CatLo.IsMark() || !CatCn.IsOther() {
		t.Error("category classes")
	}
}

func TestDigits(t *testing.T) {
	tests := []struct {
		r    rune
		zero rune
		v    int
		ok   bool
	}{
		{'0', '0', 0, true},
		{'7', '0', 7, true},
		{0x0667, 0x0660, 7, true},
		{0x06F7, 0x06F0, 7, true},
		{0x1D7D7, 0x1D7CE, 9, true},
		{0x1D7D8, 0x1D7D8, 0, true},
		{0xFF15, 0xFF10, 5, true},
		{'a', 0, 0, false},
		{0x00B2, 0, 0, false}, // superscript two is No, not Nd
		{0x2460, 0, 0, false},
	}
	for _, tt := range tests {
		z, ok := DigitZero(tt.r)
		v, _ := DigitValue(tt.r)
		if z != tt.zero || ok != tt.ok || ok && v != tt.v {
			t.Errorf("DigitZero(%U) = %U %v, value %d", tt.r, z, ok, v)
		}
	}
}

func TestName(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{
		{'a', "LATIN SMALL LETTER A"},
		{0x0430, "CYRILLIC SMALL LETTER A"},
		{0x03BF, "GREEK SMALL LETTER OMICRON"},
		{0x200B, "ZERO WIDTH SPACE"},
		{0x202E, "RIGHT-TO-LEFT OVERRIDE"},
		{0xE0041, "TAG LATIN CAPITAL LETTER A"},
		{0xFE0F, "VARIATION SELECTOR-16"},
		{0x1D400, "MATHEMATICAL BOLD CAPITAL A"},
		{0x0000, "NULL"},
		{0x0009, "CHARACTER TABULATION"},
		{0x0085, "NEXT LINE (NEL)"},
		{0x0080, "<control-0080>"},
		{0x4E00, "CJK UNIFIED IDEOGRAPH-4E00"},
		{0x9FFF, "CJK UNIFIED IDEOGRAPH-9FFF"},
		{0x323B0, "CJK UNIFIED IDEOGRAPH-323B0"}, // Extension J, Unicode 17
		{0xF900, "CJK COMPATIBILITY IDEOGRAPH-F900"},
		{0x17000, "TANGUT IDEOGRAPH-17000"},
		{0x18B00, "KHITAN SMALL SCRIPT CHARACTER-18B00"},
		{0x1B170, "NUSHU CHARACTER-1B170"},
		{0xAC00, "HANGUL SYLLABLE GA"},
		{0xAC01, "HANGUL SYLLABLE GAG"},
		{0xD7A3, "HANGUL SYLLABLE HIH"},
		{0xC544, "HANGUL SYLLABLE A"},
		{0x16EA0, "BERIA ERFE CAPITAL LETTER ARKAB"},
		{0x1F468, "MAN"},
		{0xE000, "<private-use-E000>"},
		{0x10FFFD, "<private-use-10FFFD>"},
		{0xD800, "<surrogate-D800>"},
		{0xFFFF, "<noncharacter-FFFF>"},
		{0xE0080, "<unassigned-E0080>"},
		{0x0378, "<unassigned-0378>"},
		{-1, ""},
	}
	for _, tt := range tests {
		if got := Name(tt.r); got != tt.want {
			t.Errorf("Name(%U) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestDecomposition(t *testing.T) {
	tests := []struct {
		r    rune
		typ  DecompType
		want string
	}{
		{'a', DecompNone, ""},
		{0x00E9, DecompCanonical, "e\u0301"},
		{0x1E09, DecompCanonical, "\u00E7\u0301"}, // single level: ç is not decomposed further
		{0x1D400, DecompFont, "A"},
		{0x00A0, DecompNoBreak, " "},
		{0xFF21, DecompWide, "A"},
		{0x2460, DecompCircle, "1"},
		{0x00BD, DecompFraction, "1\u20442"},
		{0x2122, DecompSuper, "TM"},
		{0xFB01, DecompCompat, "fi"},
		{0xAC00, DecompCanonical, "\u1100\u1161"},
		{0xAC01, DecompCanonical, "\uAC00\u11A8"},
		{0xF900, DecompCanonical, "\u8C48"},
	}
	for _, tt := range tests {
		typ, got := Decomposition(tt.r)
		if typ != tt.typ || got != tt.want {
			t.Errorf("Decomposition(%U) = %s %+q, want %s %+q", tt.r, typ, got, tt.typ, tt.want)
		}
	}
}

func TestPrototype(t *testing.T) {
	tests := []struct {
		r    rune
		want string
		ok   bool
	}{
		{'a', "", false},
		{0x0430, "a", true},
		{0x03BF, "o", true},
		{'0', "O", true},
		{'1', "l", true},
		{'m', "rn", true},
		{0x1D400, "A", true},
		{0xFF21, "A", true},
		{0x13A0, "D", true}, // Cherokee A looks like D
		{0x200B, "", false},
		{0x00BD, "", false}, // ½ is not in confusables.txt
	}
	for _, tt := range tests {
		got, ok := Prototype(tt.r)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Prototype(%U) = %+q %v, want %+q %v", tt.r, got, ok, tt.want, tt.ok)
		}
	}
	n := NumConfusables()
	if n < 6000 {
		t.Errorf("only %d confusables", n)
	}
	prev := rune(-1)
	for i := 0; i < n; i++ {
		r, p := ConfusableAt(i)
		if r <= prev || p == "" {
			t.Fatalf("ConfusableAt(%d) = %U %q after %U", i, r, p, prev)
		}
		if q, ok := Prototype(r); !ok || q != p {
			t.Fatalf("Prototype(%U) = %q %v, want %q", r, q, ok, p)
		}
		prev = r
	}
}

func TestIntentional(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'A', 0x0391, true},
		{0x0391, 'A', true},
		{'a', 0x0430, true},
		{0x0430, 'a', true},
		{'a', 'b', false},
		{'a', 'a', false},
		{0x0430, 0x03B1, false},
	}
	for _, tt := range tests {
		if got := IsIntentional(tt.a, tt.b); got != tt.want {
			t.Errorf("IsIntentional(%U, %U) = %v", tt.a, tt.b, got)
		}
	}
}

func TestEmoji(t *testing.T) {
	family := "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"
	england := "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
	tests := []struct {
		s        string
		zwj, seq int
	}{
		{"", 0, 0},
		{"abc", 0, 0},
		{family + " and more", len(family), 4},
		{"\U0001F468\u200D", 0, 4},            // incomplete ZWJ sequence; 👨 alone is a basic emoji
		{"\U0001F468\u200D\U0001F469x", 0, 4}, // not RGI
		{"\U0001F1EB\U0001F1F7!", 0, 8},       // flag of France
		{"\U0001F1EB", 0, 0},                  // a lone regional indicator is not RGI
		{"#\uFE0F\u20E3", 0, 7},               // keycap
		{"#", 0, 0},
		{england + "x", 0, len(england)},
		{"\U0001F44B\U0001F3FD", 0, 8}, // waving hand, medium skin tone
		{"\u231A", 0, 3},               // watch (Basic_Emoji)
		{"\u2764\uFE0F\u200D\U0001F525", len("\u2764\uFE0F\u200D\U0001F525"), 6}, // heart on fire; its first part is the basic emoji 2764 FE0F
	}
	for _, tt := range tests {
		if got := EmojiZWJSequenceAt(tt.s); got != tt.zwj {
			t.Errorf("EmojiZWJSequenceAt(%+q) = %d, want %d", tt.s, got, tt.zwj)
		}
		if got := EmojiSequenceAt(tt.s); got != tt.seq {
			t.Errorf("EmojiSequenceAt(%+q) = %d, want %d", tt.s, got, tt.seq)
		}
	}
	// Every listed sequence is found at the start of itself and of itself
	// followed by text.
	for _, s := range emojiZWJSeqs {
		if EmojiZWJSequenceAt(s+"z") != len(s) {
			t.Fatalf("ZWJ sequence %+q not found", s)
		}
	}
	for _, s := range emojiSeqs {
		if EmojiSequenceAt(s+"\u200B") != len(s) {
			t.Fatalf("sequence %+q not found", s)
		}
	}
	if !HasVariationSequence(0x263A, 0xFE0F) || !HasVariationSequence(0x263A, 0xFE0E) || !HasVariationSequence('#', 0xFE0F) {
		t.Error("HasVariationSequence: missing listed sequence")
	}
	if HasVariationSequence('a', 0xFE0F) || HasVariationSequence(0x263A, 0xFE00) {
		t.Error("HasVariationSequence: unlisted sequence")
	}
}

// TestTrieTotal walks every code point once, so that a broken trie shows up
// as a panic here rather than in a caller.
func TestTrieTotal(t *testing.T) {
	counts := map[Category]int{}
	for r := rune(-2); r <= 0x110001; r++ {
		counts[CategoryOf(r)]++
		_ = ScriptExtensions(r)
	}
	if counts[CatCo] != 6400+65534+65534 {
		t.Errorf("%d private-use code points", counts[CatCo])
	}
	if counts[CatCs] != 2048 {
		t.Errorf("%d surrogates", counts[CatCs])
	}
}

var mixedText = strings.Repeat("The quick brown fox — Бєлая лиса 𝐇𝐞𝐥𝐥𝐨 “naïve” 東京 😀 creаted\u200B. ", 64)

func BenchmarkScriptOf(b *testing.B) {
	b.SetBytes(int64(len(mixedText)))
	b.ReportAllocs()
	var n Script
	for b.Loop() {
		for _, r := range mixedText {
			n += ScriptOf(r)
		}
	}
	_ = n
}

func BenchmarkProps(b *testing.B) {
	b.SetBytes(int64(len(mixedText)))
	b.ReportAllocs()
	var p Prop
	for b.Loop() {
		for _, r := range mixedText {
			p |= Props(r)
		}
	}
	_ = p
}

func BenchmarkPrototype(b *testing.B) {
	b.SetBytes(int64(len(mixedText)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, r := range mixedText {
			if p, ok := Prototype(r); ok {
				n += len(p)
			}
		}
	}
	_ = n
}

func BenchmarkScriptExtensions(b *testing.B) {
	b.SetBytes(int64(len(mixedText)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, r := range mixedText {
			if ScriptExtensions(r).Has(ScriptLatin) {
				n++
			}
		}
	}
	_ = n
}

func TestLookup(t *testing.T) {
	for _, r := range []rune{'a', 0x0430, 0x0301, 0x30FC, 0x00B7, 0x1F600, 0x0378, 0x10FFFF, -1} {
		i := Lookup(r)
		if i.Props() != Props(r) || i.Script() != ScriptOf(r) || i.Category() != CategoryOf(r) ||
			i.CombiningClass() != CombiningClass(r) || i.IdentifierStatus() != IdentifierStatus(r) ||
			i.IdentifierType() != IdentifierType(r) || i.ScriptExtensions() != ScriptExtensions(r) {
			t.Errorf("Lookup(%U) disagrees with the single-property functions", r)
		}
		if id := i.ScriptExtensionsID(); id <= 0 || id >= NumScriptExtensionsIDs || ScriptExtensionsByID(id) != ScriptExtensions(r) {
			t.Errorf("ScriptExtensionsID(%U) = %d", r, id)
		}
	}
	if Lookup(0x30FC).ScriptExtensionsID() == Lookup('a').ScriptExtensionsID() {
		t.Error("different sets share an ID")
	}
	if !ScriptExtensionsByID(0).IsEmpty() || !ScriptExtensionsByID(1<<20).IsEmpty() {
		t.Error("out-of-range IDs")
	}
}

// TestLongestPrefixAgainstNaive checks the prefix search on strings built
// from pieces of real sequences, where near misses are common.
func TestLongestPrefixAgainstNaive(t *testing.T) {
	naive := func(list []string, s string) int {
		best := 0
		for _, e := range list {
			if strings.HasPrefix(s, e) && len(e) > best {
				best = len(e)
			}
		}
		return best
	}
	var pieces []string
	for _, s := range emojiZWJSeqs[:200] {
		for _, r := range s {
			pieces = append(pieces, string(r))
		}
	}
	pieces = append(pieces, "\u200D", "\uFE0F", "a", "\U0001F3FB")
	seed := uint64(7)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		if next(2) == 0 {
			b.WriteString(emojiZWJSeqs[next(len(emojiZWJSeqs))])
		}
		for j, n := 0, next(8); j < n; j++ {
			b.WriteString(pieces[next(len(pieces))])
		}
		s := b.String()
		if got, want := EmojiZWJSequenceAt(s), naive(emojiZWJSeqs[:], s); got != want {
			t.Fatalf("EmojiZWJSequenceAt(%+q) = %d, want %d", s, got, want)
		}
		if got, want := EmojiSequenceAt(s), naive(emojiSeqs[:], s); got != want {
			t.Fatalf("EmojiSequenceAt(%+q) = %d, want %d", s, got, want)
		}
	}
}
