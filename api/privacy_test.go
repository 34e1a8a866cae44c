package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestErasureLeavesNothingBehind uses the product as a young person would,
// asks for everything stored, erases it, and then reads every collection of
// the database looking for any of their ids or words.
func TestErasureLeavesNothingBehind(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	words := []string{"Ottilie-Zebrafrø", "9990 Skagen"}
	turns := []map[string]any{
		{"client_message_id": "p1", "text": "jeg er 17, hedder Ottilie-Zebrafrø og bor i 9990 Skagen"},
		{"client_message_id": "p2", "text": "dyr og natur i weekenden"},
		{"client_message_id": "p3", "choice": "commitment:one_off"},
		{"client_message_id": "p4", "choice": "group:with_friend"},
	}
	var cards []any
	for _, body := range turns {
		res := c.do("POST", path, body)
		if res.Status != 200 {
			t.Fatalf("turn %v: %d %s", body, res.Status, res.Body)
		}
		ms := messages(t, res)
		if cs, ok := ms[len(ms)-1]["cards"].([]any); ok && len(cs) > 0 {
			cards = cs
		}
	}
	if len(cards) == 0 {
		t.Fatal("no suggestions reached")
	}
	opp := cards[0].(map[string]any)["opportunity_id"].(string)
	c.do("POST", path, map[string]any{"client_message_id": "p5", "choice": "want:" + opp})
	c.do("POST", path, map[string]any{"client_message_id": "p5b", "text": "Ottilie-Zebrafrø"})
	if res := c.do("POST", path, map[string]any{"client_message_id": "p5c", "choice": "lead_send:" + opp}); res.Status != 200 {
		t.Fatalf("send lead: %d %s", res.Status, res.Body)
	}
	c.do("POST", path, map[string]any{"client_message_id": "p6", "text": "hvad ved du om mig?"})
	c.do("GET", "/v1/me", nil)
	c.do("GET", "/v1/suggestions/"+opp+"/first-step.ics", nil)
	// A disclosure that opens a safeguarding case, which staff keep.
	c.do("POST", path, map[string]any{"client_message_id": "p7", "text": "min stedfar slår mig, Ottilie-Zebrafrø"})

	// A phone that gets a push on new messages.
	device := "https://push.example.dk/send/Ottilie-Zebrafroe-telefon"
	words = append(words, device)
	if res := c.do("POST", "/v1/me/push-subscriptions", browserSubscription(t, device)); res.Status != 201 {
		t.Fatalf("subscribe: %d %s", res.Status, res.Body)
	}

	export := c.do("GET", "/v1/me/export", nil)
	if export.Status != 200 {
		t.Fatalf("export: %d %s", export.Status, export.Body)
	}
	for _, w := range append(words, conv) {
		if !strings.Contains(string(export.Body), w) {
			t.Errorf("export lacks %q", w)
		}
	}
	var ex map[string]any
	_ = json.Unmarshal(export.Body, &ex)
	if ls, _ := ex["leads"].([]any); len(ls) != 1 {
		t.Errorf("export has %d leads, want the one sent", len(ls))
	}
	userID := ex["user"].(map[string]any)["user_id"].(string)

	if res := c.do("DELETE", "/v1/me", nil); res.Status != 204 {
		t.Fatalf("delete: %d %s", res.Status, res.Body)
	}
	dump, err := shared.Store.DumpJSON(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for col, docs := range dump {
		for _, d := range docs {
			for _, needle := range append(words, userID, conv) {
				if strings.Contains(d, needle) {
					t.Errorf("collection %s still holds %q: %.300s", col, needle, d)
				}
			}
		}
	}
	// The token that erased the account is refused at once.
	if res := c.do("GET", "/v1/conversations/"+conv+"/messages", nil); res.Status != 401 {
		t.Errorf("conversation after erasure: %d, want 401", res.Status)
	}
	kept := 0
	for _, d := range dump["safeguarding_cases"] {
		if strings.Contains(d, "slettet efter ønske") {
			kept++
		}
	}
	if kept == 0 {
		t.Error("the safeguarding case must stay for staff, without the person's data")
	}
}

func TestEraseFromTheChat(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	c.do("POST", path, map[string]any{"client_message_id": "e1", "text": "jeg er 19 og bor i Odense"})
	res := c.do("POST", path, map[string]any{"client_message_id": "e2", "text": "slet mine data"})
	ms := messages(t, res)
	replies := ms[len(ms)-1]["quick_replies"].([]any)
	if len(replies) == 0 || replies[0].(map[string]any)["id"] != "erase_confirm" {
		t.Fatalf("the bot must ask before erasing: %v", ms)
	}
	if res := c.do("GET", "/v1/me", nil); res.Status != 200 {
		t.Fatalf("asking must not erase: %d", res.Status)
	}
	res = c.do("POST", path, map[string]any{"client_message_id": "e3", "choice": "erase_confirm"})
	if res.Status != 200 {
		t.Fatalf("confirm: %d %s", res.Status, res.Body)
	}
	// Erased from the chat, the account's token is refused too.
	if res := c.do("GET", "/v1/conversations/"+conv+"/messages", nil); res.Status != 401 {
		t.Errorf("conversation after erasure from the chat: %d, want 401", res.Status)
	}
}
