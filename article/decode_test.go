package article

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     string
		wantNote bool
		wantErr  error
	}{
		{"utf8", []byte("Café “quotes”"), "Café “quotes”", false, nil},
		{"utf8 BOM dropped", []byte("\xEF\xBB\xBFHello"), "Hello", false, nil},
		{"windows-1252", []byte("Caf\xe9 \x93quoted\x94 na\xefve"), "Café “quoted” naïve", true, nil},
		{"utf16 LE", []byte("\xFF\xFEH\x00i\x00"), "Hi", true, nil},
		{"utf16 BE", []byte("\xFE\xFF\x00H\x00i"), "Hi", true, nil},
		{"NUL byte", []byte("text\x00more"), "", false, ErrBinary},
		{"control bytes", []byte(strings.Repeat("\x01\x02\x03abc", 10)), "", false, ErrBinary},
		{"undefined in 1252", []byte("abc\x81def"), "", false, ErrNotUTF8},
		{"mostly high bytes", []byte("\xe9\xe8\xe7\xe6\xe5ab"), "", false, ErrNotUTF8},
		{"tabs and form feeds are text", []byte("a\tb\fc\r\n"), "a\tb\fc\r\n", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note, err := DecodeText(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || (note != "") != tt.wantNote {
				t.Errorf("DecodeText = %q, note %q; want %q, note %v", got, note, tt.want, tt.wantNote)
			}
		})
	}
}
