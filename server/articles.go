package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chorus-brief/chorus/article"
)

// ArticleIn is one article in a request body, the same shape everywhere
// in the API: exactly one of Text, HTML or URL carries the report. With
// Text or HTML, URL may also be given as the report's address (it is then
// not fetched). The other fields override what is read from the report.
type ArticleIn struct {
	Text   string `json:"text,omitempty"`
	HTML   string `json:"html,omitempty"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	Author string `json:"author,omitempty"`
	// Date is the publication date in any common form (RFC 3339,
	// "2016-12-13", "13 December 2016") or Unix seconds.
	Date FlexDate `json:"date,omitempty"`
	// ID is accepted for compatibility with JSONL article files and
	// ignored: Chorus gives every article its stable ID (article.StableID).
	ID string `json:"id,omitempty"`
}

// FlexDate is a date as clients send it: a JSON string in any form
// article.ParseDate reads, or a number of Unix seconds.
type FlexDate string

// UnmarshalJSON accepts a string or a number.
func (d *FlexDate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*d = FlexDate(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("date: want a string or Unix seconds, got %s", b)
	}
	*d = FlexDate(n.String())
	return nil
}

// parse returns the date, or ok false when it is not one.
func (d FlexDate) parse() (time.Time, bool) {
	if n, err := strconv.ParseInt(string(d), 10, 64); err == nil && len(d) >= 9 {
		return time.Unix(n, 0).UTC(), true
	}
	return article.ParseDate(string(d))
}

// ArticlesIn is the body that carries articles.
type ArticlesIn struct {
	Articles []ArticleIn `json:"articles"`
}

// ArticleOut reports how one posted article was read.
type ArticleOut struct {
	// Index is the article's position in the request.
	Index  int       `json:"index"`
	ID     string    `json:"id,omitempty"`
	Title  string    `json:"title,omitempty"`
	Source string    `json:"source,omitempty"`
	Author string    `json:"author,omitempty"`
	URL    string    `json:"url,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	// Words is the number of words of text read.
	Words int `json:"words"`
	// Duplicate is set when the story already held this article.
	Duplicate bool `json:"duplicate,omitempty"`
	// Error says why the article could not be read; it was not stored.
	Error string `json:"error,omitempty"`
}

// readArticles turns the request's articles into articles, fetching URLs
// concurrently (at most four at a time). It returns one result per input:
// the article, or an error message in out[i].Error.
func (s *Server) readArticles(ctx context.Context, in []ArticleIn) ([]article.Article, []ArticleOut, error) {
	if len(in) == 0 {
		return nil, nil, badRequest(`no articles: send {"articles": [{"text": "…"}]}`)
	}
	if len(in) > s.cfg.MaxArticles {
		return nil, nil, badRequest("%d articles in one request; the limit is %d", len(in), s.cfg.MaxArticles)
	}
	urls := 0
	for _, a := range in {
		if a.Text == "" && a.HTML == "" && a.URL != "" {
			urls++
		}
	}
	if urls > s.cfg.MaxURLs {
		return nil, nil, badRequest("%d URLs to fetch in one request; the limit is %d", urls, s.cfg.MaxURLs)
	}
	arts := make([]article.Article, len(in))
	outs := make([]ArticleOut, len(in))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, a := range in {
		outs[i].Index = i
		if a.Text == "" && a.HTML == "" && a.URL != "" {
			wg.Add(1)
			go func() {
				defer wg.Done()
				select {
				case sem <- struct{}{}:
					defer func() { <-sem }()
				case <-ctx.Done():
					outs[i].Error = "not fetched: " + ctx.Err().Error()
					return
				}
				arts[i], outs[i].Error = s.readOne(ctx, a)
			}()
			continue
		}
		arts[i], outs[i].Error = s.readOne(ctx, a)
	}
	wg.Wait()
	for i := range outs {
		if outs[i].Error != "" {
			continue
		}
		a := arts[i]
		outs[i].ID, outs[i].Title, outs[i].Source, outs[i].Author = a.ID, a.Title, a.Source, a.Author
		outs[i].URL, outs[i].Date, outs[i].Words = a.URL, a.Date, len(strings.Fields(a.Text))
	}
	return arts, outs, nil
}

// readOne reads one article; the string is an error message for the
// client, "" on success.
func (s *Server) readOne(ctx context.Context, in ArticleIn) (article.Article, string) {
	n := 0
	for _, f := range []string{in.Text, in.HTML} {
		if f != "" {
			n++
		}
	}
	switch {
	case n == 0 && in.URL == "":
		return article.Article{}, `empty article: give "text", "html" or "url"`
	case n > 1:
		return article.Article{}, `give only one of "text" and "html"`
	case len(in.Text) > s.cfg.MaxArticleBytes || len(in.HTML) > s.cfg.MaxArticleBytes:
		return article.Article{}, fmt.Sprintf("article larger than %d bytes", s.cfg.MaxArticleBytes)
	}
	var date time.Time
	if in.Date != "" {
		d, ok := in.Date.parse()
		if !ok {
			return article.Article{}, fmt.Sprintf("date %q: not a date Chorus can read (use 2016-12-13 or RFC 3339)", in.Date)
		}
		date = d
	}
	if in.URL != "" {
		u, err := url.Parse(in.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return article.Article{}, fmt.Sprintf("url %q: not an http or https address", in.URL)
		}
	}
	var a article.Article
	var err error
	switch {
	case in.Text != "":
		a, err = article.ParseText(strings.NewReader(in.Text), "posted text")
		// Pasted text names no outlet: leave it unknown (the brief says so)
		// rather than show the reader's placeholder as one.
		a.Source, a.Origin = "", "api"
	case in.HTML != "":
		a, err = article.ParseHTML(strings.NewReader(in.HTML), in.URL)
		a.Origin = "api"
	default:
		a, err = article.Fetch(ctx, in.URL, article.FetchOptions{
			Client: s.client, Timeout: s.cfg.FetchTimeout, MaxBytes: int64(s.cfg.MaxArticleBytes)})
		if errors.Is(err, ErrForbiddenAddress) {
			return article.Article{}, fmt.Sprintf("fetch %s: refused: the server does not fetch loopback or private addresses", in.URL)
		}
	}
	if err != nil {
		return article.Article{}, err.Error()
	}
	if in.Title != "" {
		a.Title = in.Title
	}
	if in.Source != "" {
		a.Source = in.Source
	}
	if in.Author != "" {
		a.Author = in.Author
	}
	if in.URL != "" && (in.Text != "" || in.HTML != "") {
		a.URL = in.URL
	}
	if !date.IsZero() {
		a.Date = date
	}
	if strings.TrimSpace(a.Text) == "" {
		return article.Article{}, "no usable text in the report"
	}
	a.ID = article.StableID(a)
	return a, ""
}
