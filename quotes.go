package chorus

import (
	"strings"
	"unicode"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/facts"
)

// maxQuoteSpan is how many sentences around a summary sentence may be
// joined to it so that a quote it opens or closes is shown whole.
const maxQuoteSpan = 3

// quoteBalance returns how many quotations s opens that it does not close
// (positive) or closes that it did not open (negative). Curly quotes tell
// their direction; straight double quotes are paired left to right, and an
// odd one out opens a quote when it starts the sentence and closes one
// otherwise.
func quoteBalance(s string) int {
	open := strings.Count(s, "“") - strings.Count(s, "”")
	if n := strings.Count(s, `"`); n%2 == 1 {
		if strings.HasPrefix(strings.TrimLeft(s, " ([—-"), `"`) {
			open++
		} else {
			open--
		}
	}
	return open
}

// wholeQuote widens the summary sentence i of st to the sentences of the
// same report that finish the quotation it opens or start the one it
// closes, so that a brief never shows half a quote. It returns the first
// and last sentence index of the unit; both are i when the sentence is
// balanced or the quote does not close within maxQuoteSpan sentences.
func wholeQuote(st *analyse.Story, i int) (first, last int) {
	d := st.Docs[st.Sentences[i].Doc]
	bal := quoteBalance(st.Sentences[i].Text)
	switch {
	case bal > 0:
		for j := i + 1; j < d.End && j <= i+maxQuoteSpan; j++ {
			if bal += quoteBalance(st.Sentences[j].Text); bal <= 0 {
				if bal == 0 {
					return i, j
				}
				break
			}
		}
	case bal < 0:
		for j := i - 1; j >= d.First && j >= i-maxQuoteSpan; j-- {
			if bal += quoteBalance(st.Sentences[j].Text); bal >= 0 {
				if bal == 0 {
					return j, i
				}
				break
			}
		}
	}
	return i, i
}

// unitText is the text of the report from sentence first to sentence last,
// as the report wrote it.
func unitText(st *analyse.Story, first, last int) string {
	if first == last {
		return st.Sentences[first].Text
	}
	a, b := st.Sentences[first], st.Sentences[last]
	t := st.Docs[a.Doc].Article.Text
	if a.Span.Start < 0 || b.Span.End > len(t) || a.Span.Start >= b.Span.End {
		return a.Text
	}
	return strings.Join(strings.Fields(t[a.Span.Start:b.Span.End]), " ")
}

// namedCarrier returns, for a summary sentence that carries a quote
// without naming its speaker ("…," he said), a sentence of another report
// that carries the same quote and names the speaker, and otherwise false.
func namedCarrier(s *facts.Sheet, st *analyse.Story, i int) (int, bool) {
	if s == nil {
		return 0, false
	}
	for _, qi := range s.QuotesIn(i) {
		q := s.Quotes[qi]
		surname := q.Speaker
		if k := strings.LastIndexByte(surname, ' '); k >= 0 {
			surname = surname[k+1:]
		}
		if surname == "" || strings.Contains(st.Sentences[i].Text, surname) {
			continue
		}
		for _, c := range q.Carriers {
			if c.Sentence < 0 || c.Sentence >= len(st.Sentences) || c.Sentence == i {
				continue
			}
			cand := st.Sentences[c.Sentence]
			if strings.Contains(cand.Text, surname) && containment(st.Sentences[i].Terms, cand.Terms) >= 0.7 {
				return c.Sentence, true
			}
		}
	}
	return 0, false
}

// firstPerson reports whether s speaks in the first person outside its
// quotations ("I will travel to the harbour today", "We condemn the
// attacks"): the words of a statement or a press release, which read as
// the brief's own voice when lifted out of their report.
func firstPerson(s string) bool {
	inQuote := false
	start := -1
	for i, r := range s {
		switch r {
		case '"':
			inQuote = !inQuote
		case '“':
			inQuote = true
		case '”':
			inQuote = false
		}
		word := unicode.IsLetter(r) || r == '\''
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			w := s[start:i]
			start = -1
			if !inQuote && firstPersonWord(w) {
				return true
			}
		}
	}
	// The last word, if s ends in one (as if s were followed by a blank).
	return start >= 0 && !inQuote && firstPersonWord(s[start:])
}

// firstPersonWord reports whether w is a first-person pronoun or its
// contraction.
func firstPersonWord(w string) bool {
	switch w {
	case "I", "I'm", "I've", "I'll", "We", "we", "We're", "we're", "We've", "we've", "our", "Our", "us", "my", "My", "me":
		return true
	}
	return false
}

// preferThirdPerson drops the first-person sentences of a selection when
// what is left still fills most of the budget (minShare of it).
func preferThirdPerson(st *analyse.Story, sel []int, words int) []int {
	const minShare = 0.75
	kept := make([]int, 0, len(sel))
	n := 0
	for _, i := range sel {
		if !firstPerson(st.Sentences[i].Text) {
			kept = append(kept, i)
			n += st.Sentences[i].Words
		}
	}
	if len(kept) == len(sel) || float64(n) < minShare*float64(words) {
		return sel
	}
	return kept
}
