package server

import (
	"bytes"
	"fmt"
	"net/http"
	"runtime/debug"
	"sort"
	"unicode/utf8"

	"github.com/plainsight/plainsight"
	"github.com/plainsight/plainsight/report"
)

// scan runs the engine on one input inside a work slot. An engine panic
// becomes a 500 for this request instead of a dropped connection.
func (s *Server) scan(in *input) (rep *report.Report, err error) {
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()
	defer recoverEngine(&err)
	rep, err = plainsight.Scan(bytes.NewReader(in.text), in.opts)
	if err == nil {
		s.finish(rep, in)
	}
	return rep, err
}

func (s *Server) clean(in *input) (out []byte, edits []report.Edit, rep *report.Report, err error) {
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()
	defer recoverEngine(&err)
	var buf bytes.Buffer
	buf.Grow(len(in.text))
	edits = []report.Edit{}
	rep, err = plainsight.CleanStream(&buf, bytes.NewReader(in.text), in.opts, func(e report.Edit) error {
		edits = append(edits, e)
		return nil
	})
	if err == nil {
		s.finish(rep, in)
	}
	return buf.Bytes(), edits, rep, err
}

// finish completes a report for the answer: empty lists and maps rather
// than null, as report.WriteJSON writes them.
func (s *Server) finish(rep *report.Report, in *input) {
	if rep.Findings == nil {
		rep.Findings = []report.Finding{}
	}
	if rep.Summary.Counts == nil {
		rep.Summary.Counts = map[report.Kind]int{}
	}
	if rep.Summary.Severity == nil {
		rep.Summary.Severity = map[report.Severity]int{}
	}
	if rep.Summary.Patterns == nil {
		rep.Summary.Patterns = []string{}
	}
	if rep.Source == "" {
		rep.Source = in.source
	}
	s.metrics.scanned(rep)
}

func recoverEngine(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("internal error in the scanning engine: %v\n%s", p, debug.Stack())
	}
}

func (s *Server) internal(w http.ResponseWriter, err error) {
	s.cfg.Logger.Error("scan failed", "err", err)
	writeError(w, http.StatusInternalServerError, "internal", "the scan failed inside the server; this is a bug, please report it with the input")
}

func (s *Server) handleScan(w http.ResponseWriter, r *http.Request) {
	in, err := s.decodeText(w, r)
	if err != nil {
		s.fail(w, err)
		return
	}
	defer in.free()
	release, ok := s.acquire(w, r, len(in.text))
	if !ok {
		return
	}
	rep, err := s.scan(in)
	release()
	if err != nil {
		s.internal(w, err)
		return
	}
	// The report JSON of `plainsight scan --format json`, without its
	// indentation: on reports with hundreds of findings, indenting costs
	// more than the scan.
	writeJSON(w, http.StatusOK, rep)
}

// cleanResponse is the answer of /v1/clean.
type cleanResponse struct {
	Suspicious bool   `json:"suspicious"`
	Changed    bool   `json:"changed"`
	Text       string `json:"text"`
	// TextBase64 carries the restored bytes when they are not valid UTF-8
	// (invalid input bytes are kept unless replace_invalid is set), since
	// JSON strings cannot hold them; Text then has U+FFFD in their place.
	TextBase64 []byte         `json:"text_base64,omitempty"`
	Edits      []report.Edit  `json:"edits"`
	Report     *report.Report `json:"report"`
}

func (s *Server) handleClean(w http.ResponseWriter, r *http.Request) {
	in, err := s.decodeText(w, r)
	if err != nil {
		s.fail(w, err)
		return
	}
	defer in.free()
	release, ok := s.acquire(w, r, len(in.text))
	if !ok {
		return
	}
	out, edits, rep, err := s.clean(in)
	release()
	if err != nil {
		s.internal(w, err)
		return
	}
	resp := cleanResponse{
		Suspicious: rep.Suspicious,
		Changed:    !bytes.Equal(out, in.text),
		Text:       string(out),
		Edits:      edits,
		Report:     rep,
	}
	if !utf8.Valid(out) {
		resp.TextBase64 = out
	}
	writeJSON(w, http.StatusOK, resp)
}

// charRow is one character of /v1/inspect.
type charRow struct {
	Offset    int64  `json:"offset"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Char      string `json:"char,omitempty"` // empty for an invalid byte
	CodePoint string `json:"code_point"`     // "U+0430", or "0xFF" for an invalid byte
	Name      string `json:"name"`
	Script    string `json:"script"`
	Category  string `json:"category"`
	// Notes say what is special about the character: the findings it is
	// part of, what it looks like, whether it is invisible.
	Notes []string `json:"notes,omitempty"`
	// Suspicious and Finding mean what they mean in the rows of
	// `plainsight inspect --format json`: the character is part of a
	// finding at warning or above (Finding is its kind), or is an invalid
	// byte.
	Suspicious bool   `json:"suspicious"`
	Finding    string `json:"finding,omitempty"`
}

type inspectResponse struct {
	Suspicious bool `json:"suspicious"`
	// Chars counts every character of the input; Rows may hold fewer
	// (notable only, or capped: see Truncated).
	Chars     int            `json:"chars"`
	Rows      []charRow      `json:"rows"`
	Truncated bool           `json:"truncated"`
	Report    *report.Report `json:"report"`
}

func (s *Server) handleInspect(w http.ResponseWriter, r *http.Request) {
	in, err := s.decodeText(w, r)
	if err != nil {
		s.fail(w, err)
		return
	}
	defer in.free()
	release, ok := s.acquire(w, r, len(in.text))
	if !ok {
		return
	}
	rep, err := s.scan(in)
	if err != nil {
		release()
		s.internal(w, err)
		return
	}
	resp := inspectResponse{Suspicious: rep.Suspicious, Report: rep}
	resp.Chars, resp.Rows, resp.Truncated = inspectRows(in.text, rep.Findings, in.notable, s.cfg.MaxInspectRows)
	release()
	writeJSON(w, http.StatusOK, resp)
}

// inspectRows describes each character of text, with notes from the
// findings that cover it.
func inspectRows(text []byte, findings []report.Finding, notable bool, maxRows int) (chars int, rows []charRow, truncated bool) {
	fs := make([]*report.Finding, len(findings))
	for i := range findings {
		fs[i] = &findings[i]
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start.Offset < fs[j].Start.Offset })
	var active []*report.Finding
	next := 0
	rows = []charRow{}
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		off := int64(i)
		// Findings starting at or before here join; those ended leave.
		for next < len(fs) && fs[next].Start.Offset <= off {
			active = append(active, fs[next])
			next++
		}
		kept := active[:0]
		for _, f := range active {
			if f.End.Offset > off {
				kept = append(kept, f)
			}
		}
		active = kept
		chars++
		if len(rows) >= maxRows {
			truncated = true
		} else if !notable || len(active) > 0 || r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r > 0x7e {
			rows = append(rows, describe(text[i:i+n], r, n, off, line, col, active))
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return chars, rows, truncated
}

func describe(b []byte, r rune, n int, off int64, line, col int, active []*report.Finding) charRow {
	row := charRow{Offset: off, Line: line, Column: col}
	if r == utf8.RuneError && n == 1 {
		row.CodePoint = fmt.Sprintf("0x%02X", b[0])
		row.Name = "(invalid UTF-8 byte)"
		row.Script = "Unknown"
		row.Category = "invalid"
		row.Notes = append(row.Notes, "not valid UTF-8")
		row.Suspicious = true
	} else {
		row.Char = string(b)
		row.CodePoint = fmt.Sprintf("U+%04X", r)
		row.Name = charName(r)
		row.Script = charScript(r)
		row.Category = charCategory(r)
		if note := intrinsicNote(r); note != "" {
			row.Notes = append(row.Notes, note)
		}
	}
	for _, f := range active {
		if f.Severity >= report.Warning && row.Finding == "" {
			row.Suspicious, row.Finding = true, string(f.Kind)
		}
		row.Notes = append(row.Notes, string(f.Kind)+" ("+f.Severity.String()+"): "+f.Message)
		for _, c := range f.Chars {
			if c.Offset == off && c.LooksLike != "" {
				row.Notes = append(row.Notes, fmt.Sprintf("looks like %q", c.LooksLike))
			}
		}
		if f.Hidden != "" && f.Start.Offset == off {
			row.Notes = append(row.Notes, fmt.Sprintf("hidden text: %q", f.Hidden))
		}
	}
	return row
}

// compareRequest is the body of /v1/compare.
type compareRequest struct {
	A *string `json:"a"`
	B *string `json:"b"`
}

type compareResponse struct {
	A         string `json:"a"`
	B         string `json:"b"`
	Identical bool   `json:"identical"`
	// Confusable: the skeletons are equal (identical strings are too).
	Confusable bool `json:"confusable"`
	// Class is the UTS #39 classification of the pair: "not confusable",
	// "single-script confusable", "mixed-script confusable" or
	// "whole-script confusable".
	Class     string `json:"class"`
	SkeletonA string `json:"skeleton_a"`
	SkeletonB string `json:"skeleton_b"`
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	if _, err := contentKind(r, true); err != nil {
		s.fail(w, err)
		return
	}
	buf, err := s.readBody(w, r)
	if err != nil {
		s.fail(w, err)
		return
	}
	var req compareRequest
	err = decodeJSON(buf.Bytes(), &req)
	buf.Reset()
	bufPool.Put(buf)
	if err == nil && (req.A == nil || req.B == nil) {
		err = badRequest("missing_text", "the JSON body needs both strings to compare: {\"a\": \"...\", \"b\": \"...\"}")
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	release, ok := s.acquire(w, r, len(*req.A)+len(*req.B))
	if !ok {
		return
	}
	resp, err := compare(*req.A, *req.B)
	release()
	if err != nil {
		s.internal(w, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func compare(a, b string) (resp compareResponse, err error) {
	defer recoverEngine(&err)
	resp = compareResponse{A: a, B: b, Identical: a == b}
	resp.SkeletonA, resp.SkeletonB = skeleton(a), skeleton(b)
	resp.Confusable = confusable(a, b)
	resp.Class = classify(a, b)
	return resp, nil
}

func (s *Server) handleKinds(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, report.Kinds())
}
