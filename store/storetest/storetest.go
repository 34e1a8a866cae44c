// Package storetest opens a real database for tests: the embedded FerretDB
// in a fresh folder, or MONGODB_URI with a fresh database when it is set, so
// every package's tests run against the database the product runs on.
package storetest

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/brobygger/brobygger/store"
)

// Open returns a store on a fresh database that is dropped when the test ends.
func Open(t testing.TB, name string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), store.Config{
		URI:      os.Getenv("MONGODB_URI"),
		DataDir:  t.TempDir(),
		Database: fmt.Sprintf("test_%s_%d", name, time.Now().UnixNano()),
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		_ = s.Drop(context.Background())
		_ = s.Close(context.Background())
	})
	return s
}
