package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/store"
)

// TestSignInEndsWithItsTokens: a sign-in ends when its refresh-token family
// is revoked (sign-out, reuse) and when its user is erased, recording it
// again never revives it, and it is no refresh token in the user's export.
func TestSignInEndsWithItsTokens(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	now := time.Now()
	for _, u := range []string{"u1", "u2"} {
		if err := s.CreateUser(ctx, store.User{ID: u, Role: accounts.RoleYouth, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	start := func(id, user, token string) {
		t.Helper()
		if err := s.StartSession(ctx, accounts.Session{ID: id, UserID: user, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRefreshToken(ctx, accounts.RefreshToken{Hash: token, UserID: user, Family: id, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	start("phone", "u1", "h-phone")
	start("laptop", "u1", "h-laptop")
	start("other", "u2", "h-other")
	active := func(id, user string) bool {
		t.Helper()
		err := accounts.CheckSession(ctx, s, id, user)
		if err != nil && !errors.Is(err, accounts.ErrSignedOut) {
			t.Fatal(err)
		}
		return err == nil
	}
	if !active("phone", "u1") || active("phone", "u2") || active("nobody", "u1") || active("", "u1") {
		t.Fatal("a sign-in lets in exactly its own user")
	}
	if toks, err := s.RefreshTokensOf(ctx, "u1"); err != nil || len(toks) != 2 {
		t.Errorf("u1's refresh tokens: %d (%v), want the 2 tokens and no sign-ins", len(toks), err)
	}

	if err := s.RevokeRefreshToken(ctx, "h-phone"); err != nil {
		t.Fatal(err)
	}
	start("phone-again", "u1", "h-phone-again")
	if err := s.StartSession(ctx, accounts.Session{ID: "phone", UserID: "u1", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if active("phone", "u1") || !active("laptop", "u1") {
		t.Error("signing out ends that sign-in only, for good")
	}

	if err := s.EraseUser(ctx, "u1"); err != nil {
		t.Fatal(err)
	}
	if active("laptop", "u1") || active("phone-again", "u1") || !active("other", "u2") {
		t.Error("erasing a user ends their sign-ins only")
	}
}

// BenchmarkSessionCheck is what every authenticated request adds: one _id
// lookup of its sign-in.
func BenchmarkSessionCheck(b *testing.B) {
	s := testStore(b)
	ctx := context.Background()
	if err := s.StartSession(ctx, accounts.Session{ID: "s1", UserID: "u1", CreatedAt: time.Now()}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := accounts.CheckSession(ctx, s, "s1", "u1"); err != nil {
			b.Fatal(err)
		}
	}
}
