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
// and then picks, one at a time, skipping near-duplicates, until the budget
// is reached. With a second stage in the model (Model.Stage2), each pick
// is the best candidate by the second stage, which rescores the score in
// the light of what is already chosen; without one, it is the sentence
// with the best score less a penalty for repeating what is already chosen
// (its highest cosine with a chosen sentence).
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
	p, _ := m.scores(st, newVectors(st, idf), keep, model)
	return p
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

func (m *Learned) scores(st *analyse.Story, v *vectors, keep []float64, model *Model) ([]float64, []float32) {
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
	return p, x
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
	p, x1 := m.scores(st, v, keep, model)
	red := model.Redundancy
	if model.fast2 != nil {
		out := selectStage2(st, v, p, x1, model, words)
		storyOrder(st, out)
		return out
	}
	out := greedyMMR(st, v, words,
		func(i int, maxSim float64, _ []int) bool { return maxSim > duplicateCosine },
		func(i int, maxSim float64) float64 { return p[i] - red*maxSim })
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
	// Stage2Trees and Stage2Depth shape the second stage's trees (see
	// Model.Stage2); Stage2Every trains it on one story in that many
	// (by a hash of the text), and Stage2Rounds is the number of rounds
	// of training, each on the steps of the previous round's selection
	// added to the earlier rows. Negative Stage2Trees trains none.
	Stage2Trees, Stage2Depth, Stage2Every, Stage2Rounds int
}

// DefaultTrainOptions are the options the shipped model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Words: 230, Seed: 1, Trees: 200, Depth: 5, Rate: 0.1, MinDF: 5, Redundancy: 0.3, Label: "mix",
		Stage2Trees: 60, Stage2Depth: 4, Stage2Every: 3, Stage2Rounds: 2}
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
	// groups are the row offsets where each story added starts.
	groups []int32
	// s2 holds, by group, what the second stage needs of the stories
	// that kept it.
	s2 map[int]*stage2Story
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
	if opt.Stage2Trees == 0 {
		opt.Stage2Trees = d.Stage2Trees
	}
	if opt.Stage2Depth <= 0 {
		opt.Stage2Depth = d.Stage2Depth
	}
	if opt.Stage2Every <= 0 {
		opt.Stage2Every = d.Stage2Every
	}
	if opt.Stage2Rounds <= 0 {
		opt.Stage2Rounds = d.Stage2Rounds
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

// Example is one story's training data: the feature rows of its
// sentences, their labels, and, for some stories, what the second stage's
// simulation of selection needs.
type Example struct {
	X, Y   []float32
	stage2 *stage2Story
}

// Examples returns the feature rows of st's sentences and their labels
// (see TrainOptions.Label) against refs. A story's keep rates leave its own
// references out, and its lexical feature comes from the lexical model of
// the other half of the stories, so that the trees learn from features as
// they are on unseen stories. It may be called concurrently after
// FreezeDF.
func (t *Trainer) Examples(st *analyse.Story, refs []string) Example {
	if t.base == nil || len(st.Sentences) == 0 {
		return Example{}
	}
	v := newVectors(st, idfOf(st, t.base.IDF))
	x := features(st, v, t.keepLOO(st, refs), t.lexFold[1-foldOf(sentenceTexts(st))])
	var s2 *stage2Story
	if t.opt.Stage2Trees > 0 && stage2Pick(sentenceTexts(st), t.opt.Stage2Every) {
		s2 = newStage2Story(st, v, refs)
	}
	y := make([]float32, len(st.Sentences))
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
	return Example{X: x, Y: y, stage2: s2}
}

// Add appends a story's example from Examples (in a fixed order, for
// reproducible training).
func (t *Trainer) Add(ex Example) {
	x, y := ex.X, ex.Y
	if len(x) == 0 || len(y) == 0 {
		return
	}
	if ex.stage2 != nil {
		if t.s2 == nil {
			t.s2 = make(map[int]*stage2Story)
		}
		t.s2[len(t.groups)] = ex.stage2
	}
	t.groups = append(t.groups, int32(len(t.y)))
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
	t.fitStage2(&m)
	m.Trained = fmt.Sprintf("%s labels, %d sentences, %d trees of depth %d, rate %g, oracle budget %d words, seed %d",
		t.opt.Label, len(t.y), len(trees), t.opt.Depth, t.opt.Rate, t.opt.Words, t.opt.Seed)
	if len(m.Stage2) > 0 {
		m.Trained += fmt.Sprintf("; second stage %d trees of depth %d, %d rounds, one story in %d",
			len(m.Stage2), t.opt.Stage2Depth, t.opt.Stage2Rounds, t.opt.Stage2Every)
	}
	return &m, nil
}

// stage2Pick chooses the training stories of the second stage by a hash
// of their text: one in every.
func stage2Pick(sents []string, every int) bool {
	var h uint64 = 14695981039346656037
	for _, s := range sents {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	return (h>>11)%uint64(every) == 0
}

// fitStage2 trains the second stage of m on the stories kept for it.
func (t *Trainer) fitStage2(m *Model) {
	if len(t.s2) == 0 || t.opt.Stage2Trees <= 0 {
		return
	}
	groups := append(slices.Clone(t.groups), int32(len(t.y)))
	ps := make(map[int][]float64, len(t.s2))
	for g := 0; g+1 < len(groups); g++ {
		if _, ok := t.s2[g]; !ok {
			continue
		}
		lo, hi := int(groups[g]), int(groups[g+1])
		p := make([]float64, hi-lo)
		for i := range p {
			f := t.x[(lo+i)*numFeatures : (lo+i+1)*numFeatures]
			p[i] = 1 / (1 + math.Exp(-m.Score(f)))
			if f[20] == 0 {
				p[i] *= unterminated
			}
		}
		ps[g] = p
	}
	var x, y []float32
	var policy *Model
	for round := 0; round < t.opt.Stage2Rounds; round++ {
		for g := 0; g+1 < len(groups); g++ {
			s2, ok := t.s2[g]
			if !ok {
				continue
			}
			lo, hi := int(groups[g]), int(groups[g+1])
			rx, ry := stage2Rows(s2, ps[g], t.x[lo*numFeatures:hi*numFeatures], m.Redundancy, t.opt.Words, policy)
			x = append(x, rx...)
			y = append(y, ry...)
		}
		if len(y) == 0 {
			return
		}
		m.Stage2Base, m.Stage2 = boost(x, y, numStage2, boostOptions{
			Trees: t.opt.Stage2Trees, Depth: t.opt.Stage2Depth, Rate: 0.1, L2: 1, MinLeaf: 20, Subsample: 0.5, Bins: 64, Seed: t.opt.Seed,
		})
		m.fast2 = compileStage2(m)
		policy = m
	}
}
