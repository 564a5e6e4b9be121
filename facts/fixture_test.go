package facts

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
)

// exampleDir is the fictional story shipped in examples/.
const exampleDir = "../examples/saint-hild-ferry"

var (
	mdLink    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	htmlMeta  = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)"`)
	htmlBlock = regexp.MustCompile(`(?s)<(p|figcaption)[^>]*>(.*?)</(?:p|figcaption)>`)
	htmlTag   = regexp.MustCompile(`<[^>]+>`)
)

// loadFixture reads a folder of reports the way the article readers do,
// in a minimal form: enough for the fact sheet's tests to stand on their
// own while the readers evolve. Boilerplate is left in on purpose.
func loadFixture(t testing.TB, dir string) []article.Article {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var arts []article.Article
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		switch filepath.Ext(name) {
		case ".txt", ".md":
			if strings.EqualFold(filepath.Base(name), "README.md") {
				continue
			}
			s = mdLink.ReplaceAllString(s, "$1")
			title, body, _ := strings.Cut(strings.TrimSpace(s), "\n")
			arts = append(arts, article.Article{Title: strings.TrimLeft(title, "# "), Text: body, Origin: name})
		case ".html":
			a := article.Article{Origin: name}
			for _, m := range htmlMeta.FindAllStringSubmatch(s, -1) {
				switch m[1] {
				case "og:site_name":
					a.Source = m[2]
				case "og:title":
					a.Title = m[2]
				case "article:published_time":
					a.Date, _ = time.Parse(time.RFC3339, m[2])
				}
			}
			var paras []string
			for _, m := range htmlBlock.FindAllStringSubmatch(s, -1) {
				paras = append(paras, html.UnescapeString(htmlTag.ReplaceAllString(m[2], "")))
			}
			a.Text = strings.Join(paras, "\n\n")
			arts = append(arts, a)
		case ".jsonl":
			for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
				var j struct{ Title, Source, URL, Date, Text string }
				if err := json.Unmarshal([]byte(line), &j); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				d, _ := time.Parse("2006-01-02", j.Date)
				arts = append(arts, article.Article{Title: j.Title, Source: j.Source, URL: j.URL, Date: d, Text: j.Text, Origin: name})
			}
		}
	}
	return arts
}

func exampleSheet(t testing.TB) (*analyse.Story, *Sheet) {
	t.Helper()
	arts := loadFixture(t, exampleDir)
	if len(arts) != 5 {
		t.Fatalf("example story: got %d reports, want 5", len(arts))
	}
	st := analyse.Build(arts, analyse.Options{})
	return st, Build(st, Options{})
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestExampleReports(t *testing.T) {
	_, sh := exampleSheet(t)
	want := []struct {
		date, from string
	}{
		{"2025-03-12", "text"},     // press release: date in its dateline
		{"2025-03-12", "metadata"}, // HTML: article:published_time
		{"2025-03-13", "text"},     // plain text: "13 March 2025"
		{"2025-03-13", "metadata"}, // JSONL date field
		{"2023-06-20", "text"},     // the older report
	}
	for i, w := range want {
		r := sh.Reports[i]
		if !r.Date.Equal(day(w.date)) || r.DateFrom != w.from {
			t.Errorf("report %d: date %s from %q, want %s from %q", i, r.Date.Format("2006-01-02"), r.DateFrom, w.date, w.from)
		}
	}
}

func TestExampleOffStory(t *testing.T) {
	_, sh := exampleSheet(t)
	if got := sh.OffStoryDocs(); len(got) != 1 || got[0] != 4 {
		t.Fatalf("off-story reports = %v, want [4]; %+v", got, sh.OffStory)
	}
	if r := sh.OffStory[0].Reason; !strings.Contains(r, "2023-06-20") {
		t.Errorf("reason %q does not give the report's date", r)
	}
	for d := 0; d < 4; d++ {
		if sh.IsOffStory(d) {
			t.Errorf("report %d flagged off-story", d)
		}
	}
}

// findFigure returns the figure whose values include all of vals.
func findFigure(sh *Sheet, vals ...float64) (Figure, bool) {
	for _, f := range sh.Figures {
		n := 0
		for _, v := range vals {
			for _, fv := range f.Values {
				if fv.Value == v {
					n++
					break
				}
			}
		}
		if n == len(vals) {
			return f, true
		}
	}
	return Figure{}, false
}

func TestExampleFigures(t *testing.T) {
	st, sh := exampleSheet(t)
	tests := []struct {
		name   string
		values map[float64][]int // value -> reports giving it
		status string
		what   string
	}{
		{"missing (conflict)", map[float64][]int{14: {0, 1, 3}, 16: {2}}, StatusDisputed, "missing"},
		{"aboard", map[float64][]int{112: {0, 1, 3}}, StatusConfirmed, "aboard"},
		{"rescued", map[float64][]int{98: {0, 1, 3}}, StatusConfirmed, "rescued"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var vals []float64
			for v := range tc.values {
				vals = append(vals, v)
			}
			f, ok := findFigure(sh, vals...)
			if !ok {
				t.Fatalf("no figure with values %v in %+v", vals, sh.Figures)
			}
			if f.Status != tc.status || !strings.Contains(f.What, tc.what) || len(f.Values) != len(tc.values) {
				t.Errorf("figure %+v: want status %s, what ~%q, %d values", f, tc.status, tc.what, len(tc.values))
			}
			for _, fv := range f.Values {
				if want := tc.values[fv.Value]; !equalInts(fv.Docs, want) {
					t.Errorf("value %s: docs %v, want %v", fv.Text, fv.Docs, want)
				}
				for _, c := range fv.Claims {
					if st.Sentences[c.Sentence].Doc != c.Doc || !strings.Contains(st.Sentences[c.Sentence].Text, c.Wording) {
						t.Errorf("claim %+v does not point at its sentence", c)
					}
				}
			}
			if f.Sources != len(unionDocs(f)) {
				t.Errorf("sources = %d, want %d", f.Sources, len(unionDocs(f)))
			}
		})
	}
	// The brief's helpers: the sentence stating 16 gets a note naming both
	// values; a sentence stating a confirmed figure gets a count.
	f, _ := findFigure(sh, 16)
	s16 := f.Values[len(f.Values)-1].Claims[0].Sentence
	note := sh.NoteFor(s16)
	if !strings.Contains(note, "between 14 and Sixteen") && !strings.Contains(note, "between 14 and 16") {
		t.Errorf("NoteFor(%d) = %q, want the range of both counts", s16, note)
	}
	if !strings.Contains(note, "source 3") || !strings.Contains(note, "sources 1, 2, 4") {
		t.Errorf("NoteFor(%d) = %q, want the sources of each value", s16, note)
	}
	g, _ := findFigure(sh, 112)
	s112 := g.Values[0].Claims[0].Sentence
	if n := sh.Confirmations(s112); n != 3 {
		t.Errorf("Confirmations(%d) = %d, want 3", s112, n)
	}
	if note := sh.NoteFor(s112); note != "" {
		t.Errorf("NoteFor on a confirmed figure = %q, want none", note)
	}
	// No figure comes from the off-story report.
	for _, f := range sh.Figures {
		for _, v := range f.Values {
			if containsInt(v.Docs, 4) {
				t.Errorf("figure %q uses the off-story report", f.What)
			}
		}
	}
}

func unionDocs(f Figure) map[int]bool {
	m := map[int]bool{}
	for _, v := range f.Values {
		for _, d := range v.Docs {
			m[d] = true
		}
	}
	return m
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// findQuote returns the quote whose text holds sub.
func findQuote(sh *Sheet, sub string) (Quote, bool) {
	for _, q := range sh.Quotes {
		if strings.Contains(strings.ToLower(q.Text), strings.ToLower(sub)) {
			return q, true
		}
	}
	return Quote{}, false
}

func TestExampleQuotes(t *testing.T) {
	_, sh := exampleSheet(t)
	tests := []struct {
		sub      string
		carriers []int
		origin   int
		reason   string
		speaker  string
	}{
		// Carried with "heart-breaking" and a trimmed end; the press
		// release states it as its own words.
		{"Our thoughts are with every family", []int{0, 1, 2}, 0, "statement", "Ilse Varnholt"},
		{"no effort will be spared", []int{0, 3}, 0, "statement", ""},
		// Quoted by two outlets, said by someone neither is: earliest.
		{"We have not given up on anyone", []int{1, 2}, 1, "earliest", "Tomas Brekke"},
	}
	for _, tc := range tests {
		t.Run(tc.sub, func(t *testing.T) {
			q, ok := findQuote(sh, tc.sub)
			if !ok {
				t.Fatalf("quote %q not found in %+v", tc.sub, sh.Quotes)
			}
			var docs []int
			for _, c := range q.Carriers {
				docs = append(docs, c.Doc)
				if c.Quoted == (c.Doc == tc.origin && tc.reason == "statement") {
					t.Errorf("carrier %d: quoted = %v", c.Doc, c.Quoted)
				}
			}
			if !equalInts(docs, tc.carriers) {
				t.Errorf("carriers %v, want %v", docs, tc.carriers)
			}
			if q.Origin != tc.origin || q.OriginReason != tc.reason {
				t.Errorf("origin %d (%s), want %d (%s)", q.Origin, q.OriginReason, tc.origin, tc.reason)
			}
			if tc.speaker != "" && q.Speaker != tc.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tc.speaker)
			}
			for _, c := range q.Carriers {
				if d, ok := sh.QuoteOrigin(c.Sentence); !ok || d != tc.origin {
					t.Errorf("QuoteOrigin(%d) = %d, %v; want %d", c.Sentence, d, ok, tc.origin)
				}
			}
		})
	}
}

// findEntity returns the entity with the given canonical name.
func findEntity(sh *Sheet, name string) (Entity, bool) {
	for _, e := range sh.Entities {
		if e.Name == name {
			return e, true
		}
	}
	return Entity{}, false
}

func TestExampleEntities(t *testing.T) {
	_, sh := exampleSheet(t)
	tests := []struct {
		name, kind string
		variants   []string
		docs       []int
	}{
		{"Ilse Varnholt", "person", []string{"Ilse Varnholt", "Varnholt"}, []int{1, 2, 3}},
		{"Tomas Brekke", "person", []string{"Tomas Brekke", "Thomas Brekke", "Brekke"}, []int{1, 2, 3}},
		{"Orvella Lake Ferries", "organisation", []string{"Orvella Lake Ferries", "OLF"}, []int{0, 1, 2, 3, 4}},
		{"Lake Safety Board", "organisation", []string{"Lake Safety Board"}, []int{0, 1, 2, 3}},
		{"Port Askel", "place", []string{"Port Askel"}, []int{0, 1, 2, 3}},
		{"Lake Orvella", "place", []string{"Lake Orvella"}, []int{0, 1, 2, 3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, ok := findEntity(sh, tc.name)
			if !ok {
				t.Fatalf("entity %q not found", tc.name)
			}
			if e.Kind != tc.kind {
				t.Errorf("kind %q, want %q", e.Kind, tc.kind)
			}
			for _, v := range tc.variants {
				if !containsString(e.Variants, v) {
					t.Errorf("variant %q missing from %v", v, e.Variants)
				}
			}
			var docs []int
			total := 0
			for _, m := range e.Mentions {
				docs = append(docs, m.Doc)
				total += m.Count
			}
			if !equalInts(docs, tc.docs) || total != e.Total {
				t.Errorf("mentions %+v (total %d), want docs %v", e.Mentions, e.Total, tc.docs)
			}
		})
	}
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestExampleTimeline(t *testing.T) {
	_, sh := exampleSheet(t)
	// "on Tuesday evening" in a report of Thursday 13 March resolves to
	// Tuesday 11 March; "last week" to the week before.
	want := []struct {
		doc        int
		expr, date string
	}{
		{2, "on Tuesday", "2025-03-11"},
		{2, "on Wednesday", "2025-03-12"},
		{2, "last week", "2025-03-03"},
		{0, "on Tuesday", "2025-03-11"},
		{4, "on Tuesday", "2023-06-20"},
		{4, "on Thursday", "2023-06-22"}, // "would meet ... on Thursday": the next one
	}
	for _, w := range want {
		found := false
		for _, e := range sh.Timeline {
			if e.Doc == w.doc && strings.EqualFold(e.Expression, w.expr) && e.Date.Equal(day(w.date)) {
				found = true
				if e.OffStory != (w.doc == 4) {
					t.Errorf("event %+v: off_story = %v", e, e.OffStory)
				}
			}
		}
		if !found {
			t.Errorf("no event %q in report %d on %s", w.expr, w.doc, w.date)
		}
	}
	for i := 1; i < len(sh.Timeline); i++ {
		if sh.Timeline[i].Date.Before(sh.Timeline[i-1].Date) {
			t.Fatalf("timeline out of order at %d", i)
		}
	}
}
