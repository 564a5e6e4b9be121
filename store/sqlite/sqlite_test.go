package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chorus-brief/chorus/store"
	"github.com/chorus-brief/chorus/store/sqlite"
	"github.com/chorus-brief/chorus/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "chorus.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestReopen checks that migrations are not re-run and data persists.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "chorus.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st, _, err := s.CreateStory(ctx, "", "kept")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.Story(ctx, st.ID)
	if err != nil || got.Title != "kept" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
}
