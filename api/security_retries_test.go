package api_test

import (
	"bytes"
	"fmt"
	"testing"
)

// TestOldRetryIsNotStoredTwice: an app that retries a message sent 150
// messages ago — long out of the conversation's latest ids — gets the same
// replies as the first time, and nothing is stored again.
func TestOldRetryIsNotStoredTwice(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	send := func(id, text string) response {
		t.Helper()
		res := c.do("POST", path, map[string]any{"client_message_id": id, "text": text})
		if res.Status != 200 {
			t.Fatalf("message %s: %d %s", id, res.Status, res.Body)
		}
		return res
	}
	first := send("old-0", "hvad kan du?")
	middle := send("old-1", "jeg er 16")
	for i := range 150 {
		send(fmt.Sprint("later-", i), "hjælp")
	}
	before := messages(t, c.do("GET", path, nil))

	for _, retry := range []struct {
		id, text string
		want     response
	}{{"old-0", "hvad kan du?", first}, {"old-1", "jeg er 16", middle}} {
		again := send(retry.id, retry.text)
		if !bytes.Equal(retry.want.Body, again.Body) {
			t.Errorf("retry of %s after 150 messages got other replies:\n%s\n%s", retry.id, retry.want.Body, again.Body)
		}
	}

	after := messages(t, c.do("GET", path, nil))
	if len(after) != len(before) {
		t.Errorf("the retries stored %d messages", len(after)-len(before))
	}
	seen := map[string]int{}
	for _, m := range after {
		if id, ok := m["client_message_id"].(string); ok {
			seen[id]++
		}
	}
	for _, id := range []string{"old-0", "old-1"} {
		if seen[id] != 1 {
			t.Errorf("message %s is stored %d times, want once", id, seen[id])
		}
	}
}

// TestRetryAfterForgettingIsNotStoredTwice: when the bot forgets a
// conversation (an under-13 is stopped and nothing is kept about them), the
// messages and the ids the state kept go; a late retry of a message from
// before is still recognised and stores nothing.
func TestRetryAfterForgettingIsNotStoredTwice(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	for _, body := range []map[string]any{
		{"client_message_id": "before", "text": "jeg elsker dyr"},
		{"client_message_id": "age", "text": "jeg er 12"},
	} {
		if res := c.do("POST", path, body); res.Status != 200 {
			t.Fatalf("%v: %d %s", body, res.Status, res.Body)
		}
	}
	before := messages(t, c.do("GET", path, nil))
	if res := c.do("POST", path, map[string]any{"client_message_id": "before", "text": "jeg elsker dyr"}); res.Status != 200 {
		t.Fatalf("retry: %d %s", res.Status, res.Body)
	}
	after := messages(t, c.do("GET", path, nil))
	if len(after) != len(before) {
		t.Errorf("the retry after forgetting stored %d messages: %v", len(after)-len(before), after[len(before):])
	}
}
