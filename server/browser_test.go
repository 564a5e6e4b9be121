package server

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

// TestPageBrief drives the page in headless Chromium: create a story,
// paste two reports, and read a brief whose sentences cite their sources
// and open the source sentence in its report when clicked.
func TestPageBrief(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no Chromium at %s (apt-get install chromium): %v", chromium, err)
	}
	c := newTestServer(t, stores(t)["sqlite"](t), Config{})
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The first action starts the browser; it must not carry a timeout.
	if err := chromedp.Do(bctx, chromedp.Navigate(c.base+"/")); err != nil {
		t.Fatalf("start browser: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	defer cancel()

	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return n
	}
	paste := func(report, source string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			chromedp.SetValue(chromedp.ID("paste"), report),
			chromedp.SetValue(chromedp.ID("paste-source"), source),
			chromedp.Click(chromedp.ID("add-btn")),
		)
	}
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			brief, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("%s: %v\npage text:\n%s", what, err, brief)
		}
	}
	step("create a story",
		chromedp.WaitVisible(chromedp.ID("new-title")),
		chromedp.SendKeys(chromedp.ID("new-title"), "Marra river floods"),
		chromedp.Click(chromedp.CSS("#new-story button")),
		chromedp.WaitVisible(chromedp.ID("story")),
	)
	title := text("#story-title")
	step("paste the first report", paste(readTestdata(t, "report1.txt"), "Valley Times"),
		chromedp.WaitVisible(chromedp.CSS("#sources li")))
	step("paste the second report", paste(readTestdata(t, "report2.txt"), "Wire"),
		chromedp.WaitVisible(chromedp.CSS("#sources li:nth-child(2)")),
		chromedp.WaitVisible(chromedp.CSS("#brief .sent")))
	results := text("#add-result")
	briefText := text("#brief")
	sents := eval(`document.querySelectorAll("#brief .sent").length`)
	cites := eval(`document.querySelectorAll("#brief a.cite").length`)
	sources := text("#sources")
	step("open a sentence in its report", chromedp.Click(chromedp.CSS("#brief .sent")),
		chromedp.WaitVisible(chromedp.ID("source-view")))
	svText := text("#sv-text")
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#sv-text mark") || {}).textContent || ""`))
	if err != nil {
		t.Fatal(err)
	}
	if title != "Marra river floods" {
		t.Errorf("story title %q", title)
	}
	if !strings.Contains(results, "added") {
		t.Errorf("add result %q", results)
	}
	if sents == 0 || cites < sents {
		t.Errorf("brief has %d sentences and %d citation links: %q", sents, cites, briefText)
	}
	if !strings.Contains(sources, "Valley Times") || !strings.Contains(sources, "Wire") {
		t.Errorf("sources list %q lacks the outlets", sources)
	}
	// The first sentence opens in its report, marked.
	if marked == "" || !strings.Contains(svText, marked) || !strings.Contains(briefText, strings.Fields(marked)[0]) {
		t.Errorf("source view %q with mark %q", svText, marked)
	}
}
