package rouge

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/chorus-brief/chorus/internal/shared"
)

type vecRPF struct{ R, P, F float64 }

type vecCase struct {
	ID         string                        `json:"id"`
	System     []string                      `json:"system"`
	References [][]string                    `json:"references"`
	PerlKey    string                        `json:"perl_key"`
	Scores     map[string]vecRPF             `json:"scores"`
	Counts     map[string]map[string]float64 `json:"counts"`
}

type vecSet struct {
	Name    string                          `json:"name"`
	Flags   []string                        `json:"flags"`
	Metrics []string                        `json:"metrics"`
	Average map[string]vecRPF               `json:"average"`
	CI95    map[string]map[string][]float64 `json:"ci95_informative"`
	Cases   []vecCase                       `json:"cases"`
}

func loadSets(t *testing.T, file string) []vecSet {
	t.Helper()
	b, err := os.ReadFile(shared.Path(t, "rouge/"+file))
	if err != nil {
		t.Fatal(err)
	}
	var multi struct {
		Sets []vecSet `json:"sets"`
	}
	if err := json.Unmarshal(b, &multi); err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	if len(multi.Sets) > 0 {
		return multi.Sets
	}
	var one vecSet
	if err := json.Unmarshal(b, &one); err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	return []vecSet{one}
}

func f5(x float64) string { return fmt.Sprintf("%.5f", x) }

// TestVectors requires agreement with ROUGE-1.5.5.pl on every case,
// metric, R/P/F, raw count, set average and 95% interval of the shared
// test vectors.
func TestVectors(t *testing.T) {
	files := []string{"options.json", "multiref.json", "multinews.json"}
	total := 0
	for _, file := range files {
		for _, set := range loadSets(t, file) {
			t.Run(set.Name, func(t *testing.T) {
				opt, err := ParseFlags(set.Flags)
				if err != nil {
					t.Fatalf("ParseFlags(%q): %v", set.Flags, err)
				}
				if got := opt.Metrics(); fmt.Sprint(got) != fmt.Sprint(set.Metrics) {
					t.Fatalf("metrics %v, want %v", got, set.Metrics)
				}
				sc, err := NewScorer(opt)
				if err != nil {
					t.Fatal(err)
				}
				if len(set.Cases) == 0 {
					t.Fatal("set has no cases")
				}
				var all [][]Score
				var keys []string
				for _, c := range set.Cases {
					got := sc.Score(c.System, c.References...)
					all = append(all, got)
					keys = append(keys, c.PerlKey)
					for _, g := range got {
						want, ok := c.Scores[g.Metric]
						if !ok {
							t.Fatalf("%s: no expected %s", c.ID, g.Metric)
						}
						total++
						if f5(g.R) != f5(want.R) || f5(g.P) != f5(want.P) || f5(g.F) != f5(want.F) {
							t.Errorf("%s %s: got R %s P %s F %s, want %s %s %s", c.ID, g.Metric,
								f5(g.R), f5(g.P), f5(g.F), f5(want.R), f5(want.P), f5(want.F))
						}
						wc := c.Counts[g.Metric]
						if !near(g.Hit, wc["hit"]) || !near(g.Model, wc["model"]) || !near(g.Peer, wc["peer"]) {
							t.Errorf("%s %s: counts hit %v model %v peer %v, want %v %v %v", c.ID, g.Metric,
								g.Hit, g.Model, g.Peer, wc["hit"], wc["model"], wc["peer"])
						}
					}
				}
				avg, err := Averages(all, keys, opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range avg {
					want := set.Average[a.Metric]
					ci := set.CI95[a.Metric]
					for _, x := range []struct {
						name string
						got  Estimate
						avg  float64
						ci   []float64
					}{{"R", a.R, want.R, ci["R"]}, {"P", a.P, want.P, ci["P"]}, {"F", a.F, want.F, ci["F"]}} {
						if f5(x.got.Average) != f5(x.avg) {
							t.Errorf("%s average %s: got %s, want %s", a.Metric, x.name, f5(x.got.Average), f5(x.avg))
						}
						if len(x.ci) != 2 || f5(x.got.Low) != f5(x.ci[0]) || f5(x.got.High) != f5(x.ci[1]) {
							t.Errorf("%s 95%% interval %s: got [%s, %s], want %v", a.Metric, x.name, f5(x.got.Low), f5(x.got.High), x.ci)
						}
					}
				}
			})
		}
	}
	t.Logf("%d case × metric values compared", total)
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}
