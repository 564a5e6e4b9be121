package text

import (
	"strings"
	"testing"
)

// TestTermMatchesTerms checks Term against English().Terms on the tokens
// of a text: the same term, or false where Terms drops a stop word.
func TestTermMatchesTerms(t *testing.T) {
	s := "The Officials SAID running runs ran über Ärzte naïve 2016 275,000 x I we've " +
		strings.Repeat("Long", 20) + " Aleppo's rebel-held districts ÉTAT caféS"
	an := English()
	for _, tok := range AppendTokens(nil, s) {
		// Tokens as Terms splits them: runs of letters and digits.
		for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return !IsWordRune(r) }) {
			want := an.Terms(w)
			got, ok := Term(w)
			switch {
			case len(want) == 0 && ok:
				t.Errorf("Term(%q) = %q, want a stop word", w, got)
			case len(want) == 1 && (!ok || got != want[0]):
				t.Errorf("Term(%q) = %q, %v; want %q", w, got, ok, want[0])
			case len(want) > 1:
				t.Errorf("Terms(%q) = %q: not one token", w, want)
			}
		}
	}
}
