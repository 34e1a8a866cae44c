package api_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/brobygger/brobygger/api"
)

// referrerOf signs in a referrer of a new referring organisation named
// org, or of none when org is "".
func referrerOf(t *testing.T, org string) *client {
	t.Helper()
	orgID := ""
	if org != "" {
		admin, _ := staffMember(t, api.RoleAdmin, "")
		res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": org})
		if res.Status != 201 {
			t.Fatalf("create organisation: %d %s", res.Status, res.Body)
		}
		orgID = res.json(t)["id"].(string)
	}
	c, _ := staffMember(t, api.RoleReferrer, orgID)
	return c
}

// refer makes a referral and returns its id and code.
func refer(t *testing.T, referrer *client, body map[string]any) (id, code string) {
	t.Helper()
	res := referrer.do("POST", "/v1/referrals", body)
	if res.Status != 201 {
		t.Fatalf("create referral: %d %s", res.Status, res.Body)
	}
	r := res.json(t)
	return r["id"].(string), r["code"].(string)
}

// statusOf is what the referrer sees of one referral.
func statusOf(t *testing.T, referrer *client, id string) string {
	t.Helper()
	res := referrer.do("GET", "/v1/referrals/"+id, nil)
	if res.Status != 200 {
		t.Fatalf("get referral: %d %s", res.Status, res.Body)
	}
	return res.json(t)["status"].(string)
}

// referred signs a young person in and opens the referral with its code.
func referred(t *testing.T, code string) (*client, string, []map[string]any) {
	t.Helper()
	c := &client{t: t, base: testApp(t)}
	res := c.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"})
	if res.Status != 201 {
		t.Fatalf("guest: %d %s", res.Status, res.Body)
	}
	c.token = res.json(t)["access_token"].(string)
	res = c.do("POST", "/v1/conversations", map[string]any{"referral_code": code})
	if res.Status != 201 {
		t.Fatalf("open referral %s: %d %s", code, res.Status, res.Body)
	}
	return c, res.json(t)["conversation_id"].(string), messages(t, res)
}

// cardsIn returns the opportunity ids of the cards in replies.
func cardsIn(replies []map[string]any) []string {
	var ids []string
	for _, m := range replies {
		cards, _ := m["cards"].([]any)
		for _, c := range cards {
			ids = append(ids, c.(map[string]any)["opportunity_id"].(string))
		}
	}
	return ids
}

const referredProfile = "jeg er 18, bor i 2200, elsker dyr, har tid i weekenden, noget fast, alene"

// TestAReferralEndToEnd: a counsellor refers a young person, who opens
// the code, says the counsellor may follow along and goes on to a lead;
// the counsellor sees each coarse step and nothing else, the young
// person's export says who referred them, and erasing the young person
// leaves the counsellor with not_shared.
func TestAReferralEndToEnd(t *testing.T) {
	counsellor := referrerOf(t, "UU Aarhus")
	res := counsellor.do("POST", "/v1/referrals", map[string]any{"reason": "wants_experience",
		"note_to_youth": "Godt at du vil prøve noget nyt – fortæl mig gerne, hvordan det går."})
	if res.Status != 201 {
		t.Fatalf("create referral: %d %s", res.Status, res.Body)
	}
	created := res.json(t)
	id, code := created["id"].(string), created["code"].(string)
	if len(code) != 8 || created["link"] != testApp(t)+"/?ref="+code || created["status"] != "not_opened" || created["reason"] != "wants_experience" {
		t.Fatalf("created referral = %v", created)
	}
	if got := statusOf(t, counsellor, id); got != "not_opened" {
		t.Errorf("before the code is opened: %s", got)
	}

	youth, conv, opened := referred(t, strings.ToLower(code[:4])+"-"+code[4:])
	first := opened[len(opened)-1]
	for _, want := range []string{"UU Aarhus har sendt dig hertil", "«Godt at du vil prøve noget nyt – fortæl mig gerne, hvordan det går.»",
		"aldrig hvad du skriver, hvad du interesserer dig for eller hvor du bor"} {
		if !strings.Contains(first["text"].(string), want) {
			t.Errorf("the referral's first message lacks %q:\n%s", want, first["text"])
		}
	}
	if ids := replyIDs(first); !reflect.DeepEqual(ids, []string{"referral_share:yes", "referral_share:no"}) {
		t.Fatalf("quick replies %v, want exactly referral_share:yes and referral_share:no", ids)
	}
	if got := statusOf(t, counsellor, id); got != "not_shared" {
		t.Errorf("opened, not answered yet: %s, want not_shared", got)
	}

	steps := []struct {
		say  map[string]any
		want string
	}{
		{map[string]any{"choice": "referral_share:yes"}, "opened"},
		{map[string]any{"text": referredProfile}, "suggestions_seen"},
	}
	var cards []string
	for _, s := range steps {
		replies := chat(t, youth, conv, s.say)
		cards = append(cards, cardsIn(replies)...)
		if got := statusOf(t, counsellor, id); got != s.want {
			t.Errorf("after %v: %s, want %s", s.say, got, s.want)
		}
	}
	if len(cards) == 0 {
		t.Fatal("no cards")
	}
	opp := cards[0]
	chat(t, youth, conv, map[string]any{"choice": "want:" + opp})
	if got := statusOf(t, counsellor, id); got != "first_step_chosen" {
		t.Errorf("after Det vil jeg gerne: %s", got)
	}
	chat(t, youth, conv, map[string]any{"text": "Sofie"})
	chat(t, youth, conv, map[string]any{"choice": "lead_send:" + opp})
	if got := statusOf(t, counsellor, id); got != "lead_sent" {
		t.Errorf("after sending the lead: %s", got)
	}

	// The organisation marks the lead started.
	var mine struct {
		Leads []map[string]any `json:"leads"`
	}
	if err := json.Unmarshal(youth.do("GET", "/v1/me/leads", nil).Body, &mine); err != nil || len(mine.Leads) != 1 {
		t.Fatalf("the young person's leads: %v %v", mine.Leads, err)
	}
	orgID, leadID := mine.Leads[0]["organisation_id"].(string), mine.Leads[0]["id"].(string)
	staff, _ := staffMember(t, api.RoleOrgStaff, orgID)
	if res := staff.do("POST", "/v1/orgs/"+orgID+"/leads/"+leadID+"/status", map[string]string{"status": "started"}); res.Status != 200 {
		t.Fatalf("mark started: %d %s", res.Status, res.Body)
	}
	if got := statusOf(t, counsellor, id); got != "started" {
		t.Errorf("after the organisation marked it started: %s", got)
	}

	// Nothing of the young person reaches the counsellor.
	list := counsellor.do("GET", "/v1/referrals", nil)
	youthID := tokenClaims(t, youth.token)["sub"].(string)
	for _, private := range []string{youthID, conv, opp, leadID, orgID, "Sofie", "2200", "animals", "dyr", "18"} {
		if strings.Contains(string(list.Body), `"`+private) {
			t.Errorf("the counsellor's list holds %q:\n%s", private, list.Body)
		}
	}

	// The young person's export says who referred them and that they share.
	var export struct {
		Conversation struct {
			State struct {
				Referral map[string]any `json:"referral"`
			} `json:"state"`
		} `json:"conversation"`
	}
	if err := json.Unmarshal(youth.do("GET", "/v1/me/export", nil).Body, &export); err != nil {
		t.Fatal(err)
	}
	if r := export.Conversation.State.Referral; r["by"] != "UU Aarhus" || r["share"] != true || r["id"] != id {
		t.Errorf("the export's referral = %v", r)
	}

	if res := youth.do("DELETE", "/v1/me", nil); res.Status != 204 {
		t.Fatalf("erase: %d %s", res.Status, res.Body)
	}
	if got := statusOf(t, counsellor, id); got != "not_shared" {
		t.Errorf("after the young person was erased: %s, want not_shared", got)
	}
	if res := youth.do("POST", "/v1/conversations", map[string]any{"referral_code": code}); res.Status != 401 {
		t.Errorf("the erased young person's token: %d", res.Status)
	}
	other := &client{t: t, base: testApp(t)}
	other.token = other.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"}).json(t)["access_token"].(string)
	if res := other.do("POST", "/v1/conversations", map[string]any{"referral_code": code}); res.Status != 409 {
		t.Errorf("a code whose young person was erased opens for another: %d %s", res.Status, res.Body)
	}
}

// TestAReferralSaidNo: a young person who says no is not_shared
// throughout, and their conversation goes on exactly as a young person's
// who said yes, but for the one line that answers them.
func TestAReferralSaidNo(t *testing.T) {
	referrer := referrerOf(t, "")
	yesID, yesCode := refer(t, referrer, map[string]any{"reason": "loneliness"})
	noID, noCode := refer(t, referrer, map[string]any{"reason": "loneliness"})
	yes, yesConv, yesOpened := referred(t, yesCode)
	no, noConv, noOpened := referred(t, noCode)
	if !strings.Contains(texts(noOpened), "En fagperson har sendt dig hertil") {
		t.Errorf("a referrer without an organisation is not 'en fagperson':\n%s", texts(noOpened))
	}
	if texts(yesOpened) != texts(noOpened) {
		t.Errorf("the two referrals opened differently:\n%s\n%s", texts(yesOpened), texts(noOpened))
	}
	yesAck := chat(t, yes, yesConv, map[string]any{"choice": "referral_share:yes"})
	noAck := chat(t, no, noConv, map[string]any{"choice": "referral_share:no"})
	if len(yesAck) != 1 || len(noAck) != 1 || !reflect.DeepEqual(replyIDs(yesAck[0]), replyIDs(noAck[0])) {
		t.Errorf("yes and no are answered differently beyond one line:\n%v\n%v", yesAck, noAck)
	}
	if got := statusOf(t, referrer, noID); got != "not_shared" {
		t.Errorf("after no: %s", got)
	}
	var opp string
	for i, say := range []map[string]any{{"text": referredProfile}, {"choice": "want"}, {"text": "Sofie"}, {"choice": "lead_send"}} {
		if opp != "" && say["choice"] != nil {
			say["choice"] = say["choice"].(string) + ":" + opp
		}
		a := chat(t, yes, yesConv, copyOf(say))
		b := chat(t, no, noConv, copyOf(say))
		if i == 0 {
			if ids := cardsIn(a); len(ids) > 0 {
				opp = ids[0]
			}
		}
		if sa, sb := shape(a), shape(b); sa != sb {
			t.Errorf("after %v the conversations differ:\nyes: %s\n no: %s", say, sa, sb)
		}
		if got := statusOf(t, referrer, noID); got != "not_shared" {
			t.Errorf("after %v: %s, want not_shared", say, got)
		}
	}
	if got := statusOf(t, referrer, yesID); got != "lead_sent" {
		t.Errorf("the one who said yes: %s, want lead_sent", got)
	}
}

func copyOf(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// shape is what a young person sees of replies: texts, quick replies and cards.
func shape(ms []map[string]any) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m["text"].(string))
		b.WriteString(strings.Join(replyIDs(m), ","))
		b.WriteString(strings.Join(cardsIn([]map[string]any{m}), ","))
		b.WriteString("\n")
	}
	return b.String()
}

// TestStopSharing: "stop deling" after yes hides the progress at once,
// "start deling" shows it again.
func TestStopSharing(t *testing.T) {
	referrer := referrerOf(t, "")
	id, code := refer(t, referrer, map[string]any{"reason": "school_absence"})
	youth, conv, _ := referred(t, code)
	chat(t, youth, conv, map[string]any{"choice": "referral_share:yes"})
	chat(t, youth, conv, map[string]any{"text": referredProfile})
	if got := statusOf(t, referrer, id); got != "suggestions_seen" {
		t.Fatalf("after cards: %s", got)
	}
	stopped := chat(t, youth, conv, map[string]any{"text": "stop deling"})
	if len(stopped) == 0 || !strings.Contains(stopped[0]["text"].(string), "De kan ikke længere se") {
		t.Errorf("stop deling is answered %q", texts(stopped))
	}
	if got := statusOf(t, referrer, id); got != "not_shared" {
		t.Errorf("after stop deling: %s, want not_shared", got)
	}
	chat(t, youth, conv, map[string]any{"text": "start deling"})
	if got := statusOf(t, referrer, id); got != "suggestions_seen" {
		t.Errorf("after start deling: %s", got)
	}
}

// TestReferralCodeTypedInTheChat: a young person already chatting types
// the code; a second young person with the same code is refused kindly.
func TestReferralCodeTypedInTheChat(t *testing.T) {
	referrer := referrerOf(t, "Jobcenter Vest")
	id, code := refer(t, referrer, map[string]any{"reason": "new_in_denmark"})
	youth, conv := guest(t)
	chat(t, youth, conv, map[string]any{"text": "kode " + code[:4] + " " + code[4:]})
	asked := waitForChat(t, youth, conv, "Jobcenter Vest har sendt dig hertil")
	if ids := replyIDs(asked); !reflect.DeepEqual(ids, []string{"referral_share:yes", "referral_share:no"}) {
		t.Fatalf("quick replies %v", ids)
	}
	chat(t, youth, conv, map[string]any{"choice": "referral_share:yes"})
	if got := statusOf(t, referrer, id); got != "opened" {
		t.Errorf("after yes: %s", got)
	}

	late, lateConv := guest(t)
	chat(t, late, lateConv, map[string]any{"text": code})
	waitForChat(t, late, lateConv, "allerede brugt af en anden")
	if res := late.do("POST", "/v1/conversations", map[string]any{"referral_code": code}); res.Status != 409 {
		t.Errorf("a code another young person opened: %d %s", res.Status, res.Body)
	}
	if res := late.do("POST", "/v1/conversations", map[string]any{"referral_code": "ZZZZ2222"}); res.Status != 404 {
		t.Errorf("an unknown code: %d %s", res.Status, res.Body)
	}
	if res := late.do("POST", "/v1/conversations", map[string]any{"referral_code": code, "join_code": "K7M4XQ2"}); res.Status != 400 {
		t.Errorf("both codes at once: %d %s", res.Status, res.Body)
	}
	if got := statusOf(t, referrer, id); got != "opened" {
		t.Errorf("after another young person tried the code: %s", got)
	}
}

// TestReferralsAreTheReferrersOwn: another referrer gets 404, a young
// person 403, and a referral that would carry a name or a number is
// refused with the reason.
func TestReferralsAreTheReferrersOwn(t *testing.T) {
	a, b := referrerOf(t, ""), referrerOf(t, "")
	id, _ := refer(t, a, map[string]any{"reason": "other"})
	if res := b.do("GET", "/v1/referrals/"+id, nil); res.Status != 404 {
		t.Errorf("another referrer's referral: %d", res.Status)
	}
	if res := b.do("GET", "/v1/referrals", nil); res.Status != 200 || strings.Contains(string(res.Body), id) {
		t.Errorf("another referrer's list: %d %s", res.Status, res.Body)
	}
	youth, _ := guest(t)
	for _, call := range []struct{ method, path string }{{"GET", "/v1/referrals"}, {"GET", "/v1/referrals/" + id}, {"POST", "/v1/referrals"}} {
		if res := youth.do(call.method, call.path, map[string]any{"reason": "other"}); res.Status != 403 {
			t.Errorf("youth %s %s: %d", call.method, call.path, res.Status)
		}
	}
	for _, tc := range []struct {
		body map[string]any
		says string
	}{
		{map[string]any{"reason": "lonely"}, "reason must be one of"},
		{map[string]any{}, "reason must be one of"},
		{map[string]any{"reason": "other", "note_to_youth": "Ring til mig på 20 30 40 50"}, "phone number"},
		{map[string]any{"reason": "other", "note_to_youth": "Hej Mads 0102031234"}, "CPR number"},
		{map[string]any{"reason": "other", "note_to_youth": "skriv til mig@kommune.dk"}, "e-mail address"},
		{map[string]any{"reason": "other", "note_to_youth": strings.Repeat("a", 301)}, "at most 300"},
	} {
		res := a.do("POST", "/v1/referrals", tc.body)
		if res.Status != 422 || !strings.Contains(string(res.Body), tc.says) {
			t.Errorf("%v: %d %s, want 422 saying %q", tc.body, res.Status, res.Body, tc.says)
		}
	}
	var list struct {
		Referrals []map[string]any `json:"referrals"`
	}
	if err := json.Unmarshal(a.do("GET", "/v1/referrals", nil).Body, &list); err != nil || len(list.Referrals) != 1 {
		t.Errorf("refused referrals were stored: %v %v", list.Referrals, err)
	}
}
