// Package article defines the Article, the unit that every stage of Chorus
// passes along, and the readers that turn files, URLs, feeds and datasets
// into articles.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Article is one news report as read from its input, before or after
// cleaning. Only Text is required; every other field is best effort.
type Article struct {
	// ID is a stable identifier: a hash of the canonical URL, or of the
	// text when there is no URL (see StableID).
	ID string `json:"id,omitempty"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Source is the outlet's name ("Reuters", "The Guardian").
	Source string `json:"source,omitempty"`
	// Author is the byline, without "By".
	Author string `json:"author,omitempty"`
	// URL is the canonical address of the report, when known.
	URL string `json:"url,omitempty"`
	// Date is the publication date; the zero time when unknown.
	Date time.Time `json:"date,omitzero"`
	// Text is the body: paragraphs separated by blank lines or newlines.
	Text string `json:"text"`
	// Origin says where the article was read from: a file path, a URL,
	// "stdin" or "file.jsonl:12" for a line of a JSONL file.
	Origin string `json:"origin,omitempty"`
}

// Cluster is one story of a dataset: its reports and, where the dataset has
// them, the human reference summaries.
type Cluster struct {
	ID         string    `json:"id"`
	Articles   []Article `json:"articles"`
	References []string  `json:"references,omitempty"`
}

// StableID returns the identifier Chorus gives an article: the first 16 hex
// digits of the SHA-256 of its canonical URL (scheme and host lowercased,
// fragment and trailing slash dropped), or of its whitespace-normalised text
// when it has no URL. The same report posted twice gets the same ID.
func StableID(a Article) string {
	key := CanonicalURL(a.URL)
	if key == "" {
		key = "text:" + strings.Join(strings.Fields(a.Text), " ")
	} else {
		key = "url:" + key
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// CanonicalURL normalises a URL for identity: it trims blanks, lowercases
// the scheme and host, and drops the fragment and a trailing slash. It
// returns "" for an empty string.
func CanonicalURL(raw string) string {
	u := strings.TrimSpace(raw)
	if u == "" {
		return ""
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		host, path := rest, ""
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			host, path = rest[:j], rest[j:]
		}
		u = strings.ToLower(u[:i]) + "://" + strings.ToLower(host) + path
	}
	return strings.TrimSuffix(u, "/")
}
