// Package sqlite is the embedded Chorus store: one SQLite file, read and
// written through modernc.org/sqlite (pure Go, no cgo).
//
// Durability: the database runs in WAL mode with synchronous=FULL, so every
// acknowledged write has been fsynced to the write-ahead log before the
// call returns. WAL alone (with synchronous=NORMAL) already survives a
// killed process, since committed frames sit in the operating system's page
// cache; FULL also survives a power cut or kernel crash, at the price of
// one fsync per commit, which article writes can afford. Write transactions
// begin IMMEDIATE and wait up to busy_timeout for another process's writer,
// so concurrent writers queue instead of failing.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"runtime"

	// The pure-Go SQLite driver, registered as "sqlite".
	_ "modernc.org/sqlite"

	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/store/internal/sqldb"
)

var migrations = [][]string{
	{
		`CREATE TABLE stories (
			id TEXT PRIMARY KEY,
			title TEXT NOT NULL,
			created_ms INTEGER NOT NULL,
			updated_ms INTEGER NOT NULL,
			revision INTEGER NOT NULL,
			article_count INTEGER NOT NULL,
			next_seq INTEGER NOT NULL
		)`,
		`CREATE TABLE articles (
			story_id TEXT NOT NULL,
			id TEXT NOT NULL,
			seq INTEGER NOT NULL,
			title TEXT NOT NULL,
			source TEXT NOT NULL,
			author TEXT NOT NULL,
			url TEXT NOT NULL,
			date TEXT NOT NULL,
			text TEXT NOT NULL,
			origin TEXT NOT NULL,
			added_ms INTEGER NOT NULL,
			PRIMARY KEY (story_id, id)
		)`,
		`CREATE INDEX articles_by_seq ON articles (story_id, seq)`,
		`CREATE TABLE briefs (
			story_id TEXT NOT NULL,
			key TEXT NOT NULL,
			revision INTEGER NOT NULL,
			body BLOB NOT NULL,
			PRIMARY KEY (story_id, key)
		)`,
	},
}

// Open opens (creating if needed) the SQLite database at path, migrates
// its schema and returns the store.
func Open(ctx context.Context, path string) (store.Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(10000)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	n := 2 * runtime.GOMAXPROCS(0)
	if n < 4 {
		n = 4
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	s, err := sqldb.New(ctx, db, sqldb.Dialect{Name: "sqlite", Migrations: migrations, SerializeWrites: true})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return s, nil
}
