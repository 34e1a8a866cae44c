package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/leads"
)

// LimitStore keeps the state of the limits where every instance sees it, so
// that a limit holds however many instances serve the API. Package store
// implements it; keys are opaque to it.
type LimitStore interface {
	// TakeToken takes n tokens from the bucket key (at most burst, one
	// more every interval) and returns zero, or, taking nothing, how long
	// until there are n. A negative n gives tokens back.
	TakeToken(ctx context.Context, key string, n, burst int, every time.Duration, now time.Time) (time.Duration, error)
	// LockedUntil says until when key is locked out.
	LockedUntil(ctx context.Context, key string) (time.Time, error)
	// Fail counts a failure and returns until when key is now locked out:
	// from the threshold-th failure, first, doubling up to longest;
	// failures are forgotten after forget without one.
	Fail(ctx context.Context, key string, threshold int, first, longest, forget time.Duration, now time.Time) (time.Time, error)
	// Forget clears key's failures.
	Forget(ctx context.Context, key string) error
	// HoldSlot takes or renews holder's slot of key's max until the given
	// time, and reports whether it has one.
	HoldSlot(ctx context.Context, key, holder string, max int, until, now time.Time) (bool, error)
	// ReleaseSlot frees holder's slot.
	ReleaseSlot(ctx context.Context, key, holder string) error
}

// Rate is a token bucket: Burst requests at once, then one more every
// Every. The zero Rate sets no limit.
type Rate struct {
	Burst int
	Every time.Duration
}

// ParseRate reads a rate written as burst/interval, such as "60/1s" (60 at
// once, then one a second) or "10/6m" (10 at once, then one every six
// minutes: 10 an hour).
func ParseRate(s string) (Rate, error) {
	b, e, ok := strings.Cut(strings.TrimSpace(s), "/")
	burst, err := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err != nil || burst < 1 {
		return Rate{}, fmt.Errorf("rate %q: want burst/interval, such as 60/1s", s)
	}
	every, err := time.ParseDuration(strings.TrimSpace(e))
	if err != nil || every <= 0 {
		return Rate{}, fmt.Errorf("rate %q: want burst/interval, such as 60/1s", s)
	}
	return Rate{Burst: burst, Every: every}, nil
}

// String writes the rate as ParseRate reads it.
func (r Rate) String() string { return fmt.Sprintf("%d/%s", r.Burst, r.Every) }

func (r Rate) on() bool { return r.Burst > 0 && r.Every > 0 }

// Lockout locks a key out after Failures failures: for First, doubling with
// each further failure up to Longest. Failures are forgotten after Forget
// without one. Zero Failures sets no lockout.
type Lockout struct {
	Failures               int
	First, Longest, Forget time.Duration
}

// Limits are the API's limits per client. A zero field sets no limit, and
// the zero Limits none at all.
type Limits struct {
	// GuestsPerAddress bounds new guests from one network address. A
	// school class signs in from one address at once, so its burst must
	// take a class with room to spare.
	GuestsPerAddress Rate
	// LoginsPerAddress bounds staff sign-in attempts from one address;
	// each costs a password hash.
	LoginsPerAddress Rate
	// LoginAccount and LoginAddress lock sign-ins to one e-mail, known or
	// not, and from one address out after failures.
	LoginAccount, LoginAddress Lockout
	// MessagesPerUser bounds a young person's messages to the bot and to
	// organisations, and, in a bucket of its own, the conversations they
	// start.
	MessagesPerUser Rate
	// InvitesPerUser bounds the friend codes a young person makes.
	InvitesPerUser Rate
	// WrongCodesPerUser and WrongCodesPerAddress bound friend codes tried
	// that do not exist, since codes can be guessed by trying.
	WrongCodesPerUser, WrongCodesPerAddress Rate
	// StreamsPerUser bounds a young person's open event streams.
	StreamsPerUser int
	// ResetsPerEmail and ResetsPerAddress bound password-reset requests
	// for one e-mail, known or not, and from one address, so nobody can
	// fill a mailbox with reset e-mails (staffmail.go).
	ResetsPerEmail, ResetsPerAddress Rate
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is
	// believed; behind one, every client would otherwise share its address.
	TrustedProxies []netip.Prefix
}

// any reports whether l sets any limit.
func (l Limits) any() bool {
	return l.GuestsPerAddress.on() || l.LoginsPerAddress.on() || l.LoginAccount.Failures > 0 ||
		l.LoginAddress.Failures > 0 || l.MessagesPerUser.on() || l.InvitesPerUser.on() ||
		l.WrongCodesPerUser.on() || l.WrongCodesPerAddress.on() || l.StreamsPerUser > 0 ||
		l.ResetsPerEmail.on() || l.ResetsPerAddress.on()
}

// DefaultLimits are the limits the server runs with unless configured
// otherwise: wide enough that a class of 40 signing in together and a fast
// typist never meet them, narrow enough to stop scripts.
func DefaultLimits() Limits {
	return Limits{
		GuestsPerAddress:     Rate{Burst: 60, Every: time.Second},
		LoginsPerAddress:     Rate{Burst: 20, Every: 3 * time.Second},
		LoginAccount:         Lockout{Failures: 5, First: time.Minute, Longest: time.Hour, Forget: 24 * time.Hour},
		LoginAddress:         Lockout{Failures: 20, First: time.Minute, Longest: time.Hour, Forget: 24 * time.Hour},
		MessagesPerUser:      Rate{Burst: 10, Every: 2 * time.Second},
		InvitesPerUser:       Rate{Burst: 10, Every: 6 * time.Minute},
		WrongCodesPerUser:    Rate{Burst: 10, Every: 6 * time.Minute},
		WrongCodesPerAddress: Rate{Burst: 50, Every: 72 * time.Second},
		StreamsPerUser:       5,
		ResetsPerEmail:       Rate{Burst: 3, Every: 20 * time.Minute},
		ResetsPerAddress:     Rate{Burst: 20, Every: 3 * time.Minute},
	}
}

// Stream slots are leased, so that an instance that dies frees its
// streams' slots by itself, and renewed while the stream is open.
const (
	streamLease      = 2 * time.Minute
	streamLeaseRenew = 30 * time.Second
	streamEndCheck   = time.Second
)

// limiter applies Limits with the state in a LimitStore.
type limiter struct {
	Limits
	store  LimitStore
	secret []byte
	now    func() time.Time
	hub    *hub
	// watched are the event streams whose slots are being held, so that
	// two streams of one conversation opened at once are told apart.
	mu      sync.Mutex
	watched map[chan streamSignal]bool
}

// tooMany is the answer to a request over a limit: 429 with Retry-After in
// whole seconds.
func tooMany(c *fiber.Ctx, wait time.Duration, detail string) error {
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
	return &Error{Status: fiber.StatusTooManyRequests, Slug: "too-many-requests", Detail: detail}
}

// key names a client in the limits' store without keeping who it is: an
// HMAC of the kind and the value (an e-mail, an address, a user id) under
// the server's secret, so the store holds no e-mail or address in the clear.
func (l *limiter) key(kind, value string) string {
	m := hmac.New(sha256.New, l.secret)
	m.Write([]byte(kind + "\x00" + value))
	return kind + ":" + hex.EncodeToString(m.Sum(nil)[:16])
}

// address is the client's network address: the peer, or behind a trusted
// proxy the last address in X-Forwarded-For that is not a trusted proxy.
// IPv6 clients are counted by their /64, which one household or phone gets
// whole.
func (l *limiter) address(c *fiber.Ctx) string {
	ip, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	ip = ip.Unmap()
	if l.trusted(ip) {
		hops := strings.Split(c.Get(fiber.HeaderXForwardedFor), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break
			}
			ip = hop.Unmap()
			if !l.trusted(ip) {
				break
			}
		}
	}
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

func (l *limiter) trusted(ip netip.Addr) bool {
	for _, p := range l.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// take takes one token from the bucket (kind, value) at rate r, or answers
// 429.
func (l *limiter) take(c *fiber.Ctx, r Rate, kind, value, detail string) error {
	if !r.on() {
		return nil
	}
	wait, err := l.store.TakeToken(c.UserContext(), l.key(kind, value), 1, r.Burst, r.Every, l.now())
	if err != nil {
		return err
	}
	if wait > 0 {
		return tooMany(c, wait, detail)
	}
	return nil
}

// giveBack returns the token take took, for a request that turned out not
// to count.
func (l *limiter) giveBack(ctx context.Context, r Rate, kind, value string) error {
	if !r.on() {
		return nil
	}
	_, err := l.store.TakeToken(ctx, l.key(kind, value), -1, r.Burst, r.Every, l.now())
	return err
}

// limitFor returns the limit a route has, or nil.
func (s *Server) limitFor(method, path string) fiber.Handler {
	l := s.limits
	if l == nil {
		return nil
	}
	switch method + " " + path {
	case "POST /v1/auth/guest":
		return l.guests
	case "POST /v1/auth/login":
		return l.login
	case "POST /v1/conversations":
		return l.conversations
	case "POST /v1/conversations/:id/messages", "POST /v1/leads/:id/messages":
		return l.messages
	case "GET /v1/conversations/:id/events":
		return l.streams
	case "POST /v1/leads/:id/invites":
		return l.invites
	case "POST /v1/invites/:code/join":
		return l.wrongCodes
	case "POST /v1/auth/password-reset":
		return l.resets // staffmail.go
	case "POST /v1/auth/accept-invite", "POST /v1/auth/password-reset/confirm", "POST /v1/auth/password":
		return l.passwordTries // staffmail.go
	case "POST /v1/admin/staff-invites":
		return l.staffInvites // staffmail.go
	}
	return nil
}

func (l *limiter) guests(c *fiber.Ctx) error {
	if err := l.take(c, l.GuestsPerAddress, "guests", l.address(c),
		"Too many new guests from your network just now; try again in a moment."); err != nil {
		return err
	}
	return c.Next()
}

func (l *limiter) messages(c *fiber.Ctx) error {
	if err := l.take(c, l.MessagesPerUser, "messages", caller(c).UserID,
		"You are writing faster than anyone types; wait a moment and send it again."); err != nil {
		return err
	}
	return c.Next()
}

// conversations bounds the conversations a young person starts, at the
// rate of their messages but in a bucket of its own, so that starting one
// takes nothing from the messages that follow.
func (l *limiter) conversations(c *fiber.Ctx) error {
	if err := l.take(c, l.MessagesPerUser, "conversations", caller(c).UserID,
		"You have started many conversations just now; wait a moment."); err != nil {
		return err
	}
	return c.Next()
}

func (l *limiter) invites(c *fiber.Ctx) error {
	if err := l.take(c, l.InvitesPerUser, "invites", caller(c).UserID,
		"You have made many invitations lately; try again later."); err != nil {
		return err
	}
	return c.Next()
}

// wrongCodes bounds friend codes tried that do not exist. Every try takes a
// token, by user and by address, and one that finds its code gives them
// back, so a friend who joins is never held up by others' tries.
func (l *limiter) wrongCodes(c *fiber.Ctx) error {
	const detail = "Too many codes that do not exist were tried; check the code and try again later."
	user, addr := caller(c).UserID, l.address(c)
	if err := l.take(c, l.WrongCodesPerUser, "codes-user", user, detail); err != nil {
		return err
	}
	if err := l.take(c, l.WrongCodesPerAddress, "codes-address", addr, detail); err != nil {
		var limited *Error
		if errors.As(err, &limited) {
			if gbErr := l.giveBack(c.UserContext(), l.WrongCodesPerUser, "codes-user", user); gbErr != nil {
				return gbErr
			}
		}
		return err
	}
	err := c.Next()
	if errors.Is(err, leads.ErrNotFound) {
		return err
	}
	ctx := context.WithoutCancel(c.UserContext())
	if gbErr := errors.Join(l.giveBack(ctx, l.WrongCodesPerUser, "codes-user", user),
		l.giveBack(ctx, l.WrongCodesPerAddress, "codes-address", addr)); err == nil {
		return gbErr
	}
	return err
}

// login bounds staff sign-ins: attempts per address, and a lockout per
// e-mail and per address that grows with failures. The e-mail's lockout is
// kept whether or not the e-mail has an account, and a locked sign-in is
// refused before its password is hashed, so the answers, and their timing,
// are the same for known and unknown e-mails.
func (l *limiter) login(c *fiber.Ctx) error {
	var req loginRequest
	if json.Unmarshal(c.Body(), &req) != nil || strings.TrimSpace(req.Email) == "" {
		return c.Next() // the handler refuses it without hashing anything
	}
	const detail = "Too many sign-in attempts; wait and try again."
	addr, email := l.address(c), accounts.NormaliseEmail(req.Email)
	if err := l.take(c, l.LoginsPerAddress, "logins", addr, detail); err != nil {
		return err
	}
	now := l.now()
	var locked time.Time
	for _, k := range l.loginKeys(email, addr) {
		until, err := l.store.LockedUntil(c.UserContext(), k.key)
		if err != nil {
			return err
		}
		if until.After(locked) {
			locked = until
		}
	}
	if locked.After(now) {
		return tooMany(c, locked.Sub(now), detail)
	}
	err := c.Next()
	ctx := context.WithoutCancel(c.UserContext())
	switch {
	case errors.Is(err, errWrongLogin):
		for _, k := range l.loginKeys(email, addr) {
			if _, ferr := l.store.Fail(ctx, k.key, k.Failures, k.First, k.Longest, k.Forget, now); ferr != nil {
				return errors.Join(err, ferr)
			}
		}
	case err == nil && c.Response().StatusCode() == fiber.StatusOK && l.LoginAccount.Failures > 0:
		// The address's failures stay: signing in to one's own account
		// must not clear the way for guessing at others'.
		return l.store.Forget(ctx, l.key("login-account", email))
	}
	return err
}

type loginKey struct {
	key string
	Lockout
}

func (l *limiter) loginKeys(email, addr string) []loginKey {
	var ks []loginKey
	if l.LoginAccount.Failures > 0 {
		ks = append(ks, loginKey{l.key("login-account", email), l.LoginAccount})
	}
	if l.LoginAddress.Failures > 0 {
		ks = append(ks, loginKey{l.key("login-address", addr), l.LoginAddress})
	}
	return ks
}

// streams bounds a young person's open event streams. Each holds a leased
// slot in the store, renewed while the stream is open and released when it
// ends. The stream runs after its handler has returned, so its end is seen
// where the stream itself says it: its subscription to the hub, which it
// drops when it ends.
func (l *limiter) streams(c *fiber.Ctx) error {
	if l.StreamsPerUser <= 0 {
		return c.Next()
	}
	key, holder, conv := l.key("streams", caller(c).UserID), NewID(), c.Params("id")
	now := l.now()
	ok, err := l.store.HoldSlot(c.UserContext(), key, holder, l.StreamsPerUser, now.Add(streamLease), now)
	if err != nil {
		return err
	}
	if !ok {
		return tooMany(c, streamLeaseRenew,
			fmt.Sprintf("You have %d event streams open already; close one first.", l.StreamsPerUser))
	}
	before := l.hub.subscriptions(conv)
	err = c.Next()
	var stream chan streamSignal
	if err == nil && c.Context().IsBodyStream() {
		stream = l.claimStream(conv, before)
	}
	if stream == nil {
		return errors.Join(err, l.store.ReleaseSlot(context.WithoutCancel(c.UserContext()), key, holder))
	}
	go l.holdWhileOpen(key, holder, conv, stream)
	return nil
}

// subscriptions lists a conversation's streams.
func (h *hub) subscriptions(conv string) map[chan streamSignal]bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make(map[chan streamSignal]bool, len(h.subs[conv]))
	for ch := range h.subs[conv] {
		out[ch] = true
	}
	return out
}

func (h *hub) subscribed(conv string, ch chan streamSignal) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.subs[conv][ch]
}

// claimStream finds the stream a handler just opened: subscribed to conv
// now, not before, and not claimed by another request.
func (l *limiter) claimStream(conv string, before map[chan streamSignal]bool) chan streamSignal {
	l.mu.Lock()
	defer l.mu.Unlock()
	for ch := range l.hub.subscriptions(conv) {
		if !before[ch] && !l.watched[ch] {
			l.watched[ch] = true
			return ch
		}
	}
	return nil
}

// holdWhileOpen renews the stream's slot until the stream ends, then
// releases it.
func (l *limiter) holdWhileOpen(key, holder, conv string, stream chan streamSignal) {
	defer func() {
		l.mu.Lock()
		delete(l.watched, stream)
		l.mu.Unlock()
	}()
	check := time.NewTicker(streamEndCheck)
	defer check.Stop()
	renewed := time.Now()
	for range check.C {
		if !l.hub.subscribed(conv, stream) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			_ = l.store.ReleaseSlot(ctx, key, holder) // else the lease runs out
			cancel()
			return
		}
		if time.Since(renewed) >= streamLeaseRenew {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			now := l.now()
			_, _ = l.store.HoldSlot(ctx, key, holder, math.MaxInt, now.Add(streamLease), now)
			cancel()
			renewed = time.Now()
		}
	}
}
