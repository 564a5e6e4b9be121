package article

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const plainPage = `<html><head><title>Ferry fares rise in April</title></head><body>
<div class="content"><p>Ferry fares on the Port Avel line will rise by five percent in April, the operator said on Wednesday in a statement to passengers.</p>
<p>The operator blamed higher fuel costs and said the rise was the first in three years, while passenger groups called it unfair.</p>
<p>Season tickets are not affected until the summer, when a new pricing scheme for commuters is due to start, the statement added.</p></div>
</body></html>`

func TestParseHTML(t *testing.T) {
	latin1 := []byte(strings.Replace(strings.Replace(plainPage, "<head>", `<head><meta charset="iso-8859-1">`, 1), "Wednesday", "Wednesday in Sa\xefd Caf\xe9", 1))
	tests := []struct {
		name       string
		page       []byte
		pageURL    string
		wantErr    error // nil: success; errNoText: any error
		title      string
		source     string
		author     string
		url        string
		date       string
		nParas     int
		contains   []string
		notContain []string
	}{
		{
			name: "news page with metadata", page: readTestdata(t, "page.html"),
			title: "Harbour bridge reopens after repairs", source: "The Coastal Times", author: "Mara Quill",
			url: "https://coastal.example/news/bridge-reopens", date: "2024-03-14", nParas: 4,
			contains:   []string{"Engineers replaced 42 steel cables", "\"The bridge is safe"},
			notContain: []string{"Subscribe", "Home", "Sport", "©"},
		},
		{
			name: "page without metadata keeps the page URL", page: []byte(plainPage), pageURL: "https://ferry.example/fares",
			title: "Ferry fares rise in April", url: "https://ferry.example/fares", source: "ferry.example", nParas: 3,
			contains: []string{"five percent in April"},
		},
		{
			name: "Latin-1 page is converted", page: latin1, nParas: 3, title: "Ferry fares rise in April",
			contains: []string{"Saïd Café"},
		},
		{
			// The extraction library's fallback for tiny pages runs blocks
			// together ("four.axy"): such text is dropped, never shown.
			name: "run-together fallback text is dropped", page: []byte("<html><head><title>T</title></head><body><article><h1>T</h1><p>One <b>two</b> three &amp; four.</p><ul><li>a</li></ul><table><tr><td>x</td><td>y</td></tr></table></article></body></html>"),
			title: "T", nParas: 1, contains: []string{"One two three & four."}, notContain: []string{"four.a", "TTOne"},
		},
		{name: "empty page", page: []byte("<html><body></body></html>"), wantErr: errNoText},
		{name: "binary", page: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrBinary},
		{name: "too large", page: bytes.Repeat([]byte("<p>word</p>"), DefaultMaxBytes/10), wantErr: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseHTML(bytes.NewReader(tt.page), tt.pageURL)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("no error; text %q", a.Text)
				}
				if tt.wantErr != errNoText && !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Source != tt.source || a.Author != tt.author || a.URL != tt.url {
				t.Errorf("Title, Source, Author, URL = %q, %q, %q, %q\nwant %q, %q, %q, %q",
					a.Title, a.Source, a.Author, a.URL, tt.title, tt.source, tt.author, tt.url)
			}
			if tt.date != "" && a.Date.Format(time.DateOnly) != tt.date {
				t.Errorf("Date = %v, want %s", a.Date, tt.date)
			}
			paras := strings.Split(a.Text, "\n\n")
			if len(paras) != tt.nParas {
				t.Errorf("%d paragraphs, want %d:\n%s", len(paras), tt.nParas, a.Text)
			}
			for _, s := range tt.contains {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, a.Text)
				}
			}
			for _, s := range tt.notContain {
				if strings.Contains(a.Text, s) {
					t.Errorf("text holds boilerplate %q:\n%s", s, a.Text)
				}
			}
			if tt.title != "" && strings.HasPrefix(a.Text, tt.title) {
				t.Errorf("title repeated as first paragraph")
			}
		})
	}
}

// errNoText marks a test that wants some error, of no particular kind.
var errNoText = errors.New("any error")

func TestHTMLFragmentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"one\n\ntwo", "one\n\ntwo"},
		{"<p>One <b>bold</b> word.</p><p>Two &amp; three.</p>", "One bold word.\n\nTwo & three."},
		{"Line one<br>Line two", "Line one\n\nLine two"},
		{"<script>alert(1)</script><p>Text</p><style>p{}</style>", "Text"},
		{"<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
		{"<table><tr><td>x</td><td>y</td></tr></table>", "x y"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := htmlFragmentText(tt.in); got != tt.want {
			t.Errorf("htmlFragmentText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
