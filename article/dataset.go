package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// LineError reports a line of a JSONL input that could not be used. Readers
// report it and go on with the next line.
type LineError struct {
	Name string // file name, or "stdin"
	Line int    // 1-based line number
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// MaxLineBytes is the longest JSONL line the dataset reader accepts.
const MaxLineBytes = 64 << 20

// ReadClusters reads dataset JSONL, one cluster a line, from r (gzip is
// detected from its magic bytes) and calls fn for each good cluster in
// input order. A line that is not a usable cluster is passed to onErr as a
// *LineError and skipped. It stops at the first error fn returns, at a read
// error, or when ctx is done.
//
// A line is {"id", "documents": [...], "summary" | "references"}; documents
// are strings or {"name", "text"} objects, and a single string holding
// documents separated by "|||||" (the raw Multi-News form) is split.
func ReadClusters(ctx context.Context, r io.Reader, name string, fn func(Cluster) error, onErr func(error)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<20), MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		c, err := parseCluster(b)
		if err != nil {
			if onErr != nil {
				onErr(&LineError{Name: name, Line: line, Err: err})
			}
			continue
		}
		if c.ID == "" {
			c.ID = fmt.Sprintf("%s:%d", name, line)
		}
		for i := range c.Articles {
			c.Articles[i].Origin = fmt.Sprintf("%s:%d#%d", name, line, i+1)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s after line %d: %w", name, line, err)
	}
	return nil
}

// ReadClusterFile reads every cluster of a dataset JSONL file (plain or
// gzip). Bad lines are returned as *LineError values in skipped.
func ReadClusterFile(ctx context.Context, path string) (clusters []Cluster, skipped []error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open dataset: %w", err)
	}
	defer f.Close()
	err = ReadClusters(ctx, f, path, func(c Cluster) error {
		clusters = append(clusters, c)
		return nil
	}, func(e error) { skipped = append(skipped, e) })
	return clusters, skipped, err
}

type rawCluster struct {
	ID         json.RawMessage `json:"id"`
	Documents  json.RawMessage `json:"documents"`
	Summary    json.RawMessage `json:"summary"`
	References []string        `json:"references"`
}

type rawDoc struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

func parseCluster(b []byte) (Cluster, error) {
	var rc rawCluster
	if err := json.Unmarshal(b, &rc); err != nil {
		return Cluster{}, fmt.Errorf("not a JSON object: %w", err)
	}
	var c Cluster
	if len(rc.ID) > 0 {
		var s string
		if err := json.Unmarshal(rc.ID, &s); err == nil {
			c.ID = s
		} else {
			c.ID = strings.Trim(string(rc.ID), `"`)
		}
	}
	if len(rc.Documents) == 0 {
		return c, fmt.Errorf("no \"documents\" field")
	}
	var docs []string
	var names []string
	var one string
	if err := json.Unmarshal(rc.Documents, &one); err == nil {
		docs = strings.Split(one, "|||||")
	} else {
		var arr []json.RawMessage
		if err := json.Unmarshal(rc.Documents, &arr); err != nil {
			return c, fmt.Errorf("\"documents\" is neither a string nor a list")
		}
		for i, d := range arr {
			var s string
			if err := json.Unmarshal(d, &s); err == nil {
				docs = append(docs, s)
				names = append(names, "")
				continue
			}
			var rd rawDoc
			if err := json.Unmarshal(d, &rd); err != nil {
				return c, fmt.Errorf("document %d is neither a string nor {\"name\",\"text\"}", i+1)
			}
			docs = append(docs, rd.Text)
			names = append(names, rd.Name)
		}
	}
	for i, d := range docs {
		if strings.TrimSpace(d) == "" {
			continue
		}
		a := Article{Text: d}
		if i < len(names) {
			a.Source = names[i]
		}
		a.ID = StableID(a)
		c.Articles = append(c.Articles, a)
	}
	if len(c.Articles) == 0 {
		return c, fmt.Errorf("no document has text")
	}
	if len(rc.Summary) > 0 {
		var s string
		if err := json.Unmarshal(rc.Summary, &s); err == nil && s != "" {
			c.References = append(c.References, s)
		} else {
			var ss []string
			if err := json.Unmarshal(rc.Summary, &ss); err == nil {
				c.References = append(c.References, ss...)
			}
		}
	}
	c.References = append(c.References, rc.References...)
	return c, nil
}
