// Package plainsight reveals text disguised at the character level and
// restores it.
//
// Look-alike letters from other scripts (a Cyrillic "а" in "Belаrus"),
// styled letters (𝐇𝐞𝐥𝐥𝐨, Ｈｅｌｌｏ), invisible characters, bidi controls
// that reorder what is displayed, and hidden payloads in tag characters or
// variation selectors: Scan finds each one, says exactly where (byte offset,
// line and column) and why, and proposes the replacement; Clean applies the
// replacements and returns a change log that can be applied to the input
// and reverted from the output byte for byte. Legitimate text in any script
// comes back unchanged: the engine judges every word in its context instead
// of folding everything to a Latin skeleton (see package detect).
//
//	rep := plainsight.ScanString("The Belаrus army", plainsight.Options{})
//	fmt.Println(rep.Summary.Verdict, rep.Findings[0].Message)
//
//	res := plainsight.Clean("The Belаrus army", plainsight.Options{})
//	fmt.Println(res.Text) // The Belarus army
//
// The Unicode data is version 17.0.0 (internal/ucd); the UTS #39 mechanisms
// (skeletons, confusability, resolved script sets, restriction levels) are
// in package uts39. The command-line tool is cmd/plainsight and the HTTP
// service is package server.
package plainsight
