package chorus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// valWindows returns five 500-word articles cut from the validation set
// the way cmd/chorus-load cuts them: lowercased, tokenized dataset text
// on one line, several reports' words running on.
func valWindows(tb testing.TB) []article.Article {
	f, err := os.Open(shared.Path(tb, "data/multinews500-val.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var words []string
	enough := errors.New("enough")
	n := 0
	err = article.ReadClusters(context.Background(), f, "val", func(c article.Cluster) error {
		for _, a := range c.Articles {
			words = append(words, strings.Fields(a.Text)...)
		}
		if n++; n >= 40 {
			return enough
		}
		return nil
	}, nil)
	if err != nil && !errors.Is(err, enough) {
		tb.Fatal(err)
	}
	var arts []article.Article
	for i := range 5 {
		if len(words) < 3000+(i+1)*500 {
			tb.Skip("too few words in the validation set")
		}
		arts = append(arts, article.Article{Text: strings.Join(words[3000+i*500:3000+(i+1)*500], " ")})
	}
	return arts
}

// BenchmarkBriefVal measures a one-shot brief of the load tool's kind of
// request: five 500-word windows of validation text.
func BenchmarkBriefVal(b *testing.B) {
	arts := valWindows(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Brief(ctx, arts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
