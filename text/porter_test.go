package text

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/chorus-brief/chorus/internal/shared"
)

func TestStem(t *testing.T) {
	// Cases from Porter's 1980 paper, step by step, and the reference
	// implementation's choices ("bli" → "ble", "logi" → "log").
	tests := []struct{ in, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"}, {"cats", "cat"},
		{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
		{"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"},
		{"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"}, {"falling", "fall"},
		{"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"}, {"filing", "file"},
		{"happy", "happi"}, {"sky", "sky"},
		{"relational", "relat"}, {"conditional", "condit"}, {"rational", "ration"},
		{"valenci", "valenc"}, {"hesitanci", "hesit"}, {"digitizer", "digit"},
		{"conformabli", "conform"}, {"radicalli", "radic"}, {"differentli", "differ"},
		{"vileli", "vile"}, {"analogousli", "analog"}, {"vietnamization", "vietnam"},
		{"predication", "predic"}, {"operator", "oper"}, {"feudalism", "feudal"},
		{"decisiveness", "decis"}, {"hopefulness", "hope"}, {"callousness", "callous"},
		{"formaliti", "formal"}, {"sensitiviti", "sensit"}, {"sensibiliti", "sensibl"},
		{"triplicate", "triplic"}, {"formative", "form"}, {"formalize", "formal"},
		{"electriciti", "electr"}, {"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"},
		{"revival", "reviv"}, {"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
		{"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"},
		{"irritant", "irrit"}, {"replacement", "replac"}, {"adjustment", "adjust"},
		{"dependent", "depend"}, {"adoption", "adopt"}, {"homologou", "homolog"},
		{"communism", "commun"}, {"activate", "activ"}, {"angulariti", "angular"},
		{"homologous", "homolog"}, {"effective", "effect"}, {"bowdlerize", "bowdler"},
		{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"}, {"roll", "roll"},
		{"generalizations", "gener"}, {"oscillators", "oscil"}, {"archaeology", "archaeolog"},
		{"governmental", "government"}, {"yelling", "yell"},
		// untouched
		{"", ""}, {"a", "a"}, {"is", "is"}, {"U.S.", "U.S."}, {"Aleppo", "Aleppo"}, {"café", "café"},
		{"1990s", "1990"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStemROUGEDiffers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"governmental", "govern"}, {"argument", "argum"}, {"agreement", "agreem"},
		{"relational", "relat"}, {"adoption", "adopt"},
	}
	for _, tt := range tests {
		if got := StemROUGE(tt.in); got != tt.want {
			t.Errorf("StemROUGE(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStemROUGEVectors checks StemROUGE against every Porter stem that
// ROUGE-1.5.5 printed in its test vectors (stems.json, "porter" map).
func TestStemROUGEVectors(t *testing.T) {
	p := shared.Path(t, "rouge/stems.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	var v struct {
		Porter map[string]string `json:"porter"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	if len(v.Porter) < 1000 {
		t.Fatalf("%s: only %d porter stems", p, len(v.Porter))
	}
	bad := 0
	for w, want := range v.Porter {
		if got := StemROUGE(w); got != want {
			bad++
			if bad <= 20 {
				t.Errorf("StemROUGE(%q) = %q, ROUGE gives %q", w, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d stems differ from ROUGE", bad, len(v.Porter))
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"caresses", "ies", "eed", "sses", "yyy", "ation", "ll", "ement"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, s := range []string{Stem(w), StemROUGE(w)} {
			if len(s) > len(w)+1 {
				t.Fatalf("stem %q of %q is longer than the word", s, w)
			}
		}
	})
}

func BenchmarkStem(b *testing.B) {
	words := []string{"relational", "aleppo", "civilians", "bombing", "humanitarian", "ceasefire", "the", "agreed", "governments", "syria"}
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}
