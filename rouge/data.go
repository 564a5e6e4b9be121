package rouge

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate go run gen.go

// exceptionsText is ROUGE-1.5.5's WordNet 2.0 exception list (see
// WORDNET-LICENSE), one "word stem" pair a line.
//
//go:embed data/exceptions.txt
var exceptionsText string

// stopwordsText is ROUGE-1.5.5's smart_common_words.txt, one word a line.
//
//go:embed data/stopwords.txt
var stopwordsText string

// exceptions maps a word to the stem the WordNet exception list gives it.
// It is built once and never changed.
var exceptions = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 6000)
	for _, line := range strings.Split(exceptionsText, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if k, v, ok := strings.Cut(line, " "); ok {
			m[k] = v
		}
	}
	return m
})

// stopwords is the set of SMART common words removed by -s. It is built
// once and never changed.
var stopwords = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 600)
	for _, w := range strings.Split(stopwordsText, "\n") {
		if w != "" {
			m[w] = true
		}
	}
	return m
})
