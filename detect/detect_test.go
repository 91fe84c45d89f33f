package detect

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plainsight/plainsight/report"
)

func scanString(t testing.TB, s string, opts Options) *report.Report {
	t.Helper()
	rep, err := Scan(strings.NewReader(s), opts)
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return rep
}

func cleanString(t testing.TB, s string, opts Options) (string, []report.Edit, *report.Report) {
	t.Helper()
	var out bytes.Buffer
	var edits []report.Edit
	rep, err := Clean(&out, strings.NewReader(s), opts, func(e report.Edit) error {
		edits = append(edits, e)
		return nil
	})
	if err != nil {
		t.Fatalf("Clean: %v", err)
	}
	return out.String(), edits, rep
}

// Legitimate multilingual text must produce nothing above info and come
// back from restoration byte for byte.
func TestLegitimateText(t *testing.T) {
	files, err := filepath.Glob("testdata/legit/*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("legitimate fixtures missing: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rep := scanString(t, string(data), Options{})
			for _, fd := range rep.Findings {
				if fd.Severity > report.Info {
					t.Errorf("%s at %s: %s %q: %s", fd.Severity, fd.Start, fd.Kind, fd.Text, fd.Message)
				}
			}
			if rep.Suspicious || rep.Summary.Verdict != report.Clean {
				t.Errorf("verdict %s, suspicious %v", rep.Summary.Verdict, rep.Suspicious)
			}
			out, edits, _ := cleanString(t, string(data), Options{})
			if out != string(data) || len(edits) != 0 {
				t.Errorf("restoration changed legitimate text (%d edits): %v", len(edits), edits)
			}
		})
	}
}

// The example article: from line 13 on every 'a' is U+0430.
func TestDisguisedArticle(t *testing.T) {
	in, err := os.ReadFile("../testdata/examples/harbour-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../testdata/examples/harbour-article.clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	rep := scanString(t, string(in), Options{})
	n := 0
	for _, f := range rep.Findings {
		if f.Text != "\u0430" || f.Replacement == nil || *f.Replacement != "a" || f.Severity != report.Error {
			t.Errorf("unexpected finding %s %q → %v at %s", f.Kind, f.Text, f.Replacement, f.Start)
			continue
		}
		if f.Start.Line < 13 {
			t.Errorf("finding on line %d, before the disguise starts", f.Start.Line)
		}
		n++
	}
	if n != 99 {
		t.Errorf("%d findings, want one per disguised letter (99)", n)
	}
	wantPattern := `from line 13 on, every "a" is U+0430 CYRILLIC SMALL LETTER A (99 of 99); lines 1–12 are clean`
	if len(rep.Summary.Patterns) == 0 || rep.Summary.Patterns[0] != wantPattern {
		t.Errorf("patterns %q, want first %q", rep.Summary.Patterns, wantPattern)
	}
	if rep.Summary.Verdict != report.Disguised || !rep.Suspicious {
		t.Errorf("verdict %s", rep.Summary.Verdict)
	}
	out, edits, _ := cleanString(t, string(in), Options{})
	if out != string(want) {
		t.Errorf("restored text differs from the original article")
	}
	if len(edits) != 99 {
		t.Errorf("%d edits, want 99", len(edits))
	}
}

type wantFinding struct {
	kind report.Kind
	text string // the disguised text
	repl string // "-" for no replacement
}

// detectorCase is one input with the findings above info it must give and
// the text restoration must give back.
type detectorCase struct {
	name     string
	in       string
	want     []wantFinding
	restored string // "" means: same as in
	opts     Options
}

func TestDetectors(t *testing.T) {
	cases := []detectorCase{
		{"cyrillic a in a word", "The Belаrus army.", []wantFinding{{report.LookalikeInWord, "а", "a"}}, "The Belarus army.", Options{}},
		{"lone cyrillic a between english words", "This is а test of the system.", []wantFinding{{report.LookalikeWord, "а", "a"}}, "This is a test of the system.", Options{}},
		{"whole cyrillic word among english", "Check the ѕсоре of the project now.", []wantFinding{{report.LookalikeWord, "ѕ", "s"}, {report.LookalikeWord, "с", "c"}, {report.LookalikeWord, "о", "o"}, {report.LookalikeWord, "р", "p"}, {report.LookalikeWord, "е", "e"}}, "Check the scope of the project now.", Options{}},
		{"case kept", "ВАNК of Аmerica", []wantFinding{{report.LookalikeInWord, "В", "B"}, {report.LookalikeInWord, "А", "A"}, {report.LookalikeInWord, "К", "K"}, {report.LookalikeInWord, "А", "A"}}, "BANK of America", Options{}},
		{"russian a stays", "Я не знаю, а ты знаешь?", nil, "", Options{}},
		{"latin letter in ukrainian word", "Команда зменшує розмiр файлів.", []wantFinding{{report.LookalikeInWord, "i", "і"}}, "Команда зменшує розмір файлів.", Options{}},
		{"math bold", "𝐇𝐞𝐥𝐥𝐨 world", []wantFinding{{report.FancyLetter, "𝐇", "H"}, {report.FancyLetter, "𝐞", "e"}, {report.FancyLetter, "𝐥", "l"}, {report.FancyLetter, "𝐥", "l"}, {report.FancyLetter, "𝐨", "o"}}, "Hello world", Options{}},
		{"fullwidth outside CJK", "Ｈｉ， there", []wantFinding{{report.FancyLetter, "Ｈ", "H"}, {report.FancyLetter, "ｉ", "i"}, {report.FancyLetter, "，", ","}}, "Hi, there", Options{}},
		{"small capitals", "ᴀᴄᴄᴇᴘᴛᴇᴅ now", []wantFinding{{report.FancyLetter, "ᴀ", "a"}, {report.FancyLetter, "ᴄ", "c"}, {report.FancyLetter, "ᴄ", "c"}, {report.FancyLetter, "ᴇ", "e"}, {report.FancyLetter, "ᴘ", "p"}, {report.FancyLetter, "ᴛ", "t"}, {report.FancyLetter, "ᴇ", "e"}, {report.FancyLetter, "ᴅ", "d"}}, "accepted now", Options{}},
		{"zero width space in word", "pass\u200bword", []wantFinding{{report.Invisible, "\u200b", ""}}, "password", Options{}},
		{"word joiner", "ad\u2060min", []wantFinding{{report.Invisible, "\u2060", ""}}, "admin", Options{}},
		{"zwnj in latin", "se\u200ccret", []wantFinding{{report.Invisible, "\u200c", ""}}, "secret", Options{}},
		{"zwnj in persian", "می\u200cخواهم", nil, "", Options{}},
		{"emoji zwj", "👩\u200d💻 coder", nil, "", Options{}},
		{"trojan source", "access = \"user\u202e \u2066// admin\u2069\u2066\"\n", []wantFinding{{report.Bidi, "\u202e", ""}, {report.Bidi, "\u2066", ""}, {report.Bidi, "\u2069", ""}, {report.Bidi, "\u2066", ""}}, "access = \"user // admin\"\n", Options{}},
		{"balanced isolate around english", "I \u2067thought\u2069 so.\n", []wantFinding{{report.Bidi, "\u2067", ""}, {report.Bidi, "\u2069", ""}}, "I thought so.\n", Options{}},
		{"tag payload", "Hello\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065", []wantFinding{{report.HiddenPayload, "\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065", ""}}, "Hello", Options{}},
		{"variation selector payload", "Hi\U000E0151\U000E0159\U000E0110", []wantFinding{{report.HiddenPayload, "\U000E0151\U000E0159\U000E0110", ""}}, "Hi", Options{}},
		{"zalgo", "he\u0301\u0302\u0303\u0304llo", []wantFinding{{report.CombiningMarks, "\u0301\u0302\u0303\u0304", ""}}, "hello", Options{}},
		{"unusual space", "one\u2003two", []wantFinding{{report.UnusualSpace, "\u2003", " "}}, "one two", Options{}},
		{"unusual space kept on request", "one\u2003two", []wantFinding{{report.UnusualSpace, "\u2003", "-"}}, "", Options{KeepSpaces: true}},
		{"nbsp is typography", "10\u00a0km and M.\u00a0Dupont", nil, "", Options{}},
		{"control character", "back\x08here", []wantFinding{{report.ControlChar, "\x08", "-"}}, "", Options{}},
		{"private use", "icon \ue000 here", []wantFinding{{report.PrivateUse, "\ue000", "-"}}, "", Options{}},
		{"unassigned", "x \U0003FFFD y", []wantFinding{{report.Unassigned, "\U0003FFFD", "-"}}, "", Options{}},
		{"invalid utf-8 kept", "ab\xffcd", []wantFinding{{report.InvalidUTF8, "\xff", "-"}}, "", Options{}},
		{"invalid utf-8 replaced", "ab\xffcd", []wantFinding{{report.InvalidUTF8, "\xff", "\ufffd"}}, "ab\ufffdcd", Options{ReplaceInvalid: true}},
		{"digits of two systems in one number", "price 1٢3 dollars", []wantFinding{{report.MixedDigits, "٢", "2"}}, "price 123 dollars", Options{}},
		{"arabic-indic number", "العدد ١٢٣ حالة", nil, "", Options{}},
		{"compatibility characters stay", "½ cup, ™ and ﬁne", nil, "", Options{}},
		{"compatibility characters folded on request", "½ cup and ﬁne", nil, "1⁄2 cup and fine", Options{FoldCompatibility: true}},
		{"fullwidth digits in english", "NET-２ release", []wantFinding{{report.MixedDigits, "２", "2"}}, "NET-2 release", Options{}},
		{"kinds filter", "pass\u200bword Belаrus", []wantFinding{{report.Invisible, "\u200b", ""}}, "password Belаrus", Options{Kinds: []report.Kind{report.Invisible}}},
		{"allowed character", "pass\u200bword", nil, "", Options{Allow: "\u200b"}},
		{"min severity", "one\u2003two Belаrus", []wantFinding{{report.LookalikeInWord, "а", "a"}}, "one\u2003two Belarus", Options{MinSeverity: report.Error}},
		{"code mode bidi in string", "s := \"\u2067abc\u2069\"\n", []wantFinding{{report.Bidi, "\u2067", ""}, {report.Bidi, "\u2069", ""}}, "s := \"abc\"\n", Options{Mode: Code}},
		{"mixed script identifier", "return valuе\n", []wantFinding{{report.LookalikeInWord, "е", "e"}}, "return value\n", Options{Mode: Code}},
		{"confusable identifiers", "value := 1\nreturn valuе\n", []wantFinding{{report.LookalikeInWord, "е", "e"}, {report.ConfusableIdentifier, "valuе", "-"}}, "value := 1\nreturn value\n", Options{Mode: Code}},
		{"russian comment beside english code", "x := count // счётчик а также\n", nil, "", Options{Mode: Code}},
	}
	checkCases(t, cases)
}

// checkCases scans and restores every case and compares the findings above
// info, the restored text and the change log.
func checkCases(t *testing.T, cases []detectorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := scanString(t, c.in, c.opts)
			var got []wantFinding
			for _, f := range rep.Findings {
				if f.Severity == report.Info {
					continue
				}
				r := "-"
				if f.Replacement != nil {
					r = *f.Replacement
				}
				got = append(got, wantFinding{f.Kind, f.Text, r})
				if f.Message == "" || f.End.Offset <= f.Start.Offset || c.in[f.Start.Offset:f.End.Offset] != f.Text {
					t.Errorf("malformed finding %+v", f)
				}
			}
			want := c.want
			if !equalFindings(got, want) {
				t.Errorf("findings\n got %q\nwant %q", got, want)
			}
			restored := c.restored
			if restored == "" {
				restored = c.in
			}
			out, edits, _ := cleanString(t, c.in, c.opts)
			if out != restored {
				t.Errorf("restored %q, want %q", out, restored)
			}
			checkEdits(t, c.in, out, edits)
		})
	}
}

func equalFindings(a, b []wantFinding) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(w wantFinding) string { return string(w.kind) + "\x00" + w.text + "\x00" + w.repl }
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ka[i], kb[i] = key(a[i]), key(b[i])
	}
	sort.Strings(ka)
	sort.Strings(kb)
	for i := range ka {
		if ka[i] != kb[i] {
			return false
		}
	}
	return true
}

// checkEdits verifies the change log against input and output.
func checkEdits(t testing.TB, in, out string, edits []report.Edit) {
	t.Helper()
	if err := report.CheckEdits(edits, int64(len(in))); err != nil {
		t.Fatalf("change log: %v", err)
	}
	applied, err := report.ApplyEdits([]byte(in), edits)
	if err != nil || string(applied) != out {
		t.Fatalf("applying the log to the input gives %q (%v), restoration gave %q", applied, err, out)
	}
	reverted, err := report.RevertEdits([]byte(out), edits)
	if err != nil || string(reverted) != in {
		t.Fatalf("reverting the log gives %q (%v), want the input %q", reverted, err, in)
	}
}

// oneByteReader returns one byte per Read, the worst case for a streaming
// reader.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

// A long input crosses many blocks; findings must not depend on how the
// reader delivers it, and every position must point at the right bytes.
func TestStreamingAcrossBlocks(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 5*blockMax; i++ {
		switch i % 7 {
		case 0:
			b.WriteString("The Belаrus army moved west again today.\n")
		case 3:
			b.WriteString("pass\u200bword and \u2067x\u2069 here\n")
		default:
			b.WriteString("Plain English prose with nothing hidden in it at all.\n")
		}
	}
	in := b.String()
	whole := scanString(t, in, Options{MaxFindings: -1})
	slow, err := Scan(oneByteReader{strings.NewReader(in)}, Options{MaxFindings: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Findings) != len(slow.Findings) || len(whole.Findings) == 0 {
		t.Fatalf("%d findings in one read, %d byte by byte", len(whole.Findings), len(slow.Findings))
	}
	lines := strings.SplitAfter(in, "\n")
	for i, f := range whole.Findings {
		g := slow.Findings[i]
		if f.Start != g.Start || f.Kind != g.Kind {
			t.Fatalf("finding %d differs: %v %s vs %v %s", i, f.Start, f.Kind, g.Start, g.Kind)
		}
		if in[f.Start.Offset:f.End.Offset] != f.Text {
			t.Fatalf("finding %d text %q does not match the input at its offset", i, f.Text)
		}
		line := lines[f.Start.Line-1]
		col := []rune(line)
		if f.Start.Column < 1 || f.Start.Column > len(col) || !strings.HasPrefix(string(col[f.Start.Column-1:]), f.Text) {
			t.Fatalf("finding %d at %s does not point at %q in line %q", i, f.Start, f.Text, line)
		}
	}
	if whole.Summary.Lines != len(lines)-1 && whole.Summary.Lines != len(lines) {
		t.Errorf("summary counts %d lines, input has %d", whole.Summary.Lines, len(lines))
	}
}

func TestMaxFindings(t *testing.T) {
	in := strings.Repeat("pass\u200bword ", 50)
	rep := scanString(t, in, Options{MaxFindings: 10})
	if len(rep.Findings) != 10 || rep.Summary.Dropped != 40 || rep.Summary.Findings != 50 {
		t.Errorf("stored %d, dropped %d, counted %d; want 10, 40, 50", len(rep.Findings), rep.Summary.Dropped, rep.Summary.Findings)
	}
}

// Findings below the minimum severity are left out of the summary too.
func TestMinSeveritySummary(t *testing.T) {
	rep := scanString(t, "one\u2003two Belаrus", Options{MinSeverity: report.Error})
	if rep.Summary.Findings != 1 || rep.Summary.Counts[report.UnusualSpace] != 0 || rep.Summary.Severity[report.Warning] != 0 {
		t.Errorf("summary counts findings below the minimum: %+v", rep.Summary)
	}
}

func TestEmptyAndBinaryInput(t *testing.T) {
	rep := scanString(t, "", Options{})
	if rep.Suspicious || len(rep.Findings) != 0 || rep.Summary.Bytes != 0 {
		t.Errorf("empty input: %+v", rep.Summary)
	}
	bin := "\x00\x01\x02\xff\xfe binary \x00"
	rep = scanString(t, bin, Options{})
	if !rep.Suspicious {
		t.Errorf("binary input not reported")
	}
	out, edits, _ := cleanString(t, bin, Options{})
	if out != bin || len(edits) != 0 {
		t.Errorf("clean changed bytes it cannot justify: %q (%d edits)", out, len(edits))
	}
}

// A reader that fails is an error that says where, not a panic or a
// silent truncation.
type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, io.ErrUnexpectedEOF
	}
	k := copy(p, bytes.Repeat([]byte("abc\n"), len(p)/4+1)[:min(len(p), f.n)])
	f.n -= k
	return k, nil
}

func TestReadError(t *testing.T) {
	_, err := Scan(&failingReader{n: 100000}, Options{})
	if err == nil || !strings.Contains(err.Error(), "reading input at byte") {
		t.Fatalf("err = %v, want a read error with its offset", err)
	}
}

func TestSummaryPatterns(t *testing.T) {
	in := "Hello\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065 there\n"
	rep := scanString(t, in, Options{})
	if len(rep.Summary.Patterns) == 0 || !strings.Contains(rep.Summary.Patterns[0], `hidden text in tag characters at line 1: "ignore"`) {
		t.Errorf("patterns %q", rep.Summary.Patterns)
	}
}

// A literal U+FFFD is the trace of an earlier decoding error: noted, never
// an alarm, never replaced. Invalid bytes stay a warning.
func TestReplacementCharacter(t *testing.T) {
	rep := scanString(t, "le fichier \ufffdtait vide\n", Options{})
	if len(rep.Findings) != 1 || rep.Findings[0].Severity != report.Info || rep.Findings[0].Kind != report.InvalidUTF8 || rep.Findings[0].Replacement != nil {
		t.Errorf("U+FFFD: %+v", rep.Findings)
	}
	if rep.Suspicious {
		t.Errorf("U+FFFD makes the text suspicious")
	}
	rep = scanString(t, "le fichier \xc3tait vide\n", Options{})
	if len(rep.Findings) != 1 || rep.Findings[0].Severity != report.Warning || rep.Findings[0].Kind != report.InvalidUTF8 {
		t.Errorf("invalid byte: %+v", rep.Findings)
	}
	rep = scanString(t, "x \U0003FFFD y", Options{})
	if len(rep.Findings) != 1 || rep.Findings[0].Severity != report.Warning || rep.Findings[0].Kind != report.Unassigned {
		t.Errorf("unassigned code point: %+v", rep.Findings)
	}
}

// Controls that a display ignores are noted; those that rewrite what a
// terminal shows are warnings, an escape sequence as one finding.
func TestControlCharacters(t *testing.T) {
	cases := []struct {
		in, text string
		sev      report.Severity
	}{
		{"Affichage \x07 terminé", "\x07", report.Info},
		{"pubkey\x1fsecret key\x1fuser ID", "\x1f", report.Info},
		{"rec\x1eord", "\x1e", report.Info},
		{"admin\x08\x08\x08\x08\x08guest", "\x08", report.Warning},
		{"ok \x1b[2K\x1b[1Agranted", "\x1b[2K", report.Warning},
		{"ok \x1b alone", "\x1b", report.Warning},
		{"csi \u009b2J here", "\u009b", report.Warning},
		{"nul\x00here", "\x00", report.Warning},
		{"shift\x0eout", "\x0e", report.Warning},
	}
	for _, c := range cases {
		rep := scanString(t, c.in, Options{})
		if len(rep.Findings) == 0 {
			t.Errorf("%q: no finding", c.in)
			continue
		}
		f := rep.Findings[0]
		if f.Kind != report.ControlChar || f.Text != c.text || f.Severity != c.sev {
			t.Errorf("%q: %s %s %q, want %s %q", c.in, f.Kind, f.Severity, f.Text, c.sev, c.text)
		}
		if f.Replacement != nil {
			t.Errorf("%q: control characters are kept, got a replacement", c.in)
		}
	}
}

// Thin, hair and narrow no-break spaces in typographic positions are
// legitimate; between words of running text they are the disguise, and in
// a text where they replace ordinary spaces the typographic-looking ones
// are restored with the rest.
func TestUnusualSpaces(t *testing.T) {
	cases := []struct {
		in, restored string
		flagged      int
	}{
		{"Prix\u202f: 50\u202f% — «\u202foui\u202f» ; 1\u2009000\u2009000 km", "", 0},
		{"%lu\u200a×\u200a%lu pixels, %d\u200a%% done, %zu\u2009B free", "", 0},
		{"The\u202fjudge accepted our recommendation.", "The judge accepted our recommendation.", 1},
		{"The judge\u2009accepted our\u200arecommendation.", "The judge accepted our recommendation.", 2},
		{"one\u2000two", "one two", 1},
		{"one\u3000two", "one two", 1},
		{"one\u2007two", "one two", 1},
		// CJK text has no use for thin spaces between words either, only
		// where typography puts them.
		{"입력 숫자 변환에\u200a실패했습니다", "입력 숫자 변환에 실패했습니다", 1},
		{"正在处理任务 %d\u200a%%", "", 0},
		// Every space replaced: those next to numbers and dashes go too.
		{"Posts:\u2009166 and\u2003the\u200ajudge took\u202f10\u2009km\u2005—\u200aok", "Posts: 166 and the judge took 10 km — ok", 7},
	}
	for _, c := range cases {
		rep := scanString(t, c.in, Options{})
		n := 0
		for _, f := range rep.Findings {
			if f.Severity > report.Info {
				if f.Kind != report.UnusualSpace {
					t.Errorf("%q: unexpected %s %q", c.in, f.Kind, f.Text)
				}
				n++
			}
		}
		if n != c.flagged {
			t.Errorf("%q: %d unusual spaces flagged, want %d", c.in, n, c.flagged)
		}
		want := c.restored
		if want == "" {
			want = c.in
		}
		if out, edits, _ := cleanString(t, c.in, Options{}); out != want {
			t.Errorf("%q restored as %q, want %q", c.in, out, want)
		} else {
			checkEdits(t, c.in, out, edits)
		}
	}
}

// Left-to-right isolates around text without right-to-left letters change
// nothing in the display: in right-to-left documents they are how
// translators shield placeholders. Elsewhere they split words (the
// wrap-words disguise); overrides, right-to-left controls around words,
// and controls left open reorder.
func TestBidiBalancedIsolates(t *testing.T) {
	cases := []struct {
		in  string
		sev report.Severity // the highest severity expected
	}{
		// In a right-to-left document, left-to-right isolates and
		// embeddings on a line of their own shield it from the text
		// around.
		{"ساعت\n\u2066%OH:%OM:%OS\u2069\n", report.Info},
		{"ساعت\n\u2068%s\u2069 items\n", report.Info},
		{"ساعت\nvalue \u202aabc\u202c here\n", report.Info},
		{"ساعت\nI \u2066thought\u2069 so.\n", report.Info},
		// Without right-to-left text they only split the words they wrap.
		{"I \u2066thought\u2069 so.\n", report.Warning},
		{"I \u2068thought\u2069 so.\n", report.Warning},
		{"value \u202aabc\u202c here\n", report.Warning},
		{"I \u2067thought about it\u2069 so.\n", report.Warning},
		{"I \u202dthought about it\u202c so.\n", report.Warning},
		{"I \u2066thought so.\n", report.Error},
		{"access = \"user\u202e \u2066// admin\u2069\"\n", report.Error},
		{"if x \u2067\u2066then\u2069\u2069 y\n", report.Warning},
		// A format string embedded right-to-left in a Pashto catalogue
		// holds no word; English words embedded so are still reordered.
		{"دوتنه غونډال ولۍ\n\u202b%I:%M:%S %p\u202c\n", report.Info},
		{"دوتنه غونډال ولۍ\n\u202bcopy the file to\u202c\n", report.Warning},
	}
	for _, c := range cases {
		rep := scanString(t, c.in, Options{})
		var top report.Severity
		for _, f := range rep.Findings {
			if f.Kind == report.Bidi && f.Severity > top {
				top = f.Severity
			}
		}
		if top != c.sev {
			t.Errorf("%q: highest bidi finding %v, want %v", c.in, top, c.sev)
		}
		if c.sev == report.Info {
			if out, _, _ := cleanString(t, c.in, Options{}); out != c.in {
				t.Errorf("%q restored as %q", c.in, out)
			}
		}
	}
}

// Fullwidth punctuation outside CJK text disguises no letter on its own;
// next to fullwidth letters it is part of a styled run and restored.
func TestFullwidthPunctuation(t *testing.T) {
	cases := []struct {
		in, restored string
		sev          report.Severity
	}{
		{"رەسىم ھۆججىتى تېپىلمىدى：“%s”", "", report.Info},
		{"Done！ Now what？", "", report.Info},
		{"of ｔｒｕｔｈ．\nDays after", "of truth.\nDays after", report.Warning},
		{"ｗｏｒｄ － ｗｏｒｄ", "word - word", report.Warning},
		{"set （ａｌｓｏ known", "set (also known", report.Warning},
	}
	for _, c := range cases {
		rep := scanString(t, c.in, Options{})
		var top report.Severity
		for _, f := range rep.Findings {
			if f.Severity > top {
				top = f.Severity
			}
		}
		if top != c.sev {
			t.Errorf("%q: highest severity %v, want %v", c.in, top, c.sev)
		}
		want := c.restored
		if want == "" {
			want = c.in
		}
		if out, _, _ := cleanString(t, c.in, Options{}); out != want {
			t.Errorf("%q restored as %q, want %q", c.in, out, want)
		}
	}
}

// Zalgo is stacking, or marks of many kinds sprinkled over most letters;
// a single accent, and marks of a letter's own script, are orthography.
func TestCombiningMarks(t *testing.T) {
	light := "Ma\u0365ybe the\u0317y c\u033bou\u034a\u0307ld sta\u0307rt a ca\u0331m\u0348\u0351pf\u0324\u033fi\u0314re\u0365\u0351 and all\u030f si\u0304t ar\u0352ound i\u0330\u030et"
	lightClean := "Maybe they could start a campfire and all sit around it"
	cases := []struct {
		name, in, restored string
		sev                report.Severity // highest severity of a combining-marks finding; 0 for none
	}{
		{"stress accent", "Ако и двата форма\u0300та са приложими.", "", 0},
		{"serbian accent", "Непознат ко\u0302д грешке.", "", 0},
		{"transliteration", "Aragac\u0323otn and Az\u0327 Z\u0327a‘āyin", "", 0},
		{"burmese cluster", "လျှော့ပါ", "", 0},
		{"mark with no letter", "text\n\u1031\u102c\u1000", "", report.Info},
		{"zalgo light", light, lightClean, report.Warning},
		{"zalgo light in russian text", "Стандарт A\u0317S\u036cC\u0353II включает I\u0329S\u0359O и IR\u035aV", "Стандарт ASCII включает ISO и IRV", report.Warning},
		{"zalgo heavy", "he\u0301\u0302\u0303\u0304llo", "hello", report.Error},
		{"two marks that do not compose", "a\u0317\u0353b", "ab", report.Warning},
		{"greek-only mark on a latin letter", "d\u0345one", "done", report.Warning},
		{"another script's vowel sign on a latin letter", "ca\u093ft", "cat", report.Warning},
		{"more marks than burmese stacks", "လ\u103b\u103e\u1031\u102c\u1037\u103a\u1036\u1032\u1032", "လ", report.Error},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := scanString(t, c.in, Options{})
			var top report.Severity
			for _, f := range rep.Findings {
				if f.Kind == report.CombiningMarks && f.Severity > top {
					top = f.Severity
				}
			}
			if top != c.sev {
				t.Errorf("highest combining-marks severity %v, want %v", top, c.sev)
			}
			want := c.restored
			if want == "" {
				want = c.in
			}
			out, edits, _ := cleanString(t, c.in, Options{})
			if out != want {
				t.Errorf("restored %q, want %q", out, want)
			}
			checkEdits(t, c.in, out, edits)
		})
	}
}
