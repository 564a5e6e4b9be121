// Command chorus turns news reports about one story into a sourced brief.
//
//	chorus brief [flags] PATH|URL|- ...      write a brief
//	chorus summarize --input F --output F    summarize every cluster of a dataset
//	chorus eval --input F [flags]            score summaries with ROUGE
//	chorus train --input F --output F        learn the sentence scorer
//	chorus serve [flags]                     HTTP API and web page
//
// Run "chorus help COMMAND" for a command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// env is what a command may use of the outside world; tests replace it.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// terminal is true when stderr is a terminal (progress bars are shown).
	terminal bool
}

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands; each lives in a file of its own.
func commands() map[string]command {
	return map[string]command{
		"brief":     {"write a sourced brief from reports (files, folders, URLs, - for stdin)", runBrief},
		"summarize": {"summarize every cluster of a dataset JSONL file", runSummarize},
		"eval":      {"summarize and score a dataset with ROUGE (ROUGE-1.5.5 compatible)", runEval},
		"train":     {"learn the sentence scorer from a dataset", runTrain},
		"serve":     {"start the HTTP API and web page", runServe},
	}
}

// errUsage marks an error whose message is a usage problem (exit code 2).
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fi, _ := os.Stderr.Stat()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		terminal: fi != nil && fi.Mode()&os.ModeCharDevice != 0}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches to a subcommand and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" && len(args) == 1 {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	name := args[0]
	if name == "help" {
		name, args = args[1], []string{args[1], "-h"}
	}
	c, ok := cmds[name]
	if !ok {
		fmt.Fprintf(e.stderr, "chorus: unknown command %q\n", name)
		usage(e.stderr, cmds)
		return 2
	}
	err := c.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.stderr, "chorus %s: %v\n", name, err)
		return 2
	default:
		fmt.Fprintf(e.stderr, "chorus %s: %v\n", name, err)
		return 1
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "Chorus turns news reports about one story into a sourced brief.")
	fmt.Fprintln(w, "\nUsage: chorus COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"chorus help COMMAND\" for a command's flags.")
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("chorus "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: chorus %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}
