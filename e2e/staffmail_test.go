package e2e

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/mail/mailtest"
)

// startStaffMailServer starts a server of its own with no mail server
// configured, so every e-mail is an .eml file in the returned folder, with
// links to this server.
func startStaffMailServer(t *testing.T) (*app.App, string, string) {
	t.Helper()
	ln := listen(t)
	base := "http://" + ln.Addr().String()
	dataDir := t.TempDir()
	a := serveOwn(t, ln, app.Config{
		DataDir:    dataDir,
		Database:   "e2e-staffmail",
		PublicURL:  base,
		SkipSample: true,
		WorkerPoll: 100 * time.Millisecond,
	})
	return a, base, filepath.Join(dataDir, "mail")
}

// staffWaitFor is orgWaitFor across a navigation: a page that replaces
// the address right after loading (the links' tokens leave it) can end
// the execution context a poll began in, which says nothing about the
// page, so the poll starts again in the new one.
func staffWaitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	for try := 0; ; try++ {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool]("!!("+expr+")",
			chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil {
			return
		}
		if try < 3 && strings.Contains(err.Error(), "context with specified id") {
			continue
		}
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 3000)`))
		t.Fatalf("waiting for %s: %v\nthe page says:\n%s", what, err, text)
	}
}

// TestStaffInviteAcceptAndResetInTheBrowser: on the staff page a staff
// member invites a colleague; the colleague opens the link from the e-mail
// (an .eml file, as without a mail server), chooses a password — a common
// one is refused in Danish — and is signed in. Later they forget it, ask
// for a reset, choose a new one from the e-mail's link, and the old
// password is refused.
func TestStaffInviteAcceptAndResetInTheBrowser(t *testing.T) {
	t.Parallel()
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	a, base, mailDir := startStaffMailServer(t)
	bg := context.Background()
	org, err := a.Store.CreateOrganisation(bg, "Spejderne i Vejle", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	const first, colleague = "leder@spejderne-vejle.dk", "kollega@spejderne-vejle.dk"
	_, password, err := accounts.CreateStaff(bg, a.Store, accounts.NewStaff{Role: accounts.RoleOrgStaff, Email: first, OrgID: org.ID}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	clear := func(ids ...string) {
		t.Helper()
		for _, id := range ids {
			eval[bool](t, ctx, `(document.getElementById('`+id+`').value = '') === ''`)
		}
	}
	signIn := func(email, password string) {
		t.Helper()
		clear("signin-email", "signin-password")
		do(t, ctx, "sign in", chromedp.SendKeys(chromedp.ID("signin-email"), email),
			chromedp.SendKeys(chromedp.ID("signin-password"), password), chromedp.Click(chromedp.ID("signin-submit")))
	}

	// The first staff member invites a colleague from the settings.
	do(t, ctx, "open /org/", desktop(), calm(), chromedp.Navigate(base+"/org/"))
	staffWaitFor(t, ctx, "the sign-in form", `!document.getElementById('signin').hidden`)
	signIn(first, password)
	staffWaitFor(t, ctx, "the inbox", `!document.getElementById('workspace').hidden && window.brobyggerOrg.loaded`)
	do(t, ctx, "open the settings", chromedp.Click(chromedp.ID("open-settings")))
	staffWaitFor(t, ctx, "the settings", `!document.getElementById('settings').hidden && document.getElementById('workspace').hidden`)
	do(t, ctx, "invite a colleague",
		chromedp.SendKeys(chromedp.ID("colleague-email"), colleague), chromedp.Click(chromedp.ID("colleague-submit")))
	staffWaitFor(t, ctx, "the invite sent", `document.getElementById('colleague-done').textContent.includes('Invitationen er sendt')`)
	do(t, ctx, "sign out", chromedp.Click(chromedp.ID("sign-out")))

	// The colleague opens the link in the e-mail.
	invite := mailtest.WaitForFileAbout(t, mailDir, colleague, "inviteret", 10*time.Second)
	if !strings.Contains(invite.Text, "Spejderne i Vejle") {
		t.Errorf("the invite does not name the organisation:\n%s", invite.Text)
	}
	do(t, ctx, "open the invite link", chromedp.Navigate(invite.Link(t, "flow=invite")))
	staffWaitFor(t, ctx, "the choose-a-password screen", `!document.getElementById('accept-screen').hidden`)
	if search := eval[string](t, ctx, `location.search`); search != "" {
		t.Errorf("the token stays in the address: %q", search)
	}
	do(t, ctx, "a common password",
		chromedp.SendKeys(chromedp.ID("accept-password"), "Sommer2024!!!"), chromedp.Click(chromedp.ID("accept-submit")))
	staffWaitFor(t, ctx, "the refusal", `document.getElementById('accept-error').textContent.includes('almindelige')`)
	const chosen = "Bålet brænder ved søen"
	clear("accept-password")
	do(t, ctx, "a good password", chromedp.SendKeys(chromedp.ID("accept-password"), chosen),
		chromedp.Click(chromedp.ID("accept-submit")))
	staffWaitFor(t, ctx, "signed in", `!document.getElementById('workspace').hidden && window.brobyggerOrg.loaded`)
	if got := orgPageTokens(t, ctx); got.Org != org.ID || got.Access == "" {
		t.Fatalf("after accepting: %+v, want a sign-in for %s", got, org.ID)
	}

	// Once a day, please.
	do(t, ctx, "open the settings", chromedp.Click(chromedp.ID("open-settings")))
	staffWaitFor(t, ctx, "the setting loaded", `document.querySelector('input[name=notify]:checked')?.value === 'instant'`)
	do(t, ctx, "choose daily", chromedp.Click(chromedp.CSS(`input[name=notify][value=daily]`)))
	staffWaitFor(t, ctx, "saved", `document.getElementById('notify-status').textContent.startsWith('Gemt')`)
	status, body := orgHTTP(t, http.MethodGet, base+"/v1/me/notifications", orgPageTokens(t, ctx).Access, nil)
	if status != 200 || !strings.Contains(string(body), `"daily"`) {
		t.Errorf("the setting as the API has it: %d %s", status, body)
	}
	do(t, ctx, "sign out", chromedp.Click(chromedp.ID("sign-out")))

	// Forgotten: ask for a reset, and choose a new password from the link.
	staffWaitFor(t, ctx, "the sign-in form", `!document.getElementById('signin').hidden`)
	do(t, ctx, "forgot the password", chromedp.Click(chromedp.ID("forgot-open")))
	staffWaitFor(t, ctx, "the forgot screen", `!document.getElementById('forgot-screen').hidden`)
	clear("forgot-email")
	do(t, ctx, "ask for a reset", chromedp.SendKeys(chromedp.ID("forgot-email"), colleague),
		chromedp.Click(chromedp.ID("forgot-submit")))
	staffWaitFor(t, ctx, "the answer", `!document.getElementById('forgot-done').hidden`)
	reset := mailtest.WaitForFileAbout(t, mailDir, colleague, "Ny adgangskode", 10*time.Second)
	do(t, ctx, "open the reset link", chromedp.Navigate(reset.Link(t, "flow=reset")))
	staffWaitFor(t, ctx, "the new-password screen", `!document.getElementById('reset-screen').hidden`)
	const renewed = "Kanoen ligger ved broen"
	do(t, ctx, "choose a new password",
		chromedp.SendKeys(chromedp.ID("reset-password"), renewed), chromedp.Click(chromedp.ID("reset-submit")))
	staffWaitFor(t, ctx, "back at sign-in", `!document.getElementById('signin').hidden &&
		document.getElementById('signin-error').textContent.includes('skiftet')`)
	signIn(colleague, chosen)
	staffWaitFor(t, ctx, "the old password refused", `document.getElementById('signin-error').textContent.includes('forkert')`)
	signIn(colleague, renewed)
	staffWaitFor(t, ctx, "signed in with the new one", `!document.getElementById('workspace').hidden && window.brobyggerOrg.loaded`)

	// And changed again from the settings.
	do(t, ctx, "open the settings", chromedp.Click(chromedp.ID("open-settings")))
	do(t, ctx, "change the password",
		chromedp.SendKeys(chromedp.ID("password-current"), renewed),
		chromedp.SendKeys(chromedp.ID("password-new"), "Tre små ænder på vejen"),
		chromedp.Click(chromedp.ID("password-submit")))
	staffWaitFor(t, ctx, "changed", `document.getElementById('password-done').textContent.includes('skiftet')`)
	status, _ = orgHTTP(t, http.MethodPost, base+"/v1/auth/login", "", map[string]string{"email": colleague, "password": "Tre små ænder på vejen"})
	if status != 200 {
		t.Errorf("sign-in with the changed password: %d", status)
	}
}

// TestStaffLeadEmailLinkOpensTheLead: the e-mail about a new lead links to the
// staff page, which opens that lead once the staff member has signed in.
func TestStaffLeadEmailLinkOpensTheLead(t *testing.T) {
	t.Parallel()
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	a, _, mailDir := startStaffMailServer(t)
	bg := context.Background()
	org, err := a.Store.CreateOrganisation(bg, "Natteravnene Odense", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	const email = "vagt@natteravnene-odense.dk"
	_, password, err := accounts.CreateStaff(bg, a.Store, accounts.NewStaff{Role: accounts.RoleOrgStaff, Email: email, OrgID: org.ID}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	l, err := a.Leads.Create(bg, leads.Lead{OrganisationID: org.ID, OrganisationName: org.Name, OpportunityID: "opp-natteravn",
		OpportunityTitle: "Natteravn fredag aften", YouthID: "youth-e2e", ConversationID: "conv-e2e", Lang: "da",
		Shared: leads.Shared{Nickname: "Ali", AgeBand: leads.Band18to24, Message: "Jeg kan komme på fredag"}})
	if err != nil {
		t.Fatal(err)
	}
	m := mailtest.WaitForFileAbout(t, mailDir, email, "Ali (18–24)", 10*time.Second)
	if strings.Contains(m.Text, "Jeg kan komme") {
		t.Errorf("the e-mail holds the young person's message:\n%s", m.Text)
	}
	ctx := newBrowser(t)
	do(t, ctx, "open the lead's link", desktop(), calm(), chromedp.Navigate(m.Link(t, "#lead=")))
	staffWaitFor(t, ctx, "the sign-in form", `!document.getElementById('signin').hidden`)
	do(t, ctx, "sign in", chromedp.SendKeys(chromedp.ID("signin-email"), email),
		chromedp.SendKeys(chromedp.ID("signin-password"), password), chromedp.Click(chromedp.ID("signin-submit")))
	staffWaitFor(t, ctx, "the lead open", `window.brobyggerOrg.selected === '`+l.ID+`'`)
}
