package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/funnel"
)

// TestAdminSeesTheFunnel: an operator signs in at /admin/ and sees the
// bridge funnel as a chart and a table that say what GET /v1/admin/funnel
// says, with hidden counts drawn as hidden (never as zero), and narrows it
// to one municipality.
func TestAdminSeesTheFunnel(t *testing.T) {
	t.Parallel()
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	a, base := startOrgServer(t)
	ctx := context.Background()
	const email = "drift@brobygger.dk"
	_, password, err := api.CreateStaff(ctx, a.Store, api.NewStaff{Role: api.RoleAdmin, Email: email}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Twenty conversations: twelve in Aarhus, eight in Odense; twelve chose
	// a first step and sent a lead, three were welcomed.
	at := time.Now().Add(-48 * time.Hour)
	for i := range 20 {
		muni := "Aarhus"
		if i >= 12 {
			muni = "Odense"
		}
		far := 1
		switch {
		case i < 3:
			far = 4
		case i < 12:
			far = 3
		}
		key := fmt.Sprintf("e2e-%02d", i)
		for s := 0; s <= far; s++ {
			e := funnel.NewEvent(key, funnel.Stages[s], "", at.Add(time.Duration(s)*time.Minute))
			e.Municipality, e.AgeBand = muni, "15-17"
			if err := a.Store.RecordFunnelEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
	}

	b := newBrowser(t)
	watchCSP(t, b)
	do(t, b, "open /admin/", desktop(), calm(), chromedp.Navigate(base+"/admin/"))
	orgWaitFor(t, b, "the sign-in form", `!document.getElementById('signin').hidden`)
	do(t, b, "sign in",
		chromedp.SendKeys(chromedp.ID("signin-email"), email),
		chromedp.SendKeys(chromedp.ID("signin-password"), password),
		chromedp.Click(chromedp.ID("signin-submit")))
	orgWaitFor(t, b, "the chart", `document.querySelectorAll('#chart g.stage').length === 6`)

	token := eval[string](t, b, `JSON.parse(sessionStorage.getItem('brobygger.admin') || '{}').access_token || ''`)
	check := func(query string) {
		t.Helper()
		status, body := orgHTTP(t, http.MethodGet, base+"/v1/admin/funnel"+query, token, nil)
		if status != http.StatusOK {
			t.Fatalf("GET /v1/admin/funnel%s: %d %s", query, status, body)
		}
		var f struct {
			Stages []struct {
				Stage string
				Count *int
			}
		}
		if err := json.Unmarshal(body, &f); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, s := range f.Stages {
			if s.Count == nil {
				want = append(want, s.Stage+": skjult (færre end 5)")
			} else {
				want = append(want, fmt.Sprintf("%s: %d", s.Stage, *s.Count))
			}
		}
		got := eval[[]string](t, b, `[...document.querySelectorAll('#chart g.stage')].map(g => g.dataset.stage + ': ' + g.querySelector('.value').textContent)`)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("the chart%s says\n%s\nthe API says\n%s", query, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		rows := eval[int](t, b, `document.querySelectorAll('#rows tr').length`)
		if rows != len(want) {
			t.Errorf("the table has %d rows, want %d", rows, len(want))
		}
		// A hidden count is a short pale bar, never a zero-length one.
		if n := eval[int](t, b, `[...document.querySelectorAll('#chart rect.bar--hidden')].filter(r => +r.getAttribute('width') < 10).length`); n != 0 {
			t.Errorf("%d hidden counts drawn too small to see", n)
		}
	}
	check("")
	if got := eval[string](t, b, `document.querySelector('#chart g.stage[data-stage=welcomed] .value').textContent`); !strings.Contains(got, "skjult") {
		t.Errorf("three welcomed young people are shown as %q", got)
	}
	savePNG(t, b, "admin.png")
	do(t, b, "narrow to Aarhus",
		chromedp.SendKeys(chromedp.ID("f-municipality"), "Aarhus"),
		chromedp.Click(chromedp.ID("f-submit")))
	orgWaitFor(t, b, "Aarhus's funnel", `document.querySelector('#chart g.stage .value').textContent === '12'`)
	check("?municipality=Aarhus")
	do(t, b, "an unknown municipality",
		chromedp.SetValue(chromedp.ID("f-municipality"), "Atlantis"),
		chromedp.Click(chromedp.ID("f-submit")))
	orgWaitFor(t, b, "the refusal", `document.getElementById('funnel-error').textContent.includes('Atlantis')`)
	// An operator invites a teacher; the invitation is e-mailed (here: an
	// .eml file, as no mail server is set up).
	do(t, b, "invite a teacher",
		chromedp.SendKeys(chromedp.ID("i-email"), "laerer@skolen.dk"),
		chromedp.SetValue(chromedp.ID("i-role"), "facilitator"),
		chromedp.Click(chromedp.ID("i-submit")))
	orgWaitFor(t, b, "the invitation sent", `document.getElementById('invite-done').textContent.includes('laerer@skolen.dk')`)
	do(t, b, "invite organisation staff without an organisation",
		chromedp.SendKeys(chromedp.ID("i-email"), "sara@poterne.dk"),
		chromedp.SetValue(chromedp.ID("i-role"), "org_staff"),
		chromedp.Click(chromedp.ID("i-submit")))
	orgWaitFor(t, b, "the organisation asked for", `document.getElementById('invite-error').textContent.includes('organisationens id')`)
	do(t, b, "invite the teacher again",
		chromedp.SetValue(chromedp.ID("i-email"), "laerer@skolen.dk"),
		chromedp.SetValue(chromedp.ID("i-role"), "facilitator"),
		chromedp.Click(chromedp.ID("i-submit")))
	orgWaitFor(t, b, "the second invitation sent too", `document.getElementById('invite-done').textContent.includes('laerer@skolen.dk')`)
	if v := eval[[]string](t, b, `window.__csp`); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", v)
	}
}
