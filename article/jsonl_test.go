package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
	"time"
)

func readJSONLAll(t *testing.T, in string) ([]Article, []Problem) {
	t.Helper()
	var arts []Article
	var probs []Problem
	err := ReadJSONL(context.Background(), strings.NewReader(in), "story.jsonl", "", 0,
		func(a Article) error { arts = append(arts, a); return nil },
		func(p Problem) { probs = append(probs, p) })
	if err != nil {
		t.Fatalf("ReadJSONL: %v", err)
	}
	return arts, probs
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		texts    []string
		origins  []string
		sources  []string
		dates    []string // "" for none
		problems []string // Input of each problem, "!" suffix for warnings
	}{
		{
			name: "articles with all fields and bad lines",
			in: `{"id":"a1","title":"Bridge reopens","source":"Coastal Times","url":"https://c.example/b","date":"2024-03-14","text":"The bridge reopened."}
not json
{"title":"no text"}

{"text":"Second report.\r\nNew line.","date":"March 14, 2024","url":"https://www.herald.example/x"}
{"text":"Third.","date":"someday"}
{"text":"   "}
{"text":"Fourth.","date":"1710408600"}`,
			texts:    []string{"The bridge reopened.", "Second report.\nNew line.", "Third.", "Fourth."},
			origins:  []string{"story.jsonl:1", "story.jsonl:5", "story.jsonl:6", "story.jsonl:8"},
			sources:  []string{"Coastal Times", "herald.example", "story", "story"},
			dates:    []string{"2024-03-14", "2024-03-14", "", "2024-03-14"},
			problems: []string{"story.jsonl:2", "story.jsonl:3", "story.jsonl:6!", "story.jsonl:7"},
		},
		{
			name:    "content and body stand in for text; numeric id",
			in:      `{"id": 7, "content": "From content."}` + "\n" + `{"body": "From body.", "text": ""}`,
			texts:   []string{"From content.", "From body."},
			origins: []string{"story.jsonl:1", "story.jsonl:2"},
			sources: []string{"story", "story"},
			dates:   []string{"", ""},
		},
		{
			name:    "a dataset line yields its documents",
			in:      `{"id":"c1","documents":["First doc.",{"name":"Wire","text":"Second doc."},"  "],"summary":"s"}`,
			texts:   []string{"First doc.", "Second doc."},
			origins: []string{"story.jsonl:1#1", "story.jsonl:1#2"},
			sources: []string{"c1 #1", "Wire"},
			dates:   []string{"", ""},
		},
		{
			name:     "two dataset lines warn",
			in:       `{"documents":["A."]}` + "\n" + `{"documents":"B.|||||C."}`,
			texts:    []string{"A.", "B.", "C."},
			origins:  []string{"story.jsonl:1#1", "story.jsonl:2#1", "story.jsonl:2#2"},
			sources:  []string{"story.jsonl:1 #1", "story.jsonl:2 #1", "story.jsonl:2 #2"},
			dates:    []string{"", "", ""},
			problems: []string{"story.jsonl!"},
		},
		{
			name:     "JSON array",
			in:       "[\n {\"text\": \"One.\"},\n {\"text\": \"Two.\", \"source\": \"X\"},\n {\"nope\": 1}\n]\n",
			texts:    []string{"One.", "Two."},
			origins:  []string{"story.jsonl[0]", "story.jsonl[1]"},
			sources:  []string{"story", "X"},
			dates:    []string{"", ""},
			problems: []string{"story.jsonl[2]"},
		},
		{
			name:    "one pretty-printed object",
			in:      "{\n  \"title\": \"T\",\n  \"text\": \"Only.\"\n}\n",
			texts:   []string{"Only."},
			origins: []string{"story.jsonl"},
			sources: []string{"story"},
			dates:   []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := readJSONLAll(t, tt.in)
			var texts, origins, sources, dates, ps []string
			for _, a := range arts {
				texts = append(texts, a.Text)
				origins = append(origins, a.Origin)
				sources = append(sources, a.Source)
				d := ""
				if !a.Date.IsZero() {
					d = a.Date.Format(time.DateOnly)
				}
				dates = append(dates, d)
				if a.ID != StableID(a) {
					t.Errorf("%s: ID %q is not the StableID", a.Origin, a.ID)
				}
			}
			for _, p := range probs {
				s := p.Input
				if p.Warning {
					s += "!"
				}
				ps = append(ps, s)
			}
			check := func(what string, got, want []string) {
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("texts", texts, tt.texts)
			check("origins", origins, tt.origins)
			check("sources", sources, tt.sources)
			check("dates", dates, tt.dates)
			check("problems", ps, tt.problems)
		})
	}
}

func TestReadJSONLLongLineAndGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"text":"` + strings.Repeat("x", 300) + `"}` + "\n" + `{"text":"short"}` + "\n"))
	zw.Close()
	var arts []Article
	var probs []Problem
	err := ReadJSONL(context.Background(), &buf, "s.jsonl.gz", "", 100,
		func(a Article) error { arts = append(arts, a); return nil },
		func(p Problem) { probs = append(probs, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Text != "short" || arts[0].Source != "s" {
		t.Errorf("articles = %+v", arts)
	}
	if len(probs) != 1 || probs[0].Input != "s.jsonl.gz:1" || !strings.Contains(probs[0].Error(), "longer than") {
		t.Errorf("problems = %v", probs)
	}
}
