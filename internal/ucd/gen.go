//go:build ignore

// gen.go reads the Unicode Character Database and the UTS #39 security data
// files of one Unicode version and writes tables<version>.go for package ucd.
//
// Usage (from this directory, normally through go generate):
//
//	go run gen.go [-data DIR] [-out FILE]
//
// DIR defaults to $PLAINSIGHT_UCD_DIR, else ../../../shared/unicode/17.0.0.
// It must hold security/ (confusables.txt, intentional.txt,
// IdentifierStatus.txt, IdentifierType.txt) and ucd/ (UnicodeData.txt,
// Scripts.txt, ScriptExtensions.txt, PropertyValueAliases.txt, PropList.txt,
// DerivedCoreProperties.txt, emoji/emoji-*.txt), laid out as on unicode.org.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

const maxRune = 0x10FFFF

var (
	dataDir = flag.String("data", "", "Unicode data directory (default $PLAINSIGHT_UCD_DIR or ../../../shared/unicode/17.0.0)")
	outFile = flag.String("out", "", "output file (default tables<version>.go in the current directory)")
)

// propOrder fixes the bit of every Prop flag. Appending is safe; reordering
// changes the generated constants (which is also safe, as they are generated).
var propOrder = []struct {
	name, file, prop, doc string
}{
	{"DefaultIgnorable", "DerivedCoreProperties.txt", "Default_Ignorable_Code_Point", "invisible unless a font has a glyph for it"},
	{"BidiControl", "PropList.txt", "Bidi_Control", "explicit bidirectional formatting (LRE, RLO, LRI, PDI, ...)"},
	{"JoinControl", "PropList.txt", "Join_Control", "ZWJ and ZWNJ"},
	{"WhiteSpace", "PropList.txt", "White_Space", "space characters, including the unusual ones"},
	{"VariationSelector", "PropList.txt", "Variation_Selector", "variation selectors (FE00..FE0F, E0100..E01EF, ...)"},
	{"Noncharacter", "PropList.txt", "Noncharacter_Code_Point", "the 66 noncharacters"},
	{"Alphabetic", "DerivedCoreProperties.txt", "Alphabetic", ""},
	{"Uppercase", "DerivedCoreProperties.txt", "Uppercase", ""},
	{"Lowercase", "DerivedCoreProperties.txt", "Lowercase", ""},
	{"Emoji", "emoji-data.txt", "Emoji", ""},
	{"EmojiPresentation", "emoji-data.txt", "Emoji_Presentation", "shown as emoji by default"},
	{"EmojiModifier", "emoji-data.txt", "Emoji_Modifier", "the skin tone modifiers"},
	{"EmojiModifierBase", "emoji-data.txt", "Emoji_Modifier_Base", ""},
	{"EmojiComponent", "emoji-data.txt", "Emoji_Component", "characters that may appear inside emoji sequences"},
	{"ExtendedPictographic", "emoji-data.txt", "Extended_Pictographic", ""},
	{"RegionalIndicator", "PropList.txt", "Regional_Indicator", "the flag letters"},
	{"Dash", "PropList.txt", "Dash", ""},
	{"QuotationMark", "PropList.txt", "Quotation_Mark", ""},
	{"IDSBinaryOperator", "PropList.txt", "IDS_Binary_Operator", ""},
	{"PatternWhiteSpace", "PropList.txt", "Pattern_White_Space", ""},
	{"PatternSyntax", "PropList.txt", "Pattern_Syntax", ""},
	{"XIDStart", "DerivedCoreProperties.txt", "XID_Start", ""},
	{"XIDContinue", "DerivedCoreProperties.txt", "XID_Continue", ""},
	{"Diacritic", "PropList.txt", "Diacritic", ""},
	{"Extender", "PropList.txt", "Extender", ""},
	{"Math", "DerivedCoreProperties.txt", "Math", ""},
	{"Deprecated", "PropList.txt", "Deprecated", ""},
	{"SoftDotted", "PropList.txt", "Soft_Dotted", ""},
	{"PrependedConcatenationMark", "PropList.txt", "Prepended_Concatenation_Mark", ""},
	{"Ideographic", "PropList.txt", "Ideographic", ""},
	{"ConfusableSource", "", "", "the character has a prototype in confusables.txt (see Prototype)"},
	{"CanonicalDecomposition", "", "", "the character has a canonical decomposition (NFD changes it); Hangul syllables included"},
}

var idTypeOrder = []string{
	"Recommended", "Inclusion", "Limited_Use", "Technical", "Uncommon_Use", "Obsolete",
	"Exclusion", "Deprecated", "Default_Ignorable", "Not_NFKC", "Not_XID", "Not_Character",
}

var decompTags = map[string]string{
	"": "DecompCanonical", "font": "DecompFont", "noBreak": "DecompNoBreak", "initial": "DecompInitial",
	"medial": "DecompMedial", "final": "DecompFinal", "isolated": "DecompIsolated", "circle": "DecompCircle",
	"super": "DecompSuper", "sub": "DecompSub", "vertical": "DecompVertical", "wide": "DecompWide",
	"narrow": "DecompNarrow", "small": "DecompSmall", "square": "DecompSquare", "fraction": "DecompFraction",
	"compat": "DecompCompat",
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	flag.Parse()
	dir := *dataDir
	if dir == "" {
		dir = os.Getenv("PLAINSIGHT_UCD_DIR")
	}
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "unicode", "17.0.0")
	}
	g := &gen{dir: dir}
	src := g.run()
	out := *outFile
	if out == "" {
		out = "tables" + g.version + ".go"
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

type gen struct {
	dir     string
	version string
	buf     bytes.Buffer
}

func (g *gen) p(format string, args ...any) { fmt.Fprintf(&g.buf, format, args...) }

// fields calls fn with the ';'-separated, trimmed fields of every data line
// of a UCD-format file (comments and blank lines skipped).
func (g *gen) fields(rel string, fn func(f []string)) {
	path := filepath.Join(g.dir, rel)
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("%v (set -data or PLAINSIGHT_UCD_DIR to a Unicode %s data directory)", err, "17.0.0")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, ";")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		fn(f)
	}
}

var versionRE = regexp.MustCompile(`(?m)^# Version: (\d+\.\d+\.\d+)`)

func (g *gen) readVersion() {
	data, err := os.ReadFile(filepath.Join(g.dir, "security", "confusables.txt"))
	if err != nil {
		log.Fatalf("%v (set -data or PLAINSIGHT_UCD_DIR to a Unicode data directory)", err)
	}
	m := versionRE.FindSubmatch(data)
	if m == nil {
		log.Fatal("no '# Version:' line in security/confusables.txt")
	}
	g.version = string(m[1])
}

func parseRange(s string) (lo, hi rune) {
	a, b, ok := strings.Cut(s, "..")
	lo = parseCP(a)
	hi = lo
	if ok {
		hi = parseCP(b)
	}
	return
}

func parseCP(s string) rune {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 16, 32)
	if err != nil || v > maxRune {
		log.Fatalf("bad code point %q", s)
	}
	return rune(v)
}

func parseCPs(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		b.WriteRune(parseCP(f))
	}
	return b.String()
}

type record struct {
	props  uint32
	idType uint16
	script uint8
	scx    uint16
	cat    string
	ccc    uint8
	status uint8
}

type nameEntry struct {
	r    rune
	name string
}

type algRange struct {
	lo, hi rune
	kind   string
}

type decomp struct {
	r   rune
	tag string
	to  string
}

func (g *gen) run() []byte {
	g.readVersion()

	// Scripts: 0 Unknown, 1 Common, 2 Inherited, then by long name.
	type scr struct{ short, long string }
	var scripts []scr
	g.fields("ucd/PropertyValueAliases.txt", func(f []string) {
		if f[0] == "sc" {
			scripts = append(scripts, scr{f[1], f[2]})
		}
	})
	rank := func(s scr) int {
		switch s.short {
		case "Zzzz":
			return 0
		case "Zyyy":
			return 1
		case "Zinh":
			return 2
		}
		return 3
	}
	sort.Slice(scripts, func(i, j int) bool {
		ri, rj := rank(scripts[i]), rank(scripts[j])
		if ri != rj {
			return ri < rj
		}
		return scripts[i].long < scripts[j].long
	})
	if len(scripts) > 256 {
		log.Fatalf("%d scripts do not fit in a uint8", len(scripts))
	}
	scriptIdx := map[string]int{}
	for i, s := range scripts {
		scriptIdx[s.short] = i
		scriptIdx[s.long] = i
	}

	recs := make([]record, maxRune+1)
	for i := range recs {
		recs[i].idType = 1 << indexOf(idTypeOrder, "Not_Character")
		recs[i].cat = "Cn"
	}

	g.fields("ucd/Scripts.txt", func(f []string) {
		lo, hi := parseRange(f[0])
		idx, ok := scriptIdx[f[1]]
		if !ok {
			log.Fatalf("Scripts.txt: unknown script %q", f[1])
		}
		for r := lo; r <= hi; r++ {
			recs[r].script = uint8(idx)
		}
	})

	// Script extensions: unique sets, index 0 = "not listed".
	// Three more bits hold the UTS #39 pseudo-scripts Hanb, Jpan and Kore
	// (see script.go).
	words := (len(scripts) + 3 + 63) / 64
	type sset [8]uint64
	var scxSets []sset
	scxIndex := map[sset]int{}
	g.fields("ucd/ScriptExtensions.txt", func(f []string) {
		lo, hi := parseRange(f[0])
		var set sset
		for _, n := range strings.Fields(f[1]) {
			idx, ok := scriptIdx[n]
			if !ok {
				log.Fatalf("ScriptExtensions.txt: unknown script %q", n)
			}
			set[idx/64] |= 1 << (idx % 64)
		}
		id, ok := scxIndex[set]
		if !ok {
			scxSets = append(scxSets, set)
			id = len(scxSets)
			scxIndex[set] = id
		}
		for r := lo; r <= hi; r++ {
			recs[r].scx = uint16(id)
		}
	})

	// Binary properties.
	propFiles := map[string]string{
		"PropList.txt":              "ucd/PropList.txt",
		"DerivedCoreProperties.txt": "ucd/DerivedCoreProperties.txt",
		"emoji-data.txt":            "ucd/emoji/emoji-data.txt",
	}
	for file, rel := range propFiles {
		bit := map[string]uint32{}
		for i, p := range propOrder {
			if p.file == file {
				bit[p.prop] = 1 << i
			}
		}
		g.fields(rel, func(f []string) {
			if len(f) < 2 {
				return
			}
			b, ok := bit[f[1]]
			if !ok {
				return
			}
			lo, hi := parseRange(f[0])
			for r := lo; r <= hi; r++ {
				recs[r].props |= b
			}
		})
	}
	bitOf := func(name string) uint32 {
		for i, p := range propOrder {
			if p.name == name {
				return 1 << i
			}
		}
		log.Fatalf("no prop %s", name)
		return 0
	}

	// UnicodeData: category, combining class, names, decompositions.
	var names []nameEntry
	var decomps []decomp
	var algRanges []algRange
	var first rune = -1
	var digitZeros []rune
	g.fields("ucd/UnicodeData.txt", func(f []string) {
		r := parseCP(f[0])
		if f[2] == "Nd" {
			v, err := strconv.Atoi(f[6])
			if err != nil || v < 0 || v > 9 {
				log.Fatalf("UnicodeData.txt: Nd %s with decimal value %q", f[0], f[6])
			}
			if v == 0 {
				digitZeros = append(digitZeros, r)
			} else if len(digitZeros) == 0 || digitZeros[len(digitZeros)-1] != r-rune(v) {
				log.Fatalf("UnicodeData.txt: digit %s is not in a run starting with its zero", f[0])
			}
		}
		ccc, err := strconv.Atoi(f[3])
		if err != nil {
			log.Fatalf("UnicodeData.txt: bad ccc %q", f[3])
		}
		set := func(r rune) {
			recs[r].cat = f[2]
			recs[r].ccc = uint8(ccc)
		}
		switch {
		case strings.HasSuffix(f[1], ", First>"):
			first = r
			return
		case strings.HasSuffix(f[1], ", Last>"):
			if first < 0 {
				log.Fatalf("UnicodeData.txt: %s without First", f[1])
			}
			for x := first; x <= r; x++ {
				set(x)
			}
			algRanges = append(algRanges, algRange{first, r, strings.TrimSuffix(strings.TrimPrefix(f[1], "<"), ", Last>")})
			first = -1
			return
		}
		set(r)
		name := f[1]
		if name == "<control>" {
			name = f[10]
		}
		if name != "" {
			names = append(names, nameEntry{r, name})
		}
		if f[5] != "" {
			d := f[5]
			tag := ""
			if strings.HasPrefix(d, "<") {
				i := strings.IndexByte(d, '>')
				tag, d = d[1:i], d[i+1:]
			}
			if _, ok := decompTags[tag]; !ok {
				log.Fatalf("UnicodeData.txt: unknown decomposition tag %q", tag)
			}
			decomps = append(decomps, decomp{r, tag, parseCPs(d)})
			if tag == "" {
				recs[r].props |= bitOf("CanonicalDecomposition")
			}
		}
	})
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		recs[r].props |= bitOf("CanonicalDecomposition")
	}

	// Identifier status and type.
	g.fields("security/IdentifierStatus.txt", func(f []string) {
		lo, hi := parseRange(f[0])
		if f[1] != "Allowed" {
			log.Fatalf("IdentifierStatus.txt: unexpected status %q", f[1])
		}
		for r := lo; r <= hi; r++ {
			recs[r].status = 1
		}
	})
	g.fields("security/IdentifierType.txt", func(f []string) {
		lo, hi := parseRange(f[0])
		var t uint16
		for _, n := range strings.Fields(f[1]) {
			i := indexOf(idTypeOrder, n)
			if i < 0 {
				log.Fatalf("IdentifierType.txt: unknown type %q", n)
			}
			t |= 1 << i
		}
		for r := lo; r <= hi; r++ {
			recs[r].idType = t
		}
	})

	// Confusables.
	type mapping struct {
		r  rune
		to string
	}
	var confs []mapping
	g.fields("security/confusables.txt", func(f []string) {
		src := parseCPs(f[0])
		if utf8.RuneCountInString(src) != 1 {
			log.Fatalf("confusables.txt: multi-code-point source %q", f[0])
		}
		r, _ := utf8.DecodeRuneInString(src)
		confs = append(confs, mapping{r, parseCPs(f[1])})
		recs[r].props |= bitOf("ConfusableSource")
	})
	sort.Slice(confs, func(i, j int) bool { return confs[i].r < confs[j].r })
	for i := 1; i < len(confs); i++ {
		if confs[i].r == confs[i-1].r {
			log.Fatalf("confusables.txt: duplicate source %04X", confs[i].r)
		}
	}

	var intent [][2]rune
	g.fields("security/intentional.txt", func(f []string) {
		a, b := parseCP(f[0]), parseCP(f[1])
		intent = append(intent, [2]rune{a, b}, [2]rune{b, a})
	})
	sort.Slice(intent, func(i, j int) bool {
		if intent[i][0] != intent[j][0] {
			return intent[i][0] < intent[j][0]
		}
		return intent[i][1] < intent[j][1]
	})

	// Emoji sequences.
	seqSet := func(rel string) []string {
		seen := map[string]bool{}
		g.fields(rel, func(f []string) {
			if strings.Contains(f[0], "..") {
				lo, hi := parseRange(f[0])
				for r := lo; r <= hi; r++ {
					seen[string(r)] = true
				}
				return
			}
			seen[parseCPs(f[0])] = true
		})
		var out []string
		for s := range seen {
			out = append(out, s)
		}
		sort.Strings(out)
		return out
	}
	zwj := seqSet("ucd/emoji/emoji-zwj-sequences.txt")
	seqs := seqSet("ucd/emoji/emoji-sequences.txt")
	vsMap := map[rune]int{}
	g.fields("ucd/emoji/emoji-variation-sequences.txt", func(f []string) {
		cps := strings.Fields(f[0])
		if len(cps) != 2 {
			log.Fatalf("emoji-variation-sequences.txt: bad sequence %q", f[0])
		}
		base, vs := parseCP(cps[0]), parseCP(cps[1])
		switch vs {
		case 0xFE0E:
			vsMap[base] |= 1
		case 0xFE0F:
			vsMap[base] |= 2
		default:
			log.Fatalf("emoji-variation-sequences.txt: unexpected selector %04X", vs)
		}
	})
	var vsBases []rune
	for r := range vsMap {
		vsBases = append(vsBases, r)
	}
	sort.Slice(vsBases, func(i, j int) bool { return vsBases[i] < vsBases[j] })

	// Every record gets a set: characters without listed extensions get
	// {Script}, so that ScriptExtensions is a plain table load.
	for r := range recs {
		if recs[r].scx != 0 {
			continue
		}
		var set sset
		idx := int(recs[r].script)
		set[idx/64] |= 1 << (idx % 64)
		id, ok := scxIndex[set]
		if !ok {
			scxSets = append(scxSets, set)
			id = len(scxSets)
			scxIndex[set] = id
		}
		recs[r].scx = uint16(id)
	}

	// ---- Output ----
	g.p("// Code generated by gen.go from the Unicode %s data files; DO NOT EDIT.\n\n", g.version)
	g.p("package ucd\n\n")
	g.p("// Version is the Unicode version the tables were generated from.\n")
	g.p("const Version = %q\n\n", g.version)

	g.p("// Script values, one per script in PropertyValueAliases.txt (ScriptUnknown,\n// ScriptCommon and ScriptInherited first, then by long name).\nconst (\n")
	for i, s := range scripts {
		id := "Script" + strings.ReplaceAll(s.long, "_", "")
		if i == 0 {
			g.p("\t%s Script = iota // %s\n", id, s.short)
		} else {
			g.p("\t%s // %s\n", id, s.short)
		}
	}
	g.p(")\n\n")
	g.p("// NumScripts is the number of Script values, ScriptUnknown included.\nconst NumScripts = %d\n\n", len(scripts))
	g.p("const scriptWords = %d\n\n", words)
	g.p("var scriptLong = [NumScripts]string{")
	for _, s := range scripts {
		g.p("%q,", s.long)
	}
	g.p("}\n\nvar scriptShort = [NumScripts]string{")
	for _, s := range scripts {
		g.p("%q,", s.short)
	}
	g.p("}\n\n")
	g.p("// scxSets holds the distinct Script_Extensions values (entry 0 is unused).\n")
	g.p("var scxSets = [...]ScriptSet{{},\n")
	for _, s := range scxSets {
		g.p("{[scriptWords]uint64{")
		for w := 0; w < words; w++ {
			g.p("%#x,", s[w])
		}
		g.p("}},\n")
	}
	g.p("}\n\n")

	g.p("// Prop flags (binary properties from PropList.txt, DerivedCoreProperties.txt,\n// emoji-data.txt, and two derived from UnicodeData.txt and confusables.txt).\nconst (\n")
	for i, p := range propOrder {
		doc := p.doc
		src := p.prop
		if src != "" {
			if doc != "" {
				doc = src + ": " + doc
			} else {
				doc = src
			}
		}
		if i == 0 {
			g.p("\tProp%s Prop = 1 << iota // %s\n", p.name, doc)
		} else {
			g.p("\tProp%s // %s\n", p.name, doc)
		}
	}
	g.p(")\n\n")
	g.p("var propNames = [...]string{")
	for _, p := range propOrder {
		g.p("%q,", p.name)
	}
	g.p("}\n\n")

	g.p("// IDType flags (Identifier_Type, IdentifierType.txt).\nconst (\n")
	for i, t := range idTypeOrder {
		id := "IDType" + strings.ReplaceAll(t, "_", "")
		if i == 0 {
			g.p("\t%s IDType = 1 << iota\n", id)
		} else {
			g.p("\t%s\n", id)
		}
	}
	g.p(")\n\nvar idTypeNames = [...]string{")
	for _, t := range idTypeOrder {
		g.p("%q,", t)
	}
	g.p("}\n\n")

	// Records and the three-level trie over record indexes.
	recIndex := map[record]int{}
	var recList []record
	zero := recs[0x0378] // an unassigned code point: the default record
	recIndex[zero] = 0
	recList = append(recList, zero)
	vals := make([]uint16, maxRune+1)
	for r := range recs {
		id, ok := recIndex[recs[r]]
		if !ok {
			id = len(recList)
			recIndex[recs[r]] = id
			recList = append(recList, recs[r])
		}
		if id > 0xFFFF {
			log.Fatal("too many distinct records for a uint16 index")
		}
		vals[r] = uint16(id)
	}
	g.p("// records holds the distinct per-character property records; the trie maps\n// each code point to an index in it. Record 0 is an unassigned code point.\n")
	g.p("var records = [...]record{\n")
	for _, rc := range recList {
		g.p("{%#x, %#x, %d, %d, Cat%s, %d, %d},\n", rc.props, rc.idType, rc.scx, rc.script, rc.cat, rc.ccc, rc.status)
	}
	g.p("}\n\n")

	g.p("const (\n\ttrieLeafBits = %d\n\ttrieMidBits = %d\n)\n\n", leafBits, midBits)
	g.writeTrie("trie", "records", vals)

	g.p("// digitZeros lists the zero of every run of ten decimal digits (gc=Nd), sorted.\nvar digitZeros = [...]rune{")
	for i, z := range digitZeros {
		if i%8 == 0 {
			g.p("\n")
		}
		g.p("%#x,", z)
	}
	g.p("\n}\n\n")

	// Names.
	g.writeNames(names, algRanges)

	// Decompositions.
	sort.Slice(decomps, func(i, j int) bool { return decomps[i].r < decomps[j].r })
	var ddata strings.Builder
	g.p("// decomps lists every UnicodeData decomposition mapping, sorted by code\n// point; the mapping is decompData[off:off+n].\n")
	g.p("var decomps = [...]decompEntry{\n")
	for _, d := range decomps {
		g.p("{%#x, %s, %d, %d},\n", d.r, decompTags[d.tag], ddata.Len(), len(d.to))
		ddata.WriteString(d.to)
	}
	g.p("}\n\n")
	g.p("const decompData = %s\n\n", quoteLong(ddata.String()))

	// Confusables.
	var cdata strings.Builder
	g.p("// confusables maps each confusables.txt source to its prototype,\n// confData[off:off+n]; sorted by source.\n")
	g.p("var confusables = [...]mapEntry{\n")
	for _, c := range confs {
		g.p("{%#x, %d, %d},\n", c.r, cdata.Len(), len(c.to))
		cdata.WriteString(c.to)
	}
	g.p("}\n\n")
	g.p("const confData = %s\n\n", quoteLong(cdata.String()))
	confIdx := make([]uint16, maxRune+1)
	for i, c := range confs {
		confIdx[c.r] = uint16(i + 1)
	}
	g.writeTrie("confTrie", "confusables (index+1, 0 for none)", confIdx)

	g.p("// intentional holds both orders of every intentional.txt pair, sorted.\n")
	g.p("var intentional = [...][2]rune{\n")
	for i, p := range intent {
		g.p("{%#x, %#x},", p[0], p[1])
		if i%6 == 5 {
			g.p("\n")
		}
	}
	g.p("}\n\n")

	writeSeqs := func(name, doc string, list []string) {
		maxLen := 0
		g.p("// %s\nvar %s = [...]string{\n", doc, name)
		for _, s := range list {
			g.p("%+q,\n", s)
			if len(s) > maxLen {
				maxLen = len(s)
			}
		}
		g.p("}\n\nconst %sMaxLen = %d\n\n", name, maxLen)
	}
	writeSeqs("emojiZWJSeqs", "emojiZWJSeqs lists the RGI emoji ZWJ sequences (emoji-zwj-sequences.txt), sorted.", zwj)
	writeSeqs("emojiSeqs", "emojiSeqs lists the sequences of emoji-sequences.txt (ranges expanded), sorted.", seqs)

	g.p("// emojiVS lists the bases of emoji-variation-sequences.txt as base<<2 | 1 (FE0E\n// allowed) | 2 (FE0F allowed), sorted.\nvar emojiVS = [...]uint32{\n")
	for i, r := range vsBases {
		g.p("%#x,", uint32(r)<<2|uint32(vsMap[r]))
		if i%8 == 7 {
			g.p("\n")
		}
	}
	g.p("}\n")

	src, err := format.Source(g.buf.Bytes())
	if err != nil {
		os.WriteFile("tables.broken.go", g.buf.Bytes(), 0o644)
		log.Fatalf("gofmt: %v (unformatted output in tables.broken.go)", err)
	}
	return src
}

// writeNames emits the character names. Names whose suffix is the code point
// in hex (CJK COMPATIBILITY IDEOGRAPH-F900, ...) become ranges with a prefix;
// the others are encoded as sequences of word numbers (one byte for the 128
// most frequent words, two bytes otherwise) into a shared word list.
func (g *gen) writeNames(names []nameEntry, alg []algRange) {
	sort.Slice(names, func(i, j int) bool { return names[i].r < names[j].r })
	type pref struct {
		lo, hi rune
		prefix string
	}
	var prefs []pref
	var rest []nameEntry
	for _, n := range names {
		hex := fmt.Sprintf("-%04X", n.r)
		if strings.HasSuffix(n.name, hex) {
			p := strings.TrimSuffix(n.name, hex) + "-"
			if k := len(prefs) - 1; k >= 0 && prefs[k].prefix == p && prefs[k].hi == n.r-1 {
				prefs[k].hi = n.r
				continue
			}
			prefs = append(prefs, pref{n.r, n.r, p})
			continue
		}
		rest = append(rest, n)
	}
	for _, a := range alg {
		var p string
		switch {
		case strings.HasPrefix(a.kind, "CJK Ideograph"):
			p = "CJK UNIFIED IDEOGRAPH-"
		case strings.HasPrefix(a.kind, "Tangut Ideograph"):
			p = "TANGUT IDEOGRAPH-"
		case a.kind == "Hangul Syllable":
			p = "" // computed
		case strings.Contains(a.kind, "Surrogate"), strings.Contains(a.kind, "Private Use"):
			continue // no Name property; Name gives a code point label
		default:
			log.Fatalf("UnicodeData.txt: unknown range kind %q; teach gen.go its name rule", a.kind)
		}
		prefs = append(prefs, pref{a.lo, a.hi, p})
	}
	sort.Slice(prefs, func(i, j int) bool { return prefs[i].lo < prefs[j].lo })
	g.p("// nameRanges lists the code point ranges whose names are computed: prefix +\n// hex code point, or the Hangul syllable rule when prefix is empty.\n")
	g.p("var nameRanges = [...]nameRange{\n")
	for _, p := range prefs {
		g.p("{%#x, %#x, %q},\n", p.lo, p.hi, p.prefix)
	}
	g.p("}\n\n")

	freq := map[string]int{}
	for _, n := range rest {
		for _, w := range strings.Split(n.name, " ") {
			freq[w]++
		}
	}
	var wordList []string
	for w := range freq {
		wordList = append(wordList, w)
	}
	sort.Slice(wordList, func(i, j int) bool {
		a, b := wordList[i], wordList[j]
		if freq[a] != freq[b] {
			return freq[a] > freq[b]
		}
		return a < b
	})
	if len(wordList) > 1<<15 {
		log.Fatal("too many distinct name words")
	}
	wordNum := map[string]int{}
	var wdata strings.Builder
	var woff []int
	for i, w := range wordList {
		wordNum[w] = i
		woff = append(woff, wdata.Len())
		wdata.WriteString(w)
	}
	woff = append(woff, wdata.Len())
	var ndata strings.Builder
	var ncp, noff []int
	for _, n := range rest {
		ncp = append(ncp, int(n.r))
		noff = append(noff, ndata.Len())
		for _, w := range strings.Split(n.name, " ") {
			k := wordNum[w]
			if k < 128 {
				ndata.WriteByte(byte(k))
			} else {
				ndata.WriteByte(byte(0x80 | k>>8))
				ndata.WriteByte(byte(k))
			}
		}
	}
	noff = append(noff, ndata.Len())
	g.p("// nameWords is the word list of the names, word i being\n// nameWords[nameWordOff[i]:nameWordOff[i+1]].\n")
	g.p("const nameWords = %s\n\n", quoteLong(wdata.String()))
	g.p("var nameWordOff = [...]uint32{")
	for i, v := range woff {
		if i%16 == 0 {
			g.p("\n")
		}
		g.p("%d,", v)
	}
	g.p("\n}\n\n")
	g.p("// nameCP lists the code points with stored names, sorted; the name of\n// nameCP[i] is encoded in nameData[nameOff[i]:nameOff[i+1]].\n")
	g.p("var nameCP = [...]uint32{")
	for i, v := range ncp {
		if i%12 == 0 {
			g.p("\n")
		}
		g.p("%#x,", v)
	}
	g.p("\n}\n\nvar nameOff = [...]uint32{")
	for i, v := range noff {
		if i%12 == 0 {
			g.p("\n")
		}
		g.p("%d,", v)
	}
	g.p("\n}\n\n")
	g.p("const nameData = %s\n\n", quoteLong(ndata.String()))
}

// quoteLong writes s as a concatenation of quoted string lines so the file
// stays readable and diffable.
func quoteLong(s string) string {
	if s == "" {
		return `""`
	}
	var b strings.Builder
	const chunk = 64
	for i := 0; i < len(s); i += chunk {
		j := min(i+chunk, len(s))
		if i > 0 {
			b.WriteString(" +\n\t")
		}
		b.WriteString(quoteBytes(s[i:j]))
	}
	return b.String()
}

// quoteBytes quotes arbitrary bytes (not necessarily valid UTF-8 on their own)
// with \x escapes for everything but printable ASCII.
func quoteBytes(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7F:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

const leafBits, midBits = 6, 6

// writeTrie emits a three-level trie for vals (one uint16 per code point):
// <name>Top (4,096 code points per entry) -> <name>Mid (64 per entry) ->
// <name>Leaf (one per code point), with identical blocks shared.
func (g *gen) writeTrie(name, target string, vals []uint16) {
	var leaves [][]uint16
	leafIdx := map[string]int{}
	var mids [][]uint16
	midIdx := map[string]int{}
	var top []int
	key16 := func(v []uint16) string {
		b := make([]byte, 2*len(v))
		for i, x := range v {
			b[2*i], b[2*i+1] = byte(x), byte(x>>8)
		}
		return string(b)
	}
	for hi := 0; hi <= maxRune; hi += 1 << (leafBits + midBits) {
		mid := make([]uint16, 1<<midBits)
		for m := 0; m < 1<<midBits; m++ {
			base := hi + m<<leafBits
			leaf := vals[base : base+1<<leafBits]
			k := key16(leaf)
			id, ok := leafIdx[k]
			if !ok {
				id = len(leaves)
				leafIdx[k] = id
				leaves = append(leaves, leaf)
			}
			mid[m] = uint16(id)
		}
		k := key16(mid)
		id, ok := midIdx[k]
		if !ok {
			id = len(mids)
			midIdx[k] = id
			mids = append(mids, mid)
		}
		top = append(top, id)
	}
	if len(mids) > 256 {
		log.Fatalf("%s: too many trie mid blocks for a uint8 index", name)
	}
	if len(leaves) > 1<<16 {
		log.Fatalf("%s: too many trie leaf blocks for a uint16 index", name)
	}
	g.p("// %sTop, %sMid and %sLeaf map a code point r to its index in %s:\n", name, name, name, target)
	g.p("// %sLeaf[%sMid[%sTop[r>>12]<<6|r>>6&63]<<6|r&63].\n", name, name, name)
	g.p("var %sTop = [%d]uint8{", name, len(top))
	for i, v := range top {
		if i%24 == 0 {
			g.p("\n")
		}
		g.p("%d,", v)
	}
	g.p("\n}\n\n")
	writeU16 := func(name string, blocks [][]uint16) {
		g.p("var %s = [%d]uint16{\n", name, len(blocks)<<6)
		for i, b := range blocks {
			g.p("// block %d\n", i)
			for j, v := range b {
				g.p("%#x,", v)
				if j%16 == 15 {
					g.p("\n")
				}
			}
		}
		g.p("}\n\n")
	}
	writeU16(name+"Mid", mids)
	writeU16(name+"Leaf", leaves)
}
