package facts

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/chorus-brief/chorus/analyse"
)

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// monthNamesScreen screens monthNames.
var monthNamesScreen = screenOfKeys(monthNames)

// monthName is monthNames[w].
func monthName(w string) (time.Month, bool) {
	if !monthNamesScreen.has(w) {
		return 0, false
	}
	m, ok := monthNames[w]
	return m, ok
}

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// futureCues mark a sentence that speaks of what is to come, so that a
// bare weekday is the next one rather than the last one.
var futureCues = []string{" will ", " scheduled ", " set to ", " due to ", " next ", " expected to ", " plans to ", " is to ", " are to ", "'ll ", " prepares ", " prepare ", " upcoming ", " later this ", " would "}

// dtok is a word of a sentence with its byte span.
type dtok struct {
	w          string // lowercase, trailing punctuation removed
	raw        string
	start, end int
}

func dateTokens(s string) []dtok {
	return appendDateTokens(make([]dtok, 0, len(s)/5+1), s)
}

// appendDateTokens appends the dateTokens of s to dst.
func appendDateTokens(dst []dtok, s string) []dtok {
	out := dst
	i := 0
	for i < len(s) {
		for i < len(s) && dateSep[s[i]] {
			i++
		}
		j := i
		plain := true // plainLower(s[i:j])
		for j < len(s) && !dateSep[s[j]] {
			plain = plain && plainByte[s[j]]
			j++
		}
		if j > i {
			raw := s[i:j]
			w := raw
			if !plain {
				w = strings.ToLower(strings.TrimFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
			}
			out = append(out, dtok{w: w, raw: raw, start: i, end: j})
		}
		i = j
	}
	return out
}

// dateSep marks the bytes that separate dateTokens; plainByte the ASCII
// lowercase letters and digits.
var dateSep, plainByte = func() (sep, plain [256]bool) {
	sep[' '], sep['\t'], sep['\n'], sep['\r'] = true, true, true, true
	for c := range 256 {
		plain[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	return sep, plain
}()

// plainLower reports whether s is only ASCII lowercase letters and digits.
func plainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func atoiRange(w string, lo, hi int) (int, bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
	if len(w) == 0 || len(w) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

// dateMatch is an explicit calendar date found in text.
type dateMatch struct {
	year       int // 0 when the text gives none
	month      time.Month
	day        int // 0 when the text gives none
	start, end int // byte span in the text
}

// findDatesIn finds explicit dates: "December 8, 2016", "Dec. 8", "8 December
// 2016", "01 May, 2016", "2016-12-08", "May 2016".
// toks are the dateTokens of s.
func findDatesIn(s string, toks []dtok) []dateMatch {
	if !hasDigit(s) {
		return nil // every date form has a day or a year
	}
	var out []dateMatch
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if len(t.w) == 10 && t.w[4] == '-' && t.w[7] == '-' {
			if tm, err := time.Parse("2006-01-02", t.w); err == nil {
				out = append(out, dateMatch{tm.Year(), tm.Month(), tm.Day(), t.start, t.end})
				continue
			}
		}
		m, ok := monthName(t.w)
		if !ok {
			continue
		}
		// "may" and "march" are also common words: require a day or year
		// next to them and a capital letter.
		if t.raw[0] < 'A' || t.raw[0] > 'Z' {
			continue
		}
		dm := dateMatch{month: m, start: t.start, end: t.end}
		if i+1 < len(toks) {
			if d, ok := atoiRange(toks[i+1].w, 1, 31); ok && len(toks[i+1].w) <= 4 && !strings.Contains(toks[i+1].raw, ":") {
				dm.day, dm.end = d, toks[i+1].end
				if i+2 < len(toks) {
					if y, ok := atoiRange(toks[i+2].w, 1900, 2100); ok {
						dm.year, dm.end = y, toks[i+2].end
					}
				}
			} else if y, ok := atoiRange(toks[i+1].w, 1900, 2100); ok {
				dm.year, dm.end = y, toks[i+1].end
			}
		}
		if dm.day == 0 && i > 0 {
			if d, ok := atoiRange(toks[i-1].w, 1, 31); ok {
				dm.day, dm.start = d, toks[i-1].start
				if dm.year == 0 && i+1 < len(toks) {
					if y, ok := atoiRange(toks[i+1].w, 1900, 2100); ok {
						dm.year, dm.end = y, toks[i+1].end
					}
				}
			}
		}
		if dm.day == 0 && dm.year == 0 {
			continue
		}
		out = append(out, dm)
	}
	return out
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// relativeHints are the substrings every relative time expression holds.
var relativeHints = []string{"day", "week", "month", "tonight", "ago", "Day", "Week", "Month", "Tonight"}

// reportDate returns the report's date: from its metadata, else the first
// full date (day, month and year) in its first sentences.
func reportDate(c *corpus, d analyse.Doc) (time.Time, string) {
	sents := c.st.Sentences
	if !d.Article.Date.IsZero() {
		t := d.Article.Date
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), "metadata"
	}
	for i := d.First; i < d.End && i < d.First+12 && i < len(sents); i++ {
		if !c.digit[i] {
			continue
		}
		for _, m := range findDatesIn(sents[i].Text, c.tokens(i)) {
			if m.year != 0 && m.day != 0 {
				return time.Date(m.year, m.month, m.day, 0, 0, 0, 0, time.UTC), "text"
			}
		}
	}
	return time.Time{}, ""
}

// relExpr is a resolved time expression in a sentence.
type relExpr struct {
	date      time.Time
	precision string
	expr      string
}

// resolveExpressions finds the time expressions of sentence s and resolves
// them against the report date ref (zero: only full explicit dates
// resolve).
func resolveExpressions(c *corpus, i int, ref time.Time) []relExpr {
	s := c.st.Sentences[i].Text
	var out []relExpr
	var dates []dateMatch
	if c.digit[i] {
		dates = findDatesIn(s, c.tokens(i))
	}
	for _, m := range dates {
		y := m.year
		if y == 0 {
			if ref.IsZero() {
				continue
			}
			y = ref.Year()
			// "December 30" in a January report is last year's.
			if m.month > ref.Month()+1 {
				y--
			}
		}
		if m.day == 0 {
			out = append(out, relExpr{time.Date(y, m.month, 1, 0, 0, 0, 0, time.UTC), "month", s[m.start:m.end]})
			continue
		}
		out = append(out, relExpr{time.Date(y, m.month, m.day, 0, 0, 0, 0, time.UTC), "day", s[m.start:m.end]})
	}
	if ref.IsZero() {
		return out
	}
	hinted := false
	for _, h := range relativeHints {
		if strings.Contains(s, h) {
			hinted = true
			break
		}
	}
	if !hinted {
		return out
	}
	low := " " + strings.ToLower(s) + " "
	future := false
	for _, cue := range futureCues {
		if strings.Contains(low, cue) {
			future = true
			break
		}
	}
	toks := c.tokens(i)
	for i, t := range toks {
		prev := ""
		if i > 0 {
			prev = toks[i-1].w
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].w
		}
		if wd, ok := weekdayNames[t.w]; ok {
			// A weekday followed by a date is already counted as a date.
			if _, isMonth := monthName(next); isMonth {
				continue
			}
			if _, isDay := atoiRange(next, 1, 31); isDay {
				continue
			}
			var dt time.Time
			switch {
			case prev == "next" || (future && prev != "last"):
				diff := (int(wd) - int(ref.Weekday()) + 7) % 7
				dt = ref.AddDate(0, 0, diff)
			default:
				diff := (int(ref.Weekday()) - int(wd) + 7) % 7
				if prev == "last" && diff == 0 {
					diff = 7
				}
				dt = ref.AddDate(0, 0, -diff)
			}
			expr := t.raw
			if prev == "on" || prev == "last" || prev == "next" || prev == "late" || prev == "early" || prev == "later" || prev == "earlier" {
				expr = toks[i-1].raw + " " + expr
			}
			out = append(out, relExpr{dt, "day", strings.TrimRight(expr, ".,;:")})
			continue
		}
		switch t.w {
		case "today", "tonight":
			out = append(out, relExpr{ref, "day", t.w})
		case "yesterday":
			out = append(out, relExpr{ref.AddDate(0, 0, -1), "day", t.w})
		case "tomorrow":
			out = append(out, relExpr{ref.AddDate(0, 0, 1), "day", t.w})
		case "week", "month":
			if prev != "last" && prev != "next" && prev != "this" {
				continue
			}
			// "this week" in a future sentence is still this week.
			sign := map[string]int{"last": -1, "next": 1, "this": 0}[prev]
			if t.w == "week" {
				mon := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
				out = append(out, relExpr{mon.AddDate(0, 0, 7*sign), "week", prev + " " + t.w})
			} else {
				first := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
				out = append(out, relExpr{first.AddDate(0, sign, 0), "month", prev + " " + t.w})
			}
		case "ago":
			if i >= 2 {
				if n, ok := numberWord(toks[i-2].w); ok && n > 0 && n < 400 {
					switch toks[i-1].w {
					case "day", "days":
						out = append(out, relExpr{ref.AddDate(0, 0, -int(n)), "day", toks[i-2].raw + " " + toks[i-1].raw + " ago"})
					case "week", "weeks":
						out = append(out, relExpr{ref.AddDate(0, 0, -7*int(n)), "week", toks[i-2].raw + " " + toks[i-1].raw + " ago"})
					}
				}
			}
		}
	}
	return out
}

// buildTimeline dates the sentences of every report and orders them.
func buildTimeline(c *corpus, off map[int]bool) []Event {
	var out []Event
	for d, doc := range c.st.Docs {
		ref := c.dates[d]
		for i := doc.First; i < doc.End && i < len(c.st.Sentences); i++ {
			sn := c.st.Sentences[i]
			// A dateline ("December 8, 2016") is the report's date, not an event.
			if sn.Words <= 6 {
				continue
			}
			seen := map[time.Time]bool{}
			for _, e := range resolveExpressions(c, i, ref) {
				if seen[e.date] {
					continue
				}
				seen[e.date] = true
				out = append(out, Event{Date: e.date, Precision: e.precision, Expression: e.expr, Doc: d, Sentence: i, Text: sn.Text, OffStory: off[d]})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if !out[a].Date.Equal(out[b].Date) {
			return out[a].Date.Before(out[b].Date)
		}
		if out[a].Doc != out[b].Doc {
			return out[a].Doc < out[b].Doc
		}
		return out[a].Sentence < out[b].Sentence
	})
	return out
}
