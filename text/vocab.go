package text

import (
	"strings"
)

// Vocab is the English analyzer with a memory: it remembers, for every
// token it has seen as written, whether it is a stop word and what its
// term is, and numbers the terms it gives out (0, 1, 2, ... in order of
// first appearance). A token seen before costs one map lookup and no
// allocation, so analysing every sentence of a large batch is several
// times faster than English().Terms, with the same terms.
//
// A Vocab grows with the vocabulary it sees (a few megabytes for the
// Multi-News validation set); keep one per worker or per batch. It is not
// safe for concurrent use.
type Vocab struct {
	tokens map[string]int32 // token as written -> term id, or -1 for a stop word
	ids    map[string]int32 // term -> id
	terms  []string         // id -> term
}

// NewVocab returns an empty Vocab.
func NewVocab() *Vocab {
	return &Vocab{
		tokens: make(map[string]int32, 1024),
		ids:    make(map[string]int32, 1024),
	}
}

// Len returns the number of distinct terms given out so far.
func (v *Vocab) Len() int { return len(v.terms) }

// Term returns the term with the given id, or "" when there is none.
func (v *Vocab) Term(id int32) string {
	if id < 0 || int(id) >= len(v.terms) {
		return ""
	}
	return v.terms[id]
}

// ID returns the id of a term (a stem, as Terms gives it), if the Vocab has
// given it out.
func (v *Vocab) ID(term string) (int32, bool) {
	id, ok := v.ids[term]
	return id, ok
}

// TokenID returns the term id of one token as written ("Officials",
// "officials"), giving the term an id if it is new. It reports false for
// stop words.
func (v *Vocab) TokenID(tok string) (int32, bool) {
	id := v.tokenID(tok)
	return id, id >= 0
}

func (v *Vocab) tokenID(tok string) int32 {
	if id, ok := v.tokens[tok]; ok {
		return id
	}
	t := Lower(tok)
	id := int32(-1)
	if !IsStopword(t) {
		t = Stem(t)
		var ok bool
		if id, ok = v.ids[t]; !ok {
			t = strings.Clone(t)
			id = int32(len(v.terms))
			v.ids[t] = id
			v.terms = append(v.terms, t)
		}
	}
	v.tokens[strings.Clone(tok)] = id
	return id
}

// AppendTerms appends the terms of s to dst: the same terms, in the same
// order, as English().Terms(s).
func (v *Vocab) AppendTerms(dst []string, s string) []string {
	v.each(s, func(id int32) { dst = append(dst, v.terms[id]) })
	return dst
}

// AppendIDs appends the ids of the terms of s to dst.
func (v *Vocab) AppendIDs(dst []int32, s string) []int32 {
	v.each(s, func(id int32) { dst = append(dst, id) })
	return dst
}

// each calls fn with the id of every content term of s, in order.
func (v *Vocab) each(s string, fn func(int32)) {
	for i := 0; ; {
		start, end, _ := nextToken(s, i)
		if start < 0 {
			return
		}
		if id := v.tokenID(s[start:end]); id >= 0 {
			fn(id)
		}
		i = end
	}
}
