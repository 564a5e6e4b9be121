package summarize

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// leafMasks is the compiled trees of a model laid out by feature, for
// scoring a row by the leaves its features rule out rather than by walking
// each tree (the QuickScorer scheme of Lucchese et al., 2015). A row goes
// right at a node when its feature is above the threshold, and that rules
// out every leaf of the node's left subtree. The leaf a walk reaches is the
// leftmost leaf no node of the row rules out: a node that would rule it
// out lies on its path and sends the walk left, and every leaf to its left
// hangs from a node of the path that sends the walk right. The set of
// leaves left open is a bit mask per tree, several trees to a word, and
// since clearing bits does
// not depend on order, the nodes can be taken feature by feature, and the
// features in groups: those that stay the same for a sentence across the
// steps of a selection once, and the others at each step.
type leafMasks struct {
	trees, leaves int
	// lanes is the number of trees to a word of masks: tree t has the
	// bits [(t%lanes)·leaves, (t%lanes+1)·leaves) of word t/lanes.
	lanes, words int
	// above[l] keeps the bits of a word above lane l.
	above []uint64
	// start[f]:start[f+1] are the nodes on feature f, by ascending
	// threshold.
	start []int32
	nodes []maskNode
	val   []float64 // per tree, its leaves (exactly the float32 values)
}

// maskNode is one internal node of a tree: a row whose feature's
// floatKey is above key rules out the leaves that mask clears in word.
type maskNode struct {
	mask uint64
	key  int32
	word int32
}

// floatKey maps a float32 to an int32 whose order is the float's, with −0
// below +0 (the IEEE total order, NaNs aside).
func floatKey(f float32) int32 {
	b := int32(math.Float32bits(f))
	return b ^ int32(uint32(b>>31)>>1)
}

// finite32 reports whether f is neither infinite nor NaN.
func finite32(f float32) bool {
	return math.Float32bits(f)&0x7f800000 != 0x7f800000
}

// newLeafMasks lays out c by feature for rows of nf features, or returns
// nil when it cannot: trees with more than 64 leaves, or a NaN threshold.
//
// The walk of compiled goes right when thr − x has its sign bit set. For a
// finite x and a threshold that is not NaN, that is exactly floatKey(thr) <
// floatKey(x): thr − x is negative when thr < x, is +0 when they are
// equal, and is −0 only for thr = −0 and x = +0. Rows with a feature that
// is not finite must be walked (see leafMasks.apply).
func newLeafMasks(c *compiled, nf int) *leafMasks {
	inner, leaves := 1<<c.depth-1, 1<<c.depth
	if leaves > 64 || len(c.val) == 0 {
		return nil
	}
	q := &leafMasks{trees: len(c.val) / leaves, leaves: leaves, lanes: 64 / leaves, start: make([]int32, nf+1)}
	q.words = (q.trees + q.lanes - 1) / q.lanes
	q.above = make([]uint64, q.lanes)
	for l := range q.above {
		q.above[l] = ^uint64(0) << ((l + 1) * leaves) // 0 for the last lane
	}
	q.val = make([]float64, len(c.val))
	for i, v := range c.val {
		q.val[i] = float64(v)
	}
	feat := make([]int32, 0, len(c.feat))
	for k, f := range c.feat {
		t, at := k/inner, k%inner
		thr := c.thr[k]
		if math.IsNaN(float64(thr)) || f < 0 || int(f) >= nf {
			return nil
		}
		if math.IsInf(float64(thr), 1) {
			continue // never right for a finite x
		}
		// Node at of depth d is the p-th of its level; its subtree holds
		// leaves [p·w, (p+1)·w) with w = leaves >> d, the first half
		// under its left child.
		d := bits.Len(uint(at+1)) - 1
		p, w := at+1-1<<d, leaves>>d
		left := (uint64(1)<<(w/2) - 1) << (p*w + t%q.lanes*leaves)
		q.nodes = append(q.nodes, maskNode{key: floatKey(thr), word: int32(t / q.lanes), mask: ^left})
		feat = append(feat, int32(f))
	}
	// Sort the nodes by feature, then threshold.
	idx := make([]int, len(q.nodes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(feat[a], feat[b]), cmp.Compare(q.nodes[a].key, q.nodes[b].key))
	})
	nodes := make([]maskNode, len(idx))
	for r, i := range idx {
		nodes[r] = q.nodes[i]
		q.start[feat[i]+1]++
	}
	q.nodes = nodes
	for f := 1; f <= nf; f++ {
		q.start[f] += q.start[f-1]
	}
	return q
}

// full sets m (q.words long) to every leaf of every tree open.
func (q *leafMasks) full(m []uint64) {
	for w := range m {
		m[w] = ^uint64(0)
	}
}

// apply rules out in m the leaves that feature f with value v rules out.
// v must be finite.
func (q *leafMasks) apply(m []uint64, f int, v float32) {
	kv := floatKey(v)
	nodes := q.nodes[q.start[f]:q.start[f+1]]
	for j := range nodes {
		n := &nodes[j]
		if n.key >= kv {
			break
		}
		m[n.word] &= n.mask
	}
}

// sum returns base plus the value of the leaf each tree reaches, given
// the leaves m leaves open, added in tree order as compiled.score does.
func (q *leafMasks) sum(base float64, m []uint64) float64 {
	// Tree t's leaf k is value t·leaves + k = word·64 + its bit. Each
	// tree has a leaf open, so once the lanes below are cleared, the
	// lowest bit set of the word is that leaf.
	s := base
	lanes := q.lanes
	for wi, w := range m {
		val := q.val[wi*64:]
		if rest := q.trees - wi*lanes; rest < lanes {
			lanes = rest
		}
		for lane := range lanes {
			s += val[bits.TrailingZeros64(w)]
			w &= q.above[lane]
		}
	}
	return s
}
