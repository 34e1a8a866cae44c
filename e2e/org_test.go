package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/understand"
	"github.com/brobygger/brobygger/web"
)

// startOrgServer starts a server of its own, like startServer, and also
// returns the app: the organisation test creates an organisation, its
// opportunity and a staff account in the store, which the shared server
// keeps to itself. The catalog syncs every 200 ms, so the opportunity
// reaches the chat quickly.
func startOrgServer(t *testing.T) (*app.App, string) {
	t.Helper()
	ln := listen(t)
	a := serveOwn(t, ln, app.Config{
		Database:       "e2e-org",
		SkipSample:     true,
		CatalogRefresh: 200 * time.Millisecond,
		WorkerPoll:     100 * time.Millisecond,
	})
	return a, "http://" + ln.Addr().String()
}

// listen is a listener on a free port of this machine, for serveOwn.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// serveOwn starts an app of the test's own with cfg on ln (its data in a
// folder of the test's unless cfg names one, its log silent), serves it
// until the test ends and waits until it answers.
func serveOwn(t *testing.T, ln net.Listener, cfg app.Config) *app.App {
	t.Helper()
	ctx := context.Background()
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	cfg.Addr = "127.0.0.1:0" // the server listens on ln
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := app.New(ctx, cfg)
	if err != nil {
		_ = ln.Close()
		t.Fatalf("start app: %v", err)
	}
	serveCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.Serve(serveCtx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
		}
		closeCtx, cancelClose := context.WithTimeout(ctx, 15*time.Second)
		defer cancelClose()
		_ = a.Close(closeCtx)
	})
	if err := waitHealthy("http://"+ln.Addr().String(), 20*time.Second); err != nil {
		t.Fatal(err)
	}
	return a
}

// orgHTTP sends one JSON request and returns the status and the body.
func orgHTTP(t *testing.T, method, url, token string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = strings.NewReader(string(raw))
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	return res.StatusCode, out
}

// youngPerson is a guest in the chat, driven through the chat API.
type youngPerson struct {
	base, token, userID, conversation string
	sent                              int
}

func newYoungPerson(t *testing.T, base string) *youngPerson {
	t.Helper()
	status, body := orgHTTP(t, http.MethodPost, base+"/v1/auth/guest", "", map[string]string{"locale": "da"})
	if status != http.StatusOK && status != http.StatusCreated {
		t.Fatalf("guest sign-in: %d %s", status, body)
	}
	var tokens struct {
		UserID      string `json:"user_id"`
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(body, &tokens); err != nil {
		t.Fatal(err)
	}
	y := &youngPerson{base: base, token: tokens.AccessToken, userID: tokens.UserID}
	status, body = orgHTTP(t, http.MethodPost, base+"/v1/conversations", y.token, map[string]string{"locale": "da"})
	if status != http.StatusCreated && status != http.StatusOK {
		t.Fatalf("start conversation: %d %s", status, body)
	}
	var conv struct {
		ID string `json:"conversation_id"`
	}
	if err := json.Unmarshal(body, &conv); err != nil {
		t.Fatal(err)
	}
	y.conversation = conv.ID
	return y
}

// send writes text (or taps choice) and returns the bot's answer as text.
func (y *youngPerson) send(t *testing.T, field, value string) string {
	t.Helper()
	y.sent++
	status, body := orgHTTP(t, http.MethodPost, y.base+"/v1/conversations/"+y.conversation+"/messages", y.token,
		map[string]string{"client_message_id": fmt.Sprintf("org-e2e-%d", y.sent), field: value})
	if status != http.StatusOK {
		t.Fatalf("send %s %q: %d %s", field, value, status, body)
	}
	var out struct {
		Messages []apiMessage `json:"messages"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range out.Messages {
		texts = append(texts, m.Text)
	}
	return strings.Join(texts, "\n")
}

// waitForBot polls the conversation until a bot message holds want.
func (y *youngPerson) waitForBot(t *testing.T, want, failure string) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		status, body := orgHTTP(t, http.MethodGet, y.base+"/v1/conversations/"+y.conversation+"/messages", y.token, nil)
		var out struct {
			Messages []apiMessage `json:"messages"`
		}
		if status == http.StatusOK && json.Unmarshal(body, &out) == nil {
			for _, m := range out.Messages {
				if m.From == "bot" && strings.Contains(m.Text, want) {
					return
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatal(failure)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (y *youngPerson) say(t *testing.T, text string) string      { return y.send(t, "text", text) }
func (y *youngPerson) choose(t *testing.T, choice string) string { return y.send(t, "choice", choice) }

// orgWaitFor polls a JavaScript expression on the organisation page until
// it is truthy, for at most waitTimeout, and shows the page if it never is.
func orgWaitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool]("!!("+expr+")",
		chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 3000)`))
		t.Fatalf("waiting for %s: %v\nthe page says:\n%s", what, err, text)
	}
}

type orgTokens struct {
	Access  string `json:"access"`
	Refresh string `json:"refresh"`
	Org     string `json:"org"`
}

func orgPageTokens(t *testing.T, ctx context.Context) orgTokens {
	t.Helper()
	return eval[orgTokens](t, ctx, `(() => {
		const a = JSON.parse(sessionStorage.getItem('brobygger.org.auth') || '{}');
		return { access: a.access_token || '', refresh: a.refresh_token || '', org: a.org || '' };
	})()`)
}

// orgLead is an organisation with one opportunity, a staff account, and a
// lead a young person sent it through the chat.
type orgLead struct {
	base            string
	org             store.Organisation
	opp             match.Opportunity
	email, password string
	youth           *youngPerson
	wish            string
}

// newOrgLead sets up an organisation through the store and has a young
// person send it a lead through the chat API, as in
// bot/testdata/conversations/rich_first_message.json.
func newOrgLead(t *testing.T) orgLead {
	t.Helper()
	a, base := startOrgServer(t)
	bg := context.Background()
	now := time.Now()

	org, err := a.Store.CreateOrganisation(bg, "Dyreværnet Aarhus", now)
	if err != nil {
		t.Fatal(err)
	}
	pc, ok := geo.LookupPostcode("8000")
	if !ok {
		t.Fatal("postcode 8000 is unknown")
	}
	opp := match.Opportunity{
		ID: "opp-e2e-hundeluftere-aarhus", OrganisationID: org.ID, Organisation: org.Name,
		Title:       "Hundeluftere til internatets hunde",
		Summary:     "Gå en tur med hundene fra internatet, så de får motion og kontakt.",
		Description: "Vores hunde venter på et nyt hjem og har brug for lange gåture. Du bliver lært op af en erfaren frivillig.",
		Interests:   []string{"animals", "nature"},
		Place:       match.Place{Address: "Ringgadebroen 5", Postcode: pc.Code, Municipality: pc.Municipality, Lat: pc.Lat, Lon: pc.Lon},
		Schedule: match.Schedule{Kind: match.ScheduleWeekly, Weekly: []match.WeeklySession{
			{Day: "sat", Start: "10:00", End: "12:00"}, {Day: "sun", Start: "10:00", End: "12:00"}}},
		Commitment: match.OneOff, MinAge: 13, GroupSize: 3,
		FirstStep: match.FirstStep{What: "Kom med på en prøvetur med en af vores rolige hunde",
			Where: "Internatet, Ringgadebroen 5, 8000 Aarhus C", Contact: "Spørg efter Mette ved indgangen"},
		Published: true,
	}
	if err := catalog.Validate(opp); err != nil {
		t.Fatalf("the test's opportunity is not valid: %v", err)
	}
	if err := a.Store.UpsertOpportunity(bg, opp, now); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, ok := a.Catalog.Get(opp.ID); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the catalog sync never picked up the opportunity")
		}
	}
	const email = "mette@dyrevaernet-aarhus.dk"
	_, password, err := api.CreateStaff(bg, a.Store, api.NewStaff{Role: api.RoleOrgStaff, Email: email, OrgID: org.ID}, now)
	if err != nil {
		t.Fatal(err)
	}

	y := newYoungPerson(t, base)
	y.say(t, "jeg er 16, bor i 8000, elsker dyr og har tid i weekenden")
	y.say(t, "bare en enkelt gang")
	y.say(t, "med en ven")
	if got := y.choose(t, "want:"+opp.ID); !strings.Contains(got, "Hvad skal de kalde dig") {
		t.Fatalf("after want: the bot did not ask for a name:\n%s", got)
	}
	y.say(t, "Sofie")
	y.choose(t, "lead_message:"+opp.ID)
	const wish = "Jeg glæder mig! Ring gerne på 12345678"
	y.say(t, wish)
	// The chat says "Sendt" once the lead is stored: in the answer, or
	// right after it when the answer says it is on its way.
	if got := y.choose(t, "lead_send:"+opp.ID); !strings.Contains(got, "Sendt") {
		y.waitForBot(t, "Sendt", "the lead was not sent:\n"+got)
	}
	return orgLead{base: base, org: org, opp: opp, email: email, password: password, youth: y, wish: wish}
}

// signInAtOrg opens /org/ and signs in as the lead's staff member.
func signInAtOrg(t *testing.T, ctx context.Context, l orgLead, viewport chromedp.Action[chromedp.Void]) {
	t.Helper()
	do(t, ctx, "open /org/", viewport, calm(), chromedp.Navigate(l.base+"/org/"))
	orgWaitFor(t, ctx, "the sign-in form", `!document.getElementById('signin').hidden`)
	do(t, ctx, "sign in",
		chromedp.SendKeys(chromedp.ID("signin-email"), l.email),
		chromedp.SendKeys(chromedp.ID("signin-password"), l.password),
		chromedp.Click(chromedp.ID("signin-submit")))
	orgWaitFor(t, ctx, "the inbox", `!document.getElementById('workspace').hidden && window.brobyggerOrg.loaded`)
}

// TestOrgStaffAnswersALead follows a lead from the chat to the organisation
// and back: a young person sends a lead to an organisation's opportunity
// through the chat API, a staff member signs in at /org/, finds it, moves
// it to contacted and writes back, and the young person's chat hears of it.
func TestOrgStaffAnswersALead(t *testing.T) {
	t.Parallel()
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	// The lead first: the browser's time limit starts with the browser.
	l := newOrgLead(t)
	ctx := newBrowser(t)
	base, org, opp, y, wish := l.base, l.org, l.opp, l.youth, l.wish

	// The staff member signs in and finds Sofie in the inbox.
	signInAtOrg(t, ctx, l, desktop())
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "da" {
		t.Errorf("page language = %q, want da", lang)
	}
	if got := orgPageTokens(t, ctx); got.Org != org.ID || got.Access == "" || got.Refresh == "" {
		t.Fatalf("session after sign-in = %+v, want tokens for %s", got, org.ID)
	}
	if v := eval[string](t, ctx, `document.getElementById('signin-password').value`); v != "" {
		t.Error("the password is left in the sign-in form")
	}
	sofie := `[...document.querySelectorAll('#leads .lead')].find(li => li.querySelector('.lead__open')?.textContent === 'Sofie')`
	orgWaitFor(t, ctx, "Sofie in the inbox", sofie)
	card := eval[string](t, ctx, sofie+`.innerText`)
	for _, want := range []string{opp.Title, "15–17 år", "Aarhus", "Ingen venner med", "lørdag", "søndag", "Dyr",
		"Jeg glæder mig!", "Telefon 12345678", "Ny", "Modtaget i dag kl. "} {
		if !strings.Contains(card, want) {
			t.Errorf("the inbox card lacks %q:\n%s", want, card)
		}
	}
	orgWaitFor(t, ctx, "the opportunity in the filter", fmt.Sprintf(
		`[...document.querySelectorAll('#filter-opportunity option')].some(o => o.value === %q)`, opp.ID))
	if name := eval[string](t, ctx, `document.getElementById('org-name').textContent`); name != org.Name {
		t.Errorf("top bar names %q, want the organisation %q", name, org.Name)
	}

	// Filtering by a status the lead does not have hides it.
	filterStatus(t, ctx, "started")
	orgWaitFor(t, ctx, "an empty filtered inbox", `document.querySelectorAll('#leads .lead').length === 0 &&
		document.getElementById('inbox-state').textContent.includes('Ingen henvendelser passer')`)
	filterStatus(t, ctx, "new")
	orgWaitFor(t, ctx, "Sofie among the new leads", sofie)
	filterStatus(t, ctx, "")
	orgWaitFor(t, ctx, "the whole inbox", sofie+` && document.getElementById('lead-count').textContent === '(1)'`)

	// Open the lead: the thread starts with Sofie's own message.
	// With the keyboard: the name is a button.
	do(t, ctx, "open Sofie's lead", chromedp.Focus(chromedp.CSS(`#leads .lead__open`)), chromedp.KeyEvent(kb.Enter))
	orgWaitFor(t, ctx, "the lead's detail", `!document.getElementById('detail-body').hidden &&
		document.getElementById('detail-title').textContent === 'Sofie' &&
		document.querySelector('#thread .note--youth .note__text')?.textContent === `+fmt.Sprintf("%q", wish))
	if focused := eval[string](t, ctx, `document.activeElement.id`); focused != "detail-title" {
		t.Errorf("focus after opening a lead is on %q, want the lead's heading", focused)
	}
	buttons := eval[[]string](t, ctx, `[...document.querySelectorAll('#status-buttons button')].map(b => b.dataset.status)`)
	if strings.Join(buttons, " ") != "contacted meeting_planned started declined" {
		t.Errorf("status buttons for a new lead = %v", buttons)
	}

	// Contacted, then a reply.
	do(t, ctx, "set status contacted", chromedp.Click(chromedp.CSS(`#status-buttons button[data-status="contacted"]`)))
	orgWaitFor(t, ctx, "the status contacted", `document.getElementById('detail-status').dataset.status === 'contacted' &&
		!document.querySelector('#status-buttons button[data-status="contacted"]') &&
		document.querySelector('#leads .lead[data-status="contacted"]')`)
	orgWaitFor(t, ctx, "the status change announced", `document.getElementById('announcer').textContent.includes('Kontaktet')`)
	if focused := eval[string](t, ctx, `document.activeElement.id`); focused != "status-hint" {
		t.Errorf("focus after a status change is on %q, want the new status, not the next step's button", focused)
	}
	const reply = "Hej Sofie! Hvor dejligt. Kan du komme lørdag kl. 10 til en prøvetur?"
	do(t, ctx, "write a reply", chromedp.SendKeys(chromedp.ID("reply-text"), reply), chromedp.Click(chromedp.ID("reply-send")))
	orgWaitFor(t, ctx, "the reply in the thread", fmt.Sprintf(
		`document.querySelector('#thread .note--staff .note__text')?.textContent === %q &&
		document.getElementById('reply-text').value === ''`, reply))
	orgWaitFor(t, ctx, "the responsiveness", `/^I har svaret på 1 af 1 – typisk inden for \d+ minut/.test(
		document.getElementById('responsiveness').textContent)`)

	// The organisation never learns who the young person is.
	tokens := orgPageTokens(t, ctx)
	for _, path := range []string{"/leads", "/leads/" + eval[string](t, ctx, `window.brobyggerOrg.selected`)} {
		status, body := orgHTTP(t, http.MethodGet, base+"/v1/orgs/"+org.ID+path, tokens.Access, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, status, body)
		}
		if strings.Contains(string(body), y.userID) || strings.Contains(string(body), y.conversation) {
			t.Errorf("GET %s gives the organisation the young person's user or conversation id:\n%s", path, body)
		}
	}

	// The young person hears of both in the chat, and can read the reply.
	var notices []string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		notices = notices[:0]
		for _, m := range serverMessages(t, base, session{Token: y.token, ConversationID: y.conversation}) {
			if strings.Contains(m.Text, org.Name) && (strings.Contains(m.Text, "har svaret dig") || strings.Contains(m.Text, "har skrevet til dig")) {
				notices = append(notices, m.Text)
			}
		}
		if len(notices) >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the young person's chat has %d of 2 notices about the status and the reply: %q", len(notices), notices)
		}
	}
	status, body := orgHTTP(t, http.MethodGet, base+"/v1/me/leads", y.token, nil)
	if status != http.StatusOK {
		t.Fatalf("GET /v1/me/leads: %d %s", status, body)
	}
	if !strings.Contains(string(body), reply) {
		t.Errorf("the young person's lead does not hold the reply:\n%s", body)
	}

	screenshotOrg(t, ctx)

	// A stale access token is refreshed, and the rotated refresh token kept.
	do(t, ctx, "spoil the access token", chromedp.Evaluate[chromedp.Void](`(() => {
		const a = JSON.parse(sessionStorage.getItem('brobygger.org.auth'));
		a.access_token = a.access_token.slice(0, -4) + 'xxxx';
		sessionStorage.setItem('brobygger.org.auth', JSON.stringify(a));
	})()`), chromedp.Reload())
	orgWaitFor(t, ctx, "the inbox after a refresh", sofie+` && window.brobyggerOrg.selected`)
	if after := orgPageTokens(t, ctx); after.Refresh == tokens.Refresh || after.Access == tokens.Access || after.Org != org.ID {
		t.Errorf("tokens were not refreshed and rotated: before %+v, after %+v", tokens, after)
	}

	// Signing out forgets the session.
	do(t, ctx, "sign out", chromedp.Click(chromedp.ID("sign-out")))
	orgWaitFor(t, ctx, "the sign-in form again", `!document.getElementById('signin').hidden &&
		document.getElementById('workspace').hidden && !sessionStorage.getItem('brobygger.org.auth') &&
		document.activeElement.id === 'signin-email'`)
}

// filterStatus picks a status in the inbox's filter, as a person would.
// It returns once the inbox shows the filtered list, so no redraw is
// still to come.
func filterStatus(t *testing.T, ctx context.Context, status string) {
	t.Helper()
	before := eval[int](t, ctx, `window.brobyggerOrg.loads`)
	do(t, ctx, "filter on status "+status, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const s = document.getElementById('filter-status');
		s.value = %q;
		s.dispatchEvent(new Event('change', { bubbles: true }));
	})()`, status)))
	orgWaitFor(t, ctx, "the inbox filtered on "+status, fmt.Sprintf(`window.brobyggerOrg.loads > %d`, before))
}

func screenshotOrg(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, "show the open lead from the top", chromedp.Evaluate[chromedp.Void](`(() => {
		document.activeElement.blur();
		document.getElementById('detail').scrollTop = 0;
	})()`), chromedp.Sleep(150*time.Millisecond))
	savePNG(t, ctx, "org.png")
}

// TestOrgPageNamesEveryInterest keeps the page's Danish interest names in
// step with the taxonomy the chat uses.
func TestOrgPageNamesEveryInterest(t *testing.T) {
	t.Parallel()
	js, err := fs.ReadFile(web.FS(), "org/org.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range understand.Interests() {
		if !strings.Contains(string(js), fmt.Sprintf("%s: '%s'", in.ID, in.Da)) {
			t.Errorf("web/static/org/org.js does not name interest %s %q", in.ID, in.Da)
		}
	}
}
