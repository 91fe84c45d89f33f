package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Regenerate the golden files with: go test ./cmd/plainsight -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestMain(m *testing.M) {
	versionOverride = "test"
	os.Exit(m.Run())
}

// runCLI runs the command in-process and returns its output and exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/plainsight -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run with -update if the change is intended)\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

func fixture(name string) string { return filepath.Join("testdata", "fixtures", name) }

func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"article.text", "", []string{"scan", "--color", "never", fixture("article.txt")}},
		{"article.json", "", []string{"scan", "--format", "json", fixture("article.txt")}},
		{"article.jsonl", "", []string{"scan", "--format", "jsonl", fixture("article.txt")}},
		{"article.sarif", "", []string{"scan", "--format", "sarif", fixture("article.txt")}},
		{"spam.text", "", []string{"scan", "--color", "never", fixture("spam.txt")}},
		{"spam.json", "", []string{"scan", "--format", "json", fixture("spam.txt")}},
		{"trojan.text", "", []string{"scan", "--color", "never", fixture("trojan.js")}},
		{"trojan.sarif", "", []string{"scan", "--format", "sarif", fixture("trojan.js")}},
		{"dir.text", "", []string{"scan", "--color", "never", "-j", "2", filepath.Join("testdata", "fixtures")}},
		{"dir.json", "", []string{"scan", "--format", "json", filepath.Join("testdata", "fixtures")}},
		{"dir.jsonl", "", []string{"scan", "--format", "jsonl", filepath.Join("testdata", "fixtures")}},
		{"dir.sarif", "", []string{"scan", "--format", "sarif", filepath.Join("testdata", "fixtures")}},
		{"posts.scan.jsonl", "", []string{"scan", "--jsonl", "--field", "text", fixture("posts.jsonl")}},
		{"posts.clean.jsonl", "", []string{"clean", "--jsonl", "--field", "text", "--out-field", "restored", fixture("posts.jsonl")}},
		{"article.clean", "", []string{"clean", fixture("article.txt")}},
		{"article.diff", "", []string{"clean", "--diff", "--color", "never", fixture("article.txt")}},
		{"spam.diff", "", []string{"clean", "--diff", "--color", "never", fixture("spam.txt")}},
		{"inspect.table", "", []string{"inspect", "--color", "never", "Bеl\u200bа 𝐇"}},
		{"inspect.json", "", []string{"inspect", "--format", "json", "pа\u202ey"}},
		{"stdin.json", "Belаrus is next to Poland.\n", []string{"scan", "--format", "json", "-"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, c.stdin, c.args...)
			if code == exitError {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, c.name, out)
			switch {
			case strings.HasSuffix(c.name, ".json"):
				var v map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil && !strings.HasPrefix(c.name, "inspect") {
					t.Fatalf("not one JSON object: %v", err)
				}
				if !strings.HasPrefix(c.name, "inspect") {
					if _, ok := v["suspicious"].(bool); !ok {
						t.Errorf("no top-level boolean \"suspicious\" in %s", out)
					}
				}
			case strings.HasSuffix(c.name, ".jsonl"):
				for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
					var v map[string]any
					if err := json.Unmarshal([]byte(line), &v); err != nil {
						t.Fatalf("line %d is not a JSON object: %v", i+1, err)
					}
				}
			case strings.HasSuffix(c.name, ".sarif"):
				validateSARIF(t, out)
			}
		})
	}
}

var sarifSchema *jsonschema.Schema

func validateSARIF(t *testing.T, doc string) {
	t.Helper()
	if sarifSchema == nil {
		c := jsonschema.NewCompiler()
		f, err := os.Open(filepath.Join("..", "..", "report", "testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		schema, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("sarif.json", schema); err != nil {
			t.Fatal(err)
		}
		sarifSchema, err = c.Compile("sarif.json")
		if err != nil {
			t.Fatal(err)
		}
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := sarifSchema.Validate(v); err != nil {
		t.Fatalf("SARIF output does not validate against the 2.1.0 schema: %v", err)
	}
}

// The two invocations the evaluation harness relies on.
func TestHarnessContract(t *testing.T) {
	for _, text := range []string{"", "plain text\n", "Belаrus\u200b and \U0001D407ello\n", "caf\xe9\n"} {
		out, errs, code := runCLI(t, text, "scan", "--format", "json", "-")
		if code != 0 && code != 1 {
			t.Fatalf("scan %q: exit %d: %s", text, code, errs)
		}
		var v struct {
			Suspicious *bool `json:"suspicious"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil || v.Suspicious == nil {
			t.Fatalf("scan %q: want an object with a boolean suspicious, got %q (%v)", text, out, err)
		}
		if *v.Suspicious != (code == 1) {
			t.Errorf("scan %q: suspicious=%v but exit %d", text, *v.Suspicious, code)
		}
		out, errs, code = runCLI(t, text, "clean", "-")
		if code != 0 {
			t.Fatalf("clean %q: exit %d: %s", text, code, errs)
		}
		if text == "plain text\n" && out != text {
			t.Errorf("clean changed clean text: %q", out)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		stderr  string // substring
		stdout  string // substring, optional
		skipped bool
	}{
		{name: "missing file", args: []string{"scan", filepath.Join(dir, "nope.txt")}, code: 2, stderr: "nope.txt: no such file or directory"},
		{name: "missing file clean", args: []string{"clean", filepath.Join(dir, "nope.txt")}, code: 2, stderr: "nope.txt: no such file or directory"},
		{name: "binary file named", args: []string{"scan", fixture("blob.bin")}, code: 0, stderr: "blob.bin: skipped: binary file"},
		{name: "binary file named, json", args: []string{"scan", "--format", "json", fixture("blob.bin")}, code: 0, stdout: `"skipped_binary": 1`},
		{name: "binary file in a directory", args: []string{"scan", "--color", "never", fixture("")}, code: 1, stdout: "1 binary skipped"},
		{name: "invalid UTF-8", args: []string{"scan", "--format", "json", fixture("latin1.txt")}, code: -1, stdout: `"suspicious"`},
		{name: "invalid UTF-8 clean keeps bytes", args: []string{"clean", fixture("latin1.txt")}, code: 0, stdout: "caf\xe9 au lait\n"},
		{name: "empty input", stdin: "", args: []string{"scan", "-"}, code: 0, stdout: "no findings"},
		{name: "empty input json", stdin: "", args: []string{"scan", "--format", "json", "-"}, code: 0, stdout: `"suspicious": false`},
		{name: "empty input clean", stdin: "", args: []string{"clean", "-"}, code: 0},
		{name: "unknown flag", args: []string{"scan", "--frobnicate"}, code: 2, stderr: "unknown flag: --frobnicate"},
		{name: "unknown command", args: []string{"scna"}, code: 2, stderr: "unknown command"},
		{name: "bad format", args: []string{"scan", "--format", "xml", "-"}, code: 2, stderr: `--format "xml"`},
		{name: "bad severity", args: []string{"scan", "--fail-on", "fatal", "-"}, code: 2, stderr: "--fail-on"},
		{name: "bad kind", args: []string{"scan", "--kinds", "nope", "-"}, code: 2, stderr: `unknown finding kind "nope"`},
		{name: "stdin twice", args: []string{"scan", "-", "-"}, code: 2, stderr: "only once"},
		{name: "backup without in-place", args: []string{"clean", "--backup", ".orig", "-"}, code: 2, stderr: "--backup needs --in-place"},
		{name: "clean of a directory", args: []string{"clean", dir}, code: 2, stderr: "is a directory"},
		{name: "missing baseline", args: []string{"scan", "--baseline", filepath.Join(dir, "none.json"), "-"}, code: 2, stderr: "reading baseline"},
		{name: "jsonl bad record", stdin: "{\"text\":1}\nnope\n", args: []string{"scan", "--jsonl"}, code: 2, stderr: "line 2: not a JSON object"},
		{name: "version", args: []string{"--version"}, code: 0, stdout: "Unicode 17.0.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, c.stdin, c.args...)
			if c.code >= 0 && code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if !strings.Contains(errs, c.stderr) {
				t.Errorf("stderr %q does not contain %q", errs, c.stderr)
			}
			if !strings.Contains(out, c.stdout) {
				t.Errorf("stdout %q does not contain %q", out, c.stdout)
			}
		})
	}
}

func TestUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop root from reading")
	}
	dir := t.TempDir()
	sub := filepath.Join(dir, "locked")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "a.txt"), []byte("x"), 0o644)
	os.Chmod(sub, 0)
	defer os.Chmod(sub, 0o755)
	_, errs, code := runCLI(t, "", "scan", dir)
	if code != 2 || !strings.Contains(errs, "locked: permission denied") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// Permission denied, simulated so that it is tested when the tests run as
// root too.
func TestPermissionDeniedSimulated(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "secret.txt")
	os.WriteFile(locked, []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "open.txt"), []byte("x"), 0o644)
	defer func(f func(string) (*os.File, error)) { openFile = f }(openFile)
	openFile = func(p string) (*os.File, error) {
		if filepath.Base(p) == "secret.txt" {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return os.Open(p)
	}
	for _, args := range [][]string{{"scan", locked}, {"scan", dir}, {"clean", locked}} {
		_, errs, code := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(errs, "secret.txt: permission denied") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a permission message", args, code, errs)
		}
	}
}

// An unreadable file, simulated for root with a path that cannot be
// opened as a file (a broken symbolic link named on the command line).
func TestUnreadableFileSimulated(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink(filepath.Join(dir, "gone"), link); err != nil {
		t.Skip(err)
	}
	_, errs, code := runCLI(t, "", "scan", link)
	if code != 2 || !strings.Contains(errs, "dangling.txt: no such file or directory") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// brokenPipe fails every write the way a closed pipe does.
type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, syscall.EPIPE }

func TestBrokenPipe(t *testing.T) {
	big := strings.Repeat("Some text that goes on and on.\n", 20000)
	for _, args := range [][]string{
		{"clean", "-"},
		{"scan", "--format", "json", "-"},
		{"scan", "--format", "jsonl", fixture("")},
		{"inspect", "-"},
	} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(big), brokenPipe{}, &errb)
		if code != exitError || !strings.Contains(errb.String(), "broken pipe") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a broken-pipe message", args, code, errb.String())
		}
	}
	// A real pipe whose reader has gone away.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	var errb bytes.Buffer
	code := run([]string{"clean", "-"}, strings.NewReader(big), w, &errb)
	w.Close()
	if code != exitError || !strings.Contains(errb.String(), "broken pipe") {
		t.Errorf("closed pipe: exit %d, stderr %q", code, errb.String())
	}
}

func TestCleanInPlace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	orig := []byte("Belаrus\u200b text\n")
	os.WriteFile(p, orig, 0o600)
	_, errs, code := runCLI(t, "", "clean", "--in-place", "--backup", ".orig", "--log", filepath.Join(dir, "log.json"), p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	bak, err := os.ReadFile(p + ".orig")
	if err != nil || !bytes.Equal(bak, orig) {
		t.Errorf("backup %q, %v", bak, err)
	}
	fi, _ := os.Stat(p)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the original's 0600", fi.Mode().Perm())
	}
	var lg cleanLog
	data, _ := os.ReadFile(filepath.Join(dir, "log.json"))
	if err := json.Unmarshal(data, &lg); err != nil {
		t.Fatalf("log: %v: %s", err, data)
	}
	got, _ := os.ReadFile(p)
	// Whatever the engine changed, undoing the log gives the original.
	back := revert(t, got, lg)
	if !bytes.Equal(back, orig) {
		t.Errorf("reverting the log gives %q, want %q", back, orig)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".a.txt.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func revert(t *testing.T, restored []byte, lg cleanLog) []byte {
	t.Helper()
	var b bytes.Buffer
	at := int64(0)
	shift := int64(0)
	for _, e := range lg.Edits {
		s := e.Start + shift
		b.Write(restored[at:s])
		b.WriteString(e.Original)
		at = s + int64(len(e.Replacement))
		shift += int64(len(e.Replacement)) - int64(len(e.Original))
	}
	b.Write(restored[at:])
	return b.Bytes()
}

func TestCleanInPlaceUnchanged(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plain.txt")
	os.WriteFile(p, []byte("nothing to restore here\n"), 0o644)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(p, old, old)
	_, errs, code := runCLI(t, "", "clean", "--in-place", "--backup", ".orig", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fi, _ := os.Stat(p)
	if !fi.ModTime().Equal(old) {
		t.Errorf("a file with nothing to restore was rewritten")
	}
	if _, err := os.Stat(p + ".orig"); err == nil {
		t.Errorf("a backup was made of a file that did not change")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".plain.txt.tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCleanOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.txt")
	_, errs, code := runCLI(t, "hello\n", "clean", "-o", out, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(out); string(b) != "hello\n" {
		t.Errorf("got %q", b)
	}
	_, errs, code = runCLI(t, "hello\n", "clean", "-o", filepath.Join(dir, "no", "such", "dir", "x"), "-")
	if code != 2 || !strings.Contains(errs, "x:") {
		t.Errorf("unwritable output: exit %d, stderr %q", code, errs)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text\n"), 0o644)
	cfg := filepath.Join(dir, ".plainsight.toml")
	os.WriteFile(cfg, []byte("scripts = [\"Latin\"]\n\nmode = \"poetry\"\n"), 0o644)
	_, errs, code := runCLI(t, "", "scan", dir)
	if code != 2 || !strings.Contains(errs, ".plainsight.toml:3: mode \"poetry\"") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	os.WriteFile(cfg, []byte("# fine\nskip-kinds = [\"invisible\"]\nexclude = [\"vendor/\"]\n[[paths]]\nglob = \"*.md\"\nmode = \"prose\"\n"), 0o644)
	_, errs, code = runCLI(t, "", "scan", dir)
	if code != 0 {
		t.Errorf("valid config: exit %d, stderr %q", code, errs)
	}
	_, errs, code = runCLI(t, "", "scan", "--no-config", dir)
	if code != 0 {
		t.Errorf("--no-config: exit %d, stderr %q", code, errs)
	}
	// Standard input does not pick up the configuration of the working
	// directory; --config names one explicitly.
	os.WriteFile(cfg, []byte("mode = \"poetry\"\n"), 0o644)
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	if _, errs, code = runCLI(t, "x\n", "scan", "-"); code != 0 {
		t.Errorf("stdin picked up the working directory's config: exit %d, %q", code, errs)
	}
	if _, errs, code = runCLI(t, "x\n", "scan", "--config", cfg, "-"); code != 2 {
		t.Errorf("--config with stdin: exit %d, %q", code, errs)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("Belаrus\u200b and Pоland\n"), 0o644)
	base := filepath.Join(dir, "baseline.json")
	_, errs, _ := runCLI(t, "", "scan", "--quiet", "--write-baseline", base, p)
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatalf("no baseline written: %v (%s)", err, errs)
	}
	var bf struct {
		Version  int               `json:"version"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(data, &bf); err != nil || bf.Version != 1 {
		t.Fatalf("baseline: %v %s", err, data)
	}
	// Lines added above: the accepted findings still match.
	os.WriteFile(p, []byte("A new first line.\n\nBelаrus\u200b and Pоland\n"), 0o644)
	out, errs, code := runCLI(t, "", "scan", "--format", "json", "--baseline", base, p)
	if code != 0 {
		t.Errorf("with the baseline: exit %d, %s %s", code, out, errs)
	}
}

func TestGitignore(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "x.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("build/\n*.log\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "build"), 0o755)
	os.WriteFile(filepath.Join(dir, "build", "out.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.log"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	out, _, _ := runCLI(t, "", "scan", "--format", "json", dir)
	if !strings.Contains(out, `"files": 2`) { // a.txt and .gitignore
		t.Errorf("want 2 files scanned: %s", out)
	}
	out, _, _ = runCLI(t, "", "scan", "--format", "json", "--no-ignore", dir)
	if !strings.Contains(out, `"files": 4`) {
		t.Errorf("--no-ignore: want 4 files scanned: %s", out)
	}
}

func TestMinSeveritySummary(t *testing.T) {
	out, _, code := runCLI(t, "", "scan", "--format", "json", "--min-severity", "error", fixture("spam.txt"))
	var rep struct {
		Summary struct {
			Findings int            `json:"findings"`
			Severity map[string]int `json:"by_severity"`
		} `json:"summary"`
		Findings []struct {
			Severity string `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Severity != "error" {
			t.Errorf("a %s finding with --min-severity error", f.Severity)
		}
	}
	if rep.Summary.Findings != len(rep.Findings) || rep.Summary.Severity["warning"] != 0 {
		t.Errorf("the summary counts what the list leaves out: %+v, %d listed (exit %d)", rep.Summary, len(rep.Findings), code)
	}
}

func TestColor(t *testing.T) {
	out, _, _ := runCLI(t, "", "scan", "--color", "always", fixture("spam.txt"))
	if !strings.Contains(out, "\x1b[") {
		t.Error("--color always: no ANSI colour")
	}
	for _, args := range [][]string{
		{"scan", "--color", "never", fixture("spam.txt")},
		{"scan", fixture("spam.txt")}, // auto, and not a terminal
		{"clean", "--diff", fixture("spam.txt")},
		{"inspect", "Bеl\u200ba"},
	} {
		out, _, _ := runCLI(t, "", args...)
		if strings.Contains(out, "\x1b[") {
			t.Errorf("%v: colour when writing to a pipe", args)
		}
	}
	a := &app{getenv: func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}}
	if on, _ := a.colorOn("auto", true); on {
		t.Error("NO_COLOR is not honoured on a terminal")
	}
	a.getenv = func(string) string { return "" }
	if on, _ := a.colorOn("auto", true); !on {
		t.Error("no colour on a terminal")
	}
	if _, err := a.colorOn("sometimes", true); err == nil {
		t.Error("--color sometimes accepted")
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range []string{"scan", "clean", "inspect", "compare", "skeleton", "kinds"} {
		out, _, code := runCLI(t, "", cmd, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d, no examples:\n%s", cmd, code, out)
		}
	}
	out, _, code := runCLI(t, "", "completion", "bash")
	if code != 0 || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d", code)
	}
}

var _ = io.Discard
