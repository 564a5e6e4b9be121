package server

import (
	"context"
	"strings"

	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/store/postgres"
	"github.com/chorus-brief/chorus/store/sqlite"
)

// OpenStore opens the store named by db: a postgres:// (or
// postgresql://) URL opens PostgreSQL, anything else is the path of a
// SQLite file (created if missing). Migrations run before it returns.
func OpenStore(ctx context.Context, db string) (store.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return postgres.Open(ctx, db, postgres.Options{})
	}
	return sqlite.Open(ctx, strings.TrimPrefix(db, "sqlite:"))
}

// DescribeStore names the store for logs without any password.
func DescribeStore(db string) string {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		rest := db[strings.Index(db, "://")+3:]
		if at := strings.LastIndexByte(rest, '@'); at >= 0 {
			rest = rest[at+1:]
		}
		return "postgres " + rest
	}
	return "sqlite " + strings.TrimPrefix(db, "sqlite:")
}
