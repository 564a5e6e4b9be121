// Package storetest is the test suite every store.Store implementation
// passes: SQLite and PostgreSQL run the same cases, so code written
// against the interface behaves the same on either.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/store"
)

// Open returns a fresh, empty store for one test; the suite closes it.
type Open func(t *testing.T) store.Store

func art(text, url string) article.Article {
	a := article.Article{Title: "T " + text[:5], Source: "Outlet", Text: text, URL: url,
		Date: time.Date(2016, 12, 13, 10, 0, 0, 0, time.UTC), Origin: "test"}
	a.ID = article.StableID(a)
	return a
}

// Run runs every case against stores made by open.
func Run(t *testing.T, open Open) {
	cases := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"CreateAndList", testCreate},
		{"AddIdempotent", testAdd},
		{"NotFound", testNotFound},
		{"DeleteStory", testDeleteStory},
		{"DeleteArticle", testDeleteArticle},
		{"BriefCache", testBriefCache},
		{"ConcurrentWriters", testConcurrent},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			c.fn(t, s)
		})
	}
}

func testCreate(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, created, err := s.CreateStory(ctx, "", "Aleppo")
	if err != nil || !created || a.ID == "" || a.Title != "Aleppo" || a.Revision != 0 || a.Articles != 0 {
		t.Fatalf("CreateStory = %+v, %v, %v", a, created, err)
	}
	b, created, err := s.CreateStory(ctx, "fixed-id", "Second")
	if err != nil || !created || b.ID != "fixed-id" {
		t.Fatalf("CreateStory(fixed-id) = %+v, %v, %v", b, created, err)
	}
	again, created, err := s.CreateStory(ctx, "fixed-id", "Other title")
	if err != nil || created || again.Title != "Second" {
		t.Fatalf("CreateStory again = %+v, %v, %v; want existing story, created false", again, created, err)
	}
	got, err := s.Story(ctx, a.ID)
	if err != nil || got.ID != a.ID || got.Title != "Aleppo" || got.Created.IsZero() {
		t.Fatalf("Story = %+v, %v", got, err)
	}
	list, err := s.Stories(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("Stories = %+v, %v; want 2", list, err)
	}
}

func testAdd(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, _, err := s.CreateStory(ctx, "", "x")
	if err != nil {
		t.Fatal(err)
	}
	a1 := art("First report about the siege.", "https://example.com/a")
	a2 := art("Second report, no address.", "")
	added, after, err := s.AddArticles(ctx, st.ID, []article.Article{a1, a2})
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || added[0].Duplicate || added[1].Duplicate || added[0].ID != a1.ID {
		t.Fatalf("added = %+v", added)
	}
	if after.Revision != 1 || after.Articles != 2 {
		t.Fatalf("story after add = %+v; want revision 1, 2 articles", after)
	}
	// The same report again (same URL, other text) plus a new one.
	a1b := a1
	a1b.Text = "Edited text."
	a3 := art("Third report arrives later.", "")
	added, after, err = s.AddArticles(ctx, st.ID, []article.Article{a1b, a3, a3})
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, true}
	for i, w := range want {
		if added[i].Duplicate != w {
			t.Errorf("added[%d].Duplicate = %v, want %v", i, added[i].Duplicate, w)
		}
	}
	if after.Revision != 2 || after.Articles != 3 {
		t.Fatalf("story = %+v; want revision 2, 3 articles", after)
	}
	// All duplicates: nothing changes.
	_, after, err = s.AddArticles(ctx, st.ID, []article.Article{a2})
	if err != nil || after.Revision != 2 {
		t.Fatalf("duplicate-only add: %+v, %v; want revision 2", after, err)
	}
	arts, snap, err := s.Articles(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Revision != 2 || len(arts) != 3 {
		t.Fatalf("Articles: %d articles at revision %d", len(arts), snap.Revision)
	}
	for i, w := range []article.Article{a1, a2, a3} {
		g := arts[i]
		if g.ID != w.ID || g.Text != w.Text || g.URL != w.URL || g.Title != w.Title || g.Source != w.Source ||
			!g.Date.Equal(w.Date) || g.Origin != w.Origin {
			t.Errorf("article %d = %+v, want %+v", i, g, w)
		}
	}
	// Articles with no ID are refused.
	if _, _, err := s.AddArticles(ctx, st.ID, []article.Article{{Text: "no id"}}); err == nil {
		t.Error("AddArticles accepted an article without an ID")
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	checks := map[string]error{}
	_, checks["Story"] = s.Story(ctx, "nope")
	_, _, checks["AddArticles"] = s.AddArticles(ctx, "nope", []article.Article{art("Some text here.", "")})
	_, _, checks["Articles"] = s.Articles(ctx, "nope")
	checks["DeleteStory"] = s.DeleteStory(ctx, "nope")
	checks["DeleteArticle"] = s.DeleteArticle(ctx, "nope", "x")
	for name, err := range checks {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s on a missing story: %v, want ErrNotFound", name, err)
		}
	}
	if _, ok, err := s.Brief(ctx, "nope", "k"); ok || err != nil {
		t.Errorf("Brief on a missing story: ok=%v err=%v", ok, err)
	}
	if err := s.PutBrief(ctx, "nope", "k", 1, []byte("x")); err != nil {
		t.Errorf("PutBrief on a missing story: %v", err)
	}
	if _, ok, _ := s.Brief(ctx, "nope", "k"); ok {
		t.Error("PutBrief stored a brief for a missing story")
	}
}

func testDeleteStory(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, _, _ := s.CreateStory(ctx, "", "x")
	a := art("Some report text.", "")
	if _, _, err := s.AddArticles(ctx, st.ID, []article.Article{a}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBrief(ctx, st.ID, "k", 1, []byte("b")); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Story(ctx, st.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Story after delete: %v", err)
	}
	// Re-creating under the same id starts empty.
	if _, _, err := s.CreateStory(ctx, st.ID, "again"); err != nil {
		t.Fatal(err)
	}
	arts, snap, err := s.Articles(ctx, st.ID)
	if err != nil || len(arts) != 0 || snap.Revision != 0 {
		t.Fatalf("re-created story: %d articles, %+v, %v", len(arts), snap, err)
	}
	if _, ok, _ := s.Brief(ctx, st.ID, "k"); ok {
		t.Error("brief survived its story")
	}
}

func testDeleteArticle(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, _, _ := s.CreateStory(ctx, "", "x")
	a, b := art("Report one text.", ""), art("Report two text.", "")
	if _, _, err := s.AddArticles(ctx, st.ID, []article.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, st.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, st.ID, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("second delete: %v, want ErrNotFound", err)
	}
	arts, snap, err := s.Articles(ctx, st.ID)
	if err != nil || len(arts) != 1 || arts[0].ID != b.ID || snap.Revision != 2 || snap.Articles != 1 {
		t.Fatalf("after delete: %v articles, %+v, %v", len(arts), snap, err)
	}
	// A deleted article can be added again.
	added, _, err := s.AddArticles(ctx, st.ID, []article.Article{a})
	if err != nil || added[0].Duplicate {
		t.Fatalf("re-add: %+v, %v", added, err)
	}
	arts, _, _ = s.Articles(ctx, st.ID)
	if len(arts) != 2 || arts[1].ID != a.ID {
		t.Fatalf("re-added article should come last: %+v", arts)
	}
}

func testBriefCache(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, _, _ := s.CreateStory(ctx, "", "x")
	_, st, err := s.AddArticles(ctx, st.ID, []article.Article{art("Report one text.", "")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Brief(ctx, st.ID, "k"); ok || err != nil {
		t.Fatalf("empty cache: ok=%v err=%v", ok, err)
	}
	if err := s.PutBrief(ctx, st.ID, "k", st.Revision, []byte("brief1")); err != nil {
		t.Fatal(err)
	}
	body, ok, err := s.Brief(ctx, st.ID, "k")
	if err != nil || !ok || string(body) != "brief1" {
		t.Fatalf("cached = %q, %v, %v", body, ok, err)
	}
	if _, ok, _ := s.Brief(ctx, st.ID, "other"); ok {
		t.Fatal("brief found under another key")
	}
	// A new article makes the cached brief stale.
	_, st2, err := s.AddArticles(ctx, st.ID, []article.Article{art("Report two text.", "")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Brief(ctx, st.ID, "k"); ok {
		t.Fatal("stale brief served after the articles changed")
	}
	if err := s.PutBrief(ctx, st.ID, "k", st2.Revision, []byte("brief2")); err != nil {
		t.Fatal(err)
	}
	// A slow computation for the old revision does not replace it.
	if err := s.PutBrief(ctx, st.ID, "k", st.Revision, []byte("old")); err != nil {
		t.Fatal(err)
	}
	body, ok, _ = s.Brief(ctx, st.ID, "k")
	if !ok || string(body) != "brief2" {
		t.Fatalf("cached = %q, %v; want brief2", body, ok)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	st, _, _ := s.CreateStory(ctx, "", "x")
	const writers, each = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				// Every writer also posts article 0, which must be stored once.
				arts := []article.Article{art(fmt.Sprintf("Shared report %d.", 0), ""),
					art(fmt.Sprintf("Writer %d report %d.", w, i), "")}
				if _, _, err := s.AddArticles(ctx, st.ID, arts); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	arts, snap, err := s.Articles(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != writers*each+1 || snap.Articles != len(arts) {
		t.Fatalf("%d articles stored (count %d), want %d", len(arts), snap.Articles, writers*each+1)
	}
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.ID] {
			t.Fatalf("article %s stored twice", a.ID)
		}
		seen[a.ID] = true
	}
}
