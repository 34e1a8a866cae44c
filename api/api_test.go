package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/push"
)

var (
	sharedOnce sync.Once
	shared     *app.App
	sharedURL  string
	sharedErr  error
)

// testApp is the real server wired to the embedded database, shared by the
// API tests (each test signs in its own guests, so they don't interfere).
// testVAPID is one Web Push key pair for every server the tests start, as
// MONGODB_URI requires the keys to be given.
var testVAPID = func() push.VAPID {
	k, err := push.GenerateVAPID("mailto:test@example.dk")
	if err != nil {
		panic(err)
	}
	return k
}()

func testApp(t *testing.T) string {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "brobygger-api-test")
		if err != nil {
			sharedErr = err
			return
		}
		shared, sharedErr = app.New(context.Background(), app.Config{
			DataDir:        dir,
			MongoURI:       os.Getenv("MONGODB_URI"),
			VAPIDPublicKey: testVAPID.PublicKey, VAPIDPrivateKey: testVAPID.PrivateKey, VAPIDSubject: testVAPID.Subject,
			Database: fmt.Sprintf("apitest_%d", time.Now().UnixNano()),
			// A fixed secret keeps MONGODB_URI runs working too.
			JWTSecret:    strings.Repeat("k", 40),
			SummaryEvery: -1,
			// Organisations' edits reach matching within a moment, so the
			// tests that wait for them do not wait for the default period.
			CatalogRefresh: 250 * time.Millisecond,
			Now:            func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) },
			Logger:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		})
		if sharedErr != nil {
			return
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			sharedErr = err
			return
		}
		sharedURL = "http://" + ln.Addr().String()
		go func() { _ = shared.Serve(context.Background(), ln) }()
	})
	if sharedErr != nil {
		t.Fatalf("start app: %v", sharedErr)
	}
	return sharedURL
}

// client talks to the real server over HTTP, like an app does.
type client struct {
	t     *testing.T
	base  string
	token string
}

type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, r.Body)
	}
	return m
}

func (c *client) do(method, path string, body any) response {
	c.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := response{Status: res.StatusCode, Header: res.Header, Body: raw}
	checkAgainstOpenAPI(c.t, method, path, out)
	return out
}

// guest signs in a new guest and starts their conversation.
func guest(t *testing.T) (*client, string) {
	t.Helper()
	c := &client{t: t, base: testApp(t)}
	res := c.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"})
	if res.Status != 201 {
		t.Fatalf("guest: %d %s", res.Status, res.Body)
	}
	c.token = res.json(t)["access_token"].(string)
	res = c.do("POST", "/v1/conversations", nil)
	if res.Status != 201 {
		t.Fatalf("start conversation: %d %s", res.Status, res.Body)
	}
	return c, res.json(t)["conversation_id"].(string)
}

func messages(t *testing.T, r response) []map[string]any {
	t.Helper()
	var body struct {
		Messages []map[string]any `json:"messages"`
	}
	if err := json.Unmarshal(r.Body, &body); err != nil {
		t.Fatal(err)
	}
	return body.Messages
}

func TestHealthAndReadiness(t *testing.T) {
	c := &client{t: t, base: testApp(t)}
	for _, p := range []string{"/healthz", "/readyz"} {
		if res := c.do("GET", p, nil); res.Status != 200 {
			t.Errorf("%s: %d", p, res.Status)
		}
	}
}

func TestGuestReachesSuggestionsThroughTheAPI(t *testing.T) {
	c, conv := guest(t)
	send := func(id string, body map[string]any) []map[string]any {
		body["client_message_id"] = id
		res := c.do("POST", "/v1/conversations/"+conv+"/messages", body)
		if res.Status != 200 {
			t.Fatalf("send %v: %d %s", body, res.Status, res.Body)
		}
		return messages(t, res)
	}
	send("1", map[string]any{"text": "jeg er 16, bor i 8000, elsker dyr og har tid i weekenden"})
	send("2", map[string]any{"choice": "commitment:one_off"})
	replies := send("3", map[string]any{"choice": "group:with_friend"})
	cards, _ := replies[len(replies)-1]["cards"].([]any)
	if len(cards) != 3 {
		t.Fatalf("got %d cards, want 3: %v", len(cards), replies)
	}
	card := cards[0].(map[string]any)
	step := card["first_step"].(map[string]any)
	if step["starts_at"] == nil || step["place"] == "" || step["contact"] == "" {
		t.Errorf("first step lacks when, where or whom: %v", step)
	}
	res := c.do("GET", "/v1/me/suggestions", nil)
	if got := len(res.json(t)["suggestions"].([]any)); got != 3 {
		t.Errorf("/v1/me/suggestions has %d cards, want 3", got)
	}
	me := c.do("GET", "/v1/me", nil).json(t)
	profile := me["profile"].(map[string]any)
	if profile["age"] != float64(16) || profile["municipality"] != "Aarhus" || profile["group"] != "with_friend" {
		t.Errorf("profile = %v", profile)
	}
}

func TestRetriedMessageIsStoredOnce(t *testing.T) {
	c, conv := guest(t)
	body := map[string]any{"client_message_id": "retry-1", "text": "jeg er 17"}
	first := c.do("POST", "/v1/conversations/"+conv+"/messages", body)
	second := c.do("POST", "/v1/conversations/"+conv+"/messages", body)
	if first.Status != 200 || second.Status != 200 {
		t.Fatalf("statuses %d, %d", first.Status, second.Status)
	}
	if !bytes.Equal(first.Body, second.Body) {
		t.Errorf("retry got other replies:\n%s\n%s", first.Body, second.Body)
	}
	all := messages(t, c.do("GET", "/v1/conversations/"+conv+"/messages", nil))
	n := 0
	for _, m := range all {
		if m["text"] == "jeg er 17" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("message stored %d times, want once", n)
	}
	after := messages(t, c.do("GET", "/v1/conversations/"+conv+"/messages?after="+all[1]["id"].(string), nil))
	if len(after) != len(all)-2 {
		t.Errorf("after=%s returned %d messages, want %d", all[1]["id"], len(after), len(all)-2)
	}
}

func TestAnotherUsersConversationIsNotFound(t *testing.T) {
	_, conv := guest(t)
	other, _ := guest(t)
	if res := other.do("GET", "/v1/conversations/"+conv+"/messages", nil); res.Status != 404 {
		t.Errorf("read other's conversation: %d", res.Status)
	}
	res := other.do("POST", "/v1/conversations/"+conv+"/messages", map[string]any{"client_message_id": "x", "text": "hej"})
	if res.Status != 404 {
		t.Errorf("write to other's conversation: %d", res.Status)
	}
}

func TestBadInputGetsProblemDetailsAndStoresNothing(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	before := len(messages(t, c.do("GET", path, nil)))
	cases := []struct {
		name   string
		body   any
		status int
	}{
		{"too large", `{"client_message_id":"a","text":"` + strings.Repeat("x", 17*1024) + `"}`, 413},
		{"text of wrong type", `{"client_message_id":"a","text":42}`, 400},
		{"empty text", `{"client_message_id":"a","text":"   "}`, 400},
		{"not UTF-8", []byte("{\"client_message_id\":\"a\",\"text\":\"\xff\xfe\"}"), 400},
		{"no client id", `{"text":"hej"}`, 400},
		{"both text and choice", `{"client_message_id":"a","text":"hej","choice":"start"}`, 400},
		{"unknown choice", `{"client_message_id":"a","choice":"format_disk"}`, 400},
		{"not JSON", `hej`, 400},
		{"two objects", `{"client_message_id":"a","text":"hej"}{}`, 400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := c.do("POST", path, tc.body)
			if res.Status != tc.status {
				t.Fatalf("status %d, want %d: %s", res.Status, tc.status, res.Body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
				t.Errorf("content type %q", ct)
			}
			p := res.json(t)
			if p["status"] != float64(tc.status) || p["title"] == "" || p["detail"] == "" {
				t.Errorf("problem = %v", p)
			}
		})
	}
	if after := len(messages(t, c.do("GET", path, nil))); after != before {
		t.Errorf("bad requests stored messages: %d before, %d after", before, after)
	}
}

func TestAuth(t *testing.T) {
	c := &client{t: t, base: testApp(t)}
	if res := c.do("POST", "/v1/conversations", nil); res.Status != 401 {
		t.Errorf("no token: %d", res.Status)
	}
	c.token = "not.a.jwt"
	if res := c.do("GET", "/v1/me", nil); res.Status != 401 {
		t.Errorf("bad token: %d", res.Status)
	}
	c.token = ""
	if res := c.do("POST", "/v1/auth/guest", map[string]string{"locale": "fr"}); res.Status != 400 {
		t.Errorf("unknown locale: %d", res.Status)
	}
	res := c.do("POST", "/v1/auth/guest", nil)
	if res.Status != 201 {
		t.Fatalf("guest without body: %d", res.Status)
	}
	first := res.json(t)
	refresh := first["refresh_token"].(string)
	res = c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh})
	if res.Status != 200 {
		t.Fatalf("refresh: %d %s", res.Status, res.Body)
	}
	second := res.json(t)
	if second["user_id"] != first["user_id"] || second["refresh_token"] == refresh {
		t.Errorf("refresh must keep the user and rotate the token: %v", second)
	}
	c.token = second["access_token"].(string)
	if res := c.do("GET", "/v1/me", nil); res.Status != 200 {
		t.Errorf("access token from refresh: %d", res.Status)
	}
	if res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh}); res.Status != 401 {
		t.Errorf("reused refresh token: %d", res.Status)
	}
	if res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": second["refresh_token"].(string)}); res.Status != 401 {
		t.Errorf("reuse must revoke the whole family, got %d", res.Status)
	}
	// The reuse ended the sign-in, and with it its access tokens.
	if res := c.do("GET", "/v1/me", nil); res.Status != 401 {
		t.Errorf("access token of a revoked sign-in: %d, want 401", res.Status)
	}
}

func TestOpenAPIDocumentIsServed(t *testing.T) {
	c := &client{t: t, base: testApp(t)}
	res := c.do("GET", "/v1/openapi.json", nil)
	if res.Status != 200 {
		t.Fatalf("status %d", res.Status)
	}
	doc := res.json(t)
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi = %v", doc["openapi"])
	}
	for _, p := range []string{"/v1/auth/guest", "/v1/auth/refresh", "/v1/conversations", "/v1/conversations/{id}/messages", "/v1/me", "/v1/me/suggestions"} {
		if _, ok := doc["paths"].(map[string]any)[p]; !ok {
			t.Errorf("path %s is not described", p)
		}
	}
}

func TestRetryOfAnArchivedMessageIsRecognised(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	first := c.do("POST", path, map[string]any{"client_message_id": "early", "text": "hvad kan du?"})
	for i := range 20 {
		c.do("POST", path, map[string]any{"client_message_id": fmt.Sprint("later-", i), "text": "hjælp"})
	}
	again := c.do("POST", path, map[string]any{"client_message_id": "early", "text": "hvad kan du?"})
	if !bytes.Equal(first.Body, again.Body) {
		t.Errorf("retry after many turns got other replies:\n%s\n%s", first.Body, again.Body)
	}
	all := messages(t, c.do("GET", path, nil))
	n := 0
	for _, m := range all {
		if m["text"] == "hvad kan du?" {
			n++
		}
	}
	if n != 1 || len(all) < 40 {
		t.Errorf("history has %d messages and the early one %d times", len(all), n)
	}
}

func TestLogoutEndsTheSignIn(t *testing.T) {
	c := &client{t: t, base: testApp(t)}
	tokens := c.do("POST", "/v1/auth/guest", nil).json(t)
	refresh := tokens["refresh_token"].(string)
	if res := c.do("POST", "/v1/auth/logout", map[string]string{"refresh_token": refresh}); res.Status != 204 {
		t.Fatalf("logout: %d %s", res.Status, res.Body)
	}
	if res := c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": refresh}); res.Status != 401 {
		t.Errorf("refresh after logout: %d, want 401", res.Status)
	}
	if res := c.do("POST", "/v1/auth/logout", map[string]string{"refresh_token": "unknown"}); res.Status != 204 {
		t.Errorf("logout with an unknown token: %d, want 204", res.Status)
	}
	res := c.do("GET", "/healthz", nil)
	if res.Header.Get("X-Frame-Options") != "DENY" {
		t.Error("pages may be framed")
	}
	if res := c.do("POST", "/v1/auth/guest", nil); res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("API answers may be cached: %q", res.Header.Get("Cache-Control"))
	}
}
