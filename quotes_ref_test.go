package chorus

import (
	"strings"
	"testing"
	"unicode"

	"github.com/chorus-brief/chorus/text"
)

// refFirstPerson is firstPerson as it was written before it stopped
// appending a blank to s to end the last word.
func refFirstPerson(s string) bool {
	inQuote := false
	start := -1
	for i, r := range s + " " {
		switch r {
		case '"':
			inQuote = !inQuote
		case '“':
			inQuote = true
		case '”':
			inQuote = false
		}
		word := unicode.IsLetter(r) || r == '\''
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			w := s[start:i]
			start = -1
			if !inQuote && firstPersonWord(w) {
				return true
			}
		}
	}
	return false
}

func TestFirstPersonMatchesPlain(t *testing.T) {
	cases := []string{"", "I", "me", "tell me", "tell me\"", "\"tell me", "“tell me", "“tell me”", "it's us",
		"we're\xe2\x80", "we\xff", "our\xe2", "He said we", "He said “we", "He said \"we\" did", "meme", "Me"}
	for _, a := range append(seedArticles(t), valWindows(t)...) {
		for _, sp := range text.Sentences(a.Text) {
			cases = append(cases, a.Text[sp.Start:sp.End])
		}
		cases = append(cases, strings.Fields(a.Text)...)
	}
	for _, s := range cases {
		if got, want := firstPerson(s), refFirstPerson(s); got != want {
			t.Errorf("firstPerson(%q) = %v, want %v", s, got, want)
		}
	}
}
