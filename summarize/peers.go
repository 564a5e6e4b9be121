package summarize

import (
	"math"

	"github.com/chorus-brief/chorus/analyse"
)

// IDF gives the inverse document frequency of a term. Methods with a nil
// IDF use the background statistics of the default model, which come from
// the training corpus.
type IDF func(term string) float64

// idfOf returns per-term-id idf values for st.
func idfOf(st *analyse.Story, f IDF) []float64 {
	if f == nil {
		m, err := defaultModel()
		if err != nil || len(m.DF) == 0 {
			return storyIDF(st)
		}
		f = m.IDF
	}
	idf := make([]float64, len(st.Vocab))
	for id, t := range st.Vocab {
		idf[id] = f(t)
	}
	return idf
}

// Lead takes the first sentence of every report in turn, then the second
// of every report, and so on: the lead baseline of multi-document
// summarization. Sentences come out in the order taken.
type Lead struct{}

// Select implements Method.
func (Lead) Select(st *analyse.Story, words int) []int {
	var order []int
	for pos := 0; ; pos++ {
		added := false
		for _, d := range st.Docs {
			if i := d.First + pos; i < d.End {
				order = append(order, i)
				added = true
			}
		}
		if !added {
			break
		}
	}
	return fill(st, order, words, nil)
}

// Lead1 takes the first report from its start, then the second report,
// and so on.
type Lead1 struct{}

// Select implements Method.
func (Lead1) Select(st *analyse.Story, words int) []int {
	order := make([]int, len(st.Sentences))
	for i := range order {
		order[i] = i
	}
	return fill(st, order, words, nil)
}

// redundancyThreshold is the cosine above which the MEAD reranker drops a
// sentence as subsumed by one already chosen.
const redundancyThreshold = 0.7

// notRedundant is the MEAD reranker: keep a sentence unless its cosine
// with a chosen sentence is above redundancyThreshold.
func notRedundant(v *vectors) func(i int, chosen []int) bool {
	return func(i int, chosen []int) bool {
		for _, j := range chosen {
			if v.cosine(i, j) > redundancyThreshold {
				return false
			}
		}
		return true
	}
}

// Centroid is the centroid-based summarizer of Radev, Jing, Styś and Tam
// (2004, MEAD): a sentence scores C + P + F, where C sums the centroid
// values of its terms (story term frequency per document times idf,
// keeping terms of at least a tenth of the top value), P = (n−i+1)/n·Cmax
// rewards early position i of n in its report, and F is its overlap (inner
// product of term counts) with its report's first sentence. Sentences are
// taken by score, skipping those whose cosine with a chosen one is above
// 0.7, and read in report order.
type Centroid struct {
	// IDF weighs terms; nil uses the default model's background idf.
	IDF IDF
}

// Select implements Method.
func (m Centroid) Select(st *analyse.Story, words int) []int {
	if len(st.Sentences) == 0 {
		return nil
	}
	v := newVectors(st, idfOf(st, m.IDF))
	c := v.centroid(st)
	top := 0.0
	for _, x := range c {
		top = max(top, x)
	}
	for id, x := range c {
		if x < top/10 {
			c[id] = 0
		}
	}
	n := len(st.Sentences)
	cs := make([]float64, n)
	cmax := 0.0
	for i := range st.Sentences {
		for _, t := range v.tf[i] {
			cs[i] += c[t.id]
		}
		cmax = max(cmax, cs[i])
	}
	score := make([]float64, n)
	for _, d := range st.Docs {
		nd := float64(d.End - d.First)
		for i := d.First; i < d.End; i++ {
			p := (nd - float64(i-d.First)) / nd * cmax
			f := 0.0
			for _, a := range v.tf[i] {
				for _, b := range v.tf[d.First] {
					if a.id == b.id {
						f += float64(a.n) * float64(b.n)
					}
				}
			}
			score[i] = cs[i] + p + f
		}
	}
	return readingOrder(fill(st, byScore(score), words, notRedundant(v)))
}

// LexRank is the graph-based summarizer of Erkan and Radev (2004): the
// sentences are the nodes of a graph with an edge wherever their
// idf-modified cosine is at least 0.1, and a sentence's score is its
// stationary probability under a random walk on that graph with jump
// probability 0.15, found by power iteration. Sentences are taken by
// score with the MEAD reranker (cosine above 0.7 is redundant) and read in
// report order.
type LexRank struct {
	// IDF weighs terms; nil uses the default model's background idf.
	IDF IDF
}

// LexRank's parameters, from the paper.
const (
	lexThreshold = 0.1
	lexJump      = 0.15
)

// Select implements Method.
func (m LexRank) Select(st *analyse.Story, words int) []int {
	if len(st.Sentences) == 0 {
		return nil
	}
	v := newVectors(st, idfOf(st, m.IDF))
	score := lexRank(v, lexThreshold, lexJump)
	return readingOrder(fill(st, byScore(score), words, notRedundant(v)))
}

// lexRank returns the LexRank scores of the sentences of v.
func lexRank(v *vectors, threshold, jump float64) []float64 {
	v.cosines()
	n := len(v.tf)
	// The graph is symmetric (cosines are), so the neighbours of i are
	// the sentences that link to it: adj[start[i]:start[i+1]], ascending.
	start := make([]int32, n+1)
	adj := make([]int32, 0, 4*n)
	for i := 0; i < n; i++ {
		row := v.sim[i*n : (i+1)*n]
		for j, c := range row {
			if j == i && v.norm[i] > 0 || j != i && float64(c) >= threshold {
				adj = append(adj, int32(j))
			}
		}
		start[i+1] = int32(len(adj))
	}
	// p(u) = jump/N + (1-jump) Σ_{v adj u} p(v)/deg(v); a sentence with
	// no edges spreads its probability uniformly. Each sentence gathers
	// its neighbours' shares in ascending order, the order in which they
	// would spread them.
	rows := make([][]int32, n)
	for i := range rows {
		rows[i] = adj[start[i]:start[i+1]]
	}
	buf := make([]float64, 3*n)
	p, next, share := buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	for i := range p {
		p[i] = 1 / float64(n)
	}
	base, damp := jump/float64(n), 1-jump
	for iter := 0; iter < 200; iter++ {
		dangling := 0.0
		for j, nb := range rows {
			if len(nb) == 0 {
				dangling += p[j]
				continue
			}
			share[j] = p[j] / float64(len(nb))
		}
		spread := dangling / float64(n)
		delta := 0.0
		for i, nb := range rows {
			// The shares are added one at a time in ascending order,
			// four to a loop step.
			sum := 0.0
			for ; len(nb) >= 4; nb = nb[4:] {
				sum += share[nb[0]]
				sum += share[nb[1]]
				sum += share[nb[2]]
				sum += share[nb[3]]
			}
			for _, j := range nb {
				sum += share[j]
			}
			next[i] = base + damp*(sum+spread)
			delta += math.Abs(next[i] - p[i])
		}
		p, next = next, p
		if delta < 1e-9 {
			break
		}
	}
	return p
}

// TextRank is the graph-based summarizer of Mihalcea and Tarau (2004): two
// sentences are linked with weight |shared terms| / (log|Si| + log|Sj|)
// (terms: stemmed content words; |S|: words), and a sentence scores its
// weighted PageRank with damping 0.85. The top sentences are read in
// report order.
type TextRank struct{}

// Select implements Method.
func (TextRank) Select(st *analyse.Story, words int) []int {
	if len(st.Sentences) == 0 {
		return nil
	}
	score := textRank(st, 0.85)
	return readingOrder(fill(st, byScore(score), words, nil))
}

func textRank(st *analyse.Story, d float64) []float64 {
	n := len(st.Sentences)
	tf := make([][]termCount, n)
	for i := range st.Sentences {
		tf[i] = countTerms(st.Sentences[i].IDs)
	}
	w := make([][]float64, n)
	out := make([]float64, n) // Σ_k w_jk
	for i := 0; i < n; i++ {
		w[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			den := math.Log(float64(st.Sentences[i].Words)) + math.Log(float64(st.Sentences[j].Words))
			if den <= 0 {
				continue
			}
			shared := 0
			a, b := tf[i], tf[j]
			for x, y := 0, 0; x < len(a) && y < len(b); {
				switch {
				case a[x].id < b[y].id:
					x++
				case a[x].id > b[y].id:
					y++
				default:
					shared++
					x++
					y++
				}
			}
			s := float64(shared) / den
			w[i][j], w[j][i] = s, s
			out[i] += s
			out[j] += s
		}
	}
	ws := make([]float64, n)
	next := make([]float64, n)
	for i := range ws {
		ws[i] = 1
	}
	for iter := 0; iter < 200; iter++ {
		delta := 0.0
		for i := 0; i < n; i++ {
			s := 0.0
			for j := 0; j < n; j++ {
				if w[j][i] > 0 {
					s += w[j][i] / out[j] * ws[j]
				}
			}
			next[i] = (1 - d) + d*s
			delta = max(delta, math.Abs(next[i]-ws[i]))
		}
		ws, next = next, ws
		if delta < 1e-6 {
			break
		}
	}
	return ws
}

// MMR is Maximal Marginal Relevance (Carbonell and Goldstein 1998) for a
// generic summary: the query is the story's centroid, and each step takes
// the sentence maximising λ·cos(s, centroid) − (1−λ)·max cos(s, chosen)
// with λ = 0.7. Sentences are read in report order.
type MMR struct {
	// IDF weighs terms; nil uses the default model's background idf.
	IDF IDF
	// Lambda trades relevance against novelty; 0 means 0.7.
	Lambda float64
}

// Select implements Method.
func (m MMR) Select(st *analyse.Story, words int) []int {
	n := len(st.Sentences)
	if n == 0 {
		return nil
	}
	lambda := m.Lambda
	if lambda <= 0 {
		lambda = 0.7
	}
	v := newVectors(st, idfOf(st, m.IDF))
	c := v.centroid(st)
	cn := norm(c)
	rel := make([]float64, n)
	for i := range rel {
		rel[i] = v.cosineDense(i, c, cn)
	}
	out := greedyMMR(st, v, words,
		func(i int, _ float64, out []int) bool { return repeats(st, i, out) },
		func(i int, maxSim float64) float64 { return lambda*rel[i] - (1-lambda)*maxSim })
	return readingOrder(out)
}

// greedyMMR picks sentences one at a time, each time the one with the best
// score given its highest cosine with those already picked (the marginal
// relevance of Carbonell & Goldstein 1998), until the word budget is
// reached. skip leaves a candidate out of this round. It returns the
// sentences in the order picked.
func greedyMMR(st *analyse.Story, v *vectors, words int,
	skip func(i int, maxSim float64, picked []int) bool,
	score func(i int, maxSim float64) float64) []int {
	n := len(st.Sentences)
	maxSim := make([]float64, n)
	used := make([]bool, n)
	var out []int
	total := 0
	for total < words {
		best, bestScore := -1, math.Inf(-1)
		for i := 0; i < n; i++ {
			if used[i] || skip(i, maxSim[i], out) {
				continue
			}
			if s := score(i, maxSim[i]); s > bestScore {
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
	return out
}
