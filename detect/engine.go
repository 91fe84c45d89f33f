package detect

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// Block size of the streaming pass. A block ends at the last line break in
// a full buffer, so that lines (and the bidi state that UAX #9 resets at
// each paragraph separator) are whole; context never looks further than the
// block it is in plus the statistics of the blocks before it.
const (
	blockMax = 64 << 10 // the buffer; a line longer than this is cut at a space, else at a rune boundary
)

// cell is one decoded character of a block; it ends where the next one
// starts (or the block ends).
type cell struct {
	off int32 // byte offset in the block
	r   rune  // -1 for an invalid byte
	a   attr
}

// engine is one streaming pass over one input.
type engine struct {
	opts     Options
	kindOff  map[report.Kind]bool
	allow    map[rune]bool
	expected [numClasses]bool
	emit     func(*report.Finding) error

	// Position of the current block.
	base int64
	line int
	col  int

	// Document context gathered from the blocks seen so far.
	doc docContext

	// Line state carried across a forced cut inside a line.
	bidi bidiState

	// Reused buffers.
	cells          []cell
	ctx            []ctxKind
	lexer          lexState
	words          []word
	pairs          map[[2]rune]int32 // letter pairs of the block beyond ASCII, built on demand
	asciiPairs     *asciiPairTable   // pairs of ASCII letters
	innerPairs     *asciiPairTable   // the same, where the first does not open its word
	pairsBuilt     bool
	freq           map[rune]int                  // letters beyond ASCII in the block, counted on demand
	letters        int                           // letters in the block (with freq)
	loneSeen       bool                          // the block's one-letter words are in doc.lone
	house          rune                          // houseSpace, or -1 before it is computed
	mainClass      class                         // the class of most of the block's letters, or numClasses before it is counted
	breaks         int                           // spaceBreaks, or -1 before it is counted
	splits         int                           // splitWords, or -1 before it is counted
	lone1          *[0x80]int32                  // loneLatin, counted on demand
	shapesI        int8                          // shapesAreI: 1 yes, -1 no, 0 not yet judged
	hyphens        int8                          // typesetHyphens: 1 yes, -1 no, 0 not yet judged
	greekMixed     int                           // words of more than three letters that mix Latin and Greek (wordPass)
	intoLatin      [numClasses]int               // words of more than three letters restored into Latin, per script of their look-alikes (wordPass)
	disguisedWords int                           // words with letters restored so far (wordPass)
	latinShown     bool                          // the block, mostly Latin words, has restored two or more (wordPass)
	known          [numClasses]map[string]uint64 // blockWords, built on demand
	opens          map[rune]int                  // lineOpeners, built on demand
	model          [numClasses]*letterModel      // spelling, built on demand
	// Words of the block that vote with weight 1, per class and in all
	// (engine.present), counted on demand.
	strong      [numClasses]int32
	strongAll   int32
	strongBuilt bool
	blockVotes  [numClasses]float64 // the block's word votes, after wordPass
	any         attr                // union of the non-ASCII attributes of the block
	special     bool                // the block has characters for charPass's detectors
	idents      map[string]identSeen
	skel        []byte
	found       []report.Finding
	order       []int32
	orderTmp    []int32
	lazy        []lazyFinding // beside found
	scratch     *scratch      // where cells and words came from, to give them back
	infos       map[rune]*runeInfo
	infoHot     [64]*runeInfo // the runes described last, by their low bits, before the map
	rtlBlock    bool
	cjkBlock    bool
	joinBlock   bool // the block has letters of scripts that use ZWJ/ZWNJ

	sum summarizer
}

type docContext struct {
	votes     [numClasses]float64 // distinctive word votes per class
	letters   [numClasses]int64
	rtl       int64
	cjk       int64
	zalgo     int // letters carrying marks that no language puts there
	zalgoSeen int // letters carrying any combining mark on a Latin base
	// lone holds the letters, in small case, that the text writes as words
	// of one letter in scripts other than Latin (Russian "с", "и").
	lone map[rune]bool
	// disguised is set once a block had a finding above info.
	disguised bool
}

func newEngine(opts Options, emit func(*report.Finding) error) *engine {
	e := &engine{opts: opts, emit: emit, line: 1, col: 1}
	if len(opts.Kinds) > 0 {
		e.kindOff = map[report.Kind]bool{}
		for _, ki := range report.Kinds() {
			e.kindOff[ki.Kind] = true
		}
		for _, k := range opts.Kinds {
			delete(e.kindOff, k)
		}
	}
	if opts.Allow != "" {
		e.allow = map[rune]bool{}
		for _, r := range opts.Allow {
			e.allow[r] = true
		}
	}
	for _, s := range opts.Scripts {
		if sc, ok := ucd.ParseScript(s); ok {
			e.expected[classOfScript(sc)] = true
		}
	}
	e.sum.init()
	return e
}

// run reads r to its end. block, when not nil, is called after each block
// has been judged, with the block's bytes and its findings; order lists
// the findings in the order of the text.
func (e *engine) run(r io.Reader, block func(data []byte, found []report.Finding, order []int32) error) error {
	bp := blockBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	defer func() {
		*bp = buf[:0]
		blockBufs.Put(bp)
		e.release()
	}()
	eof := false
	for {
		// Fill the buffer whatever sizes the reader returns, so that the
		// blocks, and so the judgements, do not depend on how the input
		// arrives.
		for !eof && len(buf) < cap(buf) {
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return fmt.Errorf("reading input at byte %d: %w", e.base+int64(len(buf)), err)
			}
		}
		if len(buf) == 0 && eof {
			return nil
		}
		cut := len(buf)
		if !eof {
			cut = cutPoint(buf)
		}
		data := buf[:cut]
		e.scanBlock(data)
		if block != nil {
			if err := block(data, e.found, e.order); err != nil {
				return err
			}
		}
		e.advance(data)
		rest := copy(buf, buf[cut:])
		buf = buf[:rest]
	}
}

// blockBufs holds the read buffers of finished passes, and scratchBufs the
// per-block working memory (cells, words), so that a pass over a short
// input allocates neither anew.
var (
	blockBufs   = sync.Pool{New: func() any { b := make([]byte, 0, blockMax); return &b }}
	scratchBufs sync.Pool
)

type scratch struct {
	cells []cell
	words []word
	found []report.Finding
	lazy  []lazyFinding
	order []int32
}

// acquire gives the engine the working memory of an earlier pass, if any.
func (e *engine) acquire() {
	if s, ok := scratchBufs.Get().(*scratch); ok {
		e.cells, e.words = s.cells[:0], s.words[:0]
		e.found, e.lazy, e.order = s.found[:0], s.lazy[:0], s.order[:0]
		e.scratch = s
	}
}

// release hands the engine's working memory on to a later pass.
func (e *engine) release() {
	if cap(e.cells) == 0 && cap(e.words) == 0 {
		return
	}
	s := e.scratch
	if s == nil {
		s = &scratch{}
	}
	s.cells, s.words = e.cells[:0], e.words[:0]
	clear(e.found[:cap(e.found)]) // let the strings of old findings go
	s.found, s.lazy, s.order = e.found[:0], e.lazy[:0], e.order[:0]
	e.cells, e.words, e.found, e.lazy, e.order, e.scratch = nil, nil, nil, nil, nil, nil
	scratchBufs.Put(s)
}

// cutPoint chooses where a full buffer ends: after the last line break,
// else after the last space, else at a rune boundary.
func cutPoint(b []byte) int {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	if i := bytes.LastIndexByte(b, ' '); i >= len(b)/2 {
		return i + 1
	}
	i := len(b)
	for k := 0; k < utf8.UTFMax && i > 0; k++ {
		if utf8.RuneStart(b[i-1]) {
			i--
			break
		}
		i--
	}
	if i == 0 {
		return len(b)
	}
	// Do not split a run of invisible or combining characters from its base.
	for j := i; j > len(b)/2; {
		r, n := utf8.DecodeLastRune(b[:j])
		if r == utf8.RuneError || n <= 1 {
			return j
		}
		a := attrOf(r)
		if a&(aMark|aIgnorable|aVS|aTag|aBidi) == 0 {
			return j
		}
		j -= n
		i = j
	}
	return i
}

// advance moves the position past a judged block.
func (e *engine) advance(data []byte) {
	e.base += int64(len(data))
	nl := bytes.Count(data, []byte{'\n'})
	if nl > 0 {
		e.line += nl
		last := bytes.LastIndexByte(data, '\n')
		e.col = 1 + utf8.RuneCount(data[last+1:])
	} else {
		e.col += utf8.RuneCount(data)
	}
	e.sum.bytes = e.base
	e.sum.lines = e.line
	if len(data) > 0 && data[len(data)-1] == '\n' {
		e.sum.lines = e.line - 1
	}
}

// plainASCII reports whether b is ASCII without control characters other
// than TAB, LF, CR, FF and VT: such a block can hold no finding. It looks at
// 32 bytes at a time and never decodes a rune.
func plainASCII(b []byte) bool {
	const hi = 0x8080808080808080
	const lo = 0x0101010101010101
	i := 0
	for ; i+32 <= len(b); i += 32 {
		c := b[i : i+32 : i+32]
		w0 := binary.LittleEndian.Uint64(c[0:8])
		w1 := binary.LittleEndian.Uint64(c[8:16])
		w2 := binary.LittleEndian.Uint64(c[16:24])
		w3 := binary.LittleEndian.Uint64(c[24:32])
		// One test for the common case: a high bit in w, w-0x20 or w+1 is
		// set for the first byte (lowest address) that is above 0x7F,
		// below 0x20 or 0x7F, whatever the carries above it. Line breaks
		// set it too: look closer then.
		t := (w0 | (w0 - 0x20*lo) | (w0 + lo)) | (w1 | (w1 - 0x20*lo) | (w1 + lo)) |
			(w2 | (w2 - 0x20*lo) | (w2 + lo)) | (w3 | (w3 - 0x20*lo) | (w3 + lo))
		if t&hi != 0 {
			if (w0|w1|w2|w3)&hi != 0 {
				return false
			}
			if !asciiWordPlain(w0) || !asciiWordPlain(w1) || !asciiWordPlain(w2) || !asciiWordPlain(w3) {
				return false
			}
		}
	}
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i : i+8])
		if w&hi != 0 || !asciiWordPlain(w) {
			return false
		}
	}
	for _, c := range b[i:] {
		if c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			return false
		}
	}
	return true
}

// asciiWordPlain reports whether the eight ASCII bytes of w (no byte above
// 0x7F) hold no control character other than TAB, LF, VT, FF and CR
// (0x09..0x0D). Adding 0x80-k to a byte below 0x80 sets its high bit
// exactly when the byte is at least k, and never carries.
func asciiWordPlain(w uint64) bool {
	const hi = 0x8080808080808080
	const lo = 0x0101010101010101
	ge09 := w + (0x80-0x09)*lo
	ge0E := w + (0x80-0x0E)*lo
	ge20 := w + (0x80-0x20)*lo
	del := w + lo // 0x7F
	return (^ge09|ge0E&^ge20|del)&hi == 0
}

// scanBlock judges one block and leaves its findings, in order and with
// positions, in e.found.
func (e *engine) scanBlock(data []byte) {
	e.found = e.found[:0]
	e.order = e.order[:0]
	e.lazy = e.lazy[:0]
	e.pairsBuilt = false
	e.freq, e.letters = nil, 0
	e.loneSeen = false
	e.house = -1
	e.mainClass = numClasses
	e.breaks = -1
	e.splits = -1
	e.lone1 = nil
	e.shapesI = 0
	e.hyphens = 0
	e.known = [numClasses]map[string]uint64{}
	e.opens = nil
	e.model = [numClasses]*letterModel{}
	if e.opts.Mode != Code && plainASCII(data) {
		// ASCII prose is Latin context for what follows.
		e.doc.letters[cLatin] += int64(len(data))
		e.doc.votes[cLatin] += float64(len(data)) / 6
		e.bidi.reset()
		return
	}
	tableOnce.Do(loadTable)
	e.decode(data)
	if e.opts.Mode == Code {
		e.lex(data)
	}
	e.charPass(data)
	e.letterDigits()
	e.wordPass(data)
	e.numbers(data)
	// What the block hides as a whole decides the findings that are
	// harmless alone: zero width spaces next to white space, typing slips.
	var slipBuf [8]int
	e.incidental(e.slips(&e.blockVotes, slipBuf[:0]))
	// Folding (on request) leaves alone what the detectors restore, so it
	// comes once the block has decided that: a typographic space kept as
	// written is folded like any other.
	e.fold(data)
	for k := range e.found {
		if e.found[k].Severity >= report.Warning {
			e.doc.disguised = true
			break
		}
	}
	e.finish(data)
}

// decode fills e.cells with the block's characters; invalid bytes become
// cells of their own with r = -1.
func (e *engine) decode(data []byte) {
	if cap(e.cells) < len(data) && e.scratch == nil {
		e.acquire()
	}
	if cap(e.cells) < len(data) {
		e.cells = make([]cell, 0, len(data))
	}
	cells := e.cells[:len(data)] // one cell per byte at most
	tbl := (*[0x20000]attr)(table)
	var any attr   // union of the non-ASCII attributes: which passes have work
	var ascii attr // union of the ASCII ones
	var sf scriptFlags
	odd := false // invalid bytes or fullwidth forms
	n := 0       // cells so far
	// A cell takes at least one byte, so n <= i: cells has room for every
	// cell while i < len(data).
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			a := asciiAttrs[c]
			ascii |= a
			cells[n] = cell{off: int32(i), r: rune(c), a: a}
			n++
			i++
			continue
		}
		// Two-byte sequences (every alphabet but those of India and East
		// Asia) are decoded inline; the rest goes through the standard
		// decoder.
		if c >= 0xC2 && c < 0xE0 && i+1 < len(data) && data[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(data[i+1]&0x3F)
			a := tbl[r]
			any |= a
			if a&(aRTL|aCJK|aJoining) != 0 {
				sf.note(a)
			}
			cells[n] = cell{off: int32(i), r: r, a: a}
			n++
			i += 2
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			cells[n] = cell{off: int32(i), r: -1}
			n++
			odd = true
			i++
			continue
		}
		if isWide(r) {
			odd = true
		}
		var a attr
		if r < 0x20000 {
			a = tbl[r]
		} else {
			a = computeAttr(r)
		}
		any |= a
		if a&(aRTL|aCJK|aJoining) != 0 {
			sf.note(a)
		}
		cells[n] = cell{off: int32(i), r: r, a: a}
		n++
		i += size
	}
	e.cells = cells[:n]
	e.any = any
	const special = aControl | aTag | aVS | aBidi | aIgnorable | aSpace | aPUA | aUnassigned
	e.special = odd || any&special != 0 || ascii&aControl != 0
	e.doc.rtl += sf.rtl
	e.doc.cjk += sf.cjk
	e.rtlBlock = sf.rtl > 0 || e.doc.rtl > 0
	e.cjkBlock = sf.cjk > 0
	e.joinBlock = sf.join
}

// scriptFlags gathers, while decoding, what the block's scripts need of the
// detectors: right-to-left letters, CJK letters, letters of scripts that use
// joiners.
type scriptFlags struct {
	rtl, cjk int64
	join     bool
}

func (f *scriptFlags) note(a attr) {
	if a&aRTL != 0 {
		f.rtl++
	}
	if a&aJoining != 0 && a&aLetter != 0 {
		f.join = true
	}
	if a&aCJK != 0 && a&aLetter != 0 {
		f.cjk++
	}
}

// add records a finding for cells [i, j) of the current block.
func (e *engine) add(data []byte, i, j int, f report.Finding) {
	e.addLazy(data, i, j, f, lazyFinding{})
}

// lazyFinding holds what the message, word and characters of a finding are
// made of, for the detectors that report thousands of findings in a
// disguised text: they are written out (materialize) only for the findings
// that are stored or logged, and the summary reads the characters from here.
type lazyFinding struct {
	how    lazyHow
	r, rep rune  // the character and, for look-alikes, the one it stands for
	i, j   int32 // the finding's cells
	from   int32 // look-alikes: the word's cells [from, to)
	to     int32
	t      class
	slip   bool // look-alikes: judged a typing slip (engine.slips)
	// palochka: a Latin l or I typed for the Caucasian palochka.
	palochka bool
	word     bool // invisible: inside a word
	// incidental: harmless alone (engine.incidental); typo: a typographic
	// space reported only because others stand between words.
	incidental, typo bool
	why              string // invisible: what the character is
	note             string // invisible: why it is left alone; slips: how many (engine.incidental)
}

type lazyHow uint8

const (
	lazyNone      lazyHow = iota // the finding is complete
	lazySwap                     // engine.swap
	lazyInvisible                // engine.invisible
)

// addLazy is add for a finding whose Chars, Word and Message l describes.
func (e *engine) addLazy(data []byte, i, j int, f report.Finding, l lazyFinding) {
	if e.allow != nil {
		for k := i; k < j; k++ {
			if e.allow[e.cells[k].r] {
				return
			}
		}
	}
	start := int(e.cells[i].off)
	end := len(data)
	if j < len(e.cells) {
		end = int(e.cells[j].off)
	}
	f.Start.Offset = int64(start)
	f.End.Offset = int64(end)
	if j == i+1 && e.cells[i].r >= 0 {
		f.Text = e.info(e.cells[i].r).char // a valid character is its own UTF-8
	} else {
		f.Text = string(data[start:end])
	}
	l.i, l.j = int32(i), int32(j)
	if l.how == lazyNone && len(f.Chars) == 0 {
		for k := i; k < j && k < i+64; k++ {
			f.Chars = append(f.Chars, e.describe(e.cells[k]))
		}
	}
	e.found = append(e.found, f)
	e.lazy = append(e.lazy, l)
}

// materialize writes out the Chars, Word and Message of finding k of the
// block just judged (its cells are still there).
func (e *engine) materialize(data []byte, k int) {
	l := &e.lazy[k]
	f := &e.found[k]
	if l.how != lazyNone && f.Replacement != nil {
		// The detector shared the string with the block's other findings.
		f.Replacement = report.Str(*f.Replacement)
	}
	switch l.how {
	case lazySwap:
		wordText := e.text(data, int(l.from), int(l.to))
		wordQ := strconv.Quote(wordText)
		ri, rr := e.info(l.r), e.info(l.rep)
		ch := e.describe(e.cells[l.i])
		ch.LooksLike = rr.char
		from, tn := ri.from, classNames[l.t]
		if f.Kind == report.LookalikeWord {
			f.Message = "the word " + wordQ + " is written in " + from + " letters that look like " + tn + " ones, among " + tn + " words: " + from + " " + ri.quoted + " (" + ri.cp + " " + ri.name + ") stands for " + rr.quoted
		} else {
			f.Message = from + " " + ri.quoted + " (" + ri.cp + " " + ri.name + ") in the " + tn + " word " + wordQ + " looks like " + tn + " " + rr.quoted
		}
		if l.palochka {
			f.Message += "; the usual way to type the palochka, which keyboards lack, so not a disguise"
		}
		if l.slip {
			dom := l.t
			if dom == cLatin {
				dom = attrOf(l.r).class()
			}
			only := "the only one" // or what engine.incidental noted
			if l.note != "" {
				only = l.note
			}
			f.Message += "; " + only + " in a long " + classNames[dom] + " text, so more likely a typing slip between keyboard layouts than a disguise"
		}
		f.Chars = []report.Char{ch}
		f.Word = wordText
	case lazyInvisible:
		i, j := int(l.i), int(l.j)
		n := j - i
		for k := i; k < j && k < i+64; k++ {
			f.Chars = append(f.Chars, e.describe(e.cells[k]))
		}
		where := "between characters"
		if l.word {
			where = "inside a word"
		}
		f.Message = "invisible " + l.why + " (" + e.info(l.r).cp + ") " + where
		if n > 1 {
			f.Message = strconv.Itoa(n) + " invisible " + l.why + " (" + e.info(l.r).cp + ") in a row " + where
		}
		if l.note != "" {
			f.Message += "; " + l.note
		}
		f.Word = e.wordAround(data, i, j)
	}
	l.how = lazyNone
}

// describe explains one character for a finding.
func describe(c cell, base int64) report.Char {
	off := base + int64(c.off)
	if c.r < 0 {
		return report.Char{Offset: off, CodePoint: "", Name: "invalid UTF-8 byte", Script: "Unknown"}
	}
	return report.Char{
		Offset:    off,
		CodePoint: cp(c.r),
		Char:      string(c.r),
		Name:      ucd.Name(c.r),
		Script:    ucd.ScriptOf(c.r).String(),
	}
}

// describe is describe with the strings of characters seen before.
func (e *engine) describe(c cell) report.Char {
	if c.r < 0 {
		return describe(c, e.base)
	}
	ri := e.info(c.r)
	return report.Char{Offset: e.base + int64(c.off), CodePoint: ri.cp, Char: ri.char, Name: ri.name, Script: ri.script}
}

// runeInfo holds the strings that findings say about one character, so
// that a disguise repeated thousands of times is described once.
type runeInfo struct {
	r       rune
	cp      string  // "U+0430"
	char    string  // the character itself
	charPtr *string // points to char: a replacement shared by the findings of a block until they are materialized
	quoted  string  // strconv.Quote(char), what %q writes
	name    string  // Unicode name
	script  string  // Unicode script
	from    string  // scriptName
}

// maxInfos bounds the characters whose descriptions an engine remembers.
const maxInfos = 4096

// info returns the descriptions of valid rune r.
func (e *engine) info(r rune) *runeInfo {
	if ri := e.infoHot[r&63]; ri != nil && ri.r == r {
		return ri
	}
	ri := e.infos[r]
	if ri == nil {
		ri = newRuneInfo(r)
		if e.infos == nil {
			e.infos = make(map[rune]*runeInfo)
		}
		if len(e.infos) < maxInfos {
			e.infos[r] = ri
		}
	}
	e.infoHot[r&63] = ri
	return ri
}

func newRuneInfo(r rune) *runeInfo {
	s := string(r)
	return &runeInfo{r: r, cp: cp(r), char: s, charPtr: &s, quoted: strconv.Quote(s), name: ucd.Name(r), script: ucd.ScriptOf(r).String(), from: scriptName(r)}
}

// finish orders the block's findings, drops overlapping replacements,
// fills in positions and hands them on.
func (e *engine) finish(data []byte) {
	e.sortFound()
	f := e.found
	// A byte is changed by at most one finding.
	var end int64 = -1
	for _, k := range e.order {
		if f[k].Replacement == nil || !e.keep(&f[k]) {
			continue // a finding left out of the report changes nothing
		}
		if f[k].Start.Offset < end {
			f[k].Replacement = nil
			continue
		}
		end = f[k].End.Offset
	}
	// Positions: walk the block once with a cursor (starts are in order);
	// each end is its start moved over the finding's own bytes.
	line, col := e.line, e.col
	at, atCell := 0, 0
	for _, k := range e.order {
		off := int(f[k].Start.Offset)
		i, j := int(e.lazy[k].i), int(e.lazy[k].j)
		line, col = walkCells(data[at:off], i-atCell, line, col)
		at, atCell = off, i
		f[k].Start = report.Position{Offset: e.base + int64(off), Line: line, Column: col}
		endOff := int(f[k].End.Offset)
		el, ec := walkCells(data[off:endOff], j-i, line, col)
		f[k].End = report.Position{Offset: e.base + int64(endOff), Line: el, Column: ec}
	}
	for _, k := range e.order {
		if e.keep(&f[k]) { // findings below the minimum severity count for nothing
			e.sum.observe(&f[k], &e.lazy[k])
		}
	}
}

// walkCells is walkPos over b, the bytes of n cells of the block: each
// cell is a character (or an invalid byte), so on a line it moves n
// columns.
func walkCells(b []byte, n, line, col int) (int, int) {
	if bytes.IndexByte(b, '\n') < 0 {
		return line, col + n
	}
	return walkPos(b, line, col)
}

// walkPos moves the position line:col over b, which starts at a character
// boundary: a line break starts a new line, any other character (an
// invalid byte counts as one) moves one column.
func walkPos(b []byte, line, col int) (int, int) {
	if len(b) < 64 {
		// Short stretches (the gaps between findings in a disguised text,
		// the findings themselves): one step per character.
		for i := 0; i < len(b); {
			c := b[i]
			switch {
			case c == '\n':
				line++
				col = 1
				i++
				continue
			case c < utf8.RuneSelf:
				i++
			default:
				_, n := utf8.DecodeRune(b[i:])
				i += n
			}
			col++
		}
		return line, col
	}
	if nl := bytes.Count(b, newline); nl > 0 {
		last := bytes.LastIndexByte(b, '\n')
		return line + nl, 1 + utf8.RuneCount(b[last+1:])
	}
	return line, col + utf8.RuneCount(b)
}

var newline = []byte{'\n'}

// sortFound orders the block's findings by start, stably, in e.order
// (indexes into e.found): each detector reports in order, so the findings
// are often in order already.
func (e *engine) sortFound() {
	f := e.found
	idx := e.order[:0]
	sorted := true
	for k := range f {
		if k > 0 && f[k].Start.Offset < f[k-1].Start.Offset {
			sorted = false
		}
		idx = append(idx, int32(k))
	}
	e.order = idx
	if !sorted {
		e.order, e.orderTmp = mergeRuns(idx, e.orderTmp, func(a, b int32) bool { return f[b].Start.Offset < f[a].Start.Offset })
	}
}

// mergeRuns sorts idx stably by merging its ascending runs pairwise
// (after reports b before a), using tmp as the other buffer; it returns
// the sorted slice and the other buffer.
func mergeRuns(idx, tmp []int32, after func(a, b int32) bool) ([]int32, []int32) {
	n := len(idx)
	if cap(tmp) < n {
		tmp = make([]int32, n)
	}
	tmp = tmp[:n]
	// Run boundaries: 0 = b[0] < b[1] < ... < b[m] = n.
	bounds := []int{0}
	for k := 1; k < n; k++ {
		if after(idx[k-1], idx[k]) {
			bounds = append(bounds, k)
		}
	}
	bounds = append(bounds, n)
	src, dst := idx, tmp
	for len(bounds) > 2 {
		next := bounds[:1]
		for r := 0; r+1 < len(bounds); r += 2 {
			lo, mid := bounds[r], bounds[r+1]
			hi := mid
			if r+2 < len(bounds) {
				hi = bounds[r+2]
			}
			i, j, o := lo, mid, lo
			for i < mid && j < hi {
				if after(src[i], src[j]) {
					dst[o] = src[j]
					j++
				} else {
					dst[o] = src[i] // ties keep the earlier run first: stable
					i++
				}
				o++
			}
			o += copy(dst[o:], src[i:mid])
			copy(dst[o:], src[j:hi])
			next = append(next, hi)
		}
		bounds = next
		src, dst = dst, src
	}
	return src, dst
}

// errStop is returned by a sink to end the pass early without error.
var errStop = errors.New("stop")
