// Package sqldb implements store.Store over database/sql for the SQL
// dialects Chorus supports (SQLite and PostgreSQL). The dialect supplies
// the schema migrations, the placeholder style and the locking statements;
// every query is otherwise shared, so both stores behave the same.
package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chorus-brief/chorus/article"
	"github.com/chorus-brief/chorus/store"
)

// Dialect describes what differs between SQL databases.
type Dialect struct {
	// Name is used in error messages ("sqlite", "postgres").
	Name string
	// Dollar is true when placeholders are $1, $2… rather than ?.
	Dollar bool
	// Migrations are the schema versions in order; each is a list of
	// statements run in one transaction. Version i+1 is Migrations[i].
	Migrations [][]string
	// MigrationLock is run first in every migration transaction to keep
	// concurrent starts from migrating twice ("" for none).
	MigrationLock string
	// SerializeWrites makes the store run one write transaction at a time
	// in this process (SQLite allows one writer per database).
	SerializeWrites bool
}

// DB is a store.Store over a *sql.DB.
type DB struct {
	db *sql.DB
	d  Dialect
	// wmu serializes write transactions when the dialect asks for it.
	wmu sync.Mutex
	// q caches rebound queries; it is filled once by New and then only read.
	q map[string]string
}

// queries are every statement the store runs, written with ? placeholders.
var queries = []string{
	qInsertStory, qStory, qStories, qDeleteArticlesOf, qDeleteBriefsOf, qDeleteStory,
	qLockStory, qInsertArticle, qBumpStory, qArticles, qDeleteArticle, qBrief, qPutBrief,
	qMigVersion, qMigInsert,
}

const (
	storyCols         = `id, title, created_ms, updated_ms, revision, article_count`
	qInsertStory      = `INSERT INTO stories (id, title, created_ms, updated_ms, revision, article_count, next_seq) VALUES (?, ?, ?, ?, 0, 0, 0) ON CONFLICT (id) DO NOTHING`
	qStory            = `SELECT ` + storyCols + ` FROM stories WHERE id = ?`
	qStories          = `SELECT ` + storyCols + ` FROM stories ORDER BY updated_ms DESC, id`
	qDeleteArticlesOf = `DELETE FROM articles WHERE story_id = ?`
	qDeleteBriefsOf   = `DELETE FROM briefs WHERE story_id = ?`
	qDeleteStory      = `DELETE FROM stories WHERE id = ?`
	// qLockStory touches the story row so that, in PostgreSQL, concurrent
	// writers to one story queue behind each other.
	qLockStory     = `UPDATE stories SET updated_ms = updated_ms WHERE id = ? RETURNING next_seq`
	qInsertArticle = `INSERT INTO articles (story_id, id, seq, title, source, author, url, date, text, origin, added_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, id) DO NOTHING`
	qBumpStory     = `UPDATE stories SET revision = revision + 1, next_seq = ?, article_count = article_count + ?, updated_ms = ? WHERE id = ?`
	qArticles      = `SELECT id, title, source, author, url, date, text, origin FROM articles WHERE story_id = ? ORDER BY seq`
	qDeleteArticle = `DELETE FROM articles WHERE story_id = ? AND id = ?`
	qBrief         = `SELECT b.body FROM briefs b JOIN stories s ON s.id = b.story_id WHERE b.story_id = ? AND b.key = ? AND b.revision = s.revision`
	qPutBrief      = `INSERT INTO briefs (story_id, key, revision, body) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?) ON CONFLICT (story_id, key) DO UPDATE SET revision = excluded.revision, body = excluded.body WHERE excluded.revision >= briefs.revision`
	qMigVersion    = `SELECT COALESCE(MAX(version), 0) FROM chorus_migrations`
	qMigInsert     = `INSERT INTO chorus_migrations (version, applied_ms) VALUES (?, ?)`
	qMigTable      = `CREATE TABLE IF NOT EXISTS chorus_migrations (version BIGINT PRIMARY KEY, applied_ms BIGINT NOT NULL)`
)

// New wraps db, runs the dialect's pending migrations (each in its own
// transaction) and returns the store.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d, q: make(map[string]string, len(queries))}
	for _, q := range queries {
		s.q[q] = rebind(q, d.Dollar)
	}
	if err := s.migrate(ctx); err != nil {
		return nil, fmt.Errorf("%s: migrate: %w", d.Name, err)
	}
	return s, nil
}

// rebind turns ? placeholders into $n when dollar is set.
func rebind(q string, dollar bool) string {
	if !dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *DB) migrate(ctx context.Context) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if s.d.MigrationLock != "" {
			if _, err := tx.ExecContext(ctx, s.d.MigrationLock); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, qMigTable)
		return err
	})
	if err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	for i, stmts := range s.d.Migrations {
		version := int64(i + 1)
		err := s.write(ctx, func(tx *sql.Tx) error {
			if s.d.MigrationLock != "" {
				if _, err := tx.ExecContext(ctx, s.d.MigrationLock); err != nil {
					return fmt.Errorf("lock: %w", err)
				}
			}
			var have int64
			if err := tx.QueryRowContext(ctx, s.q[qMigVersion]).Scan(&have); err != nil {
				return fmt.Errorf("read version: %w", err)
			}
			if have >= version {
				return nil
			}
			for _, st := range stmts {
				if _, err := tx.ExecContext(ctx, st); err != nil {
					return fmt.Errorf("%.60q: %w", st, err)
				}
			}
			_, err := tx.ExecContext(ctx, s.q[qMigInsert], version, nowMS())
			return err
		})
		if err != nil {
			return fmt.Errorf("version %d: %w", version, err)
		}
	}
	return nil
}

// write runs fn in a write transaction and commits it.
func (s *DB) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.d.SerializeWrites {
		s.wmu.Lock()
		defer s.wmu.Unlock()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func nowMS() int64 { return time.Now().UnixMilli() }

// NewID returns a random story identifier: 12 lowercase hex digits.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

type scanner interface{ Scan(...any) error }

func scanStory(r scanner) (store.Story, error) {
	var st store.Story
	var c, u int64
	err := r.Scan(&st.ID, &st.Title, &c, &u, &st.Revision, &st.Articles)
	st.Created = time.UnixMilli(c).UTC()
	st.Updated = time.UnixMilli(u).UTC()
	return st, err
}

// CreateStory implements store.Store.
func (s *DB) CreateStory(ctx context.Context, id, title string) (store.Story, bool, error) {
	if id == "" {
		id = NewID()
	}
	var st store.Story
	created := false
	err := s.write(ctx, func(tx *sql.Tx) error {
		now := nowMS()
		res, err := tx.ExecContext(ctx, s.q[qInsertStory], id, title, now, now)
		if err != nil {
			return fmt.Errorf("insert story: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("insert story: %w", err)
		}
		created = n == 1
		st, err = scanStory(tx.QueryRowContext(ctx, s.q[qStory], id))
		return err
	})
	if err != nil {
		return store.Story{}, false, fmt.Errorf("%s: create story: %w", s.d.Name, err)
	}
	return st, created, nil
}

// Story implements store.Store.
func (s *DB) Story(ctx context.Context, id string) (store.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, s.q[qStory], id))
	if errors.Is(err, sql.ErrNoRows) {
		return store.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Story{}, fmt.Errorf("%s: story %s: %w", s.d.Name, id, err)
	}
	return st, nil
}

// Stories implements store.Store.
func (s *DB) Stories(ctx context.Context) ([]store.Story, error) {
	rows, err := s.db.QueryContext(ctx, s.q[qStories])
	if err != nil {
		return nil, fmt.Errorf("%s: list stories: %w", s.d.Name, err)
	}
	defer rows.Close()
	out := []store.Story{}
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: list stories: %w", s.d.Name, err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: list stories: %w", s.d.Name, err)
	}
	return out, nil
}

// DeleteStory implements store.Store.
func (s *DB) DeleteStory(ctx context.Context, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{qDeleteBriefsOf, qDeleteArticlesOf} {
			if _, err := tx.ExecContext(ctx, s.q[q], id); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, s.q[qDeleteStory], id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return store.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: delete story %s: %w", s.d.Name, id, err)
	}
	return nil
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// lockStory locks the story row for the transaction and returns its next
// article sequence number, or store.ErrNotFound.
func (s *DB) lockStory(ctx context.Context, tx *sql.Tx, id string) (int64, error) {
	var next int64
	err := tx.QueryRowContext(ctx, s.q[qLockStory], id).Scan(&next)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, store.ErrNotFound
	}
	return next, err
}

// AddArticles implements store.Store.
func (s *DB) AddArticles(ctx context.Context, id string, arts []article.Article) ([]store.Added, store.Story, error) {
	var added []store.Added
	var st store.Story
	err := s.write(ctx, func(tx *sql.Tx) error {
		added = make([]store.Added, len(arts))
		next, err := s.lockStory(ctx, tx, id)
		if err != nil {
			return err
		}
		now := nowMS()
		n := int64(0)
		for i, a := range arts {
			if a.ID == "" {
				return fmt.Errorf("article %d has no id", i)
			}
			res, err := tx.ExecContext(ctx, s.q[qInsertArticle], id, a.ID, next+n, a.Title, a.Source,
				a.Author, a.URL, dateString(a.Date), a.Text, a.Origin, now)
			if err != nil {
				return fmt.Errorf("insert article %s: %w", a.ID, err)
			}
			k, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("insert article %s: %w", a.ID, err)
			}
			added[i] = store.Added{ID: a.ID, Duplicate: k == 0}
			n += k
		}
		if n > 0 {
			if _, err := tx.ExecContext(ctx, s.q[qBumpStory], next+n, n, now, id); err != nil {
				return fmt.Errorf("update story: %w", err)
			}
		}
		st, err = scanStory(tx.QueryRowContext(ctx, s.q[qStory], id))
		return err
	})
	if err != nil {
		return nil, store.Story{}, fmt.Errorf("%s: add articles to %s: %w", s.d.Name, id, err)
	}
	return added, st, nil
}

// Articles implements store.Store.
func (s *DB) Articles(ctx context.Context, id string) ([]article.Article, store.Story, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return nil, store.Story{}, fmt.Errorf("%s: articles of %s: begin: %w", s.d.Name, id, err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := scanStory(tx.QueryRowContext(ctx, s.q[qStory], id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, store.Story{}, fmt.Errorf("%s: articles of %s: %w", s.d.Name, id, err)
	}
	rows, err := tx.QueryContext(ctx, s.q[qArticles], id)
	if err != nil {
		return nil, store.Story{}, fmt.Errorf("%s: articles of %s: %w", s.d.Name, id, err)
	}
	defer rows.Close()
	out := make([]article.Article, 0, st.Articles)
	for rows.Next() {
		var a article.Article
		var date string
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Author, &a.URL, &date, &a.Text, &a.Origin); err != nil {
			return nil, store.Story{}, fmt.Errorf("%s: articles of %s: %w", s.d.Name, id, err)
		}
		if date != "" {
			a.Date, _ = time.Parse(time.RFC3339Nano, date)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, store.Story{}, fmt.Errorf("%s: articles of %s: %w", s.d.Name, id, err)
	}
	return out, st, nil
}

// DeleteArticle implements store.Store.
func (s *DB) DeleteArticle(ctx context.Context, storyID, articleID string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		next, err := s.lockStory(ctx, tx, storyID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q[qDeleteArticle], storyID, articleID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return store.ErrNotFound
		}
		_, err = tx.ExecContext(ctx, s.q[qBumpStory], next, -1, nowMS(), storyID)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: delete article %s of %s: %w", s.d.Name, articleID, storyID, err)
	}
	return nil
}

// Brief implements store.Store.
func (s *DB) Brief(ctx context.Context, storyID, key string) ([]byte, bool, error) {
	var body []byte
	err := s.db.QueryRowContext(ctx, s.q[qBrief], storyID, key).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s: brief of %s: %w", s.d.Name, storyID, err)
	}
	return body, true, nil
}

// PutBrief implements store.Store.
func (s *DB) PutBrief(ctx context.Context, storyID, key string, rev int64, body []byte) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q[qPutBrief], storyID, key, rev, body, storyID)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: cache brief of %s: %w", s.d.Name, storyID, err)
	}
	return nil
}

// Close implements store.Store.
func (s *DB) Close() error { return s.db.Close() }
