package chorus

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
)

// seedArticles reads ../shared/seeds as plain text articles.
func seedArticles(tb testing.TB) []article.Article {
	dir := shared.Path(tb, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no seeds in %s", dir)
	}
	var arts []article.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, article.Article{Text: string(b), Origin: f})
	}
	return arts
}

// BenchmarkBrief measures a whole brief of the five seed reports, with and
// without the fact sheet.
func BenchmarkBrief(b *testing.B) {
	arts := seedArticles(b)
	ctx := context.Background()
	for _, nf := range []bool{false, true} {
		name := "facts"
		if nf {
			name = "no-facts-shown"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Brief(ctx, arts, Options{NoFacts: nf}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
