package summarize

import (
	"strings"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/text"
)

// The oracle labels training sentences with a fast approximation of
// ROUGE-1.5.5 (-n 2 -m): lowercase, every character that is not a letter
// or digit is a blank, tokens are Porter-stemmed, and unigram and bigram
// matches are clipped counts. It is close enough to rank sentence sets,
// which is all the labels need.

// rougeTokens returns the ROUGE tokens of s as ids interned in vocab.
func rougeTokens(s string, vocab map[string]int32) []int32 {
	var out []int32
	f := func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), f) {
		if len(w) > 3 {
			w = text.StemROUGE(w)
		}
		id, ok := vocab[w]
		if !ok {
			id = int32(len(vocab))
			vocab[w] = id
		}
		out = append(out, id)
	}
	return out
}

// gram is a unigram (b = −1) or bigram.
type gram struct{ a, b int32 }

// bag counts the n-grams of a text.
type bag struct {
	uni, bi  map[gram]int32
	nuni, nb int
}

func newBag(toks []int32) bag {
	b := bag{uni: make(map[gram]int32, len(toks)), bi: make(map[gram]int32, len(toks))}
	b.add(toks)
	return b
}

func (b *bag) add(toks []int32) {
	for i, t := range toks {
		b.uni[gram{t, -1}]++
		if i > 0 {
			b.bi[gram{toks[i-1], t}]++
		}
	}
	b.nuni += len(toks)
	b.nb += max(len(toks)-1, 0)
}

// oracleState is a growing summary scored against the references.
type oracleState struct {
	refs    []bag
	cur     bag
	overlap [][2]int // per reference: clipped unigram, bigram matches
}

func f1(match, sys, ref int) float64 {
	if match == 0 || sys == 0 || ref == 0 {
		return 0
	}
	p := float64(match) / float64(sys)
	r := float64(match) / float64(ref)
	return 2 * p * r / (p + r)
}

// gain returns the mean R1+R2 F of the summary with toks added, without
// adding it. Bigrams are counted within each sentence.
func (o *oracleState) score(toks []int32) float64 {
	nu := o.cur.nuni + len(toks)
	nb := o.cur.nb + max(len(toks)-1, 0)
	add := newBag(toks)
	total := 0.0
	for r, ref := range o.refs {
		du, db := o.newMatches(ref, add)
		mu, mb := o.overlap[r][0]+du, o.overlap[r][1]+db
		total += f1(mu, nu, ref.nuni) + f1(mb, nb, ref.nb)
	}
	return total / float64(len(o.refs))
}

// share is the mean of the shares of b's unigrams (mu of them) and
// bigrams (mb) that match, a bigram share of 0 when b has no bigram.
func (b bag) share(mu, mb int) float64 {
	p := float64(mu) / float64(b.nuni)
	if b.nb > 0 {
		return (p + float64(mb)/float64(b.nb)) / 2
	}
	return p / 2
}

// newMatches counts the unigrams and bigrams of add that ref holds and
// the summary does not match yet (clipped counts, as ROUGE clips them).
func (o *oracleState) newMatches(ref bag, add bag) (uni, bi int) {
	for g, c := range add.uni {
		rc := ref.uni[g]
		have := o.cur.uni[g]
		uni += int(min(rc, have+c) - min(rc, have))
	}
	for g, c := range add.bi {
		rc := ref.bi[g]
		have := o.cur.bi[g]
		bi += int(min(rc, have+c) - min(rc, have))
	}
	return uni, bi
}

func (o *oracleState) add(toks []int32) {
	add := newBag(toks)
	for r, ref := range o.refs {
		du, db := o.newMatches(ref, add)
		o.overlap[r][0] += du
		o.overlap[r][1] += db
	}
	o.cur.add(toks)
}

// Oracle returns the sentences of st that a greedy search picks to
// maximise ROUGE-1 + ROUGE-2 F against the references, under the word
// budget (stopping at the first whole sentence that reaches it, or when
// no sentence raises the score), in the order picked.
func Oracle(st *analyse.Story, refs []string, words int) []int {
	if len(refs) == 0 || len(st.Sentences) == 0 {
		return nil
	}
	vocab := make(map[string]int32, 512)
	o := &oracleState{overlap: make([][2]int, len(refs))}
	for _, r := range refs {
		o.refs = append(o.refs, newBag(rougeTokens(r, vocab)))
	}
	o.cur = newBag(nil)
	toks := make([][]int32, len(st.Sentences))
	for i, s := range st.Sentences {
		toks[i] = rougeTokens(s.Text, vocab)
	}
	used := make([]bool, len(toks))
	var out []int
	best, total := 0.0, 0
	for total < words {
		pick, pickScore := -1, best
		for i, t := range toks {
			if used[i] || len(t) == 0 {
				continue
			}
			if s := o.score(t); s > pickScore+1e-12 {
				pick, pickScore = i, s
			}
		}
		if pick < 0 {
			break
		}
		used[pick] = true
		o.add(toks[pick])
		best = pickScore
		out = append(out, pick)
		total += st.Sentences[pick].Words
	}
	return out
}

// Density returns, for each sentence of st, the share of its unigrams and
// bigrams that the references hold (clipped counts, mean over references
// of (unigram precision + bigram precision) / 2). At a fixed summary
// length, ROUGE rises with the density of the sentences chosen.
func Density(st *analyse.Story, refs []string) []float32 {
	out := make([]float32, len(st.Sentences))
	if len(refs) == 0 {
		return out
	}
	vocab := make(map[string]int32, 512)
	var rb []bag
	for _, r := range refs {
		rb = append(rb, newBag(rougeTokens(r, vocab)))
	}
	for i, s := range st.Sentences {
		toks := rougeTokens(s.Text, vocab)
		if len(toks) == 0 {
			continue
		}
		b := newBag(toks)
		total := 0.0
		for _, ref := range rb {
			mu, mb := 0, 0
			for g, c := range b.uni {
				mu += int(min(c, ref.uni[g]))
			}
			for g, c := range b.bi {
				mb += int(min(c, ref.bi[g]))
			}
			total += b.share(mu, mb)
		}
		out[i] = float32(total / float64(len(rb)))
	}
	return out
}
