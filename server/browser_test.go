package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

// page drives the Chorus page in headless Chromium.
type page struct {
	t *testing.T
	// bctx is the browser's context; ctx bounds the test's actions.
	bctx, ctx context.Context
}

// newPage starts headless Chromium on a fresh test server; it skips the
// test in -short mode or when Chromium is not installed.
func newPage(t *testing.T) (*client, *page) {
	t.Helper()
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
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// The first action starts the browser; it must not carry a timeout.
	if err := chromedp.Do(bctx, chromedp.Navigate(c.base+"/")); err != nil {
		t.Fatalf("start browser: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 30*time.Second)
	t.Cleanup(cancel)
	return c, &page{t: t, bctx: bctx, ctx: ctx}
}

// text is the text of the first element matching sel.
func (p *page) text(sel string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		p.t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

// eval evaluates a JavaScript expression whose value is a number.
func (p *page) eval(js string) int {
	p.t.Helper()
	n, err := chromedp.Run(p.ctx, chromedp.Evaluate[int](js))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", js, err)
	}
	return n
}

// evalJSON evaluates a JavaScript expression and decodes its value, given
// as a JSON string, into out.
func (p *page) evalJSON(js string, out any) {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string]("JSON.stringify("+js+")"))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", js, err)
	}
	if err := json.Unmarshal([]byte(s), out); err != nil {
		p.t.Fatalf("decode %s: %v", s, err)
	}
}

// step runs actions, failing the test with the page's text when they fail.
func (p *page) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		body, _ := chromedp.Run(p.bctx, chromedp.Evaluate[string](`document.body.innerText`))
		p.t.Fatalf("%s: %v\npage text:\n%s", what, err, body)
	}
}

// TestPageBrief drives the page in headless Chromium: create a story,
// paste two reports, and read a brief whose sentences cite their sources
// and open the source sentence in its report when clicked.
func TestPageBrief(t *testing.T) {
	_, p := newPage(t)
	paste := func(report, source string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			chromedp.SetValue(chromedp.ID("paste"), report),
			chromedp.SetValue(chromedp.ID("paste-source"), source),
			chromedp.Click(chromedp.ID("add-btn")),
		)
	}
	p.step("create a story",
		chromedp.WaitVisible(chromedp.ID("new-title")),
		chromedp.SendKeys(chromedp.ID("new-title"), "Marra river floods"),
		chromedp.Click(chromedp.CSS("#new-story button")),
		chromedp.WaitVisible(chromedp.ID("story")),
	)
	title := p.text("#story-title")
	p.step("paste the first report", paste(readTestdata(t, "report1.txt"), "Valley Times"),
		chromedp.WaitVisible(chromedp.CSS("#sources li")))
	p.step("paste the second report", paste(readTestdata(t, "report2.txt"), "Wire"),
		chromedp.WaitVisible(chromedp.CSS("#sources li:nth-child(2)")),
		chromedp.WaitVisible(chromedp.CSS("#brief .sent")))
	results := p.text("#add-result")
	briefText := p.text("#brief")
	sents := p.eval(`document.querySelectorAll("#brief .sent").length`)
	cites := p.eval(`document.querySelectorAll("#brief a.cite").length`)
	sources := p.text("#sources")
	p.step("open a sentence in its report", chromedp.Click(chromedp.CSS("#brief .sent")),
		chromedp.WaitVisible(chromedp.ID("source-view")))
	svText := p.text("#sv-text")
	var marked string
	p.evalJSON(`(document.querySelector("#sv-text mark") || {}).textContent || ""`, &marked)
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

// Four reports for the fact sheet test: three on one wildfire that
// disagree on how many residents were forced from their homes (3,000 in
// the first and third, 4,500 in the second) and carry the same quote, and
// one older report on another event.
var wildfireReports = []map[string]string{
	{"source": "Ridge Herald", "date": "2024-08-13", "text": `Wildfire forces families from homes near Kestrel Ridge

A wildfire driven by strong winds forced about 3,000 residents from their homes near Kestrel Ridge on Monday, the county fire service said.

"Crews are working around the clock to protect every home in the valley," fire chief Dana Moretti said at an evening briefing.

The fire has burned through dry scrub along the eastern slopes. Two schools in the town will stay closed until Thursday.`},
	{"source": "Northwind Wire", "date": "2024-08-13", "text": `Kestrel Ridge wildfire: thousands evacuated as winds rise

A wildfire forced some 4,500 residents from their homes near Kestrel Ridge on Monday, the county fire service said, as flames spread along the eastern slopes.

Fire chief Dana Moretti told reporters: "Crews are working around the clock to protect every home in the valley."

Forecasters expect the wind to drop on Wednesday. Schools in the town are closed until Thursday.`},
	{"source": "Valley Courier", "date": "2024-08-14", "text": `Crews battle Kestrel Ridge fire through the night

Firefighters battled a wildfire near Kestrel Ridge through Monday night after about 3,000 residents were forced from their homes, the county fire service said.

"Crews are working around the clock to protect every home in the valley," Dana Moretti, the fire chief, said.

Dry scrub on the eastern slopes has fed the flames, and the wind is expected to drop on Wednesday.`},
	{"source": "Valley Courier", "date": "2019-05-04", "text": `Council approves new bus depot for Kestrel Ridge

The county council approved plans on Thursday for a new bus depot on the edge of Kestrel Ridge, ending a two-year dispute over the site.

The depot will house 40 electric buses and open in 2021, the transport office said. Residents had objected to the noise of early-morning departures.`},
}

// factsJSON is the part of the brief's JSON the fact sheet test checks the
// page against.
type factsJSON struct {
	Sentences []struct {
		Note string `json:"note"`
	} `json:"sentences"`
	Sources []struct {
		N int `json:"n"`
	} `json:"sources"`
	Facts struct {
		Figures []struct {
			What   string `json:"what"`
			Status string `json:"status"`
			Values []struct {
				Text string `json:"text"`
				Docs []int  `json:"docs"`
			} `json:"values"`
		} `json:"figures"`
		Quotes []struct {
			Text     string `json:"text"`
			Origin   int    `json:"origin"`
			Carriers []struct {
				Doc int `json:"doc"`
			} `json:"carriers"`
		} `json:"quotes"`
		Entities []json.RawMessage `json:"entities"`
		Timeline []json.RawMessage `json:"timeline"`
		OffStory []struct {
			Doc int `json:"doc"`
		} `json:"off_story"`
	} `json:"facts"`
}

// pageFacts is what the page shows of the fact sheet.
type pageFacts struct {
	Headings []string `json:"headings"`
	Disputed []struct {
		What   string `json:"what"`
		Values []struct {
			Text  string   `json:"text"`
			Cites []string `json:"cites"`
			Words string   `json:"words"`
		} `json:"values"`
	} `json:"disputed"`
	Quotes []struct {
		Text   string   `json:"text"`
		Origin string   `json:"origin"`
		Cites  []string `json:"cites"`
	} `json:"quotes"`
	Links []struct {
		Text string `json:"text"`
		Href string `json:"href"`
	} `json:"links"`
	Headers     []string `json:"headers"`
	Entities    []string `json:"entities"`
	Events      int      `json:"events"`
	OffStory    []string `json:"offStory"`
	OffSources  []string `json:"offSources"`
	Notes       []string `json:"notes"`
	FactsText   string   `json:"factsText"`
	SourceCount int      `json:"sourceCount"`
}

const readFacts = `(() => {
  const all = (root, sel) => [...root.querySelectorAll(sel)];
  const cites = (root, sel) => all(root, sel).map((a) => a.textContent);
  const facts = document.getElementById("facts");
  return {
    headings: all(facts, "section > h4").map((h) => h.firstChild.textContent),
    disputed: all(facts, ".figure.disputed").map((f) => ({
      what: f.querySelector(".what").textContent,
      values: all(f, ".values > li").map((li) => ({
        text: li.querySelector(".val").textContent,
        cites: cites(li, ":scope > .cites a.cite"),
        words: (li.querySelector(".wording") || {}).textContent || "",
      })),
    })),
    quotes: all(facts, ".quote").map((q) => ({
      text: q.querySelector(".qtext").textContent,
      origin: q.querySelector(".qmeta").textContent,
      cites: cites(q, ".qmeta > .cites a.cite"),
    })),
    links: all(facts, "a.cite").map((a) => ({ text: a.textContent, href: a.getAttribute("href") })),
    headers: all(document, "#facts th[scope=col], #facts thead th").map((th) => th.textContent),
    entities: all(facts, ".entities tbody tr").filter((tr) => !tr.hidden).map((tr) => tr.innerText),
    events: all(facts, ".timeline .events > li").length,
    offStory: all(facts, ".offstory li").map((li) => li.textContent),
    offSources: all(document, "#sources li.off-story").map((li) => li.id),
    notes: all(document, "#brief .note").map((n) => n.textContent),
    factsText: facts.innerText,
    sourceCount: document.querySelectorAll("#sources li").length,
  };
})()`

// citeList formats source numbers as the page shows them: "[1]", "[3]".
func citeList(docs []int) []string {
	var out []string
	for _, d := range docs {
		out = append(out, fmt.Sprintf("[%d]", d+1))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestPageFactSheet checks that the page shows the fact sheet the way the
// brief's renderers write it: headed sections, figures with their values
// and source-numbered citations (report index + 1), a disputed figure
// marked as such, quotes with their origin and carriers, and no raw report
// indexes.
func TestPageFactSheet(t *testing.T) {
	c, p := newPage(t)
	var story struct {
		ID string `json:"id"`
	}
	if st := c.json("POST", "/v1/stories", map[string]string{"title": "Kestrel Ridge wildfire"}, &story); st != http.StatusCreated && st != http.StatusOK {
		t.Fatalf("create story: %d", st)
	}
	if st := c.json("POST", "/v1/stories/"+story.ID+"/articles", map[string]any{"articles": wildfireReports}, nil); st != http.StatusOK {
		t.Fatalf("add reports: %d", st)
	}
	var want factsJSON
	if st := c.json("GET", "/v1/stories/"+story.ID+"/brief?format=json&words=150", nil, &want); st != http.StatusOK {
		t.Fatalf("brief: %d", st)
	}
	// The reports are written to give a disputed figure and a quote carried
	// by several reports; without them the test checks nothing.
	disputed := -1
	for i, f := range want.Facts.Figures {
		if f.Status == "disputed" && disputed < 0 {
			disputed = i
		}
	}
	shared := -1
	for i, q := range want.Facts.Quotes {
		if len(q.Carriers) > 1 && shared < 0 {
			shared = i
		}
	}
	if disputed < 0 || shared < 0 || len(want.Facts.OffStory) == 0 {
		t.Fatalf("the test reports give no disputed figure, shared quote or off-story report: %+v", want.Facts)
	}

	p.step("open the story",
		chromedp.Navigate(c.base+"/#story="+story.ID),
		chromedp.WaitVisible(chromedp.CSS("#facts .figure.disputed")))
	var got pageFacts
	p.evalJSON(readFacts, &got)

	for _, h := range []string{"Figures", "Quotes", "Entities", "Timeline", "Off-story reports"} {
		if !slices.Contains(got.Headings, h) {
			t.Errorf("fact sheet headings %q lack %q", got.Headings, h)
		}
	}
	// No raw report indexes: no "Doc" column, every citation a source number.
	for _, h := range got.Headers {
		if strings.EqualFold(strings.TrimSpace(h), "doc") {
			t.Errorf("fact sheet has a %q table header: %q", h, got.Headers)
		}
	}
	if regexp.MustCompile(`\bDocs?\b`).MatchString(got.FactsText) {
		t.Errorf("fact sheet text names raw docs:\n%s", got.FactsText)
	}
	citeRe := regexp.MustCompile(`^\[(\d+)\]$`)
	for _, l := range got.Links {
		m := citeRe.FindStringSubmatch(l.Text)
		n := 0
		if m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		if n < 1 || n > len(want.Sources) || l.Href != "#source-"+m[1] {
			t.Errorf("citation %q → %q is not a source of %d", l.Text, l.Href, len(want.Sources))
		}
	}

	// The disputed figure: marked, each value with the reports giving it.
	wf := want.Facts.Figures[disputed]
	var gf *struct {
		What   string `json:"what"`
		Values []struct {
			Text  string   `json:"text"`
			Cites []string `json:"cites"`
			Words string   `json:"words"`
		} `json:"values"`
	}
	for i := range got.Disputed {
		if got.Disputed[i].What == wf.What {
			gf = &got.Disputed[i]
		}
	}
	if gf == nil {
		t.Fatalf("no disputed figure %q on the page: %+v", wf.What, got.Disputed)
	}
	if len(gf.Values) != len(wf.Values) {
		t.Fatalf("disputed figure shows %d values, want %d: %+v", len(gf.Values), len(wf.Values), gf.Values)
	}
	for i, v := range wf.Values {
		g := gf.Values[i]
		if g.Text != v.Text || !slices.Equal(g.Cites, citeList(v.Docs)) {
			t.Errorf("value %d shows %q %q, want %q %q", i, g.Text, g.Cites, v.Text, citeList(v.Docs))
		}
		if g.Words == "" {
			t.Errorf("value %q shows no wording", v.Text)
		}
	}

	// The shared quote: its carriers and origin as source numbers.
	wq := want.Facts.Quotes[shared]
	found := false
	for _, q := range got.Quotes {
		if !strings.Contains(q.Text, wq.Text) {
			continue
		}
		found = true
		var docs []int
		for _, c := range wq.Carriers {
			docs = append(docs, c.Doc)
		}
		if !slices.Equal(q.Cites, citeList(docs)) {
			t.Errorf("quote carried by %q, want %q", q.Cites, citeList(docs))
		}
		if origin := fmt.Sprintf("origin [%d]", wq.Origin+1); !strings.Contains(q.Origin, origin) {
			t.Errorf("quote line %q lacks %q", q.Origin, origin)
		}
	}
	if !found {
		t.Errorf("quote %q not on the page: %+v", wq.Text, got.Quotes)
	}

	// Entities (at most the top 12 shown), timeline events, off-story reports.
	if n := min(len(want.Facts.Entities), 12); len(got.Entities) != n {
		t.Errorf("page shows %d entities, want %d", len(got.Entities), n)
	}
	for _, e := range got.Entities {
		if !regexp.MustCompile(`\[\d+\]×\d+`).MatchString(e) {
			t.Errorf("entity row %q has no [n]×count mentions", e)
		}
	}
	if got.Events != len(want.Facts.Timeline) {
		t.Errorf("timeline shows %d events, want %d", got.Events, len(want.Facts.Timeline))
	}
	var wantOff []string
	for i, o := range want.Facts.OffStory {
		wantOff = append(wantOff, fmt.Sprintf("source-%d", o.Doc+1))
		if i >= len(got.OffStory) || !strings.HasPrefix(got.OffStory[i], fmt.Sprintf("[%d]", o.Doc+1)) {
			t.Errorf("off-story reports %q, want [%d] first in entry %d", got.OffStory, o.Doc+1, i)
		}
	}
	if !slices.Equal(got.OffSources, wantOff) {
		t.Errorf("sources marked off-story %q, want %q", got.OffSources, wantOff)
	}
	// Each sentence's note shows after it.
	var notes int
	for _, s := range want.Sentences {
		if s.Note != "" {
			notes++
		}
	}
	if len(got.Notes) != notes {
		t.Errorf("page shows %d notes %q, the brief has %d", len(got.Notes), got.Notes, notes)
	}

	// A value's citation opens that report with the value's wording marked.
	last := len(wf.Values) - 1
	n := wf.Values[last].Docs[0] + 1
	p.step("open a disputed value in its report",
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#facts .figure.disputed .values > li:nth-child(%d) > .cites a.cite", last+1))),
		chromedp.WaitVisible(chromedp.CSS("#facts #source-view")))
	title := p.text("#sv-title")
	var marked string
	p.evalJSON(`(document.querySelector("#sv-text mark") || {}).textContent || ""`, &marked)
	if !strings.HasPrefix(title, fmt.Sprintf("[%d] ", n)) {
		t.Errorf("source view title %q, want report [%d]", title, n)
	}
	if !strings.Contains(marked, wf.Values[last].Text) {
		t.Errorf("source view marks %q, want the value %q", marked, wf.Values[last].Text)
	}
}

// TestPageEntities checks the entity list: the top 12 shown with a toggle
// for the rest, and names drawn as text, never as markup.
func TestPageEntities(t *testing.T) {
	c, p := newPage(t)
	var story struct {
		ID string `json:"id"`
	}
	c.json("POST", "/v1/stories", map[string]string{"title": "Entities"}, &story)
	if st := c.json("POST", "/v1/stories/"+story.ID+"/articles", map[string]any{"articles": wildfireReports[:2]}, nil); st != http.StatusOK {
		t.Fatalf("add reports: %d", st)
	}
	p.step("open the story",
		chromedp.Navigate(c.base+"/#story="+story.ID),
		chromedp.WaitVisible(chromedp.CSS("#facts section")))
	// Draw a sheet with more entities than shown at first, one of them
	// named like markup.
	const draw = `(() => {
  const entities = [];
  for (let i = 0; i < 15; i++) {
    entities.push({ name: i === 13 ? "<img id=injected src=x>" : "Entity " + i, kind: "other",
      variants: ["Entity " + i, "E" + i], mentions: [{ doc: 0, count: 15 - i }, { doc: 1, count: 1 }], total: 16 - i });
  }
  renderFacts({ entities });
  return document.querySelectorAll("#facts .entities tbody tr:not([hidden])").length;
})()`
	tests := []struct {
		what    string
		act     func() int
		visible int
	}{
		{"at first", func() int { return p.eval(draw) }, 12},
		{"show all", func() int {
			p.step("show all entities", chromedp.Click(chromedp.CSS("#facts-entities-h ~ button")))
			return p.eval(`document.querySelectorAll("#facts .entities tbody tr:not([hidden])").length`)
		}, 15},
		{"show the top", func() int {
			p.step("show the top entities", chromedp.Click(chromedp.CSS("#facts-entities-h ~ button")))
			return p.eval(`document.querySelectorAll("#facts .entities tbody tr:not([hidden])").length`)
		}, 12},
	}
	for _, tc := range tests {
		if n := tc.act(); n != tc.visible {
			t.Errorf("%s: %d entities visible, want %d", tc.what, n, tc.visible)
		}
	}
	if n := p.eval(`document.querySelectorAll("#injected").length`); n != 0 {
		t.Errorf("an entity name was drawn as markup")
	}
	var name string
	p.evalJSON(`document.querySelector("#facts .entities tbody tr:nth-child(14) th").textContent`, &name)
	if name != "<img id=injected src=x>" {
		t.Errorf("the markup-like entity name shows as %q", name)
	}
	if s := p.text("#facts .entities tbody tr:first-child .mentions"); !strings.Contains(s, "[1]×15") || !strings.Contains(s, "[2]×1") {
		t.Errorf("mentions %q, want [1]×15 [2]×1", s)
	}
}
