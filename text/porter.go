package text

// Porter stemming.
//
// Chorus carries its own Porter (1980) stemmer rather than a library:
// github.com/kljensen/snowball/english is Porter2, a different algorithm
// whose stems do not match the Porter stems that ROUGE-1.5.5 uses (-m), and
// the one Porter module on the Go proxy (blevesearch/go-porterstemmer)
// works on rune slices and allocates for every word. This one follows
// Martin Porter's reference implementation (the tartarus.org C and Perl
// versions: "bli"→"ble", "logi"→"log", a word-initial "y" is a consonant),
// works on bytes, and allocates only when the stem is not a prefix of the
// word. StemROUGE adds the one change ROUGE-1.5.5 makes to step 4; it is
// checked against every Porter stem in ROUGE's own test vectors.

// Stem returns the Porter stem of a lowercase word: "relational" →
// "relat", "ponies" → "poni", "caresses" → "caress". Words of one or two
// letters and words with bytes other than a-z and 0-9 (capitals, accents,
// hyphens) are returned unchanged.
func Stem(w string) string {
	return porter(w, false)
}

// StemROUGE returns the stem that ROUGE-1.5.5's Porter routine gives a
// lowercase word: Stem, except that step 4 removes up to three suffixes
// in a row ("governmental" → "govern", "agreement" → "agreem"). ROUGE also
// looks words up in a WordNet exception list first and leaves tokens of
// three characters or fewer alone; neither is done here.
func StemROUGE(w string) string {
	return porter(w, true)
}

// stemmer holds a word being stemmed: b[:k+1] is the current word, j marks
// the end of the stem in suffix tests, as in Porter's reference code.
type stemmer struct {
	b    [maxStemLen + 4]byte
	k, j int
}

// maxStemLen is the longest word stemmed; longer ones (no English word
// is) are returned unchanged.
const maxStemLen = 60

func porter(w string, rouge bool) string {
	if len(w) <= 2 || len(w) > maxStemLen {
		return w
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return w
		}
	}
	var z stemmer
	copy(z.b[:], w)
	z.stem(len(w), rouge)
	out := z.b[:z.k+1]
	if len(out) <= len(w) && string(out) == w[:len(out)] {
		return w[:len(out)]
	}
	return string(out)
}

// stem stems the word b[:n] in place; b[:k+1] is then the stem.
func (z *stemmer) stem(n int, rouge bool) {
	z.k = n - 1
	z.step1ab()
	if z.k > 0 {
		z.step1c()
		z.step2()
		z.step3()
		if rouge {
			z.step4ROUGE()
		} else {
			z.step4()
		}
		z.step5()
	}
}

// cons reports whether b[i] is a consonant.
func (z *stemmer) cons(i int) bool {
	switch z.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		if i == 0 {
			return true
		}
		return !z.cons(i - 1)
	}
	return true
}

// m measures the number of consonant sequences in b[0:j+1]: [C](VC)^m[V].
func (z *stemmer) m() int {
	n, i := 0, 0
	for {
		if i > z.j {
			return n
		}
		if !z.cons(i) {
			break
		}
		i++
	}
	i++
	for {
		for {
			if i > z.j {
				return n
			}
			if z.cons(i) {
				break
			}
			i++
		}
		i++
		n++
		for {
			if i > z.j {
				return n
			}
			if !z.cons(i) {
				break
			}
			i++
		}
		i++
	}
}

// vowelInStem reports whether b[0:j+1] holds a vowel.
func (z *stemmer) vowelInStem() bool {
	for i := 0; i <= z.j; i++ {
		if !z.cons(i) {
			return true
		}
	}
	return false
}

// doublec reports whether b[j-1:j+1] is a double consonant.
func (z *stemmer) doublec(j int) bool {
	if j < 1 || z.b[j] != z.b[j-1] {
		return false
	}
	return z.cons(j)
}

// cvc reports whether b[i-2:i+1] is consonant-vowel-consonant and the last
// consonant is not w, x or y: "hop", not "snow".
func (z *stemmer) cvc(i int) bool {
	if i < 2 || !z.cons(i) || z.cons(i-1) || !z.cons(i-2) {
		return false
	}
	switch z.b[i] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

// ends reports whether b[0:k+1] ends with s, and sets j to the end of the
// stem before it.
func (z *stemmer) ends(s string) bool {
	n := len(s)
	if n > z.k+1 || s[n-1] != z.b[z.k] {
		return false
	}
	if string(z.b[z.k-n+1:z.k+1]) != s {
		return false
	}
	z.j = z.k - n
	return true
}

// setto replaces b[j+1:k+1] by s.
func (z *stemmer) setto(s string) {
	copy(z.b[z.j+1:], s)
	z.k = z.j + len(s)
}

// r replaces the suffix by s when the stem's measure is positive.
func (z *stemmer) r(s string) {
	if z.m() > 0 {
		z.setto(s)
	}
}

// step1ab removes plurals and -ed or -ing.
func (z *stemmer) step1ab() {
	if z.b[z.k] == 's' {
		switch {
		case z.ends("sses"):
			z.k -= 2
		case z.ends("ies"):
			z.setto("i")
		case z.b[z.k-1] != 's':
			z.k--
		}
	}
	if z.ends("eed") {
		if z.m() > 0 {
			z.k--
		}
	} else if (z.ends("ed") || z.ends("ing")) && z.vowelInStem() {
		z.k = z.j
		switch {
		case z.ends("at"):
			z.setto("ate")
		case z.ends("bl"):
			z.setto("ble")
		case z.ends("iz"):
			z.setto("ize")
		case z.doublec(z.k):
			z.k--
			switch z.b[z.k] {
			case 'l', 's', 'z':
				z.k++
			}
		default:
			z.j = z.k
			if z.m() == 1 && z.cvc(z.k) {
				z.setto("e")
			}
		}
	}
}

// step1c turns a final y into i when there is another vowel in the stem.
func (z *stemmer) step1c() {
	if z.ends("y") && z.vowelInStem() {
		z.b[z.k] = 'i'
	}
}

// suffixRule maps a suffix to its replacement.
type suffixRule struct{ from, to string }

// step2Rules and step3Rules are grouped by the penultimate (step 2) or
// last (step 3) letter of the suffix, as in the reference code.
var step2Rules = [256][]suffixRule{
	'a': {{"ational", "ate"}, {"tional", "tion"}},
	'c': {{"enci", "ence"}, {"anci", "ance"}},
	'e': {{"izer", "ize"}},
	'l': {{"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}},
	'o': {{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}},
	's': {{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}},
	't': {{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}},
	'g': {{"logi", "log"}},
}

var step3Rules = [256][]suffixRule{
	'e': {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}},
	'i': {{"iciti", "ic"}},
	'l': {{"ical", "ic"}, {"ful", ""}},
	's': {{"ness", ""}},
}

// step2 maps double suffixes to single ones: -ization → -ize.
func (z *stemmer) step2() {
	if z.k < 1 {
		return
	}
	for _, r := range step2Rules[z.b[z.k-1]] {
		if z.ends(r.from) {
			z.r(r.to)
			return
		}
	}
}

// step3 deals with -ic-, -full, -ness and the like.
func (z *stemmer) step3() {
	for _, r := range step3Rules[z.b[z.k]] {
		if z.ends(r.from) {
			z.r(r.to)
			return
		}
	}
}

// step4Suffixes are grouped by the penultimate letter of the suffix.
var step4Suffixes = [256][]string{
	'a': {"al"},
	'c': {"ance", "ence"},
	'e': {"er"},
	'i': {"ic"},
	'l': {"able", "ible"},
	'n': {"ant", "ement", "ment", "ent"},
	'o': {"ion", "ou"},
	's': {"ism"},
	't': {"ate", "iti"},
	'u': {"ous"},
	'v': {"ive"},
	'z': {"ize"},
}

// step4 takes off -ant, -ence and the like when the measure exceeds 1.
func (z *stemmer) step4() {
	if z.k < 1 {
		return
	}
	found := false
	for _, suf := range step4Suffixes[z.b[z.k-1]] {
		if z.ends(suf) {
			if suf == "ion" && !(z.j >= 0 && (z.b[z.j] == 's' || z.b[z.j] == 't')) {
				return
			}
			found = true
			break
		}
	}
	if found && z.m() > 1 {
		z.k = z.j
	}
}

// step4ROUGESuffixes are the suffixes of ROUGE's first step-4 test, longest
// first so that the longest match wins.
var step4ROUGESuffixes = []string{
	"ement", "ance", "ence", "able", "ible", "ant", "ism", "ate", "iti", "ous",
	"ive", "ize", "al", "er", "ic", "ou",
}

// step4ROUGE is ROUGE-1.5.5's step 4: three tests in a row, each of which
// may remove a suffix when the measure of what is left exceeds 1.
func (z *stemmer) step4ROUGE() {
	for _, suf := range step4ROUGESuffixes {
		if z.ends(suf) {
			if z.m() > 1 {
				z.k = z.j
			}
			break
		}
	}
	if z.ends("ment") && z.m() > 1 {
		z.k = z.j
	}
	if z.ends("ent") {
		if z.m() > 1 {
			z.k = z.j
		}
	} else if z.ends("sion") || z.ends("tion") {
		z.j++ // the stem keeps its s or t
		if z.m() > 1 {
			z.k = z.j
		}
	}
}

// step5 removes a final -e and turns -ll into -l when the measure exceeds 1.
func (z *stemmer) step5() {
	z.j = z.k
	if z.b[z.k] == 'e' {
		a := z.m()
		if a > 1 || a == 1 && !z.cvc(z.k-1) {
			z.k--
		}
	}
	if z.b[z.k] == 'l' && z.doublec(z.k) {
		z.j = z.k
		if z.m() > 1 {
			z.k--
		}
	}
}
