package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// LineError reports a line of a JSONL input that could not be used. Readers
// report it and go on with the next line.
type LineError struct {
	Name string // file name, or "stdin"
	Line int    // 1-based line number
	Err  error
}

// Error returns "name:line: problem".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }

// Unwrap returns the problem.
func (e *LineError) Unwrap() error { return e.Err }

// MaxLineBytes is the longest JSONL line the dataset reader accepts; a
// longer line is reported as a *LineError and skipped.
const MaxLineBytes = 64 << 20

// ReadClusters reads dataset JSONL, one cluster a line, from r (gzip is
// detected from its magic bytes) and calls fn for each good cluster in
// input order. A line that is not a usable cluster is passed to onErr as a
// *LineError and skipped. It stops at the first error fn returns, at a read
// error, or when ctx is done.
//
// A line is {"id", "documents": [...], "summary" | "references"}; documents
// are strings or {"name", "text"} objects (also read: "title", "url",
// "date", "source", "author"; "name" is the outlet and becomes Source). A
// single string holding documents separated by "|||||" (the raw Multi-News
// form) is split, and so is a line that is not JSON but raw Multi-News
// source text (documents separated by "|||||", "NEWLINE_CHAR" for line
// breaks). "NEWLINE_CHAR" becomes "\n" in every document. "summary" and
// "references" may each be a string or a list of strings; all become
// References. Each article gets its StableID and an Origin of the form
// "name:line#k" (k is the document's 1-based position); a cluster with no
// id gets "name:line".
//
// Decompression and line splitting run in a second goroutine, ahead of
// parsing, so that reading overlaps with the caller's work.
func ReadClusters(ctx context.Context, r io.Reader, name string, fn func(Cluster) error, onErr func(error)) error {
	return readLines(ctx, r, name, MaxLineBytes, func(line int, b []byte, tooLong bool) error {
		var c Cluster
		var err error
		if tooLong {
			err = fmt.Errorf("line longer than %s", sizeString(MaxLineBytes))
		} else {
			c, err = parseClusterLine(b)
		}
		if err != nil {
			if onErr != nil {
				onErr(&LineError{Name: name, Line: line, Err: err})
			}
			return nil
		}
		if c.ID == "" {
			c.ID = fmt.Sprintf("%s:%d", name, line)
		}
		for i := range c.Articles {
			c.Articles[i].Origin = fmt.Sprintf("%s:%d#%d", name, line, i+1)
		}
		return fn(c)
	})
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

// lineBatch carries lines from the reading goroutine to the parser. data
// holds the lines back to back; ends[i] is the end of line i in data.
type lineBatch struct {
	first   int // number of the first line
	data    []byte
	ends    []int
	tooLong []bool
	err     error
}

const batchBytes = 256 << 10

// readLines splits r (gunzipped when it starts with the gzip magic) into
// lines and calls fn with each non-blank one (blanks trimmed), its 1-based
// number, and whether it was longer than maxLine (then b is empty). The
// reading runs in its own goroutine. readLines stops when fn returns an
// error, on a read error (wrapped with name and the last line number) or
// when ctx is done.
func readLines(ctx context.Context, r io.Reader, name string, maxLine int, fn func(line int, b []byte, tooLong bool) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	var src io.Reader = br
	var zr *gzip.Reader
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		var err error
		zr, err = gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		src = zr
	}
	stop := make(chan struct{})
	defer close(stop)
	ch := make(chan lineBatch, 4)
	go produceLines(src, zr, maxLine, ch, stop)
	last := 0
	for batch := range ch {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := 0
		for i, end := range batch.ends {
			line := batch.first + i
			last = line
			b := bytes.TrimSpace(batch.data[start:end])
			start = end
			if len(b) == 0 && !batch.tooLong[i] {
				continue
			}
			if err := fn(line, b, batch.tooLong[i]); err != nil {
				return err
			}
		}
		if batch.err != nil {
			if errors.Is(batch.err, ErrTooLarge) {
				return fmt.Errorf("read %s: %w", name, batch.err)
			}
			return fmt.Errorf("read %s after line %d: %w", name, last, batch.err)
		}
	}
	return nil
}

// produceLines reads lines from r into batches and sends them on ch; it
// closes ch at the end and zr (when not nil) when done reading.
func produceLines(r io.Reader, zr *gzip.Reader, maxLine int, ch chan<- lineBatch, stop <-chan struct{}) {
	defer close(ch)
	if zr != nil {
		defer zr.Close()
	}
	br := bufio.NewReaderSize(r, 1<<16)
	line := 0
	batch := lineBatch{first: 1}
	send := func() bool {
		select {
		case ch <- batch:
		case <-stop:
			return false
		}
		batch = lineBatch{first: line + 1, data: make([]byte, 0, batchBytes)}
		return true
	}
	batch.data = make([]byte, 0, batchBytes)
	for {
		start := len(batch.data)
		tooLong := false
		got := false
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			if len(frag) > 0 {
				got = true
			}
			if !tooLong {
				if len(batch.data)-start+len(frag) > maxLine+1 {
					tooLong = true
					batch.data = batch.data[:start]
				} else {
					batch.data = append(batch.data, frag...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if got {
			line++
			batch.ends = append(batch.ends, len(batch.data))
			batch.tooLong = append(batch.tooLong, tooLong)
		}
		if err != nil {
			if err != io.EOF {
				batch.err = err
			}
			send()
			return
		}
		if len(batch.data) >= batchBytes || len(batch.ends) >= 512 {
			if !send() {
				return
			}
		}
	}
}

// parseClusterLine reads one dataset line: a JSON cluster, or raw
// Multi-News source text.
func parseClusterLine(b []byte) (Cluster, error) {
	if len(b) > 0 && b[0] != '{' && b[0] != '[' && (bytes.Contains(b, []byte("|||||")) || bytes.Contains(b, []byte("NEWLINE_CHAR"))) {
		if !utf8.Valid(b) {
			return Cluster{}, ErrNotUTF8
		}
		return clusterFromDocs(Cluster{}, splitRawDocs(string(b)))
	}
	rec, err := parseRecord(b)
	if err != nil {
		return Cluster{}, err
	}
	if !rec.hasDocs {
		return Cluster{ID: rec.id}, errors.New(`no "documents" field`)
	}
	c := Cluster{ID: rec.id, References: rec.refs}
	return clusterFromDocs(c, rec.docs)
}

// clusterFromDocs keeps the documents with text, gives them their IDs and
// refuses a cluster left empty.
func clusterFromDocs(c Cluster, docs []Article) (Cluster, error) {
	c.Articles = make([]Article, 0, len(docs))
	for _, a := range docs {
		if isBlank(a.Text) {
			continue
		}
		a.ID = StableID(a)
		c.Articles = append(c.Articles, a)
	}
	if len(c.Articles) == 0 {
		return c, errors.New("no document has text")
	}
	return c, nil
}

// splitRawDocs splits raw Multi-News text on "|||||" and turns
// "NEWLINE_CHAR" into line breaks.
func splitRawDocs(s string) []Article {
	parts := strings.Split(s, "|||||")
	out := make([]Article, 0, len(parts))
	for _, p := range parts {
		out = append(out, Article{Text: rawNewlines(p)})
	}
	return out
}

// rawNewlines replaces the "NEWLINE_CHAR" marker of raw Multi-News text by
// "\n" and trims the blanks the marker leaves around line breaks.
func rawNewlines(s string) string {
	if !strings.Contains(s, "NEWLINE_CHAR") {
		return s
	}
	lines := strings.Split(s, "NEWLINE_CHAR")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			if s[i] < 0x80 {
				return false
			}
			return strings.TrimSpace(s) == ""
		}
	}
	return true
}

// record is one JSONL line as read: an article line, or a dataset line
// (hasDocs) with its documents.
type record struct {
	id, title, source, url, date, author, text string
	hasText                                    bool
	hasDocs                                    bool
	docs                                       []Article
	docDates                                   []string // raw "date" of each document
	refs                                       []string
}

// parseRecord reads a JSON object line holding either an article
// ({"id","title","source","url","date","author","text"}; "content" and
// "body" are read when "text" is absent) or a dataset cluster
// ({"id","documents","summary"|"references"}).
func parseRecord(b []byte) (record, error) {
	var rec record
	s := &jsonScanner{b: b}
	if s.peek() != '{' {
		return rec, errors.New("not a JSON object")
	}
	var alt string
	err := s.object(func(k string) error {
		var err error
		switch k {
		case "id":
			rec.id, _, err = s.scalar()
		case "title", "headline":
			rec.title, _, err = s.scalar()
		case "source", "outlet", "site", "site_name", "publisher":
			rec.source, _, err = s.scalar()
		case "url", "link":
			rec.url, _, err = s.scalar()
		case "date", "published", "published_at":
			rec.date, _, err = s.scalar()
		case "author", "byline":
			rec.author, _, err = s.scalar()
		case "text":
			rec.text, rec.hasText, err = s.scalar()
		case "content", "body":
			alt, _, err = s.scalar()
		case "documents":
			rec.hasDocs = true
			err = parseDocuments(s, &rec)
		case "summary", "references":
			var l []string
			l, err = s.stringList()
			for _, r := range l {
				if !isBlank(r) {
					rec.refs = append(rec.refs, r)
				}
			}
		default:
			err = s.skip()
		}
		return err
	})
	if err != nil {
		return rec, err
	}
	if err := s.end(); err != nil {
		return rec, err
	}
	if !rec.hasText || isBlank(rec.text) {
		if !isBlank(alt) {
			rec.text, rec.hasText = alt, true
		}
	}
	return rec, nil
}

// parseDocuments reads the "documents" value: a string (split on "|||||")
// or a list of strings and {"name","text",...} objects.
func parseDocuments(s *jsonScanner, rec *record) error {
	switch s.peek() {
	case '"':
		v, err := s.str()
		if err != nil {
			return err
		}
		rec.docs = splitRawDocs(v)
		rec.docDates = make([]string, len(rec.docs))
		return nil
	case '[':
	default:
		return errors.New(`"documents" is neither a string nor a list`)
	}
	return s.array(func(i int) error {
		switch s.peek() {
		case '"':
			v, err := s.str()
			if err != nil {
				return err
			}
			rec.docs = append(rec.docs, Article{Text: rawNewlines(v)})
			rec.docDates = append(rec.docDates, "")
			return nil
		case '{':
		default:
			return fmt.Errorf(`document %d is neither a string nor {"name","text"}`, i+1)
		}
		var a Article
		var date, name string
		err := s.object(func(k string) error {
			var err error
			switch k {
			case "text", "content", "body":
				var v string
				v, _, err = s.scalar()
				if isBlank(a.Text) {
					a.Text = rawNewlines(v)
				}
			case "name":
				name, _, err = s.scalar()
			case "source", "outlet", "site_name", "publisher":
				a.Source, _, err = s.scalar()
			case "title", "headline":
				a.Title, _, err = s.scalar()
			case "url", "link":
				a.URL, _, err = s.scalar()
			case "date", "published":
				date, _, err = s.scalar()
			case "author", "byline":
				a.Author, _, err = s.scalar()
			default:
				err = s.skip()
			}
			return err
		})
		if err != nil {
			return err
		}
		if a.Source == "" {
			a.Source = strings.TrimSpace(name)
		}
		if date != "" {
			if t, ok := ParseDate(date); ok {
				a.Date = t
			}
		}
		rec.docs = append(rec.docs, a)
		rec.docDates = append(rec.docDates, date)
		return nil
	})
}
