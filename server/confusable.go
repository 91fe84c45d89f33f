package server

import "github.com/plainsight/plainsight/uts39"

func skeleton(s string) string    { return uts39.Skeleton(s) }
func confusable(a, b string) bool { return uts39.Confusable(a, b) }
func classify(a, b string) string { return uts39.Classify(a, b).String() }
