package clean_test

import (
	"fmt"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/clean"
)

func ExampleArticle() {
	a := article.Article{Text: `By Jane Doe
December 8, 2016
Leaders called for a ceasefire in Aleppo on Wednesday.
Read More: Ten things to know about the siege
Click here to enlarge.
The rebels agreed to a UN plan.`}
	c := clean.Article(a)
	fmt.Println(c.Author, c.Date.Format("2006-01-02"))
	fmt.Println(c.Text)
	// Output:
	// Jane Doe 2016-12-08
	// Leaders called for a ceasefire in Aleppo on Wednesday.
	//
	// The rebels agreed to a UN plan.
}

func ExampleArticlesWithReport() {
	arts := []article.Article{{Text: "Share this article\nThe talks ended without a deal."}}
	_, removed := clean.ArticlesWithReport(arts)
	for _, r := range removed {
		fmt.Printf("%d %s %q\n", r.Article, r.Reason, r.Text)
	}
	// Output:
	// 0 prompt "Share this article"
}
