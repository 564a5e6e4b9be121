package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadJSONL reads JSON articles from r and calls fn with each, in input
// order. gzip input is detected from its magic bytes. name is used in
// Origin ("name:line") and problems; source is the fallback Source when an
// article has neither a "source" nor a URL ("" means name's file stem).
//
// The input is JSONL, one object a line, or one JSON document that is an
// array of objects or a single pretty-printed object. An article line is
// {"id","title","source","url","date","author","text"} where only "text"
// is required ("content" or "body" stand in for it); "date" is read with
// ParseDate or as Unix seconds. A dataset line (one holding "documents")
// yields its documents as articles, Origin "name:line#k", Source the
// document's "name", else "<cluster id> #k".
//
// Problems go to onProblem: a line that is not a usable article is an
// error (the line is skipped), an unreadable date a warning (the article is
// kept). Each line is capped at maxLine bytes (0 means DefaultMaxBytes).
// ReadJSONL returns an error only when reading stops: a read error, ctx
// done, or an error from fn.
func ReadJSONL(ctx context.Context, r io.Reader, name, source string, maxLine int64, fn func(Article) error, onProblem func(Problem)) error {
	if maxLine <= 0 {
		maxLine = DefaultMaxBytes
	}
	if source == "" {
		source = fileStem(name)
	}
	if onProblem == nil {
		onProblem = func(Problem) {}
	}
	br := bufio.NewReaderSize(r, 1<<16)
	// One JSON document (an array, or an object spread over lines) is read
	// whole; JSONL is streamed.
	if whole, err := isWholeJSON(br); err == nil && whole {
		b, err := readCapped(br, maxLine)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		return readJSONDocument(b, name, source, fn, onProblem)
	}
	clusters := 0
	err := readLines(ctx, br, name, int(maxLine), func(line int, b []byte, tooLong bool) error {
		where := fmt.Sprintf("%s:%d", name, line)
		if tooLong {
			onProblem(Problem{Input: where, Err: fmt.Errorf("%w: line longer than %s; skipped", ErrTooLarge, sizeString(maxLine))})
			return nil
		}
		arts, isCluster, warn, err := recordArticles(b, where, source)
		if err != nil {
			onProblem(Problem{Input: where, Err: fmt.Errorf("%w; line skipped", err)})
			return nil
		}
		if warn != nil {
			onProblem(Problem{Input: where, Err: warn, Warning: true})
		}
		if isCluster {
			clusters++
		}
		for _, a := range arts {
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	})
	if clusters > 1 {
		onProblem(Problem{Input: name, Warning: true,
			Err: fmt.Errorf("holds %d dataset clusters; their documents are read as one story", clusters)})
	}
	return err
}

// isWholeJSON peeks at the start of br: an input starting with '[', or
// whose first line is a lone '{', is one JSON document.
func isWholeJSON(br *bufio.Reader) (bool, error) {
	for n := 64; n <= 4096; n *= 4 {
		b, err := br.Peek(n)
		if len(b) == 0 {
			return false, err
		}
		if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
			return false, nil
		}
		t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
		if len(t) == 0 {
			if err != nil {
				return false, err
			}
			continue
		}
		if t[0] == '[' {
			return true, nil
		}
		if t[0] != '{' {
			return false, nil
		}
		rest := bytes.TrimLeft(t[1:], " \t\r")
		if len(rest) > 0 {
			return rest[0] == '\n', nil
		}
		if err != nil {
			return false, nil
		}
	}
	return false, nil
}

// readJSONDocument reads an array of article (or dataset) objects, or one
// object.
func readJSONDocument(b []byte, name, source string, fn func(Article) error, onProblem func(Problem)) error {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	s := &jsonScanner{b: b}
	if s.peek() == '{' {
		arts, _, warn, err := recordArticles(b, name, source)
		if err != nil {
			onProblem(Problem{Input: name, Err: err})
			return nil
		}
		if warn != nil {
			onProblem(Problem{Input: name, Err: warn, Warning: true})
		}
		for _, a := range arts {
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	}
	var stop error
	err := s.array(func(i int) error {
		start := s.i
		if err := s.skip(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s[%d]", name, i)
		arts, _, warn, err := recordArticles(b[start:s.i], where, source)
		if err != nil {
			onProblem(Problem{Input: where, Err: fmt.Errorf("%w; skipped", err)})
			return nil
		}
		if warn != nil {
			onProblem(Problem{Input: where, Err: warn, Warning: true})
		}
		for _, a := range arts {
			if err := fn(a); err != nil {
				stop = err
				return err
			}
		}
		return nil
	})
	if stop != nil {
		return stop
	}
	if err == nil {
		err = s.end()
	}
	if err != nil {
		onProblem(Problem{Input: name, Err: fmt.Errorf("not valid JSON: %w", err)})
	}
	return nil
}

// recordArticles turns one JSON object into articles: one for an article
// record, the documents for a dataset record (isCluster). warn is a
// problem worth a warning.
func recordArticles(b []byte, where, source string) (arts []Article, isCluster bool, warn, err error) {
	// JSON text is UTF-8; a record with other bytes would decode to
	// replacement characters, text the report never had.
	if !utf8.Valid(b) {
		return nil, false, nil, ErrNotUTF8
	}
	rec, err := parseRecord(b)
	if err != nil {
		return nil, false, nil, err
	}
	if rec.hasDocs {
		id := strings.TrimSpace(rec.id)
		if id == "" {
			id = where
		}
		for k, a := range rec.docs {
			if isBlank(a.Text) {
				continue
			}
			a.Text = strings.TrimSpace(normaliseNewlines(a.Text))
			a.Origin = fmt.Sprintf("%s#%d", where, k+1)
			if a.Source == "" {
				a.Source = hostName(a.URL)
			}
			if a.Source == "" {
				a.Source = fmt.Sprintf("%s #%d", id, k+1)
			}
			a.ID = StableID(a)
			arts = append(arts, a)
		}
		if len(arts) == 0 {
			return nil, true, nil, errors.New("dataset line: no document has text")
		}
		return arts, true, nil, nil
	}
	if !rec.hasText {
		return nil, false, nil, errors.New(`no "text" field`)
	}
	if isBlank(rec.text) {
		return nil, false, nil, errors.New(`"text" is empty`)
	}
	a := Article{
		Title:  collapseSpaces(rec.title),
		Source: collapseSpaces(rec.source),
		URL:    strings.TrimSpace(rec.url),
		Author: collapseSpaces(rec.author),
		Text:   strings.TrimSpace(normaliseNewlines(rec.text)),
		Origin: where,
	}
	if d := strings.TrimSpace(rec.date); d != "" {
		if t, ok := ParseDate(d); ok {
			a.Date = t
		} else if t, ok := unixDate(d); ok {
			a.Date = t
		} else {
			warn = fmt.Errorf("date %q not understood; left empty", clip(d, 40))
		}
	}
	if a.Source == "" {
		a.Source = hostName(a.URL)
	}
	if a.Source == "" {
		a.Source = source
	}
	a.ID = StableID(a)
	return []Article{a}, false, warn, nil
}

// unixDate reads Unix seconds (9 to 10 digits) or milliseconds (12 to 13).
func unixDate(s string) (time.Time, bool) {
	if !isDigits(s) || len(s) < 9 || len(s) > 13 || len(s) == 11 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	if len(s) >= 12 {
		return plausible(time.UnixMilli(n).UTC())
	}
	return plausible(time.Unix(n, 0).UTC())
}

// normaliseNewlines turns CRLF and lone CR into LF.
func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
