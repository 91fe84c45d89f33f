package uts39

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// The cases of ICU's own bidi skeleton test (itspoof.cpp, ICU 74 and
// later): "A1<שׂ" (with U+05C2 HEBREW POINT SIN DOT) and "Αשֺ>1" (Greek
// capital alpha, U+05BA HEBREW POINT HOLAM HASER FOR VAV) are displayed
// alike in a left-to-right paragraph, and differently in a right-to-left
// one.
func TestBidiSkeletonICUExamples(t *testing.T) {
	const (
		x = "A1<\u05E9\u05C2"
		y = "\u0391\u05E9\u05BA>1"
	)
	// In y, the right-to-left run "ש◌ֺ>1" is reversed with the mark kept
	// after its base, and > is mirrored to <; both marks map to U+0307.
	for _, c := range []struct {
		dir      Direction
		in, want string
	}{
		{LTR, x, "Al<\u05E9\u0307"},
		{LTR, y, "Al<\u05E9\u0307"},
		{RTL, x, "\u05E9\u0307>Al"},
		{RTL, y, "l<\u05E9\u0307A"},
	} {
		if got := BidiSkeleton(c.dir, c.in); got != c.want {
			t.Errorf("BidiSkeleton(%v, %+q) = %+q, want %+q", c.dir, c.in, got, c.want)
		}
	}
	if !BidiConfusable(LTR, x, y) {
		t.Errorf("BidiConfusable(LTR, %+q, %+q) = false", x, y)
	}
	if BidiConfusable(RTL, x, y) {
		t.Errorf("BidiConfusable(RTL, %+q, %+q) = true", x, y)
	}
	if Confusable(x, y) {
		t.Errorf("Confusable(%+q, %+q) = true; the plain skeleton does not reorder", x, y)
	}
	// ICU's areBidiConfusable test: RIGHT-TO-LEFT MARKs around "2–" (EN
	// DASH) flip it, so that "J\u200F2–\u200F" shows as "J–2".
	if a, b := "J-2", "J\u200F2\u2013\u200F"; !BidiConfusable(LTR, a, b) {
		t.Errorf("BidiConfusable(LTR, %+q, %+q) = false; skeletons %+q, %+q", a, b, BidiSkeleton(LTR, a), BidiSkeleton(LTR, b))
	}
}

// Each case gives the visual order expected for the input; the bidi
// skeleton must be the skeleton of that visual order.
func TestBidiSkeletonVisualOrder(t *testing.T) {
	for _, c := range []struct {
		name   string
		dir    Direction
		in     string
		visual string
	}{
		// Left-to-right text is its own visual order, in both paragraph
		// directions.
		{"ltr", LTR, "paypal.com 10%", "paypal.com 10%"},
		{"ltr in rtl", RTL, "abc", "abc"},
		{"ltr words in rtl", RTL, "ab cd", "ab cd"},
		// Hebrew and Arabic letters are reversed.
		{"hebrew", LTR, "אבג", "גבא"},
		{"hebrew rtl", RTL, "אבג", "גבא"},
		{"arabic", RTL, "سلام", "مالس"},
		{"hebrew in latin", LTR, "ab אבג cd", "ab גבא cd"},
		{"latin in hebrew", RTL, "אב cd גד", "דג cd בא"},
		// Brackets and other mirrored characters in right-to-left runs.
		{"brackets rtl", RTL, "(א)", "(א)"},
		{"brackets in r run", LTR, "א(ב)ג", "ג(ב)א"},
		{"unpaired bracket", RTL, "א(ב", "ב)א"},
		{"less-than", RTL, "א<ב", "ב>א"},
		{"guillemets", RTL, "«שלום»", "«םולש»"},
		{"brackets ltr context", LTR, "a(א)", "a(א)"},
		// Digits keep their left-to-right order in right-to-left text.
		{"digits rtl", RTL, "אב 123", "123 בא"},
		{"digits ltr", LTR, "אב 123", "123 בא"},
		{"arabic digits", RTL, "سعر ١٢٣", "١٢٣ رعس"},
		{"number with separator", RTL, "א 1,234.5", "1,234.5 א"},
		// Explicit overrides, embeddings and isolates.
		{"rlo", LTR, "\u202Egnp.exe", "exe.png"},
		{"rlo pdf", LTR, "ab\u202Ecd\u202Cef", "abdcef"},
		{"lro in rtl", RTL, "\u202Dאב\u202C", "אב"},
		{"rle", LTR, "a\u202Bb c\u202Cd", "ab cd"},
		{"rli", LTR, "a\u2067אב\u2069c", "aבאc"},
		{"lri in rtl", RTL, "א\u2066ab\u2069ב", "בabא"},
		{"fsi rtl", LTR, "x\u2068אב\u2069y", "xבאy"},
		{"fsi ltr", RTL, "א\u2068ab\u2069ב", "בabא"},
		{"unterminated isolate", LTR, "a\u2067בג", "aגב"},
		{"rlm", LTR, "J\u200F2\u2013\u200F", "J\u2013\u200F2\u200F"},
		// Trailing whitespace takes the paragraph level (rule L1).
		{"trailing space rtl", RTL, "אב ", " בא"},
		{"trailing space ltr", LTR, "אב ", "בא "},
		// Paragraphs are laid out one by one.
		{"paragraphs", LTR, "אב\nגד", "בא\nדג"},
		{"paragraphs rtl", RTL, "ab\nאב\r\n", "ab\nבא\r\n"},
		// Combining marks stay after their base (rule L3).
		{"marks", RTL, "ש\u05C2ל\u05B9", "ל\u05B9ש\u05C2"},
		{"empty", RTL, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, want := BidiSkeleton(c.dir, c.in), Skeleton(c.visual)
			if got != want {
				t.Errorf("BidiSkeleton(%v, %+q) = %+q, want the skeleton of %+q: %+q", c.dir, c.in, got, c.visual, want)
			}
		})
	}
}

func TestBidiConfusable(t *testing.T) {
	for _, c := range []struct {
		dir  Direction
		a, b string
		want bool
	}{
		{LTR, "\u202Egnp.exe", "exe.png", true},
		{RTL, "\u202Egnp.exe", "exe.png", true},
		{LTR, "paypal", "pаypаl", true}, // Cyrillic а: plain confusables too
		{LTR, "אב", "בא", false},
		{LTR, "\u202Eאב\u202C", "\u202Dבא\u202C", true},
		{LTR, "\u202Eab\u202C", "\u202Dab\u202C", false},
		{LTR, "\u202Dבא\u202C", "אב", true},
		{LTR, "a\u2067xy\u2069", "axy", true}, // an isolate does not flip L text
		{LTR, "a\u2067xy\u2069", "ayx", false},
		{LTR, "a\u202Exy\u202C", "ayx", true},
		{RTL, "(א)", "(א)", true},
		{RTL, "א(ב", "א)ב", false},
		{LTR, "x", "y", false},
	} {
		if got := BidiConfusable(c.dir, c.a, c.b); got != c.want {
			t.Errorf("BidiConfusable(%v, %+q, %+q) = %v; skeletons %+q, %+q", c.dir, c.a, c.b, got, BidiSkeleton(c.dir, c.a), BidiSkeleton(c.dir, c.b))
		}
	}
}

// Explicit formatting characters act on the order, then leave no trace in
// the bidi skeleton.
func TestBidiSkeletonRemovesControls(t *testing.T) {
	controls := "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C"
	for _, dir := range []Direction{LTR, RTL} {
		for _, s := range []string{controls, "a" + controls + "א", "\u202Eאבג\u202C\u2067abc"} {
			if got := BidiSkeleton(dir, s); strings.ContainsFunc(got, IsBidiControl) {
				t.Errorf("BidiSkeleton(%v, %+q) = %+q keeps a bidi control", dir, s, got)
			}
		}
	}
}

// Text that cannot get an odd level in a left-to-right paragraph takes the
// fast path; the full algorithm must agree that it keeps its order.
func TestBidiLTRFastPath(t *testing.T) {
	ltr := []rune("ab1,.-+$% ()<>\t«ÀÉ\u0301\u200D\u202A\u202C\u202D\u2066\u2068\u2069\u200E۱xyz")
	rtl := []rune("אבا١\u202B\u202E\u2067")
	rng := rand.New(rand.NewPCG(39, 9))
	b := getBidiBuffers()
	defer putBidiBuffers(b)
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for i := rng.IntN(16); i >= 0; i-- {
			sb.WriteRune(ltr[rng.IntN(len(ltr))])
		}
		s := sb.String()
		if !ltrStable(s) {
			t.Fatalf("ltrStable(%+q) = false", s)
		}
		if got := string(appendVisual(nil, b, LTR, s)); got != s {
			t.Fatalf("visual order of %+q in LTR = %+q", s, got)
		}
		if got := BidiSkeleton(LTR, s); got != Skeleton(s) {
			t.Fatalf("BidiSkeleton(LTR, %+q) = %+q, want Skeleton %+q", s, got, Skeleton(s))
		}
		r := rtl[rng.IntN(len(rtl))]
		if ltrStable(s + string(r)) {
			t.Fatalf("ltrStable(%+q) = true", s+string(r))
		}
	}
}

// Random text of every bidi class: no panic, the visual order is a
// permutation of the input (up to mirroring), and the bidi skeleton is
// the skeleton of the visual order.
func TestBidiRandom(t *testing.T) {
	alpha := []rune("ab12 אבا١٢۱.,-+$%()[]{}<>«»\u0301\u05B4\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u00AD\t\n\u2029\x00")
	rng := rand.New(rand.NewPCG(1, 2))
	b := getBidiBuffers()
	defer putBidiBuffers(b)
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for i := rng.IntN(24); i >= 0; i-- {
			sb.WriteRune(alpha[rng.IntN(len(alpha))])
		}
		s := sb.String()
		for _, dir := range []Direction{LTR, RTL} {
			v := appendVisual(nil, b, dir, s)
			if len(v) != len([]rune(s)) {
				t.Fatalf("%v %+q: visual %+q has %d characters", dir, s, string(v), len(v))
			}
			// A character and its mirror count as one.
			key := func(r rune) rune { return min(r, mirror(r)) }
			count := map[rune]int{}
			for _, r := range s {
				count[key(r)]++
			}
			for _, r := range v {
				count[key(r)]--
			}
			for r, k := range count {
				if k != 0 {
					t.Fatalf("%v %+q: visual %+q is not a permutation (%q off by %d)", dir, s, string(v), r, k)
				}
			}
			if got, want := BidiSkeleton(dir, s), Skeleton(string(v)); got != want {
				t.Fatalf("%v %+q: BidiSkeleton %+q, skeleton of visual order %+q", dir, s, got, want)
			}
		}
	}
}

// Deep nesting overflows the directional status stack (125 levels)
// without harm.
func TestBidiDeepNesting(t *testing.T) {
	for _, ctl := range []string{"\u202B", "\u202E", "\u2067", "\u2066", "\u202A"} {
		s := strings.Repeat(ctl+"a(", 200) + "אב" + strings.Repeat("\u202C\u2069)", 200)
		for _, dir := range []Direction{LTR, RTL} {
			_ = BidiSkeleton(dir, s)
		}
	}
	// More than 63 open brackets stop the pairing of the sequence (BD16).
	s := "א" + strings.Repeat("(", 70) + "a" + strings.Repeat(")", 70)
	_ = BidiSkeleton(RTL, s)
}

func TestMirror(t *testing.T) {
	for _, c := range []struct{ r, want rune }{
		{'(', ')'}, {')', '('}, {'[', ']'}, {'}', '{'}, {'<', '>'}, {'>', '<'},
		{'«', '»'}, {'»', '«'}, {'‹', '›'}, {'≤', '≥'}, {'∈', '∋'}, {'⊂', '⊃'},
		{'⁅', '⁆'}, {'〈', '〉'}, {'「', '」'}, {'（', '）'}, {'＜', '＞'},
		// A bracket pair of Unicode 14, from x/text.
		{0x2E55, 0x2E56},
		// Not mirrored; ∑ is Bidi_Mirrored but has no mirror character.
		{'a', 'a'}, {'-', '-'}, {'א', 'א'}, {'∑', '∑'},
	} {
		if got := mirror(c.r); got != c.want {
			t.Errorf("mirror(%q) = %q, want %q", c.r, got, c.want)
		}
	}
	seen := map[rune]bool{}
	for _, p := range mirrorPairs {
		for _, r := range p {
			if seen[r] {
				t.Errorf("U+%04X twice in mirrorPairs", r)
			}
			seen[r] = true
			if pr, _ := bidi.LookupRune(r); pr.IsBracket() {
				t.Errorf("U+%04X in mirrorPairs is a bracket of x/text", r)
			}
		}
		if mirror(p[0]) != p[1] || mirror(p[1]) != p[0] {
			t.Errorf("mirror(U+%04X) = U+%04X, mirror(U+%04X) = U+%04X", p[0], mirror(p[0]), p[1], mirror(p[1]))
		}
	}
	// Every x/text bracket mirrors to a bracket that mirrors back.
	for r := rune(0); r < 0x10000; r++ {
		if pr, _ := bidi.LookupRune(r); pr.IsBracket() {
			if m := mirror(r); m == r || mirror(m) != r {
				t.Errorf("bracket U+%04X mirrors to U+%04X, which mirrors to U+%04X", r, m, mirror(m))
			}
		}
	}
}

func TestDirectionString(t *testing.T) {
	if LTR.String() != "LTR" || RTL.String() != "RTL" || Direction(7).String() != "Direction(?)" {
		t.Error("Direction.String")
	}
	// An unknown direction is taken as LTR.
	if s := "a א"; BidiSkeleton(Direction(7), s) != BidiSkeleton(LTR, s) || BidiSkeleton(LTR, s) == BidiSkeleton(RTL, s) {
		t.Error("BidiSkeleton(Direction(7), ...) differs from LTR")
	}
}

func ExampleBidiConfusable() {
	// A RIGHT-TO-LEFT OVERRIDE makes "gnp.exe" display as "exe.png".
	spoof := "\u202Egnp.exe"
	fmt.Println(Confusable(spoof, "exe.png"))
	fmt.Println(BidiConfusable(LTR, spoof, "exe.png"))
	// Output:
	// false
	// true
}

func BenchmarkBidiSkeleton(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ascii", "paypal.com/login?user=admin"},
		{"hebrew", "שלום עולם (123) abc"},
		{"rlo", "\u202Egnp.exe"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = BidiSkeleton(RTL, c.s)
			}
		})
	}
}
