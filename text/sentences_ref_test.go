package text

import (
	"slices"
	"strings"
	"testing"
)

// refAppendSentences is AppendSentences as it was written before the scan
// for line breaks and for stops skipped ahead with IndexByte and a byte
// table: one comparison chain per byte. The fast version must give the
// same spans.
func refAppendSentences(dst []Span, s string) []Span {
	start := 0
	for start <= len(s) {
		end := start
		for end < len(s) && s[end] != '\n' && s[end] != '\r' {
			end++
		}
		dst = refSplitLine(dst, s, start, end)
		start = end + 1
	}
	return dst
}

func refSplitLine(dst []Span, s string, lo, hi int) []Span {
	start := lo
	dq, sq := 0, 0
	for i := lo; i < hi; i++ {
		c := s[i]
		switch {
		case c == '"':
			dq++
			continue
		case c == '\'':
			if isStandaloneSingle(s, lo, hi, i) {
				sq++
			}
			continue
		case c == '.' || c == '!' || c == '?':
		case c == 0xE2 && i+2 < hi && s[i+1] == 0x80 && s[i+2] == 0xA6:
		default:
			continue
		}
		end, next, ok := boundary(s, start, hi, i, dq, sq)
		if ok {
			dst = emit(dst, s, start, end)
			start = next
		}
		if next > i+1 {
			for k := i + 1; k < next && k < hi; k++ {
				switch s[k] {
				case '"':
					dq++
				case '\'':
					if isStandaloneSingle(s, lo, hi, k) {
						sq++
					}
				}
			}
			i = next - 1
		}
	}
	return emit(dst, s, start, hi)
}

// sentenceCases are texts whose line breaks, quotes and stops exercise
// the splitter's scan.
var sentenceCases = []string{
	"", "a", ".", "...", "\n", "\r\n", "\r", "a\rb. c\n\nd\r\ne. f", "U.S. The", "\" we will win , \" he said . the",
	"“It's over.” He left.", "He said 'it is done.' Then", "a . . . b", "No. 5", "x\xe2\x80", "x\xe2\x80\xa6 y",
	"\xc2\xa0. \xc2", "'' . ' ll", "the end …\nBut then… The", "Wait?! No!\r\nYes. ' ok ' . \"x\" .",
}

func TestAppendSentencesMatchesPlain(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := AppendSentences(nil, s), refAppendSentences(nil, s); !slices.Equal(got, want) {
			t.Fatalf("AppendSentences(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range sentenceCases {
		check(s)
		check(strings.ReplaceAll(s, " ", "\n"))
		check(strings.ReplaceAll(s, " ", "\r\n"))
	}
	for _, d := range valDocs(t, 3000) {
		check(d)
	}
}

func FuzzAppendSentencesMatchesPlain(f *testing.F) {
	for _, s := range sentenceCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendSentences(nil, s), refAppendSentences(nil, s); !slices.Equal(got, want) {
			t.Fatalf("AppendSentences(%q) = %v, want %v", s, got, want)
		}
	})
}
