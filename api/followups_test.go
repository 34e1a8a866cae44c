package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

// TestCheckInsArePlannedWhenALeadIsSent: a 17-year-old sends a lead from
// the chat; GET /v1/me/followups lists the day-before and day-after
// check-ins for it, outside quiet hours, their lead shows its bridge stage
// and first step to them and to the organisation, and PUT turns the
// check-ins off and on again.
func TestCheckInsArePlannedWhenALeadIsSent(t *testing.T) {
	t.Parallel()
	srv := startLeadServer(t)
	admin := srv.staff(t, api.RoleAdmin, "", "admin@example.dk")
	res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": "Poterne i Aarhus"})
	if res.Status != 201 {
		t.Fatalf("create organisation: %d %s", res.Status, res.Body)
	}
	orgID := res.json(t)["id"].(string)
	staff := srv.staff(t, api.RoleOrgStaff, orgID, "sara@poterne.example.dk")
	rep := decodeReport(t, staff.upload("/v1/orgs/"+orgID+"/opportunities/import", "text/csv", []byte(weekendDogs)))
	oppID := rep.Rows[0].ID
	waitForCatalog(t, srv.app.Catalog, oppID, func(o *match.Opportunity, found bool) bool { return found && o.Published })

	youth, conv, _ := srv.guest(t)
	if got := youth.do("GET", "/v1/me/followups", nil).json(t); got["enabled"] != true || len(got["planned"].([]any)) != 0 {
		t.Errorf("before any lead: %v", got)
	}
	chat(t, youth, conv, map[string]any{"text": "jeg er 17, bor i 8000, dyr, weekender, bare én gang, med en ven"})
	chat(t, youth, conv, map[string]any{"choice": "want:" + oppID})
	chat(t, youth, conv, map[string]any{"text": "Sofie"})
	if replies := chat(t, youth, conv, map[string]any{"choice": "lead_send:" + oppID}); !strings.Contains(texts(replies), "Sendt") {
		t.Fatalf("not sent:\n%s", texts(replies))
	}

	got := youth.do("GET", "/v1/me/followups", nil).json(t)
	planned := map[string]time.Time{}
	for _, p := range got["planned"].([]any) {
		p := p.(map[string]any)
		if p["opportunity_id"] != oppID {
			t.Errorf("planned for %v, want %s", p["opportunity_id"], oppID)
		}
		at, err := time.Parse(time.RFC3339, p["due_at"].(string))
		if err != nil {
			t.Fatal(err)
		}
		if followups.Quiet(at, true) {
			t.Errorf("%v planned in a 17-year-old's quiet hours: %s", p["kind"], at.In(match.Copenhagen))
		}
		planned[p["kind"].(string)] = at
	}
	if _, ok := planned["after"]; !ok || len(planned) > 2 {
		t.Fatalf("planned %v, want the day after (and the day before unless the step is within hours) of a one-off task", got)
	}

	mine := youth.do("GET", "/v1/me/leads", nil).json(t)["leads"].([]any)[0].(map[string]any)
	step, _ := mine["first_step"].(map[string]any)
	if mine["bridge_stage"] != "knows_how" || len(mine["bridge_stages"].([]any)) != 2 || step == nil ||
		step["what"] != "Kom til en prøvetur med en af hundene" || step["starts_at"] == nil {
		t.Errorf("the young person's lead: stage %v %v, first step %v", mine["bridge_stage"], mine["bridge_stages"], step)
	}
	starts, _ := time.Parse(time.RFC3339, step["starts_at"].(string))
	if wd := starts.In(match.Copenhagen).Weekday(); wd != time.Saturday && wd != time.Sunday {
		t.Errorf("the first step is on a %s; the task is at weekends", wd)
	}
	if !planned["after"].After(starts) {
		t.Errorf("the day-after check-in (%s) is not after the first step (%s)", planned["after"], starts)
	}
	inbox := staff.do("GET", "/v1/orgs/"+orgID+"/leads", nil).json(t)["leads"].([]any)[0].(map[string]any)
	if inbox["bridge_stage"] != "knows_how" || inbox["first_step"] == nil {
		t.Errorf("the organisation's inbox: stage %v, first step %v", inbox["bridge_stage"], inbox["first_step"])
	}

	if r := youth.do("PUT", "/v1/me/followups", map[string]any{}); r.Status != 422 || !strings.Contains(string(r.Body), "enabled") {
		t.Errorf("PUT without enabled: %d %s", r.Status, r.Body)
	}
	off := youth.do("PUT", "/v1/me/followups", map[string]any{"enabled": false}).json(t)
	if off["enabled"] != false || len(off["planned"].([]any)) != 0 {
		t.Errorf("turned off: %v", off)
	}
	if again := youth.do("GET", "/v1/me/followups", nil).json(t); again["enabled"] != false {
		t.Errorf("off does not stay off: %v", again)
	}
	on := youth.do("PUT", "/v1/me/followups", map[string]any{"enabled": true}).json(t)
	if on["enabled"] != true || len(on["planned"].([]any)) != len(planned) {
		t.Errorf("on again: %v", on)
	}
}

// noonClock runs like the machine's clock, but from noon in Copenhagen
// today, so a story never meets the quiet hours whenever it runs.
func noonClock() func() time.Time {
	real := time.Now()
	local := real.In(match.Copenhagen)
	noon := time.Date(local.Year(), local.Month(), local.Day(), 12, 0, 0, 0, match.Copenhagen)
	offset := noon.Sub(real)
	return func() time.Time { return time.Now().Add(offset) }
}

// TestNotWelcomedReachesTheOrganisationAsASignal: the day after, a young
// person answers "Jeg var der, men…". The organisation's inbox and webhook
// get the signal, never the young person's words; its welcome rate stays
// hidden under five first visits; the young person keeps the choice to
// write to them.
func TestNotWelcomedReachesTheOrganisationAsASignal(t *testing.T) {
	t.Parallel()
	now := noonClock()
	srv := startLeadServerAt(t, now)
	admin := srv.staff(t, api.RoleAdmin, "", "admin@example.dk")
	res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": "Poterne i Aarhus"})
	orgID := res.json(t)["id"].(string)
	staff := srv.staff(t, api.RoleOrgStaff, orgID, "sara@poterne.example.dk")
	orgPath := "/v1/orgs/" + orgID
	rep := decodeReport(t, staff.upload(orgPath+"/opportunities/import", "text/csv", []byte(weekendDogs)))
	oppID := rep.Rows[0].ID
	waitForCatalog(t, srv.app.Catalog, oppID, func(o *match.Opportunity, found bool) bool { return found && o.Published })
	calls := make(chan webhookCall, 100)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls <- webhookCall{header: r.Header.Clone(), body: body, at: time.Now()}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hook.Close()
	if r := staff.do("PUT", orgPath+"/webhook", map[string]string{"url": hook.URL + "/leads"}); r.Status != 200 {
		t.Fatalf("set webhook: %d %s", r.Status, r.Body)
	}

	youth, conv, youthID := srv.guest(t)
	chat(t, youth, conv, map[string]any{"text": "jeg er 17, bor i 8000, dyr, weekender, bare én gang, med en ven"})
	chat(t, youth, conv, map[string]any{"choice": "want:" + oppID})
	chat(t, youth, conv, map[string]any{"text": "Sofie"})
	chat(t, youth, conv, map[string]any{"choice": "lead_send:" + oppID})
	leadID := youth.do("GET", "/v1/me/leads", nil).json(t)["leads"].([]any)[0].(map[string]any)["id"].(string)

	// The day-after check-in falls due (here: now), and the worker says it.
	job := leads.Job{ID: "checkin:test:" + leadID, Kind: followups.Kind, DueAt: now(),
		Payload: leads.Payload{LeadID: leadID, UserID: youthID, Step: followups.After}}
	if err := srv.app.Store.EnqueueJob(context.Background(), job); err != nil {
		t.Fatal(err)
	}
	checkIn := waitForChat(t, youth, conv, "Hvordan gik det")
	if ids := replyIDs(checkIn); !slices.Equal(ids, []string{"checkin_welcomed:" + leadID, "checkin_not_welcomed:" + leadID, "checkin_missed:" + leadID}) {
		t.Fatalf("the day-after check-in offers %v", ids)
	}
	replies := chat(t, youth, conv, map[string]any{"choice": "checkin_not_welcomed:" + leadID})
	if !slices.Contains(replyIDs(replies[0]), "lead_reply:"+leadID) {
		t.Errorf("\"Jeg var der, men…\" does not offer to write to them: %v", replyIDs(replies[0]))
	}

	call, visit := waitForWebhook(t, calls, "lead.first_visit")
	var body struct {
		Event map[string]any
	}
	if err := json.Unmarshal(call.body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Event["visit"] != "not_welcomed" || body.Event["text"] != nil || visit.Lead["first_visit"] != "not_welcomed" {
		t.Errorf("the webhook says %v / %v", body.Event, visit.Lead)
	}
	lead := staff.do("GET", orgPath+"/leads/"+leadID, nil).json(t)
	if lead["first_visit"] != "not_welcomed" || lead["bridge_stage"] != "knows_how" {
		t.Errorf("the inbox shows first visit %v at %v", lead["first_visit"], lead["bridge_stage"])
	}
	r := staff.do("GET", orgPath+"/responsiveness", nil).json(t)
	if r["first_visits"] != float64(1) || r["welcomed_share"] != nil || r["min_visits"] != float64(5) {
		t.Errorf("with one first visit the welcome rate is %v of %v", r["welcomed_share"], r["first_visits"])
	}
}
