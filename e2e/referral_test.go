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

	"github.com/chromedp/chromedp"

	"github.com/brobygger/brobygger/api"
)

// TestReferralLinkOnAPhone: a counsellor's referral link opens on a young
// person's phone: the chat says who sent them and their note, asks with two
// buttons whether the counsellor may follow along, and the code leaves the
// address bar. After "Ja, det må de" the counsellor sees "opened". The same
// link on another phone is refused kindly, and that young person chats on.
func TestReferralLinkOnAPhone(t *testing.T) {
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
	status, body := orgHTTP(t, http.MethodPost, base+"/v1/auth/login", "", map[string]string{"email": email, "password": password})
	if status != http.StatusOK {
		t.Fatalf("sign in: %d %s", status, body)
	}
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(body, &tokens); err != nil {
		t.Fatal(err)
	}
	status, body = orgHTTP(t, http.MethodPost, base+"/v1/referrals", tokens.AccessToken,
		map[string]string{"reason": "loneliness", "note_to_youth": "Jeg tror, du vil kunne lide det."})
	if status != http.StatusCreated {
		t.Fatalf("create referral: %d %s", status, body)
	}
	var referral struct {
		ID, Code, Link, Status string
	}
	if err := json.Unmarshal(body, &referral); err != nil {
		t.Fatal(err)
	}
	link, err := url.Parse(referral.Link)
	if err != nil || link.Query().Get("ref") != referral.Code {
		t.Fatalf("link %q does not carry the code %s", referral.Link, referral.Code)
	}
	statusNow := func() string {
		t.Helper()
		status, body := orgHTTP(t, http.MethodGet, base+"/v1/referrals/"+referral.ID, tokens.AccessToken, nil)
		if status != http.StatusOK {
			t.Fatalf("get referral: %d %s", status, body)
		}
		var r struct{ Status string }
		_ = json.Unmarshal(body, &r)
		return r.Status
	}

	youth := newBrowser(t)
	do(t, youth, "open the referral link", phone(), calm(), chromedp.Navigate(base+link.RequestURI()))
	waitFor(t, youth, "who sent me", `window.brobygger && window.brobygger.started &&
		[...document.querySelectorAll('#log .msg--bot .bubble')].some(b => b.textContent.includes('UU Aarhus har sendt dig hertil') &&
			b.textContent.includes('Jeg tror, du vil kunne lide det.'))`)
	if q := eval[string](t, youth, `location.search`); q != "" {
		t.Errorf("the address bar still holds %q", q)
	}
	chips := eval[[]string](t, youth, `[...document.querySelectorAll('#quick-replies:not([hidden]) button')].map(b => b.dataset.choice + '=' + b.textContent.trim())`)
	if strings.Join(chips, "|") != "referral_share:yes=Ja, det må de|referral_share:no=Nej tak" {
		t.Errorf("the buttons are %q", chips)
	}
	if got := statusNow(); got != "not_shared" {
		t.Errorf("before the young person answered: %s", got)
	}
	tap(t, youth, "referral_share:yes")
	if got := statusNow(); got != "opened" {
		t.Errorf("after Ja, det må de: %s", got)
	}

	other := newBrowser(t)
	do(t, other, "open the same link on another phone", phone(), calm(), chromedp.Navigate(base+link.RequestURI()))
	waitFor(t, other, "the refusal and the greeting", `window.brobygger && window.brobygger.started &&
		document.querySelector('#log .msg--notice')?.textContent.includes('allerede brugt af en anden') &&
		document.querySelector('#quick-replies:not([hidden]) button[data-choice="start"]')`)
	if got := eval[string](t, other, `location.search`); got != "" {
		t.Errorf("the refused code stays in the address bar: %q", got)
	}
	if got := statusNow(); got != "opened" {
		t.Errorf("after another phone tried the link: %s", got)
	}
	if n := eval[int](t, other, fmt.Sprintf(`[...document.querySelectorAll('#log .bubble')].filter(b => b.textContent.includes(%q)).length`, "UU Aarhus")); n != 0 {
		t.Errorf("the other young person is told who referred someone else")
	}
}
