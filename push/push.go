// Package push tells a young person's phone that something new is waiting
// in their chat, by Web Push (RFC 8030, encrypted by RFC 8291, signed by
// VAPID, RFC 8292). It owns the subscriptions' rules (what a browser may
// register, how many each young person keeps), the server's VAPID keys, and
// the sending: a push job in the lead worker's outbox becomes one encrypted
// request to each of the young person's push services. A push says only
// that there is a new message, never what it says or who wrote it: the
// push service, the phone's lock screen and whoever holds the phone learn
// nothing else.
package push

import (
	"context"
	"crypto/ecdh"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/brobygger/brobygger/leads"
)

// Errors the store and the rules return.
var (
	// ErrInvalid is a subscription a browser could not have made, or one
	// whose endpoint is not a push service on the internet.
	ErrInvalid = errors.New("invalid push subscription")
	// ErrNotFound is a subscription the young person does not have.
	ErrNotFound = errors.New("push subscription not found")
	// ErrConflict is a subscription list changed by someone else meanwhile,
	// however often it was tried again.
	ErrConflict = errors.New("push subscriptions changed at the same time")
)

// Limits on what a browser registers.
const (
	// MaxSubscriptions is how many devices one young person keeps; a new
	// one past it drops the one that was registered longest ago.
	MaxSubscriptions = 10
	// MaxEndpointLength bounds an endpoint; the push services' own are a
	// few hundred characters.
	MaxEndpointLength = 2048
	// p256dhBytes and authBytes are the sizes RFC 8291 gives the browser's
	// keys: an uncompressed P-256 point and a 16-byte secret.
	p256dhBytes = 65
	authBytes   = 16
)

// Subscription is one browser's push subscription for one young person, as
// PushSubscription.toJSON() gives it: where to send, and the keys to
// encrypt for, base64url as the browser wrote them.
type Subscription struct {
	UserID   string
	Endpoint string
	P256dh   string
	Auth     string
	// CreatedAt is when the browser last registered it; the oldest is
	// dropped first when a young person has too many.
	CreatedAt time.Time
}

// Store keeps the subscriptions; package store implements it.
type Store interface {
	// AddPushSubscription stores s for s.UserID, replacing the one with
	// the same endpoint (of this or any other young person: one browser
	// belongs to whoever registered it last), and drops the oldest beyond
	// max.
	AddPushSubscription(ctx context.Context, s Subscription, max int) error
	// RemovePushSubscription removes the young person's subscription with
	// that endpoint; one they do not have is ErrNotFound.
	RemovePushSubscription(ctx context.Context, userID, endpoint string) error
	// PushSubscriptionsOf lists the young person's subscriptions, oldest first.
	PushSubscriptionsOf(ctx context.Context, userID string) ([]Subscription, error)
}

// CheckSubscription says what is wrong with a subscription a browser sent,
// in words for the person who sent it, wrapping ErrInvalid; nil when it is
// one a browser could have made. The endpoint must be an https URL of a
// server on the internet (leads.CheckWebhookURL's rules: never this
// machine, its network or a cloud's metadata service); allowHTTP, the
// development switch, lets plain http and loopback through.
func CheckSubscription(endpoint, p256dh, auth string, allowHTTP bool) error {
	var problems []string
	if err := CheckEndpoint(endpoint, allowHTTP); err != nil {
		problems = append(problems, strings.TrimSuffix(err.Error(), ": "+ErrInvalid.Error()))
	}
	if b, ok := decodeKey(p256dh); !ok || len(b) != p256dhBytes {
		problems = append(problems, fmt.Sprintf("keys.p256dh must be base64url of a %d-byte uncompressed P-256 point", p256dhBytes))
	} else if _, err := ecdh.P256().NewPublicKey(b); err != nil {
		problems = append(problems, "keys.p256dh is not a point on P-256")
	}
	if b, ok := decodeKey(auth); !ok || len(b) != authBytes {
		problems = append(problems, fmt.Sprintf("keys.auth must be base64url of %d bytes", authBytes))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %w", strings.Join(problems, "; "), ErrInvalid)
	}
	return nil
}

// CheckEndpoint says what is wrong with an endpoint, wrapping ErrInvalid.
// The sender checks it again before every push, and its HTTP client checks
// every address it connects to, so a name that later resolves inside gets
// nowhere either.
func CheckEndpoint(endpoint string, allowHTTP bool) error {
	u, err := url.Parse(endpoint)
	switch {
	case endpoint == "":
		return fmt.Errorf("endpoint is required: %w", ErrInvalid)
	case len(endpoint) > MaxEndpointLength:
		return fmt.Errorf("endpoint is longer than %d characters: %w", MaxEndpointLength, ErrInvalid)
	case err != nil || !u.IsAbs() || u.Host == "":
		return fmt.Errorf("endpoint must be a URL: %w", ErrInvalid)
	case u.Scheme != "https" && !(u.Scheme == "http" && allowHTTP):
		return fmt.Errorf("endpoint must use https: %w", ErrInvalid)
	}
	if err := leads.CheckWebhookURL(endpoint, allowHTTP); err != nil {
		return fmt.Errorf("endpoint must be a push service on the internet: %w", ErrInvalid)
	}
	return nil
}

// decodeKey reads base64url, with or without the padding some browsers
// and libraries add.
func decodeKey(s string) ([]byte, bool) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	return b, err == nil && s != ""
}

// KindPush is the outbox job that pushes "you have a new message" to a
// young person's devices.
const KindPush = "push"

// CollapseWindow is how close together messages share one push: a burst
// of messages (an organisation's reply and the status change that came
// with it) buzzes the phone once.
const CollapseWindow = 10 * time.Second

// NewMessageJob is the job that tells the young person's devices there is
// a new message. Its id names the young person and the CollapseWindow the
// message came in, so enqueueing it again for another message in the same
// window changes nothing. It holds only the pseudonymous user id; the
// sender reads the subscriptions when it runs, so erasing the young person
// makes it do nothing.
func NewMessageJob(userID string, now time.Time) leads.Job {
	window := now.Truncate(CollapseWindow).Unix()
	return leads.Job{ID: fmt.Sprintf("%s:%s:%d", KindPush, userID, window), Kind: KindPush, DueAt: now,
		Payload: leads.Payload{UserID: userID}}
}
