// Package text holds the pure functions that every stage uses on English
// news text: sentence splitting, tokens, stems and stop words.
package text

import (
	"strings"
	"unicode"
)

// Span is a piece of a string given by byte offsets: s[Start:End].
type Span struct {
	Start, End int
}

// Sentences splits s into sentences and returns their spans, in order,
// with surrounding blanks excluded. A sentence never crosses a line break.
//
// First version: the text package's owner replaces it.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	flush := func(end int) {
		for start < end && (s[start] == ' ' || s[start] == '\t' || s[start] == '\n' || s[start] == '\r') {
			start++
		}
		e := end
		for e > start && (s[e-1] == ' ' || s[e-1] == '\t' || s[e-1] == '\n' || s[e-1] == '\r') {
			e--
		}
		if e > start {
			out = append(out, Span{start, e})
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			flush(i + 1)
		case '.', '!', '?':
			if i+1 < len(s) && s[i+1] == ' ' {
				flush(i + 1)
			}
		}
	}
	flush(len(s))
	return out
}

// Tokens splits s into word tokens: maximal runs of letters and digits.
// Tokens keep their case.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Words counts the words of s as a reader would: whitespace-separated
// fields that hold at least one letter or digit.
func Words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// Stem returns the Porter stem of a lowercase word.
//
// First version: identity; the text package's owner replaces it.
func Stem(w string) string { return w }

// IsStopword reports whether a lowercase word is an English stop word.
func IsStopword(w string) bool {
	switch w {
	case "the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "was", "were", "on", "for", "that", "with", "by", "at", "as", "it", "be", "has", "have", "from", "this", "said":
		return true
	}
	return false
}

// Analyzer turns text into index terms: a tokenizer followed by an ordered
// list of filters, each applied to the whole token list.
type Analyzer struct {
	Tokenizer func(string) []string
	Filters   []func([]string) []string
}

// English returns the analyzer Chorus uses for content terms: tokens,
// lowercased, stop words removed, Porter stems.
func English() Analyzer {
	return Analyzer{
		Tokenizer: Tokens,
		Filters: []func([]string) []string{
			func(ts []string) []string {
				for i, t := range ts {
					ts[i] = strings.ToLower(t)
				}
				return ts
			},
			func(ts []string) []string {
				out := ts[:0]
				for _, t := range ts {
					if !IsStopword(t) {
						out = append(out, t)
					}
				}
				return out
			},
			func(ts []string) []string {
				for i, t := range ts {
					ts[i] = Stem(t)
				}
				return ts
			},
		},
	}
}

// Terms analyses s.
func (a Analyzer) Terms(s string) []string {
	ts := a.Tokenizer(s)
	for _, f := range a.Filters {
		ts = f(ts)
	}
	return ts
}
