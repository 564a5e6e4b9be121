package rouge

import (
	"encoding/json"
	"os"
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
