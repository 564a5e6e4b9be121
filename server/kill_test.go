package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/store"
)

// startChorus starts `chorus serve` on a free loopback port and returns its
// base URL and process.
func startChorus(t *testing.T, bin, db string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", db, "--quiet")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			if _, rest, ok := strings.Cut(line, "listening on "); ok {
				found <- strings.Fields(rest)[0]
			}
		}
	}()
	select {
	case base := <-found:
		return base, cmd
	case <-time.After(20 * time.Second):
		t.Fatal("chorus serve did not start")
	}
	return "", nil
}

// TestKill9 posts articles, kills the server with SIGKILL while writes are
// in flight, restarts it on the same database and checks that every
// article whose post was acknowledged is there.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test builds the binary; skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "chorus")
	build := exec.Command("go", "build", "-o", bin, "../cmd/chorus")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build chorus: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "chorus.db")
	base, cmd := startChorus(t, bin, db)
	c := &client{t: t, base: base}
	var st store.Story
	if s := c.json("POST", "/v1/stories", StoryIn{Title: "kill test"}, &st); s != 201 {
		t.Fatalf("create story: %d", s)
	}

	// Four writers post articles until the server dies.
	var mu sync.Mutex
	var acked []string
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				text := fmt.Sprintf("Writer %d filed report %d about the flood on the Marra river.", w, i)
				body, _ := json.Marshal(ArticlesIn{Articles: []ArticleIn{{Text: text}}})
				req, _ := http.NewRequestWithContext(ctx, "POST", base+"/v1/stories/"+st.ID+"/articles", strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "application/json")
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					return // the server is gone
				}
				var out AddArticlesOut
				err = json.NewDecoder(res.Body).Decode(&out)
				res.Body.Close()
				if err == nil && res.StatusCode == 200 && out.Added == 1 {
					mu.Lock()
					acked = append(acked, out.Articles[0].ID)
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(700 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	cancel()
	wg.Wait()
	if len(acked) < 5 {
		t.Fatalf("only %d posts acknowledged before the kill; the test proves little", len(acked))
	}

	base, _ = startChorus(t, bin, db)
	c = &client{t: t, base: base}
	var got struct {
		Story    store.Story
		Articles []article.Article
	}
	if s := c.json("GET", "/v1/stories/"+st.ID+"/articles", nil, &got); s != 200 {
		t.Fatalf("articles after restart: %d", s)
	}
	have := map[string]bool{}
	for _, a := range got.Articles {
		have[a.ID] = true
	}
	for _, id := range acked {
		if !have[id] {
			t.Errorf("acknowledged article %s lost after kill -9", id)
		}
	}
	if got.Story.Articles != len(got.Articles) {
		t.Errorf("story counts %d articles, holds %d", got.Story.Articles, len(got.Articles))
	}
	t.Logf("%d acknowledged, %d stored after restart", len(acked), len(got.Articles))
}
