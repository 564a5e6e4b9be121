package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// stableIDReference is StableID written the plain way; the fast version
// must give the same IDs.
func stableIDReference(a Article) string {
	key := CanonicalURL(a.URL)
	if key == "" {
		key = "text:" + strings.Join(strings.Fields(a.Text), " ")
	} else {
		key = "url:" + key
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

func TestStableID(t *testing.T) {
	long := strings.Repeat("word\u00a0 ", 3000) + strings.Repeat("x", 20000)
	tests := []struct {
		name string
		a    Article
	}{
		{"empty", Article{}},
		{"text", Article{Text: "  The  council\tvoted.\n\nIt passed. "}},
		{"unicode blanks", Article{Text: "a\u2003b\u0085c\u00a0d \u3000 e"}},
		{"invalid utf8", Article{Text: "caf\xe9  au\xff lait"}},
		{"long", Article{Text: long}},
		{"url", Article{URL: "HTTPS://Example.COM/a/b/#frag", Text: "ignored"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := StableID(tt.a), stableIDReference(tt.a); got != want {
				t.Errorf("StableID = %s, want %s", got, want)
			}
		})
	}
	// Same text with other blanks gets the same ID; other text another.
	a := StableID(Article{Text: "one two  three"})
	if b := StableID(Article{Text: "one\ntwo three\n"}); a != b {
		t.Errorf("blank-insensitive IDs differ: %s %s", a, b)
	}
	if c := StableID(Article{Text: "one two three four"}); a == c {
		t.Errorf("different texts share ID %s", a)
	}
	if x, y := StableID(Article{URL: "http://a.com/x/"}), StableID(Article{URL: "http://A.com/x#top"}); x != y {
		t.Errorf("canonical URLs give different IDs: %s %s", x, y)
	}
}

func FuzzStableID(f *testing.F) {
	for _, s := range []string{"", "a b", " \u00a0x\u2028y ", "\xff\xfe z", "http://x.y/"} {
		f.Add(s, "")
		f.Add("", s)
	}
	f.Fuzz(func(t *testing.T, text, url string) {
		a := Article{Text: text, URL: url}
		if got, want := StableID(a), stableIDReference(a); got != want {
			t.Fatalf("StableID(%q, %q) = %s, want %s", text, url, got, want)
		}
	})
}
