package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plainsight/plainsight/report"
)

const good = `# plainsight configuration
scripts = ["Latin", "Cyrillic"]   # expected
allow = "€£"
skip-kinds = ["unusual-space"]
min-severity = "info"
fail-on = "error"
exclude = [
  "vendor/",   # third-party code
  "*.min.js",
]

[severity]
invisible = "error"

[[paths]]
glob = "docs/ru/**"
mode = "prose"
scripts = ["Cyrillic"]

[paths.severity]
mixed-digits = "info"

[[paths]]
glob = ["src/**", "*.go"]
mode = "code"
skip-kinds = ["fancy-letter"]
`

func TestParse(t *testing.T) {
	c, err := Parse("/repo/.plainsight.toml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != report.Error || c.MinSeverity != report.Info {
		t.Errorf("severities: %+v", c)
	}
	if len(c.Exclude) != 2 || !c.Excluded("vendor/x/y.go") || !c.Excluded("web/app.min.js") || c.Excluded("web/app.js") {
		t.Errorf("exclude: %v", c.Exclude)
	}
	s := c.For("docs/ru/index.md")
	if s.Mode != "prose" || len(s.Scripts) != 1 || s.Scripts[0] != "Cyrillic" {
		t.Errorf("docs/ru: %+v", s)
	}
	if s.Severity[report.MixedDigits] != report.Info || s.Severity[report.Invisible] != report.Error {
		t.Errorf("docs/ru severities: %v", s.Severity)
	}
	s = c.For("src/main.go")
	if s.Mode != "code" || len(s.SkipKinds) != 2 || s.Allow != "€£" {
		t.Errorf("src: %+v", s)
	}
	s = c.For("README.md")
	if s.Mode != "" || len(s.Scripts) != 2 || len(s.SkipKinds) != 1 {
		t.Errorf("top level: %+v", s)
	}
	// For does not let one path's settings leak into the base.
	if c.Base.Severity[report.MixedDigits] != 0 {
		t.Error("a path rule changed the base settings")
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"scripts = [\"Latin\"\n", ":1: array is not closed"},
		{"\n\nmode = \"poetry\"", ":3: mode \"poetry\""},
		{"colour = \"red\"", ":1: unknown key \"colour\""},
		{"scripts = Latin", ":1: bad value \"Latin\""},
		{"[paths]\nglob = \"x\"", ":1: [paths] must be written [[paths]]"},
		{"[[paths]]\nmode = \"code\"", ":1: [[paths]] needs glob"},
		{"skip-kinds = [\"nope\"]", `:1: skip-kinds: unknown finding kind "nope"`},
		{"fail-on = \"fatal\"", ":1: fail-on: unknown severity"},
		{"[severity]\ninvisble = \"info\"", `:2: unknown finding kind "invisble"`},
		{"allow = \"x\"\nallow = \"y\"", `:2: key "allow" is set twice`},
		{"allow = \"unterminated", ":1: string"},
		{"[table\n", ":1: table header"},
		{"just words", ":1: expected key = value"},
		{"x = {a = 1}", ":1: inline tables are not supported"},
		{"\xff = 1", ":1: the file is not valid UTF-8"},
		{"[whatever]\n", ":1: unknown table [whatever]"},
		{"scripts = [1, 2]", ":1: scripts entries must be a string"},
	}
	for _, c := range cases {
		_, err := Parse("cfg.toml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "cfg.toml:") {
			t.Errorf("Parse(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	os.MkdirAll(filepath.Join(root, "a", "b"), 0o755)
	if got := Find(filepath.Join(root, "a", "b")); got != "" {
		t.Errorf("found %q where there is none", got)
	}
	os.WriteFile(filepath.Join(root, FileName), []byte("allow = \"x\"\n"), 0o644)
	if got := Find(filepath.Join(root, "a", "b")); got != filepath.Join(root, FileName) {
		t.Errorf("Find = %q", got)
	}
}

func TestBaseline(t *testing.T) {
	var b bytes.Buffer
	entries := []BaselineEntry{{Key: "k2", Path: "b", Line: 1}, {Key: "k1", Path: "a", Line: 3}, {Key: "k1", Path: "a", Line: 9}}
	if err := WriteBaseline(&b, entries); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "base.json")
	os.WriteFile(file, b.Bytes(), 0o644)
	bl, err := LoadBaseline(file)
	if err != nil {
		t.Fatal(err)
	}
	// k1 was recorded twice: it accepts two findings, not three.
	if !bl.Accept("k1") || !bl.Accept("k1") || bl.Accept("k1") || !bl.Accept("k2") || bl.Accept("k3") {
		t.Error("Accept does not count entries")
	}
	os.WriteFile(file, []byte(`{"version": 7}`), 0o644)
	if _, err := LoadBaseline(file); err == nil || !strings.Contains(err.Error(), "version 7") {
		t.Errorf("bad version: %v", err)
	}
}
