// Package analyse turns cleaned articles into a Story: the sentences of
// every report, their terms, and which reports say the same thing. It is
// the cross-source stage between cleaning and selection.
package analyse

import "github.com/chorus-brief/chorus/article"

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
