package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// apiError is the body of every error answer:
//
//	{"error": {"status": 413, "code": "body_too_large", "message": "..."}}
//
// Code is stable and meant for programs; Message says what went wrong and
// what to do, for people.
type apiError struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, struct {
		Error apiError `json:"error"`
	}{apiError{status, code, msg}})
}

// writeJSON answers v as compact JSON. Encoding into a buffer first means
// an encoding failure can still become a proper 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"status":500,"code":"internal","message":"could not encode the answer"}}` + "\n")
	}
	writeBody(w, status, buf.Bytes())
	if buf.Cap() <= 1<<20 {
		bufPool.Put(buf)
	}
}

func writeBody(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}
