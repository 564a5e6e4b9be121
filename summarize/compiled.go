package summarize

import (
	"math"

	"github.com/chorus-brief/chorus/analyse"
)

// compiled is a Model laid out for fast scoring: every tree padded to the
// same depth, so that a sentence walks each one in a fixed number of
// steps, and one map from a term to its idf and keep rate.
type compiled struct {
	depth int
	feat  []int16   // per tree, 2^depth − 1 internal nodes
	thr   []float32 // their thresholds
	val   []float32 // per tree, 2^depth leaves
	// blocks are the trees padded to depth blockDepth, one block each,
	// for scoreAll (nil when a tree is deeper or a feature does not fit
	// a byte); maxFeat is the highest feature a node tests.
	blocks  []treeBlock
	maxFeat int
	terms   map[string]termStat
	// masks are the trees laid out by feature (second stage only; nil
	// when they cannot be, see newLeafMasks).
	masks *leafMasks
}

// blockDepth is the depth of a treeBlock.
const blockDepth = 5

// treeBlock is one tree padded to depth blockDepth, in 1-based heap order:
// internal node p (1 ≤ p < 32) has children 2p and 2p+1, and node p ≥ 32 is
// leaf val[p−32]. Fixed sizes let a walk index the arrays with no bounds
// checks, and 1-based order makes a step one shift and add.
type treeBlock struct {
	thr  [1 << blockDepth]float32 // thr[0] unused
	feat [1 << blockDepth]uint8
	val  [1 << blockDepth]float32
}

// termStat is what the model knows about a term.
type termStat struct {
	idf  float64
	keep float64
}

// compile builds the fast form of m. Trees are padded: a leaf above the
// full depth becomes nodes that always go left, and every leaf below it
// holds its value.
func compile(m *Model) *compiled {
	depth := 0
	for _, t := range m.Trees {
		d := 0
		for 1<<(d+1)-1 < len(t.Feature) {
			d++
		}
		depth = max(depth, d)
	}
	inner, leaves := 1<<depth-1, 1<<depth
	c := &compiled{depth: depth,
		feat: make([]int16, len(m.Trees)*inner),
		thr:  make([]float32, len(m.Trees)*inner),
		val:  make([]float32, len(m.Trees)*leaves),
	}
	for ti := range m.Trees {
		pad(&m.Trees[ti], c.feat[ti*inner:(ti+1)*inner], c.thr[ti*inner:(ti+1)*inner], c.val[ti*leaves:(ti+1)*leaves])
	}
	for _, f := range c.feat {
		c.maxFeat = max(c.maxFeat, int(f))
	}
	if depth <= blockDepth && c.maxFeat < 256 {
		// Padding deeper only adds nodes whose two subtrees hold the
		// same value, so a walk ends with the same value.
		const inner, leaves = 1<<blockDepth - 1, 1 << blockDepth
		var feat [inner]int16
		var thr [inner]float32
		c.blocks = make([]treeBlock, len(m.Trees))
		for ti := range m.Trees {
			b := &c.blocks[ti]
			pad(&m.Trees[ti], feat[:], thr[:], b.val[:])
			for k := range inner {
				b.thr[k+1], b.feat[k+1] = thr[k], uint8(feat[k])
			}
		}
	}
	c.terms = make(map[string]termStat, len(m.DF)+len(m.Keep))
	for t := range m.DF {
		c.terms[t] = termStat{idf: m.IDF(t), keep: m.KeepPrior}
	}
	for t, k := range m.Keep {
		s, ok := c.terms[t]
		if !ok {
			s.idf = m.IDF(t)
		}
		s.keep = float64(k)
		c.terms[t] = s
	}
	return c
}

// pad lays t out as a complete tree with len(feat) internal nodes (in heap
// order, node k has children 2k+1 and 2k+2) and len(val) leaves: a leaf
// above the full depth becomes nodes that always go left (threshold +Inf,
// though a walk may go either way at +Inf or NaN), and every leaf below
// it holds its value.
func pad(t *Tree, feat []int16, thr []float32, val []float32) {
	inner := len(feat)
	var fill func(k, pk int, leaf bool, v float32)
	// k is the node in the padded tree, pk in t (−1 below a leaf).
	fill = func(k, pk int, leaf bool, v float32) {
		if !leaf && (pk >= len(t.Feature) || t.Feature[pk] < 0) {
			leaf = true
			if pk < len(t.Value) {
				v = t.Value[pk]
			}
		}
		if k >= inner {
			val[k-inner] = v
			return
		}
		if leaf {
			feat[k], thr[k] = 0, float32(math.Inf(1))
			fill(2*k+1, -1, true, v)
			fill(2*k+2, -1, true, v)
			return
		}
		feat[k], thr[k] = t.Feature[pk], t.Threshold[pk]
		fill(2*k+1, 2*pk+1, false, 0)
		fill(2*k+2, 2*pk+2, false, 0)
	}
	fill(0, 0, false, 0)
}

// score is Model.Score over the padded trees.
func (c *compiled) score(base float64, x []float32) float64 {
	inner, leaves := 1<<c.depth-1, 1<<c.depth
	s := base
	for t := 0; t < len(c.val)/leaves; t++ {
		feat, thr := c.feat[t*inner:(t+1)*inner], c.thr[t*inner:(t+1)*inner]
		k := 0
		for d := 0; d < c.depth; d++ {
			// Right when x > threshold: the sign bit of threshold − x,
			// which needs no branch on the data.
			k = 2*k + 1 + int(math.Float32bits(thr[k]-x[feat[k]])>>31)
		}
		s += float64(c.val[t*leaves+k-inner])
	}
	return s
}

// scoreAll is score for every row of x (nf features a row) into out,
// four rows at a time so that their walks down a tree overlap. Each row
// adds the trees' values in the same order as score.
func (c *compiled) scoreAll(base float64, x []float32, nf int, out []float64) {
	if c.blocks != nil && c.maxFeat < nf && nf <= 256 {
		c.scoreBlocks(base, x, nf, out)
		return
	}
	inner, leaves := 1<<c.depth-1, 1<<c.depth
	trees := len(c.val) / leaves
	n := len(out)
	i := 0
	for ; i+4 <= n; i += 4 {
		x0, x1 := x[i*nf:(i+1)*nf], x[(i+1)*nf:(i+2)*nf]
		x2, x3 := x[(i+2)*nf:(i+3)*nf], x[(i+3)*nf:(i+4)*nf]
		s0, s1, s2, s3 := base, base, base, base
		for t := 0; t < trees; t++ {
			feat, thr := c.feat[t*inner:(t+1)*inner], c.thr[t*inner:(t+1)*inner]
			val := c.val[t*leaves : (t+1)*leaves]
			k0, k1, k2, k3 := 0, 0, 0, 0
			for d := 0; d < c.depth; d++ {
				k0 = 2*k0 + 1 + int(math.Float32bits(thr[k0]-x0[feat[k0]])>>31)
				k1 = 2*k1 + 1 + int(math.Float32bits(thr[k1]-x1[feat[k1]])>>31)
				k2 = 2*k2 + 1 + int(math.Float32bits(thr[k2]-x2[feat[k2]])>>31)
				k3 = 2*k3 + 1 + int(math.Float32bits(thr[k3]-x3[feat[k3]])>>31)
			}
			s0 += float64(val[k0-inner])
			s1 += float64(val[k1-inner])
			s2 += float64(val[k2-inner])
			s3 += float64(val[k3-inner])
		}
		out[i], out[i+1], out[i+2], out[i+3] = s0, s1, s2, s3
	}
	for ; i < n; i++ {
		out[i] = c.score(base, x[i*nf:(i+1)*nf])
	}
}

// scoreBlocks is scoreAll over c.blocks, four rows at a time. Each row is
// copied into a 256-value array, which a byte feature index reads with no
// bounds check; a step is the same sign test as in score, and each row
// adds the trees' values in the same order.
func (c *compiled) scoreBlocks(base float64, x []float32, nf int, out []float64) {
	var rows [4][256]float32
	blocks := c.blocks
	n := len(out)
	for i := 0; i < n; i += 4 {
		// A last group of fewer than four rows also walks what the
		// unused arrays hold (zeros, or rows of the group before) and
		// drops those scores.
		for r := range min(4, n-i) {
			copy(rows[r][:], x[(i+r)*nf:(i+r+1)*nf])
		}
		x0, x1, x2, x3 := &rows[0], &rows[1], &rows[2], &rows[3]
		s0, s1, s2, s3 := base, base, base, base
		for t := range blocks {
			b := &blocks[t]
			p0, p1, p2, p3 := uint(1), uint(1), uint(1), uint(1)
			p0 = 2*p0 + uint(math.Float32bits(b.thr[p0]-x0[b.feat[p0]])>>31)
			p1 = 2*p1 + uint(math.Float32bits(b.thr[p1]-x1[b.feat[p1]])>>31)
			p2 = 2*p2 + uint(math.Float32bits(b.thr[p2]-x2[b.feat[p2]])>>31)
			p3 = 2*p3 + uint(math.Float32bits(b.thr[p3]-x3[b.feat[p3]])>>31)
			p0 = 2*p0 + uint(math.Float32bits(b.thr[p0]-x0[b.feat[p0]])>>31)
			p1 = 2*p1 + uint(math.Float32bits(b.thr[p1]-x1[b.feat[p1]])>>31)
			p2 = 2*p2 + uint(math.Float32bits(b.thr[p2]-x2[b.feat[p2]])>>31)
			p3 = 2*p3 + uint(math.Float32bits(b.thr[p3]-x3[b.feat[p3]])>>31)
			p0 = 2*p0 + uint(math.Float32bits(b.thr[p0]-x0[b.feat[p0]])>>31)
			p1 = 2*p1 + uint(math.Float32bits(b.thr[p1]-x1[b.feat[p1]])>>31)
			p2 = 2*p2 + uint(math.Float32bits(b.thr[p2]-x2[b.feat[p2]])>>31)
			p3 = 2*p3 + uint(math.Float32bits(b.thr[p3]-x3[b.feat[p3]])>>31)
			p0 = 2*p0 + uint(math.Float32bits(b.thr[p0]-x0[b.feat[p0]])>>31)
			p1 = 2*p1 + uint(math.Float32bits(b.thr[p1]-x1[b.feat[p1]])>>31)
			p2 = 2*p2 + uint(math.Float32bits(b.thr[p2]-x2[b.feat[p2]])>>31)
			p3 = 2*p3 + uint(math.Float32bits(b.thr[p3]-x3[b.feat[p3]])>>31)
			p0 = 2*p0 + uint(math.Float32bits(b.thr[p0]-x0[b.feat[p0]])>>31)
			p1 = 2*p1 + uint(math.Float32bits(b.thr[p1]-x1[b.feat[p1]])>>31)
			p2 = 2*p2 + uint(math.Float32bits(b.thr[p2]-x2[b.feat[p2]])>>31)
			p3 = 2*p3 + uint(math.Float32bits(b.thr[p3]-x3[b.feat[p3]])>>31)
			s0 += float64(b.val[p0-32])
			s1 += float64(b.val[p1-32])
			s2 += float64(b.val[p2-32])
			s3 += float64(b.val[p3-32])
		}
		out[i] = s0
		if i+1 < n {
			out[i+1] = s1
		}
		if i+2 < n {
			out[i+2] = s2
		}
		if i+3 < n {
			out[i+3] = s3
		}
	}
}

// termStats returns the idf and keep rate of every term of st.
func (m *Model) termStats(st *analyse.Story) (idf, keep []float64) {
	if m.fast == nil {
		return idfOf(st, m.IDF), m.keepOf(st)
	}
	idf = make([]float64, len(st.Vocab))
	keep = make([]float64, len(st.Vocab))
	unseen := m.IDF("")
	for id, t := range st.Vocab {
		if s, ok := m.fast.terms[t]; ok {
			idf[id], keep[id] = s.idf, s.keep
		} else {
			idf[id], keep[id] = unseen, m.KeepPrior
		}
	}
	if m.Keep == nil {
		clear(keep)
	}
	return idf, keep
}
