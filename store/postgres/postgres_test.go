package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/store/postgres"
	"github.com/chorus-brief/chorus/store/storetest"
)

// dsn returns the test database address, or skips when none answers.
func dsn(t *testing.T) string {
	d := os.Getenv("CHORUS_TEST_POSTGRES")
	if d == "" {
		d = "postgres://postgres@127.0.0.1:5432/test"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, d)
	if err != nil {
		t.Skipf("no PostgreSQL at CHORUS_TEST_POSTGRES (%s): %v", d, err)
	}
	c.Close(ctx)
	return d
}

func schemaName() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "chorus_test_" + hex.EncodeToString(b[:])
}

// openTest opens a store in a schema of its own, dropped when t ends.
func openTest(t *testing.T, d string) store.Store {
	ctx := context.Background()
	schema := schemaName()
	t.Cleanup(func() {
		if err := postgres.DropSchema(context.Background(), d, schema); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	s, err := postgres.Open(ctx, d, postgres.Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) {
	d := dsn(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openTest(t, d) })
}

// TestConcurrentMigrate starts several stores on one fresh schema at once;
// the advisory lock must let exactly one of them migrate.
func TestConcurrentMigrate(t *testing.T) {
	d := dsn(t)
	schema := schemaName()
	t.Cleanup(func() { _ = postgres.DropSchema(context.Background(), d, schema) })
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := postgres.Open(context.Background(), d, postgres.Options{Schema: schema})
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
