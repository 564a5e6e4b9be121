package article

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// exactLayouts are tried on the trimmed input as it is: the standard
// machine forms (RFC 3339, RFC 1123, ISO 8601 variants).
var exactLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
}

// wordLayouts are tried after normalisation (commas, ordinal suffixes,
// "at" and periods after month abbreviations removed, blanks collapsed):
// the forms news sites print ("December 8, 2016", "01 May, 2016",
// "Thursday 8 December 2016 14.30 GMT").
var wordLayouts = func() []string {
	dates := []string{
		"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006",
		"Monday January 2 2006", "Mon January 2 2006", "Monday Jan 2 2006", "Mon Jan 2 2006",
		"Monday 2 January 2006", "Mon 2 January 2006", "Monday 2 Jan 2006", "Mon 2 Jan 2006",
		"2006 January 2", "2006 Jan 2",
	}
	times := []string{
		"", " 15:04:05", " 15:04", " 3:04 PM", " 3:04PM", " 3:04 pm", " 3:04pm", " 3 PM", " 3PM", " 15.04",
	}
	zones := []string{"", " MST", " -0700", " -07:00", " Z07:00"}
	var out []string
	for _, d := range dates {
		for _, t := range times {
			if t == "" {
				out = append(out, d)
				continue
			}
			for _, z := range zones {
				out = append(out, d+t+z)
				out = append(out, t[1:]+z+" "+d) // "14:30 GMT 8 December 2016"
			}
		}
	}
	return out
}()

// numericLayouts are day-month or month-day forms with slashes or dots;
// month-first (US) forms are tried first.
var numericLayouts = []string{
	"1/2/2006", "1/2/2006 15:04", "1/2/2006 3:04 PM", "1/2/2006 15:04:05",
	"2.1.2006", "2.1.2006 15:04", "2-1-2006",
}

// ParseDate reads a publication date written in one of the common forms of
// news pages and feeds: RFC 3339 and other ISO 8601 forms ("2016-12-08",
// "2016-12-08T14:30:00Z"), RFC 1123 and RFC 822 ("Thu, 08 Dec 2016
// 14:30:00 GMT"), and words ("December 8, 2016", "Dec. 8th, 2016",
// "01 May, 2016", "Thursday 8 December 2016 14.30 GMT"), in any letter case.
// A leading "Published", "Updated", "Posted on" or similar label is
// ignored. Dates with no zone are in UTC. It reports false when s holds no
// date it recognises or the year is outside 1800–2200.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 || !utf8.ValidString(s) {
		return time.Time{}, false
	}
	for _, l := range exactLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t)
		}
	}
	n := normaliseDate(s)
	if n == "" {
		return time.Time{}, false
	}
	if n != s {
		for _, l := range exactLayouts {
			if t, err := time.Parse(l, n); err == nil {
				return plausible(t)
			}
		}
	}
	if !strings.ContainsFunc(n, unicode.IsLetter) {
		for _, l := range numericLayouts {
			if t, err := time.Parse(l, n); err == nil {
				return plausible(t)
			}
		}
		return time.Time{}, false
	}
	for _, l := range wordLayouts {
		if t, err := time.Parse(l, n); err == nil {
			return plausible(t)
		}
	}
	return time.Time{}, false
}

func plausible(t time.Time) (time.Time, bool) {
	if y := t.Year(); y < 1800 || y > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// dateLabels are words that introduce a date on a page.
var dateLabels = []string{
	"published on", "published", "updated on", "updated", "last updated", "posted on", "posted",
	"first published on", "first published", "date", "dated", "on",
}

// normaliseDate lowers the variety of human date forms: it drops a leading
// label, commas, "at", ordinal suffixes and periods after abbreviations,
// and collapses blanks.
func normaliseDate(s string) string {
	low := strings.ToLower(s)
	for _, l := range dateLabels {
		if strings.HasPrefix(low, l) {
			rest := s[len(l):]
			if rest == "" || strings.IndexFunc(rest[:1], unicode.IsLetter) == 0 {
				continue
			}
			s = strings.TrimLeft(rest, " :\t-–—")
			break
		}
	}
	s = strings.NewReplacer(",", " ", " at ", " ", " | ", " ", "\u00a0", " ").Replace(s)
	fields := strings.Fields(s)
	for i, f := range fields {
		f = strings.TrimSuffix(f, ".")
		if len(f) > 2 {
			if d := f[:len(f)-2]; isDigits(d) {
				switch strings.ToLower(f[len(f)-2:]) {
				case "st", "nd", "rd", "th":
					f = d
				}
			}
		}
		switch strings.ToLower(f) {
		case "sept":
			f = "Sep"
		case "a.m", "am":
			f = "AM"
		case "p.m", "pm":
			f = "PM"
		case "utc":
			f = "UTC"
		}
		fields[i] = f
	}
	// "3:04 PM" written "3:04PM" stays as it is; join a lone "AM"/"PM".
	return strings.Join(fields, " ")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
