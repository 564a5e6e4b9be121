package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitLines splits s at "\n", "\r\n" and "\r". The lines share s's memory.
func splitLines(s string) []string {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return []string{s}
	}
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			n++
		}
	}
	out := make([]string, 0, n)
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			end := i
			if end > start && s[end-1] == '\r' {
				end--
			}
			out = append(out, s[start:end])
			start = i + 1
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// spaceWidth returns the width of the white space at s[i] (ASCII blanks,
// no-break and other Unicode spaces, zero-width spaces and the byte-order
// mark), or 0.
func spaceWidth(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\v' || c == '\f' {
			return 1
		}
		return 0
	}
	if c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF {
		return 0
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060' {
		return w
	}
	return 0
}

// collapse trims a line and turns every run of white space into one
// space. It returns l itself when there is nothing to change.
func collapse(l string) string {
	if isCollapsed(l) {
		return l
	}
	var b strings.Builder
	b.Grow(len(l))
	pending := false
	for i := 0; i < len(l); {
		if w := spaceWidth(l, i); w > 0 {
			pending = b.Len() > 0
			i += w
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		n := 1
		if l[i] >= utf8.RuneSelf {
			_, n = utf8.DecodeRuneInString(l[i:])
		}
		b.WriteString(l[i : i+n])
		i += n
	}
	return b.String()
}

// key is the comparison form of a line: its letters and digits, lowercased,
// with one space between words. Quotes, punctuation and case do not count.
func key(l string) string {
	var b strings.Builder
	b.Grow(len(l))
	space := false
	for _, r := range l {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			continue
		}
		space = true
	}
	return b.String()
}

// lowerASCII appends up to max bytes of s to dst with ASCII letters
// lowercased and curly quotes and apostrophes kept as they are.
func lowerASCII(dst []byte, s string, max int) []byte {
	if len(s) > max {
		s = s[:max]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isCollapsed reports whether l has no white space to trim or collapse.
func isCollapsed(l string) bool {
	if l == "" || l[0] == ' ' || l[len(l)-1] == ' ' || strings.Contains(l, "  ") || strings.ContainsAny(l, "\t\v\f") {
		return false
	}
	for _, lead := range []byte{0xC2, 0xE2, 0xE3, 0xEF} {
		for rest, off := l, 0; ; {
			i := strings.IndexByte(rest, lead)
			if i < 0 {
				break
			}
			if spaceWidth(l, off+i) > 0 {
				return false
			}
			rest = rest[i+1:]
			off += i + 1
		}
	}
	return true
}
