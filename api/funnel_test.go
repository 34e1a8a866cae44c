package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/match"
)

// funnelCounts reads a funnel answer as "stage=count" ("?" when hidden).
func funnelCounts(t *testing.T, res response) string {
	t.Helper()
	if res.Status != 200 {
		t.Fatalf("funnel: %d %s", res.Status, res.Body)
	}
	var parts []string
	for _, s := range res.json(t)["stages"].([]any) {
		s := s.(map[string]any)
		if s["count"] == nil {
			parts = append(parts, fmt.Sprintf("%s=?", s["stage"]))
		} else {
			parts = append(parts, fmt.Sprintf("%s=%v", s["stage"], s["count"]))
		}
	}
	return strings.Join(parts, " ")
}

// TestTheFunnelCountsTheBridgeAndRevealsNobody: twelve young people chat;
// six in Aarhus choose an organisation's opportunity and send it a lead.
// The admin funnel, filtered or not, and the organisation's own show the
// counts, hide what would point at fewer than five, hold no ids, and still
// add up after one of them erases everything.
func TestTheFunnelCountsTheBridgeAndRevealsNobody(t *testing.T) {
	t.Parallel()
	srv := startLeadServer(t)
	admin := srv.staff(t, api.RoleAdmin, "", "admin@example.dk")
	res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": "Poterne i Aarhus"})
	orgID := res.json(t)["id"].(string)
	staff := srv.staff(t, api.RoleOrgStaff, orgID, "sara@poterne.example.dk")
	rep := decodeReport(t, staff.upload("/v1/orgs/"+orgID+"/opportunities/import", "text/csv", []byte(weekendDogs)))
	oppID := rep.Rows[0].ID
	waitForCatalog(t, srv.app.Catalog, oppID, func(o *match.Opportunity, found bool) bool { return found && o.Published })

	var ids []string
	var first *client
	for i := range 12 {
		youth, conv, userID := srv.guest(t)
		ids = append(ids, userID, conv)
		if i < 6 {
			chat(t, youth, conv, map[string]any{"text": "jeg er 17, bor i 8000, dyr, weekender, bare én gang, med en ven"})
			chat(t, youth, conv, map[string]any{"choice": "want:" + oppID})
			chat(t, youth, conv, map[string]any{"text": fmt.Sprintf("Sofie%d", i)})
			chat(t, youth, conv, map[string]any{"choice": "lead_send:" + oppID})
			if first == nil {
				first = youth
			}
		} else {
			chat(t, youth, conv, map[string]any{"text": "jeg er 20, bor i 2200, kultur, hverdagsaftener, noget fast, alene"})
		}
	}
	all := "conversation_started=12 suggestions_seen=12 first_step_chosen=6 lead_sent=6 welcomed=? belongs=?"
	if got := funnelCounts(t, admin.do("GET", "/v1/admin/funnel", nil)); got != all {
		t.Errorf("the funnel:\n got %s\nwant %s", got, all)
	}
	// Aarhus alone: six started and saw suggestions; all six went on.
	aarhus := "conversation_started=6 suggestions_seen=6 first_step_chosen=6 lead_sent=6 welcomed=? belongs=?"
	if got := funnelCounts(t, admin.do("GET", "/v1/admin/funnel?municipality=Aarhus&age_band=15-17", nil)); got != aarhus {
		t.Errorf("Aarhus, 15-17:\n got %s\nwant %s", got, aarhus)
	}
	// Copenhagen's 18-24s: six started, none chose, and that is hidden.
	if got := funnelCounts(t, admin.do("GET", "/v1/admin/funnel?municipality=K%C3%B8benhavn&age_band=18-24", nil)); got != "conversation_started=6 suggestions_seen=6 first_step_chosen=? lead_sent=? welcomed=? belongs=?" {
		t.Errorf("København, 18-24: %s", got)
	}
	if got := funnelCounts(t, admin.do("GET", "/v1/admin/funnel?from=2000-01-01&to=2000-12-31", nil)); strings.Contains(got, "=1") || strings.Count(got, "?") != 6 {
		t.Errorf("a year with nobody: %s", got)
	}
	org := "first_step_chosen=6 lead_sent=6 welcomed=? belongs=?"
	if got := funnelCounts(t, staff.do("GET", "/v1/orgs/"+orgID+"/funnel", nil)); got != org {
		t.Errorf("the organisation's funnel:\n got %s\nwant %s", got, org)
	}
	for path, status := range map[string]int{
		"/v1/admin/funnel?municipality=Atlantis": 422, "/v1/admin/funnel?age_band=40-50": 422,
		"/v1/admin/funnel?from=i-går": 422, "/v1/admin/funnel?from=2027-03-02&to=2027-03-01": 422,
	} {
		if r := admin.do("GET", path, nil); r.Status != status {
			t.Errorf("GET %s: %d, want %d", path, r.Status, status)
		}
	}
	if r := staff.do("GET", "/v1/admin/funnel", nil); r.Status != 403 {
		t.Errorf("organisation staff read the whole funnel: %d", r.Status)
	}

	// The events name nobody.
	dump, err := srv.app.Store.DumpJSON(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(dump["funnel_events"]) < 12*2+6*2 {
		t.Fatalf("%d funnel events stored", len(dump["funnel_events"]))
	}
	for _, d := range dump["funnel_events"] {
		for _, id := range append(ids, "Sofie") {
			if strings.Contains(d, id) {
				t.Fatalf("a funnel event holds %q: %s", id, d)
			}
		}
	}
	// Erasure takes the young person's data, not the count they are in.
	if r := first.do("DELETE", "/v1/me", nil); r.Status != 204 {
		t.Fatalf("erase: %d", r.Status)
	}
	if got := funnelCounts(t, admin.do("GET", "/v1/admin/funnel", nil)); got != all {
		t.Errorf("after an erasure:\n got %s\nwant %s", got, all)
	}
}
