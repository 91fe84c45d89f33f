package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzVisibleAndMarkLine(f *testing.F) {
	f.Add("ab\u200bcd", 3, 4)
	f.Add("caf\xe9 日本 e\u0301\u202e", 1, 9)
	f.Add(strings.Repeat("x", 300), 150, 151)
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		v := Visible(s, false)
		if !utf8.ValidString(v) {
			t.Fatalf("Visible(%q) is not valid UTF-8", s)
		}
		if strings.ContainsAny(v, "\u200b\u202e\u2066\n\r") {
			t.Fatalf("Visible(%q) = %q keeps an invisible character", s, v)
		}
		line := strings.ReplaceAll(s, "\n", " ")
		markLine(line, from, to, 40)
	})
}
