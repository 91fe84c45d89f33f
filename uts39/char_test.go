package uts39

import (
	"testing"

	"github.com/plainsight/plainsight/internal/ucd"
)

func TestCharLookups(t *testing.T) {
	tests := []struct {
		r                          rune
		proto                      string
		isSource                   bool
		ignorable, invisible, bidi bool
		status                     ucd.IDStatus
	}{
		{'a', "", false, false, false, false, ucd.IDAllowed},
		{'m', "rn", true, false, false, false, ucd.IDAllowed},
		{'%', "º/₀", true, false, false, false, ucd.IDRestricted},
		{' ', "", false, false, false, false, ucd.IDRestricted},
		{'\t', "", false, false, false, false, ucd.IDRestricted},
		{0x00, "", false, false, true, false, ucd.IDRestricted},
		{0x7F, "", false, false, true, false, ucd.IDRestricted},
		{0x0430, "a", true, false, false, false, ucd.IDAllowed},
		{0x200B, "", false, true, true, false, ucd.IDRestricted},
		{0x202E, "", false, true, true, true, ucd.IDRestricted},
		{0x061C, "", false, true, true, true, ucd.IDRestricted}, // ARABIC LETTER MARK
		{0xE0041, "", false, true, true, false, ucd.IDRestricted},
		{0xFE0F, "", false, true, true, false, ucd.IDRestricted},
		{0x00A0, " ", true, false, false, false, ucd.IDRestricted}, // NBSP looks like a space
		{0xFFF9, "", false, false, true, false, ucd.IDRestricted},  // interlinear annotation anchor
		{0x0085, "", false, false, true, false, ucd.IDRestricted},
		{0x0600, "", false, false, false, false, ucd.IDRestricted}, // ARABIC NUMBER SIGN is visible
		{-1, "", false, false, false, false, ucd.IDRestricted},
	}
	for _, tt := range tests {
		p, ok := Prototype(tt.r)
		if p != tt.proto || ok != tt.isSource {
			t.Errorf("Prototype(%U) = %q %v", tt.r, p, ok)
		}
		if IsDefaultIgnorable(tt.r) != tt.ignorable || IsInvisible(tt.r) != tt.invisible || IsBidiControl(tt.r) != tt.bidi {
			t.Errorf("%U: ignorable %v invisible %v bidi %v", tt.r, IsDefaultIgnorable(tt.r), IsInvisible(tt.r), IsBidiControl(tt.r))
		}
		if IdentifierStatus(tt.r) != tt.status {
			t.Errorf("IdentifierStatus(%U) = %v", tt.r, IdentifierStatus(tt.r))
		}
	}
	if IdentifierType('a').String() != "Recommended" || ScriptExtensions(0x30FC).String() != "{Hira Kana}" {
		t.Error("IdentifierType / ScriptExtensions")
	}
	if b, ok := TagPayload(0xE0041); !ok || b != 'A' || !IsTag(0xE007F) || IsTag('A') {
		t.Error("tags")
	}
	if _, ok := TagPayload(0xE007F); ok {
		t.Error("CANCEL TAG has no payload")
	}
	for c := rune(0); c < 0x80; c++ {
		p, ok := Prototype(c)
		q, ok2 := ucd.Prototype(c)
		if p != q || ok != ok2 {
			t.Errorf("Prototype(%U) fast path %q, tables %q", c, p, q)
		}
	}
}
