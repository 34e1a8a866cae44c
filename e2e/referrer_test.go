package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Danish time, whatever the machine has installed

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/brobygger/brobygger/api"
)

const referrerKey = "brobygger.referrer.auth"

// timezone makes the tab's clock run in another zone, so the test shows the
// page writes Danish time whatever the computer is set to.
func timezone(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: id})
		return err
	})
}

// TestReferrerRefersAYoungPerson: a school counsellor signs in at
// /referrer/, has a note with a phone number refused with the server's
// reason, makes a referral and gets its code and link; a young person opens
// the link and says yes to sharing; the list does not change on its own,
// and after "Opdatér" it says "Åbnet". A teacher's account, and a young
// person's sign-in left in the tab, are refused. No Content-Security-Policy
// violation, and nothing wider than a phone.
func TestReferrerRefersAYoungPerson(t *testing.T) {
	t.Parallel()
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	a, base := startOrgServer(t)
	ctx := context.Background()
	org, err := a.Store.CreateOrganisation(ctx, "UU Aarhus", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	const email = "vejleder@uu.example.dk"
	_, password, err := api.CreateStaff(ctx, a.Store, api.NewStaff{Role: api.RoleReferrer, Email: email, OrgID: org.ID}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	const teacher = "laerer@skolen.dk"
	_, teacherPassword, err := api.CreateStaff(ctx, a.Store, api.NewStaff{Role: api.RoleFacilitator, Email: teacher}, time.Now())
	if err != nil {
		t.Fatal(err)
	}

	b := newBrowser(t)
	watchCSP(t, b)
	do(t, b, "open /referrer/", desktop(), calm(), timezone("America/New_York"), chromedp.Navigate(base+"/referrer/"))
	orgWaitFor(t, b, "the sign-in form", `!document.getElementById('signin').hidden && document.getElementById('workspace').hidden`)
	signIn := func(who, email, password string) {
		t.Helper()
		do(t, b, "sign in as "+who,
			chromedp.Evaluate[chromedp.Void](`document.getElementById('signin-email').value = ''`),
			chromedp.SendKeys(chromedp.ID("signin-email"), email),
			chromedp.SendKeys(chromedp.ID("signin-password"), password),
			chromedp.Click(chromedp.ID("signin-submit")))
	}

	// (a) Another role is told what the page is for and kept out.
	signIn("a teacher", teacher, teacherPassword)
	orgWaitFor(t, b, "the teacher refused", `document.getElementById('signin-error').textContent.includes('for fagpersoner, der henviser unge')`)
	if !eval[bool](t, b, `document.getElementById('workspace').hidden && !sessionStorage.getItem('`+referrerKey+`')`) {
		t.Error("a teacher's sign-in is kept or shows the referrals")
	}
	// A young person's sign-in in the tab's storage is not used either.
	guest := newYoungPerson(t, base)
	do(t, b, "leave a young person's sign-in in the tab", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`sessionStorage.setItem(%q, JSON.stringify({access_token: %q, refresh_token: 'x', role: 'youth', expires_at: Date.now() + 600000}))`,
		referrerKey, guest.token)), chromedp.Reload())
	orgWaitFor(t, b, "the sign-in form again", `!document.getElementById('signin').hidden && document.getElementById('workspace').hidden`)
	if eval[bool](t, b, `!!sessionStorage.getItem('`+referrerKey+`')`) {
		t.Error("a young person's sign-in stays in the tab")
	}

	// (b) The counsellor signs in; there are no referrals yet.
	signIn("a counsellor", email, password)
	orgWaitFor(t, b, "the empty list", `!document.getElementById('workspace').hidden &&
		document.getElementById('mine-state').textContent.includes('ingen henvisninger')`)
	if v := eval[string](t, b, `document.getElementById('signin-password').value`); v != "" {
		t.Error("the password is left in the sign-in form")
	}
	reasons := eval[[]string](t, b, `[...document.querySelectorAll('#reasons input[type=radio]')].map(i => i.value + '=' + document.querySelector('label[for="' + i.id + '"]').textContent)`)
	want := "wants_experience=Vil gerne prøve noget / få erfaring|loneliness=Ensomhed|new_in_denmark=Ny i Danmark|" +
		"school_absence=Skolefravær|mental_wellbeing=Mental trivsel|other=Andet"
	if strings.Join(reasons, "|") != want {
		t.Errorf("the reasons are %q", reasons)
	}

	// (c) A note with a phone number: the server refuses it and the page says why.
	do(t, b, "a note with a phone number",
		chromedp.Click(chromedp.CSS(`label[for="reason-school_absence"]`)),
		chromedp.SendKeys(chromedp.ID("note"), "Ring til mig på 22 33 44 55, hvis du vil."),
		chromedp.Click(chromedp.ID("new-submit")))
	orgWaitFor(t, b, "the refusal", `document.getElementById('new-error').textContent.includes('telefonnummer')`)
	if got := eval[string](t, b, `document.getElementById('note-count').textContent`); got != "41 af 300 tegn" {
		t.Errorf("the counter says %q", got)
	}
	if !eval[bool](t, b, `document.getElementById('made').hidden`) {
		t.Error("a refused referral shows a code")
	}

	// (d) Without it the referral is made: the code in large type, the link.
	const note = "Jeg tror, du vil kunne lide det."
	do(t, b, "a note without it",
		chromedp.Evaluate[chromedp.Void](`document.getElementById('note').value = ''`),
		chromedp.SendKeys(chromedp.ID("note"), note),
		chromedp.Click(chromedp.ID("new-submit")))
	orgWaitFor(t, b, "the code", `!document.getElementById('made').hidden && /^[A-Z0-9]{8}$/.test(document.getElementById('made-code').textContent)`)
	code := eval[string](t, b, `document.getElementById('made-code').textContent`)
	link := eval[string](t, b, `document.getElementById('made-link').textContent`)
	if link != base+"/?ref="+code {
		t.Errorf("the link is %q, want %s/?ref=%s", link, base, code)
	}
	if eval[bool](t, b, `!!document.querySelector('#made a')`) {
		t.Error("the young person's link is a link the referrer could open, binding the code to their own browser")
	}
	if px := eval[float64](t, b, `parseFloat(getComputedStyle(document.getElementById('made-code')).fontSize)`); px < 36 {
		t.Errorf("the code is %.0f px high, want at least 36", px)
	}
	if got := eval[string](t, b, `document.querySelector('#made .privacy').textContent`); !strings.Contains(got, "følge med") {
		t.Errorf("the page does not say what the young person is asked: %q", got)
	}
	if got := eval[string](t, b, `document.activeElement.id`); got != "new-title" {
		t.Errorf("after making the referral the focus is on %q", got)
	}
	orgWaitFor(t, b, "the referral announced", `document.getElementById('announcer').textContent.startsWith('Henvisningen er lavet')`)
	do(t, b, "copy the link", chromedp.Click(chromedp.ID("copy-link")))
	orgWaitFor(t, b, "the copy announced", `document.getElementById('announcer').textContent.startsWith('Linket er')`)
	const item = `document.querySelector('#referral-list li.referral')`
	orgWaitFor(t, b, "the referral in the list", item+`?.dataset.status === 'not_opened' &&
		`+item+`.querySelector('.status').textContent === 'Ikke åbnet endnu' &&
		`+item+`.querySelector('.referral__code').textContent === `+fmt.Sprintf("%q", code))

	// The date is Danish time, though the tab's clock runs in New York.
	token := eval[string](t, b, `JSON.parse(sessionStorage.getItem('`+referrerKey+`') || '{}').access_token || ''`)
	status, body := orgHTTP(t, http.MethodGet, base+"/v1/referrals", token, nil)
	if status != http.StatusOK {
		t.Fatalf("GET /v1/referrals: %d %s", status, body)
	}
	var list struct {
		Referrals []struct {
			Code, Reason string
			NoteToYouth  *string   `json:"note_to_youth"`
			CreatedAt    time.Time `json:"created_at"`
		}
	}
	if err := json.Unmarshal(body, &list); err != nil || len(list.Referrals) != 1 {
		t.Fatalf("the referrals: %v %s", err, body)
	}
	r := list.Referrals[0]
	if r.Code != code || r.Reason != "school_absence" || r.NoteToYouth == nil || *r.NoteToYouth != note {
		t.Errorf("the stored referral does not match the form: %s", body)
	}
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	months := []string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}
	at := r.CreatedAt.In(cph)
	wantDate := fmt.Sprintf("Lavet %d. %s %d kl. %02d.%02d · Kode %s", at.Day(), months[at.Month()-1], at.Year(), at.Hour(), at.Minute(), code)
	if got := eval[string](t, b, item+`.querySelector('.referral__meta').textContent`); got != wantDate {
		t.Errorf("the list says %q, want %q", got, wantDate)
	}

	// (e) The young person opens the link and says yes to sharing.
	youth := newYoungPerson(t, base)
	status, body = orgHTTP(t, http.MethodPost, base+"/v1/conversations", youth.token, map[string]string{"referral_code": code, "locale": "da"})
	if status != http.StatusCreated && status != http.StatusOK {
		t.Fatalf("open the referral: %d %s", status, body)
	}
	var conv struct {
		ID string `json:"conversation_id"`
	}
	if err := json.Unmarshal(body, &conv); err != nil || conv.ID == "" {
		t.Fatalf("open the referral: %v %s", err, body)
	}
	youth.conversation = conv.ID
	youth.choose(t, "referral_share:yes")

	// (f) The list changes only when the referrer asks.
	loads := eval[int](t, b, `window.brobyggerReferrer.loads`)
	time.Sleep(500 * time.Millisecond)
	if got := eval[string](t, b, item+`.dataset.status`); got != "not_opened" || eval[int](t, b, `window.brobyggerReferrer.loads`) != loads {
		t.Errorf("the list changed by itself: %s", got)
	}
	do(t, b, "refresh", chromedp.Click(chromedp.ID("refresh")))
	orgWaitFor(t, b, "Åbnet", item+`?.dataset.status === 'opened' && `+item+`.querySelector('.status').textContent === 'Åbnet'`)
	orgWaitFor(t, b, "the refresh announced", `document.getElementById('announcer').textContent.startsWith('Listen er opdateret')`)
	do(t, b, "the top of the page", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, 0)`))
	savePNG(t, b, "referrer.png")

	// (g) On a phone nothing is wider than the screen, and the form is back
	// for the next referral.
	do(t, b, "a phone", phone(), chromedp.Click(chromedp.ID("another")))
	orgWaitFor(t, b, "the form again", `!document.getElementById('new-form').hidden && document.getElementById('made').hidden &&
		document.getElementById('note').value === '' && document.getElementById('note-count').textContent === '0 af 300 tegn'`)
	if w := eval[[]float64](t, b, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
		t.Errorf("the page is %.0f px wide on a %.0f px phone", w[0], w[1])
	}
	if v := eval[[]string](t, b, `window.__csp`); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", v)
	}
}
