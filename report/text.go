package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextOptions configure the human-readable output.
type TextOptions struct {
	// Color adds ANSI colours.
	Color bool
	// Line returns line n (1-based) of the input without its line ending,
	// so that a diagnostic can show where a finding is. Nil, or false, and
	// the source line is left out.
	Line func(n int) (string, bool)
	// Context is how many code points to show on each side of a finding
	// when its line is long. Zero means 40.
	Context int
	// NoSummary leaves out the per-document summary block.
	NoSummary bool
	// Brief writes only the first line of each diagnostic.
	Brief bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiBlue   = "\x1b[34m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
)

type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}

func severityColor(s Severity) string {
	switch s {
	case Error:
		return ansiRed
	case Warning:
		return ansiYellow
	}
	return ansiCyan
}

// WriteText writes r as compiler-style diagnostics, one per finding:
//
//	path:line:col: severity[kind]: message
//	   12 | …seen by locаl journаlists…
//	      |             ^
//	      = restore: "locаl" → "local"
//
// followed by the document summary (verdict, counts, patterns) unless
// opts.NoSummary is set. Invisible characters in the source line are shown
// as ⟨U+200B⟩ so that what is hidden can be seen.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	p := painter(opts.Color)
	name := r.Source
	if name == "" {
		name = "<stdin>"
	}
	ctx := opts.Context
	if ctx <= 0 {
		ctx = 40
	}
	for i := range r.Findings {
		writeFinding(bw, p, name, &r.Findings[i], opts, ctx)
	}
	if !opts.NoSummary {
		writeSummary(bw, p, name, r)
	}
	return bw.Flush()
}

func writeFinding(w *bufio.Writer, p painter, name string, f *Finding, opts TextOptions, ctx int) {
	fmt.Fprintf(w, "%s: %s: %s\n",
		p.paint(ansiBold, fmt.Sprintf("%s:%d:%d", name, f.Start.Line, f.Start.Column)),
		p.paint(severityColor(f.Severity), fmt.Sprintf("%s[%s]", f.Severity, f.Kind)),
		p.paint(ansiBold, oneLine(f.Message)))
	if opts.Brief {
		return
	}
	gutter := len(fmt.Sprint(f.Start.Line)) + 1
	if gutter < 5 {
		gutter = 5
	}
	pad := strings.Repeat(" ", gutter)
	if opts.Line != nil {
		if line, ok := opts.Line(f.Start.Line); ok {
			endCol := f.End.Column
			if f.End.Line != f.Start.Line || endCol <= f.Start.Column {
				endCol = f.Start.Column + 1
				if f.End.Line != f.Start.Line {
					endCol = utf8.RuneCountInString(line) + 2
				}
			}
			src, marks := markLine(line, f.Start.Column, endCol, ctx)
			fmt.Fprintf(w, "%s %s %s\n", p.paint(ansiBlue, fmt.Sprintf("%*d", gutter, f.Start.Line)), p.paint(ansiBlue, "|"), src)
			fmt.Fprintf(w, "%s %s %s\n", pad, p.paint(ansiBlue, "|"), p.paint(severityColor(f.Severity), marks))
		}
	}
	note := func(label, text string) {
		fmt.Fprintf(w, "%s %s %s: %s\n", pad, p.paint(ansiBlue, "="), p.paint(ansiBold, label), text)
	}
	if f.Replacement != nil {
		from, to := f.Text, *f.Replacement
		if f.Word != "" && strings.Count(f.Word, f.Text) == 1 && f.Text != "" {
			from, to = f.Word, strings.Replace(f.Word, f.Text, to, 1)
		}
		if *f.Replacement == "" {
			note("restore", fmt.Sprintf("remove %s", quoteVisible(f.Text)))
		} else {
			note("restore", fmt.Sprintf("%s → %s", quoteVisible(from), p.paint(ansiGreen, quoteVisible(to))))
		}
	}
	for _, c := range f.Chars {
		desc := c.CodePoint
		if c.Name != "" {
			desc += " " + c.Name
		}
		if c.Script != "" && c.Script != "Common" && c.Script != "Inherited" && c.Script != "Unknown" {
			desc += " (" + c.Script + ")"
		}
		if c.LooksLike != "" {
			desc += fmt.Sprintf(", looks like %s", quoteVisible(c.LooksLike))
		}
		note("char", desc)
	}
	if f.Hidden != "" {
		note("hidden", quoteVisible(f.Hidden))
	}
	if f.Context != "" {
		note("in", f.Context)
	}
	w.WriteByte('\n')
}

func writeSummary(w *bufio.Writer, p painter, name string, r *Report) {
	s := &r.Summary
	verdict := string(s.Verdict)
	if verdict == "" {
		verdict = string(Clean)
	}
	col := ansiGreen
	switch s.Verdict {
	case Disguised:
		col = ansiRed
	case Suspicious:
		col = ansiYellow
	}
	n := s.Findings
	if n < len(r.Findings) {
		n = len(r.Findings)
	}
	line := fmt.Sprintf("%s: %s", name, p.paint(col, verdict))
	if n > 0 {
		line += fmt.Sprintf(" (score %.0f): %s", s.Score, plural(n, "finding"))
		var parts []string
		for _, sev := range []Severity{Error, Warning, Info} {
			if c := s.Severity[sev]; c > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", c, sev))
			}
		}
		if len(parts) > 0 {
			line += " (" + strings.Join(parts, ", ") + ")"
		}
	}
	w.WriteString(line + "\n")
	kinds := make([]Kind, 0, len(s.Counts))
	for k, c := range s.Counts {
		if c > 0 {
			kinds = append(kinds, k)
		}
	}
	sort.Slice(kinds, func(i, j int) bool {
		if s.Counts[kinds[i]] != s.Counts[kinds[j]] {
			return s.Counts[kinds[i]] > s.Counts[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	for _, k := range kinds {
		fmt.Fprintf(w, "  %-22s %d\n", k, s.Counts[k])
	}
	for _, pat := range s.Patterns {
		fmt.Fprintf(w, "  %s %s\n", p.paint(ansiBold, "pattern:"), oneLine(pat))
	}
	if s.Dropped > 0 {
		fmt.Fprintf(w, "  (%d findings beyond the cap were counted but not listed)\n", s.Dropped)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// markLine renders line for a terminal (invisible characters made visible)
// and returns it with a marker line whose carets sit under the code points
// in columns [from, to) (1-based). Long lines are cut to ctx code points
// around the marked span.
func markLine(line string, from, to, ctx int) (string, string) {
	var src, marks strings.Builder
	lo, hi := from-ctx, to+ctx
	col := 0
	if lo > 1 {
		src.WriteString("…")
		marks.WriteString(" ")
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		col++
		var vis string
		if r == utf8.RuneError && size <= 1 {
			vis = fmt.Sprintf("⟨0x%02X⟩", line[i])
		} else {
			vis = VisibleRune(r)
		}
		i += size
		if col < lo || col >= hi {
			continue
		}
		src.WriteString(vis)
		wd := width(vis)
		mark := " "
		if col >= from && col < to {
			mark = "^"
		}
		if vis == "\t" {
			marks.WriteString("\t")
			continue
		}
		if mark == "^" && wd == 0 {
			// A combining mark has no width of its own; point at it
			// anyway by widening its line by one column.
			src.WriteString(" ")
			wd = 1
		}
		marks.WriteString(strings.Repeat(mark, wd))
	}
	if col >= hi {
		src.WriteString("…")
	}
	if col < from { // the finding is the line ending itself
		marks.WriteString("^")
	}
	return src.String(), strings.TrimRight(marks.String(), " ")
}

// VisibleRune returns r as it should be shown to a person looking for
// disguises: itself when it is an ordinary visible character, otherwise a
// marker such as ⟨U+200B⟩ (invisible, format and control characters,
// unusual spaces, variation selectors, tags, private use, unassigned).
// Tab is returned as itself.
func VisibleRune(r rune) string {
	if r == '\t' {
		return "\t"
	}
	if needsMarker(r) {
		return fmt.Sprintf("⟨U+%04X⟩", r)
	}
	return string(r)
}

// Visible returns s with every character that needs it made visible as by
// VisibleRune, invalid bytes as ⟨0xFF⟩, and line endings as ⟨LF⟩/⟨CR⟩ when
// keepNewlines is false.
func Visible(s string, keepNewlines bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, "⟨0x%02X⟩", s[i])
		case r == '\n' && !keepNewlines:
			b.WriteString("⟨LF⟩")
		case r == '\r' && !keepNewlines:
			b.WriteString("⟨CR⟩")
		case r == '\n' || r == '\r':
			b.WriteRune(r)
		case r == '\t':
			if keepNewlines {
				b.WriteRune(r)
			} else {
				b.WriteString("⟨TAB⟩")
			}
		default:
			b.WriteString(VisibleRune(r))
		}
		i += size
	}
	return b.String()
}

func quoteVisible(s string) string { return "\"" + Visible(s, false) + "\"" }

func needsMarker(r rune) bool {
	if r < 0x7f {
		return r < 0x20
	}
	switch {
	case r == 0x3164 || r == 0xFFA0 || r == 0x115F || r == 0x1160 || r == 0x034F: // fillers and the grapheme joiner draw nothing
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, r >= 0x180B && r <= 0x180F: // variation selectors
		return true
	case r >= 0xE0000 && r <= 0xE007F: // tags
		return true
	case r == 0x2800: // braille blank
		return true
	}
	if unicode.Is(unicode.Zs, r) { // spaces other than U+0020
		return true
	}
	return !unicode.IsGraphic(r) || unicode.Is(unicode.Co, r)
}

// width is the number of terminal columns s takes, near enough for
// lining up a marker: wide East Asian characters take two, combining marks
// none.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me):
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F ||
		(r >= 0x2E80 && r <= 0xA4CF && r != 0x303F) ||
		(r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) ||
		(r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x1F300 && r <= 0x1F64F) ||
		(r >= 0x1F900 && r <= 0x1F9FF) ||
		(r >= 0x20000 && r <= 0x3FFFD))
}
