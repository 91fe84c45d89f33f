package server

// intrinsicNote says what is special about a character whatever its
// context, from its General_Category.
func intrinsicNote(r rune) string {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == ' ':
		return ""
	case r >= 0xE0000 && r <= 0xE007F:
		return "tag character (invisible; can carry hidden text)"
	case r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF:
		return "variation selector (invisible)"
	}
	switch charCategory(r) {
	case "Cf":
		return "format character (invisible)"
	case "Cc":
		return "control character"
	case "Zs", "Zl", "Zp":
		return "space or separator other than U+0020"
	case "Mn", "Me":
		return "combining mark"
	case "Co":
		return "private use"
	case "Cn":
		return "unassigned or noncharacter"
	case "Cs":
		return "surrogate"
	}
	return ""
}
