package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/procstat"
	"github.com/schollz/progressbar/v3"
)

func runSummarize(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "summarize", "--input clusters.jsonl[.gz] --output summaries.jsonl [flags]")
	input := fs.String("input", "", "dataset JSONL, one cluster a line (plain or gzip; - for stdin)")
	output := fs.String("output", "-", "where to write one {\"id\",\"summary\"} a line (- for stdout)")
	words := fs.Int("words", 230, "word budget of each summary (stops at the first whole sentence that reaches it)")
	method := fs.String("method", "", "summarization method (default: the learned Chorus scorer)")
	workers := fs.Int("workers", runtime.NumCPU(), "clusters summarized in parallel")
	quiet := fs.Bool("quiet", false, "print no progress and no figures")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *input == "" {
		return fmt.Errorf("%w: --input is required", errUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	opt := chorus.Options{Words: *words, Method: *method}
	// Fail on a bad method before reading anything.
	if _, err := chorus.SummarizeCluster(article.Cluster{}, opt); err != nil && !isEmptyCluster(err) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}

	var in io.Reader = e.stdin
	name := "stdin"
	var bar *progressbar.ProgressBar
	if *input != "-" {
		f, err := os.Open(*input)
		if err != nil {
			return fmt.Errorf("open input: %w", err)
		}
		defer f.Close()
		in, name = f, *input
		if e.terminal && !*quiet {
			if fi, err := f.Stat(); err == nil {
				bar = progressbar.DefaultBytes(fi.Size(), "summarizing")
				in = io.TeeReader(f, bar)
			}
		}
	}
	var out io.Writer = e.stdout
	if *output != "-" {
		f, err := os.Create(*output)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriterSize(out, 1<<16)

	start := time.Now()
	st, err := summarizeStream(ctx, in, name, bw, opt, max(1, *workers), func(err error) {
		fmt.Fprintf(e.stderr, "chorus summarize: skipped %v\n", err)
	})
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(e.stderr)
	}
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if err != nil {
		return err
	}
	if !*quiet {
		el := time.Since(start)
		fmt.Fprintf(e.stderr, "summarized %d clusters in %.2f s (%.0f clusters/s), %d skipped, peak memory %s\n",
			st.done, el.Seconds(), float64(st.done)/el.Seconds(), st.skipped, procstat.MiB(procstat.PeakRSS()))
	}
	return nil
}

// isEmptyCluster reports whether err only says that a cluster had no text,
// which is what probing a method with an empty cluster gives.
func isEmptyCluster(err error) bool { return err == chorus.ErrNoText }

type streamStats struct{ done, skipped int }

// summarizeStream reads clusters from r, summarizes them with n workers and
// writes the results to w in input order.
func summarizeStream(ctx context.Context, r io.Reader, name string, w io.Writer, opt chorus.Options, n int, report func(error)) (streamStats, error) {
	type job struct {
		seq int
		c   article.Cluster
	}
	type result struct {
		seq  int
		id   string
		sum  []string
		err  error
		skip bool
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 4*n)
	results := make(chan result, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				sum, err := chorus.SummarizeCluster(j.c, opt)
				results <- result{seq: j.seq, id: j.c.ID, sum: sum, err: err}
			}
		}()
	}
	var readErr error
	var skipped int
	go func() {
		seq := 0
		readErr = article.ReadClusters(ctx, r, name, func(c article.Cluster) error {
			select {
			case jobs <- job{seq, c}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(err error) {
			skipped++
			report(err)
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()

	var st streamStats
	pending := map[int]result{}
	next := 0
	var werr error
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for res := range results {
		pending[res.seq] = res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.err != nil {
				st.skipped++
				report(fmt.Errorf("cluster %s: %w", r.id, r.err))
				continue
			}
			if werr != nil {
				continue
			}
			if err := enc.Encode(struct {
				ID      string `json:"id"`
				Summary string `json:"summary"`
			}{r.id, strings.Join(r.sum, "\n")}); err != nil {
				werr = fmt.Errorf("write output: %w", err)
				cancel()
			}
			st.done++
		}
	}
	st.skipped += skipped
	if werr != nil {
		return st, werr
	}
	if readErr != nil && ctx.Err() == nil {
		return st, readErr
	}
	return st, ctx.Err()
}
