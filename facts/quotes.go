package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/text"
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
	// Bytes, not runes: the marks' encodings start with bytes that only
	// start runes, so a byte scan meets them where ranging over the runes
	// would, and skips the other bytes faster.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !quoteByte[c] {
			continue
		}
		switch {
		case c == '\n':
			if open >= 0 {
				lines++
				if lines > 4 {
					open = -1
				}
			}
		case strings.HasPrefix(s[i:], "“"):
			open, lines = i+len("“"), 0
		case strings.HasPrefix(s[i:], "«"):
			open, lines = i+len("«"), 0
		case strings.HasPrefix(s[i:], "”") || strings.HasPrefix(s[i:], "»"):
			if open >= 0 {
				out = appendQuote(out, doc, s, open, i)
				open = -1
			}
		case c == '"':
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

// quoteByte marks the first bytes of the marks extractQuotes reads:
// '\n', '"', and those of “ ” « ».
var quoteByte = [256]bool{'\n': true, '"': true, 0xe2: true, 0xc2: true}

func appendQuote(out []rawQuote, doc int, s string, start, end int) []rawQuote {
	inner := s[start:end]
	// countWords of the text below is that of inner: joining fields and
	// trimming spaces and commas off the ends drop no letter or digit,
	// and leave no field empty that had one.
	if countWords(inner) < minQuoteWords {
		return out
	}
	t := strings.Trim(joinFields(inner), " ,")
	return append(out, rawQuote{doc: doc, start: start, end: end, text: t})
}

// isSpace is the white space of strings.Fields.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// joinFields is strings.Join(strings.Fields(s), " "), s itself when it
// is so already.
func joinFields(s string) string {
	single := true // every space so far a lone ' ' after a field
	prev := true   // the previous rune is a space (or the start)
	for _, r := range s {
		sp := isSpace(r)
		if sp && (r != ' ' || prev) {
			single = false
			break
		}
		prev = sp
	}
	if single && !prev {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

// countWords counts the fields of s (as strings.Fields splits it) that
// hold a letter or a digit.
func countWords(s string) int {
	n := 0
	in, counted := false, false // inside a field; the field is counted
	for _, r := range s {
		if isSpace(r) {
			in = false
			continue
		}
		if !in {
			in, counted = true, false
		}
		if !counted && isAlnum(r) {
			n++
			counted = true
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
		if isAlnum(r) {
			n.b = append(n.b, lowerRune(r))
			n.off = append(n.off, i)
		}
	}
	return n
}

// normaliseRunes is normalise without the offsets, into buf.
func normaliseRunes(buf []rune, s string) []rune {
	// Written by index into room for len(s) runes, which a text of len(s)
	// bytes cannot exceed; the same runes as appending one at a time.
	out := buf[:cap(buf)]
	if len(out) < len(s) {
		out = make([]rune, len(s))
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if m := text.FoldASCII(c); m != 0 {
				out[n] = rune(m)
				n++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out[n] = unicode.ToLower(r)
			n++
		}
		i += w - 1
	}
	return out[:n]
}

// normLen is len(normaliseRunes(nil, s)).
func normLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if text.FoldASCII(c) != 0 {
				n++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += w - 1
	}
	return n
}

// isAlnum reports whether r is a letter or a digit.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lowerRune is unicode.ToLower with an ASCII fast path.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// shingleHash is the FNV-1a hash of the shingleLen runes of rs.
func shingleHash(rs []rune) uint64 {
	// Unrolled: the same steps as ranging over rs, without the loop. The
	// declarations below fail to compile unless shingleLen is 10.
	var _ [shingleLen - 10]struct{}
	var _ [10 - shingleLen]struct{}
	a := (*[shingleLen]rune)(rs)
	const p = 1099511628211
	h := uint64(14695981039346656037)
	h = (h ^ uint64(a[0])) * p
	h = (h ^ uint64(a[1])) * p
	h = (h ^ uint64(a[2])) * p
	h = (h ^ uint64(a[3])) * p
	h = (h ^ uint64(a[4])) * p
	h = (h ^ uint64(a[5])) * p
	h = (h ^ uint64(a[6])) * p
	h = (h ^ uint64(a[7])) * p
	h = (h ^ uint64(a[8])) * p
	h = (h ^ uint64(a[9])) * p
	return h
}

// rollBase is the base of the rolling hash that screens a report's
// shingles before their shingleHash is computed; rollTop is rollBase to
// the power shingleLen−1.
const rollBase = 1099511628211

var rollTop = func() uint64 {
	p := uint64(1)
	for range shingleLen - 1 {
		p *= rollBase
	}
	return p
}()

// rollFirst is the rolling hash of the first shingle of norm, which has
// shingleLen runes or more.
func rollFirst(norm []rune) uint64 {
	var r uint64
	for k := range shingleLen {
		r = r*rollBase + uint64(norm[k])
	}
	return r
}

// rollNext moves the rolling hash r of the shingle at i of norm to the
// shingle at i+1.
func rollNext(r uint64, norm []rune, i int) uint64 {
	return (r-uint64(norm[i])*rollTop)*rollBase + uint64(norm[i+shingleLen])
}

// shingleIndex numbers the distinct shingles of the story's quotes and
// records which of them occur in each report. Only quote shingles are
// indexed: a report's other shingles can never count towards carrying a
// quote.
type shingleIndex struct {
	ids *idTable
	// bloom has bit bloomBit(r) set for the rolling hash r of every quote
	// shingle: a window whose bit is clear holds no quote shingle. Its
	// size follows the number of quote shingles (about 32 bits each), so
	// that a story with few quotes clears little memory.
	bloom     []uint64
	bloomBits uint // log2 of the number of bits
	// in[d] is the set of shingle ids found in report d, one bit each;
	// found[d] is how many there are.
	in    [][]uint64
	found []int
}

// bloomBit is the bit of the screen for rolling hash r.
func (x *shingleIndex) bloomBit(r uint64) uint64 {
	return (r * 0x9e3779b97f4a7c15) >> (64 - x.bloomBits)
}

// maxBloomBits caps the screen at 2¹⁸ bits (32 KiB).
const maxBloomBits = 18

// newShingleIndex returns an index for n quote shingles, to be added
// with add.
func newShingleIndex(n int) *shingleIndex {
	bits := uint(10)
	for bits < maxBloomBits && 1<<bits < 32*n {
		bits++
	}
	return &shingleIndex{ids: newIDTable(n), bloom: make([]uint64, (1<<bits)/64), bloomBits: bits}
}

// add indexes the shingles of one quote's normalised text and appends
// their ids, in order, to dst.
func (x *shingleIndex) add(dst []int32, norm []rune) []int32 {
	if len(norm) < shingleLen {
		return dst
	}
	r := rollFirst(norm)
	last := len(norm) - shingleLen
	for i := 0; ; i++ {
		b := x.bloomBit(r)
		x.bloom[b>>6] |= 1 << (b & 63)
		dst = append(dst, x.ids.add(shingleHash(norm[i:i+shingleLen])))
		if i == last {
			return dst
		}
		r = rollNext(r, norm, i)
	}
}

// each calls fn with the position and id of every quote shingle of a
// report's normalised text.
func (x *shingleIndex) each(norm []rune, fn func(pos int, id int32)) {
	x.eachOutside(norm, nil, fn)
}

// scan records which quote shingles occur in each report; buf is scratch
// space for the normalised text. raws are the quotes, by report in text
// order, and qid their shingle ids.
//
// A report holds every shingle of its own quotes, so their ids are set
// without a search, and the windows that lie wholly inside one of its
// quotes are not looked up: each is a shingle of that quote (the quote's
// normalised text is the report's between the quote's ends), whose id is
// set already. The sets are those a lookup of every window gives.
func (x *shingleIndex) scan(docText []string, buf []rune, raws []rawQuote, qid [][]int32) {
	words := (x.ids.len() + 63) / 64
	x.in = make([][]uint64, len(docText))
	x.found = make([]int, len(docText))
	all := make([]uint64, words*len(docText))
	var marks []int  // byte offsets of the ends of the report's quotes
	var at []int     // their positions in the normalised text
	var skip []int32 // pairs: first and last window inside a quote
	q := 0           // the first quote of report d
	for d, t := range docText {
		set := all[d*words : (d+1)*words : (d+1)*words]
		n := 0
		marks = marks[:0]
		for ; q < len(raws) && raws[q].doc == d; q++ {
			for _, id := range qid[q] {
				if set[id>>6]&(1<<(id&63)) == 0 {
					set[id>>6] |= 1 << (id & 63)
					n++
				}
			}
			marks = append(marks, raws[q].start, raws[q].end)
		}
		buf, at = normaliseAt(buf, t, marks, at[:0])
		skip = skip[:0]
		for k := 0; k+1 < len(at); k += 2 {
			if at[k+1]-at[k] >= shingleLen {
				skip = append(skip, int32(at[k]), int32(at[k+1]-shingleLen))
			}
		}
		x.eachOutside(buf, skip, func(pos int, id int32) {
			if set[id>>6]&(1<<(id&63)) == 0 {
				set[id>>6] |= 1 << (id & 63)
				n++
			}
		})
		x.in[d] = set
		x.found[d] = n
	}
}

// normaliseAt is normaliseRunes(buf, s), and appends to at the position
// in the normalised text of each byte offset of marks (ascending, on rune
// boundaries): how many runes the bytes before it normalise to.
func normaliseAt(buf []rune, s string, marks []int, at []int) ([]rune, []int) {
	if len(marks) == 0 {
		return normaliseRunes(buf, s), at
	}
	// Normalised piece by piece: the pieces' runes, one after the other,
	// are those of the whole, as normalising goes rune by rune. Each
	// piece is written in place after the last, in room for len(s) runes.
	if cap(buf) < len(s) {
		buf = make([]rune, 0, len(s))
	}
	out := buf[:0]
	prev := 0
	for _, m := range marks {
		k := len(out)
		out = out[:k+len(normaliseRunes(out[k:], s[prev:m]))]
		at = append(at, len(out))
		prev = m
	}
	k := len(out)
	out = out[:k+len(normaliseRunes(out[k:], s[prev:]))]
	return out, at
}

// eachOutside is each, without the windows from skip[2k] to skip[2k+1]
// (ascending, apart).
func (x *shingleIndex) eachOutside(norm []rune, skip []int32, fn func(pos int, id int32)) {
	last := len(norm) - shingleLen
	if last < 0 {
		return
	}
	r := rollFirst(norm)
	k := 0 // the next range of skip
	for i := 0; ; i++ {
		if k < len(skip) && i >= int(skip[k]) {
			// Jump past the range and start the rolling hash again.
			i = int(skip[k+1]) + 1
			k += 2
			if i > last {
				return
			}
			r = rollFirst(norm[i:])
		}
		if b := x.bloomBit(r); x.bloom[b>>6]&(1<<(b&63)) != 0 {
			if id, ok := x.ids.get(shingleHash(norm[i : i+shingleLen])); ok {
				fn(i, id)
			}
		}
		if i == last {
			return
		}
		r = rollNext(r, norm, i)
	}
}

// firstPositions returns, for a report's normalised text norm, the first
// position of each quote shingle, by id (-1 for a shingle it lacks).
func (x *shingleIndex) firstPositions(norm []rune) []int32 {
	first := make([]int32, x.ids.len())
	for i := range first {
		first[i] = -1
	}
	x.each(norm, func(pos int, id int32) {
		if first[id] < 0 {
			first[id] = int32(pos)
		}
	})
	return first
}

// postings returns, for each shingle id, the quotes holding it, ascending
// and without repeats: the quotes of id are flat[off[id]:off[id+1]].
func postings(qid [][]int32, nids int) (off, flat []int32) {
	last := make([]int32, nids) // quote+1 that last counted the id
	off = make([]int32, nids+1)
	for i, ids := range qid {
		for _, id := range ids {
			if last[id] != int32(i)+1 {
				last[id] = int32(i) + 1
				off[id+1]++
			}
		}
	}
	for id := 1; id <= nids; id++ {
		off[id] += off[id-1]
	}
	flat = make([]int32, off[nids])
	clear(last)
	at := last // reused: the next free slot of each id, less its start
	for i, ids := range qid {
		for _, id := range ids {
			if k := off[id] + at[id]; at[id] == 0 || flat[k-1] != int32(i) {
				flat[k] = int32(i)
				at[id]++
			}
		}
	}
	return off, flat
}

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "stated": true, "declared": true,
	"wrote": true, "explained": true, "insisted": true, "warned": true, "urged": true, "tweeted": true,
	"read": true, "according": true, "noted": true, "stressed": true, "announced": true, "asked": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true}

// attributed reports whether a sentence attributes its words to someone:
// it has a speech verb outside quotation marks.
func attributed(s string, buf *[]dtok) bool {
	*buf = appendDateTokens((*buf)[:0], stripQuoted(s))
	for _, t := range *buf {
		if speechVerbs[t.w] && t.w != "read" {
			return true
		}
	}
	return false
}

// stripQuoted removes quoted spans from s; each opening mark becomes
// " Q ", and a byte that is not UTF-8 becomes U+FFFD.
func stripQuoted(s string) string {
	if !strings.ContainsAny(s, "\"“”«»") && utf8.ValidString(s) {
		return s // nothing to remove or replace
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	in := false
	from := 0 // outside quotes: where the bytes still to copy start
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && c != '"' {
			i++ // copied with its run, or dropped inside quotes
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == '“' || r == '«' || r == '”' || r == '»' || r == '"':
			if !in {
				b.WriteString(s[from:i])
			}
			switch r {
			case '“', '«':
				in = true
				b.WriteString(" Q ")
			case '”', '»':
				in = false
			default: // '"'
				if !in {
					b.WriteString(" Q ")
				}
				in = !in
			}
			from = i + w
		case r == utf8.RuneError && w == 1 && !in:
			b.WriteString(s[from:i])
			b.WriteString("\uFFFD") // as WriteRune writes a byte that is not UTF-8
			from = i + 1
		}
		i += w
	}
	if !in {
		b.WriteString(s[from:])
	}
	return b.String()
}

// speakerIn finds who a sentence says spoke: a capitalised name next to a
// speech verb outside the quotation marks. It returns "" for pronouns and
// unnamed speakers.
func speakerIn(s string, buf *[]dtok) string {
	toks := appendDateTokens((*buf)[:0], stripQuoted(s))
	*buf = toks
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
	// The number of quote shingles sizes the index; buf is scratch space
	// for the normalised texts, quotes' and reports'.
	n, maxDoc := 0, 0
	for _, r := range raws {
		n += max(normLen(r.text)-shingleLen+1, 0)
	}
	for _, t := range c.docText {
		maxDoc = max(maxDoc, len(t))
	}
	buf := make([]rune, 0, maxDoc) // a text has no more runes than bytes; a quote is in a report
	x := newShingleIndex(n)
	qid := make([][]int32, len(raws))
	flat := make([]int32, 0, n)
	for i, r := range raws {
		k := len(flat)
		buf = normaliseRunes(buf, r.text)
		flat = x.add(flat, buf)
		qid[i] = flat[k:len(flat):len(flat)]
	}
	// Group renderings: the shorter is mostly contained in the longer. The
	// counts of shared shingles come from postings (quotes per shingle)
	// rather than from every pair of quotes.
	postOff, postFlat := postings(qid, x.ids.len())
	uf := newUnionFind(len(raws))
	cnt := make([]int, len(raws))
	var touched []int32
	for a := range raws {
		touched = touched[:0]
		for _, id := range qid[a] {
			if postOff[id+1]-postOff[id] == 1 {
				continue // only a holds it, and a is not paired with itself
			}
			for _, b := range postFlat[postOff[id]:postOff[id+1]] {
				if cnt[b] == 0 {
					touched = append(touched, b)
				}
				cnt[b]++
			}
		}
		for _, b32 := range touched {
			b := int(b32)
			n := cnt[b]
			cnt[b] = 0
			if b == a {
				continue
			}
			// a is the shorter of the pair, as the pairwise test orders it.
			short := a < b && len(qid[a]) <= len(qid[b]) || a > b && len(qid[b]) > len(qid[a])
			if short && float64(n)/float64(len(qid[a])) >= carryShare {
				uf.union(a, b)
			}
		}
	}
	x.scan(c.docText, buf, raws, qid)
	docNorm := make([]*normText, len(c.docText))
	docFirst := make([][]int32, len(c.docText))
	groups := uf.groups()
	// The speaker a sentence names, found once per sentence.
	speakerAt := make([]string, len(c.st.Sentences))
	speakerDone := make([]bool, len(c.st.Sentences))
	speakerOf := func(i int) string {
		if !speakerDone[i] {
			speakerAt[i], speakerDone[i] = speakerIn(c.st.Sentences[i].Text, &c.scratchToks), true
		}
		return speakerAt[i]
	}
	alias := map[string]string{}
	for _, e := range ents {
		for _, v := range e.Variants {
			alias[v] = e.Name
		}
	}
	// share(i, d) is the share of quote i's shingles (repeats counted)
	// that report d holds; found[i*nd+d] is their number, -1 until
	// counted, so that each pair is counted once.
	nd := len(c.docText)
	found := make([]int32, len(raws)*nd)
	for k := range found {
		found[k] = -1
	}
	share := func(i, d int) float64 {
		ids := qid[i]
		if len(ids) == 0 {
			return 0
		}
		n := found[i*nd+d]
		if n < 0 {
			n = 0
			set := x.in[d]
			for _, id := range ids {
				n += int32(set[id>>6] >> (id & 63) & 1) // 1 when id is in set
			}
			found[i*nd+d] = n
		}
		return float64(n) / float64(len(ids))
	}
	quotedIn := make([]int, nd) // per report: the raw quote of the group it quotes, or -1
	var out []Quote
	for _, g := range groups {
		longest := g[0]
		for _, i := range g {
			if len(qid[i]) > len(qid[longest]) {
				longest = i
			}
		}
		q := Quote{Text: raws[longest].text, Origin: -1}
		for d := range quotedIn {
			quotedIn[d] = -1
		}
		for _, i := range g {
			if prev := quotedIn[raws[i].doc]; prev < 0 || len(raws[i].text) > len(raws[prev].text) {
				quotedIn[raws[i].doc] = i
			}
		}
		var speakers map[string]int
		for d := range c.docText {
			if qi := quotedIn[d]; qi >= 0 {
				rq := raws[qi]
				sent := c.sentenceAt(d, rq.start)
				endSent := c.sentenceAt(d, rq.end)
				q.Carriers = append(q.Carriers, QuoteCarrier{Doc: d, Sentence: sent, Wording: rq.text, Quoted: true})
				sp := speakerOf(endSent)
				if sp == "" && endSent != sent {
					sp = speakerOf(sent)
				}
				if sp != "" {
					if a, ok := alias[sp]; ok {
						sp = a
					}
					if speakers == nil {
						speakers = map[string]int{}
					}
					speakers[sp]++
				}
				continue
			}
			// Not quoted here: does the report carry the words as its own?
			if x.found[d] == 0 {
				continue // no shingle of any quote: carries none
			}
			h := longest
			if share(h, d) < carryShare {
				for _, i := range g {
					if len(qid[i]) > 0 && share(i, d) >= carryShare && (share(h, d) < carryShare || len(qid[i]) > len(qid[h])) {
						h = i
					}
				}
			}
			if share(h, d) < carryShare {
				continue
			}
			hs := qid[h]
			// Align by the most common offset between quote and report.
			if docNorm[d] == nil {
				n := normalise(c.docText[d])
				docNorm[d] = &n
				docFirst[d] = x.firstPositions(n.b)
			}
			offs := map[int]int{}
			for k, id := range hs {
				if p := docFirst[d][id]; p >= 0 {
					offs[int(p)-k]++
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
		if cr.Quoted || attributed(c.st.Sentences[cr.Sentence].Text, &c.scratchToks) {
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
