package store_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestStaffTokensAreStoredHashedAndSpentOnce: the store keeps the hash,
// never the token, and of eight spends at once exactly one succeeds.
func TestStaffTokensAreStoredHashedAndSpentOnce(t *testing.T) {
	st := storetest.Open(t, "stafftokens")
	ctx := context.Background()
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	token, hash := accounts.NewToken()
	err := st.SaveStaffToken(ctx, accounts.StaffToken{Hash: hash, Kind: accounts.TokenInvite, Email: "ny@example.dk",
		Role: accounts.RoleOrgStaff, OrgID: "org-1", CreatedAt: now, ExpiresAt: now.Add(accounts.InviteLifetime)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.StaffToken(ctx, token); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("the token itself found something: %v", err)
	}
	dump, err := st.DumpJSON(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for col, docs := range dump {
		for _, d := range docs {
			if strings.Contains(d, token) {
				t.Errorf("%s holds the token in the clear: %s", col, d)
			}
		}
	}
	got, err := st.StaffToken(ctx, hash)
	if err != nil || got.Email != "ny@example.dk" || got.UsedAt != nil || !got.ExpiresAt.Equal(now.Add(72*time.Hour)) {
		t.Fatalf("loaded %+v, %v", got, err)
	}
	var wg sync.WaitGroup
	results := make(chan error, 8)
	for range 8 {
		wg.Go(func() { results <- st.SpendStaffToken(ctx, hash, now) })
	}
	wg.Wait()
	close(results)
	spent := 0
	for err := range results {
		switch {
		case err == nil:
			spent++
		case !errors.Is(err, accounts.ErrTokenUsed):
			t.Errorf("spend: %v", err)
		}
	}
	if spent != 1 {
		t.Errorf("%d spends succeeded, want exactly 1", spent)
	}
	if err := st.SpendStaffToken(ctx, "no-such-hash", now); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}
}

// TestANewPasswordEndsOtherSignIns: revoking a user's sign-ins keeps the
// one named and ends the rest, their tokens included; another user's stay.
func TestANewPasswordEndsOtherSignIns(t *testing.T) {
	st := storetest.Open(t, "revokesignins")
	ctx := context.Background()
	now := time.Now()
	for _, s := range []accounts.Session{{ID: "keep", UserID: "u1"}, {ID: "other", UserID: "u1"}, {ID: "theirs", UserID: "u2"}} {
		s.CreatedAt = now
		if err := st.StartSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveRefreshToken(ctx, accounts.RefreshToken{Hash: "h-" + s.ID, UserID: s.UserID, Family: s.ID,
			CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RevokeSignInsOf(ctx, "u1", "keep"); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"keep": true, "other": false, "theirs": true} {
		s, err := st.Session(ctx, id)
		if err != nil || s.Active(s.UserID) != want {
			t.Errorf("session %s active = %v (%v), want %v", id, s.Active(s.UserID), err, want)
		}
		_, err = st.SpendRefreshToken(ctx, "h-"+id, now)
		if (err == nil) != want {
			t.Errorf("refresh token of %s: %v, want usable %v", id, err, want)
		}
	}
	if err := st.RevokeSignInsOf(ctx, "u1", ""); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Session(ctx, "keep"); s.Active("u1") {
		t.Error("revoking all left a sign-in")
	}
}

// TestSetStaffPassword replaces the hash; an unknown e-mail is not found.
func TestSetStaffPassword(t *testing.T) {
	st := storetest.Open(t, "setpassword")
	ctx := context.Background()
	u := accounts.User{ID: "s1", Role: accounts.RoleAdmin, Email: "a@example.dk", CreatedAt: time.Now()}
	if err := st.CreateStaff(ctx, u, accounts.StaffCredential{Email: u.Email, UserID: u.ID, PasswordHash: "old"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetStaffPassword(ctx, "A@Example.dk", "new"); err != nil {
		t.Fatal(err)
	}
	if c, _ := st.StaffCredential(ctx, u.Email); c.PasswordHash != "new" {
		t.Errorf("hash = %q", c.PasswordHash)
	}
	if err := st.SetStaffPassword(ctx, "nobody@example.dk", "x"); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("unknown e-mail: %v", err)
	}
}
