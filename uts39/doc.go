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
//
// # Not implemented
//
// The bidi skeleton of UTS #39 (the skeleton of the text in visual order,
// for a paragraph direction) needs the full Unicode Bidirectional Algorithm
// with the BidiBrackets.txt and BidiMirroring.txt data, which this
// repository does not generate yet.
package uts39
