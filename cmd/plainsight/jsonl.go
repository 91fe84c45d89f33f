package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/plainsight/plainsight/detect"
	"github.com/plainsight/plainsight/internal/config"
	"github.com/plainsight/plainsight/internal/walk"
	"github.com/plainsight/plainsight/report"
)

// JSON Lines pipelines: every input line is a JSON object; the text in
// --field is scanned (or restored), every other field is kept as it was
// (same order, same bytes), and a "plainsight" field is added with the
// findings summary. Lines are read, processed in parallel and written in
// order, with a bounded number in flight.

// maxRecord is the longest JSON Lines record accepted.
const maxRecord = 256 << 20

type kv struct {
	key string
	val json.RawMessage
}

// parseObject reads one JSON object keeping its fields in order.
func parseObject(line []byte) ([]kv, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return nil, errors.New("the record is not a JSON object")
	}
	var out []kv
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, kv{k, v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value on the line")
	}
	return out, nil
}

func writeObject(buf *bytes.Buffer, fields []kv) {
	buf.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(f.val)
	}
	buf.WriteString("}\n")
}

func setField(fields []kv, key string, val json.RawMessage) []kv {
	for i := range fields {
		if fields[i].key == key {
			fields[i].val = val
			return fields
		}
	}
	return append(fields, kv{key, val})
}

type record struct {
	src  string
	line int
	data []byte
}

type recordOut struct {
	out        []byte
	err        error
	suspicious bool
	max        report.Severity
}

// eachRecord feeds the lines of the inputs (files or standard input).
func (a *app) eachRecord(args []string, errs *[]error) func(emit func(record) bool) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	return func(emit func(record) bool) {
		for _, p := range args {
			var r io.Reader = a.stdin
			name := "<stdin>"
			if p != "-" {
				fh, err := os.Open(p)
				if err != nil {
					*errs = append(*errs, openErr(p, err))
					continue
				}
				defer fh.Close()
				r, name = fh, p
			}
			br := bufio.NewReaderSize(r, 1<<20)
			n := 0
			for {
				line, err := readLine(br)
				if len(line) > 0 {
					n++
					if !emit(record{name, n, line}) {
						return
					}
				}
				if err != nil {
					if err != io.EOF {
						*errs = append(*errs, fmt.Errorf("%s: line %d: %v", name, n+1, err))
					}
					break
				}
			}
		}
	}
}

// readLine returns the next line without its line ending.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxRecord {
			return nil, fmt.Errorf("record longer than %d MiB", maxRecord>>20)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		if err == io.EOF && len(line) > 0 {
			return line, nil
		}
		return line, err
	}
}

func (a *app) pipeline(args []string, jobs int, work func(record) recordOut, failOn report.Severity) error {
	var errs []error
	out := bufio.NewWriterSize(a.stdout, 64<<10)
	var outErr error
	var max report.Severity
	bad := 0
	walk.Ordered(jobs, a.eachRecord(args, &errs), work, func(r recordOut) bool {
		if r.err != nil {
			fmt.Fprintf(a.stderr, "plainsight: %v\n", r.err)
			bad++
		}
		if r.max > max {
			max = r.max
		}
		if len(r.out) > 0 {
			_, outErr = out.Write(r.out)
		}
		return outErr == nil
	})
	if outErr == nil {
		outErr = out.Flush()
	}
	if outErr != nil {
		return &exitErr{exitError, fmt.Errorf("writing output: %w", outErr)}
	}
	for _, e := range errs {
		fmt.Fprintf(a.stderr, "plainsight: %v\n", e)
	}
	if len(errs) > 0 || bad > 0 {
		return &exitErr{code: exitError}
	}
	if failOn != 0 && max >= failOn {
		return errFindings
	}
	return nil
}

// recordText extracts the text field of a record.
func recordText(rec record, field string) ([]kv, string, error) {
	fields, err := parseObject(rec.data)
	if err != nil {
		return nil, "", fmt.Errorf("%s: line %d: not a JSON object: %v", rec.src, rec.line, err)
	}
	for _, f := range fields {
		if f.key == field {
			var s string
			if err := json.Unmarshal(f.val, &s); err != nil {
				return fields, "", fmt.Errorf("%s: line %d: field %q is not a string", rec.src, rec.line, field)
			}
			return fields, s, nil
		}
	}
	return fields, "", fmt.Errorf("%s: line %d: no field %q (use --field to name the text field)", rec.src, rec.line, field)
}

func (a *app) scanJSONL(args []string, s *settings) error {
	field := s.flags.field
	opts, _ := s.optionsFor("")
	if s.mode == "code" {
		opts.Mode = detect.Code
	}
	work := func(rec record) recordOut {
		fields, text, err := recordText(rec, field)
		if err != nil {
			// Keep the record as it was, so that the stream stays whole.
			return recordOut{out: append(append([]byte(nil), rec.data...), '\n'), err: err}
		}
		rep, _ := detect.Scan(strings.NewReader(text), opts)
		if rep == nil {
			rep = &report.Report{}
		}
		filter(rep, s, config.Settings{}, opts.Mode == detect.Code, nil)
		brief := report.BriefOf(rep)
		b, _ := json.Marshal(brief)
		var buf bytes.Buffer
		writeObject(&buf, setField(fields, "plainsight", b))
		return recordOut{out: buf.Bytes(), suspicious: rep.Suspicious, max: maxSeverity(rep)}
	}
	return a.pipeline(args, s.flags.jobs, work, s.failOn)
}

func (a *app) cleanJSONL(args []string, s *settings, f *cleanFlags) error {
	field := f.field
	outField := f.outField
	if outField == "" {
		outField = field
	}
	opts := f.options(s, "")
	if s.mode == "code" {
		opts.Mode = detect.Code
	}
	work := func(rec record) recordOut {
		fields, text, err := recordText(rec, field)
		if err != nil {
			return recordOut{out: append(append([]byte(nil), rec.data...), '\n'), err: err}
		}
		var restored strings.Builder
		edits := 0
		rep, _ := detect.Clean(&restored, strings.NewReader(text), opts, func(report.Edit) error {
			edits++
			return nil
		})
		if rep == nil {
			rep = &report.Report{}
		}
		brief := report.BriefOf(rep)
		brief.Edits = &edits
		t, _ := json.Marshal(restored.String())
		b, _ := json.Marshal(brief)
		fields = setField(fields, outField, t)
		fields = setField(fields, "plainsight", b)
		var buf bytes.Buffer
		writeObject(&buf, fields)
		return recordOut{out: buf.Bytes()}
	}
	return a.pipeline(args, f.jobs, work, 0)
}
