package text_test

import (
	"fmt"

	"github.com/chorus-brief/chorus/text"
)

func ExampleSentences() {
	s := `"It's over." Brig. Gen. Zeid al-Saleh left the U.S. embassy at 9 a.m. Tuesday. Aid worth $1.5 billion followed.`
	for _, sp := range text.Sentences(s) {
		fmt.Println(s[sp.Start:sp.End])
	}
	// Output:
	// "It's over."
	// Brig. Gen. Zeid al-Saleh left the U.S. embassy at 9 a.m. Tuesday.
	// Aid worth $1.5 billion followed.
}

func ExampleSentences_tokenized() {
	s := `" we will win , " he said . the u.s. military said . but ...`
	for _, sp := range text.Sentences(s) {
		fmt.Println(s[sp.Start:sp.End])
	}
	// Output:
	// " we will win , " he said .
	// the u.s. military said .
	// but ...
}

func ExampleWords() {
	fmt.Println(text.Words(`" we ' ll win , " he said .`))
	// Output: 4
}

func ExampleStem() {
	for _, w := range []string{"bombing", "civilians", "relational", "governmental"} {
		fmt.Println(w, text.Stem(w), text.StemROUGE(w))
	}
	// Output:
	// bombing bomb bomb
	// civilians civilian civilian
	// relational relat relat
	// governmental government govern
}

func ExampleEnglish() {
	fmt.Println(text.English().Terms("The rebels agreed to a ceasefire in Aleppo."))
	// Output: [rebel agre ceasefir aleppo]
}

func ExampleVocab() {
	v := text.NewVocab()
	ids := v.AppendIDs(nil, "Rebels agreed; the rebels left.")
	for _, id := range ids {
		fmt.Print(id, ":", v.Term(id), " ")
	}
	fmt.Println()
	// Output: 0:rebel 1:agre 0:rebel 2:left
}
