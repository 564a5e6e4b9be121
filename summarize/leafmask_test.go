package summarize

import (
	"math"
	"math/rand/v2"
	"testing"
)

// rowValue draws a feature value that often equals a threshold of c, is
// a signed zero, or lies just beside a threshold.
func rowValue(rng *rand.Rand, c *compiled, f int, nonFinite bool) float32 {
	switch rng.IntN(8) {
	case 0:
		return float32(math.Copysign(0, -1))
	case 1:
		return 0
	case 2:
		if nonFinite {
			return []float32{float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}[rng.IntN(3)]
		}
	case 3, 4, 5:
		var thr []float32
		for k, nf := range c.feat {
			if int(nf) == f && !math.IsInf(float64(c.thr[k]), 0) {
				thr = append(thr, c.thr[k])
			}
		}
		if len(thr) > 0 {
			t := thr[rng.IntN(len(thr))]
			switch rng.IntN(3) {
			case 0:
				return math.Nextafter32(t, float32(math.Inf(-1)))
			case 1:
				return math.Nextafter32(t, float32(math.Inf(1)))
			}
			return t
		}
	}
	return float32(rng.NormFloat64() * 10)
}

// TestLeafMasksMatchWalk checks that the leaves rows rule out give the
// score of walking the trees, bit for bit, for both stages of the default
// model.
func TestLeafMasksMatchWalk(t *testing.T) {
	d, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		c    *compiled
		base float64
		nf   int
	}{{d.fast, d.Base, numFeatures}, {d.fast2, d.Stage2Base, numStage2}} {
		q := newLeafMasks(tc.c, tc.nf)
		if q == nil {
			t.Fatalf("no leaf masks for %d features", tc.nf)
		}
		m := make([]uint64, q.words)
		row := make([]float32, tc.nf)
		for range 2000 {
			for f := range row {
				row[f] = rowValue(rng, tc.c, f, false)
			}
			q.full(m)
			for f, v := range row {
				q.apply(m, f, v)
			}
			got, want := q.sum(tc.base, m), tc.c.score(tc.base, row)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("%d features, row %v: %v, want %v", tc.nf, row, got, want)
			}
		}
	}
}

// TestStage2ScorerMatchesScoreAll runs random selections, whose static
// features stay the same for a sentence, whose slow features change now
// and then, and whose step features are the same for every candidate of a
// step, some of them not finite, and checks
// stage2Scorer against compiled.scoreAll bit for bit.
func TestStage2ScorerMatchesScoreAll(t *testing.T) {
	d, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 100 {
		n := 1 + rng.IntN(40)
		nonFinite := trial%4 == 0
		static := make([]float32, n*numStage2)
		for i := range n {
			for _, f := range stage2Static {
				static[i*numStage2+f] = rowValue(rng, d.fast2, f, nonFinite)
			}
		}
		slow := make([]float32, n*numStage2)
		z := newStage2Scorer(d, n)
		for range 12 {
			var cand []int
			for i := range n {
				if rng.IntN(4) > 0 {
					cand = append(cand, i)
				}
			}
			for i := range n {
				for _, f := range stage2Slow {
					if rng.IntN(3) == 0 {
						slow[i*numStage2+f] = rowValue(rng, d.fast2, f, nonFinite)
					}
				}
			}
			step := make([]float32, numStage2)
			for _, f := range stage2Step {
				step[f] = rowValue(rng, d.fast2, f, nonFinite)
			}
			x := make([]float32, len(cand)*numStage2)
			for k, i := range cand {
				row := x[k*numStage2 : (k+1)*numStage2]
				for _, f := range stage2Static {
					row[f] = static[i*numStage2+f]
				}
				for _, f := range stage2Step {
					row[f] = step[f]
				}
				for _, f := range stage2Slow {
					row[f] = slow[i*numStage2+f]
				}
				for _, f := range stage2Row {
					row[f] = rowValue(rng, d.fast2, f, nonFinite)
				}
			}
			got, want := make([]float64, len(cand)), make([]float64, len(cand))
			z.scoreAll(cand, x, got)
			d.fast2.scoreAll(d.Stage2Base, x, numStage2, want)
			for k := range want {
				if math.Float64bits(got[k]) != math.Float64bits(want[k]) {
					t.Fatalf("trial %d: candidate %d scores %v, want %v (row %v)", trial, cand[k], got[k], want[k], x[k*numStage2:(k+1)*numStage2])
				}
			}
		}
	}
}

// TestStage2Groups checks that the static, step and row features of the
// second stage are each feature once, and that the static and step ones
// are those the names say.
func TestStage2Groups(t *testing.T) {
	seen := make([]int, numStage2)
	for _, g := range [][]int{stage2Static, stage2Step, stage2Slow, stage2Row} {
		for _, f := range g {
			seen[f]++
		}
	}
	for f, k := range seen {
		if k != 1 {
			t.Errorf("feature %d is in %d groups", f, k)
		}
	}
	names := map[string]bool{"p": true, "words": true, "chosen": false, "chosen_words": false}
	for _, f := range stage2Static {
		if f < len(stage2Names) && !names[stage2Names[f]] {
			t.Errorf("static feature %q", stage2Names[f])
		}
	}
	for _, f := range stage2Step {
		if s, ok := names[stage2Names[f]]; !ok || s {
			t.Errorf("step feature %q", stage2Names[f])
		}
	}
}

// TestScoreBlocksMatchScore checks scoreAll through the tree blocks
// against walking each row with score, bit for bit, for both stages of the
// default model (depth 5, and depth 4 padded to 5), on any number of rows.
func TestScoreBlocksMatchScore(t *testing.T) {
	d, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, tc := range []struct {
		c    *compiled
		base float64
		nf   int
	}{{d.fast, d.Base, numFeatures}, {d.fast2, d.Stage2Base, numStage2}} {
		if tc.c.blocks == nil {
			t.Fatalf("no tree blocks for %d features", tc.nf)
		}
		for n := range 14 {
			for range 10 {
				x := make([]float32, n*tc.nf)
				for i := range x {
					x[i] = rowValue(rng, tc.c, i%tc.nf, true)
				}
				got := make([]float64, n)
				tc.c.scoreAll(tc.base, x, tc.nf, got)
				for i := range got {
					want := tc.c.score(tc.base, x[i*tc.nf:(i+1)*tc.nf])
					if math.Float64bits(got[i]) != math.Float64bits(want) {
						t.Fatalf("%d features, row %d of %d: %v, want %v", tc.nf, i, n, got[i], want)
					}
				}
			}
		}
	}
}
