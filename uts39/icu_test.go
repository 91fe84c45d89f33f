//go:build icu

// The ICU differential test: go test -tags icu ./uts39/...
//
// It needs cgo and ICU's development files (Debian: apt-get install
// libicu-dev pkg-config). It compares Skeleton, Restriction,
// RestrictionWithProfile, Classify and NFD with ICU's SpoofChecker and
// normalizer for every code point and for a few thousand generated strings,
// sorts every disagreement into a known cause, and fails on any
// disagreement it cannot explain. ICU 72 carries Unicode 15.0 data, so the
// causes are the Unicode 15.0 -> 17.0 data changes and the one algorithm
// change since then (the skeleton removes default-ignorable characters
// since UTS #39 for Unicode 15.1).

package uts39

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/uts39/internal/icu"
)

// cbuf adapts the ICU bridge to the types of this package.
type cbuf struct{ *icu.Checker }

func (b cbuf) restriction(s string, profile bool) RestrictionLevel {
	switch b.Restriction(s, profile) {
	case icu.ASCII:
		return ASCIIOnly
	case icu.SingleScript:
		return SingleScript
	case icu.Highly:
		return HighlyRestrictive
	case icu.Moderately:
		return ModeratelyRestrictive
	case icu.Minimally:
		return MinimallyRestrictive
	case icu.Unrestricted:
		return Unrestricted
	}
	return 0
}

func (b cbuf) skeleton(s string) string { return b.Skeleton(s) }
func (b cbuf) nfd(s string) string      { return b.NFD(s) }

func (b cbuf) scx(r rune) ucd.ScriptSet {
	var set ucd.ScriptSet
	for _, name := range b.ScriptExtensions(r) {
		s, ok := ucd.ParseScript(name)
		if !ok {
			panic("ICU script " + name + " unknown to ucd")
		}
		set.Add(s)
	}
	return set
}

func (b cbuf) classify(x, y string) Confusability {
	r := b.Confusable(x, y)
	switch {
	case r == 0:
		return NotConfusable
	case r&icu.SingleScriptConfusable != 0:
		return SingleScriptConfusable
	case r&icu.WholeScriptConfusable != 0:
		return WholeScriptConfusable
	case r&icu.MixedScriptConfusable != 0:
		return MixedScriptConfusable
	}
	return 255
}

// Causes of disagreement.
const (
	causeNew         = "character not assigned in Unicode 15.0 (new in 16.0 or 17.0)"
	causeIgnorable   = "default-ignorable character removed by the Unicode 15.1+ skeleton (ICU 72 keeps it)"
	causeConfusables = "confusables.txt mapping changed between 15.0 and 17.0"
	causeScripts     = "Script_Extensions changed between 15.0 and 17.0"
	causeProfile     = "Identifier_Status changed between ICU 72's identifier profile (15.0) and IdentifierStatus.txt 17.0"
	causeUnexplained = "UNEXPLAINED"
)

type tally struct {
	counts  map[string]int
	samples map[string][]string
}

func newTally() *tally { return &tally{map[string]int{}, map[string][]string{}} }

func (t *tally) add(cause, sample string) {
	t.counts[cause]++
	if len(t.samples[cause]) < 5 {
		t.samples[cause] = append(t.samples[cause], sample)
	}
}

func (t *tally) total() int {
	n := 0
	for _, c := range t.counts {
		n += c
	}
	return n
}

func (t *tally) report(tb testing.TB, what string) {
	var causes []string
	for c := range t.counts {
		causes = append(causes, c)
	}
	sort.Strings(causes)
	tb.Logf("%s: %d disagreements", what, t.total())
	for _, c := range causes {
		tb.Logf("  %6d  %s; e.g. %s", t.counts[c], c, strings.Join(t.samples[c], ", "))
	}
	if n := t.counts[causeUnexplained]; n > 0 {
		tb.Errorf("%s: %d disagreements not explained by Unicode 15 -> 17 changes", what, n)
	}
}

// icuData holds, per code point, what the differential test learns from
// ICU and reuses to explain disagreements on strings.
type icuData struct {
	newChar     map[rune]bool   // assigned in 17.0, not in ICU's 15.0
	skelCause   map[rune]string // why single-character skeletons differ
	scxDiff     map[rune]bool   // Script_Extensions differ
	profileDiff map[rune]bool   // identifier profile membership differs
}

func TestICUDifferential(t *testing.T) {
	checker, err := icu.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer checker.Close()
	b := cbuf{checker}
	iv, uv := icu.Versions()
	t.Logf("ICU %s (Unicode %s) against plainsight's Unicode %s tables", iv, uv, ucd.Version)
	d := &icuData{map[rune]bool{}, map[rune]string{}, map[rune]bool{}, map[rune]bool{}}

	skel, nfd, restr, restrP := newTally(), newTally(), newTally(), newTally()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		isNew := !icu.Assigned(r) && ucd.IsAssigned(r)
		if isNew {
			d.newChar[r] = true
		}
		if b.scx(r) != ucd.ScriptExtensions(r) {
			d.scxDiff[r] = true
		}
		if icu.InProfile(r) != InIdentifierProfile(r) {
			d.profileDiff[r] = true
		}
		sample := fmt.Sprintf("%U", r)

		// NFD.
		if got, want := NFD(s), b.nfd(s); got != want {
			if isNew {
				nfd.add(causeNew, sample)
			} else {
				nfd.add(causeUnexplained, fmt.Sprintf("%U: %+q, ICU %+q", r, got, want))
			}
		}

		// Skeleton.
		got, want := Skeleton(s), b.skeleton(s)
		if got != want {
			cause := causeUnexplained
			switch {
			case isNew || d.anyNew(got):
				cause = causeNew
			case skeletonSlow(s, false) == want:
				cause = causeIgnorable
			case d.mappingChanged(b, r):
				cause = causeConfusables
				sample = fmt.Sprintf("%U → %+q, ICU %+q", r, got, want)
			default:
				sample = fmt.Sprintf("%U: %+q, ICU %+q", r, got, want)
			}
			d.skelCause[r] = cause
			skel.add(cause, sample)
		}

		// Restriction levels.
		if got, want := RestrictionWithProfile(s, nil), b.restriction(s, false); got != want {
			restr.add(d.explainRestriction(s, false), fmt.Sprintf("%U %v, ICU %v", r, got, want))
		}
		if got, want := Restriction(s), b.restriction(s, true); got != want {
			restrP.add(d.explainRestriction(s, true), fmt.Sprintf("%U %v, ICU %v", r, got, want))
		}
	}
	t.Logf("code points new since Unicode 15.0: %d; with changed Script_Extensions: %d; with changed identifier profile membership: %d",
		len(d.newChar), len(d.scxDiff), len(d.profileDiff))
	nfd.report(t, "NFD, every code point")
	skel.report(t, "Skeleton, every code point")
	restr.report(t, "RestrictionWithProfile(nil), every code point")
	restrP.report(t, "Restriction (identifier profile), every code point")

	// Generated strings.
	rng := rand.New(rand.NewPCG(39, 17))
	sskel, srestr, srestrP, sclass := newTally(), newTally(), newTally(), newTally()
	const nStrings = 5000
	for i := 0; i < nStrings; i++ {
		s := randomString(rng)
		sample := fmt.Sprintf("%+q", s)
		got, want := Skeleton(s), b.skeleton(s)
		if got != want {
			sskel.add(d.explainSkeleton(s, got, want), fmt.Sprintf("%+q → %+q, ICU %+q", s, got, want))
		}
		if got, want := RestrictionWithProfile(s, nil), b.restriction(s, false); got != want {
			srestr.add(d.explainRestriction(s, false), fmt.Sprintf("%s %v, ICU %v", sample, got, want))
		}
		if got, want := Restriction(s), b.restriction(s, true); got != want {
			srestrP.add(d.explainRestriction(s, true), fmt.Sprintf("%s %v, ICU %v", sample, got, want))
		}
		u := spoof(rng, s)
		if got, want := Classify(s, u), b.classify(s, u); got != want {
			var cause string
			switch {
			case Skeleton(s) != b.skeleton(s):
				cause = "skeleton differs: " + d.explainSkeleton(s, Skeleton(s), b.skeleton(s))
			case Skeleton(u) != b.skeleton(u):
				cause = "skeleton differs: " + d.explainSkeleton(u, Skeleton(u), b.skeleton(u))
			default:
				cause = d.explainRestriction(s+u, false)
			}
			if strings.HasSuffix(cause, causeUnexplained) {
				cause = causeUnexplained
			}
			sclass.add(cause, fmt.Sprintf("%+q/%+q %v, ICU %v", s, u, got, want))
		}
	}
	sskel.report(t, fmt.Sprintf("Skeleton, %d generated strings", nStrings))
	srestr.report(t, fmt.Sprintf("RestrictionWithProfile(nil), %d generated strings", nStrings))
	srestrP.report(t, fmt.Sprintf("Restriction (identifier profile), %d generated strings", nStrings))
	sclass.report(t, fmt.Sprintf("Classify, %d generated pairs", nStrings))
}

func (d *icuData) anyNew(s string) bool {
	for _, r := range s {
		if d.newChar[r] {
			return true
		}
	}
	return false
}

// mappingChanged reports whether the disagreement on the single code point
// r can come from a confusables.txt change: r or a character of its NFD is
// a source in 17.0, or ICU (15.0) maps it. When neither version maps any of
// them, the skeletons can only differ by a bug, and the caller reports it.
func (d *icuData) mappingChanged(b cbuf, r rune) bool {
	for _, x := range NFD(string(r)) {
		if _, src17 := ucd.Prototype(x); src17 {
			return true
		}
		if b.skeleton(string(x)) != b.nfd(string(x)) {
			return true
		}
	}
	return false
}

// explainSkeleton explains a skeleton disagreement on a string by the
// explained disagreements on its characters.
func (d *icuData) explainSkeleton(s, got, want string) string {
	if d.anyNew(s) || d.anyNew(got) {
		return causeNew
	}
	if skeletonSlow(s, false) == want {
		return causeIgnorable
	}
	for _, r := range NFD(s) {
		if d.skelCause[r] == causeConfusables {
			return causeConfusables
		}
	}
	return causeUnexplained
}

// explainRestriction explains a restriction level disagreement by a
// character whose data changed.
func (d *icuData) explainRestriction(s string, profile bool) string {
	for _, r := range s {
		switch {
		case d.newChar[r]:
			return causeNew
		case d.scxDiff[r]:
			return causeScripts
		case profile && d.profileDiff[r]:
			return causeProfile
		}
	}
	return causeUnexplained
}

// pools of characters for generated strings: letters of the scripts that
// matter for look-alikes, CJK, marks, digits of several systems, invisible
// characters, emoji, and a few characters new in Unicode 16 and 17.
var pools = [][]rune{
	[]rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
	[]rune("0123456789_-.'"),
	[]rune("éćčšžøåäöüñçłßÆœ"),
	[]rune("аеорсухкиійжьАВЕКМНОРСТХЈѕԁӏ"),
	[]rune("αβγδεοπρστυνικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"),
	[]rune("օսհոզԱՕՍ"),
	[]rune("ᎪᎫᎬᎳᏃᏴ"),
	[]rune("אבגדוזי"),
	[]rune("ابتثحخدذرزسشصضطظعغفقكلمنهوي٠١٢٣"),
	[]rune("कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह१२"),
	[]rune("中東京字漢〆切人大"),
	[]rune("ねがのかたなハガタナワーヶ"),
	[]rune("한국어가각ㄱㅏ"),
	[]rune("ㄅㄆㄇㄈ"),
	[]rune("𝐇𝐞𝐥𝐨𝔢𝔩𝟏𝟐ＡＢａｂ１２"),
	[]rune("\u0300\u0301\u0302\u0303\u0307\u0308\u0323\u0327\u0337\u0338\u0345\u05B4\u064E\u0654"),
	[]rune("\u00AD\u200B\u200C\u200D\u2060\uFEFF\u034F\uFE0F\U000E0041\u202E\u3164"),
	[]rune("·・‐‑–—“”‘’«»"),
	[]rune("😀👍🏽❤"),
	[]rune("\U00016EA0\U00016EA1\U000105C9\U000113C5\U00016D68\U0001E5D0\U00016121"),
}

func randomString(rng *rand.Rand) string {
	n := 1 + rng.IntN(8)
	var b strings.Builder
	// Mostly one or two pools, as real words are.
	p1, p2 := pools[rng.IntN(len(pools))], pools[rng.IntN(len(pools))]
	for i := 0; i < n; i++ {
		switch x := rng.IntN(20); {
		case x == 0:
			// Any code point, so that rare characters are reached.
			r := rune(rng.IntN(0x40000))
			if r >= 0xD800 && r <= 0xDFFF {
				r = 'x'
			}
			b.WriteRune(r)
		case x == 1:
			src, _ := ucd.ConfusableAt(rng.IntN(ucd.NumConfusables()))
			b.WriteRune(src)
		case x < 8:
			b.WriteRune(p2[rng.IntN(len(p2))])
		default:
			b.WriteRune(p1[rng.IntN(len(p1))])
		}
	}
	return b.String()
}

// spoof replaces some characters of s with look-alikes: a character that is
// the prototype of some source is replaced by a random such source.
func spoof(rng *rand.Rand, s string) string {
	var b strings.Builder
	for _, r := range s {
		if srcs := sourcesOf[r]; len(srcs) > 0 && rng.IntN(2) == 0 {
			b.WriteRune(srcs[rng.IntN(len(srcs))])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var sourcesOf = func() map[rune][]rune {
	m := map[rune][]rune{}
	for i := 0; i < ucd.NumConfusables(); i++ {
		src, p := ucd.ConfusableAt(i)
		if utf8.RuneCountInString(p) == 1 {
			r, _ := utf8.DecodeRuneInString(p)
			m[r] = append(m[r], src)
		}
	}
	return m
}()
