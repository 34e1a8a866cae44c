package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

func testStore(t testing.TB) *store.Store { return storetest.Open(t, "store") }

// TestConcurrentTurnsKeepEveryMessage is the flaw the store is designed
// around: many writers updating one conversation at once must not lose a
// single message, on the embedded database as on MongoDB.
func TestConcurrentTurnsKeepEveryMessage(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	conv := &bot.Conversation{ID: "c1", UserID: "u1", CreatedAt: time.Now()}
	if err := s.CreateConversation(ctx, conv); err != nil {
		t.Fatal(err)
	}
	const writers, turns = 8, 50
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			for i := range turns {
				_, err := s.UpdateConversation(ctx, "c1", func(c *bot.Conversation) error {
					c.State.Seq++
					c.Messages = append(c.Messages, bot.Message{ID: fmt.Sprintf("m%06d", c.State.Seq),
						From: bot.FromUser, Text: fmt.Sprintf("writer %d turn %d", w, i)})
					return nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := s.Conversation(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Messages, err = s.History(ctx, got); err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != writers*turns {
		t.Fatalf("kept %d of %d messages", len(got.Messages), writers*turns)
	}
	seen := map[string]bool{}
	for i, m := range got.Messages {
		if want := fmt.Sprintf("m%06d", i+1); m.ID != want {
			t.Fatalf("message %d has id %s, want %s: order lost", i, m.ID, want)
		}
		if seen[m.Text] {
			t.Fatalf("message %q stored twice", m.Text)
		}
		seen[m.Text] = true
	}
	if got.Version != writers*turns+1 {
		t.Errorf("version = %d, want %d", got.Version, writers*turns+1)
	}
}

func TestUpdateConversationLeavesItUnchangedOnError(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	if err := s.CreateConversation(ctx, &bot.Conversation{ID: "c1", UserID: "u1"}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	_, err := s.UpdateConversation(ctx, "c1", func(c *bot.Conversation) error {
		c.Messages = append(c.Messages, bot.Message{Text: "lost"})
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	got, err := s.Conversation(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 0 || got.Version != 1 {
		t.Fatalf("conversation changed: %d messages, version %d", len(got.Messages), got.Version)
	}
	if _, err := s.Conversation(ctx, "nope"); !errors.Is(err, bot.ErrNotFound) {
		t.Fatalf("missing conversation: err = %v, want ErrNotFound", err)
	}
}

func TestConversationByUserFindsTheLatest(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	if err := s.CreateUser(ctx, accounts.User{ID: "u1", Role: "youth"}); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, id := range []string{"old", "new"} {
		c := &bot.Conversation{ID: id, UserID: "u1", CreatedAt: old.Add(time.Duration(i) * time.Hour)}
		if err := s.CreateConversation(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.ConversationByUser(ctx, "u1")
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "new" {
		t.Fatalf("got %s, want the newest conversation", c.ID)
	}
	if _, err := s.ConversationByUser(ctx, "someone-else"); !errors.Is(err, bot.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestRefreshTokenRotationRevokesFamilyOnReuse(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Millisecond)
	for _, h := range []string{"a", "b"} {
		err := s.SaveRefreshToken(ctx, accounts.RefreshToken{Hash: h, UserID: "u1", Family: "f1", CreatedAt: now, ExpiresAt: now.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SpendRefreshToken(ctx, "a", now); err != nil {
		t.Fatalf("first use: %v", err)
	}
	if _, err := s.SpendRefreshToken(ctx, "a", now); !errors.Is(err, accounts.ErrTokenReused) {
		t.Fatalf("reuse: err = %v, want ErrTokenReused", err)
	}
	if _, err := s.SpendRefreshToken(ctx, "b", now); !errors.Is(err, accounts.ErrNotFound) {
		t.Fatalf("sibling after reuse: err = %v, want it revoked", err)
	}
	err := s.SaveRefreshToken(ctx, accounts.RefreshToken{Hash: "old", UserID: "u1", Family: "f2", CreatedAt: now, ExpiresAt: now.Add(-time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SpendRefreshToken(ctx, "old", now); !errors.Is(err, accounts.ErrNotFound) {
		t.Fatalf("expired: err = %v, want ErrNotFound", err)
	}
}

func TestLongConversationsArchiveOldMessages(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	if err := s.CreateConversation(ctx, &bot.Conversation{ID: "c1", UserID: "u1"}); err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		_, err := s.UpdateConversation(ctx, "c1", func(c *bot.Conversation) error {
			c.Messages = append(c.Messages, bot.Message{ID: fmt.Sprintf("m%06d", i+1), Text: fmt.Sprint("turn ", i)})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Conversation(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) > 24 || c.Archived+len(c.Messages) != 100 {
		t.Fatalf("window %d messages, %d archived", len(c.Messages), c.Archived)
	}
	all, err := s.History(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range all {
		if m.Text != fmt.Sprint("turn ", i) {
			t.Fatalf("history[%d] = %q", i, m.Text)
		}
	}
	_, err = s.UpdateConversation(ctx, "c1", func(c *bot.Conversation) error {
		c.Messages, c.DropHistory = c.Messages[len(c.Messages)-1:], true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = s.Conversation(ctx, "c1")
	all, err = s.History(ctx, c)
	if err != nil || len(all) != 1 || c.Archived != 0 {
		t.Fatalf("after dropping history: %d messages, %d archived, err %v", len(all), c.Archived, err)
	}
}

func TestSweepPurgesOldTextAndAnonymisesIdleProfiles(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	mk := func(id string, idle time.Duration) {
		c := &bot.Conversation{ID: id, UserID: "u-" + id, UpdatedAt: now.Add(-idle),
			Messages: []bot.Message{{ID: "m000001", From: bot.FromUser, Text: "jeg bor i 8000"}}}
		c.State.Profile.Age = 16
		c.State.Profile.Municipality = "Aarhus"
		if err := s.CreateConversation(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	day := 24 * time.Hour
	mk("fresh", 10*day)
	mk("quiet", 200*day)
	mk("gone", 400*day)
	rep, err := s.Sweep(ctx, now, store.Retention{MessageText: 180 * day, Profile: 365 * day})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Purged != 2 || rep.Anonymised != 1 {
		t.Errorf("report = %+v, want 2 purged, 1 anonymised", rep)
	}
	check := func(id string, text bool, profile bool) {
		c, err := s.Conversation(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Messages[0].Text != ""; got != text {
			t.Errorf("%s: message text kept = %v, want %v", id, got, text)
		}
		if got := !c.State.Profile.Empty(); got != profile {
			t.Errorf("%s: profile kept = %v, want %v", id, got, profile)
		}
	}
	check("fresh", true, true)
	check("quiet", false, true)
	check("gone", false, false)
	again, err := s.Sweep(ctx, now, store.Retention{MessageText: 180 * day, Profile: 365 * day})
	if err != nil || again.Purged != 0 {
		t.Errorf("a second sweep changed %d conversations (err %v), want none", again.Purged, err)
	}
}
