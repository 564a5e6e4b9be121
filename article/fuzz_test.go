package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// The fuzz targets check, for every reader, that it neither panics nor
// hangs, and that it invents no text: every piece of output must come from
// the input. The check is as strict as each format allows:
//
//   - text/Markdown: each paragraph, blanks removed, is a subsequence of
//     the input with blanks removed (Markdown markers and link targets are
//     deleted, so a paragraph need not be a substring, but nothing may be
//     added or reordered); for input without Markdown marker characters,
//     every output word also occurs in the input;
//   - JSONL and dataset JSONL: each line of an article's text, trimmed, is a
//     substring of a JSON-decoded string of the input (or of the raw input,
//     for numbers); and our JSON scanner accepts a line only when
//     encoding/json does;
//   - HTML and feeds: every output word, blanks removed, occurs in the
//     input's text and attribute values as decoded by an HTML tokenizer.

func noBlanks(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// noMarkers removes the characters of Markdown markup.
func noMarkers(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("*_~`[]()!<>#\\", r) {
			return -1
		}
		return r
	}, s)
}

func isSubsequence(sub, s string) bool {
	i := 0
	for j := 0; i < len(sub) && j < len(s); j++ {
		if sub[i] == s[j] {
			i++
		}
	}
	return i == len(sub)
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Council passes budget\n\nThe council approved it.",
		"# Heading\n\n---\n\n[link text](http://x.y/z)\n\nDecember 8, 2016  \nOttawa\n\nBody **bold** _em_ `code` ~~s~~ ![img](u).",
		"---\ntitle: T\ndate: 2016-12-08\n---\nBody.",
		"Setext\n====\n\n> quote\n- item\n1. item\n\n```\ncode\n```\n[ref]: http://x",
		"wrapped line of text that goes on and on until about sixty\ncharacters and then continues on the next line here\nshort end.",
		"*a*b*c* __x__y__ [a](b)(c) [[x]](y) <http://a.b> \\*esc\\*",
		"Caf\xe9 in Latin-1",
		"\ufeffBOM text\r\nwith CRLF\rand CR",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText(bytes.NewReader(data), "fuzz.txt")
		if err != nil || !utf8.Valid(data) {
			return
		}
		in := string(data)
		flat := noBlanks(in)
		plain := noMarkers(in) == in
		for _, p := range append(strings.Split(a.Text, "\n\n"), a.Title) {
			for _, w := range strings.Fields(p) {
				if plain && !strings.Contains(in, w) {
					t.Fatalf("word %q not in input", w)
				}
			}
			if !isSubsequence(noBlanks(p), flat) {
				t.Fatalf("paragraph %q is not a subsequence of the input", p)
			}
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("invalid UTF-8 output")
		}
	})
}

// jsonStrings returns every string value (and key) in the JSON values of
// data, decoded, line by line and as a whole.
func jsonStrings(data []byte) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, normaliseNewlines(v))
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				out = append(out, k)
				walk(e)
			}
		}
	}
	decode := func(b []byte) {
		var v any
		if json.Unmarshal(b, &v) == nil {
			walk(v)
		}
	}
	decode(data)
	for _, l := range bytes.Split(data, []byte("\n")) {
		decode(l)
	}
	return out
}

// checkFromJSON fails when a line of text is in none of the haystacks.
func checkFromJSON(t *testing.T, text string, hay []string) {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		found := false
		for _, h := range hay {
			if strings.Contains(h, l) {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("output line %q is in no string of the input", l)
		}
	}
}

// checkScannerAgrees fails when our JSON scanner accepts a line that
// encoding/json rejects.
func checkScannerAgrees(t *testing.T, data []byte) {
	t.Helper()
	for _, l := range bytes.Split(data, []byte("\n")) {
		l = bytes.TrimSpace(l)
		if len(l) == 0 || l[0] != '{' {
			continue
		}
		_, err := parseRecord(l)
		var se *syntaxError
		valid := json.Valid(l)
		if err == nil && !valid || errors.As(err, &se) && valid {
			t.Fatalf("scanner error %v but json.Valid = %v for %q", err, valid, l)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"T","source":"S","url":"http://x.y","date":"2016-12-08","text":"Body.\nMore."}`,
		"{\"text\":\"a\\u00e9\\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}\nnot json\n{\"text\":1}",
		`{"documents":["x|||||y", {"name":"n","text":"t NEWLINE_CHAR u"}],"summary":"s"}`,
		"[\n{\"text\":\"a\"},{\"content\":\"b\"}\n]",
		"{\n \"text\": \"pretty\"\n}",
		`{"text":"x","date":"1481155200"}`,
		`{"text":"\ud800 lone surrogate"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkScannerAgrees(t, data)
		var arts []Article
		err := ReadJSONL(context.Background(), bytes.NewReader(data), "f.jsonl", "", 1<<16,
			func(a Article) error { arts = append(arts, a); return nil }, func(Problem) {})
		if err != nil {
			return
		}
		hay := append(jsonStrings(data), string(data))
		for _, a := range arts {
			if a.ID == "" || a.Source == "" || a.Origin == "" {
				t.Fatalf("article without ID, Source or Origin: %+v", a)
			}
			checkFromJSON(t, a.Text, hay)
		}
	})
}

func FuzzDataset(f *testing.F) {
	for _, s := range []string{
		`{"id":"m1","documents":["first doc .","second doc ."],"summary":"the summary ."}`,
		`{"id":2,"documents":[{"name":"Reuters","text":"A."}],"references":["r1","r2"]}` + "\n" + `{"documents":"a|||||b"}`,
		"raw doc NEWLINE_CHAR line ||||| other doc\n{\"documents\":[1]}\n\n{}",
		`{"documents":["\u00e9\"\\"],"summary":["s",1,null]}`,
	} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, gz bool) {
		checkScannerAgrees(t, data)
		in := data
		if gz {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			in = buf.Bytes()
		}
		hay := append(jsonStrings(data), string(data))
		err := ReadClusters(context.Background(), bytes.NewReader(in), "d", func(c Cluster) error {
			if len(c.Articles) == 0 || c.ID == "" {
				t.Fatalf("empty cluster or no ID: %+v", c)
			}
			for _, a := range c.Articles {
				if a.ID != StableID(a) || a.Origin == "" {
					t.Fatalf("bad ID or Origin: %+v", a)
				}
				checkFromJSON(t, a.Text, hay)
			}
			return nil
		}, func(error) {})
		if err != nil {
			t.Fatalf("ReadClusters stopped on in-memory input: %v", err)
		}
	})
}

// htmlCorpus returns the text and attribute values of an HTML or XML
// input as an HTML tokenizer decodes them, blanks removed; markup found in
// that text (escaped HTML inside a feed) is decoded once more.
func htmlCorpus(in string) string {
	var rest strings.Builder
	// tokens returns the text tokens of s in document order; comments,
	// attribute values and markup nested in text go to rest.
	var tokens func(s string, depth int) string
	tokens = func(s string, depth int) string {
		var text strings.Builder
		z := xhtml.NewTokenizer(strings.NewReader(s))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				return text.String()
			}
			tok := z.Token()
			switch tt {
			case xhtml.TextToken, xhtml.CommentToken:
				if tt == xhtml.TextToken {
					text.WriteString(tok.Data)
				}
				rest.WriteString("|" + html.UnescapeString(tok.Data))
				if depth == 0 && strings.ContainsAny(tok.Data, "<&") {
					rest.WriteString("|" + tokens(tok.Data, depth+1))
					rest.WriteString("|" + tokens(strings.TrimSuffix(strings.TrimPrefix(tok.Data, "[CDATA["), "]]"), depth+1))
				}
			}
			for _, a := range tok.Attr {
				rest.WriteString("|" + a.Val)
			}
		}
	}
	text := tokens(in, 0)
	rest.WriteString("|" + in + "|" + html.UnescapeString(in))
	for _, s := range jsonStrings([]byte(in)) {
		rest.WriteString("|" + s)
	}
	return noBlanks(text) + "|" + noBlanks(rest.String())
}

func checkWords(t *testing.T, text, corpus string) {
	t.Helper()
	for _, w := range strings.Fields(text) {
		if !strings.Contains(corpus, noBlanks(w)) {
			t.Fatalf("output word %q is not in the input", w)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(plainPage))
	f.Add([]byte("<html><head><title>T</title><meta property=\"og:site_name\" content=\"S\"></head><body><article><h1>T</h1><p>One <b>two</b> three &amp; four.</p><ul><li>a</li></ul><table><tr><td>x</td><td>y</td></tr></table></article></body></html>"))
	f.Add([]byte("<p>Caf\xe9</p>"))
	f.Add([]byte("<div><p>Unclosed <i>tags<p>everywhere<br>and <script>x()</script> more"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML(bytes.NewReader(data), "http://example.org/a")
		if err != nil || !utf8.Valid(data) {
			return
		}
		checkWords(t, a.Text, htmlCorpus(string(data)))
	})
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_text":"Hello there.","url":"https://j.example/1"}]}`))
	f.Add([]byte(`<rss><channel><item><description><![CDATA[<p>In CDATA.</p>]]></description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := parseFeedBytes(data, "feed")
		if err != nil || !utf8.Valid(data) {
			return
		}
		corpus := htmlCorpus(string(data))
		for _, a := range arts {
			if a.ID == "" {
				t.Fatalf("no ID")
			}
			checkWords(t, a.Text, corpus)
		}
	})
}

func FuzzReadStdin(f *testing.F) {
	for _, s := range []string{"Title here now\n\nBody.", "<html><body><p>x</p></body></html>", `{"text":"x"}`, "<rss><channel><item><description>d</description></item></channel></rss>", "\x1f\x8b\x08"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := Read(context.Background(), []string{"-"}, bytes.NewReader(data), Options{NoLanguageCheck: len(data)%2 == 0})
		for _, a := range arts {
			if a.ID == "" || a.Source == "" || a.Origin == "" {
				t.Fatalf("article without ID, Source or Origin: %+v", a)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"December 8, 2016", "01 May, 2016", "2016-12-08", "Thu, 08 Dec 2016 14:30:00 GMT", "Published: 8th Dec. 2016 at 3:04 pm", "12/8/2016"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && (d.Year() < 1800 || d.Year() > 2200) {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
	})
}
