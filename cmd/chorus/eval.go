package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/evaluate"
	"github.com/chorus-brief/chorus/rouge"
	"github.com/chorus-brief/chorus/summarize"
)

// defaultEvalWords is the summary length Multi-News results are reported
// at (the human summaries average about 260 words).
const defaultEvalWords = 230

// defaultRouge is the ROUGE-1.5.5 setting Multi-News papers report.
const defaultRouge = "-n 2 -2 4 -u -m"

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "--input clusters.jsonl[.gz] [--summaries system.jsonl] [flags]")
	input := fs.String("input", "", "dataset JSONL (plain or gzip): clusters with \"summary\" or \"references\"")
	summaries := fs.String("summaries", "", "score this system's summaries (JSONL {\"id\",\"summary\"}, sentences separated by \\n) instead of summarizing")
	words := fs.Int("words", defaultEvalWords, "word budget of each summary")
	method := fs.String("method", summarize.Default, "summarization method, or a comma-separated list to compare ("+strings.Join(summarize.Names(), ", ")+")")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	rougeFlags := fs.String("rouge", defaultRouge, "ROUGE-1.5.5 flags (-c 95 -r 1000 unless given)")
	workers := fs.Int("workers", 0, "parallel workers (0: one per CPU)")
	limit := fs.Int("limit", 0, "evaluate only the first N clusters (0: all)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *input == "" {
		return fmt.Errorf("%w: --input is required", errUsage)
	}
	if *words <= 0 {
		return fmt.Errorf("%w: --words must be positive", errUsage)
	}
	opt, err := rouge.ParseFlags(strings.Fields(*rougeFlags))
	if err != nil {
		return fmt.Errorf("%w: --rouge: %v", errUsage, err)
	}

	var methods []evaluate.Method
	var sums map[string][]string
	if *summaries != "" {
		f, err := os.Open(*summaries)
		if err != nil {
			return fmt.Errorf("open summaries: %w", err)
		}
		sums, err = evaluate.ReadSummaries(ctx, f, *summaries)
		f.Close()
		if err != nil {
			return err
		}
		methods = []evaluate.Method{{Name: "summaries", Summarize: evaluate.FromSummaries(sums)}}
	} else {
		for _, name := range strings.Split(*method, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				continue
			}
			if _, err := summarize.New(name); err != nil {
				return fmt.Errorf("%w: %v", errUsage, err)
			}
			opts := chorus.Options{Words: *words, Method: name}
			methods = append(methods, evaluate.Method{Name: name, Summarize: func(c article.Cluster) ([]string, error) {
				return chorus.SummarizeCluster(c, opts)
			}})
		}
		if len(methods) == 0 {
			return fmt.Errorf("%w: --method names no method", errUsage)
		}
	}

	clusters, skipped, err := article.ReadClusterFile(ctx, *input)
	if err != nil {
		return err
	}
	for i, s := range skipped {
		if i == 5 {
			fmt.Fprintf(e.stderr, "chorus eval: … %d more bad lines\n", len(skipped)-5)
			break
		}
		fmt.Fprintf(e.stderr, "chorus eval: skipped %v\n", s)
	}
	if *limit > 0 && len(clusters) > *limit {
		clusters = clusters[:*limit]
	}
	if sums != nil {
		missing, extra := evaluate.Match(clusters, sums)
		if len(missing) > 0 {
			fmt.Fprintf(e.stderr, "chorus eval: %d clusters have no summary (scored as empty): %s\n", len(missing), sample(missing))
		}
		if len(extra) > 0 {
			fmt.Fprintf(e.stderr, "chorus eval: %d summaries match no cluster: %s\n", len(extra), sample(extra))
		}
	}

	cfg := evaluate.Config{Methods: methods, Rouge: opt, Workers: *workers}
	if e.terminal {
		var bar *progressbar.ProgressBar
		var current string
		cfg.Progress = func(name string, done, total int) {
			if bar == nil || name != current {
				if bar != nil {
					_ = bar.Finish()
				}
				current = name
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(e.stderr),
					progressbar.OptionSetDescription(name), progressbar.OptionShowCount(),
					progressbar.OptionShowIts(), progressbar.OptionSetItsString("clusters"),
					progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
			}
			_ = bar.Set(done)
		}
		defer func() {
			if bar != nil {
				_ = bar.Finish()
			}
		}()
	}
	rep, err := evaluate.Run(ctx, clusters, cfg)
	if err != nil {
		return err
	}
	if rep.NoReference > 0 {
		fmt.Fprintf(e.stderr, "chorus eval: %d clusters have no reference summary and were skipped\n", rep.NoReference)
	}
	if rep.Clusters == 0 {
		return fmt.Errorf("no cluster of %s has a reference summary", *input)
	}
	if *asJSON {
		return rep.WriteJSON(e.stdout)
	}
	return rep.WriteTable(e.stdout)
}

// sample lists the first few of ids.
func sample(ids []string) string {
	if len(ids) <= 5 {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:5], ", ") + ", …"
}
