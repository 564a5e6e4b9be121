package summarize

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
)

// story builds a story from documents given as lists of sentences.
func story(docs ...[]string) *analyse.Story {
	arts := make([]article.Article, len(docs))
	for i, d := range docs {
		arts[i] = article.Article{Text: strings.Join(d, "\n")}
	}
	return analyse.Build(arts, analyse.Options{})
}

func flat(float64s ...float64) []float64 { return float64s }

// uniform weighs every term the same, so that hand computations hold.
func uniform(string) float64 { return 1 }

func TestLeadMethods(t *testing.T) {
	st := story(
		[]string{"Rain fell all night.", "Rivers rose fast.", "Roads were shut."},
		[]string{"Storm hit the coast.", "Power failed widely."},
	)
	// Sentence ids: doc 0 → 0 1 2, doc 1 → 3 4; each has 3 or 4 words.
	tests := []struct {
		m     Method
		words int
		want  []int
	}{
		{Lead{}, 1, []int{0}},
		{Lead{}, 5, []int{0, 3}},            // 4 words, then 8 ≥ 5
		{Lead{}, 11, []int{0, 3, 1}},        // round robin: 4+4+3
		{Lead{}, 100, []int{0, 3, 1, 4, 2}}, // all, in the order taken
		{Lead1{}, 5, []int{0, 1}},
		{Lead1{}, 12, []int{0, 1, 2, 3}},
	}
	for _, tc := range tests {
		if got := tc.m.Select(st, tc.words); !slices.Equal(got, tc.want) {
			t.Errorf("%T words %d = %v, want %v", tc.m, tc.words, got, tc.want)
		}
	}
}

// Four sentences of four content words each, in two reports:
//
//	s0 apple banana cherry date     s2 melon nectar olive peach
//	s1 apple banana kiwi lime       s3 apple banana cherry plum
//
// With idf 1 the centroid values (count / 2 reports) are apple 1.5,
// banana 1.5, cherry 1, every other term 0.5, all above a tenth of the top.
// C = 4.5, 4, 2, 4.5 (Cmax 4.5); P = 4.5, 2.25, 4.5, 2.25; F (overlap with
// the report's first sentence) = 4, 2, 4, 0. Scores: s0 13, s2 10.5,
// s1 8.25, s3 6.75. s3 has cosine 3/4 > 0.7 with s0, so it is never taken.
var fruit = [][]string{
	{"Apple banana cherry date.", "Apple banana kiwi lime."},
	{"Melon nectar olive peach.", "Apple banana cherry plum."},
}

func TestCentroid(t *testing.T) {
	st := story(fruit...)
	for _, tc := range []struct {
		words int
		want  []int
	}{
		{1, []int{0}},
		{8, []int{0, 2}},
		{12, []int{0, 1, 2}},
		{16, []int{0, 1, 2}}, // s3 is redundant with s0
	} {
		if got := (Centroid{IDF: uniform}).Select(st, tc.words); !slices.Equal(got, tc.want) {
			t.Errorf("words %d = %v, want %v", tc.words, got, tc.want)
		}
	}
}

// A hub sentence shares one term with each of three leaves, which share
// nothing with each other. With idf 1 every cosine hub–leaf is 1/4 ≥ 0.1,
// so the graph is a star with self-loops: hub degree 4, leaf degree 2.
// The stationary equations
//
//	p_h = 0.15/4 + 0.85 (p_h/4 + 3 p_l/2)
//	p_l = 0.15/4 + 0.85 (p_h/4 + p_l/2),  p_h + 3 p_l = 1
//
// give p_h = 0.80435/2.10870 = 0.38144 and p_l = 0.20619.
//
// TextRank links hub and leaf with 1/(ln 4 + ln 4); the hub's weight sum
// is three links, a leaf's one, so WS_l = 0.15 + 0.85·WS_h/3 and
// WS_h = 0.15 + 0.85·3·WS_l, which give WS_h = 0.5325/0.2775 = 1.91892
// and WS_l = 0.69369.
var star = [][]string{
	{"Apple kiwi lime melon.", "Banana nectar olive peach."},
	{"Cherry plum quince rhubarb.", "Apple banana cherry grape."},
}

func TestLexRank(t *testing.T) {
	st := story(star...)
	v := newVectors(st, idfOf(st, uniform))
	got := lexRank(v, lexThreshold, lexJump)
	want := flat(0.20619, 0.20619, 0.20619, 0.38144)
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-4 {
			t.Errorf("lexrank = %.5f, want %.5f", got, want)
			break
		}
	}
	if sel := (LexRank{IDF: uniform}).Select(st, 4); !slices.Equal(sel, []int{3}) {
		t.Errorf("Select = %v, want the hub [3]", sel)
	}
}

func TestTextRank(t *testing.T) {
	st := story(star...)
	got := textRank(st, 0.85)
	want := flat(0.69369, 0.69369, 0.69369, 1.91892)
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-3 {
			t.Errorf("textrank = %.5f, want %.5f", got, want)
			break
		}
	}
	if sel := (TextRank{}).Select(st, 4); !slices.Equal(sel, []int{3}) {
		t.Errorf("Select = %v, want the hub [3]", sel)
	}
}

// s0 and s1 are the same sentence in two reports; s2 shares "apple" with
// them. With idf 1 the centroid (counts / 2) is apple 1.5, banana, cherry,
// date 1, kiwi, lime, melon 0.5, of norm √6; relevance is 4.5/(2√6) =
// 0.9186 for s0 and s1 and 3/(2√6) = 0.6124 for s2. After s0, MMR gives
// s1 0.7·0.9186 − 0.3·1 = 0.3430 and s2 0.7·0.6124 − 0.3·0.25 = 0.3537,
// so the novel s2 comes second.
func TestMMR(t *testing.T) {
	st := story(
		[]string{"Apple banana cherry date.", "Apple kiwi lime melon."},
		[]string{"Apple banana cherry date."},
	)
	// Sentence ids: s0 = 0, s2 = 1, s1 = 2.
	if got := (MMR{IDF: uniform}).Select(st, 8); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("Select = %v, want [0 1]", got)
	}
	// Relevance alone would take the copy next; no method repeats a
	// sentence, so the summary ends short instead.
	if got := (MMR{IDF: uniform, Lambda: 1}).Select(st, 100); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("λ=1 Select = %v, want [0 1] without the copy", got)
	}
}

func TestOracle(t *testing.T) {
	st := story(
		[]string{"The bridge collapsed during rush hour.", "A bakery opened downtown."},
		[]string{"Twelve people were hurt when the bridge fell."},
	)
	ref := []string{"The bridge collapsed during rush hour and twelve people were hurt."}
	got := Oracle(st, ref, 100)
	if !slices.Equal(got, []int{0, 2}) {
		t.Errorf("Oracle = %v, want [0 2] (the bakery adds nothing)", got)
	}
	d := Density(st, ref)
	if !(d[0] > d[2] && d[2] > d[1] && d[1] == 0) {
		t.Errorf("Density = %v, want s0 > s2 > s1 = 0", d)
	}
}

func TestDefaultModel(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Trees) == 0 || len(m.DF) == 0 {
		t.Fatalf("default model has %d trees and %d terms", len(m.Trees), len(m.DF))
	}
	if len(modelJSON) > 2<<20 {
		t.Errorf("model is %d bytes, want < 2 MB", len(modelJSON))
	}
	if m.IDF("zzqxunseen") <= m.IDF("year") {
		t.Errorf("idf of an unseen term %.2f ≤ idf of a common one %.2f", m.IDF("zzqxunseen"), m.IDF("year"))
	}
	st := story(
		[]string{"The city council approved a new budget of $2 million on Monday.", "Click here to subscribe"},
		[]string{"Council members approved the $2 million budget on Monday evening.", "The mayor is expected to sign it this week."},
	)
	p := (&Learned{}).Scores(st)
	for i, x := range p {
		if !(x > 0 && x < 1) {
			t.Errorf("score %d = %v, want a probability", i, x)
		}
	}
	if p[0] <= p[1] {
		t.Errorf("lead statement %.3f scored below the stray prompt %.3f", p[0], p[1])
	}
}

// TestBudget checks the rule every method shares: the summary stops at
// the first whole sentence that reaches the budget.
func TestBudget(t *testing.T) {
	var docs [][]string
	for d := 0; d < 4; d++ {
		var s []string
		for i := 0; i < 6; i++ {
			s = append(s, fmt.Sprintf("Report %d says the dam on river %c held for %d more hours after the storm.", d, 'a'+i, i+d))
		}
		docs = append(docs, s)
	}
	st := story(docs...)
	for _, name := range Names() {
		m, err := New(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, words := range []int{1, 30, 100, 10000} {
			got := m.Select(st, words)
			total := 0
			seen := map[int]bool{}
			for _, i := range got {
				if seen[i] || i < 0 || i >= len(st.Sentences) {
					t.Fatalf("%s: bad or repeated index %d in %v", name, i, got)
				}
				seen[i] = true
				total += st.Sentences[i].Words
			}
			switch {
			case total < words && len(got) < len(st.Sentences) && name != "centroid" && name != "lexrank" && name != "chorus":
				t.Errorf("%s words %d: stopped at %d words with sentences left", name, words, total)
			case total-minLast(st, got) >= words:
				t.Errorf("%s words %d: %d words, went on after reaching the budget", name, words, total)
			case len(got) == 0:
				t.Errorf("%s words %d: empty summary", name, words)
			}
		}
	}
}

// minLast is the fewest words of any chosen sentence: without it the
// summary must be under the budget, whatever order the method reads in.
func minLast(st *analyse.Story, idx []int) int {
	m := math.MaxInt
	for _, i := range idx {
		m = min(m, st.Sentences[i].Words)
	}
	if m == math.MaxInt {
		return 0
	}
	return m
}

func TestEdgeCases(t *testing.T) {
	one := story([]string{"The museum reopened on Friday after a long repair.", "Visitors queued for hours."})
	a := []string{"The museum reopened on Friday after a long repair.", "Visitors queued for hours.", "Tickets sold out."}
	same := story(a, a, a)
	tests := []struct {
		name  string
		st    *analyse.Story
		words int
		check func(t *testing.T, got []int, st *analyse.Story)
	}{
		{"empty story", &analyse.Story{}, 100, func(t *testing.T, got []int, _ *analyse.Story) {
			if len(got) != 0 {
				t.Errorf("got %v", got)
			}
		}},
		{"no budget", one, 0, func(t *testing.T, got []int, _ *analyse.Story) {
			if len(got) != 0 {
				t.Errorf("got %v", got)
			}
		}},
		{"one article", one, 100, func(t *testing.T, got []int, _ *analyse.Story) {
			if len(got) != 2 {
				t.Errorf("got %v, want both sentences", got)
			}
		}},
		{"identical articles", same, 100, func(t *testing.T, got []int, st *analyse.Story) {
			texts := map[string]bool{}
			for _, i := range got {
				texts[st.Sentences[i].Text] = true
			}
			if len(texts) != len(got) {
				t.Errorf("repeated a sentence: %v", got)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, name := range []string{"chorus", "mmr"} {
				m, _ := New(name)
				tc.check(t, m.Select(tc.st, tc.words), tc.st)
			}
			for _, name := range Names() {
				m, _ := New(name)
				m.Select(tc.st, tc.words) // must not panic
			}
		})
	}
}

func TestNew(t *testing.T) {
	for _, n := range append(Names(), "") {
		if _, err := New(n); err != nil {
			t.Errorf("New(%q): %v", n, err)
		}
	}
	if _, err := New("nope"); err == nil {
		t.Error("New(nope) gave no error")
	}
}

// tinyData is a small labelled dataset for training tests.
func tinyData() (stories []*analyse.Story, refs [][]string) {
	for k := 0; k < 12; k++ {
		st := story(
			[]string{fmt.Sprintf("Floods in region %d forced %d families from their homes on Sunday.", k, 100+k), "The weather service issued a warning.", "Photo by the regional archive service"},
			[]string{fmt.Sprintf("About %d families left their homes in region %d after the floods.", 100+k, k), "Schools will stay closed until Wednesday."},
		)
		stories = append(stories, st)
		refs = append(refs, []string{fmt.Sprintf("Floods forced %d families in region %d from their homes; schools stay closed.", 100+k, k)})
	}
	return stories, refs
}

func trainTiny(t *testing.T, seed uint64) []byte {
	t.Helper()
	tr := NewTrainer(TrainOptions{Seed: seed, Trees: 5, Depth: 2, Words: 20, MinLeaf: 0.5})
	stories, refs := tinyData()
	for i, st := range stories {
		tr.Count(tr.Prepare(st, refs[i]))
	}
	tr.FreezeDF()
	for i, st := range stories {
		tr.Add(tr.Examples(st, refs[i]))
	}
	m, err := tr.Fit()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainDeterministic(t *testing.T) {
	a, b := trainTiny(t, 7), trainTiny(t, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same seed gave different models")
	}
	m, err := LoadModel(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Trees) != 5 {
		t.Errorf("%d trees, want 5", len(m.Trees))
	}
	stories, _ := tinyData()
	p := (&Learned{Model: m}).Scores(stories[0])
	// The flood statement is in the reference; the caption is not.
	if stories[0].Sentences[2].Text != "Photo by the regional archive service" {
		t.Fatalf("sentence 2 is %q", stories[0].Sentences[2].Text)
	}
	if p[0] <= p[2] {
		t.Errorf("trained scores %v: flood sentence not above the caption", p)
	}
}

func TestLoadModelErrors(t *testing.T) {
	for _, in := range []string{"", "{", `{"version":99}`, `{"version":1,"trees":[{"f":[0],"t":[],"v":[0]}],"features":[]}`,
		// A tree may not use a feature the model was not trained on.
		`{"version":1,"trees":[{"f":[1,-1,-1],"t":[0,0,0],"v":[0,0,0]}],"features":["pos"]}`,
		`{"version":1,"trees":[{"f":[-1],"t":[0],"v":[0]}],"features":["relpos"]}`,
		`{"version":1,"lex":[0.5,1]}`} {
		if _, err := LoadModel(strings.NewReader(in)); err == nil {
			t.Errorf("LoadModel(%q) gave no error", in)
		}
	}
}

func ExampleNew() {
	st := analyse.Build([]article.Article{
		{Text: "The city council approved a new budget on Monday. It raises school spending by 4%. Critics called it rushed."},
		{Text: "Council members approved the budget on Monday evening. The mayor will sign it on Friday."},
	}, analyse.Options{})
	m, err := New("lead")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range m.Select(st, 12) {
		fmt.Println(st.Sentences[i].Text)
	}
	// Output:
	// The city council approved a new budget on Monday.
	// Council members approved the budget on Monday evening.
}

func TestLoadModelFeaturePrefix(t *testing.T) {
	// A model trained on the first features only still loads and scores.
	in := `{"version":1,"trees":[{"f":[0,-1,-1],"t":[0.5,0,0],"v":[0,1,-1]}],"features":["pos","relpos"]}`
	m, err := LoadModel(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float32, numFeatures)
	if got := m.Score(x); got != 1 {
		t.Errorf("Score(pos 0) = %v, want 1", got)
	}
	x[0] = 3
	if got := m.Score(x); got != -1 {
		t.Errorf("Score(pos 3) = %v, want -1", got)
	}
}

func TestKeepRates(t *testing.T) {
	tr := NewTrainer(TrainOptions{Trees: 2, Depth: 2, Words: 20, MinLeaf: 0.5})
	var stories []*analyse.Story
	var refs [][]string
	for k := 0; k < keepMinStories+5; k++ {
		st := story([]string{fmt.Sprintf("The river flood reached house %d.", k), "Photo courtesy of the archive."})
		ref := []string{"A flood hit the town."}
		if k%5 == 0 {
			ref = []string{"The town dried out."}
		}
		stories, refs = append(stories, st), append(refs, ref)
		tr.Count(tr.Prepare(st, ref))
	}
	tr.FreezeDF()
	m := tr.base
	flood, photo := m.Keep["flood"], m.Keep["photo"]
	if !(flood > 0.6 && photo < 0.1) {
		t.Fatalf("keep(flood) = %v, keep(photo) = %v; want flood kept by 4 in 5 references, photo by none", flood, photo)
	}
	if got := m.keepOf(story([]string{"Unheard-of zzqx words."})); got[0] != m.KeepPrior {
		t.Errorf("keep of an unseen term = %v, want the prior %v", got[0], m.KeepPrior)
	}
	// Leaving a story out lowers the rate of a term its reference kept
	// and raises that of one it dropped.
	st := stories[1]
	loo := tr.keepLOO(st, refs[1])
	for id, term := range st.Vocab {
		if term == "flood" && !(loo[id] < float64(flood)) {
			t.Errorf("leave-one-out keep(flood) = %v, want below %v", loo[id], flood)
		}
	}
	st = stories[0]
	loo = tr.keepLOO(st, refs[0])
	for id, term := range st.Vocab {
		if term == "flood" && !(loo[id] > float64(flood)) {
			t.Errorf("leave-one-out keep(flood) in a story that dropped it = %v, want above %v", loo[id], flood)
		}
	}
}

func TestLexicalModel(t *testing.T) {
	idx := func(s string) []uint32 { return lexIndex(wordHashesOf(s, nil)) }
	if a, b := idx("Sign up for our NEWSLETTER today"), idx("sign up for our newsletter today"); !slices.Equal(a, b) {
		t.Errorf("case changes the lexical items: %v vs %v", a, b)
	}
	if got := idx("the the the"); len(got) != 2 {
		t.Errorf("lexIndex(the the the) = %v, want 2 distinct items (the, the the)", got)
	}
	m := newLexModel()
	good := []string{"The dam broke after heavy rain.", "Rescuers reached the village after the dam broke.", "Officials said the dam broke at night."}
	bad := []string{"Sign up for our newsletter.", "Click here to sign up.", "Sign up to get the newsletter."}
	for epoch := 0; epoch < 20; epoch++ {
		for k := range good {
			m.update(idx(good[k]), 1)
			m.update(idx(bad[k]), 0)
		}
	}
	if g, b := m.logit(idx("The old dam broke.")), m.logit(idx("Sign up for alerts.")); !(g > b) {
		t.Errorf("logit(news) = %v ≤ logit(newsletter prompt) = %v", g, b)
	}
	if f0, f1 := foldOf([]string{"a"}), foldOf([]string{"a"}); f0 != f1 || f0 < 0 || f0 > 1 {
		t.Errorf("foldOf is %d then %d, want the same 0 or 1", f0, f1)
	}
}

// TestFeaturesIgnoreCase checks that the surface features that count
// shared words do not depend on case, so that cased and lowercased
// corpora look alike to the scorer.
func TestFeaturesIgnoreCase(t *testing.T) {
	docs := [][]string{
		{"The Council approved the Budget on Monday.", "Critics in Springfield called it rushed."},
		{"On Monday the Council approved a new Budget.", "The Mayor will sign it."},
	}
	lower := make([][]string, len(docs))
	for d, ss := range docs {
		for _, s := range ss {
			lower[d] = append(lower[d], strings.ToLower(s))
		}
	}
	a, b := story(docs...), story(lower...)
	fa := features(a, newVectors(a, idfOf(a, uniform)), make([]float64, len(a.Vocab)), nil)
	fb := features(b, newVectors(b, idfOf(b, uniform)), make([]float64, len(b.Vocab)), nil)
	for _, name := range []string{"word_other", "pair_other", "other_cos_mean", "term_other", "bigram_other"} {
		k := slices.Index(FeatureNames, name)
		for i := range a.Sentences {
			if x, y := fa[i*numFeatures+k], fb[i*numFeatures+k]; x != y {
				t.Errorf("%s of sentence %d: %v cased, %v lowercased", name, i, x, y)
			}
		}
	}
	// The first sentences share words and pairs across the reports.
	k := slices.Index(FeatureNames, "pair_other")
	if fa[k] <= 0 {
		t.Errorf("pair_other of the first sentence = %v, want > 0", fa[k])
	}
}

func TestFeatureNames(t *testing.T) {
	if len(FeatureNames) != numFeatures {
		t.Fatalf("%d feature names, numFeatures = %d", len(FeatureNames), numFeatures)
	}
	seen := map[string]bool{}
	for _, n := range FeatureNames {
		if seen[n] {
			t.Errorf("feature %q named twice", n)
		}
		seen[n] = true
	}
}

// TestCompiledModel checks that the padded trees score exactly as the
// trees they were made from.
func TestCompiledModel(t *testing.T) {
	m, err := LoadModel(bytes.NewReader(trainTiny(t, 3)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	// An uneven tree: a leaf at depth 1 beside a split.
	uneven := &Model{Trees: []Tree{{Feature: []int16{0, -1, 5, -1, -1, -1, -1}, Threshold: []float32{1, 0, 0.5, 0, 0, 0, 0}, Value: []float32{0, 0.25, 0, 0, 0, -1, 2}}}}
	uneven.fast = compile(uneven)
	st := story(
		[]string{"The city council approved a new budget of $2 million on Monday.", "Click here to subscribe", "It raises school spending by 4%."},
		[]string{"Council members approved the $2 million budget on Monday evening.", "The mayor is expected to sign it this week."},
	)
	x := features(st, newVectors(st, idfOf(st, uniform)), make([]float64, len(st.Vocab)), nil)
	for name, model := range map[string]*Model{"tiny": m, "default": d, "uneven": uneven} {
		slow := *model
		slow.fast = nil
		for i := range st.Sentences {
			f := slices.Clone(x[i*numFeatures : (i+1)*numFeatures])
			for _, v := range []float32{-1, 0, 0.5, 1, 3} {
				f[0], f[5] = v, v*10
				if a, b := model.Score(f), slow.Score(f); math.Abs(a-b) > 1e-9 {
					t.Errorf("%s: sentence %d, f0=%v: compiled %v, trees %v", name, i, v, a, b)
				}
			}
		}
	}
}
