// Package clean removes the boilerplate that page extraction leaves in news
// text before Chorus analyses it: "Read more" teasers, share, subscribe and
// advertisement prompts, bylines, photo captions and credits, date and
// dateline lines, section labels, repeated headlines, link lines, rules,
// video-player and tweet-embed text, copyright notices and web-archive
// notices.
//
// It works on lines (paragraphs) and, inside long paragraphs, on
// sentences. It combines explicit rules (phrase families, shapes such as a
// byline or a bracketed credit) with general heuristics (a short line with
// no sentence punctuation, a link-like line, a line repeated in its own
// article or across sources), so that it generalises beyond the cases it
// was written from. It never invents text: every line of a cleaned text is
// a piece of a line of the input, with runs of white space collapsed.
//
// When a removed line carries metadata the article lacks (a date line, a
// byline, a headline), the field is filled from it.
package clean

import (
	"bytes"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/text"
)

// Reason says why a piece of text was removed.
type Reason string

// Reasons for a removal.
const (
	Teaser    Reason = "teaser"    // "Read more: …", "Related: …"
	Prompt    Reason = "prompt"    // share, subscribe, sign-up, advertisement, app prompts
	Byline    Reason = "byline"    // "By Jane Doe", "Reporting by …"
	Caption   Reason = "caption"   // photo captions and credits
	Date      Reason = "date"      // a date or time alone on a line
	Dateline  Reason = "dateline"  // a place alone on a line: "Ottawa, Ontario"
	Label     Reason = "label"     // a short line without a sentence: section labels, names
	Headline  Reason = "headline"  // a headline, or the title repeated in the body
	Link      Reason = "link"      // a bare URL or a Markdown link alone on a line
	Rule      Reason = "rule"      // "---", "* * *", a line with no words
	ReadTime  Reason = "read-time" // "3 min read"
	Legal     Reason = "legal"     // copyright and reprint notices
	Embed     Reason = "embed"     // video-player, tweet-embed, comment and page-script text
	Archive   Reason = "archive"   // web-archive crawl notices
	Duplicate Reason = "duplicate" // a line or pull quote repeated in the same article
	Repeated  Reason = "repeated"  // a short line repeated at the edges of several sources
)

// Removal records one piece of text the cleaner removed.
type Removal struct {
	// Article is the index of the article in the input (0 for Article).
	Article int `json:"article"`
	// Text is the removed line or sentence, white space collapsed.
	Text string `json:"text"`
	// Reason says why.
	Reason Reason `json:"reason"`
}

// Article returns a with its text cleaned, and its Date, Author and Title
// filled from removed date, byline and headline lines when they were
// empty. Other fields are kept.
func Article(a article.Article) article.Article {
	out, _ := ArticlesWithReport([]article.Article{a})
	return out[0]
}

// Articles cleans every article, as Article does, and also uses evidence
// across sources: a short line that stands at the start or end of several
// reports (a site's or agency's boilerplate) is removed. The result has one
// article per input article, in order; an article may be left with no text.
func Articles(arts []article.Article) []article.Article {
	out, _ := ArticlesWithReport(arts)
	return out
}

// ArticlesWithReport is Articles, and also returns what was removed and
// why, in article and reading order.
func ArticlesWithReport(arts []article.Article) ([]article.Article, []Removal) {
	out, report, _ := articles(arts, true)
	return out, report
}

// ArticlesSplit is Articles, and also returns the sentences of every
// article whose text cleaning left as it was, as cleaning split them:
// spans[i] is then text.Sentences(out[i].Text), and nil when the text
// changed. A caller that splits the cleaned text next (analyse.BuildSplit)
// is spared splitting it again.
func ArticlesSplit(arts []article.Article) (out []article.Article, spans [][]text.Span) {
	out, _, spans = articles(arts, false)
	return out, spans
}

func articles(arts []article.Article, withReport bool) ([]article.Article, []Removal, [][]text.Span) {
	c := cleaner{keep: !withReport}
	docs := make([]doc, len(arts))
	var spans [][]text.Span
	if c.keep {
		spans = make([][]text.Span, len(arts))
	}
	for i := range arts {
		var sp []text.Span
		docs[i], sp = c.doc(arts[i])
		if spans != nil {
			spans[i] = sp
		}
	}
	if len(docs) > 1 {
		crossSource(docs)
	}
	out := make([]article.Article, len(arts))
	var report []Removal
	for i := range docs {
		out[i] = docs[i].finish(arts[i])
		if spans != nil && !docs[i].unchanged {
			spans[i] = nil // changed by crossSource
		}
		for _, r := range docs[i].removed {
			report = append(report, Removal{Article: i, Text: r.text, Reason: r.reason})
		}
	}
	return out, report, spans
}

// seg is one output line: a line of the input, or a run of its sentences.
type seg struct {
	text   string
	line   int    // index of the input line it comes from
	drop   Reason // "" when kept
	weak   bool   // dropped by a heuristic only: restored if nothing else is left
	single bool   // the whole input line (not a run of its sentences)
}

type removed struct {
	text   string
	reason Reason
}

// doc is an article being cleaned.
type doc struct {
	segs    []seg
	nlines  int
	removed []removed
	meta    meta
	// unchanged is set when the text needs no change at all (the common
	// case for dataset text): finish returns it as it was.
	unchanged bool
}

// meta is what removed lines told about the article.
type meta struct {
	date   string // a date line, for article.ParseDate
	when   time.Time
	parsed bool // when is article.ParseDate(date), already read
	author string
	title  string
}

// cleaner holds buffers shared across articles.
type cleaner struct {
	// spans holds the sentence spans of the lines split so far: when keep
	// is set, an unchanged article's (returned by doc) are kept; all others are
	// cut off again once used, so later ones never overwrite kept ones.
	spans []text.Span
	keep  bool
}

// doc splits a's text into lines, classifies them, and applies the rules
// that need only this article. When c.keep is set and the text needs no
// change, it also returns the text's sentences.
func (c *cleaner) doc(a article.Article) (doc, []text.Span) {
	var d doc
	var spans []text.Span
	first := len(c.spans)
	lines := splitLines(a.Text)
	d.nlines = len(lines)
	keep := c.keep && len(lines) == 1 // only a one-line text can be unchanged
	titleKey := ""
	if a.Title != "" {
		titleKey = key(collapse(a.Title))
	}
	for li, raw := range lines {
		l := collapse(raw)
		if l == "" {
			continue
		}
		v := classifyLine(l, li, len(lines))
		if v.reason != "" {
			d.segs = append(d.segs, seg{text: l, line: li, drop: v.reason, weak: v.weak, single: true})
			d.meta.merge(v.meta)
			continue
		}
		if v.keep != "" && v.keep != l {
			// A credit cut off the end of a real sentence.
			d.segs = append(d.segs, seg{text: strings.TrimSpace(l[len(v.keep):]), line: li, drop: Caption})
			l = v.keep
		}
		d.segs = c.sentences(d.segs, l, li)
		if !keep {
			c.spans = c.spans[:first]
		}
	}
	d.inArticle(titleKey, a.Title == "")
	if len(lines) == 1 && len(d.segs) == 1 && d.segs[0].drop == "" && d.segs[0].text == a.Text {
		// The one segment is the one line, split once by sentences:
		// c.spans[first:] are the sentences of a.Text.
		d.unchanged = true
		if keep {
			spans = c.spans[first:len(c.spans):len(c.spans)]
		}
	}
	if spans == nil {
		c.spans = c.spans[:first]
	}
	return d, spans
}

// sentences appends the kept line l as one segment, or, when some of its
// sentences are boilerplate, as the runs of sentences between them.
func (c *cleaner) sentences(segs []seg, l string, li int) []seg {
	first := len(c.spans)
	c.spans = text.AppendSentences(c.spans, l)
	spans := c.spans[first:]
	if len(spans) < 2 {
		return append(segs, seg{text: l, line: li, single: true})
	}
	start := -1 // start of the current run of kept sentences
	end := 0
	dropped := false
	for _, sp := range spans {
		s := l[sp.Start:sp.End]
		r, cut := c.sentence(s)
		if r == "" {
			if start < 0 {
				start = sp.Start
			}
			end = sp.End
			continue
		}
		dropped = true
		if start >= 0 {
			segs = append(segs, seg{text: l[start:end], line: li})
			start = -1
		}
		if cut > 0 && cut < len(s) {
			segs = append(segs, seg{text: strings.TrimSpace(s[:cut]), line: li, drop: r})
			start, end = sp.Start+cut, sp.End
			for start < end && l[start] == ' ' {
				start++
			}
			continue
		}
		segs = append(segs, seg{text: s, line: li, drop: r})
	}
	if !dropped {
		return append(segs, seg{text: l, line: li, single: true})
	}
	if start >= 0 {
		segs = append(segs, seg{text: l[start:end], line: li})
	}
	return segs
}

// sentence classifies one sentence of a longer paragraph. cut > 0 means
// only s[:cut] is boilerplate.
func (c *cleaner) sentence(s string) (Reason, int) {
	var buf [160]byte
	low := lowerASCII(buf[:0], s, len(buf))
	if bytes.HasPrefix(low, []byte("image copyright ")) {
		return Caption, imageCreditCut(low, s)
	}
	return matchPhrases(low, s, false, -1)
}

func (m *meta) merge(o meta) {
	if m.date == "" {
		m.date, m.when, m.parsed = o.date, o.when, o.parsed
	}
	if m.author == "" {
		m.author = o.author
	}
	if m.title == "" {
		m.title = o.title
	}
}

// inArticle drops the title repeated in the body and lines repeated in the
// same article (exact repeats and pull quotes: a short line whose words
// all appear, in order, in a longer line). A headline-like first line of
// an article without a title becomes its title.
func (d *doc) inArticle(titleKey string, needTitle bool) {
	if len(d.segs) == 0 || len(d.segs) == 1 && titleKey == "" {
		return
	}
	keys := make([]string, len(d.segs))
	keyOf := func(i int) string {
		if keys[i] == "" {
			keys[i] = key(d.segs[i].text)
		}
		return keys[i]
	}
	seen := make(map[string]bool, len(d.segs))
	short := false
	for i := range d.segs {
		s := &d.segs[i]
		if s.drop != "" {
			if s.drop == Headline && needTitle && d.meta.title == "" && s.single && s.line <= 2 {
				d.meta.title = s.text
			}
			continue
		}
		// Long lines are compared as written, short ones on their words.
		k := s.text
		if len(k) <= 300 {
			k = keyOf(i)
			if k == "" {
				continue
			}
			if titleKey != "" && k == titleKey {
				s.drop = Headline
				continue
			}
			short = short || s.single && len(k) >= 15
		}
		if seen[k] {
			s.drop = Duplicate
			continue
		}
		seen[k] = true
	}
	if !short {
		return
	}
	// Pull quotes: a short kept line whose words appear in another line.
	for i := range d.segs {
		s := &d.segs[i]
		if s.drop != "" || !s.single || len(s.text) > 300 || len(keyOf(i)) < 15 {
			continue
		}
		// Between 4 and 40 words.
		if w := text.WordsUpTo(s.text, 40); w > 40 || w < 4 {
			continue
		}
		for j := range d.segs {
			if j == i || d.segs[j].drop != "" && d.segs[j].drop != Duplicate || len(d.segs[j].text) <= len(s.text) {
				continue
			}
			if strings.Contains(keyOf(j), keys[i]) {
				s.drop = Duplicate
				break
			}
		}
	}
}

// finish builds the cleaned article.
func (d *doc) finish(a article.Article) article.Article {
	if d.unchanged {
		return a
	}
	// Nothing but heuristic removals: keep those lines rather than lose
	// the article (a report that is a single headline-like line).
	kept := 0
	for _, s := range d.segs {
		if s.drop == "" {
			kept++
		}
	}
	if kept == 0 {
		for i := range d.segs {
			if d.segs[i].weak {
				d.segs[i].drop = ""
			}
		}
	}
	var b strings.Builder
	size := 0
	for _, s := range d.segs {
		if s.drop == "" {
			size += len(s.text) + 2
		}
	}
	b.Grow(size)
	prevLine := -1
	for _, s := range d.segs {
		if s.drop != "" {
			d.removed = append(d.removed, removed{text: s.text, reason: s.drop})
			prevLine = -1
			continue
		}
		if b.Len() > 0 {
			if s.line == prevLine {
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(s.text)
		prevLine = s.line
	}
	a.Text = b.String()
	if a.Date.IsZero() && d.meta.date != "" {
		t, ok := d.meta.when, d.meta.parsed
		if !ok {
			t, ok = article.ParseDate(d.meta.date)
		}
		if ok {
			a.Date = t
		}
	}
	if a.Author == "" && d.meta.author != "" {
		a.Author = d.meta.author
	}
	if a.Title == "" && d.meta.title != "" {
		a.Title = d.meta.title
	}
	return a
}

// crossSource drops short lines that stand within the first or last three
// lines of two or more reports: a site's or agency's boilerplate ("Share
// this:", "Thanks for reading."). Real sentences carried by several
// outlets are longer and are kept: they are the story's support.
func crossSource(docs []doc) {
	type occ struct{ doc, seg int }
	where := map[string][]occ{}
	for di := range docs {
		d := &docs[di]
		for si, s := range d.segs {
			if s.drop != "" || !s.single || (s.line > 2 && s.line < d.nlines-3) {
				continue
			}
			if !boilerplateShape(s.text) {
				continue
			}
			k := key(s.text)
			if k == "" {
				continue
			}
			where[k] = append(where[k], occ{di, si})
		}
	}
	for _, os := range where {
		n := 0
		last := -1
		for _, o := range os {
			if o.doc != last {
				n++
				last = o.doc
			}
		}
		if n < 2 {
			continue
		}
		for _, o := range os {
			docs[o.doc].segs[o.seg].drop = Repeated
			docs[o.doc].unchanged = false
		}
	}
}

// boilerplateShape reports whether a kept line has the shape of site
// boilerplate when it recurs: very short, or a call ("Sign up today!"),
// or a lead-in ("Most read:"), or in Title Case ("Thanks For Reading.").
func boilerplateShape(l string) bool {
	w := text.WordsUpTo(l, 8)
	if w > 8 {
		return false
	}
	if w <= 3 {
		return true
	}
	t := strings.TrimRight(l, "\"')]”’ ")
	if strings.HasSuffix(t, "!") || strings.HasSuffix(t, ":") {
		return true
	}
	caps := 0
	for _, f := range strings.Fields(l) {
		if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
			caps++
		}
	}
	return caps == w
}
