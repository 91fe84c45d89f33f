package detect

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

// summarizer builds the document summary from the findings as they pass,
// in memory bounded by the number of distinct disguises, not the input.
type summarizer struct {
	counts   map[report.Kind]int
	sev      map[report.Severity]int
	total    int
	bytes    int64
	lines    int
	firstBad int // first line with a finding at warning or above (0: none)

	// Per-kind and per-severity counts as findings pass, put into counts
	// and sev by report: maps keyed by strings are slow for every finding.
	slots []kindSlot
	sevN  [256]int

	subs   map[[2]rune]*subst
	kinds  map[report.Kind]*span
	hidden []hiddenNote
}

type kindSlot struct {
	kind  report.Kind
	count int
	span  *span // kinds[kind], once there is one
}

// slot returns the counts of kind k.
func (s *summarizer) slot(k report.Kind) *kindSlot {
	for i := range s.slots {
		if s.slots[i].kind == k {
			return &s.slots[i]
		}
	}
	s.slots = append(s.slots, kindSlot{kind: k})
	return &s.slots[len(s.slots)-1]
}

// subst is one character standing in for another, e.g. U+0430 for 'a'.
type subst struct {
	from, to   rune
	count      int
	firstOff   int64
	first      int
	last       int
	plainAfter int // plain 'to' characters after the first disguise
}

type span struct {
	count       int
	first, last int
	chars       map[rune]int
}

type hiddenNote struct {
	line int
	how  string
	text string
}

func (s *summarizer) init() {
	s.counts = map[report.Kind]int{}
	s.sev = map[report.Severity]int{}
	s.subs = map[[2]rune]*subst{}
	s.kinds = map[report.Kind]*span{}
}

// observe adds one finding (with its position) to the summary; l says what
// its characters are when they are not written out yet.
func (s *summarizer) observe(f *report.Finding, l *lazyFinding) {
	ks := s.slot(f.Kind)
	ks.count++
	s.sevN[f.Severity]++
	s.total++
	if f.Severity < report.Warning {
		return
	}
	if s.firstBad == 0 || f.Start.Line < s.firstBad {
		s.firstBad = f.Start.Line
	}
	switch l.how {
	case lazySwap:
		s.substitution(f, l.r, l.rep)
	case lazyNone:
		if len(f.Chars) == 1 && f.Chars[0].LooksLike != "" {
			from := []rune(f.Chars[0].Char)
			to := []rune(f.Chars[0].LooksLike)
			if len(from) == 1 && len(to) == 1 {
				s.substitution(f, from[0], to[0])
			}
		}
	}
	sp := ks.span
	if sp == nil {
		sp = &span{first: f.Start.Line, chars: map[rune]int{}}
		s.kinds[f.Kind] = sp
		ks.span = sp
	}
	sp.count++
	sp.last = f.Start.Line
	switch l.how {
	case lazySwap:
		sp.chars[l.r]++
	case lazyInvisible:
		sp.chars[l.r] += min(int(l.j-l.i), 64)
	default:
		for _, c := range f.Chars {
			if rs := []rune(c.Char); len(rs) == 1 {
				sp.chars[rs[0]]++
			}
		}
	}
	if f.Kind == report.HiddenPayload && len(s.hidden) < 5 {
		how := "variation selectors"
		if len(f.Chars) > 0 && strings.HasPrefix(f.Chars[0].CodePoint, "U+E00") {
			how = "tag characters"
		}
		s.hidden = append(s.hidden, hiddenNote{f.Start.Line, how, f.Hidden})
	}
}

// substitution counts character from standing in for to.
func (s *summarizer) substitution(f *report.Finding, from, to rune) {
	k := [2]rune{from, to}
	sb := s.subs[k]
	if sb == nil {
		sb = &subst{from: from, to: to, firstOff: f.Start.Offset, first: f.Start.Line}
		s.subs[k] = sb
	}
	sb.count++
	sb.last = f.End.Line
}

// countPlain counts, in a judged block, the plain characters that a known
// disguise stands in for, after its first occurrence: "every 'a'" is a
// claim to check, not to assume.
func (s *summarizer) countPlain(data []byte, base int64) {
	for _, sb := range s.subs {
		if sb.to >= 0x80 || sb.count < 2 {
			continue
		}
		from := sb.firstOff - base
		if from >= int64(len(data)) {
			continue
		}
		if from < 0 {
			from = 0
		}
		sb.plainAfter += bytes.Count(data[from:], []byte{byte(sb.to)})
	}
}

func (s *summarizer) report(rep *report.Report) {
	sm := &rep.Summary
	for _, ks := range s.slots {
		s.counts[ks.kind] += ks.count
	}
	s.slots = s.slots[:0]
	for sev, n := range s.sevN {
		if n > 0 {
			s.sev[report.Severity(sev)] += n
		}
	}
	s.sevN = [256]int{}
	sm.Counts = s.counts
	sm.Severity = s.sev
	sm.Findings = s.total
	sm.Bytes = s.bytes
	sm.Lines = s.lines
	errs, warns := s.sev[report.Error], s.sev[report.Warning]
	switch {
	case errs > 0 || warns >= 5:
		sm.Verdict = report.Disguised
	case warns > 0:
		sm.Verdict = report.Suspicious
	default:
		sm.Verdict = report.Clean
	}
	rep.Suspicious = errs+warns > 0
	sm.Score = math.Round(1000*(1-math.Exp(-float64(4*errs+warns)/8))) / 10
	sm.Patterns = s.patterns()
	if sm.Patterns == nil {
		sm.Patterns = []string{}
	}
}

func lineRange(a, b int) string {
	if a == b {
		return fmt.Sprintf("line %d", a)
	}
	return fmt.Sprintf("lines %d–%d", a, b)
}

// patterns writes the sentences a person grasps at a glance: hidden text,
// the substitutions that run through the text ("from line 12 on, every
// 'a' is U+0430"), styled letters by style, the other look-alikes
// together, and one line per remaining kind.
func (s *summarizer) patterns() []string {
	var out []string
	for _, h := range s.hidden {
		out = append(out, fmt.Sprintf("hidden text in %s at line %d: %q", h.how, h.line, clip(h.text, 60)))
	}
	subs := make([]*subst, 0, len(s.subs))
	for _, sb := range s.subs {
		subs = append(subs, sb)
	}
	sort.Slice(subs, func(a, b int) bool {
		if subs[a].count != subs[b].count {
			return subs[a].count > subs[b].count
		}
		if subs[a].from != subs[b].from {
			return subs[a].from < subs[b].from
		}
		return subs[a].to < subs[b].to
	})
	type style struct {
		name               string
		count, first, last int
		examples           []string
	}
	var styles []*style
	var rest []*subst
	told := 0
	for _, sb := range subs {
		if fancyPlainRune(sb.from) != 0 {
			name := styleOf(sb.from)
			var st *style
			for _, x := range styles {
				if x.name == name {
					st = x
				}
			}
			if st == nil {
				st = &style{name: name, first: sb.first, last: sb.last}
				styles = append(styles, st)
			}
			st.count += sb.count
			st.first, st.last = min(st.first, sb.first), max(st.last, sb.last)
			if len(st.examples) < 3 {
				st.examples = append(st.examples, fmt.Sprintf("%s for %s", string(sb.from), string(sb.to)))
			}
			continue
		}
		name := fmt.Sprintf("U+%04X %s", sb.from, ucd.Name(sb.from))
		switch {
		case told >= 5 || sb.count < 3:
			rest = append(rest, sb)
			continue
		case sb.plainAfter == 0 && sb.to < 0x80:
			p := fmt.Sprintf("from line %d on, every %q is %s (%d of %d)", sb.first, string(sb.to), name, sb.count, sb.count)
			if sb.first > 1 && s.firstBad == sb.first {
				p += fmt.Sprintf("; %s are clean", lineRange(1, sb.first-1))
			}
			out = append(out, p)
		default:
			out = append(out, fmt.Sprintf("%q is written as %s %d times (of %d %q from line %d on), %s",
				string(sb.to), name, sb.count, sb.count+sb.plainAfter, string(sb.to), sb.first, lineRange(sb.first, sb.last)))
		}
		told++
	}
	for _, st := range styles {
		more := ""
		if st.count > len(st.examples) {
			more = ", …"
		}
		out = append(out, fmt.Sprintf("%d %s letter(s) standing in for plain ones (%s%s), %s",
			st.count, st.name, strings.Join(st.examples, ", "), more, lineRange(st.first, st.last)))
	}
	if len(rest) > 0 {
		n, first, last := 0, rest[0].first, rest[0].last
		var items []string
		for i, sb := range rest {
			n += sb.count
			first, last = min(first, sb.first), max(last, sb.last)
			if i < 4 {
				items = append(items, fmt.Sprintf("%s (U+%04X) for %s ×%d", string(sb.from), sb.from, string(sb.to), sb.count))
			} else if i == 4 {
				items = append(items, "…")
			}
		}
		label := "look-alike letter(s)"
		if told > 0 {
			label = "other look-alike letter(s)"
		}
		out = append(out, fmt.Sprintf("%d %s: %s, %s", n, label, strings.Join(items, ", "), lineRange(first, last)))
	}
	kinds := make([]report.Kind, 0, len(s.kinds))
	for k := range s.kinds {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(a, b int) bool { return kinds[a] < kinds[b] })
	for _, k := range kinds {
		switch k {
		case report.LookalikeInWord, report.LookalikeWord, report.FancyLetter, report.HiddenPayload:
			continue // told above
		}
		sp := s.kinds[k]
		what := topChars(sp.chars, 3)
		if what != "" {
			what = ": " + what
		}
		out = append(out, fmt.Sprintf("%s ×%d%s, %s", strings.ToLower(k.Info().Title), sp.count, what, lineRange(sp.first, sp.last)))
	}
	return out
}

// styleOf names the style of a styled letter from its Unicode name:
// "MATHEMATICAL BOLD", "FULLWIDTH", "SMALL CAPITAL", "CIRCLED".
func styleOf(r rune) string {
	name := ucd.Name(r)
	if strings.HasPrefix(name, "LATIN LETTER SMALL CAPITAL") {
		return "SMALL CAPITAL"
	}
	words := strings.Fields(name)
	if len(words) > 0 {
		words = words[:len(words)-1]
	}
	var keep []string
	for _, w := range words {
		switch w {
		case "LATIN", "SMALL", "CAPITAL", "LETTER", "DIGIT":
		default:
			keep = append(keep, w)
		}
	}
	switch {
	case len(keep) == 0:
		return "styled"
	case keep[0] == "MATHEMATICAL", keep[0] == "FULLWIDTH", keep[0] == "CIRCLED", keep[0] == "PARENTHESIZED",
		keep[0] == "SQUARED", keep[0] == "MODIFIER", keep[0] == "SUPERSCRIPT", keep[0] == "SUBSCRIPT",
		keep[0] == "NEGATIVE", keep[0] == "DOUBLE-STRUCK", keep[0] == "SCRIPT", keep[0] == "BLACK-LETTER":
		return strings.Join(keep, " ")
	}
	return "styled"
}

func topChars(m map[rune]int, n int) string {
	type kv struct {
		r rune
		n int
	}
	var l []kv
	for r, c := range m {
		l = append(l, kv{r, c})
	}
	sort.Slice(l, func(a, b int) bool {
		if l[a].n != l[b].n {
			return l[a].n > l[b].n
		}
		return l[a].r < l[b].r
	})
	var parts []string
	for i, x := range l {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("U+%04X %s ×%d", x.r, ucd.Name(x.r), x.n))
	}
	return strings.Join(parts, ", ")
}
