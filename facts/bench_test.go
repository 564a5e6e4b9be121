package facts

import (
	"context"
	"os"
	"testing"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
	"github.com/chorus-brief/chorus/summarize"
)

// briefCost runs the stages a brief runs without the fact sheet: analyse
// and select. The fact sheet's budget is at most this again.
func briefCost(arts []article.Article) *analyse.Story {
	st := analyse.Build(arts, analyse.Options{})
	m, _ := summarize.New("")
	m.Select(st, 150)
	return st
}

// BenchmarkSeeds/brief times analyse+select on ../shared/seeds;
// BenchmarkSeeds/facts times the fact sheet on the analysed story.
func BenchmarkSeeds(b *testing.B) {
	arts := loadSeeds(b)
	b.Run("brief", func(b *testing.B) {
		for b.Loop() {
			briefCost(arts)
		}
	})
	st := analyse.Build(arts, analyse.Options{})
	b.Run("facts", func(b *testing.B) {
		for b.Loop() {
			Build(st, Options{})
		}
	})
}

// BenchmarkVal500 does the same over the first 500 clusters of the
// validation set; one iteration is all 500 clusters.
func BenchmarkVal500(b *testing.B) {
	path := shared.Path(b, "data/multinews500-val.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var clusters []article.Cluster
	stop := context.Canceled
	err = article.ReadClusters(context.Background(), f, path, func(c article.Cluster) error {
		clusters = append(clusters, c)
		if len(clusters) == 500 {
			return stop
		}
		return nil
	}, func(error) {})
	if err != nil && err != stop {
		b.Fatal(err)
	}
	b.Run("brief", func(b *testing.B) {
		for b.Loop() {
			for _, c := range clusters {
				briefCost(c.Articles)
			}
		}
	})
	stories := make([]*analyse.Story, len(clusters))
	for i, c := range clusters {
		stories[i] = analyse.Build(c.Articles, analyse.Options{})
	}
	b.Run("facts", func(b *testing.B) {
		for b.Loop() {
			for _, st := range stories {
				Build(st, Options{})
			}
		}
	})
}
