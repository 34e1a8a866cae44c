package store_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/referrals"
	"github.com/brobygger/brobygger/store"
)

// TestReferralsStore: codes are unique and found as typed, a referrer's
// referrals come newest first, two young people opening one code at once
// bind it once, and erasing the young person unbinds them while the code
// stays opened.
func TestReferralsStore(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	mk := func(id, referrer, code string, created time.Time) referrals.Referral {
		return referrals.Referral{ID: id, ReferrerID: referrer, Reason: referrals.ReasonLoneliness, Code: code,
			CreatedAt: created, ExpiresAt: created.Add(referrals.CodeLife), Version: 1}
	}
	for _, r := range []referrals.Referral{mk("r1", "p1", "AB3CD5EF", at), mk("r2", "p1", "GH7JK8MN", at.Add(time.Hour)), mk("r3", "p2", "PQ2RS3TU", at)} {
		if err := s.CreateReferral(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateReferral(ctx, mk("r4", "p1", "AB3CD5EF", at)); !errors.Is(err, referrals.ErrConflict) {
		t.Fatalf("a code in use: %v, want ErrConflict", err)
	}
	if _, err := s.Referral(ctx, "r4"); !errors.Is(err, referrals.ErrNotFound) {
		t.Errorf("the refused referral was stored: %v", err)
	}
	if r, err := s.ReferralByCode(ctx, referrals.NormaliseCode("gh7j-k8mn")); err != nil || r.ID != "r2" {
		t.Errorf("by code: %v, %v", r.ID, err)
	}
	if _, err := s.ReferralByCode(ctx, referrals.NormaliseCode("nope")); !errors.Is(err, referrals.ErrNotFound) {
		t.Errorf("an unknown code: %v", err)
	}
	list, err := s.ReferralsBy(ctx, "p1")
	if err != nil || len(list) != 2 || list[0].ID != "r2" || list[1].ID != "r1" {
		t.Fatalf("p1's referrals = %v, %v; want r2, r1", list, err)
	}

	// Two young people open r1 at the same moment: one binds it.
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := map[string]bool{}
	for _, conv := range []string{"conv-a", "conv-b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.UpdateReferral(ctx, "r1", func(r *referrals.Referral) error {
				if r.OpenedAt != nil {
					return referrals.ErrTaken
				}
				r.ConversationID, r.OpenedAt = conv, &at
				return nil
			})
			mu.Lock()
			defer mu.Unlock()
			won[conv] = err == nil
		}()
	}
	wg.Wait()
	r1, _ := s.Referral(ctx, "r1")
	if won["conv-a"] == won["conv-b"] || !won[r1.ConversationID] {
		t.Fatalf("both or neither bound the code: %v, bound to %q", won, r1.ConversationID)
	}

	// Erasing the young person who opened it leaves the referral opened
	// but bound to nobody.
	youth := r1.ConversationID
	if err := s.CreateUser(ctx, store.User{ID: "youth", Role: "youth", CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateConversation(ctx, &bot.Conversation{ID: youth, UserID: "youth", CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseUser(ctx, "youth"); err != nil {
		t.Fatal(err)
	}
	r1, _ = s.Referral(ctx, "r1")
	if r1.ConversationID != "" || r1.OpenedAt == nil {
		t.Errorf("after erasure: conversation %q, opened %v; want none, still opened", r1.ConversationID, r1.OpenedAt)
	}
	dump, err := s.DumpJSON(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range dump["referrals"] {
		if strings.Contains(doc, youth) {
			t.Errorf("a referral still names the erased conversation: %s", doc)
		}
	}
}
