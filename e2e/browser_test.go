// Package e2e drives the real server, with its embedded database, through the
// reference web client in headless Chromium.
package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/brobygger/brobygger/app"
)

// update rewrites the screenshots the README shows. Without it they go to a
// temporary folder, so running the tests leaves the working tree as it was.
var update = flag.Bool("update", false, "rewrite the screenshots in testdata/screenshots")

// testTimeout bounds each test; the whole package must stay well under 90 s.
const testTimeout = 45 * time.Second

// waitTimeout bounds one wait for something to appear in the page.
const waitTimeout = 12 * time.Second

// ----------------------------------------------------------------- server

// One server serves every test: starting the embedded database is the slow
// part, and each test gets its own guest user and browser profile anyway.
var server struct {
	once sync.Once
	url  string
	err  error
	stop func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if server.stop != nil {
		server.stop()
	}
	os.Exit(code)
}

func startServer(t *testing.T) string {
	t.Helper()
	server.once.Do(func() {
		dir, err := os.MkdirTemp("", "brobygger-e2e-")
		if err != nil {
			server.err = err
			return
		}
		ctx := context.Background()
		a, err := app.New(ctx, app.Config{
			DataDir:  dir,
			Database: "e2e",
			Addr:     "127.0.0.1:0",
			Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		})
		if err != nil {
			_ = os.RemoveAll(dir)
			server.err = fmt.Errorf("start app: %w", err)
			return
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			_ = a.Close(ctx)
			_ = os.RemoveAll(dir)
			server.err = err
			return
		}
		serveCtx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- a.Serve(serveCtx, ln) }()
		server.url = "http://" + ln.Addr().String()
		server.stop = func() {
			cancel()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
			}
			closeCtx, cancelClose := context.WithTimeout(ctx, 15*time.Second)
			defer cancelClose()
			_ = a.Close(closeCtx)
			_ = os.RemoveAll(dir)
		}
		server.err = waitHealthy(server.url, 20*time.Second)
	})
	if server.err != nil {
		t.Fatalf("server: %v", server.err)
	}
	return server.url
}

func waitHealthy(base string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("server not healthy after %s: %v", within, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ---------------------------------------------------------------- browser

func chromiumPath() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts a fresh headless Chromium (its own profile, so its own
// guest user) and returns a tab context that ends with the test's timeout.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("browser tests need Chromium: apt-get install chromium")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, testTimeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

func phone() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile,
		chromedp.EmulateTouch, chromedp.EmulatePortrait)
}

func desktop() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(1280, 800)
}

// calm turns animations off, so screenshots and timings are deterministic.
func calm() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
		})
		return err
	})
}

func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval runs a JavaScript expression and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript expression until it is truthy, for at most waitTimeout.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool]("!!("+expr+")",
		chromedp.WithPollingTimeout(waitTimeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting for %s: %v\nconversation so far:\n%s", what, err, transcript(ctx))
	}
}

// transcript is the conversation as text, for failure messages.
func transcript(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll('#log .msg')].map(m => (m.classList.contains('msg--bot') ? 'bot: ' : 'you: ') +
			(m.querySelector('.bubble')?.textContent || '') + (m.dataset.state ? ' [' + m.dataset.state + ']' : '')).join('\n')`))
	if err != nil {
		return "(unavailable: " + err.Error() + ")"
	}
	return s
}

const (
	botCount     = `document.querySelectorAll('#log .msg--bot').length`
	chipSelector = `#quick-replies:not([hidden]) button[data-choice="%s"]`
)

// openApp opens the chat as a new guest and waits for the whole greeting,
// which ends with the buttons to start.
func openApp(t *testing.T, ctx context.Context, base string, viewport chromedp.Action[chromedp.Void]) {
	t.Helper()
	do(t, ctx, "open the app", viewport, calm(), chromedp.Navigate(base+"/"))
	waitFor(t, ctx, "the greeting", `window.brobygger && window.brobygger.started &&
		document.querySelector('#log .msg--bot .bubble')?.textContent.includes('Brobygger') &&
		document.querySelector('#quick-replies:not([hidden]) .chip')`)
}

// tap taps a quick reply and waits until the bot has answered it.
func tap(t *testing.T, ctx context.Context, choice string) {
	t.Helper()
	sel := fmt.Sprintf(chipSelector, choice)
	waitFor(t, ctx, "quick reply "+choice, fmt.Sprintf("document.querySelector(%q)", sel))
	before := eval[int](t, ctx, botCount)
	do(t, ctx, "tap "+choice, chromedp.Tap(chromedp.CSS(sel)))
	waitForReply(t, ctx, before)
}

// say types a message in the message box, sends it with Enter and waits for
// the bot's answer.
func say(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	before := eval[int](t, ctx, botCount)
	do(t, ctx, "type "+text, chromedp.SendKeys(chromedp.ID("composer-input"), text), enter())
	waitForReply(t, ctx, before)
}

// enter presses Enter the way a keyboard does. kb.Enter also sends a char
// event, which a real key press whose keydown was handled never produces, and
// which would leave a stray line break in the message box.
func enter() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13,
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func waitForReply(t *testing.T, ctx context.Context, botsBefore int) {
	t.Helper()
	waitFor(t, ctx, "the bot's reply", fmt.Sprintf(`%s > %d && document.getElementById('typing').hidden &&
		!document.querySelector('#log .msg--user:not([data-state="sent"])')`, botCount, botsBefore))
}

type cardView struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Org     string   `json:"org"`
	Step    string   `json:"step"`
	When    string   `json:"when"`
	Actions []string `json:"actions"`
	ICS     bool     `json:"ics"`
	// Badge is the distance as shown, KM the number behind it (-1: none).
	Badge string  `json:"badge"`
	KM    float64 `json:"km"`
	// Why is how many reasons the card shows before "Mere om forslaget".
	Why int `json:"why"`
}

// nearPostcode is where the sample catalog has an animal shelter open at
// weekends (Potefællesskabet Aarhus, Finlandsgade 73, 8200 Aarhus N), so
// one of the cards is under a kilometre away.
const nearPostcode = "8200"

// reachCards answers the onboarding questions with quick replies (and a
// typed postcode) until the bot shows suggestion cards.
func reachCards(t *testing.T, ctx context.Context) []cardView {
	t.Helper()
	tap(t, ctx, "start")
	tap(t, ctx, "age:15")
	tap(t, ctx, "interest:animals")
	tap(t, ctx, "when:weekends")
	tap(t, ctx, "commitment:any")
	say(t, ctx, nearPostcode)
	tap(t, ctx, "group:with_friend")
	waitFor(t, ctx, "suggestion cards", `document.querySelectorAll('#log .msg--bot.has-cards').length > 0`)
	return reachedCards(t, ctx)
}

// reachedCards reads the last suggestion cards as shown.
func reachedCards(t *testing.T, ctx context.Context) []cardView {
	t.Helper()
	return eval[[]cardView](t, ctx, `[...[...document.querySelectorAll('#log .msg--bot.has-cards')].pop()
		.querySelectorAll('.card')].map(c => ({
			id: c.dataset.opportunity,
			title: c.querySelector('.card__title')?.textContent || '',
			org: c.querySelector('.card__org')?.textContent || '',
			step: c.querySelector('.card__step')?.textContent || '',
			when: c.querySelector('.card__when time')?.textContent || '',
			actions: [...c.querySelectorAll('.card__actions button[data-choice]')].map(b => b.dataset.choice),
			ics: !!c.querySelector('.btn--calendar'),
			badge: c.querySelector('.card__badge')?.textContent || '',
			km: c.querySelector('.card__badge') ? +c.querySelector('.card__badge').dataset.km : -1,
			why: c.querySelectorAll(':scope > .card__section .card__why li').length,
		}))`)
}

// checkBadge checks a card's distance as written: close by under a
// kilometre, never "0 km".
func checkBadge(t *testing.T, i int, c cardView, near, away string) {
	t.Helper()
	switch {
	case c.KM < 0:
		if c.Badge != "" {
			t.Errorf("card %d shows a distance %q without one", i, c.Badge)
		}
	case c.KM < 1:
		if c.Badge != near {
			t.Errorf("card %d is %.1f km away and reads %q, want %q", i, c.KM, c.Badge, near)
		}
	default:
		if !strings.HasSuffix(c.Badge, away) || strings.HasPrefix(c.Badge, "0 ") {
			t.Errorf("card %d is %.1f km away and reads %q", i, c.KM, c.Badge)
		}
	}
}

type cardFit struct {
	CardHeight float64  `json:"card"`
	ChatHeight float64  `json:"chat"`
	Hidden     []string `json:"hidden"`
	Folded     int      `json:"folded"`
	Open       bool     `json:"open"`
}

// checkCardFits scrolls a card to the top of the conversation and checks
// that the whole card, down to its three actions, is on the screen: nothing
// to scroll to before deciding.
func checkCardFits(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	fit := eval[cardFit](t, ctx, fmt.Sprintf(`(() => {
		const chat = document.getElementById('chat');
		const card = [...document.querySelectorAll('#log .msg--bot.has-cards')].pop().querySelector('.card[data-opportunity=%q]');
		card.parentElement.scrollIntoView({ block: 'start', inline: 'start' });
		const box = chat.getBoundingClientRect();
		const hidden = [];
		for (const b of card.querySelectorAll('.card__actions button')) {
			const r = b.getBoundingClientRect();
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			const inside = r.top >= box.top && r.bottom <= box.bottom && x > 0 && x < innerWidth;
			if (!inside || !b.contains(document.elementFromPoint(x, y))) hidden.push(b.dataset.choice);
		}
		const more = card.querySelector('details.card__more');
		return { card: card.getBoundingClientRect().height, chat: chat.clientHeight, hidden,
			folded: more ? more.querySelectorAll('li').length : 0, open: !!(more && more.open) };
	})()`, id))
	if fit.CardHeight > fit.ChatHeight || len(fit.Hidden) > 0 {
		t.Errorf("card %s does not fit one screen: %.0f px high in %.0f px of chat; actions out of view: %v",
			id, fit.CardHeight, fit.ChatHeight, fit.Hidden)
	}
	if fit.Open {
		t.Errorf("card %s shows its folded details open", id)
	}
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	// The first card from just under the top of the conversation, or, where
	// the window is too low for all of it, down to its actions.
	do(t, ctx, "scroll to the cards", chromedp.Evaluate[chromedp.Void](`(() => {
		document.activeElement.blur();
		const chat = document.getElementById('chat');
		for (const list of document.querySelectorAll('.cards')) list.scrollLeft = 0;
		const card = [...document.querySelectorAll('#log .msg--bot.has-cards')].pop().querySelector('.card');
		const box = chat.getBoundingClientRect(), c = card.getBoundingClientRect();
		chat.scrollTop += Math.max(c.top - box.top - 12, c.bottom - box.bottom + 12);
	})()`), chromedp.Sleep(150*time.Millisecond))
	savePNG(t, ctx, name)
}

// savePNG captures the page. With -update it rewrites the README's
// screenshot in testdata/screenshots; otherwise it saves it in the system's
// temporary folder and logs where, for a look after a run.
func savePNG(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("testdata", "screenshots")
	if !*update {
		dir = filepath.Join(os.TempDir(), "brobygger-e2e-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
	return file
}

// --------------------------------------------------------- page and API

type session struct {
	Token          string `json:"token"`
	Refresh        string `json:"refresh"`
	UserID         string `json:"user"`
	ConversationID string `json:"conversation"`
	Pending        int    `json:"pending"`
}

func pageSession(t *testing.T, ctx context.Context) session {
	t.Helper()
	return eval[session](t, ctx, `(() => {
		const auth = JSON.parse(localStorage.getItem('brobygger.auth') || '{}');
		return {
			token: auth.access_token || '',
			refresh: auth.refresh_token || '',
			user: auth.user_id || '',
			conversation: JSON.parse(localStorage.getItem('brobygger.conversation') || '""'),
			pending: JSON.parse(localStorage.getItem('brobygger.pending') || '[]').length,
		};
	})()`)
}

type apiMessage struct {
	ID   string `json:"id"`
	From string `json:"from"`
	Text string `json:"text"`
}

func apiGet(t *testing.T, base, path, token string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	client := &http.Client{Timeout: 10 * time.Second}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return res, body
}

func serverMessages(t *testing.T, base string, s session) []apiMessage {
	t.Helper()
	res, body := apiGet(t, base, "/v1/conversations/"+s.ConversationID+"/messages", s.Token)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("list messages: %s: %s", res.Status, body)
	}
	var out struct {
		Messages []apiMessage `json:"messages"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("list messages: %v", err)
	}
	return out.Messages
}

// -------------------------------------------------------------------- tests

func TestPhoneOnboardingToSuggestions(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, phone())

	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "da" {
		t.Errorf("page language = %q, want da", lang)
	}
	cards := reachCards(t, ctx)
	if len(cards) != 3 {
		t.Fatalf("got %d cards, want 3:\n%s", len(cards), transcript(ctx))
	}
	near := 0
	for _, c := range cards {
		if c.KM >= 0 && c.KM < 1 {
			near++
		}
	}
	if near == 0 {
		t.Errorf("no card is under a kilometre from %s, so 'tæt på dig' is not tested: %+v", nearPostcode, cards)
	}
	for i, c := range cards {
		if c.ID == "" || strings.TrimSpace(c.Title) == "" || strings.TrimSpace(c.Org) == "" {
			t.Errorf("card %d lacks id, title or organisation: %+v", i, c)
		}
		if !strings.Contains(c.Step, "Første skridt") || len(strings.TrimSpace(c.Step)) < len("Første skridt")+10 {
			t.Errorf("card %d has no first step: %q", i, c.Step)
		}
		want := []string{"want:" + c.ID, "more:" + c.ID, "not_for_me:" + c.ID}
		if strings.Join(c.Actions, " ") != strings.Join(want, " ") {
			t.Errorf("card %d actions = %v, want %v", i, c.Actions, want)
		}
		if c.ICS && !strings.Contains(c.When, " d. ") && !strings.Contains(c.When, " kl. ") {
			t.Errorf("card %d date %q is not written the Danish way", i, c.When)
		}
		checkBadge(t, i, c, "tæt på dig", "km væk")
		if c.Why > 2 {
			t.Errorf("card %d shows %d reasons; more than two fold under 'Mere om forslaget'", i, c.Why)
		}
		checkCardFits(t, ctx, c.ID)
	}
	checkFoldsOut(t, ctx, "Mere om forslaget")
	// The quick replies under the suggestions belong to the last bot message.
	waitFor(t, ctx, "quick replies after the cards", fmt.Sprintf("document.querySelector(%q)",
		fmt.Sprintf(chipSelector, "show_more")))

	screenshot(t, ctx, "phone.png")
	do(t, ctx, "switch to a desktop window", desktop())
	screenshot(t, ctx, "desktop.png")

	// In English the cards' own words follow at once.
	before := eval[int](t, ctx, botCount)
	do(t, ctx, "switch to English", chromedp.Click(chromedp.ID("lang-toggle")))
	waitForReply(t, ctx, before)
	waitFor(t, ctx, "the page in English", `document.documentElement.lang === 'en'`)
	for i, c := range reachedCards(t, ctx) {
		checkBadge(t, i, c, "close to you", "km away")
	}
	if got := eval[string](t, ctx, `document.querySelector('.card__more-toggle')?.textContent || 'More about it'`); got != "More about it" {
		t.Errorf("the fold reads %q in English", got)
	}
}

// checkFoldsOut opens the first card's "Mere om forslaget" with the
// keyboard, checks that it shows what was folded, and closes it again.
func checkFoldsOut(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	id := eval[string](t, ctx, `(() => {
		const d = [...document.querySelectorAll('#log .msg--bot.has-cards')].pop().querySelector('details.card__more');
		return d ? d.closest('.card').dataset.opportunity : '';
	})()`)
	if id == "" {
		t.Log("no card has more than fits on its face")
		return
	}
	sel := fmt.Sprintf(`.card[data-opportunity=%q] details.card__more`, id)
	if got := eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).textContent`, sel+" > summary")); got != label {
		t.Errorf("the fold reads %q, want %q", got, label)
	}
	do(t, ctx, "focus "+label, chromedp.Focus(chromedp.CSS(sel+" > summary")), chromedp.KeyEvent(kb.Enter))
	open := eval[bool](t, ctx, fmt.Sprintf(`(() => { const d = document.querySelector(%q);
		const body = d.querySelector('.card__more-body');
		return d.open && body.getBoundingClientRect().height > 0 && body.querySelectorAll('li').length > 0; })()`, sel))
	if !open {
		t.Errorf("Enter on %q did not show what was folded", label)
	}
	do(t, ctx, "close "+label, chromedp.KeyEvent(kb.Enter))
	if eval[bool](t, ctx, fmt.Sprintf(`document.querySelector(%q).open`, sel)) {
		t.Errorf("Enter again did not fold %q", label)
	}
}

func TestInstallable(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, phone())
	waitFor(t, ctx, "the service worker", `navigator.serviceWorker && navigator.serviceWorker.controller`)

	manifest, err := chromedp.Call(ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatalf("get the manifest: %v", err)
	}
	for _, e := range manifest.Errors {
		t.Errorf("manifest error: %s", e.Message)
	}
	if !strings.Contains(manifest.Data, `"short_name": "Brobygger"`) {
		t.Errorf("unexpected manifest %s:\n%s", manifest.URL, manifest.Data)
	}
	installable, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatalf("installability: %v", err)
	}
	for _, e := range installable.InstallabilityErrors {
		t.Errorf("not installable: %s", e.ErrorID)
	}

	// The worker keeps the app shell and never an API response.
	waitFor(t, ctx, "the cached app shell", `window.__shell = null, caches.keys().then(async names => {
		const paths = [];
		for (const name of names) {
			for (const req of await (await caches.open(name)).keys()) paths.push(new URL(req.url).pathname);
		}
		window.__shell = paths;
	}), true`)
	waitFor(t, ctx, "the cache listing", `window.__shell`)
	cached := eval[[]string](t, ctx, `window.__shell`)
	for _, want := range []string{"/", "/index.html", "/app.js", "/app.css", "/manifest.webmanifest", "/icons/icon.svg"} {
		if !contains(cached, want) {
			t.Errorf("the service worker did not cache %s (it has %v)", want, cached)
		}
	}
	for _, p := range cached {
		if strings.HasPrefix(p, "/v1/") {
			t.Errorf("the service worker cached an API response: %s", p)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestReloadKeepsConversationAndTokens(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, phone())
	tap(t, ctx, "start")
	tap(t, ctx, "age:18")

	const shown = `JSON.stringify([...document.querySelectorAll('#log .msg')].map(m =>
		[m.classList.contains('msg--bot') ? 'bot' : 'user', m.querySelector('.bubble')?.textContent || '']))`
	before := eval[string](t, ctx, shown)
	s1 := pageSession(t, ctx)
	if s1.Token == "" || s1.ConversationID == "" {
		t.Fatalf("no session in localStorage: %+v", s1)
	}
	do(t, ctx, "type a draft", chromedp.SendKeys(chromedp.ID("composer-input"), "mit udkast"))

	do(t, ctx, "reload", chromedp.Reload())
	waitFor(t, ctx, "the conversation after reload", `window.brobygger && window.brobygger.started`)

	if after := eval[string](t, ctx, shown); after != before {
		t.Errorf("conversation changed on reload:\nbefore %s\nafter  %s", before, after)
	}
	s2 := pageSession(t, ctx)
	if s2.Token != s1.Token || s2.Refresh != s1.Refresh || s2.UserID != s1.UserID || s2.ConversationID != s1.ConversationID {
		t.Errorf("session changed on reload: before %+v, after %+v", s1, s2)
	}
	if draft := eval[string](t, ctx, `document.getElementById('composer-input').value`); draft != "mit udkast" {
		t.Errorf("draft after reload = %q, want %q", draft, "mit udkast")
	}
	// The server agrees: one conversation, as shown.
	msgs := serverMessages(t, base, s2)
	if got := eval[int](t, ctx, `document.querySelectorAll('#log .msg').length`); got != len(msgs) {
		t.Errorf("page shows %d messages, server has %d", got, len(msgs))
	}

	// A rejected access token is refreshed, and the rotated refresh token kept.
	do(t, ctx, "spoil the access token", chromedp.Evaluate[chromedp.Void](`(() => {
		const a = JSON.parse(localStorage.getItem('brobygger.auth'));
		a.access_token = 'expired';
		localStorage.setItem('brobygger.auth', JSON.stringify(a));
	})()`), chromedp.Reload())
	waitFor(t, ctx, "the conversation after a refresh", `window.brobygger && window.brobygger.started`)
	s3 := pageSession(t, ctx)
	if s3.UserID != s1.UserID || s3.ConversationID != s1.ConversationID {
		t.Errorf("refresh changed the user or conversation: before %+v, after %+v", s1, s3)
	}
	if s3.Token == "expired" || s3.Token == s1.Token || s3.Refresh == s1.Refresh {
		t.Errorf("tokens were not refreshed and rotated: before %+v, after %+v", s1, s3)
	}
	if after := eval[string](t, ctx, shown); after != before {
		t.Errorf("conversation changed after a token refresh:\nbefore %s\nafter  %s", before, after)
	}

	// When the refresh token is refused too, the app carries on as a new guest.
	do(t, ctx, "spoil both tokens", chromedp.Evaluate[chromedp.Void](`(() => {
		const a = JSON.parse(localStorage.getItem('brobygger.auth'));
		a.access_token = 'expired';
		a.refresh_token = 'revoked';
		localStorage.setItem('brobygger.auth', JSON.stringify(a));
	})()`), chromedp.Reload())
	waitFor(t, ctx, "a new guest's greeting", `window.brobygger && window.brobygger.started &&
		document.querySelectorAll('#log .msg--bot').length > 0 && !document.querySelector('#log .msg--user') &&
		document.querySelector('#quick-replies:not([hidden]) button[data-choice="start"]')`)
	s4 := pageSession(t, ctx)
	if s4.UserID == "" || s4.UserID == s1.UserID || s4.ConversationID == s1.ConversationID {
		t.Errorf("expected a new guest with a new conversation: before %+v, after %+v", s1, s4)
	}
}

func TestOfflineMessageIsSentOnceWhenBackOnline(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, phone())
	// The service worker must hold the app shell before the network goes.
	waitFor(t, ctx, "the service worker", `navigator.serviceWorker && navigator.serviceWorker.controller`)
	tap(t, ctx, "start")

	setOffline := func(offline bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			conditions := []*network.Conditions{}
			if offline {
				conditions = append(conditions, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
			}
			emulateSW := offline
			if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
				EmulateOfflineServiceWorker: &emulateSW, MatchedNetworkConditions: conditions,
			}); err != nil {
				return err
			}
			_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
				Offline: offline, DownloadThroughput: -1, UploadThroughput: -1,
			})
			return err
		})
	}

	const text = "jeg er 17"
	mine := fmt.Sprintf(`[...document.querySelectorAll('#log .msg--user')].find(m => m.querySelector('.bubble').textContent === %q)`, text)
	do(t, ctx, "go offline", setOffline(true))
	waitFor(t, ctx, "the offline banner", `!document.getElementById('offline-banner').hidden`)
	do(t, ctx, "send while offline", chromedp.SendKeys(chromedp.ID("composer-input"), text), enter())
	waitFor(t, ctx, "the message marked as not sent", mine+`?.dataset.state === 'failed'`)
	if s := pageSession(t, ctx); s.Pending != 1 {
		t.Errorf("pending messages in localStorage = %d, want 1", s.Pending)
	}
	if v := eval[string](t, ctx, `document.getElementById('composer-input').value`); v != "" {
		t.Errorf("message box after queueing = %q, want it cleared", v)
	}

	// Offline, a reload still opens the app (from the service worker) with the
	// conversation and the unsent message (from localStorage).
	do(t, ctx, "reload while offline", chromedp.Reload())
	waitFor(t, ctx, "the app shell offline", `window.brobygger && document.querySelector('#log .msg--bot .bubble')`)
	waitFor(t, ctx, "the unsent message after reload", mine+`?.dataset.state === 'failed'`)

	before := eval[int](t, ctx, botCount)
	do(t, ctx, "go online", setOffline(false))
	waitFor(t, ctx, "the message sent", mine+`?.dataset.state === 'sent'`)
	waitForReply(t, ctx, before)

	s := pageSession(t, ctx)
	if s.Pending != 0 {
		t.Errorf("pending messages after sending = %d, want 0", s.Pending)
	}
	n := 0
	for _, m := range serverMessages(t, base, s) {
		if m.From == "user" && m.Text == text {
			n++
		}
	}
	if n != 1 {
		t.Errorf("server stored %q %d times, want exactly once", text, n)
	}
	if got := eval[int](t, ctx, mine+` ? 1 : 0`); got != 1 {
		t.Errorf("the page does not show %q", text)
	}
	if got := eval[int](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('#log .msg--user .bubble')].filter(b => b.textContent === %q).length`, text)); got != 1 {
		t.Errorf("the page shows %q %d times, want once", text, got)
	}
}

func TestLiveMessagesFromAnotherDevice(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, live string
		block      bool
	}{
		{"events", "events", false},
		{"polling", "polling", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t)
			base := startServer(t)
			if tc.block {
				do(t, ctx, "block the event stream", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
					if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
						return err
					}
					_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
						URLPatterns: []*network.BlockPattern{{URLPattern: base + "/v1/conversations/*/events*", Block: true}},
					})
					return err
				}))
			}
			openApp(t, ctx, base, phone())
			waitFor(t, ctx, "live updates by "+tc.live, fmt.Sprintf(`window.brobygger.live === %q`, tc.live))

			// The same person writes from another device.
			s := pageSession(t, ctx)
			body := strings.NewReader(`{"client_message_id":"other-device-1","text":"jeg er 19 og bor i 8000"}`)
			req, err := http.NewRequest(http.MethodPost, base+"/v1/conversations/"+s.ConversationID+"/messages", body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+s.Token)
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("send from another device: %s", res.Status)
			}
			waitFor(t, ctx, "the other device's message and the reply", `(() => {
				const msgs = [...document.querySelectorAll('#log .msg')];
				const i = msgs.findIndex(m => m.querySelector('.bubble')?.textContent === 'jeg er 19 og bor i 8000');
				return i > 0 && msgs.slice(i + 1).some(m => m.classList.contains('msg--bot'));
			})()`)
			// Shown once, however many ways it arrived.
			ids := eval[[]string](t, ctx, `[...document.querySelectorAll('#log .msg[data-id]')].map(m => m.dataset.id)`)
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Errorf("message %s is shown twice", id)
				}
				seen[id] = true
			}
		})
	}
}

func TestCalendarFileForFirstStep(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, phone())
	cards := reachCards(t, ctx)

	var card *cardView
	for i := range cards {
		if cards[i].ICS {
			card = &cards[i]
			break
		}
	}
	if card == nil {
		t.Skip("none of the suggested first steps has a date, so there is no calendar file to fetch")
	}
	s := pageSession(t, ctx)
	res, body := apiGet(t, base, "/v1/suggestions/"+card.ID+"/first-step.ics", s.Token)
	if res.StatusCode == http.StatusNotFound && strings.Contains(string(body), "no such API endpoint") {
		t.Skip("the server has no /v1/suggestions/{id}/first-step.ics endpoint yet")
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET first-step.ics: %s: %s", res.Status, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
		t.Errorf("Content-Type = %q, want text/calendar", ct)
	}
	checkICS(t, string(body), card.Title)

	// The card's button saves the same file through the browser.
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	do(t, ctx, "tap Tilføj til kalender", chromedp.Tap(chromedp.CSS(
		fmt.Sprintf(`.card[data-opportunity=%q] .btn--calendar`, card.ID))))
	file := filepath.Join(dir, "brobygger-"+card.ID+".ics")
	deadline := time.Now().Add(waitTimeout)
	for {
		if data, err := os.ReadFile(file); err == nil && strings.Contains(string(data), "END:VCALENDAR") {
			checkICS(t, string(data), card.Title)
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("the browser saved no %s (folder has %v)", filepath.Base(file), entries)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkICS parses an iCalendar file just enough to check the first step's event.
func checkICS(t *testing.T, ics, title string) {
	t.Helper()
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(ics))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && len(lines) > 0 {
			lines[len(lines)-1] += line[1:] // RFC 5545 folding
			continue
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 || lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not a VCALENDAR:\n%s", ics)
	}
	props := map[string]string{}
	inEvent, events := false, 0
	for _, l := range lines {
		switch l {
		case "BEGIN:VEVENT":
			inEvent = true
			events++
			continue
		case "END:VEVENT":
			inEvent = false
			continue
		}
		if !inEvent {
			continue
		}
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Errorf("malformed line %q", l)
			continue
		}
		name, _, _ = strings.Cut(name, ";")
		props[name] = value
	}
	if events != 1 {
		t.Errorf("got %d VEVENTs, want 1", events)
	}
	for _, p := range []string{"DTSTART", "DTEND", "SUMMARY", "LOCATION"} {
		if props[p] == "" {
			t.Errorf("VEVENT has no %s:\n%s", p, ics)
		}
	}
	start, err1 := parseICSTime(props["DTSTART"])
	end, err2 := parseICSTime(props["DTEND"])
	if err := errors.Join(err1, err2); err != nil {
		t.Errorf("bad times: %v", err)
	} else if !end.After(start) {
		t.Errorf("DTEND %s is not after DTSTART %s", end, start)
	}
	unescape := strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`)
	if got := unescape.Replace(props["SUMMARY"]); !strings.Contains(got, title) {
		t.Errorf("SUMMARY = %q, want it to name %q", got, title)
	}
}

func parseICSTime(v string) (time.Time, error) {
	for _, layout := range []string{"20060102T150405Z", "20060102T150405"} {
		if ts, err := time.Parse(layout, v); err == nil {
			return ts, nil
		}
	}
	return time.Time{}, fmt.Errorf("unknown time %q", v)
}

func TestKeyboardOnly(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, desktop())

	// Tab from the top of the page: past the skip link, the language switch
	// and the quick replies, to the message box.
	var path []string
	for i := 0; ; i++ {
		if i == 30 {
			t.Fatalf("Tab never reached the message box; it went %v", path)
		}
		do(t, ctx, "press Tab", chromedp.KeyEvent(kb.Tab))
		here := eval[string](t, ctx, `(() => { const a = document.activeElement;
			return a.id || a.dataset.choice || a.className || a.tagName; })()`)
		path = append(path, here)
		if here == "composer-input" {
			break
		}
	}
	if !containsPrefix(path, "start") {
		t.Errorf("Tab skipped the quick replies: %v", path)
	}
	if !containsPrefix(path, "lang-toggle") {
		t.Errorf("Tab skipped the language switch: %v", path)
	}

	before := eval[int](t, ctx, botCount)
	do(t, ctx, "type and press Enter", chromedp.KeyEvent("jeg er 16"), enter())
	waitForReply(t, ctx, before)
	waitFor(t, ctx, "the message in the conversation", `[...document.querySelectorAll('#log .msg--user .bubble')].some(b => b.textContent === 'jeg er 16')`)
	if v := eval[string](t, ctx, `document.activeElement.id`); v != "composer-input" {
		t.Errorf("focus left the message box after sending: %q", v)
	}

	// Back from the message box to the quick replies, then Enter on one.
	waitFor(t, ctx, "new quick replies", `document.querySelectorAll('#quick-replies:not([hidden]) .chip').length > 0`)
	var chip string
	for i := 0; i < 20 && chip == ""; i++ {
		do(t, ctx, "press Shift+Tab", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
		chip = eval[string](t, ctx, `document.activeElement.classList.contains('chip') ? document.activeElement.dataset.choice : ''`)
	}
	if chip == "" {
		t.Fatal("Shift+Tab from the message box never reached a quick reply")
	}
	if outline := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Error("the focused quick reply has no visible focus outline")
	}
	label := eval[string](t, ctx, `document.activeElement.textContent`)
	before = eval[int](t, ctx, botCount)
	do(t, ctx, "press Enter on "+chip, chromedp.KeyEvent(kb.Enter))
	waitForReply(t, ctx, before)
	waitFor(t, ctx, "the chosen reply as a message", fmt.Sprintf(
		`[...document.querySelectorAll('#log .msg--user .bubble')].some(b => b.textContent === %q)`, label))
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
