package uts39

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

func TestSkeleton(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"paypal", "paypal"},
		{"pаypаl", "paypal"},             // Cyrillic а
		{"ѕсоре", "scope"},               // all Cyrillic
		{"Belаrus", "Belarus"},           // the fixture's attack
		{"𝐇𝐞𝐥𝐥𝐨", "Hello"},               // mathematical bold
		{"ＨＥＬＬＯ", "HE\uFF2C\uFF2CO"},     // fullwidth: Ｌ is not in confusables.txt 17.0
		{"1l0O", "llOO"},                 // ASCII look-alikes map too
		{"rn", "rn"},                     // ... and m maps to rn
		{"m", "rn"},                      // ...
		{"so̷s", "so\u0338s"},            // U+0337 maps to U+0338
		{"søs", "so\u0338s"},             // ø is its own source
		{"a\u00ADb", "ab"},               // soft hyphen: default-ignorable, removed
		{"x\u200By\u200Dz\u2060", "xyz"}, // ZWSP, ZWJ, word joiner removed
		{"\u202Eabc", "abc"},             // bidi controls are default-ignorable
		{"A\U000E0041", "A"},             // tag characters are default-ignorable
		{"caf\u00E9", "cafe\u0301"},      // NFD
		{"%", "º/₀"},                     // an ASCII source with a non-ASCII prototype
		{"\xff", "\uFFFD"},               // invalid UTF-8 becomes U+FFFD
	}
	for _, tt := range tests {
		if got := Skeleton(tt.in); got != tt.want {
			t.Errorf("Skeleton(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestConfusableAndClassify(t *testing.T) {
	tests := []struct {
		a, b string
		want Confusability
	}{
		{"paypal", "pаypаl", MixedScriptConfusable},
		{"scope", "ѕсоре", WholeScriptConfusable},
		{"so̷s", "søs", SingleScriptConfusable},
		{"rn", "m", SingleScriptConfusable},
		{"l", "1", SingleScriptConfusable}, // 1 is Common: {ALL} meets {Latn}
		{"ab", "a\u00ADb", SingleScriptConfusable},
		{"Hello", "𝐇𝐞𝐥𝐥𝐨", SingleScriptConfusable}, // maths letters are Common
		{"paypal", "paypa1", SingleScriptConfusable},
		{"paypal", "Paypal", NotConfusable},
		{"abc", "abd", NotConfusable},
		{"", "", SingleScriptConfusable},
	}
	for _, tt := range tests {
		if got := Classify(tt.a, tt.b); got != tt.want {
			t.Errorf("Classify(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Confusable(tt.a, tt.b); got != (tt.want != NotConfusable) {
			t.Errorf("Confusable(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestResolvedScripts(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		// The examples of UTS #39 §5.1.
		{"Circle", "{Latn}"},
		{"Сігсӏе", "{Cyrl}"},
		{"Сirсlе", "{}"},
		{"Circ1e", "{Latn}"},
		{"C𝗂𝗋𝖼𝗅𝖾", "{Latn}"},
		{"𝖢𝗂𝗋𝖼𝗅𝖾", "{ALL}"},
		{"〆切", "{Hani Hanb Jpan Kore}"},
		{"ねガ", "{Jpan}"},
		// More.
		{"", "{ALL}"},
		{"123 !?", "{ALL}"},
		{"Москва", "{Cyrl}"},
		{"東京タワー", "{Jpan}"},
		{"한국어", "{Hang Kore}"},
		{"漢字한글", "{Kore}"},
		{"ㄅㄆ中文", "{Hanb}"},
		{"Jokić", "{Latn}"},
		{"creаted", "{}"},
		{"٣٤", "{Arab Thaa Yezi}"},
		{"a\u0301", "{Latn}"},     // Inherited mark
		{"\u0378", "{Zzzz}"},      // unassigned: Unknown, as ICU resolves it
		{"ab\u0378", "{}"},        // ...
		{"α + β = γ", "{Grek}"},   // Greek maths
		{"ー", "{Hira Kana Jpan}"}, // prolonged sound mark: extensions
		{"\U00016EA0", "{Berf}"},  // Unicode 17 script
		{"\u00B7", ""},            // checked below: middle dot has many extensions
	}
	for _, tt := range tests {
		if tt.want == "" {
			continue
		}
		if got := ResolvedScripts(tt.in).String(); got != tt.want {
			t.Errorf("ResolvedScripts(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if IsSingleScript(tt.in) != (tt.want != "{}") || IsMixedScript(tt.in) != (tt.want == "{}") {
			t.Errorf("IsSingleScript/IsMixedScript(%q) disagree with %s", tt.in, tt.want)
		}
	}
	if rs := ResolvedScripts("l\u00B7l"); rs.String() != "{Latn}" {
		t.Errorf("ResolvedScripts(l·l) = %s", rs)
	}
	if !AugmentedScripts('a').Has(ucd.ScriptLatin) || AugmentedScripts('1') != ucd.AllScripts() {
		t.Error("AugmentedScripts")
	}
}

func TestRestriction(t *testing.T) {
	tests := []struct {
		in      string
		all     RestrictionLevel // with every character in the profile
		profile RestrictionLevel // with the General Security Profile
	}{
		{"", ASCIIOnly, ASCIIOnly},
		{"paypal", ASCIIOnly, ASCIIOnly},
		{"hello world", ASCIIOnly, Unrestricted}, // space is not Allowed
		{"Jokić", SingleScript, SingleScript},
		{"Москва", SingleScript, SingleScript},
		{"東京タワー", SingleScript, SingleScript},
		{"toyota東京タワー", HighlyRestrictive, HighlyRestrictive},
		{"abc한국어", HighlyRestrictive, HighlyRestrictive},
		{"abcㄅ中", HighlyRestrictive, Unrestricted},             // Bopomofo is Limited_Use in 17.0
		{"abcא", ModeratelyRestrictive, ModeratelyRestrictive}, // Latin + Hebrew
		{"abcक", ModeratelyRestrictive, ModeratelyRestrictive}, // Latin + Devanagari
		{"pаypal", MinimallyRestrictive, MinimallyRestrictive}, // Latin + Cyrillic
		{"abcα", MinimallyRestrictive, MinimallyRestrictive},   // Latin + Greek
		{"Ꭺbc", MinimallyRestrictive, Unrestricted},            // Cherokee is not Allowed
		{"аα", MinimallyRestrictive, MinimallyRestrictive},     // Cyrillic + Greek
		{"אक", MinimallyRestrictive, MinimallyRestrictive},     // two non-Latin scripts
		{"a\u200Bb", SingleScript, Unrestricted},
		{"𝐇𝐞𝐥𝐥𝐨", SingleScript, Unrestricted},
	}
	for _, tt := range tests {
		if got := RestrictionWithProfile(tt.in, nil); got != tt.all {
			t.Errorf("RestrictionWithProfile(%q, nil) = %v, want %v", tt.in, got, tt.all)
		}
		if got := Restriction(tt.in); got != tt.profile {
			t.Errorf("Restriction(%q) = %v, want %v", tt.in, got, tt.profile)
		}
	}
	if !(ASCIIOnly < SingleScript && SingleScript < HighlyRestrictive && MinimallyRestrictive < Unrestricted) {
		t.Error("restriction levels are not ordered")
	}
}

func TestMixedNumbers(t *testing.T) {
	tests := []struct {
		in    string
		mixed bool
		zeros []rune
	}{
		{"", false, nil},
		{"2024", false, []rune{'0'}},
		{"abc", false, nil},
		{"٢٠٢٤", false, []rune{0x0660}},
		{"۲۰۲۴", false, []rune{0x06F0}},     // Extended Arabic-Indic (Persian)
		{"2٠24", true, []rune{'0', 0x0660}}, // ASCII and Arabic-Indic
		{"٠۰", true, []rune{0x0660, 0x06F0}},
		{"1𝟐3", true, []rune{'0', 0x1D7CE}}, // mathematical bold two
		{"１２", false, []rune{0xFF10}},
		{"12²", false, []rune{'0'}}, // superscript two is not a decimal digit
		{"१२3", true, []rune{0x0966, '0'}},
	}
	for _, tt := range tests {
		if got := MixedNumbers(tt.in); got != tt.mixed {
			t.Errorf("MixedNumbers(%q) = %v", tt.in, got)
		}
		got := DigitZeros(tt.in)
		if string(got) != string(tt.zeros) {
			t.Errorf("DigitZeros(%q) = %U, want %U", tt.in, got, tt.zeros)
		}
	}
}

func TestMarkChecks(t *testing.T) {
	tests := []struct {
		in                       string
		max                      int
		repeated, tooMany, hiden bool
		at                       int
		maxMarks                 int
	}{
		{"plain", 0, false, false, false, -1, 0},
		{"café", 0, false, false, false, -1, 1},
		{"a\u0301\u0301", 0, true, false, false, 0, 2},
		{"xá\u0301", 0, true, false, false, 1, 2},            // precomposed + the same mark
		{"a\u0301\u0316\u0301", 0, true, false, false, 0, 3}, // not adjacent
		{"Z\u0351\u036B\u0343\u036A\u0302\u036B", 0, true, true, false, 0, 6},
		{"e\u0301\u0300\u0302\u0303", 0, false, false, false, -1, 4},
		{"e\u0301\u0300\u0302\u0303\u0304", 0, false, true, false, 0, 5},
		{"e\u0301\u0300\u0302", 2, false, true, false, 0, 3},
		{"i\u0307", 0, false, false, true, 0, 1},
		{"Tiếng Việt", 0, false, false, false, -1, 2},
		{"\u0301\u0301", 0, true, false, false, 0, 2}, // leading marks
	}
	for _, tt := range tests {
		r := MarkChecks(tt.in, tt.max)
		if r.RepeatedMark != tt.repeated || r.TooManyMarks != tt.tooMany || r.HiddenMark != tt.hiden || r.MaxMarks != tt.maxMarks {
			t.Errorf("MarkChecks(%+q, %d) = %+v", tt.in, tt.max, r)
			continue
		}
		at := r.RepeatedAt
		if !tt.repeated {
			at = r.TooManyAt
		}
		if tt.hiden {
			at = r.HiddenAt
		}
		if at != tt.at {
			t.Errorf("MarkChecks(%+q) offset %d, want %d (%+v)", tt.in, at, tt.at, r)
		}
	}
}

func TestNFD(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", "abc"},
		{"é", "e\u0301"},
		{"ḉ", "c\u0327\u0301"},                 // recursive
		{"a\u0301\u0323", "a\u0323\u0301"},     // reordered by combining class
		{"ệ", "e\u0323\u0302"},                 // recursive and ordered
		{"가", "\u1100\u1161"},                  // Hangul LV
		{"각", "\u1100\u1161\u11A8"},            // Hangul LVT
		{"\U000105C9", "\U000105D2\u0307"},     // Todhri, Unicode 16
		{"\U00016D68", "\U00016D67\U00016D67"}, // Kirat Rai, Unicode 16
		{"\u212B", "A\u030A"},                  // angstrom sign
	}
	for _, tt := range tests {
		if got := NFD(tt.in); got != tt.want {
			t.Errorf("NFD(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestSkeletonASCIIDoesNotAllocate(t *testing.T) {
	s := "The quick brown fox hops over the lazy dog, again and again."
	if Skeleton(s) != s {
		t.Fatalf("%q is not its own skeleton", s)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Skeleton(s) }); n != 0 {
		t.Errorf("Skeleton of an ASCII fixed point: %v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = ResolvedScripts(s) }); n != 0 {
		t.Errorf("ResolvedScripts of ASCII: %v allocations", n)
	}
	mixed := s + "٣"
	if n := testing.AllocsPerRun(100, func() { _ = MixedNumbers(mixed) }); n != 0 {
		t.Errorf("MixedNumbers: %v allocations", n)
	}
}

// FuzzSkeleton checks invariants on arbitrary input: no panic, valid UTF-8
// output, NFD output, and no default-ignorable character left.
func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"paypal", "pаypаl", "a\u0301\u0323", "\xff\xfe", "가각", "𝐇𝐞𝐥𝐥𝐨\u200B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sk := Skeleton(s)
		if want := refSkeleton(s); sk != want {
			t.Fatalf("Skeleton(%+q) = %+q, definition gives %+q", s, sk, want)
		}
		if !utf8.ValidString(sk) {
			t.Fatalf("Skeleton(%+q) = %+q is not valid UTF-8", s, sk)
		}
		if NFD(sk) != sk {
			t.Fatalf("Skeleton(%+q) = %+q is not in NFD", s, sk)
		}
		for _, r := range sk {
			if ucd.Props(r)&ucd.PropDefaultIgnorable != 0 {
				t.Fatalf("Skeleton(%+q) keeps %U", s, r)
			}
		}
		_ = ResolvedScripts(s)
		_ = Restriction(s)
		_ = MarkChecks(s, 0)
	})
}

var (
	asciiProse = strings.Repeat("The committee met on Tuesday to discuss the new budget and agreed to publish a summary next week. ", 40)
	lookalike  = strings.Repeat("The cоmmittee met оn Tuesdаy tо discuss the new budget аnd аgreed tо publish а summаry next week. ", 40)
	cyrillic   = strings.Repeat("Комитет собрался во вторник, чтобы обсудить новый бюджет, и решил опубликовать резюме на следующей неделе. ", 40)
)

func benchSkeleton(b *testing.B, s string) {
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Skeleton(s)
	}
}

func BenchmarkSkeletonASCII(b *testing.B)     { benchSkeleton(b, asciiProse) }
func BenchmarkSkeletonLookalike(b *testing.B) { benchSkeleton(b, lookalike) }
func BenchmarkSkeletonCyrillic(b *testing.B)  { benchSkeleton(b, cyrillic) }

// The skeleton of a word is what a scanner computes; these run word by word.
func benchSkeletonWords(b *testing.B, s string) {
	words := strings.Fields(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			_ = Skeleton(w)
		}
	}
}

func BenchmarkSkeletonWordsASCII(b *testing.B)     { benchSkeletonWords(b, asciiProse) }
func BenchmarkSkeletonWordsLookalike(b *testing.B) { benchSkeletonWords(b, lookalike) }
func BenchmarkSkeletonWordsCyrillic(b *testing.B)  { benchSkeletonWords(b, cyrillic) }

func benchResolved(b *testing.B, s string) {
	words := strings.Fields(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			_ = ResolvedScripts(w)
		}
	}
}

func BenchmarkResolvedScriptsASCII(b *testing.B)     { benchResolved(b, asciiProse) }
func BenchmarkResolvedScriptsLookalike(b *testing.B) { benchResolved(b, lookalike) }
func BenchmarkResolvedScriptsCyrillic(b *testing.B)  { benchResolved(b, cyrillic) }

func TestAppendSkeletonAndConfusableDoNotAllocate(t *testing.T) {
	buf := make([]byte, 0, 256)
	for _, s := range []string{"committee", "pаypаl", "Москва", "𝐇𝐞𝐥𝐥𝐨", "a\u0301\u0323"} {
		if got := string(AppendSkeleton(buf[:0], s)); got != Skeleton(s) {
			t.Errorf("AppendSkeleton(%q) = %q, Skeleton %q", s, got, Skeleton(s))
		}
		if n := testing.AllocsPerRun(50, func() { buf = AppendSkeleton(buf[:0], s) }); n != 0 {
			t.Errorf("AppendSkeleton(%q): %v allocations", s, n)
		}
	}
	if n := testing.AllocsPerRun(50, func() { _ = Confusable("pаypаl", "paypal") }); n != 0 {
		t.Errorf("Confusable: %v allocations", n)
	}
	if n := testing.AllocsPerRun(50, func() { _ = Confusable("committee", "cornrnittee") }); n != 0 {
		t.Errorf("Confusable: %v allocations", n)
	}
}

func benchAppendSkeletonWords(b *testing.B, s string) {
	words := strings.Fields(s)
	buf := make([]byte, 0, 256)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			buf = AppendSkeleton(buf[:0], w)
		}
	}
}

func BenchmarkAppendSkeletonWordsASCII(b *testing.B)     { benchAppendSkeletonWords(b, asciiProse) }
func BenchmarkAppendSkeletonWordsLookalike(b *testing.B) { benchAppendSkeletonWords(b, lookalike) }
func BenchmarkAppendSkeletonWordsCyrillic(b *testing.B)  { benchAppendSkeletonWords(b, cyrillic) }

// refSkeleton is the definition of UTS #39 §4 spelled out step by step,
// without the fast paths and the one-pass interleaving of Skeleton.
func refSkeleton(s string) string {
	var b strings.Builder
	for _, r := range NFD(s) {
		if ucd.Props(r)&ucd.PropDefaultIgnorable != 0 {
			continue
		}
		if p, ok := ucd.Prototype(r); ok {
			b.WriteString(p)
		} else {
			b.WriteRune(r)
		}
	}
	return NFD(b.String())
}

// TestSkeletonMatchesDefinition compares Skeleton with refSkeleton on
// generated strings rich in marks, decomposable letters and look-alikes.
func TestSkeletonMatchesDefinition(t *testing.T) {
	alphabet := []rune("aeiouAmI1|0%\"`ąéệḉǅﬁ\u0300\u0301\u0302\u0307\u0316\u0323\u0327\u0337\u0338\u0345\u05B4\u05C2\u064E\u0619\u0654\u093C\u0F71\u0F72аеорсіӏαοΑ가각ｈ𝐇\u00AD\u200B\u034F\u3164\U000105C9\U00016D68\u0F73\u0F75\u0FB3")
	seed := uint64(1)
	next := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j, n := 0, 1+next(10); j < n; j++ {
			b.WriteRune(alphabet[next(len(alphabet))])
		}
		s := b.String()
		if got, want := Skeleton(s), refSkeleton(s); got != want {
			t.Fatalf("Skeleton(%+q) = %+q, definition gives %+q", s, got, want)
		}
	}
}
