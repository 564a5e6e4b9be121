package summarize

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/text"
)

// FeatureNames names the sentence features of the learned scorer, in the
// order of a feature vector. None of them assumes lowercased or cased
// text, a number of reports, or a budget.
var FeatureNames = []string{
	"pos",              // index of the sentence in its report
	"relpos",           // pos / sentences in the report
	"words_before",     // words of the report before the sentence
	"doc_sents",        // sentences in the report
	"docs",             // reports in the story
	"words",            // length in words
	"content_frac",     // content terms / words
	"centroid_cos",     // cosine with the story centroid (tf·idf)
	"centroid_rank",    // rank by centroid_cos / sentences (0 = best)
	"lexrank",          // LexRank score × sentences
	"support_n",        // other reports that carry the statement
	"support_frac",     // support_n / (docs − 1)
	"doc_centroid_cos", // cosine of the whole report with the centroid
	"first_cos",        // cosine with the first sentence of its report
	"mean_idf",         // mean background idf of the content terms
	"max_idf",          // highest background idf of a content term
	"story_df",         // mean share of reports that hold each term
	"numbers",          // tokens holding a digit
	"quotes",           // quotation marks
	"names",            // capitalised terms after the first word / terms
	"terminated",       // ends with . ! ? (or a closing quote after one)
	"question",         // holds a question mark
	"first_person",     // holds I, we, my, our, me, us
	"said",             // holds said / says / told (reported speech)
	"last",             // last sentence of its report
	"chars_per_word",   // mean word length in characters
	"dup_before",       // highest cosine with an earlier sentence of the same report
	"other_cos_mean",   // mean over the other reports of the best cosine with one of their sentences
	"other_cos_max",    // best cosine with a sentence of another report
	"term_other",       // share of content terms that another report holds
	"bigram_other",     // share of adjacent content-term pairs that another report holds
	"sumbasic",         // mean story frequency of the content terms (share of all terms)
	"pos_from_end",     // sentences after it in its report
	"doc_words",        // words in its report
	"story_words",      // words in the story
	"web_junk",         // tokens that look like web furniture (@, http, www, ©, |)
	"bigram_top",       // share of the story's ten most widespread term pairs it holds
	"keep_mean",        // mean keep rate of the content terms (see Model.Keep)
	"keep_max",         // highest keep rate of a content term
	"keep_per_word",    // sum of the keep rates of its distinct terms / words
	"keep_docs",        // sum over its distinct terms of keep rate × share of reports holding it, / words
	"keep_count",       // sum over its distinct terms of keep rate × log(1 + story count), / words
	"keep_centroid",    // cosine with the story centroid, terms weighted by keep rate
	"lead_cos",         // mean cosine with the first sentences of the other reports
	"word_other",       // share of its words (stop words too) that another report uses
	"pair_other",       // share of its adjacent word pairs that another report uses
	"doc_other_cos",    // mean other_cos_mean of its report's sentences
	"doc_keep",         // mean keep_per_word of its report's sentences
	"doc_terminated",   // share of its report's sentences that end like one
	"doc_word_other",   // mean word_other of its report's sentences
	"rank_other_cos",   // rank of other_cos_mean in the story / sentences (0 = best)
	"rank_keep",        // rank of keep_per_word in the story / sentences
	"rank_word_other",  // rank of word_other in the story / sentences
	"prev_other_cos",   // other_cos_mean of the sentence before it in its report
	"next_other_cos",   // other_cos_mean of the sentence after it in its report
	"lexical",          // logit of the lexical model over its words and word pairs
}

// numFeatures is len(FeatureNames).
const numFeatures = 56

// features computes the feature vectors of every sentence of st into one
// flat slice (sentence i at [i*numFeatures:(i+1)*numFeatures]). keep
// holds the keep rate of each term id; lex is the lexical model (nil: none).
func features(st *analyse.Story, v *vectors, keep []float64, lex *lexModel) []float32 {
	n := len(st.Sentences)
	out := make([]float32, n*numFeatures)
	if n == 0 {
		return out
	}
	c := v.centroid(st)
	cn := norm(c)
	ccos := make([]float64, n)
	for i := range ccos {
		ccos[i] = v.cosineDense(i, c, cn)
	}
	rank := byScore(ccos)
	crank := make([]float64, n)
	for r, i := range rank {
		crank[i] = float64(r) / float64(n)
	}
	lr := lexRank(v, lexThreshold, lexJump)
	nd := len(st.Docs)
	docCos := make([]float64, nd)
	dv := make([]float64, len(v.idf))
	for d, doc := range st.Docs {
		var touched []int32
		for i := doc.First; i < doc.End; i++ {
			for _, t := range v.tf[i] {
				if dv[t.id] == 0 {
					touched = append(touched, t.id)
				}
				dv[t.id] += float64(t.n) * v.idf[t.id]
			}
		}
		var dot, dn float64
		for _, id := range touched {
			dot += dv[id] * c[id]
			dn += dv[id] * dv[id]
			dv[id] = 0
		}
		if dn > 0 && cn > 0 {
			docCos[d] = dot / (math.Sqrt(dn) * cn)
		}
	}
	// Cross-report agreement: best cosine with each other report.
	v.cosines()
	otherMean, otherMax := otherAgreement(st, v, docsContiguous(st))
	// Adjacent content-term pairs: the reports that hold each.
	terms := 0
	for i := range st.Sentences {
		terms += len(st.Sentences[i].IDs)
	}
	pairs := newU64Table(terms, true)
	for i := range st.Sentences {
		s := &st.Sentences[i]
		bit := uint64(1) << uint(s.Doc%64)
		for k := 1; k < len(s.IDs); k++ {
			key := uint64(s.IDs[k-1])<<32 | uint64(uint32(s.IDs[k]))
			j := pairs.slot(key)
			if pairs.e[j].bits&bit == 0 {
				pairs.count[j]++
			}
			pairs.e[j].bits |= bit
		}
	}
	top := topPairs(pairs, 10)
	var termTotal float64
	termCount := make([]float64, len(st.Vocab))
	storyWords := 0
	for i := range st.Sentences {
		for _, id := range st.Sentences[i].IDs {
			termCount[id]++
		}
		termTotal += float64(len(st.Sentences[i].IDs))
		storyWords += st.Sentences[i].Words
	}
	// Every word and adjacent word pair, stop words included, and the
	// reports that use them.
	wordHashes := make([][]uint64, n)
	var flat []uint64
	for i := range st.Sentences {
		at := len(flat)
		flat = wordHashesOf(st.Sentences[i].Text, flat)
		wordHashes[i] = flat[at:len(flat):len(flat)]
	}
	// wordHashes[i] may point into an earlier backing array of flat; the
	// hashes are the same.
	usedBy := newU64Table(len(flat), false)
	for i := range st.Sentences {
		bit := uint64(1) << uint(st.Sentences[i].Doc%64)
		h := wordHashes[i]
		for k := range h {
			usedBy.e[usedBy.slot(h[k])].bits |= bit
			if k > 0 {
				usedBy.e[usedBy.slot(pairHash(h[k-1], h[k]))].bits |= bit
			}
		}
	}
	// The centroid weighted by keep rates.
	kc := make([]float64, len(st.Vocab))
	logCount := make([]float64, len(st.Vocab))
	for id := range kc {
		kc[id] = termCount[id] * keep[id]
		logCount[id] = math.Log1p(termCount[id])
	}
	kcn := norm(kc)
	for _, doc := range st.Docs {
		before := 0
		docWords := 0
		for i := doc.First; i < doc.End; i++ {
			docWords += st.Sentences[i].Words
		}
		ds := doc.End - doc.First
		for i := doc.First; i < doc.End; i++ {
			s := &st.Sentences[i]
			f := out[i*numFeatures : (i+1)*numFeatures]
			f[0] = float32(s.Pos)
			f[1] = float32(i-doc.First) / float32(ds)
			f[2] = float32(before)
			f[3] = float32(ds)
			f[4] = float32(nd)
			f[5] = float32(s.Words)
			f[6] = float32(len(s.IDs)) / float32(max(s.Words, 1))
			f[7] = float32(ccos[i])
			f[8] = float32(crank[i])
			f[9] = float32(lr[i] * float64(n))
			sup := max(len(s.Support)-1, 0)
			f[10] = float32(sup)
			if nd > 1 {
				f[11] = float32(sup) / float32(nd-1)
			}
			f[12] = float32(docCos[s.Doc])
			if i > doc.First {
				f[13] = float32(v.cosine(i, doc.First))
			} else {
				f[13] = 1
			}
			var sum, mx, sdf float64
			for _, t := range v.tf[i] {
				sum += v.idf[t.id]
				mx = max(mx, v.idf[t.id])
				sdf += float64(st.DocFreq[t.id]) / float64(nd)
			}
			if k := len(v.tf[i]); k > 0 {
				f[14] = float32(sum / float64(k))
				f[16] = float32(sdf / float64(k))
				f[19] = float32(len(s.Names)) / float32(k)
			}
			f[15] = float32(mx)
			tf := textFeatures(s.Text)
			f[17] = float32(tf.numbers)
			f[18] = float32(tf.quotes)
			f[20] = b2f(tf.terminated)
			f[21] = b2f(tf.question)
			f[22] = b2f(tf.firstPerson)
			f[23] = b2f(tf.said)
			f[24] = b2f(i == doc.End-1)
			f[25] = float32(tf.letters) / float32(max(s.Words, 1))
			dup := 0.0
			for j := doc.First; j < i; j++ {
				dup = max(dup, v.cosine(i, j))
			}
			f[26] = float32(dup)
			f[27] = float32(otherMean[i])
			f[28] = float32(otherMax[i])
			if k := len(s.IDs); k > 0 {
				other, sb := 0, 0.0
				for _, id := range s.IDs {
					if int(st.DocFreq[id]) > 1 {
						other++
					}
					sb += termCount[id]
				}
				f[29] = float32(other) / float32(k)
				f[31] = float32(sb / float64(k) / termTotal * 100)
			}
			if k := len(s.IDs); k > 1 {
				other, hit := 0, 0
				bit := uint64(1) << uint(s.Doc%64)
				for j := 1; j < k; j++ {
					key := uint64(s.IDs[j-1])<<32 | uint64(uint32(s.IDs[j]))
					if pairs.bitsOf(key)&^bit != 0 {
						other++
					}
					if slices.Contains(top, key) {
						hit++
					}
				}
				f[30] = float32(other) / float32(k-1)
				if len(top) > 0 {
					f[36] = float32(hit) / float32(len(top))
				}
			}
			f[32] = float32(ds - 1 - (i - doc.First))
			f[33] = float32(docWords)
			f[34] = float32(storyWords)
			f[35] = float32(tf.junk)
			if lex != nil {
				f[55] = float32(lex.logit(lexIndex(wordHashes[i])))
			}
			if k := len(v.tf[i]); k > 0 {
				var sum, mx, tot float64
				for _, t := range v.tf[i] {
					sum += keep[t.id] * float64(t.n)
					mx = max(mx, keep[t.id])
					tot += keep[t.id]
				}
				f[37] = float32(sum / float64(len(s.IDs)))
				f[38] = float32(mx)
				f[39] = float32(tot / float64(max(s.Words, 1)))
				var kd, kn, dot, sn float64
				for _, t := range v.tf[i] {
					kd += keep[t.id] * float64(st.DocFreq[t.id]) / float64(nd)
					kn += keep[t.id] * logCount[t.id]
					w := float64(t.n) * keep[t.id]
					dot += w * kc[t.id]
					sn += w * w
				}
				f[40] = float32(kd / float64(max(s.Words, 1)))
				f[41] = float32(kn / float64(max(s.Words, 1)))
				if sn > 0 && kcn > 0 {
					f[42] = float32(dot / (math.Sqrt(sn) * kcn))
				}
			}
			if h := wordHashes[i]; nd > 1 && len(h) > 0 {
				bit := uint64(1) << uint(s.Doc%64)
				wo, po := 0, 0
				for k := range h {
					if usedBy.bitsOf(h[k])&^bit != 0 {
						wo++
					}
					if k > 0 && usedBy.bitsOf(pairHash(h[k-1], h[k]))&^bit != 0 {
						po++
					}
				}
				f[44] = float32(wo) / float32(len(h))
				if len(h) > 1 {
					f[45] = float32(po) / float32(len(h)-1)
				}
			}
			if nd > 1 {
				var sum float64
				for d, od := range st.Docs {
					if d != s.Doc && od.End > od.First {
						sum += v.cosine(i, od.First)
					}
				}
				f[43] = float32(sum / float64(nd-1))
			}
			before += s.Words
		}
	}
	storyContext(st, out)
	return out
}

// otherAgreement returns, for each sentence, the mean and the highest over
// the other reports of its best cosine with a sentence of that report
// (after v.cosines). contiguous says that docsContiguous holds, which
// allows a faster scan with the same result.
func otherAgreement(st *analyse.Story, v *vectors, contiguous bool) (otherMean, otherMax []float64) {
	n, nd := len(st.Sentences), len(st.Docs)
	otherMean = make([]float64, n)
	otherMax = make([]float64, n)
	if nd > 1 && contiguous {
		// Each report's sentences are a range of the row: its best
		// cosine is the max over that range, in the same order.
		for i := range st.Sentences {
			di := st.Sentences[i].Doc
			row := v.sim[i*n : (i+1)*n]
			var sum float64
			for d, doc := range st.Docs {
				if d == di {
					continue
				}
				b := 0.0
				for _, c := range row[doc.First:doc.End] {
					b = max(b, float64(c))
				}
				sum += b
				otherMax[i] = max(otherMax[i], b)
			}
			otherMean[i] = sum / float64(nd-1)
		}
	} else if nd > 1 {
		best := make([]float64, nd)
		docOf := make([]int, n)
		for j := range st.Sentences {
			docOf[j] = st.Sentences[j].Doc
		}
		for i := range st.Sentences {
			clear(best)
			di := docOf[i]
			for j, c := range v.sim[i*n : (i+1)*n] {
				if dj := docOf[j]; dj != di {
					best[dj] = max(best[dj], float64(c))
				}
			}
			var sum float64
			for d, b := range best {
				if d != di {
					sum += b
					otherMax[i] = max(otherMax[i], b)
				}
			}
			otherMean[i] = sum / float64(nd-1)
		}
	}
	return otherMean, otherMax
}

// docsContiguous reports whether the reports of st hold the sentences in
// order, each Sentences[First:End] with that report's index as Doc.
func docsContiguous(st *analyse.Story) bool {
	at := 0
	for d, doc := range st.Docs {
		if doc.First != at || doc.End < doc.First || doc.End > len(st.Sentences) {
			return false
		}
		for j := doc.First; j < doc.End; j++ {
			if st.Sentences[j].Doc != d {
				return false
			}
		}
		at = doc.End
	}
	return at == len(st.Sentences)
}

// storyContext fills the features that place a sentence among the others of
// its report and its story.
func storyContext(st *analyse.Story, out []float32) {
	n := len(st.Sentences)
	at := func(i, f int) float32 { return out[i*numFeatures+f] }
	for _, doc := range st.Docs {
		if doc.End <= doc.First {
			continue
		}
		var a, b, c, d float32
		for i := doc.First; i < doc.End; i++ {
			a += at(i, 27)
			b += at(i, 39)
			c += at(i, 20)
			d += at(i, 44)
		}
		k := float32(doc.End - doc.First)
		for i := doc.First; i < doc.End; i++ {
			f := out[i*numFeatures : (i+1)*numFeatures]
			f[46], f[47], f[48], f[49] = a/k, b/k, c/k, d/k
			if i > doc.First {
				f[53] = at(i-1, 27)
			}
			if i+1 < doc.End {
				f[54] = at(i+1, 27)
			}
		}
	}
	col := make([]float64, n)
	for k, src := range []int{27, 39, 44} {
		for i := range col {
			col[i] = float64(at(i, src))
		}
		for r, i := range byScore(col) {
			out[i*numFeatures+50+k] = float32(r) / float32(n)
		}
	}
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

type surface struct {
	numbers, quotes, letters, junk          int
	terminated, question, firstPerson, said bool
}

// Byte classes of ASCII for textFeatures.
const (
	tcOther = iota
	tcSpace
	tcDigit
	tcLetter
	tcQuote
	tcQuestion
	tcOdd
	tcMulti // the first byte of a rune beyond ASCII, or an invalid byte
)

// textClass is the class of each byte.
var textClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = tcMulti
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			t[c] = tcSpace
		case c >= '0' && c <= '9':
			t[c] = tcDigit
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = tcLetter
		case c == '"':
			t[c] = tcQuote
		case c == '?':
			t[c] = tcQuestion
		case c == '@' || c == '|':
			t[c] = tcOdd
		}
	}
	return t
}()

// Short words of textFeatures, as shortWord packs them (checked by
// TestShortWords).
const (
	swI    = 1<<32 | 'i'
	swWe   = 2<<32 | 'w' | 'e'<<8
	swMy   = 2<<32 | 'm' | 'y'<<8
	swOur  = 3<<32 | 'o' | 'u'<<8 | 'r'<<16
	swMe   = 2<<32 | 'm' | 'e'<<8
	swUs   = 2<<32 | 'u' | 's'<<8
	swSaid = 4<<32 | 's' | 'a'<<8 | 'i'<<16 | 'd'<<24
	swSays = 4<<32 | 's' | 'a'<<8 | 'y'<<16 | 's'<<24
	swTold = 4<<32 | 't' | 'o'<<8 | 'l'<<16 | 'd'<<24
)

// shortWord packs a word of at most four bytes, ASCII letters lowercased,
// with its length, into one number: two words pack alike exactly when they
// are equal once lowercased.
func shortWord(w string) uint64 {
	k := uint64(len(w)) << 32
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k
}

// textFeatures reads the surface features of a sentence in one pass over
// its bytes. A word is a run of bytes between ASCII spaces, tabs and line
// breaks; its letters (ASCII, or any Unicode letter) are counted, and the
// word trimmed to its first and last letter is compared with a few short
// words. Runes are decoded as a range over s does (an invalid byte is
// utf8.RuneError, one byte long).
func textFeatures(s string) surface {
	var f surface
	letters := 0
	for i := 0; i < len(s); {
		if textClass[s[i]] == tcSpace {
			i++
			continue
		}
		// A word: s[wordStart:i] when the loop below stops. Trimmed of
		// everything but letters at both ends it is
		// s[firstLetter:lastLetterEnd] (empty when firstLetter < 0).
		wordStart := i
		hasDigit, odd := false, false
		firstLetter, lastLetterEnd := -1, -1
	word:
		for i < len(s) {
			switch textClass[s[i]] {
			case tcMulti:
				r, size := utf8.DecodeRuneInString(s[i:])
				switch {
				case r == '“' || r == '”' || r == '«' || r == '»':
					f.quotes++
				case r == '©':
					odd = true
				case unicode.IsLetter(r):
					letters++
					if firstLetter < 0 {
						firstLetter = i
					}
					lastLetterEnd = i + size
				}
				i += size
				continue
			case tcLetter:
				// A run of ASCII letters.
				if firstLetter < 0 {
					firstLetter = i
				}
				j := i + 1
				for j < len(s) && textClass[s[j]] == tcLetter {
					j++
				}
				letters += j - i
				i, lastLetterEnd = j, j
				continue
			case tcSpace:
				break word
			case tcDigit:
				hasDigit = true
			case tcQuote:
				f.quotes++
			case tcQuestion:
				f.question = true
			case tcOdd:
				odd = true
			}
			i++
		}
		if hasDigit {
			f.numbers++
		}
		if w := s[wordStart:i]; odd || hasPrefixFold(w, "http") || hasPrefixFold(w, "www.") {
			f.junk++
		}
		if firstLetter >= 0 && lastLetterEnd-firstLetter <= 4 {
			switch shortWord(s[firstLetter:lastLetterEnd]) {
			case swI, swWe, swMy, swOur, swMe, swUs:
				f.firstPerson = true
			case swSaid, swSays, swTold:
				f.said = true
			}
		}
	}
	f.letters = letters
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == '»'
	})
	if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '!' || r == '?' || r == '…' {
		f.terminated = true
	}
	return f
}

// topPairs returns the k term pairs held by the most reports (at least
// two), ties broken by key so that the choice is deterministic.
func topPairs(t *u64Table, k int) []uint64 {
	type kv struct {
		key uint64
		n   int32
	}
	var all []kv
	for i, e := range t.e {
		if e.bits != 0 && t.count[i] >= 2 {
			all = append(all, kv{e.key, t.count[i]})
		}
	}
	slices.SortFunc(all, func(a, b kv) int {
		if a.n != b.n {
			return int(b.n - a.n)
		}
		return cmp.Compare(a.key, b.key)
	})
	out := make([]uint64, 0, k)
	for _, x := range all[:min(k, len(all))] {
		out = append(out, x.key)
	}
	return out
}

// wordHashesOf appends to out a hash of each word of s, lowercased, where
// a word is a run of letters and digits (as ROUGE reads text).
func wordHashesOf(s string, out []uint64) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		c := s[i]
		if l := text.FoldASCII(c); l != 0 {
			// An ASCII letter or digit, lowercased.
			h = (h ^ uint64(l)) * prime
			in = true
			i++
			continue
		}
		if c < utf8.RuneSelf {
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				h = (h ^ uint64(unicode.ToLower(r))) * prime
				in = true
				continue
			}
		}
		if in {
			out = append(out, h)
			h, in = offset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// pairHash combines the hashes of two adjacent words.
func pairHash(a, b uint64) uint64 {
	return (a*31 + 0x9e3779b97f4a7c15) ^ b*1099511628211 | 1
}

// hasPrefixFold reports whether s begins with the lowercase ASCII prefix,
// in any case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
