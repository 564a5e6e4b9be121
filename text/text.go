// Package text holds the pure functions that every stage uses on English
// news text: sentence splitting, tokens, stems and stop words.
package text

import (
	"strings"
	"unicode"
)

// Tokens splits s into word tokens: maximal runs of letters and digits,
// with inner apostrophes, hyphens, periods and commas kept inside numbers
// and words ("U.S.", "200,000", "well-known"). Tokens keep their case.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
