package article

import (
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseText reads one plain-text or Markdown article from r (at most
// DefaultMaxBytes; larger input is refused). name is used in errors and as
// the Origin.
//
// The text is reduced to paragraphs separated by blank lines: Markdown
// links become their text, images, reference definitions and horizontal
// rules are dropped, heading, emphasis, code, list and quote markers are
// removed, a line that is only a link is dropped, and hard-wrapped lines are
// joined into their paragraph. A short first line that reads as a headline
// (or a first Markdown heading) becomes the Title and is not kept in the
// body; a date alone on a line near the top becomes the Date; a link alone
// on a line before the body becomes the URL. YAML front matter (title, date,
// author, source, url) is read when present. Bytes that are not UTF-8 are
// handled as described at DecodeText. ID is set (StableID); Source, when
// not in front matter, is the URL's host, else name's file stem.
func ParseText(r io.Reader, name string) (Article, error) {
	b, err := readCapped(r, DefaultMaxBytes)
	if err != nil {
		return Article{}, fmt.Errorf("read %s: %w", name, err)
	}
	s, _, err := DecodeText(b)
	if err != nil {
		return Article{}, fmt.Errorf("read %s: %w", name, err)
	}
	a := parseTextString(s)
	a.Origin = name
	if strings.TrimSpace(a.Text) == "" {
		return a, fmt.Errorf("read %s: no article text", name)
	}
	finish(&a, hostName(a.URL))
	finish(&a, fileStem(name))
	return a, nil
}

// line kinds produced by the Markdown pass.
const (
	kindText    = iota
	kindHeading // an ATX or Setext heading: a paragraph of its own
	kindItem    // a list item: starts a new paragraph
	kindLink    // a line that is only a link: not body text
	kindBreak   // a horizontal rule or fence: ends the paragraph
)

type mdLine struct {
	text string
	kind int
	url  string // for kindLink
}

var (
	reATX      = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	reHR       = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	reSetext1  = regexp.MustCompile(`^ {0,3}=+[ \t]*$`)
	reSetext2  = regexp.MustCompile(`^ {0,3}-+[ \t]*$`)
	reQuote    = regexp.MustCompile(`^ {0,3}(?:>[ \t]?)+`)
	reItem     = regexp.MustCompile(`^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+`)
	reFence    = regexp.MustCompile("^ {0,3}(?:```|~~~)")
	reRefDef   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S+`)
	reImage    = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)`)
	reLink     = regexp.MustCompile(`\[([^\]\n]*)\]\(([^)\s]*)(?:[ \t]+"[^"\n]*")?\)`)
	reRefLink  = regexp.MustCompile(`\[([^\]\n]+)\]\[[^\]\n]*\]`)
	reAutoLink = regexp.MustCompile(`<((?:https?|ftp)://[^>\s]+|[^>\s@]+@[^>\s@]+\.[a-zA-Z]+)>`)
	reStrong   = regexp.MustCompile(`\*\*([^*\n]+?)\*\*`)
	reStrongU  = regexp.MustCompile(`(^|[^\w_])__([^_\n]+?)__($|[^\w_])`)
	reEmStar   = regexp.MustCompile(`(^|[^\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*($|[^\w*])`)
	reEmUnder  = regexp.MustCompile(`(^|[^\w_])_([^_\s](?:[^_\n]*[^_\s])?)_($|[^\w_])`)
	reStrike   = regexp.MustCompile(`~~([^~\n]+?)~~`)
	reCode     = regexp.MustCompile("`+([^`\n]+?)`+")
	reEscape   = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>~|])`)
	reURL      = regexp.MustCompile(`^(?:<)?(?:(?:https?|ftp)://|www\.)\S+?(?:>)?$`)
	reOneLink  = regexp.MustCompile(`^!?\[([^\]\n]*)\]\(([^)\s]*)(?:[ \t]+"[^"\n]*")?\)$`)
	reFront    = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$`)
)

// parseTextString turns decoded text into an article (Title, Date, URL,
// Author, Source from front matter, and Text).
func parseTextString(s string) Article {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	var a Article
	lines = readFrontMatter(lines, &a)
	md := markdownLines(lines)
	paras, kinds, urls := paragraphs(md)
	applyHeader(&a, paras, kinds, urls)
	return a
}

// readFrontMatter consumes a YAML front matter block ("---" lines around
// "key: value" lines) at the top and fills a from it.
func readFrontMatter(lines []string, a *Article) []string {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i >= len(lines) || strings.TrimSpace(lines[i]) != "---" {
		return lines
	}
	end := -1
	for j := i + 1; j < len(lines) && j < i+60; j++ {
		t := strings.TrimSpace(lines[j])
		if t == "---" || t == "..." {
			end = j
			break
		}
		if t != "" && !reFront.MatchString(t) && !strings.HasPrefix(t, "- ") && !strings.HasPrefix(t, "#") && lines[j][0] != ' ' {
			return lines
		}
	}
	if end < 0 || end == i+1 {
		return lines
	}
	for _, l := range lines[i+1 : end] {
		m := reFront.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[2])
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		if v == "" {
			continue
		}
		switch strings.ToLower(m[1]) {
		case "title", "headline":
			a.Title = v
		case "date", "published", "pubdate", "published_at", "publishdate":
			if t, ok := ParseDate(v); ok {
				a.Date = t
			}
		case "author", "byline":
			a.Author = v
		case "source", "site", "site_name", "sitename", "publisher", "outlet":
			a.Source = v
		case "url", "link", "canonical", "canonical_url":
			if isHTTPURL(v) {
				a.URL = v
			}
		}
	}
	return lines[end+1:]
}

// markdownLines classifies every line and reduces its inline Markdown.
func markdownLines(lines []string) []mdLine {
	out := make([]mdLine, 0, len(lines))
	inFence := false
	for _, raw := range lines {
		if reFence.MatchString(raw) {
			inFence = !inFence
			out = append(out, mdLine{kind: kindBreak})
			continue
		}
		if inFence {
			out = append(out, mdLine{text: strings.TrimSpace(raw)})
			continue
		}
		t := raw
		if strings.TrimSpace(t) == "" {
			out = append(out, mdLine{})
			continue
		}
		prevText := len(out) > 0 && out[len(out)-1].kind == kindText && out[len(out)-1].text != ""
		if reSetext1.MatchString(t) && prevText || reSetext2.MatchString(t) && prevText && !reHR.MatchString(t) {
			out[len(out)-1].kind = kindHeading
			out = append(out, mdLine{kind: kindBreak})
			continue
		}
		if reHR.MatchString(t) {
			if prevText && reSetext2.MatchString(t) {
				out[len(out)-1].kind = kindHeading
			}
			out = append(out, mdLine{kind: kindBreak})
			continue
		}
		if reRefDef.MatchString(t) {
			out = append(out, mdLine{kind: kindBreak})
			continue
		}
		kind := kindText
		if m := reATX.FindStringSubmatch(t); m != nil {
			t = m[1]
			kind = kindHeading
		} else {
			if loc := reQuote.FindStringIndex(t); loc != nil {
				t = t[loc[1]:]
			}
			if loc := reItem.FindStringIndex(t); loc != nil {
				t = t[loc[1]:]
				kind = kindItem
			}
		}
		t = strings.TrimSpace(t)
		if u, ok := linkOnly(t); ok {
			out = append(out, mdLine{kind: kindLink, url: u})
			continue
		}
		t = strings.TrimSpace(inlineMarkdown(t))
		if t == "" {
			if kind == kindHeading || kind == kindItem {
				out = append(out, mdLine{kind: kindBreak})
			} else {
				out = append(out, mdLine{})
			}
			continue
		}
		out = append(out, mdLine{text: t, kind: kind})
	}
	return out
}

// linkOnly reports whether a line is nothing but a link (Markdown link or
// image, autolink or bare URL) and returns its address when it is http(s).
func linkOnly(t string) (string, bool) {
	if t == "" {
		return "", false
	}
	if m := reOneLink.FindStringSubmatch(t); m != nil {
		if t[0] == '!' {
			return "", true // an image: its address is not the article's
		}
		return m[2], true
	}
	if reURL.MatchString(t) {
		u := strings.TrimSuffix(strings.TrimPrefix(t, "<"), ">")
		return u, true
	}
	return "", false
}

// inlineMarkdown removes inline Markdown: images, links (kept as their
// text), emphasis, strike-through, code spans and backslash escapes.
func inlineMarkdown(t string) string {
	if !strings.ContainsAny(t, "[]<*_~`\\") {
		return t
	}
	t = reImage.ReplaceAllString(t, "")
	t = reLink.ReplaceAllString(t, "$1")
	t = reRefLink.ReplaceAllString(t, "$1")
	t = reAutoLink.ReplaceAllString(t, "$1")
	t = reCode.ReplaceAllString(t, "$1")
	t = reStrong.ReplaceAllString(t, "$1")
	t = reStrongU.ReplaceAllString(t, "$1$2$3")
	t = reEmStar.ReplaceAllString(t, "$1$2$3")
	t = reEmUnder.ReplaceAllString(t, "$1$2$3")
	t = reStrike.ReplaceAllString(t, "$1")
	t = reEscape.ReplaceAllString(t, "$1")
	return t
}

// paragraphs groups classified lines into paragraphs: blank lines, rules,
// headings and list items separate them, and hard-wrapped lines are joined.
// kinds holds each paragraph's kind; urls maps a paragraph index to the
// link lines met just before it (for the header's URL).
func paragraphs(lines []mdLine) (paras []string, kinds []int, links []string) {
	var block []mdLine
	flush := func() {
		if len(block) == 0 {
			return
		}
		for _, p := range joinWrapped(block) {
			paras = append(paras, p.text)
			kinds = append(kinds, p.kind)
		}
		block = block[:0]
	}
	for _, l := range lines {
		switch {
		case l.kind == kindLink:
			flush()
			if len(paras) <= 4 && isHTTPURL(l.url) {
				links = append(links, l.url)
			}
		case l.kind == kindBreak || l.text == "":
			flush()
		case l.kind == kindHeading:
			flush()
			paras = append(paras, collapseSpaces(l.text))
			kinds = append(kinds, kindHeading)
		default:
			block = append(block, l)
		}
	}
	flush()
	return paras, kinds, links
}

// joinWrapped turns a block of consecutive text lines into paragraphs. A
// block whose longest line is 40 to 100 characters, that has at least two
// lines near that length, and where such a line stops mid-sentence is
// hard-wrapped: a line is joined to the next
// unless it is short (under 60% of the longest) or the next starts a list
// item. Other blocks keep one paragraph per line.
func joinWrapped(block []mdLine) []mdLine {
	lens := make([]int, len(block))
	maxLen := 0
	for i, l := range block {
		lens[i] = utf8.RuneCountInString(l.text)
		maxLen = max(maxLen, lens[i])
	}
	full, midSentence := 0, false
	for i, n := range lens {
		if n*10 >= maxLen*6 {
			full++
			if i < len(block)-1 && !endsSentence(block[i].text) {
				midSentence = true
			}
		}
	}
	wrapped := len(block) >= 2 && maxLen >= 40 && maxLen <= 100 && full >= 2 && midSentence
	var out []mdLine
	var cur []string
	curKind := kindText
	emit := func() {
		if len(cur) > 0 {
			out = append(out, mdLine{text: collapseSpaces(strings.Join(cur, " ")), kind: curKind})
			cur = cur[:0]
		}
	}
	for i, l := range block {
		if l.kind == kindItem {
			emit()
			curKind = kindItem
		}
		cur = append(cur, l.text)
		next := i + 1
		join := wrapped && next < len(block) && lens[i]*10 >= maxLen*6 && block[next].kind != kindItem &&
			!standsAlone(block[next].text)
		if !join {
			emit()
			curKind = kindText
		}
	}
	emit()
	return out
}

// standsAlone reports whether a line is one that a header block puts on a
// line of its own, never the rest of a wrapped sentence: a byline ("By Jane
// Doe, Daily News") or a date.
func standsAlone(line string) bool {
	t := strings.TrimSpace(line)
	if f := strings.Fields(t); len(f) >= 2 && len(f) <= 10 && f[0] == "By" && f[1] != "" && unicode.IsUpper([]rune(f[1])[0]) {
		return true
	}
	if utf8.RuneCountInString(t) <= 40 {
		if _, ok := ParseDate(t); ok {
			return true
		}
	}
	return false
}

// endsSentence reports whether a line ends with sentence punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// collapseSpaces trims s and turns each run of blanks into one space.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "  \t\u00a0\v\f") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// applyHeader fills Title, Date and URL from the top paragraphs and sets
// Text to the remaining body.
func applyHeader(a *Article, paras []string, kinds []int, links []string) {
	start := 0
	if len(paras) >= 2 && a.Title == "" {
		if kinds[0] == kindHeading && utf8.RuneCountInString(paras[0]) <= 300 && hasLetter(paras[0]) ||
			kinds[0] == kindText && looksLikeHeadline(paras[0]) {
			a.Title = paras[0]
			start = 1
		}
	}
	body := make([]string, 0, len(paras))
	for i := start; i < len(paras); i++ {
		p := paras[i]
		if i < start+8 {
			if a.Title != "" && sameText(p, a.Title) {
				continue
			}
			if utf8.RuneCountInString(p) <= 60 {
				if t, ok := ParseDate(p); ok {
					if a.Date.IsZero() {
						a.Date = t
					}
					continue
				}
			}
		}
		body = append(body, p)
	}
	if a.URL == "" && len(links) > 0 {
		a.URL = links[0]
	}
	a.Text = strings.Join(body, "\n\n")
}

// looksLikeHeadline reports whether a first paragraph reads as a headline:
// 3 to 25 words and at most 150 characters, with letters, not ending like a
// sentence or clause, and not a byline, date or link.
func looksLikeHeadline(p string) bool {
	n := utf8.RuneCountInString(p)
	words := strings.Fields(p)
	if n > 150 || len(words) < 3 || len(words) > 25 || !hasLetter(p) {
		return false
	}
	last := words[len(words)-1]
	switch last[len(last)-1] {
	case ',', ';', ':':
		return false
	case '.':
		// "… talks with the U.S." ends with an abbreviation, not a sentence.
		if strings.Count(last, ".") < 2 {
			return false
		}
	}
	if strings.EqualFold(words[0], "by") {
		return false
	}
	if _, ok := ParseDate(p); ok {
		return false
	}
	return true
}

func hasLetter(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }

// sameText compares two lines ignoring case and blanks.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// isHTTPURL reports whether s is an absolute http or https URL with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
