package analyse

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
)

// subsets lists the document subsets a Subset test tries for n documents:
// each one left out, the first alone, and all of them reversed.
func subsets(n int) [][]int {
	var out [][]int
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	for skip := range n {
		out = append(out, slices.Delete(slices.Clone(all), skip, skip+1))
	}
	if n > 0 {
		out = append(out, []int{0})
	}
	rev := slices.Clone(all)
	slices.Reverse(rev)
	return append(out, rev, nil)
}

// checkSubset compares Subset with Build on the same articles.
func checkSubset(t *testing.T, name string, as []article.Article, opt Options) {
	t.Helper()
	st := Build(as, opt)
	for _, docs := range subsets(len(as)) {
		var keep []article.Article
		for _, d := range docs {
			keep = append(keep, as[d])
		}
		want := Build(keep, opt)
		got := st.Subset(docs, opt)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Subset(%v) differs from Build of those documents", name, docs)
			for i := range min(len(got.Sentences), len(want.Sentences)) {
				if !reflect.DeepEqual(got.Sentences[i], want.Sentences[i]) {
					t.Errorf("first differing sentence %d:\n got %+v\nwant %+v", i, got.Sentences[i], want.Sentences[i])
					break
				}
			}
		}
	}
}

func TestSubsetEqualsBuild(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		opt   Options
	}{
		{"one doc", []string{"The river flooded the town on Monday. Residents fled to the hills."}, Options{}},
		{"shared statement", []string{
			"The river flooded the town on Monday. Residents fled to the hills.",
			"Residents fled to the hills after the river flooded. The Mayor spoke.",
			"Mayor Smith said the river flooded the town. Paris sent help.",
			"An unrelated report about football scores in Paris and the league.",
		}, Options{}},
		{"names only in a dropped report", []string{
			"The french wine and the smith forge were good today.",
			"The Anglo-French treaty was signed by Smith in the town.",
			"Smith and the French minister met in the town today.",
		}, Options{Containment: 0.3, MinWords: 2}},
		{"empty report", []string{"", "Rescuers reached the town at dawn.", "Rescuers reached the town at dawn today."}, Options{}},
	}
	for _, tc := range tests {
		checkSubset(t, tc.name, arts(tc.texts...), tc.opt)
	}
}

// TestSubsetSeedsAndVal checks Subset against Build on the seed reports
// and on validation clusters, when the shared data is present.
func TestSubsetSeedsAndVal(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shared.Path(t, "seeds"), "*.txt"))
	var seeds []article.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, article.Article{Text: string(b)})
	}
	checkSubset(t, "seeds", seeds, Options{})
	checkBuild(t, "seeds", seeds, Options{})
	f, err := os.Open(shared.Path(t, "data/multinews500-val.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	limit := 1000
	if testing.Short() {
		limit = 30
	}
	stop := errors.New("stop")
	n := 0
	err = article.ReadClusters(context.Background(), f, "val", func(c article.Cluster) error {
		if n >= limit {
			return stop
		}
		n++
		checkSubset(t, c.ID, c.Articles, Options{})
		checkBuild(t, c.ID, c.Articles, Options{})
		return nil
	}, nil)
	if err != nil && !errors.Is(err, stop) {
		t.Fatal(err)
	}
}
