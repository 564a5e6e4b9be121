package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// ParseFeed reads an RSS, Atom or JSON feed from r (at most
// DefaultMaxBytes) and returns one article per item that has text: Title,
// URL (the item's link), Date (published, else updated), Author, and Text
// from the item's content, else its description, with HTML reduced to
// paragraphs. Source is the item's RSS <source>, else the feed's title.
// Origin is origin plus "#" and the item's 1-based position. Items without
// text are left out; a feed with none is an error.
func ParseFeed(r io.Reader, origin string) ([]Article, error) {
	b, err := readCapped(r, DefaultMaxBytes)
	if err != nil {
		return nil, fmt.Errorf("read feed %s: %w", origin, err)
	}
	arts, err := parseFeedBytes(b, origin)
	if err != nil {
		return nil, fmt.Errorf("read feed %s: %w", origin, err)
	}
	return arts, nil
}

func parseFeedBytes(b []byte, origin string) (arts []Article, err error) {
	defer func() {
		// The feed parsers are third-party code: Chorus never panics on
		// bad input, so a panic there becomes an error.
		if r := recover(); r != nil {
			arts, err = nil, fmt.Errorf("malformed feed: %v", r)
		}
	}()
	if isBinary(b) {
		return nil, ErrBinary
	}
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	f, err := p.Parse(bytes.NewReader(blankControls(b)))
	if err != nil {
		return nil, fmt.Errorf("not a readable RSS, Atom or JSON feed: %w", err)
	}
	var rssItems []*rss.Item
	if rf, ok := f.OriginalFeed().(*rss.Feed); ok && len(rf.Items) == len(f.Items) {
		rssItems = rf.Items
	}
	feedSource := collapseSpaces(f.Title)
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		text := htmlFragmentText(it.Content)
		if strings.TrimSpace(text) == "" {
			text = htmlFragmentText(it.Description)
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		a := Article{
			Title:  collapseSpaces(htmlFragmentText(it.Title)),
			URL:    strings.TrimSpace(it.Link),
			Text:   text,
			Source: feedSource,
			Origin: fmt.Sprintf("%s#%d", origin, i+1),
		}
		if a.URL == "" && isHTTPURL(it.GUID) {
			a.URL = strings.TrimSpace(it.GUID)
		}
		if a.Title != "" {
			paras := strings.Split(a.Text, "\n\n")
			for len(paras) > 1 && sameText(paras[0], a.Title) {
				paras = paras[1:]
			}
			a.Text = strings.Join(paras, "\n\n")
		}
		switch {
		case it.PublishedParsed != nil:
			a.Date = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Date = *it.UpdatedParsed
		default:
			if t, ok := ParseDate(it.Published); ok {
				a.Date = t
			}
		}
		a.Date, _ = plausible(a.Date)
		var names []string
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, strings.TrimSpace(p.Name))
			}
		}
		if len(names) == 0 && it.DublinCoreExt != nil {
			for _, c := range it.DublinCoreExt.Creator {
				if strings.TrimSpace(c) != "" {
					names = append(names, strings.TrimSpace(c))
				}
			}
		}
		a.Author = strings.Join(names, ", ")
		if rssItems != nil && rssItems[i] != nil && rssItems[i].Source != nil {
			if s := collapseSpaces(rssItems[i].Source.Title); s != "" {
				a.Source = s
			}
		}
		if a.Source == "" {
			a.Source = hostName(a.URL)
		}
		a.ID = StableID(a)
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return nil, errors.New("the feed has no item with text")
	}
	return arts, nil
}

// blankControls turns the control characters that XML does not allow
// (all of C0 but tab, line feed and carriage return) into spaces. The feed
// parser drops them, which would join the words on either side into one.
func blankControls(b []byte) []byte {
	var out []byte
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			if out == nil {
				out = append([]byte(nil), b...)
			}
			out[i] = ' '
		}
	}
	if out == nil {
		return b
	}
	return out
}
