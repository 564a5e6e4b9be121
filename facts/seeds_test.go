package facts

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
)

// loadSeeds reads ../shared/seeds (raw reports with extraction
// boilerplate) or skips.
func loadSeeds(tb testing.TB) []article.Article {
	tb.Helper()
	dir := shared.Path(tb, "seeds")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Skipf("no seeds in %s", dir)
	}
	sort.Strings(names)
	var arts []article.Article
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, article.Article{Text: string(b), Origin: n})
	}
	return arts
}

// docWith returns the report whose text holds sub.
func docWith(tb testing.TB, arts []article.Article, sub string) int {
	tb.Helper()
	for i, a := range arts {
		if strings.Contains(a.Text, sub) {
			return i
		}
	}
	tb.Fatalf("no seed holds %q", sub)
	return -1
}

func TestSeeds(t *testing.T) {
	arts := loadSeeds(t)
	sh := Build(analyse.Build(arts, analyse.Options{}), Options{})
	statement := docWith(t, arts, "Joint statement from the leaders")
	older := docWith(t, arts, "May, 2016")

	t.Run("civilian counts disputed", func(t *testing.T) {
		f, ok := findFigure(sh, 200000, 275000)
		if !ok || f.Status != StatusDisputed {
			t.Fatalf("no disputed figure 200,000 vs 275,000: %+v", sh.Figures)
		}
		for _, v := range f.Values {
			if v.Value == 200000 && !containsInt(v.Docs, statement) {
				t.Errorf("200,000 not credited to the joint statement: %v", v.Docs)
			}
		}
		for _, c := range f.Values[0].Claims {
			if note := sh.NoteFor(c.Sentence); !strings.Contains(note, "between 200,000 and 275,000") {
				t.Errorf("NoteFor(%d) = %q", c.Sentence, note)
			}
		}
	})
	t.Run("joint statement is the origin", func(t *testing.T) {
		q, ok := findQuote(sh, "images of dying children")
		if !ok {
			t.Fatal("the heartbreaking quote was not found")
		}
		if len(q.Carriers) < 3 {
			t.Errorf("carriers %+v, want the statement and two outlets", q.Carriers)
		}
		shared := 0
		for _, q := range sh.Quotes {
			if len(q.Carriers) < 2 {
				continue
			}
			shared++
			if q.Origin != statement || q.OriginReason != "statement" {
				t.Errorf("quote %.50q: origin %d (%s), want %d", q.Text, q.Origin, q.OriginReason, statement)
			}
		}
		if shared < 2 {
			t.Errorf("only %d quotes carried by several reports", shared)
		}
	})
	t.Run("variants merged", func(t *testing.T) {
		for _, want := range [][]string{
			{"Stefan de Mistura", "Staffan de Mistura"},
			{"Russia", "Russian Federation"},
			{"John Kerry", "Kerry"},
			{"U.S.", "United States", "US"},
			{"UN", "U.N.", "United Nations"},
		} {
			n := 0
			for _, e := range sh.Entities {
				if containsString(e.Variants, want[0]) {
					n++
					for _, v := range want[1:] {
						if !containsString(e.Variants, v) {
							t.Errorf("%s: variant %q not merged: %v", e.Name, v, e.Variants)
						}
					}
				}
			}
			if n != 1 {
				t.Errorf("%q is in %d entities, want 1", want[0], n)
			}
		}
	})
	t.Run("May 2016 report off-story", func(t *testing.T) {
		if got := sh.OffStoryDocs(); len(got) != 1 || got[0] != older {
			t.Errorf("off-story %v, want [%d]", got, older)
		}
	})
}

// goldKinds annotates the names a reader would list for a story, with
// their kinds ("other" for named things that are none of the four kinds).
type goldKinds map[string]string

// entityPrecision is the share of extracted entities that are real names
// of the right kind.
func entityPrecision(sh *Sheet, gold goldKinds) (float64, []string) {
	if len(sh.Entities) == 0 {
		return 0, nil
	}
	right := 0
	var wrong []string
	for _, e := range sh.Entities {
		k, ok := gold[e.Name]
		if ok && k == e.Kind {
			right++
			continue
		}
		wrong = append(wrong, e.Name+" ("+e.Kind+")")
	}
	return float64(right) / float64(len(sh.Entities)), wrong
}

func TestEntityPrecision(t *testing.T) {
	cases := []struct {
		name string
		arts func(testing.TB) []article.Article
		gold goldKinds
	}{
		{"example", func(tb testing.TB) []article.Article { return loadFixture(tb, exampleDir) }, goldKinds{
			"Ilse Varnholt": "person", "Tomas Brekke": "person", "Orvella Lake Ferries": "organisation",
			"Lake Safety Board": "organisation", "Port Askel": "place", "Lake Orvella": "place", "Veldhaven": "place",
			"Marrenland Coastguard": "organisation", "Marrenland": "place", "Saint Hild": "other", "Mara Lind": "person",
			"Jonas Pell": "person", "Askel Daily News": "organisation", "Northwind Wire": "organisation",
			"Pia Solberg": "person", "Henrik Dahl": "person", "Lene Fjell": "person", "Ansel Moreau": "person",
			"Kari Dunn": "person", "Office of the Governor of Marrenland": "organisation", "Marren Courier": "organisation",
			"Lakeside Gazette": "organisation", "PORT ASKEL": "place",
		}},
		{"seeds", loadSeeds, goldKinds{
			"Aleppo": "place", "Syria": "country", "Russia": "country", "United Nations": "organisation",
			"United States": "country", "Bashar al-Assad": "person", "Iran": "country", "John Kerry": "person",
			"United Kingdom": "country", "Canada": "country", "Germany": "country", "France": "country", "Italy": "country",
			"Staffan de Mistura": "person", "Stefan de Mistura": "person", "Old City": "place", "CNN": "organisation",
			"Damascus": "place", "Syrian Observatory for Human Rights": "organisation", "Reuters": "organisation",
			"Geneva Conventions": "other", "UN Security Council": "organisation", "Al-Qaeda": "organisation",
			"al-Nusra Front": "organisation", "Saudi Arabia": "country", "Israel": "country", "Arab League": "organisation",
			"Greece": "country", "John Kirby": "person", "White House": "organisation", "Eastern Aleppo": "place",
			"The New York Times": "organisation", "Sergey V. Lavrov": "person", "Sergey Lavrov": "person",
			"Hamburg": "place", "Brussels": "place", "NATO": "organisation", "Idlib": "place",
			"Associated Press": "organisation", "Agence France-Presse": "organisation", "Ban Ki-moon": "person",
			"Zeid al-Saleh": "person", "Abo Bakr": "person", "Free Syrian Army": "organisation", "China": "country",
			"Kremlin": "organisation", "Dmitry Peskov": "person", "Geneva": "place", "Jordan": "country",
			"Gennady Gatilov": "person", "Qatar": "country", "Human Rights Watch": "organisation", "al-Myassar": "place",
			"Lebanon": "country", "Beirut": "place", "Colleen Curry": "person", "Jibreen": "place", "UNESCO": "organisation",
			"Idomeni": "place", "Bano Zaid": "place", "SANA": "organisation", "Kurdish": "other",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts := tc.arts(t)
			sh := Build(analyse.Build(arts, analyse.Options{}), Options{})
			p, wrong := entityPrecision(sh, tc.gold)
			t.Logf("entity precision on %s: %.2f (%d entities); wrong: %v", tc.name, p, len(sh.Entities), wrong)
			if p < 0.8 {
				t.Errorf("precision %.2f below 0.8; wrong: %v", p, wrong)
			}
		})
	}
}
