package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxBytes is the largest single document (a text, Markdown, HTML or
// feed file, a page fetched from a URL, or stdin that is not JSONL) that
// Chorus reads: 8 MiB. News reports are a few tens of kilobytes; anything
// this large is not one report. JSONL inputs are streamed instead, and
// DefaultMaxBytes bounds each of their lines.
const DefaultMaxBytes = 8 << 20

// Errors that readers wrap, for errors.Is.
var (
	// ErrTooLarge is returned for an input above the size cap.
	ErrTooLarge = errors.New("too large")
	// ErrBinary is returned for an input that is not text.
	ErrBinary = errors.New("binary data, not text")
	// ErrNotUTF8 is returned for text in an encoding Chorus cannot decode.
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrUnsupported is returned for a file or content type no reader handles.
	ErrUnsupported = errors.New("unsupported format")
)

// readCapped reads all of r, refusing input longer than limit bytes. It
// reads at most limit+1 bytes.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: more than %s (the cap)", ErrTooLarge, sizeString(limit))
	}
	return b, nil
}

// sizeString writes a byte count for people ("8 MiB", "512 KiB").
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// DecodeText turns the bytes of a text input into a UTF-8 string.
//
//   - UTF-8 is used as it is (a byte order mark is dropped).
//   - UTF-16 with a byte order mark is converted; note says so.
//   - Data with NUL bytes or other control characters is refused with
//     ErrBinary.
//   - Other bytes that are not UTF-8 are read as Windows-1252 (a superset of
//     Latin-1, the most common legacy encoding of English news text) when
//     they plausibly are: no byte undefined in Windows-1252 and at most 30%
//     of bytes above 0x7F. note then says the text was converted. Anything
//     else is refused with ErrNotUTF8.
func DecodeText(b []byte) (s string, note string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := d.Bytes(b)
		if err != nil || !utf8.Valid(out) {
			return "", "", ErrNotUTF8
		}
		if isBinary(out) {
			return "", "", ErrBinary
		}
		return string(out), "converted from UTF-16", nil
	}
	if isBinary(b) {
		return "", "", ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), "", nil
	}
	high := 0
	for _, c := range b {
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return "", "", fmt.Errorf("%w (byte 0x%02X is not Windows-1252 either)", ErrNotUTF8, c)
		}
		if c >= 0x80 {
			high++
		}
	}
	if high*10 > len(b)*3 {
		return "", "", fmt.Errorf("%w (%d%% of bytes are not ASCII)", ErrNotUTF8, high*100/len(b))
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrNotUTF8, err)
	}
	return string(out), "not UTF-8: read as Windows-1252 (Latin-1)", nil
}

// isBinary reports whether b looks like binary data: a NUL byte, or more
// than 1 in 200 bytes being control characters other than tab, newline,
// carriage return, form feed and escape, within its first 64 KiB.
func isBinary(b []byte) bool {
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b || c == 0x7f {
			ctl++
		}
	}
	return ctl > 0 && ctl*200 > len(b) || ctl > 8
}
