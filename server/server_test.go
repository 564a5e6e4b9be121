package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/brief"
	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/store/postgres"
	"github.com/chorus-brief/chorus/store/sqlite"
)

// stores lists the stores the API tests run against: SQLite always, and
// PostgreSQL when CHORUS_TEST_POSTGRES (or the default address) answers.
func stores(t *testing.T) map[string]func(t *testing.T) store.Store {
	m := map[string]func(t *testing.T) store.Store{
		"sqlite": func(t *testing.T) store.Store {
			s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "chorus.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
	}
	dsn := os.Getenv("CHORUS_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/test"
	}
	m["postgres"] = func(t *testing.T) store.Store {
		var b [6]byte
		_, _ = rand.Read(b[:])
		schema := "chorus_srv_test_" + hex.EncodeToString(b[:])
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema, MaxConns: 8})
		if err != nil {
			t.Skipf("no PostgreSQL at CHORUS_TEST_POSTGRES (%s): %v", dsn, err)
		}
		t.Cleanup(func() {
			s.Close()
			if err := postgres.DropSchema(context.Background(), dsn, schema); err != nil {
				t.Errorf("cleanup: %v", err)
			}
		})
		return s
	}
	return m
}

func readTestdata(t testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type client struct {
	t     *testing.T
	base  string
	token string
}

func newTestServer(t *testing.T, st store.Store, cfg Config) *client {
	cfg.Store = st
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return &client{t: t, base: ts.URL, token: cfg.Token}
}

// do sends a request and returns the status, body and headers.
func (c *client) do(method, path, ctype string, body []byte) (int, []byte, http.Header) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return res.StatusCode, b, res.Header
}

func (c *client) json(method, path string, in, out any) int {
	c.t.Helper()
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			c.t.Fatal(err)
		}
	}
	status, b, _ := c.do(method, path, "application/json", body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			c.t.Fatalf("%s %s: %d %s: %v", method, path, status, b, err)
		}
	}
	return status
}

func TestStoryLifecycle(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			c := newTestServer(t, open(t), Config{})
			var st store.Story
			if s := c.json("POST", "/v1/stories", StoryIn{Title: "Marra floods"}, &st); s != 201 || st.ID == "" {
				t.Fatalf("create: %d %+v", s, st)
			}
			// Creating with an explicit id twice is idempotent.
			var fixed store.Story
			if s := c.json("POST", "/v1/stories", StoryIn{Title: "Fixed", ID: "fixed-1"}, &fixed); s != 201 {
				t.Fatalf("create fixed: %d", s)
			}
			if s := c.json("POST", "/v1/stories", StoryIn{Title: "Again", ID: "fixed-1"}, &fixed); s != 200 || fixed.Title != "Fixed" {
				t.Fatalf("re-create fixed: %d %+v", s, fixed)
			}
			var list struct{ Stories []store.Story }
			if s := c.json("GET", "/v1/stories", nil, &list); s != 200 || len(list.Stories) != 2 {
				t.Fatalf("list: %d %+v", s, list)
			}

			r1, r2 := readTestdata(t, "report1.txt"), readTestdata(t, "report2.txt")
			path := "/v1/stories/" + st.ID + "/articles"
			var add AddArticlesOut
			in := ArticlesIn{Articles: []ArticleIn{
				{Text: r1, Source: "Valley Times", Date: "2024-03-05"},
				{Text: r2, Source: "Wire", URL: "https://example.com/floods#top"},
				{Text: "   "},
			}}
			if s := c.json("POST", path, in, &add); s != 200 {
				t.Fatalf("add: %d %+v", s, add)
			}
			if add.Added != 2 || add.Failed != 1 || add.Duplicates != 0 || add.Story.Revision != 1 || add.Story.Articles != 2 {
				t.Fatalf("add result: %+v", add)
			}
			a0 := add.Articles[0]
			if a0.Source != "Valley Times" || a0.Date.Format("2006-01-02") != "2024-03-05" || a0.Words < 50 || a0.ID == "" {
				t.Errorf("article 0 read as %+v", a0)
			}
			if add.Articles[1].URL != "https://example.com/floods#top" || add.Articles[2].Error == "" {
				t.Errorf("articles read as %+v", add.Articles)
			}
			// The same reports again: stored once, reported as duplicates;
			// the second is known by its URL whatever its text.
			again := ArticlesIn{Articles: []ArticleIn{{Text: r1, Source: "Valley Times", Date: "2024-03-05"},
				{Text: "A corrected version of the wire report.", URL: "https://EXAMPLE.com/floods/"}}}
			if s := c.json("POST", path, again, &add); s != 200 || add.Duplicates != 2 || add.Added != 0 || add.Story.Revision != 1 {
				t.Fatalf("re-add: %d %+v", s, add)
			}

			// The brief is computed once, then served from the cache.
			bpath := "/v1/stories/" + st.ID + "/brief?words=60"
			status, body, hdr := c.do("GET", bpath, "", nil)
			if status != 200 || hdr.Get("X-Chorus-Cache") != "miss" {
				t.Fatalf("brief: %d %s %s", status, hdr.Get("X-Chorus-Cache"), body)
			}
			var b brief.Brief
			if err := json.Unmarshal(body, &b); err != nil {
				t.Fatal(err)
			}
			if len(b.Sentences) == 0 || len(b.Sources) != 2 || b.Sources[0].Outlet != "Valley Times" {
				t.Fatalf("brief: %+v", b)
			}
			status, body2, hdr := c.do("GET", bpath, "", nil)
			if status != 200 || hdr.Get("X-Chorus-Cache") != "hit" || !bytes.Equal(body, body2) {
				t.Fatalf("second brief: %d cache=%s same=%v", status, hdr.Get("X-Chorus-Cache"), bytes.Equal(body, body2))
			}
			status, md, hdr := c.do("GET", bpath+"&format=md", "", nil)
			if status != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/markdown") || !bytes.Contains(md, []byte("Valley Times")) {
				t.Fatalf("markdown brief: %d %s %s", status, hdr.Get("Content-Type"), md)
			}

			// The articles, with their text, for the page.
			var arts struct {
				Story    store.Story
				Articles []article.Article
			}
			if s := c.json("GET", path, nil, &arts); s != 200 || len(arts.Articles) != 2 || arts.Articles[0].Text == "" {
				t.Fatalf("articles: %d %+v", s, arts)
			}
			// Removing one changes the revision, so the brief is recomputed.
			if s, _, _ := c.do("DELETE", path+"/"+arts.Articles[1].ID, "", nil); s != 204 {
				t.Fatalf("delete article: %d", s)
			}
			status, body, hdr = c.do("GET", bpath, "", nil)
			if status != 200 || hdr.Get("X-Chorus-Cache") != "miss" {
				t.Fatalf("brief after delete: %d cache=%s", status, hdr.Get("X-Chorus-Cache"))
			}
			if err := json.Unmarshal(body, &b); err != nil || len(b.Sources) != 1 {
				t.Fatalf("brief after delete has %d sources (%v)", len(b.Sources), err)
			}
			if s, _, _ := c.do("DELETE", "/v1/stories/"+st.ID, "", nil); s != 204 {
				t.Fatalf("delete story: %d", s)
			}
			if s, _, _ := c.do("GET", "/v1/stories/"+st.ID, "", nil); s != 404 {
				t.Fatalf("deleted story: %d", s)
			}
		})
	}
}

// TestBriefCache checks that a story's brief is computed once per
// revision and options, even under concurrent requests.
func TestBriefCache(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			var calls atomic.Int64
			fake := func(ctx context.Context, arts []article.Article, opt chorus.Options) (*brief.Brief, error) {
				calls.Add(1)
				time.Sleep(20 * time.Millisecond)
				return &brief.Brief{Schema: brief.SchemaVersion, Title: opt.Title, Words: opt.Words,
					Sentences: []brief.Sentence{{Text: arts[len(arts)-1].Text, Citations: []int{len(arts)}, From: len(arts)}}}, nil
			}
			c := newTestServer(t, open(t), Config{Brief: fake})
			var st store.Story
			c.json("POST", "/v1/stories", StoryIn{Title: "t"}, &st)
			post := func(text string) {
				if s := c.json("POST", "/v1/stories/"+st.ID+"/articles", ArticlesIn{Articles: []ArticleIn{{Text: text}}}, nil); s != 200 {
					t.Fatalf("post: %d", s)
				}
			}
			get := func(q string) brief.Brief {
				var b brief.Brief
				if s := c.json("GET", "/v1/stories/"+st.ID+"/brief"+q, nil, &b); s != 200 {
					t.Fatalf("brief: %d", s)
				}
				return b
			}
			post("The first report says the bridge closed.")
			var wg sync.WaitGroup
			for range 8 {
				wg.Add(1)
				go func() { defer wg.Done(); get("") }()
			}
			wg.Wait()
			if n := calls.Load(); n != 1 {
				t.Fatalf("8 concurrent requests computed the brief %d times, want 1", n)
			}
			get("")
			get("?words=80")
			if n := calls.Load(); n != 2 {
				t.Fatalf("computed %d times after a repeat and a new word count, want 2", n)
			}
			post("The first report says the bridge closed.") // duplicate: no change
			get("")
			if n := calls.Load(); n != 2 {
				t.Fatalf("a duplicate post invalidated the brief (%d computations)", n)
			}
			post("A second report says the bridge reopened.")
			if b := get(""); calls.Load() != 3 || b.Sentences[0].Text != "A second report says the bridge reopened." {
				t.Fatalf("after a new article: %d computations, brief %+v", calls.Load(), b)
			}
		})
	}
}

func TestOneShot(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			c := newTestServer(t, open(t), Config{})
			in := BriefIn{Words: 50, Articles: []ArticleIn{
				{Text: readTestdata(t, "report1.txt"), Source: "Valley Times"},
				{Text: readTestdata(t, "report2.txt"), Source: "Wire", Date: "1709640000"}}}
			var b brief.Brief
			if s := c.json("POST", "/v1/brief", in, &b); s != 200 {
				t.Fatalf("one-shot: %d", s)
			}
			if b.Schema != brief.SchemaVersion || len(b.Sentences) == 0 || len(b.Sources) != 2 || b.Words > 60 {
				t.Fatalf("one-shot brief: %+v", b)
			}
			if b.Sources[1].Date.IsZero() {
				t.Errorf("Unix-seconds date lost: %+v", b.Sources[1])
			}
			for _, s := range b.Sentences {
				if s.From < 1 || s.From > 2 || len(s.Citations) == 0 {
					t.Errorf("sentence without a valid source: %+v", s)
				}
			}
			var list struct{ Stories []store.Story }
			if c.json("GET", "/v1/stories", nil, &list); len(list.Stories) != 0 {
				t.Errorf("one-shot stored %d stories", len(list.Stories))
			}
		})
	}
}

func TestErrors(t *testing.T) {
	c := newTestServer(t, stores(t)["sqlite"](t), Config{MaxBodyBytes: 4096, MaxArticleBytes: 1000})
	var st store.Story
	c.json("POST", "/v1/stories", StoryIn{Title: "t"}, &st)
	arts := "/v1/stories/" + st.ID + "/articles"
	big := `{"articles":[{"text":"` + strings.Repeat("word ", 2000) + `"}]}`
	mid := `{"articles":[{"text":"` + strings.Repeat("word ", 300) + `"}]}`
	cases := []struct {
		name, method, path, ctype, body string
		status                          int
		msg                             string
	}{
		{"malformed JSON", "POST", "/v1/brief", "application/json", `{"articles": [`, 400, "malformed"},
		{"unknown field", "POST", "/v1/brief", "application/json", `{"articles": [{"body": "x"}]}`, 400, "unknown field"},
		{"wrong type", "POST", "/v1/stories", "application/json", `{"title": 3}`, 400, "malformed"},
		{"no articles", "POST", "/v1/brief", "application/json", `{"articles": []}`, 400, "no articles"},
		{"two bodies", "POST", "/v1/brief", "application/json", `{"articles":[{"text":"a","html":"<p>b</p>"}]}`, 422, "only one"},
		{"form body", "POST", "/v1/brief", "application/x-www-form-urlencoded", `a=b`, 415, "application/json"},
		{"no content type", "POST", "/v1/stories", "", `{"title":"x"}`, 415, "application/json"},
		{"body too large", "POST", "/v1/brief", "application/json", big, 413, "larger than"},
		{"article too large", "POST", "/v1/brief", "application/json", mid, 422, "larger than"},
		{"no text", "POST", "/v1/brief", "application/json", `{"articles":[{"text":"  \n "}]}`, 422, "text"},
		{"bad date", "POST", "/v1/brief", "application/json", `{"articles":[{"text":"A report.","date":"someday"}]}`, 422, "date"},
		{"bad url", "POST", "/v1/brief", "application/json", `{"articles":[{"url":"file:///etc/passwd"}]}`, 422, "http"},
		{"bad words", "GET", "/v1/stories/" + st.ID + "/brief?words=abc", "", "", 400, "words"},
		{"too many words", "GET", "/v1/stories/" + st.ID + "/brief?words=99999", "", "", 400, "words"},
		{"bad format", "GET", "/v1/stories/" + st.ID + "/brief?format=pdf", "", "", 400, "format"},
		{"empty story brief", "GET", "/v1/stories/" + st.ID + "/brief", "", "", 422, "no articles"},
		{"unknown story", "GET", "/v1/stories/nope", "", "", 404, "not found"},
		{"unknown story brief", "GET", "/v1/stories/nope/brief", "", "", 404, "not found"},
		{"post to unknown story", "POST", "/v1/stories/nope/articles", "application/json", `{"articles":[{"text":"x y z."}]}`, 404, "not found"},
		{"bad story id", "GET", "/v1/stories/a%20b", "", "", 404, "not found"},
		{"unknown article", "DELETE", arts + "/0000", "", "", 404, "not found"},
		{"unknown endpoint", "GET", "/v1/nothing", "", "", 404, "no such endpoint"},
		{"wrong method", "PUT", "/v1/stories", "application/json", `{}`, 405, "not allowed"},
		{"no title", "POST", "/v1/stories", "application/json", `{"title":"  "}`, 400, "title"},
		{"bad id", "POST", "/v1/stories", "application/json", `{"title":"x","id":"a/b"}`, 400, "id"},
		{"all articles fail", "POST", arts, "application/json", `{"articles":[{"text":" "}]}`, 422, "no article could be read"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, hdr := c.do(tc.method, tc.path, tc.ctype, []byte(tc.body))
			if status != tc.status {
				t.Fatalf("status %d, want %d: %s", status, tc.status, body)
			}
			if !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
				t.Fatalf("Content-Type %q, want JSON", hdr.Get("Content-Type"))
			}
			var e apiError
			if err := json.Unmarshal(body, &e); err != nil || e.Status != tc.status || !strings.Contains(e.Error, tc.msg) {
				t.Fatalf("error body %s: want status %d and a message with %q", body, tc.status, tc.msg)
			}
		})
	}
}

func TestAuth(t *testing.T) {
	c := newTestServer(t, stores(t)["sqlite"](t), Config{Token: "s3cret"})
	noauth := &client{t: t, base: c.base}
	wrong := &client{t: t, base: c.base, token: "s3cre"}
	for _, tc := range []struct {
		c      *client
		path   string
		status int
	}{
		{noauth, "/v1/stories", 401},
		{wrong, "/v1/stories", 401},
		{c, "/v1/stories", 200},
		{noauth, "/", 200},
		{noauth, "/app.js", 200},
		{noauth, "/openapi.json", 200},
		{noauth, "/healthz", 200},
	} {
		status, body, hdr := tc.c.do("GET", tc.path, "", nil)
		if status != tc.status {
			t.Errorf("GET %s with token %q: %d, want %d (%s)", tc.path, tc.c.token, status, tc.status, body)
		}
		if status == 401 && !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("401 without WWW-Authenticate: Bearer")
		}
	}
}

func TestPublicAddr(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want bool
	}{
		{"93.184.216.34", true}, {"2606:2800:220:1:248:1893:25c8:1946", true}, {"8.8.8.8", true},
		{"127.0.0.1", false}, {"127.8.9.1", false}, {"::1", false}, {"10.1.2.3", false}, {"172.16.5.4", false},
		{"192.168.1.1", false}, {"169.254.169.254", false}, {"0.0.0.0", false}, {"::", false},
		{"fe80::1", false}, {"fd00::1", false}, {"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false},
		{"100.64.0.1", false}, {"224.0.0.1", false}, {"255.255.255.255", false}, {"64:ff9b::a00:1", false},
	} {
		if got := PublicAddr(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("PublicAddr(%s) = %v, want %v", tc.ip, got, tc.want)
		}
	}
}

// TestFetchPrivate checks that a URL on a loopback address is refused by
// default and fetched when private fetches are allowed.
func TestFetchPrivate(t *testing.T) {
	page := `<html><head><title>Flood report</title></head><body><article><h1>Flood report</h1>` +
		strings.Repeat("<p>"+readTestdata(t, "report1.txt")[60:400]+"</p>", 2) + `</article></body></html>`
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer site.Close()
	// A name that resolves to loopback is refused too (checked at connect).
	viaName := strings.Replace(site.URL, "127.0.0.1", "localhost", 1)
	for _, tc := range []struct {
		allow bool
		url   string
		ok    bool
	}{
		{false, site.URL + "/a", false},
		{false, viaName + "/b", false},
		{true, site.URL + "/c", true},
	} {
		st := stores(t)["sqlite"](t)
		c := newTestServer(t, st, Config{AllowPrivateFetch: tc.allow, FetchTimeout: 5 * time.Second})
		var s store.Story
		c.json("POST", "/v1/stories", StoryIn{Title: "t"}, &s)
		var add AddArticlesOut
		status := c.json("POST", "/v1/stories/"+s.ID+"/articles", ArticlesIn{Articles: []ArticleIn{{URL: tc.url}}}, &add)
		if tc.ok {
			if status != 200 || add.Added != 1 || add.Articles[0].Words == 0 {
				t.Errorf("allowed fetch of %s: %d %+v", tc.url, status, add)
			}
			continue
		}
		if status != 422 || !strings.Contains(add.Articles[0].Error, "refused") {
			t.Errorf("fetch of %s: %d %+v; want it refused", tc.url, status, add)
		}
	}
}

// TestConcurrentPosts posts the same article from many clients at once: it
// must be stored exactly once.
func TestConcurrentPosts(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			c := newTestServer(t, open(t), Config{})
			var st store.Story
			c.json("POST", "/v1/stories", StoryIn{Title: "t"}, &st)
			var wg sync.WaitGroup
			var added atomic.Int64
			for i := range 12 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var out AddArticlesOut
					in := ArticlesIn{Articles: []ArticleIn{{Text: "The same report, posted by everyone."},
						{Text: fmt.Sprintf("Report number %d of the day.", i)}}}
					if s := c.json("POST", "/v1/stories/"+st.ID+"/articles", in, &out); s != 200 {
						t.Errorf("post: %d", s)
					}
					added.Add(int64(out.Added))
				}()
			}
			wg.Wait()
			var got store.Story
			c.json("GET", "/v1/stories/"+st.ID, nil, &got)
			if got.Articles != 13 || added.Load() != 13 {
				t.Fatalf("%d articles stored, %d reported added; want 13", got.Articles, added.Load())
			}
		})
	}
}

// TestOpenAPI checks that the OpenAPI document is valid JSON and names
// exactly the server's routes.
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for m := range ops {
			if m != "parameters" {
				documented[strings.ToUpper(m)+" "+path] = true
			}
		}
	}
	served := map[string]bool{}
	for _, r := range routes() {
		served[r.method+" "+r.path] = true
		if !documented[r.method+" "+r.path] {
			t.Errorf("route %s %s is not in openapi.json", r.method, r.path)
		}
	}
	for k := range documented {
		if !served[k] {
			t.Errorf("openapi.json documents %s, which the server does not serve", k)
		}
	}
	c := newTestServer(t, stores(t)["sqlite"](t), Config{})
	if status, body, _ := c.do("GET", "/openapi.json", "", nil); status != 200 || !bytes.Equal(body, openAPI) {
		t.Errorf("GET /openapi.json: %d", status)
	}
}

func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tests := []struct {
		env  string
		want int
	}{
		{"", ServerGCPercent},
		{"50", 50},
		{"off", -1},
	}
	for _, tt := range tests {
		debug.SetGCPercent(100)
		got := TuneGC(func(k string) string {
			if k == "GOGC" {
				return tt.env
			}
			return ""
		})
		if got != tt.want {
			t.Errorf("TuneGC with GOGC=%q = %d, want %d", tt.env, got, tt.want)
		}
		// An operator's GOGC is left to the runtime; an unset one is ours.
		if now := debug.SetGCPercent(100); tt.env == "" && now != ServerGCPercent || tt.env != "" && now != 100 {
			t.Errorf("GOGC=%q: collector target %d after TuneGC", tt.env, now)
		}
	}
}
