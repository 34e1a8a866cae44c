package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPagesWorkUnderAStrictContentSecurityPolicy: the chat and the staff
// page are served with a Content-Security-Policy that allows no inline
// script or style, and both work under it without a single violation —
// from the greeting to the cards and the calendar file, and from signing
// in to an open lead. Markup slipped into the page cannot run script.
func TestPagesWorkUnderAStrictContentSecurityPolicy(t *testing.T) {
	if chromiumPath() == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	l := newOrgLead(t)
	chat := startServer(t)
	for _, url := range []string{chat + "/", chat + "/org/", chat + "/app.js"} {
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", url, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe") {
			t.Errorf("%s: Content-Security-Policy %q allows something unsafe", url, csp)
		}
	}

	ctx := newBrowser(t)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = [];
			document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));`,
	}); err != nil {
		t.Fatalf("watch for violations: %v", err)
	}
	violations := func(where string) {
		t.Helper()
		if v := eval[[]string](t, ctx, `window.__csp`); len(v) > 0 {
			t.Errorf("%s broke the Content-Security-Policy: %v", where, v)
		}
	}

	// The chat, from the greeting to the cards and a first step in the calendar.
	openApp(t, ctx, chat, phone())
	cards := reachCards(t, ctx)
	if len(cards) == 0 {
		t.Fatal("no cards")
	}
	if eval[bool](t, ctx, `!!document.querySelector('#log .msg--bot.has-cards .btn--calendar')`) {
		do(t, ctx, "save the first step in the calendar", chromedp.Tap(chromedp.CSS(`#log .msg--bot.has-cards .btn--calendar`)))
		waitFor(t, ctx, "the calendar file", `document.getElementById('toast').textContent.includes('Kalenderfilen er hentet')`)
	}
	violations("the chat")

	// Injected markup does not run: the policy is in force, not just sent.
	do(t, ctx, "inject an inline handler", chromedp.Evaluate[chromedp.Void](
		`document.body.insertAdjacentHTML('beforeend', '<img src="/nothing-here.png" onerror="window.__ran = true">')`))
	waitFor(t, ctx, "the violation report", `window.__csp.some(v => v.startsWith('script-src'))`)
	if ran := eval[bool](t, ctx, `window.__ran === true`); ran {
		t.Error("an injected inline handler ran")
	}

	// The staff page: sign in and open the lead.
	signInAtOrg(t, ctx, l, desktop())
	orgWaitFor(t, ctx, "Sofie in the inbox", `document.querySelector('#leads .lead__open')`)
	do(t, ctx, "open the lead", chromedp.Focus(chromedp.CSS(`#leads .lead__open`)), chromedp.KeyEvent(kb.Enter))
	orgWaitFor(t, ctx, "the lead's detail", fmt.Sprintf(`!document.getElementById('detail-body').hidden &&
		document.querySelector('#thread .note--youth .note__text')?.textContent === %q`, l.wish))
	violations("the staff page")
}
