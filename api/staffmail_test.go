package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/mail"
	"github.com/brobygger/brobygger/mail/mailtest"
)

// mailServer is a server of its own that e-mails staff: through an SMTP
// server in the test's process, or, with smtp nil, into .eml files.
type mailServer struct {
	app  *app.App
	url  string
	smtp *mailtest.Server
	dir  string
}

func startMailServer(t *testing.T, smtp *mailtest.Server) *mailServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	cfg := app.Config{
		DataDir:        t.TempDir(),
		MongoURI:       os.Getenv("MONGODB_URI"),
		VAPIDPublicKey: testVAPID.PublicKey, VAPIDPrivateKey: testVAPID.PrivateKey, VAPIDSubject: testVAPID.Subject,
		Database:  fmt.Sprintf("mailtest_%d", time.Now().UnixNano()),
		JWTSecret: strings.Repeat("k", 40),
		PublicURL: base,
		Limits:    api.DefaultLimits(),
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		// The outbox is polled often, as in production (500 ms).
		WorkerPoll: 100 * time.Millisecond,
	}
	if smtp != nil {
		cfg.SMTPURL, cfg.MailFrom, cfg.MailTLS = smtp.URL(), "Brobygger <noreply@brobygger.example>", smtp.TLS()
	}
	startMu.Lock()
	a, err := app.New(context.Background(), cfg)
	startMu.Unlock()
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
	return &mailServer{app: a, url: base, smtp: smtp, dir: filepath.Join(cfg.DataDir, "mail")}
}

// staff creates a staff account as the admin command does and signs it in.
func (s *mailServer) staff(t *testing.T, role, org, email string) (*client, string) {
	t.Helper()
	_, password, err := accounts.CreateStaff(context.Background(), s.app.Store, accounts.NewStaff{Role: role, Email: email, OrgID: org}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return s.login(t, email, password, 200), password
}

func (s *mailServer) login(t *testing.T, email, password string, want int) *client {
	t.Helper()
	c := &client{t: t, base: s.url}
	res := c.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password})
	if res.Status != want {
		t.Fatalf("login %s: %d %s, want %d", email, res.Status, res.Body, want)
	}
	if want == 200 {
		c.token = res.json(t)["access_token"].(string)
	}
	return c
}

// mailFor waits for the e-mail to `to`, from the SMTP server or the folder.
func (s *mailServer) mailFor(t *testing.T, to string) mailtest.Parsed {
	t.Helper()
	if s.smtp != nil {
		return s.smtp.WaitFor(t, to, 10*time.Second).Parse(t)
	}
	return mailtest.WaitForFile(t, s.dir, to, 10*time.Second)
}

func problemType(t *testing.T, res response) string {
	t.Helper()
	typ, _ := res.json(t)["type"].(string)
	return strings.TrimPrefix(typ, "https://brobygger.dk/problems/")
}

const goodPassword = "Tre grønne heste i Vejle"

// TestStaffInviteThenAcceptThenSignIn: an administrator invites a new
// organisation's staff member, who gets the e-mail through the mail
// server, chooses a password (weak ones refused, saying why) and is
// signed in; the link works once, and the account signs in as usual.
func TestStaffInviteThenAcceptThenSignIn(t *testing.T) {
	t.Parallel()
	s := startMailServer(t, mailtest.Start(t))
	orgs, _, _ := catalog.Sample()
	org := orgs[0]
	admin, _ := s.staff(t, accounts.RoleAdmin, "", "admin@example.dk")

	start := time.Now()
	res := admin.do("POST", "/v1/admin/staff-invites", map[string]any{"email": "Ny.Frivillig@Example.dk", "role": "org_staff", "org_id": org.ID})
	if res.Status != 201 {
		t.Fatalf("invite: %d %s", res.Status, res.Body)
	}
	inv := res.json(t)
	if inv["email"] != "ny.frivillig@example.dk" || inv["org_id"] != org.ID {
		t.Errorf("invite = %v", inv)
	}
	m := s.mailFor(t, "ny.frivillig@example.dk")
	t.Logf("invite e-mail arrived %s after the request", time.Since(start).Round(time.Millisecond))
	if m.Subject != "Du er inviteret til Brobygger" || !strings.Contains(m.Text, org.Name) || !strings.Contains(m.HTML, "Vælg adgangskode") {
		t.Errorf("invite e-mail: %q\n%s", m.Subject, m.Text)
	}
	if m.Header.Get("List-Unsubscribe") != "" {
		t.Error("an invite is not a notification and has no List-Unsubscribe")
	}
	link := m.Link(t, "flow=invite")
	if !strings.HasPrefix(link, s.url+"/org/?flow=invite&token=") {
		t.Errorf("link %s", link)
	}
	token := m.Token(t, "flow=invite")

	anon := &client{t: t, base: s.url}
	for password, want := range map[string]string{
		"kort":                    "weak-password-too-short",
		"sommer2024!!":            "weak-password-common",
		"password123456":          "weak-password-common",
		"qwertyuiop12":            "weak-password-common",
		"ny.frivillig@example.dk": "weak-password-email",
		"abcabcabcabcabc":         "weak-password-pattern",
		"12345678901234":          "weak-password-common",
	} {
		res := anon.do("POST", "/v1/auth/accept-invite", map[string]string{"token": token, "password": password})
		if res.Status != 422 || problemType(t, res) != want {
			t.Errorf("password %q: %d %s, want 422 %s", password, res.Status, res.Body, want)
		}
	}
	res = anon.do("POST", "/v1/auth/accept-invite", map[string]string{"token": token, "password": goodPassword})
	if res.Status != 201 {
		t.Fatalf("accept: %d %s", res.Status, res.Body)
	}
	claims := tokenClaims(t, res.json(t)["access_token"].(string))
	if claims["role"] != "org_staff" || claims["org"] != org.ID {
		t.Errorf("signed in as %v", claims)
	}
	if res := anon.do("POST", "/v1/auth/accept-invite", map[string]string{"token": token, "password": goodPassword}); res.Status != 410 || problemType(t, res) != "link-used" {
		t.Errorf("accepting twice: %d %s", res.Status, res.Body)
	}
	if res := anon.do("POST", "/v1/auth/accept-invite", map[string]string{"token": "no-such-token", "password": goodPassword}); res.Status != 404 || problemType(t, res) != "link-unknown" {
		t.Errorf("unknown link: %d %s", res.Status, res.Body)
	}
	colleague := s.login(t, "ny.frivillig@example.dk", goodPassword, 200)
	if res := admin.do("POST", "/v1/admin/staff-invites", map[string]any{"email": "ny.frivillig@example.dk", "role": "admin"}); res.Status != 409 || problemType(t, res) != "email-taken" {
		t.Errorf("inviting an e-mail with an account: %d %s", res.Status, res.Body)
	}

	// The new colleague invites another to their own organisation, in
	// English; nothing else.
	res = colleague.do("POST", "/v1/admin/staff-invites", map[string]any{"email": "third@example.dk", "locale": "en"})
	if res.Status != 201 {
		t.Fatalf("colleague invites: %d %s", res.Status, res.Body)
	}
	if en := s.mailFor(t, "third@example.dk"); en.Subject != "You are invited to Brobygger" {
		t.Errorf("English invite: %q", en.Subject)
	}
	for _, body := range []map[string]any{{"email": "x@example.dk", "role": "admin"}, {"email": "x@example.dk", "org_id": orgs[1].ID}} {
		if res := colleague.do("POST", "/v1/admin/staff-invites", body); res.Status != 403 {
			t.Errorf("org_staff invites %v: %d, want 403", body, res.Status)
		}
	}
	if res := admin.do("POST", "/v1/admin/staff-invites", map[string]any{"email": "x@example.dk", "role": "org_staff", "org_id": "no-such-org"}); res.Status != 422 {
		t.Errorf("invite to an organisation that does not exist: %d", res.Status)
	}

	// An invite expires after 72 hours.
	expired, hash := accounts.NewToken()
	err := s.app.Store.SaveStaffToken(context.Background(), accounts.StaffToken{Hash: hash, Kind: accounts.TokenInvite,
		Email: "late@example.dk", Role: "admin", CreatedAt: time.Now().Add(-73 * time.Hour), ExpiresAt: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if res := anon.do("POST", "/v1/auth/accept-invite", map[string]string{"token": expired, "password": goodPassword}); res.Status != 410 || problemType(t, res) != "link-expired" {
		t.Errorf("expired invite: %d %s", res.Status, res.Body)
	}
}

// TestPasswordResetThenOldPasswordRefused: a reset e-mail's link sets a
// new password; the old one is refused, and every sign-in from before has
// ended. Asking for an e-mail without an account answers the same, in
// about the same time, and sends nothing.
func TestPasswordResetThenOldPasswordRefused(t *testing.T) {
	t.Parallel()
	s := startMailServer(t, mailtest.Start(t))
	orgs, _, _ := catalog.Sample()
	before, oldPassword := s.staff(t, accounts.RoleOrgStaff, orgs[0].ID, "glemsom@example.dk")
	anon := &client{t: t, base: s.url}

	timed := func(email string) time.Duration {
		start := time.Now()
		if res := anon.do("POST", "/v1/auth/password-reset", map[string]string{"email": email}); res.Status != 202 {
			t.Fatalf("reset for %s: %d %s", email, res.Status, res.Body)
		}
		return time.Since(start)
	}
	known, unknown := timed("Glemsom@Example.dk"), timed("ingen-konto@example.dk")
	t.Logf("202 for a known e-mail in %s, for an unknown one in %s", known, unknown)
	m := s.mailFor(t, "glemsom@example.dk")
	if m.Subject != "Ny adgangskode til Brobygger" {
		t.Errorf("reset e-mail: %q", m.Subject)
	}
	token := m.Token(t, "flow=reset")
	if res := anon.do("POST", "/v1/auth/password-reset", map[string]string{"email": "not an e-mail"}); res.Status != 400 {
		t.Errorf("malformed e-mail: %d", res.Status)
	}

	if res := anon.do("POST", "/v1/auth/password-reset/confirm", map[string]string{"token": token, "new_password": "kodeord12345"}); res.Status != 422 {
		t.Errorf("weak new password: %d %s", res.Status, res.Body)
	}
	if res := anon.do("POST", "/v1/auth/password-reset/confirm", map[string]string{"token": token, "new_password": goodPassword}); res.Status != 204 {
		t.Fatalf("confirm: %d %s", res.Status, res.Body)
	}
	s.login(t, "glemsom@example.dk", oldPassword, 401)
	s.login(t, "glemsom@example.dk", goodPassword, 200)
	if res := before.do("GET", "/v1/me/notifications", nil); res.Status != 401 {
		t.Errorf("a sign-in from before the reset: %d, want 401", res.Status)
	}
	if res := anon.do("POST", "/v1/auth/password-reset/confirm", map[string]string{"token": token, "new_password": goodPassword + "!"}); res.Status != 410 || problemType(t, res) != "link-used" {
		t.Errorf("the link a second time: %d %s", res.Status, res.Body)
	}
	time.Sleep(500 * time.Millisecond) // the unknown e-mail's work is done by now
	for _, got := range s.smtp.Received() {
		if strings.Join(got.To, ",") != "glemsom@example.dk" {
			t.Errorf("an e-mail went to %v", got.To)
		}
	}
	if n := s.smtp.CountFor("glemsom@example.dk"); n != 1 {
		t.Errorf("%d reset e-mails, want 1", n)
	}
	// The e-mail's bucket: three at once, then refused, known or not.
	for i, email := range []string{"x@example.dk", "x@example.dk", "x@example.dk", "x@example.dk"} {
		res := anon.do("POST", "/v1/auth/password-reset", map[string]string{"email": email})
		if want := map[bool]int{true: 429, false: 202}[i == 3]; res.Status != want {
			t.Errorf("reset %d for one e-mail: %d, want %d", i+1, res.Status, want)
		}
	}
}

// TestChangePasswordKeepsThisSignInOnly: a wrong current password is 403;
// a right one changes it, this sign-in goes on and the others end.
func TestChangePasswordKeepsThisSignInOnly(t *testing.T) {
	t.Parallel()
	s := startMailServer(t, nil)
	me, password := s.staff(t, accounts.RoleFacilitator, "", "skift@example.dk")
	other := s.login(t, "skift@example.dk", password, 200)
	if res := me.do("POST", "/v1/auth/password", map[string]string{"current_password": "forkert", "new_password": goodPassword}); res.Status != 403 || problemType(t, res) != "wrong-password" {
		t.Errorf("wrong current password: %d %s", res.Status, res.Body)
	}
	if res := me.do("POST", "/v1/auth/password", map[string]string{"current_password": password, "new_password": "skift@example.dk"}); res.Status != 422 {
		t.Errorf("the e-mail as password: %d %s", res.Status, res.Body)
	}
	if res := me.do("POST", "/v1/auth/password", map[string]string{"current_password": password, "new_password": goodPassword}); res.Status != 204 {
		t.Fatalf("change: %d %s", res.Status, res.Body)
	}
	if res := me.do("GET", "/v1/me/notifications", nil); res.Status != 200 {
		t.Errorf("this sign-in after the change: %d", res.Status)
	}
	if res := other.do("GET", "/v1/me/notifications", nil); res.Status != 401 {
		t.Errorf("another sign-in after the change: %d, want 401", res.Status)
	}
	s.login(t, "skift@example.dk", password, 401)
	s.login(t, "skift@example.dk", goodPassword, 200)
}

// TestLeadEmailWithinSeconds: a new lead reaches the organisation's staff
// by e-mail within seconds, naming the young person by nickname and age
// band, never their contact details or message; a message from the young
// person says only that they wrote. A colleague who chose daily gets no
// e-mail now, one who chose none gets none, and the one-click unsubscribe
// turns e-mails off.
func TestLeadEmailWithinSeconds(t *testing.T) {
	t.Parallel()
	s := startMailServer(t, mailtest.Start(t))
	orgs, _, _ := catalog.Sample()
	org := orgs[0]
	instant, _ := s.staff(t, accounts.RoleOrgStaff, org.ID, "straks@example.dk")
	daily, _ := s.staff(t, accounts.RoleOrgStaff, org.ID, "dagligt@example.dk")
	off, _ := s.staff(t, accounts.RoleOrgStaff, org.ID, "aldrig@example.dk")
	s.staff(t, accounts.RoleOrgStaff, orgs[1].ID, "andet-sted@example.dk")
	if res := instant.do("GET", "/v1/me/notifications", nil); res.Status != 200 || res.json(t)["email"] != "instant" {
		t.Errorf("default setting: %d %s", res.Status, res.Body)
	}
	for c, setting := range map[*client]string{daily: "daily", off: "off"} {
		if res := c.do("PUT", "/v1/me/notifications", map[string]string{"email": setting}); res.Status != 200 {
			t.Fatalf("set %s: %d %s", setting, res.Status, res.Body)
		}
	}
	if res := off.do("PUT", "/v1/me/notifications", map[string]string{"email": "weekly"}); res.Status != 422 {
		t.Errorf("an unknown setting: %d", res.Status)
	}

	const phone, secretWords = "+45 31 41 59 26", "mit hemmelige spørgsmål om mødetid"
	ctx := context.Background()
	start := time.Now()
	l, err := s.app.Leads.Create(ctx, leads.Lead{OrganisationID: org.ID, OrganisationName: org.Name,
		OpportunityID: "opp-mail", OpportunityTitle: "Hundeluftere søges", YouthID: "youth-mail", ConversationID: "conv-mail",
		Lang: "da", MaxFriends: 1, ContactAgreedAt: &start,
		Shared: leads.Shared{Nickname: "Sofie", AgeBand: leads.Band15to17, Message: secretWords,
			ContactMethod: leads.ContactPhone, Contact: phone}})
	if err != nil {
		t.Fatal(err)
	}
	got := s.smtp.WaitFor(t, "straks@example.dk", 10*time.Second)
	t.Logf("lead e-mail arrived %s after the lead was created", got.ReceivedAt.Sub(start).Round(time.Millisecond))
	if took := got.ReceivedAt.Sub(start); took > 5*time.Second {
		t.Errorf("the lead e-mail took %s", took)
	}
	m := got.Parse(t)
	if m.Subject != "Sofie (15–17) vil gerne være med til Hundeluftere søges" {
		t.Errorf("subject %q", m.Subject)
	}
	for _, part := range []string{m.Text, m.HTML, string(got.Raw)} {
		for _, secret := range []string{phone, "31 41 59 26", secretWords, "youth-mail", "conv-mail"} {
			if strings.Contains(part, secret) {
				t.Errorf("the e-mail holds %q", secret)
			}
		}
	}
	if link := m.Link(t, "/org/#lead="); link != s.url+"/org/#lead="+l.ID {
		t.Errorf("lead link %s", link)
	}
	unsubscribe := strings.Trim(m.Header.Get("List-Unsubscribe"), "<>")
	if !strings.HasPrefix(unsubscribe, s.url+"/v1/notifications/unsubscribe?token=") || m.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe %q", m.Header.Get("List-Unsubscribe"))
	}

	if _, err := s.app.Leads.Post(ctx, l.ID, leads.Caller{Actor: leads.Youth, UserID: "youth-mail"}, secretWords+" "+phone); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for s.smtp.CountFor("straks@example.dk") < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	var second mailtest.Parsed
	for _, r := range s.smtp.Received() {
		if p := r.Parse(t); strings.Contains(p.Subject, "har skrevet") {
			second = p
		}
	}
	if !strings.Contains(second.Text, "Sofie (15–17) har skrevet til jer om Hundeluftere søges.") || strings.Contains(second.Text, "hemmelige") ||
		strings.Contains(second.Text, "31 41") {
		t.Errorf("message e-mail:\n%s", second.Text)
	}
	// A staff member's own reply is not news to them.
	if _, err := s.app.Leads.Post(ctx, l.ID, leads.Caller{Actor: leads.Staff, OrgID: org.ID, Name: "Ida"}, "Velkommen!"); err != nil {
		t.Fatal(err)
	}

	// The one-click unsubscribe, as a mail client sends it.
	res, err := http.Post(unsubscribe, "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("one-click unsubscribe: %d", res.StatusCode)
	}
	if r := instant.do("GET", "/v1/me/notifications", nil); r.json(t)["email"] != "off" {
		t.Errorf("after unsubscribing: %s", r.Body)
	}
	bad, _ := url.Parse(unsubscribe)
	q := bad.Query()
	q.Set("token", q.Get("token")+"x")
	bad.RawQuery = q.Encode()
	if r := (&client{t: t, base: s.url}).do("POST", strings.TrimPrefix(bad.String(), s.url), nil); r.Status != 400 {
		t.Errorf("a forged unsubscribe token: %d", r.Status)
	}

	time.Sleep(time.Second) // give any wrong e-mail time to arrive
	for _, email := range []string{"dagligt@example.dk", "aldrig@example.dk", "andet-sted@example.dk"} {
		if n := s.smtp.CountFor(email); n != 0 {
			t.Errorf("%s got %d e-mails now", email, n)
		}
	}
	if n := s.smtp.CountFor("straks@example.dk"); n != 2 {
		t.Errorf("straks@ got %d e-mails, want 2 (the lead and the message)", n)
	}
	// The daily colleague's news waits for 08:00 Danish time.
	dailyID := tokenClaims(t, daily.token)["sub"].(string)
	due := mail.NextDigest(time.Now())
	j, err := s.app.Store.Job(ctx, mail.KindDigest+":"+dailyID+":"+due.Format(time.DateOnly))
	if err != nil || !j.DueAt.Equal(due) {
		t.Errorf("the daily e-mail's job: %+v %v, want due %s", j, err, due)
	}
	items, _ := s.app.Store.DigestItems(ctx, dailyID)
	if len(items) != 2 {
		t.Errorf("%d items wait for the daily e-mail, want 2", len(items))
	}
}

// TestWithoutSMTPMailIsWrittenAsEmlFiles: with no mail server configured
// the same invite and reset leave .eml files that parse back, and their
// links work.
func TestWithoutSMTPMailIsWrittenAsEmlFiles(t *testing.T) {
	t.Parallel()
	s := startMailServer(t, nil)
	admin, _ := s.staff(t, accounts.RoleAdmin, "", "boss@example.dk")
	if res := admin.do("POST", "/v1/admin/staff-invites", map[string]any{"email": "fil@example.dk", "role": "safeguarding"}); res.Status != 201 {
		t.Fatalf("invite: %d %s", res.Status, res.Body)
	}
	m := s.mailFor(t, "fil@example.dk")
	if m.Subject != "Du er inviteret til Brobygger" || !strings.Contains(m.HTML, "<a href=") {
		t.Errorf("eml: %q\n%s", m.Subject, m.HTML)
	}
	anon := &client{t: t, base: s.url}
	if res := anon.do("POST", "/v1/auth/accept-invite", map[string]string{"token": m.Token(t, "flow=invite"), "password": goodPassword}); res.Status != 201 {
		t.Fatalf("accept from the file: %d %s", res.Status, res.Body)
	}
	if res := anon.do("POST", "/v1/auth/password-reset", map[string]string{"email": "boss@example.dk"}); res.Status != 202 {
		t.Fatal(res.Status)
	}
	r := s.mailFor(t, "boss@example.dk")
	if res := anon.do("POST", "/v1/auth/password-reset/confirm", map[string]string{"token": r.Token(t, "flow=reset"), "new_password": goodPassword}); res.Status != 204 {
		t.Fatalf("confirm from the file: %d %s", res.Status, res.Body)
	}
	s.login(t, "boss@example.dk", goodPassword, 200)
	if files := mailtest.Files(t, s.dir); len(files) != 2 {
		t.Errorf("%d .eml files, want 2", len(files))
	}
}
