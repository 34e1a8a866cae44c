package api_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/match"
)

// Issue 12, item 7: input accepted too freely. NUL, right-to-left overrides
// and zero-width characters were kept in messages, nicknames and staff
// names, and opportunity texts had no length limits (a 1,000,000-character
// title came in through CSV).

const (
	rlo  = "\u202E" // right-to-left override
	zwsp = "\u200B" // zero-width space
)

func TestMessageWithNULIsRefused(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	before := len(messages(t, c.do("GET", path, nil)))
	for name, body := range map[string]string{
		"NUL in the text":              `{"client_message_id":"a","text":"hej\u0000med dig"}`,
		"NUL in the client message id": `{"client_message_id":"a\u0000b","text":"hej"}`,
		"only invisible characters":    `{"client_message_id":"a","text":"\u202e\u200b\ufeff"}`,
	} {
		res := c.do("POST", path, body)
		if res.Status != 400 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%s: %d %s, want a 400 problem", name, res.Status, res.Body)
		}
	}
	if after := len(messages(t, c.do("GET", path, nil))); after != before {
		t.Errorf("refused messages were stored: %d before, %d after", before, after)
	}
}

func TestMessageLosesInvisibleCharacters(t *testing.T) {
	c, conv := guest(t)
	path := "/v1/conversations/" + conv + "/messages"
	typed := "hej" + rlo + " jeg er 16" + zwsp + " 🧑🏽\u200D💻"
	res := c.do("POST", path, map[string]string{"client_message_id": "m1", "text": typed})
	if res.Status != 200 {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	var stored string
	for _, m := range messages(t, c.do("GET", path, nil)) {
		if m["client_message_id"] == "m1" {
			stored = m["text"].(string)
		}
	}
	if want := "hej jeg er 16 🧑🏽\u200D💻"; stored != want {
		t.Errorf("stored %q, want %q", stored, want)
	}
}

// A zero-width space inside a word hid it from the crisis reading; the
// bot now answers it as it answers the word written plainly.
func TestZeroWidthCannotHideACrisis(t *testing.T) {
	answer := func(text string) string {
		c, conv := guest(t)
		return texts(chat(t, c, conv, map[string]any{"text": text}))
	}
	plain, hidden := answer("jeg vil begå selvmord"), answer("jeg vil begå selv"+zwsp+"mord")
	if plain != hidden {
		t.Errorf("the hidden word gets another answer:\nplain:  %s\nhidden: %s", plain, hidden)
	}
}

func TestOpportunityTextsAreLimited(t *testing.T) {
	orgID, staff := newOrganisation(t, "Hundene i Odense")
	path := "/v1/orgs/" + orgID + "/opportunities/opp-" + strings.TrimPrefix(orgID, "org-") + "-hundetur"
	for name, tc := range map[string]struct {
		title string
		want  string
	}{
		"a title one too long": {strings.Repeat("ø", 121), "title: is 121 characters long; keep it to 120"},
		"NUL in the title":     {"Hunde\x00tur", "title: holds a NUL character"},
		"a line break":         {"Hunde\ntur", "title: holds a line break"},
	} {
		res := staff.do("PUT", path, dogWalk(tc.title))
		if res.Status != 422 || !strings.Contains(res.json(t)["detail"].(string), tc.want) {
			t.Errorf("%s: %d %s, want 422 with %q", name, res.Status, res.Body, tc.want)
		}
	}
	if res := staff.do("PUT", path, dogWalk(strings.Repeat("ø", 120))); res.Status != 201 {
		t.Errorf("a title of 120 characters: %d %s", res.Status, res.Body)
	}
}

func TestImportRejectsAMillionCharacterTitleByRow(t *testing.T) {
	orgID, staff := newOrganisation(t, "Hundene i Vejle")
	file := "id;title;summary;interests;commitment;weekly;min_age;postcode;first_step_what;first_step_where;first_step_contact\n" +
		"kaempe;" + strings.Repeat("x", 1_000_000) + ";Gå tur.;animals;recurring;lør 10:00-12:00;15;7100;Kom;Internatet;Spørg efter Sara\n" +
		"nul;Luft hunde;Gå\x00 tur.;animals;recurring;lør 10:00-12:00;15;7100;Kom;Internatet;Spørg efter Sara\n" +
		"skjult;Luft" + rlo + " hunde" + zwsp + ";Gå tur.;animals;recurring;lør 10:00-12:00;15;7100;Kom;Internatet;Spørg efter \u2066Sara\u2069\n"
	res := staff.upload("/v1/orgs/"+orgID+"/opportunities/import", "text/csv", []byte(file))
	rep := decodeReport(t, res)
	if rep.Created != 1 || rep.Rejected != 2 {
		t.Fatalf("report %+v", rep)
	}
	for i, want := range []string{"title: is 1000000 characters long; keep it to 120", "summary: holds a NUL character; remove it"} {
		if got := strings.Join(rep.Rows[i].Errors, "; "); got != want {
			t.Errorf("row %d: %q, want %q", rep.Rows[i].Row, got, want)
		}
	}
	if len(res.Body) > 2000 {
		t.Errorf("the report is %d bytes: it quotes the title", len(res.Body))
	}
	o := staff.do("GET", "/v1/orgs/"+orgID+"/opportunities", nil).json(t)["opportunities"].([]any)
	if len(o) != 1 {
		t.Fatalf("stored %v", o)
	}
	got := o[0].(map[string]any)
	if got["title"] != "Luft hunde" || got["first_step"].(map[string]any)["contact"] != "Spørg efter Sara" {
		t.Errorf("stored %v", got)
	}
}

func TestLeadThreadLosesInvisibleCharactersAndRefusesNUL(t *testing.T) {
	t.Parallel()
	srv := startLeadServer(t)
	admin := srv.staff(t, api.RoleAdmin, "", "admin@example.dk")
	res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": "Poterne i Aarhus"})
	orgID := res.json(t)["id"].(string)
	staff := srv.staff(t, api.RoleOrgStaff, orgID, "sa"+rlo+"ra@poterne.example.dk")
	rep := decodeReport(t, staff.upload("/v1/orgs/"+orgID+"/opportunities/import", "text/csv", []byte(weekendDogs)))
	if rep.Created != 1 {
		t.Fatalf("import %+v", rep)
	}
	oppID := rep.Rows[0].ID
	waitForCatalog(t, srv.app.Catalog, oppID, func(o *match.Opportunity, found bool) bool { return found && o.Published })

	youth, conv, _ := srv.guest(t)
	chat(t, youth, conv, map[string]any{"text": "jeg er 17, bor i 8000, dyr, weekender, bare én gang, med en ven"})
	chat(t, youth, conv, map[string]any{"choice": "want:" + oppID})
	chat(t, youth, conv, map[string]any{"text": "So" + zwsp + "fie" + rlo})
	chat(t, youth, conv, map[string]any{"choice": "lead_send:" + oppID})
	var inbox struct{ Leads []map[string]any }
	deadline := time.Now().Add(10 * time.Second)
	for {
		if err := json.Unmarshal(staff.do("GET", "/v1/orgs/"+orgID+"/leads", nil).Body, &inbox); err == nil && len(inbox.Leads) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no lead in the inbox")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if nick := inbox.Leads[0]["shared"].(map[string]any)["nickname"]; nick != "Sofie" {
		t.Errorf("the organisation is told the nickname %q, want %q", nick, "Sofie")
	}
	leadID := inbox.Leads[0]["id"].(string)
	staffPath := "/v1/orgs/" + orgID + "/leads/" + leadID + "/messages"
	youthPath := "/v1/leads/" + leadID + "/messages"

	if res := staff.do("POST", staffPath, `{"text":"Hej\u0000Sofie"}`); res.Status != 400 {
		t.Errorf("staff message with NUL: %d %s, want 400", res.Status, res.Body)
	}
	if res := youth.do("POST", youthPath, `{"text":"Hej\u0000Sara"}`); res.Status != 400 {
		t.Errorf("young person's message with NUL: %d %s, want 400", res.Status, res.Body)
	}
	res = staff.do("POST", staffPath, map[string]string{"text": "Hej" + rlo + " Sofie" + zwsp + ", velkommen!"})
	if res.Status != 200 {
		t.Fatalf("staff message: %d %s", res.Status, res.Body)
	}
	thread := res.json(t)["thread"].([]any)
	last := thread[len(thread)-1].(map[string]any)
	if last["text"] != "Hej Sofie, velkommen!" || last["name"] != "sara" {
		t.Errorf("the thread shows %q from %q, want %q from %q", last["text"], last["name"], "Hej Sofie, velkommen!", "sara")
	}
}
