// Command gentree writes a directory tree of mixed files for measuring
// 'plainsight scan' on a large repository: prose (clean, and some with
// disguises), source code, binary files and gitignored logs.
//
//	go run ./cmd/plainsight/testdata/gentree -size 512 /tmp/tree
//	/usr/bin/time -v plainsight scan --quiet --format json -j 1 /tmp/tree > /dev/null
//	/usr/bin/time -v plainsight scan --quiet --format json -j 2 /tmp/tree > /dev/null
//
// It lives under testdata so that 'go build ./...' and 'go test ./...'
// leave it alone; it is a measurement aid, not a test.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var prose = []string{
	"The harbour authority of Port Alden has postponed a decisive vote on a new container terminal after three weeks of protests.",
	"Officials said the delay would give engineers time to answer questions about dredging, traffic and the salt marsh.",
	"\"We are not against the port, we are against losing the bay,\" said Marta Quinlan, who has fished from the old quay for thirty years.",
	"Привет! Это обычный русский текст о погоде и новостях, в нём нет ничего подозрительного.",
	"Ο καιρός σήμερα είναι καλός και η θάλασσα είναι ήρεμη.",
	"東京の天気は晴れです。明日も良い天気になるでしょう。",
	"Jokić scored 31 points while Dvořák played in the background at the café.",
}

var disguised = []string{
	"According to а drаft аssessment seen by locаl journаlists, the dredging would remove аbout 2.4 million cubic metres.",
	"Click h\u0435re to verify your \U0001D41A\U0001D41C\U0001D41C\U0001D428\U0001D42E\U0001D427\U0001D42D now.",
	"Free\u200bmoney for every\u00a0one\U000E0049\U000E0047\U000E004E\U000E004F\U000E0052\U000E0045.",
}

var code = `package demo

import "fmt"

// Compute adds the values of a slice; see issue %d.
func Compute%d(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x * %d
	}
	fmt.Println("total", total)
	return total
}
`

func main() {
	sizeMB := flag.Int("size", 512, "total size in MiB")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gentree [-size MiB] DIR")
		os.Exit(2)
	}
	root := flag.Arg(0)
	rng := rand.New(rand.NewSource(1))
	must(os.MkdirAll(root, 0o755))
	must(os.WriteFile(filepath.Join(root, ".gitignore"), []byte("*.log\nbuild/\n"), 0o644))
	total := int64(*sizeMB) << 20
	var written int64
	for i := 0; written < total; i++ {
		dir := filepath.Join(root, fmt.Sprintf("pkg%02d", i%40), fmt.Sprintf("sub%d", i%7))
		must(os.MkdirAll(dir, 0o755))
		size := 32<<10 + rng.Intn(480<<10)
		var b strings.Builder
		var name string
		switch k := rng.Intn(20); {
		case k < 11: // prose, one in five disguised
			name = fmt.Sprintf("doc%05d.txt", i)
			bad := rng.Intn(5) == 0
			for b.Len() < size {
				if bad && rng.Intn(40) == 0 {
					b.WriteString(disguised[rng.Intn(len(disguised))])
				} else {
					b.WriteString(prose[rng.Intn(len(prose))])
				}
				b.WriteString(" ")
				if rng.Intn(6) == 0 {
					b.WriteString("\n\n")
				}
			}
		case k < 17: // source code
			name = fmt.Sprintf("file%05d.go", i)
			for j := 0; b.Len() < size; j++ {
				fmt.Fprintf(&b, code, j, j, j)
			}
		case k < 19: // binary
			name = fmt.Sprintf("blob%05d.bin", i)
			buf := make([]byte, size)
			rng.Read(buf)
			buf[100] = 0
			b.Write(buf)
		default: // ignored
			name = fmt.Sprintf("run%05d.log", i)
			for b.Len() < size {
				b.WriteString(prose[0] + "\n")
			}
		}
		must(os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644))
		written += int64(b.Len())
	}
	fmt.Printf("wrote %d MiB under %s\n", written>>20, root)
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
