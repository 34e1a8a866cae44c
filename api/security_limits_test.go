package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/app"
)

// The limits are tested on a server of their own, with the default limits
// on the real clock. It trusts the loopback address as a proxy, so each
// test names its own client address in X-Forwarded-For and no test uses up
// another's allowance. The calls go through a client of their own: the
// floods here would only repeat the document checks of the other tests.

var (
	limitedOnce sync.Once
	limitedApp  *app.App
	limitedURL  string
	limitedErr  error
)

func startLimited(t *testing.T) (*app.App, string) {
	t.Helper()
	limitedOnce.Do(func() {
		limitedApp, limitedURL, limitedErr = startApp(api.DefaultLimits())
	})
	if limitedErr != nil {
		t.Fatalf("start app: %v", limitedErr)
	}
	return limitedApp, limitedURL
}

func startApp(limits api.Limits) (*app.App, string, error) {
	dir, err := os.MkdirTemp("", "brobygger-limits-test")
	if err != nil {
		return nil, "", err
	}
	limits.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	a, err := app.New(context.Background(), app.Config{
		DataDir:        dir,
		MongoURI:       os.Getenv("MONGODB_URI"),
		VAPIDPublicKey: testVAPID.PublicKey, VAPIDPrivateKey: testVAPID.PrivateKey, VAPIDSubject: testVAPID.Subject,
		Database:  fmt.Sprintf("limitstest_%d", time.Now().UnixNano()),
		JWTSecret: strings.Repeat("k", 40),
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		Limits:    limits,
	})
	if err != nil {
		return nil, "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	go func() { _ = a.Serve(context.Background(), ln) }()
	return a, "http://" + ln.Addr().String(), nil
}

var plainClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 500}, Timeout: time.Minute}

// visitor calls the server from one network address, with a token once
// signed in.
type visitor struct {
	t     *testing.T
	base  string
	addr  string
	token string
}

func (v *visitor) do(method, path string, body any) response {
	v.t.Helper()
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, v.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", v.addr)
	if v.token != "" {
		req.Header.Set("Authorization", "Bearer "+v.token)
	}
	res, err := plainClient.Do(req)
	if err != nil {
		v.t.Errorf("%s %s: %v", method, path, err)
		return response{}
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: raw}
}

// signIn makes v a guest with a conversation.
func (v *visitor) signIn() string {
	v.t.Helper()
	res := v.do("POST", "/v1/auth/guest", map[string]string{"locale": "da"})
	if res.Status != 201 {
		v.t.Fatalf("guest: %d %s", res.Status, res.Body)
	}
	v.token = res.json(v.t)["access_token"].(string)
	res = v.do("POST", "/v1/conversations", nil)
	if res.Status != 201 {
		v.t.Fatalf("start conversation: %d %s", res.Status, res.Body)
	}
	return res.json(v.t)["conversation_id"].(string)
}

// checkTooMany checks that res is the limits' answer: 429 problem details
// with Retry-After in whole seconds.
func checkTooMany(t *testing.T, res response) {
	t.Helper()
	if res.Status != 429 {
		t.Fatalf("status %d, want 429: %s", res.Status, res.Body)
	}
	if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Errorf("Retry-After %q, want whole seconds", res.Header.Get("Retry-After"))
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("content type %q", ct)
	}
	if p := res.json(t); p["status"] != float64(429) || p["detail"] == "" {
		t.Errorf("problem = %v", p)
	}
}

// burst sends n requests at once and counts the answers by status.
func burst(n int, send func(i int) response) map[int]int {
	var mu sync.Mutex
	counts := map[int]int{}
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := send(i)
			mu.Lock()
			counts[res.Status]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counts
}

func TestAClassOf40SignsInAtOnceWhileAFloodIsLimited(t *testing.T) {
	_, base := startLimited(t)
	class := burst(40, func(int) response {
		v := &visitor{t: t, base: base, addr: "198.51.100.40"}
		return v.do("POST", "/v1/auth/guest", nil)
	})
	t.Logf("a class of 40 from one address: %v", class)
	if class[201] != 40 {
		t.Fatalf("a class of 40 signing in at once got %v, want 40 × 201", class)
	}

	start := time.Now()
	var limited atomic.Pointer[response]
	flood := burst(400, func(int) response {
		v := &visitor{t: t, base: base, addr: "198.51.100.41"}
		res := v.do("POST", "/v1/auth/guest", nil)
		if res.Status == 429 {
			limited.Store(&res)
		}
		return res
	})
	t.Logf("a flood of 400 from one address in %s: %v", time.Since(start).Round(time.Millisecond), flood)
	if flood[429] == 0 || flood[201] > 100 {
		t.Fatalf("a flood of 400 got %v, want most refused", flood)
	}
	checkTooMany(t, *limited.Load())

	// Another address is not held up by the flood.
	other := &visitor{t: t, base: base, addr: "2001:db8:1::7"}
	if res := other.do("POST", "/v1/auth/guest", nil); res.Status != 201 {
		t.Fatalf("a guest from another address got %d", res.Status)
	}
}

func TestMessagesFromAFastTypistPassAndAScriptIsLimited(t *testing.T) {
	_, base := startLimited(t)
	v := &visitor{t: t, base: base, addr: "198.51.100.50"}
	conv := v.signIn()
	path := "/v1/conversations/" + conv + "/messages"
	for i := range 10 {
		res := v.do("POST", path, map[string]any{"client_message_id": fmt.Sprint("typed-", i), "text": "hej"})
		if res.Status != 200 {
			t.Fatalf("quick message %d: %d %s", i+1, res.Status, res.Body)
		}
	}
	var limited atomic.Pointer[response]
	script := burst(100, func(i int) response {
		res := v.do("POST", path, map[string]any{"client_message_id": fmt.Sprint("script-", i), "text": "hej"})
		if res.Status == 429 {
			limited.Store(&res)
		}
		return res
	})
	t.Logf("100 messages in a burst after 10 quick ones: %v", script)
	if script[429] < 90 {
		t.Fatalf("a burst of 100 messages got %v, want at least 90 refused", script)
	}
	checkTooMany(t, *limited.Load())
}

func TestTheSixthOpenEventStreamIsRefused(t *testing.T) {
	_, base := startLimited(t)
	v := &visitor{t: t, base: base, addr: "198.51.100.60"}
	conv := v.signIn()
	open := func() (*http.Response, error) {
		req, _ := http.NewRequest("GET", base+"/v1/conversations/"+conv+"/events?access_token="+v.token, nil)
		req.Header.Set("X-Forwarded-For", v.addr)
		return plainClient.Do(req)
	}
	var streams []*http.Response
	defer func() {
		for _, s := range streams {
			s.Body.Close()
		}
	}()
	for i := range 5 {
		res, err := open()
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("stream %d: %v %v", i+1, err, res)
		}
		streams = append(streams, res)
	}
	res, err := open()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	checkTooMany(t, response{Status: res.StatusCode, Header: res.Header, Body: raw})

	// A stream that ends frees its place: the server sees the client gone
	// when a write fails, which messages to the conversation make happen.
	streams[0].Body.Close()
	streams = streams[1:]
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; ; i++ {
		v.do("POST", "/v1/conversations/"+conv+"/messages", map[string]any{"client_message_id": fmt.Sprint("wake-", i), "text": "hej"})
		res, err := open()
		if err == nil && res.StatusCode == 200 {
			streams = append(streams, res)
			break
		}
		if err == nil {
			res.Body.Close()
		}
		if time.Now().After(deadline) {
			t.Fatalf("a closed stream's place was not free after 10 s: %v %v", err, res)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestGuessingFriendCodesIsLimited(t *testing.T) {
	_, base := startLimited(t)
	v := &visitor{t: t, base: base, addr: "198.51.100.70"}
	v.signIn()
	for i := range 10 {
		res := v.do("POST", fmt.Sprintf("/v1/invites/GUESS%04d/join", i), nil)
		if res.Status != 404 {
			t.Fatalf("wrong code %d: %d %s", i+1, res.Status, res.Body)
		}
	}
	checkTooMany(t, v.do("POST", "/v1/invites/GUESS0010/join", nil))

	// Others at the same address have their own tries, up to the
	// address's 50 an hour, which a guesser with many guest accounts meets.
	wrong := 10
	for range 5 {
		w := &visitor{t: t, base: base, addr: v.addr}
		w.signIn()
		for range 10 {
			if res := w.do("POST", fmt.Sprintf("/v1/invites/GUESS%04d/join", wrong), nil); res.Status != 404 {
				if wrong < 50 {
					t.Fatalf("wrong code %d from the address: %d %s", wrong+1, res.Status, res.Body)
				}
				checkTooMany(t, res)
				return
			}
			wrong++
		}
	}
	t.Fatalf("%d wrong codes from one address were all tried", wrong)
}

// staffFor creates a staff account and returns its e-mail and password.
func staffFor(t *testing.T, a *app.App) (string, string) {
	t.Helper()
	email := fmt.Sprintf("staff-%d@example.dk", time.Now().UnixNano())
	_, password, err := accounts.CreateStaff(context.Background(), a.Store,
		accounts.NewStaff{Role: accounts.RoleSafeguarding, Email: email}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return email, password
}

func TestLoginLocksOutAfterFailuresAlikeForKnownAndUnknownEmails(t *testing.T) {
	a, base := startLimited(t)
	email, password := staffFor(t, a)
	login := func(addr, email, password string) (response, time.Duration) {
		v := &visitor{t: t, base: base, addr: addr}
		start := time.Now()
		res := v.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password})
		return res, time.Since(start)
	}
	unknown := "nobody-" + email
	var tKnown, tUnknown time.Duration
	for i := range 6 {
		known, dk := login("198.51.100.80", email, "wrong")
		other, du := login("198.51.100.81", unknown, "wrong")
		want := 401
		if i == 5 {
			want = 429
		}
		if known.Status != want {
			t.Fatalf("wrong password %d: %d %s, want %d", i+1, known.Status, known.Body, want)
		}
		// Retry-After counts from each one's own fifth failure, a hash's
		// time apart, so only the answers themselves must be equal.
		if known.Status != other.Status || !bytes.Equal(known.Body, other.Body) {
			t.Fatalf("attempt %d: a known e-mail got %d %s, an unknown one %d %s", i+1,
				known.Status, known.Body, other.Status, other.Body)
		}
		if i == 5 {
			checkTooMany(t, other)
		}
		if i < 5 {
			tKnown, tUnknown = tKnown+dk, tUnknown+du
		}
	}
	t.Logf("a wrong password takes %s with a known e-mail, %s with an unknown one (mean of 5)", tKnown/5, tUnknown/5)
	res, _ := login("198.51.100.80", email, password)
	checkTooMany(t, res)
	if s, _ := strconv.Atoi(res.Header.Get("Retry-After")); s > 60 {
		t.Errorf("the first lockout lasts %d s, want at most a minute", s)
	}
	// From another address the account is locked all the same: the lock
	// is on the account, not only on where the guesses came from.
	res, _ = login("198.51.100.82", email, password)
	checkTooMany(t, res)
}

// TestParallelLoginsKeepMemoryBounded logs the heap under 64 parallel
// sign-ins; the bound itself is the password hashes' semaphore.
func TestParallelLoginsKeepMemoryBounded(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("64 password hashes take seconds, and minutes under the race detector")
	}
	a, base := startLimited(t)
	email, password := staffFor(t, a)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peakInuse, peakSys atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peakInuse.Store(max(peakInuse.Load(), m.HeapInuse))
			peakSys.Store(max(peakSys.Load(), m.Sys))
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	// Each from its own address, as a distributed flood would come, so
	// that every one costs a hash.
	counts := burst(64, func(i int) response {
		v := &visitor{t: t, base: base, addr: fmt.Sprintf("203.0.113.%d", i)}
		return v.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password})
	})
	close(stop)
	<-sampled
	t.Logf("64 parallel sign-ins in %s (%v), password hashes at once: %d; heap in use %d MB before, peak %d MB; from the system %d MB before, peak %d MB",
		time.Since(start).Round(time.Millisecond), counts, accounts.ConcurrentHashes(),
		before.HeapInuse>>20, peakInuse.Load()>>20, before.Sys>>20, peakSys.Load()>>20)
	if counts[200] != 64 {
		t.Errorf("64 right passwords from 64 addresses got %v", counts)
	}
}

func TestWithLimitsOffNothingIsRefused(t *testing.T) {
	a, base, err := startApp(api.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close(context.Background()) })
	// More than each limit allows, one after another, so that the test
	// asks only about the limits and not about how many writes at once
	// the database takes.
	v := &visitor{t: t, base: base, addr: "198.51.100.90"}
	for i := range 100 {
		if res := v.do("POST", "/v1/auth/guest", nil); res.Status != 201 {
			t.Fatalf("guest %d of 100 from one address with limits off: %d %s", i+1, res.Status, res.Body)
		}
	}
	conv := v.signIn()
	for i := range 20 {
		res := v.do("POST", "/v1/conversations/"+conv+"/messages", map[string]any{"client_message_id": fmt.Sprint(i), "text": "hej"})
		if res.Status != 200 {
			t.Fatalf("message %d of 20 with limits off: %d %s", i+1, res.Status, res.Body)
		}
	}
	for i := range 15 {
		if res := v.do("POST", fmt.Sprintf("/v1/invites/GUESS%04d/join", i), nil); res.Status != 404 {
			t.Fatalf("wrong code %d with limits off: %d", i+1, res.Status)
		}
	}
	email, _ := staffFor(t, a)
	for i := range 7 {
		res := v.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": "wrong"})
		if res.Status != 401 {
			t.Fatalf("wrong password %d with limits off: %d", i+1, res.Status)
		}
	}
}
