package ucd

import "sort"

// Category is a General_Category value. The zero value is CatCn
// (unassigned, noncharacters included).
type Category uint8

const (
	CatCn Category = iota // Unassigned (and noncharacters)
	CatLu                 // Uppercase_Letter
	CatLl                 // Lowercase_Letter
	CatLt                 // Titlecase_Letter
	CatLm                 // Modifier_Letter
	CatLo                 // Other_Letter
	CatMn                 // Nonspacing_Mark
	CatMc                 // Spacing_Mark
	CatMe                 // Enclosing_Mark
	CatNd                 // Decimal_Number
	CatNl                 // Letter_Number
	CatNo                 // Other_Number
	CatPc                 // Connector_Punctuation
	CatPd                 // Dash_Punctuation
	CatPs                 // Open_Punctuation
	CatPe                 // Close_Punctuation
	CatPi                 // Initial_Punctuation
	CatPf                 // Final_Punctuation
	CatPo                 // Other_Punctuation
	CatSm                 // Math_Symbol
	CatSc                 // Currency_Symbol
	CatSk                 // Modifier_Symbol
	CatSo                 // Other_Symbol
	CatZs                 // Space_Separator
	CatZl                 // Line_Separator
	CatZp                 // Paragraph_Separator
	CatCc                 // Control
	CatCf                 // Format
	CatCs                 // Surrogate
	CatCo                 // Private_Use
	numCategories
)

var catNames = [numCategories]string{
	"Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
	"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
	"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
}

// String returns the two-letter alias, e.g. "Lu".
func (c Category) String() string {
	if c < numCategories {
		return catNames[c]
	}
	return "Category(" + itoa(int(c)) + ")"
}

// ParseCategory looks up a two-letter General_Category alias ("Lu").
func ParseCategory(s string) (Category, bool) {
	for i, n := range catNames {
		if n == s {
			return Category(i), true
		}
	}
	return CatCn, false
}

// IsLetter reports whether c is L (Lu, Ll, Lt, Lm, Lo).
func (c Category) IsLetter() bool { return c >= CatLu && c <= CatLo }

// IsMark reports whether c is M (Mn, Mc, Me).
func (c Category) IsMark() bool { return c >= CatMn && c <= CatMe }

// IsNumber reports whether c is N (Nd, Nl, No).
func (c Category) IsNumber() bool { return c >= CatNd && c <= CatNo }

// IsPunct reports whether c is P (Pc, Pd, Ps, Pe, Pi, Pf, Po).
func (c Category) IsPunct() bool { return c >= CatPc && c <= CatPo }

// IsSymbol reports whether c is S (Sm, Sc, Sk, So).
func (c Category) IsSymbol() bool { return c >= CatSm && c <= CatSo }

// IsSeparator reports whether c is Z (Zs, Zl, Zp).
func (c Category) IsSeparator() bool { return c >= CatZs && c <= CatZp }

// IsOther reports whether c is C (Cc, Cf, Cs, Co, Cn).
func (c Category) IsOther() bool { return c == CatCn || c >= CatCc }

// CategoryOf returns the General_Category of r: from UnicodeData.txt (ranges
// included), Cn for unlisted code points and noncharacters, Co for private
// use, Cs for surrogates.
func CategoryOf(r rune) Category { return lookup(r).cat }

// DigitValue returns the decimal digit value of r when r is a decimal digit
// (General_Category Nd), in any script.
func DigitValue(r rune) (int, bool) {
	z, ok := DigitZero(r)
	return int(r - z), ok
}

// DigitZero returns the zero of the run of ten decimal digits r belongs to
// (U+0030 for '7', U+0660 for ARABIC-INDIC DIGIT SEVEN), when r is a
// decimal digit. UTS #39 §5.3 uses it to detect mixed numbering systems.
func DigitZero(r rune) (rune, bool) {
	if lookup(r).cat != CatNd {
		return 0, false
	}
	i := sort.Search(len(digitZeros), func(i int) bool { return digitZeros[i] > r }) - 1
	if i < 0 || r-digitZeros[i] > 9 {
		return 0, false
	}
	return digitZeros[i], true
}
