package api_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/schools"
)

// pupil joins a class by its code and answers until suggestions, going
// with the class.
func pupil(t *testing.T, code, text string) (*client, string) {
	t.Helper()
	c := &client{t: t, base: testApp(t)}
	res := c.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"})
	if res.Status != 201 {
		t.Fatalf("guest: %d %s", res.Status, res.Body)
	}
	c.token = res.json(t)["access_token"].(string)
	res = c.do("POST", "/v1/conversations", map[string]any{"join_code": strings.ToLower(code)})
	if res.Status != 201 {
		t.Fatalf("join with %s: %d %s", code, res.Status, res.Body)
	}
	body := res.json(t)
	conv := body["conversation_id"].(string)
	if s, _ := body["session"].(map[string]any); s == nil || s["title"] != "8.B Frivillig Fredag" {
		t.Fatalf("joining says no class: %v", body["session"])
	}
	if !strings.Contains(string(res.Body), "ser kun tal for hele klassen") {
		t.Fatalf("the pupil is not told what the teacher sees:\n%s", res.Body)
	}
	if text == "" {
		return c, conv
	}
	path := "/v1/conversations/" + conv + "/messages"
	n := 0
	send := func(field, value string) response {
		n++
		r := c.do("POST", path, map[string]any{"client_message_id": fmt.Sprint(n), field: value})
		if r.Status != 200 {
			t.Fatalf("%s %q: %d %s", field, value, r.Status, r.Body)
		}
		return r
	}
	send("text", text)
	send("choice", "commitment:any")
	if r := send("text", "hvad ved du om mig?"); !strings.Contains(string(r.Body), "with_class") {
		t.Fatalf("the group question offers no \"Med klassen\":\n%s", r.Body)
	}
	if r := send("choice", "with_class"); !strings.Contains(string(r.Body), `"opportunity_id"`) {
		t.Fatalf("going with the class reached no cards:\n%s", r.Body)
	}
	return c, conv
}

func count(t *testing.T, v any) int {
	t.Helper()
	f, ok := v.(float64)
	if !ok {
		t.Fatalf("count %v is hidden or missing", v)
	}
	return int(f)
}

// TestAClassOnboardsTogether follows a class session: the teacher opens it,
// pupils join by code and reach suggestions going with the class, and the
// teacher sees totals only — counts under 5 hidden, a pupil who leaves no
// longer counted — and a class plan with outings for the whole class.
func TestAClassOnboardsTogether(t *testing.T) {
	teacher, _ := staffMember(t, api.RoleFacilitator, "")
	res := teacher.do("POST", "/v1/sessions", map[string]any{"title": "8.B Frivillig Fredag", "postcode": "8000", "class_size": 26})
	if res.Status != 201 {
		t.Fatalf("create session: %d %s", res.Status, res.Body)
	}
	ses := res.json(t)
	id, code := ses["id"].(string), ses["join_code"].(string)
	if len(code) != schools.CodeLength || strings.Trim(code, schools.CodeAlphabet) != "" {
		t.Errorf("join code %q is not %d characters without look-alikes", code, schools.CodeLength)
	}
	if !strings.HasSuffix(ses["join_url"].(string), "/?join="+code) {
		t.Errorf("join_url %v does not carry the code", ses["join_url"])
	}
	qr := teacher.do("GET", "/v1/sessions/"+id+"/qr.svg", nil)
	if qr.Status != 200 || !strings.HasPrefix(qr.Header.Get("Content-Type"), "image/svg+xml") || !strings.HasPrefix(string(qr.Body), "<svg") {
		t.Errorf("qr.svg: %d %s %.60s", qr.Status, qr.Header.Get("Content-Type"), qr.Body)
	}

	// Nobody else sees the session: another teacher gets 404, a pupil 403.
	other, _ := staffMember(t, api.RoleFacilitator, "")
	for _, path := range []string{"/v1/sessions/" + id, "/v1/sessions/" + id + "/summary", "/v1/sessions/" + id + "/qr.svg"} {
		if r := other.do("GET", path, nil); r.Status != 404 {
			t.Errorf("another facilitator GET %s: %d, want 404", path, r.Status)
		}
	}
	if list := other.do("GET", "/v1/sessions", nil).json(t)["sessions"].([]any); len(list) != 0 {
		t.Errorf("another facilitator lists %d sessions", len(list))
	}
	youth, _ := guest(t)
	if r := youth.do("GET", "/v1/sessions/"+id, nil); r.Status != 403 {
		t.Errorf("a young person GET the session: %d, want 403", r.Status)
	}
	if r := youth.do("POST", "/v1/conversations", map[string]any{"join_code": "ZZZZ222"}); r.Status != 404 {
		t.Errorf("a wrong code: %d %s, want 404", r.Status, r.Body)
	}

	summary := func() map[string]any {
		t.Helper()
		r := teacher.do("GET", "/v1/sessions/"+id+"/summary", nil)
		if r.Status != 200 {
			t.Fatalf("summary: %d %s", r.Status, r.Body)
		}
		return r.json(t)
	}

	// Four pupils: every count is hidden.
	var convs []string
	for range 4 {
		_, conv := pupil(t, code, "jeg er 14, bor i 8000, elsker dyr og har tid i weekenden")
		convs = append(convs, conv)
	}
	s := summary()
	for _, k := range []string{"joined", "reached_suggestions", "chose_first_step"} {
		if s[k] != nil {
			t.Errorf("with four pupils %s = %v, want hidden", k, s[k])
		}
	}
	for _, c := range s["interests"].([]any) {
		if n := c.(map[string]any)["count"]; n != nil {
			t.Errorf("with four pupils an interest count shows: %v", c)
		}
	}

	// Six pupils: the totals show, and nothing points at a pupil.
	leaver, leaverConv := pupil(t, code, "jeg er 15, bor i 8000, elsker dyr og har tid i weekenden")
	_, conv := pupil(t, code, "jeg er 15, bor i 8000, elsker dyr og har tid i weekenden")
	convs = append(convs, leaverConv, conv)
	r := teacher.do("GET", "/v1/sessions/"+id+"/summary", nil)
	s = r.json(t)
	if count(t, s["joined"]) != 6 || count(t, s["reached_suggestions"]) != 6 {
		t.Errorf("six pupils who all reached suggestions: %v joined, %v reached", s["joined"], s["reached_suggestions"])
	}
	if s["chose_first_step"] != nil {
		t.Errorf("nobody chose a first step, yet chose_first_step = %v (0 is under 5 and must be hidden)", s["chose_first_step"])
	}
	animals := false
	for _, c := range s["interests"].([]any) {
		if m := c.(map[string]any); m["id"] == "animals" && count(t, m["count"]) == 6 {
			animals = true
		}
	}
	if !animals {
		t.Errorf("interest totals lack animals: %v", s["interests"])
	}
	for _, c := range convs {
		if strings.Contains(string(r.Body), c) {
			t.Errorf("the summary names a pupil's conversation %s", c)
		}
	}
	if strings.Contains(string(r.Body), "jeg er 15") {
		t.Error("the summary holds a pupil's words")
	}
	plan := s["plan"].(map[string]any)
	if top := plan["top_interests"].([]any); len(top) == 0 || top[0].(map[string]any)["id"] != "animals" {
		t.Errorf("top interests %v, want animals first", top)
	}
	outings := plan["outings"].([]any)
	if len(outings) != schools.Outings {
		t.Errorf("the class plan has %d outings, want %d", len(outings), schools.Outings)
	}
	for _, o := range outings {
		o := o.(map[string]any)
		// Six joined so far, but the plan is for the class of 26.
		if count(t, o["group_size"]) < 26 || o["first_step"].(map[string]any)["starts_at"] == nil {
			t.Errorf("outing %v takes fewer than the class or has no date", o["title"])
			continue
		}
		// The pupils said weekends, but a class goes out on a school day.
		at, _ := time.Parse(time.RFC3339, o["first_step"].(map[string]any)["starts_at"].(string))
		if !schools.SchoolDay(at) {
			t.Errorf("outing %v starts on %s, not a school day", o["title"], at.Format("Mon 2 Jan"))
		}
	}
	follow, err := time.Parse(time.DateOnly, fmt.Sprint(plan["follow_up_on"]))
	if err != nil || !schools.SchoolDay(follow) {
		t.Errorf("the class plan's follow-up on %v is not a school day", plan["follow_up_on"])
	}

	// A pupil who leaves takes their counts with them.
	lr := leaver.do("POST", "/v1/conversations/"+leaverConv+"/messages", map[string]any{"client_message_id": "leave", "choice": "leave_class"})
	if lr.Status != 200 || !strings.Contains(string(lr.Body), "ikke længere med i klassens tal") {
		t.Fatalf("leaving the class: %d %s", lr.Status, lr.Body)
	}
	if n := count(t, summary()["joined"]); n != 5 {
		t.Errorf("after one left, joined = %d, want 5", n)
	}
}
