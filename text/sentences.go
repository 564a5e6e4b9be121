package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence splitting.
//
// Chorus splits with its own rules rather than a library. Two candidates were
// measured on the Multi-News validation text (14 MB) and on the cases in
// sentences_test.go:
//
//   - github.com/neurosnap/sentences (Punkt, English model) splits about
//     11 MB/s (1.3 s for the validation set, over the whole 3-second
//     budget of a summarize run) and got 7 of 13 cases right: it splits
//     after "Brig." and "Col.", and misses the tokenized form ("said . but")
//     and "No. 5 Downing St. on Jan. 5. He".
//   - github.com/jdkato/prose/v2 got 11 of 13 right but needs about two
//     minutes for the validation set.
//
// Neither copes with the re-capitalised Multi-News text, where every word
// after ". " was given a capital ("the u.s. Military said"), so a capital
// after a period says little there; the rules below decide mostly from the
// word before the period. The splitter makes one pass over the bytes,
// allocates only the result, and uses no regular expressions.

// abbreviation classes (see abbrevs).
const (
	abTitle  = 1 + iota // never ends a sentence: "Mr.", "Brig.", "Sen."
	abNumber            // does not end before a number: "No. 5", "Jan. 5"
	abMonth             // month: not before a number, else ambiguous
	abAmbig             // may end a sentence: "Inc.", "Jr.", "St."
)

// abbrevs maps a lowercase abbreviation, without its final period, to its
// class. Multi-dotted forms ("u.s.", "a.m.") and single letters are
// recognised by their shape and need no entry.
var abbrevs = map[string]uint8{
	// titles and ranks
	"mr": abTitle, "mrs": abTitle, "ms": abTitle, "messrs": abTitle, "mmes": abTitle,
	"dr": abTitle, "drs": abTitle, "prof": abTitle, "profs": abTitle,
	"sen": abTitle, "sens": abTitle, "rep": abTitle, "reps": abTitle, "gov": abTitle,
	"govs": abTitle, "pres": abTitle, "supt": abTitle, "atty": abTitle, "amb": abTitle,
	"gen": abTitle, "gens": abTitle, "brig": abTitle, "col": abTitle, "lt": abTitle,
	"maj": abTitle, "capt": abTitle, "cpt": abTitle, "sgt": abTitle, "cpl": abTitle,
	"pvt": abTitle, "pfc": abTitle, "spc": abTitle, "adm": abTitle, "cmdr": abTitle,
	"cdr": abTitle, "cmdt": abTitle, "insp": abTitle, "det": abTitle, "supr": abTitle,
	"rev": abTitle, "revs": abTitle, "fr": abTitle, "msgr": abTitle, "hon": abTitle,
	"rt": abTitle, "sr": abAmbig, "jr": abAmbig, "mt": abTitle, "ft": abTitle,
	"pt": abAmbig, "vs": abTitle, "v": abTitle, "eg": abTitle, "ie": abTitle,
	"cf": abTitle, "viz": abTitle, "ca": abTitle, "approx": abTitle, "esp": abTitle,
	"dept": abAmbig, "univ": abAmbig, "assn": abAmbig, "assoc": abAmbig, "est": abAmbig,
	"gov't": abTitle, "sec": abNumber, "secs": abNumber,
	// before numbers
	"no": abNumber, "nos": abNumber, "art": abNumber, "vol": abNumber, "vols": abNumber,
	"p": abNumber, "pp": abNumber, "fig": abNumber, "figs": abNumber, "ch": abNumber,
	"op": abNumber, "nr": abNumber, "ed": abNumber, "eds": abNumber, "rm": abNumber,
	"ste": abNumber, "apt": abNumber, "tel": abNumber, "ext": abNumber, "para": abNumber,
	// months
	"jan": abMonth, "feb": abMonth, "mar": abMonth, "apr": abMonth, "jun": abMonth,
	"jul": abMonth, "aug": abMonth, "sep": abMonth, "sept": abMonth, "oct": abMonth,
	"nov": abMonth, "dec": abMonth,
	// may end a sentence
	"inc": abAmbig, "corp": abAmbig, "co": abAmbig, "cos": abAmbig, "ltd": abAmbig,
	"llc": abAmbig, "plc": abAmbig, "bros": abAmbig, "st": abAmbig, "ave": abAmbig,
	"blvd": abAmbig, "rd": abAmbig, "hwy": abAmbig, "etc": abAmbig, "al": abAmbig,
	"mon": abAmbig, "tue": abAmbig, "tues": abAmbig, "wed": abAmbig, "thu": abAmbig,
	"thur": abAmbig, "thurs": abAmbig, "fri": abAmbig, "sat": abAmbig, "sun": abAmbig,
	// US states as news datelines write them ("Tampa, Fla."); those that are
	// also common words ("Ill.", "Mass.", "Wash.") are left out
	"ala": abAmbig, "ariz": abAmbig, "ark": abAmbig, "calif": abAmbig, "colo": abAmbig,
	"conn": abAmbig, "fla": abAmbig, "ga": abAmbig, "kan": abAmbig, "kans": abAmbig,
	"ky": abAmbig, "la": abAmbig, "md": abAmbig, "mich": abAmbig, "minn": abAmbig,
	"miss": abAmbig, "mont": abAmbig, "neb": abAmbig, "nev": abAmbig, "okla": abAmbig,
	"penn": abAmbig, "tenn": abAmbig, "tex": abAmbig, "va": abAmbig, "vt": abAmbig,
	"wis": abAmbig, "wyo": abAmbig, "ind": abAmbig, "del": abAmbig, "mo": abAmbig,
}

// starters are words that begin a sentence so often that, after an
// abbreviation that may or may not end one ("in the U.S. The ..."), they
// decide for a break.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "this": true, "these": true,
	"those": true, "but": true, "however": true, "there": true, "then": true,
	"meanwhile": true, "yet": true, "still": true, "instead": true,
	"although": true, "though": true, "my": true, "what": true, "why": true,
	"how": true,
}

// Sentences splits s into sentences and returns their spans, in order,
// with surrounding blanks excluded. A sentence never crosses a line break
// ("\n" or "\r"). Pieces that hold no letter or digit (a lone quote mark, a
// rule of dashes) are left out.
//
// It handles abbreviations ("U.S.", "Brig. Gen.", "a.m."), initials
// ("John F. Kennedy"), numbers ("8.2", "No. 5"), ellipses, closing quotes
// and brackets after the final stop (kept with their sentence), and the
// lowercased, tokenized form of news datasets ("the u.s. military said .
// but ...", "\" we will win , \" he said .").
func Sentences(s string) []Span {
	return AppendSentences(nil, s)
}

// AppendSentences appends the sentence spans of s to dst and returns the
// extended slice, like Sentences. It lets callers reuse one buffer.
func AppendSentences(dst []Span, s string) []Span {
	// The lines are found with IndexByte rather than byte by byte: a line
	// ends at the first '\n' or '\r', and cr is the first '\r' at or after
	// the line's start (−1 for none), looked for again only once passed.
	cr := strings.IndexByte(s, '\r')
	start := 0
	for start <= len(s) {
		end := len(s)
		if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
			end = start + k
		}
		if cr >= 0 && cr < start {
			if cr = strings.IndexByte(s[start:], '\r'); cr >= 0 {
				cr += start
			}
		}
		if cr >= 0 && cr < end {
			end = cr
		}
		dst = splitLine(dst, s, start, end)
		start = end + 1
	}
	return dst
}

// splitByte marks the bytes that splitLine's switch acts on: quotes, stops
// and the first byte of "…". Every other byte falls to its default case,
// so skipping it on one table lookup changes nothing.
var splitByte = [256]bool{'"': true, '\'': true, '.': true, '!': true, '?': true, 0xE2: true}

// splitLine appends the sentences of s[lo:hi], a text with no line break.
func splitLine(dst []Span, s string, lo, hi int) []Span {
	start := lo
	dq := 0 // straight double quotes seen so far on the line
	sq := 0 // standalone straight single quotes seen so far on the line
	for i := lo; i < hi; i++ {
		c := s[i]
		if !splitByte[c] {
			continue
		}
		switch {
		case c == '"':
			dq++
			continue
		case c == '\'':
			if isStandaloneSingle(s, lo, hi, i) {
				sq++
			}
			continue
		case c == '.' || c == '!' || c == '?':
		case c == 0xE2 && i+2 < hi && s[i+1] == 0x80 && s[i+2] == 0xA6: // …
		default:
			continue
		}
		end, next, ok := boundary(s, start, hi, i, dq, sq)
		if ok {
			dst = emit(dst, s, start, end)
			start = next
		}
		if next > i+1 {
			// Skip what boundary consumed (the rest of a run of stops,
			// closing quotes), counting the quotes it passed over.
			for k := i + 1; k < next && k < hi; k++ {
				switch s[k] {
				case '"':
					dq++
				case '\'':
					if isStandaloneSingle(s, lo, hi, k) {
						sq++
					}
				}
			}
			i = next - 1
		}
	}
	return emit(dst, s, start, hi)
}

// emit appends s[start:end] trimmed of blanks, if it holds a letter or digit.
func emit(dst []Span, s string, start, end int) []Span {
	for start < end {
		if s[start] == ' ' || s[start] == '\t' || s[start] == '\v' || s[start] == '\f' {
			start++
		} else if s[start] == 0xC2 && start+1 < end && s[start+1] == 0xA0 {
			start += 2
		} else {
			break
		}
	}
	for end > start {
		if c := s[end-1]; c == ' ' || c == '\t' || c == '\v' || c == '\f' {
			end--
		} else if c == 0xA0 && end-2 >= start && s[end-2] == 0xC2 {
			end -= 2
		} else {
			break
		}
	}
	if end <= start {
		return dst
	}
	for i := start; i < end; i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' {
			return append(dst, Span{start, end})
		}
		if c >= 0x80 {
			r, _ := utf8.DecodeRuneInString(s[i:end])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return append(dst, Span{start, end})
			}
		}
	}
	return dst
}

// blankAt reports the width of a blank (space, tab, no-break space) at
// s[i], or 0.
func blankAt(s string, i, hi int) int {
	if i >= hi {
		return 0
	}
	switch s[i] {
	case ' ', '\t', '\v', '\f':
		return 1
	case 0xC2:
		if i+1 < hi && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

// skipBlanks returns the first index at or after i that is not a blank.
func skipBlanks(s string, i, hi int) int {
	for {
		w := blankAt(s, i, hi)
		if w == 0 {
			return i
		}
		i += w
	}
}

// isStandaloneSingle reports whether the ' at s[i] stands alone as a quote
// mark (blank or line edge on both sides, as in tokenized text "' pulp '"),
// and is not the apostrophe of a split contraction ("we ' ll").
func isStandaloneSingle(s string, lo, hi, i int) bool {
	if i > lo && s[i-1] != ' ' && s[i-1] != '\t' {
		return false
	}
	if i+1 < hi && s[i+1] != ' ' && s[i+1] != '\t' {
		return false
	}
	j := skipBlanks(s, i+1, hi)
	k := j
	for k < hi && k-j < 3 && s[k] >= 'a' && s[k] <= 'z' {
		k++
	}
	if k == hi || blankAt(s, k, hi) > 0 || s[k] == ',' || s[k] == '.' {
		switch s[j:k] {
		case "s", "t", "ll", "re", "ve", "d", "m":
			return false
		}
	}
	return true
}

// closingQuoteAt returns the width of a closing quote or bracket at s[i],
// given the quote state before it (dq straight double quotes and sq
// standalone single quotes seen on the line), or 0.
func closingQuoteAt(s string, lo, hi, i, dq, sq int, attached bool) int {
	if i >= hi {
		return 0
	}
	switch s[i] {
	case '"':
		if attached || dq%2 == 1 {
			return 1
		}
	case '\'':
		if attached || (sq%2 == 1 && isStandaloneSingle(s, lo, hi, i)) {
			return 1
		}
	case ')', ']':
		if attached {
			return 1
		}
	case 0xE2: // ” ’ »
		if i+2 < hi && s[i+1] == 0x80 && (s[i+2] == 0x9D || s[i+2] == 0x99) {
			return 3
		}
	case 0xC2:
		if i+1 < hi && s[i+1] == 0xBB {
			return 2
		}
	}
	return 0
}

// boundary decides whether the stop at s[i] ends a sentence. It returns the
// end of the sentence (after the stops and closing quotes), where scanning
// resumes, and whether it is a break.
func boundary(s string, start, hi, i, dq, sq int) (end, next int, ok bool) {
	lo := start
	// The run of stops: ".", "!", "?", "…", and spaced ellipses ". . .".
	j := i
	dots, marks := 0, 0 // marks: ! and ?
	ellipsis := false
	for j < hi {
		switch {
		case s[j] == '.':
			dots++
			j++
		case s[j] == '!' || s[j] == '?':
			marks++
			j++
		case s[j] == 0xE2 && j+2 < hi && s[j+1] == 0x80 && s[j+2] == 0xA6:
			ellipsis = true
			j += 3
		case s[j] == ' ' && j+1 < hi && s[j+1] == '.' && dots > 0 && marks == 0 &&
			(j+2 == hi || s[j+2] == ' ' || s[j+2] == '.'):
			// ". . ." written with spaces
			dots++
			j += 2
			if dots >= 2 {
				ellipsis = true
			}
		default:
			goto run
		}
	}
run:
	if dots >= 3 {
		ellipsis = true
	}
	// Closing quotes and brackets attached to the stops: .” ." .) .'"
	end = j
	for {
		w := closingQuoteAt(s, lo, hi, end, dq, sq, true)
		if w == 0 {
			break
		}
		if s[end] == '"' {
			dq++
		}
		end += w
	}
	if end < hi && blankAt(s, end, hi) == 0 {
		// Glued to what follows: "8.2", "U.S", "example.com", "?!x".
		return end, j, false
	}
	// A spaced closing quote (tokenized text): day . " he said
	quoted := end > j
	k := skipBlanks(s, end, hi)
	if w := closingQuoteAt(s, lo, hi, k, dq, sq, false); w > 0 && (k+w == hi || blankAt(s, k+w, hi) > 0) {
		end = k + w
		quoted = true
		k = skipBlanks(s, end, hi)
	}
	if k >= hi {
		return end, hi, true
	}

	// The next word, past opening quotes and brackets.
	n := k
	for n < hi && (s[n] == '"' || s[n] == '\'' || s[n] == '(' || s[n] == '[' || s[n] == '`') {
		n++
	}
	if n < hi && s[n] == 0xE2 && n+2 < hi && s[n+1] == 0x80 && (s[n+2] == 0x9C || s[n+2] == 0x98) {
		n += 3
	}
	nextKind := classify(s, n, hi)
	var nb [12]byte
	nw := nb[:lowerWord(nb[:], s, n, hi)]
	starter := len(nw) > 0 && starters[string(nw)]

	if ellipsis {
		// "the table … but Assad": an ellipsis before a lowercase word
		// marks words left out, not the end of a sentence.
		return end, end, starter && nextKind != kindLower
	}
	if marks > 0 {
		// "Help!" she cried. / Why? Nobody knows.
		if quoted && nextKind == kindLower {
			return end, end, false
		}
		if dots == 0 && (matchPrevWord(s, lo, i, "yahoo") || matchPrevWord(s, lo, i, "jeopardy")) {
			return end, end, starter
		}
		return end, end, true
	}
	if dots > 1 {
		return end, end, true
	}

	// A single period: decide from the word before it.
	ws := i
	for ws > lo && !isBlankBefore(s, lo, ws) {
		ws--
	}
	if ws == i {
		// A stop standing alone: tokenized text "said . but".
		return end, end, true
	}
	for ws < i && !isWordByte(s[ws]) {
		ws++ // opening quotes and brackets: ("Mr.
	}
	listMark := blankUpTo(s, start, ws) // the word is all the sentence has so far
	for k := ws; k < i; k++ {
		if s[k] == '/' {
			ws = k + 1 // "WNBC/Ch. 4"
		}
	}
	prev := s[ws:i]
	if listMark && len(prev) > 0 && len(prev) <= 3 && isDigits(prev) {
		// A list number: "2. For the first time ..."
		return end, end, false
	}
	var pb [12]byte
	class := uint8(0)
	if n := lowerWord(pb[:], s, ws, i); n > 0 && n == len(prev) {
		class = abbrevs[string(pb[:n])]
	}
	switch {
	case class == abTitle:
		return end, end, false
	case class == abNumber && nextKind == kindDigit:
		return end, end, false
	case class == abMonth && nextKind == kindDigit:
		return end, end, false
	case class == abMonth || class == abAmbig || isInitials(prev):
		// "in the U.S. The ...", "J.K. Rowling", "9 a.m. Tuesday".
		return end, end, quoted || starter
	case quoted || nextKind == kindOpen || len(prev) == 0:
		return end, end, true
	case nextKind == kindLower && isVowelless(prev):
		// A lowercase word after an unknown short word with no vowel is
		// most likely an abbreviation ("approx. five", "govt. officials").
		return end, end, false
	}
	return end, end, true
}

// blankUpTo reports whether s[from:to] is all blanks.
func blankUpTo(s string, from, to int) bool {
	for k := from; k < to; k++ {
		if s[k] != ' ' && s[k] != '\t' && s[k] != 0xC2 && s[k] != 0xA0 {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isBlankBefore reports whether the byte before s[i] ends a blank.
func isBlankBefore(s string, lo, i int) bool {
	c := s[i-1]
	if c == ' ' || c == '\t' || c == '\v' || c == '\f' {
		return true
	}
	return c == 0xA0 && i-2 >= lo && s[i-2] == 0xC2
}

// matchPrevWord reports whether the word that ends at s[i] is w, in any case.
func matchPrevWord(s string, lo, i int, w string) bool {
	if i-lo < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if s[i-len(w)+k]|0x20 != w[k] {
			return false
		}
	}
	return i-len(w) == lo || !isWordByte(s[i-len(w)-1])
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// next-word kinds
const (
	kindOther = iota // symbol, dash, end
	kindUpper
	kindLower
	kindDigit
	kindOpen // an opening bracket or quote starts the next sentence
)

// classify tells what kind of word starts at s[n].
func classify(s string, n, hi int) int {
	if n >= hi {
		return kindOther
	}
	c := s[n]
	switch {
	case c >= 'A' && c <= 'Z':
		return kindUpper
	case c >= 'a' && c <= 'z':
		return kindLower
	case c >= '0' && c <= '9', c == '$':
		return kindDigit
	case c == '(' || c == '[' || c == '"' || c == '\'':
		return kindOpen
	case c >= 0x80:
		r, _ := utf8.DecodeRuneInString(s[n:hi])
		switch {
		case unicode.IsUpper(r):
			return kindUpper
		case unicode.IsLower(r):
			return kindLower
		case unicode.IsDigit(r):
			return kindDigit
		case r == '“' || r == '‘' || r == '£' || r == '€':
			return kindOpen
		}
	}
	return kindOther
}

// lowerWord copies the ASCII word (letters, apostrophes and inner periods)
// at s[n:hi], lowercased, into buf and returns its length, without
// trailing periods and apostrophes. It returns 0 when the word does not fit
// in buf.
func lowerWord(buf []byte, s string, n, hi int) int {
	k := 0
	for n < hi {
		c := s[n]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if !(c >= 'a' && c <= 'z' || c == '\'' || c == '.') {
			break
		}
		if k == len(buf) {
			return 0
		}
		buf[k] = c
		k++
		n++
	}
	for k > 0 && (buf[k-1] == '.' || buf[k-1] == '\'') {
		k--
	}
	return k
}

// isInitials reports whether w (the word before a final period, without
// it) is a run of single letters joined by periods: "U.S", "a.m", "J.K",
// or a single letter "F".
func isInitials(w string) bool {
	if len(w) == 0 || len(w) > 12 {
		return false
	}
	for i := 0; i < len(w); i++ {
		isL := w[i]|0x20 >= 'a' && w[i]|0x20 <= 'z'
		if i%2 == 0 && !isL || i%2 == 1 && w[i] != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

// isVowelless reports whether w is a short ASCII word without vowels
// ("govt", "hwy", "mgr"): the shape of an abbreviation.
func isVowelless(w string) bool {
	if len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' {
			return false
		}
	}
	return true
}
