package evaluate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/chorus-brief/chorus/article"
)

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// WriteTable writes the report as a plain-text table: for each method
// and metric, R, P and F with their confidence intervals, then the
// method's mean summary length and speed, and finally the run's totals.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	conf := "95"
	for i, f := range r.Rouge {
		if f == "-c" && i+1 < len(r.Rouge) {
			conf = r.Rouge[i+1]
		}
	}
	fmt.Fprintf(tw, "ROUGE-1.5.5 %s, %d clusters\n\n", strings.Join(r.Rouge, " "), r.Clusters)
	fmt.Fprintf(tw, "method\tmetric\tR\t%s%% CI\tP\t%s%% CI\tF\t%s%% CI\t\n", conf, conf, conf)
	for _, m := range r.Methods {
		for i, a := range m.Scores {
			name := ""
			if i == 0 {
				name = m.Method
			}
			fmt.Fprintf(tw, "%s\t%s\t%.5f\t%.5f-%.5f\t%.5f\t%.5f-%.5f\t%.5f\t%.5f-%.5f\t\n", name, a.Metric,
				a.R.Average, a.R.Low, a.R.High, a.P.Average, a.P.Low, a.P.High, a.F.Average, a.F.Low, a.F.High)
		}
		fail := ""
		if m.Failed > 0 {
			fail = fmt.Sprintf(", %d failed (scored empty)", m.Failed)
		}
		// Untabbed trailing text does not widen the columns.
		fmt.Fprintf(tw, "\tlength\t%.1f words, %.1f clusters/s%s\n", m.Words, m.ClustersPerSecond, fail)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	_, err := fmt.Fprintf(w, "\n%d clusters, %d workers, %.2fs, peak memory %.1f MiB\n",
		r.Clusters, r.Workers, r.Seconds, float64(r.PeakMemory)/(1<<20))
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	for _, m := range r.Methods {
		for _, e := range m.Errors {
			if _, err := fmt.Fprintf(w, "%s error: %s\n", m.Method, e); err != nil {
				return fmt.Errorf("write report: %w", err)
			}
		}
	}
	return nil
}

// ReadSummaries reads system summaries as JSONL, one {"id", "summary"}
// object a line (the format `chorus summarize` writes; gzip is detected).
// A summary is one string with sentences separated by "\n", or a list of
// sentences. It returns the summaries by id; a repeated id is an error.
func ReadSummaries(ctx context.Context, r io.Reader, name string) (map[string][]string, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<20), article.MaxLineBytes)
	out := make(map[string][]string)
	line := 0
	for sc.Scan() {
		line++
		if line%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec struct {
			ID      json.RawMessage `json:"id"`
			Summary json.RawMessage `json:"summary"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object: %w", name, line, err)
		}
		var id string
		if err := json.Unmarshal(rec.ID, &id); err != nil {
			id = strings.Trim(string(rec.ID), `"`)
		}
		if id == "" {
			return nil, fmt.Errorf("%s:%d: no \"id\"", name, line)
		}
		var sents []string
		var one string
		if err := json.Unmarshal(rec.Summary, &one); err == nil {
			sents = strings.Split(one, "\n")
		} else if err := json.Unmarshal(rec.Summary, &sents); err != nil {
			return nil, fmt.Errorf("%s:%d: \"summary\" is neither a string nor a list of strings", name, line)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%s:%d: id %q repeated", name, line, id)
		}
		out[id] = sents
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s after line %d: %w", name, line, err)
	}
	return out, nil
}

// ErrNoSummary is returned by a FromSummaries summarizer for a cluster
// the summaries do not cover.
var ErrNoSummary = errors.New("no summary for this cluster id")

// FromSummaries returns a Summarizer that looks summaries up by cluster
// id.
func FromSummaries(sums map[string][]string) Summarizer {
	return func(c article.Cluster) ([]string, error) {
		s, ok := sums[c.ID]
		if !ok {
			return nil, ErrNoSummary
		}
		return s, nil
	}
}

// Match compares summaries with clusters by id: missing lists the ids of
// clusters without a summary, extra the summary ids of no cluster, both in
// input order (extra sorted).
func Match(clusters []article.Cluster, sums map[string][]string) (missing, extra []string) {
	seen := make(map[string]bool, len(clusters))
	for _, c := range clusters {
		seen[c.ID] = true
		if _, ok := sums[c.ID]; !ok {
			missing = append(missing, c.ID)
		}
	}
	for id := range sums {
		if !seen[id] {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	return missing, extra
}
