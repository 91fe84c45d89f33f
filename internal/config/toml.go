package config

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A small reader for the part of TOML a config file needs: comments,
// [table] and [[array-of-tables]] headers (dotted names allowed), and
// key = value with strings, integers, booleans and arrays of those,
// arrays spanning lines. Every value remembers its line for error
// messages.

type value struct {
	line int
	v    any // string, int64, bool, []value
}

type table struct {
	line int
	keys []string // in file order
	vals map[string]value
	subs map[string]*table
	arrs map[string][]*table
}

func newTable(line int) *table {
	return &table{line: line, vals: map[string]value{}, subs: map[string]*table{}, arrs: map[string][]*table{}}
}

// SyntaxError is a problem at a line of a config file.
type SyntaxError struct {
	File string
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

type parser struct {
	file  string
	lines []string
	n     int // current line index
}

func (p *parser) errf(line int, format string, args ...any) error {
	return &SyntaxError{p.file, line, fmt.Sprintf(format, args...)}
}

func parseTOML(file string, data []byte) (*table, error) {
	if !utf8.Valid(data) {
		return nil, &SyntaxError{file, 1, "the file is not valid UTF-8"}
	}
	p := &parser{file: file, lines: strings.Split(string(data), "\n")}
	root := newTable(0)
	cur := root
	for p.n = 0; p.n < len(p.lines); p.n++ {
		lineNo := p.n + 1
		s := strings.TrimSpace(stripComment(p.lines[p.n]))
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "[") {
			arr := strings.HasPrefix(s, "[[")
			end := "]"
			if arr {
				end = "]]"
			}
			if !strings.HasSuffix(s, end) {
				return nil, p.errf(lineNo, "table header %q is not closed with %q", s, end)
			}
			name := strings.TrimSpace(s[len(end) : len(s)-len(end)])
			parts := strings.Split(name, ".")
			t := root
			for i, part := range parts {
				part = strings.TrimSpace(part)
				if !isBareKey(part) {
					return nil, p.errf(lineNo, "bad table name %q", name)
				}
				last := i == len(parts)-1
				switch {
				case last && arr:
					nt := newTable(lineNo)
					t.arrs[part] = append(t.arrs[part], nt)
					t = nt
				case len(t.arrs[part]) > 0:
					// [a.b] after [[a]] names a table in the last a.
					a := t.arrs[part]
					t = a[len(a)-1]
					if last {
						return nil, p.errf(lineNo, "[%s] is already an array of tables; use [[%s]]", name, name)
					}
				default:
					sub, ok := t.subs[part]
					if !ok {
						if _, isVal := t.vals[part]; isVal {
							return nil, p.errf(lineNo, "%q is already a value", part)
						}
						sub = newTable(lineNo)
						t.subs[part] = sub
					} else if last {
						return nil, p.errf(lineNo, "table [%s] is defined twice (first on line %d)", name, sub.line)
					}
					t = sub
				}
			}
			cur = t
			continue
		}
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return nil, p.errf(lineNo, "expected key = value, got %q", s)
		}
		key := strings.TrimSpace(s[:eq])
		if len(key) >= 2 && (key[0] == '"' || key[0] == '\'') {
			k, rest, err := parseString(key)
			if err != nil || strings.TrimSpace(rest) != "" {
				return nil, p.errf(lineNo, "bad key %s", key)
			}
			key = k
		} else if !isBareKey(key) {
			return nil, p.errf(lineNo, "bad key %q: use letters, digits, '-' and '_', or quote it", key)
		}
		if _, dup := cur.vals[key]; dup {
			return nil, p.errf(lineNo, "key %q is set twice", key)
		}
		rest := strings.TrimSpace(s[eq+1:])
		v, tail, err := p.parseValue(rest, lineNo)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(stripComment(tail)) != "" {
			return nil, p.errf(p.n+1, "unexpected %q after the value of %q", strings.TrimSpace(tail), key)
		}
		cur.keys = append(cur.keys, key)
		cur.vals[key] = value{lineNo, v}
	}
	return root, nil
}

func isBareKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// stripComment cuts a '#' comment that is not inside a string.
func stripComment(s string) string {
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == '\\' && q == '"' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#':
			return s[:i]
		}
	}
	return s
}

// parseValue reads one value at the start of s; arrays may continue on
// the following lines. It returns what is left of the current line.
func (p *parser) parseValue(s string, lineNo int) (any, string, error) {
	switch {
	case s == "":
		return nil, "", p.errf(lineNo, "missing value after '='")
	case s[0] == '"' || s[0] == '\'':
		v, rest, err := parseString(s)
		if err != nil {
			return nil, "", p.errf(lineNo, "%v", err)
		}
		return v, rest, nil
	case s[0] == '[':
		return p.parseArray(s[1:], lineNo)
	case s[0] == '{':
		return nil, "", p.errf(lineNo, "inline tables are not supported here; use a [table] header")
	}
	end := strings.IndexAny(s, ",]# \t")
	if end < 0 {
		end = len(s)
	}
	word, rest := s[:end], s[end:]
	switch word {
	case "true":
		return true, rest, nil
	case "false":
		return false, rest, nil
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(word, "_", ""), 10, 64)
	if err != nil {
		return nil, "", p.errf(lineNo, "bad value %q: strings need quotes", word)
	}
	return n, rest, nil
}

func (p *parser) parseArray(s string, lineNo int) (any, string, error) {
	var out []value
	for {
		s = strings.TrimSpace(stripComment(s))
		for s == "" {
			p.n++
			if p.n >= len(p.lines) {
				return nil, "", p.errf(lineNo, "array is not closed with ']'")
			}
			s = strings.TrimSpace(stripComment(p.lines[p.n]))
		}
		if s[0] == ']' {
			return out, s[1:], nil
		}
		at := p.n + 1
		v, rest, err := p.parseValue(s, at)
		if err != nil {
			return nil, "", err
		}
		out = append(out, value{at, v})
		s = strings.TrimSpace(rest)
		if strings.HasPrefix(s, ",") {
			s = s[1:]
		} else if s != "" && s[0] != ']' && s[0] != '#' {
			return nil, "", p.errf(at, "expected ',' or ']' in array, got %q", s)
		}
	}
}

// parseString reads a "basic" or 'literal' string at the start of s.
func parseString(s string) (string, string, error) {
	q := s[0]
	if q == '\'' {
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return "", "", fmt.Errorf("string %s is not closed", s)
		}
		return s[1 : 1+end], s[2+end:], nil
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
			if i+1 >= len(s) {
				return "", "", fmt.Errorf("string %s ends in a lone backslash", s)
			}
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case '"', '\\':
				b.WriteByte(s[i])
			case 'u', 'U':
				n := 4
				if s[i] == 'U' {
					n = 8
				}
				if i+n >= len(s) {
					return "", "", fmt.Errorf("short \\%c escape in %s", s[i], s)
				}
				cp, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
				if err != nil || !utf8.ValidRune(rune(cp)) {
					return "", "", fmt.Errorf("bad \\%c escape %q", s[i], s[i+1:i+1+n])
				}
				b.WriteRune(rune(cp))
				i += n
			default:
				return "", "", fmt.Errorf("unknown escape \\%c", s[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("string %s is not closed", s)
}
