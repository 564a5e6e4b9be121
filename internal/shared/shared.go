// Package shared locates the ../shared folder (datasets, seeds, ROUGE test
// vectors) that sits beside a Chorus checkout, for tests and benchmarks.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $CHORUS_SHARED when set, else the
// "shared" folder beside the module root (the directory holding go.mod).
// It returns "" when there is none.
func Dir() string {
	if d := os.Getenv("CHORUS_SHARED"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if fi, err := os.Stat(s); err == nil && fi.IsDir() {
				return s
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Path returns the path of rel inside the shared folder, or skips the test
// or benchmark with a message when the folder or the file is missing.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skipf("../shared not found beside the checkout (set CHORUS_SHARED): skipping")
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found: skipping", p)
	}
	return p
}
