package summarize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/analyse"
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
}

// numFeatures is len(FeatureNames).
const numFeatures = 27

// features computes the feature vectors of every sentence of st into one
// flat slice (sentence i at [i*numFeatures:(i+1)*numFeatures]).
func features(st *analyse.Story, v *vectors) []float32 {
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
	for _, doc := range st.Docs {
		before := 0
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
			before += s.Words
		}
	}
	return out
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

type surface struct {
	numbers, quotes, letters                int
	terminated, question, firstPerson, said bool
}

// textFeatures reads the surface features of a sentence in one pass over
// its bytes.
func textFeatures(s string) surface {
	var f surface
	inWord, hasDigit := false, false
	wordStart := 0
	endWord := func(end int) {
		if hasDigit {
			f.numbers++
		}
		w := strings.TrimFunc(s[wordStart:end], func(r rune) bool { return !unicode.IsLetter(r) })
		if len(w) > 0 && len(w) <= 4 {
			var buf [4]byte
			for k := 0; k < len(w); k++ {
				c := w[k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			switch string(buf[:len(w)]) {
			case "i", "we", "my", "our", "me", "us":
				f.firstPerson = true
			case "said", "says", "told":
				f.said = true
			}
		}
	}
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if inWord {
				endWord(i)
				inWord = false
			}
			continue
		}
		if !inWord {
			inWord, hasDigit, wordStart = true, false, i
		}
		switch {
		case r >= '0' && r <= '9':
			hasDigit = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			f.letters++
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			f.quotes++
		case r == '?':
			f.question = true
		case r >= 0x80 && unicode.IsLetter(r):
			f.letters++
		}
	}
	if inWord {
		endWord(len(s))
	}
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == '»'
	})
	if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '!' || r == '?' || r == '…' {
		f.terminated = true
	}
	return f
}
