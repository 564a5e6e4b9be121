package summarize

import (
	"math"
	"math/rand/v2"
	"slices"
)

// boostOptions control the gradient boosting of the scorer.
type boostOptions struct {
	Trees     int     // number of trees
	Depth     int     // depth of each tree
	Rate      float64 // shrinkage
	L2        float64 // L2 regularisation of leaf values
	MinLeaf   float64 // least hessian weight in a leaf
	Subsample float64 // share of rows each tree sees
	Bins      int     // histogram bins per feature (≤ 256)
	Seed      uint64
}

// boost fits boosted regression trees with logistic loss to rows x (flat,
// nf features a row) and labels y in [0, 1]. It is deterministic for a
// given input and seed.
func boost(x []float32, y []float32, nf int, opt boostOptions) (float64, []Tree) {
	n := len(y)
	if n == 0 {
		return 0, nil
	}
	edges := binEdges(x, nf, opt.Bins)
	bx := make([]uint8, len(x))
	for i := 0; i < n; i++ {
		for f := 0; f < nf; f++ {
			bx[i*nf+f] = uint8(binOf(edges[f], x[i*nf+f]))
		}
	}
	mean := 0.0
	for _, v := range y {
		mean += float64(v)
	}
	mean = min(max(mean/float64(n), 1e-4), 1-1e-4)
	base := math.Log(mean / (1 - mean))
	pred := make([]float64, n)
	for i := range pred {
		pred[i] = base
	}
	g := make([]float64, n)
	h := make([]float64, n)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	rows := make([]int32, 0, n)
	size := 1<<(opt.Depth+1) - 1
	tb := &treeBuilder{nf: nf, bins: opt.Bins, bx: bx, g: g, h: h, opt: opt}
	trees := make([]Tree, 0, opt.Trees)
	for t := 0; t < opt.Trees; t++ {
		for i := range pred {
			p := 1 / (1 + math.Exp(-pred[i]))
			g[i] = p - float64(y[i])
			h[i] = max(p*(1-p), 1e-9)
		}
		rows = rows[:0]
		for i := 0; i < n; i++ {
			if opt.Subsample >= 1 || rng.Float64() < opt.Subsample {
				rows = append(rows, int32(i))
			}
		}
		tr := Tree{Feature: make([]int16, size), Threshold: make([]float32, size), Value: make([]float32, size)}
		split := make([]int, size) // bin of each internal node
		for k := range tr.Feature {
			tr.Feature[k] = -1
		}
		tb.grow(&tr, split, 0, 0, rows)
		for k, f := range tr.Feature {
			if f >= 0 {
				tr.Threshold[k] = edges[f][split[k]]
			}
		}
		for i := 0; i < n; i++ {
			k := 0
			for tr.Feature[k] >= 0 {
				if int(bx[i*nf+int(tr.Feature[k])]) <= split[k] {
					k = 2*k + 1
				} else {
					k = 2*k + 2
				}
			}
			pred[i] += float64(tr.Value[k])
		}
		trees = append(trees, tr)
	}
	return base, trees
}

type treeBuilder struct {
	nf, bins int
	bx       []uint8
	g, h     []float64
	opt      boostOptions
}

// grow makes node k (at depth d) of tr from rows, splitting it when that
// lowers the loss.
func (b *treeBuilder) grow(tr *Tree, split []int, k, d int, rows []int32) {
	var G, H float64
	for _, r := range rows {
		G += b.g[r]
		H += b.h[r]
	}
	leaf := func() {
		tr.Feature[k] = -1
		tr.Value[k] = float32(-G / (H + b.opt.L2) * b.opt.Rate)
	}
	if d >= b.opt.Depth || H < 2*b.opt.MinLeaf {
		leaf()
		return
	}
	gh := make([]float64, 2*b.bins*b.nf)
	for _, r := range rows {
		row := b.bx[int(r)*b.nf : int(r+1)*b.nf]
		gr, hr := b.g[r], b.h[r]
		for f, bin := range row {
			o := 2 * (f*b.bins + int(bin))
			gh[o] += gr
			gh[o+1] += hr
		}
	}
	parent := G * G / (H + b.opt.L2)
	bestGain, bestF, bestBin := 1e-9, -1, 0
	for f := 0; f < b.nf; f++ {
		var gl, hl float64
		for bin := 0; bin < b.bins-1; bin++ {
			o := 2 * (f*b.bins + bin)
			gl += gh[o]
			hl += gh[o+1]
			hr := H - hl
			if hl < b.opt.MinLeaf || hr < b.opt.MinLeaf {
				continue
			}
			gr := G - gl
			gain := gl*gl/(hl+b.opt.L2) + gr*gr/(hr+b.opt.L2) - parent
			if gain > bestGain {
				bestGain, bestF, bestBin = gain, f, bin
			}
		}
	}
	if bestF < 0 {
		leaf()
		return
	}
	tr.Feature[k] = int16(bestF)
	split[k] = bestBin
	// Partition rows: left (bin ≤ bestBin) first, order kept.
	left := make([]int32, 0, len(rows))
	right := make([]int32, 0, len(rows))
	for _, r := range rows {
		if int(b.bx[int(r)*b.nf+bestF]) <= bestBin {
			left = append(left, r)
		} else {
			right = append(right, r)
		}
	}
	b.grow(tr, split, 2*k+1, d+1, left)
	b.grow(tr, split, 2*k+2, d+1, right)
}

// binEdges returns, per feature, ascending upper edges of up to bins−1
// quantile bins; the last bin holds everything above the last edge.
func binEdges(x []float32, nf, bins int) [][]float32 {
	n := len(x) / nf
	step := max(1, n/200000)
	edges := make([][]float32, nf)
	col := make([]float32, 0, n/step+1)
	for f := 0; f < nf; f++ {
		col = col[:0]
		for i := 0; i < n; i += step {
			col = append(col, x[i*nf+f])
		}
		slices.Sort(col)
		var e []float32
		for q := 1; q < bins; q++ {
			v := col[min(len(col)-1, q*len(col)/bins)]
			if len(e) == 0 || v > e[len(e)-1] {
				e = append(e, v)
			}
		}
		// The top edge must leave something above it to be useful.
		if len(e) > 0 && e[len(e)-1] >= col[len(col)-1] {
			e = e[:len(e)-1]
		}
		if len(e) == 0 {
			e = []float32{col[0]}
		}
		edges[f] = e
	}
	return edges
}

// binOf returns the bin of v: the first edge not below v, or len(e).
func binOf(e []float32, v float32) int {
	i, _ := slices.BinarySearch(e, v)
	return i
}
