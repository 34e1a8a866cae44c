package api_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
)

// TestPagesAndAnswersCarryAContentSecurityPolicy: the chat and the staff
// page allow only this server's own script and style, with nothing inline,
// and API answers allow nothing to load at all.
func TestPagesAndAnswersCarryAContentSecurityPolicy(t *testing.T) {
	base := testApp(t)
	for path, want := range map[string][]string{
		"/":         {"default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"},
		"/org/":     {"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"},
		"/app.js":   {"default-src 'self'"},
		"/healthz":  {"default-src 'self'"},
		"/v1/me":    {"default-src 'none'", "frame-ancestors 'none'"},
		"/no/where": {"default-src 'self'"},
	} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		for _, w := range want {
			if !strings.Contains(csp, w) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, w)
			}
		}
		if strings.Contains(csp, "unsafe-") || strings.Contains(csp, "*") {
			t.Errorf("%s: Content-Security-Policy %q allows too much", path, csp)
		}
	}
}

// TestAnotherOrganisationsOpportunityIDIsNotFound: staff who PUT another
// organisation's opportunity id get the same 404 as for an id nobody has,
// so the answer does not confirm that it exists, and the opportunity stays
// as it was.
func TestAnotherOrganisationsOpportunityIDIsNotFound(t *testing.T) {
	ownerID, owner := newOrganisation(t, "Ejerne")
	otherID, other := newOrganisation(t, "De Andre")
	id := "opp-" + strings.TrimPrefix(ownerID, "org-") + "-gaatur"
	if res := owner.do("PUT", "/v1/orgs/"+ownerID+"/opportunities/"+id, dogWalk("Gåtur")); res.Status != 201 {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	taken := other.do("PUT", "/v1/orgs/"+otherID+"/opportunities/"+id, dogWalk("Kapret"))
	nobodys := other.do("PUT", "/v1/orgs/"+otherID+"/opportunities/"+id+"x", dogWalk("Kapret"))
	if taken.Status != 404 || nobodys.Status != 404 {
		t.Fatalf("another organisation's id: %d, an id nobody has: %d; want 404 for both", taken.Status, nobodys.Status)
	}
	if a, b := taken.json(t)["detail"], nobodys.json(t)["detail"]; a != b {
		t.Errorf("the answers differ, which tells the id exists:\n%v\n%v", a, b)
	}
	sample := "opp-potefaellesskabet-aarhus-kattepasning"
	if res := other.do("PUT", "/v1/orgs/"+otherID+"/opportunities/"+sample, dogWalk("Kapret")); res.Status != 404 {
		t.Errorf("a sample organisation's id: %d, want 404", res.Status)
	}
	o, err := shared.Store.Opportunity(context.Background(), id)
	if err != nil || o.OrganisationID != ownerID || o.Title != "Gåtur" {
		t.Errorf("after the other organisation's attempt: %+v, %v", o, err)
	}
}

// leadWithFriend has a young person send a lead from the chat under the
// nickname, and a friend join it with the code; it returns both.
func leadWithFriend(t *testing.T, nickname, wish string) (sender, friend *client, opp string) {
	t.Helper()
	a, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	for i, body := range []map[string]any{
		{"text": "jeg er 18, bor i 2200, dyr og natur, weekender, bare én gang"},
		{"choice": "group:with_friend"},
	} {
		body["client_message_id"] = "s" + string(rune('a'+i))
		for _, m := range messages(t, a.do("POST", path, body)) {
			if cards, ok := m["cards"].([]any); ok && len(cards) > 0 {
				opp = cards[0].(map[string]any)["opportunity_id"].(string)
			}
		}
	}
	if opp == "" {
		t.Fatal("no suggestion")
	}
	a.do("POST", path, map[string]any{"client_message_id": "s1", "choice": "want:" + opp})
	a.do("POST", path, map[string]any{"client_message_id": "s2", "text": nickname})
	a.do("POST", path, map[string]any{"client_message_id": "s3", "choice": "lead_message:" + opp})
	a.do("POST", path, map[string]any{"client_message_id": "s4", "text": wish})
	a.do("POST", path, map[string]any{"client_message_id": "s5", "choice": "lead_send:" + opp})
	code := ""
	for deadline := time.Now().Add(5 * time.Second); code == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, m := range messages(t, a.do("GET", path, nil)) {
			if c := regexp.MustCompile(`koden ([A-Z0-9]{6})`).FindStringSubmatch(m["text"].(string)); c != nil {
				code = c[1]
			}
		}
	}
	if code == "" {
		t.Fatal("no invite code reached the chat")
	}
	b, convB := guest(t)
	if res := b.do("POST", "/v1/conversations/"+convB+"/messages", map[string]any{"client_message_id": "j1", "text": "kode " + code}); res.Status != 200 {
		t.Fatalf("join: %d %s", res.Status, res.Body)
	}
	return a, b, opp
}

// TestExportHoldsOnlyTheYoungPersonsOwnLeads: the sender's export says a
// friend joined but not who; the friend's export holds the lead they
// joined, and nothing of the sender.
func TestExportHoldsOnlyTheYoungPersonsOwnLeads(t *testing.T) {
	const nickname, wish = "Zulema", "Vi glæder os begge zq-wish-marker"
	sender, friend, opp := leadWithFriend(t, nickname, wish)
	senderID := tokenClaims(t, sender.token)["sub"].(string)
	friendID := tokenClaims(t, friend.token)["sub"].(string)

	res := sender.do("GET", "/v1/me/export", nil)
	if res.Status != 200 {
		t.Fatalf("sender's export: %d %s", res.Status, res.Body)
	}
	if strings.Contains(string(res.Body), friendID) {
		t.Error("the sender's export holds the friend's user id")
	}
	sent := res.json(t)["leads"].([]any)
	if len(sent) != 1 {
		t.Fatalf("the sender's export has %d leads, want 1", len(sent))
	}
	lead := sent[0].(map[string]any)
	if lead["friends"] != float64(1) || lead["opportunity_id"] != opp {
		t.Errorf("the sender's lead says friends = %v for %v; want 1 for %s", lead["friends"], lead["opportunity_id"], opp)
	}
	if _, ok := lead["friend_ids"]; ok {
		t.Error("the sender's lead still has friend_ids")
	}

	res = friend.do("GET", "/v1/me/export", nil)
	if res.Status != 200 {
		t.Fatalf("friend's export: %d %s", res.Status, res.Body)
	}
	for _, theirs := range []string{senderID, nickname, wish} {
		if strings.Contains(string(res.Body), theirs) {
			t.Errorf("the friend's export holds the sender's %q", theirs)
		}
	}
	export := res.json(t)
	joined, _ := export["joined_leads"].([]any)
	if len(joined) != 1 {
		t.Fatalf("the friend's export has %d joined leads, want 1: %s", len(joined), res.Body)
	}
	j := joined[0].(map[string]any)
	if j["id"] != lead["id"] || j["opportunity_id"] != opp || j["status"] != "new" || j["organisation_name"] == "" {
		t.Errorf("joined lead = %v; want lead %v at %s", j, lead["id"], opp)
	}
	if own, _ := export["leads"].([]any); len(own) != 0 {
		t.Errorf("the friend's export lists %d leads of their own, want none", len(own))
	}
}

// TestExportSaysACaseExistsButNotWhatStaffWrote: a minor's disclosure opens
// a case; an officer takes it on, writes a note and closes it. The minor's
// export says the case exists, its kinds, status and times — and holds
// neither the note, the officer's id nor the outcome.
func TestExportSaysACaseExistsButNotWhatStaffWrote(t *testing.T) {
	const noteText = "talt med skolens AKT-lærer zq-export-note"
	officer, officerID := staffMember(t, api.RoleSafeguarding, "")
	minor, conv := guest(t)
	say(t, minor, conv, "m1", "jeg er 15")
	say(t, minor, conv, "m2", "jeg kan godt lide dyr")
	say(t, minor, conv, "m3", "min far slår mig når han er fuld")
	var caseID string
	for deadline := time.Now().Add(5 * time.Second); caseID == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cases := casesOf(t, officer, conv); len(cases) == 1 {
			caseID = cases[0]["id"].(string)
		}
	}
	if caseID == "" {
		t.Fatal("the disclosure opened no case")
	}
	path := "/v1/safeguarding/cases/" + caseID
	for _, step := range []struct {
		path string
		body any
	}{{path + "/acknowledge", nil}, {path + "/notes", map[string]string{"text": noteText}},
		{path + "/close", map[string]string{"outcome": "notified_municipality"}}} {
		if res := officer.do("POST", step.path, step.body); res.Status != 200 {
			t.Fatalf("%s: %d %s", step.path, res.Status, res.Body)
		}
	}

	res := minor.do("GET", "/v1/me/export", nil)
	if res.Status != 200 {
		t.Fatalf("export: %d %s", res.Status, res.Body)
	}
	for what, secret := range map[string]string{"the note": noteText, "the officer's id": officerID, "the outcome": "notified_municipality"} {
		if strings.Contains(string(res.Body), secret) {
			t.Errorf("the export holds %s (%q)", what, secret)
		}
	}
	cases, _ := res.json(t)["safeguarding_cases"].([]any)
	if len(cases) != 1 {
		t.Fatalf("the export has %d cases, want 1: %s", len(cases), res.Body)
	}
	c := cases[0].(map[string]any)
	kinds, _ := c["kinds"].([]any)
	if c["id"] != caseID || c["status"] != "closed" || len(kinds) == 0 || kinds[0] != "violence" ||
		c["raised_at"] == nil || c["acknowledged_at"] == nil || c["closed_at"] == nil {
		t.Errorf("exported case = %v; want it closed, of kind violence, with its times", c)
	}
	for _, hidden := range []string{"notes", "outcome", "acknowledged_by", "closed_by", "messages", "user_id"} {
		if _, ok := c[hidden]; ok {
			t.Errorf("the exported case has %q", hidden)
		}
	}
}
