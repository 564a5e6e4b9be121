// Package rouge scores summaries with ROUGE exactly as ROUGE-1.5.5.pl does:
// the same tokenisation (ASCII lowercasing, every other byte a separator),
// the same stemmer (WordNet 2.0 exception list plus its Porter variant),
// stop-word list, length limits, multi-reference rules, rounding and
// deterministic bootstrap averages. Chorus users get the numbers that
// summarization papers report, from a Go library or `chorus eval`, without
// Perl or a WordNet database.
//
// A Scorer scores one system summary against one or more references; the
// summary and each reference are lists of sentence lines, exactly what the
// Perl script reads from SPL files. Averages turns per-case scores into the
// set averages and confidence intervals the script prints.
package rouge

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Options are ROUGE-1.5.5's scoring flags. The zero value computes only
// ROUGE-L with α = 0.5, -c 95 and -r 1000; DefaultOptions gives the
// Multi-News settings.
type Options struct {
	// N is -n: ROUGE-1 … ROUGE-N are computed (0 = none).
	N int
	// SkipBigrams is true when -2 was given: ROUGE-S (or SU) is computed.
	SkipBigrams bool
	// SkipDistance is the -2 argument: the most words allowed between the
	// two words of a skip-bigram; negative means unlimited (ROUGE-S*).
	SkipDistance int
	// Unigrams is -u: skip-bigram items also include unigrams (ROUGE-SU).
	Unigrams bool
	// Stem is -m: tokens longer than 3 characters are stemmed.
	Stem bool
	// Stopwords is -s: SMART common words are removed before scoring.
	Stopwords bool
	// WordLimit is -l: only the first WordLimit words are scored (0 = all).
	WordLimit int
	// ByteLimit is -b: only the first ByteLimit bytes are scored (0 = all).
	ByteLimit int
	// Weight is -w: ROUGE-W with this weight is computed when > 0.
	Weight float64
	// WeightText is the -w argument as typed; it names the metric
	// ("ROUGE-W-1.2"). Empty means strconv's shortest form of Weight.
	WeightText string
	// NoL is -x: ROUGE-L is not computed.
	NoL bool
	// BestModel is -f B: with several references each metric takes the
	// reference with the best recall; otherwise (-f A) counts are summed.
	BestModel bool
	// Alpha is -p: F = PR/((1-α)P + αR). 0 (the zero value) and values
	// above 1 mean 0.5; ParseFlags stores -p 0 as the smallest positive
	// float, which gives F = R as Perl does.
	Alpha float64
	// Confidence is -c, the confidence level in percent (0 means 95).
	Confidence int
	// Resamples is -r, the number of bootstrap resamples (0 means 1000).
	Resamples int
}

// DefaultOptions returns the settings Multi-News papers report:
// -n 2 -2 4 -u -m -c 95 -r 1000.
func DefaultOptions() Options {
	return Options{N: 2, SkipBigrams: true, SkipDistance: 4, Unigrams: true, Stem: true,
		Alpha: 0.5, Confidence: 95, Resamples: 1000}
}

// alpha returns the F weight in effect.
func (o Options) alpha() float64 {
	if o.Alpha <= 0 || o.Alpha > 1 {
		return 0.5
	}
	return o.Alpha
}

func (o Options) confidence() int {
	if o.Confidence <= 0 || o.Confidence >= 100 {
		return 95
	}
	return o.Confidence
}

func (o Options) resamples() int {
	if o.Resamples <= 0 {
		return 1000
	}
	return o.Resamples
}

// metric kinds in print order.
const (
	kindN = iota
	kindL
	kindW
	kindS
)

type metricSpec struct {
	name string
	kind int
	n    int // n-gram size for kindN
}

// specs lists the metrics in the order ROUGE-1.5.5 prints them: ROUGE-1 …
// ROUGE-N, ROUGE-L, ROUGE-W, ROUGE-S/SU.
func (o Options) specs() []metricSpec {
	var out []metricSpec
	for n := 1; n <= o.N; n++ {
		out = append(out, metricSpec{name: "ROUGE-" + strconv.Itoa(n), kind: kindN, n: n})
	}
	if !o.NoL {
		out = append(out, metricSpec{name: "ROUGE-L", kind: kindL})
	}
	if o.Weight > 0 {
		wt := o.WeightText
		if wt == "" {
			wt = strconv.FormatFloat(o.Weight, 'g', -1, 64)
		}
		out = append(out, metricSpec{name: "ROUGE-W-" + wt, kind: kindW})
	}
	if o.SkipBigrams {
		name := "ROUGE-S"
		if o.Unigrams {
			name = "ROUGE-SU"
		}
		if o.SkipDistance < 0 {
			name += "*"
		} else {
			name += strconv.Itoa(o.SkipDistance)
		}
		out = append(out, metricSpec{name: name, kind: kindS})
	}
	return out
}

// Metrics returns the names of the metrics these options compute, in the
// order ROUGE-1.5.5 prints them (e.g. ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-SU4).
func (o Options) Metrics() []string {
	sp := o.specs()
	out := make([]string, len(sp))
	for i, s := range sp {
		out[i] = s.name
	}
	return out
}

// Validate reports options that ROUGE-1.5.5 would refuse.
func (o Options) Validate() error {
	switch {
	case o.N < 0:
		return errors.New("rouge: -n must be >= 0")
	case o.WordLimit < 0 || o.ByteLimit < 0:
		return errors.New("rouge: -l and -b must be >= 0")
	case o.WordLimit > 0 && o.ByteLimit > 0:
		return errors.New("rouge: -l and -b cannot be used together")
	case o.Weight < 0:
		return errors.New("rouge: -w must be > 0")
	}
	return nil
}

// ParseFlags reads a ROUGE-1.5.5.pl argument list such as
// "-c 95 -r 1000 -n 2 -2 4 -u -m -a -d". It understands -n -2 -u -m -s
// -l -b -w -x -f -p -c -r, and accepts and ignores -a, -d, -e DIR, -z FMT
// and -t 0 (the per-case average Chorus computes). Flags not given keep
// Perl's defaults: no ROUGE-N, ROUGE-L on, -f A, -p 0.5, -c 95, -r 1000.
func ParseFlags(args []string) (Options, error) {
	o := Options{Alpha: 0.5, Confidence: 95, Resamples: 1000}
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func() (string, error) {
			if i+1 >= len(args) {
				return "", fmt.Errorf("rouge: flag %s needs a value", a)
			}
			i++
			return args[i], nil
		}
		integer := func() (int, error) {
			v, err := val()
			if err != nil {
				return 0, err
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return 0, fmt.Errorf("rouge: flag %s: %q is not an integer", a, v)
			}
			return n, nil
		}
		var err error
		switch a {
		case "-n":
			o.N, err = integer()
			if err == nil && o.N < 1 {
				err = fmt.Errorf("rouge: -n must be >= 1")
			}
		case "-2":
			o.SkipBigrams = true
			o.SkipDistance, err = integer()
		case "-u":
			o.Unigrams = true
		case "-m":
			o.Stem = true
		case "-s":
			o.Stopwords = true
		case "-l":
			o.WordLimit, err = integer()
		case "-b":
			o.ByteLimit, err = integer()
		case "-w":
			var v string
			if v, err = val(); err == nil {
				o.Weight, err = strconv.ParseFloat(v, 64)
				if err != nil || o.Weight <= 0 {
					err = fmt.Errorf("rouge: -w: %q is not a positive number", v)
				}
				o.WeightText = v
			}
		case "-x":
			o.NoL = true
		case "-f":
			var v string
			if v, err = val(); err == nil {
				switch v {
				case "A":
					o.BestModel = false
				case "B":
					o.BestModel = true
				default:
					err = fmt.Errorf("rouge: -f must be A or B, not %q", v)
				}
			}
		case "-p":
			var v string
			if v, err = val(); err == nil {
				o.Alpha, err = strconv.ParseFloat(v, 64)
				if err != nil || o.Alpha < 0 || o.Alpha > 1 {
					err = fmt.Errorf("rouge: -p: %q is not a number in [0,1]", v)
				} else if o.Alpha == 0 {
					o.Alpha = math.SmallestNonzeroFloat64
				}
			}
		case "-c":
			o.Confidence, err = integer()
			if err == nil && (o.Confidence <= 0 || o.Confidence >= 100) {
				err = fmt.Errorf("rouge: -c must be in 1..99")
			}
		case "-r":
			o.Resamples, err = integer()
			if err == nil && o.Resamples < 1 {
				err = fmt.Errorf("rouge: -r must be >= 1")
			}
		case "-t":
			var n int
			if n, err = integer(); err == nil && n != 0 {
				err = fmt.Errorf("rouge: only -t 0 (average per case) is supported")
			}
		case "-a", "-d":
		case "-e", "-z":
			_, err = val()
		default:
			err = fmt.Errorf("rouge: unknown or unsupported flag %q", a)
		}
		if err != nil {
			return Options{}, err
		}
	}
	if err := o.Validate(); err != nil {
		return Options{}, err
	}
	return o, nil
}

// Flags returns the ROUGE-1.5.5.pl arguments that give these options, in
// a fixed order, e.g. [-n 2 -2 4 -u -m -c 95 -r 1000]. ParseFlags reads
// them back.
func (o Options) Flags() []string {
	var f []string
	if o.N > 0 {
		f = append(f, "-n", strconv.Itoa(o.N))
	}
	if o.SkipBigrams {
		f = append(f, "-2", strconv.Itoa(o.SkipDistance))
		if o.Unigrams {
			f = append(f, "-u")
		}
	}
	if o.Stem {
		f = append(f, "-m")
	}
	if o.Stopwords {
		f = append(f, "-s")
	}
	if o.WordLimit > 0 {
		f = append(f, "-l", strconv.Itoa(o.WordLimit))
	}
	if o.ByteLimit > 0 {
		f = append(f, "-b", strconv.Itoa(o.ByteLimit))
	}
	if o.Weight > 0 {
		wt := o.WeightText
		if wt == "" {
			wt = strconv.FormatFloat(o.Weight, 'g', -1, 64)
		}
		f = append(f, "-w", wt)
	}
	if o.NoL {
		f = append(f, "-x")
	}
	if o.BestModel {
		f = append(f, "-f", "B")
	}
	if a := o.alpha(); a != 0.5 {
		f = append(f, "-p", strconv.FormatFloat(a, 'g', -1, 64))
	}
	return append(f, "-c", strconv.Itoa(o.confidence()), "-r", strconv.Itoa(o.resamples()))
}
