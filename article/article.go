// Package article defines the Article, the unit that every stage of Chorus
// passes along, and the readers that turn files, URLs, feeds and datasets
// into articles.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
	// Lang is the ISO 639-1 code of the body's language ("en") when the
	// reader could tell it; "" when unknown.
	Lang string `json:"lang,omitempty"`
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
	h := sha256.New()
	if key := CanonicalURL(a.URL); key != "" {
		h.Write([]byte("url:"))
		h.Write([]byte(key))
	} else {
		writeFields(h, "text:", a.Text)
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:8])
}

// writeFields writes prefix and then the blank-separated fields of s joined
// by single spaces (strings.Join(strings.Fields(s), " ")) to w, through a
// buffer, without building the joined string.
func writeFields(w io.Writer, prefix, s string) {
	var buf [8192]byte
	out := append(buf[:0], prefix...)
	first := true
	for i := 0; i < len(s); {
		// Skip blanks.
		n := spaceAt(s, i)
		if n > 0 {
			i += n
			continue
		}
		// Find the end of the field.
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			if spaceAt(s, j) > 0 {
				break
			}
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
		}
		if !first {
			out = append(out, ' ')
		}
		first = false
		field := s[i:j]
		if len(out)+len(field) > len(buf) {
			w.Write(out)
			out = buf[:0]
			if len(field) > len(buf) {
				w.Write([]byte(field))
				field = ""
			}
		}
		out = append(out, field...)
		i = j
	}
	w.Write(out)
}

// spaceAt returns the byte length of the blank (unicode.IsSpace) at s[i],
// or 0 when s[i] does not start one.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

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
