package walk

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"
)

func TestIgnoreMatch(t *testing.T) {
	ig := &Ignore{rules: parseIgnore("", []string{
		"# comment",
		"*.log",
		"!keep.log",
		"build/",
		"/root-only.txt",
		"docs/**/*.tmp",
		"a/b",
		"\\#literal",
		"trailing   ",
	})}
	ig.rules = append(ig.rules, parseIgnore("sub", []string{"local.txt", "/anchored"})...)
	cases := []struct {
		path string
		dir  bool
		want bool
	}{
		{"x.log", false, true},
		{"deep/dir/x.log", false, true},
		{"keep.log", false, false},
		{"build", true, true},
		{"build", false, false}, // a file named build is not a directory
		{"src/build", true, true},
		{"root-only.txt", false, true},
		{"sub/root-only.txt", false, false},
		{"docs/x.tmp", false, true},
		{"docs/a/b/c.tmp", false, true},
		{"other/x.tmp", false, false},
		{"a/b", false, true},
		{"z/a/b", false, false},
		{"#literal", false, true},
		{"trailing", false, true},
		{"sub/local.txt", false, true},
		{"sub/deeper/local.txt", false, true},
		{"local.txt", false, false},
		{"sub/anchored", false, true},
		{"sub/x/anchored", false, false},
		{"main.go", false, false},
	}
	for _, c := range cases {
		if got := ig.Match(c.path, c.dir); got != c.want {
			t.Errorf("Match(%q, dir=%v) = %v, want %v", c.path, c.dir, got, c.want)
		}
	}
}

func TestGlob(t *testing.T) {
	cases := []struct {
		pat, path string
		want      bool
	}{
		{"*.md", "README.md", true},
		{"*.md", "docs/a/b.md", true},
		{"docs/**", "docs/ru/a.txt", true},
		{"docs/ru/**", "docs/en/a.txt", false},
		{"vendor/", "vendor/x/y.go", true},
		{"vendor", "src/vendor/y.go", true},
		{"/vendor", "src/vendor/y.go", false},
		{"testdata/*.txt", "testdata/a.txt", true},
	}
	for _, c := range cases {
		if got := Glob(c.pat, c.path); got != c.want {
			t.Errorf("Glob(%q, %q) = %v, want %v", c.pat, c.path, got, c.want)
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".git", "config"), "x")
	write(t, filepath.Join(root, ".gitignore"), "*.log\nout/\n")
	write(t, filepath.Join(root, "a.txt"), "x")
	write(t, filepath.Join(root, "b.log"), "x")
	write(t, filepath.Join(root, "out", "c.txt"), "x")
	write(t, filepath.Join(root, "src", ".gitignore"), "gen.go\n")
	write(t, filepath.Join(root, "src", "gen.go"), "x")
	write(t, filepath.Join(root, "src", "main.go"), "x")
	write(t, filepath.Join(root, "src", "z", "gen.go"), "x")
	os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "link.txt"))

	list := func(dir string, opts Options) []string {
		var got []string
		err := Walk(dir, opts, func(e Entry) error {
			got = append(got, e.Rel)
			return nil
		}, func(p string, err error) { t.Errorf("%s: %v", p, err) })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	write(t, filepath.Join(root, ".git", "info", "exclude"), "secret.txt\n")
	write(t, filepath.Join(root, "secret.txt"), "x")
	want := []string{".gitignore", "a.txt", "src/.gitignore", "src/main.go"}
	if got := list(root, Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("walk: %v, want %v", got, want)
	}
	want = []string{".gitignore", "a.txt", "b.log", "out/c.txt", "secret.txt", "src/.gitignore", "src/gen.go", "src/main.go", "src/z/gen.go"}
	if got := list(root, Options{NoIgnore: true}); !reflect.DeepEqual(got, want) {
		t.Errorf("--no-ignore: %v, want %v", got, want)
	}
	// Walking a subdirectory still honours the rules above it.
	write(t, filepath.Join(root, "src", "x.log"), "x")
	want = []string{".gitignore", "main.go"}
	if got := list(filepath.Join(root, "src"), Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("subdirectory: %v, want %v", got, want)
	}
	want = []string{".gitignore", "a.txt", "src/.gitignore", "src/x.log"}
	_ = want
	ex := Options{Exclude: func(rel string, dir bool) bool { return rel == "src" }}
	if got := list(root, ex); !reflect.DeepEqual(got, []string{".gitignore", "a.txt"}) {
		t.Errorf("exclude: %v", got)
	}
}

func TestIsBinary(t *testing.T) {
	if IsBinary([]byte("plain text\n")) || !IsBinary([]byte("a\x00b")) || IsBinary(nil) {
		t.Error("IsBinary")
	}
}

func TestOrdered(t *testing.T) {
	const n = 1000
	var got []int
	var inflight, peak int32
	Ordered(4, func(emit func(int) bool) {
		for i := 0; i < n; i++ {
			if !emit(i) {
				return
			}
		}
	}, func(i int) int {
		c := atomic.AddInt32(&inflight, 1)
		for {
			p := atomic.LoadInt32(&peak)
			if c <= p || atomic.CompareAndSwapInt32(&peak, p, c) {
				break
			}
		}
		defer atomic.AddInt32(&inflight, -1)
		return i * 2
	}, func(v int) bool {
		got = append(got, v)
		return true
	})
	if len(got) != n {
		t.Fatalf("%d results, want %d", len(got), n)
	}
	for i, v := range got {
		if v != i*2 {
			t.Fatalf("result %d is %d: out of order", i, v)
		}
	}
	if peak > 4 {
		t.Errorf("%d workers at once, want at most 4", peak)
	}
}

func TestOrderedStops(t *testing.T) {
	fed := 0
	seen := 0
	Ordered(2, func(emit func(int) bool) {
		for i := 0; i < 1_000_000; i++ {
			if !emit(i) {
				return
			}
			fed++
		}
	}, func(i int) int { return i }, func(int) bool {
		seen++
		return seen < 10
	})
	if seen != 10 || fed > 100 {
		t.Errorf("sink saw %d, feed produced %d after the sink stopped", seen, fed)
	}
}

func TestWalkUnreadableDirectory(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "a.txt"), "x")
	write(t, filepath.Join(root, "locked", "b.txt"), "x")
	write(t, filepath.Join(root, "z.txt"), "x")
	defer func(f func(string) (*os.File, error)) { openDir = f }(openDir)
	openDir = func(p string) (*os.File, error) {
		if filepath.Base(p) == "locked" {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return os.Open(p)
	}
	var got []string
	var bad []string
	Walk(root, Options{}, func(e Entry) error {
		got = append(got, e.Rel)
		return nil
	}, func(p string, err error) {
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("%s: %v, want permission denied", p, err)
		}
		bad = append(bad, filepath.Base(p))
	})
	if !reflect.DeepEqual(got, []string{"a.txt", "z.txt"}) || !reflect.DeepEqual(bad, []string{"locked"}) {
		t.Errorf("files %v, errors %v: the walk must report the directory and go on", got, bad)
	}
}
