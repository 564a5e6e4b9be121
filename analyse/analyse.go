// Package analyse turns cleaned articles into a Story: the sentences of
// every report, their terms, and which reports say the same thing. It is
// the cross-source stage between cleaning and selection.
package analyse

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/text"
)

// Story is the analysed form of a set of reports about one event.
type Story struct {
	// Docs holds one entry per article, in input order.
	Docs []Doc
	// Sentences holds every sentence of every document, document by
	// document, in reading order.
	Sentences []Sentence
	// Vocab maps a term id (see Sentence.IDs) to its term.
	Vocab []string
	// DocFreq gives, for each term id, how many documents of the story
	// contain the term.
	DocFreq []int32
	// SentFreq gives, for each term id, how many sentences of the story
	// contain the term.
	SentFreq []int32
}

// Doc is one analysed article.
type Doc struct {
	Article article.Article
	// First and End delimit the document's sentences in Story.Sentences:
	// Sentences[First:End].
	First, End int
}

// Sentence is one sentence of one report.
type Sentence struct {
	// Doc is the index of the sentence's article in Story.Docs.
	Doc int
	// Pos is the index of the sentence within its article (0 = first).
	Pos int
	// Text is the sentence as written.
	Text string
	// Span locates Text in the article's text:
	// Docs[Doc].Article.Text[Span.Start:Span.End] == Text.
	Span text.Span
	// Words is the number of words in Text, as a reader counts them.
	Words int
	// Terms are the stemmed content terms (stop words removed), lowercase.
	Terms []string
	// IDs are Terms as term ids into Story.Vocab, in the same order.
	IDs []int32
	// Names are the term ids of Terms written with a capital letter
	// somewhere other than at the start of the sentence (names, places,
	// organisations), ascending and without repeats. Lowercased text has
	// none.
	Names []int32
	// Support lists the documents (including Doc) that carry the same
	// statement, as a near-duplicate or close paraphrase, ascending.
	Support []int
}

// Options control Build. The zero value gives the defaults.
type Options struct {
	// MinWords is the fewest words a sentence must have to be kept;
	// shorter fragments (labels, datelines, stray words) are skipped.
	// 0 means DefaultMinWords.
	MinWords int
	// Containment is the share of a sentence's weighted content terms
	// that a sentence of another report must carry for that report to
	// support it. 0 means DefaultContainment.
	Containment float64
}

// DefaultMinWords is the default Options.MinWords.
const DefaultMinWords = 3

// DefaultContainment is the default Options.Containment.
const DefaultContainment = 0.6

// minShared is the fewest content terms two sentences must share for one
// to support the other (fewer when the sentence has fewer terms).
const minShared = 3

// Build analyses cleaned articles into a Story: it splits each article
// into sentences, skips fragments that are not sentences, analyses each
// sentence into content terms, and finds for each sentence every other
// report that carries the same statement.
func Build(arts []article.Article, opt Options) *Story {
	if opt.MinWords <= 0 {
		opt.MinWords = DefaultMinWords
	}
	if opt.Containment <= 0 {
		opt.Containment = DefaultContainment
	}
	st := &Story{Docs: make([]Doc, 0, len(arts))}
	an := text.English()
	ids := make(map[string]int32, 256)
	var lastDoc []int32 // per term: last doc that counted it in DocFreq, +1
	var lastSent []int32
	for d, a := range arts {
		doc := Doc{Article: a, First: len(st.Sentences)}
		pos := 0
		for _, sp := range text.Sentences(a.Text) {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			s := a.Text[sp.Start:sp.End]
			w := text.Words(s)
			if w < opt.MinWords || !hasLetter(s) {
				continue
			}
			terms := an.Terms(s)
			sent := Sentence{Doc: d, Pos: pos, Text: s, Span: sp, Words: w, Terms: terms, Support: []int{d}}
			sent.IDs = make([]int32, len(terms))
			si := int32(len(st.Sentences)) + 1
			for k, t := range terms {
				id, ok := ids[t]
				if !ok {
					id = int32(len(st.Vocab))
					ids[t] = id
					st.Vocab = append(st.Vocab, t)
					st.DocFreq = append(st.DocFreq, 0)
					st.SentFreq = append(st.SentFreq, 0)
					lastDoc = append(lastDoc, 0)
					lastSent = append(lastSent, 0)
				}
				sent.IDs[k] = id
				if lastDoc[id] != int32(d)+1 {
					lastDoc[id] = int32(d) + 1
					st.DocFreq[id]++
				}
				if lastSent[id] != si {
					lastSent[id] = si
					st.SentFreq[id]++
				}
			}
			sent.Names = names(s, ids)
			st.Sentences = append(st.Sentences, sent)
			pos++
		}
		doc.End = len(st.Sentences)
		st.Docs = append(st.Docs, doc)
	}
	support(st, opt.Containment)
	return st
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// names returns the ids of the terms of s that are written capitalised
// after the first word. Words that are not terms (stop words) are
// ignored. Lowercased text costs one pass over its bytes.
func names(s string, ids map[string]int32) []int32 {
	var out []int32
	first := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += sz
		}
		if !first && unicode.IsUpper(r) {
			if id, ok := ids[text.Stem(strings.ToLower(s[i:j]))]; ok && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		first = false
		i = j
	}
	slices.Sort(out)
	return out
}

// termWeight is the weight of a term in the support test: rarer terms in
// the story weigh more, and numbers and names weigh double.
func termWeight(st *Story, id int32, name bool) float64 {
	n := float64(len(st.Sentences))
	w := math.Log(1 + n/float64(st.SentFreq[id]))
	t := st.Vocab[id]
	if name || hasDigit(t) {
		w *= 2
	}
	return w
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// support fills Sentence.Support: a report supports sentence i when one
// of its sentences carries at least share of i's weighted content terms
// (and at least minShared of them, or all of them for a shorter
// sentence).
func support(st *Story, share float64) {
	n := len(st.Sentences)
	if n == 0 || len(st.Docs) < 2 {
		return
	}
	// Unique weighted terms per sentence, and postings per term.
	type tw struct {
		id int32
		w  float32
	}
	uniq := make([][]tw, n)
	total := make([]float64, n)
	post := make([][]int32, len(st.Vocab))
	seen := make([]int32, len(st.Vocab))
	for i := range st.Sentences {
		s := &st.Sentences[i]
		for _, id := range s.IDs {
			if seen[id] == int32(i)+1 {
				continue
			}
			seen[id] = int32(i) + 1
			_, name := slices.BinarySearch(s.Names, id)
			w := termWeight(st, id, name)
			uniq[i] = append(uniq[i], tw{id, float32(w)})
			total[i] += w
			post[id] = append(post[id], int32(i))
		}
	}
	overlap := make([]float64, n)
	shared := make([]int32, n)
	var touched []int32
	docOK := make([]bool, len(st.Docs))
	for i := range st.Sentences {
		s := &st.Sentences[i]
		if len(uniq[i]) == 0 {
			continue
		}
		touched = touched[:0]
		for _, t := range uniq[i] {
			for _, j := range post[t.id] {
				if st.Sentences[j].Doc == s.Doc {
					continue
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
				overlap[j] += float64(t.w)
			}
		}
		need := int32(min(minShared, len(uniq[i])))
		for _, j := range touched {
			if shared[j] >= need && overlap[j] >= share*total[i]-1e-9 {
				docOK[st.Sentences[j].Doc] = true
			}
			overlap[j], shared[j] = 0, 0
		}
		for d, ok := range docOK {
			if ok && d != s.Doc {
				s.Support = append(s.Support, d)
				docOK[d] = false
			}
		}
		docOK[s.Doc] = false
		slices.Sort(s.Support)
	}
}
