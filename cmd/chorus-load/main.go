// Command chorus-load is the load benchmark of the Chorus service: N
// concurrent clients on loopback post articles, read story briefs and ask
// for one-shot briefs of five 500-word articles, for a bounded time and
// number of requests. It reports requests per second, p50, p90 and p99
// latency per kind of request, and the server's resident memory over time.
//
//	chorus-load [flags]
//
// By default every client is a closed loop: it sends its next request as
// soon as the last one is answered, so the run finds the most the server
// can do, and latency grows with the queue that the clients themselves
// build (32 clients at R requests/s wait 32/R seconds on average). With
// --rate the clients send on a fixed schedule instead (an open loop, as
// traffic from many independent users arrives): request n is due at
// start + n/rate, taken by whichever client is free, and its latency is
// counted from when it was due, not from when a client was free to send
// it, so a server that falls behind is charged for the wait (no
// "coordinated omission"). With --arrivals poisson the gaps between due
// times are random (exponential, mean 1/rate), so requests come in bursts
// as independent users' do, and the bursts queue.
//
// Without --url it starts a Chorus server in this process on a free
// loopback port with a temporary SQLite store (RSS is then this process's,
// clients included). With --url it loads a running `chorus serve`; give
// --pid to sample that process's memory.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/internal/shared"
	"github.com/chorus-brief/chorus/server"
	"github.com/chorus-brief/chorus/store/sqlite"
)

type options struct {
	url        string
	pid        int
	clients    int
	duration   time.Duration
	maxReq     int
	mix        string
	words      int
	data       string
	interval   time.Duration
	token      string
	docWords   int
	docsPerReq int
	rate       float64
	poisson    bool
	warmup     time.Duration
}

func main() {
	var o options
	flag.StringVar(&o.url, "url", "", "base URL of a running chorus serve (default: start one in this process)")
	flag.IntVar(&o.pid, "pid", 0, "process id of the server given by --url, to sample its memory")
	flag.IntVar(&o.clients, "clients", 32, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long to run (at most 30m)")
	flag.IntVar(&o.maxReq, "requests", 0, "stop after this many requests (0: no limit besides --duration)")
	flag.StringVar(&o.mix, "mix", "oneshot", "requests to send: oneshot (POST /v1/brief), story (post articles and read briefs), or mixed")
	flag.IntVar(&o.words, "words", 150, "brief length in words")
	flag.StringVar(&o.data, "data", "", "dataset JSONL to take report text from (default: ../shared/data/multinews500-val.jsonl.gz if present)")
	flag.DurationVar(&o.interval, "interval", 10*time.Second, "memory sampling interval")
	flag.StringVar(&o.token, "token", os.Getenv("CHORUS_TOKEN"), "API token for --url (default $CHORUS_TOKEN)")
	flag.IntVar(&o.docWords, "doc-words", 500, "words per article")
	flag.IntVar(&o.docsPerReq, "docs", 5, "articles per one-shot brief")
	flag.Float64Var(&o.rate, "rate", 0, "send this many requests per second in all on a fixed schedule, latency counted from when each was due (0: closed loop, as fast as the server answers)")
	arrivals := flag.String("arrivals", "uniform", "with --rate: uniform (evenly spaced) or poisson (random gaps, mean 1/rate) arrivals")
	flag.DurationVar(&o.warmup, "warmup", 0, "leave the requests that start in this first part of the run out of the figures")
	flag.Parse()
	switch *arrivals {
	case "uniform":
	case "poisson":
		o.poisson = true
	default:
		fmt.Fprintf(os.Stderr, "chorus-load: --arrivals %q: give uniform or poisson\n", *arrivals)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "chorus-load:", err)
		os.Exit(1)
	}
}

// op is one kind of request.
type op string

const (
	opOneShot op = "POST /v1/brief"
	opPost    op = "POST /v1/stories/{id}/articles"
	opBrief   op = "GET /v1/stories/{id}/brief"
)

type sample struct {
	op  op
	dur time.Duration // from when the request was due to its answer
	lag time.Duration // from when it was due to when it was sent
	ok  bool
}

func run(ctx context.Context, o options, out io.Writer) error {
	if o.clients < 1 || o.clients > 1024 {
		return errors.New("--clients: give 1 to 1024")
	}
	if o.duration <= 0 || o.duration > 30*time.Minute {
		return errors.New("--duration: give up to 30m")
	}
	if o.mix != "oneshot" && o.mix != "story" && o.mix != "mixed" {
		return fmt.Errorf("--mix %q: give oneshot, story or mixed", o.mix)
	}
	if o.rate < 0 || o.rate > 1e6 {
		return errors.New("--rate: give 0 (closed loop) or up to 1000000 requests/s")
	}
	if o.warmup < 0 || o.warmup >= o.duration {
		return errors.New("--warmup: give a time shorter than --duration")
	}
	docs, origin, err := loadDocs(ctx, o)
	if err != nil {
		return err
	}
	// One-shot bodies are encoded before the run, so that the clients spend
	// as little as possible of the CPU they share with the server.
	bodies, err := oneShotBodies(docs, o)
	if err != nil {
		return err
	}
	base, pid := o.url, o.pid
	if base == "" {
		// The collection target that chorus serve runs with, so that the
		// in-process server measures what a deployment runs.
		server.TuneGC(os.Getenv)
		var stopServer func()
		base, stopServer, err = startServer(ctx)
		if err != nil {
			return err
		}
		defer stopServer()
		pid = os.Getpid()
	}
	base = strings.TrimRight(base, "/")
	loop := "closed loop"
	if o.rate > 0 {
		loop = fmt.Sprintf("open loop at %g req/s", o.rate)
		if o.poisson {
			loop += ", Poisson arrivals"
		}
	}
	fmt.Fprintf(out, "chorus-load: %d clients, %s, %s, mix %s, %d×%d-word articles from %s, against %s (GOMAXPROCS %d)\n",
		o.clients, o.duration, loop, o.mix, o.docsPerReq, o.docWords, origin, base, runtime.GOMAXPROCS(0))

	hc := &http.Client{Transport: &http.Transport{MaxIdleConns: o.clients * 2, MaxIdleConnsPerHost: o.clients * 2,
		IdleConnTimeout: time.Minute}, Timeout: time.Minute}
	lctx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()

	// Memory sampling.
	var rss []string
	memDone := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(memDone)
		tick := time.NewTicker(o.interval)
		defer tick.Stop()
		rss = append(rss, memLine(pid, 0))
		last := time.Duration(0)
		for {
			select {
			case <-lctx.Done():
				// A last sample at the end, unless a tick just took one.
				if at := time.Since(start); at-last > time.Second {
					rss = append(rss, memLine(pid, at))
				}
				return
			case <-tick.C:
				last = time.Since(start)
				rss = append(rss, memLine(pid, last))
			}
		}
	}()

	var mu sync.Mutex
	var samples []sample
	sched := &schedule{rate: o.rate, poisson: o.poisson, rng: rand.New(rand.NewPCG(1, 2))}
	var wg sync.WaitGroup
	for w := range o.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &loadClient{hc: hc, base: base, token: o.token, words: o.words, rng: rand.New(rand.NewPCG(uint64(w), 7))}
			local := make([]sample, 0, 1024)
			defer func() {
				mu.Lock()
				samples = append(samples, local...)
				mu.Unlock()
			}()
			storyID := ""
			for i := 0; lctx.Err() == nil; i++ {
				n, due := sched.take()
				if o.maxReq > 0 && n >= int64(o.maxReq) {
					return
				}
				// t0 is when the request is due: now in a closed loop, on
				// the schedule in an open one.
				t0 := time.Now()
				if o.rate > 0 {
					t0 = start.Add(due)
					if !sleepUntil(lctx, t0) {
						return
					}
				}
				lag := time.Since(t0)
				kind := opOneShot
				switch o.mix {
				case "story":
					kind = []op{opPost, opBrief}[i%2]
				case "mixed":
					kind = []op{opOneShot, opOneShot, opPost, opBrief}[i%4]
				}
				if kind != opOneShot && storyID == "" {
					id, err := c.createStory(lctx, fmt.Sprintf("load story %d", w))
					if err != nil {
						if lctx.Err() == nil {
							fmt.Fprintln(os.Stderr, "chorus-load: create story:", err)
						}
						return
					}
					storyID = id
				}
				var err error
				switch kind {
				case opOneShot:
					err = c.oneShot(lctx, bodies[c.rng.IntN(len(bodies))])
				case opPost:
					err = c.post(lctx, storyID, pick(c.rng, docs, 1))
				case opBrief:
					err = c.brief(lctx, storyID)
				}
				if lctx.Err() != nil {
					return // cut off by the deadline: not counted
				}
				if t0.Sub(start) < o.warmup {
					continue
				}
				local = append(local, sample{kind, time.Since(t0), lag, err == nil})
				if err != nil && i < 3 {
					fmt.Fprintln(os.Stderr, "chorus-load:", kind, err)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start) - o.warmup
	cancel()
	<-memDone
	report(out, samples, elapsed, rss)
	if o.rate > 0 && len(samples) > 0 {
		lags := make([]time.Duration, len(samples))
		for i, s := range samples {
			lags[i] = s.lag
		}
		slices.Sort(lags)
		fmt.Fprintf(out, "schedule: requests were sent p50 %.1f ms, p99 %.1f ms, max %.1f ms after they were due (counted in the latency)\n",
			ms(quantile(lags, 0.5)), ms(quantile(lags, 0.99)), ms(quantile(lags, 1)))
	}
	return nil
}

// schedule hands out request numbers and, in an open loop, when each
// request is due after the start.
type schedule struct {
	rate    float64 // requests per second; 0 for a closed loop
	poisson bool    // random exponential gaps instead of even ones
	rng     *rand.Rand

	mu  sync.Mutex
	n   int64
	due float64 // seconds after the start at which request n is due
}

// take returns the next request's number and when it is due.
func (s *schedule) take() (int64, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.n
	s.n++
	if s.rate <= 0 {
		return n, 0
	}
	due := float64(n) / s.rate
	if s.poisson {
		if n > 0 {
			s.due += s.rng.ExpFloat64() / s.rate
		}
		due = s.due
	}
	return n, time.Duration(due * float64(time.Second))
}

// quantile returns the p-quantile of sorted, a non-empty sorted slice.
func quantile(sorted []time.Duration, p float64) time.Duration {
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// ms returns d in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// sleepUntil waits until t; it reports false when ctx ends first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-tm.C:
		return true
	}
}

// oneShotBodies encodes the bodies of one-shot requests: o.docsPerReq
// consecutive reports from each of up to 256 starting points in docs.
func oneShotBodies(docs []string, o options) ([][]byte, error) {
	n := min(len(docs), 256)
	out := make([][]byte, 0, n)
	for i := range n {
		texts := window(docs, i*len(docs)/n, o.docsPerReq)
		b, err := json.Marshal(server.BriefIn{Articles: articles(texts), Words: o.words})
		if err != nil {
			return nil, fmt.Errorf("encode request: %w", err)
		}
		out = append(out, b)
	}
	return out, nil
}

// loadDocs returns report texts of o.docWords words each, from the
// dataset when there is one, else from built-in text.
func loadDocs(ctx context.Context, o options) ([]string, string, error) {
	path := o.data
	if path == "" {
		if d := shared.Dir(); d != "" {
			path = filepath.Join(d, "data", "multinews500-val.jsonl.gz")
		}
	}
	var words []string
	origin := "built-in text"
	if path != "" {
		if f, err := os.Open(path); err == nil {
			defer f.Close()
			errEnough := errors.New("enough")
			n := 0
			err := article.ReadClusters(ctx, f, path, func(c article.Cluster) error {
				for _, a := range c.Articles {
					words = append(words, strings.Fields(a.Text)...)
				}
				if n++; n >= 400 {
					return errEnough
				}
				return nil
			}, nil)
			if err != nil && !errors.Is(err, errEnough) {
				return nil, "", err
			}
			origin = filepath.Base(path)
		}
	}
	if len(words) < o.docWords*10 {
		seed := "Heavy rain pushed the river over its banks on Tuesday, forcing thousands of residents from their homes. " +
			"Emergency crews used boats to reach families trapped on upper floors, the fire service said. " +
			"The governor declared a state of emergency and asked for army support. " +
			"Forecasters expect the river to peak on Wednesday night before the rain eases. " +
			"\"We have never seen the water rise this fast,\" the mayor said. "
		for len(words) < o.docWords*40 {
			words = append(words, strings.Fields(seed)...)
		}
		origin = "built-in text"
	}
	var docs []string
	for i := 0; i+o.docWords <= len(words); i += o.docWords {
		docs = append(docs, strings.Join(words[i:i+o.docWords], " "))
	}
	return docs, origin, nil
}

// pick returns n consecutive reports of docs from a random start.
func pick(rng *rand.Rand, docs []string, n int) []string {
	return window(docs, rng.IntN(len(docs)), n)
}

// window returns the n reports of docs from start on, going round to the
// first after the last.
func window(docs []string, start, n int) []string {
	out := make([]string, n)
	for k := range out {
		out[k] = docs[(start+k)%len(docs)]
	}
	return out
}

// startServer starts a Chorus server in this process on a free loopback
// port with a temporary SQLite store.
func startServer(ctx context.Context) (string, func(), error) {
	dir, err := os.MkdirTemp("", "chorus-load-")
	if err != nil {
		return "", nil, fmt.Errorf("temp dir: %w", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, "chorus.db"))
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	h, err := server.New(server.Config{Store: st, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		st.Close()
		os.RemoveAll(dir)
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		st.Close()
		os.RemoveAll(dir)
	}, nil
}

type loadClient struct {
	hc    *http.Client
	base  string
	token string
	words int
	rng   *rand.Rand
}

func (c *loadClient) do(ctx context.Context, method, path string, body any, want ...int) ([]byte, error) {
	var raw []byte
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		raw = b
	}
	return c.doRaw(ctx, method, path, raw, want...)
}

// doRaw sends body (JSON, or nil for none) and returns the response body
// when its status is one of want.
func (c *loadClient) doRaw(ctx context.Context, method, path string, body []byte, want ...int) ([]byte, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(want, res.StatusCode) {
		return nil, fmt.Errorf("%s %s: %d %.200s", method, path, res.StatusCode, b)
	}
	return b, nil
}

func articles(texts []string) []server.ArticleIn {
	out := make([]server.ArticleIn, len(texts))
	for i, t := range texts {
		out[i] = server.ArticleIn{Text: t, Source: "Outlet " + strconv.Itoa(i+1)}
	}
	return out
}

func (c *loadClient) oneShot(ctx context.Context, body []byte) error {
	_, err := c.doRaw(ctx, "POST", "/v1/brief", body, 200)
	return err
}

func (c *loadClient) createStory(ctx context.Context, title string) (string, error) {
	b, err := c.do(ctx, "POST", "/v1/stories", server.StoryIn{Title: title}, 200, 201)
	if err != nil {
		return "", err
	}
	var st struct{ ID string }
	if err := json.Unmarshal(b, &st); err != nil {
		return "", err
	}
	return st.ID, nil
}

func (c *loadClient) post(ctx context.Context, id string, texts []string) error {
	_, err := c.do(ctx, "POST", "/v1/stories/"+id+"/articles", server.ArticlesIn{Articles: articles(texts)}, 200)
	return err
}

func (c *loadClient) brief(ctx context.Context, id string) error {
	_, err := c.do(ctx, "GET", "/v1/stories/"+id+"/brief?words="+strconv.Itoa(c.words), nil, 200)
	return err
}

// memLine samples the resident memory of pid from /proc.
func memLine(pid int, at time.Duration) string {
	rss := "?"
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
				rss = strings.TrimSpace(v)
			}
		}
	}
	line := fmt.Sprintf("  t=%-6s RSS %s", at.Round(time.Second), rss)
	if pid == os.Getpid() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		line += fmt.Sprintf("  Go heap in use %.1f MB", float64(ms.HeapInuse)/(1<<20))
	}
	return line
}

func report(out io.Writer, samples []sample, elapsed time.Duration, rss []string) {
	by := map[op][]sample{}
	for _, s := range samples {
		by[s.op] = append(by[s.op], s)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "request\trequests\terrors\treq/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\t")
	for _, k := range []op{opOneShot, opPost, opBrief} {
		ss := by[k]
		if len(ss) == 0 {
			continue
		}
		var durs []time.Duration
		errs := 0
		for _, s := range ss {
			if !s.ok {
				errs++
			}
			durs = append(durs, s.dur)
		}
		slices.Sort(durs)
		q := func(p float64) float64 { return ms(quantile(durs, p)) }
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", k, len(ss), errs,
			float64(len(ss))/elapsed.Seconds(), q(0.50), q(0.90), q(0.99), q(1))
	}
	fmt.Fprintf(tw, "all\t%d\t\t%.1f\t\t\t\t\n", len(samples), float64(len(samples))/elapsed.Seconds())
	tw.Flush()
	fmt.Fprintln(out, "memory:")
	for _, l := range rss {
		fmt.Fprintln(out, l)
	}
}
