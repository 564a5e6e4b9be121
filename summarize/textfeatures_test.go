package summarize

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// textFeaturesPlain is the plain form of textFeatures: it reads the surface features of a sentence in one pass over
// its bytes.
func textFeaturesPlain(s string) surface {
	var f surface
	inWord, hasDigit, odd := false, false, false
	wordStart := 0
	// The word trimmed of everything but letters at both ends is
	// s[firstLetter:lastLetterEnd] (empty when firstLetter < 0).
	firstLetter, lastLetterEnd := -1, -1
	endWord := func(end int) {
		if hasDigit {
			f.numbers++
		}
		if w := s[wordStart:end]; odd || hasPrefixFold(w, "http") || hasPrefixFold(w, "www.") {
			f.junk++
		}
		var w string
		if firstLetter >= 0 {
			w = s[firstLetter:lastLetterEnd]
		}
		if len(w) > 0 && len(w) <= 4 {
			var buf [4]byte
			for k := 0; k < len(w); k++ {
				c := w[k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			switch string(buf[:len(w)]) {
			case "i", "we", "my", "our", "me", "us":
				f.firstPerson = true
			case "said", "says", "told":
				f.said = true
			}
		}
	}
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if inWord {
				endWord(i)
				inWord = false
			}
			continue
		}
		if !inWord {
			inWord, hasDigit, odd, wordStart = true, false, false, i
			firstLetter, lastLetterEnd = -1, -1
		}
		switch {
		case r >= '0' && r <= '9':
			hasDigit = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			f.letters++
			if firstLetter < 0 {
				firstLetter = i
			}
			lastLetterEnd = i + 1
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			f.quotes++
		case r == '?':
			f.question = true
		case r == '@' || r == '|' || r == '©':
			odd = true
		case r >= 0x80 && unicode.IsLetter(r):
			f.letters++
			if firstLetter < 0 {
				firstLetter = i
			}
			lastLetterEnd = i + utf8.RuneLen(r)
		}
	}
	if inWord {
		endWord(len(s))
	}
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == '»'
	})
	if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '!' || r == '?' || r == '…' {
		f.terminated = true
	}
	return f
}

// TestShortWords checks the packed short words of textFeatures.
func TestShortWords(t *testing.T) {
	for w, k := range map[string]uint64{"i": swI, "We": swWe, "my": swMy, "OUR": swOur, "me": swMe, "us": swUs,
		"said": swSaid, "says": swSays, "told": swTold} {
		if got := shortWord(w); got != k {
			t.Errorf("shortWord(%q) = %#x, want %#x", w, got, k)
		}
	}
}

// TestTextFeaturesMatchPlain compares textFeatures with its plain form on
// random text made of the bytes and runes it tells apart, invalid UTF-8
// included.
func TestTextFeaturesMatchPlain(t *testing.T) {
	parts := []string{" ", "  ", "\t", "\n", "\r", "\u00a0", "a", "B", "z", "7", "0", "\"", "“", "”", "«", "»", "?", "@", "|", "©",
		"é", "Ж", "中", "\xff", "\xe2\x80", "\xed\xa0\x80", "\ufffd", ".", "!", "…", "'", "’", ")", ",", "-", "\x00",
		"i", "I", "we", "My", "our", "me", "US", "said", "Says", "TOLD", "saidx", "http", "HTTP://x", "www.", "WwW.a", "ww",
		"(i)", "\"we\"", "1i", "us2", "é i", "«told»", "ǅ", "ß"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := textFeatures(s), textFeaturesPlain(s); got != want {
			t.Fatalf("textFeatures(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// wordHashesPlain is the plain form of wordHashesOf: it appends to out a hash of each word of s, lowercased, where
// a word is a run of letters and digits (as ROUGE reads text).
func wordHashesPlain(s string, out []uint64) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			// ASCII letters and digits, lowercased, as below.
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				h = (h ^ uint64(r)) * prime
				in = true
				continue
			}
			if 'A' <= r && r <= 'Z' {
				h = (h ^ uint64(r+'a'-'A')) * prime
				in = true
				continue
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		if r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = offset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// TestWordHashesMatchPlain compares wordHashesOf with its plain form.
func TestWordHashesMatchPlain(t *testing.T) {
	parts := []string{" ", "a", "Z", "q", "0", "9", "-", "'", "\x00", "\x7f", "é", "É", "Ж", "中", "٣", "ǅ", "İ", "\xff", "\xe2\x80", "\ufffd", "’", "—", "Word", "don't", "U.S."}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		got, want := wordHashesOf(s, nil), wordHashesPlain(s, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("wordHashesOf(%q) = %v, want %v", s, got, want)
		}
	}
}
