package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainsight/plainsight/detect"
	"github.com/plainsight/plainsight/report"
)

type cleanFlags struct {
	scanFlags
	output         string
	inPlace        bool
	backup         string
	diff           bool
	log            string
	keepSpaces     bool
	foldCompat     bool
	replaceInvalid bool
	outField       string
}

func (a *app) cleanCmd() *cobra.Command {
	var f cleanFlags
	c := &cobra.Command{
		Use:   "clean [PATH ...|-]",
		Short: "Restore disguised text: plain letters back, invisible characters out",
		Long: `Restore the intended text: look-alike letters become the letters they imitate,
fancy letters plain ones, invisible characters, bidi controls and hidden
payloads are removed; everything else is kept byte for byte. The restored
text goes to standard output, to -o FILE, or back into each file with
--in-place (written to a temporary file and renamed, so a file is never
left half-written).

--diff shows what would change instead, with invisible characters made
visible; --log FILE writes the change log (every edit with its byte offsets,
line, column, original and replacement) as JSON.

Exit codes: 0 done, 2 usage error or unreadable input or unwritable output.`,
		Example: `  plainsight clean article.txt > article.clean.txt
  cat post.txt | plainsight clean -
  plainsight clean --diff article.txt
  plainsight clean --in-place --backup .orig docs/*.md
  plainsight clean --log changes.json -o clean.txt article.txt
  plainsight clean --jsonl --field text < posts.jsonl > posts.clean.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.clean(cmd, args, &f)
		},
	}
	a.commonFlags(c, &f.scanFlags)
	fl := c.Flags()
	fl.StringVarP(&f.output, "output", "o", "", "write the restored text to FILE instead of standard output")
	fl.BoolVarP(&f.inPlace, "in-place", "i", false, "restore each file in place (atomic replace)")
	fl.StringVar(&f.backup, "backup", "", "with --in-place, keep the original as FILE+SUFFIX")
	fl.BoolVar(&f.diff, "diff", false, "show a diff of what restoring would change, and change nothing")
	fl.StringVar(&f.log, "log", "", "write the change log as JSON to FILE")
	fl.BoolVar(&f.keepSpaces, "keep-spaces", false, "leave unusual spaces in place")
	fl.BoolVar(&f.foldCompat, "fold-compat", false, "also fold legitimate compatibility characters (½, ™, ﬁ, fullwidth forms in CJK text)")
	fl.BoolVar(&f.replaceInvalid, "replace-invalid", false, "replace invalid UTF-8 bytes with U+FFFD instead of keeping them")
	fl.StringVar(&f.outField, "out-field", "", "with --jsonl, the field for the restored text (default: replace --field)")
	fl.StringVar(&f.color, "color", "auto", "colour the diff: auto, always or never")
	return c
}

func (a *app) clean(cmd *cobra.Command, args []string, f *cleanFlags) error {
	first := ""
	if len(args) > 0 {
		first = args[0]
	}
	s, err := a.resolve(cmd, &f.scanFlags, first)
	if err != nil {
		return err
	}
	s.minSev = report.Info
	if f.jsonl {
		return a.cleanJSONL(args, s, f)
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	if f.backup != "" && !f.inPlace {
		return usageErr("--backup needs --in-place")
	}
	if f.inPlace && f.output != "" {
		return usageErr("--in-place and --output cannot be used together")
	}
	if len(args) > 1 && !f.inPlace && !f.diff {
		return usageErr("clean takes one input unless --in-place or --diff is given (got %d)", len(args))
	}
	color, err := a.colorOn(f.color, a.outTTY)
	if err != nil {
		return err
	}
	var lw *editLog
	if f.log != "" {
		lw, err = newEditLog(f.log, len(args) > 1)
		if err != nil {
			return &exitErr{exitError, fmt.Errorf("writing the change log: %w", err)}
		}
		defer lw.abort()
	}
	failed := false
	for _, p := range args {
		if f.inPlace && p == "-" {
			return usageErr("--in-place needs files, not standard input")
		}
		lg, err := a.cleanOne(p, s, f, color, lw)
		if lw != nil && lw.open {
			if lerr := lw.end(lg.Summary); lerr != nil {
				return &exitErr{exitError, fmt.Errorf("writing the change log: %w", lerr)}
			}
		}
		if err != nil {
			if ee, ok := err.(*exitErr); ok && ee.err != nil && isWriteErr(ee.err) {
				return err
			}
			fmt.Fprintf(a.stderr, "plainsight: %v\n", err)
			failed = true
			continue
		}
	}
	if lw != nil {
		if err := lw.close(); err != nil {
			return &exitErr{exitError, fmt.Errorf("writing the change log %s: %w", f.log, err)}
		}
	}
	if failed {
		return &exitErr{code: exitError}
	}
	return nil
}

// editLog streams the change log to a file as the edits come, so that
// logging a large corpus does not hold its edits in memory. One input
// gives one object; several give an array of them. The file appears
// (atomically) only when the log is complete.
type editLog struct {
	path  string
	tmp   *os.File
	w     *bufio.Writer
	multi bool
	n     int  // inputs begun
	edits int  // edits in the current input
	open  bool // an input's object is open
	err   error
}

func newEditLog(path string, multi bool) (*editLog, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot create a file in %s: %v", dir, unwrapPath(err))
	}
	l := &editLog{path: path, tmp: tmp, w: bufio.NewWriterSize(tmp, 64<<10), multi: multi}
	if multi {
		l.w.WriteString("[\n")
	}
	return l, nil
}

func (l *editLog) begin(source string) {
	if l.n > 0 && l.multi {
		l.w.WriteString(",\n")
	}
	l.n++
	src, _ := json.Marshal(source)
	fmt.Fprintf(l.w, "{\n  \"source\": %s,\n  \"edits\": [", src)
	l.edits = 0
	l.open = true
}

func (l *editLog) add(e report.Edit) error {
	if l.err != nil {
		return l.err
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if l.edits > 0 {
		l.w.WriteByte(',')
	}
	l.edits++
	l.w.WriteString("\n    ")
	_, l.err = l.w.Write(data)
	return l.err
}

func (l *editLog) end(sum report.Summary) error {
	if l.edits > 0 {
		l.w.WriteString("\n  ")
	}
	data, err := json.MarshalIndent(sum, "  ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(l.w, "],\n  \"summary\": %s\n}", data)
	l.open = false
	return l.err
}

func (l *editLog) close() error {
	if l.multi {
		l.w.WriteString("\n]")
	}
	l.w.WriteByte('\n')
	if err := l.w.Flush(); err != nil {
		return err
	}
	l.tmp.Chmod(0o644)
	if err := l.tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(l.tmp.Name(), l.path); err != nil {
		return unwrapPath(err)
	}
	l.tmp = nil
	return nil
}

// abort removes the temporary file of a log that was not closed.
func (l *editLog) abort() {
	if l.tmp != nil {
		l.tmp.Close()
		os.Remove(l.tmp.Name())
	}
}

type writeErr struct{ error }

func (w writeErr) Unwrap() error { return w.error }

func isWriteErr(err error) bool {
	_, ok := err.(writeErr)
	return ok
}

// cleanLog is the change log of one input, as --log writes it.
type cleanLog struct {
	Source  string         `json:"source"`
	Edits   []report.Edit  `json:"edits"`
	Summary report.Summary `json:"summary"`
}

func (f *cleanFlags) options(s *settings, name string) detect.Options {
	o, _ := s.optionsFor(name)
	o.MinSeverity = report.Info
	o.KeepSpaces = f.keepSpaces
	o.FoldCompatibility = f.foldCompat
	o.ReplaceInvalid = f.replaceInvalid
	return o
}

// cleanOne restores one input. Edits go to lw when it is set; they are
// kept in the returned log only for --diff, which needs them, so that
// memory does not grow with the number of edits.
func (a *app) cleanOne(p string, s *settings, f *cleanFlags, color bool, lw *editLog) (cleanLog, error) {
	name := p
	path := p
	if p == "-" {
		name, path = "<stdin>", ""
	}
	lg := cleanLog{Source: name, Edits: []report.Edit{}}
	if lw != nil {
		lw.begin(name)
	}
	nEdits := 0
	var in io.Reader = a.stdin
	if path != "" {
		fh, err := openFile(path)
		if err != nil {
			return lg, openErr(name, err)
		}
		defer fh.Close()
		if fi, err := fh.Stat(); err == nil && fi.IsDir() {
			return lg, fmt.Errorf("%s: is a directory; clean takes files (use --in-place with a list of files)", name)
		}
		in = fh
	}
	opts := f.options(s, path)
	onEdit := func(e report.Edit) error {
		nEdits++
		if f.diff {
			lg.Edits = append(lg.Edits, e)
		}
		if lw != nil {
			return lw.add(e)
		}
		return nil
	}

	if f.diff {
		data, err := io.ReadAll(in)
		if err != nil {
			return lg, openErr(name, err)
		}
		var restored bytes.Buffer
		rep, err := detect.Clean(&restored, bytes.NewReader(data), opts, onEdit)
		if err != nil {
			return lg, openErr(name, err)
		}
		if rep != nil {
			lg.Summary = rep.Summary
		}
		out := bufio.NewWriter(a.stdout)
		writeDiff(out, name, data, lg.Edits, color)
		if err := out.Flush(); err != nil {
			return lg, &exitErr{exitError, writeErr{fmt.Errorf("writing output: %w", err)}}
		}
		return lg, nil
	}

	if f.inPlace {
		// Restore into a temporary file beside the original, then
		// rename it over the original (after linking a backup).
		err := writeFileAtomicWithBackup(path, f.backup, func(w io.Writer) error {
			rep, err := detect.Clean(w, in, opts, onEdit)
			if rep != nil {
				lg.Summary = rep.Summary
			}
			if err != nil {
				return openErr(name, err)
			}
			return nil
		}, func() bool { return nEdits > 0 })
		if err != nil {
			return lg, err
		}
		return lg, nil
	}

	if f.output != "" {
		err := writeFileAtomic(f.output, func(w io.Writer) error {
			rep, err := detect.Clean(w, in, opts, onEdit)
			if rep != nil {
				lg.Summary = rep.Summary
			}
			return err
		})
		if err != nil {
			return lg, fmt.Errorf("%s: %v", f.output, err)
		}
		return lg, nil
	}

	out := bufio.NewWriterSize(a.stdout, 64<<10)
	ew := &errWriter{w: out}
	rep, err := detect.Clean(ew, in, opts, onEdit)
	if rep != nil {
		lg.Summary = rep.Summary
	}
	if ew.err == nil {
		ew.err = out.Flush()
	}
	if ew.err != nil {
		return lg, &exitErr{exitError, writeErr{fmt.Errorf("writing output: %w", ew.err)}}
	}
	if err != nil {
		return lg, openErr(name, err)
	}
	return lg, nil
}

// errWriter remembers the first write error, so that a read error and a
// write error can be told apart after a copy.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

// writeFileAtomicWithBackup replaces path through a temporary file and a
// rename, but only when changed says so after writing: a file with nothing
// to restore is left untouched (same bytes, same time stamp). With a backup
// suffix, the original is linked (or copied) to path+suffix first.
func writeFileAtomicWithBackup(path, suffix string, write func(io.Writer) error, changed func() bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot create a temporary file beside it: %v", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	if fi, err := os.Stat(path); err == nil {
		tmp.Chmod(fi.Mode().Perm())
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	if !changed() {
		return nil
	}
	if suffix != "" {
		bak := path + suffix
		os.Remove(bak)
		if err := os.Link(path, bak); err != nil {
			if err := copyFile(path, bak); err != nil {
				return fmt.Errorf("%s: making the backup %s: %v", path, bak, unwrapPath(err))
			}
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	fi, err := src.Stat()
	if err != nil {
		return err
	}
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// writeDiff prints a unified-style diff of the lines that the edits
// change, with invisible characters made visible on both sides.
func writeDiff(w *bufio.Writer, name string, data []byte, edits []report.Edit, color bool) {
	if len(edits) == 0 {
		return
	}
	p := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + "\x1b[0m"
	}
	fmt.Fprintln(w, p("\x1b[1m", "--- "+name))
	fmt.Fprintln(w, p("\x1b[1m", "+++ "+name+" (restored)"))
	// Group edits that touch the same lines.
	for i := 0; i < len(edits); {
		lo := lineStart(data, edits[i].Start)
		hi := lineEnd(data, edits[i].End)
		j := i + 1
		for j < len(edits) && edits[j].Start < hi {
			if e := lineEnd(data, edits[j].End); e > hi {
				hi = e
			}
			j++
		}
		var restored bytes.Buffer
		at := lo
		for _, e := range edits[i:j] {
			restored.Write(data[at:e.Start])
			restored.WriteString(e.Replacement)
			at = e.End
		}
		restored.Write(data[at:hi])
		line := edits[i].Line
		nOld := bytes.Count(data[lo:hi], []byte("\n")) + 1
		nNew := bytes.Count(restored.Bytes(), []byte("\n")) + 1
		fmt.Fprintln(w, p("\x1b[36m", fmt.Sprintf("@@ -%d,%d +%d,%d @@ %s", line, nOld, line, nNew, pluralize(j-i, "change"))))
		for _, l := range strings.Split(string(data[lo:hi]), "\n") {
			fmt.Fprintln(w, p("\x1b[31m", "-"+report.Visible(l, true)))
		}
		for _, l := range strings.Split(restored.String(), "\n") {
			fmt.Fprintln(w, p("\x1b[32m", "+"+report.Visible(l, true)))
		}
		i = j
	}
}

func lineStart(data []byte, off int64) int64 {
	i := bytes.LastIndexByte(data[:off], '\n')
	return int64(i + 1)
}

func lineEnd(data []byte, off int64) int64 {
	if off > 0 && data[off-1] == '\n' {
		off--
	}
	i := bytes.IndexByte(data[off:], '\n')
	if i < 0 {
		return int64(len(data))
	}
	return off + int64(i)
}
