package brief

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Format names an output format of a Brief.
type Format string

// The formats Render accepts.
const (
	FormatMarkdown Format = "md"
	FormatJSON     Format = "json"
	FormatText     Format = "text"
	FormatHTML     Format = "html"
)

// ParseFormat accepts md/markdown, json, text/txt/plain and html.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "md", "markdown":
		return FormatMarkdown, nil
	case "json":
		return FormatJSON, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "html":
		return FormatHTML, nil
	}
	return "", fmt.Errorf("unknown format %q (want md, json, text or html)", s)
}

// Render writes b to w in format f.
func Render(w io.Writer, b *Brief, f Format) error {
	switch f {
	case FormatMarkdown:
		return Markdown(w, b)
	case FormatJSON:
		return JSON(w, b)
	case FormatText:
		return Text(w, b)
	case FormatHTML:
		return HTML(w, b)
	}
	return fmt.Errorf("unknown format %q", f)
}

// JSON writes b as indented JSON (schema SchemaVersion, docs/brief-schema.md).
func JSON(w io.Writer, b *Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("write brief as JSON: %w", err)
	}
	return nil
}

// citations formats sentence citations as "[1][3]".
func citations(ns []int) string {
	var sb strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&sb, "[%d]", n)
	}
	return sb.String()
}

// FormatDate writes a date the way the brief shows it ("8 December 2016"),
// or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// sourceLine describes a source in one line: outlet, title, date, and
// where it came from.
func sourceLine(s Source, md bool) string {
	var parts []string
	outlet := s.Outlet
	if outlet == "" {
		outlet = "Unknown outlet"
	}
	if md {
		parts = append(parts, "**"+mdEscape(outlet)+"**")
	} else {
		parts = append(parts, outlet)
	}
	if s.Title != "" {
		t := "“" + s.Title + "”"
		if md {
			t = mdEscape(t)
		}
		parts = append(parts, t)
	}
	if d := FormatDate(s.Date); d != "" {
		parts = append(parts, d)
	}
	loc := s.URL
	if loc == "" {
		loc = s.Origin
	}
	if loc != "" {
		if md && s.URL != "" {
			loc = "<" + s.URL + ">"
		} else if md {
			loc = "`" + loc + "`"
		}
		parts = append(parts, loc)
	}
	line := strings.Join(parts, ", ")
	if s.OffStory {
		reason := s.OffStoryReason
		if reason == "" {
			reason = "about a different event"
		}
		if md {
			line += " — *off-story: " + mdEscape(reason) + "*"
		} else {
			line += " (off-story: " + reason + ")"
		}
	}
	return line
}

// mdEscape escapes the characters that would turn plain text into
// Markdown markup.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`)
	return r.Replace(s)
}

// Markdown writes b as Markdown: the title, the summary with citations
// after every sentence, any notes, the numbered sources, the fact sheet and
// the warnings.
func Markdown(w io.Writer, b *Brief) error {
	ew := &errWriter{w: w}
	if b.Title != "" {
		ew.printf("# %s\n\n", mdEscape(b.Title))
	}
	for i, s := range b.Sentences {
		if i > 0 {
			ew.printf(" ")
		}
		ew.printf("%s %s", mdEscape(s.Text), citations(s.Citations))
		if s.Note != "" {
			ew.printf(" *(%s)*", mdEscape(s.Note))
		}
	}
	if len(b.Sentences) > 0 {
		ew.printf("\n\n")
	}
	ew.printf("## Sources\n\n")
	for _, s := range b.Sources {
		ew.printf("%d. %s\n", s.N, sourceLine(s, true))
	}
	if b.Facts != nil {
		ew.printf("\n")
		factsMarkdown(ew, b)
	}
	if len(b.Warnings) > 0 {
		ew.printf("\n## Warnings\n\n")
		for _, m := range b.Warnings {
			ew.printf("- %s\n", mdEscape(m))
		}
	}
	return ew.err
}

// Text writes b as plain text, wrapped for a terminal.
func Text(w io.Writer, b *Brief) error {
	ew := &errWriter{w: w}
	if b.Title != "" {
		ew.printf("%s\n%s\n\n", b.Title, strings.Repeat("=", min(len([]rune(b.Title)), 72)))
	}
	var para []string
	for _, s := range b.Sentences {
		t := s.Text + " " + citations(s.Citations)
		if s.Note != "" {
			t += " (" + s.Note + ")"
		}
		para = append(para, t)
	}
	if len(para) > 0 {
		ew.printf("%s\n\n", wrap(strings.Join(para, " "), 76))
	}
	ew.printf("Sources\n")
	for _, s := range b.Sources {
		ew.printf("[%d] %s\n", s.N, sourceLine(s, false))
	}
	if b.Facts != nil {
		ew.printf("\n")
		factsText(ew, b)
	}
	if len(b.Warnings) > 0 {
		ew.printf("\nWarnings\n")
		for _, m := range b.Warnings {
			ew.printf("- %s\n", m)
		}
	}
	return ew.err
}

// wrap breaks s into lines of at most width columns at spaces.
func wrap(s string, width int) string {
	var sb strings.Builder
	col := 0
	for _, f := range strings.Fields(s) {
		n := len([]rune(f))
		if col > 0 && col+1+n > width {
			sb.WriteByte('\n')
			col = 0
		} else if col > 0 {
			sb.WriteByte(' ')
			col++
		}
		sb.WriteString(f)
		col += n
	}
	return sb.String()
}

// errWriter keeps the first write error so renderers can write freely.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}
