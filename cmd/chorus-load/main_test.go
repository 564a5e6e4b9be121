package main

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// row returns the figures of the one-shot row of a report: requests,
// errors, req/s, p50, p90, p99 and max (ms).
func row(t *testing.T, out string) []float64 {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) == 9 && f[0] == "POST" && f[1] == "/v1/brief" {
			var v []float64
			for _, s := range f[2:] {
				x, err := strconv.ParseFloat(s, 64)
				if err != nil {
					t.Fatalf("figure %q in %q: %v", s, l, err)
				}
				v = append(v, x)
			}
			return v
		}
	}
	t.Fatalf("no one-shot row in report:\n%s", out)
	return nil
}

// slowServer answers every one-shot brief after d.
func slowServer(t *testing.T, d time.Duration) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(d)
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func baseOptions() options {
	return options{clients: 1, duration: 2 * time.Second, mix: "oneshot", words: 150,
		interval: time.Hour, docWords: 50, docsPerReq: 2, data: "/nonexistent"}
}

// A server that needs 100 ms a request and one client: a closed loop sees
// 100 ms a request, while an open loop at 40 requests/s falls further
// behind its schedule with every request and charges the wait to the
// server, as users arriving at that rate would see it.
func TestOpenLoopCountsWaitFromSchedule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for 4 s")
	}
	url := slowServer(t, 100*time.Millisecond)
	ctx := context.Background()

	closed := baseOptions()
	closed.url = url
	var out bytes.Buffer
	if err := run(ctx, closed, &out); err != nil {
		t.Fatal(err)
	}
	c := row(t, out.String())
	if c[1] != 0 || c[0] < 5 || c[0] > 20 {
		t.Fatalf("closed loop: %v requests, %v errors; want 5–20 and none\n%s", c[0], c[1], out.String())
	}
	if c[5] > 1000 {
		t.Fatalf("closed loop p99 %v ms; a request takes ~100 ms\n%s", c[5], out.String())
	}

	open := closed
	open.rate = 40
	out.Reset()
	if err := run(ctx, open, &out); err != nil {
		t.Fatal(err)
	}
	o := row(t, out.String())
	// Request n is due at n/40 s and done no earlier than (n+1)×0.1 s, so
	// the later requests of the 2 s run wait well over a second.
	if o[5] < 1000 {
		t.Fatalf("open loop p99 %v ms: the wait behind the schedule is not counted\n%s", o[5], out.String())
	}
	if !strings.Contains(out.String(), "open loop at 40 req/s") || !strings.Contains(out.String(), "after they were due (counted in the latency)") {
		t.Fatalf("report does not say how it was run:\n%s", out.String())
	}
}

// An open loop sends no more than its schedule, however fast the server.
func TestOpenLoopKeepsRate(t *testing.T) {
	o := baseOptions()
	o.url = slowServer(t, 0)
	o.clients, o.rate, o.duration = 4, 50, time.Second
	var out bytes.Buffer
	if err := run(context.Background(), o, &out); err != nil {
		t.Fatal(err)
	}
	r := row(t, out.String())
	if r[0] > 51 || r[0] < 25 {
		t.Fatalf("%v requests in 1 s at 50/s\n%s", r[0], out.String())
	}
}

func TestOptionsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*options)
	}{
		{"negative rate", func(o *options) { o.rate = -1 }},
		{"warm-up as long as the run", func(o *options) { o.warmup = o.duration }},
		{"no clients", func(o *options) { o.clients = 0 }},
		{"unknown mix", func(o *options) { o.mix = "burst" }},
	} {
		o := baseOptions()
		o.url = "http://127.0.0.1:1"
		tc.edit(&o)
		if err := run(context.Background(), o, &bytes.Buffer{}); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

func TestSchedule(t *testing.T) {
	closed := &schedule{}
	for want := range int64(3) {
		if n, due := closed.take(); n != want || due != 0 {
			t.Fatalf("closed loop: take() = %d, %v; want %d, 0", n, due, want)
		}
	}
	even := &schedule{rate: 200}
	for want := range int64(5) {
		if n, due := even.take(); n != want || due != time.Duration(want)*5*time.Millisecond {
			t.Fatalf("uniform: take() = %d, %v; want %d, %v", n, due, want, time.Duration(want)*5*time.Millisecond)
		}
	}
	// Poisson arrivals at 200/s: gaps average 5 ms, and vary as much as
	// they average (an exponential's standard deviation is its mean).
	p := &schedule{rate: 200, poisson: true, rng: rand.New(rand.NewPCG(3, 4))}
	const k = 20000
	var last time.Duration
	var sum, sq float64
	for i := range k {
		n, due := p.take()
		if n != int64(i) || due < last {
			t.Fatalf("poisson: take() = %d, %v after %v", n, due, last)
		}
		g := (due - last).Seconds()
		if i > 0 {
			sum += g
			sq += g * g
		}
		last = due
	}
	mean := sum / (k - 1)
	sd := math.Sqrt(sq/(k-1) - mean*mean)
	if math.Abs(mean-0.005) > 0.00025 || math.Abs(sd/mean-1) > 0.05 {
		t.Fatalf("poisson gaps: mean %.5f s, sd/mean %.3f; want 0.005 s and 1", mean, sd/mean)
	}
}
