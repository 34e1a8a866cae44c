package e2e

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/leads"
)

// startPushServer starts a server of its own, like startOrgServer, with
// the development switch on, so that its pushes may reach the test's push
// service on this machine, and a quick lead worker.
func startPushServer(t *testing.T) (*app.App, string) {
	t.Helper()
	ln := listen(t)
	a := serveOwn(t, ln, app.Config{
		Database:          "e2e-push",
		AllowHTTPWebhooks: true,
		WorkerPoll:        100 * time.Millisecond,
	})
	return a, "http://" + ln.Addr().String()
}

// pushRequest is one request the test's push service got.
type pushRequest struct {
	auth, ttl, encoding string
	body                []byte
}

// testPushService stands in for the browser vendor's push service (FCM,
// Mozilla's, Apple's), which the test machine cannot reach.
type testPushService struct {
	*httptest.Server
	mu  sync.Mutex
	got []pushRequest
}

func newTestPushService(t *testing.T) *testPushService {
	p := &testPushService{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		p.mu.Lock()
		p.got = append(p.got, pushRequest{auth: r.Header.Get("Authorization"), ttl: r.Header.Get("TTL"),
			encoding: r.Header.Get("Content-Encoding"), body: body})
		p.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *testPushService) requests() []pushRequest {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]pushRequest(nil), p.got...)
}

// grantNotifications answers the browser's permission prompt with yes, as
// a young person tapping "Tillad" would.
func grantNotifications(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	for _, d := range []*browser.PermissionDescriptor{{Name: "notifications"}, {Name: "push", UserVisibleOnly: true}} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: d, Setting: browser.PermissionSettingGranted, Origin: base,
		}); err != nil {
			t.Fatalf("grant %s: %v", d.Name, err)
		}
	}
}

// countPermissionRequests counts Notification.requestPermission calls in
// window.__permissionRequests, on every page the tab opens.
func countPermissionRequests(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `(() => {
			window.__permissionRequests = 0;
			if (!window.Notification) return;
			const ask = Notification.requestPermission.bind(Notification);
			Notification.requestPermission = (...args) => { window.__permissionRequests++; return ask(...args); };
		})()`,
	}); err != nil {
		t.Fatal(err)
	}
}

// sendLead goes from the greeting to a lead sent to the first suggestion's
// organisation, through the chat's own buttons, and waits for "Sendt".
func sendLead(t *testing.T, ctx context.Context) {
	t.Helper()
	cards := reachCards(t, ctx)
	if len(cards) == 0 {
		t.Fatal("no suggestions to send a lead for")
	}
	id := cards[0].ID
	before := eval[int](t, ctx, botCount)
	do(t, ctx, "tap Det vil jeg gerne", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.card__actions button[data-choice="want:%s"]`, id))))
	waitForReply(t, ctx, before)
	say(t, ctx, "Sofie")
	tap(t, ctx, "lead_send:"+id)
	waitFor(t, ctx, "the lead sent", `[...document.querySelectorAll('#log .msg--bot .bubble')].some(b => b.textContent.includes('Sendt'))`)
}

// browserPushKeys are the keys a browser makes for one subscription.
type browserPushKeys struct {
	key  *ecdh.PrivateKey
	auth []byte
}

func (k browserPushKeys) p256dh() string {
	return base64.RawURLEncoding.EncodeToString(k.key.PublicKey().Bytes())
}

// open decrypts a push body (RFC 8291, aes128gcm) the way the browser does.
func (k browserPushKeys) open(body []byte) ([]byte, error) {
	if len(body) < 21 || len(body) < 21+int(body[20]) {
		return nil, fmt.Errorf("no aes128gcm header")
	}
	salt, server := body[:16], body[21:21+int(body[20])]
	pub, err := ecdh.P256().NewPublicKey(server)
	if err != nil {
		return nil, err
	}
	shared, err := k.key.ECDH(pub)
	if err != nil {
		return nil, err
	}
	info := append(append([]byte("WebPush: info\x00"), k.key.PublicKey().Bytes()...), server...)
	ikm, err := hkdf.Key(sha256.New, shared, k.auth, string(info), 32)
	if err != nil {
		return nil, err
	}
	cek, _ := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: aes128gcm\x00", 16)
	nonce, _ := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: nonce\x00", 12)
	block, err := aes.NewCipher(cek)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, nonce, body[21+int(body[20]):], nil)
	if err != nil {
		return nil, err
	}
	return []byte(strings.TrimRight(string(plain), "\x00")), nil
}

// TestPush runs the push tests side by side on one server of their own.
// The test itself is not parallel, so the server starts while no other
// test starts one: the embedded database's start-up is not safe to run
// twice at once in one process.
func TestPush(t *testing.T) {
	a, base := startPushServer(t)
	t.Run("AfterALeadIsSent", func(t *testing.T) {
		t.Parallel()
		pushAfterALeadIsSent(t, a, base)
	})
	t.Run("OnAnIPhoneExplainsTheHomeScreen", func(t *testing.T) {
		t.Parallel()
		pushOnAnIPhoneExplainsTheHomeScreen(t, base)
	})
	t.Run("NoThanks", func(t *testing.T) {
		t.Parallel()
		pushNoThanks(t, base)
	})
}

// pushAfterALeadIsSent: once the lead is sent, the chat offers push
// messages; "Slå beskeder til" subscribes the browser with the server's
// key and hands the subscription to the server; and when the organisation
// answers, the server pushes to the browser's push service a message that
// says only that there is a new message.
func pushAfterALeadIsSent(t *testing.T, a *app.App, base string) {
	svc := newTestPushService(t)
	ctx := newBrowser(t)
	grantNotifications(t, ctx, base)
	countPermissionRequests(t, ctx)
	openApp(t, ctx, base, phone())
	if eval[bool](t, ctx, `!!document.querySelector('.push-offer')`) {
		t.Fatal("push messages are offered on page load")
	}
	sendLead(t, ctx)
	waitFor(t, ctx, "the offer of push messages", `document.querySelector('.push-offer button[data-push="pushYes"]')`)
	if got := eval[string](t, ctx, `document.querySelector('.push-offer').textContent`); !strings.Contains(got, "Vil du have besked på telefonen, når de svarer?") ||
		!strings.Contains(got, "Nej tak") {
		t.Errorf("the offer reads %q", got)
	}
	if n := eval[int](t, ctx, `window.__permissionRequests`); n != 0 {
		t.Errorf("the browser was asked for permission %d times before the young person said yes", n)
	}
	savePNG(t, ctx, "push-offer.png")

	// The browser's own push service is on the internet, which the test
	// machine cannot reach, so pushManager.subscribe cannot succeed here.
	// This stands in for it: the subscription it returns names the test's
	// push service, with keys only the test holds, as a browser's would.
	keys := browserPushKeys{key: mustKey(t), auth: make([]byte, 16)}
	_, _ = rand.Read(keys.auth)
	endpoint := svc.URL + "/push/v1/device-abc"
	do(t, ctx, "stand in for the browser's push service", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		window.__subscribeCalls = [];
		const endpoint = %q, p256dh = %q, auth = %q;
		PushManager.prototype.subscribe = async function (options) {
			const key = new Uint8Array(options.applicationServerKey);
			window.__subscribeCalls.push({ userVisibleOnly: options.userVisibleOnly,
				key: btoa(String.fromCharCode(...key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') });
			return { endpoint, options, unsubscribe: async () => true,
				toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }) };
		};
	})()`, endpoint, keys.p256dh(), base64.RawURLEncoding.EncodeToString(keys.auth))))
	do(t, ctx, "turn push messages on", chromedp.Click(chromedp.CSS(`.push-offer button[data-push="pushYes"]`)))
	waitFor(t, ctx, "push messages on", `localStorage.getItem('brobygger.push') === '"subscribed"' && !document.querySelector('.push-offer')`)

	var vapid struct {
		PublicKey string `json:"public_key"`
	}
	res, body := apiGet(t, base, "/v1/push/vapid-public-key", "")
	if res.StatusCode != http.StatusOK || json.Unmarshal(body, &vapid) != nil {
		t.Fatalf("vapid key: %s %s", res.Status, body)
	}
	var calls []struct {
		UserVisibleOnly bool   `json:"userVisibleOnly"`
		Key             string `json:"key"`
	}
	calls = eval[[]struct {
		UserVisibleOnly bool   `json:"userVisibleOnly"`
		Key             string `json:"key"`
	}](t, ctx, `window.__subscribeCalls`)
	if len(calls) != 1 || !calls[0].UserVisibleOnly || calls[0].Key != vapid.PublicKey {
		t.Errorf("pushManager.subscribe calls = %+v, want one with userVisibleOnly and the server's key %s", calls, vapid.PublicKey)
	}
	if n := eval[int](t, ctx, `window.__permissionRequests`); n != 1 {
		t.Errorf("the browser was asked for permission %d times, want once, after the tap", n)
	}

	// The subscription reached the server.
	s := pageSession(t, ctx)
	bg := context.Background()
	subs, err := a.Store.PushSubscriptionsOf(bg, s.UserID)
	if err != nil || len(subs) != 1 || subs[0].Endpoint != endpoint || subs[0].P256dh != keys.p256dh() {
		t.Fatalf("the server keeps %+v (%v), want the browser's subscription", subs, err)
	}
	if n := len(svc.requests()); n != 0 {
		t.Fatalf("the push service got %d pushes before anything new was said", n)
	}

	// The organisation answers; its words reach the chat, and the phone
	// hears only that there is a new message.
	ls, err := a.Store.LeadsOfYouth(bg, s.UserID)
	if err != nil || len(ls) != 1 {
		t.Fatalf("the young person's leads: %v, %v", ls, err)
	}
	const answer = "Hej Sofie! Kom forbi lørdag kl. 10 og spørg efter Mette-7319."
	if _, err := a.Leads.Post(bg, ls[0].ID, leads.Caller{Actor: leads.Staff, OrgID: ls[0].OrganisationID, Name: "Mette"}, answer); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the organisation's answer in the chat", `[...document.querySelectorAll('#log .msg--bot .bubble')].some(b => b.textContent.includes('Mette-7319'))`)
	deadline := time.Now().Add(waitTimeout)
	for len(svc.requests()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	got := svc.requests()
	if len(got) == 0 {
		t.Fatal("the server never pushed to the browser's push service")
	}
	for _, r := range got {
		if !strings.HasPrefix(r.auth, "vapid t=") || !strings.HasSuffix(r.auth, ", k="+vapid.PublicKey) || r.ttl != "86400" || r.encoding != "aes128gcm" {
			t.Errorf("push headers: Authorization %q, TTL %q, Content-Encoding %q", r.auth, r.ttl, r.encoding)
		}
		if strings.Contains(string(r.body), "Mette") || strings.Contains(string(r.body), "besked") {
			t.Error("the push service can read the push")
		}
		plain, err := keys.open(r.body)
		if err != nil {
			t.Fatalf("the browser cannot decrypt the push: %v", err)
		}
		if string(plain) != `{"title":"Brobygger","body":"Du har en ny besked","url":"/"}`+"\x02" {
			t.Errorf("the push says %q, want only that there is a new message", plain)
		}
	}
}

func mustKey(t *testing.T) *ecdh.PrivateKey {
	t.Helper()
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// pushOnAnIPhoneExplainsTheHomeScreen: in Safari on an iPhone, where
// pushes need the app on the home screen, the chat explains how instead of
// asking for permission, and says it once.
func pushOnAnIPhoneExplainsTheHomeScreen(t *testing.T, base string) {
	ctx := newBrowser(t)
	countPermissionRequests(t, ctx)
	if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
		UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
		Platform:  "iPhone",
	}); err != nil {
		t.Fatal(err)
	}
	openApp(t, ctx, base, phone())
	sendLead(t, ctx)
	waitFor(t, ctx, "the home-screen note", `document.querySelector('.push-offer')`)
	text := eval[string](t, ctx, `document.querySelector('.push-offer').textContent`)
	for _, want := range []string{"hjemmeskærm", "Del", "Føj til hjemmeskærm"} {
		if !strings.Contains(text, want) {
			t.Errorf("the note %q does not say %q", text, want)
		}
	}
	if eval[bool](t, ctx, `!!document.querySelector('.push-offer button[data-push="pushYes"]')`) {
		t.Error("an iPhone outside the home screen is offered to turn pushes on")
	}
	if n := eval[int](t, ctx, `window.__permissionRequests`); n != 0 {
		t.Errorf("an iPhone outside the home screen was asked for permission %d times", n)
	}
	do(t, ctx, "close the note", chromedp.Click(chromedp.CSS(`.push-offer button[data-push="pushOk"]`)))
	waitFor(t, ctx, "the note closed", `!document.querySelector('.push-offer') && localStorage.getItem('brobygger.push') === '"ios-explained"'`)
}

// pushNoThanks: "Nej tak" closes the offer for good, without asking the
// browser for anything.
func pushNoThanks(t *testing.T, base string) {
	ctx := newBrowser(t)
	countPermissionRequests(t, ctx)
	openApp(t, ctx, base, phone())
	sendLead(t, ctx)
	waitFor(t, ctx, "the offer of push messages", `document.querySelector('.push-offer button[data-push="pushNo"]')`)
	do(t, ctx, "say no thanks", chromedp.Click(chromedp.CSS(`.push-offer button[data-push="pushNo"]`)))
	waitFor(t, ctx, "the offer closed", `!document.querySelector('.push-offer') && localStorage.getItem('brobygger.push') === '"declined"'`)
	if n := eval[int](t, ctx, `window.__permissionRequests`); n != 0 {
		t.Errorf("the browser was asked for permission %d times after no thanks", n)
	}
	// A reload brings the conversation back, but not the offer.
	do(t, ctx, "reload", chromedp.Reload())
	waitFor(t, ctx, "the conversation again", `window.brobygger && window.brobygger.started &&
		[...document.querySelectorAll('#log .msg--bot .bubble')].some(b => b.textContent.includes('Sendt'))`)
	if eval[bool](t, ctx, `!!document.querySelector('.push-offer')`) {
		t.Error("the offer came back after no thanks")
	}
}
