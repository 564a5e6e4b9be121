// Package facts builds the fact sheet of a story: entities, figures and
// their conflicts, quotes and their origin, the timeline, and the reports
// that belong to a different event.
//
// The sheet is built from the analysed story alone (no network, no model
// files): gazetteers and capitalisation rules for entities, a number
// scanner with a small lexicon of what is counted for figures, quotation
// marks and character shingles for quotes, and date rules for the
// timeline. Every rule is general; none knows a particular story.
//
// Document numbers in the sheet are indices into analyse.Story.Docs
// (0-based); sentence numbers are indices into analyse.Story.Sentences.
// Renderers add 1 to a document index to get the source number a brief
// cites.
package facts

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/text"
)

// Sheet is the fact sheet of one story. Its fields are filled in by Build.
// The JSON form is part of the brief's versioned schema.
type Sheet struct {
	// Reports holds one entry per report, in input order: its date and
	// where that date came from.
	Reports []Report `json:"reports"`
	// Entities are the people, places, organisations and countries named,
	// variants merged, most mentioned first.
	Entities []Entity `json:"entities"`
	// Figures are quantity claims stated by two or more reports, aligned
	// when they count the same thing; disputed figures first.
	Figures []Figure `json:"figures"`
	// Quotes are the direct quotes, each with every report carrying it and
	// its origin; most carried first.
	Quotes []Quote `json:"quotes"`
	// Timeline holds the dated events, oldest first.
	Timeline []Event `json:"timeline"`
	// OffStory lists the reports about a different event.
	OffStory []OffStory `json:"off_story"`

	// Per-sentence indexes behind the helpers; not part of the JSON.
	sentFigures map[int][]int
	sentQuotes  map[int][]int
	offStory    map[int]bool
	outlets     []string
}

// Report is the dating of one report.
type Report struct {
	// Doc is the report's index in the story.
	Doc int `json:"doc"`
	// Source is the outlet, when known.
	Source string `json:"source,omitempty"`
	// Date is the report's date (day precision); zero when unknown.
	Date time.Time `json:"date,omitzero"`
	// DateFrom says where Date came from: "metadata", "text" or "" when
	// unknown.
	DateFrom string `json:"date_from,omitempty"`
}

// Entity is one person, place, organisation or country, with every
// spelling the reports use merged.
type Entity struct {
	// Name is the canonical name ("United States", "John Kerry").
	Name string `json:"name"`
	// Kind is "person", "place", "organisation", "country" or "other".
	Kind string `json:"kind"`
	// Variants are the forms seen in the reports, most frequent first.
	Variants []string `json:"variants"`
	// Mentions counts the entity's mentions per report.
	Mentions []SourceCount `json:"mentions"`
	// Total is the number of mentions over all reports.
	Total int `json:"total"`
}

// SourceCount is a count for one report.
type SourceCount struct {
	Doc   int `json:"doc"`
	Count int `json:"count"`
}

// Figure is one quantity (what is counted) as stated by several reports.
type Figure struct {
	// What names what is counted, e.g. "civilians killed" or
	// "civilians trapped".
	What string `json:"what"`
	// Unit is the counted noun class ("people", "children", "percent").
	Unit string `json:"unit"`
	// Status is "confirmed" when every report gives the same value and
	// "disputed" when they differ.
	Status string `json:"status"`
	// Sources is the number of distinct reports that state the figure.
	Sources int `json:"sources"`
	// Values holds each value given, most supported first.
	Values []FigureValue `json:"values"`
}

// FigureValue is one value of a figure and the reports that give it.
type FigureValue struct {
	// Value is the number.
	Value float64 `json:"value"`
	// Text is the number as written ("200,000", "1.2 million").
	Text string `json:"text"`
	// Docs are the reports that give this value, ascending.
	Docs []int `json:"docs"`
	// Claims are the sentences that state it, with their wording.
	Claims []Claim `json:"claims"`
}

// Claim is one sentence stating a figure.
type Claim struct {
	Doc      int `json:"doc"`
	Sentence int `json:"sentence"`
	// Wording is the phrase around the number ("Some 200,000 civilians").
	Wording string `json:"wording"`
}

// Confirmed reports whether every report gives the same value.
func (f Figure) Confirmed() bool { return f.Status == StatusConfirmed }

// Range renders a disputed figure for a reader: "between 369 and 372".
// For a confirmed figure it returns the value.
func (f Figure) Range() string {
	if len(f.Values) == 0 {
		return ""
	}
	lo, hi := f.Values[0], f.Values[0]
	for _, v := range f.Values[1:] {
		if v.Value < lo.Value {
			lo = v
		}
		if v.Value > hi.Value {
			hi = v
		}
	}
	if lo.Value == hi.Value {
		return lo.Text
	}
	return "between " + lo.Text + " and " + hi.Text
}

// Figure statuses.
const (
	StatusConfirmed = "confirmed"
	StatusDisputed  = "disputed"
)

// Quote is one direct quote and every report carrying it.
type Quote struct {
	// Text is the fullest wording seen.
	Text string `json:"text"`
	// Speaker is who said it, when a report names them ("" otherwise).
	Speaker string `json:"speaker,omitempty"`
	// Origin is the report that is the original statement, or failing
	// that the earliest report carrying the quote; -1 when unknown.
	Origin int `json:"origin"`
	// OriginReason says how Origin was chosen: "statement" (the report's
	// own words, not attributed to anyone), "earliest" (earliest date),
	// "first" (first in input order, no dates) or "only".
	OriginReason string `json:"origin_reason"`
	// Carriers are the reports carrying the quote, by document.
	Carriers []QuoteCarrier `json:"carriers"`
}

// QuoteCarrier is one report's rendering of a quote.
type QuoteCarrier struct {
	Doc int `json:"doc"`
	// Sentence is the first sentence carrying it.
	Sentence int `json:"sentence"`
	// Wording is the report's own wording of the quote.
	Wording string `json:"wording"`
	// Quoted is false when the report states the words as its own (the
	// original statement) rather than inside quotation marks.
	Quoted bool `json:"quoted"`
}

// Event is one dated event of the timeline.
type Event struct {
	// Date is the day of the event (the first day of a week or month when
	// Precision is coarser).
	Date time.Time `json:"date"`
	// Precision is "day", "week", "month" or "year".
	Precision string `json:"precision"`
	// Expression is the phrase that dated it ("on Wednesday", "last week").
	Expression string `json:"expression"`
	Doc        int    `json:"doc"`
	Sentence   int    `json:"sentence"`
	// Text is the sentence.
	Text string `json:"text"`
	// OffStory is set when the report is off-story.
	OffStory bool `json:"off_story,omitempty"`
}

// OffStory flags a report about a different event.
type OffStory struct {
	Doc int `json:"doc"`
	// Reason says why, for a reader.
	Reason string `json:"reason"`
	// Overlap is the report's content overlap with the rest of the story
	// (cosine of term vectors, 0..1).
	Overlap float64 `json:"overlap"`
}

// Options control Build. The zero value is the default.
type Options struct {
	// MaxDateGap is how far (in days) a report's date may be from the
	// story's date before it counts against the report; 0 means 7.
	MaxDateGap int
	// NoOffStory turns off-story detection off.
	NoOffStory bool
}

// Build makes the fact sheet of an analysed story. It never fails: parts
// it cannot establish are left empty.
func Build(st *analyse.Story, opt Options) *Sheet {
	s := &Sheet{sentFigures: map[int][]int{}, sentQuotes: map[int][]int{}, offStory: map[int]bool{}}
	if st == nil || len(st.Docs) == 0 {
		return s
	}
	if opt.MaxDateGap <= 0 {
		opt.MaxDateGap = 7
	}
	c := newCorpus(st)
	for d, doc := range st.Docs {
		s.outlets = append(s.outlets, doc.Article.Source)
		s.Reports = append(s.Reports, Report{Doc: d, Source: doc.Article.Source, Date: c.dates[d], DateFrom: c.dateFrom[d]})
	}
	if !opt.NoOffStory {
		s.OffStory = detectOffStory(c, opt)
		for _, o := range s.OffStory {
			s.offStory[o.Doc] = true
		}
	}
	s.Entities = buildEntities(c)
	s.Figures = buildFigures(c, s.offStory)
	for i, f := range s.Figures {
		for _, v := range f.Values {
			for _, cl := range v.Claims {
				s.sentFigures[cl.Sentence] = appendUnique(s.sentFigures[cl.Sentence], i)
			}
		}
	}
	s.Quotes = buildQuotes(c, s.Entities)
	for i, q := range s.Quotes {
		for _, cr := range q.Carriers {
			s.sentQuotes[cr.Sentence] = appendUnique(s.sentQuotes[cr.Sentence], i)
		}
	}
	s.Timeline = buildTimeline(c, s.offStory)
	return s
}

// IsOffStory reports whether report doc is about a different event.
func (s *Sheet) IsOffStory(doc int) bool { return s != nil && s.offStory[doc] }

// OffStoryDocs returns the off-story reports, ascending.
func (s *Sheet) OffStoryDocs() []int {
	if s == nil {
		return nil
	}
	out := make([]int, 0, len(s.OffStory))
	for _, o := range s.OffStory {
		out = append(out, o.Doc)
	}
	sort.Ints(out)
	return out
}

// FiguresIn returns the indices (into Figures) of the figures that
// sentence states.
func (s *Sheet) FiguresIn(sentence int) []int {
	if s == nil {
		return nil
	}
	return s.sentFigures[sentence]
}

// DisputedIn returns the disputed figures that sentence states.
func (s *Sheet) DisputedIn(sentence int) []Figure {
	var out []Figure
	for _, i := range s.FiguresIn(sentence) {
		if s.Figures[i].Status == StatusDisputed {
			out = append(out, s.Figures[i])
		}
	}
	return out
}

// NoteFor returns the note a brief puts after a sentence that states a
// disputed figure, e.g. "Reports differ on civilians trapped: 200,000
// (sources 1, 3) and 275,000 (source 1)." Source numbers are document
// indices plus one. It returns "" when the sentence states no disputed
// figure.
func (s *Sheet) NoteFor(sentence int) string {
	var parts []string
	for _, f := range s.DisputedIn(sentence) {
		var vals []string
		for _, v := range f.Values {
			nums := make([]string, len(v.Docs))
			for i, d := range v.Docs {
				nums[i] = fmt.Sprint(d + 1)
			}
			word := "source"
			if len(nums) > 1 {
				word = "sources"
			}
			vals = append(vals, fmt.Sprintf("%s (%s %s)", v.Text, word, strings.Join(nums, ", ")))
		}
		parts = append(parts, fmt.Sprintf("Reports differ on %s: %s, %s by different counts.", f.What, joinAnd(vals), f.Range()))
	}
	return strings.Join(parts, " ")
}

// Confirmations returns how many reports confirm the best-backed fact
// that sentence states: a figure every report gives alike, or a quote
// carried by several reports. It returns 0 when the sentence states no
// such fact. A selector may prefer sentences with higher counts.
func (s *Sheet) Confirmations(sentence int) int {
	if s == nil {
		return 0
	}
	best := 0
	for _, i := range s.sentFigures[sentence] {
		if f := s.Figures[i]; f.Status == StatusConfirmed && f.Sources > best {
			best = f.Sources
		}
	}
	for _, i := range s.sentQuotes[sentence] {
		if n := len(s.Quotes[i].Carriers); n > 1 && n > best {
			best = n
		}
	}
	return best
}

// QuoteOrigin returns the origin report of the quote sentence carries,
// and false when the sentence carries no quote with a known origin.
func (s *Sheet) QuoteOrigin(sentence int) (doc int, ok bool) {
	if s == nil {
		return -1, false
	}
	for _, i := range s.sentQuotes[sentence] {
		if q := s.Quotes[i]; q.Origin >= 0 {
			return q.Origin, true
		}
	}
	return -1, false
}

// QuotesIn returns the indices (into Quotes) of the quotes sentence
// carries.
func (s *Sheet) QuotesIn(sentence int) []int {
	if s == nil {
		return nil
	}
	return s.sentQuotes[sentence]
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func appendUnique(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// corpus is the story prepared once for every part of the sheet.
type corpus struct {
	st       *analyse.Story
	terms    [][]string // per sentence: lowercase content terms
	tids     [][]int32  // per sentence: terms as ids into vocab
	vocab    []string   // id -> term
	numTerm  []int8     // per term id: 0 not yet known, 1 a number, 2 not a number
	docText  []string   // per doc: sentences joined by "\n"
	docOff   [][]int    // per doc: start offset in docText of each sentence
	dates    []time.Time
	dateFrom []string
	toks     [][]dtok // per sentence: dateTokens of its text, filled on first use
	digit    []bool   // per sentence: whether its text holds a digit
	figToks  []figTok // scratch space of extractClaims
	// scratchToks is scratch space for the tokens of speakerIn and
	// attributed, which keep no token.
	scratchToks []dtok
}

func newCorpus(st *analyse.Story) *corpus {
	c := &corpus{st: st, terms: make([][]string, len(st.Sentences)), tids: make([][]int32, len(st.Sentences)),
		toks: make([][]dtok, len(st.Sentences))}
	an := text.English()
	// Term ids: the story's own where they match its terms, else local ones.
	c.vocab = st.Vocab
	var local map[string]int32
	localID := func(t string) int32 {
		if local == nil {
			local = make(map[string]int32, len(c.vocab))
			for id, v := range c.vocab {
				if _, ok := local[v]; !ok {
					local[v] = int32(id)
				}
			}
		}
		id, ok := local[t]
		if !ok {
			id = int32(len(c.vocab))
			local[t] = id
			c.vocab = append(c.vocab[:len(c.vocab):len(c.vocab)], t)
		}
		return id
	}
	for i, sn := range st.Sentences {
		if len(sn.Terms) > 0 {
			c.terms[i] = sn.Terms
		} else {
			c.terms[i] = an.Terms(sn.Text)
		}
		ts := c.terms[i]
		if len(sn.Terms) > 0 && len(sn.IDs) == len(ts) && idsMatch(sn.IDs, ts, st.Vocab) {
			c.tids[i] = sn.IDs
			continue
		}
		ids := make([]int32, len(ts))
		for k, t := range ts {
			ids[k] = localID(t)
		}
		c.tids[i] = ids
	}
	c.numTerm = make([]int8, len(c.vocab))
	c.digit = make([]bool, len(st.Sentences))
	for i := range st.Sentences {
		c.digit[i] = hasDigit(st.Sentences[i].Text)
	}
	for _, d := range st.Docs {
		var b strings.Builder
		size := 0
		for i := d.First; i < d.End && i < len(st.Sentences); i++ {
			size += len(st.Sentences[i].Text) + 1
		}
		b.Grow(size)
		offs := make([]int, 0, max(d.End-d.First, 0))
		for i := d.First; i < d.End && i < len(st.Sentences); i++ {
			if i > d.First {
				b.WriteByte('\n')
			}
			offs = append(offs, b.Len())
			b.WriteString(st.Sentences[i].Text)
		}
		c.docText = append(c.docText, b.String())
		c.docOff = append(c.docOff, offs)
		dt, from := reportDate(c, d)
		c.dates = append(c.dates, dt)
		c.dateFrom = append(c.dateFrom, from)
	}
	return c
}

// idsMatch reports whether ids are the terms ts in vocab.
func idsMatch(ids []int32, ts []string, vocab []string) bool {
	for k, id := range ids {
		if id < 0 || int(id) >= len(vocab) || vocab[id] != ts[k] {
			return false
		}
	}
	return true
}

// isNumberTerm reports whether term id is a number (numberWord).
func (c *corpus) isNumberTerm(id int32) bool {
	switch c.numTerm[id] {
	case 1:
		return true
	case 2:
		return false
	}
	_, ok := numberWord(c.vocab[id])
	c.numTerm[id] = 2
	if ok {
		c.numTerm[id] = 1
	}
	return ok
}

// tokens returns the dateTokens of sentence i, computed once.
func (c *corpus) tokens(i int) []dtok {
	if c.toks[i] == nil {
		c.toks[i] = dateTokens(c.st.Sentences[i].Text)
	}
	return c.toks[i]
}

// sentenceAt maps a byte offset of docText[d] to a story sentence index.
func (c *corpus) sentenceAt(d, off int) int {
	offs := c.docOff[d]
	k := sort.Search(len(offs), func(i int) bool { return offs[i] > off }) - 1
	if k < 0 {
		k = 0
	}
	return c.st.Docs[d].First + k
}
