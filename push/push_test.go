package push_test

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/push"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

const subject = "mailto:drift@brobygger.test"

// browser is what a browser keeps of one push subscription: the private
// half of p256dh and the auth secret, which only it can decrypt with.
type browser struct {
	key  *ecdh.PrivateKey
	auth []byte
}

func newBrowser(t *testing.T) browser {
	t.Helper()
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	auth := make([]byte, 16)
	_, _ = rand.Read(auth)
	return browser{key: k, auth: auth}
}

func (b browser) subscription(user, endpoint string) push.Subscription {
	return push.Subscription{UserID: user, Endpoint: endpoint, CreatedAt: time.Now(),
		P256dh: base64.RawURLEncoding.EncodeToString(b.key.PublicKey().Bytes()),
		Auth:   base64.RawURLEncoding.EncodeToString(b.auth)}
}

// decrypt opens an aes128gcm body (RFC 8188) encrypted for b (RFC 8291),
// as the browser does, and takes off the padding.
func (b browser) decrypt(t *testing.T, body []byte) []byte {
	t.Helper()
	if len(body) < 21 {
		t.Fatalf("body of %d bytes has no aes128gcm header", len(body))
	}
	salt, idLen := body[:16], int(body[20])
	if rs := binary.BigEndian.Uint32(body[16:20]); rs < 18 || len(body) < 21+idLen {
		t.Fatalf("bad aes128gcm header: record size %d, key id of %d bytes", rs, idLen)
	}
	serverKey, cipherText := body[21:21+idLen], body[21+idLen:]
	pub, err := ecdh.P256().NewPublicKey(serverKey)
	if err != nil {
		t.Fatalf("the key id is not the server's P-256 key: %v", err)
	}
	shared, err := b.key.ECDH(pub)
	if err != nil {
		t.Fatal(err)
	}
	info := append(append([]byte("WebPush: info\x00"), b.key.PublicKey().Bytes()...), serverKey...)
	ikm := must(hkdf.Key(sha256.New, shared, b.auth, string(info), 32))
	cek := must(hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: aes128gcm\x00", 16))
	nonce := must(hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: nonce\x00", 12))
	gcm := must(cipher.NewGCM(must(aes.NewCipher(cek))))
	plain, err := gcm.Open(nil, nonce, cipherText, nil)
	if err != nil {
		t.Fatalf("the browser cannot decrypt the push: %v", err)
	}
	end := len(plain) - 1
	for end >= 0 && plain[end] == 0 {
		end--
	}
	if end < 0 || plain[end] != 2 {
		t.Fatal("the last record does not end in the delimiter 0x02")
	}
	return plain[:end]
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// received is one request the push service got.
type received struct {
	header http.Header
	body   []byte
}

// pushService stands in for a browser vendor's push service: it records
// every request and answers with the status it is told to.
type pushService struct {
	*httptest.Server
	mu     sync.Mutex
	got    []received
	status int
}

func newPushService(t *testing.T) *pushService {
	t.Helper()
	p := &pushService{status: http.StatusCreated}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		p.mu.Lock()
		p.got = append(p.got, received{header: r.Header.Clone(), body: body})
		status := p.status
		p.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *pushService) answer(status int) {
	p.mu.Lock()
	p.status = status
	p.mu.Unlock()
}

func (p *pushService) requests() []received {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]received(nil), p.got...)
}

func newSender(t *testing.T, st push.Store, svc *pushService, keys push.VAPID, lang string) *push.Sender {
	t.Helper()
	s, err := push.NewSender(push.Config{Keys: keys, Store: st, HTTP: svc.Client(), AllowHTTP: true,
		Lang: func(context.Context, string) string { return lang }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func vapidKeys(t *testing.T) push.VAPID {
	t.Helper()
	k, err := push.GenerateVAPID(subject)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// checkVAPID checks the Authorization header as a push service does
// (RFC 8292): the key is the server's, and the token is signed by its
// private key, for this push service, from this subject, and not expired.
func checkVAPID(t *testing.T, h http.Header, keys push.VAPID, audience string) {
	t.Helper()
	auth := h.Get("Authorization")
	rest, ok := strings.CutPrefix(auth, "vapid ")
	token, key, ok2 := strings.Cut(rest, ", ")
	if !ok || !ok2 || !strings.HasPrefix(token, "t=") || !strings.HasPrefix(key, "k=") {
		t.Fatalf("Authorization = %q, want vapid t=<jwt>, k=<key>", auth)
	}
	token, key = token[2:], key[2:]
	if key != keys.PublicKey {
		t.Errorf("k = %q, want the server's public key %q", key, keys.PublicKey)
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("t is not a JWT: %q", token)
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), must(base64.RawURLEncoding.DecodeString(key)))
	if err != nil {
		t.Fatal(err)
	}
	sig := must(base64.RawURLEncoding.DecodeString(parts[2]))
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if len(sig) != 64 || !ecdsa.Verify(pub, digest[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		t.Error("the VAPID token is not signed by the server's key")
	}
	var claims struct {
		Aud string `json:"aud"`
		Sub string `json:"sub"`
		Exp int64  `json:"exp"`
	}
	if err := json.Unmarshal(must(base64.RawURLEncoding.DecodeString(parts[1])), &claims); err != nil {
		t.Fatal(err)
	}
	if claims.Aud != audience || claims.Sub != subject || time.Unix(claims.Exp, 0).Before(time.Now()) ||
		time.Unix(claims.Exp, 0).After(time.Now().Add(24*time.Hour)) {
		t.Errorf("VAPID claims = %+v, want aud %s, sub %s and an expiry within a day", claims, audience, subject)
	}
}

// TestPushSaysOnlyThatThereIsANewMessage sends a push to an httptest push
// service and reads it as the push service and then as the browser: it is
// signed by the server's VAPID key, lives a day, is encrypted for the
// browser's keys, and says "new message" in the young person's language and
// nothing more.
func TestPushSaysOnlyThatThereIsANewMessage(t *testing.T) {
	st := storetest.Open(t, "push_send")
	ctx := context.Background()
	keys := vapidKeys(t)
	for _, tc := range []struct{ lang, body string }{
		{"da", "Du har en ny besked"},
		{"en", "You have a new message"},
		{"", "Du har en ny besked"},
		{"de", "Du har en ny besked"},
	} {
		t.Run("lang="+tc.lang, func(t *testing.T) {
			svc := newPushService(t)
			b := newBrowser(t)
			user := "u-" + tc.lang
			if err := st.AddPushSubscription(ctx, b.subscription(user, svc.URL+"/send/abc"), push.MaxSubscriptions); err != nil {
				t.Fatal(err)
			}
			s := newSender(t, st, svc, keys, tc.lang)
			if err := s.Send(ctx, user); err != nil {
				t.Fatal(err)
			}
			reqs := svc.requests()
			if len(reqs) != 1 {
				t.Fatalf("push service got %d requests, want 1", len(reqs))
			}
			h := reqs[0].header
			checkVAPID(t, h, keys, svc.URL)
			for name, want := range map[string]string{"TTL": "86400", "Content-Encoding": "aes128gcm",
				"Topic": push.Topic, "Urgency": "normal"} {
				if got := h.Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			body := reqs[0].body
			if strings.Contains(string(body), tc.body) || strings.Contains(string(body), "Brobygger") {
				t.Error("the push body is readable by the push service")
			}
			plain := b.decrypt(t, body)
			var got map[string]any
			if err := json.Unmarshal(plain, &got); err != nil {
				t.Fatalf("decrypted payload is not JSON: %v: %q", err, plain)
			}
			want := map[string]any{"title": "Brobygger", "body": tc.body, "url": "/"}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("payload = %v, want exactly %v", got, want)
			}
			if s.Stats().Sent != 1 {
				t.Errorf("stats = %+v", s.Stats())
			}
		})
	}
}

// TestGoneSubscriptionsAreRemovedAndFailuresRetried: a push service's 404 or
// 410 means the browser unsubscribed, so the subscription is removed and
// the job is done; a 500 or an unreachable service is an error for the
// worker to retry, and the subscription stays.
func TestGoneSubscriptionsAreRemovedAndFailuresRetried(t *testing.T) {
	st := storetest.Open(t, "push_gone")
	ctx := context.Background()
	keys := vapidKeys(t)
	for _, tc := range []struct {
		status    int
		retry     bool
		remaining int
	}{
		{http.StatusGone, false, 0},
		{http.StatusNotFound, false, 0},
		{http.StatusInternalServerError, true, 1},
		{http.StatusTooManyRequests, true, 1},
		{http.StatusFound, true, 1},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			svc := newPushService(t)
			svc.answer(tc.status)
			user := fmt.Sprint("u-", tc.status)
			if err := st.AddPushSubscription(ctx, newBrowser(t).subscription(user, svc.URL+"/send/1"), push.MaxSubscriptions); err != nil {
				t.Fatal(err)
			}
			err := newSender(t, st, svc, keys, "da").Send(ctx, user)
			if (err != nil) != tc.retry {
				t.Errorf("Send = %v, want an error to retry: %v", err, tc.retry)
			}
			if err != nil && strings.Contains(err.Error(), "/send/1") {
				t.Errorf("the error names the device's address: %v", err)
			}
			subs, _ := st.PushSubscriptionsOf(ctx, user)
			if len(subs) != tc.remaining {
				t.Errorf("%d subscriptions left, want %d", len(subs), tc.remaining)
			}
		})
	}
	t.Run("unreachable", func(t *testing.T) {
		svc := newPushService(t)
		svc.Close()
		if err := st.AddPushSubscription(ctx, newBrowser(t).subscription("u-down", svc.URL+"/x"), push.MaxSubscriptions); err != nil {
			t.Fatal(err)
		}
		if err := newSender(t, st, svc, keys, "da").Send(ctx, "u-down"); err == nil {
			t.Error("a push service that does not answer is not an error to retry")
		}
	})
	t.Run("no subscriptions", func(t *testing.T) {
		svc := newPushService(t)
		if err := newSender(t, st, svc, keys, "da").Send(ctx, "u-none"); err != nil || len(svc.requests()) != 0 {
			t.Errorf("a young person without subscriptions: %v, %d requests", err, len(svc.requests()))
		}
	})
}

// TestPushNeverGoesInsideWithoutTheDevelopmentSwitch: with the production
// client, a stored subscription whose endpoint is this machine is never
// requested; it is removed as one no browser could have made.
func TestPushNeverGoesInsideWithoutTheDevelopmentSwitch(t *testing.T) {
	st := storetest.Open(t, "push_inside")
	ctx := context.Background()
	svc := newPushService(t)
	if err := st.AddPushSubscription(ctx, newBrowser(t).subscription("u", svc.URL+"/x"), push.MaxSubscriptions); err != nil {
		t.Fatal(err)
	}
	s, err := push.NewSender(push.Config{Keys: vapidKeys(t), Store: st})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, "u"); err != nil {
		t.Fatal(err)
	}
	if n := len(svc.requests()); n != 0 {
		t.Errorf("the push service on loopback got %d requests", n)
	}
	if subs, _ := st.PushSubscriptionsOf(ctx, "u"); len(subs) != 0 {
		t.Errorf("the inside subscription is kept: %v", subs)
	}
}

// TestSixWorkersPushOnce: one new message is one push job, and however many
// workers share the outbox, the push service gets it once; a second message
// within the collapse window adds no second push.
func TestSixWorkersPushOnce(t *testing.T) {
	st := storetest.Open(t, "push_workers")
	ctx := context.Background()
	svc := newPushService(t)
	if err := st.AddPushSubscription(ctx, newBrowser(t).subscription("ida", svc.URL+"/send/ida"), push.MaxSubscriptions); err != nil {
		t.Fatal(err)
	}
	sender := newSender(t, st, svc, vapidKeys(t), "da")
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, at := range []time.Time{now, now.Add(3 * time.Second)} {
		if err := st.EnqueueJob(ctx, push.NewMessageJob("ida", at)); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for i := range 6 {
		w := leads.NewWorker(leads.WorkerConfig{Owner: fmt.Sprint("w", i), Jobs: st, Leads: st, Webhooks: st,
			Handlers: map[string]leads.Handler{push.KindPush: sender.Handle},
			Now:      func() time.Time { return now.Add(5 * time.Second) }})
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := w.RunOnce(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := len(svc.requests()); n != 1 {
		t.Errorf("the push service got %d pushes, want 1", n)
	}
	j, err := st.Job(ctx, push.NewMessageJob("ida", now).ID)
	if err != nil || !j.Done {
		t.Errorf("push job: %+v, %v; want done", j, err)
	}
	if a, b := push.NewMessageJob("ida", now), push.NewMessageJob("ida", now.Add(push.CollapseWindow)); a.ID == b.ID {
		t.Errorf("messages a window apart share job %s", a.ID)
	}
}

// TestFailedPushIsRetriedByTheWorker: a push service that fails leaves the
// job due again after the backoff, and the next run delivers it.
func TestFailedPushIsRetriedByTheWorker(t *testing.T) {
	st := storetest.Open(t, "push_retry")
	ctx := context.Background()
	svc := newPushService(t)
	svc.answer(http.StatusServiceUnavailable)
	if err := st.AddPushSubscription(ctx, newBrowser(t).subscription("noah", svc.URL+"/send/noah"), push.MaxSubscriptions); err != nil {
		t.Fatal(err)
	}
	sender := newSender(t, st, svc, vapidKeys(t), "en")
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	clock := now
	w := leads.NewWorker(leads.WorkerConfig{Jobs: st, Leads: st, Webhooks: st,
		Handlers: map[string]leads.Handler{push.KindPush: sender.Handle}, Now: func() time.Time { return clock }})
	job := push.NewMessageJob("noah", now)
	if err := st.EnqueueJob(ctx, job); err != nil {
		t.Fatal(err)
	}
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	j, _ := st.Job(ctx, job.ID)
	if j.Done || j.Attempts != 1 || !strings.Contains(j.LastError, "503") {
		t.Fatalf("after a 503: %+v, want due again", j)
	}
	svc.answer(http.StatusCreated)
	clock = now.Add(leads.RetrySchedule[0])
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if j, _ := st.Job(ctx, job.ID); !j.Done || len(svc.requests()) != 2 {
		t.Errorf("after the retry: %+v with %d requests, want done after 2", j, len(svc.requests()))
	}
	if err := sender.Handle(ctx, &leads.Job{ID: "push:", Kind: push.KindPush}); err == nil {
		t.Error("a push job that names nobody is not refused")
	}
}

// TestCheckSubscription: what a browser sends is taken, what no browser
// would send is refused with a reason.
func TestCheckSubscription(t *testing.T) {
	b := browser{key: must(ecdh.P256().GenerateKey(rand.Reader)), auth: make([]byte, 16)}
	good := b.subscription("u", "https://fcm.googleapis.com/fcm/send/abc:def")
	offCurve := make([]byte, 65)
	offCurve[0] = 4
	for _, tc := range []struct {
		name                   string
		endpoint, p256dh, auth string
		allowHTTP              bool
		ok                     bool
	}{
		{"a browser's", good.Endpoint, good.P256dh, good.Auth, false, true},
		{"padded base64url", good.Endpoint, good.P256dh + "=", good.Auth + "==", false, true},
		{"apple", "https://web.push.apple.com/QGuQyavXutnMH", good.P256dh, good.Auth, false, true},
		{"plain http", "http://fcm.googleapis.com/fcm/send/abc", good.P256dh, good.Auth, false, false},
		{"plain http in development", "http://127.0.0.1:9/x", good.P256dh, good.Auth, true, true},
		{"not a URL", "push service", good.P256dh, good.Auth, false, false},
		{"empty", "", good.P256dh, good.Auth, false, false},
		{"loopback", "https://127.0.0.1/x", good.P256dh, good.Auth, false, false},
		{"private", "https://10.1.2.3/x", good.P256dh, good.Auth, false, false},
		{"localhost", "https://localhost/x", good.P256dh, good.Auth, false, false},
		{"metadata", "https://169.254.169.254/latest", good.P256dh, good.Auth, false, false},
		{"private even in development", "http://192.168.1.1/x", good.P256dh, good.Auth, true, false},
		{"too long", "https://push.example/" + strings.Repeat("a", push.MaxEndpointLength), good.P256dh, good.Auth, false, false},
		{"p256dh standard base64", good.Endpoint, base64.StdEncoding.EncodeToString(append(b.key.PublicKey().Bytes()[:64:64], 0xff, 0xfb)), good.Auth, false, false},
		{"p256dh compressed", good.Endpoint, base64.RawURLEncoding.EncodeToString(b.key.PublicKey().Bytes()[:33]), good.Auth, false, false},
		{"p256dh off the curve", good.Endpoint, base64.RawURLEncoding.EncodeToString(offCurve), good.Auth, false, false},
		{"p256dh missing", good.Endpoint, "", good.Auth, false, false},
		{"auth short", good.Endpoint, good.P256dh, base64.RawURLEncoding.EncodeToString(make([]byte, 15)), false, false},
		{"auth long", good.Endpoint, good.P256dh, base64.RawURLEncoding.EncodeToString(make([]byte, 32)), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := push.CheckSubscription(tc.endpoint, tc.p256dh, tc.auth, tc.allowHTTP)
			if tc.ok != (err == nil) {
				t.Errorf("CheckSubscription = %v, want ok %v", err, tc.ok)
			}
			if err != nil && !errors.Is(err, push.ErrInvalid) {
				t.Errorf("%v is not push.ErrInvalid", err)
			}
		})
	}
}

// TestVAPIDKeys: generated keys check out, the String form never shows the
// private key, and keys that do not belong together are refused with words
// that do not quote them.
func TestVAPIDKeys(t *testing.T) {
	k := vapidKeys(t)
	if err := k.Check(); err != nil {
		t.Fatal(err)
	}
	if pub := must(base64.RawURLEncoding.DecodeString(k.PublicKey)); len(pub) != 65 || pub[0] != 4 {
		t.Errorf("public key is %d bytes, want an uncompressed point", len(pub))
	}
	if strings.Contains(fmt.Sprint(k), k.PrivateKey) || strings.Contains(fmt.Sprintf("%+v", k), k.PrivateKey) {
		t.Error("printing the keys shows the private key")
	}
	other := vapidKeys(t)
	for name, bad := range map[string]push.VAPID{
		"mismatched": {PublicKey: other.PublicKey, PrivateKey: k.PrivateKey, Subject: subject},
		"garbage":    {PublicKey: k.PublicKey, PrivateKey: "not a key!", Subject: subject},
		"no subject": {PublicKey: k.PublicKey, PrivateKey: k.PrivateKey},
		"subject":    {PublicKey: k.PublicKey, PrivateKey: k.PrivateKey, Subject: "drift@brobygger.test"},
	} {
		err := bad.Check()
		if err == nil {
			t.Errorf("%s keys pass", name)
			continue
		}
		if strings.Contains(err.Error(), k.PrivateKey) {
			t.Errorf("%s: the error quotes the private key", name)
		}
	}
	if _, err := push.NewSender(push.Config{Keys: push.VAPID{PublicKey: other.PublicKey, PrivateKey: k.PrivateKey, Subject: subject},
		Store: (*store.Store)(nil)}); err == nil {
		t.Error("a sender takes mismatched keys")
	}
}

// BenchmarkSend measures one push: reading the subscription, encrypting
// for the browser, signing the VAPID token and the request to a push
// service on this machine.
func BenchmarkSend(b *testing.B) {
	st := storetest.Open(b, "push_bench")
	ctx := context.Background()
	svc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusCreated)
	}))
	defer svc.Close()
	k := must(ecdh.P256().GenerateKey(rand.Reader))
	sub := push.Subscription{UserID: "bench", Endpoint: svc.URL + "/send/bench", CreatedAt: time.Now(),
		P256dh: base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()), Auth: base64.RawURLEncoding.EncodeToString(make([]byte, 16))}
	if err := st.AddPushSubscription(ctx, sub, push.MaxSubscriptions); err != nil {
		b.Fatal(err)
	}
	keys := must(push.GenerateVAPID(subject))
	s := must(push.NewSender(push.Config{Keys: keys, Store: st, HTTP: svc.Client(), AllowHTTP: true}))
	b.ResetTimer()
	for b.Loop() {
		if err := s.Send(ctx, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
