package evaluate

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/rouge"
)

func testClusters() []article.Cluster {
	var cs []article.Cluster
	for i, ref := range []string{
		"The army retook the old city. Thousands of civilians left on buses.",
		"Talks in Geneva collapsed on Monday. Both sides blamed each other.",
		"A storm cut power to 200,000 homes. Crews worked through the night.",
		"The central bank raised rates by 0.25 points. Markets fell sharply.",
	} {
		cs = append(cs, article.Cluster{
			ID:         fmt.Sprintf("c%d", i),
			Articles:   []article.Article{{Text: ref + " More text follows here."}},
			References: []string{ref},
		})
	}
	cs = append(cs, article.Cluster{ID: "noref", Articles: []article.Article{{Text: "Nothing."}}})
	return cs
}

// firstSentence summarizes with the reference's first sentence.
func firstSentence(c article.Cluster) ([]string, error) {
	s := c.References[0]
	return []string{s[:strings.Index(s, ".")+1]}, nil
}

func TestRun(t *testing.T) {
	cs := testClusters()
	copySummary := func(c article.Cluster) ([]string, error) { return ReferenceLines(c.References[0]), nil }
	failing := func(c article.Cluster) ([]string, error) {
		if c.ID == "c1" {
			return nil, errors.New("boom")
		}
		return firstSentence(c)
	}
	var calls []string
	rep, err := Run(context.Background(), cs, Config{
		Methods: []Method{{"copy", copySummary}, {"first", firstSentence}, {"failing", failing}},
		Workers: 3,
		Progress: func(m string, done, total int) {
			if total != 4 || done < 1 || done > total {
				t.Errorf("progress %s %d/%d", m, done, total)
			}
			calls = append(calls, m)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Clusters != 4 || rep.NoReference != 1 {
		t.Fatalf("clusters %d, no reference %d; want 4 and 1", rep.Clusters, rep.NoReference)
	}
	if len(calls) != 12 {
		t.Errorf("%d progress calls, want 12", len(calls))
	}
	if fmt.Sprint(rep.Metrics) != "[ROUGE-1 ROUGE-2 ROUGE-L ROUGE-SU4]" {
		t.Errorf("metrics %v", rep.Metrics)
	}
	if len(rep.Methods) != 3 || rep.Methods[0].Method != "copy" || rep.Methods[2].Method != "failing" {
		t.Fatalf("methods %+v", rep.Methods)
	}
	for _, a := range rep.Methods[0].Scores {
		if a.R.Average != 1 || a.P.Average != 1 || a.F.Average != 1 {
			t.Errorf("copying the reference: %s %+v, want 1", a.Metric, a)
		}
	}

	// The "first" method's averages are exactly rouge.Averages over the
	// clusters in input order.
	sc, _ := rouge.NewScorer(rouge.DefaultOptions())
	var cases [][]rouge.Score
	words := 0
	for _, c := range cs[:4] {
		sum, _ := firstSentence(c)
		words += len(strings.Fields(sum[0]))
		cases = append(cases, sc.Score(sum, ReferenceLines(c.References[0])))
	}
	want, _ := rouge.Averages(cases, nil, rouge.DefaultOptions())
	if fmt.Sprint(rep.Methods[1].Scores) != fmt.Sprint(want) {
		t.Errorf("first: %v, want %v", rep.Methods[1].Scores, want)
	}
	if rep.Methods[1].Words != float64(words)/4 {
		t.Errorf("mean words %v, want %v", rep.Methods[1].Words, float64(words)/4)
	}

	// A failing cluster is scored as empty and reported.
	f := rep.Methods[2]
	if f.Failed != 1 || len(f.Errors) != 1 || !strings.Contains(f.Errors[0], "c1: boom") {
		t.Errorf("failing: failed %d errors %v", f.Failed, f.Errors)
	}
	if f.Scores[0].R.Mean >= rep.Methods[1].Scores[0].R.Mean {
		t.Errorf("an empty summary should lower the mean: %v vs %v", f.Scores[0].R.Mean, rep.Methods[1].Scores[0].R.Mean)
	}

	var tbl bytes.Buffer
	if err := rep.WriteTable(&tbl); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"copy", "first", "ROUGE-SU4", "1.00000", "4 clusters", "peak memory", "c1: boom"} {
		if !strings.Contains(tbl.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, tbl.String())
		}
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Clusters != 4 || len(back.Methods) != 3 {
		t.Errorf("JSON round trip: %v, %+v", err, back)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, testClusters(), Config{Methods: []Method{{"first", firstSentence}}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

func TestReadSummaries(t *testing.T) {
	in := `{"id": "a", "summary": "First sentence.\nSecond one."}
{"id": "b", "summary": ["One.", "Two.", "Three."]}

{"id": 7, "summary": "numeric id"}
`
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(in))
	zw.Close()
	for name, r := range map[string]*bytes.Reader{"plain": bytes.NewReader([]byte(in)), "gzip": bytes.NewReader(gz.Bytes())} {
		got, err := ReadSummaries(context.Background(), r, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != 3 || len(got["a"]) != 2 || len(got["b"]) != 3 || got["7"][0] != "numeric id" {
			t.Errorf("%s: %q", name, got)
		}
	}
	for _, bad := range []string{`{"id":"a","summary":"x"}` + "\n" + `{"id":"a","summary":"y"}`, `not json`, `{"summary":"x"}`, `{"id":"a","summary":3}`} {
		if _, err := ReadSummaries(context.Background(), strings.NewReader(bad), "bad"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	cs := testClusters()
	missing, extra := Match(cs, map[string][]string{"c0": nil, "c2": nil, "zz": nil})
	if fmt.Sprint(missing) != "[c1 c3 noref]" || fmt.Sprint(extra) != "[zz]" {
		t.Errorf("Match: missing %v extra %v", missing, extra)
	}
	if _, err := FromSummaries(map[string][]string{})(cs[0]); !errors.Is(err, ErrNoSummary) {
		t.Errorf("FromSummaries on a missing id: %v", err)
	}
}

func TestSummaryLines(t *testing.T) {
	got := SummaryLines([]string{"One.", "", "Two\nlines."})
	if fmt.Sprint(got) != "[One. Two lines.]" {
		t.Errorf("SummaryLines = %q", got)
	}
}

func ExampleRun() {
	clusters := []article.Cluster{{
		ID:         "storm",
		Articles:   []article.Article{{Text: "A storm cut power to 200,000 homes. Crews worked all night."}},
		References: []string{"A storm cut power to 200,000 homes."},
	}}
	lead := func(c article.Cluster) ([]string, error) { return []string{"A storm cut power to 200,000 homes."}, nil }
	rep, err := Run(context.Background(), clusters, Config{Methods: []Method{{"lead", lead}}})
	if err != nil {
		panic(err)
	}
	for _, a := range rep.Methods[0].Scores {
		fmt.Printf("%s F %.5f\n", a.Metric, a.F.Average)
	}
	// Output:
	// ROUGE-1 F 1.00000
	// ROUGE-2 F 1.00000
	// ROUGE-L F 1.00000
	// ROUGE-SU4 F 1.00000
}
