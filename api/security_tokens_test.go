package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/brobygger/brobygger/api"
)

// signedIn is a fresh guest's client with both of its tokens.
func signedIn(t *testing.T) (c *client, userID, refresh string) {
	t.Helper()
	c = &client{t: t, base: testApp(t)}
	res := c.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"})
	if res.Status != 201 {
		t.Fatalf("guest: %d %s", res.Status, res.Body)
	}
	body := res.json(t)
	c.token = body["access_token"].(string)
	return c, body["user_id"].(string), body["refresh_token"].(string)
}

// refused checks that a request with a token that should be dead is a 401
// problem, not an answer.
func refused(t *testing.T, c *client, method, path string, body any) {
	t.Helper()
	res := c.do(method, path, body)
	if res.Status != 401 {
		t.Errorf("%s %s with an ended token: %d %s, want 401", method, path, res.Status, res.Body)
		return
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Errorf("%s %s: 401 as %q, want a problem", method, path, ct)
	}
}

// TestErasedUsersTokenIsRefused: after DELETE /v1/me the access token that
// erased the account gets nothing — no new conversation that could then be
// neither exported nor erased — while another young person goes on.
func TestErasedUsersTokenIsRefused(t *testing.T) {
	c, userID, refresh := signedIn(t)
	other, _, _ := signedIn(t)
	res := c.do("POST", "/v1/conversations", nil)
	if res.Status != 201 {
		t.Fatalf("start: %d %s", res.Status, res.Body)
	}
	conv := res.json(t)["conversation_id"].(string)
	if res := c.do("DELETE", "/v1/me", nil); res.Status != 204 {
		t.Fatalf("erase: %d %s", res.Status, res.Body)
	}

	refused(t, c, "POST", "/v1/conversations", nil)
	refused(t, c, "POST", "/v1/conversations/"+conv+"/messages", map[string]any{"client_message_id": "after", "text": "hej"})
	refused(t, c, "GET", "/v1/me", nil)
	refused(t, c, "GET", "/v1/me/export", nil)
	refused(t, c, "DELETE", "/v1/me", nil)
	if res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh}); res.Status != 401 {
		t.Errorf("refresh after erasure: %d, want 401", res.Status)
	}

	dump, err := shared.Store.DumpJSON(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for col, docs := range dump {
		for _, d := range docs {
			if strings.Contains(d, userID) {
				t.Errorf("after erasure %s holds the user again: %.200s", col, d)
			}
		}
	}
	if res := other.do("POST", "/v1/conversations", nil); res.Status != 201 {
		t.Errorf("another guest after the erasure: %d %s", res.Status, res.Body)
	}
}

// TestSignOutEndsItsAccessTokens: signing out ends that sign-in's access
// tokens at once, not 15 minutes later, and leaves the same person's other
// sign-in and everyone else's alone.
func TestSignOutEndsItsAccessTokens(t *testing.T) {
	c, _, refresh := signedIn(t)
	other, _, _ := signedIn(t)
	// A refreshed access token belongs to the same sign-in.
	res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh})
	if res.Status != 200 {
		t.Fatalf("refresh: %d %s", res.Status, res.Body)
	}
	first := c.token
	body := res.json(t)
	c.token, refresh = body["access_token"].(string), body["refresh_token"].(string)
	if res := c.do("GET", "/v1/me", nil); res.Status != 200 {
		t.Fatalf("before sign-out: %d %s", res.Status, res.Body)
	}
	if res := c.do("POST", "/v1/auth/logout", map[string]string{"refresh_token": refresh}); res.Status != 204 {
		t.Fatalf("logout: %d %s", res.Status, res.Body)
	}
	refused(t, c, "GET", "/v1/me", nil)
	refused(t, c, "POST", "/v1/conversations", nil)
	c.token = first
	refused(t, c, "GET", "/v1/me", nil)
	if res := other.do("GET", "/v1/me", nil); res.Status != 200 {
		t.Errorf("another guest after the sign-out: %d %s", res.Status, res.Body)
	}

	// Staff sign in on several devices: ending one sign-in keeps the other.
	ctx := context.Background()
	email := "two-devices-" + api.NewID()[:8] + "@example.dk"
	_, password, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleAdmin, Email: email}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	login := func() (*client, string) {
		s := &client{t: t, base: testApp(t)}
		res := s.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password})
		if res.Status != 200 {
			t.Fatalf("login: %d %s", res.Status, res.Body)
		}
		b := res.json(t)
		s.token = b["access_token"].(string)
		return s, b["refresh_token"].(string)
	}
	phone, phoneRefresh := login()
	laptop, _ := login()
	if res := phone.do("POST", "/v1/auth/logout", map[string]string{"refresh_token": phoneRefresh}); res.Status != 204 {
		t.Fatalf("logout: %d %s", res.Status, res.Body)
	}
	refused(t, phone, "GET", "/v1/admin/audit", nil)
	if res := laptop.do("GET", "/v1/admin/audit", nil); res.Status != 200 {
		t.Errorf("the other sign-in after one signed out: %d %s", res.Status, res.Body)
	}
}

// TestReusedRefreshTokenEndsItsAccessTokens: a spent refresh token shown
// again means it was stolen; the whole sign-in ends, access tokens too.
func TestReusedRefreshTokenEndsItsAccessTokens(t *testing.T) {
	c, _, refresh := signedIn(t)
	if res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh}); res.Status != 200 {
		t.Fatalf("refresh: %d %s", res.Status, res.Body)
	}
	if res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh}); res.Status != 401 {
		t.Fatalf("reuse: %d, want 401", res.Status)
	}
	refused(t, c, "GET", "/v1/me", nil)
}

// TestTokenWithoutSignInIsRefused: a token signed with the right key but
// naming no recorded sign-in (forged from a leaked key's era, or issued
// before sign-ins were recorded) gets a 401, which the app answers by
// refreshing.
func TestTokenWithoutSignInIsRefused(t *testing.T) {
	c, userID, refresh := signedIn(t)
	for name, sid := range map[string]string{"none": "", "unknown": api.NewID()} {
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
			"role": api.RoleYouth, "sid": sid, "iss": "brobygger", "aud": "brobygger-api", "sub": userID,
			"iat": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(),
		}).SignedString([]byte(strings.Repeat("k", 40)))
		if err != nil {
			t.Fatal(err)
		}
		forged := &client{t: t, base: c.base, token: tok}
		t.Run(name, func(t *testing.T) { forged.t = t; refused(t, forged, "GET", "/v1/me", nil) })
	}
	// The app's answer to a 401 works: the refresh gives a token that does.
	res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh})
	if res.Status != 200 {
		t.Fatalf("refresh: %d %s", res.Status, res.Body)
	}
	c.token = res.json(t)["access_token"].(string)
	if res := c.do("GET", "/v1/me", nil); res.Status != 200 {
		t.Errorf("refreshed token: %d %s", res.Status, res.Body)
	}
}
