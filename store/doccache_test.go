package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/bot"
)

// TestReadsSeeEveryWrite: the documents read on every request are kept in
// memory on the embedded database; whatever path writes them — a turn,
// a revoked sign-in, an erasure — the next read sees the write.
func TestReadsSeeEveryWrite(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	if err := s.CreateUser(ctx, accounts.User{ID: "u1", Role: "youth"}); err != nil {
		t.Fatal(err)
	}
	if err := s.StartSession(ctx, accounts.Session{ID: "fam1", UserID: "u1", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if sess, err := s.Session(ctx, "fam1"); err != nil || sess.Revoked {
		t.Fatalf("a new sign-in: %+v, %v", sess, err)
	}
	if err := s.RevokeFamily(ctx, "fam1"); err != nil {
		t.Fatal(err)
	}
	if sess, err := s.Session(ctx, "fam1"); err != nil || !sess.Revoked {
		t.Fatalf("after signing out the sign-in reads %+v, %v; want revoked", sess, err)
	}

	c := &bot.Conversation{ID: "c1", UserID: "u1", CreatedAt: now}
	if err := s.CreateConversation(ctx, c); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := s.UpdateConversation(ctx, "c1", func(c *bot.Conversation) error {
			c.Messages = append(c.Messages, bot.Message{ID: string(rune('a' + i)), From: bot.FromUser, Text: "hej"})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Conversation(ctx, "c1")
	if err != nil || len(got.Messages) != 3 || got.Version != 4 {
		t.Fatalf("after three turns: %d messages at version %d, %v", len(got.Messages), got.Version, err)
	}
	// A read hands out its own copy: changing it changes nothing stored.
	got.Messages[0].Text = "ændret"
	if again, _ := s.Conversation(ctx, "c1"); again.Messages[0].Text != "hej" {
		t.Fatalf("a caller's change reached the next read: %q", again.Messages[0].Text)
	}

	if err := s.EraseUser(ctx, "u1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Conversation(ctx, "c1"); !errors.Is(err, bot.ErrNotFound) {
		t.Fatalf("an erased conversation still reads: %v", err)
	}
	if _, err := s.ConversationByUser(ctx, "u1"); !errors.Is(err, bot.ErrNotFound) {
		t.Fatalf("an erased user's conversation still reads: %v", err)
	}
	if _, err := s.Session(ctx, "fam1"); !errors.Is(err, accounts.ErrNotFound) {
		t.Fatalf("an erased user's sign-in still reads: %v", err)
	}
}
