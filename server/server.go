// Package server is Chorus as a service: a JSON HTTP API over a story
// store, a one-shot brief endpoint, the OpenAPI document and the web page,
// all served by one handler.
//
// Stories and their articles live in a store.Store; a story's brief is
// cached per story revision and options, so it is recomputed only when the
// story's articles change. Every article has a stable ID and every write
// is idempotent, so clients may retry freely.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/brief"
	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/summarize"
)

// Defaults for the Config limits.
const (
	DefaultMaxBodyBytes    = 16 << 20
	DefaultMaxArticleBytes = 2 << 20
	DefaultMaxArticles     = 200
	DefaultMaxURLs         = 20
	DefaultRequestTimeout  = 60 * time.Second
	DefaultFetchTimeout    = 20 * time.Second
	// MaxWords is the longest brief the API computes.
	MaxWords = 2000
)

// BriefFunc computes a brief; chorus.Brief is the default.
type BriefFunc func(ctx context.Context, arts []article.Article, opt chorus.Options) (*brief.Brief, error)

// Config sets up a Server. Only Store is required.
type Config struct {
	// Store keeps the stories.
	Store store.Store
	// Token, when set, is required as "Authorization: Bearer TOKEN" on
	// every /v1 call. The page, /openapi.json and /healthz stay open.
	Token string
	// AllowPrivateFetch lets URL fetches reach loopback, private and
	// link-local addresses. Off, the server refuses to connect to them
	// (checked when connecting, after DNS resolution).
	AllowPrivateFetch bool
	// MaxBodyBytes caps a request body (413 above); 0 means the default.
	MaxBodyBytes int64
	// MaxArticleBytes caps one article's text or HTML; 0 means the default.
	MaxArticleBytes int
	// MaxArticles caps the articles in one request; 0 means the default.
	MaxArticles int
	// MaxURLs caps the URLs fetched for one request; 0 means the default.
	MaxURLs int
	// RequestTimeout bounds each API request; 0 means the default.
	RequestTimeout time.Duration
	// FetchTimeout bounds one URL fetch; 0 means the default.
	FetchTimeout time.Duration
	// MaxConcurrentBriefs bounds briefs computed at once; 0 means the
	// number of CPUs (GOMAXPROCS). Requests beyond it wait their turn in
	// arrival order: each brief then runs to completion on a processor of
	// its own instead of sharing it with every waiting request, which
	// keeps the slowest requests close to the typical one.
	MaxConcurrentBriefs int
	// Logger receives one line per request and server errors; nil
	// discards them.
	Logger *slog.Logger
	// Brief computes briefs; nil means chorus.Brief.
	Brief BriefFunc
	// HTTPClient fetches URLs; nil means a client built from
	// AllowPrivateFetch and FetchTimeout (see NewFetchClient).
	HTTPClient *http.Client
}

// Server is the Chorus HTTP handler. It is safe for concurrent use.
type Server struct {
	cfg       Config
	mux       *http.ServeMux
	log       *slog.Logger
	tokenHash [32]byte
	client    *http.Client
	briefSem  chan struct{}

	// flights deduplicates concurrent computations of one cached brief.
	mu      sync.Mutex
	flights map[string]*flight
}

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openAPI []byte

// route is one API endpoint; routes() lists them for the mux and for the
// test that checks the OpenAPI document covers every one.
type route struct {
	method, path string
	h            func(*Server, http.ResponseWriter, *http.Request)
}

func routes() []route {
	return []route{
		{"POST", "/v1/brief", (*Server).oneShot},
		{"GET", "/v1/stories", (*Server).listStories},
		{"POST", "/v1/stories", (*Server).createStory},
		{"GET", "/v1/stories/{id}", (*Server).getStory},
		{"DELETE", "/v1/stories/{id}", (*Server).deleteStory},
		{"GET", "/v1/stories/{id}/articles", (*Server).listArticles},
		{"POST", "/v1/stories/{id}/articles", (*Server).addArticles},
		{"DELETE", "/v1/stories/{id}/articles/{article}", (*Server).deleteArticle},
		{"GET", "/v1/stories/{id}/brief", (*Server).storyBrief},
		{"GET", "/healthz", (*Server).health},
		{"GET", "/openapi.json", (*Server).openAPIDoc},
	}
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxArticleBytes <= 0 {
		cfg.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if cfg.MaxArticles <= 0 {
		cfg.MaxArticles = DefaultMaxArticles
	}
	if cfg.MaxURLs <= 0 {
		cfg.MaxURLs = DefaultMaxURLs
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.FetchTimeout <= 0 {
		cfg.FetchTimeout = DefaultFetchTimeout
	}
	if cfg.MaxConcurrentBriefs <= 0 {
		cfg.MaxConcurrentBriefs = runtime.GOMAXPROCS(0)
	}
	if cfg.Brief == nil {
		cfg.Brief = chorus.Brief
		// The embedded model is decoded now rather than by the first
		// request, which would otherwise wait for it; a model that does
		// not decode stops the server at start.
		if _, err := summarize.DefaultModel(); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
	}
	s := &Server{
		cfg:      cfg,
		mux:      http.NewServeMux(),
		log:      cfg.Logger,
		client:   cfg.HTTPClient,
		briefSem: make(chan struct{}, cfg.MaxConcurrentBriefs),
		flights:  map[string]*flight{},
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.client == nil {
		s.client = NewFetchClient(cfg.AllowPrivateFetch, cfg.FetchTimeout)
	}
	if cfg.Token != "" {
		s.tokenHash = sha256.Sum256([]byte(cfg.Token))
	}
	for _, rt := range routes() {
		h := rt.h
		s.mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) { h(s, w, r) })
	}
	s.mux.HandleFunc("/v1/", s.notFound)
	sub, err := fs.Sub(webFS, "web")
	if err != nil {
		return nil, fmt.Errorf("server: page files: %w", err)
	}
	files := http.FileServerFS(sub)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed on "+r.URL.Path)
			return
		}
		files.ServeHTTP(w, r)
	})
	return s, nil
}

// ServeHTTP implements http.Handler: it authenticates /v1 calls, applies
// the request deadline and body cap, recovers from panics and logs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internal error")
			}
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"ms", time.Since(start).Milliseconds())
	}()
	setSecurityHeaders(rec.Header())
	if strings.HasPrefix(r.URL.Path, "/v1/") && !s.authorized(r) {
		rec.Header().Set("WWW-Authenticate", `Bearer realm="chorus"`)
		writeError(rec, http.StatusUnauthorized, "missing or wrong token: send Authorization: Bearer TOKEN")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	r = r.WithContext(ctx)
	if r.Body != nil {
		r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBodyBytes)
	}
	s.mux.ServeHTTP(rec, r)
}

func setSecurityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
}

// authorized compares the bearer token in constant time (over SHA-256
// digests, so the comparison does not depend on the token's length).
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	h := sha256.Sum256([]byte(strings.TrimSpace(got)))
	return subtle.ConstantTimeCompare(h[:], s.tokenHash[:]) == 1
}

// statusWriter remembers the status written, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// notFound answers unknown /v1 paths with JSON: 405 when the path exists
// for another method, else 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST", "DELETE"} {
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, p := s.mux.Handler(r2); strings.HasPrefix(p, m+" /v1/") {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", ")))
		return
	}
	writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+" (see /openapi.json)")
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) openAPIDoc(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_, _ = w.Write(openAPI)
}
