package server

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// The handler's cost over the engine's: decoding, the work slot, metrics
// and the JSON answer, on 2 KB texts.

func benchText(s string) string {
	n := 2048
	for !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

var benchProse = strings.Repeat("The harbour authority of Port Alden has postponed a decisive vote on a new container terminal after three weeks of protests by fishermen and residents. Officials said the delay would give engineers time to answer questions about dredging, traffic and the salt marsh. ", 20)

var benchTexts = []struct{ name, text string }{
	{"clean", benchText(benchProse)},
	{"three-words", benchText(strings.NewReplacer("terminal", "tеrminal", "protests", "prоtests", "dredging", "drеdging").Replace(benchProse))},
	{"every-a-e-o", benchText(strings.NewReplacer("a", "а", "e", "е", "o", "о").Replace(benchProse))},
}

func BenchmarkScanHandler(b *testing.B) {
	s := New(Config{Logger: quiet()})
	for _, bt := range benchTexts {
		b.Run(bt.name, func(b *testing.B) {
			body := []byte(bt.text)
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				r := httptest.NewRequest("POST", "/v1/scan", bytes.NewReader(body))
				r.Header.Set("Content-Type", "text/plain")
				w := httptest.NewRecorder()
				s.ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatal(w.Code, w.Body)
				}
			}
		})
	}
}
