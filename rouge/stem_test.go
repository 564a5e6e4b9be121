package rouge

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/chorus-brief/chorus/internal/shared"
)

func TestStemVectors(t *testing.T) {
	p := shared.Path(t, "rouge/stems.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Exceptions map[string]string `json:"exceptions"`
		Porter     map[string]string `json:"porter"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Exceptions) == 0 || len(v.Porter) == 0 {
		t.Fatal("stems.json has no entries")
	}
	bad := 0
	for _, m := range []map[string]string{v.Exceptions, v.Porter} {
		for w, want := range m {
			if got := Stem(w); got != want {
				bad++
				if bad <= 20 {
					t.Errorf("Stem(%q) = %q, want %q", w, got, want)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d stems differ", bad, len(v.Exceptions)+len(v.Porter))
	}
}

func TestStemExamples(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ran", "ran"},
		{"children", "child"},
		{"said", "say"},
		{"says", "sai"},
		{"happier", "happy"},
		{"happy", "happi"},
		{"governmental", "govern"},
		{"argument", "argum"},
		{"agreement", "agreem"},
		{"comics", "comic_strip"},
		{"yelling", "yell"},
		{"hopping", "hop"},
		{"hoping", "hope"},
		{"relational", "relat"},
		{"2016s", "2016"},
	} {
		if got := Stem(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The hand-written measure tests must agree with the regular expressions
// of the Perl stemmer they replace.
func TestMeasureMatchesRegexps(t *testing.T) {
	const c, v = `[^aeiou]`, `[aeiouy]`
	const C, V = c + `[^aeiouy]*`, v + `[aeiou]*`
	mgr0 := regexp.MustCompile(`^(` + C + `)?` + V + C)
	meq1 := regexp.MustCompile(`^(` + C + `)?` + V + C + `(` + V + `)?$`)
	mgr1 := regexp.MustCompile(`^(` + C + `)?` + V + C + V + C)
	vowel := regexp.MustCompile(`^(` + C + `)?` + v)
	short := regexp.MustCompile(`^` + C + v + `[^aeiouwxy]$`)
	alphabet := []byte("Yaeuybdswx1")
	var gen func(prefix []byte, depth int)
	n := 0
	gen = func(prefix []byte, depth int) {
		if len(prefix) > 0 {
			n++
			s := string(prefix)
			m := measure(prefix)
			if mgr0.MatchString(s) != (m > 0) || mgr1.MatchString(s) != (m > 1) || meq1.MatchString(s) != (m == 1) {
				t.Fatalf("measure(%q) = %d disagrees with the regexps", s, m)
			}
			if vowel.MatchString(s) != hasVowel(prefix) {
				t.Fatalf("hasVowel(%q) disagrees", s)
			}
			if short.MatchString(s) != shortCVC(prefix) {
				t.Fatalf("shortCVC(%q) disagrees", s)
			}
		}
		if depth == 0 {
			return
		}
		for i, ch := range alphabet {
			if ch == 'Y' && len(prefix) > 0 || i > 0 && len(prefix) == 0 && ch == 'y' {
				continue // Y only ever starts a word; a lowercase y never does
			}
			gen(append(prefix, ch), depth-1)
		}
	}
	depth := 5
	if testing.Short() {
		depth = 4
	}
	gen(nil, depth)
	if n == 0 {
		t.Fatal("no strings generated")
	}
}
