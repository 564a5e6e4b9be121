package summarize

import (
	"cmp"
	"math"
	"slices"

	"github.com/chorus-brief/chorus/analyse"
)

// The second stage rescores the candidates of each step of selection in
// the light of the sentences already chosen: how much of a candidate is
// already said, and how it compares with the candidates left. It is
// trained on the steps of the first stage's own selection over training
// stories, with the share of the candidate's words and word pairs that
// the reference holds and the chosen sentences do not yet match.

// stage2Names names the features of the second stage.
var stage2Names = []string{
	"p",            // first-stage score
	"max_sim",      // highest cosine with a chosen sentence
	"mean_sim",     // mean cosine with the chosen sentences
	"covered",      // share of its distinct content terms the chosen sentences hold
	"covered_idf",  // the same, weighted by idf
	"words",        // length in words
	"chosen",       // sentences chosen so far
	"chosen_words", // words chosen so far
	"gap_best",     // p − the best p left
	"rank_left",    // rank of p among the candidates left / candidates left
	"greedy",       // p − redundancy × max_sim
}

// stage2From are the first-stage features the second stage also sees.
var stage2From = []int{0, 1, 7, 11, 20, 27, 39, 55}

// numStage2 is len(stage2Names) + len(stage2From).
const numStage2 = 19

// stage2State is what selection has chosen so far.
type stage2State struct {
	n      int
	maxSim []float64 // per sentence, highest cosine with a chosen one
	sumSim []float64 // per sentence, sum of cosines with the chosen ones
	have   []bool    // content term ids held by a chosen sentence
	chosen int
	words  int
	used   []bool
	// byP are the sentences by descending p (see ranks), nanP whether p
	// holds a NaN; slot and rank are ranks' buffers.
	byP  []int32
	nanP bool
	slot []int32
	rank []int32
}

func newStage2State(st *analyse.Story) *stage2State {
	n := len(st.Sentences)
	return &stage2State{n: n, maxSim: make([]float64, n), sumSim: make([]float64, n),
		have: make([]bool, len(st.Vocab)), used: make([]bool, n)}
}

func (s *stage2State) add(st *analyse.Story, v *vectors, pick int) {
	s.used[pick] = true
	s.chosen++
	s.words += st.Sentences[pick].Words
	for i := 0; i < s.n; i++ {
		c := v.cosine(i, pick)
		s.maxSim[i] = max(s.maxSim[i], c)
		s.sumSim[i] += c
	}
	for _, id := range st.Sentences[pick].IDs {
		s.have[id] = true
	}
}

// candidates returns the sentences that may still be chosen.
func (s *stage2State) candidates(out []int) []int {
	out = out[:0]
	for i := 0; i < s.n; i++ {
		if !s.used[i] && s.maxSim[i] <= duplicateCosine {
			out = append(out, i)
		}
	}
	return out
}

// ranks returns, for each candidate cand[k], the number of candidates
// with a higher p (at rank[k]). p is the same at every step of a
// selection, so the sentences are sorted by p once; a step then walks
// that order, and a candidate's rank is the number of candidates met
// before the first one whose p equals its own. This counts exactly the
// candidates j with p[j] > p[i], as comparing every pair does; with a NaN
// in p, which no sort can place, it compares every pair.
func (s *stage2State) ranks(p []float64, cand []int) []int32 {
	if s.byP == nil {
		n := len(p)
		buf := make([]int32, 3*n)
		s.byP, s.slot, s.rank = buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
		s.nanP = slices.ContainsFunc(p, math.IsNaN)
		for i := range s.byP {
			s.byP[i] = int32(i)
		}
		if !s.nanP {
			slices.SortFunc(s.byP, func(a, b int32) int { return cmp.Compare(p[b], p[a]) })
		}
	}
	s.rank = s.rank[:len(cand)]
	if s.nanP {
		for k, i := range cand {
			r := 0
			for _, j := range cand {
				if p[j] > p[i] {
					r++
				}
			}
			s.rank[k] = int32(r)
		}
		return s.rank
	}
	// slot[i] is k+1 for candidate cand[k], 0 for any other sentence.
	for k, i := range cand {
		s.slot[i] = int32(k + 1)
	}
	seen, tieAt, tieP := 0, 0, math.NaN()
	for _, i := range s.byP {
		k := s.slot[i] - 1
		if k < 0 {
			continue
		}
		s.slot[i] = 0
		if p[i] != tieP {
			tieAt, tieP = seen, p[i]
		}
		s.rank[k] = int32(tieAt)
		seen++
	}
	return s.rank
}

// features writes the second-stage features of candidates cand into x.
func (s *stage2State) features(st *analyse.Story, v *vectors, p []float64, x1 []float32, red float64, cand []int, x []float32) []float32 {
	x = x[:0]
	best := math.Inf(-1)
	for _, i := range cand {
		best = max(best, p[i])
	}
	rank := s.ranks(p, cand)
	for k, i := range cand {
		var cov, covIDF, all, allIDF float64
		for _, t := range v.tf[i] {
			w := v.idf[t.id]
			all++
			allIDF += w
			if s.have[t.id] {
				cov++
				covIDF += w
			}
		}
		mean := 0.0
		if s.chosen > 0 {
			mean = s.sumSim[i] / float64(s.chosen)
		}
		x = append(x,
			float32(p[i]),
			float32(s.maxSim[i]),
			float32(mean),
			float32(cov/max(all, 1)),
			float32(covIDF/max(allIDF, 1e-9)),
			float32(st.Sentences[i].Words),
			float32(s.chosen),
			float32(s.words),
			float32(p[i]-best),
			float32(float64(rank[k])/float64(len(cand))),
			float32(p[i]-red*s.maxSim[i]),
		)
		for _, f := range stage2From {
			x = append(x, x1[i*numFeatures+f])
		}
	}
	return x
}

// selectStage2 picks sentences one at a time by the second-stage score
// until the budget is reached.
func selectStage2(st *analyse.Story, v *vectors, p []float64, x1 []float32, model *Model, words int) []int {
	s := newStage2State(st)
	z := newStage2Scorer(model, len(st.Sentences))
	var out, cand []int
	var x []float32
	var sc []float64
	for s.words < words {
		cand = s.candidates(cand)
		if len(cand) == 0 {
			break
		}
		x = s.features(st, v, p, x1, model.Redundancy, cand, x)
		sc = slices.Grow(sc[:0], len(cand))[:len(cand)]
		z.scoreAll(cand, x, sc)
		best := 0
		for k := range cand {
			if sc[k] > sc[best] {
				best = k
			}
		}
		out = append(out, cand[best])
		s.add(st, v, cand[best])
	}
	return out
}

// stage2Story is what the second stage's training keeps of a story.
type stage2Story struct {
	st   *analyse.Story // sentences' words and term ids only
	v    *vectors
	toks [][]int32
	refs []bag
}

func newStage2Story(st *analyse.Story, v *vectors, refs []string) *stage2Story {
	slim := &analyse.Story{Vocab: make([]string, len(st.Vocab)), Sentences: make([]analyse.Sentence, len(st.Sentences))}
	for i, s := range st.Sentences {
		slim.Sentences[i] = analyse.Sentence{Words: s.Words, IDs: s.IDs}
	}
	vocab := make(map[string]int32, 512)
	out := &stage2Story{st: slim, v: v}
	for _, r := range refs {
		out.refs = append(out.refs, newBag(rougeTokens(r, vocab)))
	}
	out.toks = make([][]int32, len(st.Sentences))
	for i, s := range st.Sentences {
		out.toks[i] = rougeTokens(s.Text, vocab)
	}
	return out
}

// novel returns the mean over references of the share of toks' unigrams
// and bigrams that the reference holds and the summary does not yet match.
func (o *oracleState) novel(toks []int32) float64 {
	if len(toks) == 0 {
		return 0
	}
	add := newBag(toks)
	total := 0.0
	for _, ref := range o.refs {
		total += add.share(o.newMatches(ref, add))
	}
	return total / float64(len(o.refs))
}

// stage2Rows simulates the first stage's selection on a training story
// (first-stage scores p) and returns a row for every candidate of every
// step, labelled with its novel density.
func stage2Rows(s2 *stage2Story, p []float64, x1 []float32, red float64, words int, policy *Model) (x, y []float32) {
	var sc []float64
	st := s2.st
	s := newStage2State(st)
	o := &oracleState{refs: s2.refs, overlap: make([][2]int, len(s2.refs)), cur: newBag(nil)}
	var cand []int
	var row []float32
	for s.words < words {
		cand = s.candidates(cand)
		if len(cand) == 0 {
			break
		}
		row = s.features(st, s2.v, p, x1, red, cand, row)
		x = append(x, row...)
		best, bestScore := -1, math.Inf(-1)
		if policy != nil {
			sc = append(sc[:0], make([]float64, len(cand))...)
			policy.fast2.scoreAll(policy.Stage2Base, row, numStage2, sc)
		}
		for k, i := range cand {
			y = append(y, float32(o.novel(s2.toks[i])))
			score := p[i] - red*s.maxSim[i]
			if policy != nil {
				score = sc[k]
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		s.add(st, s2.v, best)
		o.add(s2.toks[best])
	}
	return x, y
}

// compileStage2 lays out the second stage's trees for scoring, or returns
// nil when the model has none.
func compileStage2(m *Model) *compiled {
	if len(m.Stage2) == 0 {
		return nil
	}
	c := compile(&Model{Trees: m.Stage2})
	c.masks = newLeafMasks(c, numStage2)
	return c
}

// The second-stage features by how they change over a selection: those
// of a sentence that are the same at every step (its p, its length and
// the first-stage features), those that are the same for every candidate
// of a step (what is chosen so far), those of a candidate that change only
// when a chosen sentence shares terms with it (its similarity to and
// coverage by the chosen ones), and those that change at every step.
// Together they are every feature, once (see TestStage2Groups).
var (
	stage2Static = []int{0, 5, 11, 12, 13, 14, 15, 16, 17, 18}
	stage2Step   = []int{6, 7}
	stage2Slow   = []int{1, 3, 4, 10}
	stage2Row    = []int{2, 8, 9}
)

// stage2Scorer scores the candidates of each step of one selection as
// compiled.scoreAll does, bit for bit, through the model's leafMasks: the
// leaves that a sentence's static features rule out are found the first
// time it is a candidate, with its slow features whenever one of them
// differs from when they were last found, those the step's features rule
// out once a step, and only the rest for each candidate. A row with a
// feature that is not finite is walked instead.
type stage2Scorer struct {
	c    *compiled
	q    *leafMasks
	base float64
	// static holds, per sentence, the leaves its static features leave
	// open, once its state is staticFound or slowFound, and slow those
	// its static and slow features leave open, for the slow features'
	// values slowVal (their bits), once its state is slowFound. All of
	// them share one allocation.
	static, slow []uint64
	state        []uint64
	slowVal      []uint64
	step, m      []uint64
}

func newStage2Scorer(model *Model, n int) stage2Scorer {
	z := stage2Scorer{c: model.fast2, q: model.fast2.masks, base: model.Stage2Base}
	if z.q != nil {
		t, ns := z.q.words, len(stage2Slow)
		buf := make([]uint64, (2*n+2)*t+n*(ns+1))
		take := func(k int) []uint64 {
			b := buf[:k:k]
			buf = buf[k:]
			return b
		}
		z.static, z.slow, z.step, z.m = take(n*t), take(n*t), take(t), take(t)
		z.state, z.slowVal = take(n), take(n*ns)
	}
	return z
}

// The states of a sentence in stage2Scorer.
const (
	notFound    = iota // nothing found yet
	staticFound        // static found
	slowFound          // static and slow found
	notFinite          // a static feature is not finite
)

// scoreAll writes to out the score of each candidate cand[k], whose
// features (from stage2State.features) are row k of x.
func (z *stage2Scorer) scoreAll(cand []int, x []float32, out []float64) {
	q := z.q
	if q == nil || len(cand) == 0 {
		z.c.scoreAll(z.base, x, numStage2, out)
		return
	}
	// The step's features are the same in every row.
	q.full(z.step)
	for _, f := range stage2Step {
		if !finite32(x[f]) {
			z.c.scoreAll(z.base, x, numStage2, out)
			return
		}
		q.apply(z.step, f, x[f])
	}
	for k, i := range cand {
		row := x[k*numStage2 : (k+1)*numStage2]
		static := z.static[i*q.words : (i+1)*q.words]
		slow := z.slow[i*q.words : (i+1)*q.words]
		if z.state[i] == notFound {
			z.state[i] = staticFound
			q.full(static)
			for _, f := range stage2Static {
				if !finite32(row[f]) {
					z.state[i] = notFinite
					break
				}
				q.apply(static, f, row[f])
			}
		}
		ok := z.state[i] != notFinite
		if ok {
			// The slow features rule out the same leaves as when last
			// found if their values are the same, bit for bit.
			vals := z.slowVal[i*len(stage2Slow) : (i+1)*len(stage2Slow)]
			same := z.state[i] == slowFound
			for j, f := range stage2Slow {
				same = same && uint64(math.Float32bits(row[f])) == vals[j]
			}
			if !same {
				copy(slow, static)
				for j, f := range stage2Slow {
					if !finite32(row[f]) {
						ok = false
						break
					}
					q.apply(slow, f, row[f])
					vals[j] = uint64(math.Float32bits(row[f]))
				}
				z.state[i] = staticFound
				if ok {
					z.state[i] = slowFound
				}
			}
		}
		m := z.m
		for t := range m {
			m[t] = slow[t] & z.step[t]
		}
		for _, f := range stage2Row {
			if !ok || !finite32(row[f]) {
				ok = false
				break
			}
			q.apply(m, f, row[f])
		}
		if ok {
			out[k] = q.sum(z.base, m)
		} else {
			out[k] = z.c.score(z.base, row)
		}
	}
}
