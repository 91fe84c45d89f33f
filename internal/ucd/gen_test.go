package ucd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// dataDir returns the Unicode data directory the tables were generated
// from, or "" when it is not present (for instance on a fresh clone).
func dataDir(t testing.TB) string {
	dir := os.Getenv("PLAINSIGHT_UCD_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "unicode", Version)
	}
	if _, err := os.Stat(filepath.Join(dir, "security", "confusables.txt")); err != nil {
		return ""
	}
	return dir
}

// TestGeneratedTablesUpToDate regenerates the tables into a temporary
// directory and requires the committed file to be identical.
func TestGeneratedTablesUpToDate(t *testing.T) {
	dir := dataDir(t)
	if dir == "" {
		t.Skipf("Unicode %s data not found (set PLAINSIGHT_UCD_DIR to a directory holding ucd/ and security/); not checking that tables%s.go is up to date", Version, Version)
	}
	if testing.Short() {
		t.Skip("-short: not running the generator")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found; not running the generator")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goTool, "run", "gen.go", "-data", abs, "-out", out)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run gen.go -data %s: %v", abs, err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("tables" + Version + ".go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tables%s.go differs from what gen.go generates from %s; run go generate ./internal/ucd", Version, abs)
	}
}
