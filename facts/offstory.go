package facts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// lowOverlap is the share of the typical report's overlap below which a
// report is off-story whatever its date.
const lowOverlap = 0.3

// datedOverlap is the share below which a report dated away from the
// story is off-story: a report dated more than Options.MaxDateGap days
// from the story is off-story unless it is more central than typical.
const datedOverlap = 1.0

// termWeight is one term of a report's vector.
type termWeight struct {
	id int32
	w  float64
}

// docVectors returns each report's content-term vector (log term
// frequency), numbers left out, as (term id, weight) pairs by ascending id.
func docVectors(c *corpus) [][]termWeight {
	vs := make([][]termWeight, len(c.st.Docs))
	tf := make([]int32, len(c.vocab))
	var used []int32
	for d, doc := range c.st.Docs {
		used = used[:0]
		for i := doc.First; i < doc.End && i < len(c.tids); i++ {
			for _, id := range c.tids[i] {
				if len(c.vocab[id]) < 2 || c.isNumberTerm(id) {
					continue
				}
				if tf[id] == 0 {
					used = append(used, id)
				}
				tf[id]++
			}
		}
		slices.Sort(used)
		v := make([]termWeight, len(used))
		for k, id := range used {
			v[k] = termWeight{id, 1 + math.Log(float64(tf[id]))}
			tf[id] = 0
		}
		vs[d] = v
	}
	// Weight by the inverse of how many reports use a term, so that the
	// story's general vocabulary counts less than its specific facts.
	df := tf // all zero again
	for _, v := range vs {
		for _, x := range v {
			df[x.id]++
		}
	}
	n := float64(len(vs))
	for _, v := range vs {
		for k, x := range v {
			v[k].w = x.w * math.Log((n+1)/float64(df[x.id]))
		}
	}
	return vs
}

// overlaps returns each report's cosine with the sum of the others.
func overlaps(vs [][]termWeight, nterms int) []float64 {
	total := make([]float64, nterms)
	for _, v := range vs {
		for _, x := range v {
			total[x.id] += x.w
		}
	}
	var tt float64
	for _, x := range total {
		tt += x * x
	}
	out := make([]float64, len(vs))
	for d, v := range vs {
		// rest = total - v: dot(v, rest) and |rest|² without building it.
		var vt, vv float64
		for _, x := range v {
			vt += x.w * total[x.id]
			vv += x.w * x.w
		}
		dot := vt - vv
		rr := tt - 2*vt + vv
		if vv <= 0 || rr <= 1e-12 {
			continue
		}
		out[d] = dot / math.Sqrt(vv*rr)
	}
	return out
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// detectOffStory flags the reports about a different event: those that
// share little with the rest, and those dated away from the story's date
// (set by a more central report) that share less than is typical.
func detectOffStory(c *corpus, opt Options) []OffStory {
	n := len(c.st.Docs)
	if n < 3 {
		return nil
	}
	ov := overlaps(docVectors(c), len(c.vocab))
	var out []OffStory
	for d := range c.st.Docs {
		if len(c.docText[d]) == 0 {
			continue
		}
		var others []float64
		for e := range c.st.Docs {
			if e != d && len(c.docText[e]) > 0 {
				others = append(others, ov[e])
			}
		}
		typical := median(others)
		if typical <= 0 {
			continue
		}
		// The story's date: that of the most central dated report.
		var storyDate time.Time
		best := -1.0
		for e := range c.st.Docs {
			if e != d && !c.dates[e].IsZero() && ov[e] > best {
				best, storyDate = ov[e], c.dates[e]
			}
		}
		share := ov[d] / typical
		switch {
		case share < lowOverlap:
			out = append(out, OffStory{Doc: d, Overlap: round3(ov[d]),
				Reason: fmt.Sprintf("shares little with the other reports (overlap %.2f, typical %.2f)", ov[d], typical)})
		case !c.dates[d].IsZero() && !storyDate.IsZero() && best > ov[d] && share < datedOverlap:
			gap := int(math.Round(math.Abs(c.dates[d].Sub(storyDate).Hours()) / 24))
			if gap <= opt.MaxDateGap {
				continue
			}
			dir := "before"
			if c.dates[d].After(storyDate) {
				dir = "after"
			}
			out = append(out, OffStory{Doc: d, Overlap: round3(ov[d]),
				Reason: fmt.Sprintf("dated %s, %d days %s the story (%s), and shares less with the other reports (overlap %.2f, typical %.2f)",
					c.dates[d].Format("2006-01-02"), gap, dir, storyDate.Format("2006-01-02"), ov[d], typical)})
		}
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
