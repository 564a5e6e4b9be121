package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/chorus-brief/chorus/server"
)

// shutdownGrace is how long a stopping server waits for requests in flight.
const shutdownGrace = 30 * time.Second

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port); any non-loopback host needs a token")
	db := fs.String("db", "chorus.db", "SQLite file, or a postgres://user@host:5432/db URL for a shared PostgreSQL store")
	tokenFile := fs.String("token-file", "", "file holding the API token (else $CHORUS_TOKEN); required off loopback")
	allowPrivate := fs.Bool("allow-private-fetch", false, "let URL fetches reach loopback and private network addresses")
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body in bytes")
	maxArticle := fs.Int("max-article", server.DefaultMaxArticleBytes, "largest single article (text or HTML) in bytes")
	timeout := fs.Duration("timeout", server.DefaultRequestTimeout, "deadline of one API request")
	fetchTimeout := fs.Duration("fetch-timeout", server.DefaultFetchTimeout, "deadline of one URL fetch")
	quiet := fs.Bool("quiet", false, "do not log each request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}

	// A server runs long with a small live heap: collect less often.
	server.TuneGC(os.Getenv)

	token, err := readToken(*tokenFile)
	if err != nil {
		return err
	}
	loopback, err := isLoopback(*addr)
	if err != nil {
		return fmt.Errorf("%w: --addr %q: %v", errUsage, *addr, err)
	}
	if !loopback && token == "" {
		return fmt.Errorf("%w: listening on %s, beyond this machine, needs a token: give --token-file or set CHORUS_TOKEN", errUsage, *addr)
	}

	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))

	openCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	st, err := server.OpenStore(openCtx, *db)
	cancel()
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer st.Close()

	h, err := server.New(server.Config{
		Store: st, Token: token, AllowPrivateFetch: *allowPrivate,
		MaxBodyBytes: *maxBody, MaxArticleBytes: *maxArticle,
		RequestTimeout: *timeout, FetchTimeout: *fetchTimeout, Logger: logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      *timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          log.New(e.stderr, "chorus serve: ", 0),
		// Requests keep their own context: a shutdown lets them finish.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	auth := "open (loopback only)"
	if token != "" {
		auth = "token required"
	}
	fmt.Fprintf(e.stderr, "chorus: listening on http://%s (store: %s; access: %s)\n", ln.Addr(), server.DescribeStore(*db), auth)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(e.stderr, "chorus: shutting down, finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// readToken returns the API token from path, else from $CHORUS_TOKEN.
func readToken(path string) (string, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("read token: %w", err)
		}
		t := strings.TrimSpace(string(b))
		if t == "" {
			return "", fmt.Errorf("read token: %s is empty", path)
		}
		return t, nil
	}
	return strings.TrimSpace(os.Getenv("CHORUS_TOKEN")), nil
}

// isLoopback reports whether addr only listens on this machine.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}
