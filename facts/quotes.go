package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minQuoteWords is the shortest quote kept: shorter quoted spans are
// scare quotes or titles ("liberate", "Old Aleppo").
const minQuoteWords = 4

// shingleLen is the length, in normalised characters, of the shingles
// quotes are matched by. Normalising drops case, spaces and punctuation,
// so "heartbreaking" and "heart breaking" match.
const shingleLen = 10

// carryShare is the share of a quote's shingles a report must hold to
// carry it.
const carryShare = 0.6

// rawQuote is a quoted span in one report.
type rawQuote struct {
	doc        int
	start, end int // byte span of the inner text in docText
	text       string
}

// extractQuotes finds the quoted spans of a report's text: curly quotes and
// paired straight quotes; an opening mark left open for more than a few
// lines is a stray and is dropped.
func extractQuotes(doc int, s string) []rawQuote {
	var out []rawQuote
	open := -1
	lines := 0
	for i, r := range s {
		switch r {
		case '\n':
			if open >= 0 {
				lines++
				if lines > 4 {
					open = -1
				}
			}
		case '“', '«':
			open, lines = i+utf8.RuneLen(r), 0
		case '”', '»':
			if open >= 0 {
				out = appendQuote(out, doc, s, open, i)
				open = -1
			}
		case '"':
			if open >= 0 {
				out = appendQuote(out, doc, s, open, i)
				open = -1
			} else {
				open, lines = i+1, 0
			}
		}
	}
	return out
}

func appendQuote(out []rawQuote, doc int, s string, start, end int) []rawQuote {
	t := strings.Join(strings.Fields(s[start:end]), " ")
	t = strings.Trim(t, " ,")
	if countWords(t) < minQuoteWords {
		return out
	}
	return append(out, rawQuote{doc: doc, start: start, end: end, text: t})
}

func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// normText is text reduced to lowercase letters and digits, with the byte
// offset in the original of every kept character.
type normText struct {
	b   []rune
	off []int
}

func normalise(s string) normText {
	n := normText{b: make([]rune, 0, len(s)), off: make([]int, 0, len(s))}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n.b = append(n.b, unicode.ToLower(r))
			n.off = append(n.off, i)
		}
	}
	return n
}

func shingleHash(rs []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

// shingles returns every shingle of n with its first position.
func shingles(n normText) map[uint64]int {
	m := make(map[uint64]int, len(n.b))
	for i := 0; i+shingleLen <= len(n.b); i++ {
		h := shingleHash(n.b[i : i+shingleLen])
		if _, ok := m[h]; !ok {
			m[h] = i
		}
	}
	return m
}

// quoteHashes lists the shingles of a quote in order.
func quoteHashes(n normText) []uint64 {
	var out []uint64
	for i := 0; i+shingleLen <= len(n.b); i++ {
		out = append(out, shingleHash(n.b[i:i+shingleLen]))
	}
	return out
}

// containment is the share of hs found in set.
func containment(hs []uint64, set map[uint64]int) float64 {
	if len(hs) == 0 {
		return 0
	}
	n := 0
	for _, h := range hs {
		if _, ok := set[h]; ok {
			n++
		}
	}
	return float64(n) / float64(len(hs))
}

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "stated": true, "declared": true,
	"wrote": true, "explained": true, "insisted": true, "warned": true, "urged": true, "tweeted": true,
	"read": true, "according": true, "noted": true, "stressed": true, "announced": true, "asked": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true}

// attributed reports whether a sentence attributes its words to someone:
// it has a speech verb outside quotation marks.
func attributed(s string) bool {
	for _, t := range dateTokens(stripQuoted(s)) {
		if speechVerbs[t.w] && t.w != "read" {
			return true
		}
	}
	return false
}

// stripQuoted removes quoted spans from s.
func stripQuoted(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch r {
		case '“', '«':
			in = true
			b.WriteString(" Q ")
			continue
		case '”', '»':
			in = false
			continue
		case '"':
			if !in {
				b.WriteString(" Q ")
			}
			in = !in
			continue
		}
		if !in {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// speakerIn finds who a sentence says spoke: a capitalised name next to a
// speech verb outside the quotation marks. It returns "" for pronouns and
// unnamed speakers.
func speakerIn(s string) string {
	toks := dateTokens(stripQuoted(s))
	for i, t := range toks {
		if !speechVerbs[t.w] {
			continue
		}
		// "according to X", "said X", "said spokesman X".
		after := i + 1
		if t.w == "according" && after < len(toks) && toks[after].w == "to" {
			after++
		}
		if name := capsRun(toks, after, 1); name != "" {
			return name
		}
		if after < len(toks) && !isCap(toks[after].raw) && after+1 < len(toks) {
			if name := capsRun(toks, after+1, 1); name != "" && (i == 0 || toks[i-1].raw == "Q" || strings.HasSuffix(toks[i-1].raw, ",")) {
				return name
			}
		}
		// "X said", "spokesman X said".
		if i > 0 && !pronouns[toks[i-1].w] {
			if name := capsRun(toks, i-1, -1); name != "" {
				return name
			}
		}
	}
	return ""
}

func isCap(raw string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(raw, "(\"“‘'"))
	return unicode.IsUpper(r)
}

// capsRun reads a run of capitalised words from toks[i] forward (dir 1) or
// backward (dir -1), stopping at punctuation.
func capsRun(toks []dtok, i, dir int) string {
	var words []string
	for j := i; j >= 0 && j < len(toks); j += dir {
		raw := toks[j].raw
		if raw == "Q" {
			break
		}
		clean := strings.Trim(raw, ",;:.!?\"“”()")
		if clean == "" || (!isCap(clean) && !nameParticles[clean]) {
			break
		}
		if dir > 0 {
			words = append(words, clean)
			if strings.HasSuffix(raw, ",") || strings.HasSuffix(raw, ".") && !strings.HasSuffix(clean, ".") {
				break
			}
		} else {
			if strings.HasSuffix(raw, ",") && j != i {
				break
			}
			words = append([]string{clean}, words...)
		}
		if len(words) >= 5 {
			break
		}
	}
	for len(words) > 0 && (nameParticles[words[0]] || titles[strings.ToLower(words[0])] && len(words) > 1) {
		words = words[1:]
	}
	if len(words) == 0 || (len(words) == 1 && commonCapitals[strings.ToLower(words[0])]) {
		return ""
	}
	return strings.Join(words, " ")
}

// buildQuotes finds the quotes, groups the renderings of each across
// reports and picks its origin.
func buildQuotes(c *corpus, ents []Entity) []Quote {
	var raws []rawQuote
	for d, t := range c.docText {
		raws = append(raws, extractQuotes(d, t)...)
	}
	if len(raws) == 0 {
		return nil
	}
	docNorm := make([]normText, len(c.docText))
	docSh := make([]map[uint64]int, len(c.docText))
	for d, t := range c.docText {
		docNorm[d] = normalise(t)
		docSh[d] = shingles(docNorm[d])
	}
	qn := make([]normText, len(raws))
	qh := make([][]uint64, len(raws))
	qs := make([]map[uint64]int, len(raws))
	for i, r := range raws {
		qn[i] = normalise(r.text)
		qh[i] = quoteHashes(qn[i])
		qs[i] = shingles(qn[i])
	}
	// Group renderings: the shorter is mostly contained in the longer.
	uf := newUnionFind(len(raws))
	for a := range raws {
		for b := a + 1; b < len(raws); b++ {
			short, long := a, b
			if len(qh[a]) > len(qh[b]) {
				short, long = b, a
			}
			if containment(qh[short], qs[long]) >= carryShare {
				uf.union(a, b)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range raws {
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	alias := map[string]string{}
	for _, e := range ents {
		for _, v := range e.Variants {
			alias[v] = e.Name
		}
	}
	var out []Quote
	for _, r := range roots {
		g := groups[r]
		longest := g[0]
		for _, i := range g {
			if len(qh[i]) > len(qh[longest]) {
				longest = i
			}
		}
		q := Quote{Text: raws[longest].text, Origin: -1}
		quotedIn := map[int]rawQuote{}
		for _, i := range g {
			if prev, ok := quotedIn[raws[i].doc]; !ok || len(raws[i].text) > len(prev.text) {
				quotedIn[raws[i].doc] = raws[i]
			}
		}
		speakers := map[string]int{}
		for d := range c.docText {
			if rq, ok := quotedIn[d]; ok {
				sent := c.sentenceAt(d, rq.start)
				endSent := c.sentenceAt(d, rq.end)
				q.Carriers = append(q.Carriers, QuoteCarrier{Doc: d, Sentence: sent, Wording: rq.text, Quoted: true})
				sp := speakerIn(c.st.Sentences[endSent].Text)
				if sp == "" && endSent != sent {
					sp = speakerIn(c.st.Sentences[sent].Text)
				}
				if sp != "" {
					if a, ok := alias[sp]; ok {
						sp = a
					}
					speakers[sp]++
				}
				continue
			}
			// Not quoted here: does the report carry the words as its own?
			hs := qh[longest]
			if containment(hs, docSh[d]) < carryShare {
				for _, i := range g {
					if len(qh[i]) > 0 && containment(qh[i], docSh[d]) >= carryShare && (containment(hs, docSh[d]) < carryShare || len(qh[i]) > len(hs)) {
						hs = qh[i]
					}
				}
			}
			if containment(hs, docSh[d]) < carryShare {
				continue
			}
			// Align by the most common offset between quote and report.
			offs := map[int]int{}
			for k, h := range hs {
				if p, ok := docSh[d][h]; ok {
					offs[p-k]++
				}
			}
			shift, votes := 0, -1
			for o, n := range offs {
				if n > votes || (n == votes && o < shift) {
					shift, votes = o, n
				}
			}
			first := max(shift, 0)
			last := min(shift+len(hs)-1, len(docNorm[d].b)-shingleLen)
			if last < first {
				continue
			}
			s0 := docNorm[d].off[first]
			endRune := min(last+shingleLen-1, len(docNorm[d].off)-1)
			_, size := utf8.DecodeRuneInString(c.docText[d][docNorm[d].off[endRune]:])
			s1 := docNorm[d].off[endRune] + size
			wording := strings.Join(strings.Fields(c.docText[d][s0:s1]), " ")
			q.Carriers = append(q.Carriers, QuoteCarrier{Doc: d, Sentence: c.sentenceAt(d, s0), Wording: wording, Quoted: false})
		}
		q.Speaker = mostCommon(speakers)
		q.Origin, q.OriginReason = quoteOrigin(c, q.Carriers)
		out = append(out, q)
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a].Carriers) > len(out[b].Carriers) })
	return out
}

// quoteOrigin picks the report that is the original statement: one that
// states the words unquoted and unattributed; else the earliest dated
// carrier; else the first.
func quoteOrigin(c *corpus, cs []QuoteCarrier) (int, string) {
	switch len(cs) {
	case 0:
		return -1, ""
	case 1:
		return cs[0].Doc, "only"
	}
	best := -1
	for _, cr := range cs {
		if cr.Quoted || attributed(c.st.Sentences[cr.Sentence].Text) {
			continue
		}
		if best < 0 || earlier(c, cr.Doc, best) {
			best = cr.Doc
		}
	}
	if best >= 0 {
		return best, "statement"
	}
	best = cs[0].Doc
	dated := !c.dates[best].IsZero()
	for _, cr := range cs[1:] {
		if earlier(c, cr.Doc, best) {
			best = cr.Doc
		}
		if !c.dates[cr.Doc].IsZero() {
			dated = true
		}
	}
	if dated {
		return best, "earliest"
	}
	return best, "first"
}

// earlier reports whether report a is dated before report b; undated
// reports come after dated ones, then input order decides.
func earlier(c *corpus, a, b int) bool {
	da, db := c.dates[a], c.dates[b]
	switch {
	case !da.IsZero() && !db.IsZero() && !da.Equal(db):
		return da.Before(db)
	case !da.IsZero() && db.IsZero():
		return true
	case da.IsZero() && !db.IsZero():
		return false
	}
	return a < b
}
