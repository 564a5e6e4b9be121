package analyse

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
)

// BenchmarkBuild analyses the first 500 validation clusters (one op is all
// 500).
func BenchmarkBuild(b *testing.B) {
	f, err := os.Open(shared.Path(b, "data/multinews500-val.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var cs [][]article.Article
	stop := errors.New("stop")
	err = article.ReadClusters(context.Background(), f, "val", func(c article.Cluster) error {
		if len(cs) >= 500 {
			return stop
		}
		cs = append(cs, c.Articles)
		return nil
	}, nil)
	if err != nil && !errors.Is(err, stop) {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cs {
			Build(c, Options{})
		}
	}
}
