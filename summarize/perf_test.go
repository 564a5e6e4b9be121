package summarize

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/chorus-brief/chorus/analyse"
)

// perfStory is a story with shared, repeated and unique terms across
// three reports.
func perfStory() *analyse.Story {
	return story(
		[]string{"The city council approved a new budget of $2 million on Monday.", "Click here to subscribe.",
			"It raises school spending by 4% and school meals by 2%.", "The budget passed nine votes to two."},
		[]string{"Council members approved the $2 million budget on Monday evening.", "The mayor is expected to sign it this week.",
			"School spending rises by 4%, the council said."},
		[]string{"Residents protested outside the council chamber.", "The budget of $2 million was approved on Monday."},
	)
}

// TestCosinesMatchDotNorm checks the cosines computed from postings
// against the merge of two sentence vectors, bit for bit.
func TestCosinesMatchDotNorm(t *testing.T) {
	st := perfStory()
	v := newVectors(st, idfOf(st, uniform))
	v.cosines()
	n := len(st.Sentences)
	for i := range n {
		for j := range n {
			want := dotNorm(v.tf[i], v.tf[j])
			if i == j {
				want = 0
				if v.norm[i] > 0 {
					want = 1
				}
			}
			if got := v.sim[i*n+j]; math.Float32bits(got) != math.Float32bits(want) {
				t.Errorf("cosine(%d, %d) = %v, want %v", i, j, got, want)
			}
		}
	}
}

// lexRankPush is LexRank as first written: every sentence pushes its
// share to its neighbours.
func lexRankPush(v *vectors, threshold, jump float64) []float64 {
	n := len(v.tf)
	adj := make([][]int32, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j && v.norm[i] > 0 || i != j && float64(dotNorm(v.tf[i], v.tf[j])) >= threshold {
				adj[i] = append(adj[i], int32(j))
			}
		}
	}
	p := make([]float64, n)
	next := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	for iter := 0; iter < 200; iter++ {
		dangling := 0.0
		clear(next)
		for j := 0; j < n; j++ {
			if len(adj[j]) == 0 {
				dangling += p[j]
				continue
			}
			share := p[j] / float64(len(adj[j]))
			for _, i := range adj[j] {
				next[i] += share
			}
		}
		delta := 0.0
		for i := range next {
			next[i] = jump/float64(n) + (1-jump)*(next[i]+dangling/float64(n))
			delta += math.Abs(next[i] - p[i])
		}
		p, next = next, p
		if delta < 1e-9 {
			break
		}
	}
	return p
}

func TestLexRankMatchesPush(t *testing.T) {
	st := perfStory()
	for _, th := range []float64{0, 0.1, 0.3, 2} {
		v := newVectors(st, idfOf(st, uniform))
		got, want := lexRank(v, th, lexJump), lexRankPush(v, th, lexJump)
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Errorf("threshold %v: score %d = %v, want %v", th, i, got[i], want[i])
			}
		}
	}
}

func TestByScoreIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 40, 300} {
		score := make([]float64, n)
		for i := range score {
			score[i] = float64(rng.IntN(7)) // many ties
		}
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(a, b int) int {
			switch {
			case score[a] > score[b]:
				return -1
			case score[a] < score[b]:
				return 1
			}
			return 0
		})
		if got := byScore(score); !slices.Equal(got, want) {
			t.Errorf("n=%d: byScore = %v, want %v", n, got, want)
		}
	}
}

func TestLexIndexFirstSight(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 30, 64, 65, 200} {
		h := make([]uint64, n)
		for i := range h {
			h[i] = uint64(rng.IntN(20)) // repeated words and pairs
		}
		// The plain form: every word and pair, first sight kept.
		var want []uint32
		add := func(x uint64) {
			x ^= x >> 29
			x *= 0xbf58476d1ce4e5b9
			x ^= x >> 32
			k := uint32(x & (1<<lexBits - 1))
			if !slices.Contains(want, k) {
				want = append(want, k)
			}
		}
		for k := range h {
			add(h[k])
			if k > 0 {
				add(pairHash(h[k-1], h[k]))
			}
		}
		if got := lexIndex(h); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("n=%d: lexIndex = %v, want %v", n, got, want)
		}
	}
}

func TestU64Table(t *testing.T) {
	tab := newU64Table(1, true)
	want := map[uint64]uint64{}
	for i := range 3000 {
		key := uint64(i*7919) % 1201 // repeats, and key 0
		bit := uint64(1) << (i % 64)
		j := tab.slot(key)
		tab.e[j].bits |= bit
		tab.count[j]++
		want[key] |= bit
	}
	for key, bits := range want {
		if got := tab.bitsOf(key); got != bits {
			t.Errorf("bitsOf(%d) = %x, want %x", key, got, bits)
		}
	}
	if tab.bitsOf(5000) != 0 {
		t.Errorf("an absent key has bits")
	}
	if tab.n != len(want) {
		t.Errorf("%d keys, want %d", tab.n, len(want))
	}
}

// TestScoreAllMatchesScore checks the four-at-a-time tree walks, through
// the tree blocks and through the padded trees (the way for trees too deep
// for a block), against scoring one sentence at a time, for every
// remainder of four.
func TestScoreAllMatchesScore(t *testing.T) {
	d, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	walk := *d.fast
	walk.blocks = nil
	st := perfStory()
	x := features(st, newVectors(st, idfOf(st, uniform)), make([]float64, len(st.Vocab)), nil)
	n := len(st.Sentences)
	for name, c := range map[string]*compiled{"blocks": d.fast, "padded trees": &walk} {
		for rows := 0; rows <= n; rows++ {
			got := make([]float64, rows)
			c.scoreAll(d.Base, x[:rows*numFeatures], numFeatures, got)
			for i := range got {
				if want := d.Score(x[i*numFeatures : (i+1)*numFeatures]); math.Float64bits(got[i]) != math.Float64bits(want) {
					t.Errorf("%s, rows=%d: sentence %d scores %v, want %v", name, rows, i, got[i], want)
				}
			}
		}
	}
}

// TestOtherAgreementContiguous checks the scan of otherAgreement over the
// ranges of contiguous reports against its scan by each sentence's report,
// bit for bit.
func TestOtherAgreementContiguous(t *testing.T) {
	st := perfStory()
	if !docsContiguous(st) {
		t.Fatal("perfStory: reports not contiguous")
	}
	v := newVectors(st, idfOf(st, uniform))
	v.cosines()
	gotMean, gotMax := otherAgreement(st, v, true)
	wantMean, wantMax := otherAgreement(st, v, false)
	for i := range wantMean {
		if math.Float64bits(gotMean[i]) != math.Float64bits(wantMean[i]) || math.Float64bits(gotMax[i]) != math.Float64bits(wantMax[i]) {
			t.Errorf("sentence %d: %v, %v; want %v, %v", i, gotMean[i], gotMax[i], wantMean[i], wantMax[i])
		}
	}
	st.Sentences[0].Doc = 1
	if docsContiguous(st) {
		t.Error("a sentence outside its report's range passes as contiguous")
	}
}
