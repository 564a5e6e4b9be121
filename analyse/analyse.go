// Package analyse turns cleaned articles into a Story: the sentences of
// every report, their terms, and which reports say the same thing. It is
// the cross-source stage between cleaning and selection.
package analyse

import (
	"strings"

	"github.com/chorus-brief/chorus/article"
)

// Story is the analysed form of a set of reports about one event.
type Story struct {
	// Docs holds one entry per article, in input order.
	Docs []Doc
	// Sentences holds every sentence of every document, document by
	// document, in reading order.
	Sentences []Sentence
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
	// Words is the number of words in Text, as a reader counts them.
	Words int
	// Terms are the stemmed content terms (stop words removed), lowercase.
	Terms []string
	// Support lists the documents (including Doc) that carry the same
	// statement, as a near-duplicate or close paraphrase, ascending.
	Support []int
}

// Options control Build.
type Options struct{}

// Build analyses cleaned articles into a Story.
//
// This first version splits on line breaks and periods; the analyse
// package's owner replaces it with the real segmenter and cross-source
// alignment.
func Build(arts []article.Article, opt Options) *Story {
	st := &Story{}
	for d, a := range arts {
		doc := Doc{Article: a, First: len(st.Sentences)}
		pos := 0
		for _, line := range strings.Split(a.Text, "\n") {
			for _, s := range strings.SplitAfter(line, ". ") {
				s = strings.TrimSpace(s)
				if s == "" {
					continue
				}
				st.Sentences = append(st.Sentences, Sentence{Doc: d, Pos: pos, Text: s, Words: len(strings.Fields(s)), Support: []int{d}})
				pos++
			}
		}
		doc.End = len(st.Sentences)
		st.Docs = append(st.Docs, doc)
	}
	return st
}
