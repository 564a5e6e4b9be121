package article

import (
	"strings"
	"testing"
	"time"
)

func TestParseTextString(t *testing.T) {
	body := "The city council approved the budget on Tuesday after a long debate about schools and roads."
	tests := []struct {
		name      string
		in        string
		title     string
		paras     []string // want Text split on blank lines
		date      string   // "" when none
		url       string
		author    string
		source    string
		notInText []string
	}{
		{
			name:  "headline then body",
			in:    "Council passes budget\n\n" + body + "\n\nSecond paragraph here.\n",
			title: "Council passes budget",
			paras: []string{body, "Second paragraph here."},
		},
		{
			name:  "headline with no blank line",
			in:    "Council passes budget\n" + body + "\n",
			title: "Council passes budget",
			paras: []string{body},
		},
		{
			name:  "first line is a sentence: no title",
			in:    body + "\n\nMore.\n",
			paras: []string{body, "More."},
		},
		{
			name:  "one line only: no title",
			in:    "Council passes budget\n",
			paras: []string{"Council passes budget"},
		},
		{
			name:  "byline is not a headline",
			in:    "By Jane Doe\n\n" + body,
			paras: []string{"By Jane Doe", body},
		},
		{
			name:  "headline ending in an abbreviation",
			in:    "Talks resume with the U.S.\n\n" + body,
			title: "Talks resume with the U.S.",
			paras: []string{body},
		},
		{
			name:  "repeated headline is dropped",
			in:    "Council passes budget\n\nCouncil passes budget\n\n" + body,
			title: "Council passes budget",
			paras: []string{body},
		},
		{
			name:  "markdown heading, rule, link line, date line",
			in:    "\n\n# Joint statement on the budget\n\n---\n\n[example.org/statements/1](http://example.org/statements/1)\n\nDecember 8, 2016  \nOttawa, Ontario\n\n" + body + "\n",
			title: "Joint statement on the budget",
			paras: []string{"Ottawa, Ontario", body},
			date:  "2016-12-08",
			url:   "http://example.org/statements/1",
		},
		{
			name:      "inline markdown reduced",
			in:        "## Budget\n\nThe **council** voted, see [the report](https://x.org/r \"Report\") and *notes* and `code` and ~~old~~.\n\n![photo](https://x.org/p.jpg)\n\n> A quoted line.\n\n- first item\n- second item\n\n1. numbered\n\n***\n\n[ref]: https://x.org/ref\n",
			title:     "Budget",
			paras:     []string{"The council voted, see the report and notes and code and old.", "A quoted line.", "first item", "second item", "numbered"},
			notInText: []string{"**", "](", "https://", "photo", "ref]"},
		},
		{
			name:  "setext heading",
			in:    "Budget passes\n=============\n\n" + body,
			title: "Budget passes",
			paras: []string{body},
		},
		{
			name:  "snake_case and lone stars survive",
			in:    "Rates rose 5 * 2 times in file_name_here.\n",
			paras: []string{"Rates rose 5 * 2 times in file_name_here."},
		},
		{
			name:  "a headline over a byline and a date is not a wrapped paragraph",
			in:    "Ferry disaster: families wait as the search goes on\nBy Jonas Pell, Lakeside Daily News\n13 March 2025\n\n" + body,
			title: "Ferry disaster: families wait as the search goes on",
			date:  "2025-03-13",
			paras: []string{"By Jonas Pell, Lakeside Daily News", body},
		},
		{
			name: "hard-wrapped paragraphs are joined",
			in: "The city council approved the budget on Tuesday after a\nlong debate about schools and roads, which took most of\nthe evening.\n" +
				"Next came a vote on parking.\n\nA second block of text that is wrapped at about\nsixty characters so that it spans two lines.\n",
			paras: []string{
				"The city council approved the budget on Tuesday after a long debate about schools and roads, which took most of the evening.",
				"Next came a vote on parking.",
				"A second block of text that is wrapped at about sixty characters so that it spans two lines.",
			},
		},
		{
			name:  "long lines are paragraphs of their own",
			in:    body + "\n" + body + "\n",
			paras: []string{body, body},
		},
		{
			name:   "front matter",
			in:     "---\ntitle: \"Budget passes\"\ndate: 2016-12-08\nauthor: Jane Doe\nsource: The Daily\nurl: https://daily.example/budget\n---\n" + body,
			title:  "Budget passes",
			paras:  []string{body},
			date:   "2016-12-08",
			url:    "https://daily.example/budget",
			author: "Jane Doe",
			source: "The Daily",
		},
		{
			name:  "bare URL line dropped, CRLF",
			in:    "Budget passes in city\r\n\r\nhttps://daily.example/budget\r\n\r\n" + body + "\r\n",
			title: "Budget passes in city",
			paras: []string{body},
			url:   "https://daily.example/budget",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseTextString(tt.in)
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			got := strings.Split(a.Text, "\n\n")
			if strings.Join(got, "|") != strings.Join(tt.paras, "|") {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.paras)
			}
			var wantDate time.Time
			if tt.date != "" {
				wantDate, _ = time.Parse("2006-01-02", tt.date)
			}
			if !a.Date.Equal(wantDate) {
				t.Errorf("Date = %v, want %v", a.Date, wantDate)
			}
			if a.URL != tt.url || a.Author != tt.author || a.Source != tt.source {
				t.Errorf("URL, Author, Source = %q, %q, %q; want %q, %q, %q", a.URL, a.Author, a.Source, tt.url, tt.author, tt.source)
			}
			for _, s := range tt.notInText {
				if strings.Contains(a.Text, s) {
					t.Errorf("Text holds %q:\n%s", s, a.Text)
				}
			}
			if tt.title != "" && strings.Contains(a.Text, tt.title) {
				t.Errorf("title %q kept in body", tt.title)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr bool
	}{
		{"ok", "Headline goes here\n\nBody text.", false},
		{"empty", "   \n\n", true},
		{"binary", "abc\x00\x01def", true},
		{"only a link", "https://example.org/x\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText(strings.NewReader(tt.in), "x.txt")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "x.txt") {
				t.Errorf("error %q does not name the file", err)
			}
			if err == nil && a.Origin != "x.txt" {
				t.Errorf("Origin = %q", a.Origin)
			}
		})
	}
}
