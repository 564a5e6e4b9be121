package brief

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chorus-brief/chorus/facts"
)

func sample() *Brief {
	return &Brief{
		Schema: SchemaVersion,
		Title:  "Ferry capsizes on Lake Orvella",
		Words:  14,
		Sentences: []Sentence{
			{Text: "The ferry capsized on Tuesday.", Citations: []int{1, 2, 3}, From: 2, Position: 0},
			{Text: "Fourteen people are missing.", Citations: []int{1}, From: 1, Position: 3, Note: "sources differ: 14 [1]; 16 [2]"},
		},
		Sources: []Source{
			{N: 1, ID: "a", Outlet: "Marren Courier", Title: "Ferry sinks", Date: time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC), URL: "https://example.org/a"},
			{N: 2, ID: "b", Outlet: "Askel Daily", Origin: "reports/askel.txt"},
			{N: 3, ID: "c", Origin: "stdin"},
			{N: 4, ID: "d", Outlet: "Lakeside Gazette", OffStory: true, OffStoryReason: "dated two years earlier"},
		},
		Facts: &facts.Sheet{
			Figures: []facts.Figure{{What: "people missing", Status: facts.StatusDisputed, Sources: 2,
				Values: []facts.FigureValue{{Value: 14, Text: "14", Docs: []int{0}}, {Value: 16, Text: "16", Docs: []int{1}}}}},
			OffStory: []facts.OffStory{{Doc: 3, Reason: "dated two years earlier"}},
		},
		Warnings: []string{"bad.html: not valid UTF-8"},
	}
}

func TestRenderers(t *testing.T) {
	b := sample()
	tests := []struct {
		format Format
		want   []string
	}{
		{FormatMarkdown, []string{
			"# Ferry capsizes on Lake Orvella",
			"The ferry capsized on Tuesday. [1][2][3] Fourteen people are missing. [1] *(sources differ: 14 \\[1\\]; 16 \\[2\\])*",
			"1. **Marren Courier**, “Ferry sinks”, 12 March 2025, <https://example.org/a>",
			"2. **Askel Daily**, `reports/askel.txt`",
			"3. **Unknown outlet**, `stdin`",
			"4. **Lakeside Gazette** — *off-story: dated two years earlier*",
			"- **people missing** — disputed: 14 [1]; 16 [2]",
			"- [4] dated two years earlier",
			"## Warnings",
		}},
		{FormatText, []string{
			"Ferry capsizes on Lake Orvella\n==============================",
			"The ferry capsized on Tuesday. [1][2][3] Fourteen people are missing. [1]",
			"[1] Marren Courier, “Ferry sinks”, 12 March 2025, https://example.org/a",
			"[4] Lakeside Gazette (off-story: dated two years earlier)",
			"people missing — disputed: 14 [1]; 16 [2]",
		}},
		{FormatHTML, []string{
			"<h1>Ferry capsizes on Lake Orvella</h1>",
			`<sup><a href="#source-3">[3]</a></sup>`,
			`<li id="source-4" class="off">`,
			"<h2>Fact sheet</h2>",
			"bad.html: not valid UTF-8",
		}},
		{FormatJSON, []string{`"schema": "chorus.brief/v1"`, `"citations": [`, `"off_story": true`, `"figures": [`}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, b, tt.format); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var got Brief
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Schema != SchemaVersion || len(got.Sentences) != 2 || got.Sentences[0].Citations[2] != 3 || !got.Sources[3].OffStory {
		t.Errorf("round trip lost data: %+v", got)
	}
	if !got.Sources[1].Date.IsZero() || strings.Contains(buf.String(), "0001-01-01") {
		t.Error("an unknown date must be left out, not written as year 1")
	}
}

func TestHTMLEscapes(t *testing.T) {
	b := &Brief{Schema: SchemaVersion, Title: "<script>alert(1)</script>",
		Sentences: []Sentence{{Text: `He said "<b>hi</b>"`, Citations: []int{1}, From: 1}},
		Sources:   []Source{{N: 1, Outlet: "<i>x</i>", URL: "javascript:alert(1)"}}}
	var buf bytes.Buffer
	if err := HTML(&buf, b); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "<b>hi", "<i>x", `href="javascript:`} {
		if strings.Contains(buf.String(), bad) {
			t.Errorf("HTML output contains unescaped %q", bad)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": FormatMarkdown, "markdown": FormatMarkdown, "JSON": FormatJSON, "txt": FormatText, "html": FormatHTML} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) should fail")
	}
}

func ExampleMarkdown() {
	b := &Brief{
		Schema:    SchemaVersion,
		Sentences: []Sentence{{Text: "The ferry capsized on Tuesday.", Citations: []int{1, 2}, From: 1}},
		Sources:   []Source{{N: 1, Outlet: "Marren Courier"}, {N: 2, Outlet: "Askel Daily"}},
	}
	_ = Markdown(os.Stdout, b)
	// Output:
	// The ferry capsized on Tuesday. [1][2]
	//
	// ## Sources
	//
	// 1. **Marren Courier**
	// 2. **Askel Daily**
}
