package facts

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

var smallNumbers = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "hundred": 100, "dozen": 12,
}

// smallNumbersScreen screens smallNumbers.
var smallNumbersScreen = screenOfKeys(smallNumbers)

var multipliers = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bn": 1e9}

// hasNumberWord is a fast check for a written number in s: whether s
// holds one of numberWordHints.
func hasNumberWord(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		// Most positions start no hint's first two bytes.
		if c := s[i+1]; hintPairs[s[i]][c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		for _, h := range hintsByFirst[s[i]] {
			// Every hint has three bytes or more.
			if i+len(h) <= len(s) && s[i+1] == h[1] && s[i+2:i+len(h)] == h[2:] {
				return true
			}
		}
	}
	return false
}

// hintPairs has bit b of byte a set when a hint starts with bytes a, b.
var hintPairs = func() (t [256][4]uint64) {
	for _, h := range numberWordHints {
		t[h[0]][h[1]>>6] |= 1 << (h[1] & 63)
	}
	return t
}()

// hintsByFirst groups numberWordHints by their first byte.
var hintsByFirst = func() (t [256][]string) {
	for _, h := range numberWordHints {
		t[h[0]] = append(t[h[0]], h)
	}
	return t
}()

// numberWordHints are substrings of every word in smallNumbers, in both
// cases of their first letter.
var numberWordHints = []string{"two", "Two", "hree", "four", "Four", "five", "Five", "six", "Six", "seven", "Seven",
	"eight", "Eight", "nine", "Nine", "ten", "Ten", "eleven", "Eleven", "twelve", "Twelve", "teen", "twenty",
	"Twenty", "hirty", "forty", "Forty", "fifty", "Fifty", "hundred", "Hundred", "dozen", "Dozen"}

// numberWord parses a written number: "200,000", "1.2", "twelve".
func numberWord(w string) (float64, bool) {
	if smallNumbersScreen.has(w) {
		if v, ok := smallNumbers[w]; ok {
			return v, true
		}
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	clean := strings.ReplaceAll(w, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// unitClasses maps counted nouns to the class they are aligned by: reports
// that count "civilians" and "people" count the same thing.
var unitClasses = map[string]string{
	"people": "people", "persons": "people", "person": "people", "civilians": "people", "civilian": "people",
	"residents": "people", "inhabitants": "people", "individuals": "people", "villagers": "people", "citizens": "people",
	"lives": "people", "victims": "people",
	"children": "children", "kids": "children", "minors": "children", "child": "children", "boys": "children", "girls": "children",
	"soldiers": "troops", "troops": "troops", "servicemen": "troops",
	"fighters": "fighters", "militants": "fighters", "rebels": "fighters", "insurgents": "fighters",
	"passengers": "passengers", "workers": "workers", "employees": "workers", "staff": "workers", "jobs": "jobs",
	"homes": "homes", "houses": "homes", "buildings": "buildings", "hospitals": "hospitals",
	"percent": "percent", "per": "percent", "%": "percent", "dollars": "dollars", "euros": "euros", "pounds": "pounds",
}

// durations are not counts: "three days", "30 years ago".
var durations = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "hour": true, "hours": true, "day": true, "days": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true, "decade": true, "decades": true,
	"century": true, "centuries": true, "am": true, "pm": true, "a.m": true, "p.m": true, "o'clock": true,
}

// eventWords map a word (by prefix) to what happened to the counted.
var eventWords = []struct{ prefix, event string }{
	{"kill", "killed"}, {"dead", "killed"}, {"died", "killed"}, {"die", "killed"}, {"death", "killed"},
	{"fatalit", "killed"}, {"perish", "killed"}, {"massacr", "killed"}, {"toll", "killed"},
	{"injur", "injured"}, {"wound", "injured"}, {"hurt", "injured"},
	{"trapped", "trapped"}, {"strand", "trapped"}, {"besieg", "trapped"}, {"stuck", "trapped"}, {"encircl", "trapped"},
	{"fled", "displaced"}, {"flee", "displaced"}, {"displac", "displaced"}, {"evacuat", "displaced"}, {"escap", "displaced"},
	{"homeless", "displaced"}, {"shelter", "displaced"},
	{"missing", "missing"}, {"unaccounted", "missing"},
	{"arrest", "arrested"}, {"detain", "arrested"},
	{"rescu", "rescued"}, {"saved", "rescued"},
	{"aboard", "aboard"}, {"board", "aboard"},
	{"destroy", "destroyed"}, {"damag", "damaged"},
}

// eventWordsByFirst groups eventWords by the first byte of the prefix,
// keeping their order.
var eventWordsByFirst = func() (t [256][]struct{ prefix, event string }) {
	for _, e := range eventWords {
		t[e.prefix[0]] = append(t[e.prefix[0]], e)
	}
	return t
}()

// directionBits gives each direction of directions its bit in claim.quals.
var directionBits = map[string]uint8{"east": 1, "west": 2, "north": 4, "south": 8, "central": 16}

var directions = map[string]string{
	"east": "east", "eastern": "east", "west": "west", "western": "west", "north": "north", "northern": "north",
	"south": "south", "southern": "south", "central": "central",
}

// directionsScreen screens directions.
var directionsScreen = screenOfKeys(directions)

// figTok is a token of a sentence for figure scanning.
type figTok struct {
	w, raw     string
	start, end int
}

// figTokens appends the figure tokens of dts to dst[:0].
func figTokens(dst []figTok, dts []dtok) []figTok {
	out := dst[:0]
	for _, t := range dts {
		raw := t.raw
		if plainLower(raw) {
			out = append(out, figTok{raw, raw, t.start, t.end})
			continue
		}
		// Split a trailing "%" and a leading currency sign into tokens.
		lead := trimLeftFig(raw)
		w := trimRightFig(lead)
		if w == "" {
			w = raw
		}
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "%") && len(lw) > 1 {
			out = append(out, figTok{strings.TrimSuffix(lw, "%"), raw, t.start, t.end}, figTok{"%", "%", t.end, t.end})
			continue
		}
		out = append(out, figTok{lw, raw, t.start, t.end})
	}
	return out
}

// trimLeftFig is strings.TrimLeft(s, "([\"“‘'").
func trimLeftFig(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == '(' || s[0] == '[' || s[0] == '"' || s[0] == '\'':
			s = s[1:]
		case strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘"):
			s = s[len("“"):]
		default:
			return s
		}
	}
	return s
}

// trimRightFig is strings.TrimRight(s, ")]\"”’'.,;:!?—–").
func trimRightFig(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == ')' || c == ']' || c == '"' || c == '\'' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") || strings.HasSuffix(s, "—") || strings.HasSuffix(s, "–"):
			s = s[:len(s)-len("—")] // each is three bytes
		default:
			return s
		}
	}
	return s
}

// claim is one number with what it counts, before alignment.
type claim struct {
	doc, sent   int
	value       float64
	text        string
	unit, noun  string
	event       string
	quals       uint8 // directions, one bit each
	wording     string
	terms       []int32 // content terms other than numbers, ascending ids
	approximate bool
}

// extractClaims finds the quantity claims of one sentence.
func extractClaims(c0 *corpus, sent int) []claim {
	s := c0.st.Sentences[sent].Text
	doc := c0.st.Sentences[sent].Doc
	if !c0.digit[sent] && !hasNumberWord(s) {
		return nil
	}
	toks := figTokens(c0.figToks, c0.tokens(sent))
	c0.figToks = toks // reused by the next sentence: claims keep no token
	var terms []int32
	termsDone := false
	var out []claim
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		w := t.w
		cur := ""
		if strings.HasPrefix(w, "$") || strings.HasPrefix(w, "€") || strings.HasPrefix(w, "£") {
			r := []rune(w)
			cur = map[rune]string{'$': "dollars", '€': "euros", '£': "pounds"}[r[0]]
			w = string(r[1:])
		}
		v, ok := numberWord(w)
		if !ok || strings.Contains(t.raw, ":") || strings.ContainsAny(strings.Trim(t.raw, ".,;:!?\"”“'()"), "-–/") {
			continue // times, ranges, compound adjectives ("five-day")
		}
		if w != "" && w[0] >= '0' && w[0] <= '9' && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			continue // "1st", "7th", "3D"
		}
		j := i + 1
		numText := t.raw
		if j < len(toks) {
			if m, ok := multipliers[toks[j].w]; ok {
				v *= m
				numText = strings.TrimRight(t.raw, ",;:") + " " + toks[j].raw
				j++
			}
		}
		numText = strings.Trim(numText, ".,;:!?\"”“'()")
		if _, word := smallNumbers[w]; word {
			numText = strconv.FormatFloat(v, 'f', -1, 64)
		}
		// Years and parts of dates.
		if v >= 1800 && v <= 2100 && v == math.Trunc(v) && !strings.Contains(t.raw, ",") && len(w) == 4 {
			continue
		}
		if i > 0 {
			if _, isMonth := monthName(toks[i-1].w); isMonth {
				continue
			}
		}
		if j < len(toks) {
			if _, isMonth := monthName(toks[j].w); isMonth {
				continue
			}
		}
		// What it counts: the next noun, skipping up to two modifiers.
		unit, noun := cur, ""
		k := j
		if unit == "" {
			for k < len(toks) && k < j+3 {
				nw := strings.Trim(toks[k].w, ".,;:!?\"”“'()")
				if durations[nw] {
					unit = "duration"
					break
				}
				if cls, ok := unitClasses[nw]; ok {
					unit, noun = cls, nw
					if nw == "per" && k+1 < len(toks) && toks[k+1].w == "cent" {
						k++
					}
					break
				}
				if nw == "of" || nw == "" || strings.ContainsAny(toks[k].raw, ",;:") && k > j {
					break
				}
				k++
			}
		}
		if unit == "" && j < len(toks) {
			// An unknown counted noun: the next lowercase word, as is.
			nw := strings.Trim(toks[j].w, ".,;:!?\"”“'()")
			if nw != "" && unicode.IsLower([]rune(toks[j].raw)[0]) && !isStop(nw) && strings.IndexFunc(nw, unicode.IsDigit) < 0 {
				unit, noun, k = strings.TrimSuffix(nw, "s"), nw, j
			}
		}
		if unit == "" || unit == "duration" {
			continue
		}
		if noun == "" {
			noun = unit
		}
		if _, small := smallNumbers[w]; small && unit != "people" && unit != "children" && unitClasses[noun] == "" {
			continue // "two sides", "four-point": too vague to align
		}
		c := claim{doc: doc, sent: sent, value: v, text: numText, unit: unit, noun: noun}
		// The event: the nearest event word in the same clause.
		best := 1 << 30
		lo, hi := clauseBounds(toks, i)
		for m := lo; m < hi; m++ {
			if m == i {
				continue
			}
			ev := eventOf(toks[m].w)
			if ev == "" && toks[m].w == "cut" && m+1 < len(toks) && toks[m+1].w == "off" {
				ev = "trapped"
			}
			if ev == "" {
				continue
			}
			if d := absInt(m - i); d < best {
				best, c.event = d, ev
			}
		}
		for m := lo; m < hi; m++ {
			if !directionsScreen.has(toks[m].w) {
				continue
			}
			if q, ok := directions[toks[m].w]; ok {
				c.quals |= directionBits[q]
			}
		}
		if i > 0 {
			switch toks[i-1].w {
			case "some", "about", "around", "approximately", "nearly", "almost", "roughly", "estimated", "over", "least":
				c.approximate = true
			}
		}
		// Wording: two words before the number up to the counted noun.
		ws := max(i-2, 0)
		for m := ws; m < i; m++ {
			if strings.ContainsAny(toks[m].raw[len(toks[m].raw)-1:], ",;:.—–") {
				ws = m + 1
			}
		}
		we := k
		if we >= len(toks) {
			we = len(toks) - 1
		}
		if we < i {
			we = i
		}
		c.wording = strings.Trim(s[toks[ws].start:toks[we].end], " ,;:—–\"“”")
		if !termsDone {
			terms, termsDone = claimTerms(c0, sent), true
		}
		c.terms = terms
		out = append(out, c)
		i = k
	}
	return out
}

// clauseJoin are conjunctions that start a new clause with its own count:
// "98 people have been rescued and 14 people remain missing".
var clauseJoin = map[string]bool{"and": true, "but": true, "while": true, "whereas": true}

// joinsCount reports whether toks[k] is a conjunction that opens a clause
// with a count of its own (a number within the next two words).
func joinsCount(toks []figTok, k int) bool {
	if !clauseJoin[toks[k].w] {
		return false
	}
	for m := k + 1; m < len(toks) && m <= k+2; m++ {
		if _, ok := numberWord(toks[m].w); ok {
			return true
		}
	}
	return false
}

// clauseBounds returns the token range of the clause around token i:
// bounded by semicolons, dashes, and sentence ends.
func clauseBounds(toks []figTok, i int) (int, int) {
	lo := i
	for lo > 0 {
		r := toks[lo-1].raw
		if strings.HasSuffix(r, ";") || r == "—" || r == "–" || r == "-" || joinsCount(toks, lo-1) {
			break
		}
		lo--
	}
	hi := i + 1
	for hi < len(toks) {
		r := toks[hi].raw
		if r == "—" || r == "–" || r == "-" || joinsCount(toks, hi) {
			break
		}
		hi++
		if strings.HasSuffix(r, ";") {
			break
		}
	}
	return lo, hi
}

func eventOf(w string) string {
	if w == "" {
		return ""
	}
	// Only the prefixes that start with w's first byte can match; they
	// are tried in eventWords' order.
	for _, e := range eventWordsByFirst[w[0]] {
		if strings.HasPrefix(w, e.prefix) {
			// "die" must not match "diesel", "board" not "boardroom".
			if (e.prefix == "die" || e.prefix == "board") && len(w) > len(e.prefix)+1 {
				continue
			}
			return e.event
		}
	}
	return ""
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sameQuantity reports whether two claims from different reports count the
// same thing.
func sameQuantity(a, b *claim) bool {
	if a.unit != b.unit {
		return false
	}
	if a.event != b.event {
		return false
	}
	if a.quals != 0 && b.quals != 0 && a.quals&b.quals == 0 {
		return false
	}
	lo, hi := math.Min(a.value, b.value), math.Max(a.value, b.value)
	if lo <= 0 || hi/lo > 4 {
		return false
	}
	sim := jaccard(a.terms, b.terms)
	if a.event == "" {
		return sim >= 0.4
	}
	return sim >= 0.1
}

// claimTerms returns the distinct content terms of sentence i other than
// numbers, as ascending ids.
func claimTerms(c *corpus, i int) []int32 {
	out := make([]int32, 0, len(c.tids[i]))
	for _, id := range c.tids[i] {
		if !c.isNumberTerm(id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// jaccard is the Jaccard similarity of two sets of ascending ids.
func jaccard(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// buildFigures extracts the claims of the on-story reports and aligns
// them across reports.
func buildFigures(c *corpus, off map[int]bool) []Figure {
	var cl []claim
	for i, sn := range c.st.Sentences {
		if off[sn.Doc] {
			continue
		}
		cl = append(cl, extractClaims(c, i)...)
	}
	uf := newUnionFind(len(cl))
	for a := range cl {
		for b := a + 1; b < len(cl); b++ {
			if cl[a].doc != cl[b].doc && sameQuantity(&cl[a], &cl[b]) {
				uf.union(a, b)
			}
		}
	}
	var out []Figure
	for _, g := range uf.groups() {
		docs := map[int]bool{}
		for _, i := range g {
			docs[cl[i].doc] = true
		}
		if len(docs) < 2 {
			continue
		}
		byVal := map[float64]*FigureValue{}
		var order []float64
		nouns := map[string]int{}
		events := map[string]int{}
		for _, i := range g {
			x := cl[i]
			nouns[x.noun]++
			events[x.event]++
			fv, ok := byVal[x.value]
			if !ok {
				fv = &FigureValue{Value: x.value, Text: x.text}
				byVal[x.value] = fv
				order = append(order, x.value)
			}
			fv.Docs = appendUnique(fv.Docs, x.doc)
			fv.Claims = append(fv.Claims, Claim{Doc: x.doc, Sentence: x.sent, Wording: x.wording})
		}
		f := Figure{Unit: cl[g[0]].unit, Sources: len(docs), Status: StatusConfirmed}
		f.What = strings.TrimSpace(mostCommon(nouns) + " " + mostCommon(events))
		for _, v := range order {
			fv := byVal[v]
			sort.Ints(fv.Docs)
			f.Values = append(f.Values, *fv)
		}
		sort.SliceStable(f.Values, func(a, b int) bool { return len(f.Values[a].Docs) > len(f.Values[b].Docs) })
		if len(f.Values) > 1 {
			f.Status = StatusDisputed
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if (out[a].Status == StatusDisputed) != (out[b].Status == StatusDisputed) {
			return out[a].Status == StatusDisputed
		}
		return out[a].Sources > out[b].Sources
	})
	return out
}

func mostCommon(m map[string]int) string {
	best, n := "", -1
	for k, v := range m {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// groups returns the members of each set, ascending, the sets in the
// order of their first member.
func (u *unionFind) groups() [][]int {
	n := len(u.parent)
	gi := make([]int, n) // per root: its set's index in the result, plus 1
	var size []int
	for i := range n {
		r := u.find(i)
		if gi[r] == 0 {
			size = append(size, 0)
			gi[r] = len(size)
		}
		size[gi[r]-1]++
	}
	out := make([][]int, len(size))
	flat := make([]int, n)
	off := 0
	for k, m := range size {
		out[k] = flat[off : off : off+m]
		off += m
	}
	for i := range n {
		k := gi[u.find(i)] - 1
		out[k] = append(out[k], i)
	}
	return out
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		if rb < ra {
			ra, rb = rb, ra
		}
		u.parent[rb] = ra
	}
}

var stopSet = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "and": true, "or": true, "is": true,
	"are": true, "was": true, "were": true, "on": true, "for": true, "that": true, "with": true, "by": true,
	"at": true, "as": true, "it": true, "be": true, "has": true, "have": true, "had": true, "from": true, "this": true,
	"said": true, "says": true, "more": true, "than": true, "who": true, "which": true, "their": true, "its": true,
	"his": true, "her": true, "they": true, "he": true, "she": true, "we": true, "not": true, "but": true, "been": true,
	"other": true, "others": true, "times": true, "people's": true, "up": true, "out": true, "into": true,
}

func isStop(w string) bool { return stopSet[w] }
