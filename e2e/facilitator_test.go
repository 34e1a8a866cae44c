package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/brobygger/brobygger/api"
)

// classSession is a session as GET /v1/sessions/{id} sends it.
type classSession struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	StartsAt  *string `json:"starts_at"`
	Postcode  *string `json:"postcode"`
	ClassSize *int    `json:"class_size"`
	JoinCode  string  `json:"join_code"`
	JoinURL   string  `json:"join_url"`
	QRURL     string  `json:"qr_url"`
	ExpiresAt string  `json:"expires_at"`
}

// watchCSP records every Content-Security-Policy violation in the pages the
// tab opens from now on.
func watchCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = [];
			document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));`,
	}); err != nil {
		t.Fatalf("watch for violations: %v", err)
	}
}

// acceptLanguage makes the tab's browser ask for these languages, in
// navigator.languages and in Accept-Language.
func acceptLanguage(languages string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
			UserAgent: v.UserAgent, AcceptLanguage: languages,
		})
		return err
	})
}

func facToken(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(JSON.parse(sessionStorage.getItem('brobygger.facilitator.auth') || '{}').access_token || '')`)
}

// TestTeacherRunsAClassSession follows one class session: a teacher signs
// in at /facilitator/ and makes a session, a pupil who already had a
// conversation opens the class's link on a phone and chats, the teacher
// sees the class's totals with every count under five hidden and no word a
// pupil wrote, and the class plan prints on A4 without the page's controls.
func TestTeacherRunsAClassSession(t *testing.T) {
	t.Parallel()
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	a, base := startOrgServer(t)
	const email = "laerer@skolen.dk"
	_, password, err := api.CreateStaff(context.Background(), a.Store,
		api.NewStaff{Role: api.RoleFacilitator, Email: email}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if status, body := orgHTTP(t, http.MethodGet, base+"/v1/sessions", "", nil); status == http.StatusNotFound &&
		strings.Contains(string(body), "no such API endpoint") {
		t.Skip("the server has no /v1/sessions endpoints yet")
	}

	// (a) The teacher signs in and makes a session.
	teacher := newBrowser(t)
	watchCSP(t, teacher)
	// A browser that asks for English gets the page in English (headless
	// Chromium asks for en-US); a Danish one, as a Danish school's, in Danish.
	do(t, teacher, "open /facilitator/", desktop(), calm(), chromedp.Navigate(base+"/facilitator/"))
	orgWaitFor(t, teacher, "the sign-in form", `!document.getElementById('signin').hidden`)
	if got := eval[string](t, teacher, `document.documentElement.lang + ': ' + document.getElementById('signin-title').textContent`); got != "en: Sign in as a teacher" {
		t.Errorf("for an English browser the page reads %q", got)
	}
	do(t, teacher, "ask for Danish", acceptLanguage("da-DK,da;q=0.9"), chromedp.Reload())
	orgWaitFor(t, teacher, "the sign-in form in Danish", `!document.getElementById('signin').hidden &&
		document.documentElement.lang === 'da' && document.getElementById('signin-title').textContent === 'Log ind som lærer'`)
	do(t, teacher, "sign in",
		chromedp.SendKeys(chromedp.ID("signin-email"), email),
		chromedp.SendKeys(chromedp.ID("signin-password"), password),
		chromedp.Click(chromedp.ID("signin-submit")))
	orgWaitFor(t, teacher, "my sessions", `window.brobyggerFacilitator.view === 'sessions' &&
		document.getElementById('sessions-state').textContent.includes('ingen sessioner')`)
	if v := eval[string](t, teacher, `document.getElementById('signin-password').value`); v != "" {
		t.Error("the password is left in the sign-in form")
	}

	const title = "8.B – frivillighed"
	do(t, teacher, "fill in a new session",
		chromedp.SendKeys(chromedp.ID("new-name"), title),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('new-starts').value = '2027-03-09T10:00'`),
		chromedp.SendKeys(chromedp.ID("new-postcode"), "8000"),
		chromedp.SendKeys(chromedp.ID("new-size"), "24"),
		chromedp.Click(chromedp.ID("new-submit")))
	orgWaitFor(t, teacher, "the projector view with the code and the QR code", `window.brobyggerFacilitator.view === 'projector' &&
		/^[A-Z0-9]{6,8}$/.test(document.getElementById('join-code').textContent) &&
		document.querySelector('#join-qr-image svg [d], #join-qr-image svg rect')`)
	code := eval[string](t, teacher, `document.getElementById('join-code').textContent`)
	id := eval[string](t, teacher, `window.brobyggerFacilitator.session`)
	if got := eval[string](t, teacher, `document.getElementById('projector-title').textContent`); got != title {
		t.Errorf("projector title = %q, want %q", got, title)
	}
	link := eval[string](t, teacher, `document.getElementById('join-url').textContent`)
	if !strings.HasSuffix(link, "/?join="+code) {
		t.Errorf("the link %q does not end in /?join=%s", link, code)
	}
	if !strings.Contains(eval[string](t, teacher, `document.getElementById('join-expiry').textContent`), "Koden virker til ") {
		t.Error("the projector view does not say until when the code works")
	}
	if eval[bool](t, teacher, `document.getElementById('renew').hidden`) {
		t.Error("no Forny koden button")
	}
	// The code is big enough to read from the back of a classroom.
	if px := eval[float64](t, teacher, `parseFloat(getComputedStyle(document.getElementById('join-code')).fontSize)`); px < 48 {
		t.Errorf("the join code is %.0f px high, want at least 48", px)
	}
	// Renewing keeps the code the class has already copied, for 14 more days.
	do(t, teacher, "renew the code", chromedp.Click(chromedp.ID("renew")))
	orgWaitFor(t, teacher, "the renewal announced", `document.getElementById('announcer').textContent.startsWith('Koden er fornyet')`)
	if got := eval[string](t, teacher, `document.getElementById('join-code').textContent`); got != code {
		t.Errorf("after renewing the code reads %q, want %q", got, code)
	}
	// The server stored what the form said.
	status, body := orgHTTP(t, http.MethodGet, base+"/v1/sessions/"+id, facToken(t, teacher), nil)
	if status != http.StatusOK {
		t.Fatalf("GET the session: %d %s", status, body)
	}
	var s classSession
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	if s.Title != title || s.JoinCode != code || s.Postcode == nil || *s.Postcode != "8000" ||
		s.ClassSize == nil || *s.ClassSize != 24 || s.StartsAt == nil {
		t.Fatalf("the stored session does not match the form: %s", body)
	}
	// The time is Danish time (CET in March), whatever the computer's zone.
	if at, err := time.Parse(time.RFC3339, *s.StartsAt); err != nil || !at.Equal(time.Date(2027, 3, 9, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("starts_at = %s, want 10:00 Danish time (09:00 UTC)", *s.StartsAt)
	}

	// The session is in the teacher's list, and opens from there.
	do(t, teacher, "back to my sessions", chromedp.Click(chromedp.CSS(`#projector .view-nav a[href="#"]`)))
	orgWaitFor(t, teacher, "the session in the list", fmt.Sprintf(`window.brobyggerFacilitator.view === 'sessions' &&
		document.querySelector('#session-list li[data-session=%q] a')?.textContent === %q`, id, title))
	do(t, teacher, "open the session", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#session-list li[data-session=%q] a`, id))))
	orgWaitFor(t, teacher, "the projector view again", fmt.Sprintf(`window.brobyggerFacilitator.view === 'projector' &&
		document.getElementById('join-code').textContent === %q && document.querySelector('#join-qr-image svg')`, code))

	// (b) A pupil who has used the chat before opens the class's link on a
	// phone: the chat says which class they are in, and the code leaves the
	// address bar.
	pupil := newBrowser(t)
	openApp(t, pupil, base, phone())
	before := pageSession(t, pupil)
	u, err := url.Parse(s.JoinURL)
	if err != nil || u.Query().Get("join") != code {
		t.Fatalf("join_url %q does not carry the code %s", s.JoinURL, code)
	}
	do(t, pupil, "open the class's link", chromedp.Navigate(base+u.RequestURI()))
	waitFor(t, pupil, "the class's conversation", fmt.Sprintf(`window.brobygger && window.brobygger.started &&
		[...document.querySelectorAll('#log .msg--bot .bubble')].some(b => b.textContent.includes(%q))`, title))
	if got := pageSession(t, pupil); got.UserID != before.UserID {
		t.Errorf("joining the class made a new guest: before %+v, after %+v", before, got)
	}
	if q := eval[string](t, pupil, `location.search`); q != "" {
		t.Errorf("the address bar still holds %q", q)
	}
	if n := eval[int](t, pupil, `document.querySelectorAll('#log .msg--notice').length`); n != 0 {
		t.Errorf("a good code was refused: %s", eval[string](t, pupil, `document.querySelector('#log .msg--notice').textContent`))
	}
	const secret = "jeg er 14 og min hemmelighed er blåbærsyltetøj"
	say(t, pupil, secret)

	// (c) The teacher's totals: fewer than five pupils, so every count is
	// hidden and written as words, never 0, and nothing a pupil wrote.
	do(t, teacher, "reload the projector view", chromedp.Reload())
	orgWaitFor(t, teacher, "the totals", `window.brobyggerFacilitator.view === 'projector' &&
		window.brobyggerFacilitator.summaryLoads > 0 && document.querySelectorAll('#counts .count').length === 3`)
	counts := eval[[]string](t, teacher, `[...document.querySelectorAll('#counts .count')].map(c => c.dataset.count + '=' + c.textContent)`)
	for _, c := range counts {
		if !strings.HasSuffix(c, "=færre end 5") {
			t.Errorf("with one pupil the count %s is shown, want færre end 5", c)
		}
	}
	bars := eval[[]string](t, teacher, `[...document.querySelectorAll('#interest-bars .bar, #time-bars .bar')].map(b =>
		b.dataset.id + '=' + b.querySelector('.bar__value').textContent + (b.querySelector('.bar__fill') ? ' (bar)' : ''))`)
	for _, b := range bars {
		if !strings.HasSuffix(b, "=færre end 5") {
			t.Errorf("with one pupil a total is shown: %s", b)
		}
	}
	if !strings.HasPrefix(eval[string](t, teacher, `document.getElementById('as-of').textContent`), "Tal fra ") {
		t.Error("the totals do not say when they are from")
	}
	text := eval[string](t, teacher, `document.body.innerText`)
	if strings.Contains(text, "blåbær") || strings.Contains(text, "hemmelighed") {
		t.Errorf("the teacher's page shows what a pupil wrote:\n%s", text)
	}
	if !strings.Contains(text, "Du ser kun tal for hele klassen – aldrig hvad den enkelte elev har svaret.") {
		t.Error("the page does not tell the teacher that only the class's totals are shown")
	}
	status, body = orgHTTP(t, http.MethodGet, base+"/v1/sessions/"+id+"/summary", facToken(t, teacher), nil)
	if status != http.StatusOK {
		t.Fatalf("GET the summary: %d %s", status, body)
	}
	if strings.Contains(string(body), "blåbær") || strings.Contains(string(body), pageSession(t, pupil).UserID) {
		t.Errorf("the summary holds a pupil's words or id:\n%s", body)
	}
	var sum struct {
		Joined *int `json:"joined"`
	}
	if err := json.Unmarshal(body, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Joined != nil {
		t.Errorf("with one pupil the summary says joined = %d, want null", *sum.Joined)
	}
	savePNG(t, teacher, "facilitator.png")

	// (d) The class plan prints: on paper no navigation or buttons, the
	// session's title, black on white.
	do(t, teacher, "open the class plan", chromedp.Click(chromedp.ID("to-plan")))
	orgWaitFor(t, teacher, "the class plan", fmt.Sprintf(`window.brobyggerFacilitator.view === 'plan' &&
		document.getElementById('plan-title').textContent === %q && document.getElementById('plan-follow').textContent !== ''`, title))
	if meta := eval[string](t, teacher, `document.getElementById('plan-meta').textContent`); !strings.Contains(meta, "tirsdag 9. marts 2027 kl. 10.00") {
		t.Errorf("the plan says the session is %q, want tirsdag 9. marts 2027 kl. 10.00", meta)
	}
	visible := `(sel) => [...document.querySelectorAll(sel)].some(n => n.getClientRects().length > 0)`
	if !eval[bool](t, teacher, `(`+visible+`)('#plan .view-nav')`) {
		t.Error("the class plan has no navigation on screen")
	}
	do(t, teacher, "print media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	for _, sel := range []string{"#plan .view-nav", ".topbar", "#plan button", "#projector", "#sessions"} {
		if eval[bool](t, teacher, `(`+visible+`)(`+fmt.Sprintf("%q", sel)+`)`) {
			t.Errorf("%s shows on paper", sel)
		}
	}
	for _, sel := range []string{"#plan-title", "#plan-interests", "#plan-outings", "#plan-follow"} {
		if !eval[bool](t, teacher, `(`+visible+`)(`+fmt.Sprintf("%q", sel)+`)`) {
			t.Errorf("%s is missing on paper", sel)
		}
	}
	ink := eval[[]string](t, teacher, `[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor,
		getComputedStyle(document.getElementById('plan-title')).color]`)
	if ink[0] != "rgb(0, 0, 0)" || ink[1] != "rgb(255, 255, 255)" || ink[2] != "rgb(0, 0, 0)" {
		t.Errorf("on paper the text is %s on %s (title %s), want black on white", ink[0], ink[1], ink[2])
	}
	if !eval[bool](t, teacher, `[...document.styleSheets].some(s => { try { return [...s.cssRules].some(function has(r) {
		return (r instanceof CSSPageRule && /A4/i.test(r.style.getPropertyValue('size'))) || [...(r.cssRules || [])].some(has); }); } catch { return false; } })`) {
		t.Error("no @page rule sets A4")
	}
	if v := eval[[]string](t, teacher, `window.__csp`); len(v) > 0 {
		t.Errorf("the teachers' page broke the Content-Security-Policy: %v", v)
	}
}

// TestRefusedClassCodeIsSaidInTheChat: a link with a code the server does
// not know still opens the chat; the pupil hears why in the chat, gets the
// ordinary greeting, and the code leaves the address bar.
func TestRefusedClassCodeIsSaidInTheChat(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	do(t, ctx, "open a link with a wrong code", phone(), calm(), chromedp.Navigate(base+"/?join=QQQQ99"))
	waitFor(t, ctx, "the greeting after the notice", `window.brobygger && window.brobygger.started &&
		document.querySelector('#log .msg--notice .bubble')?.textContent &&
		document.querySelector('#quick-replies:not([hidden]) button[data-choice="start"]')`)
	if q := eval[string](t, ctx, `location.search`); q != "" {
		t.Errorf("the address bar still holds %q", q)
	}
	// In the chat's own language, and pointing to the teacher.
	if notice := eval[string](t, ctx, `document.querySelector('#log .msg--notice .bubble').textContent`); !strings.Contains(notice, "Spørg din lærer") {
		t.Errorf("the notice reads %q, want Danish words that point to the teacher", notice)
	}
	// The notice is the app's, not part of the stored conversation: a reload
	// shows the conversation without it, and does not try the code again.
	do(t, ctx, "reload", chromedp.Reload())
	waitFor(t, ctx, "the conversation after a reload", `window.brobygger && window.brobygger.started &&
		document.querySelector('#quick-replies:not([hidden]) button[data-choice="start"]')`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#log .msg--notice').length`); n != 0 {
		t.Errorf("after a reload the notice is shown %d times, want none", n)
	}
}
