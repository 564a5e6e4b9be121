package analyse

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/text"
)

// buildRef is Build written plainly, term by term: English().Terms for
// each sentence, then its names looked up among the terms seen so far.
// Build must give exactly the same story.
func buildRef(arts []article.Article, opt Options) *Story {
	if opt.MinWords <= 0 {
		opt.MinWords = DefaultMinWords
	}
	if opt.Containment <= 0 {
		opt.Containment = DefaultContainment
	}
	st := &Story{Docs: make([]Doc, 0, len(arts))}
	an := text.English()
	ids := make(map[string]int32, 256)
	var lastDoc, lastSent []int32
	for d, a := range arts {
		doc := Doc{Article: a, First: len(st.Sentences)}
		pos := 0
		for _, sp := range text.Sentences(a.Text) {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			s := a.Text[sp.Start:sp.End]
			w := text.Words(s)
			if w < opt.MinWords || !hasLetter(s) {
				continue
			}
			terms := an.Terms(s)
			sent := Sentence{Doc: d, Pos: pos, Text: s, Span: sp, Words: w, Terms: terms, Support: []int{d}}
			sent.IDs = make([]int32, len(terms))
			si := int32(len(st.Sentences)) + 1
			for k, t := range terms {
				id, ok := ids[t]
				if !ok {
					id = int32(len(st.Vocab))
					ids[t] = id
					st.Vocab = append(st.Vocab, t)
					st.DocFreq = append(st.DocFreq, 0)
					st.SentFreq = append(st.SentFreq, 0)
					lastDoc = append(lastDoc, 0)
					lastSent = append(lastSent, 0)
				}
				sent.IDs[k] = id
				if lastDoc[id] != int32(d)+1 {
					lastDoc[id] = int32(d) + 1
					st.DocFreq[id]++
				}
				if lastSent[id] != si {
					lastSent[id] = si
					st.SentFreq[id]++
				}
			}
			sent.Names = names(s, ids)
			st.Sentences = append(st.Sentences, sent)
			pos++
		}
		doc.End = len(st.Sentences)
		st.Docs = append(st.Docs, doc)
	}
	support(st, opt.Containment)
	return st
}

// names returns the ids of the terms of s that are written capitalised
// after the first word. Words that are not terms (stop words) are
// ignored. Lowercased text costs one pass over its bytes.
func names(s string, ids map[string]int32) []int32 {
	var out []int32
	first := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += sz
		}
		if !first && unicode.IsUpper(r) {
			if id, ok := ids[text.Stem(strings.ToLower(s[i:j]))]; ok && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		first = false
		i = j
	}
	slices.Sort(out)
	return out
}

// checkBuild compares Build with buildRef.
func checkBuild(t *testing.T, name string, as []article.Article, opt Options) {
	t.Helper()
	got, want := Build(as, opt), buildRef(as, opt)
	if reflect.DeepEqual(got, want) {
		return
	}
	t.Errorf("%s: Build differs from the plain build", name)
	for i := range min(len(got.Sentences), len(want.Sentences)) {
		if !reflect.DeepEqual(got.Sentences[i], want.Sentences[i]) {
			t.Errorf("first differing sentence %d:\n got %+v\nwant %+v", i, got.Sentences[i], want.Sentences[i])
			return
		}
	}
}

func TestBuildMatchesPlainBuild(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
	}{
		{"names and stop words", []string{
			"Officials in the U.S. said The Hague would rule. The Mayor, Anne O'Brien, spoke.",
			"The Anglo-French treaty was signed by Smith in the town. He said It was over.",
		}},
		{"non-ASCII", []string{"Le président Macron a dit à Paris que l'État agirait. Über Straße gehen Müller und Ärzte."}},
		{"long token", []string{"The " + strings.Repeat("Abc", 30) + " thing happened in Town today."}},
		{"digits", []string{"The 2016 Aleppo ceasefire left 275,000 People trapped in 4 districts."}},
	}
	for _, tc := range tests {
		checkBuild(t, tc.name, arts(tc.texts...), Options{})
	}
}
