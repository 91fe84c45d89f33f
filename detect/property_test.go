package detect

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/plainsight/plainsight/report"
)

// pieces are the material random documents are made of: ordinary words of
// several scripts and every kind of disguise.
var pieces = []string{
	"the", "system", "Belarus", "process", "a", "I", "like", "Иван", "знаю", "а", "Αθήνα", "και",
	"Belаrus", "рrосеss", "ѕсоре", "а", "𝐇𝐞𝐥𝐥𝐨", "Ｗｏｒｌｄ", "ᴀᴄᴄᴇᴘᴛ", "دولة", "می\u200cخواهم",
	"\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u202e", "\u2066", "\u2069", "\u202c",
	"\U000E0041\U000E0042", "\ufe0f", "\U000E0100\U000E0101", "e\u0301\u0302\u0303", "\u2003", "\u00a0",
	"\x07", "\xff", "\xc3", "\ue000", "👩\u200d💻", "１２", "北京", "、", "\n", "\n\n", " ", " ", ", ", ". ",
}

func randomDoc(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pieces[r.IntN(len(pieces))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Restoration properties, for random documents: the log applied to the
// input gives the output, reverted gives the input back byte for byte, and
// scan findings all point at the bytes they name.
func TestRestorationProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		in := randomDoc(r, 1+r.IntN(60))
		out, edits, rep := cleanString(t, in, Options{})
		checkEdits(t, in, out, edits)
		for _, f := range rep.Findings {
			if in[f.Start.Offset:f.End.Offset] != f.Text {
				t.Fatalf("doc %q: finding %s %q does not match input at %d", in, f.Kind, f.Text, f.Start.Offset)
			}
		}
	}
}

var sentences = [][]string{
	{"The army moved closer to the border on Tuesday, officials said.", "Prices of crude oil rose sharply after the announcement.",
		"A process that performs an operation on the file must check its permissions.", "I think he might lower it in the next meeting."},
	{"Компания представила новый смартфон на конференции в Москве.", "Я не знаю, а ты знаешь, где он живёт?",
		"Команда зменшує розмір файлів і зберігає їх у каталозі."},
	{"Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "Δεν είναι δυνατή η προσπέλαση του αρχείου."},
}

// disguise applies one of the attacks plainsight undoes to a sentence.
func disguise(r *rand.Rand, s string) string {
	swaps := map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'i': 'і', 'A': 'А', 'T': 'Т', 'о': 'o', 'е': 'e', 'а': 'a', 'ο': 'o'}
	rs := []rune(s)
	switch r.IntN(6) {
	case 0, 1: // look-alike letters
		for i, c := range rs {
			if d, ok := swaps[c]; ok && r.IntN(4) == 0 {
				rs[i] = d
			}
		}
		return string(rs)
	case 2: // invisible characters inside words
		var b strings.Builder
		for i, c := range rs {
			b.WriteRune(c)
			if i+1 < len(rs) && c != ' ' && rs[i+1] != ' ' && r.IntN(8) == 0 {
				b.WriteString([]string{"​", "‌", "⁠", "­"}[r.IntN(4)])
			}
		}
		return b.String()
	case 3: // a hidden payload at the end
		return s + "󠁩󠁧󠁮󠁯󠁲󠁥"
	case 4: // unusual spaces
		return strings.ReplaceAll(s, " ", " ")
	default: // unchanged
		return s
	}
}

// Restoring twice changes nothing more than restoring once, on texts
// built like real ones: sentences of one language with disguises applied.
func TestRestorationIsIdempotent(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 1000; i++ {
		lang := sentences[r.IntN(len(sentences))]
		var b strings.Builder
		for k := 0; k < 1+r.IntN(6); k++ {
			b.WriteString(disguise(r, lang[r.IntN(len(lang))]))
			b.WriteString([]string{" ", "\n", "\n\n"}[r.IntN(3)])
		}
		in := b.String()
		out, _, _ := cleanString(t, in, Options{})
		out2, edits2, _ := cleanString(t, out, Options{})
		if out2 != out {
			t.Errorf("second restoration of %q changed %q into %q (%v)", in, out, out2, edits2)
		}
	}
}

// The report is the same whichever entry point produced it.
func TestScanAndCleanAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		in := randomDoc(r, 40)
		rep := scanString(t, in, Options{})
		_, _, rep2 := cleanString(t, in, Options{})
		if len(rep.Findings) != len(rep2.Findings) || rep.Suspicious != rep2.Suspicious {
			t.Fatalf("scan and clean disagree on %q: %d vs %d findings", in, len(rep.Findings), len(rep2.Findings))
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"", "plain ascii\n", "Belаrus", "\u202e", "a\u200bb", "\U000E0041", "\xff\xfe", "e\u0301\u0301\u0301",
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "x\ufe0f\ufe0f", "ℎ𝑒𝑙𝑙𝑜", "ｈｉ",
		// The context rules look at the cells and words around a word:
		// directives, operators, quotes, lists and short words at the
		// edges of the input.
		"%sФайл", "\\nСтрока", "%1$sФ", "А0x2", "১০x১৫", "A4×6", "x = r×lg(e) + k", "Max c увеличенным",
		"с „rm“", "ca са двата", "yYдД", "ИМЯ_HOST", "ссылкойAll", "sed'ом", "uₙ₋₁", "type(s)", "('K')",
		"  A6   І    CYR", "HTTP\u202fproxy", "гра̀фа", "\xff\u0301", "\u2066%I:%M %p\u2069", "\x1b[31m",
		"οριομάτων ορισμάτων", "1６", "\ufeffa\n\ufeffb", "c\n  тобой", "Juventʋs",
	} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, code bool) {
		opts := Options{}
		if code {
			opts.Mode = Code
		}
		rep, err := Scan(bytes.NewReader(data), opts)
		if err != nil {
			t.Fatal(err)
		}
		var prev int64
		for _, fd := range rep.Findings {
			if fd.Start.Offset < prev || fd.End.Offset < fd.Start.Offset || fd.End.Offset > int64(len(data)) {
				t.Fatalf("finding span [%d,%d) out of order or outside %d bytes", fd.Start.Offset, fd.End.Offset, len(data))
			}
			if string(data[fd.Start.Offset:fd.End.Offset]) != fd.Text {
				t.Fatalf("finding text %q is not the input at its span", fd.Text)
			}
			if fd.Start.Line < 1 || fd.Start.Column < 1 {
				t.Fatalf("bad position %v", fd.Start)
			}
			prev = fd.Start.Offset
		}
		if rep.Summary.Bytes != int64(len(data)) {
			t.Fatalf("summary counts %d bytes of %d", rep.Summary.Bytes, len(data))
		}
		if rep.Suspicious != (rep.Summary.Severity[report.Warning]+rep.Summary.Severity[report.Error] > 0) {
			t.Fatalf("suspicious flag disagrees with the counts")
		}
	})
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "Belаrus", "pass\u200bword", "\xffab\u202ecd\n", "ᴀᴄᴄᴇᴘᴛ", "𝐇𝐢", "one\u2003two"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		var edits []report.Edit
		if _, err := Clean(&out, bytes.NewReader(data), Options{}, func(e report.Edit) error {
			edits = append(edits, e)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		checkEdits(t, string(data), out.String(), edits)
	})
}
