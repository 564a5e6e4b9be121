package article_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chorus-brief/chorus/article"
)

func ExampleParseDate() {
	for _, s := range []string{"December 8, 2016", "01 May, 2016", "2016-12-08T14:30:00Z", "Thu, 08 Dec 2016 14:30:00 GMT", "3 min read"} {
		t, ok := article.ParseDate(s)
		fmt.Println(t.Format("2006-01-02 15:04"), ok)
	}
	// Output:
	// 2016-12-08 00:00 true
	// 2016-05-01 00:00 true
	// 2016-12-08 14:30 true
	// 2016-12-08 14:30 true
	// 0001-01-01 00:00 false
}

func ExampleParseText() {
	md := "# Bridge reopens\n\n[coastal.example/bridge](https://coastal.example/bridge)\n\nMarch 14, 2024\n\n" +
		"The **Harbour Bridge** reopened on Friday, [the city said](https://city.example).\n"
	a, err := article.ParseText(strings.NewReader(md), "bridge.md")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.URL)
	fmt.Println(a.Date.Format("2006-01-02"))
	fmt.Println(a.Text)
	// Output:
	// Bridge reopens
	// https://coastal.example/bridge
	// 2024-03-14
	// The Harbour Bridge reopened on Friday, the city said.
}

func ExampleRead() {
	dir, err := os.MkdirTemp("", "chorus-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "herald.txt"), []byte("Bridge open again\n\nCars crossed the Harbour Bridge again on Friday after eleven weeks of repairs, and drivers said it was a relief to see it open.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "wire.jsonl"), []byte(`{"source":"Wire","title":"Bridge reopens","date":"2024-03-14","text":"The Harbour Bridge reopened to traffic on Friday after repairs to its northern span that took eleven weeks to finish."}`+"\n"+`{"title":"no text here"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte{0xff, 0xd8}, 0o644)

	arts, problems := article.Read(context.Background(), []string{dir}, nil, article.Options{})
	for _, a := range arts {
		fmt.Printf("%s | %s | %s\n", a.Source, a.Title, filepath.Base(a.Origin))
	}
	for _, p := range problems {
		kind := "error"
		if p.Warning {
			kind = "warning"
		}
		msg := strings.ReplaceAll(p.Error(), dir+string(filepath.Separator), "")
		fmt.Println(kind+":", strings.ReplaceAll(msg, dir, "folder"))
	}
	// Output:
	// herald | Bridge open again | herald.txt
	// Wire | Bridge reopens | wire.jsonl:1
	// error: wire.jsonl:2: no "text" field; line skipped
	// warning: folder: skipped 1 file of a type Chorus does not read: photo.jpg
}
