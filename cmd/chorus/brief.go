package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/brief"
)

func runBrief(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "brief", "[flags] PATH|URL|- ...")
	words := fs.Int("words", chorus.DefaultWords, "word budget of the summary (it stops at the first whole sentence that reaches it)")
	format := fs.String("format", "md", "output format: md, json, text or html")
	method := fs.String("method", "", "summarization method (default: the learned Chorus scorer)")
	keepAll := fs.Bool("keep-all", false, "keep reports about a different event in the summary")
	noFacts := fs.Bool("no-facts", false, "leave out the fact sheet")
	title := fs.String("title", "", "title of the story (default: the headline of the main source)")
	output := fs.String("output", "-", "write the brief to this file (- for stdout)")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit for each URL")
	maxBytes := fs.Int64("max-bytes", article.DefaultMaxBytes, "largest input file or page in bytes; larger ones are refused")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := brief.ParseFormat(*format)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: name at least one file, folder, URL, or - for stdin", errUsage)
	}
	arts, problems := readInputs(ctx, e, fs.Args(), *timeout, *maxBytes)
	var warnings []string
	for _, p := range problems {
		kind := "skipped"
		if p.Warning {
			kind = "warning"
		}
		fmt.Fprintf(e.stderr, "chorus brief: %s: %v\n", kind, p)
		warnings = append(warnings, p.Error())
	}
	if len(arts) == 0 {
		return errors.New("no article could be read")
	}
	b, err := chorus.Brief(ctx, arts, chorus.Options{Words: *words, Method: *method, KeepAll: *keepAll, NoFacts: *noFacts, Title: *title})
	if err != nil {
		return err
	}
	b.Warnings = append(warnings, b.Warnings...)
	out := e.stdout
	if *output != "-" {
		file, err := os.Create(*output)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer file.Close()
		out = file
	}
	bw := bufio.NewWriter(out)
	if err := brief.Render(bw, b, f); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write brief: %w", err)
	}
	return nil
}

// readInputs reads every input; problems are reported, not fatal.
func readInputs(ctx context.Context, e *env, inputs []string, timeout time.Duration, maxBytes int64) ([]article.Article, []article.Problem) {
	return article.Read(ctx, inputs, e.stdin, article.Options{
		MaxBytes: maxBytes,
		Fetch:    article.FetchOptions{Timeout: timeout},
	})
}
