package chorus

import (
	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/clean"
	"github.com/chorus-brief/chorus/facts"
	"github.com/chorus-brief/chorus/text"
)

// cleanArticles removes boilerplate from every article. It also returns
// the sentences of the articles whose text it left as it was, for analyse.
func cleanArticles(arts []article.Article) ([]article.Article, [][]text.Span) {
	return clean.ArticlesSplit(arts)
}

// buildFacts builds the fact sheet of a story.
func buildFacts(st *analyse.Story) *facts.Sheet { return facts.Build(st, facts.Options{}) }

// offStory returns the story documents that the sheet flags as belonging
// to another event, with the reason.
func offStory(s *facts.Sheet) map[int]string {
	if s == nil || len(s.OffStory) == 0 {
		return nil
	}
	m := make(map[int]string, len(s.OffStory))
	for _, o := range s.OffStory {
		m[o.Doc] = o.Reason
	}
	return m
}

// noteFor returns the sheet's qualification of a summary sentence.
func noteFor(s *facts.Sheet, sentence int) string {
	if s == nil {
		return ""
	}
	return s.NoteFor(sentence)
}

// originSentence returns, for a summary sentence that carries a quote, the
// sentence of the quote's origin report that says the same thing, so that
// the brief quotes the original statement rather than a report of it. It
// returns false when the sentence carries no quote, the origin is the
// sentence's own report, or no sentence of the origin matches closely.
func originSentence(s *facts.Sheet, st *analyse.Story, i int) (int, bool) {
	if s == nil {
		return 0, false
	}
	doc, ok := s.QuoteOrigin(i)
	if !ok || doc == st.Sentences[i].Doc || doc < 0 || doc >= len(st.Docs) {
		return 0, false
	}
	want := st.Sentences[i].Terms
	if len(want) == 0 {
		return 0, false
	}
	best, bestScore := -1, 0.0
	d := st.Docs[doc]
	for j := d.First; j < d.End; j++ {
		if sc := containment(want, st.Sentences[j].Terms); sc > bestScore {
			best, bestScore = j, sc
		}
	}
	// The origin's sentence must carry most of what the summary sentence
	// says, and not much else.
	if best < 0 || bestScore < 0.7 || containment(st.Sentences[best].Terms, want) < 0.5 {
		return 0, false
	}
	return best, true
}

// containment is the share of the terms of a that also occur in b.
func containment(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	in := make(map[string]bool, len(b))
	for _, t := range b {
		in[t] = true
	}
	n := 0
	for _, t := range a {
		if in[t] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// quoteCarriers returns the reports that carry a quote that sentence i
// carries: they all back that sentence's quote, whatever else they say.
func quoteCarriers(s *facts.Sheet, i int) []int {
	if s == nil {
		return nil
	}
	var out []int
	for _, q := range s.QuotesIn(i) {
		for _, c := range s.Quotes[q].Carriers {
			out = append(out, c.Doc)
		}
	}
	return out
}
