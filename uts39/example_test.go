package uts39_test

import (
	"fmt"

	"github.com/plainsight/plainsight/uts39"
)

func ExampleSkeleton() {
	fmt.Println(uts39.Skeleton("pаypаl")) // with Cyrillic а
	fmt.Println(uts39.Skeleton("𝐇𝐞𝐥𝐥𝐨"))
	fmt.Println(uts39.Skeleton("a\u200Bb")) // zero width space
	// Output:
	// paypal
	// Hello
	// ab
}

func ExampleClassify() {
	fmt.Println(uts39.Classify("paypal", "pаypаl"))
	fmt.Println(uts39.Classify("scope", "ѕсоре"))
	fmt.Println(uts39.Classify("so̷s", "søs"))
	fmt.Println(uts39.Classify("paypal", "paypai"))
	// Output:
	// mixed-script confusable
	// whole-script confusable
	// single-script confusable
	// not confusable
}

func ExampleResolvedScripts() {
	for _, s := range []string{"Circle", "Сirсlе", "𝖢𝗂𝗋𝖼𝗅𝖾", "〆切", "ねガ"} {
		fmt.Println(s, uts39.ResolvedScripts(s))
	}
	// Output:
	// Circle {Latn}
	// Сirсlе {}
	// 𝖢𝗂𝗋𝖼𝗅𝖾 {ALL}
	// 〆切 {Hani Hanb Jpan Kore}
	// ねガ {Jpan}
}

func ExampleRestrictionWithProfile() {
	for _, s := range []string{"plainsight", "Dvořák", "toyotaトヨタ", "abcא", "Belаrus"} {
		fmt.Println(s, "-", uts39.RestrictionWithProfile(s, nil))
	}
	// Output:
	// plainsight - ASCII-Only
	// Dvořák - Single Script
	// toyotaトヨタ - Highly Restrictive
	// abcא - Moderately Restrictive
	// Belаrus - Minimally Restrictive
}

func ExampleMixedNumbers() {
	fmt.Println(uts39.MixedNumbers("2024"), uts39.MixedNumbers("٢٠٢٤"), uts39.MixedNumbers("20٢4"))
	fmt.Printf("%U\n", uts39.DigitZeros("20٢4"))
	// Output:
	// false false true
	// [U+0030 U+0660]
}

func ExampleMarkChecks() {
	r := uts39.MarkChecks("Z\u0351\u036B\u0343\u036A\u0302\u036B", 0)
	fmt.Println(r.TooManyMarks, r.RepeatedMark, r.MaxMarks)
	// Output:
	// true true 6
}
