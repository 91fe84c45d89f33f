package uts39

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/plainsight/plainsight/internal/ucd"
)

var update = flag.Bool("update", false, "rewrite testdata/confusables-pairs.txt from the Unicode data directory")

const pairsFile = "testdata/confusables-pairs.txt"

// splitSources are the confusables.txt 17.0 sources that NFD splits into a
// base and marks whose prototypes do not add up to the source's own
// prototype, so that Skeleton(source) != NFD(target). ICU's conformance
// test skips such sources in the same way.
var splitSources = []rune{
	0x00F6, 0x0146, 0x0150, 0x0163, 0x01A0, 0x01A1, 0x01CF, 0x01F5, 0x021A,
	0x021B, 0x0226, 0x0227, 0x0419, 0x045D, 0x0623, 0x0624, 0x0626, 0x06C2,
	0x1E43, 0x1F7D, 0x1FF6, 0xFB2B, 0xFB2D, 0xFB2F, 0xFB30, 0xFB39, 0xFB49,
}

// furtherTargets are the NFD-stable sources whose skeleton is not the NFD
// of their target: U+3164 HANGUL FILLER is default-ignorable, so the
// skeleton removes it although confusables.txt maps it to U+1160.
var furtherTargets = map[rune]string{
	0x3164: "",
}

// nonIdempotent are the sources whose target (in NFD) maps further: for
// them Skeleton(Skeleton(source)) != Skeleton(source). Their targets hold a
// precomposed character that NFD splits into parts that have prototypes of
// their own (DŽ's caron, Arabic alef with madda, Hangul final jamo, ...).
var nonIdempotent = []rune{
	0x01C4, 0x01C5, 0x01C6, 0x048B, 0x321D, 0xFBA4, 0xFBA5, 0xFBB0, 0xFBB1,
	0xFE81, 0xFE82, 0xFEF5, 0xFEF6,
}

type pair struct {
	src rune
	to  string
}

// readPairs reads the fixture: one "SOURCE ; TARGET" line per mapping, in
// hexadecimal code points, as in confusables.txt but without comments.
func readPairs(t *testing.T) []pair {
	data, err := os.ReadFile(pairsFile)
	if err != nil {
		t.Fatal(err)
	}
	var out []pair
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		a, b, ok := strings.Cut(line, ";")
		if !ok {
			t.Fatalf("%s: bad line %q", pairsFile, line)
		}
		src := parseHex(t, a)
		if len([]rune(src)) != 1 {
			t.Fatalf("%s: bad source in %q", pairsFile, line)
		}
		out = append(out, pair{[]rune(src)[0], parseHex(t, b)})
	}
	return out
}

func parseHex(t *testing.T, s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseUint(f, 16, 32)
		if err != nil {
			t.Fatalf("bad code point %q", f)
		}
		b.WriteRune(rune(v))
	}
	return b.String()
}

func hexString(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, fmt.Sprintf("%04X", r))
	}
	return strings.Join(parts, " ")
}

// TestConfusablesFixtureMatchesTables pins the generated prototype table to
// the fixture, so that a generator regression shows up without the data.
func TestConfusablesFixtureMatchesTables(t *testing.T) {
	pairs := readPairs(t)
	if len(pairs) != ucd.NumConfusables() {
		t.Fatalf("fixture has %d mappings, tables %d", len(pairs), ucd.NumConfusables())
	}
	for i, p := range pairs {
		r, to := ucd.ConfusableAt(i)
		if r != p.src || to != p.to {
			t.Fatalf("mapping %d: tables %U -> %s, fixture %U -> %s", i, r, hexString(to), p.src, hexString(p.to))
		}
	}
}

// TestSkeletonConformance: for every confusables.txt mapping whose source is
// unchanged by NFD, Skeleton(source) == NFD(target) (the form ICU's own test
// uses), except for the listed sources.
func TestSkeletonConformance(t *testing.T) {
	split := map[rune]bool{}
	for _, r := range splitSources {
		split[r] = true
	}
	nonIdem := map[rune]bool{}
	for _, r := range nonIdempotent {
		nonIdem[r] = true
	}
	var gotSplit, gotNonIdem []rune
	gotFurther := map[rune]string{}
	checked := 0
	for _, p := range readPairs(t) {
		src := string(p.src)
		sk := Skeleton(src)
		if NFD(src) != src {
			if sk != NFD(p.to) {
				gotSplit = append(gotSplit, p.src)
				if !split[p.src] {
					t.Errorf("Skeleton(%U) = %s, want NFD(target) = %s (source split by NFD, not a known exception)", p.src, hexString(sk), hexString(NFD(p.to)))
				}
			}
			continue
		}
		checked++
		if sk != NFD(p.to) {
			gotFurther[p.src] = sk
			if want, ok := furtherTargets[p.src]; !ok || want != sk {
				t.Errorf("Skeleton(%U) = %s, want NFD(target) = %s", p.src, hexString(sk), hexString(NFD(p.to)))
			}
		}
		// A skeleton is its own skeleton, but for the listed sources.
		if Skeleton(sk) != sk {
			gotNonIdem = append(gotNonIdem, p.src)
			if !nonIdem[p.src] {
				t.Errorf("Skeleton(Skeleton(%U)) = %s, not %s", p.src, hexString(Skeleton(sk)), hexString(sk))
			}
		}
	}
	if len(gotSplit) != len(splitSources) {
		t.Errorf("%d split sources disagree (%U), the list has %d", len(gotSplit), gotSplit, len(splitSources))
	}
	if len(gotFurther) != len(furtherTargets) {
		t.Errorf("%d further-mapping targets, the list has %d", len(gotFurther), len(furtherTargets))
	}
	if len(gotNonIdem) != len(nonIdempotent) {
		t.Errorf("%d targets map further (%U), the list has %d", len(gotNonIdem), gotNonIdem, len(nonIdempotent))
	}
	if checked < 5000 {
		t.Errorf("only %d NFD-stable sources checked", checked)
	}
}

// TestUpdatePairsFixture regenerates the fixture with -update, and checks it
// against confusables.txt when the Unicode data is present.
func TestUpdatePairsFixture(t *testing.T) {
	dir := os.Getenv("PLAINSIGHT_UCD_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "unicode", ucd.Version)
	}
	data, err := os.ReadFile(filepath.Join(dir, "security", "confusables.txt"))
	if err != nil {
		t.Skipf("Unicode %s data not found (set PLAINSIGHT_UCD_DIR); not checking %s against confusables.txt", ucd.Version, pairsFile)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Split(line, ";")
		if len(f) < 3 {
			continue
		}
		src := parseHex(t, f[0])
		lines = append(lines, fmt.Sprintf("%s;%s", hexString(src), hexString(parseHex(t, f[1]))))
	}
	// Sort by source code point, as the tables are.
	sortLines(lines)
	var b strings.Builder
	fmt.Fprintf(&b, "# confusables.txt %s mappings (source ; target), sorted by source.\n", ucd.Version)
	fmt.Fprintf(&b, "# Regenerate with: go test ./uts39 -run TestUpdatePairsFixture -update\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if *update {
		if err := os.WriteFile(pairsFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(pairsFile)
	if err != nil || string(old) != b.String() {
		t.Errorf("%s is out of date with %s; run go test ./uts39 -run TestUpdatePairsFixture -update", pairsFile, dir)
	}
}

func sortLines(lines []string) {
	key := func(l string) uint64 {
		a, _, _ := strings.Cut(l, ";")
		v, _ := strconv.ParseUint(a, 16, 32)
		return v
	}
	for i := 1; i < len(lines); i++ {
		for j := i; j > 0 && key(lines[j]) < key(lines[j-1]); j-- {
			lines[j], lines[j-1] = lines[j-1], lines[j]
		}
	}
}
