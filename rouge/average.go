package rouge

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
)

// Estimate is a set average of one measure with its confidence interval,
// as ROUGE-1.5.5 prints them.
type Estimate struct {
	// Average is Perl's printed Average_X: the mean of the sorted
	// bootstrap resample means, rounded to 5 decimals.
	Average float64 `json:"average"`
	// Low and High bound the confidence interval (-c), rounded.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Mean is the plain mean of the per-case values (Perl does not print
	// it).
	Mean float64 `json:"mean"`
}

// Average is the set average of one metric.
type Average struct {
	Metric string   `json:"metric"`
	R      Estimate `json:"r"`
	P      Estimate `json:"p"`
	F      Estimate `json:"f"`
}

// DefaultKeys returns the instance keys ROUGE-1.5.5 gives n cases read
// with -z (a list of pairs): "1.X", "2.X" … The bootstrap visits cases in
// the byte order of their keys.
func DefaultKeys(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i+1) + ".X"
	}
	return out
}

// Averages computes ROUGE-1.5.5's set averages and confidence intervals
// from per-case scores (each case a Score slice in the same metric order,
// as Scorer.Score returns them). keys are Perl's instance keys
// ("<evalID>.<peerID>"), which fix the bootstrap's order; nil means
// DefaultKeys. The bootstrap is Perl's own: drand48 reseeded for each of
// opt.Resamples resamples, so the result is exactly what the script prints.
func Averages(cases [][]Score, keys []string, opt Options) ([]Average, error) {
	n := len(cases)
	if keys == nil {
		keys = DefaultKeys(n)
	}
	if len(keys) != n {
		return nil, fmt.Errorf("rouge: %d keys for %d cases", len(keys), n)
	}
	if n == 0 {
		return nil, nil
	}
	metrics := len(cases[0])
	for i, c := range cases {
		if len(c) != metrics {
			return nil, fmt.Errorf("rouge: case %d has %d metrics, case 1 has %d", i+1, len(c), metrics)
		}
		for m := range c {
			if c[m].Metric != cases[0][m].Metric {
				return nil, fmt.Errorf("rouge: case %d metric %d is %s, case 1 has %s", i+1, m+1, c[m].Metric, cases[0][m].Metric)
			}
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })

	// values[i*k+j]: series j (metric × R/P/F) of the i-th case in key order.
	k := 3 * metrics
	values := make([]float64, n*k)
	for i, ci := range order {
		for m, sc := range cases[ci] {
			values[i*k+3*m], values[i*k+3*m+1], values[i*k+3*m+2] = sc.R, sc.P, sc.F
		}
	}
	est := Bootstrap(values, k, opt.resamples(), opt.confidence())
	out := make([]Average, metrics)
	for m := range out {
		out[m] = Average{Metric: cases[0][m].Metric, R: est[3*m], P: est[3*m+1], F: est[3*m+2]}
	}
	return out, nil
}

// Bootstrap runs ROUGE-1.5.5's bootstrap on k series at once. values
// holds n rows of k values (row i is the i-th case in Perl's key order);
// the result holds one Estimate per series. Every series sees the same
// resamples, as in Perl, where each series reseeds drand48 identically.
func Bootstrap(values []float64, k, resamples, confidence int) []Estimate {
	if k <= 0 || len(values) < k {
		return make([]Estimate, max(k, 0))
	}
	if resamples <= 0 {
		resamples = 1000
	}
	if confidence <= 0 || confidence >= 100 {
		confidence = 95
	}
	n := len(values) / k
	values = values[:n*k]
	means := make([][]float64, k)
	for j := range means {
		means[j] = make([]float64, resamples)
	}
	sums := make([]float64, k)
	fn := float64(n)
	const two48 = 1 << 48
	for r := 0; r < resamples; r++ {
		x := uint64(r)<<16 + 0x330E
		clear(sums)
		for range n {
			x = (x*0x5DEECE66D + 0xB) & (two48 - 1)
			idx := int(fn * (float64(x) / two48))
			row := values[idx*k : idx*k+k]
			for j, v := range row {
				sums[j] += v
			}
		}
		for j := range sums {
			means[j][r] = sums[j] / fn
		}
	}
	out := make([]Estimate, k)
	R := float64(resamples)
	delta := R * float64(100-confidence) / 200
	a := math.Floor(R - delta - 1)
	rho := R - delta - 1 - a
	at := func(m []float64, i int) float64 { return m[max(0, min(i, len(m)-1))] }
	interp := func(m []float64, i int) float64 { return at(m, i) + (at(m, i+1)-at(m, i))*rho }
	for j := range out {
		m := means[j]
		slices.Sort(m)
		var sum float64
		for _, v := range m {
			sum += v
		}
		var plain float64
		for i := 0; i < n; i++ {
			plain += values[i*k+j]
		}
		out[j] = Estimate{
			Average: Round5(sum / R),
			Low:     Round5(interp(m, int(math.Floor(delta)))),
			High:    Round5(interp(m, int(a))),
			Mean:    plain / fn,
		}
	}
	return out
}
