package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/chorus-brief/chorus"
	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/brief"
)

// BriefIn is the body of POST /v1/brief: the articles and, optionally,
// the brief's options (the query parameters words and format work too).
type BriefIn struct {
	Articles []ArticleIn `json:"articles"`
	// Words is the word budget; 0 means chorus.DefaultWords.
	Words int `json:"words,omitempty"`
	// Format is json (the default), md or text.
	Format string `json:"format,omitempty"`
	// Title is the story's title; "" lets Chorus choose one.
	Title string `json:"title,omitempty"`
	// NoFacts skips the fact sheet.
	NoFacts bool `json:"no_facts,omitempty"`
}

// briefOpts are the options of one brief request.
type briefOpts struct {
	words   int
	format  brief.Format
	noFacts bool
}

// key names the cached brief for these options.
func (o briefOpts) key() string {
	return fmt.Sprintf("w=%d;f=%s;facts=%t", o.words, o.format, !o.noFacts)
}

// parseOpts reads words, format and facts from the query, falling back to
// the given defaults.
func parseOpts(r *http.Request, words int, format string, noFacts bool) (briefOpts, error) {
	q := r.URL.Query()
	if v := q.Get("words"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return briefOpts{}, badRequest("words=%q: not a number", v)
		}
		words = n
	}
	if words < 0 || words > MaxWords {
		return briefOpts{}, badRequest("words=%d: give 1 to %d (0 for the default)", words, MaxWords)
	}
	if words == 0 {
		words = chorus.DefaultWords
	}
	if v := q.Get("format"); v != "" {
		format = v
	}
	if format == "" {
		format = "json"
	}
	f, err := brief.ParseFormat(format)
	if err != nil || f == brief.FormatHTML {
		return briefOpts{}, badRequest("format=%q: give json, md or text", format)
	}
	if v := q.Get("facts"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return briefOpts{}, badRequest("facts=%q: give true or false", v)
		}
		noFacts = !b
	}
	return briefOpts{words: words, format: f, noFacts: noFacts}, nil
}

var contentTypes = map[brief.Format]string{
	brief.FormatJSON:     "application/json; charset=utf-8",
	brief.FormatMarkdown: "text/markdown; charset=utf-8",
	brief.FormatText:     "text/plain; charset=utf-8",
}

// acquire takes one of the slots that bound the briefs computed at once,
// waiting in arrival order; release gives it back.
func (s *Server) acquire(ctx context.Context) (release func(), err error) {
	select {
	case s.briefSem <- struct{}{}:
		return func() { <-s.briefSem }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("wait to compute brief: %w", ctx.Err())
	}
}

// compute runs the pipeline under the server's concurrency bound and
// renders the brief.
func (s *Server) compute(ctx context.Context, arts []article.Article, title string, o briefOpts) ([]byte, error) {
	release, err := s.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return s.render(ctx, arts, title, o)
}

// render runs the pipeline and renders the brief; the caller holds a slot.
func (s *Server) render(ctx context.Context, arts []article.Article, title string, o briefOpts) ([]byte, error) {
	b, err := s.cfg.Brief(ctx, arts, chorus.Options{Words: o.words, Title: title, NoFacts: o.noFacts})
	if errors.Is(err, chorus.ErrNoText) {
		return nil, &requestError{http.StatusUnprocessableEntity, "no usable text: " + err.Error()}
	}
	if err != nil {
		return nil, fmt.Errorf("compute brief: %w", err)
	}
	var buf bytes.Buffer
	if err := brief.Render(&buf, b, o.format); err != nil {
		return nil, fmt.Errorf("render brief: %w", err)
	}
	return buf.Bytes(), nil
}

func writeBrief(w http.ResponseWriter, o briefOpts, body []byte) {
	w.Header().Set("Content-Type", contentTypes[o.format])
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// oneShot answers POST /v1/brief: a brief of the posted articles, with
// nothing stored.
func (s *Server) oneShot(w http.ResponseWriter, r *http.Request) {
	var in BriefIn
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := parseOpts(r, in.Words, in.Format, in.NoFacts)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Reading posted text is work for the processor like the brief itself:
	// a request takes its slot before it, so that requests run one after
	// the other in arrival order rather than all at once, slowly. A request
	// that fetches URLs waits for them without holding a slot.
	fetches := false
	for _, a := range in.Articles {
		fetches = fetches || a.URL != "" && a.Text == "" && a.HTML == ""
	}
	var release func()
	if !fetches {
		if release, err = s.acquire(r.Context()); err != nil {
			s.fail(w, r, err)
			return
		}
		defer release()
	}
	arts, outs, err := s.readArticles(r.Context(), in.Articles)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, o := range outs {
		if o.Error != "" {
			s.fail(w, r, &requestError{http.StatusUnprocessableEntity, fmt.Sprintf("article %d: %s", o.Index, o.Error)})
			return
		}
	}
	var body []byte
	if release != nil {
		body, err = s.render(r.Context(), arts, strings.TrimSpace(in.Title), o)
	} else {
		body, err = s.compute(r.Context(), arts, strings.TrimSpace(in.Title), o)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeBrief(w, o, body)
}

// storyBrief answers GET /v1/stories/{id}/brief from the cache when the
// story has not changed since the brief was computed, and computes it
// (once, however many requests ask at the same moment) otherwise.
func (s *Server) storyBrief(w http.ResponseWriter, r *http.Request) {
	id, err := storyID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, err := parseOpts(r, 0, "", false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	key := o.key()
	ctx := r.Context()
	body, ok, err := s.cfg.Store.Brief(ctx, id, key)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ok {
		w.Header().Set("X-Chorus-Cache", "hit")
		writeBrief(w, o, body)
		return
	}
	body, err = s.once(ctx, id+"\x00"+key, func() ([]byte, error) {
		// A run for key that ended between the lookup above and this one
		// stored its brief before it ended: look again rather than compute
		// the same brief twice.
		if body, ok, err := s.cfg.Store.Brief(ctx, id, key); err == nil && ok {
			return body, nil
		}
		arts, st, err := s.cfg.Store.Articles(ctx, id)
		if err != nil {
			return nil, notFoundErr(err, "story "+id)
		}
		if len(arts) == 0 {
			return nil, &requestError{http.StatusUnprocessableEntity, "story " + id + " has no articles yet"}
		}
		body, err := s.compute(ctx, arts, st.Title, o)
		if err != nil {
			return nil, err
		}
		if err := s.cfg.Store.PutBrief(ctx, id, key, st.Revision, body); err != nil {
			s.log.Warn("cache brief", "story", id, "err", err)
		}
		return body, nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("X-Chorus-Cache", "miss")
	writeBrief(w, o, body)
}

// flight is one computation in progress that others may wait for.
type flight struct {
	done chan struct{}
	body []byte
	err  error
}

// once runs fn for key unless a run for key is already in progress, in
// which case it waits for that run's result.
func (s *Server) once(ctx context.Context, key string, fn func() ([]byte, error)) ([]byte, error) {
	s.mu.Lock()
	if f, ok := s.flights[key]; ok {
		s.mu.Unlock()
		select {
		case <-f.done:
			return f.body, f.err
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for brief: %w", ctx.Err())
		}
	}
	f := &flight{done: make(chan struct{})}
	s.flights[key] = f
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.flights, key)
		s.mu.Unlock()
		close(f.done)
	}()
	f.body, f.err = fn()
	return f.body, f.err
}
