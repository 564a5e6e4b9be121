package rouge

import "github.com/chorus-brief/chorus/text"

// This file is ROUGE-1.5.5's stemmer: a WordNet 2.0 exception lookup, then
// Martin Porter's 1980 algorithm with Chin-Yew Lin's change to step 4
// (text.StemROUGE).

// Stem returns the stem ROUGE-1.5.5 uses with -m for a token (lowercase
// ASCII letters and digits): tokens of 3 bytes or fewer are unchanged, a
// word of the WordNet exception list becomes its base form, and any other
// word goes through ROUGE's Porter stemmer.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	if s, ok := exceptions()[w]; ok {
		return s
	}
	return text.StemROUGE(w)
}
