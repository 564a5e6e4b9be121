package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// englishStop are frequent English function words, for the language check.
var englishStop = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "a": true, "in": true, "is": true, "that": true,
	"for": true, "it": true, "was": true, "on": true, "with": true, "he": true, "as": true, "be": true,
	"at": true, "by": true, "this": true, "had": true, "not": true, "are": true, "but": true, "from": true,
	"or": true, "have": true, "an": true, "they": true, "which": true, "you": true, "were": true,
	"her": true, "she": true, "his": true, "their": true, "we": true, "has": true, "been": true,
	"will": true, "would": true, "there": true, "said": true, "its": true, "who": true, "after": true,
	"than": true, "more": true, "about": true, "into": true, "also": true, "can": true, "our": true,
	"them": true, "i": true, "if": true, "all": true, "one": true, "no": true, "up": true, "out": true,
}

// DetectLanguage returns the ISO 639-1 code of text's language ("en",
// "fr", "zh") and whether it is sure. English is recognised by the share of
// English function words (at least 15% of the first 400 words); other
// languages by trigram statistics (whatlanggo). Texts under 15 words or 60
// letters give "", false.
func DetectLanguage(text string) (code string, sure bool) {
	words := 0
	stop := 0
	letters := 0
	for _, f := range strings.Fields(text) {
		if words >= 400 {
			break
		}
		words++
		w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }))
		if englishStop[w] {
			stop++
		}
		for _, r := range f {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	if letters < 60 {
		return "", false
	}
	if words >= 15 && stop*100 >= words*15 {
		return "en", true
	}
	sample := text
	if len(sample) > 4000 {
		cut := 4000
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	info := whatlanggo.Detect(sample)
	c := info.Lang.Iso6391()
	if c == "" {
		return "", false
	}
	return c, info.IsReliable() || info.Confidence >= 0.5
}
