// Package walk lists the files of a directory tree the way ripgrep does
// (.git skipped, .gitignore honoured, symbolic links not followed), tells
// text from binary, and runs work on many files in parallel while keeping
// their results in order.
package walk

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options configure a walk.
type Options struct {
	// NoIgnore includes files that .gitignore and .ignore files exclude.
	NoIgnore bool
	// Exclude, when set, is asked about every entry (path relative to the
	// walked root, slash-separated); true leaves it out.
	Exclude func(rel string, isDir bool) bool
}

// Entry is one regular file found by Walk.
type Entry struct {
	Path string // as given to Walk joined with the relative path
	Rel  string // relative to the walked root, slash-separated
	Size int64
}

// skipDirs are version-control directories, never scanned.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, ".jj": true}

// Walk calls fn for each regular file under root in lexical order. Errors
// reading a directory are passed to onErr and the walk goes on; an error
// from fn stops it and is returned.
func Walk(root string, opts Options, fn func(Entry) error, onErr func(path string, err error)) error {
	ig := &Ignore{}
	if !opts.NoIgnore {
		ig = ancestorsIgnore(root)
	}
	return walkDir(root, "", ig, opts, fn, onErr)
}

var errStop = errors.New("stop")

// openDir opens a directory for reading; tests replace it to simulate
// directories that cannot be read (which root, running the tests, can
// always read).
var openDir = os.Open

func walkDir(dir, rel string, ig *Ignore, opts Options, fn func(Entry) error, onErr func(string, error)) error {
	f, err := openDir(dir)
	if err != nil {
		onErr(dir, err)
		return nil
	}
	ents, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		onErr(dir, err)
		if len(ents) == 0 {
			return nil
		}
	}
	if !opts.NoIgnore {
		ig = ig.with(dir, rel)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	for _, e := range ents {
		name := e.Name()
		childRel := name
		if rel != "" {
			childRel = rel + "/" + name
		}
		full := filepath.Join(dir, name)
		t := e.Type()
		switch {
		case t.IsDir():
			if skipDirs[name] {
				continue
			}
			if !opts.NoIgnore && ig.Match(childRel, true) {
				continue
			}
			if opts.Exclude != nil && opts.Exclude(childRel, true) {
				continue
			}
			if err := walkDir(full, childRel, ig, opts, fn, onErr); err != nil {
				return err
			}
		case t.IsRegular():
			if !opts.NoIgnore && ig.Match(childRel, false) {
				continue
			}
			if opts.Exclude != nil && opts.Exclude(childRel, false) {
				continue
			}
			var size int64
			if info, err := e.Info(); err == nil {
				size = info.Size()
			}
			if err := fn(Entry{Path: full, Rel: childRel, Size: size}); err != nil {
				return err
			}
		default:
			// Symbolic links, devices, sockets and pipes are not
			// followed, as in ripgrep.
		}
	}
	return nil
}

// ancestorsIgnore loads the .gitignore files of the directories between
// the repository root (the nearest ancestor holding .git) and root, so
// that scanning a subdirectory honours the rules above it. Their rules are
// rewritten to apply relative to root.
func ancestorsIgnore(root string) *Ignore {
	ig := &Ignore{}
	abs, err := filepath.Abs(root)
	if err != nil {
		return ig
	}
	if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
		// root is a repository's root: nothing above applies, but the
		// repository's own exclude file does.
		ig.loadFile("", filepath.Join(abs, ".git", "info", "exclude"))
		return ig
	}
	var chain []string
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			break
		}
		if filepath.Dir(d) == d {
			return ig // not in a repository: only root's own files count
		}
	}
	// Outermost first; each ancestor's rules are made relative to root
	// by anchoring them to the path from that ancestor down to root.
	for i := len(chain) - 1; i >= 0; i-- {
		d := chain[i]
		below, err := filepath.Rel(d, abs)
		if err != nil {
			continue
		}
		below = filepath.ToSlash(below)
		var tmp Ignore
		tmp.loadFile("", filepath.Join(d, ".gitignore"))
		if i == len(chain)-1 {
			tmp.loadFile("", filepath.Join(d, ".git", "info", "exclude"))
		}
		for _, r := range tmp.rules {
			if r.anchored {
				// Keep only rules that reach below root, minus the prefix.
				prefix := strings.Split(below, "/")
				rest, ok := trimParts(r.parts, prefix)
				if !ok {
					continue
				}
				r.parts = rest
			}
			ig.rules = append(ig.rules, r)
		}
	}
	return ig
}

// trimParts removes the leading segments prefix from a pattern, when the
// pattern can match them; "**" is kept as it may match them all.
func trimParts(pat, prefix []string) ([]string, bool) {
	for len(prefix) > 0 {
		if len(pat) == 0 {
			return nil, false
		}
		if pat[0] == "**" {
			return pat, true
		}
		if !matchSegment(pat[0], prefix[0]) {
			return nil, false
		}
		pat, prefix = pat[1:], prefix[1:]
	}
	if len(pat) == 0 {
		return nil, false // the rule names root itself or an ancestor
	}
	return pat, true
}

// SniffLen is how many leading bytes IsBinary looks at.
const SniffLen = 8 << 10

// IsBinary reports whether data, the start of a file, looks binary: it
// holds a NUL byte, as git and ripgrep decide. Text in UTF-16 counts as
// binary too.
func IsBinary(head []byte) bool {
	return bytes.IndexByte(head, 0) >= 0
}

// IsNotExist reports whether err means a path does not exist.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
