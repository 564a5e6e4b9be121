package article

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/mmcdole/gofeed"
)

// format is the kind of an input, by extension or by content.
type format int

const (
	formatUnknown format = iota
	formatText           // plain text or Markdown
	formatHTML           // an HTML page
	formatFeed           // an RSS, Atom or JSON feed
	formatJSON           // JSONL (articles or dataset clusters), or one JSON document
	formatSkip           // a file type Chorus does not read (image, PDF, archive…)
)

// extFormats maps file extensions (lower case, with the dot) to formats.
var extFormats = map[string]format{
	".txt": formatText, ".text": formatText, ".md": formatText, ".markdown": formatText,
	".mdown": formatText, ".mkd": formatText,
	".html": formatHTML, ".htm": formatHTML, ".xhtml": formatHTML, ".shtml": formatHTML,
	".xml": formatFeed, ".rss": formatFeed, ".atom": formatFeed, ".rdf": formatFeed,
	".jsonl": formatJSON, ".ndjson": formatJSON, ".json": formatJSON, ".gz": formatJSON,
	".jsonl.gz": formatJSON, ".ndjson.gz": formatJSON, ".json.gz": formatJSON,
}

// skipExts are file types that are surely not news text.
var skipExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
	".bmp": true, ".tif": true, ".tiff": true, ".heic": true,
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".xls": true, ".xlsx": true,
	".ppt": true, ".pptx": true, ".epub": true,
	".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".7z": true, ".rar": true, ".zst": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".ogg": true, ".mov": true, ".avi": true, ".mkv": true,
	".exe": true, ".bin": true, ".so": true, ".dll": true, ".o": true, ".a": true, ".class": true, ".jar": true,
	".css": true, ".js": true, ".go": true, ".py": true, ".sqlite": true, ".db": true,
}

// fileExt returns a file's extension in lower case, including a
// compression suffix (".jsonl.gz").
func fileExt(path string) string {
	base := strings.ToLower(filepath.Base(path))
	ext := filepath.Ext(base)
	if ext == ".gz" {
		if inner := filepath.Ext(strings.TrimSuffix(base, ext)); inner != "" {
			if _, ok := extFormats[inner+ext]; ok {
				return inner + ext
			}
		}
	}
	return ext
}

// fileStem returns a file's name without its directory and extension.
func fileStem(path string) string {
	base := filepath.Base(path)
	ext := fileExt(path)
	if ext != "" && len(ext) < len(base) && strings.EqualFold(base[len(base)-len(ext):], ext) {
		base = base[:len(base)-len(ext)]
	}
	return base
}

// formatOfExt returns the format an extension announces.
func formatOfExt(ext string) format {
	if f, ok := extFormats[ext]; ok {
		return f
	}
	if skipExts[ext] {
		return formatSkip
	}
	return formatUnknown
}

// sniff tells the format of some content from its first bytes: gzip or a
// JSON start gives formatJSON; a JSON feed or an XML document whose root is
// rss, feed or rdf:RDF gives formatFeed; other content starting with '<' or
// holding <html>/<body> early gives formatHTML; anything else formatText.
func sniff(b []byte) format {
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		return formatJSON
	}
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 {
		return formatText
	}
	switch head[0] {
	case '{', '[':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return formatFeed
		}
		return formatJSON
	case '<':
		if gofeedType(head) != gofeed.FeedTypeUnknown {
			return formatFeed
		}
		return formatHTML
	}
	low := bytes.ToLower(head)
	if bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<body")) || bytes.Contains(low, []byte("<!doctype html")) {
		return formatHTML
	}
	return formatText
}

// gofeedType asks gofeed's detector, which never panics on our behalf.
func gofeedType(head []byte) (t gofeed.FeedType) {
	defer func() {
		if recover() != nil {
			t = gofeed.FeedTypeUnknown
		}
	}()
	return gofeed.DetectFeedType(bytes.NewReader(head))
}
