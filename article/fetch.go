package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// FetchOptions sets how pages are fetched from http(s) URLs. The zero value
// is usable.
type FetchOptions struct {
	// Client sends the requests; nil means a client with no timeout of its
	// own (Timeout applies). The HTTP server passes a client that refuses
	// private addresses.
	Client *http.Client
	// Timeout bounds each fetch, body included; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest body accepted; 0 means DefaultMaxBytes. At
	// most MaxBytes+1 bytes are read.
	MaxBytes int64
	// UserAgent is sent with each request; "" means DefaultUserAgent.
	UserAgent string
}

// DefaultTimeout bounds one URL fetch when FetchOptions.Timeout is 0.
const DefaultTimeout = 20 * time.Second

// DefaultUserAgent identifies Chorus to news sites.
const DefaultUserAgent = "Chorus/1 (news brief; +https://github.com/chorus-brief/chorus)"

// defaultClient is used when FetchOptions.Client is nil. It is never
// modified.
var defaultClient = &http.Client{}

// Fetch downloads one news page and extracts it as ParseHTML does (a
// text/plain or text/markdown page is read as ParseText does). Origin is
// rawURL; URL is the page's canonical URL, else the address after
// redirects. Every error names the URL. A feed URL is refused: use FetchAll.
func Fetch(ctx context.Context, rawURL string, opt FetchOptions) (Article, error) {
	arts, isFeed, err := fetch(ctx, rawURL, opt)
	if err != nil {
		return Article{}, err
	}
	if isFeed {
		return Article{}, fmt.Errorf("fetch %s: %w: it is a feed of %d items, not one article", rawURL, ErrUnsupported, len(arts))
	}
	return arts[0], nil
}

// FetchAll downloads a URL that is either a news page (one article, as
// Fetch) or an RSS/Atom/JSON feed (one article per item with text, as
// ParseFeed).
func FetchAll(ctx context.Context, rawURL string, opt FetchOptions) ([]Article, error) {
	arts, _, err := fetch(ctx, rawURL, opt)
	return arts, err
}

// acceptedTypes are the media types Chorus reads from the web.
var acceptedTypes = map[string]string{
	"text/html":             "html",
	"application/xhtml+xml": "html",
	"text/plain":            "text",
	"text/markdown":         "text",
	"text/x-markdown":       "text",
	"application/rss+xml":   "feed",
	"application/atom+xml":  "feed",
	"application/rdf+xml":   "feed",
	"application/feed+json": "feed",
	"application/xml":       "xml",
	"text/xml":              "xml",
}

func fetch(ctx context.Context, rawURL string, opt FetchOptions) ([]Article, bool, error) {
	fail := func(err error) ([]Article, bool, error) {
		return nil, false, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return fail(fmt.Errorf("bad URL: %w", err))
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fail(errors.New("only absolute http and https URLs can be fetched"))
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	client := opt.Client
	if client == nil {
		client = defaultClient
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fail(err)
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8,application/xml;q=0.7")
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return fail(fmt.Errorf("no answer within %s", timeout))
		}
		return fail(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(fmt.Errorf("HTTP %s", resp.Status))
	}
	if resp.ContentLength > limit {
		return fail(fmt.Errorf("%w: %s announced, the cap is %s", ErrTooLarge, sizeString(resp.ContentLength), sizeString(limit)))
	}
	ctype := resp.Header.Get("Content-Type")
	kind := ""
	if ctype != "" {
		mt, _, err := mime.ParseMediaType(ctype)
		if err != nil {
			return fail(fmt.Errorf("%w: bad Content-Type %q", ErrUnsupported, ctype))
		}
		var ok bool
		if kind, ok = acceptedTypes[mt]; !ok {
			return fail(fmt.Errorf("%w: content type %s is not a news page or feed", ErrUnsupported, mt))
		}
	}
	body, err := readCapped(resp.Body, limit)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return fail(fmt.Errorf("body not read within %s", timeout))
		}
		return fail(err)
	}
	final := u.String()
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	if kind == "" || kind == "xml" || kind == "html" && looksLikeFeed(body) {
		switch sniff(body) {
		case formatFeed:
			kind = "feed"
		case formatHTML:
			kind = "html"
		default:
			if kind == "" {
				kind = "text"
			} else if kind == "xml" {
				return fail(fmt.Errorf("%w: XML that is not an RSS or Atom feed", ErrUnsupported))
			}
		}
	}
	switch kind {
	case "feed":
		arts, err := parseFeedBytes(body, rawURL)
		if err != nil {
			return fail(err)
		}
		for i := range arts {
			if arts[i].Source == "" {
				arts[i].Source = hostName(final)
			}
		}
		return arts, true, nil
	case "text":
		s, _, err := DecodeText(body)
		if err != nil {
			return fail(err)
		}
		a := parseTextString(s)
		if strings.TrimSpace(a.Text) == "" {
			return fail(errors.New("no article text"))
		}
		if a.URL == "" {
			a.URL = final
		}
		a.Origin = rawURL
		finish(&a, hostName(final))
		return []Article{a}, false, nil
	}
	a, err := parseHTMLBytes(body, final, ctype)
	if err != nil {
		return fail(err)
	}
	a.Origin = rawURL
	finish(&a, hostName(a.URL))
	return []Article{a}, false, nil
}

// looksLikeFeed reports whether a body served as HTML is in fact a feed.
func looksLikeFeed(b []byte) bool {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:RDF"))
}

// hostName returns the host of a URL without a leading "www.", or "".
func hostName(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// finish sets ID and, when empty, Source (to fallback) on a.
func finish(a *Article, fallback string) {
	if a.Source == "" {
		a.Source = fallback
	}
	if a.ID == "" {
		a.ID = StableID(*a)
	}
}
