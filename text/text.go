// Package text holds the pure functions that every stage uses on English
// news text: sentence splitting, tokens, stems and stop words, and the
// Analyzer that turns a sentence into index terms.
package text

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of a string given by byte offsets: s[Start:End].
type Span struct {
	Start, End int
}

// Tokens splits s into word tokens: maximal runs of letters and digits.
// Tokens keep their case and are substrings of s. "U.S." gives "U" and
// "S", "8.2" gives "8" and "2", "don't" gives "don" and "t", as ROUGE
// tokenizes.
func Tokens(s string) []string {
	return AppendTokens(nil, s)
}

// AppendTokens appends the tokens of s to dst, like Tokens.
func AppendTokens(dst []string, s string) []string {
	for i := 0; ; {
		start, end, _ := nextToken(s, i)
		if start < 0 {
			return dst
		}
		dst = append(dst, s[start:end])
		i = end
	}
}

// nextToken finds the first token of s at or after byte i: a maximal run
// of letters and digits. It returns its span, whether it is all ASCII, and
// start -1 when there is none.
func nextToken(s string, i int) (start, end int, ascii bool) {
	start, ascii = -1, true
	for i < len(s) {
		c := s[i]
		w := 1
		var in bool
		if c < utf8.RuneSelf {
			in = isWordByte(c)
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			in = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if in {
			if start < 0 {
				start = i
			}
			if c >= utf8.RuneSelf {
				ascii = false
			}
		} else if start >= 0 {
			return start, i, ascii
		}
		i += w
	}
	if start < 0 {
		return -1, len(s), true
	}
	return start, len(s), ascii
}

// Words counts the words of s as a reader would: blank-separated fields
// that hold at least one letter or digit. Punctuation standing alone
// ("—", a spaced quote mark, "%") is not a word, and neither are the
// pieces of a contraction that tokenized text splits off ("we ' ll",
// "brown 's", "do n't"): "we'll" is one word however it is written.
func Words(s string) int {
	return WordsUpTo(s, -1)
}

// WordsUpTo counts the words of s as Words does, but stops counting once
// it passes limit (a negative limit counts all): a cheap test of "at most
// N words" on long text.
func WordsUpTo(s string, limit int) int {
	n := 0
	prevApos := false // the previous field was a lone apostrophe
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
			// A run of ASCII letters and digits, the bulk of a field, on
			// one table lookup a byte; asciiClass is clOther for bytes of
			// multi-byte runes, which the code below decodes as before.
			if asciiClass[s[j]] == clWord {
				word = true
				j++
				for j < len(s) && asciiClass[s[j]] == clWord {
					j++
				}
				continue
			}
			c := s[j]
			if c < utf8.RuneSelf {
				if asciiClass[c] == clSpace {
					goto field
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

// Byte classes for Words: ASCII spaces and word bytes; every other byte,
// multi-byte runes' included, is clOther.
const (
	clOther = iota
	clSpace
	clWord
)

// FoldASCII returns c lowercased when it is an ASCII letter or digit, and
// 0 for every other byte (the bytes of multi-byte runes included). It is a
// table lookup, for loops that read text a byte at a time.
func FoldASCII(c byte) byte { return asciiFold[c] }

var asciiFold = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

var asciiClass = func() (t [256]uint8) {
	for _, c := range " \t\n\r\v\f" {
		t[c] = clSpace
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clWord
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clWord
		t[c-'a'+'A'] = clWord
	}
	return t
}()

// spaceAt returns the width of the white space (ASCII or no-break space)
// at s[i], or 0.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

// isContractionWord reports whether f is what follows the apostrophe of an
// English contraction: "s", "t", "ll", "re", "ve", "d", "m".
func isContractionWord(f string) bool {
	switch strings.ToLower(f) {
	case "s", "t", "ll", "re", "ve", "d", "m":
		return true
	}
	return false
}

// isContractionTail reports whether the field f is a contraction split off
// its word: "'s", "'ll", "’re", "n't".
func isContractionTail(f string) bool {
	switch {
	case len(f) > 1 && f[0] == '\'':
		return isContractionWord(f[1:])
	case strings.HasPrefix(f, "’"):
		return isContractionWord(f[len("’"):])
	case f == "n't" || f == "N'T" || f == "n’t":
		return true
	}
	return false
}

// IsStopword reports whether a lowercase word is an English stop word: a
// word of the SMART information-retrieval list (single letters included),
// or a piece that tokenizing a contraction leaves ("didn", "ll").
func IsStopword(w string) bool {
	return stopwords[w]
}

// Analyzer turns text into index terms: a tokenizer followed by an ordered
// list of filters, each applied to the whole token list, in the manner of
// bleve's analysis pipeline. Filters may change the list in place.
type Analyzer struct {
	Tokenizer func(string) []string
	Filters   []func([]string) []string
}

// Lowercase is a filter that lowercases every token.
func Lowercase(ts []string) []string {
	for i, t := range ts {
		ts[i] = Lower(t)
	}
	return ts
}

// RemoveStopwords is a filter that drops the stop words (IsStopword) from
// a lowercase token list.
func RemoveStopwords(ts []string) []string {
	out := ts[:0]
	for _, t := range ts {
		if !IsStopword(t) {
			out = append(out, t)
		}
	}
	return out
}

// StemAll is a filter that replaces every token by its Porter stem.
func StemAll(ts []string) []string {
	for i, t := range ts {
		ts[i] = Stem(t)
	}
	return ts
}

// English returns the analyzer Chorus uses for content terms: tokens,
// lowercased, stop words removed, Porter stems. For many sentences, a
// Vocab gives the same terms several times faster.
func English() Analyzer {
	return Analyzer{
		Tokenizer: Tokens,
		Filters:   []func([]string) []string{Lowercase, RemoveStopwords, StemAll},
	}
}

// Terms analyses s.
func (a Analyzer) Terms(s string) []string {
	if a.isEnglish() {
		return appendEnglishTerms(make([]string, 0, len(s)/10+2), s)
	}
	ts := a.Tokenizer(s)
	for _, f := range a.Filters {
		ts = f(ts)
	}
	return ts
}

// Lower lowercases s, without allocating when it is already lowercase
// ASCII.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Code pointers of the English analyzer's stages, to recognise it.
var (
	pcTokens          = reflect.ValueOf(Tokens).Pointer()
	pcLowercase       = reflect.ValueOf(Lowercase).Pointer()
	pcRemoveStopwords = reflect.ValueOf(RemoveStopwords).Pointer()
	pcStemAll         = reflect.ValueOf(StemAll).Pointer()
)

// isEnglish reports whether a is the English analyzer, which Terms runs
// in one pass over the text.
func (a Analyzer) isEnglish() bool {
	return len(a.Filters) == 3 && a.Tokenizer != nil &&
		reflect.ValueOf(a.Tokenizer).Pointer() == pcTokens &&
		a.Filters[0] != nil && reflect.ValueOf(a.Filters[0]).Pointer() == pcLowercase &&
		a.Filters[1] != nil && reflect.ValueOf(a.Filters[1]).Pointer() == pcRemoveStopwords &&
		a.Filters[2] != nil && reflect.ValueOf(a.Filters[2]).Pointer() == pcStemAll
}

// appendEnglishTerms appends to dst the terms English().Terms gives for s,
// in one pass: an ASCII token is lowercased and stemmed in a buffer, and
// allocates only when its stem is not a piece of s.
func appendEnglishTerms(dst []string, s string) []string {
	var z stemmer
	for i := 0; ; {
		start, end, ascii := nextToken(s, i)
		if start < 0 {
			return dst
		}
		dst = appendEnglishTerm(dst, &z, s[start:end], ascii)
		i = end
	}
}

// appendEnglishTerm appends the term of one token, if it is not a stop
// word.
func appendEnglishTerm(dst []string, z *stemmer, tok string, ascii bool) []string {
	if !ascii || len(tok) > maxStemLen {
		t := Lower(tok)
		if IsStopword(t) {
			return dst
		}
		return append(dst, Stem(t))
	}
	n, same := z.asciiTerm(tok)
	switch {
	case n < 0:
		return dst
	case same:
		return append(dst, tok[:n])
	}
	return append(dst, string(z.b[:n]))
}

// asciiTerm puts the term of an ASCII token of at most maxStemLen bytes in
// z.b[:n] and reports whether it equals tok[:n] (the token was lowercase
// and its stem is a prefix of it). n is −1 for a stop word.
func (z *stemmer) asciiTerm(tok string) (n int, same bool) {
	changed := false
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
			changed = true
		}
		z.b[k] = c
	}
	if stopwords[string(z.b[:len(tok)])] {
		return -1, false
	}
	n = len(tok)
	if n > 2 {
		z.stem(n, false)
		n = z.k + 1
	}
	return n, !changed && n <= len(tok) && string(z.b[:n]) == tok[:n]
}

// Term returns the term that English().Terms gives for one token (a run
// of letters and digits, as written), and false for a stop word. A caller
// that splits text into such runs itself, and remembers the answer for
// each token, gets the same terms as Terms for a fraction of the cost.
func Term(tok string) (string, bool) {
	var z stemmer
	var buf [1]string
	out := appendEnglishTerm(buf[:0], &z, tok, isASCII(tok))
	if len(out) == 0 {
		return "", false
	}
	return out[0], true
}

// AppendTerm appends to dst the bytes of the term that Term gives for tok,
// and reports false (dst unchanged) for a stop word. prefix tells that the
// term is tok[:len(term)], so that a caller who needs it as a string can
// take it from tok without allocating. Unlike Term, it allocates nothing
// for an ASCII token when dst has room: a caller can look the term up in
// a map[string] by string(bytes) and make a string only for a new one.
func AppendTerm(dst []byte, tok string) (out []byte, prefix, ok bool) {
	if !isASCII(tok) || len(tok) > maxStemLen {
		t, ok := Term(tok)
		if !ok {
			return dst, false, false
		}
		return append(dst, t...), len(t) <= len(tok) && t == tok[:len(t)], true
	}
	var z stemmer
	n, same := z.asciiTerm(tok)
	if n < 0 {
		return dst, false, false
	}
	return append(dst, z.b[:n]...), same, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IsWordRune reports whether r belongs to a token: a letter or a digit.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
