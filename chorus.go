// Package chorus turns many news reports about one story into one sourced
// brief. It runs the pipeline read → clean → analyse → select → render
// over the packages article, clean, text, analyse, facts, summarize and
// brief; the chorus command and the HTTP server are thin layers over it.
package chorus

import (
	"context"
	"errors"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/brief"
	"github.com/chorus-brief/chorus/summarize"
)

// DefaultWords is the default length of a brief in words: about what an
// editor reads in one minute and a news brief usually runs to.
const DefaultWords = 150

// Options control a brief. The zero value gives the default brief.
type Options struct {
	// Words is the word budget; 0 means DefaultWords.
	Words int
	// Method names the summarization method; "" means the default.
	Method string
	// KeepAll keeps reports about a different event in the summary.
	KeepAll bool
	// NoFacts skips the fact sheet.
	NoFacts bool
}

// ErrNoText is returned when no article has usable text.
var ErrNoText = errors.New("no article has usable text")

// Brief runs the whole pipeline on arts and returns the brief.
func Brief(ctx context.Context, arts []article.Article, opt Options) (*brief.Brief, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return nil, ErrNoText
	}
	return nil, errors.New("not implemented yet")
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
	st := analyse.Build(c.Articles, analyse.Options{})
	idx := m.Select(st, words)
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = st.Sentences[j].Text
	}
	return out, nil
}
