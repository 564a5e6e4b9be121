// Package postgres is the shared Chorus store: stories kept in a
// PostgreSQL database that several Chorus processes can use at once,
// reached through jackc/pgx (pure Go).
//
// Migrations run on start, each in its own transaction under an advisory
// lock, so processes starting together migrate once. Writes to one story
// queue behind a row lock on the story, which keeps article sequence
// numbers and the story revision consistent across processes.
package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/store/internal/sqldb"
)

var migrations = [][]string{
	{
		`CREATE TABLE stories (
			id TEXT PRIMARY KEY,
			title TEXT NOT NULL,
			created_ms BIGINT NOT NULL,
			updated_ms BIGINT NOT NULL,
			revision BIGINT NOT NULL,
			article_count BIGINT NOT NULL,
			next_seq BIGINT NOT NULL
		)`,
		`CREATE TABLE articles (
			story_id TEXT NOT NULL,
			id TEXT NOT NULL,
			seq BIGINT NOT NULL,
			title TEXT NOT NULL,
			source TEXT NOT NULL,
			author TEXT NOT NULL,
			url TEXT NOT NULL,
			date TEXT NOT NULL,
			text TEXT NOT NULL,
			origin TEXT NOT NULL,
			added_ms BIGINT NOT NULL,
			PRIMARY KEY (story_id, id)
		)`,
		`CREATE INDEX articles_by_seq ON articles (story_id, seq)`,
		`CREATE TABLE briefs (
			story_id TEXT NOT NULL,
			key TEXT NOT NULL,
			revision BIGINT NOT NULL,
			body BYTEA NOT NULL,
			PRIMARY KEY (story_id, key)
		)`,
	},
}

// migrationLock is an advisory lock key held while migrating ("chorus" in
// ASCII).
const migrationLock = `SELECT pg_advisory_xact_lock(99104114111117115)`

// Options tune Open.
type Options struct {
	// Schema, when set, is created if missing and put first on the
	// search_path, so several Chorus stores (or test runs) can share one
	// database without colliding.
	Schema string
	// MaxConns caps open connections; 0 means 16.
	MaxConns int
}

// Open connects to the PostgreSQL database named by dsn (a postgres://
// URL or key=value string), migrates its schema and returns the store.
func Open(ctx context.Context, dsn string, opt Options) (store.Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse address: %w", err)
	}
	if opt.Schema != "" {
		cfg.RuntimeParams["search_path"] = opt.Schema
	}
	db := stdlib.OpenDB(*cfg)
	n := opt.MaxConns
	if n <= 0 {
		n = 16
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect %s@%s:%d/%s: %w", cfg.User, cfg.Host, cfg.Port, cfg.Database, err)
	}
	if opt.Schema != "" {
		if err := createSchema(ctx, db, opt.Schema); err != nil {
			db.Close()
			return nil, fmt.Errorf("postgres: create schema %s: %w", opt.Schema, err)
		}
	}
	s, err := sqldb.New(ctx, db, sqldb.Dialect{Name: "postgres", Dollar: true, Migrations: migrations, MigrationLock: migrationLock})
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// createSchema creates schema under the migration lock: two concurrent
// CREATE SCHEMA IF NOT EXISTS can otherwise both try to insert it.
func createSchema(ctx context.Context, db *sql.DB, schema string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, migrationLock); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize()); err != nil {
		return err
	}
	return tx.Commit()
}

// DropSchema removes a schema and everything in it; tests use it to clean
// up the schema they passed to Open.
func DropSchema(ctx context.Context, dsn, schema string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("postgres: drop schema %s: %w", schema, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`); err != nil {
		return fmt.Errorf("postgres: drop schema %s: %w", schema, err)
	}
	return nil
}
