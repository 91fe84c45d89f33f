package detect

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
)

// letterModel is the block's own model of how a script spells: how often
// each letter follows the one, two or three before it in the block's words
// of that script, word edges included. Where a Latin o may stand for σ or ο
// and the block does not write the word itself, the spelling the model
// finds likelier wins: "ιστορικού" over "ιοτορικού", "όνομα" over
// "όνσμα". Sequences the block never writes fall back to shorter ones, and
// at the bottom to the kinds of letter (vowel, s, other consonant) and how
// the block alternates them, which every text of the script shows
// whatever its subject.
type letterModel struct {
	uni       map[rune]int
	bi        map[[2]rune]int
	tri       map[[3]rune]int
	biCtx     map[rune]int    // bigrams starting with a letter
	biTypes   map[rune]int    // distinct letters after a letter
	triCtx    map[[2]rune]int // trigrams starting with a pair
	triTypes  map[[2]rune]int // distinct letters after a pair
	quad      map[[4]rune]int
	quadCtx   map[[3]rune]int // four-letter sequences starting with three
	quadTypes map[[3]rune]int // distinct letters after three
	kind      [numKinds][numKinds]int
	kindCtx   [numKinds]int
	inKind    [numKinds]int // letters of each kind
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
	switch {
	case r == 0:
		return kEdge
	case strings.ContainsRune(vowels, r):
		return kVowel
	case strings.ContainsRune(sibilants, r):
		return kSibilant
	}
	return kConsonant
}

// unknownLetter stands in a word for a letter the model cannot tell (a
// look-alike of two letters): sequences through it are not counted.
const unknownLetter = -1

// spelling returns the letter model of class c, built on first use from
// the block's words written in c's letters and from the letters of mixed
// words that show c (a letter only c has) and stand for one letter of c.
func (e *engine) spelling(c class) *letterModel {
	if e.model[c] != nil {
		return e.model[c]
	}
	m := newLetterModel()
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

func newLetterModel() *letterModel {
	return &letterModel{
		uni: map[rune]int{}, bi: map[[2]rune]int{}, tri: map[[3]rune]int{},
		biCtx: map[rune]int{}, biTypes: map[rune]int{}, triCtx: map[[2]rune]int{}, triTypes: map[[2]rune]int{},
		quad: map[[4]rune]int{}, quadCtx: map[[3]rune]int{}, quadTypes: map[[3]rune]int{},
	}
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
		if m.bi[[2]rune{p, r}] == 0 {
			m.biTypes[p]++
		}
		m.bi[[2]rune{p, r}]++
		m.biCtx[p]++
		m.kind[letterKind(p)][letterKind(r)]++
		m.kindCtx[letterKind(p)]++
		if i >= 2 && seq[i-2] != unknownLetter {
			h := [2]rune{seq[i-2], p}
			if m.tri[[3]rune{h[0], h[1], r}] == 0 {
				m.triTypes[h]++
			}
			m.tri[[3]rune{h[0], h[1], r}]++
			m.triCtx[h]++
			if i >= 3 && seq[i-3] != unknownLetter && seq[i-2] != 0 {
				h := [3]rune{seq[i-3], seq[i-2], p}
				if m.quad[[4]rune{h[0], h[1], h[2], r}] == 0 {
					m.quadTypes[h]++
				}
				m.quad[[4]rune{h[0], h[1], h[2], r}]++
				m.quadCtx[h]++
			}
		}
	}
}

// prob is the probability of letter r after z, a and b (0 for the edge of
// the word, and for what lies before it), each order interpolated with the
// one below by how many different letters the block writes after the same
// history (Witten-Bell).
func (m *letterModel) prob(z, a, b, r rune) float64 {
	// Last resort: the kind of letter after the kind before, then the
	// letter among its kind.
	kb, kr := letterKind(b), letterKind(r)
	p := float64(m.kind[kb][kr]+1) / float64(m.kindCtx[kb]+numKinds)
	if r != 0 {
		p *= float64(m.uni[r]+1) / float64(m.inKind[kr]+30)
	}
	if n := m.biCtx[b]; n > 0 {
		t := float64(m.biTypes[b])
		p = (float64(m.bi[[2]rune{b, r}]) + t*p) / (float64(n) + t)
	}
	if b == 0 {
		return p
	}
	if n := m.triCtx[[2]rune{a, b}]; n > 0 {
		t := float64(m.triTypes[[2]rune{a, b}])
		p = (float64(m.tri[[3]rune{a, b, r}]) + t*p) / (float64(n) + t)
	}
	if a == 0 {
		return p
	}
	if n := m.quadCtx[[3]rune{z, a, b}]; n > 0 {
		t := float64(m.quadTypes[[3]rune{z, a, b}])
		p = (float64(m.quad[[4]rune{z, a, b, r}]) + t*p) / (float64(n) + t)
	}
	return p
}

// logProb is the log probability of the word spelt by seq (base letters
// of the model's script; 0 for a character that is not one, which counts
// as an edge).
func (m *letterModel) logProb(seq []rune) float64 {
	s := 0.0
	z, a, b := rune(0), rune(0), rune(0)
	for i := 0; i <= len(seq); i++ {
		r := rune(0)
		if i < len(seq) {
			r = seq[i]
		}
		if r == 0 && b == 0 {
			z, a = 0, 0
			continue
		}
		s += math.Log(m.prob(z, a, b, r))
		z, a, b = a, b, r
		if r == 0 {
			z, a = 0, 0
		}
	}
	return s
}
