package walk

import (
	"bufio"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// An ignoreRule is one line of a .gitignore file.
type ignoreRule struct {
	base     string   // directory of the .gitignore, slash-separated, relative to the walk's anchor ("" for the anchor)
	parts    []string // the pattern split at '/'
	negate   bool     // "!pattern"
	dirOnly  bool     // "pattern/"
	anchored bool     // the pattern has a '/' before its end: match from base, not at any depth
}

// Ignore is a stack of .gitignore rules, outermost first; the last rule
// that matches a path decides, as in git.
type Ignore struct {
	rules []ignoreRule
}

// parseIgnore reads gitignore lines for the directory base.
func parseIgnore(base string, lines []string) []ignoreRule {
	var out []ignoreRule
	for _, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		// Trailing spaces are ignored unless escaped.
		for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\\ ") {
			line = line[:len(line)-1]
		}
		if line == "" || line[0] == '#' {
			continue
		}
		var r ignoreRule
		r.base = base
		if line[0] == '!' {
			r.negate = true
			line = line[1:]
		} else if strings.HasPrefix(line, "\\!") || strings.HasPrefix(line, "\\#") {
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly = true
			line = strings.TrimRight(line, "/")
		}
		if line == "" {
			continue
		}
		if strings.Contains(line, "/") {
			r.anchored = true
			line = strings.TrimPrefix(line, "/")
		}
		r.parts = strings.Split(line, "/")
		out = append(out, r)
	}
	return out
}

// loadIgnoreFile appends the rules of file (if it exists) for base.
func (ig *Ignore) loadFile(base, file string) {
	f, err := os.Open(file)
	if err != nil {
		return
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	ig.rules = append(ig.rules, parseIgnore(base, lines)...)
}

// with returns a stack with the rules of dir's .gitignore and .ignore files
// added. It shares nothing the caller can change.
func (ig *Ignore) with(dirAbs, base string) *Ignore {
	n := &Ignore{rules: ig.rules[:len(ig.rules):len(ig.rules)]}
	before := len(n.rules)
	n.loadFile(base, filepath.Join(dirAbs, ".gitignore"))
	n.loadFile(base, filepath.Join(dirAbs, ".ignore"))
	if len(n.rules) == before {
		return ig
	}
	return n
}

// Match reports whether rel (slash-separated, relative to the anchor) is
// ignored.
func (ig *Ignore) Match(rel string, isDir bool) bool {
	ignored := false
	for i := range ig.rules {
		r := &ig.rules[i]
		if r.dirOnly && !isDir {
			continue
		}
		p := rel
		if r.base != "" {
			if !strings.HasPrefix(rel, r.base+"/") {
				continue
			}
			p = rel[len(r.base)+1:]
		}
		var ok bool
		if r.anchored {
			ok = matchParts(r.parts, strings.Split(p, "/"))
		} else {
			ok = matchSegment(r.parts[0], path.Base(p))
		}
		if ok {
			ignored = !r.negate
		}
	}
	return ignored
}

// matchParts matches path segments against pattern segments, where "**"
// stands for any number of segments.
func matchParts(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(segs); i++ {
				if matchParts(rest, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 || !matchSegment(pat[0], segs[0]) {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

func matchSegment(pat, name string) bool {
	ok, err := path.Match(pat, name)
	return err == nil && ok
}

// Glob reports whether the slash-separated relative path rel matches a
// gitignore-style pattern: without a '/' it matches the base name at any
// depth, with one it matches from the root, and "**" spans directories.
func Glob(pattern, rel string) bool {
	rules := parseIgnore("", []string{pattern})
	if len(rules) == 0 {
		return false
	}
	r := rules[0]
	segs := strings.Split(rel, "/")
	if !r.anchored {
		for _, s := range segs {
			if matchSegment(r.parts[0], s) {
				return true
			}
		}
		return false
	}
	// A directory pattern also covers everything below it.
	for i := len(segs); i >= 1; i-- {
		if matchParts(r.parts, segs[:i]) {
			return true
		}
	}
	return false
}
