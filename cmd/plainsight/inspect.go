package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/plainsight/plainsight/detect"
	"github.com/plainsight/plainsight/internal/ucd"
	"github.com/plainsight/plainsight/report"
)

func (a *app) inspectCmd() *cobra.Command {
	var (
		format, color, mode string
		only                bool
		limit               int
	)
	c := &cobra.Command{
		Use:   "inspect [TEXT|-]",
		Short: "Show every character of a text: code point, name, script, category, notes",
		Long: `Show one row per character: its byte offset, the character (invisible ones
made visible as ⟨U+200B⟩), code point, Unicode name, script, general category
and notes (look-alike of which letter, invisible, bidi control, tag, fancy
letter, ...). Rows that a scan reports, or that are invisible or controls, are
highlighted (marked with ! without colour); --only-suspicious shows just
those rows and their neighbours.

TEXT is taken literally; with - or no argument the text is read from
standard input.`,
		Example: `  plainsight inspect 'Belаrus'
  printf 'pay\u200bpal' | plainsight inspect
  plainsight inspect --only-suspicious < article.txt
  plainsight inspect --format json 'ｈｅｌｌｏ'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErr("inspect takes one TEXT (quote it if it has spaces), got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var text string
			if len(args) == 1 && args[0] != "-" {
				text = args[0]
			} else {
				data, err := io.ReadAll(a.stdin)
				if err != nil {
					return &exitErr{exitError, fmt.Errorf("<stdin>: %v", err)}
				}
				text = string(data)
			}
			on, err := a.colorOn(color, a.outTTY)
			if err != nil {
				return err
			}
			m, err := detect.ParseMode(strings.Replace(mode, "auto", "prose", 1))
			if err != nil {
				return usageErr("--mode: %v", err)
			}
			if format != "table" && format != "json" {
				return usageErr("--format %q: want table or json", format)
			}
			rows := inspectRows(text, detect.Options{Mode: m})
			out := bufio.NewWriter(a.stdout)
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if rows == nil {
					rows = []inspectRow{}
				}
				err = enc.Encode(rows)
			} else {
				writeInspect(out, rows, on, !only, limit)
			}
			if err == nil {
				err = out.Flush()
			}
			if err != nil {
				return &exitErr{exitError, fmt.Errorf("writing output: %w", err)}
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVarP(&format, "format", "f", "table", "table or json")
	fl.StringVar(&color, "color", "auto", "colour: auto, always or never")
	fl.StringVar(&mode, "mode", "prose", "prose or code (for the scan that marks suspicious rows)")
	fl.BoolVarP(&only, "only-suspicious", "s", false, "show only the suspicious rows and their neighbours")
	fl.IntVar(&limit, "limit", 0, "show at most this many rows (0: no limit)")
	return c
}

// inspectRow describes one character (or one invalid byte).
type inspectRow struct {
	Offset     int    `json:"offset"`
	Char       string `json:"char"`
	CodePoint  string `json:"code_point"`
	Name       string `json:"name"`
	Script     string `json:"script"`
	Category   string `json:"category"`
	Notes      string `json:"notes,omitempty"`
	Suspicious bool   `json:"suspicious"`
	Finding    string `json:"finding,omitempty"` // the kind a scan reported here
}

func inspectRows(text string, opts detect.Options) []inspectRow {
	rep, _ := detect.Scan(strings.NewReader(text), opts)
	// The kind of the finding covering each byte, if any.
	type span struct {
		lo, hi int64
		kind   report.Kind
		sev    report.Severity
	}
	var spans []span
	if rep != nil {
		for _, f := range rep.Findings {
			spans = append(spans, span{f.Start.Offset, f.End.Offset, f.Kind, f.Severity})
		}
	}
	var rows []inspectRow
	si := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var row inspectRow
		row.Offset = i
		if r == utf8.RuneError && size <= 1 {
			row.Char = fmt.Sprintf("⟨0x%02X⟩", text[i])
			row.CodePoint = fmt.Sprintf("0x%02X", text[i])
			row.Name = "(invalid UTF-8 byte)"
			row.Script, row.Category = "-", "-"
			row.Suspicious = true
			row.Notes = "not UTF-8"
		} else {
			row.Char = charCell(r)
			row.CodePoint = fmt.Sprintf("U+%04X", r)
			row.Name = ucd.Name(r)
			if row.Name == "" {
				row.Name = "(unnamed)"
			}
			row.Script = ucd.ScriptOf(r).String()
			row.Category = ucd.CategoryOf(r).String()
			notes, bad := charNotes(r)
			row.Notes = strings.Join(notes, "; ")
			row.Suspicious = bad
		}
		for si < len(spans) && spans[si].hi <= int64(i) {
			si++
		}
		for j := si; j < len(spans) && spans[j].lo <= int64(i); j++ {
			if int64(i) < spans[j].hi && spans[j].sev >= report.Warning {
				row.Finding = string(spans[j].kind)
				row.Suspicious = true
				break
			}
		}
		rows = append(rows, row)
		i += size
	}
	return rows
}

// charCell is how a character is shown in its row.
func charCell(r rune) string {
	switch r {
	case '\n':
		return "⟨LF⟩"
	case '\r':
		return "⟨CR⟩"
	case '\t':
		return "⟨TAB⟩"
	case ' ':
		return "⟨SP⟩"
	}
	v := report.VisibleRune(r)
	if ucd.CategoryOf(r).IsMark() && v == string(r) {
		return "◌" + v // a combining mark shown on a dotted circle
	}
	return v
}

// charNotes says what is notable about r, and whether that alone makes it
// suspicious.
func charNotes(r rune) (notes []string, bad bool) {
	p := ucd.Props(r)
	switch {
	case r >= 0xE0000 && r <= 0xE007F:
		notes = append(notes, "tag character (can carry hidden text)")
		if r >= 0xE0020 && r <= 0xE007E {
			notes[len(notes)-1] = fmt.Sprintf("tag character, hides %q", rune(r-0xE0000))
		}
		bad = true
	case p.Has(ucd.PropBidiControl):
		notes = append(notes, "bidi control (reorders what is displayed)")
		bad = true
	case p.Has(ucd.PropJoinControl):
		notes = append(notes, "invisible joiner (legitimate in emoji and some scripts)")
	case p.Has(ucd.PropVariationSelector):
		notes = append(notes, "variation selector (invisible)")
	case p.Has(ucd.PropDefaultIgnorable):
		notes = append(notes, "invisible")
		bad = true
	}
	if p.Has(ucd.PropWhiteSpace) && r != ' ' && r != '\t' && r != '\n' && r != '\r' {
		notes = append(notes, "unusual space")
	}
	cat := ucd.CategoryOf(r)
	switch {
	case ucd.IsPrivateUse(r):
		notes = append(notes, "private use")
		bad = true
	case ucd.IsNoncharacter(r):
		notes = append(notes, "noncharacter")
		bad = true
	case !ucd.IsAssigned(r):
		notes = append(notes, "unassigned in Unicode "+ucd.Version)
		bad = true
	case cat.String() == "Cc" && r != '\n' && r != '\r' && r != '\t':
		notes = append(notes, "control character")
		bad = true
	}
	if t, d := ucd.Decomposition(r); t.IsCompat() && d != "" {
		notes = append(notes, fmt.Sprintf("%s form of %q", strings.ToLower(t.String()), d))
	}
	if proto, ok := ucd.Prototype(r); ok && proto != string(r) {
		notes = append(notes, fmt.Sprintf("looks like %s", visibleQuote(proto)))
	}
	if cat.IsMark() {
		notes = append(notes, "combining mark")
	}
	return notes, bad
}

func visibleQuote(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, fmt.Sprintf("%s U+%04X", report.VisibleRune(r), r))
	}
	return "\"" + report.Visible(s, false) + "\" (" + strings.Join(parts, ", ") + ")"
}

func writeInspect(w *bufio.Writer, rows []inspectRow, color, all bool, limit int) {
	show := make([]bool, len(rows))
	for i, r := range rows {
		if all || r.Suspicious {
			show[i] = true
		}
		if !all && r.Suspicious {
			if i > 0 {
				show[i-1] = true
			}
			if i+1 < len(rows) {
				show[i+1] = true
			}
		}
	}
	nameW := 4
	for i, r := range rows {
		if show[i] && utf8.RuneCountInString(r.Name) > nameW {
			nameW = utf8.RuneCountInString(r.Name)
		}
	}
	if nameW > 40 {
		nameW = 40
	}
	fmt.Fprintf(w, "  %6s  %-8s %-8s  %-*s  %-10s %-3s  %s\n", "OFFSET", "CHAR", "CODE", nameW, "NAME", "SCRIPT", "CAT", "NOTES")
	n, gap, bad := 0, false, 0
	for i, r := range rows {
		if r.Suspicious {
			bad++
		}
		if !show[i] {
			gap = true
			continue
		}
		if limit > 0 && n >= limit {
			fmt.Fprintf(w, "  … %d more rows\n", len(rows)-i)
			break
		}
		if gap && !all {
			fmt.Fprintln(w, "  …")
		}
		gap = false
		n++
		mark := " "
		if r.Suspicious {
			mark = "!"
		}
		notes := r.Notes
		if r.Finding != "" {
			if notes != "" {
				notes += "; "
			}
			notes += "reported: " + r.Finding
		}
		name := r.Name
		if utf8.RuneCountInString(name) > nameW {
			name = string([]rune(name)[:nameW-1]) + "…"
		}
		line := fmt.Sprintf("%s %6d  %s %-8s  %-*s  %-10s %-3s  %s", mark, r.Offset, padCell(r.Char, 8), r.CodePoint, nameW, name, r.Script, r.Category, notes)
		line = strings.TrimRight(line, " ")
		if color && r.Suspicious {
			line = "\x1b[1;31m" + line + "\x1b[0m"
		}
		fmt.Fprintln(w, line)
	}
	if gap && !all && (limit == 0 || n < limit) {
		fmt.Fprintln(w, "  …")
	}
	fmt.Fprintf(w, "%s, %d suspicious\n", pluralize(len(rows), "character"), bad)
}

// padCell pads a cell to n terminal columns.
func padCell(s string, n int) string {
	w := 0
	for _, r := range s {
		switch {
		case ucd.CategoryOf(r).IsMark():
		case r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFF60 || r >= 0x1F300 && r <= 0x1F64F || r >= 0x1F900 && r <= 0x1F9FF || r >= 0x20000 && r <= 0x3FFFD):
			w += 2
		default:
			w++
		}
	}
	if w >= n {
		return s
	}
	return s + strings.Repeat(" ", n-w)
}
