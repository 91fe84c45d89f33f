package server

import "github.com/plainsight/plainsight/internal/ucd"

// Character properties come from the project's Unicode 17 tables, the same
// the engine judges with.

func charName(r rune) string     { return ucd.Name(r) }
func charScript(r rune) string   { return ucd.ScriptOf(r).String() }
func charCategory(r rune) string { return ucd.CategoryOf(r).String() }
