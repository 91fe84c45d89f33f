package server

import "github.com/plainsight/plainsight"

// Comparison goes through the public API, as a pipeline's would.

func skeleton(s string) string    { return plainsight.Skeleton(s) }
func confusable(a, b string) bool { return plainsight.Confusable(a, b) }
func classify(a, b string) string { return plainsight.Classify(a, b).String() }
