package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScanTree scans a small generated tree with one and two workers;
// cmd/plainsight/testdata/measure.sh does the same at 500 MiB.
func BenchmarkScanTree(b *testing.B) {
	dir := b.TempDir()
	article, err := os.ReadFile(fixture("article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for i := 0; i < 64; i++ {
		p := filepath.Join(dir, fmt.Sprintf("d%d", i%8), fmt.Sprintf("f%02d.txt", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		data := []byte(strings.Repeat(string(article), 8))
		os.WriteFile(p, data, 0o644)
		total += int64(len(data))
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(total)
			for i := 0; i < b.N; i++ {
				code := run([]string{"scan", "--quiet", "--format", "json", "-j", fmt.Sprint(jobs), dir}, strings.NewReader(""), io.Discard, io.Discard)
				if code == exitError {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkHarness is the evaluation harness's call: one short document on
// standard input, JSON out.
func BenchmarkHarness(b *testing.B) {
	doc := "According to а drаft аssessment seen by locаl journаlists, the dredging would remove аbout 2.4 million cubic metres.\n"
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		run([]string{"scan", "--format", "json", "-"}, strings.NewReader(doc), io.Discard, io.Discard)
	}
}
