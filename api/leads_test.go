package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

// leadServer is a server of its own for following a lead from the chat to
// the organisation and back. Unlike the shared one its clock runs, because
// the lead worker schedules by it, and it takes plain-http webhooks, so an
// httptest server can receive them.
type leadServer struct {
	app *app.App
	url string
}

func startLeadServer(t *testing.T) *leadServer {
	t.Helper()
	return startLeadServerAt(t, nil)
}

// startMu lets one test at a time start a server of its own: the embedded
// database's start-up is not safe to run twice at once in one process,
// while the servers, once started, run side by side (the tests that start
// them are parallel).
var startMu sync.Mutex

// startLeadServerAt is startLeadServer on a clock of its own (nil: the
// machine's), for stories that must not meet quiet hours.
func startLeadServerAt(t *testing.T, now func() time.Time) *leadServer {
	t.Helper()
	startMu.Lock()
	defer startMu.Unlock()
	a, err := app.New(context.Background(), app.Config{
		Now:               now,
		CatalogRefresh:    250 * time.Millisecond,
		AllowHTTPWebhooks: true,
		DataDir:           t.TempDir(),
		MongoURI:          os.Getenv("MONGODB_URI"),
		VAPIDPublicKey:    testVAPID.PublicKey, VAPIDPrivateKey: testVAPID.PrivateKey, VAPIDSubject: testVAPID.Subject,
		Database:  fmt.Sprintf("leadtest_%d", time.Now().UnixNano()),
		JWTSecret: strings.Repeat("k", 40),
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _ = a.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if os.Getenv("MONGODB_URI") != "" {
			_ = a.Store.Drop(context.Background())
		}
		_ = a.Close(context.Background())
	})
	return &leadServer{app: a, url: "http://" + ln.Addr().String()}
}

func (s *leadServer) staff(t *testing.T, role, org, email string) *client {
	t.Helper()
	c := &client{t: t, base: s.url}
	_, password, err := api.CreateStaff(context.Background(), s.app.Store, api.NewStaff{Role: role, Email: email, OrgID: org}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	res := c.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password})
	if res.Status != 200 {
		t.Fatalf("login: %d %s", res.Status, res.Body)
	}
	c.token = res.json(t)["access_token"].(string)
	return c
}

func (s *leadServer) guest(t *testing.T) (*client, string, string) {
	t.Helper()
	c := &client{t: t, base: s.url}
	res := c.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"})
	if res.Status != 201 {
		t.Fatalf("guest: %d %s", res.Status, res.Body)
	}
	c.token = res.json(t)["access_token"].(string)
	conv := c.do("POST", "/v1/conversations", nil).json(t)["conversation_id"].(string)
	return c, conv, tokenClaims(t, c.token)["sub"].(string)
}

// chat sends one message or quick reply and returns the bot's replies.
func chat(t *testing.T, c *client, conv string, body map[string]any) []map[string]any {
	t.Helper()
	body["client_message_id"] = api.NewID()
	res := c.do("POST", "/v1/conversations/"+conv+"/messages", body)
	if res.Status != 200 {
		t.Fatalf("chat %v: %d %s", body, res.Status, res.Body)
	}
	return messages(t, res)
}

func texts(ms []map[string]any) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m["text"].(string) + "\n")
	}
	return b.String()
}

func replyIDs(m map[string]any) []string {
	var ids []string
	for _, q := range m["quick_replies"].([]any) {
		ids = append(ids, q.(map[string]any)["id"].(string))
	}
	return ids
}

// waitForChat polls the young person's conversation until a message holds want.
func waitForChat(t *testing.T, c *client, conv, want string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		for _, m := range messages(t, c.do("GET", "/v1/conversations/"+conv+"/messages", nil)) {
			if strings.Contains(m["text"].(string), want) {
				return m
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the chat did not get %q within 10 s", want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// webhookCall is one request the organisation's server received.
type webhookCall struct {
	header http.Header
	body   []byte
	at     time.Time
}

// delivery is what a webhook call says.
type delivery struct {
	ID    string
	Type  string
	Event struct {
		Seq    int
		Type   string
		Status string
		Name   string
		Text   string
	}
	Lead map[string]any
}

// waitForWebhook waits for the delivery of the given event type, passing
// over the others.
func waitForWebhook(t *testing.T, calls <-chan webhookCall, eventType string) (webhookCall, delivery) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case call := <-calls:
			var d delivery
			if err := json.Unmarshal(call.body, &d); err != nil {
				t.Fatalf("webhook body is not JSON: %v\n%s", err, call.body)
			}
			if d.Type == eventType {
				return call, d
			}
		case <-timeout:
			t.Fatalf("no %s webhook within 10 s", eventType)
		}
	}
}

// weekendDogs is one organisation's opportunity, made to suit a 17-year-old
// in Aarhus with weekends free who wants to go once with a friend.
const weekendDogs = `id;title;summary;interests;commitment;weekly;min_age;max_age;group_size;address;postcode;first_step_what;first_step_where;first_step_contact
weekendhunde;Luft hunde en weekend;Gå en tur med internatets hunde en lørdag eller søndag.;animals;one_off;lør 10:00-13:00|søn 10:00-13:00;15;30;4;Vestergade 1;8000;Kom til en prøvetur med en af hundene;Internatet, Vestergade 1;Spørg efter Sara
ugyldig;Uden alder;Mangler det meste.;animals;one_off;;;;;;8000;;;
`

// TestWarmLeadFromChatToOrganisationAndBack follows one lead the whole way:
// an organisation imports an opportunity, a young person is suggested it in
// the chat and sends a lead, the organisation's webhook gets it signed, its
// staff see exactly what was shared, answer, and the young person hears of
// it in the chat; another organisation sees none of it.
func TestWarmLeadFromChatToOrganisationAndBack(t *testing.T) {
	t.Parallel()
	srv := startLeadServer(t)
	admin := srv.staff(t, api.RoleAdmin, "", "admin@example.dk")
	newOrg := func(name string) string {
		res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": name})
		if res.Status != 201 {
			t.Fatalf("create organisation: %d %s", res.Status, res.Body)
		}
		return res.json(t)["id"].(string)
	}
	orgName := "Poterne i Aarhus"
	orgID, otherID := newOrg(orgName), newOrg("Kattene i Odense")
	staff := srv.staff(t, api.RoleOrgStaff, orgID, "sara@poterne.example.dk")
	other := srv.staff(t, api.RoleOrgStaff, otherID, "ole@kattene.example.dk")
	orgPath := "/v1/orgs/" + orgID

	// The organisation imports its opportunity and the matcher picks it up.
	rep := decodeReport(t, staff.upload(orgPath+"/opportunities/import", "text/csv", []byte(weekendDogs)))
	if rep.Created != 1 || rep.Rejected != 1 {
		t.Fatalf("import = %+v", rep)
	}
	oppID := rep.Rows[0].ID
	took := waitForCatalog(t, srv.app.Catalog, oppID, func(o *match.Opportunity, found bool) bool { return found && o.Published })
	t.Logf("import → suggestible: %s", took.Round(time.Millisecond))

	// Its webhook points at a server of its own.
	calls := make(chan webhookCall, 100)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls <- webhookCall{header: r.Header.Clone(), body: body, at: time.Now()}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hook.Close()
	res := staff.do("PUT", orgPath+"/webhook", map[string]string{"url": hook.URL + "/leads"})
	if res.Status != 200 {
		t.Fatalf("set webhook: %d %s", res.Status, res.Body)
	}
	secret := res.json(t)["secret"].(string)

	// A young person chats their way to the suggestion and sends a lead.
	youth, conv, youthID := srv.guest(t)
	replies := chat(t, youth, conv, map[string]any{"text": "jeg er 17, bor i 8000, dyr, weekender, bare én gang, med en ven"})
	var card map[string]any
	for _, c := range replies[len(replies)-1]["cards"].([]any) {
		if c := c.(map[string]any); c["opportunity_id"] == oppID {
			card = c
		}
	}
	if card == nil {
		t.Fatalf("the organisation's opportunity is not among the suggestions:\n%s", texts(replies))
	}
	if card["organisation_id"] != orgID {
		t.Errorf("card = %v", card)
	}
	replies = chat(t, youth, conv, map[string]any{"choice": "want:" + oppID})
	if !strings.Contains(texts(replies), "Hvad skal de kalde dig") {
		t.Fatalf("no nickname question after want:\n%s", texts(replies))
	}
	replies = chat(t, youth, conv, map[string]any{"text": "Sofie"})
	consent := replies[len(replies)-1]
	if !slices.Contains(replyIDs(consent), "lead_send:"+oppID) {
		t.Fatalf("no consent to send: %v", consent)
	}
	sent := time.Now()
	replies = chat(t, youth, conv, map[string]any{"choice": "lead_send:" + oppID})
	answered := time.Since(sent)
	if !strings.Contains(texts(replies), "Sendt") {
		t.Fatalf("not sent:\n%s", texts(replies))
	}

	// The webhook gets the lead, signed, within a moment.
	call, created := waitForWebhook(t, calls, leads.EventCreated)
	t.Logf("lead_send → webhook delivered: %s (the chat answered in %s)", call.at.Sub(sent).Round(time.Millisecond), answered.Round(time.Millisecond))
	if err := leads.Verify(secret, call.header.Get(leads.SignatureHeader), call.body, time.Now(), leads.DefaultTolerance); err != nil {
		t.Errorf("signature: %v", err)
	}
	if err := leads.Verify("whsec_wrong", call.header.Get(leads.SignatureHeader), call.body, time.Now(), leads.DefaultTolerance); err == nil {
		t.Error("the signature also checks out with another secret")
	}
	leadID, _ := created.Lead["id"].(string)
	if key := call.header.Get(leads.IdempotencyHeader); key != "webhook:"+leadID+":1" || created.ID != key {
		t.Errorf("idempotency key %q, delivery id %q, lead %q", key, created.ID, leadID)
	}
	if created.Lead["organisation_id"] != orgID || created.Lead["opportunity_id"] != oppID {
		t.Errorf("delivered lead %v", created.Lead)
	}
	for _, private := range []string{youthID, conv, "youth_id", "conversation_id"} {
		if strings.Contains(string(call.body), private) {
			t.Errorf("the webhook carries %q", private)
		}
	}

	// The inbox lists the lead with exactly what the young person agreed to share.
	res = staff.do("GET", orgPath+"/leads", nil)
	var inbox struct {
		Leads []map[string]any
	}
	if err := json.Unmarshal(res.Body, &inbox); err != nil || len(inbox.Leads) != 1 {
		t.Fatalf("inbox: %d %s", res.Status, res.Body)
	}
	lead := inbox.Leads[0]
	if lead["id"] != leadID || lead["status"] != "new" || lead["opportunity_id"] != oppID || lead["friends"] != float64(0) {
		t.Errorf("inbox lead = %v", lead)
	}
	sharedFields := lead["shared"].(map[string]any)
	wantShared := map[string]any{
		"nickname": "Sofie", "age_band": "15-17", "municipality": "Aarhus", "contact_method": "in_app",
		"interests": []any{"animals"},
		"slots":     []any{"sat_morning", "sat_afternoon", "sat_evening", "sun_morning", "sun_afternoon", "sun_evening"},
	}
	if got, want := mustJSON(t, sharedFields), mustJSON(t, wantShared); string(got) != string(want) {
		t.Errorf("shared with the organisation:\n got %s\nwant %s", got, want)
	}
	for _, private := range []string{youthID, conv, "youth_id", "conversation_id", "friend_ids"} {
		if strings.Contains(string(res.Body), private) {
			t.Errorf("the inbox shows %q", private)
		}
	}
	for q, n := range map[string]int{"?status=new": 1, "?status=contacted": 0, "?opportunity_id=" + oppID: 1, "?opportunity_id=other": 0} {
		if got := len(staff.do("GET", orgPath+"/leads"+q, nil).json(t)["leads"].([]any)); got != n {
			t.Errorf("leads%s: %d, want %d", q, got, n)
		}
	}

	// Another organisation's staff see none of it.
	leadPath := orgPath + "/leads/" + leadID
	for _, call := range []struct {
		method, path string
		body         any
	}{
		{"GET", orgPath + "/leads", nil},
		{"GET", leadPath, nil},
		{"POST", leadPath + "/status", map[string]string{"status": "declined"}},
		{"POST", leadPath + "/messages", map[string]string{"text": "Hej fra en anden forening"}},
		{"GET", orgPath + "/webhook", nil},
		{"PUT", orgPath + "/webhook", map[string]string{"url": hook.URL + "/stolen"}},
		{"GET", orgPath + "/opportunities", nil},
		{"GET", orgPath + "/responsiveness", nil},
		{"GET", "/v1/orgs/" + otherID + "/leads/" + leadID, nil},
		{"POST", "/v1/orgs/" + otherID + "/leads/" + leadID + "/status", map[string]string{"status": "declined"}},
	} {
		if res := other.do(call.method, call.path, call.body); res.Status != 404 {
			t.Errorf("another organisation: %s %s = %d, want 404", call.method, call.path, res.Status)
		}
	}
	if n := len(other.do("GET", "/v1/orgs/"+otherID+"/leads", nil).json(t)["leads"].([]any)); n != 0 {
		t.Errorf("another organisation's inbox has %d leads", n)
	}

	// Staff mark the lead contacted; the chat says so in plain words.
	res = staff.do("POST", leadPath+"/status", map[string]string{"status": "contacted"})
	if res.Status != 200 || res.json(t)["status"] != "contacted" {
		t.Fatalf("set contacted: %d %s", res.Status, res.Body)
	}
	waitForChat(t, youth, conv, leads.StatusText(leads.StatusContacted, "sara", orgName, "da"))
	if _, d := waitForWebhook(t, calls, leads.EventStatusChanged); d.Event.Status != "contacted" || d.Event.Name != "sara" {
		t.Errorf("status webhook event = %+v", d.Event)
	}
	if res := staff.do("POST", leadPath+"/status", map[string]string{"status": "contacted"}); res.Status != 200 {
		t.Errorf("the same status again: %d, want 200", res.Status)
	}
	res = staff.do("POST", leadPath+"/status", map[string]string{"status": "new"})
	if res.Status != 409 || !strings.Contains(res.json(t)["detail"].(string), "cannot go back") {
		t.Errorf("back to new: %d %s", res.Status, res.Body)
	}
	for _, bad := range []map[string]string{{}, {"status": "finished"}} {
		if res := staff.do("POST", leadPath+"/status", bad); res.Status != 400 {
			t.Errorf("status %v: %d, want 400", bad, res.Status)
		}
	}

	// Staff write; the young person hears of it in the chat and reads it.
	const reply = "Hej Sofie! Kom lørdag kl. 10 – tag gerne din ven med."
	res = staff.do("POST", leadPath+"/messages", map[string]string{"text": reply})
	if res.Status != 200 {
		t.Fatalf("staff message: %d %s", res.Status, res.Body)
	}
	notice := waitForChat(t, youth, conv, leads.MessageText("sara", orgName, reply, "da"))
	if notice["kind"] != "lead_update" {
		t.Errorf("notice = %v", notice)
	}
	if !strings.Contains(notice["text"].(string), reply) {
		t.Errorf("the chat notice must carry the organisation's words: %q", notice["text"])
	}
	if _, d := waitForWebhook(t, calls, leads.EventMessage); d.Event.Text != reply {
		t.Errorf("message webhook event = %+v", d.Event)
	}
	res = youth.do("GET", "/v1/leads/"+leadID, nil)
	mine := res.json(t)
	thread, _ := mine["thread"].([]any)
	if res.Status != 200 || len(thread) != 1 || thread[0].(map[string]any)["text"] != reply || thread[0].(map[string]any)["name"] != "sara" {
		t.Fatalf("the young person's lead: %d %s", res.Status, res.Body)
	}
	if mine["status_text"] != leads.StatusText(leads.StatusContacted, "", orgName, "da") {
		t.Errorf("status text %q", mine["status_text"])
	}
	if list := youth.do("GET", "/v1/me/leads", nil).json(t)["leads"].([]any); len(list) != 1 {
		t.Errorf("the young person has %d leads", len(list))
	}
	if res := youth.do("POST", "/v1/leads/"+leadID+"/messages", map[string]string{"text": "Tak, vi kommer!"}); res.Status != 200 {
		t.Errorf("the young person writes back: %d %s", res.Status, res.Body)
	}
	if _, d := waitForWebhook(t, calls, leads.EventMessage); d.Event.Text != "Tak, vi kommer!" {
		t.Errorf("the young person's message reached the webhook as %+v", d.Event)
	}
	staffView := staff.do("GET", leadPath, nil).json(t)
	if th := staffView["thread"].([]any); len(th) != 2 || th[1].(map[string]any)["author"] != "youth" {
		t.Errorf("staff thread = %v", th)
	}

	// A friend joins with a code; staff see that one more is coming, not who.
	res = youth.do("POST", "/v1/leads/"+leadID+"/invites", nil)
	if res.Status != 201 {
		t.Fatalf("invite: %d %s", res.Status, res.Body)
	}
	code := res.json(t)["code"].(string)
	friend, _, friendID := srv.guest(t)
	res = friend.do("POST", "/v1/invites/"+code+"/join", nil)
	if res.Status != 200 || res.json(t)["opportunity_id"] != oppID {
		t.Fatalf("join: %d %s", res.Status, res.Body)
	}
	if res := friend.do("POST", "/v1/invites/"+code+"/join", nil); res.Status != 200 {
		t.Errorf("joining again: %d, want 200", res.Status)
	}
	if res := youth.do("POST", "/v1/invites/"+code+"/join", nil); res.Status != 422 {
		t.Errorf("joining one's own lead: %d, want 422", res.Status)
	}
	if res := friend.do("POST", "/v1/invites/ZZZZZZ/join", nil); res.Status != 404 {
		t.Errorf("an unknown code: %d, want 404", res.Status)
	}
	res = staff.do("GET", leadPath, nil)
	if res.json(t)["friends"] != float64(1) || strings.Contains(string(res.Body), friendID) {
		t.Errorf("staff view after a friend joined: %s", res.Body)
	}
	for _, call := range []struct{ method, path string }{
		{"GET", "/v1/leads/" + leadID}, {"POST", "/v1/leads/" + leadID + "/withdraw"},
		{"POST", "/v1/leads/" + leadID + "/invites"},
	} {
		if res := friend.do(call.method, call.path, nil); res.Status != 404 {
			t.Errorf("the friend: %s %s = %d, want 404", call.method, call.path, res.Status)
		}
	}
	if res := friend.do("POST", "/v1/leads/"+leadID+"/messages", map[string]string{"text": "hej"}); res.Status != 404 {
		t.Errorf("the friend writes on the lead: %d, want 404", res.Status)
	}

	// The organisation's responsiveness counts the answered lead.
	r := staff.do("GET", orgPath+"/responsiveness", nil).json(t)
	if r["leads"] != float64(1) || r["answered"] != float64(1) || r["answered_share"] != float64(1) || r["median_first_answer_seconds"] == nil {
		t.Errorf("responsiveness = %v", r)
	}

	// The young person withdraws; the lead is closed to staff.
	res = youth.do("POST", "/v1/leads/"+leadID+"/withdraw", nil)
	if res.Status != 200 || res.json(t)["status"] != "withdrawn" {
		t.Fatalf("withdraw: %d %s", res.Status, res.Body)
	}
	if res := staff.do("POST", leadPath+"/status", map[string]string{"status": "started"}); res.Status != 409 {
		t.Errorf("staff move a withdrawn lead: %d, want 409", res.Status)
	}
	if res := staff.do("POST", leadPath+"/messages", map[string]string{"text": "Hallo?"}); res.Status != 422 {
		t.Errorf("staff write on a withdrawn lead: %d, want 422", res.Status)
	}
	if _, d := waitForWebhook(t, calls, leads.EventStatusChanged); d.Event.Status != "withdrawn" {
		t.Errorf("withdrawal webhook event = %+v", d.Event)
	}
}
