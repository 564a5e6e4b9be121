package summarize

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/text"
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
const unterminated = 0.9

// Scores returns the model's probability, for each sentence of st, that
// it belongs in the summary.
func (m *Learned) Scores(st *analyse.Story) []float64 {
	model := m.model()
	idf, keep := model.termStats(st)
	return m.scores(st, newVectors(st, idf), keep, model)
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

func (m *Learned) scores(st *analyse.Story, v *vectors, keep []float64, model *Model) []float64 {
	n := len(st.Sentences)
	x := features(st, v, keep, model.lex())
	p := make([]float64, n)
	if model.fast != nil && len(model.Trees) > 0 {
		model.fast.scoreAll(model.Base, x, numFeatures, p)
	}
	for i := range p {
		f := x[i*numFeatures : (i+1)*numFeatures]
		if len(model.Trees) == 0 {
			// No trained trees: an unsupervised stand-in that favours
			// central, supported, early sentences.
			p[i] = float64(f[7]) + 0.3*float64(f[11]) + 0.3*(1-float64(f[1]))
			continue
		}
		score := p[i]
		if model.fast == nil {
			score = model.Score(f)
		}
		p[i] = 1 / (1 + math.Exp(-score))
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
	idf, keep := model.termStats(st)
	v := newVectors(st, idf)
	p := m.scores(st, v, keep, model)
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
	return TrainOptions{Words: 230, Seed: 1, Trees: 200, Depth: 5, Rate: 0.1, MinDF: 5, Redundancy: 0.3, Label: "mix"}
}

// Trainer learns a Model from analysed stories and their reference
// summaries in two passes: Prepare and Count over every story (background
// document frequencies, word keep rates, the lexical model), FreezeDF,
// then Examples and Add for the labelled sentences, then Fit.
type Trainer struct {
	opt  TrainOptions
	df   map[string]int32
	docs int
	// keepIn and keepRef count, per term, the stories whose reports hold
	// it and those whose references also hold it.
	keepIn, keepRef map[string]int32
	// lexFold are the lexical models learned on each half of the stories.
	lexFold [2]*lexModel
	base    *Model // background statistics, after FreezeDF
	x, y    []float32
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
	return &Trainer{opt: opt, df: make(map[string]int32), keepIn: make(map[string]int32), keepRef: make(map[string]int32),
		lexFold: [2]*lexModel{newLexModel(), newLexModel()}}
}

// Prepared is what the first pass of training learns from one story,
// computed by Prepare (safe to call concurrently) and applied in input
// order by Count.
type Prepared struct {
	st       *analyse.Story
	refTerms map[string]bool
	lex      [][]uint32
	label    []float32
	fold     int
}

// Prepare analyses the references of st for the first pass.
func (t *Trainer) Prepare(st *analyse.Story, refs []string) *Prepared {
	p := &Prepared{st: st, refTerms: ReferenceTerms(refs)}
	if len(refs) == 0 {
		return p
	}
	texts := sentenceTexts(st)
	p.fold = foldOf(texts)
	p.label = Density(st, refs)
	var buf []uint64
	p.lex = make([][]uint32, len(texts))
	for i, s := range texts {
		buf = wordHashesOf(s, buf[:0])
		p.lex[i] = lexIndex(buf)
	}
	return p
}

// Count applies a Prepared story to the first-pass statistics: document
// frequencies, keep rates and the lexical models.
func (t *Trainer) Count(p *Prepared) {
	t.CountDF(p.st)
	t.CountKeep(p.st, p.refTerms)
	for i, hs := range p.lex {
		t.lexFold[p.fold].update(hs, float64(p.label[i]))
	}
}

func sentenceTexts(st *analyse.Story) []string {
	out := make([]string, len(st.Sentences))
	for i := range st.Sentences {
		out[i] = st.Sentences[i].Text
	}
	return out
}

// ReferenceTerms returns the set of stemmed content terms of reference
// summaries, as analyse writes a sentence's terms.
func ReferenceTerms(refs []string) map[string]bool {
	an := text.English()
	out := make(map[string]bool, 128)
	for _, r := range refs {
		for _, t := range an.Terms(r) {
			out[t] = true
		}
	}
	return out
}

// CountKeep adds st to the word-importance counts (first pass): for each
// term of its reports, whether the references (as ReferenceTerms) kept it.
func (t *Trainer) CountKeep(st *analyse.Story, refTerms map[string]bool) {
	if len(refTerms) == 0 {
		return
	}
	for _, term := range st.Vocab {
		t.keepIn[term]++
		if refTerms[term] {
			t.keepRef[term]++
		}
	}
}

// keepSmooth is the weight, in stories, of the prior in a term's keep
// rate; keepMinStories is the fewest stories a term needs to get a rate
// of its own.
const (
	keepSmooth     = 5
	keepMinStories = 20
)

// keepRate is the smoothed share of stories holding a term whose
// references kept it.
func keepRate(ref, in int32, prior float64) float64 {
	if in < keepMinStories {
		return prior
	}
	return (float64(ref) + keepSmooth*prior) / (float64(in) + keepSmooth)
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
	a, b := t.lexFold[0], t.lexFold[1]
	lex := make([]float32, len(a.w))
	nonzero := false
	for i := range lex {
		lex[i] = float32(math.Round(float64(a.w[i]+b.w[i])/2*1000) / 1000)
		nonzero = nonzero || lex[i] != 0
	}
	if nonzero {
		t.base.Lex = lex
		t.base.LexBias = math.Round((a.bias+b.bias)/2*1e6) / 1e6
	}
	var in, ref float64
	for k, n := range t.keepIn {
		in += float64(n)
		ref += float64(t.keepRef[k])
	}
	if in > 0 {
		prior := math.Round(ref/in*1000) / 1000
		t.base.KeepPrior = prior
		t.base.Keep = make(map[string]float32)
		for k, n := range t.keepIn {
			if n >= keepMinStories {
				t.base.Keep[k] = float32(math.Round(keepRate(t.keepRef[k], n, prior)*1000) / 1000)
			}
		}
	}
}

// keepLOO returns the keep rate of every term of st as the model would
// give it had st's own references not been counted (leave one out), so
// that training sees the feature as it is at use.
func (t *Trainer) keepLOO(st *analyse.Story, refs []string) []float64 {
	out := make([]float64, len(st.Vocab))
	if t.base.Keep == nil {
		return out
	}
	rt := ReferenceTerms(refs)
	for id, term := range st.Vocab {
		in, ref := t.keepIn[term], t.keepRef[term]
		if len(rt) > 0 && in > 0 {
			in--
			if rt[term] {
				ref--
			}
		}
		out[id] = keepRate(ref, in, t.base.KeepPrior)
	}
	return out
}

// Examples returns the feature rows of st's sentences and their labels
// (see TrainOptions.Label) against refs. A story's keep rates leave its own
// references out, and its lexical feature comes from the lexical model of
// the other half of the stories, so that the trees learn from features as
// they are on unseen stories. It may be called concurrently after FreezeDF.
func (t *Trainer) Examples(st *analyse.Story, refs []string) (x, y []float32) {
	if t.base == nil || len(st.Sentences) == 0 {
		return nil, nil
	}
	v := newVectors(st, idfOf(st, t.base.IDF))
	x = features(st, v, t.keepLOO(st, refs), t.lexFold[1-foldOf(sentenceTexts(st))])
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
	m.fast = compile(&m)
	m.Redundancy = t.opt.Redundancy
	m.Trained = fmt.Sprintf("%s labels, %d sentences, %d trees of depth %d, rate %g, oracle budget %d words, seed %d",
		t.opt.Label, len(t.y), len(trees), t.opt.Depth, t.opt.Rate, t.opt.Words, t.opt.Seed)
	return &m, nil
}
