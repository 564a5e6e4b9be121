// Package summarize scores the sentences of a Story and selects a
// redundancy-aware summary under a word budget.
//
// The default method, "chorus", scores sentences with a learned model
// (boosted trees over position, length, centrality, agreement with the
// other reports, learned word importance, a lexical model of the wording
// summaries keep, figures, names and quotes) and picks them one at a
// time with a second stage of trees that weighs each candidate against
// the sentences already chosen. The classic methods it is measured against are here too, each
// written from its paper: lead, lead1, centroid, lexrank, textrank and mmr.
//
// Every method stops at the first whole sentence that reaches the word
// budget, so that all of them produce summaries of about the same length.
package summarize

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/chorus-brief/chorus/analyse"
)

// Default is the name of the default method.
const Default = "chorus"

// Method selects the sentences of a summary.
type Method interface {
	// Select returns indices into st.Sentences, in the order the summary
	// should read. It stops at the first whole sentence that reaches the
	// word budget.
	Select(st *analyse.Story, words int) []int
}

// New returns the method with the given name ("" is Default).
func New(name string) (Method, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", Default:
		m, err := defaultModel()
		if err != nil {
			return nil, fmt.Errorf("load the default model: %w", err)
		}
		return &Learned{Model: m}, nil
	case "lead":
		return Lead{}, nil
	case "lead1":
		return Lead1{}, nil
	case "centroid":
		return Centroid{}, nil
	case "lexrank":
		return LexRank{}, nil
	case "textrank":
		return TextRank{}, nil
	case "mmr":
		return MMR{}, nil
	}
	return nil, fmt.Errorf("unknown summarization method %q (known: %s)", name, strings.Join(Names(), ", "))
}

// Names lists the methods New accepts, the default first.
func Names() []string {
	return []string{Default, "lead", "lead1", "centroid", "lexrank", "textrank", "mmr"}
}

// fill walks the sentences in the order given and keeps those that keep
// returns true for, until the kept sentences reach words words. keep may
// be nil.
//
// No method repeats a sentence that has the same content terms as one
// already chosen (the same report posted twice).
func fill(st *analyse.Story, order []int, words int, keep func(i int, chosen []int) bool) []int {
	var out []int
	total := 0
	for _, i := range order {
		if total >= words {
			break
		}
		if repeats(st, i, out) || keep != nil && !keep(i, out) {
			continue
		}
		out = append(out, i)
		total += st.Sentences[i].Words
	}
	return out
}

// repeats reports whether sentence i has the same content terms, in the
// same order, as a chosen sentence.
func repeats(st *analyse.Story, i int, chosen []int) bool {
	for _, j := range chosen {
		if slices.Equal(st.Sentences[i].IDs, st.Sentences[j].IDs) {
			return true
		}
	}
	return false
}

// readingOrder sorts sentence indices by document, then by position.
func readingOrder(idx []int) []int {
	slices.Sort(idx)
	return idx
}

// termCount is one term of a sentence vector: its id, its count in the
// sentence, and its tf·idf weight divided by the sentence vector's norm.
type termCount struct {
	id int32
	n  float32
	w  float32
}

// vectors holds the idf-weighted term vectors of a story's sentences and,
// once asked for, their pairwise cosines.
type vectors struct {
	idf  []float64     // per term id
	tf   [][]termCount // per sentence, ascending id
	norm []float64     // per sentence: |tf·idf|
	sim  []float32     // n×n cosines, filled by cosines
}

// newVectors builds the sentence vectors of st, weighting terms with idf
// (nil idf: idf from the story's own sentences).
func newVectors(st *analyse.Story, idf []float64) *vectors {
	if idf == nil {
		idf = storyIDF(st)
	}
	v := &vectors{idf: idf, tf: make([][]termCount, len(st.Sentences)), norm: make([]float64, len(st.Sentences))}
	for i := range st.Sentences {
		v.tf[i] = countTerms(st.Sentences[i].IDs)
		var s float64
		for _, t := range v.tf[i] {
			x := float64(t.n) * idf[t.id]
			s += x * x
		}
		v.norm[i] = math.Sqrt(s)
		if v.norm[i] > 0 {
			for k, t := range v.tf[i] {
				v.tf[i][k].w = float32(float64(t.n) * idf[t.id] / v.norm[i])
			}
		}
	}
	return v
}

// countTerms turns term ids into ascending (id, count) pairs.
func countTerms(ids []int32) []termCount {
	if len(ids) == 0 {
		return nil
	}
	s := slices.Clone(ids)
	slices.Sort(s)
	out := make([]termCount, 0, len(s))
	for _, id := range s {
		if n := len(out); n > 0 && out[n-1].id == id {
			out[n-1].n++
			continue
		}
		out = append(out, termCount{id: id, n: 1})
	}
	return out
}

// storyIDF is idf computed over the story's sentences, for when no
// background statistics are available: log(N/sf) + 1.
func storyIDF(st *analyse.Story) []float64 {
	n := float64(len(st.Sentences))
	idf := make([]float64, len(st.Vocab))
	for id, sf := range st.SentFreq {
		idf[id] = math.Log(n/float64(max(sf, 1))) + 1
	}
	return idf
}

// dotNorm is the inner product of two normalised sentence vectors.
func dotNorm(a, b []termCount) float32 {
	var s float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// cosines computes every pairwise cosine once.
func (v *vectors) cosines() {
	if v.sim != nil {
		return
	}
	n := len(v.tf)
	v.sim = make([]float32, n*n)
	// Postings: for each term, the sentences holding it (ascending) and
	// its weight there. Sentence i meets sentence j > i through the terms
	// they share, in ascending term order, as dotNorm adds them up.
	type hold struct {
		j int32
		w float32
	}
	count := make([]int32, len(v.idf)+1)
	total := 0
	for i := range v.tf {
		for _, t := range v.tf[i] {
			count[t.id+1]++
		}
		total += len(v.tf[i])
	}
	for id := 1; id < len(count); id++ {
		count[id] += count[id-1]
	}
	post := make([]hold, total)
	fill := slices.Clone(count)
	for i := range v.tf {
		for _, t := range v.tf[i] {
			post[fill[t.id]] = hold{int32(i), t.w}
			fill[t.id]++
		}
	}
	// count[id] now walks each term's postings: the entry of sentence i
	// when i comes to it.
	acc := make([]float32, n)
	for i := 0; i < n; i++ {
		if v.norm[i] > 0 {
			v.sim[i*n+i] = 1
		}
		for _, t := range v.tf[i] {
			at := count[t.id] + 1
			count[t.id] = at
			for _, h := range post[at:fill[t.id]] {
				acc[h.j] += t.w * h.w
			}
		}
		for j := i + 1; j < n; j++ {
			c := acc[j]
			acc[j] = 0
			v.sim[i*n+j], v.sim[j*n+i] = c, c
		}
	}
}

// cosine is the idf-modified cosine of sentences i and j.
func (v *vectors) cosine(i, j int) float64 {
	if v.sim != nil {
		return float64(v.sim[i*len(v.tf)+j])
	}
	return float64(dotNorm(v.tf[i], v.tf[j]))
}

// centroid returns the story's centroid as a dense tf·idf vector over term
// ids: the term counts of the whole story divided by the number of
// documents, times idf.
func (v *vectors) centroid(st *analyse.Story) []float64 {
	c := make([]float64, len(v.idf))
	for i := range st.Sentences {
		for _, t := range v.tf[i] {
			c[t.id] += float64(t.n)
		}
	}
	nd := float64(max(len(st.Docs), 1))
	for id := range c {
		c[id] = c[id] / nd * v.idf[id]
	}
	return c
}

// cosineDense is the cosine between sentence i (tf·idf) and a dense
// vector c with norm cn.
func (v *vectors) cosineDense(i int, c []float64, cn float64) float64 {
	if v.norm[i] == 0 || cn == 0 {
		return 0
	}
	var s float64
	for _, t := range v.tf[i] {
		s += float64(t.w) * c[t.id]
	}
	return s / cn
}

func norm(c []float64) float64 {
	var s float64
	for _, x := range c {
		s += x * x
	}
	return math.Sqrt(s)
}

// byScore returns sentence indices sorted by descending score, ties by
// reading order.
func byScore(score []float64) []int {
	idx := make([]int, len(score))
	for i := range idx {
		idx[i] = i
	}
	cmpScore := func(a, b int) int {
		switch {
		case score[a] > score[b]:
			return -1
		case score[a] < score[b]:
			return 1
		}
		return 0
	}
	if slices.ContainsFunc(score, math.IsNaN) {
		// NaN is tied with everything: only the stable sort's own order
		// says where it goes.
		slices.SortStableFunc(idx, cmpScore)
		return idx
	}
	// Ties go by index, as a stable sort of the reading order leaves
	// them, so the cheaper unstable sort gives the same order.
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case score[a] > score[b]:
			return -1
		case score[a] < score[b]:
			return 1
		}
		return cmp.Compare(a, b)
	})
	return idx
}
