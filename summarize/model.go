package summarize

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/chorus-brief/chorus/analyse"
)

// ModelVersion is the version of the model file format.
const ModelVersion = 1

// Model is the learned sentence scorer of the default method: boosted
// regression trees over sentence features (see FeatureNames), the
// background document frequencies it uses for idf, and the selection
// parameters tuned with it. It is read-only once loaded.
type Model struct {
	// Version is ModelVersion.
	Version int `json:"version"`
	// Features names the features the trees were trained on, in order;
	// it must be FeatureNames or a prefix of it.
	Features []string `json:"features"`
	// Base is the score every tree adds to (log-odds).
	Base float64 `json:"base"`
	// Trees are the boosted trees.
	Trees []Tree `json:"trees"`
	// Docs is the number of training documents behind DF.
	Docs int `json:"docs"`
	// MinDF is the smallest document frequency kept in DF; rarer terms
	// are treated as seen once.
	MinDF int `json:"min_df"`
	// DF maps a stemmed term to the number of training documents that
	// contain it.
	DF map[string]int32 `json:"df"`
	// Keep maps a stemmed term to the share of training stories holding
	// it whose reference summaries kept it (smoothed); terms seen in too
	// few stories take KeepPrior. It measures how much a word matters
	// to a summary, whatever the story.
	Keep map[string]float32 `json:"keep,omitempty"`
	// KeepPrior is the keep rate of a term not in Keep.
	KeepPrior float64 `json:"keep_prior,omitempty"`
	// Lex and LexBias are the weights of the lexical model over hashed
	// words and word pairs (2^16 of them, or none).
	Lex     []float32 `json:"lex,omitempty"`
	LexBias float64   `json:"lex_bias,omitempty"`
	// Redundancy is the weight of the redundancy penalty at selection.
	Redundancy float64 `json:"redundancy"`
	// Stage2Base and Stage2 are the second stage's boosted trees over
	// stage2Names, which rescore the candidates at each step of selection
	// (none: selection is greedy on the first-stage score).
	Stage2Base float64 `json:"stage2_base,omitempty"`
	Stage2     []Tree  `json:"stage2,omitempty"`
	// Trained says how the model was made (input, seed, sizes).
	Trained string `json:"trained,omitempty"`

	// fast is the model laid out for scoring, made by LoadModel and
	// Trainer.Fit; a Model built by hand is scored from its fields.
	fast  *compiled
	fast2 *compiled
}

// Tree is one regression tree stored as a complete binary tree in heap
// order: node k has children 2k+1 (feature ≤ threshold) and 2k+2. A node
// with Feature −1 is a leaf with value Value.
type Tree struct {
	Feature   []int16   `json:"f"`
	Threshold []float32 `json:"t"`
	Value     []float32 `json:"v"`
}

// eval returns the tree's value for feature vector x.
func (t *Tree) eval(x []float32) float32 {
	k := 0
	for k < len(t.Feature) && t.Feature[k] >= 0 {
		if x[t.Feature[k]] <= t.Threshold[k] {
			k = 2*k + 1
		} else {
			k = 2*k + 2
		}
	}
	if k >= len(t.Value) {
		return 0
	}
	return t.Value[k]
}

// Score returns the model's log-odds that a sentence with features x
// belongs in a good summary.
func (m *Model) Score(x []float32) float64 {
	if m.fast != nil {
		return m.fast.score(m.Base, x)
	}
	s := m.Base
	for i := range m.Trees {
		s += float64(m.Trees[i].eval(x))
	}
	return s
}

// IDF returns the smoothed inverse document frequency of a stemmed term
// in the training corpus: ln((N+1)/(df+1)) + 1.
func (m *Model) IDF(term string) float64 {
	df, ok := m.DF[term]
	if !ok {
		df = 1
	}
	return math.Log(float64(m.Docs+1)/float64(df+1)) + 1
}

// keepOf returns the keep rate of every term of st (see Model.Keep).
func (m *Model) keepOf(st *analyse.Story) []float64 {
	out := make([]float64, len(st.Vocab))
	if m.Keep == nil {
		return out
	}
	for id, t := range st.Vocab {
		if k, ok := m.Keep[t]; ok {
			out[id] = float64(k)
		} else {
			out[id] = m.KeepPrior
		}
	}
	return out
}

// lex returns the model's lexical model, or nil.
func (m *Model) lex() *lexModel {
	if len(m.Lex) != 1<<lexBits {
		return nil
	}
	return &lexModel{w: m.Lex, bias: m.LexBias}
}

// maxDepth is the deepest tree a model may hold.
const maxDepth = 16

// LoadModel reads a model written by Model.Write and checks it against
// this version of Chorus.
func LoadModel(r io.Reader) (*Model, error) {
	var m Model
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("decode model: %w", err)
	}
	if m.Version != ModelVersion {
		return nil, fmt.Errorf("model version %d, want %d", m.Version, ModelVersion)
	}
	if len(m.Trees) > 0 {
		// A model may use the first features only (one trained before
		// later features were added).
		if len(m.Features) == 0 || len(m.Features) > len(FeatureNames) {
			return nil, fmt.Errorf("model has %d features, want 1 to %d", len(m.Features), len(FeatureNames))
		}
		for i, f := range m.Features {
			if f != FeatureNames[i] {
				return nil, fmt.Errorf("model feature %d is %q, want %q", i, f, FeatureNames[i])
			}
		}
	}
	if len(m.Lex) != 0 && len(m.Lex) != 1<<lexBits {
		return nil, fmt.Errorf("model has %d lexical weights, want %d", len(m.Lex), 1<<lexBits)
	}
	for i, t := range m.Trees {
		if len(t.Threshold) != len(t.Feature) || len(t.Value) != len(t.Feature) {
			return nil, fmt.Errorf("model tree %d: arrays of different lengths", i)
		}
		if len(t.Feature) > 1<<(maxDepth+1)-1 {
			return nil, fmt.Errorf("model tree %d: deeper than %d", i, maxDepth)
		}
		for _, f := range t.Feature {
			if int(f) >= len(m.Features) || f < -1 {
				return nil, fmt.Errorf("model tree %d: feature %d out of range", i, f)
			}
		}
	}
	for i, t := range m.Stage2 {
		if len(t.Threshold) != len(t.Feature) || len(t.Value) != len(t.Feature) || len(t.Feature) > 1<<(maxDepth+1)-1 {
			return nil, fmt.Errorf("model second-stage tree %d: malformed", i)
		}
		for _, f := range t.Feature {
			if int(f) >= numStage2 || f < -1 {
				return nil, fmt.Errorf("model second-stage tree %d: feature %d out of range", i, f)
			}
		}
	}
	m.fast = compile(&m)
	m.fast2 = compileStage2(&m)
	return &m, nil
}

// Write writes the model as JSON.
func (m *Model) Write(w io.Writer) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

//go:embed model.json
var modelJSON []byte

// defaultModel is the embedded model, decoded once on first use.
var defaultModel = sync.OnceValues(func() (*Model, error) {
	return LoadModel(bytes.NewReader(modelJSON))
})

// DefaultModel returns the model embedded in Chorus.
func DefaultModel() (*Model, error) { return defaultModel() }
