package push

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"

	"github.com/brobygger/brobygger/leads"
)

// How a push travels.
const (
	// TTL is how long a push service keeps a push for a phone that is off;
	// after a day the news is stale, and the chat shows it anyway.
	TTL = 24 * time.Hour
	// Topic makes a push service replace a push it still holds for the
	// phone with the newer one, so a phone that was off gets one buzz.
	Topic = "brobygger-new-message"
	// sendTimeout bounds one request to a push service, well inside the
	// worker's lease.
	sendTimeout = 10 * time.Second
)

// Notification is everything a push carries: the generic words the phone
// shows and the page to open. It never holds what the message said.
type Notification struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	URL   string `json:"url"`
}

//go:embed data/texts.json
var textsJSON []byte

// texts are the notification's words per language; Danish is the default.
var texts = func() map[string]Notification {
	var m map[string]Notification
	if err := json.Unmarshal(textsJSON, &m); err != nil {
		panic(fmt.Sprintf("push: data/texts.json: %v", err))
	}
	for _, lang := range []string{"da", "en"} {
		if n := m[lang]; n.Title == "" || n.Body == "" {
			panic(fmt.Sprintf("push: data/texts.json: %q needs a title and a body", lang))
		}
	}
	return m
}()

// NotificationIn is the notification in lang, Danish when lang is not one
// the texts have.
func NotificationIn(lang string) Notification {
	n, ok := texts[lang]
	if !ok {
		n = texts["da"]
	}
	n.URL = "/"
	return n
}

// Config is what a Sender needs; Keys and Store are required.
type Config struct {
	Keys  VAPID
	Store Store
	// HTTP sends the pushes. Leave it nil: the sender then uses
	// leads.NewWebhookClient(AllowHTTP), which connects only to addresses
	// on the internet (loopback too with AllowHTTP). A client given here
	// (tests with an httptest push service) dials as it likes. No
	// redirect is ever followed.
	HTTP *http.Client
	// AllowHTTP is the development switch (BROBYGGER_ALLOW_HTTP_WEBHOOKS):
	// plain-http endpoints and loopback addresses pass.
	AllowHTTP bool
	// Lang says which language the young person chats in ("da" or "en");
	// nil, or "", is Danish.
	Lang   func(ctx context.Context, userID string) string
	Logger *slog.Logger
}

// Sender pushes "you have a new message" to a young person's devices.
type Sender struct {
	cfg   Config
	stats struct{ sent, removed, failed atomic.Int64 }
}

// Stats counts what a Sender did since it was made: pushes a push service
// accepted, subscriptions removed because their service said they are gone,
// and requests that failed and will be retried.
type Stats struct{ Sent, Removed, Failed int64 }

// NewSender checks the keys and fills cfg's gaps with defaults.
func NewSender(cfg Config) (*Sender, error) {
	if cfg.Store == nil {
		return nil, errors.New("push: a sender needs a store")
	}
	if err := cfg.Keys.Check(); err != nil {
		return nil, fmt.Errorf("push: %w", err)
	}
	cfg.Keys = cfg.Keys.normalised()
	if cfg.HTTP == nil {
		cfg.HTTP = leads.NewWebhookClient(cfg.AllowHTTP)
	} else {
		// A redirect could take the push somewhere the browser never named.
		c := *cfg.HTTP
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		cfg.HTTP = &c
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Sender{cfg: cfg}, nil
}

// PublicKey is the key browsers subscribe with (applicationServerKey).
func (s *Sender) PublicKey() string { return s.cfg.Keys.PublicKey }

// Stats returns what the sender did so far.
func (s *Sender) Stats() Stats {
	return Stats{Sent: s.stats.sent.Load(), Removed: s.stats.removed.Load(), Failed: s.stats.failed.Load()}
}

// Handle runs a KindPush job; it is the leads.Handler the worker is given.
func (s *Sender) Handle(ctx context.Context, j *leads.Job) error {
	if j.Payload.UserID == "" {
		return leads.Permanent(errors.New("push job names no young person"))
	}
	return s.Send(ctx, j.Payload.UserID)
}

var _ leads.Handler = (*Sender)(nil).Handle

// errGone is a push service saying the subscription no longer exists.
var errGone = errors.New("the push service says the subscription is gone")

// Send pushes the notification to each of the young person's devices. A
// subscription its push service calls gone (404, 410), or whose endpoint
// no longer passes CheckEndpoint, is removed; any other failure is
// returned, for the worker to try again later. A retry pushes to every
// device again: the Topic and the service worker's tag make the second
// push replace the first on a device that got both.
func (s *Sender) Send(ctx context.Context, userID string) error {
	subs, err := s.cfg.Store.PushSubscriptionsOf(ctx, userID)
	if err != nil {
		return fmt.Errorf("load push subscriptions: %w", err)
	}
	if len(subs) == 0 {
		return nil
	}
	lang := ""
	if s.cfg.Lang != nil {
		lang = s.cfg.Lang(ctx, userID)
	}
	payload, err := json.Marshal(NotificationIn(lang))
	if err != nil {
		return leads.Permanent(err)
	}
	var failed []error
	for _, sub := range subs {
		err := s.sendOne(ctx, sub, payload)
		switch {
		case err == nil:
			s.stats.sent.Add(1)
		case errors.Is(err, errGone) || errors.Is(err, ErrInvalid):
			if rerr := s.cfg.Store.RemovePushSubscription(ctx, userID, sub.Endpoint); rerr != nil && !errors.Is(rerr, ErrNotFound) {
				failed = append(failed, fmt.Errorf("remove a gone push subscription: %w", rerr))
				continue
			}
			s.stats.removed.Add(1)
		default:
			s.stats.failed.Add(1)
			failed = append(failed, err)
		}
	}
	return errors.Join(failed...)
}

// sendOne encrypts payload for one subscription and posts it to its push
// service. Errors name the service's host only: the rest of an endpoint
// is the device's address.
func (s *Sender) sendOne(ctx context.Context, sub Subscription, payload []byte) error {
	if err := CheckEndpoint(sub.Endpoint, s.cfg.AllowHTTP); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, sendTimeout)
	defer cancel()
	resp, err := webpush.SendNotificationWithContext(ctx, payload,
		&webpush.Subscription{Endpoint: sub.Endpoint, Keys: webpush.Keys{P256dh: sub.P256dh, Auth: sub.Auth}},
		&webpush.Options{
			HTTPClient: s.cfg.HTTP,
			// The library writes "mailto:" in front of anything that is not
			// an https URL, so it is given the address without it.
			Subscriber:      strings.TrimPrefix(s.cfg.Keys.Subject, "mailto:"),
			Topic:           Topic,
			TTL:             int(TTL / time.Second),
			Urgency:         webpush.UrgencyNormal,
			VAPIDPublicKey:  s.cfg.Keys.PublicKey,
			VAPIDPrivateKey: s.cfg.Keys.PrivateKey,
		})
	host := hostOf(sub.Endpoint)
	if err != nil {
		return fmt.Errorf("push to %s: %w", host, scrub(err, sub.Endpoint, host))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return fmt.Errorf("push to %s answered %s: %w", host, resp.Status, errGone)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fmt.Errorf("push to %s answered %s", host, resp.Status)
	}
	return nil
}

func hostOf(endpoint string) string {
	host, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(endpoint, "https://"), "http://"), "/")
	return host
}

// scrub keeps the endpoint's path, the device's address at the push
// service, out of an error that quotes the URL (net/url does).
func scrub(err error, endpoint, host string) error {
	msg := err.Error()
	if !strings.Contains(msg, endpoint) {
		return err
	}
	return errors.New(strings.ReplaceAll(msg, endpoint, host))
}
