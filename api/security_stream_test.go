package api_test

import (
	"io"
	"net/http"
	"testing"
	"time"
)

// TestOpenStreamEndsWithItsSignIn: an event stream opened before a
// sign-out is closed by the server soon after, not left open for its
// thirty minutes.
func TestOpenStreamEndsWithItsSignIn(t *testing.T) {
	c, _, refresh := signedIn(t)
	res := c.do("POST", "/v1/conversations", nil)
	if res.Status != 201 {
		t.Fatalf("start: %d %s", res.Status, res.Body)
	}
	conv := res.json(t)["conversation_id"].(string)
	req, _ := http.NewRequest("GET", c.base+"/v1/conversations/"+conv+"/events?access_token="+c.token, nil)
	stream, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	if stream.StatusCode != 200 {
		t.Fatalf("stream: %d", stream.StatusCode)
	}
	if res := c.do("POST", "/v1/auth/logout", map[string]string{"refresh_token": refresh}); res.Status != 204 {
		t.Fatalf("logout: %d %s", res.Status, res.Body)
	}
	ended := make(chan error, 1)
	go func() { _, err := io.Copy(io.Discard, stream.Body); ended <- err }()
	select {
	case <-ended:
	case <-time.After(15 * time.Second):
		t.Fatal("the stream is still open 15 s after its sign-in ended")
	}
}
