package facts

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chorus-brief/chorus/internal/shared"
)

// TestHasNumberWord checks the screened scan against a plain search for
// every hint.
func TestHasNumberWord(t *testing.T) {
	tests := []string{"", "t", "tw", "two", "Twenty-one people", "a dozen", "thirteen", "Three", "hree",
		"no numbers here", "Fifth", "the tenth", "sixty", "eleventh hour", "hundreds", "Ten.", "xyz Nine"}
	for _, s := range tests {
		want := false
		for _, h := range numberWordHints {
			want = want || strings.Contains(s, h)
		}
		if got := hasNumberWord(s); got != want {
			t.Errorf("hasNumberWord(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestIDTable checks the shingle id table against a map, through growth.
func TestIDTable(t *testing.T) {
	tab := newIDTable(2)
	want := map[uint64]int32{}
	for i := range 5000 {
		h := uint64(i*i) * 0x9e3779b97f4a7c15 % 7919 // repeats
		if i%3 == 0 {
			h = 0 // the zero hash is a key like any other
		}
		tab.add(h)
		if _, ok := want[h]; !ok {
			want[h] = int32(len(want))
		}
	}
	if tab.len() != len(want) {
		t.Fatalf("len = %d, want %d", tab.len(), len(want))
	}
	for h, id := range want {
		if got, ok := tab.get(h); !ok || got != id {
			t.Errorf("get(%d) = %d, %v; want %d", h, got, ok, id)
		}
	}
	if _, ok := tab.get(7919); ok {
		t.Errorf("get of an absent key found it")
	}
}

// rollHashes lists the rolling hashes of the shingles of norm in order.
func rollHashes(norm []rune) []uint64 {
	if len(norm) < shingleLen {
		return nil
	}
	var out []uint64
	r := rollFirst(norm)
	for i := 0; ; i++ {
		out = append(out, r)
		if i+shingleLen >= len(norm) {
			return out
		}
		r = rollNext(r, norm, i)
	}
}

// TestRollHashes checks that equal windows roll to equal hashes, the
// property the screen relies on.
func TestRollHashes(t *testing.T) {
	norm := []rune("abcdefghijklmnopabcdefghijklmnopé漢字abcdefghij")
	rh := rollHashes(norm)
	if len(rh) != len(norm)-shingleLen+1 {
		t.Fatalf("%d hashes for %d runes", len(rh), len(norm))
	}
	for i := range rh {
		direct := rollHashes(norm[i : i+shingleLen])
		if len(direct) != 1 || direct[0] != rh[i] {
			t.Errorf("window %d: rolled %d, direct %v", i, rh[i], direct)
		}
	}
	if rh[0] != rh[16] {
		t.Errorf("equal windows hash differently")
	}
	if rollHashes(norm[:shingleLen-1]) != nil {
		t.Errorf("a text shorter than a shingle has shingles")
	}
}

// TestJoinFieldsCountWords checks joinFields and countWords against the
// plain strings.Fields versions, and normLen against normaliseRunes.
func TestJoinFieldsCountWords(t *testing.T) {
	parts := []string{"", " ", "  ", "\t", "\n", "a", "Bc", ",", "—", "\u00a0", "\u0085", "É", "\xff", "1", "'", "x,", "\u2003", "Z9"}
	var check func(s string, depth int)
	check = func(s string, depth int) {
		if want := strings.Join(strings.Fields(s), " "); joinFields(s) != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, joinFields(s), want)
		}
		want := 0
		for _, f := range strings.Fields(s) {
			if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				want++
			}
		}
		if got := countWords(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		if got, want := normLen(s), len(normaliseRunes(nil, s)); got != want {
			t.Errorf("normLen(%q) = %d, want %d", s, got, want)
		}
		if got, want := string(normaliseRunes(make([]rune, 1), s)), string(normalise(s).b); got != want {
			t.Errorf("normaliseRunes(%q) = %q, want %q", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, p := range parts {
			check(s+p, depth-1)
		}
	}
	check("", 4)
}

// TestShingleHash checks the unrolled hash against the FNV-1a loop.
func TestShingleHash(t *testing.T) {
	norm := []rune("abcdefghijklmnopé漢字0123456789\U0001F600xyz")
	for i := 0; i+shingleLen <= len(norm); i++ {
		h := uint64(14695981039346656037)
		for _, r := range norm[i : i+shingleLen] {
			h ^= uint64(r)
			h *= 1099511628211
		}
		if got := shingleHash(norm[i : i+shingleLen]); got != h {
			t.Errorf("window %d: %d, want %d", i, got, h)
		}
	}
}

// TestGazetteerScreens checks trimNamePunct against strings.Trim and
// isGazetteerFirst against gazetteerFirst.
func TestGazetteerScreens(t *testing.T) {
	words := []string{"", "the", "new", "x", "(un)", "\"syria,", "'é'", "\xff,", "();", "a(b)c", "“us”"}
	for k := range defaultGazetteer {
		words = append(words, k, strings.ToUpper(k), k+"s")
		words = append(words, strings.Fields(k)...)
	}
	for _, w := range words {
		for _, s := range []string{w, "(" + w + "),", "\"" + w + "?!"} {
			if got, want := trimNamePunct(s), strings.Trim(s, ",;:!?\"'()"); got != want {
				t.Errorf("trimNamePunct(%q) = %q, want %q", s, got, want)
			}
		}
		if got, want := isGazetteerFirst(w), gazetteerFirst[w]; got != want {
			t.Errorf("isGazetteerFirst(%q) = %v, want %v", w, got, want)
		}
	}
}

// extractQuotesPlain is extractQuotes ranging over runes.
func extractQuotesPlain(doc int, s string) []rawQuote {
	var out []rawQuote
	open := -1
	lines := 0
	for i, r := range s {
		switch r {
		case '\n':
			if open >= 0 {
				lines++
				if lines > 4 {
					open = -1
				}
			}
		case '“', '«':
			open, lines = i+utf8.RuneLen(r), 0
		case '”', '»':
			if open >= 0 {
				out = appendQuote(out, doc, s, open, i)
				open = -1
			}
		case '"':
			if open >= 0 {
				out = appendQuote(out, doc, s, open, i)
				open = -1
			} else {
				open, lines = i+1, 0
			}
		}
	}
	return out
}

// TestExtractQuotes checks the byte scan against the rune scan.
func TestExtractQuotes(t *testing.T) {
	parts := []string{"one two three four", "\"", "“", "”", "«", "»", "\n", "\xe2", "\xe2\x80", "\xc2", "é", " a b c d e "}
	var check func(s string, depth int)
	check = func(s string, depth int) {
		if got, want := extractQuotes(0, s), extractQuotesPlain(0, s); !reflect.DeepEqual(got, want) {
			t.Errorf("extractQuotes(%q) = %v, want %v", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, p := range parts {
			check(s+p, depth-1)
		}
	}
	check("", 4)
	for _, s := range []string{"He said “we will go on and on” and «they will follow us there» then\n\"more words of it\"."} {
		check(s, 1)
	}
}

// TestWordScreens checks that no screen rules out a word of its set, and
// eventOf against the plain loop over eventWords.
func TestWordScreens(t *testing.T) {
	for k := range defaultGazetteer {
		if !gazetteerScreen.has(k) {
			t.Errorf("gazetteer screen rules out %q", k)
		}
	}
	for k := range gazetteerFirst {
		if !gazetteerFirstScreen.has(k) {
			t.Errorf("first-word screen rules out %q", k)
		}
	}
	for k := range smallNumbers {
		if v, ok := numberWord(k); !ok || v != smallNumbers[k] {
			t.Errorf("numberWord(%q) = %v, %v", k, v, ok)
		}
	}
	for k, m := range monthNames {
		if got, ok := monthName(k); !ok || got != m {
			t.Errorf("monthName(%q) = %v, %v", k, got, ok)
		}
	}
	for k := range directions {
		if !directionsScreen.has(k) {
			t.Errorf("directions screen rules out %q", k)
		}
	}
	plain := func(w string) string {
		for _, e := range eventWords {
			if strings.HasPrefix(w, e.prefix) {
				if (e.prefix == "die" || e.prefix == "board") && len(w) > len(e.prefix)+1 {
					continue
				}
				return e.event
			}
		}
		return ""
	}
	words := []string{"", "d", "die", "died", "dies", "diesel", "board", "boards", "boardroom", "killed", "deaths", "toll", "stuck", "x"}
	for _, e := range eventWords {
		words = append(words, e.prefix, e.prefix+"ed", e.prefix[:len(e.prefix)-1])
	}
	for _, w := range words {
		if got, want := eventOf(w), plain(w); got != want {
			t.Errorf("eventOf(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestStripQuoted checks stripQuoted against the plain rune-by-rune
// version.
func TestStripQuoted(t *testing.T) {
	plain := func(s string) string {
		var b strings.Builder
		in := false
		for _, r := range s {
			switch r {
			case '“', '«':
				in = true
				b.WriteString(" Q ")
				continue
			case '”', '»':
				in = false
				continue
			case '"':
				if !in {
					b.WriteString(" Q ")
				}
				in = !in
				continue
			}
			if !in {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	parts := []string{"a b", "\"", "“", "”", "«", "»", "\xff", "\xe2\x80", "é", "\uFFFD", " "}
	var check func(s string, depth int)
	check = func(s string, depth int) {
		if got, want := stripQuoted(s), plain(s); got != want {
			t.Errorf("stripQuoted(%q) = %q, want %q", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, p := range parts {
			check(s+p, depth-1)
		}
	}
	check("", 4)
}

// TestScanSkipsOwnQuotes checks scan, which takes each report's own
// quotes as found, against looking up every window of every report.
func TestScanSkipsOwnQuotes(t *testing.T) {
	docs := []string{
		"He said “we will not give up on the people of this city” and left.\n\"A second quote, which is long enough to count.\"",
		"Reports say we will not give up on the people of this city; «and more words from somewhere else entirely» end.",
		"“Short one here now” and “a second quote, which is long enough to count” again \"x y z w v\"",
		"Nothing quoted in this report at all, but a second quote which is long enough to count appears.",
	}
	for _, a := range loadSeedsOrNil(t) {
		docs = append(docs, a)
	}
	var raws []rawQuote
	for d, s := range docs {
		raws = append(raws, extractQuotes(d, s)...)
	}
	n := 0
	for _, r := range raws {
		n += max(normLen(r.text)-shingleLen+1, 0)
	}
	x := newShingleIndex(n)
	qid := make([][]int32, len(raws))
	for i, r := range raws {
		qid[i] = x.add(nil, normaliseRunes(nil, r.text))
	}
	x.scan(docs, nil, raws, qid)
	for d, s := range docs {
		set := make([]uint64, (x.ids.len()+63)/64)
		found := 0
		x.each(normaliseRunes(nil, s), func(pos int, id int32) {
			if set[id>>6]&(1<<(id&63)) == 0 {
				set[id>>6] |= 1 << (id & 63)
				found++
			}
		})
		if !reflect.DeepEqual(set, x.in[d]) || found != x.found[d] {
			t.Errorf("report %d: scan found %d shingles, a full lookup %d", d, x.found[d], found)
		}
	}
}

// loadSeedsOrNil returns the seed texts, or none when they are missing.
func loadSeedsOrNil(t *testing.T) []string {
	dir := shared.Dir()
	if dir == "" {
		return nil
	}
	names, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	var out []string
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil {
			out = append(out, string(b))
		}
	}
	return out
}

// TestTrimFig checks trimLeftFig and trimRightFig against strings.TrimLeft
// and strings.TrimRight.
func TestTrimFig(t *testing.T) {
	parts := []string{"", "a", "(", "[", "\"", "“", "‘", "'", ")", "]", "”", "’", ".", ",", ";", ":", "!", "?", "—", "–", "\xe2", "\x80\x9c", "é", "5%"}
	var check func(s string, depth int)
	check = func(s string, depth int) {
		if got, want := trimLeftFig(s), strings.TrimLeft(s, "([\"“‘'"); got != want {
			t.Errorf("trimLeftFig(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimRightFig(s), strings.TrimRight(s, ")]\"”’'.,;:!?—–"); got != want {
			t.Errorf("trimRightFig(%q) = %q, want %q", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, p := range parts {
			check(s+p, depth-1)
		}
	}
	check("", 3)
}
