package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Options sets how Read reads its inputs. The zero value is usable.
type Options struct {
	// MaxBytes is the largest single document (text, Markdown, HTML or
	// feed file, stdin that is not JSONL) and the longest JSONL line; 0
	// means DefaultMaxBytes (8 MiB). Larger inputs are refused.
	MaxBytes int64
	// MaxStreamBytes is the largest JSONL input, after decompression; 0
	// means DefaultMaxStreamBytes.
	MaxStreamBytes int64
	// Fetch sets how URLs are fetched; Fetch.MaxBytes 0 means MaxBytes.
	Fetch FetchOptions
	// Parallel is how many URLs are fetched at once; 0 means 4.
	Parallel int
	// NoLanguageCheck turns off the warning for text that is not English.
	NoLanguageCheck bool
}

// DefaultMaxStreamBytes caps one JSONL input (after decompression): 1 GiB.
const DefaultMaxStreamBytes = 1 << 30

// Problem is something that went wrong with one input. An error (Warning
// false) means the input, or the line, was skipped; a warning means it was
// read but the user should know (converted encoding, unreadable date, text
// not in English).
type Problem struct {
	// Input names what the problem is about: a path, a URL, "stdin", or
	// "file.jsonl:12" for one line.
	Input string
	// Err says what went wrong.
	Err error
	// Warning is true when the input was kept.
	Warning bool
}

// Error returns "input: message" (the input is not repeated when the
// message already names it).
func (p Problem) Error() string {
	msg := "<nil>"
	if p.Err != nil {
		msg = p.Err.Error()
	}
	if p.Input != "" && !strings.Contains(msg, p.Input) {
		msg = p.Input + ": " + msg
	}
	return msg
}

// Unwrap returns the underlying error.
func (p Problem) Unwrap() error { return p.Err }

// Read reads every input and returns the articles in input order, with the
// problems met. An input is:
//
//   - "-": stdin (r), sniffed as JSONL or JSON, HTML, a feed, or plain text;
//   - an http or https URL: a page (FetchAll: HTML, text, or a feed);
//   - a directory: every file in it, sorted by name, not recursing, hidden
//     files skipped, files of types Chorus cannot read skipped with a
//     warning; an empty folder, or one with no readable file, is an error;
//   - a file: by extension (.txt .md .markdown: text; .html .htm: HTML;
//     .xml .rss .atom: feed; .jsonl .ndjson .json and their .gz: JSON
//     articles or dataset clusters), and by content when the extension is
//     missing, unknown or wrong (a feed saved as .html is read as a feed).
//
// Text files must be UTF-8 (see DecodeText for the Windows-1252 fallback,
// which is reported as a warning); binary files are refused; files above
// Options.MaxBytes (JSONL: MaxStreamBytes) are refused. An unreachable URL
// is an error for that URL, and reading goes on. Identical articles are all
// returned. Every article has ID (StableID), Origin and Source set: Source
// is the site name, else the URL's host, else the file's name without its
// extension ("stdin" for stdin). Unless Options.NoLanguageCheck, an article
// whose text is not English gets a warning (it is kept) and its Lang set.
func Read(ctx context.Context, inputs []string, stdin io.Reader, opt Options) ([]Article, []Problem) {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxStreamBytes <= 0 {
		opt.MaxStreamBytes = DefaultMaxStreamBytes
	}
	if opt.Fetch.MaxBytes <= 0 {
		opt.Fetch.MaxBytes = opt.MaxBytes
	}
	if opt.Parallel <= 0 {
		opt.Parallel = 4
	}
	if len(inputs) == 0 {
		return nil, []Problem{{Input: "input", Err: errors.New("no input given: name files, folders, URLs, or - for stdin")}}
	}
	rd := &reader{opt: opt, stdin: stdin}
	results := make([]result, len(inputs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, opt.Parallel)
	for i, in := range inputs {
		if !isHTTPInput(in) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results[i].fail(in, ctx.Err())
				return
			}
			defer func() { <-sem }()
			arts, err := FetchAll(ctx, strings.TrimSpace(in), opt.Fetch)
			if err != nil {
				results[i].fail(in, err)
				return
			}
			results[i].arts = arts
		}()
	}
	for i, in := range inputs {
		if isHTTPInput(in) {
			continue
		}
		if err := ctx.Err(); err != nil {
			results[i].fail(in, err)
			continue
		}
		rd.input(ctx, in, &results[i])
	}
	wg.Wait()
	var arts []Article
	var probs []Problem
	for _, r := range results {
		probs = append(probs, r.probs...)
		for _, a := range r.arts {
			if !opt.NoLanguageCheck {
				if p, ok := languageProblem(&a); ok {
					probs = append(probs, p)
				}
			}
			arts = append(arts, a)
		}
	}
	return arts, probs
}

// isHTTPInput reports whether an input names a URL.
func isHTTPInput(in string) bool {
	l := strings.ToLower(strings.TrimSpace(in))
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// languageProblem checks an article's language, sets Lang, and returns a
// warning when it is surely not English.
func languageProblem(a *Article) (Problem, bool) {
	code, sure := DetectLanguage(a.Text)
	if !sure {
		return Problem{}, false
	}
	if a.Lang == "" {
		a.Lang = code
	}
	if code == "en" {
		return Problem{}, false
	}
	return Problem{Input: a.Origin, Warning: true,
		Err: fmt.Errorf("text looks like %s (%s), not English; kept, but Chorus is built for English news", languageName(code), code)}, true
}

// result is what one input gave.
type result struct {
	arts  []Article
	probs []Problem
}

func (r *result) fail(input string, err error) {
	r.probs = append(r.probs, Problem{Input: input, Err: err})
}

func (r *result) warn(input string, err error) {
	r.probs = append(r.probs, Problem{Input: input, Err: err, Warning: true})
}

// reader holds the state of one Read call.
type reader struct {
	opt       Options
	stdin     io.Reader
	stdinRead bool
}

func (rd *reader) input(ctx context.Context, in string, res *result) {
	if in == "-" {
		rd.readStdin(ctx, res)
		return
	}
	fi, err := os.Stat(in)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			res.fail(in, errors.New("no such file or folder"))
		} else {
			res.fail(in, err)
		}
		return
	}
	if fi.IsDir() {
		rd.readDir(ctx, in, res)
		return
	}
	rd.readFile(ctx, in, fi, formatOfExt(fileExt(in)), res)
}

func (rd *reader) readStdin(ctx context.Context, res *result) {
	const name = "stdin"
	if rd.stdin == nil {
		res.fail(name, errors.New("no stdin to read"))
		return
	}
	if rd.stdinRead {
		res.fail(name, errors.New(`"-" given twice: stdin was already read`))
		return
	}
	rd.stdinRead = true
	br := bufio.NewReaderSize(rd.stdin, 1<<16)
	head, _ := br.Peek(512)
	if sniff(head) == formatJSON {
		rd.readJSON(ctx, br, name, name, res)
		return
	}
	b, err := readCapped(br, rd.opt.MaxBytes)
	if err != nil {
		res.fail(name, sizeError(err, rd.opt.MaxBytes))
		return
	}
	rd.readDocument(ctx, b, name, name, formatUnknown, res)
}

// readDir reads the files of a folder in name order.
func (rd *reader) readDir(ctx context.Context, dir string, res *result) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		res.fail(dir, fmt.Errorf("read folder: %w", err))
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var files int
	var skipped []string
	subdirs := 0
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		fi, err := os.Stat(path) // follows symbolic links
		if err != nil {
			res.fail(path, err)
			continue
		}
		if fi.IsDir() {
			subdirs++
			continue
		}
		if !fi.Mode().IsRegular() {
			continue
		}
		f := formatOfExt(fileExt(name))
		if f == formatSkip {
			skipped = append(skipped, name)
			continue
		}
		if err := ctx.Err(); err != nil {
			res.fail(path, err)
			return
		}
		files++
		rd.readFile(ctx, path, fi, f, res)
	}
	switch {
	case files == 0 && len(skipped) == 0 && subdirs == 0:
		res.fail(dir, errors.New("the folder is empty: put the news reports (.txt, .md, .html, .jsonl, feeds) in it"))
	case files == 0:
		res.fail(dir, fmt.Errorf("the folder holds no file Chorus reads (.txt, .md, .html, .xml feeds, .jsonl); it has %s and %s, which are not read", plural(len(skipped), "other file"), plural(subdirs, "subfolder")))
	default:
		if len(skipped) > 0 {
			res.warn(dir, fmt.Errorf("skipped %s of a type Chorus does not read: %s", plural(len(skipped), "file"), strings.Join(firstN(skipped, 5), ", ")))
		}
		if subdirs > 0 {
			res.warn(dir, fmt.Errorf("%s not read (folders are read one level deep)", plural(subdirs, "subfolder")))
		}
	}
}

// plural writes "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func firstN(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], "…")
}

// readFile reads one file whose extension announces format f.
func (rd *reader) readFile(ctx context.Context, path string, fi os.FileInfo, f format, res *result) {
	if f == formatSkip {
		res.fail(path, fmt.Errorf("%w: %s files are not news text; Chorus reads .txt, .md, .html, .xml feeds and .jsonl", ErrUnsupported, fileExt(path)))
		return
	}
	if f == formatJSON {
		if fi.Mode().IsRegular() && fi.Size() > rd.opt.MaxStreamBytes {
			res.fail(path, fmt.Errorf("%w: the file is %s; the cap for JSONL input is %s", ErrTooLarge, sizeString(fi.Size()), sizeString(rd.opt.MaxStreamBytes)))
			return
		}
		file, err := os.Open(path)
		if err != nil {
			res.fail(path, err)
			return
		}
		defer file.Close()
		br := bufio.NewReaderSize(file, 1<<16)
		head, _ := br.Peek(512)
		if g := sniff(head); g == formatJSON {
			rd.readJSON(ctx, br, path, fileStem(path), res)
			return
		} else if g == formatFeed {
			f = formatFeed
		} else {
			res.fail(path, fmt.Errorf("%w: a %s file that does not hold JSON", ErrUnsupported, fileExt(path)))
			return
		}
	}
	if fi.Mode().IsRegular() && fi.Size() > rd.opt.MaxBytes {
		res.fail(path, fmt.Errorf("%w: the file is %s; Chorus reads documents of at most %s", ErrTooLarge, sizeString(fi.Size()), sizeString(rd.opt.MaxBytes)))
		return
	}
	file, err := os.Open(path)
	if err != nil {
		res.fail(path, err)
		return
	}
	b, err := readCapped(file, rd.opt.MaxBytes)
	file.Close()
	if err != nil {
		res.fail(path, sizeError(err, rd.opt.MaxBytes))
		return
	}
	if f == formatUnknown && sniff(b) == formatJSON {
		rd.readJSON(ctx, bytes.NewReader(b), path, fileStem(path), res)
		return
	}
	rd.readDocument(ctx, b, path, fileStem(path), f, res)
}

func sizeError(err error, limit int64) error {
	if errors.Is(err, ErrTooLarge) {
		return fmt.Errorf("%w: Chorus reads documents of at most %s", ErrTooLarge, sizeString(limit))
	}
	return err
}

// readJSON streams JSONL (or one JSON document) into res.
func (rd *reader) readJSON(ctx context.Context, r io.Reader, name, source string, res *result) {
	cr := &cappedReader{r: r, left: rd.opt.MaxStreamBytes}
	n := 0
	err := ReadJSONL(ctx, cr, name, source, rd.opt.MaxBytes, func(a Article) error {
		res.arts = append(res.arts, a)
		n++
		return nil
	}, func(p Problem) { res.probs = append(res.probs, p) })
	if errors.Is(err, ErrTooLarge) {
		err = fmt.Errorf("%w: JSONL input above %s (decompressed); the rest is not read", ErrTooLarge, sizeString(rd.opt.MaxStreamBytes))
	}
	if err != nil {
		res.fail(name, err)
		return
	}
	if n == 0 && !hasError(res.probs, name) {
		res.fail(name, errors.New("no article in this JSON input"))
	}
}

func hasError(ps []Problem, prefix string) bool {
	for _, p := range ps {
		if !p.Warning && strings.HasPrefix(p.Input, prefix) {
			return true
		}
	}
	return false
}

// readDocument reads one single-document input (or a feed) held in b. f is
// the format its extension announces; content decides when they disagree
// on a feed or an HTML page.
func (rd *reader) readDocument(ctx context.Context, b []byte, name, stem string, f format, res *result) {
	g := sniff(b)
	switch {
	case f == formatUnknown:
		f = g
	case g == formatFeed:
		f = formatFeed
	case f == formatFeed && g != formatFeed:
		if g == formatHTML {
			f = formatHTML
		} else {
			res.fail(name, fmt.Errorf("%w: not an RSS or Atom feed", ErrUnsupported))
			return
		}
	case f == formatText && g == formatHTML && looksLikeHTMLDoc(b):
		f = formatHTML
	}
	switch f {
	case formatFeed:
		arts, err := parseFeedBytes(b, name)
		if err != nil {
			res.fail(name, err)
			return
		}
		for i := range arts {
			finish(&arts[i], stem)
		}
		res.arts = append(res.arts, arts...)
	case formatHTML:
		a, err := parseHTMLBytes(b, "", "")
		if err != nil {
			res.fail(name, err)
			return
		}
		a.Origin = name
		finish(&a, hostName(a.URL))
		finish(&a, stem)
		res.arts = append(res.arts, a)
	case formatJSON:
		rd.readJSON(ctx, bytes.NewReader(b), name, stem, res)
	default:
		s, note, err := DecodeText(b)
		if err != nil {
			res.fail(name, fmt.Errorf("%w: Chorus reads UTF-8 text, Markdown, HTML, feeds and JSONL", err))
			return
		}
		if note != "" {
			res.warn(name, errors.New(note))
		}
		a := parseTextString(s)
		if isBlank(a.Text) {
			res.fail(name, errors.New("no article text"))
			return
		}
		a.Origin = name
		finish(&a, hostName(a.URL))
		finish(&a, stem)
		res.arts = append(res.arts, a)
	}
}

// looksLikeHTMLDoc reports whether text starts as an HTML document.
func looksLikeHTMLDoc(b []byte) bool {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
}

// cappedReader fails with ErrTooLarge once more than left bytes are read.
type cappedReader struct {
	r    io.Reader
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, ErrTooLarge
	}
	return n, err
}

// languageName gives the English name of a language code, for messages.
func languageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	return "another language"
}

var languageNames = map[string]string{
	"fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
	"ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese",
	"ko": "Korean", "tr": "Turkish", "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "fi": "Finnish",
	"cs": "Czech", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "fa": "Persian",
	"ro": "Romanian", "hu": "Hungarian", "vi": "Vietnamese", "th": "Thai",
}
