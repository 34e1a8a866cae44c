package store_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
)

// TestErasedDataLeavesTheFiles reads the embedded database's raw files, the
// write-ahead log included, after a young person was erased: neither their
// words nor their nickname may be found, however the database pages were
// reused. It also holds the files readable by their owner only.
func TestErasedDataLeavesTheFiles(t *testing.T) {
	if os.Getenv("MONGODB_URI") != "" {
		t.Skip("the files are the embedded database's")
	}
	dir := t.TempDir()
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{DataDir: dir, Database: "erasure",
		CheckpointEvery: 50 * time.Millisecond,
		Logger:          slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())

	const words, nickname = "Zebrafro-hemmelighed-7731", "Ottokar-Qx-4482"
	for _, u := range []string{"erased", "kept"} {
		if err := s.CreateUser(ctx, store.User{ID: u, Role: "youth", CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
		conv := &bot.Conversation{ID: "conv-" + u, UserID: u, CreatedAt: time.Now()}
		if err := s.CreateConversation(ctx, conv); err != nil {
			t.Fatal(err)
		}
		// Enough turns for some messages to move into archive pages, and
		// every turn rewrites the conversation, leaving old copies behind.
		for i := range 40 {
			_, err := s.UpdateConversation(ctx, conv.ID, func(c *bot.Conversation) error {
				c.State.Profile.Nickname = u + "-" + nickname
				c.Messages = append(c.Messages,
					bot.Message{ID: fmt.Sprintf("m%06d", 2*i+1), From: bot.FromUser, Text: fmt.Sprintf("%s %s nr. %d", u, words, i), ClientMessageID: fmt.Sprint(i)},
					bot.Message{ID: fmt.Sprintf("m%06d", 2*i+2), From: bot.FromBot, Text: "Fedt!"})
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := s.OpenCase(ctx, bot.SafeguardingCase{ID: "case-" + u, UserID: u, ConversationID: conv.ID,
			Kind: "abuse", Messages: []string{u + " " + words}, CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if found := filesHolding(t, dir, "erased "+words); len(found) == 0 {
		t.Fatal("the test reads the wrong files: the words are not there before the erasure")
	}

	if err := s.EraseUser(ctx, "erased"); err != nil {
		t.Fatal(err)
	}
	// The store checkpoints by itself; the words must be gone within a
	// few rounds of it, without anyone asking.
	var found []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		found = append(filesHolding(t, dir, "erased "+words), filesHolding(t, dir, "erased-"+nickname)...)
		if len(found) == 0 {
			break
		}
	}
	for _, f := range found {
		t.Errorf("after the erasure %s still holds the young person's words or nickname", f)
	}
	if len(filesHolding(t, dir, "kept "+words)) == 0 {
		t.Error("the other young person's conversation is gone from the files too")
	}

	err = filepath.WalkDir(filepath.Join(dir, "db"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", path, info.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// filesHolding lists the files under dir whose bytes contain s.
func filesHolding(t *testing.T, dir, s string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(s)) {
			out = append(out, filepath.Base(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
