// Package store keeps Chorus stories, their articles and their cached
// briefs behind one small interface, with an embedded SQLite implementation
// (package store/sqlite) for a single user and a PostgreSQL one (package
// store/postgres) for a team sharing one store.
//
// Every write is idempotent: an article is identified by its stable ID
// (article.StableID), so posting the same report twice stores it once and
// reports it as a duplicate. Each story carries a revision that grows
// whenever its set of articles changes; cached briefs are keyed by it, so a
// brief is recomputed exactly when the articles it was built from change.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/chorus-brief/chorus/article"
)

// ErrNotFound is returned when a story or article does not exist.
var ErrNotFound = errors.New("not found")

// Story is one story: a title and the reports gathered about it.
type Story struct {
	// ID identifies the story in URLs.
	ID string `json:"id"`
	// Title is the story's title as given by its creator.
	Title string `json:"title"`
	// Created and Updated are when the story was created and last changed.
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// Revision grows by one each time the story's articles change.
	Revision int64 `json:"revision"`
	// Articles is the number of articles stored.
	Articles int `json:"articles"`
}

// Added reports what became of one article passed to AddArticles.
type Added struct {
	// ID is the article's stable identifier.
	ID string
	// Duplicate is set when the story already held the article; it was
	// then left unchanged.
	Duplicate bool
}

// Store is where stories live. Implementations are safe for concurrent use
// and every method that returns nil has made its change durable.
type Store interface {
	// CreateStory creates a story. An empty id asks the store to choose
	// one. When a story with that id already exists it is returned with
	// created false and left unchanged, so a retried create is harmless.
	CreateStory(ctx context.Context, id, title string) (s Story, created bool, err error)
	// Story returns one story, or ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
	// Stories returns every story, most recently updated first.
	Stories(ctx context.Context) ([]Story, error)
	// DeleteStory removes a story with its articles and briefs, or returns
	// ErrNotFound.
	DeleteStory(ctx context.Context, id string) error
	// AddArticles stores arts in story id in one transaction. Each
	// article's ID must be set (article.StableID); an article whose ID the
	// story already holds is reported as a duplicate and not changed. The
	// revision grows by one when at least one article was new. It returns
	// ErrNotFound when the story does not exist.
	AddArticles(ctx context.Context, id string, arts []article.Article) ([]Added, Story, error)
	// Articles returns the story's articles in the order they were added,
	// together with the story as of the same moment (so its Revision
	// describes exactly these articles).
	Articles(ctx context.Context, id string) ([]article.Article, Story, error)
	// DeleteArticle removes one article from a story, or returns
	// ErrNotFound.
	DeleteArticle(ctx context.Context, storyID, articleID string) error
	// Brief returns the cached brief stored under key for the story's
	// current revision; ok is false when there is none.
	Brief(ctx context.Context, storyID, key string) (body []byte, ok bool, err error)
	// PutBrief caches body under key for revision rev of the story. An
	// entry for a later revision is never replaced by an older one.
	PutBrief(ctx context.Context, storyID, key string, rev int64, body []byte) error
	// Close releases the store's connections.
	Close() error
}
