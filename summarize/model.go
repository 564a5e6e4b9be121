package summarize

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sync"
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
	// it must equal FeatureNames.
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
	// Redundancy is the weight of the redundancy penalty at selection.
	Redundancy float64 `json:"redundancy"`
	// Trained says how the model was made (input, seed, sizes).
	Trained string `json:"trained,omitempty"`
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
		if len(m.Features) != len(FeatureNames) {
			return nil, fmt.Errorf("model has %d features, want %d", len(m.Features), len(FeatureNames))
		}
		for i, f := range m.Features {
			if f != FeatureNames[i] {
				return nil, fmt.Errorf("model feature %d is %q, want %q", i, f, FeatureNames[i])
			}
		}
	}
	for i, t := range m.Trees {
		if len(t.Threshold) != len(t.Feature) || len(t.Value) != len(t.Feature) {
			return nil, fmt.Errorf("model tree %d: arrays of different lengths", i)
		}
		for _, f := range t.Feature {
			if int(f) >= len(FeatureNames) || f < -1 {
				return nil, fmt.Errorf("model tree %d: feature %d out of range", i, f)
			}
		}
	}
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
