//go:build icu

package icu

/*
#cgo pkg-config: icu-uc icu-i18n
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uspoof.h>
#include <unicode/uset.h>
#include <unicode/uversion.h>

static USpoofChecker *scAll, *scProfile;
static USet *profile; // ICU's recommended set plus its inclusion set: the Allowed characters
static const UNormalizer2 *nfdNorm;

// icu_init opens two checkers: one that admits every character (ICU's
// default) and one restricted to ICU's identifier profile.
static int icu_init(void) {
	UErrorCode st = U_ZERO_ERROR;
	int32_t checks = USPOOF_RESTRICTION_LEVEL | USPOOF_CONFUSABLE | USPOOF_AUX_INFO;
	scAll = uspoof_open(&st);
	uspoof_setChecks(scAll, checks, &st);
	scProfile = uspoof_open(&st);
	uspoof_setChecks(scProfile, checks, &st);
	profile = uset_openEmpty();
	uset_addAll(profile, uspoof_getRecommendedSet(&st));
	uset_addAll(profile, uspoof_getInclusionSet(&st));
	uset_freeze(profile);
	uspoof_setAllowedChars(scProfile, profile, &st);
	nfdNorm = unorm2_getNFDInstance(&st);
	return U_FAILURE(st) ? (int)st : 0;
}

static int icu_skeleton(const char *s, int32_t n, char *out, int32_t cap) {
	UErrorCode st = U_ZERO_ERROR;
	int32_t k = uspoof_getSkeletonUTF8(scAll, 0, s, n, out, cap, &st);
	return U_FAILURE(st) ? -1 : k;
}

static int icu_restriction(int profile, const char *s, int32_t n) {
	UErrorCode st = U_ZERO_ERROR;
	USpoofCheckResult *r = uspoof_openCheckResult(&st);
	uspoof_check2UTF8(profile ? scProfile : scAll, s, n, r, &st);
	URestrictionLevel l = uspoof_getCheckResultRestrictionLevel(r, &st);
	uspoof_closeCheckResult(r);
	return U_FAILURE(st) ? -1 : (int)l;
}

static int icu_confusable(const char *a, int32_t na, const char *b, int32_t nb) {
	UErrorCode st = U_ZERO_ERROR;
	int32_t r = uspoof_areConfusableUTF8(scAll, a, na, b, nb, &st);
	return U_FAILURE(st) ? -1 : r;
}

static int icu_in_profile(UChar32 c) { return uset_contains(profile, c); }

static int icu_assigned(UChar32 c) { return u_charType(c) != U_UNASSIGNED; }

static int icu_scx(UChar32 c, char *out, int32_t cap) {
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode codes[64];
	int32_t n = uscript_getScriptExtensions(c, codes, 64, &st);
	if (U_FAILURE(st)) return -1;
	int32_t k = 0;
	for (int32_t i = 0; i < n; i++) {
		const char *name = uscript_getShortName(codes[i]);
		for (const char *p = name; *p && k < cap - 2; p++) out[k++] = *p;
		out[k++] = ' ';
	}
	return k;
}

static int icu_nfd(const char *s, int32_t n, char *out, int32_t cap) {
	UErrorCode st = U_ZERO_ERROR;
	UChar src[256], dst[1024];
	int32_t len16;
	u_strFromUTF8(src, 256, &len16, s, n, &st);
	int32_t k = unorm2_normalize(nfdNorm, src, len16, dst, 1024, &st);
	int32_t len8;
	u_strToUTF8(out, cap, &len8, dst, k, &st);
	return U_FAILURE(st) ? -1 : len8;
}

static const char *icu_version(void) { return U_ICU_VERSION; }
static const char *unicode_version(void) { return U_UNICODE_VERSION; }
*/
import "C"

import (
	"fmt"
	"strings"
	"unsafe"
)

// Restriction levels as ICU numbers them (URestrictionLevel).
const (
	ASCII        = int(C.USPOOF_ASCII)
	SingleScript = int(C.USPOOF_SINGLE_SCRIPT_RESTRICTIVE)
	Highly       = int(C.USPOOF_HIGHLY_RESTRICTIVE)
	Moderately   = int(C.USPOOF_MODERATELY_RESTRICTIVE)
	Minimally    = int(C.USPOOF_MINIMALLY_RESTRICTIVE)
	Unrestricted = int(C.USPOOF_UNRESTRICTIVE)
)

// Confusability bits of uspoof_areConfusable.
const (
	SingleScriptConfusable = int(C.USPOOF_SINGLE_SCRIPT_CONFUSABLE)
	MixedScriptConfusable  = int(C.USPOOF_MIXED_SCRIPT_CONFUSABLE)
	WholeScriptConfusable  = int(C.USPOOF_WHOLE_SCRIPT_CONFUSABLE)
)

// Checker wraps ICU's SpoofChecker and NFD normalizer with C buffers that
// are reused across calls, so that a million calls do not allocate a
// million C strings. It is not safe for concurrent use.
type Checker struct {
	in, in2, out *C.char
	cap          int
}

// Open initialises ICU and returns a Checker; Close frees it.
func Open() (*Checker, error) {
	if rc := C.icu_init(); rc != 0 {
		return nil, fmt.Errorf("ICU initialisation failed: UErrorCode %d", int(rc))
	}
	const n = 8192
	return &Checker{in: (*C.char)(C.malloc(n)), in2: (*C.char)(C.malloc(n)), out: (*C.char)(C.malloc(n)), cap: n}, nil
}

// Close frees the buffers.
func (c *Checker) Close() {
	C.free(unsafe.Pointer(c.in))
	C.free(unsafe.Pointer(c.in2))
	C.free(unsafe.Pointer(c.out))
}

// Versions returns the ICU version and the Unicode version of its data.
func Versions() (icu, unicode string) {
	return C.GoString(C.icu_version()), C.GoString(C.unicode_version())
}

func (c *Checker) set(dst *C.char, s string) C.int32_t {
	if len(s) > c.cap {
		panic("icu: string too long")
	}
	copy(unsafe.Slice((*byte)(unsafe.Pointer(dst)), c.cap), s)
	return C.int32_t(len(s))
}

func (c *Checker) result(n C.int) string {
	if n < 0 {
		return "<ICU error>"
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(c.out)), int(n)))
}

// Skeleton returns uspoof_getSkeletonUTF8(s).
func (c *Checker) Skeleton(s string) string {
	n := c.set(c.in, s)
	return c.result(C.icu_skeleton(c.in, n, c.out, C.int32_t(c.cap)))
}

// NFD returns ICU's NFD of s.
func (c *Checker) NFD(s string) string {
	n := c.set(c.in, s)
	return c.result(C.icu_nfd(c.in, n, c.out, C.int32_t(c.cap)))
}

// Restriction returns ICU's restriction level of s, with every character
// allowed or, with profile, only ICU's identifier profile (see InProfile).
func (c *Checker) Restriction(s string, profile bool) int {
	n := c.set(c.in, s)
	p := C.int(0)
	if profile {
		p = 1
	}
	return int(C.icu_restriction(p, c.in, n))
}

// Confusable returns the uspoof_areConfusableUTF8 bits for a and b.
func (c *Checker) Confusable(a, b string) int {
	na, nb := c.set(c.in, a), c.set(c.in2, b)
	return int(C.icu_confusable(c.in, na, c.in2, nb))
}

// InProfile reports whether r is in ICU's identifier profile: its
// recommended set plus its inclusion set (Identifier_Status=Allowed).
func InProfile(r rune) bool { return C.icu_in_profile(C.UChar32(r)) != 0 }

// Assigned reports whether r is assigned in ICU's Unicode version.
func Assigned(r rune) bool { return C.icu_assigned(C.UChar32(r)) != 0 }

// ScriptExtensions returns the short names of ICU's Script_Extensions of r.
func (c *Checker) ScriptExtensions(r rune) []string {
	n := C.icu_scx(C.UChar32(r), c.out, C.int32_t(c.cap))
	return strings.Fields(c.result(n))
}
