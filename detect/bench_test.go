package detect

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/plainsight/plainsight/internal/ucd"
)

// The benchmark corpora are built here, so that the figures mean the same
// on every machine: about 1 MB of English prose, the same prose with 5% of
// its letters disguised (look-alikes and invisible characters), and Russian
// prose. Each has a bare reference loop beside it (one table look-up per
// rune), so that the ratio survives a noisy machine:
//
//	go test -run '^$' -bench . -cpu 1 ./detect/
const englishParagraph = `The harbour authority postponed a decisive vote on the new container terminal after three weeks of protests by fishermen and residents. Officials said the delay would give engineers time to answer questions about dredging, traffic and the salt marsh that borders the proposed site, while critics called it a tactic to wait out the demonstrations. "We are not against the port, we are against losing the bay," said one woman who has fished from the old quay for thirty years.
`

const russianParagraph = `Администрация порта отложила решающее голосование по новому контейнерному терминалу после трёх недель протестов рыбаков и жителей. Чиновники заявили, что отсрочка даст инженерам время ответить на вопросы о дноуглублении, движении транспорта и солончаке рядом с площадкой, а критики назвали это попыткой переждать демонстрации. «Мы не против порта, мы против того, чтобы потерять залив», — сказала женщина, которая тридцать лет ловит рыбу со старой пристани.
`

func corpus(par string, size int) []byte {
	return []byte(strings.Repeat(par, size/len(par)+1)[:size])
}

func disguised(size int) []byte {
	r := rand.New(rand.NewPCG(7, 8))
	look := map[rune]string{'a': "а", 'e': "е", 'o': "о", 'c': "с", 'p': "р", 'i': "і"}
	var b bytes.Buffer
	for _, c := range englishParagraph {
		if s, ok := look[c]; ok && r.IntN(20) == 0 {
			b.WriteString(s)
			continue
		}
		b.WriteRune(c)
		if c >= 'a' && c <= 'z' && r.IntN(60) == 0 {
			b.WriteString("\u200b")
		}
	}
	return corpus(b.String(), size)
}

var benchInputs = []struct {
	name string
	data []byte
}{
	{"ascii", corpus(englishParagraph, 1<<20)},
	{"disguised5pct", disguised(1 << 20)},
	{"cyrillic", corpus(russianParagraph, 1<<20)},
}

// BenchmarkBareLoop is the reference: decode every rune and look it up in
// a table, nothing else.
func BenchmarkBareLoop(b *testing.B) {
	var tbl [0x10000]uint8
	for i := range tbl {
		tbl[i] = uint8(ucd.ScriptOf(rune(i)))
	}
	for _, in := range benchInputs {
		s := string(in.data)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			var sum int
			for b.Loop() {
				for _, r := range s {
					sum += int(tbl[r&0xFFFF])
				}
			}
			_ = sum
		})
	}
}

func BenchmarkScan(b *testing.B) {
	tableOnce.Do(loadTable)
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Scan(bytes.NewReader(in.data), Options{MaxFindings: 1000}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkClean(b *testing.B) {
	tableOnce.Do(loadTable)
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Clean(io.Discard, bytes.NewReader(in.data), Options{MaxFindings: 1000}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
