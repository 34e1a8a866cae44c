package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/push"
	"github.com/brobygger/brobygger/store"
)

// defaultVAPIDSubject is the contact a local install gives push services
// when BROBYGGER_VAPID_SUBJECT is not set: they want a mailto: or https:
// URL, and a local install has no better one.
const defaultVAPIDSubject = "mailto:brobygger@localhost"

// vapidKeysFile holds the VAPID keys generated in embedded mode.
const vapidKeysFile = "vapid-keys"

// pushing is what the app keeps of Web Push: the keys, and the sender the
// lead worker runs push jobs with (nil until the worker starts).
type pushing struct {
	keys   push.VAPID
	sender *push.Sender
}

// vapidKeys returns the configured VAPID keys, or in embedded mode a pair
// generated once and kept in the data folder, as the JWT secret is. With
// MONGODB_URI every instance must push with the same keys (a browser's
// subscription is tied to the public key), so they are required there. No
// error quotes a key.
func vapidKeys(cfg Config) (push.VAPID, error) {
	subject := cfg.VAPIDSubject
	if cfg.VAPIDPublicKey != "" || cfg.VAPIDPrivateKey != "" || cfg.MongoURI != "" {
		var missing []string
		for _, v := range []struct{ name, value string }{
			{"BROBYGGER_VAPID_PUBLIC_KEY", cfg.VAPIDPublicKey},
			{"BROBYGGER_VAPID_PRIVATE_KEY", cfg.VAPIDPrivateKey},
			{"BROBYGGER_VAPID_SUBJECT", subject},
		} {
			if v.value == "" && (cfg.MongoURI != "" || v.name != "BROBYGGER_VAPID_SUBJECT") {
				missing = append(missing, v.name)
			}
		}
		if len(missing) > 0 {
			why := "with MONGODB_URI, so that every instance pushes with the same keys"
			if cfg.MongoURI == "" {
				why = "together"
			}
			return push.VAPID{}, fmt.Errorf("%s %s required %s", strings.Join(missing, ", "), isAre(len(missing)), why)
		}
		if subject == "" {
			subject = defaultVAPIDSubject
		}
		k := push.VAPID{PublicKey: cfg.VAPIDPublicKey, PrivateKey: cfg.VAPIDPrivateKey, Subject: subject}
		if err := k.Check(); err != nil {
			return push.VAPID{}, fmt.Errorf("BROBYGGER_VAPID_*: %w", err)
		}
		return k, nil
	}
	if subject == "" {
		subject = defaultVAPIDSubject
	}
	if err := push.CheckSubject(subject); err != nil {
		return push.VAPID{}, fmt.Errorf("BROBYGGER_VAPID_SUBJECT: %w", err)
	}
	path := filepath.Join(cfg.DataDir, vapidKeysFile)
	var kept struct {
		PublicKey  string `json:"public_key"`
		PrivateKey string `json:"private_key"`
	}
	if b, err := os.ReadFile(path); err == nil && json.Unmarshal(b, &kept) == nil {
		k := push.VAPID{PublicKey: kept.PublicKey, PrivateKey: kept.PrivateKey, Subject: subject}
		if k.Check() == nil {
			return k, nil
		}
	}
	// None kept yet, or the file is damaged: browsers subscribed with the
	// old key get no pushes and subscribe again when next asked.
	k, err := push.GenerateVAPID(subject)
	if err != nil {
		return push.VAPID{}, err
	}
	kept.PublicKey, kept.PrivateKey = k.PublicKey, k.PrivateKey
	b, err := json.Marshal(kept)
	if err != nil {
		return push.VAPID{}, err
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return push.VAPID{}, fmt.Errorf("create data folder: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o600); err != nil {
		return push.VAPID{}, fmt.Errorf("keep generated VAPID keys: %w", err)
	}
	return k, nil
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// pushHandlers builds the push sender and returns the job kinds it runs,
// for the lead worker's Handlers; the map is never nil, so callers may add
// their own kinds to it. Pushes reach the internet only, through
// the webhooks' guarded client; BROBYGGER_ALLOW_HTTP_WEBHOOKS lets them
// reach this machine too, for development and tests.
func (a *App) pushHandlers(svc *bot.Service, st *store.Store) map[string]leads.Handler {
	sender, err := push.NewSender(push.Config{Keys: a.push.keys, Store: st, AllowHTTP: a.cfg.AllowHTTPWebhooks,
		Lang: func(ctx context.Context, userID string) string {
			c, found, err := svc.Existing(ctx, userID)
			if err != nil || !found {
				return ""
			}
			return c.State.Lang
		},
		Logger: a.log})
	if err != nil {
		// vapidKeys checked the keys already; this is a programming error.
		a.log.Error("push messages are off", "err", err)
		return map[string]leads.Handler{}
	}
	a.push.sender = sender
	return map[string]leads.Handler{push.KindPush: sender.Handle}
}

// newMessagePush tells the young person's phone that there is something new
// in their chat: call it after the system put a message there on its own
// (an organisation's reply, a lead's new status, a check-in). It enqueues a
// push job; messages within push.CollapseWindow share one push. The
// message is in the chat already, so a push that cannot be enqueued is
// logged and not an error.
func (a *App) newMessagePush(ctx context.Context, userID string) {
	if a.push.sender == nil || userID == "" {
		return
	}
	// Most young people have no subscription: one read by _id spares the
	// outbox a job that would do nothing.
	if subs, err := a.Store.PushSubscriptionsOf(ctx, userID); err == nil && len(subs) == 0 {
		return
	}
	if err := a.Store.EnqueueJob(ctx, push.NewMessageJob(userID, a.cfg.Now())); err != nil && !errors.Is(err, context.Canceled) {
		a.log.Warn("push message not enqueued", "err", err)
	}
}
