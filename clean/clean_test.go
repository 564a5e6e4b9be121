package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
	"github.com/chorus-brief/chorus/text"
)

// lines returns the non-blank lines of s.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// checkWithin asserts that every output line is a piece of a line of the
// input, white space collapsed: the cleaner never invents text.
func checkWithin(t *testing.T, in, out string) {
	t.Helper()
	var norm []string
	for _, l := range splitLines(in) {
		norm = append(norm, collapse(l))
	}
	all := strings.Join(norm, "\n")
	for _, l := range lines(out) {
		if strings.Contains(l, "\n") || !strings.Contains(all, l) {
			t.Fatalf("output line %q is not in the input", l)
		}
	}
}

func TestArticleLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		keep []string // lines (or pieces) that must survive
		drop []string // pieces that must not survive
	}{
		{"read more teaser", "Rebels left the city on Monday.\nRead More: Ten things to know about the siege\nThe army moved in.",
			[]string{"Rebels left the city on Monday.", "The army moved in."}, []string{"Read More", "Ten things"}},
		{"click to enlarge", "Aid trucks reached the east.\nClick here to enlarge.\nMore are due on Friday.",
			[]string{"Aid trucks reached the east."}, []string{"Click here"}},
		{"read time and section label", "World\n3 min read\nThe vote was held on Sunday after a long campaign.",
			[]string{"The vote was held on Sunday after a long campaign."}, []string{"World", "3 min read"}},
		{"byline", "By Jane Doe\nThe vote was held on Sunday after a long campaign.",
			[]string{"The vote was held"}, []string{"Jane Doe"}},
		{"byline in capitals with agency", "By JANE DOE and JOHN ROE, Associated Press\nThe vote was held on Sunday.",
			[]string{"The vote was held"}, []string{"JANE DOE"}},
		{"bracket caption", "Refugees protest the bombing at the camp in Greece [Anadolu]\nThe camp holds 9,000 people, officials said.",
			[]string{"The camp holds"}, []string{"Anadolu", "Refugees protest"}},
		{"photo credit after a paragraph", "The bridge collapsed at dawn. Nobody was on it, officials said. (Photo: AFP/Getty Images)\nRepairs will take a year.",
			[]string{"The bridge collapsed at dawn. Nobody was on it, officials said."}, []string{"Getty", "Photo:"}},
		{"caption with credit", "Rescuers search the river below the bridge. (Photo: AFP/Getty Images)\nRepairs will take a year.",
			[]string{"Repairs will take a year."}, []string{"Getty", "Rescuers search"}},
		{"image copyright line", "Image copyright Reuters\nThe talks ended without a deal on Tuesday.",
			[]string{"The talks ended"}, []string{"Image copyright"}},
		{"share and subscribe prompts", "Share this article\nThe talks ended without a deal.\nSign up for our newsletter\nAdvertisement",
			[]string{"The talks ended without a deal."}, []string{"Share", "Sign up", "Advertisement"}},
		{"advertisement inside a paragraph", "The talks ended. Advertisement The two sides will meet again in May, a spokesman said.",
			[]string{"The talks ended.", "The two sides will meet again in May, a spokesman said."}, []string{"Advertisement"}},
		{"link lines", "https://example.com/story/123\n[example.com/a](https://example.com/a)\nThe talks ended without a deal.",
			[]string{"The talks ended"}, []string{"example.com"}},
		{"markdown rule", "First part of the story ends here.\n---\n* * *\nSecond part of the story starts here.",
			[]string{"First part", "Second part"}, []string{"---", "* * *"}},
		{"date and dateline lines", "01 May, 2016\nOttawa, Ontario\nThe talks ended without a deal on Tuesday.",
			[]string{"The talks ended"}, []string{"2016", "Ottawa"}},
		{"duplicate line", "The talks ended without a deal on Tuesday.\nThe talks ended without a deal on Tuesday.\nBoth sides blamed each other.",
			[]string{"Both sides blamed each other."}, nil},
		{"pull quote", "\"We will not give up,\" she said, before leaving the hall to loud applause.\n\"We will not give up.\"\nThe vote is next week.",
			[]string{"she said, before leaving", "The vote is next week."}, []string{"\"We will not give up.\""}},
		{"copyright", "The vote is next week.\n© 2031 Example Media. All rights reserved.",
			[]string{"The vote is next week."}, []string{"rights reserved", "©"}},
		{"real short sentences and quotes stay", "\"Never.\"\nHe left.\nThe minister resigned on Friday. \"It is over,\" she said.",
			[]string{"\"Never.\"", "He left.", "The minister resigned on Friday. \"It is over,\" she said."}, nil},
		{"words that start like prompts stay", "Shares in the firm fell 8.2% on Monday.\nClosed roads slowed the rescue.\nFollowing the vote, the party split.",
			[]string{"Shares in the firm fell 8.2% on Monday.", "Closed roads slowed the rescue.", "Following the vote, the party split."}, nil},
		{"tweet embed", "The mayor posted a reply.\n— Jane Roe (@janeroe) December 8, 2016\nNobody answered.",
			[]string{"The mayor posted a reply."}, []string{"@janeroe"}},
		{"player text", "Media playback is unsupported on your device\nThe storm hit the coast on Friday night.",
			[]string{"The storm hit"}, []string{"Media playback"}},
		{"archive notice", "These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to.\nThe storm hit the coast.",
			[]string{"The storm hit the coast."}, []string{"crawls"}},
		{"whitespace collapsed", "  The   storm\thit the\u00a0coast.  \r\n\r\nIt passed.\r",
			[]string{"The storm hit the coast.", "It passed."}, []string{"  ", "\t", "\r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Article(article.Article{Text: tt.in}).Text
			checkWithin(t, tt.in, got)
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q\n--- in:\n%s\n--- out:\n%s", k, tt.in, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("kept %q\n--- out:\n%s", d, got)
				}
			}
		})
	}
}

func TestArticleMetadata(t *testing.T) {
	tests := []struct {
		name   string
		in     article.Article
		author string
		date   string
		title  string
	}{
		{"byline fills author", article.Article{Text: "By JANE DOE, Associated Press\nThe vote was held on Sunday."}, "Jane Doe", "", ""},
		{"date line fills date", article.Article{Text: "December 8, 2016\nThe vote was held on Sunday."}, "", "2016-12-08", ""},
		{"byline with date", article.Article{Text: "By Jane Doe | December 8, 2016\nThe vote was held on Sunday."}, "Jane Doe", "2016-12-08", ""},
		{"headline fills title", article.Article{Text: "Rebels agree to leave Aleppo\nThe vote was held on Sunday."}, "", "", "Rebels agree to leave Aleppo"},
		{"markdown heading fills title", article.Article{Text: "# Rebels agree to leave\n\nThe vote was held on Sunday."}, "", "", "Rebels agree to leave"},
		{"existing fields kept", article.Article{Title: "Given", Author: "Ann Poe", Date: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC),
			Text: "By Jane Doe\nDecember 8, 2016\nOther headline here\nThe vote was held on Sunday."}, "Ann Poe", "2020-01-02", "Given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Article(tt.in)
			if got.Author != tt.author {
				t.Errorf("Author = %q, want %q", got.Author, tt.author)
			}
			d := ""
			if !got.Date.IsZero() {
				d = got.Date.Format("2006-01-02")
			}
			if d != tt.date {
				t.Errorf("Date = %q, want %q", d, tt.date)
			}
			if got.Title != tt.title {
				t.Errorf("Title = %q, want %q", got.Title, tt.title)
			}
			if !strings.Contains(got.Text, "The vote was held on Sunday.") {
				t.Errorf("lost the body: %q", got.Text)
			}
		})
	}
}

func TestTitleRepeatedInBody(t *testing.T) {
	a := article.Article{Title: "Rail workers walk out over pay", Text: "Rail workers walk out over pay.\nThousands of rail workers went on strike on Monday."}
	got := Article(a)
	if strings.Contains(got.Text, "walk out over pay") {
		t.Errorf("title kept in body: %q", got.Text)
	}
}

func TestOnlyHeadlineKept(t *testing.T) {
	// A report that is one headline-like line is kept rather than emptied.
	in := "Explosion reported in downtown Beirut"
	if got := Article(article.Article{Text: in}).Text; got != in {
		t.Errorf("Text = %q, want %q", got, in)
	}
}

func TestUnchangedTextIsShared(t *testing.T) {
	in := "The u.s. military said it would act. Officials disagreed, a spokesman said."
	if got := Article(article.Article{Text: in}).Text; got != in {
		t.Errorf("clean text changed: %q", got)
	}
}

func TestArticlesCrossSource(t *testing.T) {
	arts := []article.Article{
		{Text: "We Value Your Support.\nThe strike began on Monday after talks failed.\nThe union said most members backed it.\nMore talks are planned.\nShare Your Story."},
		{Text: "The strike began on Monday after talks failed.\nThe operator said few trains ran on Monday.\nShare Your Story."},
		{Text: "We Value Your Support.\nThe minister called for calm on Monday evening."},
	}
	out, rep := ArticlesWithReport(arts)
	if len(out) != len(arts) {
		t.Fatalf("got %d articles, want %d", len(out), len(arts))
	}
	for i, a := range out {
		if strings.Contains(a.Text, "Stories You Missed") || strings.Contains(a.Text, "Share Your Story") {
			t.Errorf("article %d kept cross-source boilerplate: %q", i, a.Text)
		}
	}
	// A real sentence carried by two sources is support, not boilerplate.
	for _, i := range []int{0, 1} {
		if !strings.Contains(out[i].Text, "The strike began on Monday after talks failed.") {
			t.Errorf("article %d lost a shared sentence: %q", i, out[i].Text)
		}
	}
	var repeated int
	for _, r := range rep {
		if r.Reason == Repeated {
			repeated++
		}
	}
	if repeated != 4 {
		t.Errorf("got %d removals for repeated lines, want 4: %+v", repeated, rep)
	}
}

// fixture expectations: what must go and what must stay in the hand-written
// reports of testdata/.
var fixtures = []struct {
	file   string
	keep   []string
	drop   []string
	author string
	date   string
	title  string
}{
	{"harbour-fire.txt",
		[]string{
			"A fire destroyed a 19th-century grain warehouse",
			"Firefighters were called at 2.15 a.m.",
			"\"We saw the roof go in one piece. It sounded like thunder,\" said Pavel Rusk",
			"No one was hurt, according to Chief Fire Officer Dana Whitlock.",
			"The warehouse, built in 1874,",
		},
		[]string{"By MARTA", "Published:", "Kestrel Bay, Norland", "Share this", "(Photo:", "Flames rise",
			"Read more", "Advertisement", "Sign up", "https://", "---", "©", "Fire Guts"},
		"Marta Okonjo and Lee Fanshawe", "2031-03-03", "Fire Guts Historic Warehouse on Kestrel Quay"},
	{"summit.md",
		[]string{
			"Leaders of three lakeside nations signed an agreement on Wednesday",
			"The pact sets yearly limits",
			"\"This is a good day for every farmer on the lake,\" President Ilse Varga",
			"The agreement still needs to be ratified",
			"Farmers near the southern shore welcomed the news.",
			"Several said the water limits would protect their fields during dry summers.",
		},
		[]string{"# Leaders", "example.net", "4 min read", "Updated", "Image copyright", "World\n", "Click here",
			"Advertisement", "Related:", "Reporting by"},
		"", "2031-11-12", "Leaders agree water-sharing pact at Lake Orun summit"},
	{"rail-strike.txt",
		[]string{
			"Thousands of rail workers across Vellmark went on strike on Monday",
			"The Vellmark Rail Union said 92 percent",
			"\"We did not want this strike, but we were left with no choice,\" union leader Otto Brandt said.",
			"The government urged both sides to return to talks.",
			"Another strike is planned for next week",
		},
		[]string{"walk out over pay", "[Reuters]", "Passengers queue", "Follow us", "Jan 6, 2031", "Most Read"},
		"", "2031-01-06", "Rail workers walk out over pay"},
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", fx.file))
			if err != nil {
				t.Fatal(err)
			}
			in := string(b)
			got := Article(article.Article{Text: in})
			checkWithin(t, in, got.Text)
			for _, k := range fx.keep {
				if !strings.Contains(got.Text, k) {
					t.Errorf("lost %q\n--- out:\n%s", k, got.Text)
				}
			}
			for _, d := range fx.drop {
				if strings.Contains(got.Text+"\n", d) {
					t.Errorf("kept %q\n--- out:\n%s", d, got.Text)
				}
			}
			if got.Author != fx.author {
				t.Errorf("Author = %q, want %q", got.Author, fx.author)
			}
			if d := got.Date.Format("2006-01-02"); !got.Date.IsZero() && d != fx.date || got.Date.IsZero() && fx.date != "" {
				t.Errorf("Date = %v, want %s", got.Date, fx.date)
			}
			if got.Title != fx.title {
				t.Errorf("Title = %q, want %q", got.Title, fx.title)
			}
		})
	}
}

// boilerplate are patterns that must never survive cleaning of the seed
// reports: the kinds of line the brief lists, written generally.
var boilerplate = []string{
	"Read More", "Click here", "min read", "[Anadolu]", "(Photo", "Image copyright", "Share this",
	"Sign up", "Advertisement", "](http", "\n---", "Demand Equity",
}

// TestSeeds runs the cleaner on the raw seed reports beside the checkout:
// no boilerplate pattern survives, no line is a lone date, byline, label
// or link, and the real sentences stay.
func TestSeeds(t *testing.T) {
	dir := shared.Path(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed files in %s", dir)
	}
	var arts []article.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, article.Article{Text: string(b), Origin: f})
	}
	out := Articles(arts)
	for i, a := range out {
		checkWithin(t, arts[i].Text, a.Text)
		for _, p := range boilerplate {
			if strings.Contains("\n"+a.Text, p) {
				t.Errorf("%s: boilerplate %q survived", filepath.Base(arts[i].Origin), p)
			}
		}
		seen := map[string]bool{}
		for _, l := range lines(a.Text) {
			if seen[l] {
				t.Errorf("%s: line repeated: %q", filepath.Base(arts[i].Origin), l)
			}
			seen[l] = true
			if w := text.Words(l); w <= 4 && !endsSentence(l, w) {
				t.Errorf("%s: label-like line survived: %q", filepath.Base(arts[i].Origin), l)
			}
			if _, ok := article.ParseDate(l); ok {
				t.Errorf("%s: date line survived: %q", filepath.Base(arts[i].Origin), l)
			}
			if strings.HasPrefix(l, "By ") || strings.HasPrefix(l, "http") {
				t.Errorf("%s: byline or link survived: %q", filepath.Base(arts[i].Origin), l)
			}
		}
		// Real paragraphs (a dozen words or more, ending like a sentence)
		// must nearly all stay.
		real, kept := 0, 0
		for _, l := range lines(arts[i].Text) {
			l = collapse(l)
			if text.Words(l) >= 12 && endsSentence(l, 12) {
				real++
				if strings.Contains(a.Text, l) {
					kept++
				}
			}
		}
		if real > 0 && kept*10 < real*9 {
			t.Errorf("%s: kept %d of %d real paragraphs", filepath.Base(arts[i].Origin), kept, real)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, fx := range fixtures {
		if b, err := os.ReadFile(filepath.Join("testdata", fx.file)); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "\r\n", "By A\nB", "Image copyright getty images a b c d e f g h i j", "x\u00a0\u00a0y\u200b", "[a](b) [c](d)", "(@", "# #"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := ArticlesWithReport([]article.Article{{Text: s}, {Text: s + "\nShare"}})
		checkWithin(t, s, out[0].Text)
		checkWithin(t, s+"\nShare", out[1].Text)
	})
}

// valClusters reads the Multi-News validation clusters, or skips.
func valClusters(tb testing.TB) [][]article.Article {
	p := shared.Path(tb, "data/multinews500-val.jsonl.gz")
	cs, _, err := article.ReadClusterFile(tb.Context(), p)
	if err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	out := make([][]article.Article, len(cs))
	for i, c := range cs {
		out[i] = c.Articles
	}
	return out
}

// BenchmarkArticles cleans the whole Multi-News validation set, cluster
// by cluster, on one goroutine.
func BenchmarkArticles(b *testing.B) {
	cs := valClusters(b)
	size := 0
	for _, c := range cs {
		for _, a := range c {
			size += len(a.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cs {
			Articles(c)
		}
	}
}

// TestArticlesSplit checks that ArticlesSplit cleans as Articles does and
// gives an article's spans only when they are its text's sentences.
func TestArticlesSplit(t *testing.T) {
	check := func(arts []article.Article) {
		t.Helper()
		out, spans := ArticlesSplit(arts)
		want := Articles(arts)
		if len(out) != len(want) || len(spans) != len(arts) {
			t.Fatalf("ArticlesSplit gave %d articles and %d span lists for %d", len(out), len(spans), len(arts))
		}
		for i := range out {
			if out[i] != want[i] {
				t.Errorf("article %d: ArticlesSplit %+v, Articles %+v", i, out[i], want[i])
			}
			if spans[i] != nil && !slices.Equal(spans[i], text.Sentences(out[i].Text)) {
				t.Errorf("article %d: spans %v, want %v", i, spans[i], text.Sentences(out[i].Text))
			}
		}
	}
	check([]article.Article{
		{Text: "The u.s. military said it would act. Officials disagreed, a spokesman said."},
		{Text: "We Value Your Support.\nThe strike began on Monday after talks failed.\nShare Your Story."},
		{Text: "Share Your Story."},
		{Text: ""},
		{Text: "The strike began on Monday. Read more: http://example.com Officials said so."},
		{Text: "We Value Your Support.\nThe minister called for calm on Monday evening.\nShare Your Story."},
		{Text: "One line that stays. And another sentence here."},
	})
	for _, c := range valClusters(t) {
		check(c)
	}
}
