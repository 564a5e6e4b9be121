// Package analyse turns cleaned articles into a Story: the sentences of
// every report, their terms, and which reports say the same thing. It is
// the cross-source stage between cleaning and selection.
package analyse

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/text"
)

// Story is the analysed form of a set of reports about one event.
type Story struct {
	// Docs holds one entry per article, in input order.
	Docs []Doc
	// Sentences holds every sentence of every document, document by
	// document, in reading order.
	Sentences []Sentence
	// Vocab maps a term id (see Sentence.IDs) to its term.
	Vocab []string
	// DocFreq gives, for each term id, how many documents of the story
	// contain the term.
	DocFreq []int32
	// SentFreq gives, for each term id, how many sentences of the story
	// contain the term.
	SentFreq []int32
}

// Doc is one analysed article.
type Doc struct {
	Article article.Article
	// First and End delimit the document's sentences in Story.Sentences:
	// Sentences[First:End].
	First, End int
}

// Sentence is one sentence of one report.
type Sentence struct {
	// Doc is the index of the sentence's article in Story.Docs.
	Doc int
	// Pos is the index of the sentence within its article (0 = first).
	Pos int
	// Text is the sentence as written.
	Text string
	// Span locates Text in the article's text:
	// Docs[Doc].Article.Text[Span.Start:Span.End] == Text.
	Span text.Span
	// Words is the number of words in Text, as a reader counts them.
	Words int
	// Terms are the stemmed content terms (stop words removed), lowercase.
	Terms []string
	// IDs are Terms as term ids into Story.Vocab, in the same order.
	IDs []int32
	// Names are the term ids of Terms written with a capital letter
	// somewhere other than at the start of the sentence (names, places,
	// organisations), ascending and without repeats. Lowercased text has
	// none.
	Names []int32
	// Support lists the documents (including Doc) that carry the same
	// statement, as a near-duplicate or close paraphrase, ascending.
	Support []int
}

// Options control Build. The zero value gives the defaults.
type Options struct {
	// MinWords is the fewest words a sentence must have to be kept;
	// shorter fragments (labels, datelines, stray words) are skipped.
	// 0 means DefaultMinWords.
	MinWords int
	// Containment is the share of a sentence's weighted content terms
	// that a sentence of another report must carry for that report to
	// support it. 0 means DefaultContainment.
	Containment float64
}

// DefaultMinWords is the default Options.MinWords.
const DefaultMinWords = 3

// DefaultContainment is the default Options.Containment.
const DefaultContainment = 0.6

// minShared is the fewest content terms two sentences must share for one
// to support the other (fewer when the sentence has fewer terms).
const minShared = 3

// Build analyses cleaned articles into a Story: it splits each article
// into sentences, skips fragments that are not sentences, analyses each
// sentence into content terms, and finds for each sentence every other
// report that carries the same statement.
func Build(arts []article.Article, opt Options) *Story {
	return BuildSplit(arts, nil, opt)
}

// BuildSplit is Build for articles some of whose sentences are known:
// spans[d], when not nil, must be text.Sentences(arts[d].Text) (as
// clean.ArticlesSplit gives them), and is used instead of splitting the
// text again. spans may be shorter than arts, or nil.
func BuildSplit(arts []article.Article, spans [][]text.Span, opt Options) *Story {
	if opt.MinWords <= 0 {
		opt.MinWords = DefaultMinWords
	}
	if opt.Containment <= 0 {
		opt.Containment = DefaultContainment
	}
	st := &Story{Docs: make([]Doc, 0, len(arts))}
	// Split every article first, so that the sentences, their terms and
	// the vocabulary are allocated once from counts and estimates.
	size, nspans := 0, 0
	split := make([][]text.Span, len(arts))
	var buf []text.Span // the sentences of the articles not split before
	for d, a := range arts {
		size += len(a.Text)
		if d < len(spans) && spans[d] != nil {
			split[d] = spans[d]
		} else {
			first := len(buf)
			buf = text.AppendSentences(buf, a.Text)
			split[d] = buf[first:len(buf):len(buf)]
		}
		nspans += len(split[d])
	}
	// About one new token in 16 bytes of text, one new term in 24, one
	// term in 11 (stop words left out) and a stem that is not a piece of
	// its token in some 400.
	nv := size/24 + 64
	nt := size/16 + 64
	b := builder{st: st, ids: newStrIndex(nv), tokens: newStrIndex(nt),
		toks: make([]string, 0, nt), tokIDs: make([]int32, 0, nt),
		terms: make([]string, 0, size/10+16), termIDs: make([]int32, 0, size/10+16),
		lastDoc: make([]int32, 0, nv), lastSent: make([]int32, 0, nv)}
	b.stems.Grow(size/50 + 16)
	st.Vocab = make([]string, 0, nv)
	st.DocFreq = make([]int32, 0, nv)
	st.SentFreq = make([]int32, 0, nv)
	st.Sentences = make([]Sentence, 0, nspans)
	for d, a := range arts {
		doc := Doc{Article: a, First: len(st.Sentences)}
		pos := 0
		for _, sp := range split[d] {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			s := a.Text[sp.Start:sp.End]
			w := text.Words(s)
			if w < opt.MinWords || !hasLetter(s) {
				continue
			}
			sent := Sentence{Doc: d, Pos: pos, Text: s, Span: sp, Words: w}
			b.analyse(&sent, d)
			st.Sentences = append(st.Sentences, sent)
			pos++
		}
		doc.End = len(st.Sentences)
		st.Docs = append(st.Docs, doc)
	}
	// An empty story has nil slices, as when they grew from nil.
	if len(st.Vocab) == 0 {
		st.Vocab, st.DocFreq, st.SentFreq = nil, nil, nil
	}
	if len(st.Sentences) == 0 {
		st.Sentences = nil
	}
	// Every sentence's Support starts as its own document, each in a
	// one-element piece of one array (support appends beyond it into a
	// new array, as it would to a slice of its own).
	supp := make([]int, len(st.Sentences))
	for i := range st.Sentences {
		supp[i] = st.Sentences[i].Doc
		st.Sentences[i].Support = supp[i : i+1 : i+1]
	}
	support(st, opt.Containment)
	return st
}

// builder holds what Build learns across sentences: the term ids, and
// for every token as written its term id (−1 for a stop word), so that a
// token seen before is not lowercased and stemmed again.
type builder struct {
	st  *Story
	ids strIndex // over st.Vocab: a term's id
	// tokens, over toks, finds the tokens seen so far; tokIDs holds their
	// term ids.
	tokens   strIndex
	toks     []string
	tokIDs   []int32
	lastDoc  []int32 // per term: last doc that counted it in DocFreq, +1
	lastSent []int32
	stops    []string // capitalised stop words of the current sentence
	// terms and termIDs hold the Terms and IDs of every sentence, one
	// after the other; each sentence's are a full slice (len == cap) of
	// them, so an append to one never writes into the next.
	terms   []string
	termIDs []int32
	buf     []byte          // the term being looked up
	stems   strings.Builder // the new terms that are not a piece of a token
}

// analyse fills the terms, ids and names of sentence s of document d, the
// next sentence of the story: the terms English().Terms gives, and the
// names that names() finds once the sentence's terms are known.
func (b *builder) analyse(s *Sentence, d int) {
	st := b.st
	t := s.Text
	terms, ids := b.terms, b.termIDs
	n0 := len(terms)
	si := int32(len(st.Sentences)) + 1
	b.stops = b.stops[:0]
	first := true
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r < utf8.RuneSelf {
			if !wordByte[r] {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(t[i:]); !text.IsWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(t) {
			if c := t[j]; c < utf8.RuneSelf {
				if !wordByte[c] {
					break
				}
				j++
				continue
			}
			r2, sz := utf8.DecodeRuneInString(t[j:])
			if !text.IsWordRune(r2) {
				break
			}
			j += sz
		}
		tok := t[i:j]
		var id int32
		if k, ok := b.tokens.find(b.toks, tok); ok {
			id = b.tokIDs[k]
		} else {
			id = b.termID(tok)
			b.toks = append(b.toks, tok)
			b.tokIDs = append(b.tokIDs, id)
			b.tokens.add(b.toks, k, len(b.toks)-1)
		}
		if id >= 0 {
			terms = append(terms, st.Vocab[id])
			ids = append(ids, id)
			if b.lastDoc[id] != int32(d)+1 {
				b.lastDoc[id] = int32(d) + 1
				st.DocFreq[id]++
			}
			if b.lastSent[id] != si {
				b.lastSent[id] = si
				st.SentFreq[id]++
			}
		}
		if !first && unicode.IsUpper(r) {
			if id >= 0 {
				if !slices.Contains(s.Names, id) {
					s.Names = append(s.Names, id)
				}
			} else {
				b.stops = append(b.stops, tok)
			}
		}
		first = false
		i = j
	}
	// A capitalised stop word is a name when its stem is a term of the
	// story so far, this sentence's included.
	for _, tok := range b.stops {
		if k, ok := b.ids.find(st.Vocab, text.Stem(strings.ToLower(tok))); ok && !slices.Contains(s.Names, int32(k)) {
			s.Names = append(s.Names, int32(k))
		}
	}
	slices.Sort(s.Names)
	s.Terms, s.IDs = terms[n0:len(terms):len(terms)], ids[n0:len(ids):len(ids)]
	b.terms, b.termIDs = terms, ids
}

// wordByte tells the ASCII bytes that belong to a token, as
// text.IsWordRune does: letters and digits.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = text.IsWordRune(rune(c))
	}
	return t
}()

// termID returns the id of the term of token tok, adding the term to the
// story when it is new, or −1 for a stop word. The term's bytes are looked
// up without making a string; a new term's string is a piece of tok when
// it can be, as text.Term would return it, or else kept in b.stems.
func (b *builder) termID(tok string) int32 {
	buf, prefix, ok := text.AppendTerm(b.buf[:0], tok)
	b.buf = buf
	if !ok {
		return -1
	}
	k, ok := b.ids.findBytes(b.st.Vocab, buf)
	id := int32(k)
	if !ok {
		var term string
		if prefix {
			term = tok[:len(buf)]
		} else {
			// A strings.Builder never changes bytes it has written, so a
			// piece of its String stays valid as it grows.
			start := b.stems.Len()
			b.stems.Write(buf)
			term = b.stems.String()[start:]
		}
		st := b.st
		id = int32(len(st.Vocab))
		st.Vocab = append(st.Vocab, term)
		b.ids.add(st.Vocab, k, int(id))
		st.DocFreq = append(st.DocFreq, 0)
		st.SentFreq = append(st.SentFreq, 0)
		b.lastDoc = append(b.lastDoc, 0)
		b.lastSent = append(b.lastSent, 0)
	}
	return id
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// termWeight is the weight of a term in the support test: rarer terms in
// the story weigh more, and numbers and names weigh double.
func termWeight(st *Story, id int32, name bool) float64 {
	n := float64(len(st.Sentences))
	w := math.Log(1 + n/float64(st.SentFreq[id]))
	t := st.Vocab[id]
	if name || hasDigit(t) {
		w *= 2
	}
	return w
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// support fills Sentence.Support: a report supports sentence i when one
// of its sentences carries at least share of i's weighted content terms
// (and at least minShared of them, or all of them for a shorter
// sentence).
func support(st *Story, share float64) {
	n := len(st.Sentences)
	if n == 0 || len(st.Docs) < 2 {
		return
	}
	// Unique weighted terms per sentence, and postings per term, each in
	// one backing array. A term's weight depends only on the term, but for
	// the double weight of a name in the sentence.
	type tw struct {
		id int32
		w  float32
	}
	base := make([]float64, len(st.Vocab))
	for id := range base {
		base[id] = termWeight(st, int32(id), false)
	}
	total := make([]float64, n)
	seen := make([]int32, len(st.Vocab))
	ustart := make([]int32, n+1)
	nids := 0
	for i := range st.Sentences {
		nids += len(st.Sentences[i].IDs)
	}
	flat := make([]tw, 0, nids)
	npost := make([]int32, len(st.Vocab)+1)
	for i := range st.Sentences {
		s := &st.Sentences[i]
		for _, id := range s.IDs {
			if seen[id] == int32(i)+1 {
				continue
			}
			seen[id] = int32(i) + 1
			w := base[id]
			if _, name := slices.BinarySearch(s.Names, id); name && !hasDigit(st.Vocab[id]) {
				w *= 2
			}
			flat = append(flat, tw{id, float32(w)})
			total[i] += w
			npost[id+1]++
		}
		ustart[i+1] = int32(len(flat))
	}
	for id := 1; id < len(npost); id++ {
		npost[id] += npost[id-1]
	}
	postFlat := make([]int32, len(flat))
	at := slices.Clone(npost[:len(st.Vocab)])
	for i := range st.Sentences {
		for _, t := range flat[ustart[i]:ustart[i+1]] {
			postFlat[at[t.id]] = int32(i)
			at[t.id]++
		}
	}
	uniqOf := func(i int) []tw { return flat[ustart[i]:ustart[i+1]] }
	postOf := func(id int32) []int32 { return postFlat[npost[id]:npost[id+1]] }
	overlap := make([]float64, n)
	shared := make([]int32, n)
	var touched []int32
	docOK := make([]bool, len(st.Docs))
	for i := range st.Sentences {
		s := &st.Sentences[i]
		ui := uniqOf(i)
		if len(ui) == 0 {
			continue
		}
		touched = touched[:0]
		for _, t := range ui {
			for _, j := range postOf(t.id) {
				if st.Sentences[j].Doc == s.Doc {
					continue
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
				overlap[j] += float64(t.w)
			}
		}
		need := int32(min(minShared, len(ui)))
		for _, j := range touched {
			if shared[j] >= need && overlap[j] >= share*total[i]-1e-9 {
				docOK[st.Sentences[j].Doc] = true
			}
			overlap[j], shared[j] = 0, 0
		}
		for d, ok := range docOK {
			if ok && d != s.Doc {
				s.Support = append(s.Support, d)
				docOK[d] = false
			}
		}
		docOK[s.Doc] = false
		slices.Sort(s.Support)
	}
}

// Subset returns the story of the documents docs of st (indices into
// st.Docs, ascending), equal to what Build would return for
// their articles with the same options: the same sentences, term ids
// numbered afresh in order of first use, and the frequencies, names and
// support recomputed over those documents only. It shares the sentences'
// text and terms with st, so it costs a fraction of Build. st must have
// been built with the same MinWords; an index out of range is skipped.
// Documents out of their order in st (or repeated) are analysed afresh:
// a word's being a name depends on the terms of the documents before it.
func (st *Story) Subset(docs []int, opt Options) *Story {
	if opt.Containment <= 0 {
		opt.Containment = DefaultContainment
	}
	for k := 1; k < len(docs); k++ {
		if docs[k] <= docs[k-1] {
			arts := make([]article.Article, 0, len(docs))
			for _, d := range docs {
				if d >= 0 && d < len(st.Docs) {
					arts = append(arts, st.Docs[d].Article)
				}
			}
			return Build(arts, opt)
		}
	}
	out := &Story{Docs: make([]Doc, 0, len(docs))}
	n := 0
	for _, d := range docs {
		if d >= 0 && d < len(st.Docs) {
			n += st.Docs[d].End - st.Docs[d].First
		}
	}
	if n > 0 {
		out.Sentences = make([]Sentence, 0, n)
	}
	// remap[old id] is the new id + 1, or 0 before the term's first use.
	remap := make([]int32, len(st.Vocab))
	var lastDoc, lastSent []int32
	supp := make([]int, n) // one backing array for the Support lists
	for _, old := range docs {
		if old < 0 || old >= len(st.Docs) {
			continue
		}
		d := len(out.Docs)
		src := st.Docs[old]
		doc := Doc{Article: src.Article, First: len(out.Sentences)}
		for i := src.First; i < src.End; i++ {
			s := &st.Sentences[i]
			k := len(out.Sentences)
			supp[k] = d
			sent := Sentence{Doc: d, Pos: s.Pos, Text: s.Text, Span: s.Span, Words: s.Words, Terms: s.Terms,
				Support: supp[k : k+1 : k+1]}
			sent.IDs = make([]int32, len(s.IDs))
			si := int32(k) + 1
			for j, oid := range s.IDs {
				id := remap[oid] - 1
				if id < 0 {
					id = int32(len(out.Vocab))
					remap[oid] = id + 1
					out.Vocab = append(out.Vocab, st.Vocab[oid])
					out.DocFreq = append(out.DocFreq, 0)
					out.SentFreq = append(out.SentFreq, 0)
					lastDoc = append(lastDoc, 0)
					lastSent = append(lastSent, 0)
				}
				sent.IDs[j] = id
				if lastDoc[id] != int32(d)+1 {
					lastDoc[id] = int32(d) + 1
					out.DocFreq[id]++
				}
				if lastSent[id] != si {
					lastSent[id] = si
					out.SentFreq[id]++
				}
			}
			// Build looks a capitalised word up among the terms seen so
			// far: in the subset, a name whose term the kept documents
			// have not used yet is no name.
			for _, oid := range s.Names {
				if id := remap[oid] - 1; id >= 0 {
					sent.Names = append(sent.Names, id)
				}
			}
			slices.Sort(sent.Names)
			out.Sentences = append(out.Sentences, sent)
		}
		doc.End = len(out.Sentences)
		out.Docs = append(out.Docs, doc)
	}
	support(out, opt.Containment)
	return out
}
