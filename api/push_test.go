package api_test

import (
	"context"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
)

// browserSubscription is what PushSubscription.toJSON() gives for a fresh
// browser key pair.
func browserSubscription(t *testing.T, endpoint string) map[string]any {
	t.Helper()
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	auth := make([]byte, 16)
	_, _ = rand.Read(auth)
	return map[string]any{"endpoint": endpoint, "expirationTime": nil, "keys": map[string]string{
		"p256dh": base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()),
		"auth":   base64.RawURLEncoding.EncodeToString(auth)}}
}

// pushEndpoints lists what the store keeps for the client's young person.
func pushEndpoints(t *testing.T, c *client) []string {
	t.Helper()
	me := c.do("GET", "/v1/me", nil)
	if me.Status != 200 {
		t.Fatalf("GET /v1/me: %d %s", me.Status, me.Body)
	}
	subs, err := shared.Store.PushSubscriptionsOf(context.Background(), me.json(t)["user_id"].(string))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range subs {
		out = append(out, s.Endpoint)
	}
	return out
}

func TestPushKeyIsPublicAndAPoint(t *testing.T) {
	c := &client{t: t, base: testApp(t)}
	res := c.do("GET", "/v1/push/vapid-public-key", nil)
	if res.Status != 200 {
		t.Fatalf("GET /v1/push/vapid-public-key without signing in: %d %s", res.Status, res.Body)
	}
	body := res.json(t)
	key, _ := body["public_key"].(string)
	if len(body) != 1 || strings.ContainsAny(key, "+/=") {
		t.Errorf("body = %s, want only public_key in base64url without padding", res.Body)
	}
	raw, err := base64.RawURLEncoding.DecodeString(key)
	if err != nil || len(raw) != 65 || raw[0] != 4 {
		t.Fatalf("public_key %q is not an uncompressed point: %v", key, err)
	}
	if _, err := ecdh.P256().NewPublicKey(raw); err != nil {
		t.Errorf("public_key is not on P-256: %v", err)
	}
	if again := c.do("GET", "/v1/push/vapid-public-key", nil); string(again.Body) != string(res.Body) {
		t.Error("the key changed between two requests")
	}
}

// TestPushSubscribeOnceAndUnsubscribe: a browser registers once however
// often it asks; another young person cannot remove it; its own young
// person removes it by body or by query; erasing the young person removes
// the rest.
func TestPushSubscribeOnceAndUnsubscribe(t *testing.T) {
	ida, _ := guest(t)
	noah, _ := guest(t)
	phone := "https://fcm.googleapis.com/fcm/send/ida-phone:APA91b"
	tablet := "https://updates.push.services.mozilla.com/wpush/v2/ida-tablet"

	for range 2 {
		if res := ida.do("POST", "/v1/me/push-subscriptions", browserSubscription(t, phone)); res.Status != 201 {
			t.Fatalf("subscribe: %d %s", res.Status, res.Body)
		}
	}
	if got := pushEndpoints(t, ida); len(got) != 1 || got[0] != phone {
		t.Fatalf("after subscribing twice: %v, want the phone once", got)
	}
	if res := ida.do("POST", "/v1/me/push-subscriptions", browserSubscription(t, tablet)); res.Status != 201 {
		t.Fatalf("subscribe the tablet: %d %s", res.Status, res.Body)
	}

	if res := noah.do("DELETE", "/v1/me/push-subscriptions", map[string]string{"endpoint": phone}); res.Status != 404 {
		t.Errorf("noah removing ida's phone: %d %s, want 404", res.Status, res.Body)
	}
	if res := noah.do("DELETE", "/v1/me/push-subscriptions?endpoint="+url.QueryEscape(phone), nil); res.Status != 404 {
		t.Errorf("noah removing ida's phone by query: %d %s, want 404", res.Status, res.Body)
	}
	if got := pushEndpoints(t, ida); len(got) != 2 {
		t.Fatalf("ida's subscriptions after noah's tries: %v", got)
	}

	if res := ida.do("DELETE", "/v1/me/push-subscriptions", map[string]string{"endpoint": phone}); res.Status != 204 || len(res.Body) != 0 {
		t.Errorf("remove the phone: %d %s, want 204", res.Status, res.Body)
	}
	if res := ida.do("DELETE", "/v1/me/push-subscriptions", map[string]string{"endpoint": phone}); res.Status != 404 {
		t.Errorf("remove the phone again: %d, want 404", res.Status)
	}
	if got := pushEndpoints(t, ida); len(got) != 1 || got[0] != tablet {
		t.Errorf("after removing the phone: %v", got)
	}
	if res := ida.do("POST", "/v1/me/push-subscriptions", browserSubscription(t, phone)); res.Status != 201 {
		t.Fatalf("subscribe the phone again: %d %s", res.Status, res.Body)
	}
	if res := ida.do("DELETE", "/v1/me/push-subscriptions?endpoint="+url.QueryEscape(phone), nil); res.Status != 204 {
		t.Errorf("remove the phone by query: %d %s, want 204", res.Status, res.Body)
	}
	if res := ida.do("DELETE", "/v1/me/push-subscriptions", nil); res.Status != 422 {
		t.Errorf("remove naming nothing: %d, want 422", res.Status)
	}

	userID := ida.do("GET", "/v1/me", nil).json(t)["user_id"].(string)
	if res := ida.do("DELETE", "/v1/me", nil); res.Status != 204 {
		t.Fatalf("erase: %d %s", res.Status, res.Body)
	}
	if subs, err := shared.Store.PushSubscriptionsOf(context.Background(), userID); err != nil || len(subs) != 0 {
		t.Errorf("an erased young person's subscriptions: %v, %v", subs, err)
	}

	anonymous := &client{t: t, base: ida.base}
	if res := anonymous.do("POST", "/v1/me/push-subscriptions", browserSubscription(t, phone)); res.Status != 401 {
		t.Errorf("subscribe without signing in: %d, want 401", res.Status)
	}
}

// TestPushRefusesWhatNoBrowserSends: every malformed subscription is a 422
// problem that says what was wrong, and nothing is stored.
func TestPushRefusesWhatNoBrowserSends(t *testing.T) {
	c, _ := guest(t)
	good := browserSubscription(t, "https://fcm.googleapis.com/fcm/send/abc")
	keys := good["keys"].(map[string]string)
	with := func(endpoint, p256dh, auth string) map[string]any {
		return map[string]any{"endpoint": endpoint, "keys": map[string]string{"p256dh": p256dh, "auth": auth}}
	}
	point := must64(keys["p256dh"])
	for _, tc := range []struct {
		name string
		body any
		says string
	}{
		{"plain http", with("http://fcm.googleapis.com/fcm/send/abc", keys["p256dh"], keys["auth"]), "https"},
		{"not a URL", with("fcm send abc", keys["p256dh"], keys["auth"]), "URL"},
		{"no endpoint", with("", keys["p256dh"], keys["auth"]), "endpoint"},
		{"loopback", with("https://127.0.0.1:8443/push", keys["p256dh"], keys["auth"]), "internet"},
		{"private network", with("https://192.168.0.10/push", keys["p256dh"], keys["auth"]), "internet"},
		{"localhost", with("https://localhost/push", keys["p256dh"], keys["auth"]), "internet"},
		{"cloud metadata", with("https://169.254.169.254/latest/meta-data", keys["p256dh"], keys["auth"]), "internet"},
		{"p256dh not base64url", with("https://fcm.googleapis.com/x", "not base64 at all!", keys["auth"]), "p256dh"},
		{"p256dh compressed", with("https://fcm.googleapis.com/x", base64.RawURLEncoding.EncodeToString(append([]byte{2}, point[1:33]...)), keys["auth"]), "p256dh"},
		{"p256dh off the curve", with("https://fcm.googleapis.com/x", base64.RawURLEncoding.EncodeToString(append([]byte{4}, make([]byte, 64)...)), keys["auth"]), "p256dh"},
		{"auth 15 bytes", with("https://fcm.googleapis.com/x", keys["p256dh"], base64.RawURLEncoding.EncodeToString(make([]byte, 15))), "auth"},
		{"auth missing", map[string]any{"endpoint": "https://fcm.googleapis.com/x", "keys": map[string]string{"p256dh": keys["p256dh"]}}, "auth"},
		{"no keys", map[string]any{"endpoint": "https://fcm.googleapis.com/x"}, "p256dh"},
		{"body too big", with("https://fcm.googleapis.com/"+strings.Repeat("a", 5000), keys["p256dh"], keys["auth"]), "4 KB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := c.do("POST", "/v1/me/push-subscriptions", tc.body)
			if res.Status != 422 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/problem+json") {
				t.Fatalf("%d %s %s, want a 422 problem", res.Status, res.Header.Get("Content-Type"), res.Body)
			}
			p := res.json(t)
			if p["status"].(float64) != 422 || !strings.Contains(strings.ToLower(p["detail"].(string)), strings.ToLower(tc.says)) {
				t.Errorf("problem %s does not say what was wrong (%q)", res.Body, tc.says)
			}
		})
	}
	if got := pushEndpoints(t, c); len(got) != 0 {
		t.Errorf("refused subscriptions were stored: %v", got)
	}
	if res := c.do("POST", "/v1/me/push-subscriptions", "{not json"); res.Status != 400 {
		t.Errorf("broken JSON: %d, want 400 like every route", res.Status)
	}
}

func must64(s string) []byte {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}
