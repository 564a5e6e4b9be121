package summarize

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
)

// valStories analyses the first n clusters of the validation set.
func valStories(b *testing.B, n int) []*analyse.Story {
	f, err := os.Open(shared.Path(b, "data/multinews500-val.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var out []*analyse.Story
	stop := errors.New("stop")
	err = article.ReadClusters(context.Background(), f, "val", func(c article.Cluster) error {
		if len(out) >= n {
			return stop
		}
		out = append(out, analyse.Build(c.Articles, analyse.Options{}))
		return nil
	}, nil)
	if err != nil && !errors.Is(err, stop) {
		b.Fatal(err)
	}
	return out
}

// BenchmarkSelect runs each method over 500 validation clusters (one op is
// all 500).
func BenchmarkSelect(b *testing.B) {
	sts := valStories(b, 500)
	for _, name := range Names() {
		m, err := New(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, st := range sts {
					m.Select(st, 230)
				}
			}
		})
	}
}
