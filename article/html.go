package article

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ParseHTML extracts the main text and metadata of one news page from r (at
// most DefaultMaxBytes; larger input is refused). pageURL is the page's
// address, or "" for a local file; it resolves the page's canonical URL and
// is the fallback Source host.
//
// Extraction uses go-trafilatura (with its Readability and DOM Distiller
// fallbacks); comments are excluded. The body keeps paragraph breaks:
// paragraphs, headings, list items, quotes and table rows are separated by
// blank lines. Title, Date, Author and Source (the site name) come from the
// page's metadata (meta tags, OpenGraph, JSON-LD). A first paragraph that
// repeats the title is dropped. A page in another charset than UTF-8 is
// converted using its declared charset. ID is set (StableID), and Source
// falls back to the URL's host. Origin is pageURL.
func ParseHTML(r io.Reader, pageURL string) (Article, error) {
	b, err := readCapped(r, DefaultMaxBytes)
	if err != nil {
		return Article{}, fmt.Errorf("read HTML %s: %w", nameOr(pageURL, "page"), err)
	}
	a, err := parseHTMLBytes(b, pageURL, "")
	if err != nil {
		return a, fmt.Errorf("read HTML %s: %w", nameOr(pageURL, "page"), err)
	}
	a.Origin = pageURL
	finish(&a, hostName(a.URL))
	return a, nil
}

func nameOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// parseHTMLBytes extracts an article from the bytes of a page. contentType
// is the HTTP Content-Type, used to find the charset, or "".
func parseHTMLBytes(b []byte, pageURL, contentType string) (Article, error) {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(b) {
		if isBinary(b) {
			return Article{}, ErrBinary
		}
		enc, _, _ := charset.DetermineEncoding(b, contentType)
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil || !utf8.Valid(out) {
			return Article{}, ErrNotUTF8
		}
		b = out
	} else if isBinary(b) {
		return Article{}, ErrBinary
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Fast,
		MaxTreeSize:     20000,
	}
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
			base = u
			opts.OriginalURL = u
		}
	}
	// The bytes are UTF-8 by now: parse them as such rather than letting a
	// statistical charset detector guess again.
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Article{}, fmt.Errorf("not parseable HTML: %w", err)
	}
	grounded := newWordSet(nodeParagraphs(doc))
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return Article{}, fmt.Errorf("no article text found: %w", err)
	}
	if res == nil {
		return Article{}, fmt.Errorf("no article text found")
	}
	m := res.Metadata
	a := Article{
		Title:  collapseSpaces(m.Title),
		Author: collapseSpaces(m.Author),
		Source: collapseSpaces(m.Sitename),
		Date:   m.Date,
		Lang:   m.Language,
	}
	if a.Date.Year() < 1800 {
		a.Date = time.Time{}
	}
	a.URL = pageURL
	if m.URL != "" && isHTTPURL(m.URL) {
		a.URL = m.URL
	} else if m.URL != "" && base != nil {
		if u, err := base.Parse(m.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			a.URL = u.String()
		}
	}
	if a.Source != "" && (strings.EqualFold(a.Source, m.Hostname) || !strings.ContainsAny(a.Source, " ") && strings.Contains(a.Source, ".")) {
		// A host name standing in for the site name: write it the way
		// Chorus writes hosts (no port, no "www.").
		if h := hostName("http://" + a.Source); h != "" {
			a.Source = h
		}
	}
	paras := nodeParagraphs(res.ContentNode)
	if len(paras) == 0 && strings.TrimSpace(res.ContentText) != "" {
		paras = []string{collapseSpaces(res.ContentText)}
	}
	paras = grounded.filter(paras)
	for len(paras) > 0 && a.Title != "" && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	a.Text = strings.Join(paras, "\n\n")
	if a.Text == "" {
		return a, fmt.Errorf("no article text found")
	}
	return a, nil
}

// blockTags are elements that start and end a paragraph. They cover plain
// HTML and the element names go-trafilatura gives its output ("head" for a
// heading, "list"/"item", "quote", "row", "lb" for a line break).
var blockTags = map[string]bool{
	"p": true, "div": true, "head": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"list": true, "item": true, "ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"quote": true, "blockquote": true, "pre": true, "code": true, "table": true, "row": true, "tr": true,
	"thead": true, "tbody": true, "tfoot": true, "caption": true,
	"lb": true, "br": true, "hr": true, "section": true, "article": true, "header": true, "footer": true,
	"figure": true, "figcaption": true, "main": true, "aside": true, "nav": true, "address": true,
	"form": true, "fieldset": true, "details": true, "summary": true, "center": true, "body": true, "html": true,
	"doc": true, "main_content": true, "comments": true,
}

// skipTags are elements whose text is never article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true, "svg": true,
	"title": true, "meta": true, "link": true, "object": true, "embed": true, "canvas": true,
	"select": true, "option": true, "button": true, "input": true, "textarea": true,
	"graphic": true, "img": true, "picture": true, "video": true, "audio": true, "math": true,
}

// cellTags are table cells: their text is separated by a space.
var cellTags = map[string]bool{"cell": true, "td": true, "th": true}

// nodeParagraphs collects the text of n as paragraphs: each block element
// ends a paragraph, whitespace is collapsed inside a paragraph.
func nodeParagraphs(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapseSpaces(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			tag := strings.ToLower(n.Data)
			if skipTags[tag] {
				return
			}
			if blockTags[tag] {
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, depth+1)
				}
				flush()
				return
			}
			if cellTags[tag] {
				cur.WriteByte(' ')
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if n.Type == html.ElementNode && cellTags[strings.ToLower(n.Data)] {
			cur.WriteByte(' ')
		}
	}
	walk(n, 0)
	flush()
	return paras
}

// htmlFragmentText returns the text of an HTML fragment (a feed item's
// content) as paragraphs separated by blank lines. Text without any markup
// is returned with its blank-line paragraphs kept.
func htmlFragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
			if t := collapseSpaces(p); t != "" {
				paras = append(paras, t)
			}
		}
		return strings.Join(paras, "\n\n")
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return strings.Join(nodeParagraphs(doc), "\n\n")
}

// wordSet holds the words of a page's own text, block by block, to check
// extracted paragraphs against.
type wordSet struct {
	words  map[string]bool
	corpus string // the page's paragraphs joined by newlines
}

func newWordSet(paras []string) *wordSet {
	ws := &wordSet{words: make(map[string]bool), corpus: strings.Join(paras, "\n")}
	for _, p := range paras {
		for _, w := range strings.Fields(p) {
			ws.words[w] = true
		}
	}
	return ws
}

// filter drops every paragraph holding a word that is not in the page's
// text. The extraction library's last-resort fallback for very short pages
// runs text from separate blocks together ("four.axy"); such paragraphs
// are not what the page says, and Chorus never shows text that is not in
// its input.
func (ws *wordSet) filter(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		ok := true
		for _, w := range strings.Fields(p) {
			if !ws.words[w] && !strings.Contains(ws.corpus, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}
