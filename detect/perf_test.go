package detect

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/plainsight/plainsight/report"
)

// plainASCIIRef is plainASCII one byte at a time.
func plainASCIIRef(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			return false
		}
	}
	return true
}

func TestPlainASCIIWords(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 100; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(' ' + r.IntN(0x5F))
		}
		if !plainASCII(b) {
			t.Fatalf("plain input of %d bytes rejected", n)
		}
		for at := 0; at < n; at++ {
			for v := 0; v < 256; v++ {
				saved := b[at]
				b[at] = byte(v)
				if got, want := plainASCII(b), plainASCIIRef(b); got != want {
					t.Fatalf("len %d, byte %#x at %d: got %v, want %v", n, v, at, got, want)
				}
				b[at] = saved
			}
		}
	}
}

// A plain ASCII block after a block with findings has no findings.
func TestPlainBlockAfterFindings(t *testing.T) {
	var b bytes.Buffer
	for b.Len() < blockMax {
		b.WriteString("The раrt\u200b of the word.\n")
	}
	n := b.Len()
	for b.Len() < 3*blockMax {
		b.WriteString("Plain words on a plain line.\n")
	}
	rep, err := Scan(bytes.NewReader(b.Bytes()), Options{MaxFindings: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Start.Offset >= int64(n) {
			t.Fatalf("finding in the plain part: %+v", f)
		}
	}
	if len(rep.Findings) == 0 {
		t.Fatal("no findings")
	}
	var out bytes.Buffer
	if _, err := Clean(&out, bytes.NewReader(b.Bytes()), Options{}, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(out.Bytes(), b.Bytes()[n:]) {
		t.Fatal("the plain part was changed")
	}
}

// Passes running at once share pooled buffers only one at a time.
func TestConcurrentScansAgree(t *testing.T) {
	inputs := [][]byte{disguised(200 << 10), corpus(russianParagraph, 150<<10), corpus(englishParagraph, 100<<10)}
	want := make([]*report.Report, len(inputs))
	for i, in := range inputs {
		rep, err := Scan(bytes.NewReader(in), Options{MaxFindings: 300})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = rep
	}
	var wg sync.WaitGroup
	errs := make(chan string, 24)
	for g := 0; g < 24; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			i := g % len(inputs)
			rep, err := Scan(bytes.NewReader(inputs[i]), Options{MaxFindings: 300})
			if err != nil || !reflect.DeepEqual(rep, want[i]) {
				errs <- fmt.Sprintf("goroutine %d: report differs (err %v)", g, err)
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestMergeRunsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var tmp []int32
	for n := 0; n < 300; n++ {
		keys := make([]int, n)
		idx := make([]int32, n)
		for i := range keys {
			keys[i] = r.IntN(1 + n/3)
			idx[i] = int32(i)
		}
		// A few ascending runs, as the detectors produce.
		for lo := 0; lo < n; {
			hi := min(n, lo+1+r.IntN(n/2+1))
			slices.Sort(keys[lo:hi])
			lo = hi
		}
		want := slices.Clone(idx)
		slices.SortStableFunc(want, func(a, b int32) int { return keys[a] - keys[b] })
		var got []int32
		got, tmp = mergeRuns(slices.Clone(idx), tmp, func(a, b int32) bool { return keys[b] < keys[a] })
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d: got %v, want %v", n, got, want)
		}
	}
}

// The mask letterRun uses for distinctive letters agrees with
// attr.distinctive. (The test calls letterRun itself: a copy of its mask
// here would pass whatever letterRun does.)
func TestDistinctiveMask(t *testing.T) {
	for i := 0; i < 1<<8; i++ {
		a := attr(i)<<lookShift&(0xF<<lookShift) | attr(i>>4&7)<<classShift | aLetter
		if a.class() >= numClasses {
			continue
		}
		cells := []cell{{r: 'x', a: a}, {r: 'x', a: a}, {r: ' '}}
		end, d := letterRun(cells, 0)
		want := 0
		if a.distinctive() {
			want = 2
		}
		if end != 2 || d != want {
			t.Fatalf("attr %#x: letterRun = %d, %d distinctive; want 2, %d", a, end, d, want)
		}
	}
}

// printableRun agrees with a byte-by-byte count.
func TestPrintableRun(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 40; n++ {
		b := make([]byte, n)
		for k := 0; k < 2000; k++ {
			for i := range b {
				b[i] = byte(0x1E + r.IntN(0x64)) // around the edges 0x20 and 0x7F
				if r.IntN(8) == 0 {
					b[i] = byte(r.IntN(256))
				}
			}
			wantP := 0
			for wantP < n && b[wantP] >= 0x20 && b[wantP] < 0x7F {
				wantP++
			}
			if got := printableRun(b); got != wantP {
				t.Fatalf("printableRun(%q) = %d, want %d", b, got, wantP)
			}
		}
	}
}
