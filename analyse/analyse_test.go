package analyse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chorus-brief/chorus/article"
)

func arts(texts ...string) []article.Article {
	out := make([]article.Article, len(texts))
	for i, t := range texts {
		out[i] = article.Article{Text: t}
	}
	return out
}

func TestBuildSentences(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		want  [][]string // per doc, sentence texts
	}{
		{"empty input", nil, nil},
		{"empty article", []string{""}, [][]string{nil}},
		{"fragments skipped", []string{"Photo.\nThe council approved the budget on Monday. 2016\n---\nIt passed by nine votes to two."},
			[][]string{{"The council approved the budget on Monday.", "It passed by nine votes to two."}}},
		{"two docs", []string{"The river flooded the town. Residents fled.", "Rescuers reached the town at dawn."},
			[][]string{{"The river flooded the town."}, {"Rescuers reached the town at dawn."}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := Build(arts(tc.texts...), Options{})
			if len(st.Docs) != len(tc.texts) {
				t.Fatalf("docs = %d, want %d", len(st.Docs), len(tc.texts))
			}
			for d, want := range tc.want {
				doc := st.Docs[d]
				var got []string
				for i := doc.First; i < doc.End; i++ {
					s := st.Sentences[i]
					got = append(got, s.Text)
					if s.Doc != d || s.Pos != i-doc.First {
						t.Errorf("sentence %d: doc %d pos %d, want doc %d pos %d", i, s.Doc, s.Pos, d, i-doc.First)
					}
					if tc.texts[d][s.Span.Start:s.Span.End] != s.Text {
						t.Errorf("sentence %d: span %v does not give its text", i, s.Span)
					}
					if len(s.IDs) != len(s.Terms) {
						t.Errorf("sentence %d: %d ids for %d terms", i, len(s.IDs), len(s.Terms))
					}
					for k, id := range s.IDs {
						if st.Vocab[id] != s.Terms[k] {
							t.Errorf("sentence %d: id %d is %q, term is %q", i, id, st.Vocab[id], s.Terms[k])
						}
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("doc %d sentences = %q, want %q", d, got, want)
				}
			}
		})
	}
}

func TestSupport(t *testing.T) {
	a := "Fire crews evacuated 300 homes near Lake Tahoe on Tuesday. The blaze began in a campground. Officials urged calm."
	tests := []struct {
		name  string
		texts []string
		// want[i] is the support of sentence i.
		want [][]int
	}{
		{"one article", []string{a}, [][]int{{0}, {0}, {0}}},
		{"identical articles cite all", []string{a, a, a}, [][]int{{0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}}},
		{"paraphrase supports, unrelated does not", []string{
			"Fire crews evacuated 300 homes near Lake Tahoe on Tuesday. The mayor praised the volunteers.",
			"On Tuesday fire crews evacuated some 300 homes close to Lake Tahoe, officials said. Schools will reopen next week.",
		}, [][]int{{0, 1}, {0}, {0, 1}, {1}}},
		{"different figure is not the same statement", []string{
			"Fire crews evacuated 300 homes near Lake Tahoe.",
			"Police closed two roads near Lake Tahoe.",
		}, [][]int{{0}, {1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := Build(arts(tc.texts...), Options{})
			if len(st.Sentences) != len(tc.want) {
				t.Fatalf("%d sentences, want %d", len(st.Sentences), len(tc.want))
			}
			for i, w := range tc.want {
				if got := st.Sentences[i].Support; !slices.Equal(got, w) {
					t.Errorf("sentence %d %q: support %v, want %v", i, st.Sentences[i].Text, got, w)
				}
			}
		})
	}
}

func TestNamesOnlyWhenCased(t *testing.T) {
	st := Build(arts("Officials in Nairobi met the Kenyan Red Cross.", "officials in nairobi met the kenyan red cross."), Options{})
	if len(st.Sentences) != 2 {
		t.Fatalf("%d sentences", len(st.Sentences))
	}
	var names []string
	for _, id := range st.Sentences[0].Names {
		names = append(names, st.Vocab[id])
	}
	if len(names) < 3 {
		t.Errorf("cased sentence names = %q, want Nairobi, Kenyan, Red, Cross", names)
	}
	if n := st.Sentences[1].Names; len(n) != 0 {
		t.Errorf("lowercased sentence has names %v", n)
	}
}

func TestDocFreq(t *testing.T) {
	st := Build(arts("Floods hit the valley. Floods closed roads.", "Floods reached the city today."), Options{})
	for id, term := range st.Vocab {
		want := 0
		for _, d := range st.Docs {
			for i := d.First; i < d.End; i++ {
				if slices.Contains(st.Sentences[i].IDs, int32(id)) {
					want++
					break
				}
			}
		}
		if int(st.DocFreq[id]) != want {
			t.Errorf("DocFreq[%q] = %d, want %d", term, st.DocFreq[id], want)
		}
	}
}

func FuzzBuild(f *testing.F) {
	f.Add("The court ruled on Friday. \"We will appeal,\" he said.", "the court ruled on friday .")
	f.Fuzz(func(t *testing.T, a, b string) {
		st := Build(arts(a, b), Options{})
		for i, s := range st.Sentences {
			text := []string{a, b}[s.Doc]
			if text[s.Span.Start:s.Span.End] != s.Text || !strings.Contains(text, s.Text) {
				t.Fatalf("sentence %d not in its input", i)
			}
			if !slices.Contains(s.Support, s.Doc) {
				t.Fatalf("sentence %d support %v lacks its own doc", i, s.Support)
			}
		}
	})
}

func ExampleBuild() {
	st := Build([]article.Article{
		{Text: "Heavy rain flooded the old town on Sunday. Shops stayed closed."},
		{Text: "Heavy rain flooded the old town on Sunday, witnesses said."},
	}, Options{})
	for _, s := range st.Sentences {
		fmt.Println(s.Doc, s.Pos, s.Support, s.Text)
	}
	// Output:
	// 0 0 [0 1] Heavy rain flooded the old town on Sunday.
	// 0 1 [0] Shops stayed closed.
	// 1 0 [0 1] Heavy rain flooded the old town on Sunday, witnesses said.
}
