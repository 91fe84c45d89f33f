package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIFOptions configure the SARIF output.
type SARIFOptions struct {
	ToolVersion string // the plainsight version
	InfoURI     string // the tool's home page, optional
	// Lines returns line n of the input named path, for the partial
	// fingerprint that lets viewers follow a finding when lines move. Nil
	// leaves the fingerprint to the finding's own text.
	Lines func(path string, n int) (string, bool)
}

// SARIF 2.1.0 objects, only the parts plainsight fills in.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool           `json:"tool"`
		Results     []sarifResult       `json:"results"`
		ColumnKind  string              `json:"columnKind"`
		Invocations []sarifInvocation   `json:"invocations,omitempty"`
		BaseIDs     map[string]sarifURI `json:"originalUriBaseIds,omitempty"`
	}
	sarifURI struct {
		URI string `json:"uri"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		SemanticVer    string      `json:"semanticVersion,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string         `json:"id"`
		Name             string         `json:"name"`
		ShortDescription sarifText      `json:"shortDescription"`
		FullDescription  sarifText      `json:"fullDescription"`
		Help             sarifHelp      `json:"help"`
		Default          sarifConfig    `json:"defaultConfiguration"`
		Properties       map[string]any `json:"properties,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
		Properties          map[string]any    `json:"properties,omitempty"`
	}
	sarifLocation struct {
		Physical sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		Artifact sarifArtifact `json:"artifactLocation"`
		Region   sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int   `json:"startLine"`
		StartColumn int   `json:"startColumn"`
		EndLine     int   `json:"endLine"`
		EndColumn   int   `json:"endColumn"`
		ByteOffset  int64 `json:"byteOffset"`
		ByteLength  int64 `json:"byteLength"`
	}
	sarifFix struct {
		Description sarifText           `json:"description"`
		Changes     []sarifArtifactDiff `json:"artifactChanges"`
	}
	sarifArtifactDiff struct {
		Artifact     sarifArtifact      `json:"artifactLocation"`
		Replacements []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		Deleted  sarifByteRegion `json:"deletedRegion"`
		Inserted *sarifText      `json:"insertedContent,omitempty"`
	}
	sarifByteRegion struct {
		ByteOffset int64 `json:"byteOffset"`
		ByteLength int64 `json:"byteLength"`
	}
)

// SARIFLevel maps a severity to a SARIF result level.
func SARIFLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes the reports as one SARIF 2.1.0 log with one run. Every
// kind is a rule (in the order of Kinds), regions carry both line/column
// (columns count code points) and byte offsets, and findings with a
// replacement carry it as a fix.
func WriteSARIF(w io.Writer, reports []*Report, opts SARIFOptions) error {
	ks := Kinds()
	index := make(map[Kind]int, len(ks))
	rules := make([]sarifRule, len(ks))
	for i, k := range ks {
		index[k.Kind] = i
		rules[i] = sarifRule{
			ID:               string(k.Kind),
			Name:             ruleName(k.Title),
			ShortDescription: sarifText{k.Summary},
			FullDescription:  sarifText{k.Help},
			Help: sarifHelp{
				Text:     k.Summary + " " + k.Help,
				Markdown: "**" + k.Title + "**\n\n" + k.Summary + "\n\n" + k.Help,
			},
			Default:    sarifConfig{SARIFLevel(k.Severity)},
			Properties: map[string]any{"tags": []string{"security", "unicode"}},
		}
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "plainsight",
			Version:        opts.ToolVersion,
			InformationURI: opts.InfoURI,
			Rules:          rules,
		}},
		Results:     []sarifResult{},
		ColumnKind:  "unicodeCodePoints",
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
	}
	for _, r := range reports {
		uri := sarifPath(r.Source)
		for i := range r.Findings {
			f := &r.Findings[i]
			idx, ok := index[f.Kind]
			if !ok {
				idx = -1 // an unknown kind: the id alone names the rule
			}
			// Relative URIs under %SRCROOT%: GitHub and other viewers
			// resolve them against the repository root.
			art := sarifArtifact{URI: uri, URIBaseID: "%SRCROOT%"}
			endLine, endCol := f.End.Line, f.End.Column
			if endLine == 0 {
				endLine, endCol = f.Start.Line, f.Start.Column+1
			}
			res := sarifResult{
				RuleID:    string(f.Kind),
				RuleIndex: idx,
				Level:     SARIFLevel(f.Severity),
				Message:   sarifText{sarifMessage(f)},
				Locations: []sarifLocation{{sarifPhysical{
					Artifact: art,
					Region: sarifRegion{
						StartLine: f.Start.Line, StartColumn: f.Start.Column,
						EndLine: endLine, EndColumn: endCol,
						ByteOffset: f.Start.Offset, ByteLength: f.End.Offset - f.Start.Offset,
					},
				}}},
				PartialFingerprints: map[string]string{"plainsight/v1": fingerprint(r.Source, f, opts.Lines)},
				Properties:          map[string]any{"confidence": f.Confidence},
			}
			if f.Replacement != nil {
				rep := sarifReplacement{Deleted: sarifByteRegion{f.Start.Offset, f.End.Offset - f.Start.Offset}}
				if *f.Replacement != "" {
					rep.Inserted = &sarifText{*f.Replacement}
				}
				desc := "Replace " + quoteVisible(f.Text) + " with " + quoteVisible(*f.Replacement)
				if *f.Replacement == "" {
					desc = "Remove " + quoteVisible(f.Text)
				}
				res.Fixes = []sarifFix{{
					Description: sarifText{desc},
					Changes:     []sarifArtifactDiff{{Artifact: art, Replacements: []sarifReplacement{rep}}},
				}}
			}
			if f.Hidden != "" {
				res.Properties["hidden"] = f.Hidden
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return r == ' ' || r == '-' }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func sarifMessage(f *Finding) string {
	msg := oneLine(f.Message)
	if f.Replacement != nil && *f.Replacement != "" {
		msg += " Restored: " + quoteVisible(*f.Replacement) + "."
	}
	if f.Hidden != "" {
		msg += " Hidden text: " + quoteVisible(f.Hidden) + "."
	}
	return msg
}

// sarifPath turns a file path into a relative URI reference.
func sarifPath(p string) string {
	if p == "" || p == "-" {
		return "stdin"
	}
	p = filepath.ToSlash(p)
	p = strings.TrimPrefix(p, "./")
	u := url.URL{Path: p}
	return u.EscapedPath()
}

// Fingerprint keys a finding by what it is rather than where it is: the
// path, the kind, the disguised text and the content of its line. A
// baseline or a SARIF viewer can then follow it when lines are added
// above it.
func Fingerprint(path string, f *Finding, line string) string {
	h := sha256.New()
	for _, s := range []string{filepath.ToSlash(path), string(f.Kind), f.Text, strings.TrimSpace(line)} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func fingerprint(path string, f *Finding, lines func(string, int) (string, bool)) string {
	var line string
	if lines != nil {
		line, _ = lines(path, f.Start.Line)
	}
	return Fingerprint(path, f, line)
}
