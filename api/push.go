package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/push"
)

// Push is what the Web Push routes need: the key browsers subscribe with,
// and where subscriptions are kept. The zero Push serves 503 on them.
type Push struct {
	// PublicKey is the server's VAPID public key, base64url without padding.
	PublicKey     string
	Subscriptions push.Store
}

// maxSubscriptionBody is the largest subscription taken: a browser's is a
// few hundred bytes, and an endpoint at most push.MaxEndpointLength.
const maxSubscriptionBody = 4 << 10

type vapidKeyJSON struct {
	PublicKey string `json:"public_key"`
}

type pushSubscriptionJSON struct {
	Endpoint string `json:"endpoint"`
	Keys     struct {
		P256dh string `json:"p256dh"`
		Auth   string `json:"auth"`
	} `json:"keys"`
}

type pushSubscriptionOut struct {
	Endpoint  string `json:"endpoint"`
	CreatedAt string `json:"created_at"`
}

type pushEndpointJSON struct {
	Endpoint string `json:"endpoint"`
}

func (s *Server) pushReady() error {
	if s.push.PublicKey == "" || s.push.Subscriptions == nil {
		return &Error{Status: http.StatusServiceUnavailable, Slug: "push-off", Detail: "Push messages are not set up on this server."}
	}
	return nil
}

// vapidPublicKey gives the key a browser subscribes with
// (pushManager.subscribe's applicationServerKey). It is public by design.
func (s *Server) vapidPublicKey(c *fiber.Ctx) error {
	if err := s.pushReady(); err != nil {
		return err
	}
	return c.JSON(vapidKeyJSON{PublicKey: s.push.PublicKey})
}

// addPushSubscription keeps the caller's browser subscription, so the
// messages the system puts in their chat reach the phone. The same browser
// again is the same subscription; past push.MaxSubscriptions the oldest
// goes.
func (s *Server) addPushSubscription(c *fiber.Ctx) error {
	if err := s.pushReady(); err != nil {
		return err
	}
	if len(c.Body()) > maxSubscriptionBody {
		return unprocessable("The subscription is larger than " + byteSize(maxSubscriptionBody) + "; a browser's is a few hundred bytes.")
	}
	var in pushSubscriptionJSON
	if err := decode(c, &in, false); err != nil {
		return err
	}
	if err := push.CheckSubscription(in.Endpoint, in.Keys.P256dh, in.Keys.Auth, s.allowHTTPWebhooks); err != nil {
		return unprocessable(pushInvalidDetail(err))
	}
	now := s.now().UTC()
	sub := push.Subscription{UserID: caller(c).UserID, Endpoint: in.Endpoint, P256dh: in.Keys.P256dh, Auth: in.Keys.Auth, CreatedAt: now}
	if err := s.push.Subscriptions.AddPushSubscription(c.UserContext(), sub, push.MaxSubscriptions); err != nil {
		return pushError(err)
	}
	return c.Status(fiber.StatusCreated).JSON(pushSubscriptionOut{Endpoint: in.Endpoint, CreatedAt: now.Format(time.RFC3339)})
}

// removePushSubscription forgets one of the caller's subscriptions, named
// by its endpoint in the body or in ?endpoint=; another young person's is
// not found.
func (s *Server) removePushSubscription(c *fiber.Ctx) error {
	if err := s.pushReady(); err != nil {
		return err
	}
	endpoint := c.Query("endpoint")
	var in pushEndpointJSON
	if err := decode(c, &in, true); err != nil {
		return err
	}
	switch {
	case in.Endpoint != "" && endpoint != "" && in.Endpoint != endpoint:
		return unprocessable("The body and ?endpoint= name different subscriptions.")
	case in.Endpoint != "":
		endpoint = in.Endpoint
	case endpoint == "":
		return unprocessable("Say which subscription to remove: its endpoint, in the body or as ?endpoint=.")
	}
	if err := s.push.Subscriptions.RemovePushSubscription(c.UserContext(), caller(c).UserID, endpoint); err != nil {
		return pushError(err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// pushInvalidDetail is what push.CheckSubscription found, for the person
// who sent it.
func pushInvalidDetail(err error) string {
	return strings.TrimSuffix(err.Error(), ": "+push.ErrInvalid.Error()) + "."
}

func pushError(err error) error {
	switch {
	case errors.Is(err, push.ErrNotFound):
		return notFound("You have no push subscription with that endpoint.")
	case errors.Is(err, push.ErrInvalid):
		return unprocessable(pushInvalidDetail(err))
	case errors.Is(err, push.ErrConflict):
		return &Error{Status: http.StatusConflict, Slug: "conflict", Detail: "The resource changed at the same time; try again."}
	}
	return err
}
