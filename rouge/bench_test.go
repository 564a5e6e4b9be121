package rouge

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/chorus-brief/chorus/internal/shared"
)

type benchCase struct {
	system []string
	ref    []string
}

// splitSentences is a plain splitter for the benchmark's tokenised text.
func splitSentences(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for len(line) > 0 {
			i := strings.Index(line, ". ")
			if i < 0 {
				out = append(out, line)
				break
			}
			out = append(out, line[:i+1])
			line = line[i+2:]
		}
	}
	return out
}

var (
	valOnce  sync.Once
	valCases []benchCase
)

// loadVal builds one case per val cluster: a system of about 260 words
// taken round-robin from the documents' sentences, and the human summary.
func loadVal(b *testing.B) []benchCase {
	p := shared.Path(b, "data/multinews500-val.jsonl.gz")
	valOnce.Do(func() {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var c struct {
				Documents []string `json:"documents"`
				Summary   string   `json:"summary"`
			}
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				b.Fatal(err)
			}
			var docs [][]string
			for _, d := range c.Documents {
				docs = append(docs, splitSentences(d))
			}
			var sys []string
			words := 0
			for pos := 0; words < 260; pos++ {
				added := false
				for _, d := range docs {
					if pos < len(d) && words < 260 {
						sys = append(sys, d[pos])
						words += len(strings.Fields(d[pos]))
						added = true
					}
				}
				if !added {
					break
				}
			}
			valCases = append(valCases, benchCase{sys, splitSentences(c.Summary)})
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
	})
	return valCases
}

// BenchmarkScoreCase scores one val cluster at a time with a warm Scorer
// (ROUGE-1, -2, -L, -SU4 with stemming).
func BenchmarkScoreCase(b *testing.B) {
	cases := loadVal(b)
	sc, err := NewScorer(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		sc.Score(c.system, c.ref)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		sc.Score(c.system, c.ref)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
}

// BenchmarkValSet scores all 5,622 val clusters per iteration on every
// core, each worker with a fresh Scorer (so stemming starts cold), then
// computes the bootstrap averages: the whole of what `chorus eval` does
// after summarizing.
func BenchmarkValSet(b *testing.B) {
	cases := loadVal(b)
	opt := DefaultOptions()
	workers := runtime.GOMAXPROCS(0)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		out := make([][]Score, len(cases))
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				sc, _ := NewScorer(opt)
				for j := w; j < len(cases); j += workers {
					out[j] = sc.Score(cases[j].system, cases[j].ref)
				}
			}(w)
		}
		wg.Wait()
		if _, err := Averages(out, nil, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(cases))*float64(b.N)/b.Elapsed().Seconds(), "clusters/s")
	// CPU seconds per iteration do not depend on other load on the machine.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkBootstrap is the averaging step alone on 5,622 cases.
func BenchmarkBootstrap(b *testing.B) {
	cases := loadVal(b)
	sc, _ := NewScorer(DefaultOptions())
	out := make([][]Score, len(cases))
	for j, c := range cases {
		out[j] = sc.Score(c.system, c.ref)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Averages(out, nil, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}
