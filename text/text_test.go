package text

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,. ", nil},
		{"The U.S. said 8.2%", []string{"The", "U", "S", "said", "8", "2"}},
		{"didn't Aleppo’s", []string{"didn", "t", "Aleppo", "s"}},
		{"well-known café", []string{"well", "known", "café"}},
		{"200,000 civilians", []string{"200", "000", "civilians"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"Kerry flew to Geneva.", 4},
		{"\" we will win , \" he said .", 5},
		{"we ' ll see", 2},
		{"we'll see", 2},
		{"brown 's novel", 2},
		{"they do n't know", 3},
		{"the rate rose 8.2 % — a record", 6},
		{"U.S.-led forces", 2},
		{"200,000 civilians", 2},
		{"one\u00a0two\tthree\nfour", 4},
		{"' pulp ' fiction", 2},
	}
	for _, tt := range tests {
		if got := Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestIsStopword(t *testing.T) {
	for _, w := range []string{"the", "a", "and", "said", "however", "didn", "ll", "mr", "s", "t"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"aleppo", "ceasefire", "kerry", "bomb", "The", "civilians", "200"} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true, want false", w)
		}
	}
}

func TestEnglishTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"The rebels agreed to the ceasefire.", []string{"rebel", "agre", "ceasefir"}},
		{"Syrian forces are bombing hospitals in Aleppo", []string{"syrian", "forc", "bomb", "hospit", "aleppo"}},
		{"It's the U.S. that said it", nil},
		{"200,000 civilians", []string{"200", "000", "civilian"}},
	}
	en := English()
	for _, tt := range tests {
		got := en.Terms(tt.in)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("English().Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnalyzerCustom(t *testing.T) {
	// A custom pipeline: split on blanks, uppercase, drop short tokens.
	a := Analyzer{
		Tokenizer: strings.Fields,
		Filters: []func([]string) []string{
			func(ts []string) []string {
				for i := range ts {
					ts[i] = strings.ToUpper(ts[i])
				}
				return ts
			},
			func(ts []string) []string {
				out := ts[:0]
				for _, t := range ts {
					if len(t) > 2 {
						out = append(out, t)
					}
				}
				return out
			},
		},
	}
	if got, want := a.Terms("to be or not"), []string{"NOT"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

// stagedEnglish is the English analyzer run stage by stage, which Terms
// must match.
func stagedEnglish(s string) []string {
	ts := Tokens(s)
	for _, f := range []func([]string) []string{Lowercase, RemoveStopwords, StemAll} {
		ts = f(ts)
	}
	return ts
}

func TestEnglishTermsMatchStages(t *testing.T) {
	inputs := []string{
		"", "The rebels agreed to the ceasefire.", "THE Rebels AGREED", "Aleppo’s Old City, 200,000 civilians",
		"RELATIONAL Relational relational ponies Ponies", "Éric ÉCOLE école x1 Y2 3Z ωμέγα", "a Ab ABC is IS",
		strings.Repeat("Supercalifragilistic", 4) + " " + strings.Repeat("x", 61), "\xff\xfeAb\xffcd",
	}
	for _, d := range valDocs(t, 100) {
		for _, sp := range Sentences(d) {
			inputs = append(inputs, d[sp.Start:sp.End])
		}
	}
	en := English()
	for _, s := range inputs {
		got, want := en.Terms(s), stagedEnglish(s)
		if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("English().Terms(%q) = %q, stages give %q", s, got, want)
		}
	}
	// An analyzer built from the same stages but changed is not taken for
	// the English one.
	a := English()
	a.Filters = a.Filters[:2]
	if got := a.Terms("Ponies ran"); !reflect.DeepEqual(got, []string{"ponies", "ran"}) {
		t.Errorf("two-stage analyzer gave %q", got)
	}
}

func FuzzEnglishTerms(f *testing.F) {
	for _, s := range []string{"", "The Rebels agreed.", "ÉCOLE école", "a1 B2 RELATIONAL", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := English().Terms(s), stagedEnglish(s)
		if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("Terms %q != stages %q", got, want)
		}
	})
}

func TestVocabMatchesEnglish(t *testing.T) {
	inputs := []string{
		"", "The rebels agreed to the ceasefire.", "THE Rebels AGREED", "Aleppo’s Old City, 200,000 civilians",
		"the u.s. military said . but officials disagreed .", "Éric Zemmour a dit", "x1 y2 3z ωμέγα",
		"relational RELATIONAL Relational",
	}
	docs := valDocs(t, 200)
	for _, d := range docs {
		for _, sp := range Sentences(d) {
			inputs = append(inputs, d[sp.Start:sp.End])
		}
	}
	v := NewVocab()
	en := English()
	var buf []string
	var ids []int32
	for _, s := range inputs {
		want := en.Terms(s)
		buf = v.AppendTerms(buf[:0], s)
		if len(want)+len(buf) > 0 && !reflect.DeepEqual(buf, want) {
			t.Fatalf("Vocab.AppendTerms(%q) = %q, English().Terms = %q", s, buf, want)
		}
		ids = v.AppendIDs(ids[:0], s)
		if len(ids) != len(want) {
			t.Fatalf("AppendIDs(%q) gave %d ids for %d terms", s, len(ids), len(want))
		}
		for k, id := range ids {
			if v.Term(id) != want[k] {
				t.Fatalf("Term(%d) = %q, want %q", id, v.Term(id), want[k])
			}
			if got, ok := v.ID(want[k]); !ok || got != id {
				t.Fatalf("ID(%q) = %d, %v; want %d", want[k], got, ok, id)
			}
		}
	}
	if id, ok := v.TokenID("Rebels"); !ok || v.Term(id) != "rebel" {
		t.Errorf("TokenID(Rebels) = %d (%q), %v", id, v.Term(id), ok)
	}
	if _, ok := v.TokenID("The"); ok {
		t.Errorf("TokenID(The) reported a content term")
	}
	if v.Term(-1) != "" || v.Term(int32(v.Len())) != "" {
		t.Errorf("Term out of range should be empty")
	}
}

func FuzzVocab(f *testing.F) {
	for _, s := range []string{"", "The rebels agreed.", "ÉCOLE école", "a1 b2", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := NewVocab()
		got := v.AppendTerms(nil, s)
		want := English().Terms(s)
		if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("Vocab %q != English %q", got, want)
		}
	})
}

func BenchmarkTerms(b *testing.B) {
	docs := valDocs(b, 4000)
	var sents []string
	size := 0
	for _, d := range docs {
		for _, sp := range Sentences(d) {
			sents = append(sents, d[sp.Start:sp.End])
			size += sp.End - sp.Start
		}
	}
	b.Run("English", func(b *testing.B) {
		b.SetBytes(int64(size))
		en := English()
		for b.Loop() {
			for _, s := range sents {
				en.Terms(s)
			}
		}
	})
	b.Run("Vocab", func(b *testing.B) {
		b.SetBytes(int64(size))
		v := NewVocab()
		var buf []int32
		for b.Loop() {
			for _, s := range sents {
				buf = v.AppendIDs(buf[:0], s)
			}
		}
	})
	b.Run("VocabFresh", func(b *testing.B) {
		// A new Vocab for every 10 documents, as a per-story cache would be.
		b.SetBytes(int64(size))
		var buf []int32
		for b.Loop() {
			var v *Vocab
			for i, s := range sents {
				if i%300 == 0 {
					v = NewVocab()
				}
				buf = v.AppendIDs(buf[:0], s)
			}
		}
	})
}

func TestWordsUpTo(t *testing.T) {
	s := "one two three four five"
	for _, tt := range []struct{ limit, want int }{{-1, 5}, {10, 5}, {5, 5}, {2, 3}, {0, 1}} {
		if got := WordsUpTo(s, tt.limit); got != tt.want {
			t.Errorf("WordsUpTo(%q, %d) = %d, want %d", s, tt.limit, got, tt.want)
		}
	}
}

func TestFoldASCII(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := byte(0)
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			want = byte(c)
		case c >= 'A' && c <= 'Z':
			want = byte(c) + 'a' - 'A'
		}
		if got := FoldASCII(byte(c)); got != want {
			t.Errorf("FoldASCII(%#x) = %#x, want %#x", c, got, want)
		}
	}
}
