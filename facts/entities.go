package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/text"
)

// etok is a word of a sentence prepared for name finding.
type etok struct {
	raw     string // trimmed of surrounding punctuation; abbreviation dots kept
	low     string
	cap     bool
	endsRun bool // punctuation after the word ends a name
	initial bool // first word of the sentence, a quote or a clause
	paren   bool // opens a parenthesis
}

// abbreviations keep their final dot.
var abbreviations = map[string]bool{
	"gen.": true, "brig.": true, "sen.": true, "rep.": true, "gov.": true, "mr.": true, "mrs.": true, "ms.": true,
	"dr.": true, "prof.": true, "col.": true, "lt.": true, "capt.": true, "maj.": true, "sgt.": true, "st.": true,
	"rev.": true, "jr.": true, "sr.": true, "corp.": true, "inc.": true, "ltd.": true, "co.": true,
}

// entityTokens splits a sentence into name-finding tokens, appending to
// dst (which it reuses).
func entityTokens(dst []etok, s string) []etok {
	out := dst[:0]
	initial := true
	for i := 0; i < len(s); {
		// Fields are separated by white space and dashes.
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if isFieldSep(r) {
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r, w := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(s[j:])
			}
			if isFieldSep(r) {
				break
			}
			j += w
		}
		f := s[i:j]
		i = j
		var t etok
		var ok bool
		t, ok, initial = entityToken(f, initial)
		if ok {
			out = append(out, t)
		}
	}
	return out
}

// isFieldSep separates the fields entityTokens reads.
func isFieldSep(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || r == '—' || r == '–'
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceByte is asciiSpace over every byte value (false from utf8.RuneSelf
// on), so that a byte indexes it without a bounds check.
var spaceByte = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// entityToken makes the token of one field; initial says whether the field
// starts a sentence, a quote or a clause. It returns false when the field
// is only punctuation, and whether the next field is initial.
func entityToken(f string, initial bool) (etok, bool, bool) {
	raw := f
	r0, _ := utf8.DecodeRuneInString(raw)
	startQuote := r0 == '“' || r0 == '"' || r0 == '‘' || r0 == '['
	raw = trimLeftOpen(raw)
	ends := false
	for {
		n := len(raw)
		raw = trimRightClose(raw)
		if len(raw) != n {
			ends = true
		}
		if k := len(raw); k >= 2 && (raw[k-1] == 's' || raw[k-1] == 'S') {
			if raw[k-2] == '\'' {
				raw = raw[:k-2]
				ends = true
				continue
			}
			if strings.HasSuffix(raw[:k-1], "’") {
				low := strings.ToLower(raw)
				raw = f[:0] + strings.TrimSuffix(strings.TrimSuffix(low, "’s"), "'s")
				raw = restoreCase(f, raw)
				ends = true
				continue
			}
		}
		if strings.HasSuffix(raw, ".") {
			inner := raw[:len(raw)-1]
			if isAbbreviation(raw) || strings.Contains(inner, ".") || (utf8.RuneCountInString(inner) == 1 && isUpperStart(inner)) {
				break
			}
			raw = inner
			ends = true
			continue
		}
		break
	}
	if strings.HasSuffix(f, ")") && strings.HasPrefix(f, "(") {
		ends = false // "(Staffan)" is part of the name around it
	}
	// "Russian-backed": the name is the part before the hyphen.
	if i := strings.IndexByte(raw, '-'); i > 0 && i+1 < len(raw) {
		rest := raw[i+1:]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(r) && !nameParticles[text.Lower(raw[:i])] && compoundSuffix(rest) {
			raw = raw[:i]
			ends = true
		}
	}
	if raw == "" {
		return etok{}, false, initial || ends
	}
	t := etok{raw: raw, low: text.Lower(raw), endsRun: ends, initial: initial || startQuote, paren: strings.HasPrefix(f, "(")}
	t.cap = isUpperStart(raw) || hasParticlePrefix(raw)
	next := strings.HasSuffix(f, ":") || strings.HasSuffix(f, ".") && !strings.HasSuffix(raw, ".") && t.endsRun
	return t, true, next
}

// trimLeftOpen is strings.TrimLeft(s, "(“\"‘'[").
func trimLeftOpen(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == '(' || s[0] == '"' || s[0] == '\'' || s[0] == '[':
			s = s[1:]
		case strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘"):
			s = s[3:]
		default:
			return s
		}
	}
	return s
}

// trimRightClose is strings.TrimRight(s, ")”\"’'],;:!?…").
func trimRightClose(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; c {
		case ')', '"', '\'', ']', ',', ';', ':', '!', '?':
			s = s[:len(s)-1]
			continue
		}
		if strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") || strings.HasSuffix(s, "…") {
			s = s[:len(s)-3]
			continue
		}
		return s
	}
	return s
}

// isAbbreviation reports whether abbreviations holds the lowercase of w.
func isAbbreviation(w string) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(w)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// restoreCase returns the prefix of orig that lower spells, in orig's case.
func restoreCase(orig, lower string) string {
	o := strings.TrimLeft(orig, "(“\"‘'[")
	if len(o) >= len(lower) && strings.EqualFold(o[:len(lower)], lower) {
		return o[:len(lower)]
	}
	return lower
}

func isUpperStart(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0] >= 'A' && s[0] <= 'Z' // unicode.IsUpper of an ASCII letter
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// hasParticlePrefix is true for "al-Assad", "el-Sisi", "bin-Salman".
func hasParticlePrefix(s string) bool {
	i := strings.IndexByte(s, '-')
	if i <= 0 || i+1 >= len(s) {
		return false
	}
	return nameParticles[strings.ToLower(s[:i])] && isUpperStart(s[i+1:])
}

// caseFits rejects a short all-capitals gazetteer name written otherwise
// ("Is" is not "IS", "Us" is not "US").
func caseFits(ts []etok, e gazetteerEntry) bool {
	if len(ts) != 1 || len(ts[0].raw) > 4 {
		return true
	}
	up := strings.ToUpper(ts[0].raw)
	if ts[0].raw == up {
		return true
	}
	// The entry's own spelling decides: "Nato" and "Iran" are fine.
	return !shortUpper[strings.ToLower(ts[0].raw)]
}

// adjectival words are adjectives of nationality or direction, not names.
func adjectival(w string) bool {
	return strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ese")
}

// compoundSuffix reports whether the second part of a hyphenated word
// makes it an adjective ("Russian-backed", "US-led", "Kurdish-controlled").
func compoundSuffix(s string) bool {
	for _, suf := range []string{"ed", "ing", "held", "led", "born", "based", "made", "run", "owned", "style", "wide", "era", "bound"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// headline reports whether a line is set in title case (a headline or a
// teaser), where capitals do not mark names.
func headline(toks []etok) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if connectors[t.low] || isStop(t.low) || t.low == "a" || t.low == "an" || t.low == "and" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.raw)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 4 && (words-caps)*10 <= words
}

// mention is one occurrence of a name in a report.
type mention struct {
	text  string
	doc   int
	gaz   *gazetteerEntry
	kind  string // a kind decided by a strong cue ("" if none)
	votes [4]int // person, place, organisation votes
	init  bool   // a single word at the start of a sentence
}

const (
	votePerson = iota
	votePlace
	voteOrg
)

// findMentions finds the names of one sentence.
func findMentions(s string, doc int, lowerMode bool, g gazetteer, buf *[]etok) []mention {
	if lowerMode {
		return findLowerMentions(s, appendFieldSpans(nil, s), doc)
	}
	toks := entityTokens(*buf, s)
	*buf = toks
	var out []mention
	if lowerMode || headline(toks) {
		for i := 0; i < len(toks); i++ {
			if !isGazetteerFirst(toks[i].low) {
				continue
			}
			for n := min(5, len(toks)-i); n >= 1; n-- {
				key := joinLow(toks[i : i+n])
				if e, ok := g[key]; ok && (!lowerMode || !ambiguousLower[key]) && (n > 1 || len(key) > 2 || !lowerMode) && caseFits(toks[i:i+n], e) {
					e := e
					out = append(out, mention{text: joinRaw(toks[i : i+n]), doc: doc, gaz: &e})
					i += n - 1
					break
				}
			}
		}
		return out
	}
	for i := 0; i < len(toks); {
		if !toks[i].cap {
			i++
			continue
		}
		// A run of capitalised words, with particles and connectors inside.
		j := i + 1
		if !toks[i].endsRun {
			for j < len(toks) {
				t := toks[j]
				if t.initial || t.paren && isAcronym(t.raw) {
					break
				}
				if !t.cap {
					if (nameParticles[t.low] || connectors[t.low]) && j+1 < len(toks) && toks[j+1].cap && !t.endsRun {
						j++
						continue
					}
					// "Office of the Governor".
					if connectors[t.low] && j+2 < len(toks) && toks[j+1].low == "the" && toks[j+2].cap && !t.endsRun && !toks[j+1].endsRun {
						j += 2
						continue
					}
					break
				}
				j++
				if t.endsRun {
					break
				}
			}
		}
		for j > i+1 && !toks[j-1].cap {
			j--
		}
		prev, next := "", ""
		if i > 0 {
			prev = toks[i-1].low
		}
		if j < len(toks) {
			next = toks[j].low
		}
		out = append(out, segmentRun(toks[i:j], doc, prev, next, g)...)
		i = j
	}
	return out
}

// findLowerMentions finds the known names of a lowercased sentence, whose
// fields are the spans fs of s: only the gazetteer (defaultGazetteer)
// applies, and ambiguous words ("us", "turkey") are skipped.
func findLowerMentions(s string, fs []text.Span, doc int) []mention {
	g := defaultGazetteer
	var out []mention
	var kb []byte
	for i := 0; i < len(fs); i++ {
		if !isGazetteerFirst(trimNamePunct(s[fs[i].Start:fs[i].End])) {
			continue
		}
		for n := min(5, len(fs)-i); n >= 1; n-- {
			// The fields joined by single spaces: the text itself when it
			// has no other space between them.
			j := s[fs[i].Start:fs[i+n-1].End]
			if !singleSpaced(j, fs[i:i+n]) {
				kb = kb[:0]
				for k := i; k < i+n; k++ {
					if k > i {
						kb = append(kb, ' ')
					}
					kb = append(kb, s[fs[k].Start:fs[k].End]...)
				}
				j = string(kb)
			}
			key := trimNamePunct(j)
			if !gazetteerScreen.has(key) {
				continue // not a name: g[key] would fail
			}
			if e, ok := g[key]; ok && !ambiguousLower[key] && !shortUpper[key] {
				e := e
				out = append(out, mention{text: key, doc: doc, gaz: &e})
				i += n - 1
				break
			}
		}
	}
	return out
}

// trimNamePunct is strings.Trim(s, ",;:!?\"'()"). The cut set is ASCII,
// and no byte of a multi-byte UTF-8 sequence is, so testing bytes is
// testing runes.
func trimNamePunct(s string) string {
	for len(s) > 0 && namePunct[s[0]] {
		s = s[1:]
	}
	for len(s) > 0 && namePunct[s[len(s)-1]] {
		s = s[:len(s)-1]
	}
	return s
}

var namePunct = [256]bool{',': true, ';': true, ':': true, '!': true, '?': true, '"': true, '\'': true, '(': true, ')': true}

// singleSpaced reports whether fields fs, a piece of text j, are separated
// by single ASCII spaces in j.
func singleSpaced(j string, fs []text.Span) bool {
	for k := 1; k < len(fs); k++ {
		if fs[k].Start != fs[k-1].End+1 || j[fs[k-1].End-fs[0].Start] != ' ' {
			return false
		}
	}
	return true
}

// appendFieldSpans appends the spans of the fields of s, as strings.Fields
// splits it, to dst.
func appendFieldSpans(dst []text.Span, s string) []text.Span {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		sp, w := spaceByte[c], 1
		if c >= utf8.RuneSelf {
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
		}
		if sp {
			if start >= 0 {
				dst = append(dst, text.Span{Start: start, End: i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += w
	}
	if start >= 0 {
		dst = append(dst, text.Span{Start: start, End: len(s)})
	}
	return dst
}

func joinLow(ts []etok) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.low
	}
	return strings.Join(parts, " ")
}

// appendLow appends joinLow(ts) to dst.
func appendLow(dst []byte, ts []etok) []byte {
	for i, t := range ts {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, t.low...)
	}
	return dst
}

func joinRaw(ts []etok) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.raw
	}
	return strings.Join(parts, " ")
}

// segmentRun splits a run of capitalised words into names: known names,
// titles (which mark the next name as a person's) and unknown names.
func segmentRun(run []etok, doc int, prev, next string, g gazetteer) []mention {
	// Drop words capitalised only because they start the sentence.
	for len(run) > 0 && run[0].initial && commonCapitals[run[0].low] {
		if _, known := g[run[0].low]; known {
			break
		}
		run = run[1:]
		prev = ""
		if len(run) > 0 {
			run[0].initial = true
		}
	}
	if len(run) == 0 {
		return nil
	}
	var kbArr [96]byte
	kb := appendLow(kbArr[:0], run)
	if e, ok := g[string(kb)]; ok {
		return []mention{{text: joinRaw(run), doc: doc, gaz: &e}}
	}
	// An organisation's name: a cue word at the end or before a connector.
	if len(run) >= 2 {
		for k, t := range run {
			if !orgCues[t.low] {
				continue
			}
			last := k == len(run)-1
			if last || (k+1 < len(run) && connectors[run[k+1].low]) {
				start := 0
				for start < k && titles[run[start].low] {
					start++
				}
				if k-start >= 1 || !last {
					rest := run[start:]
					return []mention{{text: joinRaw(rest), doc: doc, kind: "organisation"}}
				}
			}
		}
	}
	var out []mention
	person := personCues[prev]
	var chunk []etok
	flush := func(nextWord string) {
		for len(chunk) > 0 && connectors[chunk[len(chunk)-1].low] {
			chunk = chunk[:len(chunk)-1]
		}
		for len(chunk) > 0 && (connectors[chunk[0].low] || nameParticles[chunk[0].low] && len(chunk) == 1) {
			chunk = chunk[1:]
		}
		if len(chunk) == 0 {
			return
		}
		if len(chunk) == 1 && (commonCapitals[chunk[0].low] || adjectival(chunk[0].low)) {
			chunk = nil
			person = false
			return
		}
		m := mention{text: joinRaw(chunk), doc: doc}
		if len(chunk) == 1 && chunk[0].initial {
			m.init = true
		}
		if person {
			m.kind = "person"
		}
		if placeCues[prev] && !person {
			m.votes[votePlace]++
		}
		if placeNouns[nextWord] || len(chunk) > 1 && (placeNouns[chunk[0].low] || placeNouns[chunk[len(chunk)-1].low]) {
			m.votes[votePlace]++
		}
		if speechVerbs[nextWord] && nextWord != "read" && len(chunk) <= 3 {
			m.votes[votePerson]++
		}
		out = append(out, m)
		chunk = nil
		person = false
	}
	for i := 0; i < len(run); {
		// Known names, longest first.
		matched := false
		for n := min(5, len(run)-i); n >= 1; n-- {
			kb = appendLow(kb[:0], run[i:i+n])
			if e, ok := g[string(kb)]; ok && (n > 1 || !connectors[string(kb)]) && caseFits(run[i:i+n], e) {
				if e.kind != "country" && i+n < len(run) && !e.demonym {
					if _, known := g[run[i+n].low]; !known && !titles[run[i+n].low] && !connectors[run[i+n].low] {
						// "Geneva Conventions", "UNESCO Heritage": a longer name.
						break
					}
				}
				flush(string(kb))
				e := e
				out = append(out, mention{text: joinRaw(run[i : i+n]), doc: doc, gaz: &e})
				i += n
				matched = true
				break
			}
			if titles[string(kb)] && i+n < len(run) && !connectors[run[i+n].low] {
				flush(string(kb))
				person = true
				i += n
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if connectors[run[i].low] && len(chunk) > 0 {
			flush(run[i].low)
			i++
			continue
		}
		chunk = append(chunk, run[i])
		i++
	}
	flush(next)
	return out
}

// entAcc accumulates one entity while merging.
type entAcc struct {
	name     string
	kind     string
	variants map[string]int
	perDoc   map[int]int
	votes    [4]int
	gaz      bool
	init     int // mentions that were a lone sentence-initial word
	total    int
}

func (a *entAcc) add(m mention) {
	a.variants[m.text]++
	a.perDoc[m.doc]++
	a.total++
	for i, v := range m.votes {
		a.votes[i] += v
	}
	if m.init {
		a.init++
	}
	if m.kind != "" && a.kind == "" {
		a.kind = m.kind
	}
}

func (a *entAcc) merge(b *entAcc) {
	for v, n := range b.variants {
		a.variants[v] += n
	}
	for d, n := range b.perDoc {
		a.perDoc[d] += n
	}
	for i, v := range b.votes {
		a.votes[i] += v
	}
	a.total += b.total
	a.init += b.init
	if a.kind == "" {
		a.kind = b.kind
	}
}

func newAcc(name string) *entAcc {
	return &entAcc{name: name, variants: map[string]int{}, perDoc: map[int]int{}}
}

// nameKey normalises an unknown name: lowercase, middle initials dropped.
func nameKey(s string) string {
	var parts []string
	fs := strings.Fields(s)
	for i, f := range fs {
		clean := strings.Trim(f, "()")
		if i > 0 && i < len(fs)-1 && len(clean) == 2 && clean[1] == '.' {
			continue
		}
		parts = append(parts, strings.ToLower(clean))
	}
	return strings.Join(parts, " ")
}

// surnameKey is the last word of a name, particles and "al-" dropped.
func surnameKey(key string) string {
	_, last, n := fieldsInfo(key)
	if n == 0 {
		return ""
	}
	if i := strings.IndexByte(last, '-'); i > 0 && nameParticles[last[:i]] {
		last = last[i+1:]
	}
	return last
}

// givenName is the first word of a multi-word name ("" for one word or a
// particle-led surname).
func givenName(key string) string {
	first, _, n := fieldsInfo(key)
	if n < 2 || nameParticles[first] {
		return ""
	}
	return first
}

// fieldsInfo returns the first and last of strings.Fields(s) and their
// number.
func fieldsInfo(s string) (first, last string, n int) {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				if n == 0 {
					first = s[start:i]
				}
				last = s[start:i]
				n++
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		if n == 0 {
			first = s[start:]
		}
		last = s[start:]
		n++
	}
	return first, last, n
}

// sameGiven reports whether two given names are one person's: equal, an
// initial of the other, or a spelling variant (edit distance at most 2 on
// names of 4+ letters, "Stefan" / "Staffan").
func sameGiven(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	ta, tb := strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	if len(ta) == 1 || len(tb) == 1 {
		return ta[0] == tb[0]
	}
	ra, rb := []rune(ta), []rune(tb)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	return editDistance(ra, rb) <= 2
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// acronym returns the initials of a multi-word name, connectors skipped.
func acronym(name string) string {
	var b strings.Builder
	fs := strings.Fields(name)
	if len(fs) < 2 {
		return ""
	}
	for _, f := range fs {
		if connectors[strings.ToLower(f)] || nameParticles[strings.ToLower(f)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

func isAcronym(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// buildEntities finds the names of every report and merges variants.
func buildEntities(c *corpus) []Entity {
	g := defaultGazetteer
	byKey := map[string]*entAcc{}
	var order []string
	get := func(key, name string) *entAcc {
		a, ok := byKey[key]
		if !ok {
			a = newAcc(name)
			byKey[key] = a
			order = append(order, key)
		}
		return a
	}
	capsMid := map[string]bool{}
	var toks []etok
	keys := map[string]string{} // nameKey of each mention text
	keyOf := func(t string) string {
		k, ok := keys[t]
		if !ok {
			k = nameKey(t)
			keys[t] = k
		}
		return k
	}
	var spans []text.Span
	for d, doc := range c.st.Docs {
		// The fields of the report, split once: a sentence's fields are
		// those of the report within it, as the "\n" between sentences
		// is a space.
		spans = appendFieldSpans(spans[:0], c.docText[d])
		lowerMode := isLowercased(c.docText[d], spans)
		next := 0 // the first field of sentence i
		for i := doc.First; i < doc.End && i < len(c.st.Sentences); i++ {
			var ms []mention
			if lowerMode {
				end := c.docOff[d][i-doc.First] + len(c.st.Sentences[i].Text)
				k := next
				for k < len(spans) && spans[k].Start < end {
					k++
				}
				ms = findLowerMentions(c.docText[d], spans[next:k], d)
				next = k
			} else {
				ms = findMentions(c.st.Sentences[i].Text, d, lowerMode, g, &toks)
			}
			for _, m := range ms {
				if m.gaz != nil {
					a := get(m.gaz.key, m.gaz.name)
					a.kind, a.gaz = m.gaz.kind, true
					a.add(m)
					continue
				}
				k := keyOf(m.text)
				if !m.init {
					capsMid[k] = true
				}
				get(k, m.text).add(m)
			}
		}
	}
	// Merge people: full names by surname and given name, then lone
	// surnames into the one full name they belong to.
	alive := map[string]bool{}
	for _, k := range order {
		alive[k] = true
	}
	bySurname := map[string][]string{}
	for _, k := range order {
		a := byKey[k]
		if a.gaz || a.kind == "organisation" || nWords(k) < 2 || givenName(k) == "" {
			continue
		}
		bySurname[surnameKey(k)] = append(bySurname[surnameKey(k)], k)
	}
	for _, ks := range bySurname {
		for x := 0; x < len(ks); x++ {
			if !alive[ks[x]] {
				continue
			}
			for y := x + 1; y < len(ks); y++ {
				if alive[ks[y]] && sameGiven(givenName(ks[x]), givenName(ks[y])) {
					byKey[ks[x]].merge(byKey[ks[y]])
					byKey[ks[x]].kind = orKind(byKey[ks[x]].kind, "person")
					alive[ks[y]] = false
				}
			}
		}
	}
	type multiName struct{ key, acronym string }
	var multi []multiName
	for _, k := range order {
		a := byKey[k]
		if !alive[k] || a.gaz || (nWords(k) > 1 && givenName(k) != "") {
			continue
		}
		// A lone surname ("Kerry", "de Mistura", "Assad").
		var into []string
		for _, fk := range bySurname[surnameKey(k)] {
			if alive[fk] && fk != k {
				into = append(into, fk)
			}
		}
		if len(into) == 1 {
			byKey[into[0]].merge(a)
			alive[k] = false
			continue
		}
		// An acronym of one organisation's name, or a head word of it.
		if acr := isAcronym(a.name); acr || orgCues[k] {
			if multi == nil {
				// The names of two words or more, with their acronyms.
				for _, ok2 := range order {
					if nWords(ok2) >= 2 {
						multi = append(multi, multiName{key: ok2, acronym: acronym(byKey[ok2].name)})
					}
				}
			}
			bare := strings.ReplaceAll(a.name, ".", "")
			var hits []string
			for _, mn := range multi {
				ok2 := mn.key
				o := byKey[ok2]
				if !alive[ok2] || ok2 == k {
					continue
				}
				if acr && mn.acronym == bare {
					hits = append(hits, ok2)
				} else if orgCues[k] && o.kind == "organisation" && containsWord(ok2, k) {
					hits = append(hits, ok2)
				}
			}
			if len(hits) == 1 {
				byKey[hits[0]].merge(a)
				alive[k] = false
			}
		}
	}
	var out []Entity
	for _, k := range order {
		a := byKey[k]
		if !alive[k] {
			continue
		}
		kind := a.kind
		if kind == "" {
			kind = "other"
			best := 0
			for i, n := range []string{"person", "place", "organisation"} {
				if a.votes[i] > best {
					best, kind = a.votes[i], n
				}
			}
		}
		// A word seen only at the start of sentences is not a name.
		if !a.gaz && a.init == a.total && !capsMid[k] && len(strings.Fields(k)) == 1 {
			continue
		}
		if kind == "other" && len(a.perDoc) < 2 {
			continue
		}
		e := Entity{Kind: kind, Total: a.total}
		for v := range a.variants {
			e.Variants = append(e.Variants, v)
		}
		sort.Slice(e.Variants, func(x, y int) bool {
			vx, vy := a.variants[e.Variants[x]], a.variants[e.Variants[y]]
			if vx != vy {
				return vx > vy
			}
			return e.Variants[x] < e.Variants[y]
		})
		e.Name = a.name
		if !a.gaz {
			e.Name = canonicalName(e.Variants, a.variants, kind)
		}
		for d, n := range a.perDoc {
			e.Mentions = append(e.Mentions, SourceCount{Doc: d, Count: n})
		}
		sort.Slice(e.Mentions, func(x, y int) bool { return e.Mentions[x].Doc < e.Mentions[y].Doc })
		out = append(out, e)
	}
	sort.SliceStable(out, func(x, y int) bool {
		if len(out[x].Mentions) != len(out[y].Mentions) {
			return len(out[x].Mentions) > len(out[y].Mentions)
		}
		return out[x].Total > out[y].Total
	})
	return out
}

// nWords is len(strings.Fields(s)).
func nWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// containsWord is strings.Contains(" "+s+" ", " "+w+" ").
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || s[j-1] == ' ') && (j+len(w) == len(s) || s[j+len(w)] == ' ') {
			return true
		}
		i = j + 1
	}
}

func orKind(k, def string) string {
	if k == "" {
		return def
	}
	return k
}

// canonicalName picks the fullest common form: among multi-word variants
// the most frequent, then the longest; a person's name without title.
func canonicalName(vs []string, freq map[string]int, kind string) string {
	best := ""
	for _, v := range vs {
		v = strings.ReplaceAll(strings.ReplaceAll(v, "(", ""), ")", "")
		if best == "" {
			best = v
			continue
		}
		nb, nv := len(strings.Fields(best)), len(strings.Fields(v))
		if nb == 1 && nv > 1 {
			best = v
			continue
		}
		if nv > 1 && nb > 1 && freq[v] == freq[best] && len(v) > len(best) {
			best = v
		}
	}
	return best
}

// isLowercased reports whether a text is the lowercased tokenized form
// of some datasets (almost no capital letters); fs are the spans of its
// fields (appendFieldSpans).
// Only capitals inside sentences count: datasets that lowercase text often
// keep the first letter of each sentence.
func isLowercased(s string, fs []text.Span) bool {
	words, caps := 0, 0
	sentenceStart := true
	for _, sp := range fs {
		f := s[sp.Start:sp.End]
		words++
		if !sentenceStart && isUpperStart(f) {
			caps++
		}
		last := f[len(f)-1]
		sentenceStart = last == '.' || last == '!' || last == '?' || last == '"' || last == ':'
	}
	return words > 10 && caps*100 < words
}
