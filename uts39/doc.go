// Package uts39 implements the mechanisms of Unicode Technical Standard #39,
// Unicode Security Mechanisms, on the Unicode 17.0 data of package
// internal/ucd, in pure Go:
//
//   - confusable detection (§4): Skeleton, Confusable, and Classify, which
//     tells single-script, mixed-script and whole-script confusables apart;
//   - mixed-script detection (§5.1): AugmentedScripts, ResolvedScripts,
//     IsSingleScript and IsMixedScript, with the Han, Hiragana, Katakana,
//     Hangul and Bopomofo augmentation (Hanb, Jpan, Kore);
//   - restriction levels (§5.2): Restriction and RestrictionWithProfile;
//   - mixed-number detection (§5.3): MixedNumbers and DigitZeros;
//   - the optional detections of §5.4: MarkChecks (repeated nonspacing
//     marks, too many marks on one base, a dot above hidden by a soft dot).
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
// SpoofChecker (go test -tags icu ./uts39/...). Disagreements come only
// from the Unicode 15 data of ICU 72 against the Unicode 17 data here, and
// from the default-ignorable removal of the current skeleton definition; the
// test classifies every disagreement and fails on any it cannot explain.
//
// # Performance
//
// Skeleton, ResolvedScripts, MixedNumbers and RestrictionWithProfile have
// an ASCII fast path; Skeleton returns its argument without allocating when
// the string is its own skeleton and made of characters the skeleton leaves
// alone. Per-character look-ups are constant-time table reads.
package uts39
