package chorus

import (
	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/clean"
	"github.com/chorus-brief/chorus/facts"
)

// cleanArticles removes boilerplate from every article.
func cleanArticles(arts []article.Article) []article.Article { return clean.Articles(arts) }

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
