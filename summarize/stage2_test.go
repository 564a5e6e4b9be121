package summarize

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestStage2Names(t *testing.T) {
	if got := len(stage2Names) + len(stage2From); got != numStage2 {
		t.Fatalf("second stage has %d features, numStage2 = %d", got, numStage2)
	}
	for _, f := range stage2From {
		if f < 0 || f >= numFeatures {
			t.Errorf("first-stage feature %d out of range", f)
		}
	}
}

// TestStage2Steers checks that the second stage, not the first-stage
// score, decides each step: one tree on max_sim either shuns or seeks a
// sentence that repeats the one chosen first.
func TestStage2Steers(t *testing.T) {
	st := story(
		[]string{"The old river dam burst early on Monday morning."},
		[]string{"Officials said the river dam burst on Monday, flooding farms."},
		[]string{"Rescue teams evacuated three villages by boat."},
	)
	m := &Model{Redundancy: 0.3}
	v := newVectors(st, idfOf(st, m.IDF))
	if c := v.cosine(0, 1); c <= 0.3 || c > duplicateCosine {
		t.Fatalf("cosine of the two dam sentences = %.2f, want in (0.3, %v] for this test", c, duplicateCosine)
	}
	words := st.Sentences[0].Words + 1 // two sentences
	for _, tc := range []struct {
		name        string
		below, over float32 // value of max_sim ≤ 0.3 and > 0.3
		want        []int
	}{
		{"shun repeats", 1, -1, []int{0, 2}},
		{"seek repeats", -1, 1, []int{0, 1}},
	} {
		// A single split; the first step is a tie that goes to the
		// first sentence.
		m.Stage2 = []Tree{{Feature: []int16{1, -1, -1}, Threshold: []float32{0.3, 0, 0}, Value: []float32{0, tc.below, tc.over}}}
		m.fast2 = compileStage2(m)
		got := (&Learned{Model: m}).Select(st, words)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: chose %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestStage2Trained(t *testing.T) {
	tr := NewTrainer(TrainOptions{Seed: 1, Trees: 5, Depth: 2, Words: 20, MinLeaf: 0.5,
		Stage2Trees: 3, Stage2Depth: 2, Stage2Every: 1})
	stories, refs := tinyData()
	for i, st := range stories {
		tr.Count(tr.Prepare(st, refs[i]))
	}
	tr.FreezeDF()
	for i, st := range stories {
		tr.Add(tr.Examples(st, refs[i]))
	}
	m, err := tr.Fit()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Stage2) != 3 {
		t.Fatalf("second stage has %d trees, want 3", len(m.Stage2))
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	back, err := LoadModel(&b)
	if err != nil {
		t.Fatal(err)
	}
	if back.fast2 == nil || len(back.Stage2) != 3 {
		t.Fatal("the second stage did not survive Write and LoadModel")
	}
	for _, st := range stories[:3] {
		got := (&Learned{Model: back}).Select(st, 12)
		if len(got) == 0 {
			t.Fatal("no sentences chosen")
		}
		total := 0
		for _, i := range got {
			total += st.Sentences[i].Words
		}
		// It stops at the first whole sentence that reaches the budget.
		if total < 12 && len(got) < len(st.Sentences) || total-minLast(st, got) >= 12 {
			t.Errorf("chose %v (%d words) under a budget of 12", got, total)
		}
	}
}

func TestStage2LoadErrors(t *testing.T) {
	bad := &Model{Version: ModelVersion, Stage2: []Tree{{Feature: []int16{numStage2}, Threshold: []float32{0}, Value: []float32{0}}}}
	var bb bytes.Buffer
	if err := bad.Write(&bb); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadModel(&bb); err == nil {
		t.Error("LoadModel accepted a second-stage feature out of range")
	}
}

// TestStage2Ranks checks ranks, which sorts once, against counting the
// candidates with a higher p for every candidate, over many steps with
// ties, signed zeros and NaNs.
func TestStage2Ranks(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 300 {
		n := rng.IntN(60)
		p := make([]float64, n)
		for i := range p {
			p[i] = float64(rng.IntN(8)) / 8 // many ties
			switch rng.IntN(20) {
			case 0:
				p[i] = math.Copysign(0, -1)
			case 1:
				if trial%3 == 0 {
					p[i] = math.NaN()
				}
			}
		}
		s := &stage2State{}
		for range 5 {
			var cand []int
			for i := range n {
				if rng.IntN(3) > 0 {
					cand = append(cand, i)
				}
			}
			got := s.ranks(p, cand)
			for k, i := range cand {
				want := 0
				for _, j := range cand {
					if p[j] > p[i] {
						want++
					}
				}
				if int(got[k]) != want {
					t.Fatalf("trial %d: rank of %d (p %v) = %d, want %d", trial, i, p[i], got[k], want)
				}
			}
		}
	}
}
