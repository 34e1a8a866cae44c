package api_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
)

// TestFriendJoinsALeadWithACode: a young person sends a lead from the chat,
// gets a code for a friend, and the friend joins from their own account, so
// the organisation gets one lead for both.
func TestFriendJoinsALeadWithACode(t *testing.T) {
	a, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	var opp string
	for i, body := range []map[string]any{
		{"text": "jeg er 18, bor i 2200, dyr og natur, weekender, bare én gang"},
		{"choice": "group:with_friend"},
	} {
		body["client_message_id"] = "f" + string(rune('a'+i))
		for _, m := range messages(t, a.do("POST", path, body)) {
			if cards, ok := m["cards"].([]any); ok && len(cards) > 0 {
				opp = cards[0].(map[string]any)["opportunity_id"].(string)
			}
		}
	}
	if opp == "" {
		t.Fatal("no suggestion")
	}
	a.do("POST", path, map[string]any{"client_message_id": "f1", "choice": "want:" + opp})
	a.do("POST", path, map[string]any{"client_message_id": "f2", "text": "Maja"})
	a.do("POST", path, map[string]any{"client_message_id": "f3", "choice": "lead_send:" + opp})

	code := ""
	deadline := time.Now().Add(5 * time.Second)
	for code == "" && time.Now().Before(deadline) {
		for _, m := range messages(t, a.do("GET", path, nil)) {
			if c := regexp.MustCompile(`koden ([A-Z0-9]{6})`).FindStringSubmatch(m["text"].(string)); c != nil {
				code = c[1]
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code == "" {
		t.Fatal("no invite code reached the chat")
	}

	b, convB := guest(t)
	res := b.do("POST", "/v1/conversations/"+convB+"/messages", map[string]any{"client_message_id": "j1", "text": "kode " + strings.ToLower(code)})
	if res.Status != 200 {
		t.Fatalf("join: %d %s", res.Status, res.Body)
	}
	joined := false
	for _, m := range messages(t, b.do("GET", "/v1/conversations/"+convB+"/messages", nil)) {
		joined = joined || strings.Contains(m["text"].(string), "Du er med")
	}
	if !joined {
		t.Error("the friend was not told they joined")
	}
	all, err := shared.Store.AllLeads(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range all {
		if l.OpportunityID == opp && l.Shared.Nickname == "Maja" {
			n++
			if len(l.FriendIDs) != 1 {
				t.Errorf("lead has %d friends, want 1", len(l.FriendIDs))
			}
		}
	}
	if n != 1 {
		t.Errorf("%d leads for the pair, want one", n)
	}
}

// TestYoungPersonAnswersAnOrganisationFromTheChat: a staff message arrives
// in the chat with a "Svar dem" button, and what the young person then
// writes lands in the lead's thread.
func TestYoungPersonAnswersAnOrganisationFromTheChat(t *testing.T) {
	y, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	var opp string
	for i, body := range []map[string]any{
		{"text": "jeg er 20, bor i 8000, mad og madspild, har altid tid, bare én gang, alene"},
	} {
		body["client_message_id"] = "r" + string(rune('a'+i))
		for _, m := range messages(t, y.do("POST", path, body)) {
			if cards, ok := m["cards"].([]any); ok && len(cards) > 0 {
				opp = cards[0].(map[string]any)["opportunity_id"].(string)
			}
		}
	}
	if opp == "" {
		t.Fatal("no suggestion")
	}
	y.do("POST", path, map[string]any{"client_message_id": "r1", "choice": "want:" + opp})
	y.do("POST", path, map[string]any{"client_message_id": "r2", "text": "Ali"})
	y.do("POST", path, map[string]any{"client_message_id": "r3", "choice": "lead_send:" + opp})

	ctx := context.Background()
	var leadID, orgID string
	for _, l := range mustLeads(t) {
		if l.OpportunityID == opp && l.Shared.Nickname == "Ali" {
			leadID, orgID = l.ID, l.OrganisationID
		}
	}
	if leadID == "" {
		t.Fatal("lead not created")
	}
	staff := leads.Caller{Actor: leads.Staff, OrgID: orgID, Name: "Jonas"}
	if _, err := shared.Leads.Post(ctx, leadID, staff, "Hej Ali, kan du komme fredag?"); err != nil {
		t.Fatal(err)
	}
	var reply string
	deadline := time.Now().Add(10 * time.Second)
	for reply == "" && time.Now().Before(deadline) {
		for _, m := range messages(t, y.do("GET", path, nil)) {
			if !strings.Contains(m["text"].(string), "kan du komme fredag") {
				continue
			}
			for _, q := range m["quick_replies"].([]any) {
				if id := q.(map[string]any)["id"].(string); strings.HasPrefix(id, "lead_reply:") {
					reply = id
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if reply == "" {
		t.Fatal("the staff message did not reach the chat with a reply button")
	}
	y.do("POST", path, map[string]any{"client_message_id": "r4", "choice": reply})
	y.do("POST", path, map[string]any{"client_message_id": "r5", "text": "Ja, det passer fint!"})
	l, err := shared.Leads.Get(ctx, leadID, staff)
	if err != nil {
		t.Fatal(err)
	}
	last := l.Thread[len(l.Thread)-1]
	if last.Author != "youth" || last.Text != "Ja, det passer fint!" {
		t.Errorf("thread ends with %+v, want the young person's answer", last)
	}
}

func mustLeads(t *testing.T) []leads.Lead {
	t.Helper()
	all, err := shared.Store.AllLeads(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all
}
