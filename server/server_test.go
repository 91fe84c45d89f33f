package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plainsight/plainsight"
	"github.com/plainsight/plainsight/report"
)

const fixturePath = "../testdata/examples/harbour-article.txt"

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func newTest(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = quiet()
	}
	return New(cfg)
}

type answer struct {
	code int
	hdr  http.Header
	body []byte
}

func (a answer) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("answer is not JSON (%v): %s", err, a.body)
	}
}

// errCode returns the "code" of a JSON error answer.
func (a answer) errCode(t *testing.T) string {
	t.Helper()
	var e struct {
		Error apiError `json:"error"`
	}
	a.json(t, &e)
	if e.Error.Status != a.code || e.Error.Message == "" {
		t.Fatalf("error answer %d does not describe itself: %s", a.code, a.body)
	}
	return e.Error.Code
}

func do(t *testing.T, h http.Handler, method, target, ctype string, body []byte, hdr ...string) answer {
	t.Helper()
	r := httptest.NewRequest(method, target, bytes.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return answer{w.Code, w.Result().Header, w.Body.Bytes()}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func fixture(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHealthAndReady(t *testing.T) {
	s := newTest(t, Config{})
	for _, p := range []string{"/healthz", "/readyz"} {
		a := do(t, s, "GET", p, "", nil)
		if a.code != 200 {
			t.Errorf("GET %s: %d %s", p, a.code, a.body)
		}
		if a := do(t, s, "HEAD", p, "", nil); a.code != 200 {
			t.Errorf("HEAD %s: %d", p, a.code)
		}
	}
	s.draining.Store(true)
	a := do(t, s, "GET", "/readyz", "", nil)
	if a.code != 503 || a.errCode(t) != "shutting_down" {
		t.Errorf("/readyz while draining: %d %s", a.code, a.body)
	}
	if a := do(t, s, "GET", "/healthz", "", nil); a.code != 200 {
		t.Errorf("/healthz while draining: %d", a.code)
	}
}

func TestScanPlainAndJSON(t *testing.T) {
	s := newTest(t, Config{})
	fx := fixture(t)

	a := do(t, s, "POST", "/v1/scan", "text/plain; charset=utf-8", fx)
	if a.code != 200 {
		t.Fatalf("scan: %d %s", a.code, a.body)
	}
	// The same JSON as `plainsight scan --format json` writes, but for
	// its indentation.
	var want bytes.Buffer
	rep := plainsight.ScanBytes(fx, plainsight.Options{})
	if err := report.WriteJSON(&want, rep); err != nil {
		t.Fatal(err)
	}
	var gotV, wantV any
	a.json(t, &gotV)
	if err := json.Unmarshal(want.Bytes(), &wantV); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotV, wantV) {
		t.Errorf("scan answer differs from report.WriteJSON:\n got %s\nwant %s", a.body, want.Bytes())
	}
	var raw map[string]any
	a.json(t, &raw)
	if _, ok := raw["suspicious"].(bool); !ok {
		t.Errorf("no top-level boolean suspicious: %s", a.body)
	}
	var got report.Report
	a.json(t, &got)
	if got.Summary.Bytes != int64(len(fx)) {
		t.Errorf("summary.bytes = %d, want %d", got.Summary.Bytes, len(fx))
	}
	if !got.Suspicious || got.Summary.Verdict != report.Disguised {
		t.Errorf("fixture: suspicious=%v verdict=%s, want true, disguised", got.Suspicious, got.Summary.Verdict)
	}
	if n := countLookalikeA(fx, got.Findings); n != 99 {
		t.Errorf("findings cover %d of the 99 U+0430, want all", n)
	}

	// JSON with options and a source name.
	body := mustJSON(map[string]any{"text": string(fx), "source": "harbour.txt", "options": map[string]any{"mode": "prose", "min_severity": "warning", "kinds": []string{"lookalike-in-word", "lookalike-word"}}})
	a = do(t, s, "POST", "/v1/scan", "application/json", body)
	if a.code != 200 {
		t.Fatalf("scan JSON: %d %s", a.code, a.body)
	}
	a.json(t, &got)
	if got.Source != "harbour.txt" || got.Mode != "prose" {
		t.Errorf("source %q mode %q", got.Source, got.Mode)
	}
	for _, f := range got.Findings {
		if f.Kind != report.LookalikeInWord && f.Kind != report.LookalikeWord || f.Severity < report.Warning {
			t.Errorf("options not applied: finding %s %s", f.Kind, f.Severity)
		}
	}

	// Options in the query string, for text/plain.
	a = do(t, s, "POST", "/v1/scan?mode=code&source=x.go&max_findings=5", "text/plain", []byte("package x\n"))
	a.json(t, &got)
	if a.code != 200 || got.Mode != "code" || got.Source != "x.go" {
		t.Errorf("query options: %d %s", a.code, a.body)
	}
	// application/octet-stream is raw bytes too.
	if a := do(t, s, "POST", "/v1/scan", "application/octet-stream", []byte("hi")); a.code != 200 {
		t.Errorf("octet-stream: %d %s", a.code, a.body)
	}
}

// countLookalikeA counts the U+0430 of the input that some finding covers.
func countLookalikeA(in []byte, fs []report.Finding) int {
	n := 0
	for i := 0; i+1 < len(in); i++ {
		if in[i] == 0xD0 && in[i+1] == 0xB0 {
			for _, f := range fs {
				if f.Start.Offset <= int64(i) && int64(i) < f.End.Offset {
					n++
					break
				}
			}
		}
	}
	return n
}

func TestInvalidUTF8IsAFinding(t *testing.T) {
	s := newTest(t, Config{})
	in := []byte("Hello \xff\xfe world")
	for _, c := range []struct {
		name, ctype string
		body        []byte
	}{
		{"text/plain", "text/plain", in},
		{"text_base64", "application/json", mustJSON(map[string]string{"text_base64": base64.StdEncoding.EncodeToString(in)})},
	} {
		a := do(t, s, "POST", "/v1/scan", c.ctype, c.body)
		if a.code != 200 {
			t.Errorf("%s: %d %s", c.name, a.code, a.body)
			continue
		}
		var rep report.Report
		a.json(t, &rep)
		if rep.Summary.Bytes != int64(len(in)) {
			t.Errorf("%s: %d bytes scanned, want %d", c.name, rep.Summary.Bytes, len(in))
		}
		if rep.Summary.Counts[report.InvalidUTF8] == 0 {
			t.Errorf("%s: no invalid-utf8 finding: %s", c.name, a.body)
		}
	}
	// Clean keeps the invalid bytes and says so in text_base64.
	a := do(t, s, "POST", "/v1/clean", "text/plain", in)
	var cr cleanResponse
	a.json(t, &cr)
	if a.code != 200 {
		t.Fatalf("clean: %d %s", a.code, a.body)
	}
	restored, err := report.ApplyEdits(in, cr.Edits)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(cr.TextBase64, restored) {
		t.Errorf("text_base64 = %q, want the restored bytes %q", cr.TextBase64, restored)
	}
}

func TestClean(t *testing.T) {
	s := newTest(t, Config{})
	fx := fixture(t)
	for _, c := range []struct {
		ctype string
		body  []byte
	}{
		{"text/plain", fx},
		{"application/json", mustJSON(map[string]string{"text": string(fx)})},
	} {
		a := do(t, s, "POST", "/v1/clean", c.ctype, c.body)
		if a.code != 200 {
			t.Fatalf("clean %s: %d %s", c.ctype, a.code, a.body)
		}
		var cr cleanResponse
		a.json(t, &cr)
		var raw map[string]json.RawMessage
		a.json(t, &raw)
		for _, k := range []string{"suspicious", "changed", "text", "edits", "report"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("clean answer has no %q: %s", k, a.body)
			}
		}
		// The change log turns the input into the text and back.
		out, err := report.ApplyEdits(fx, cr.Edits)
		if err != nil || string(out) != cr.Text {
			t.Errorf("edits do not give the restored text (%v)", err)
		}
		back, err := report.RevertEdits([]byte(cr.Text), cr.Edits)
		if err != nil || !bytes.Equal(back, fx) {
			t.Errorf("reverting the edits does not give the input (%v)", err)
		}
		if cr.Changed != (cr.Text != string(fx)) {
			t.Errorf("changed = %v", cr.Changed)
		}
		want, err := os.ReadFile("../testdata/examples/harbour-article.clean.txt")
		if err != nil {
			t.Fatal(err)
		}
		if cr.Text != string(want) {
			t.Errorf("restored text differs from harbour-article.clean.txt")
		}
		if !cr.Suspicious || !cr.Report.Suspicious {
			t.Errorf("clean: not suspicious")
		}
	}
}

func TestInspect(t *testing.T) {
	s := newTest(t, Config{})
	in := "pа\u200by\n\xff"
	a := do(t, s, "POST", "/v1/inspect", "text/plain", []byte(in))
	if a.code != 200 {
		t.Fatalf("inspect: %d %s", a.code, a.body)
	}
	var ir inspectResponse
	a.json(t, &ir)
	if ir.Chars != 6 || len(ir.Rows) != 6 || ir.Truncated {
		t.Fatalf("chars %d rows %d truncated %v: %s", ir.Chars, len(ir.Rows), ir.Truncated, a.body)
	}
	want := []charRow{
		{Offset: 0, Line: 1, Column: 1, Char: "p", CodePoint: "U+0070", Name: "LATIN SMALL LETTER P", Script: "Latin", Category: "Ll"},
		{Offset: 1, Line: 1, Column: 2, Char: "а", CodePoint: "U+0430", Name: "CYRILLIC SMALL LETTER A", Script: "Cyrillic", Category: "Ll"},
		{Offset: 3, Line: 1, Column: 3, Char: "\u200b", CodePoint: "U+200B", Name: "ZERO WIDTH SPACE", Script: "Common", Category: "Cf"},
		{Offset: 6, Line: 1, Column: 4, Char: "y", CodePoint: "U+0079", Name: "LATIN SMALL LETTER Y", Script: "Latin", Category: "Ll"},
		{Offset: 7, Line: 1, Column: 5, Char: "\n", CodePoint: "U+000A", Script: "Common", Category: "Cc"},
		{Offset: 8, Line: 2, Column: 1, CodePoint: "0xFF", Name: "(invalid UTF-8 byte)", Script: "Unknown", Category: "invalid"},
	}
	for i, w := range want {
		g := ir.Rows[i]
		if g.Offset != w.Offset || g.Line != w.Line || g.Column != w.Column || g.Char != w.Char || g.CodePoint != w.CodePoint ||
			(w.Name != "" && g.Name != w.Name) || g.Script != w.Script || g.Category != w.Category {
			t.Errorf("row %d = %+v, want %+v", i, g, w)
		}
	}
	if !hasNote(ir.Rows[2].Notes, "invisible") {
		t.Errorf("zero width space notes: %q", ir.Rows[2].Notes)
	}
	if !hasNote(ir.Rows[5].Notes, "not valid UTF-8") {
		t.Errorf("invalid byte notes: %q", ir.Rows[5].Notes)
	}
	if len(ir.Rows[1].Notes) == 0 || !ir.Rows[1].Suspicious || ir.Rows[1].Finding != "lookalike-in-word" {
		t.Errorf("the Cyrillic а in a Latin word: %+v", ir.Rows[1])
	}
	if ir.Rows[0].Suspicious || ir.Rows[0].Finding != "" {
		t.Errorf("the p: %+v", ir.Rows[0])
	}

	// notable: only what is not printable ASCII, in JSON this time.
	a = do(t, s, "POST", "/v1/inspect", "application/json", mustJSON(map[string]any{"text": "ab\u200bc", "notable": true}))
	a.json(t, &ir)
	if a.code != 200 || ir.Chars != 4 || len(ir.Rows) != 1 || ir.Rows[0].CodePoint != "U+200B" {
		t.Errorf("notable: %d %s", a.code, a.body)
	}
	a = do(t, s, "POST", "/v1/inspect?notable=true", "text/plain", []byte("a\tb\r\n\u200bc"))
	a.json(t, &ir)
	if a.code != 200 || len(ir.Rows) != 1 {
		t.Errorf("notable in the query: %d %s", a.code, a.body)
	}

	// The row cap.
	s = newTest(t, Config{MaxInspectRows: 3})
	a = do(t, s, "POST", "/v1/inspect", "text/plain", []byte("abcdef"))
	a.json(t, &ir)
	if ir.Chars != 6 || len(ir.Rows) != 3 || !ir.Truncated {
		t.Errorf("cap: chars %d rows %d truncated %v", ir.Chars, len(ir.Rows), ir.Truncated)
	}
}

func hasNote(notes []string, sub string) bool {
	for _, n := range notes {
		if strings.Contains(n, sub) {
			return true
		}
	}
	return false
}

func TestCompare(t *testing.T) {
	s := newTest(t, Config{})
	a := do(t, s, "POST", "/v1/compare", "application/json", mustJSON(map[string]string{"a": "paypal", "b": "pаypal"}))
	if a.code != 200 {
		t.Fatalf("compare: %d %s", a.code, a.body)
	}
	var cr compareResponse
	a.json(t, &cr)
	if cr.Identical || cr.A != "paypal" || cr.B != "pаypal" {
		t.Errorf("compare: %s", a.body)
	}
	if !cr.Confusable || cr.SkeletonA != cr.SkeletonB || cr.Class != "mixed-script confusable" {
		t.Errorf("paypal and pаypal: %s", a.body)
	}
	a = do(t, s, "POST", "/v1/compare", "application/json", mustJSON(map[string]string{"a": "x", "b": "x"}))
	a.json(t, &cr)
	if a.code != 200 || !cr.Identical || !cr.Confusable {
		t.Errorf("identical strings: %s", a.body)
	}
	a = do(t, s, "POST", "/v1/compare", "application/json", mustJSON(map[string]string{"a": "scope", "b": "ѕсоре"}))
	a.json(t, &cr)
	if a.code != 200 || !cr.Confusable || cr.Class != "whole-script confusable" {
		t.Errorf("scope and Cyrillic ѕсоре: %s", a.body)
	}
	a = do(t, s, "POST", "/v1/compare", "application/json", mustJSON(map[string]string{"a": "cat", "b": "dog"}))
	a.json(t, &cr)
	if a.code != 200 || cr.Confusable || cr.Class != "not confusable" {
		t.Errorf("cat and dog: %s", a.body)
	}
	for _, c := range []struct {
		ctype, body string
		code        int
		err         string
	}{
		{"application/json", `{"a": "x"}`, 400, "missing_text"},
		{"application/json", `{"a": "x", "b": "y", "c": "z"}`, 400, "invalid_json"},
		{"application/json", `{"a": `, 400, "invalid_json"},
		{"text/plain", "paypal", 415, "unsupported_media_type"},
	} {
		a := do(t, s, "POST", "/v1/compare", c.ctype, []byte(c.body))
		if a.code != c.code || a.errCode(t) != c.err {
			t.Errorf("compare %s %q: %d %s, want %d %s", c.ctype, c.body, a.code, a.body, c.code, c.err)
		}
	}
}

func TestKinds(t *testing.T) {
	s := newTest(t, Config{})
	a := do(t, s, "GET", "/v1/kinds", "", nil)
	var ks []report.KindInfo
	a.json(t, &ks)
	if a.code != 200 || len(ks) != len(report.Kinds()) {
		t.Errorf("kinds: %d %s", a.code, a.body)
	}
}

func TestRequestErrors(t *testing.T) {
	s := newTest(t, Config{MaxBodyBytes: 1000})
	big := bytes.Repeat([]byte("a"), 1001)
	for _, c := range []struct {
		name, method, path, ctype, body string
		code                            int
		err                             string
	}{
		{"unknown path", "GET", "/v2/scan", "", "", 404, "not_found"},
		{"GET on a POST route", "GET", "/v1/scan", "", "", 405, "method_not_allowed"},
		{"POST on a GET route", "POST", "/healthz", "text/plain", "x", 405, "method_not_allowed"},
		{"no content type", "POST", "/v1/scan", "", "hello", 415, "unsupported_media_type"},
		{"form", "POST", "/v1/scan", "application/x-www-form-urlencoded", "text=hello", 415, "unsupported_media_type"},
		{"html", "POST", "/v1/clean", "text/html", "<p>hi", 415, "unsupported_media_type"},
		{"bad content type", "POST", "/v1/scan", "text/plain; charset", "hi", 415, "unsupported_media_type"},
		{"latin-1", "POST", "/v1/scan", "text/plain; charset=iso-8859-1", "hi", 415, "unsupported_charset"},
		{"too large", "POST", "/v1/scan", "text/plain", string(big), 413, "body_too_large"},
		{"too large JSON", "POST", "/v1/inspect", "application/json", `{"text": "` + string(big) + `"}`, 413, "body_too_large"},
		{"malformed", "POST", "/v1/scan", "application/json", `{"text": "x"`, 400, "invalid_json"},
		{"syntax", "POST", "/v1/scan", "application/json", `{"text": x}`, 400, "invalid_json"},
		{"empty JSON", "POST", "/v1/scan", "application/json", ``, 400, "invalid_json"},
		{"array", "POST", "/v1/scan", "application/json", `["x"]`, 400, "invalid_json"},
		{"trailing data", "POST", "/v1/scan", "application/json", `{"text": "x"} {"text": "y"}`, 400, "invalid_json"},
		{"unknown field", "POST", "/v1/clean", "application/json", `{"txt": "x"}`, 400, "invalid_json"},
		{"wrong type", "POST", "/v1/scan", "application/json", `{"text": ["x"]}`, 400, "invalid_json"},
		{"no text", "POST", "/v1/scan", "application/json", `{"options": {}}`, 400, "missing_text"},
		{"null text", "POST", "/v1/scan", "application/json", `{"text": null}`, 400, "missing_text"},
		{"both texts", "POST", "/v1/scan", "application/json", `{"text": "a", "text_base64": "YQ=="}`, 400, "bad_request"},
		{"bad base64", "POST", "/v1/scan", "application/json", `{"text_base64": "not base64!"}`, 400, "bad_base64"},
		{"JSON not UTF-8", "POST", "/v1/scan", "application/json", "{\"text\": \"\xff\"}", 400, "invalid_json"},
		{"bad mode", "POST", "/v1/scan", "application/json", `{"text": "x", "options": {"mode": "poetry"}}`, 400, "bad_option"},
		{"bad kind", "POST", "/v1/scan", "application/json", `{"text": "x", "options": {"kinds": ["homoglyph"]}}`, 400, "bad_option"},
		{"bad severity", "POST", "/v1/clean", "application/json", `{"text": "x", "options": {"min_severity": "fatal"}}`, 400, "bad_option"},
		{"unknown option field", "POST", "/v1/scan", "application/json", `{"text": "x", "options": {"colour": true}}`, 400, "invalid_json"},
		{"unknown query", "POST", "/v1/scan?colour=1", "text/plain", "x", 400, "bad_option"},
		{"bad query bool", "POST", "/v1/scan?keep_spaces=maybe", "text/plain", "x", 400, "bad_option"},
		{"bad query int", "POST", "/v1/scan?max_findings=many", "text/plain", "x", 400, "bad_option"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, s, c.method, c.path, c.ctype, []byte(c.body))
			if a.code != c.code {
				t.Fatalf("%s %s: %d %s, want %d", c.method, c.path, a.code, a.body, c.code)
			}
			if got := a.errCode(t); got != c.err {
				t.Errorf("error code %q, want %q (%s)", got, c.err, a.body)
			}
			if ct := a.hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("error Content-Type %q", ct)
			}
			if c.code == 405 && a.hdr.Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
		})
	}
}

// A body without Content-Length (chunked) is cut at the limit too.
func TestTooLargeChunked(t *testing.T) {
	s := newTest(t, Config{MaxBodyBytes: 1000})
	r := httptest.NewRequest("POST", "/v1/scan", io.MultiReader(bytes.NewReader(make([]byte, 600)), bytes.NewReader(make([]byte, 600))))
	r.ContentLength = -1
	r.Header.Set("Content-Type", "text/plain")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != 413 {
		t.Errorf("chunked body over the limit: %d %s", w.Code, w.Body)
	}
}

func TestToken(t *testing.T) {
	s := newTest(t, Config{Token: "s3cret"})
	body := []byte("hello")
	for _, c := range []struct {
		auth string
		code int
	}{
		{"", 401},
		{"Bearer wrong", 401},
		{"Bearer s3cre", 401},
		{"Basic czNjcmV0", 401},
		{"s3cret", 401},
		{"Bearer s3cret", 200},
		{"bearer s3cret", 200},
	} {
		var hdr []string
		if c.auth != "" {
			hdr = []string{"Authorization", c.auth}
		}
		a := do(t, s, "POST", "/v1/scan", "text/plain", body, hdr...)
		if a.code != c.code {
			t.Errorf("Authorization %q: %d, want %d", c.auth, a.code, c.code)
		}
		if a.code == 401 && (a.errCode(t) != "unauthorized" || !strings.HasPrefix(a.hdr.Get("WWW-Authenticate"), "Bearer")) {
			t.Errorf("401 without a JSON error or WWW-Authenticate: %v %s", a.hdr, a.body)
		}
	}
	// Probes, metrics and the page stay open: the page asks for the token.
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json", "/"} {
		if a := do(t, s, "GET", p, "", nil); a.code != 200 {
			t.Errorf("GET %s with a token configured: %d", p, a.code)
		}
	}
	if a := do(t, s, "GET", "/v1/kinds", "", nil); a.code != 401 {
		t.Errorf("/v1/kinds without the token: %d", a.code)
	}
}

func TestLoadToken(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "token")
	os.WriteFile(f, []byte("  abc \nsecond line\n"), 0o600)
	if tok, err := LoadToken(f); err != nil || tok != "abc" {
		t.Errorf("LoadToken(file) = %q, %v", tok, err)
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("\n"), 0o600)
	if _, err := LoadToken(empty); err == nil {
		t.Errorf("an empty token file is accepted")
	}
	if _, err := LoadToken(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("a missing token file is accepted")
	}
	t.Setenv("PLAINSIGHT_TOKEN", " env-token ")
	if tok, err := LoadToken(""); err != nil || tok != "env-token" {
		t.Errorf("LoadToken(env) = %q, %v", tok, err)
	}
}

func TestOverloaded(t *testing.T) {
	s := newTest(t, Config{MaxConcurrent: 1, QueueWait: 20 * time.Millisecond})
	s.sem <- struct{}{} // a scan holds the only slot
	a := do(t, s, "POST", "/v1/scan", "text/plain", []byte("x"))
	if a.code != 503 || a.errCode(t) != "overloaded" || a.hdr.Get("Retry-After") == "" {
		t.Errorf("full: %d %v %s", a.code, a.hdr, a.body)
	}
	// A slot freed while waiting is taken.
	go func() { time.Sleep(5 * time.Millisecond); <-s.sem }()
	s.cfg.QueueWait = 2 * time.Second
	if a := do(t, s, "POST", "/v1/scan", "text/plain", []byte("x")); a.code != 200 {
		t.Errorf("after the slot freed: %d %s", a.code, a.body)
	}
	if len(s.sem) != 0 {
		t.Errorf("slot not released: %d held", len(s.sem))
	}
}

// Large texts take turns for the bytes-in-flight budget; small ones pass.
func TestInFlightBytes(t *testing.T) {
	s := newTest(t, Config{MaxBodyBytes: 1000, MaxInFlightBytes: 1500, QueueWait: 20 * time.Millisecond})
	if err := s.bytes.Acquire(context.Background(), 1000); err != nil { // a large scan runs
		t.Fatal(err)
	}
	big, small := bytes.Repeat([]byte("a"), 600), bytes.Repeat([]byte("a"), 400)
	if a := do(t, s, "POST", "/v1/scan", "text/plain", big); a.code != 503 || a.errCode(t) != "overloaded" || a.hdr.Get("Retry-After") == "" {
		t.Errorf("600 bytes with 500 left: %d %s", a.code, a.body)
	}
	if a := do(t, s, "POST", "/v1/scan", "text/plain", small); a.code != 200 {
		t.Errorf("400 bytes with 500 left: %d %s", a.code, a.body)
	}
	if len(s.sem) != 0 {
		t.Errorf("a refused request kept its work slot")
	}
	s.bytes.Release(1000)
	if a := do(t, s, "POST", "/v1/scan", "text/plain", big); a.code != 200 {
		t.Errorf("600 bytes with all free: %d %s", a.code, a.body)
	}
	if !s.bytes.TryAcquire(1500) {
		t.Errorf("bytes not given back")
	}
}

func TestMetrics(t *testing.T) {
	s := newTest(t, Config{})
	fx := fixture(t)
	do(t, s, "POST", "/v1/scan", "text/plain", fx)
	do(t, s, "POST", "/v1/scan", "application/json", []byte("{"))
	do(t, s, "GET", "/nope", "", nil)
	a := do(t, s, "GET", "/metrics", "", nil)
	if a.code != 200 {
		t.Fatalf("metrics: %d", a.code)
	}
	m := string(a.body)
	for _, want := range []string{
		`plainsight_http_requests_total{code="200",method="POST",route="/v1/scan"} 1`,
		`plainsight_http_requests_total{code="400",method="POST",route="/v1/scan"} 1`,
		`plainsight_http_requests_total{code="404",method="GET",route="other"} 1`,
		`plainsight_http_request_duration_seconds_bucket{route="/v1/scan",le="+Inf"} 2`,
		fmt.Sprintf("plainsight_scanned_bytes_total %d", len(fx)),
		`plainsight_findings_total{kind="lookalike-in-word"}`,
		`plainsight_verdicts_total{verdict="clean"}`,
		`plainsight_rejected_requests_total{reason="invalid_json"} 1`,
		`plainsight_scans_in_flight 0`,
		`go_goroutines`,
		`process_resident_memory_bytes`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if !strings.Contains(m, `plainsight_verdicts_total{verdict="disguised"} 1`) {
		t.Errorf("the fixture's verdict is not counted")
	}
}

func TestInspectorPage(t *testing.T) {
	s := newTest(t, Config{})
	a := do(t, s, "GET", "/", "", nil)
	if a.code != 200 || !strings.HasPrefix(a.hdr.Get("Content-Type"), "text/html") {
		t.Fatalf("/: %d %v", a.code, a.hdr)
	}
	csp := a.hdr.Get("Content-Security-Policy")
	for _, d := range []string{"default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, d) {
			t.Errorf("CSP %q lacks %s", csp, d)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("CSP allows unsafe sources: %s", csp)
	}
	page := string(a.body)
	if strings.Contains(page, "{{KINDS}}") || !strings.Contains(page, `"lookalike-in-word"`) {
		t.Errorf("kinds not placed in the page")
	}
	// Offline: nothing is loaded from another origin.
	for _, p := range []string{"/", "/app.js", "/app.css", "/favicon.svg"} {
		a := do(t, s, "GET", p, "", nil)
		if a.code != 200 || len(a.body) == 0 {
			t.Errorf("GET %s: %d", p, a.code)
		}
		for _, ext := range []string{"http://", "https://", "//cdn", "@import", "fonts.googleapis"} {
			if bytes.Contains(a.body, []byte(ext)) && !(p == "/favicon.svg" && ext == "http://") {
				t.Errorf("%s refers to an external resource (%s)", p, ext)
			}
		}
		if etag := a.hdr.Get("ETag"); etag != "" {
			if b := do(t, s, "GET", p, "", nil, "If-None-Match", etag); b.code != 304 {
				t.Errorf("GET %s with its ETag: %d", p, b.code)
			}
		}
	}
}

// serveOn starts s on a loopback port and returns its base URL and a
// function that shuts it down and returns Serve's error.
func serveOn(t *testing.T, s *Server) (string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var serr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case serr = <-done:
			case <-time.After(10 * time.Second):
				serr = errors.New("Serve did not return")
			}
		})
		return serr
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

// A request in flight when shutdown starts is finished, and new
// connections are refused.
func TestGracefulShutdown(t *testing.T) {
	s := newTest(t, Config{})
	base, stop := serveOn(t, s)
	addr := strings.TrimPrefix(base, "http://")
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	body := "Belаrus and the bay"
	fmt.Fprintf(c, "POST /v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:5])
	time.Sleep(100 * time.Millisecond) // the server is reading the body

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	time.Sleep(100 * time.Millisecond)
	if !s.draining.Load() {
		t.Errorf("not draining after the context was cancelled")
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Errorf("new connections are still accepted during shutdown")
	}
	io.WriteString(c, body[5:])
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("request in flight got no answer: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(b, []byte(`"suspicious"`)) {
		t.Errorf("request in flight: %d %s", resp.StatusCode, b)
	}
	c.Close()
	if err := <-stopped; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// A client that trickles its body is cut off by the read timeout.
func TestSlowClientIsCutOff(t *testing.T) {
	s := newTest(t, Config{ReadTimeout: 300 * time.Millisecond, ReadHeaderTimeout: 200 * time.Millisecond})
	base, _ := serveOn(t, s)
	addr := strings.TrimPrefix(base, "http://")

	// Slow headers.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "POST /v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\n")
	start := time.Now()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	io.Copy(io.Discard, c) // returns when the server closes
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("slow headers held the connection for %v", d)
	}

	// Slow body.
	c2, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	io.WriteString(c2, "POST /v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n")
	start = time.Now()
	closed := make(chan struct{})
	go func() {
		c2.SetReadDeadline(time.Now().Add(5 * time.Second))
		io.Copy(io.Discard, c2)
		close(closed)
	}()
	for i := 0; i < 40; i++ {
		select {
		case <-closed:
			i = 40
			continue
		default:
		}
		c2.Write([]byte("a"))
		time.Sleep(100 * time.Millisecond)
	}
	<-closed
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("a trickled body held the connection for %v", d)
	}
}

func TestRunRefusesBusyAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Run(context.Background(), Config{Addr: ln.Addr().String(), Logger: quiet()})
	if err == nil || !strings.Contains(err.Error(), "--addr") {
		t.Errorf("Run on a busy address: %v", err)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Config{Addr: "127.0.0.1:0", Logger: quiet()}) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}

func TestConfigDefaults(t *testing.T) {
	c := Config{}.withDefaults()
	if c.Addr != "127.0.0.1:8080" {
		t.Errorf("default address %q is not loopback", c.Addr)
	}
	if c.MaxInFlightBytes < c.MaxBodyBytes {
		t.Errorf("a body of the maximum size could never be scanned: %+v", c)
	}
	if c.ReadTimeout == 0 || c.ReadHeaderTimeout == 0 || c.WriteTimeout == 0 || c.IdleTimeout == 0 || c.MaxBodyBytes == 0 || c.MaxConcurrent == 0 {
		t.Errorf("a limit has no default: %+v", c)
	}
}

// After a burst of work and a quiet period, freed memory goes back to the
// operating system.
func TestFreeWhenIdle(t *testing.T) {
	s := newTest(t, Config{IdleFree: 50 * time.Millisecond})
	base, _ := serveOn(t, s)
	s.busy.Store(false)
	resp, err := http.Post(base+"/v1/scan", "text/plain", strings.NewReader(strings.Repeat("Belаrus ", 10000)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	deadline := time.Now().Add(5 * time.Second)
	for {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.NumForcedGC > before.NumForcedGC && !s.busy.Load() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("memory was not freed after the server went idle")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Probes do not count as work.
	do(t, s, "GET", "/healthz", "", nil)
	if s.busy.Load() {
		t.Errorf("/healthz marked the server busy")
	}
}

// On loopback, requests must name this machine: a page whose own name was
// made to resolve to 127.0.0.1 (DNS rebinding) is refused.
func TestLoopbackHostGuard(t *testing.T) {
	s := newTest(t, Config{})
	base, _ := serveOn(t, s)
	for _, c := range []struct {
		host string
		code int
	}{
		{"", 200}, // the listener's own address
		{"localhost:8080", 200},
		{"LOCALHOST", 200},
		{"app.localhost", 200},
		{"[::1]:8080", 200},
		{"10.1.2.3", 200},
		{"evil.example.com", 421},
		{"evil.example.com:8080", 421},
		{"127.0.0.1.nip.io", 421},
	} {
		req, _ := http.NewRequest("GET", base+"/healthz", nil)
		if c.host != "" {
			req.Host = c.host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("Host %q: %d, want %d", c.host, resp.StatusCode, c.code)
		}
	}
	// A handler used directly (not through Serve on loopback) does not
	// guess who it is behind.
	if a := do(t, newTest(t, Config{}), "GET", "/healthz", "", nil, "Host", "evil.example.com"); a.code != 200 {
		t.Errorf("handler without Serve: %d", a.code)
	}
}
