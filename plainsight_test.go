package plainsight_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plainsight/plainsight"
	"github.com/plainsight/plainsight/report"
)

func ExampleScanString() {
	rep := plainsight.ScanString("The Belаrus army", plainsight.Options{})
	fmt.Println(rep.Summary.Verdict)
	for _, f := range rep.Findings {
		fmt.Printf("%s %s: %q → %q\n", f.Start, f.Kind, f.Text, *f.Replacement)
	}
	// Output:
	// disguised
	// 1:8 lookalike-in-word: "а" → "a"
}

func ExampleClean() {
	res := plainsight.Clean("pass\u200bword for 𝐚𝐝𝐦𝐢𝐧", plainsight.Options{})
	fmt.Println(res.Text)
	for _, e := range res.Edits {
		fmt.Printf("[%d,%d) %s %q → %q\n", e.Start, e.End, e.Kind, e.Original, e.Replacement)
	}
	// Output:
	// password for admin
	// [4,7) invisible "\u200b" → ""
	// [16,20) fancy-letter "𝐚" → "a"
	// [20,24) fancy-letter "𝐝" → "d"
	// [24,28) fancy-letter "𝐦" → "m"
	// [28,32) fancy-letter "𝐢" → "i"
	// [32,36) fancy-letter "𝐧" → "n"
}

func ExampleConfusable() {
	fmt.Println(plainsight.Confusable("paypal", "pаypаl"), plainsight.Classify("paypal", "pаypаl"))
	// Output: true mixed-script confusable
}

func TestCleanLogRoundTrip(t *testing.T) {
	in := "Тhe Belаrus army\u2003moved\U000E0041 west. Я не знаю, а ты?"
	res := plainsight.Clean(in, plainsight.Options{})
	if res.Text != "The Belarus army moved west. Я не знаю, а ты?" {
		t.Fatalf("restored %q", res.Text)
	}
	out, err := report.ApplyEdits([]byte(in), res.Edits)
	if err != nil || string(out) != res.Text {
		t.Fatalf("apply: %q %v", out, err)
	}
	back, err := report.RevertEdits([]byte(res.Text), res.Edits)
	if err != nil || string(back) != in {
		t.Fatalf("revert: %q %v", back, err)
	}
	var sb strings.Builder
	rep, err := plainsight.CleanStream(&sb, strings.NewReader(in), plainsight.Options{}, nil)
	if err != nil || sb.String() != res.Text || !rep.Suspicious {
		t.Fatalf("stream: %q %v", sb.String(), err)
	}
}
