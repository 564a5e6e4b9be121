package facts_test

import (
	"fmt"
	"time"

	"github.com/chorus-brief/chorus/analyse"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/facts"
)

func ExampleBuild() {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	arts := []article.Article{
		{Source: "City Hall", Date: d("2025-04-02"), Text: "The bridge over the Tarn river closed on Tuesday after inspectors found cracks. About 40,000 drivers use it every day."},
		{Source: "Tarn Post", Date: d("2025-04-02"), Text: "Inspectors closed the Tarn bridge on Tuesday. About 40,000 drivers use the bridge daily, the city said."},
		{Source: "Valley Radio", Date: d("2025-04-03"), Text: "The Tarn bridge stays closed after inspectors found cracks on Tuesday. Some 55,000 drivers use the bridge every day."},
	}
	sh := facts.Build(analyse.Build(arts, analyse.Options{}), facts.Options{})
	for _, f := range sh.Figures {
		fmt.Println(f.What, f.Status, f.Range())
	}
	for _, e := range sh.Timeline[:1] {
		fmt.Println(e.Expression, e.Date.Format("Mon 2 Jan 2006"))
	}
	// Output:
	// drivers disputed between 40,000 and 55,000
	// on Tuesday Tue 1 Apr 2025
}
