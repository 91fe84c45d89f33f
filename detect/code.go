package detect

// ctxKind says where in source code a character is.
type ctxKind uint8

const (
	ctxNone ctxKind = iota // prose
	ctxCode
	ctxComment
	ctxString
)

func (c ctxKind) String() string {
	switch c {
	case ctxCode:
		return "code"
	case ctxComment:
		return "comment"
	case ctxString:
		return "string"
	}
	return ""
}

// ctxAt returns the source-code context of cell i.
func (e *engine) ctxAt(i int) ctxKind {
	if e.opts.Mode != Code || i >= len(e.ctx) {
		return ctxNone
	}
	return e.ctx[i]
}

// lexState is the state of the source-code lexer carried across blocks.
type lexState struct {
	in    ctxKind
	close string // what ends the current comment or string
	line  bool   // ends at the end of the line
}

// lex classifies every cell of the block as code, comment or string. It
// knows the comment and string syntax shared by C-family languages, Go,
// Rust, JavaScript, Python and shell: //, /* */, #, "…", '…', `…`, """…""".
// It does not need to be exact: it decides how severe a bidi control or an
// invisible character is, not whether it is reported.
func (e *engine) lex(data []byte) {
	if cap(e.ctx) < len(e.cells) {
		e.ctx = make([]ctxKind, len(e.cells))
	}
	e.ctx = e.ctx[:len(e.cells)]
	s := &e.lexer
	cells := e.cells
	at := func(i int, lit string) bool {
		off := int(cells[i].off)
		return len(data)-off >= len(lit) && string(data[off:off+len(lit)]) == lit
	}
	for i := 0; i < len(cells); i++ {
		r := cells[i].r
		if s.in == ctxNone || s.in == ctxCode {
			s.in = ctxCode
			switch {
			case at(i, "//") || r == '#':
				s.in, s.close, s.line = ctxComment, "", true
			case at(i, "/*"):
				e.ctx[i] = ctxComment
				s.in, s.close, s.line = ctxComment, "*/", false
				i++
				if i < len(cells) {
					e.ctx[i] = ctxComment
				}
				continue
			case at(i, `"""`) || at(i, "'''"):
				q := string(data[cells[i].off : cells[i].off+3])
				for k := 0; k < 3 && i < len(cells); k++ {
					e.ctx[i] = ctxString
					i++
				}
				i--
				s.in, s.close, s.line = ctxString, q, false
				continue
			case r == '"' || r == '\'' || r == '`':
				e.ctx[i] = ctxString
				s.in, s.close, s.line = ctxString, string(r), r != '`'
				continue
			}
			e.ctx[i] = s.in
			continue
		}
		e.ctx[i] = s.in
		switch {
		case r == '\n' && s.line:
			e.ctx[i] = ctxCode
			s.in = ctxCode
		case s.in == ctxString && r == '\\' && s.close != "`":
			if i+1 < len(cells) {
				i++
				e.ctx[i] = ctxString
			}
		case s.close != "" && at(i, s.close):
			for k := 1; k < len(s.close) && i+1 < len(cells); k++ {
				i++
				e.ctx[i] = s.in
			}
			s.in = ctxCode
		}
	}
}
