package rouge

// This file is ROUGE-1.5.5's stemmer: a WordNet 2.0 exception lookup, then
// Martin Porter's own Perl implementation of his 1980 algorithm with
// Chin-Yew Lin's change to step 4. The measure tests below are exact
// equivalents of that implementation's regular expressions:
//
//	c = [^aeiou]   v = [aeiouy]   C = c[^aeiouy]*   V = v[aeiou]*
//	m>0: ^(C)?VC   m=1: ^(C)?VC(V)?$   m>1: ^(C)?VCVC   vowel: ^(C)?v
//	short: ^Cv[^aeiouwxy]$
//
// An initial y is upper-cased first, so it counts as a consonant.

// Stem returns the stem ROUGE-1.5.5 uses with -m for a token (lowercase
// ASCII letters and digits): tokens of 3 bytes or fewer are unchanged, a
// word of the WordNet exception list becomes its base form, and any other
// word goes through ROUGE's Porter stemmer.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	if s, ok := exceptions()[w]; ok {
		return s
	}
	return porter(w)
}

func isAEIOU(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

func isAEIOUY(b byte) bool { return isAEIOU(b) || b == 'y' }

// measure returns Porter's m for s: the number of VC pairs in the
// decomposition [C](VC)^m[V].
func measure(s []byte) int {
	n := len(s)
	if n == 0 {
		return 0
	}
	i := 0
	if !isAEIOU(s[0]) {
		i++
		for i < n && !isAEIOUY(s[i]) {
			i++
		}
	}
	m := 0
	for i < n {
		i++ // start of a vowel run
		for i < n && isAEIOU(s[i]) {
			i++
		}
		if i >= n {
			break
		}
		m++
		i++ // start of a consonant run
		for i < n && !isAEIOUY(s[i]) {
			i++
		}
	}
	return m
}

// hasVowel reports ^(C)?v: some byte is a lowercase vowel or y.
func hasVowel(s []byte) bool {
	for _, b := range s {
		if isAEIOUY(b) {
			return true
		}
	}
	return false
}

// shortCVC reports ^C v [^aeiouwxy]$ over the whole of s.
func shortCVC(s []byte) bool {
	n := len(s)
	if n < 3 || isAEIOU(s[0]) || !isAEIOUY(s[n-2]) {
		return false
	}
	switch s[n-1] {
	case 'a', 'e', 'i', 'o', 'u', 'w', 'x', 'y':
		return false
	}
	for _, b := range s[1 : n-2] {
		if isAEIOUY(b) {
			return false
		}
	}
	return true
}

func hasSuffix(s []byte, suf string) bool {
	return len(s) >= len(suf) && string(s[len(s)-len(suf):]) == suf
}

// longest returns the longest suffix of s found in list, or "".
func longest(s []byte, list []string) string {
	best := ""
	for _, suf := range list {
		if len(suf) > len(best) && hasSuffix(s, suf) {
			best = suf
		}
	}
	return best
}

var step2 = map[string]string{
	"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
	"bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
	"ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
	"fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
	"logi": "log",
}

var step2List = keys(step2)

var step3 = map[string]string{
	"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}

var step3List = keys(step3)

var step4List = []string{"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
	"ou", "ism", "ate", "iti", "ous", "ive", "ize"}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// porter is ROUGE-1.5.5's Porter stemmer.
func porter(word string) string {
	if len(word) < 3 {
		return word
	}
	w := []byte(word)
	firstY := w[0] == 'y'
	if firstY {
		w[0] = 'Y'
	}

	// Step 1a.
	switch {
	case hasSuffix(w, "sses"), hasSuffix(w, "ies"):
		w = w[:len(w)-2]
	case len(w) >= 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
		w = w[:len(w)-1]
	}

	// Step 1b.
	if hasSuffix(w, "eed") {
		if measure(w[:len(w)-3]) > 0 {
			w = w[:len(w)-1]
		}
	} else if suf := longest(w, []string{"ed", "ing"}); suf != "" {
		stem := w[:len(w)-len(suf)]
		if hasVowel(stem) {
			w = stem
			n := len(w)
			switch {
			case hasSuffix(w, "at"), hasSuffix(w, "bl"), hasSuffix(w, "iz"):
				w = append(w, 'e')
			case n >= 2 && w[n-1] == w[n-2] && !isDoubleExempt(w[n-1]):
				w = w[:n-1]
			case shortCVC(w):
				w = append(w, 'e')
			}
		}
	}

	// Step 1c.
	if hasSuffix(w, "y") && hasVowel(w[:len(w)-1]) {
		w[len(w)-1] = 'i'
	}

	// Step 2.
	if suf := longest(w, step2List); suf != "" {
		stem := w[:len(w)-len(suf)]
		if measure(stem) > 0 {
			w = append(stem, step2[suf]...)
		}
	}

	// Step 3.
	if suf := longest(w, step3List); suf != "" {
		stem := w[:len(w)-len(suf)]
		if measure(stem) > 0 {
			w = append(stem, step3[suf]...)
		}
	}

	// Step 4, as Lin modified it: three tests in a row.
	if suf := longest(w, step4List); suf != "" {
		if stem := w[:len(w)-len(suf)]; measure(stem) > 1 {
			w = stem
		}
	}
	if hasSuffix(w, "ment") {
		if stem := w[:len(w)-4]; measure(stem) > 1 {
			w = stem
		}
	}
	if hasSuffix(w, "ent") {
		if stem := w[:len(w)-3]; measure(stem) > 1 {
			w = stem
		}
	} else if hasSuffix(w, "sion") || hasSuffix(w, "tion") {
		if stem := w[:len(w)-3]; measure(stem) > 1 {
			w = stem
		}
	}

	// Step 5.
	if hasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if m := measure(stem); m > 1 || m == 1 && !shortCVC(stem) {
			w = stem
		}
	}
	if hasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}

	if firstY {
		w[0] = 'y'
	}
	return string(w)
}

// isDoubleExempt lists the letters whose doubling step 1b keeps.
func isDoubleExempt(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'l', 's', 'z':
		return true
	}
	return false
}
