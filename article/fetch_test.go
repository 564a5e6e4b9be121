package article

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// newTestServer serves the test pages of the fetch tests.
func newTestServer(t *testing.T, gotUA *atomic.Value) *httptest.Server {
	t.Helper()
	page := readTestdata(t, "page.html")
	feed := readTestdata(t, "feed.rss")
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if gotUA != nil {
			gotUA.Store(r.UserAgent())
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/plain-page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, plainPage)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/plain-page", http.StatusFound)
	})
	mux.HandleFunc("/story.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "Ferry fares rise in April\n\nFerry fares will rise by five percent in April, the operator said.\n")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/feed-as-html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(feed)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	mux.HandleFunc("/big-announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000")
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 50; i++ {
			w.Write([]byte(strings.Repeat("<p>word</p>", 20)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	var ua atomic.Value
	srv := newTestServer(t, &ua)
	host := strings.TrimPrefix(srv.URL, "http://")
	host = host[:strings.IndexByte(host, ':')]
	tests := []struct {
		name    string
		path    string
		opt     FetchOptions
		wantErr error // nil: success; errNoText: any error
		errHas  string
		title   string
		source  string
		url     string // "": not checked; "=": the requested URL
	}{
		{name: "page with metadata", path: "/page", title: "Harbour bridge reopens after repairs",
			source: "The Coastal Times", url: "https://coastal.example/news/bridge-reopens"},
		{name: "page without site name gets the host", path: "/plain-page", title: "Ferry fares rise in April", source: host, url: "="},
		{name: "redirect is followed", path: "/redirect", title: "Ferry fares rise in April", source: host},
		{name: "plain text", path: "/story.txt", title: "Ferry fares rise in April", source: host, url: "="},
		{name: "not found", path: "/missing", wantErr: errNoText, errHas: "404"},
		{name: "image refused", path: "/image", wantErr: ErrUnsupported, errHas: "image/png"},
		{name: "announced size above cap", path: "/big-announced", opt: FetchOptions{MaxBytes: 1000}, wantErr: ErrTooLarge},
		{name: "streamed size above cap", path: "/big-chunked", opt: FetchOptions{MaxBytes: 1000}, wantErr: ErrTooLarge},
		{name: "timeout", path: "/slow", opt: FetchOptions{Timeout: 100 * time.Millisecond}, wantErr: errNoText, errHas: "100ms"},
		{name: "feed refused by Fetch", path: "/feed", wantErr: ErrUnsupported, errHas: "feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := srv.URL + tt.path
			a, err := Fetch(context.Background(), u, tt.opt)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("no error")
				}
				if tt.wantErr != errNoText && !errors.Is(err, tt.wantErr) {
					t.Errorf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), u) || !strings.Contains(err.Error(), tt.errHas) {
					t.Errorf("error %q should name %s and say %q", err, u, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Source != tt.source {
				t.Errorf("Title, Source = %q, %q; want %q, %q", a.Title, a.Source, tt.title, tt.source)
			}
			want := tt.url
			if want == "=" {
				want = u
			}
			if want != "" && a.URL != want {
				t.Errorf("URL = %q, want %q", a.URL, want)
			}
			if a.Origin != u || a.ID == "" || a.Text == "" {
				t.Errorf("Origin %q, ID %q, text %d bytes", a.Origin, a.ID, len(a.Text))
			}
		})
	}
	if got := ua.Load(); got != DefaultUserAgent {
		t.Errorf("User-Agent = %v, want %q", got, DefaultUserAgent)
	}
}

func TestFetchOptions(t *testing.T) {
	var ua atomic.Value
	srv := newTestServer(t, &ua)
	t.Run("user agent", func(t *testing.T) {
		if _, err := Fetch(context.Background(), srv.URL+"/page", FetchOptions{UserAgent: "test-agent"}); err != nil {
			t.Fatal(err)
		}
		if got := ua.Load(); got != "test-agent" {
			t.Errorf("User-Agent = %v", got)
		}
	})
	t.Run("injected client is used", func(t *testing.T) {
		refuse := &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
			return nil, errors.New("private address refused")
		})}
		_, err := Fetch(context.Background(), srv.URL+"/page", FetchOptions{Client: refuse})
		if err == nil || !strings.Contains(err.Error(), "private address refused") {
			t.Errorf("err = %v, want the client's refusal", err)
		}
	})
	t.Run("bad scheme", func(t *testing.T) {
		_, err := Fetch(context.Background(), "file:///etc/passwd", FetchOptions{})
		if err == nil || !strings.Contains(err.Error(), "file:///etc/passwd") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := Fetch(ctx, srv.URL+"/page", FetchOptions{}); err == nil {
			t.Error("no error with a cancelled context")
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestFetchAllFeed(t *testing.T) {
	srv := newTestServer(t, nil)
	for _, path := range []string{"/feed", "/feed-as-html"} {
		t.Run(path, func(t *testing.T) {
			arts, err := FetchAll(context.Background(), srv.URL+path, FetchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 2 {
				t.Fatalf("%d articles, want 2 (the item without text is left out)", len(arts))
			}
			if arts[0].Title != "Harbour bridge reopens after repairs" || arts[1].Source != "Wire Service" {
				t.Errorf("got %q from %q, %q from %q", arts[0].Title, arts[0].Source, arts[1].Title, arts[1].Source)
			}
		})
	}
}
