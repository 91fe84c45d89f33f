package config

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/plainsight/plainsight/report"
)

// Baseline is a set of accepted findings. Each is keyed by its path, kind,
// text and the content of its line (report.Fingerprint), not by its line
// number, so that it still matches when lines are added above it. A key
// accepts as many findings as were recorded with it.
type Baseline struct {
	mu     sync.Mutex
	counts map[string]int
}

// BaselineEntry is one accepted finding as written to the file; only Key
// counts, the rest helps a person reading it.
type BaselineEntry struct {
	Key     string      `json:"key"`
	Path    string      `json:"path"`
	Kind    report.Kind `json:"kind"`
	Line    int         `json:"line"`
	Text    string      `json:"text"`
	Message string      `json:"message,omitempty"`
}

type baselineFile struct {
	Tool     string          `json:"tool"`
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// LoadBaseline reads a baseline file written by WriteBaseline.
func LoadBaseline(file string) (*Baseline, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var bf baselineFile
	if err := json.Unmarshal(data, &bf); err != nil {
		return nil, fmt.Errorf("%s: not a plainsight baseline: %v", file, err)
	}
	if bf.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d is not supported (want 1)", file, bf.Version)
	}
	b := &Baseline{counts: map[string]int{}}
	for _, e := range bf.Findings {
		b.counts[e.Key]++
	}
	return b, nil
}

// Accept reports whether a finding with key is in the baseline, using up
// one of its entries.
func (b *Baseline) Accept(key string) bool {
	if b == nil {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.counts[key] == 0 {
		return false
	}
	b.counts[key]--
	return true
}

// WriteBaseline writes entries as a baseline file, sorted for stable diffs.
func WriteBaseline(w io.Writer, entries []BaselineEntry) error {
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Key < b.Key
	})
	if entries == nil {
		entries = []BaselineEntry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(baselineFile{Tool: "plainsight", Version: 1, Findings: entries})
}
