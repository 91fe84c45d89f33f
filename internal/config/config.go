// Package config reads plainsight's configuration file, .plainsight.toml,
// and its baseline of accepted findings.
//
// A configuration file sits in the root of the scanned repository:
//
//	# Scripts this project writes in: whole words in them are never
//	# judged look-alikes.
//	scripts = ["Latin", "Cyrillic"]
//	allow = "€£"                # characters never reported
//	skip-kinds = ["unusual-space"]
//	min-severity = "info"       # the --min-severity default
//	fail-on = "warning"         # the --fail-on default
//	exclude = ["vendor/", "*.min.js"]
//
//	[severity]                  # per kind, for every path
//	invisible = "error"
//
//	[[paths]]                   # rules for some paths; later ones win
//	glob = ["docs/ru/**"]
//	mode = "prose"
//	scripts = ["Cyrillic", "Latin"]
//	[paths.severity]
//	mixed-digits = "info"
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plainsight/plainsight/internal/walk"
	"github.com/plainsight/plainsight/report"
)

// FileName is the name of the configuration file.
const FileName = ".plainsight.toml"

// Settings are what the configuration says about one path.
type Settings struct {
	Mode      string // "prose", "code" or "" (decide by file type)
	Scripts   []string
	Allow     string
	SkipKinds []report.Kind
	Severity  map[report.Kind]report.Severity
}

// PathRule is one [[paths]] table.
type PathRule struct {
	Globs []string
	Settings
}

// Config is a parsed configuration file.
type Config struct {
	File        string // where it was read from
	Dir         string // the directory paths are relative to
	MinSeverity report.Severity
	FailOn      report.Severity
	Exclude     []string
	Base        Settings
	Paths       []PathRule
}

// Find looks for the configuration file in dir and its parents up to the
// repository root (the first directory holding .git). It returns "" when
// there is none.
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Load reads and checks a configuration file. Errors name the file and
// the line.
func Load(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return Parse(file, data)
}

// Parse reads a configuration from data; file names it in errors and
// its directory anchors relative paths.
func Parse(file string, data []byte) (*Config, error) {
	t, err := parseTOML(file, data)
	if err != nil {
		return nil, err
	}
	c := &Config{File: file, Dir: filepath.Dir(file)}
	d := decoder{file: file}
	for _, k := range t.keys {
		v := t.vals[k]
		switch k {
		case "min-severity":
			c.MinSeverity = d.severity(k, v)
		case "fail-on":
			c.FailOn = d.severity(k, v)
		case "exclude":
			c.Exclude = d.strings(k, v)
		default:
			d.setting(&c.Base, k, v)
		}
	}
	for name, sub := range t.subs {
		switch name {
		case "severity":
			c.Base.Severity = d.severities(sub)
		case "paths":
			d.errf(sub.line, "[paths] must be written [[paths]]: there may be several")
		default:
			d.errf(sub.line, "unknown table [%s]: want [severity] or [[paths]]", name)
		}
	}
	for name, arr := range t.arrs {
		if name != "paths" {
			d.errf(arr[0].line, "unknown table [[%s]]: want [[paths]]", name)
			continue
		}
		for _, pt := range arr {
			var r PathRule
			for _, k := range pt.keys {
				v := pt.vals[k]
				if k == "glob" {
					if s, ok := v.v.(string); ok {
						r.Globs = []string{s}
					} else {
						r.Globs = d.strings(k, v)
					}
					continue
				}
				d.setting(&r.Settings, k, v)
			}
			for sn, sub := range pt.subs {
				if sn != "severity" {
					d.errf(sub.line, "unknown table [paths.%s]: want [paths.severity]", sn)
					continue
				}
				r.Severity = d.severities(sub)
			}
			if len(r.Globs) == 0 {
				d.errf(pt.line, "[[paths]] needs glob = \"pattern\" (or a list of patterns)")
			}
			c.Paths = append(c.Paths, r)
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

type decoder struct {
	file string
	err  error
}

func (d *decoder) errf(line int, format string, args ...any) {
	if d.err == nil {
		d.err = &SyntaxError{d.file, line, fmt.Sprintf(format, args...)}
	}
}

func (d *decoder) str(k string, v value) string {
	s, ok := v.v.(string)
	if !ok {
		d.errf(v.line, "%s must be a string", k)
	}
	return s
}

func (d *decoder) strings(k string, v value) []string {
	arr, ok := v.v.([]value)
	if !ok {
		d.errf(v.line, "%s must be a list of strings, like [\"a\", \"b\"]", k)
		return nil
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		out = append(out, d.str(k+" entries", e))
	}
	return out
}

func (d *decoder) severity(k string, v value) report.Severity {
	s, err := report.ParseSeverity(d.str(k, v))
	if err != nil {
		d.errf(v.line, "%s: %v", k, err)
	}
	return s
}

func (d *decoder) severities(t *table) map[report.Kind]report.Severity {
	m := map[report.Kind]report.Severity{}
	for _, k := range t.keys {
		v := t.vals[k]
		if !report.Kind(k).Valid() {
			_, err := report.ParseKinds(k)
			d.errf(v.line, "%v", err)
			continue
		}
		m[report.Kind(k)] = d.severity(k, v)
	}
	return m
}

func (d *decoder) setting(s *Settings, k string, v value) {
	switch k {
	case "mode":
		m := strings.ToLower(d.str(k, v))
		switch m {
		case "prose", "code":
			s.Mode = m
		case "auto", "":
			s.Mode = ""
		default:
			d.errf(v.line, "mode %q: want prose, code or auto", m)
		}
	case "scripts":
		s.Scripts = d.strings(k, v)
	case "allow":
		s.Allow = d.str(k, v)
	case "skip-kinds":
		for _, name := range d.strings(k, v) {
			ks, err := report.ParseKinds(name)
			if err != nil {
				d.errf(v.line, "skip-kinds: %v", err)
			}
			s.SkipKinds = append(s.SkipKinds, ks...)
		}
	default:
		d.errf(v.line, "unknown key %q: want one of %s", k, strings.Join(knownKeys, ", "))
	}
}

var knownKeys = func() []string {
	k := []string{"scripts", "allow", "skip-kinds", "mode", "min-severity", "fail-on", "exclude", "[severity]", "[[paths]]"}
	sort.Strings(k)
	return k
}()

// For returns the settings for rel, a slash-separated path relative to
// the configuration's directory: the top-level settings with every
// matching [[paths]] table applied in order.
func (c *Config) For(rel string) Settings {
	if c == nil {
		return Settings{}
	}
	s := c.Base
	s.Severity = copySev(c.Base.Severity)
	for _, r := range c.Paths {
		if !matchAny(r.Globs, rel) {
			continue
		}
		if r.Mode != "" {
			s.Mode = r.Mode
		}
		if r.Scripts != nil {
			s.Scripts = r.Scripts
		}
		if r.Allow != "" {
			s.Allow += r.Allow
		}
		s.SkipKinds = append(append([]report.Kind(nil), s.SkipKinds...), r.SkipKinds...)
		for k, v := range r.Severity {
			if s.Severity == nil {
				s.Severity = map[report.Kind]report.Severity{}
			}
			s.Severity[k] = v
		}
	}
	return s
}

// Excluded reports whether rel is left out by exclude patterns.
func (c *Config) Excluded(rel string) bool {
	return c != nil && matchAny(c.Exclude, rel)
}

// Rel returns path relative to the configuration's directory,
// slash-separated, or path itself when it lies outside.
func (c *Config) Rel(path string) string {
	if c == nil {
		return filepath.ToSlash(path)
	}
	abs, err1 := filepath.Abs(path)
	dir, err2 := filepath.Abs(c.Dir)
	if err1 == nil && err2 == nil {
		if r, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(path)
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if walk.Glob(g, rel) {
			return true
		}
	}
	return false
}

func copySev(m map[report.Kind]report.Severity) map[report.Kind]report.Severity {
	if m == nil {
		return nil
	}
	c := make(map[report.Kind]report.Severity, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
