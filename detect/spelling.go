package detect

import (
	_ "embed"
	"maps"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// letterModel is a model of how a script spells: how often each letter
// follows the one to three letters before it in words of that script, word
// edges included. A block's model counts the block's own words on top of
// the script's sample text (samples/, where there is one). Where a Latin o
// may stand for σ or ο and the block does not write the word itself, the
// spelling the model finds likelier wins: "ιστορικού" over "ιοτορικού",
// "όνομα" over "όνσμα". Sequences the model has not seen fall back to
// shorter ones, and at the bottom to the kinds of letter (vowel, s, other
// consonant) and how they alternate, which every text of the script shows
// whatever its subject.
type letterModel struct {
	uni     map[rune]int
	seqs    map[uint64]int32   // sequences of 2 to maxOrder letters (see pushed)
	hist    map[uint64]history // the same, one letter shorter
	kind    [numKinds][numKinds]int
	kindCtx [numKinds]int
	inKind  [numKinds]int // letters of each kind
}

// maxOrder is the longest sequence of letters the model counts: three
// letters of history. Longer histories, seen a few times in 50 KB of
// sample, grow so sure of what follows them that a letter unseen after
// one ("τοπ" before ι) loses to a sequence never seen at all ("τσπ"); at
// four letters the simulated Greek disguises come back with fewer σ/ο
// errors (42 against 44) and the eval's "Γιουνάν" right.
const maxOrder = 4

// Sequences are keyed by their letters, 12 bits each (the scripts the
// model is for lie below U+0800; maxOrder letters fit in 64 bits), the
// last letter lowest; the places of a history shorter than maxOrder-1
// letters hold noLetter. Integer keys keep counting a block cheap.
const (
	letterBits = 12
	letterMask = 1<<letterBits - 1
	noLetter   = letterMask
	allPad     = 1<<(letterBits*(maxOrder-1)) - 1 // a history of no letters
)

// code is the key's code for r: a letter, or 0 for the edge of a word.
func code(r rune) uint64 {
	if r < 0 || r >= noLetter {
		return noLetter - 1 // out of the scripts' range: one shared code
	}
	return uint64(r)
}

// pushed returns history h (of n-1 letters) with letter r put before them,
// at place n.
func pushed(h uint64, n int, r rune) uint64 {
	sh := uint(letterBits * (n - 1))
	return h&^(letterMask<<sh) | code(r)<<sh
}

// Kinds of letter for the model's last resort.
const (
	kEdge = iota // the edge of a word
	kVowel
	kSibilant
	kConsonant
	numKinds
)

// vowels are the vowel letters of the scripts whose look-alikes can share
// a shape, without diacritics (see baseLetter).
const vowels = "αεηιουω" + "аеиоуыэюяёєії" + "աեէըիոօ"

// sibilants are the letters for s, the one consonant that languages put
// before another at the start of a syllable ("στ", "σκ", "σμ", "ст", "սպ"):
// where the block has not written a cluster, its other s-clusters say how
// likely it is.
const sibilants = "σςсս"

// baseLetter returns r in small letters without its diacritics (its
// canonical decomposition's first letter): the model counts "ό" as "ο".
// An accent marks where the stress falls, not which letters follow each
// other, and counting both forms apart would split what the block shows
// ("αριθμός" and "αριθμού" share "θμο").
func baseLetter(r rune) rune {
	r = unicode.ToLower(r)
	for r >= 0x80 {
		t, d := ucd.Decomposition(r)
		if t != ucd.DecompCanonical || d == "" {
			break
		}
		r, _ = utf8.DecodeRuneInString(d)
	}
	return r
}

// letterKind returns whether r (a base letter, see baseLetter) is a vowel,
// an s, another consonant or the edge of a word (0).
func letterKind(r rune) int {
	if r >= 0 && r < rune(len(kinds)) {
		return int(kinds[r])
	}
	return kConsonant
}

// kinds holds letterKind for the code points below U+0800.
var kinds = func() (t [0x800]uint8) {
	for r := range t {
		t[r] = kConsonant
	}
	t[0] = kEdge
	for _, r := range vowels {
		t[r] = kVowel
	}
	for _, r := range sibilants {
		t[r] = kSibilant
	}
	return t
}()

// unknownLetter stands in a word for a letter the model cannot tell (a
// look-alike of two letters): sequences through it are not counted.
const unknownLetter = -1

// spelling returns the letter model of class c, built on first use from
// c's sample text (samplePrior), the block's words written in c's letters
// and the letters of mixed words that show c (a letter only c has) and
// stand for one letter of c.
func (e *engine) spelling(c class) *letterModel {
	if e.model[c] != nil {
		return e.model[c]
	}
	var m *letterModel
	if p := samplePrior(c); p != nil {
		m = p.clone()
	} else {
		m = newLetterModel()
		// Most sequences of a block are new ones: size the tables once.
		m.seqs = make(map[uint64]int32, len(e.cells))
		m.hist = make(map[uint64]history, len(e.cells)/2)
	}
	var seq []rune
	for i := range e.words {
		w := &e.words[i]
		if !(w.simple && w.vote == c) && !(w.mixed && w.dist[c] > 0) {
			continue
		}
		seq = append(seq[:0], 0)
		for j := int(w.from); j < int(w.to); j++ {
			x := e.cells[j]
			if x.a&aLetter == 0 {
				continue
			}
			r := intendedIn(x, c)
			if r == 0 || letterClassOf(r) != c {
				r = unknownLetter
			} else {
				r = baseLetter(r)
			}
			seq = append(seq, r)
		}
		m.add(append(seq, 0))
	}
	e.model[c] = m
	return m
}

// The script's general spelling, from sample text written for this
// project (samples/): where a block holds little of its script, the
// sample says which sequences the script writes at all ("σμ" after a
// vowel, "ου" at the start of a word). A block's own words are counted on
// top, so its vocabulary weighs in as the sample's does.
//
//go:embed samples/greek.txt
var greekSample string

var priors struct {
	once sync.Once
	m    [numClasses]*letterModel
}

// samplePrior returns the model of class c's sample text, or nil.
func samplePrior(c class) *letterModel {
	priors.once.Do(func() {
		priors.m[cGreek] = sampleModel(greekSample, cGreek)
	})
	return priors.m[c]
}

// sampleModel counts the words of text written in the letters of class c.
func sampleModel(text string, c class) *letterModel {
	m := newLetterModel()
	var seq []rune
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		seq = append(seq[:0], 0)
		for _, r := range w {
			if letterClassOf(r) != c {
				r = unknownLetter
			} else {
				r = baseLetter(r)
			}
			seq = append(seq, r)
		}
		m.add(append(seq, 0))
	}
	return m
}

// clone returns a copy of m that counts apart from it.
func (m *letterModel) clone() *letterModel {
	c := *m
	c.uni, c.seqs, c.hist = maps.Clone(m.uni), maps.Clone(m.seqs), maps.Clone(m.hist)
	return &c
}

// history counts the sequences that start with a history, and how many
// different letters follow it.
type history struct{ n, types int32 }

func newLetterModel() *letterModel {
	return &letterModel{uni: map[rune]int{}, seqs: map[uint64]int32{}, hist: map[uint64]history{}}
}

// add counts the letters of seq, a word between two edges (0).
func (m *letterModel) add(seq []rune) {
	for i := 1; i < len(seq); i++ {
		r, p := seq[i], seq[i-1]
		if r == unknownLetter {
			continue
		}
		if r != 0 {
			m.uni[r]++
			m.inKind[letterKind(r)]++
		}
		if p == unknownLetter {
			continue
		}
		m.kind[letterKind(p)][letterKind(r)]++
		m.kindCtx[letterKind(p)]++
		h := uint64(allPad)
		for n := 1; n < maxOrder && n <= i; n++ {
			if seq[i-n] == unknownLetter || n > 1 && seq[i-n+1] == 0 {
				break
			}
			h = pushed(h, n, seq[i-n])
			k := h<<letterBits | code(r)
			c := m.seqs[k]
			m.seqs[k] = c + 1
			hs := m.hist[h]
			hs.n++
			if c == 0 {
				hs.types++
			}
			m.hist[h] = hs
		}
	}
}

// prob is the probability of letter r after the letters of seq before i
// (0 for the edge of the word), each order interpolated with the one below
// by absolute discounting: the more different letters the model has seen
// after a history, and the fewer times it has seen it, the more the
// shorter history decides.
func (m *letterModel) prob(seq []rune, i int, r rune) float64 {
	// Last resort: the kind of letter after the kind before, then the
	// letter among its kind.
	b := rune(0)
	if i > 0 {
		b = seq[i-1]
	}
	kb, kr := letterKind(b), letterKind(r)
	p := float64(m.kind[kb][kr]+1) / float64(m.kindCtx[kb]+numKinds)
	if r != 0 {
		p *= float64(m.uni[r]+1) / float64(m.inKind[kr]+30)
	}
	h := uint64(allPad)
	for n := 1; n < maxOrder && n <= i; n++ {
		if seq[i-n] == unknownLetter || n > 1 && seq[i-n+1] == 0 {
			break // no longer history than the word's edge
		}
		h = pushed(h, n, seq[i-n])
		if hs := m.hist[h]; hs.n > 0 {
			c, n := float64(m.seqs[h<<letterBits|code(r)]), float64(hs.n)
			p = max(c-discount, 0)/n + discount*float64(hs.types)/n*p
		}
	}
	return p
}

// discount is what each sequence seen gives up to the shorter histories
// (absolute discounting): a sequence seen once is weak evidence, and with
// little text most are seen once.
const discount = 0.75

// logProb is the log probability of the word spelt by seq (base letters
// of the model's script; 0 for a character that is not one, which counts
// as an edge).
func (m *letterModel) logProb(seq []rune) float64 {
	w := make([]rune, 0, len(seq)+2)
	w = append(w, 0)
	w = append(w, seq...)
	w = append(w, 0)
	s := 0.0
	for i := 1; i < len(w); i++ {
		if w[i] == 0 && w[i-1] == 0 {
			continue
		}
		s += math.Log(m.prob(w, i, w[i]))
	}
	return s
}
