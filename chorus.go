// Package chorus turns many news reports about one story into one sourced
// brief. It runs the pipeline read → clean → analyse → select → render
// over the packages article, clean, text, analyse, facts, summarize and
// brief; the chorus command and the HTTP server are thin layers over it.
package chorus

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/brief"
	"github.com/chorus-brief/chorus/summarize"
	"github.com/chorus-brief/chorus/text"
)

// DefaultWords is the default length of a brief in words: a paragraph or
// two that an editor reads in under a minute, the usual length of a wire
// news brief.
const DefaultWords = 150

// Options control a brief. The zero value gives the default brief.
type Options struct {
	// Words is the word budget; 0 means DefaultWords.
	Words int
	// Method names the summarization method; "" means the default.
	Method string
	// KeepAll keeps reports about a different event in the summary.
	KeepAll bool
	// NoFacts leaves the fact sheet out of the brief. It is still used to
	// find off-story reports and disputed figures.
	NoFacts bool
	// Title is the story's title; "" lets Chorus choose one.
	Title string
}

// ErrNoText is returned when no article has usable text.
var ErrNoText = errors.New("no article has usable text")

// Brief runs the whole pipeline on arts (as read, before cleaning) and
// returns the brief. Sources are numbered in the order of arts.
func Brief(ctx context.Context, arts []article.Article, opt Options) (*brief.Brief, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	words := opt.Words
	if words <= 0 {
		words = DefaultWords
	}
	method, err := summarize.New(opt.Method)
	if err != nil {
		return nil, err
	}
	b := &brief.Brief{Schema: brief.SchemaVersion, Title: opt.Title}

	cleaned, spans := cleanArticles(arts)
	usable := 0
	for i, a := range cleaned {
		if a.ID == "" {
			a.ID = article.StableID(arts[i])
		}
		b.Sources = append(b.Sources, brief.Source{
			N: i + 1, ID: a.ID, Outlet: a.Source, Title: a.Title, Author: a.Author,
			Date: a.Date, URL: a.URL, Origin: a.Origin,
		})
		if strings.TrimSpace(a.Text) == "" {
			b.Warnings = append(b.Warnings, fmt.Sprintf("source %d (%s): no usable text", i+1, where(a)))
			continue
		}
		usable++
	}
	if usable == 0 {
		return nil, ErrNoText
	}
	// Every article takes part, so that story document d is source d+1
	// everywhere, the fact sheet included; one without text has no sentences.
	st := analyse.BuildSplit(cleaned, spans, analyse.Options{})
	if len(st.Sentences) == 0 {
		return nil, ErrNoText
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// The sheet is built even when it is not shown: it finds the reports
	// about another event and the disputed figures.
	sheet := buildFacts(st)
	if !opt.NoFacts {
		b.Facts = sheet
	}
	// Reports about another event are flagged, and left out of the summary
	// unless the caller keeps them all. The summary is then chosen from a
	// story of the other reports; docOf maps its documents back.
	story := st
	var docOf []int
	if off := offStory(sheet); len(off) > 0 {
		for d := range cleaned {
			if reason, ok := off[d]; ok {
				b.Sources[d].OffStory, b.Sources[d].OffStoryReason = true, reason
				if !opt.KeepAll {
					continue
				}
			}
			docOf = append(docOf, d)
		}
		if len(docOf) < len(cleaned) && len(docOf) > 0 {
			// The same story as analyse.Build of the kept reports, for a
			// fraction of its cost.
			story = st.Subset(docOf, analyse.Options{})
		} else {
			docOf = nil
		}
	}
	orig := func(d int) int {
		if docOf == nil {
			return d
		}
		return docOf[d]
	}

	chosen := map[int]bool{}    // sentences of st already in the brief
	usedQuote := map[int]bool{} // quotes of the sheet already in the brief
	usedNote := map[string]bool{}
	// The brief speaks in the reports' voice: a statement's first-person
	// sentences are left out where the rest fills the budget well.
	for _, i := range preferThirdPerson(story, method.Select(story, words), words) {
		s := story.Sentences[i]
		from := orig(s.Doc)
		// The same sentence in the full story, which the fact sheet indexes.
		full := st.Docs[from].First + s.Pos
		if full >= st.Docs[from].End || st.Sentences[full].Text != s.Text {
			full = -1
		}
		if full < 0 {
			// Not expected: the story of the kept reports splits each report
			// as the full story does. Cite what the summary's story knows.
			cites := []int{from + 1}
			for _, d := range s.Support {
				cites = append(cites, orig(d)+1)
			}
			b.Sentences = append(b.Sentences, brief.Sentence{Text: s.Text, Citations: sortedUnique(cites), From: from + 1, Position: s.Pos})
			b.Words += s.Words
			continue
		}
		// A quote is given in the words of its origin where that report is
		// part of the summary's story, unless the origin says it in the
		// first person: then the report's quotation of it is clearer, and
		// the origin is cited with the other carriers.
		if o, ok := originSentence(sheet, st, full); ok && (opt.KeepAll || !sheet.IsOffStory(st.Sentences[o].Doc)) && !firstPerson(st.Sentences[o].Text) {
			full = o
		}
		// A quote is given with its speaker's name rather than "he said".
		if o, ok := namedCarrier(sheet, st, full); ok {
			full = o
		}
		// A quote is shown whole, never half.
		first, last := wholeQuote(st, full)
		skip, newQuote, anyQuote := false, false, false
		for k := first; k <= last; k++ {
			skip = skip || chosen[k]
			for _, q := range sheet.QuotesIn(k) {
				anyQuote = true
				newQuote = newQuote || !usedQuote[q]
			}
		}
		// Nor twice: a unit whose every quote is already in the brief adds
		// nothing but the attribution.
		if skip || anyQuote && !newQuote {
			continue
		}
		u := st.Sentences[full]
		// Room for the supporting reports (and a few quote carriers), so
		// that cites is allocated once.
		n := 5
		for k := first; k <= last; k++ {
			n += len(st.Sentences[k].Support)
		}
		cites := append(make([]int, 0, n), u.Doc+1)
		var notes []string
		for k := first; k <= last; k++ {
			chosen[k] = true
			for _, q := range sheet.QuotesIn(k) {
				usedQuote[q] = true
			}
			for _, d := range st.Sentences[k].Support {
				cites = append(cites, d+1)
			}
			for _, d := range quoteCarriers(sheet, k) {
				cites = append(cites, d+1)
			}
			// A note is given once, after the first sentence it qualifies.
			if n := noteFor(sheet, k); n != "" && !usedNote[n] {
				usedNote[n] = true
				notes = append(notes, n)
			}
		}
		// Reports left out of the summary are not cited by it.
		kept := cites[:0]
		for _, c := range cites {
			if opt.KeepAll || !sheet.IsOffStory(c-1) {
				kept = append(kept, c)
			}
		}
		sentence := unitText(st, first, last)
		b.Sentences = append(b.Sentences, brief.Sentence{
			Text: sentence, Citations: sortedUnique(kept), From: u.Doc + 1,
			Position: st.Sentences[first].Pos, Note: strings.Join(notes, " "),
		})
		b.Words += text.Words(sentence)
	}
	if b.Title == "" {
		b.Title = chooseTitle(b)
	}
	return b, nil
}

// where names an article for a message.
func where(a article.Article) string {
	switch {
	case a.Origin != "":
		return a.Origin
	case a.URL != "":
		return a.URL
	case a.Title != "":
		return a.Title
	}
	return "untitled"
}

// chooseTitle takes the headline of the report the brief leans on most:
// the source cited by the most summary sentences, earliest on ties.
func chooseTitle(b *brief.Brief) string {
	count := map[int]int{}
	for _, s := range b.Sentences {
		for _, c := range s.Citations {
			count[c]++
		}
	}
	best, bestN := "", 0
	for _, s := range b.Sources {
		if s.Title != "" && !s.OffStory && count[s.N] > bestN {
			best, bestN = s.Title, count[s.N]
		}
	}
	return best
}

func sortedUnique(xs []int) []int {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// AnalyseCluster cleans and analyses the reports of a dataset cluster the
// way the batch path does; `chorus train` uses it so that the scorer
// learns from the same sentences it later chooses among.
func AnalyseCluster(c article.Cluster) *analyse.Story {
	cleaned, spans := cleanArticles(c.Articles)
	return analyse.BuildSplit(cleaned, spans, analyse.Options{})
}

// SummarizeCluster is the batch path used by `chorus summarize` and
// `chorus eval`: it cleans and analyses a dataset cluster and returns the
// summary's sentences in order, without citations or a fact sheet.
func SummarizeCluster(c article.Cluster, opt Options) ([]string, error) {
	words := opt.Words
	if words <= 0 {
		words = DefaultWords
	}
	m, err := summarize.New(opt.Method)
	if err != nil {
		return nil, err
	}
	st := AnalyseCluster(c)
	idx := m.Select(st, words)
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = st.Sentences[j].Text
	}
	return out, nil
}
