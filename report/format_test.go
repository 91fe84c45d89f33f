package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Regenerate with: go test ./report -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is a hand-made report with one finding of several kinds, so that
// the writers are pinned independently of the scanning engine.
const sampleText = "The harbour authority met on Tuesday.\n" +
	"According to а drаft seen by locаl journalists,\n" +
	"Free\u200bmoney\U000E0049\U000E0047\U000E004E for every\u00a0one.\n" +
	"\tif x != \"user\u202e \u2066// admin\u2069 \u2066\" {\n"

func sample() *Report {
	line2 := strings.Index(sampleText, "According")
	line3 := strings.Index(sampleText, "Free")
	line4 := strings.Index(sampleText, "\tif")
	off := func(line int, s string) int64 {
		return int64(strings.Index(sampleText[line:], s) + line)
	}
	fs := []Finding{
		{
			Kind: LookalikeWord, Severity: Error, Confidence: 0.9,
			Start: Position{off(line2, "а "), 2, 14}, End: Position{off(line2, "а ") + 2, 2, 15},
			Text: "а", Replacement: Str("a"), Word: "а",
			Chars:   []Char{{Offset: off(line2, "а "), CodePoint: "U+0430", Char: "а", Name: "CYRILLIC SMALL LETTER A", Script: "Cyrillic", LooksLike: "a"}},
			Message: "The word \"а\" is Cyrillic but reads as the English \"a\".",
		},
		{
			Kind: LookalikeInWord, Severity: Error, Confidence: 0.97,
			Start: Position{off(line2, "аl"), 2, 34}, End: Position{off(line2, "аl") + 2, 2, 35},
			Text: "а", Replacement: Str("a"), Word: "locаl",
			Chars:   []Char{{Offset: off(line2, "аl"), CodePoint: "U+0430", Char: "а", Name: "CYRILLIC SMALL LETTER A", Script: "Cyrillic", LooksLike: "a"}},
			Message: "The Latin word \"locаl\" hides a Cyrillic а (U+0430) that looks like \"a\".",
		},
		{
			Kind: Invisible, Severity: Warning, Confidence: 0.8,
			Start: Position{off(line3, "\u200b"), 3, 5}, End: Position{off(line3, "\u200b") + 3, 3, 6},
			Text: "\u200b", Replacement: Str(""),
			Chars:   []Char{{Offset: off(line3, "\u200b"), CodePoint: "U+200B", Char: "\u200b", Name: "ZERO WIDTH SPACE", Script: "Common"}},
			Message: "An invisible ZERO WIDTH SPACE splits \"Freemoney\".",
		},
		{
			Kind: HiddenPayload, Severity: Error, Confidence: 1,
			Start: Position{off(line3, "\U000E0049"), 3, 11}, End: Position{off(line3, "\U000E0049") + 12, 3, 14},
			Text: "\U000E0049\U000E0047\U000E004E", Replacement: Str(""), Hidden: "IGN",
			Message: "Tag characters hide the text \"IGN\".",
		},
		{
			Kind: UnusualSpace, Severity: Info, Confidence: 0.5,
			Start: Position{off(line3, "\u00a0"), 3, 24}, End: Position{off(line3, "\u00a0") + 2, 3, 25},
			Text: "\u00a0", Replacement: Str(" "),
			Message: "A NO-BREAK SPACE stands between two words.",
		},
		{
			Kind: Bidi, Severity: Error, Confidence: 1,
			Start: Position{off(line4, "\u202e"), 4, 15}, End: Position{off(line4, "\u202e") + 3, 4, 16},
			Text: "\u202e", Replacement: Str(""), Context: "string",
			Message: "A RIGHT-TO-LEFT OVERRIDE reorders the rest of the line (Trojan Source).",
		},
	}
	return &Report{
		Suspicious: true,
		Source:     "docs/sample.txt",
		Mode:       "prose",
		Findings:   fs,
		Summary: Summary{
			Verdict: Disguised, Score: 88,
			Counts:   map[Kind]int{LookalikeWord: 1, LookalikeInWord: 1, Invisible: 1, HiddenPayload: 1, UnusualSpace: 1, Bidi: 1},
			Severity: map[Severity]int{Error: 4, Warning: 1, Info: 1},
			Patterns: []string{"from line 2 on, every 'a' is U+0430 CYRILLIC SMALL LETTER A (2 of 2)"},
			Bytes:    int64(len(sampleText)), Lines: 4, Findings: 6,
		},
	}
}

func sampleLine(n int) (string, bool) {
	lines := strings.Split(sampleText, "\n")
	if n < 1 || n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./report -update creates it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (go test ./report -update if intended)\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample(), TextOptions{Line: sampleLine}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sample.text.golden", b.Bytes())
	if strings.ContainsAny(b.String(), "\u200b\u202e\u2066\U000E0049") {
		t.Error("the text output carries invisible or bidi characters raw")
	}
	b.Reset()
	WriteText(&b, sample(), TextOptions{Line: sampleLine, Color: true})
	if !strings.Contains(b.String(), "\x1b[1;31m") {
		t.Error("no colour with Color set")
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sample.json.golden", b.Bytes())
	var back Report
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !back.Suspicious || len(back.Findings) != 6 || *back.Findings[1].Replacement != "a" {
		t.Errorf("round trip lost data: %+v", back)
	}
	// Empty reports give [] and {}, not null.
	b.Reset()
	WriteJSON(&b, &Report{Mode: "prose"})
	if strings.Contains(b.String(), "null") {
		t.Errorf("null in %s", b.String())
	}
}

func TestWriteJSONL(t *testing.T) {
	var b bytes.Buffer
	WriteJSONL(&b, sample())
	WriteJSONL(&b, &Report{Source: "clean.txt", Mode: "prose"})
	checkGolden(t, "sample.jsonl.golden", b.Bytes())
	if n := strings.Count(b.String(), "\n"); n != 2 {
		t.Errorf("%d lines, want 2", n)
	}
}

func TestBatchWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewBatchWriter(&b)
	w.Add(sample())
	w.Add(&Report{Source: "b.txt"})
	w.AddError("c.txt", os.ErrPermission)
	if err := w.Close(Totals{Files: 2, WithFindings: 1, Findings: 6, Errors: 1}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Suspicious bool              `json:"suspicious"`
		Reports    []json.RawMessage `json:"reports"`
		Errors     []FileError       `json:"errors"`
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !v.Suspicious || len(v.Reports) != 2 || len(v.Errors) != 1 {
		t.Errorf("%+v", v)
	}
}

func TestWriteSARIF(t *testing.T) {
	var b bytes.Buffer
	err := WriteSARIF(&b, []*Report{sample()}, SARIFOptions{ToolVersion: "test", Lines: func(_ string, n int) (string, bool) { return sampleLine(n) }})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "sample.sarif.golden", b.Bytes())
	validateSARIF(t, b.Bytes())
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					Physical struct {
						Region struct {
							ByteOffset  int64 `json:"byteOffset"`
							StartColumn int   `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	json.Unmarshal(b.Bytes(), &log)
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if len(run.Tool.Driver.Rules) != len(Kinds()) {
		t.Errorf("%d rules, want one per kind (%d)", len(run.Tool.Driver.Rules), len(Kinds()))
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
		}
	}
	if got := run.Results[1].Locations[0].Physical.Region.ByteOffset; got != sample().Findings[1].Start.Offset {
		t.Errorf("byteOffset %d", got)
	}
}

func validateSARIF(t *testing.T, doc []byte) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}
	// And a broken log must not validate, or the check proves nothing.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`))
	if sch.Validate(bad) == nil {
		t.Fatal("the schema accepts a driver without a name: the validator is not working")
	}
}

func TestVisible(t *testing.T) {
	cases := map[string]string{
		"a\u200bb":        "a⟨U+200B⟩b",
		"x\u202ey":        "x⟨U+202E⟩y",
		"caf\xe9":         "caf⟨0xE9⟩",
		"a\u00a0b":        "a⟨U+00A0⟩b",
		"line\n":          "line⟨LF⟩",
		"Привет":          "Привет",
		"e\u0301":         "e\u0301",
		"\U000E0041":      "⟨U+E0041⟩",
		"\ufe0f":          "⟨U+FE0F⟩",
		"ｈｅｌｌｏ 𝐇 日本":      "ｈｅｌｌｏ 𝐇 日本",
		"\u3164":          "⟨U+3164⟩",
		"tab\there":       "tab⟨TAB⟩here",
		"\x00\x1b[31mred": "⟨U+0000⟩⟨U+001B⟩[31mred",
	}
	for in, want := range cases {
		if got := Visible(in, false); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkLine(t *testing.T) {
	src, marks := markLine("ab\u200bcd", 3, 4, 40)
	if src != "ab⟨U+200B⟩cd" || marks != "  ^^^^^^^^" {
		t.Errorf("got %q / %q", src, marks)
	}
	// Wide characters take two columns.
	src, marks = markLine("日本x", 3, 4, 40)
	if marks != "    ^" {
		t.Errorf("wide: %q / %q", src, marks)
	}
	// Long lines are cut around the finding.
	long := strings.Repeat("a", 200) + "Б" + strings.Repeat("b", 200)
	src, marks = markLine(long, 201, 202, 10)
	if !strings.HasPrefix(src, "…") || !strings.HasSuffix(src, "…") || len([]rune(src)) != 23 || strings.Index(marks, "^") != 11 {
		t.Errorf("cut: %q / %q", src, marks)
	}
}
