package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refWordsUpTo is WordsUpTo as it was written before ASCII letters and
// digits were skipped in runs: one class switch per byte. The fast
// version must count the same.
func refWordsUpTo(s string, limit int) int {
	n := 0
	prevApos := false
	i := 0
	for {
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if asciiClass[c] != clSpace {
					break
				}
				i++
				continue
			}
			w := spaceAt(s, i)
			if w == 0 {
				break
			}
			i += w
		}
		if i >= len(s) {
			return n
		}
		j := i
		word := false
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				switch asciiClass[c] {
				case clSpace:
					goto field
				case clWord:
					word = true
				}
				j++
				continue
			}
			if spaceAt(s, j) > 0 {
				break
			}
			r, w := utf8.DecodeRuneInString(s[j:])
			word = word || unicode.IsLetter(r) || unicode.IsDigit(r)
			j += w
		}
	field:
		f := s[i:j]
		i = j
		if word {
			if c := f[0]; c == '\'' || c == 0xE2 || c == 'n' || c == 'N' || prevApos {
				if isContractionTail(f) || prevApos && isContractionWord(f) {
					word = false
				}
			}
		}
		prevApos = len(f) <= 3 && (f == "'" || f == "’")
		if word {
			n++
			if limit >= 0 && n > limit {
				return n
			}
		}
	}
}

var wordsCases = []string{
	"", " ", "a", "we ' ll go", "brown 's dog", "do n't", "we'll", "— % \" x", "naïve café ÉTAT", "a\u00a0b\u00a0\u00a0c",
	"n't N'T n’t ’re 's", "2016 275,000 8.2 U.S.", "x\xe2\x80 y\xc2", "\t\n\r\v\f a", "' s ’ t ' ll x",
}

func TestWordsUpToMatchesPlain(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for _, limit := range []int{-1, 0, 1, 3, 8, 40} {
			if got, want := WordsUpTo(s, limit), refWordsUpTo(s, limit); got != want {
				t.Fatalf("WordsUpTo(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
	for _, s := range wordsCases {
		check(s)
		check(strings.ToUpper(s))
	}
	for _, d := range valDocs(t, 2000) {
		check(d)
		for _, sp := range Sentences(d) {
			check(d[sp.Start:sp.End])
		}
	}
}

func FuzzWordsUpToMatchesPlain(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s, -1)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if got, want := WordsUpTo(s, limit), refWordsUpTo(s, limit); got != want {
			t.Fatalf("WordsUpTo(%q, %d) = %d, want %d", s, limit, got, want)
		}
	})
}
