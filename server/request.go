package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/plainsight/plainsight"
	"github.com/plainsight/plainsight/detect"
	"github.com/plainsight/plainsight/report"
)

// apiOptions is the JSON (and query-string) form of plainsight.Options.
// Field names follow the CLI's flags with underscores.
type apiOptions struct {
	Mode              string   `json:"mode,omitempty"`
	MinSeverity       string   `json:"min_severity,omitempty"`
	Kinds             []string `json:"kinds,omitempty"`
	Scripts           []string `json:"scripts,omitempty"`
	Allow             string   `json:"allow,omitempty"`
	MaxFindings       int      `json:"max_findings,omitempty"`
	FoldCompatibility bool     `json:"fold_compatibility,omitempty"`
	KeepSpaces        bool     `json:"keep_spaces,omitempty"`
	ReplaceInvalid    bool     `json:"replace_invalid,omitempty"`
	RestoreSlips      bool     `json:"restore_slips,omitempty"`
}

func (o *apiOptions) options() (plainsight.Options, error) {
	var opts plainsight.Options
	var err error
	if opts.Mode, err = detect.ParseMode(o.Mode); err != nil {
		return opts, fmt.Errorf("options.mode: %w", err)
	}
	if o.MinSeverity != "" {
		if opts.MinSeverity, err = report.ParseSeverity(o.MinSeverity); err != nil {
			return opts, fmt.Errorf("options.min_severity: %w", err)
		}
	}
	if len(o.Kinds) > 0 {
		if opts.Kinds, err = report.ParseKinds(strings.Join(o.Kinds, ",")); err != nil {
			return opts, fmt.Errorf("options.kinds: %w", err)
		}
	}
	opts.Scripts = o.Scripts
	opts.Allow = o.Allow
	opts.MaxFindings = o.MaxFindings
	if opts.MaxFindings == 0 {
		// The inspector highlights every finding of a paste up to the body
		// limit; the library's smaller default suits streams of any size.
		opts.MaxFindings = DefaultMaxFindings
	}
	opts.FoldCompatibility = o.FoldCompatibility
	opts.KeepSpaces = o.KeepSpaces
	opts.ReplaceInvalid = o.ReplaceInvalid
	opts.RestoreSlips = o.RestoreSlips
	return opts, nil
}

// DefaultMaxFindings is the number of findings a response holds when the
// request does not say (options.max_findings); the rest are counted in
// summary.dropped.
const DefaultMaxFindings = 100000

// fromQuery reads options given as query parameters (the only way to pass
// them with a text/plain body): ?mode=code&kinds=bidi-control,invisible.
func (o *apiOptions) fromQuery(q url.Values, extra map[string]*bool) error {
	for key, vals := range q {
		v := vals[len(vals)-1]
		var err error
		switch key {
		case "mode":
			o.Mode = v
		case "min_severity":
			o.MinSeverity = v
		case "kinds":
			o.Kinds = splitList(v)
		case "scripts":
			o.Scripts = splitList(v)
		case "allow":
			o.Allow = v
		case "max_findings":
			o.MaxFindings, err = strconv.Atoi(v)
		case "fold_compatibility":
			o.FoldCompatibility, err = strconv.ParseBool(v)
		case "keep_spaces":
			o.KeepSpaces, err = strconv.ParseBool(v)
		case "replace_invalid":
			o.ReplaceInvalid, err = strconv.ParseBool(v)
		case "restore_slips":
			o.RestoreSlips, err = strconv.ParseBool(v)
		case "source":
			// Read by the caller.
		default:
			p, ok := extra[key]
			if !ok {
				return fmt.Errorf("unknown query parameter %q: options are mode, min_severity, kinds, scripts, allow, max_findings, fold_compatibility, keep_spaces, replace_invalid and source", key)
			}
			*p, err = strconv.ParseBool(v)
		}
		if err != nil {
			return fmt.Errorf("query parameter %s=%q: %v", key, v, err)
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// textRequest is the JSON body of scan, clean and inspect.
type textRequest struct {
	Text       *string    `json:"text"`
	TextBase64 *string    `json:"text_base64"`
	Source     string     `json:"source"`
	Options    apiOptions `json:"options"`
	// Notable limits /v1/inspect to characters other than printable ASCII
	// and those involved in findings.
	Notable bool `json:"notable"`
}

// input is a decoded request: the text's bytes (possibly invalid UTF-8)
// and the options.
type input struct {
	text    []byte
	source  string
	opts    plainsight.Options
	notable bool
	buf     *bytes.Buffer // pooled body buffer to give back, if any
}

func (in *input) free() {
	if in.buf != nil && in.buf.Cap() <= 1<<20 {
		in.buf.Reset()
		bufPool.Put(in.buf)
	}
	in.buf, in.text = nil, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// httpError is a failure to decode a request, with the answer to give.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(code, format string, args ...any) *httpError {
	return &httpError{http.StatusBadRequest, code, fmt.Sprintf(format, args...)}
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{http.StatusBadRequest, "bad_request", err.Error()}
	}
	s.metrics.rejected.WithLabelValues(he.code).Inc()
	writeError(w, he.status, he.code, he.msg)
}

// bodyKind is what a Content-Type says about the body.
type bodyKind int

const (
	bodyText bodyKind = iota
	bodyJSON
)

func contentKind(r *http.Request, jsonOnly bool) (bodyKind, error) {
	ct := r.Header.Get("Content-Type")
	want := "text/plain or application/json"
	if jsonOnly {
		want = "application/json"
	}
	if ct == "" {
		return 0, &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "the request has no Content-Type: send " + want}
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return 0, &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", fmt.Sprintf("cannot read Content-Type %q (%v): send %s", ct, err, want)}
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") && !strings.EqualFold(cs, "us-ascii") {
		return 0, &httpError{http.StatusUnsupportedMediaType, "unsupported_charset", fmt.Sprintf("charset %q is not supported: send UTF-8 (bytes that are not valid UTF-8 are reported as findings)", cs)}
	}
	switch {
	case mt == "application/json":
		return bodyJSON, nil
	case !jsonOnly && (mt == "text/plain" || mt == "application/octet-stream"):
		return bodyText, nil
	}
	return 0, &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", fmt.Sprintf("Content-Type %s is not accepted here: send %s", mt, want)}
}

// readBody reads the whole body into a pooled buffer, enforcing the size
// limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) (*bytes.Buffer, error) {
	limit := s.cfg.MaxBodyBytes
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		bufPool.Put(buf)
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge(limit)
		}
		return nil, badRequest("unreadable_body", "could not read the request body: %v", err)
	}
	return buf, nil
}

func tooLarge(limit int64) *httpError {
	return &httpError{http.StatusRequestEntityTooLarge, "body_too_large",
		fmt.Sprintf("the request body is larger than the limit of %d bytes: split the text, or start the server with a larger --max-body", limit)}
}

// decodeText reads the body of scan, clean and inspect.
func (s *Server) decodeText(w http.ResponseWriter, r *http.Request) (*input, error) {
	kind, err := contentKind(r, false)
	if err != nil {
		return nil, err
	}
	var o apiOptions
	in := &input{}
	if err := o.fromQuery(r.URL.Query(), map[string]*bool{"notable": &in.notable}); err != nil {
		return nil, badRequest("bad_option", "%v", err)
	}
	in.source = r.URL.Query().Get("source")
	buf, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	if kind == bodyText {
		in.buf, in.text = buf, buf.Bytes()
	} else {
		defer func() { buf.Reset(); bufPool.Put(buf) }()
		var req textRequest
		req.Options = o
		req.Notable = in.notable
		if err := decodeJSON(buf.Bytes(), &req); err != nil {
			return nil, err
		}
		if in.text, err = pickText("text", req.Text, req.TextBase64); err != nil {
			return nil, err
		}
		o = req.Options
		in.notable = req.Notable
		if req.Source != "" {
			in.source = req.Source
		}
	}
	if in.opts, err = o.options(); err != nil {
		in.free()
		return nil, badRequest("bad_option", "%v", err)
	}
	return in, nil
}

// pickText takes the text from a JSON field or its _base64 twin.
func pickText(name string, text, b64 *string) ([]byte, error) {
	switch {
	case text != nil && b64 != nil:
		return nil, badRequest("bad_request", "give either %q or %q, not both", name, name+"_base64")
	case b64 != nil:
		b, err := base64.StdEncoding.DecodeString(*b64)
		if err != nil {
			return nil, badRequest("bad_base64", "%s_base64 is not standard base64 (RFC 4648, with padding): %v", name, err)
		}
		return b, nil
	case text != nil:
		return []byte(*text), nil
	}
	return nil, badRequest("missing_text", "the JSON body has no %q field: send {%q: \"...\"} or {%q: \"<base64>\"}", name, name, name+"_base64")
}

// decodeJSON decodes one JSON object strictly: unknown fields, trailing
// data and bodies that are not UTF-8 are errors that name the problem.
func decodeJSON(b []byte, v any) error {
	if !utf8.Valid(b) {
		off := invalidAt(b)
		return badRequest("invalid_json", "the JSON body is not valid UTF-8 (byte %d); JSON must be UTF-8: to scan bytes that are not valid UTF-8, send them base64-encoded in \"text_base64\" or as a text/plain body", off)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF):
			return badRequest("invalid_json", "the JSON body is empty: send an object such as {\"text\": \"...\"}")
		case errors.As(err, &se):
			return badRequest("invalid_json", "malformed JSON at byte %d: %v", se.Offset, se)
		case errors.As(err, &te):
			field := te.Field
			if field == "" {
				return badRequest("invalid_json", "the JSON body must be an object such as {\"text\": \"...\"}, not a %s", te.Value)
			}
			return badRequest("invalid_json", "JSON field %q must be %s, not %s", field, jsonType(te.Type.Kind().String()), te.Value)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return badRequest("invalid_json", "the JSON body ends too early: %v", err)
		}
		if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
			return badRequest("invalid_json", "unknown JSON field %s; see /openapi.json for the fields", strings.TrimPrefix(msg, "json: unknown field "))
		}
		return badRequest("invalid_json", "cannot decode the JSON body: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("invalid_json", "the JSON body has data after its object at byte %d: send one object", dec.InputOffset())
	}
	return nil
}

func jsonType(goKind string) string {
	switch goKind {
	case "string", "ptr":
		return "a string"
	case "bool":
		return "true or false"
	case "int", "int64", "float64":
		return "a number"
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return goKind
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
