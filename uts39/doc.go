// Package uts39 implements the mechanisms of Unicode Technical Standard #39,
// Unicode Security Mechanisms, on the Unicode 17.0 data of package
// internal/ucd, in pure Go:
//
//   - confusable detection (§4): Skeleton, Confusable, and Classify, which
//     tells single-script, mixed-script and whole-script confusables apart;
//     BidiSkeleton and BidiConfusable for text in display order;
//   - mixed-script detection (§5.1): AugmentedScripts, ResolvedScripts,
//     IsSingleScript and IsMixedScript, with the Han, Hiragana, Katakana,
//     Hangul and Bopomofo augmentation (Hanb, Jpan, Kore);
//   - restriction levels (§5.2): Restriction and RestrictionWithProfile;
//   - mixed-number detection (§5.3): MixedNumbers and DigitZeros;
//   - the optional detections of §5.4: MarkChecks (repeated nonspacing
//     marks, too many marks on one base, a dot above hidden by a soft dot);
//   - per-character look-ups for scanners, with ASCII fast paths: Prototype,
//     ScriptExtensions, AugmentedScripts, IdentifierStatus, IdentifierType,
//     IsIntentional, IsDefaultIgnorable, IsInvisible, IsBidiControl, IsTag
//     and TagPayload.
//
// # Skeletons
//
// Skeleton follows the current definition: NFD, removal of the
// Default_Ignorable_Code_Point characters (added to UTS #39 for Unicode
// 15.1; ICU 72 and earlier keep them), replacement of every character by its
// confusables.txt prototype, NFD again. A skeleton is a key for comparing
// strings, never a normalisation: it turns "m" into "rn" and "1" into "l",
// and restoring disguised text needs its own, context-aware step.
//
// Skeleton works on the text in logical (stored) order: it is the
// internalSkeleton of UTS #39 (since Unicode 15.1), as ICU's getSkeleton.
// UTS #39 defines skeleton(X) as bidiSkeleton(LTR, X), which is what
// BidiSkeleton(LTR, X) computes; the two agree on every string without a
// character of Bidi_Class R, AL or AN and without RLE, RLO and RLI, for
// which BidiSkeleton(LTR, X) simply returns Skeleton(X).
//
// # Bidi skeletons
//
// BidiSkeleton(dir, X) lays X out with the Unicode Bidirectional Algorithm
// (UAX #9) in a paragraph of direction dir, replaces the characters resolved
// right-to-left by their mirrored glyphs, and returns the skeleton of the
// result, so that strings displayed alike compare equal: "\u202Egnp.exe"
// (a RIGHT-TO-LEFT OVERRIDE first) and "exe.png" are bidi-confusable.
// BidiConfusable compares two bidi skeletons. The layout is done by the
// package's own implementation of UAX #9, which covers:
//
//   - paragraphs (P1): text is split after each paragraph separator (Bidi
//     class B, such as a line feed), each paragraph is laid out on its own
//     as a single line, and the paragraphs stay in their logical order;
//     the paragraph embedding level is given by dir (HL1), and P2-P3 serve
//     the first-strong isolates (FSI);
//   - explicit levels and directions (X1-X10): embeddings, overrides and
//     isolates with the directional status stack (depth 125, overflow
//     counters), the matching of isolates (BD9) and isolating run
//     sequences with their sos and eos;
//   - weak types (W1-W7), paired brackets (N0, with BD16's 63-entry
//     stack, U+2329/U+232A matching U+3008/U+3009, and nonspacing marks
//     after a resolved bracket), neutrals (N1-N2) and implicit levels
//     (I1-I2);
//   - reordering (L1 with the whole paragraph as the line, L2), combining
//     marks kept after their base in reversed runs (L3, as ICU's
//     UBIDI_KEEP_BASE_COMBINING), and mirroring (L4).
//
// The characters removed by rule X9 (embedding and override controls,
// PDF, and boundary neutrals such as ZERO WIDTH SPACE or the C0 controls)
// take the level of the character before them, so they stay next to it;
// the explicit formatting characters and the marks LRM, RLM and ALM are
// default-ignorable and so removed by the skeleton after acting on the
// order.
//
// Limits of the bidi data. Bidi_Class and the bracket pairs
// (Bidi_Paired_Bracket, Bidi_Paired_Bracket_Type) come from
// golang.org/x/text/unicode/bidi, which with Go 1.26 carries Unicode 15.0
// data, as for normalisation above; characters new in Unicode 16.0 and
// 17.0 get the default Bidi_Class that package gives unassigned code
// points: R in the ranges reserved for right-to-left scripts, BN for the
// reserved default-ignorables and noncharacters, L elsewhere. That is the
// right direction for the letters of the new scripts (Garay letters get R,
// Kirat Rai or Tulu-Tigalari letters L), not the exact class of every new
// character: new Arabic-script letters and marks get R instead of AL or
// NSM, and new digits and punctuation get the R or L of their range
// instead of EN, AN or ON.
//
// Mirroring (Bidi_Mirroring_Glyph) uses the 64 bracket pairs of x/text and
// a table of the 150 other mirrored pairs of BidiMirroring.txt (<>, «»,
// ‹›, ≤≥, ∈∋, ⊂⊃ and the other mathematical relations, the fullwidth and
// small less-than and greater-than signs), checked against a copy of that
// file older than Unicode 14; non-bracket pairs added since then, if any,
// are not mirrored. Bidi_Mirrored characters without a mirror character (∑, ∫,
// √, ...) are left as they are, as UAX #9 leaves their glyphs to the
// renderer. The repository does not generate BidiMirroring.txt or
// BidiBrackets.txt data of its own.
//
// During development the visual order was compared with ICU 72's ubidi
// (Unicode 15.0; ubidi_writeReordered with mirroring, base-combining and
// control removal) on about three million generated strings of Latin,
// Hebrew and Arabic letters, European and Arabic digits, separators,
// terminators, brackets, tabs, paragraph separators, nonspacing marks and
// every explicit formatting character. Without marks and paragraph
// separators the two agreed on every string. The differences left are
// ICU's: it does not give the nonspacing marks after a bracket resolved
// by N0 the bracket's direction (UAX #9 does), it places a mark after a
// tab differently, it writes NUL characters for some strings of marks and
// controls, and it reorders a multi-paragraph text in a right-to-left
// paragraph as a single line, which reverses the order of the paragraphs.
// That comparison needs cgo and is not part of the tests.
//
// # Normalisation and characters new in Unicode 16 and 17
//
// The package does its own canonical decomposition (NFD) from the Unicode
// 17 UnicodeData decompositions and combining classes generated into
// internal/ucd, instead of golang.org/x/text/unicode/norm, which with Go
// 1.26 carries Unicode 15.0 data. So characters added in Unicode 16 and 17
// are decomposed and reordered exactly as Unicode 17 specifies (for
// example the Tulu-Tigalari, Kirat Rai and Gurung Khema vowel signs that
// have canonical decompositions), and the skeleton stays consistent with
// confusables.txt 17.0. NFD is exported for callers that need the same
// normalisation. Only canonical decomposition is needed by UTS #39's
// mechanisms; no NFKC is done here.
//
// # Differences from ICU
//
// The build-tagged test icu_test.go compares this package with ICU's
// SpoofChecker (go test -tags icu ./uts39/...) for every code point and
// for 5,000 generated strings and pairs, and fails on any disagreement it
// cannot attribute to a known cause. With ICU 72.1 (Unicode 15.0) the
// causes are:
//
//   - characters assigned in Unicode 16.0 or 17.0 (10,615 code points): ICU
//     treats them as unassigned, so their skeletons (103 code points), NFD
//     (20, the new canonical decompositions) and scripts differ;
//   - the removal of default-ignorable characters from skeletons, added to
//     UTS #39 for Unicode 15.1 (4,174 code points, most of them unassigned
//     default-ignorables in the U+E0000 block);
//   - confusables.txt mappings changed between 15.0 and 17.0 (216 code
//     points, for example U+04CF CYRILLIC SMALL LETTER PALOCHKA now maps to
//     l rather than i);
//   - Script_Extensions changes (Unicode 16 gave many combining marks, such
//     as U+0300..U+0308, explicit extensions), which change resolved script
//     sets and so restriction levels and confusable classes of strings;
//   - Identifier_Status changes: ICU 72's identifier profile (its
//     recommended and inclusion sets) admits 78,402 code points that
//     IdentifierStatus.txt 17.0 restricts, 77,218 of them Han ideographs of
//     the CJK extensions (restricted as uncommon since UTS #39 for Unicode
//     15.1) and the rest mostly Latin, Greek, Bopomofo, Arabic, Ethiopic
//     and Myanmar letters; 37 code points go the other way. Restriction (with
//     the profile) disagrees for them, while RestrictionWithProfile(s, nil)
//     agrees with ICU for every code point.
//
// # Performance
//
// Skeleton, ResolvedScripts, MixedNumbers and RestrictionWithProfile have
// an ASCII fast path; Skeleton returns its argument without allocating when
// the string is its own skeleton and made of characters the skeleton leaves
// alone, and AppendSkeleton and Confusable never allocate once their pooled
// buffers are warm. Per-character look-ups (properties, script extensions,
// prototypes) are constant-time trie reads.
package uts39
