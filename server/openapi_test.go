package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The OpenAPI description is checked against the handlers: every path and
// method it lists exists and every route is listed; every request example
// gets the status code it documents (x-status), a status listed among the
// operation's responses; and answers match the documented schemas.

type oaDoc struct {
	Paths map[string]map[string]oaOp `json:"paths"`
}

type oaOp struct {
	OperationID string                `json:"operationId"`
	RequestBody *oaBody               `json:"requestBody"`
	Responses   map[string]oaResponse `json:"responses"`
	Security    []map[string][]string `json:"security"`
}

type oaBody struct {
	Content map[string]oaMedia `json:"content"`
}

type oaMedia struct {
	Schema   json.RawMessage      `json:"schema"`
	Examples map[string]oaExample `json:"examples"`
}

type oaExample struct {
	Value       json.RawMessage `json:"value"`
	Raw         *string         `json:"x-raw"`
	ContentType string          `json:"x-content-type"`
	Status      int             `json:"x-status"`
}

type oaResponse struct {
	Content map[string]oaMedia `json:"content"`
}

func loadSpec(t *testing.T) oaDoc {
	t.Helper()
	var doc oaDoc
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

func schemaCompiler(t *testing.T) *jsonschema.Compiler {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openapiJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("mem:///openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	return c
}

// validate checks body against the schema of the documented response.
func validate(t *testing.T, c *jsonschema.Compiler, where string, media oaMedia, body []byte) {
	t.Helper()
	var ref struct {
		Ref string `json:"$ref"`
	}
	if json.Unmarshal(media.Schema, &ref) != nil || ref.Ref == "" {
		return
	}
	sch, err := c.Compile("mem:///openapi.json" + ref.Ref)
	if err != nil {
		t.Fatalf("%s: compiling %s: %v", where, ref.Ref, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: answer is not JSON: %v", where, err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s: answer does not match %s: %v\n%s", where, ref.Ref, err, body)
	}
}

func TestOpenAPIPathsMatchRoutes(t *testing.T) {
	doc := loadSpec(t)
	routes := newTest(t, Config{}).Routes()
	for path, ops := range doc.Paths {
		ms, ok := routes[path]
		if !ok {
			t.Errorf("openapi.json lists %s, which the server does not serve", path)
			continue
		}
		for m := range ops {
			if !contains(ms, strings.ToUpper(m)) {
				t.Errorf("openapi.json lists %s %s, which the server does not answer", strings.ToUpper(m), path)
			}
		}
	}
	for path, ms := range routes {
		for _, m := range ms {
			if _, ok := doc.Paths[path][strings.ToLower(m)]; !ok {
				t.Errorf("the server answers %s %s, which openapi.json does not list", m, path)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestOpenAPIExamples(t *testing.T) {
	doc := loadSpec(t)
	c := schemaCompiler(t)
	s := newTest(t, Config{})
	paths := make([]string, 0, len(doc.Paths))
	for p := range doc.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	examples := 0
	for _, path := range paths {
		for method, op := range doc.Paths[path] {
			method = strings.ToUpper(method)
			if op.RequestBody == nil {
				a := do(t, s, method, path, "", nil)
				if _, ok := op.Responses[fmt.Sprint(a.code)]; !ok || a.code != 200 {
					t.Errorf("%s %s: %d, want a documented 200", method, path, a.code)
				}
				if method == "GET" {
					if r, ok := op.Responses["200"].Content["application/json"]; ok {
						validate(t, c, method+" "+path, r, a.body)
					}
				}
				continue
			}
			for mt, media := range op.RequestBody.Content {
				for name, ex := range media.Examples {
					examples++
					where := fmt.Sprintf("%s %s example %q", method, path, name)
					var body []byte
					switch {
					case ex.Raw != nil:
						body = []byte(*ex.Raw)
					case strings.HasPrefix(mt, "text/"):
						var str string
						if err := json.Unmarshal(ex.Value, &str); err != nil {
							t.Fatalf("%s: a %s example must be a string", where, mt)
						}
						body = []byte(str)
					default:
						body = ex.Value
					}
					ct := mt
					if ex.ContentType != "" {
						ct = ex.ContentType
					}
					if ex.Status == 0 {
						t.Errorf("%s has no x-status", where)
						continue
					}
					a := do(t, s, method, path, ct, body)
					if a.code != ex.Status {
						t.Errorf("%s: %d %s, documented %d", where, a.code, a.body, ex.Status)
					}
					resp, ok := op.Responses[fmt.Sprint(a.code)]
					if !ok {
						t.Errorf("%s: status %d is not among the documented responses", where, a.code)
						continue
					}
					if m, ok := resp.Content["application/json"]; ok {
						validate(t, c, where, m, a.body)
					}
				}
			}
		}
	}
	if examples < 10 {
		t.Errorf("only %d request examples", examples)
	}
}

// Every status the API can answer, beyond its examples, is documented.
func TestOpenAPIDocumentsLimits(t *testing.T) {
	doc := loadSpec(t)
	c := schemaCompiler(t)
	for path, ops := range doc.Paths {
		op, ok := ops["post"]
		if !ok {
			continue
		}
		ct := "text/plain"
		body := []byte("hello")
		if _, ok := op.RequestBody.Content["text/plain"]; !ok {
			ct, body = "application/json", []byte(`{"a": "x", "b": "y"}`)
		}
		check := func(name string, s *Server, body []byte, want int) {
			a := do(t, s, "POST", path, ct, body)
			if a.code != want {
				t.Errorf("POST %s (%s): %d %s, want %d", path, name, a.code, a.body, want)
			}
			resp, ok := op.Responses[fmt.Sprint(want)]
			if !ok {
				t.Errorf("POST %s: %d (%s) is not documented", path, want, name)
				return
			}
			validate(t, c, "POST "+path+" "+name, resp.Content["application/json"], a.body)
		}
		check("no token", newTest(t, Config{Token: "t"}), body, http.StatusUnauthorized)
		check("too large", newTest(t, Config{MaxBodyBytes: 4}), body, http.StatusRequestEntityTooLarge)
		busy := newTest(t, Config{MaxConcurrent: 1, QueueWait: 1})
		busy.sem <- struct{}{}
		check("busy", busy, body, http.StatusServiceUnavailable)
		check("ok", newTest(t, Config{}), body, http.StatusOK)
		if len(op.Security) == 0 {
			t.Errorf("POST %s does not document the bearer token", path)
		}
	}
}
