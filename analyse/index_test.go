package analyse

import (
	"fmt"
	"testing"
)

// TestStrIndexMatchesMap checks strIndex against a map through several
// growths: every string added is found at its position, by string and by
// bytes, and no other string is found.
func TestStrIndexMatchesMap(t *testing.T) {
	x := newStrIndex(0)
	var list []string
	want := map[string]int{}
	for i := range 5000 {
		s := fmt.Sprint(i * 7919 % 1237) // repeats after 1237 strings
		if i%3 == 0 {
			s = "w" + s
		}
		k, ok := x.find(list, s)
		kb, okb := x.findBytes(list, []byte(s))
		pos, in := want[s]
		if ok != in || okb != in || in && (k != pos || kb != pos) || !in && k != kb {
			t.Fatalf("%q: find %d %v, findBytes %d %v; map %d %v", s, k, ok, kb, okb, pos, in)
		}
		if !in {
			list = append(list, s)
			want[s] = len(list) - 1
			x.add(list, k, len(list)-1)
		}
	}
	if _, ok := x.find(list, "absent"); ok {
		t.Error("found a string never added")
	}
	if x.n != len(list) || x.n*4 > len(x.slots)*3 {
		t.Errorf("%d strings in %d slots for a list of %d", x.n, len(x.slots), len(list))
	}
}
