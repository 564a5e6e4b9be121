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
	// nodes are feat and thr side by side, which a walk reads together.
	nodes []cnode
	terms map[string]termStat
	// masks are the trees laid out by feature (second stage only; nil
	// when they cannot be, see newLeafMasks).
	masks *leafMasks
}

// cnode is one internal node of a padded tree.
type cnode struct {
	thr  float32
	feat int32
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
		t := &m.Trees[ti]
		feat, thr := c.feat[ti*inner:(ti+1)*inner], c.thr[ti*inner:(ti+1)*inner]
		val := c.val[ti*leaves : (ti+1)*leaves]
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
	c.nodes = make([]cnode, len(c.feat))
	for k := range c.nodes {
		c.nodes[k] = cnode{thr: c.thr[k], feat: int32(c.feat[k])}
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
	inner, leaves := 1<<c.depth-1, 1<<c.depth
	trees := len(c.val) / leaves
	n := len(out)
	i := 0
	for ; i+4 <= n; i += 4 {
		x0, x1 := x[i*nf:(i+1)*nf], x[(i+1)*nf:(i+2)*nf]
		x2, x3 := x[(i+2)*nf:(i+3)*nf], x[(i+3)*nf:(i+4)*nf]
		s0, s1, s2, s3 := base, base, base, base
		for t := 0; t < trees; t++ {
			nodes := c.nodes[t*inner : (t+1)*inner]
			val := c.val[t*leaves : (t+1)*leaves]
			k0, k1, k2, k3 := 0, 0, 0, 0
			for d := 0; d < c.depth; d++ {
				n0, n1, n2, n3 := nodes[k0], nodes[k1], nodes[k2], nodes[k3]
				k0 = 2*k0 + 1 + int(math.Float32bits(n0.thr-x0[n0.feat])>>31)
				k1 = 2*k1 + 1 + int(math.Float32bits(n1.thr-x1[n1.feat])>>31)
				k2 = 2*k2 + 1 + int(math.Float32bits(n2.thr-x2[n2.feat])>>31)
				k3 = 2*k3 + 1 + int(math.Float32bits(n3.thr-x3[n3.feat])>>31)
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
