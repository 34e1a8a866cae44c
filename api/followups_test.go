package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/match"
)

// TestCheckInsArePlannedWhenALeadIsSent: a 17-year-old sends a lead from
// the chat; GET /v1/me/followups lists the day-before and day-after
// check-ins for it, outside quiet hours, their lead shows its bridge stage
// and first step to them and to the organisation, and PUT turns the
// check-ins off and on again.
func TestCheckInsArePlannedWhenALeadIsSent(t *testing.T) {
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
