package summarize

import (
	"math"
)

// The lexical model is a logistic regression over the hashed words and
// word pairs of a sentence (stop words included, any case), trained on the
// same labels as the trees. It learns the wording of what summaries keep
// and of what they leave out ("sign up for our newsletter", "click here",
// "photo:"), which no count of shared terms can see. Its logit is one of
// the features of the trees.

// lexBits is the number of hash bits of the lexical model's weights.
const lexBits = 16

// lexRate and lexL2 are the step size and weight decay of its training.
const (
	lexRate = 0.2
	lexL2   = 1e-6
)

// lexIndex returns the weight indices of the words and adjacent word
// pairs of a sentence, given its word hashes (see wordHashesOf), one per
// distinct item.
func lexIndex(h []uint64) []uint32 {
	out := make([]uint32, 0, 2*len(h))
	// seen is a small open-addressing set of the indices in out (stored
	// +1, 0 is empty); out keeps the order of first sight.
	size := 16
	for size < 4*len(h) {
		size *= 2
	}
	var small [256]uint32
	var seen []uint32
	if size <= len(small) {
		seen = small[:size]
	} else {
		seen = make([]uint32, size)
	}
	for k := range h {
		out = lexAdd(out, seen, h[k])
		if k > 0 {
			out = lexAdd(out, seen, pairHash(h[k-1], h[k]))
		}
	}
	return out
}

// lexAdd appends the weight index of item x to out unless seen has it.
func lexAdd(out, seen []uint32, x uint64) []uint32 {
	const mask = uint64(1)<<lexBits - 1
	x ^= x >> 29
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 32
	k := uint32(x & mask)
	for j := int(k) & (len(seen) - 1); ; j = (j + 1) & (len(seen) - 1) {
		switch seen[j] {
		case 0:
			seen[j] = k + 1
			return append(out, k)
		case k + 1:
			return out
		}
	}
}

// lexModel is a hashed logistic regression.
type lexModel struct {
	w    []float32
	bias float64
}

func newLexModel() *lexModel { return &lexModel{w: make([]float32, 1<<lexBits)} }

// logit returns the model's log-odds for a sentence's hashes.
func (m *lexModel) logit(hs []uint32) float64 {
	if len(hs) == 0 || len(m.w) != 1<<lexBits {
		return m.bias
	}
	x := 1 / math.Sqrt(float64(len(hs)))
	s := 0.0
	for _, h := range hs {
		s += float64(m.w[h])
	}
	return m.bias + s*x
}

// update takes one gradient step towards label y in [0, 1].
func (m *lexModel) update(hs []uint32, y float64) {
	if len(hs) == 0 {
		return
	}
	p := 1 / (1 + math.Exp(-m.logit(hs)))
	g := p - y
	x := 1 / math.Sqrt(float64(len(hs)))
	m.bias -= lexRate * 0.1 * g
	for _, h := range hs {
		w := float64(m.w[h])
		m.w[h] = float32(w - lexRate*(g*x+lexL2*w))
	}
}

// foldOf assigns a story to one of two halves of the training set, by a
// hash of its text, so that a story's lexical feature comes from a model
// trained on the other half.
func foldOf(sents []string) int {
	var h uint64 = 14695981039346656037
	for _, s := range sents {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	return int(h>>7) & 1
}
