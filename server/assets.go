package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/plainsight/plainsight/report"
)

// The inspector is plain HTML, CSS and JavaScript with no build step and no
// external resources, so that it works offline and sends text nowhere but
// to this server.
//
//go:embed web/index.html web/app.js web/app.css web/favicon.svg
var webFS embed.FS

//go:embed openapi.json
var openapiJSON []byte

// contentSecurityPolicy allows only this server's own script, style, images
// and API: no inline script, no other origin, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type asset struct {
	body  []byte
	ctype string
	etag  string
}

var assets = loadAssets()

func loadAssets() map[string]asset {
	files := map[string]struct{ name, ctype string }{
		"/":            {"web/index.html", "text/html; charset=utf-8"},
		"/app.js":      {"web/app.js", "text/javascript; charset=utf-8"},
		"/app.css":     {"web/app.css", "text/css; charset=utf-8"},
		"/favicon.svg": {"web/favicon.svg", "image/svg+xml"},
	}
	// The legend's kinds come from package report, placed in the page as
	// inert JSON data (not script), which the CSP allows.
	kinds, err := json.Marshal(report.Kinds())
	if err != nil {
		panic(err)
	}
	kinds = bytes.ReplaceAll(kinds, []byte("<"), []byte(`\u003c`))
	out := make(map[string]asset, len(files))
	for path, f := range files {
		b, err := webFS.ReadFile(f.name)
		if err != nil {
			panic(err)
		}
		if path == "/" {
			b = bytes.Replace(b, []byte("{{KINDS}}"), kinds, 1)
		}
		sum := sha256.Sum256(b)
		out[path] = asset{body: b, ctype: f.ctype, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`}
	}
	return out
}

func handleAsset(w http.ResponseWriter, r *http.Request) {
	a := assets[r.URL.Path]
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	if strings.Contains(r.Header.Get("If-None-Match"), a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	w.Write(a.body)
}

func handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodHead {
		return
	}
	w.Write(openapiJSON)
}
