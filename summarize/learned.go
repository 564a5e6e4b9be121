package summarize

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/chorus-brief/chorus/analyse"
)

// Learned is the default method: it scores every sentence with the model
// and then picks, one at a time, the sentence with the best score less a
// penalty for repeating what is already chosen (its highest cosine with a
// chosen sentence), skipping near-duplicates, until the budget is reached.
// The brief reads in story order: earlier parts of reports first (by
// relative position), then by report.
type Learned struct {
	// Model scores sentences; nil uses the default model.
	Model *Model
}

// duplicateCosine is the cosine above which a sentence only repeats a
// chosen one and is never taken.
const duplicateCosine = 0.8

// unterminated scales the score of a sentence that does not end like one.
const unterminated = 0.8

// Scores returns the model's probability, for each sentence of st, that
// it belongs in the summary.
func (m *Learned) Scores(st *analyse.Story) []float64 {
	model := m.model()
	v := newVectors(st, idfOf(st, model.IDF))
	return m.scores(st, v, model)
}

func (m *Learned) model() *Model {
	if m.Model != nil {
		return m.Model
	}
	if d, err := defaultModel(); err == nil {
		return d
	}
	return &Model{}
}

func (m *Learned) scores(st *analyse.Story, v *vectors, model *Model) []float64 {
	n := len(st.Sentences)
	x := features(st, v)
	p := make([]float64, n)
	for i := range p {
		f := x[i*numFeatures : (i+1)*numFeatures]
		if len(model.Trees) == 0 {
			// No trained trees: an unsupervised stand-in that favours
			// central, supported, early sentences.
			p[i] = float64(f[7]) + 0.3*float64(f[11]) + 0.3*(1-float64(f[1]))
			continue
		}
		p[i] = 1 / (1 + math.Exp(-model.Score(f)))
		if f[20] == 0 {
			// Not a complete sentence (a headline, a caption, text cut
			// off): a brief is made of whole sentences.
			p[i] *= unterminated
		}
	}
	return p
}

// Select implements Method.
func (m *Learned) Select(st *analyse.Story, words int) []int {
	n := len(st.Sentences)
	if n == 0 || words <= 0 {
		return nil
	}
	model := m.model()
	v := newVectors(st, idfOf(st, model.IDF))
	p := m.scores(st, v, model)
	red := model.Redundancy
	maxSim := make([]float64, n)
	used := make([]bool, n)
	var out []int
	total := 0
	for total < words {
		best, bestScore := -1, math.Inf(-1)
		for i := 0; i < n; i++ {
			if used[i] || maxSim[i] > duplicateCosine {
				continue
			}
			if s := p[i] - red*maxSim[i]; s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		out = append(out, best)
		total += st.Sentences[best].Words
		for i := 0; i < n; i++ {
			if !used[i] {
				maxSim[i] = max(maxSim[i], v.cosine(i, best))
			}
		}
	}
	storyOrder(st, out)
	return out
}

// storyOrder sorts chosen sentences by relative position in their report
// (in tenths, so that leads come first), then by report, then position.
func storyOrder(st *analyse.Story, idx []int) {
	key := func(i int) int {
		s := &st.Sentences[i]
		d := st.Docs[s.Doc]
		return 10 * (i - d.First) / max(d.End-d.First, 1)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := key(idx[a]), key(idx[b])
		if ka != kb {
			return ka < kb
		}
		return idx[a] < idx[b]
	})
}

// TrainOptions control Trainer.
type TrainOptions struct {
	// Words is the budget of the oracle summaries that give the labels.
	Words int
	// Seed makes training reproducible.
	Seed uint64
	// Trees, Depth and Rate shape the boosted trees.
	Trees, Depth int
	Rate         float64
	// MinDF is the smallest document frequency kept in the model's
	// background statistics.
	MinDF int
	// Redundancy is the selection penalty stored in the model.
	Redundancy float64
	// MinLeaf is the least hessian weight of a tree leaf (0: 20).
	MinLeaf float64
	// Label chooses the training target: "oracle" (1 for the sentences
	// of the greedy ROUGE oracle), "density" (the share of the
	// sentence's n-grams found in the references) or "mix" (their mean).
	Label string
}

// DefaultTrainOptions are the options the shipped model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Words: 230, Seed: 1, Trees: 120, Depth: 4, Rate: 0.1, MinDF: 5, Redundancy: 0.3, Label: "mix"}
}

// Trainer learns a Model from analysed stories and their reference
// summaries in two passes: CountDF over every story for the background
// statistics, then Examples and Add for the labelled sentences, then Fit.
type Trainer struct {
	opt  TrainOptions
	df   map[string]int32
	docs int
	base *Model // background statistics, after FreezeDF
	x, y []float32
}

// NewTrainer returns a Trainer; zero fields of opt take their defaults.
func NewTrainer(opt TrainOptions) *Trainer {
	d := DefaultTrainOptions()
	if opt.Words <= 0 {
		opt.Words = d.Words
	}
	if opt.Trees <= 0 {
		opt.Trees = d.Trees
	}
	if opt.Depth <= 0 {
		opt.Depth = d.Depth
	}
	if opt.Rate <= 0 {
		opt.Rate = d.Rate
	}
	if opt.MinDF <= 0 {
		opt.MinDF = d.MinDF
	}
	if opt.MinLeaf <= 0 {
		opt.MinLeaf = 20
	}
	if opt.Label == "" {
		opt.Label = d.Label
	}
	if opt.Redundancy <= 0 {
		opt.Redundancy = d.Redundancy
	}
	return &Trainer{opt: opt, df: make(map[string]int32)}
}

// CountDF adds the documents of st to the background document
// frequencies (first pass).
func (t *Trainer) CountDF(st *analyse.Story) {
	for id, n := range st.DocFreq {
		t.df[st.Vocab[id]] += n
	}
	t.docs += len(st.Docs)
}

// FreezeDF ends the first pass: it prunes rare terms and fixes the
// background statistics that Examples uses.
func (t *Trainer) FreezeDF() {
	df := make(map[string]int32, len(t.df)/4)
	for k, n := range t.df {
		if int(n) >= t.opt.MinDF {
			df[k] = n
		}
	}
	t.base = &Model{Version: ModelVersion, Docs: t.docs, MinDF: t.opt.MinDF, DF: df}
	t.df = nil
}

// Examples returns the feature rows of st's sentences and their labels: 1
// for the sentences of the greedy ROUGE oracle against refs, else 0. It
// may be called concurrently after FreezeDF.
func (t *Trainer) Examples(st *analyse.Story, refs []string) (x, y []float32) {
	if t.base == nil || len(st.Sentences) == 0 {
		return nil, nil
	}
	v := newVectors(st, idfOf(st, t.base.IDF))
	x = features(st, v)
	y = make([]float32, len(st.Sentences))
	if t.opt.Label != "density" {
		for _, i := range Oracle(st, refs, t.opt.Words) {
			y[i] = 1
		}
	}
	if t.opt.Label != "oracle" {
		for i, d := range Density(st, refs) {
			if t.opt.Label == "density" {
				y[i] = d
			} else {
				y[i] = (y[i] + d) / 2
			}
		}
	}
	return x, y
}

// Add appends labelled rows from Examples (in a fixed order, for
// reproducible training).
func (t *Trainer) Add(x, y []float32) {
	t.x = append(t.x, x...)
	t.y = append(t.y, y...)
}

// Fit trains the trees on the rows added and returns the model.
func (t *Trainer) Fit() (*Model, error) {
	if t.base == nil {
		return nil, fmt.Errorf("train: FreezeDF was not called")
	}
	if len(t.y) == 0 {
		return nil, fmt.Errorf("train: no labelled sentences")
	}
	base, trees := boost(t.x, t.y, numFeatures, boostOptions{
		Trees: t.opt.Trees, Depth: t.opt.Depth, Rate: t.opt.Rate, L2: 1, MinLeaf: t.opt.MinLeaf,
		Subsample: 0.5, Bins: 64, Seed: t.opt.Seed,
	})
	m := *t.base
	m.Features = slices.Clone(FeatureNames)
	m.Base = base
	m.Trees = trees
	m.Redundancy = t.opt.Redundancy
	m.Trained = fmt.Sprintf("%s labels, %d sentences, %d trees of depth %d, rate %g, oracle budget %d words, seed %d",
		t.opt.Label, len(t.y), len(trees), t.opt.Depth, t.opt.Rate, t.opt.Words, t.opt.Seed)
	return &m, nil
}
