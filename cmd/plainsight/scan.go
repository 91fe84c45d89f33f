package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainsight/plainsight/detect"
	"github.com/plainsight/plainsight/internal/config"
	"github.com/plainsight/plainsight/internal/walk"
	"github.com/plainsight/plainsight/report"
)

// scanFlags are the options of scan (and, in part, clean).
type scanFlags struct {
	format        string
	minSeverity   string
	failOn        string
	kinds         string
	skipKinds     string
	mode          string
	scripts       []string
	allow         string
	jobs          int
	noIgnore      bool
	binary        bool
	color         string
	quiet         bool
	brief         bool
	jsonl         bool
	field         string
	baseline      string
	writeBaseline string
	configFile    string
	noConfig      bool
	restoreSlips  bool
	maxFindings   int
}

func (a *app) scanCmd() *cobra.Command {
	var f scanFlags
	c := &cobra.Command{
		Use:   "scan [PATH ...]",
		Short: "Report disguised text in files, directories or standard input",
		Long: `Scan files, directory trees (recursively, in parallel) or standard input
(no PATH, or -) and report every disguise with its place, what it is and the
proposed restoration.

Directories are walked like ripgrep does: .git is skipped, .gitignore and
.ignore rules are honoured (--no-ignore to include ignored files), symbolic
links are not followed, binary files (a NUL byte in the first 8 KiB) are
skipped and counted. With --mode auto (the default) source files are scanned
as code and everything else as prose.

A .plainsight.toml in the scanned repository's root sets expected scripts,
allowed characters, per-path modes and severities and kinds to skip. In code
mode, a line containing "plainsight:ignore" (say, in a comment) has its
findings suppressed.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
2 usage error or unreadable input.`,
		Example: `  plainsight scan article.txt
  cat post.txt | plainsight scan --format json -
  plainsight scan --format sarif . > plainsight.sarif
  plainsight scan --kinds bidi-control,invisible --mode code src/
  plainsight scan --write-baseline .plainsight-baseline.json .
  plainsight scan --baseline .plainsight-baseline.json .
  plainsight scan --jsonl --field text < posts.jsonl > posts.flagged.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.scan(cmd, args, &f)
		},
	}
	fl := c.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: text, json, jsonl or sarif")
	a.commonFlags(c, &f)
	fl.StringVar(&f.failOn, "fail-on", "warning", "exit 1 when a finding is at or above this severity: info, warning, error or never")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files scanned in parallel")
	fl.BoolVar(&f.noIgnore, "no-ignore", false, "also scan files that .gitignore or .ignore exclude")
	fl.BoolVar(&f.binary, "binary", false, "scan binary files instead of skipping them")
	fl.StringVar(&f.color, "color", "auto", "colour the text output: auto, always or never (NO_COLOR is honoured)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress line and no closing summary line")
	fl.BoolVar(&f.brief, "brief", false, "text output: one line per finding, without the source line and notes")
	fl.StringVar(&f.baseline, "baseline", "", "ignore the findings recorded in this baseline file: only new ones count")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record every finding of this scan in a baseline file")
	fl.IntVar(&f.maxFindings, "max-findings", 0, "findings stored per input (0: the default cap, -1: no cap)")
	_ = c.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json", "jsonl", "sarif"))
	_ = c.RegisterFlagCompletionFunc("fail-on", fixedCompletion("info", "warning", "error", "never"))
	_ = c.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	return c
}

// commonFlags are shared by scan and clean.
func (a *app) commonFlags(c *cobra.Command, f *scanFlags) {
	fl := c.Flags()
	fl.StringVar(&f.minSeverity, "min-severity", "", "leave out findings below this severity: info, warning or error (default info)")
	fl.StringVar(&f.kinds, "kinds", "", "only these finding kinds, comma-separated (see 'plainsight kinds')")
	fl.StringVar(&f.skipKinds, "skip-kinds", "", "leave out these finding kinds, comma-separated")
	fl.StringVar(&f.mode, "mode", "auto", "prose, code, or auto (by file extension; standard input is prose)")
	fl.StringSliceVar(&f.scripts, "scripts", nil, "scripts the text is expected to use, e.g. Latin,Cyrillic: whole words in them are never judged look-alikes")
	fl.StringVar(&f.allow, "allow", "", "characters never reported")
	fl.BoolVar(&f.restoreSlips, "restore-slips", false, "treat the look-alikes that are likely typing slips (one or a few, one letter a word, in a long text of another script) as a disguise (error, restored), not as slips (info, kept)")
	fl.BoolVar(&f.jsonl, "jsonl", false, "read JSON Lines and treat the --field of each record as one input")
	fl.StringVar(&f.field, "field", "text", "with --jsonl, the field holding the text")
	fl.StringVar(&f.configFile, "config", "", "configuration file (default: "+config.FileName+" in the repository root)")
	fl.BoolVar(&f.noConfig, "no-config", false, "ignore any configuration file")
	_ = c.RegisterFlagCompletionFunc("mode", fixedCompletion("prose", "code", "auto"))
	_ = c.RegisterFlagCompletionFunc("min-severity", fixedCompletion("info", "warning", "error"))
	kindNames := make([]string, 0, len(report.Kinds()))
	for _, k := range report.Kinds() {
		kindNames = append(kindNames, string(k.Kind))
	}
	_ = c.RegisterFlagCompletionFunc("kinds", fixedCompletion(kindNames...))
	_ = c.RegisterFlagCompletionFunc("skip-kinds", fixedCompletion(kindNames...))
	c.Long += "\n\nFinding kinds: " + strings.Join(kindNames, ", ") + "."
}

func fixedCompletion(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

// settings is everything that decides how one input is scanned and
// filtered, resolved from flags and the configuration file.
type settings struct {
	flags     *scanFlags
	cfg       *config.Config
	base      detect.Options // from the flags
	mode      string         // "prose", "code" or "auto"
	minSev    report.Severity
	failOn    report.Severity // 0: never
	skipKinds map[report.Kind]bool
	baseline  *config.Baseline
	batch     bool      // several inputs in one JSON object
	prog      *progress // counts bytes as they are read
}

func (a *app) resolve(cmd *cobra.Command, f *scanFlags, firstPath string) (*settings, error) {
	s := &settings{flags: f}
	if !f.noConfig {
		file := f.configFile
		// The file belongs to the scanned repository: it is looked for
		// from the first path named. Standard input belongs to no
		// repository, so a pipeline's results do not depend on the
		// directory it happens to run in (--config still applies).
		if file == "" && firstPath != "" && firstPath != "-" {
			dir := firstPath
			if fi, err := os.Stat(firstPath); err == nil && !fi.IsDir() {
				dir = filepath.Dir(firstPath)
			}
			file = config.Find(dir)
		}
		if file != "" {
			cfg, err := config.Load(file)
			if err != nil {
				return nil, &exitErr{exitError, err}
			}
			s.cfg = cfg
		}
	}
	switch strings.ToLower(f.mode) {
	case "prose", "text":
		s.mode = "prose"
	case "code", "source":
		s.mode = "code"
	case "auto", "":
		s.mode = "auto"
	default:
		return nil, usageErr("--mode %q: want prose, code or auto", f.mode)
	}
	s.minSev = report.Info
	if s.cfg != nil && s.cfg.MinSeverity != 0 {
		s.minSev = s.cfg.MinSeverity
	}
	if f.minSeverity != "" {
		sev, err := report.ParseSeverity(f.minSeverity)
		if err != nil {
			return nil, usageErr("--min-severity: %v", err)
		}
		s.minSev = sev
	}
	s.failOn = report.Warning
	if s.cfg != nil && s.cfg.FailOn != 0 {
		s.failOn = s.cfg.FailOn
	}
	if cmd.Flags().Lookup("fail-on") != nil && (cmd.Flags().Changed("fail-on") || s.cfg == nil || s.cfg.FailOn == 0) {
		if strings.EqualFold(f.failOn, "never") || strings.EqualFold(f.failOn, "none") {
			s.failOn = 0
		} else {
			sev, err := report.ParseSeverity(f.failOn)
			if err != nil {
				return nil, usageErr("--fail-on: %v", err)
			}
			s.failOn = sev
		}
	}
	kinds, err := report.ParseKinds(f.kinds)
	if err != nil {
		return nil, usageErr("--kinds: %v", err)
	}
	skip, err := report.ParseKinds(f.skipKinds)
	if err != nil {
		return nil, usageErr("--skip-kinds: %v", err)
	}
	s.skipKinds = map[report.Kind]bool{}
	for _, k := range skip {
		s.skipKinds[k] = true
	}
	s.base = detect.Options{
		MinSeverity:  s.minSev,
		Kinds:        kinds,
		Scripts:      f.scripts,
		Allow:        f.allow,
		MaxFindings:  f.maxFindings,
		RestoreSlips: f.restoreSlips,
	}
	if f.baseline != "" {
		b, err := config.LoadBaseline(f.baseline)
		if err != nil {
			return nil, &exitErr{exitError, err}
		}
		s.baseline = b
	}
	return s, nil
}

// optionsFor returns the scan options for the input named name (a path,
// or "" for standard input) and whether it is scanned as code.
func (s *settings) optionsFor(name string) (detect.Options, config.Settings) {
	o := s.base
	var cs config.Settings
	if s.cfg != nil && name != "" {
		cs = s.cfg.For(s.cfg.Rel(name))
	} else if s.cfg != nil {
		cs = s.cfg.For("")
	}
	mode := s.mode
	if mode == "auto" {
		switch {
		case cs.Mode != "":
			mode = cs.Mode
		case name == "":
			mode = "prose"
		default:
			mode = modeFor(name)
		}
	}
	if mode == "code" {
		o.Mode = detect.Code
	}
	if len(o.Scripts) == 0 {
		o.Scripts = cs.Scripts
	}
	o.Allow += cs.Allow
	if len(cs.SkipKinds) > 0 || len(s.skipKinds) > 0 {
		// A fresh slice: cs shares its backing array with the config,
		// which other workers read at the same time.
		cs.SkipKinds = append(append([]report.Kind(nil), cs.SkipKinds...), keys(s.skipKinds)...)
		if len(o.Kinds) == 0 {
			for _, k := range report.Kinds() {
				o.Kinds = append(o.Kinds, k.Kind)
			}
		}
		skip := map[report.Kind]bool{}
		for _, k := range cs.SkipKinds {
			skip[k] = true
		}
		var kept []report.Kind
		for _, k := range o.Kinds {
			if !skip[k] {
				kept = append(kept, k)
			}
		}
		o.Kinds = kept
		if len(kept) == 0 {
			o.Kinds = []report.Kind{"none"} // everything skipped
		}
	}
	return o, cs
}

func keys(m map[report.Kind]bool) []report.Kind {
	out := make([]report.Kind, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// item is one input to scan.
type item struct {
	path     string // "" for standard input
	name     string // shown in output
	explicit bool   // named on the command line (not found by walking)
}

// result is what scanning one item gave.
type result struct {
	it       item
	rep      *report.Report
	lines    map[int]string
	skipped  bool
	err      error
	out      []byte // rendered text or jsonl output
	baseline []config.BaselineEntry
}

func (a *app) scan(cmd *cobra.Command, args []string, f *scanFlags) error {
	switch f.format {
	case "text", "json", "jsonl", "sarif":
	default:
		return usageErr("--format %q: want text, json, jsonl or sarif", f.format)
	}
	first := ""
	if len(args) > 0 {
		first = args[0]
	}
	s, err := a.resolve(cmd, f, first)
	if err != nil {
		return err
	}
	color, err := a.colorOn(f.color, a.outTTY)
	if err != nil {
		return err
	}
	if f.jsonl {
		return a.scanJSONL(args, s)
	}
	if len(args) == 0 {
		args = []string{"-"}
		if a.inTTY && !f.quiet {
			fmt.Fprintln(a.stderr, "plainsight: reading standard input (end it with Ctrl-D; 'plainsight scan --help' for more)")
		}
	}
	stdinUsed := 0
	for _, p := range args {
		if p == "-" {
			stdinUsed++
		}
	}
	if stdinUsed > 1 {
		return usageErr("standard input (-) can be named only once")
	}

	prog := a.newProgress(f.quiet)
	defer prog.stop()
	s.prog = prog

	needLines := f.format == "text" || f.format == "sarif" || f.baseline != "" || f.writeBaseline != ""
	var (
		totals    report.Totals
		maxSev    report.Severity
		errCount  int
		sarifReps []*report.Report
		sarifLns  = map[string]map[int]string{}
		baseEnts  []config.BaselineEntry
		batch     *report.BatchWriter
		single    = len(args) == 1 && !isDir(args[0])
		outErr    error
	)
	out := bufio.NewWriterSize(a.stdout, 64<<10)
	if f.format == "json" && !single {
		batch = report.NewBatchWriter(out)
		s.batch = true
	}
	work := func(it item) result {
		return a.scanItem(it, s, needLines, color)
	}
	sink := func(r result) bool {
		prog.add(r)
		switch {
		case r.err != nil:
			errCount++
			totals.Errors++
			msg := r.err.Error()
			fmt.Fprintf(a.stderr, "plainsight: %s\n", msg)
			if batch != nil {
				batch.AddError(r.it.name, r.err)
			}
			return true
		case r.skipped:
			totals.Skipped++
			if r.it.explicit && !f.quiet {
				fmt.Fprintf(a.stderr, "plainsight: %s: skipped: binary file (a NUL byte in the first 8 KiB); use --binary to scan it anyway\n", r.it.name)
			}
			return true
		}
		totals.Files++
		totals.Bytes += r.rep.Summary.Bytes
		n := len(r.rep.Findings)
		if n > 0 {
			totals.WithFindings++
		}
		totals.Findings += findingCount(r.rep)
		if m := maxSeverity(r.rep); m > maxSev {
			maxSev = m
		}
		baseEnts = append(baseEnts, r.baseline...)
		switch f.format {
		case "text", "jsonl":
			if len(r.out) > 0 {
				prog.around(func() {
					_, outErr = out.Write(r.out)
					if outErr == nil && a.outTTY {
						outErr = out.Flush()
					}
				})
			}
		case "json":
			if batch != nil {
				outErr = batch.AddEncoded(r.out, r.rep.Suspicious)
			} else {
				outErr = report.WriteJSON(out, r.rep)
			}
		case "sarif":
			if n > 0 {
				sarifReps = append(sarifReps, r.rep)
				sarifLns[r.rep.Source] = r.lines
			}
		}
		if outErr == nil && f.format != "sarif" && f.format != "json" {
			// Flush per input so that a closed pipe is noticed early.
			if out.Buffered() > 32<<10 {
				outErr = out.Flush()
			}
		}
		return outErr == nil
	}
	feed := func(emit func(item) bool) {
		for _, p := range args {
			if p == "-" {
				if !emit(item{name: "<stdin>", explicit: true}) {
					return
				}
				continue
			}
			fi, err := os.Stat(p)
			if err != nil || !fi.IsDir() {
				if !emit(item{path: p, name: p, explicit: true}) {
					return
				}
				continue
			}
			opts := walk.Options{NoIgnore: f.noIgnore}
			if s.cfg != nil && len(s.cfg.Exclude) > 0 {
				root := p
				opts.Exclude = func(rel string, isDir bool) bool {
					return s.cfg.Excluded(s.cfg.Rel(filepath.Join(root, filepath.FromSlash(rel))))
				}
			}
			stop := errors.New("stop")
			err = walk.Walk(p, opts, func(e walk.Entry) error {
				if !emit(item{path: e.Path, name: e.Path}) {
					return stop
				}
				return nil
			}, func(path string, err error) {
				emit(item{path: path, name: path, explicit: true})
			})
			if err == stop {
				return
			}
		}
	}
	jobs := f.jobs
	if jobs < 1 {
		jobs = 1
	}
	walk.Ordered(jobs, feed, work, sink)
	prog.stop()

	if outErr == nil {
		switch f.format {
		case "json":
			if batch == nil && totals.Files == 0 && errCount == 0 {
				// A lone input that was skipped (binary): still answer
				// with one JSON object, so that readers can parse it.
				batch = report.NewBatchWriter(out)
			}
			if batch != nil {
				outErr = batch.Close(totals)
			}
		case "sarif":
			outErr = report.WriteSARIF(out, sarifReps, report.SARIFOptions{
				ToolVersion: version(),
				Lines: func(path string, n int) (string, bool) {
					l, ok := sarifLns[path][n]
					return l, ok
				},
			})
		case "text":
			if !f.quiet && totals.Files+totals.Skipped > 0 && !(single && totals.Files == 1 && totals.Findings > 0) {
				writeTotals(out, totals, color)
			}
		}
	}
	if outErr == nil {
		outErr = out.Flush()
	}
	if outErr != nil {
		return &exitErr{exitError, fmt.Errorf("writing output: %w", outErr)}
	}
	if f.writeBaseline != "" {
		if err := writeFileAtomic(f.writeBaseline, func(w io.Writer) error {
			return config.WriteBaseline(w, baseEnts)
		}); err != nil {
			return &exitErr{exitError, fmt.Errorf("writing baseline: %w", err)}
		}
		if !f.quiet {
			fmt.Fprintf(a.stderr, "plainsight: wrote %d findings to the baseline %s\n", len(baseEnts), f.writeBaseline)
		}
	}
	if errCount > 0 {
		return &exitErr{code: exitError}
	}
	if s.failOn != 0 && maxSev >= s.failOn {
		return errFindings
	}
	return nil
}

func isDir(p string) bool {
	if p == "-" {
		return false
	}
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func writeTotals(w io.Writer, t report.Totals, color bool) {
	files := "1 input"
	if t.Files != 1 {
		files = fmt.Sprintf("%d inputs", t.Files)
	}
	var extra []string
	if t.Skipped > 0 {
		extra = append(extra, fmt.Sprintf("%d binary skipped", t.Skipped))
	}
	if t.Errors > 0 {
		extra = append(extra, fmt.Sprintf("%d unreadable", t.Errors))
	}
	line := "scanned " + files
	if len(extra) > 0 {
		line += " (" + strings.Join(extra, ", ") + ")"
	}
	if t.Findings == 0 {
		line += ": no findings"
	} else {
		line += fmt.Sprintf(": %d with findings, %s", t.WithFindings, pluralize(t.Findings, "finding"))
	}
	fmt.Fprintln(w, line)
}

func pluralize(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return fmt.Sprintf("%d %ss", n, w)
}

func findingCount(r *report.Report) int {
	if r.Summary.Findings > len(r.Findings) {
		return r.Summary.Findings
	}
	return len(r.Findings)
}

// maxSeverity is the highest severity in r, counting findings beyond the
// storage cap.
func maxSeverity(r *report.Report) report.Severity {
	m := r.Max()
	for i := range r.Findings {
		if r.Findings[i].Severity > m {
			m = r.Findings[i].Severity
		}
	}
	return m
}

// openFile opens an input; tests replace it to simulate files that
// cannot be read, which root (running the tests) can always read.
var openFile = os.Open

// openErr turns an open or read error into a message that names the file
// and says what to do.
func openErr(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or directory", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", name)
	}
	return fmt.Errorf("%s: %v", name, err)
}

// scanItem scans one input and renders its output.
func (a *app) scanItem(it item, s *settings, needLines, color bool) result {
	res := result{it: it}
	var (
		r   io.Reader
		sp  *spool
		fh  *os.File
		err error
	)
	opts, cs := s.optionsFor(it.path)
	code := opts.Mode == detect.Code
	if it.path == "" {
		sp = &spool{limit: 32 << 20}
		defer sp.close()
		r = a.stdin
		if needLines || code {
			r = io.TeeReader(a.stdin, sp)
		}
	} else {
		fh, err = openFile(it.path)
		if err != nil {
			res.err = openErr(it.name, err)
			return res
		}
		defer fh.Close()
		fi, err := fh.Stat()
		if err == nil && fi.IsDir() {
			res.err = fmt.Errorf("%s: is a directory that could not be read", it.name)
			return res
		}
		if !s.flags.binary {
			head := make([]byte, walk.SniffLen)
			n, err := io.ReadFull(fh, head)
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				res.err = openErr(it.name, err)
				return res
			}
			head = head[:n]
			if walk.IsBinary(head) {
				res.skipped = true
				return res
			}
			r = io.MultiReader(bytes.NewReader(head), fh)
		} else {
			r = fh
		}
	}
	rep, err := detect.Scan(s.prog.reader(r), opts)
	if err != nil {
		res.err = openErr(it.name, err)
		return res
	}
	if rep == nil {
		rep = &report.Report{}
	}
	rep.Source = it.name
	if it.path == "" {
		rep.Source = ""
	}
	res.rep = rep

	if len(rep.Findings) > 0 && (needLines || code) {
		want := map[int]bool{}
		for _, f := range rep.Findings {
			want[f.Start.Line] = true
		}
		if sp != nil {
			if rr, ok := sp.reader(); ok {
				res.lines = collectLines(rr, want)
			}
		} else if _, err := fh.Seek(0, io.SeekStart); err == nil {
			res.lines = collectLines(fh, want)
		}
	}
	filter(rep, s, cs, code, res.lines)
	pathKey := it.name
	if it.path == "" {
		pathKey = "<stdin>"
	}
	if s.flags.writeBaseline != "" {
		for i := range rep.Findings {
			fd := &rep.Findings[i]
			res.baseline = append(res.baseline, config.BaselineEntry{
				Key:  report.Fingerprint(pathKey, fd, res.lines[fd.Start.Line]),
				Path: filepath.ToSlash(pathKey), Kind: fd.Kind, Line: fd.Start.Line,
				Text: report.Visible(fd.Text, false), Message: fd.Message,
			})
		}
	}
	if s.baseline != nil && len(rep.Findings) > 0 {
		kept := rep.Findings[:0]
		for _, fd := range rep.Findings {
			if !s.baseline.Accept(report.Fingerprint(pathKey, &fd, res.lines[fd.Start.Line])) {
				kept = append(kept, fd)
			}
		}
		if len(kept) != len(rep.Findings) {
			rep.Findings = kept
			recount(rep)
		}
	}

	switch s.flags.format {
	case "text":
		if len(rep.Findings) > 0 || rep.Summary.Findings > 0 || it.path == "" && len(rep.Summary.Patterns) > 0 {
			var buf bytes.Buffer
			report.WriteText(&buf, rep, report.TextOptions{
				Color: color,
				Brief: s.flags.brief,
				Line: func(n int) (string, bool) {
					l, ok := res.lines[n]
					return l, ok
				},
			})
			res.out = buf.Bytes()
		}
	case "jsonl":
		var buf bytes.Buffer
		report.WriteJSONL(&buf, rep)
		res.out = buf.Bytes()
	case "json":
		if s.batch {
			// Encoded here, in parallel; each report takes one line of
			// the batch object.
			var buf bytes.Buffer
			report.WriteJSONL(&buf, rep)
			res.out = buf.Bytes()
		}
	}
	return res
}

// filter applies what the engine does not know about: per-kind severity
// overrides, kinds skipped by the configuration, the minimum severity, and
// plainsight:ignore comments in code. The summary is recounted when
// anything was dropped or changed.
func filter(rep *report.Report, s *settings, cs config.Settings, code bool, lines map[int]string) {
	// The engine leaves findings below the minimum severity out of the
	// list but may still count them; the summary must match the list.
	stale := false
	for sev, n := range rep.Summary.Severity {
		if n > 0 && sev < s.minSev {
			stale = true
		}
	}
	if len(rep.Findings) == 0 {
		if stale {
			recount(rep)
		}
		return
	}
	skip := map[report.Kind]bool{}
	for _, k := range cs.SkipKinds {
		skip[k] = true
	}
	for k := range s.skipKinds {
		skip[k] = true
	}
	changed := false
	kept := rep.Findings[:0]
	for _, fd := range rep.Findings {
		if sev, ok := cs.Severity[fd.Kind]; ok && sev != fd.Severity {
			fd.Severity = sev
			changed = true
		}
		drop := skip[fd.Kind] || fd.Severity < s.minSev ||
			(code && strings.Contains(lines[fd.Start.Line], "plainsight:ignore"))
		if drop {
			changed = true
			continue
		}
		kept = append(kept, fd)
	}
	rep.Findings = kept
	if changed || stale {
		recount(rep)
	}
}

// recount rebuilds the summary's counts from the stored findings after
// some were dropped.
func recount(rep *report.Report) {
	s := &rep.Summary
	s.Counts = map[report.Kind]int{}
	s.Severity = map[report.Severity]int{}
	max := report.Severity(0)
	for _, f := range rep.Findings {
		s.Counts[f.Kind]++
		s.Severity[f.Severity]++
		if f.Severity > max {
			max = f.Severity
		}
	}
	// Findings beyond the engine's cap were never seen here; they still
	// count.
	s.Findings = len(rep.Findings) + s.Dropped
	rep.Suspicious = max >= report.Warning
	switch {
	case !rep.Suspicious:
		s.Verdict = report.Clean
		s.Score = 0
		s.Patterns = nil
	case s.Verdict == report.Clean || s.Verdict == "":
		s.Verdict = report.Suspicious
	}
}

// writeFileAtomic writes a file through a temporary file in the same
// directory and a rename, so that readers never see half of it.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot create a file in %s: %v", dir, err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		tmp.Chmod(fi.Mode().Perm())
	} else {
		tmp.Chmod(0o644)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
