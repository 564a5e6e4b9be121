// Package evaluate measures summarizers on a dataset with ROUGE: it runs
// each method over the clusters in parallel, scores every summary against
// the cluster's human references exactly as ROUGE-1.5.5 would, and
// reports set averages with bootstrap confidence intervals, speed and
// memory, as a table for people and JSON for scripts.
package evaluate

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/procstat"
	"github.com/chorus-brief/chorus/rouge"
	"github.com/chorus-brief/chorus/text"
)

// Summarizer returns the sentences of a cluster's summary, in order.
// It is called from several goroutines at once.
type Summarizer func(article.Cluster) ([]string, error)

// Method is a named summarizer to evaluate.
type Method struct {
	Name      string
	Summarize Summarizer
}

// Config controls a Run.
type Config struct {
	// Methods are evaluated one after the other on the same clusters.
	Methods []Method
	// Rouge are the scoring options (rouge.DefaultOptions() if zero).
	Rouge rouge.Options
	// Workers is the number of parallel workers; 0 means runtime.NumCPU().
	Workers int
	// Progress, when set, is called from a single goroutine after each
	// cluster with the method name and the clusters done so far.
	Progress func(method string, done, total int)
}

// MethodResult is the evaluation of one method.
type MethodResult struct {
	Method string `json:"method"`
	// Clusters is the number of clusters scored.
	Clusters int `json:"clusters"`
	// Failed counts clusters whose summarizer returned an error; they are
	// scored as empty summaries. Errors holds the first few messages.
	Failed int      `json:"failed"`
	Errors []string `json:"errors,omitempty"`
	// Words is the mean summary length in words (blank-separated).
	Words float64 `json:"mean_words"`
	// Scores holds the set averages and intervals, in metric order.
	Scores []rouge.Average `json:"scores"`
	// Seconds is the wall time to summarize and score every cluster.
	Seconds float64 `json:"seconds"`
	// ClustersPerSecond is Clusters / Seconds.
	ClustersPerSecond float64 `json:"clusters_per_second"`
}

// Report is the result of a Run.
type Report struct {
	// Clusters is the number of clusters evaluated (those with a reference).
	Clusters int `json:"clusters"`
	// NoReference counts input clusters skipped for having no reference.
	NoReference int `json:"no_reference,omitempty"`
	// Rouge lists the ROUGE-1.5.5 flags the scores correspond to.
	Rouge []string `json:"rouge_flags"`
	// Metrics names the metrics, in order.
	Metrics []string       `json:"metrics"`
	Methods []MethodResult `json:"methods"`
	// Seconds is the wall time of the whole run.
	Seconds float64 `json:"seconds"`
	// PeakMemory is the process's peak resident memory in bytes.
	PeakMemory int64 `json:"peak_memory_bytes"`
	// Workers is the number of parallel workers used.
	Workers int `json:"workers"`
}

// maxErrors is how many error messages a MethodResult keeps.
const maxErrors = 5

// ReferenceLines splits a human reference summary into the sentence lines
// ROUGE-L sees.
func ReferenceLines(ref string) []string {
	spans := text.Sentences(ref)
	out := make([]string, 0, len(spans))
	for _, sp := range spans {
		if sp.Start >= 0 && sp.End <= len(ref) && sp.Start < sp.End {
			out = append(out, ref[sp.Start:sp.End])
		}
	}
	return out
}

// SummaryLines turns a summary's sentences into ROUGE lines: one line a
// sentence, with line breaks inside a sentence turned into spaces so that
// a sentence stays one unit.
func SummaryLines(sents []string) []string {
	out := make([]string, 0, len(sents))
	for _, s := range sents {
		if strings.ContainsAny(s, "\r\n") {
			s = strings.Join(strings.Fields(s), " ")
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Run evaluates every method on the clusters that have at least one
// reference. Results keep the input order, so the bootstrap (which
// depends on it) gives the same numbers on every run.
func Run(ctx context.Context, clusters []article.Cluster, cfg Config) (*Report, error) {
	opt := cfg.Rouge
	if opt == (rouge.Options{}) {
		opt = rouge.DefaultOptions()
	}
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if len(cfg.Methods) == 0 {
		return nil, errors.New("evaluate: no method given")
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	start := time.Now()
	rep := &Report{Rouge: opt.Flags(), Metrics: opt.Metrics(), Workers: workers}

	// References are split once and shared by all methods.
	var use []article.Cluster
	var refs [][][]string
	for _, c := range clusters {
		var rs [][]string
		for _, r := range c.References {
			if strings.TrimSpace(r) != "" {
				rs = append(rs, ReferenceLines(r))
			}
		}
		if len(rs) == 0 {
			rep.NoReference++
			continue
		}
		use = append(use, c)
		refs = append(refs, rs)
	}
	rep.Clusters = len(use)
	for _, m := range cfg.Methods {
		res, err := runMethod(ctx, m, use, refs, opt, workers, cfg.Progress)
		if err != nil {
			return nil, err
		}
		rep.Methods = append(rep.Methods, *res)
	}
	rep.Seconds = time.Since(start).Seconds()
	rep.PeakMemory = int64(procstat.PeakRSS())
	return rep, nil
}

type caseResult struct {
	scores []rouge.Score
	words  int
	err    error
}

func runMethod(ctx context.Context, m Method, clusters []article.Cluster, refs [][][]string,
	opt rouge.Options, workers int, progress func(string, int, int)) (*MethodResult, error) {
	start := time.Now()
	results := make([]caseResult, len(clusters))
	jobs := make(chan int)
	done := make(chan struct{}, 64)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	var scorerErr error
	var errOnce sync.Once
	for w := 0; w < min(workers, max(1, len(clusters))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc, err := rouge.NewScorer(opt)
			if err != nil {
				errOnce.Do(func() { scorerErr = err; cancel() })
				return
			}
			for i := range jobs {
				results[i] = scoreOne(sc, m, clusters[i], refs[i])
				done <- struct{}{}
			}
		}()
	}
	// Feed jobs; collect progress on this goroutine.
	go func() {
		defer close(jobs)
		for i := range clusters {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	n := 0
	for range done {
		n++
		if progress != nil {
			progress(m.Name, n, len(clusters))
		}
	}
	if scorerErr != nil {
		return nil, scorerErr
	}
	if err := ctx.Err(); err != nil && n < len(clusters) {
		return nil, err
	}

	res := &MethodResult{Method: m.Name, Clusters: len(clusters)}
	all := make([][]rouge.Score, len(results))
	words := 0
	for i, r := range results {
		all[i] = r.scores
		words += r.words
		if r.err != nil {
			res.Failed++
			if len(res.Errors) < maxErrors {
				res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", clusters[i].ID, r.err))
			}
		}
	}
	avg, err := rouge.Averages(all, nil, opt)
	if err != nil {
		return nil, fmt.Errorf("average %s: %w", m.Name, err)
	}
	res.Scores = avg
	if len(results) > 0 {
		res.Words = float64(words) / float64(len(results))
	}
	res.Seconds = time.Since(start).Seconds()
	if res.Seconds > 0 {
		res.ClustersPerSecond = float64(len(results)) / res.Seconds
	}
	return res, nil
}

// scoreOne summarizes one cluster and scores it. A summarizer error or
// panic is recorded and the cluster is scored as an empty summary.
func scoreOne(sc *rouge.Scorer, m Method, c article.Cluster, refs [][]string) (r caseResult) {
	var sents []string
	func() {
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("summarizer panicked: %v", p)
			}
		}()
		sents, r.err = m.Summarize(c)
	}()
	if r.err != nil {
		sents = nil
	}
	lines := SummaryLines(sents)
	for _, l := range lines {
		r.words += len(strings.Fields(l))
	}
	r.scores = sc.Score(lines, refs...)
	return r
}
