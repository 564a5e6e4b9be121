package rouge

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Score is one metric of one case, as ROUGE-1.5.5 reports it.
type Score struct {
	// Metric is Perl's name: "ROUGE-1", "ROUGE-L", "ROUGE-SU4", "ROUGE-W-1.2" …
	Metric string `json:"metric"`
	// R, P and F are rounded to 5 decimals as Perl prints them; F is
	// computed from the rounded R and P.
	R float64 `json:"r"`
	P float64 `json:"p"`
	F float64 `json:"f"`
	// Hit, Model and Peer are the raw counts (Perl's -t 1 output): the
	// numerator, the denominator of R and the denominator of P. They are
	// weighted, non-integer quantities for ROUGE-W.
	Hit   float64 `json:"hit"`
	Model float64 `json:"model"`
	Peer  float64 `json:"peer"`
}

// Round5 rounds x to 5 decimals the way C's printf("%.5f") does.
func Round5(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 5, 64), 64)
	return v
}

// doc is one tokenised text: its n-gram token stream and its LCS units,
// as local token ids.
type doc struct {
	toks []int32 // all (truncated) lines joined: ROUGE-N and ROUGE-S/SU
	lcs  []int32 // tokens of the LCS units, concatenated
	ends []int32 // end offset in lcs of each unit
}

func (d *doc) reset() {
	d.toks, d.lcs, d.ends = d.toks[:0], d.lcs[:0], d.ends[:0]
}

func (d *doc) unit(i int) []int32 {
	start := int32(0)
	if i > 0 {
		start = d.ends[i-1]
	}
	return d.lcs[start:d.ends[i]]
}

// counts is one metric's raw counts against one reference.
type counts struct{ hit, model, peer, sel float64 }

// Scorer scores summaries with fixed Options. It keeps a token table and
// work buffers between calls, so reuse one Scorer for many cases; a
// Scorer is not safe for concurrent use (give each goroutine its own).
type Scorer struct {
	opt   Options
	specs []metricSpec

	ids     tokenTable       // lowercased token → id (-1: stop word)
	stemIDs map[string]int32 // token after stemming → id
	nextID  int32

	local   []int32 // id → local id + 1 within the current case
	touched []int32 // ids with a local id in the current case
	nLocal  int32

	sys  doc
	refs []doc

	tok       []byte
	lines     []string
	sysKeys   []uint64
	refKeys   []uint64
	table     counter
	slow      map[string]int32
	keyBuf    []byte
	wdp       []float64
	wrun      []int32
	marks     []bool
	masks     []uint64
	maskWords int
	rows      []uint64
	bm, bs    []int32
	sysBase   []int32
	rcAll     []int32
	pos       []int32
	pow       []float64
	per       [][]counts // per metric, per reference
}

// NewScorer returns a Scorer for opt.
func NewScorer(opt Options) (*Scorer, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	return &Scorer{opt: opt, specs: opt.specs(), stemIDs: make(map[string]int32)}, nil
}

// Options returns the options the Scorer was made with.
func (s *Scorer) Options() Options { return s.opt }

// Metrics returns the metric names of Score's results, in order.
func (s *Scorer) Metrics() []string { return s.opt.Metrics() }

// Score scores a system summary against one or more references. Each
// argument is a list of lines, as in ROUGE's SPL files: one sentence or
// unit a line (an element holding "\n" is several lines; empty lines are
// skipped). The result holds one Score per metric, in Metrics order. With
// no reference every score is 0.
func (s *Scorer) Score(system []string, references ...[]string) []Score {
	s.beginCase()
	s.read(&s.sys, system)
	for len(s.refs) < len(references) {
		s.refs = append(s.refs, doc{})
	}
	refs := s.refs[:len(references)]
	for i, r := range references {
		s.read(&refs[i], r)
	}
	s.countUnigrams(refs)
	out := make([]Score, len(s.specs))
	if cap(s.per) < len(s.specs) {
		s.per = make([][]counts, len(s.specs))
	}
	per := s.per[:len(s.specs)]
	for m, sp := range s.specs {
		per[m] = per[m][:0]
		switch sp.kind {
		case kindN:
			per[m] = s.ngram(per[m], refs, sp.n)
		case kindS:
			per[m] = s.skip(per[m], refs)
		case kindL:
			per[m] = s.lcsAll(per[m], refs, false)
		case kindW:
			per[m] = s.lcsAll(per[m], refs, true)
		}
		out[m] = s.combine(sp, per[m])
	}
	s.endCase()
	return out
}

// combine turns per-reference counts into one Score (-f A or -f B).
func (s *Scorer) combine(sp metricSpec, per []counts) Score {
	var c counts
	if len(per) > 0 {
		if s.opt.BestModel {
			best := 0
			for i := 1; i < len(per); i++ {
				if per[i].sel > per[best].sel {
					best = i
				}
			}
			c = per[best]
		} else {
			for _, p := range per {
				c.hit += p.hit
				c.model += p.model
				c.peer += p.peer
			}
		}
	}
	sc := Score{Metric: sp.name, Hit: c.hit, Model: c.model, Peer: c.peer}
	if c.model > 0 {
		sc.R = c.hit / c.model
	}
	if c.peer > 0 {
		sc.P = c.hit / c.peer
	}
	if sp.kind == kindW {
		sc.R = math.Pow(sc.R, 1/s.opt.Weight)
		sc.P = math.Pow(sc.P, 1/s.opt.Weight)
	}
	sc.R, sc.P = Round5(sc.R), Round5(sc.P)
	sc.F = fScore(sc.R, sc.P, s.opt.alpha())
	return sc
}

// fScore is ROUGE-1.5.5's F from rounded R and P, rounded.
func fScore(r, p, alpha float64) float64 {
	d := (1-alpha)*p + alpha*r
	if d == 0 {
		return 0
	}
	return Round5(p * r / d)
}

// ---- reading and tokenising ----

func (s *Scorer) beginCase() {
	s.nLocal = 0
}

func (s *Scorer) endCase() {
	for _, id := range s.touched {
		s.local[id] = 0
	}
	s.touched = s.touched[:0]
	// Keep the token table from growing without bound on huge runs.
	if s.ids.size() > 1<<22 {
		s.ids = tokenTable{}
		s.stemIDs = make(map[string]int32)
		s.nextID = 0
		s.local = s.local[:0]
	}
}

// localID maps a token id to its id within the current case.
func (s *Scorer) localID(id int32) int32 {
	if int(id) >= len(s.local) {
		s.local = append(s.local, make([]int32, int(id)+1-len(s.local))...)
	}
	if l := s.local[id]; l > 0 {
		return l - 1
	}
	s.nLocal++
	s.local[id] = s.nLocal
	s.touched = append(s.touched, id)
	return s.nLocal - 1
}

// tokenID returns the id of a lowercased token after stop-word removal
// and stemming, or -1 when the token is dropped.
func (s *Scorer) tokenID(tok []byte) int32 {
	h := tokenKey(tok)
	if id, ok := s.ids.get(tok, h); ok {
		return id
	}
	raw := string(tok)
	id := int32(-1)
	if !s.opt.Stopwords || !stopwords()[raw] {
		key := raw
		if s.opt.Stem {
			key = Stem(raw)
		}
		var ok bool
		if id, ok = s.stemIDs[key]; !ok {
			id = s.nextID
			s.nextID++
			s.stemIDs[key] = id
		}
	}
	s.ids.put(tok, h, id)
	return id
}

// tokenize appends the local ids of line's tokens to dst: ASCII letters
// are lowercased and every byte other than a-z and 0-9 separates tokens.
func (s *Scorer) tokenize(dst []int32, line string) []int32 {
	tok := s.tok[:0]
	for i := 0; i <= len(line); i++ {
		var b byte = ' '
		if i < len(line) {
			b = line[i]
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' {
			tok = append(tok, b)
			continue
		}
		if len(tok) > 0 {
			if id := s.tokenID(tok); id >= 0 {
				dst = append(dst, s.localID(id))
			}
			tok = tok[:0]
		}
	}
	s.tok = tok
	return dst
}

// splitLines lists the non-empty lines of a text given as list elements.
func (s *Scorer) splitLines(text []string) []string {
	lines := s.lines[:0]
	for _, el := range text {
		for {
			i := strings.IndexByte(el, '\n')
			if i < 0 {
				break
			}
			if i > 0 {
				lines = append(lines, el[:i])
			}
			el = el[i+1:]
		}
		if el != "" {
			lines = append(lines, el)
		}
	}
	s.lines = lines
	return lines
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// wordFields counts the fields of Perl's split(/\s+/, line) and returns
// the byte offset just after field k (1-based) when the line has at
// least k fields.
func wordFields(line string, k int) (n, endK int) {
	i := 0
	if len(line) > 0 && isSpace(line[0]) {
		// A leading empty field, which counts, unless the line is all
		// blanks (Perl drops trailing empty fields).
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		if i == len(line) {
			return 0, 0
		}
		n = 1
		if k == 1 {
			endK = 0
		}
	}
	for i < len(line) {
		for i < len(line) && !isSpace(line[i]) {
			i++
		}
		n++
		if n == k {
			endK = i
		}
		for i < len(line) && isSpace(line[i]) {
			i++
		}
	}
	return n, endK
}

// read tokenises text into d, applying the -l or -b length limit.
func (s *Scorer) read(d *doc, text []string) {
	d.reset()
	lines := s.splitLines(text)
	addUnit := func(line string) {
		d.lcs = s.tokenize(d.lcs, line)
		d.ends = append(d.ends, int32(len(d.lcs)))
	}
	switch {
	case s.opt.WordLimit > 0:
		limit, sofar := s.opt.WordLimit, 0
		for _, line := range lines {
			n, end := wordFields(line, limit-sofar)
			if sofar+n < limit {
				addUnit(line)
				sofar += n
				continue
			}
			addUnit(line[:end])
			break
		}
		d.toks = append(d.toks, d.lcs...)
	case s.opt.ByteLimit > 0:
		limit, sofar := s.opt.ByteLimit, 0
		for _, line := range lines {
			if sofar+len(line) < limit {
				d.toks = s.tokenize(d.toks, line)
				sofar += len(line)
				continue
			}
			d.toks = s.tokenize(d.toks, line[:limit-sofar])
			break
		}
		// ROUGE-1.5.5's LCS reader never adds to its byte count: it keeps
		// every line shorter than the limit and stops at the first that is
		// not, cut to the limit.
		for _, line := range lines {
			if len(line) < limit {
				addUnit(line)
				continue
			}
			addUnit(line[:limit])
			break
		}
	default:
		for _, line := range lines {
			addUnit(line)
		}
		d.toks = append(d.toks, d.lcs...)
	}
}

// ---- ROUGE-N and ROUGE-S/SU ----

// counter is an open-addressing multiset of uint64 keys, reused between
// cases.
type counter struct {
	keys  []uint64
	cnt   []int32
	shift uint
	mask  uint64
}

const emptyKey = ^uint64(0)

func (c *counter) reset(items int) {
	size := 16
	for size < 2*items {
		size <<= 1
	}
	if cap(c.keys) < size {
		c.keys = make([]uint64, size)
		c.cnt = make([]int32, size)
	}
	c.keys, c.cnt = c.keys[:size], c.cnt[:size]
	for i := range c.keys {
		c.keys[i] = emptyKey
	}
	c.mask = uint64(size - 1)
	c.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

func (c *counter) slot(k uint64) uint64 {
	i := (k * 0x9E3779B97F4A7C15) >> c.shift
	for c.keys[i] != emptyKey && c.keys[i] != k {
		i = (i + 1) & c.mask
	}
	return i
}

func (c *counter) add(k uint64) {
	i := c.slot(k)
	if c.keys[i] == emptyKey {
		c.keys[i] = k
		c.cnt[i] = 0
	}
	c.cnt[i]++
}

// take removes one k and reports whether there was one.
func (c *counter) take(k uint64) bool {
	i := c.slot(k)
	if c.keys[i] == emptyKey || c.cnt[i] == 0 {
		return false
	}
	c.cnt[i]--
	return true
}

// clipped returns Σ over distinct items of min(count in ref, count in sys).
func (s *Scorer) clipped(ref, sys []uint64) int {
	s.table.reset(len(ref))
	for _, k := range ref {
		s.table.add(k)
	}
	hit := 0
	for _, k := range sys {
		if s.table.take(k) {
			hit++
		}
	}
	return hit
}

// common reports whether token x occurs in both the system and the
// reference: only items made of such tokens can ever be hits.
func common(x int32, rc, sc []int32) bool { return rc[x] > 0 && sc[x] > 0 }

// ngramKeys appends the packed n-grams of toks that consist of shared
// tokens only.
func ngramKeys(dst []uint64, toks []int32, n int, width uint, rc, sc []int32) []uint64 {
	run := 0
	for i, t := range toks {
		if !common(t, rc, sc) {
			run = 0
			continue
		}
		run++
		if run >= n {
			var k uint64
			for _, t := range toks[i+1-n : i+1] {
				k = k<<width | uint64(t)
			}
			dst = append(dst, k)
		}
	}
	return dst
}

// recall5 is the recall -f B compares for ROUGE-N and ROUGE-S: rounded.
func recall5(hit, model float64) float64 {
	if model == 0 {
		return 0
	}
	return Round5(hit / model)
}

// refCounts returns the unigram counts of reference ri's n-gram tokens.
func (s *Scorer) refCounts(ri int) []int32 {
	n := int(s.nLocal)
	return s.rcAll[ri*n : (ri+1)*n]
}

// countUnigrams fills the dense unigram counts of the system and of every
// reference for the current case.
func (s *Scorer) countUnigrams(refs []doc) {
	s.sysBase = unigramCounts(s.sysBase, s.sys.toks, s.nLocal)
	n := int(s.nLocal)
	s.rcAll = unigramCounts(s.rcAll, nil, int32(n*len(refs)))
	for ri := range refs {
		rc := s.rcAll[ri*n : (ri+1)*n]
		for _, t := range refs[ri].toks {
			rc[t]++
		}
	}
}

func (s *Scorer) ngram(out []counts, refs []doc, n int) []counts {
	peer := max(0, len(s.sys.toks)-n+1)
	if n == 1 {
		for ri := range refs {
			rc := s.refCounts(ri)
			hit := 0
			for x, c := range rc {
				hit += int(min(c, s.sysBase[x]))
			}
			model := float64(len(refs[ri].toks))
			out = append(out, counts{hit: float64(hit), model: model, peer: float64(peer), sel: recall5(float64(hit), model)})
		}
		return out
	}
	width := uint(bits.Len32(uint32(s.nLocal)))
	if width == 0 {
		width = 1
	}
	if uint(n)*width > 64 {
		return s.ngramSlow(out, refs, n)
	}
	for ri := range refs {
		rc := s.refCounts(ri)
		s.sysKeys = ngramKeys(s.sysKeys[:0], s.sys.toks, n, width, rc, s.sysBase)
		s.refKeys = ngramKeys(s.refKeys[:0], refs[ri].toks, n, width, rc, s.sysBase)
		hit := float64(s.clipped(s.refKeys, s.sysKeys))
		model := float64(max(0, len(refs[ri].toks)-n+1))
		out = append(out, counts{hit: hit, model: model, peer: float64(peer), sel: recall5(hit, model)})
	}
	return out
}

// ngramSlow counts n-grams too long to pack into 64 bits.
func (s *Scorer) ngramSlow(out []counts, refs []doc, n int) []counts {
	key := func(toks []int32) string {
		b := s.keyBuf[:0]
		for _, t := range toks {
			b = append(b, byte(t), byte(t>>8), byte(t>>16), byte(t>>24))
		}
		s.keyBuf = b
		return string(b)
	}
	peer := max(0, len(s.sys.toks)-n+1)
	for i := range refs {
		if s.slow == nil {
			s.slow = make(map[string]int32)
		}
		clear(s.slow)
		toks := refs[i].toks
		model := max(0, len(toks)-n+1)
		for j := 0; j+n <= len(toks); j++ {
			s.slow[key(toks[j:j+n])]++
		}
		hit := 0
		for j := 0; j+n <= len(s.sys.toks); j++ {
			k := key(s.sys.toks[j : j+n])
			if s.slow[k] > 0 {
				s.slow[k]--
				hit++
			}
		}
		out = append(out, counts{hit: float64(hit), model: float64(model), peer: float64(peer),
			sel: recall5(float64(hit), float64(model))})
	}
	return out
}

// skipItems is the number of ROUGE-S/SU items of a text of n tokens.
func (s *Scorer) skipItems(n int) int {
	total := 0
	d := s.opt.SkipDistance
	for i := 0; i < n-1; i++ {
		if s.opt.Unigrams {
			total++
		}
		jmax := n - 1
		if d >= 0 && i+1+d < jmax {
			jmax = i + 1 + d
		}
		total += jmax - i
	}
	return total
}

// skipKeys appends the ROUGE-S/SU items of toks made of shared tokens.
func (s *Scorer) skipKeys(dst []uint64, toks []int32, rc, sc []int32) []uint64 {
	pos := s.pos[:0]
	for i, t := range toks {
		if common(t, rc, sc) {
			pos = append(pos, int32(i))
		}
	}
	s.pos = pos
	d := s.opt.SkipDistance
	last := len(toks) - 1
	for p, i := range pos {
		if int(i) >= last {
			break
		}
		a := uint64(toks[i]) << 32
		if s.opt.Unigrams {
			dst = append(dst, a|0xFFFFFFFF)
		}
		jmax := int32(last)
		if d >= 0 && int(i)+1+d < last {
			jmax = i + 1 + int32(d)
		}
		for _, j := range pos[p+1:] {
			if j > jmax {
				break
			}
			dst = append(dst, a|uint64(toks[j]))
		}
	}
	return dst
}

func (s *Scorer) skip(out []counts, refs []doc) []counts {
	peer := float64(s.skipItems(len(s.sys.toks)))
	for ri := range refs {
		rc := s.refCounts(ri)
		s.sysKeys = s.skipKeys(s.sysKeys[:0], s.sys.toks, rc, s.sysBase)
		s.refKeys = s.skipKeys(s.refKeys[:0], refs[ri].toks, rc, s.sysBase)
		hit := float64(s.clipped(s.refKeys, s.sysKeys))
		model := float64(s.skipItems(len(refs[ri].toks)))
		out = append(out, counts{hit: hit, model: model, peer: peer, sel: recall5(hit, model)})
	}
	return out
}

// ---- ROUGE-L and ROUGE-W ----

// weight returns f(k) = k^W from a table.
func (s *Scorer) weight(k int) float64 {
	for len(s.pow) <= k {
		s.pow = append(s.pow, math.Pow(float64(len(s.pow)), s.opt.Weight))
	}
	return s.pow[k]
}

func unigramCounts(dst []int32, toks []int32, n int32) []int32 {
	if cap(dst) < int(n) {
		dst = make([]int32, n)
	}
	dst = dst[:n]
	clear(dst)
	for _, t := range toks {
		dst[t]++
	}
	return dst
}

// lcsAll computes ROUGE-L (or ROUGE-W when weighted) against every
// reference: the union LCS of each reference unit with all system units,
// with hits clipped by unigram budgets.
func (s *Scorer) lcsAll(out []counts, refs []doc, weighted bool) []counts {
	nsys := len(s.sys.toks)
	// Mark every reference position on an LCS with some system unit. The
	// union over system units does not depend on their order, so each
	// system unit's match masks are built once for all references.
	total := 0
	for ri := range refs {
		total += len(refs[ri].lcs)
	}
	if cap(s.marks) < total {
		s.marks = make([]bool, total)
	}
	marks := s.marks[:total]
	clear(marks)
	for v := range s.sys.ends {
		t := s.sys.unit(v)
		if len(t) == 0 {
			continue
		}
		if !weighted {
			s.setMasks(t)
		}
		off := 0
		for ri := range refs {
			ref := &refs[ri]
			for u := range ref.ends {
				r := ref.unit(u)
				start := int(ref.ends[u]) - len(r)
				if weighted {
					s.wlcsMark(r, t, marks[off+start:off+start+len(r)])
				} else {
					s.lcsMarkBits(r, len(t), marks[off+start:off+start+len(r)], t)
				}
			}
			off += len(ref.lcs)
		}
		if !weighted {
			s.clearMasks(t)
		}
	}
	off := 0
	for ri := range refs {
		ref := &refs[ri]
		s.bm = append(s.bm[:0], s.refCounts(ri)...)
		if cap(s.bs) < int(s.nLocal) {
			s.bs = make([]int32, s.nLocal)
		}
		s.bs = s.bs[:s.nLocal]
		copy(s.bs, s.sysBase)
		var hit, base float64
		for u := range ref.ends {
			r := ref.unit(u)
			start := off + int(ref.ends[u]) - len(r)
			m := marks[start : start+len(r)]
			if !weighted {
				base += float64(len(r))
				for i, mk := range m {
					if w := r[i]; mk && s.bm[w] > 0 && s.bs[w] > 0 {
						s.bm[w]--
						s.bs[w]--
						hit++
					}
				}
				continue
			}
			base += s.weight(len(r))
			run := 0
			for i, mk := range m {
				if w := r[i]; mk && s.bm[w] > 0 && s.bs[w] > 0 {
					s.bm[w]--
					s.bs[w]--
					run++
					if i == len(r)-1 || !m[i+1] {
						hit += s.weight(run)
						run = 0
					}
				}
			}
		}
		off += len(ref.lcs)
		c := counts{hit: hit, model: base, peer: float64(nsys)}
		if base > 0 {
			c.sel = hit / base
		}
		if weighted {
			c.model = math.Pow(base, s.opt.Weight)
			c.peer = s.weight(nsys)
			c.sel = math.Pow(c.sel, 1/s.opt.Weight)
		}
		out = append(out, c)
	}
	return out
}

// setMasks builds, for each token of the system unit t, the bit mask of
// its positions in t (words of 64 positions per token id).
func (s *Scorer) setMasks(t []int32) {
	words := (len(t) + 63) / 64
	s.maskWords = words
	if need := int(s.nLocal) * words; cap(s.masks) < need {
		s.masks = make([]uint64, need)
	} else {
		s.masks = s.masks[:need]
	}
	for j, x := range t {
		s.masks[int(x)*words+j/64] |= 1 << (j % 64)
	}
}

func (s *Scorer) clearMasks(t []int32) {
	words := s.maskWords
	for _, x := range t {
		clear(s.masks[int(x)*words : int(x)*words+words])
	}
}

// zeros counts the zero bits of v below position j.
func zeros(v []uint64, j int) int {
	n := 0
	for w := 0; w < j/64; w++ {
		n += bits.OnesCount64(v[w])
	}
	if rem := j % 64; rem > 0 {
		n += bits.OnesCount64(v[j/64] & (1<<rem - 1))
	}
	return j - n
}

// lcsMarkBits marks the positions of r on the LCS of r and t found by
// ROUGE-1.5.5's backtrace (up on ties). The LCS table is computed with
// the bit-parallel algorithm of Crochemore et al.: row i is a bit vector
// whose zero bits are the columns where the table grows by one, so
// table[i][j] is the number of zero bits below j. The masks of t's
// tokens must have been set with setMasks.
func (s *Scorer) lcsMarkBits(r []int32, b int, marks []bool, t []int32) {
	a := len(r)
	if a == 0 || b == 0 {
		return
	}
	words := s.maskWords
	size := (a + 1) * words
	if cap(s.rows) < size {
		s.rows = make([]uint64, size)
	}
	rows := s.rows[:size]
	for w := 0; w < words; w++ {
		rows[w] = ^uint64(0)
	}
	for i := 1; i <= a; i++ {
		prev, row := rows[(i-1)*words:i*words], rows[i*words:(i+1)*words]
		m := s.masks[int(r[i-1])*words : int(r[i-1])*words+words]
		var carry uint64
		for w, v := range prev {
			u := v & m[w]
			var sum uint64
			sum, carry = bits.Add64(v, u, carry)
			row[w] = sum | (v &^ m[w])
		}
	}
	i, j := a, b
	d := zeros(rows[a*words:(a+1)*words], b)
	for i > 0 && j > 0 && d > 0 {
		if r[i-1] == t[j-1] {
			marks[i-1] = true
			i--
			j--
			d--
			continue
		}
		up := zeros(rows[(i-1)*words:i*words], j)
		if up == d {
			i--
			continue
		}
		// up == d-1: go up only if table[i][j-1] is d-1 too.
		if rows[i*words+(j-1)/64]&(1<<((j-1)%64)) == 0 {
			i--
			d = up
		} else {
			j--
		}
	}
}

// wlcsMark is lcsMark on the weighted LCS table of ROUGE-W.
func (s *Scorer) wlcsMark(r, t []int32, marks []bool) {
	a, b := len(r), len(t)
	if a == 0 || b == 0 {
		return
	}
	w := b + 1
	size := (a + 1) * w
	if cap(s.wdp) < size {
		s.wdp = make([]float64, size)
		s.wrun = make([]int32, size)
	}
	dp, run := s.wdp[:size], s.wrun[:size]
	clear(dp[:w])
	clear(run[:w])
	s.weight(min(a, b) + 1)
	for i := 1; i <= a; i++ {
		dp[i*w], run[i*w] = 0, 0
		for j := 1; j <= b; j++ {
			c, up, left, diag := i*w+j, (i-1)*w+j, i*w+j-1, (i-1)*w+j-1
			switch {
			case r[i-1] == t[j-1]:
				k := run[diag]
				dp[c] = dp[diag] + s.pow[k+1] - s.pow[k]
				run[c] = k + 1
			case dp[up] >= dp[left]:
				dp[c], run[c] = dp[up], 0
			default:
				dp[c], run[c] = dp[left], 0
			}
		}
	}
	for i, j := a, b; i > 0 && j > 0; {
		switch {
		case r[i-1] == t[j-1]:
			marks[i-1] = true
			i--
			j--
		case dp[(i-1)*w+j] >= dp[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}

// String formats a Score like ROUGE-1.5.5's per-case line.
func (sc Score) String() string {
	return fmt.Sprintf("%s R:%.5f P:%.5f F:%.5f", sc.Metric, sc.R, sc.P, sc.F)
}
