package article

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonScanner is a small, allocation-lean JSON reader for one JSONL line.
// The dataset reader is on the hot path of `chorus summarize` (tens of MB
// per run); walking the line once with this scanner is several times faster
// than decoding it with encoding/json. It accepts exactly RFC 8259 JSON;
// invalid UTF-8 inside strings becomes U+FFFD, as encoding/json does.
type jsonScanner struct {
	b     []byte
	i     int
	depth int
}

const maxJSONDepth = 1000

// syntaxError is a line that is not valid JSON (as opposed to valid JSON
// that is not a usable record).
type syntaxError struct{ msg string }

func (e *syntaxError) Error() string { return e.msg }

var errJSONEnd = &syntaxError{"invalid JSON: unexpected end"}

func (s *jsonScanner) errAt(what string) error {
	if s.i >= len(s.b) {
		return errJSONEnd
	}
	return &syntaxError{fmt.Sprintf("invalid JSON at byte %d: %s", s.i+1, what)}
}

func (s *jsonScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next non-blank byte, or 0 at the end.
func (s *jsonScanner) peek() byte {
	s.ws()
	if s.i >= len(s.b) {
		return 0
	}
	return s.b[s.i]
}

// end checks that nothing but blanks follows.
func (s *jsonScanner) end() error {
	s.ws()
	if s.i != len(s.b) {
		return s.errAt("data after the value")
	}
	return nil
}

// str reads a JSON string.
func (s *jsonScanner) str() (string, error) {
	if s.peek() != '"' {
		return "", s.errAt("want a string")
	}
	s.i++
	start := s.i
	simple := true
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c == '"' {
			break
		}
		if c == '\\' {
			simple = false
			s.i += 2
			continue
		}
		if c < 0x20 {
			return "", s.errAt("control character in string")
		}
		if c >= 0x80 {
			simple = false
		}
		s.i++
	}
	if s.i >= len(s.b) {
		return "", errJSONEnd
	}
	raw := s.b[start:s.i]
	s.i++ // closing quote
	if simple {
		return string(raw), nil
	}
	if !strings.ContainsRune(string(raw), '\\') && utf8.Valid(raw) {
		return string(raw), nil
	}
	return unquoteJSON(raw)
}

// unquoteJSON decodes the inside of a JSON string with escapes.
func unquoteJSON(raw []byte) (string, error) {
	var sb strings.Builder
	sb.Grow(len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			if i+1 >= len(raw) {
				return "", &syntaxError{"invalid JSON: bad escape"}
			}
			e := raw[i+1]
			i += 2
			switch e {
			case '"', '\\', '/':
				sb.WriteByte(e)
			case 'b':
				sb.WriteByte('\b')
			case 'f':
				sb.WriteByte('\f')
			case 'n':
				sb.WriteByte('\n')
			case 'r':
				sb.WriteByte('\r')
			case 't':
				sb.WriteByte('\t')
			case 'u':
				r, ok := hex4(raw, i)
				if !ok {
					return "", &syntaxError{"invalid JSON: bad \\u escape"}
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(0), false
					if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						r2, ok2 = hex4(raw, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				sb.WriteRune(r)
			default:
				return "", &syntaxError{"invalid JSON: bad escape"}
			}
		default:
			// Copy the run up to the next escape at once.
			j := i
			for j < len(raw) && raw[j] != '\\' {
				j++
			}
			if run := raw[i:j]; utf8.Valid(run) {
				sb.Write(run)
			} else {
				for k := 0; k < len(run); {
					r, n := utf8.DecodeRune(run[k:])
					sb.WriteRune(r) // RuneError for invalid bytes
					k += n
				}
			}
			i = j
		}
	}
	return sb.String(), nil
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[i:i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// literal reads a number, true, false or null and returns its text.
func (s *jsonScanner) literal() (string, error) {
	s.ws()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	t := string(s.b[start:s.i])
	switch t {
	case "true", "false", "null":
		return t, nil
	}
	if t == "" || !isJSONNumber(t) {
		s.i = start
		return "", s.errAt("want a value")
	}
	return t, nil
}

// isJSONNumber reports whether t is a number in JSON's grammar.
func isJSONNumber(t string) bool {
	i := 0
	if i < len(t) && t[i] == '-' {
		i++
	}
	if i >= len(t) {
		return false
	}
	if t[i] == '0' {
		i++
	} else if t[i] >= '1' && t[i] <= '9' {
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	} else {
		return false
	}
	if i < len(t) && t[i] == '.' {
		i++
		d := i
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		d := i
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(t)
}

// object reads an object, calling fn with each key; fn must consume the
// value.
func (s *jsonScanner) object(fn func(key string) error) error {
	if s.peek() != '{' {
		return s.errAt("want an object")
	}
	s.depth++
	if s.depth > maxJSONDepth {
		return s.errAt("nested too deep")
	}
	s.i++
	if s.peek() == '}' {
		s.i++
		s.depth--
		return nil
	}
	for {
		k, err := s.str()
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return s.errAt("want ':'")
		}
		s.i++
		if err := fn(k); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			s.depth--
			return nil
		default:
			return s.errAt("want ',' or '}'")
		}
	}
}

// array reads an array, calling fn for each element; fn must consume it.
func (s *jsonScanner) array(fn func(i int) error) error {
	if s.peek() != '[' {
		return s.errAt("want an array")
	}
	s.depth++
	if s.depth > maxJSONDepth {
		return s.errAt("nested too deep")
	}
	s.i++
	if s.peek() == ']' {
		s.i++
		s.depth--
		return nil
	}
	for n := 0; ; n++ {
		if err := fn(n); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			s.depth--
			return nil
		default:
			return s.errAt("want ',' or ']'")
		}
	}
}

// skip reads and discards any value.
func (s *jsonScanner) skip() error {
	switch s.peek() {
	case '"':
		_, err := s.str()
		return err
	case '{':
		return s.object(func(string) error { return s.skip() })
	case '[':
		return s.array(func(int) error { return s.skip() })
	}
	_, err := s.literal()
	return err
}

// scalar reads a string, or a number or boolean as its text; null gives "".
// Objects and arrays are skipped and give ok=false.
func (s *jsonScanner) scalar() (v string, ok bool, err error) {
	switch s.peek() {
	case '"':
		v, err = s.str()
		return v, err == nil, err
	case '{', '[':
		return "", false, s.skip()
	}
	v, err = s.literal()
	if v == "null" {
		v = ""
	}
	return v, err == nil, err
}

// strings reads a string or an array of strings (other elements are
// skipped); null gives nothing.
func (s *jsonScanner) stringList() ([]string, error) {
	switch s.peek() {
	case '"':
		v, err := s.str()
		if err != nil {
			return nil, err
		}
		return []string{v}, nil
	case '[':
		var out []string
		err := s.array(func(int) error {
			if s.peek() == '"' {
				v, err := s.str()
				out = append(out, v)
				return err
			}
			return s.skip()
		})
		return out, err
	}
	return nil, s.skip()
}
