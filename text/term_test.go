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

// TestAppendTermMatchesTerm checks AppendTerm against Term: the same term
// bytes after what dst held, the same stop words, and a true prefix only
// when the term is a prefix of the token.
func TestAppendTermMatchesTerm(t *testing.T) {
	s := "The Officials SAID running runs ran über Ärzte naïve 2016 275,000 x I we've generalizations " +
		"relational ponies caresses Hopping hopping agreed " + strings.Repeat("Long", 20) +
		strings.Repeat("long", 20) + " Aleppo's rebel-held districts ÉTAT caféS café"
	for _, tok := range AppendTokens(nil, s) {
		want, wantOK := Term(tok)
		got, prefix, ok := AppendTerm([]byte("x"), tok)
		if ok != wantOK || string(got) != "x"+want {
			t.Errorf("AppendTerm(%q) = %q, %v; want %q, %v", tok, got[1:], ok, want, wantOK)
		}
		if isPrefix := ok && strings.HasPrefix(tok, want); prefix != isPrefix {
			t.Errorf("AppendTerm(%q): prefix %v, want %v", tok, prefix, isPrefix)
		}
	}
}
