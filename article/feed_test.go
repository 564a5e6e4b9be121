package article

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	type want struct {
		title, url, author, source, date string
		paras                            []string
	}
	tests := []struct {
		name    string
		file    string
		want    []want
		wantErr bool
	}{
		{
			name: "RSS", file: "feed.rss",
			want: []want{
				{"Harbour bridge reopens after repairs", "https://coastal.example/news/bridge-reopens", "Mara Quill", "Coastal Times – News", "2024-03-14",
					[]string{"The Harbour Bridge reopened to traffic on Friday after eleven weeks of repairs.", "Engineers replaced 42 steel cables."}},
				{"Ferry fares rise", "https://wire.example/ferry", "", "Wire Service", "2024-03-13",
					[]string{"Ferry fares will rise by 5% in April, the operator said."}},
			},
		},
		{
			name: "Atom", file: "feed.atom",
			want: []want{
				{"Bridge open again", "https://herald.example/bridge", "Ivo Tarn", "Port Avel Herald", "2024-03-14",
					[]string{"Cars crossed the Harbour Bridge again on Friday.", "\"It is a relief,\" said one driver."}},
			},
		},
		{name: "no items with text", file: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b []byte
			if tt.file != "" {
				b = readTestdata(t, tt.file)
			} else {
				b = []byte(`<rss version="2.0"><channel><title>x</title><item><title>Only a title</title></item></channel></rss>`)
			}
			arts, err := ParseFeed(bytes.NewReader(b), "feed")
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error, %d articles", len(arts))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tt.want) {
				t.Fatalf("%d articles, want %d", len(arts), len(tt.want))
			}
			for i, w := range tt.want {
				a := arts[i]
				if a.Title != w.title || a.URL != w.url || a.Author != w.author || a.Source != w.source || a.Date.Format(time.DateOnly) != w.date {
					t.Errorf("item %d = %q %q %q %q %v\nwant %q %q %q %q %s", i, a.Title, a.URL, a.Author, a.Source, a.Date, w.title, w.url, w.author, w.source, w.date)
				}
				if got := strings.Split(a.Text, "\n\n"); strings.Join(got, "|") != strings.Join(w.paras, "|") {
					t.Errorf("item %d text = %q, want %q", i, got, w.paras)
				}
				if a.ID == "" || !strings.HasPrefix(a.Origin, "feed#") {
					t.Errorf("item %d: ID %q, Origin %q", i, a.ID, a.Origin)
				}
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want format
	}{
		{"rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>", formatFeed},
		{"atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", formatFeed},
		{"rdf", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", formatFeed},
		{"json feed", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", formatFeed},
		{"html", "<!DOCTYPE html><html><body><p>x</p></body></html>", formatHTML},
		{"html after blanks and BOM", "\ufeff\n  <html><body>x</body></html>", formatHTML},
		{"xhtml", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", formatHTML},
		{"jsonl", "{\"text\": \"x\"}\n{\"text\": \"y\"}", formatJSON},
		{"json array", "  [{\"text\": \"x\"}]", formatJSON},
		{"gzip", "\x1f\x8b\x08\x00", formatJSON},
		{"text", "Headline\n\nBody text.", formatText},
		{"markdown", "# Headline\n\nBody *text*.", formatText},
		{"empty", "", formatText},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}
