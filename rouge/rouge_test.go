package rouge

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestParseFlags(t *testing.T) {
	for _, tc := range []struct {
		flags   string
		metrics string
		err     bool
	}{
		{"-c 95 -r 1000 -n 2 -2 4 -u -m -a -d", "[ROUGE-1 ROUGE-2 ROUGE-L ROUGE-SU4]", false},
		{"-n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -d", "[ROUGE-1 ROUGE-2 ROUGE-3 ROUGE-4]", false},
		{"-n 1 -m -w 1.2 -a", "[ROUGE-1 ROUGE-L ROUGE-W-1.2]", false},
		{"-n 1 -2 4 -m", "[ROUGE-1 ROUGE-L ROUGE-S4]", false},
		{"-n 1 -2 -1 -u", "[ROUGE-1 ROUGE-L ROUGE-SU*]", false},
		{"-e /data -z SPL -n 1", "[ROUGE-1 ROUGE-L]", false},
		{"", "[ROUGE-L]", false},
		{"-n", "", true},
		{"-n x", "", true},
		{"-f C", "", true},
		{"-t 1", "", true},
		{"-l 10 -b 75", "", true},
		{"-p 2", "", true},
		{"-q", "", true},
	} {
		o, err := ParseFlags(strings.Fields(tc.flags))
		if (err != nil) != tc.err {
			t.Errorf("ParseFlags(%q) error %v, want error %v", tc.flags, err, tc.err)
			continue
		}
		if err == nil && fmt.Sprint(o.Metrics()) != tc.metrics {
			t.Errorf("ParseFlags(%q) metrics %v, want %s", tc.flags, o.Metrics(), tc.metrics)
		}
	}
}

func TestFlagsRoundTrip(t *testing.T) {
	for _, o := range []Options{
		DefaultOptions(),
		{N: 4, NoL: true, WordLimit: 100, BestModel: true, Alpha: 0.2, Confidence: 90, Resamples: 10},
		{N: 1, Weight: 1.2, WeightText: "1.2", ByteLimit: 75, Stopwords: true, SkipBigrams: true, SkipDistance: -1},
	} {
		back, err := ParseFlags(o.Flags())
		if err != nil {
			t.Fatalf("ParseFlags(%v): %v", o.Flags(), err)
		}
		if fmt.Sprint(back.Flags()) != fmt.Sprint(o.Flags()) {
			t.Errorf("round trip %v gave %v", o.Flags(), back.Flags())
		}
	}
}

// TestTokenization checks the README's tokenisation examples through
// ROUGE-1 counts: the system holds the text, the reference the tokens.
func TestTokenization(t *testing.T) {
	sc, err := NewScorer(Options{N: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, tokens string }{
		{"200,000", "200 000"},
		{"8.2 %", "8 2"},
		{"1.5bn", "1 5bn"},
		{"didn't", "didn t"},
		{"O'Brien's", "o brien s"},
		{"well-known", "well known"},
		{"café", "caf"},
		{"naïvely", "na vely"},
		{"aleppo’s", "aleppo s"},
		{"“quoted” — dash", "quoted dash"},
		{"TABS\tand\r\nCR", "tabs and cr"},
	} {
		got := sc.Score([]string{tc.text}, []string{tc.tokens})[0]
		n := float64(len(strings.Fields(tc.tokens)))
		if got.Hit != n || got.Peer != n || got.Model != n {
			t.Errorf("%q: hit %v peer %v model %v, want all %v", tc.text, got.Hit, got.Peer, got.Model, n)
		}
	}
}

func TestScoreBasics(t *testing.T) {
	sc, err := NewScorer(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ref := []string{"The army retook the old city.", "Thousands left on buses."}
	same := sc.Score(ref, ref)
	for _, s := range same {
		if s.R != 1 || s.P != 1 || s.F != 1 {
			t.Errorf("identical text: %v, want 1 everywhere", s)
		}
	}
	for _, s := range sc.Score(nil, ref) {
		if s.R != 0 || s.P != 0 || s.F != 0 || s.Peer != 0 {
			t.Errorf("empty system: %v, want 0", s)
		}
	}
	for _, s := range sc.Score(ref) {
		if s.R != 0 || s.P != 0 || s.F != 0 {
			t.Errorf("no reference: %v, want 0", s)
		}
	}
	// Stemming makes inflections match; without -m they do not.
	stem := sc.Score([]string{"children were running"}, []string{"child be run"})[0]
	if stem.Hit != 3 {
		t.Errorf("stemmed hit %v, want 3", stem.Hit)
	}
	plain, _ := NewScorer(Options{N: 1})
	if h := plain.Score([]string{"children were running"}, []string{"child be run"})[0].Hit; h != 0 {
		t.Errorf("unstemmed hit %v, want 0", h)
	}
}

// lcsMarkPlain is the textbook LCS table with ROUGE's backtrace, the
// reference for the bit-parallel version.
func lcsMarkPlain(r, t []int32, marks []bool) {
	a, b := len(r), len(t)
	dp := make([][]int, a+1)
	for i := range dp {
		dp[i] = make([]int, b+1)
	}
	for i := 1; i <= a; i++ {
		for j := 1; j <= b; j++ {
			switch {
			case r[i-1] == t[j-1]:
				dp[i][j] = dp[i-1][j-1] + 1
			case dp[i-1][j] >= dp[i][j-1]:
				dp[i][j] = dp[i-1][j]
			default:
				dp[i][j] = dp[i][j-1]
			}
		}
	}
	for i, j := a, b; i > 0 && j > 0; {
		switch {
		case r[i-1] == t[j-1]:
			marks[i-1] = true
			i--
			j--
		case dp[i-1][j] >= dp[i][j-1]:
			i--
		default:
			j--
		}
	}
}

func TestLCSBitsMatchesTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sc, _ := NewScorer(Options{})
	for iter := 0; iter < 3000; iter++ {
		vocab := 2 + rng.IntN(8)
		a, b := rng.IntN(90), 1+rng.IntN(150)
		r, tt := make([]int32, a), make([]int32, b)
		for i := range r {
			r[i] = int32(rng.IntN(vocab))
		}
		for i := range tt {
			tt[i] = int32(rng.IntN(vocab))
		}
		sc.nLocal = int32(vocab)
		want := make([]bool, a)
		lcsMarkPlain(r, tt, want)
		got := make([]bool, a)
		sc.setMasks(tt)
		sc.lcsMarkBits(r, len(tt), got, tt)
		sc.clearMasks(tt)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("r=%v t=%v: marks %v, want %v", r, tt, got, want)
		}
	}
}

// Random texts with every option must never panic and keep 0 ≤ R, P ≤ 1.
func TestScoreRandomInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"the", "army", "Retook", "city", "—", "200,000", "ﬁ", "  ", "\t", "buses", "left", "café", "'s", "x"}
	text := func() []string {
		var lines []string
		for range rng.IntN(5) {
			var b strings.Builder
			for range rng.IntN(12) {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			lines = append(lines, b.String())
		}
		return lines
	}
	for _, flags := range []string{"-n 3 -2 4 -u -m -s", "-n 2 -l 7 -w 1.5", "-n 9 -b 20 -2 -1 -f B", "-n 1 -w 2 -f B"} {
		o, err := ParseFlags(strings.Fields(flags))
		if err != nil {
			t.Fatal(err)
		}
		sc, _ := NewScorer(o)
		for range 300 {
			refs := make([][]string, 1+rng.IntN(3))
			for i := range refs {
				refs[i] = text()
			}
			for _, s := range sc.Score(text(), refs...) {
				if s.R < 0 || s.R > 1 || s.P < 0 || s.P > 1 || s.F < 0 || s.F > 1 {
					t.Fatalf("%s: %v out of range", flags, s)
				}
			}
		}
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	vals := []float64{0.1, 0.5, 0.9, 0.3}
	a := Bootstrap(vals, 1, 1000, 95)
	b := Bootstrap(vals, 1, 1000, 95)
	if a[0] != b[0] {
		t.Fatalf("bootstrap not deterministic: %v vs %v", a[0], b[0])
	}
	if !(a[0].Low <= a[0].Average && a[0].Average <= a[0].High) {
		t.Errorf("average %v outside its interval", a[0])
	}
	if a[0].Mean != 0.45 {
		t.Errorf("plain mean %v, want 0.45", a[0].Mean)
	}
	one := Bootstrap([]float64{0.7}, 1, 50, 95)[0]
	if one.Average != 0.7 || one.Low != 0.7 || one.High != 0.7 {
		t.Errorf("single case: %v, want 0.7 everywhere", one)
	}
}

func ExampleScorer_Score() {
	sc, err := NewScorer(DefaultOptions()) // -n 2 -2 4 -u -m
	if err != nil {
		panic(err)
	}
	system := []string{"The army retook eastern Aleppo.", "Civilians were evacuated on buses."}
	reference := []string{"Government forces retook the east of Aleppo.", "Buses evacuated thousands of civilians."}
	for _, s := range sc.Score(system, reference) {
		fmt.Println(s)
	}
	// Output:
	// ROUGE-1 R:0.50000 P:0.60000 F:0.54545
	// ROUGE-2 R:0.00000 P:0.00000 F:0.00000
	// ROUGE-L R:0.25000 P:0.30000 F:0.27273
	// ROUGE-SU4 R:0.16071 P:0.20455 F:0.18000
}

func ExampleAverages() {
	opt := Options{N: 1, NoL: true}
	sc, _ := NewScorer(opt)
	var cases [][]Score
	for _, pair := range [][2]string{
		{"the army retook aleppo", "the army retook the city"},
		{"buses left the city", "buses left at dawn"},
		{"talks collapsed", "the talks collapsed again"},
	} {
		cases = append(cases, sc.Score([]string{pair[0]}, []string{pair[1]}))
	}
	avg, _ := Averages(cases, nil, opt)
	a := avg[0]
	fmt.Printf("%s average R %.5f, 95%% interval %.5f-%.5f\n", a.Metric, a.R.Average, a.R.Low, a.R.High)
	// Output:
	// ROUGE-1 average R 0.53340, 95% interval 0.50000-0.60000
}
