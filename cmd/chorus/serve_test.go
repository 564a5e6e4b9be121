package main

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

func TestIsLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8080", true}, {"localhost:80", true}, {"[::1]:8080", true},
		{":8080", false}, {"0.0.0.0:8080", false}, {"192.168.1.5:8080", false}, {"example.com:80", false},
	} {
		got, err := isLoopback(tc.addr)
		if err != nil || got != tc.want {
			t.Errorf("isLoopback(%q) = %v, %v; want %v", tc.addr, got, err, tc.want)
		}
	}
}

// TestServeNeedsToken checks that the server refuses to listen beyond
// loopback without a token.
func TestServeNeedsToken(t *testing.T) {
	t.Setenv("CHORUS_TOKEN", "")
	var stderr bytes.Buffer
	e := &env{stdout: &stderr, stderr: &stderr}
	err := runServe(context.Background(), e, []string{"--addr", "0.0.0.0:0", "--db", t.TempDir() + "/c.db"})
	if !errors.Is(err, errUsage) {
		t.Fatalf("runServe off loopback without a token: %v, want a usage error", err)
	}
}
