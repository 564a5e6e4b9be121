package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/summarize"
)

// runTrain learns the default method's sentence scorer from a dataset with
// reference summaries and writes the model (summarize/model.json is the
// one shipped in Chorus).
func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "--input clusters.jsonl[.gz] --output model.json [flags]")
	d := summarize.DefaultTrainOptions()
	input := fs.String("input", "", "dataset JSONL (.gz) with reference summaries (required)")
	output := fs.String("output", "", "model file to write (required)")
	seed := fs.Uint64("seed", d.Seed, "random seed (training is deterministic for a seed)")
	limit := fs.Int("limit", 0, "use at most this many clusters (0: all)")
	words := fs.Int("words", d.Words, "word budget of the oracle summaries that give the labels")
	trees := fs.Int("trees", d.Trees, "number of boosted trees")
	depth := fs.Int("depth", d.Depth, "depth of each tree")
	rate := fs.Float64("rate", d.Rate, "learning rate")
	minDF := fs.Int("min-df", d.MinDF, "smallest document frequency kept in the background statistics")
	redundancy := fs.Float64("redundancy", d.Redundancy, "redundancy penalty stored in the model for selection")
	label := fs.String("label", d.Label, "training target: oracle, density or mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *label != "oracle" && *label != "density" && *label != "mix" {
		return fmt.Errorf("%w: --label must be oracle, density or mix", errUsage)
	}
	if *input == "" || *output == "" || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: --input and --output are required", errUsage)
	}
	tr := summarize.NewTrainer(summarize.TrainOptions{
		Words: *words, Seed: *seed, Trees: *trees, Depth: *depth, Rate: *rate,
		MinDF: *minDF, Redundancy: *redundancy, Label: *label,
	})
	start := time.Now()
	// Pass 1: background document frequencies, word keep rates and the
	// lexical models.
	n, err := trainPass(ctx, e, *input, *limit, func(c article.Cluster) func() {
		p := tr.Prepare(chorus.AnalyseCluster(c), c.References)
		return func() { tr.Count(p) }
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("train: %s has no usable clusters", *input)
	}
	tr.FreezeDF()
	fmt.Fprintf(e.stderr, "train: %d clusters counted in %v\n", n, time.Since(start).Round(time.Millisecond))
	// Pass 2: features and oracle labels.
	if _, err := trainPass(ctx, e, *input, *limit, func(c article.Cluster) func() {
		if len(c.References) == 0 {
			return func() {}
		}
		ex := tr.Examples(chorus.AnalyseCluster(c), c.References)
		return func() { tr.Add(ex) }
	}); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "train: labelled in %v; fitting\n", time.Since(start).Round(time.Millisecond))
	m, err := tr.Fit()
	if err != nil {
		return err
	}
	f, err := os.Create(*output)
	if err != nil {
		return fmt.Errorf("create %s: %w", *output, err)
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", *output, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", *output, err)
	}
	fmt.Fprintf(e.stderr, "train: %s written in %v (%s)\n", *output, time.Since(start).Round(time.Millisecond), m.Trained)
	return nil
}

// trainPass reads the clusters of input (at most limit, 0: all), runs work
// on each in parallel, and runs the functions work returns in input order,
// so that the result does not depend on scheduling. It returns the number
// of clusters read.
func trainPass(ctx context.Context, e *env, input string, limit int, work func(article.Cluster) func()) (int, error) {
	f, err := os.Open(input)
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", input, err)
	}
	defer f.Close()
	type job struct {
		c    article.Cluster
		done chan func()
	}
	jobs := make(chan job, 64)
	order := make(chan chan func(), 256)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- work(j.c)
			}
		}()
	}
	applied := make(chan struct{})
	go func() {
		for done := range order {
			(<-done)()
		}
		close(applied)
	}()
	n := 0
	errStop := fmt.Errorf("limit reached")
	err = article.ReadClusters(ctx, f, input, func(c article.Cluster) error {
		if limit > 0 && n >= limit {
			return errStop
		}
		n++
		done := make(chan func(), 1)
		order <- done
		jobs <- job{c, done}
		return nil
	}, func(err error) { fmt.Fprintf(e.stderr, "train: skipped %v\n", err) })
	close(jobs)
	wg.Wait()
	close(order)
	<-applied
	if err != nil && err != errStop {
		return n, err
	}
	return n, nil
}
